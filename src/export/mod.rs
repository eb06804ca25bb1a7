//! Exporters: each returns the bytes (or text) of the output; the caller writes them.

pub mod json;
pub mod pdf;
pub mod text;
