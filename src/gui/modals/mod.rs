//! The modal dialogs: what each asks (`modal`), how it is drawn (`show`, `files`), and the
//! answer as commands.

pub mod answer;
pub mod files;
pub mod modal;
pub mod show;
pub mod widgets;
