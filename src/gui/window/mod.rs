//! The window's own features: zoom and the guide (使用说明), and their commands.

pub mod commands;
pub mod guide;
