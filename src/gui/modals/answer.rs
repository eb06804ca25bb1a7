//! What the user answered a modal with: keep it open, close it, or run commands.

use crate::gui::commands::Command;

pub enum Answer {
    Keep,
    Close,
    Commands(Vec<Command>),
}

impl Answer {
    /// One command of any family.
    pub fn one(command: impl Into<Command>) -> Answer {
        Answer::Commands(vec![command.into()])
    }
}
