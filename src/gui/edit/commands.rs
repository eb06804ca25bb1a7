//! The form's commands as data: the undo history.

use crate::draft::Draft;

/// A command of the form, run by `form::actions`.
#[derive(Clone, Debug)]
pub enum EditCommand {
    /// Record this state of the draft as an undo point (taken when the panel asked).
    UndoPoint(Box<Draft>),
    Undo,
    Redo,
}
