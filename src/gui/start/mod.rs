//! The start page.

pub mod page;
