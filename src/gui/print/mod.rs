//! 打印预览 and 打印…: the export's PDF drawn, and handed to the system's printing.

pub mod actions;
pub mod commands;
pub mod job;
pub mod portal;
pub mod preview;
