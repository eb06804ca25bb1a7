//! Files: the open document, the file commands as data, the dialogs, the editor's own files
//! (recovery copies, settings).

pub mod commands;
pub mod dialogs;
pub mod document;
pub mod opening;
pub mod storage;
