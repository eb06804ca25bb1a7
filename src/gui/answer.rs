//! What the user answered a modal with: keep it open, close it, or run commands.

use super::commands::Command;

pub(super) enum Answer {
    Keep,
    Close,
    Commands(Vec<Command>),
}
