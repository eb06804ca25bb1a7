//! Editing the report in the form: what the form keeps between frames, the undo history,
//! and its commands.

pub mod commands;
pub mod history;
pub mod state;
