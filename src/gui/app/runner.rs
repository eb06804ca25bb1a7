//! Runs the queued commands after the frame, each by its feature's actions: the only place
//! where the editor has side effects.

use egui::Context;

use crate::gui::app::EditorApp;
use crate::gui::app::commands::Command;

/// Runs every queued command (commands may queue more; those run too).
pub fn run_all(app: &mut EditorApp, ctx: &Context) {
    if app.commands.iter().any(Command::changes_the_view) {
        // What the commands change (a modal, a new document) is drawn on the next frame.
        ctx.request_repaint();
    }
    let mut rounds = 0;
    while !app.commands.is_empty() && rounds < 16 {
        rounds += 1;
        for command in std::mem::take(&mut app.commands) {
            run(app, ctx, command);
        }
    }
}

/// Runs one command by its family.
pub fn run(app: &mut EditorApp, ctx: &Context, command: Command) {
    match command {
        Command::File(c) => crate::gui::files::actions::run(app, ctx, c),
        Command::Checks(c) => crate::gui::checks::actions::run(app, c),
        Command::Review(c) => crate::gui::review::actions::run(app, c),
        Command::Desk(c) => crate::gui::desk::actions::run(app, ctx, c),
        Command::Find(c) => crate::gui::find::actions::run(app, c),
        Command::Print(c) => crate::gui::print::actions::run(app, ctx, c),
        Command::Edit(c) => crate::gui::form::actions::run(app, c),
        Command::Shell(c) => crate::gui::shell::actions::run(app, ctx, c),
    }
}
