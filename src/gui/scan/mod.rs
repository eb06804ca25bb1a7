//! 核对扫描件识别结果: the side-by-side review of a scan's cells (the cell as seen on the
//! page beside the value read), its state, panel and commands.

pub mod commands;
pub mod panel;
pub mod state;
