//! What the form's commands do: the undo history.

use crate::gui::app::EditorApp;
use crate::gui::edit::commands::EditCommand;

/// Runs one of the form's commands.
pub fn run(app: &mut EditorApp, command: EditCommand) {
    match command {
        EditCommand::UndoPoint(draft) => app.session.history.checkpoint(&draft),
        EditCommand::Undo => app.undo(),
        EditCommand::Redo => app.redo(),
    }
}
