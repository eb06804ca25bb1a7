//! The modal dialogs drawn: what each asks is data (`commands::modal`); the answer is
//! commands.

pub mod answer;
pub mod files;
pub mod letter;
pub mod show;
pub mod widgets;
