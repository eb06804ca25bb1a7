//! Files: open, save, export, 汇总, the dialogs and paths, drafts shared between windows.

pub mod actions;
pub mod commands;
pub mod dialogs;
pub mod io;
pub mod paths;
pub mod shared;
