//! What the window's own commands do.

use egui::Context;

use crate::gui::app::EditorApp;
use crate::gui::shell::commands::ShellCommand;
use crate::gui::shell::guide::GuideWindow;

/// Runs one of the window's commands.
pub fn run(app: &mut EditorApp, ctx: &Context, command: ShellCommand) {
    match command {
        ShellCommand::SetZoom(z) => ctx.set_zoom_factor(z.clamp(0.6, 2.5)),
        ShellCommand::Status(message) => app.status.text = Some(message),
        ShellCommand::ShowModal(modal) => app.modal = Some(modal),
        ShellCommand::ShowGuide => app.window.guide = Some(GuideWindow::new()),
    }
}
