//! 打印预览 and 打印…: the preview's pages, the portal, the print job; their commands.

pub mod commands;
pub mod job;
pub mod portal;
pub mod preview;
