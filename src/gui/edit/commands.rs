//! The form's commands as data: the undo history, 空白格填0.

use crate::draft::Draft;

/// A command of the form, run by `form::actions`.
#[derive(Clone, Debug)]
pub enum EditCommand {
    /// Record this state of the draft as an undo point (taken when the panel asked).
    UndoPoint(Box<Draft>),
    Undo,
    Redo,
    /// 空白格填0: the blank cells the blank-cell check names, set to 0 (one undo step).
    FillZeros(crate::release::ZeroFill),
}
