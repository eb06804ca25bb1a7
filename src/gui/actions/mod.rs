//! Runs the queued commands after the frame, each family by its feature's file here: the
//! only place where the editor has side effects. Each file's `run` matches its family
//! exhaustively.

pub mod checks;
pub mod desk;
pub mod edit;
pub mod files;
pub mod find;
pub mod io;
pub mod paths;
pub mod print;
pub mod review;
pub mod scan;
pub mod shared;
pub mod window;

use egui::Context;

use crate::gui::app::EditorApp;
use crate::gui::commands::Command;

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
        Command::File(c) => files::run(app, ctx, c),
        Command::Checks(c) => checks::run(app, c),
        Command::Review(c) => review::run(app, c),
        Command::Scan(c) => scan::run(app, c),
        Command::Desk(c) => desk::run(app, ctx, c),
        Command::Find(c) => find::run(app, c),
        Command::Print(c) => print::run(app, ctx, c),
        Command::Edit(c) => edit::run(app, c),
        Command::Window(c) => window::run(app, ctx, c),
        Command::Status(message) => app.status.text = Some(message),
        Command::ShowModal(modal) => app.modal = Some(modal),
    }
}
