//! What the form's commands do: the undo history, 空白格填0.

use crate::gui::app::EditorApp;
use crate::gui::common::strings as s;
use crate::gui::edit::commands::EditCommand;

/// Runs one of the form's commands.
pub fn run(app: &mut EditorApp, command: EditCommand) {
    match command {
        EditCommand::UndoPoint(draft) => app.session.history.checkpoint(&draft),
        EditCommand::Undo => app.undo(),
        EditCommand::Redo => app.redo(),
        EditCommand::FillZeros(within) => {
            app.refresh_analysis();
            app.session.history.checkpoint(&app.doc.draft);
            let analysis = &app.checks.analysis;
            let n = crate::release::fill_blanks_with_zero(&mut app.doc.draft, analysis, within);
            app.session.history.checkpoint(&app.doc.draft);
            app.edit.clear_typing();
            app.status.text = Some(s::fill(s::ZEROS_FILLED, n));
        }
    }
}
