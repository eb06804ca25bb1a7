//! What the window's own commands do.

use egui::Context;

use crate::gui::app::EditorApp;
use crate::gui::window::commands::WindowCommand;
use crate::gui::window::guide::GuideWindow;

/// Runs one of the window's commands.
pub fn run(app: &mut EditorApp, ctx: &Context, command: WindowCommand) {
    match command {
        WindowCommand::SetZoom(z) => ctx.set_zoom_factor(z.clamp(0.6, 2.5)),
        WindowCommand::ShowGuide => app.window.guide = Some(GuideWindow::new()),
    }
}
