//! 查找 and 替换: the bar under the menu and its commands.

pub mod bar;
pub mod commands;
