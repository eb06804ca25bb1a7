//! Exporters: each returns the bytes (or text) of the output; the caller writes them.

pub mod docx;
pub mod html;
pub mod json;
mod markup;
pub mod page;
pub mod pdf;
pub mod pieces;
pub mod return_notes;
pub mod text;
