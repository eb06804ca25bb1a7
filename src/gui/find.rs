//! 查找 (Ctrl+F) and 替换 (Ctrl+H): a bar under the menu. Finds in the meta fields and every
//! text field (the matches tinted in the form), goes to each (the form scrolls there, the
//! match selected), replaces in the 正文 one by one or all, each as one undo step.

use egui::Ui;

use crate::find::{Found, find};
use crate::model::Report;

use super::commands::Command;
use super::editor::EditorApp;
use super::strings as s;

/// The find bar's state.
#[derive(Clone, Debug, Default)]
pub struct FindBar {
    pub query: String,
    pub replacement: String,
    /// The 替换为 row is shown (Ctrl+H).
    pub replacing: bool,
    /// The match gone to last, by index into the matches.
    pub current: Option<usize>,
    /// The matches in the report as it is this frame (found once per frame, by [`show`]).
    pub matches: Vec<Found>,
    /// Focus the query field on the next frame.
    focus: bool,
}

impl FindBar {
    /// A bar just opened (`replacing` for Ctrl+H), its field focused.
    pub fn new(replacing: bool) -> FindBar {
        FindBar {
            replacing,
            focus: true,
            ..FindBar::default()
        }
    }
}

/// Draws the bar; what the clerk asks for is pushed as commands.
/// `in_findings`: how many findings hold the query (marked in the findings panel).
pub fn show(
    ui: &mut Ui,
    bar: &mut FindBar,
    (report, in_findings): (&Report, usize),
    commands: &mut Vec<Command>,
) {
    bar.matches = find(report, &bar.query);
    let matches = &bar.matches;
    egui::Panel::top("nianbao-find").show(ui, |ui| {
        ui.horizontal(|ui| {
            let label = ui.label(s::FIND_LABEL);
            let field = ui
                .add(egui::TextEdit::singleline(&mut bar.query).desired_width(220.0))
                .labelled_by(label.id);
            if std::mem::take(&mut bar.focus) {
                field.request_focus();
            }
            if field.changed() {
                bar.current = None;
            }
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let shift = ui.input(|i| i.modifiers.shift);
            if enter {
                commands.push(Command::FindStep(!shift));
                bar.focus = true;
            }
            if ui.button(s::FIND_PREVIOUS).clicked() {
                commands.push(Command::FindStep(false));
            }
            if ui.button(s::FIND_NEXT).clicked() {
                commands.push(Command::FindStep(true));
            }
            let count = match (matches.len(), bar.current) {
                (0, _) if !bar.query.is_empty() => s::FIND_NONE.to_string(),
                (0, _) => String::new(),
                (n, Some(k)) if k < n => format!("第 {} / 共 {n} 处", k + 1),
                (n, _) => format!("共 {n} 处"),
            };
            ui.label(count);
            if in_findings > 0 {
                ui.weak(s::fill(s::FIND_IN_FINDINGS, in_findings));
            }
            if ui.button(s::FIND_CLOSE).clicked()
                || (field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)))
            {
                commands.push(Command::CloseFind);
            }
        });
        if bar.replacing {
            ui.horizontal(|ui| {
                let label = ui.label(s::REPLACE_LABEL);
                ui.add(egui::TextEdit::singleline(&mut bar.replacement).desired_width(220.0))
                    .labelled_by(label.id);
                if ui.button(s::REPLACE_ONE).clicked() {
                    commands.push(Command::ReplaceOne);
                }
                if ui.button(s::REPLACE_ALL).clicked() {
                    commands.push(Command::ReplaceAll);
                }
                ui.weak(s::REPLACE_NOTE);
            });
        }
    });
}

/// Runs the bar's commands, after the frame.
pub(super) fn run(app: &mut EditorApp, ctx: &egui::Context, command: Command) {
    match command {
        Command::OpenFind(replacing) => {
            let query = app
                .find
                .as_ref()
                .map(|b| b.query.clone())
                .unwrap_or_default();
            let mut bar = FindBar::new(replacing);
            bar.query = query;
            app.find = Some(bar);
        }
        Command::CloseFind => app.find = None,
        Command::FindStep(forward) => step(app, ctx, forward),
        Command::ReplaceOne => {
            let Some(bar) = app.find.as_ref() else {
                return;
            };
            let (query, with) = (bar.query.clone(), bar.replacement.clone());
            let matches = find(&app.doc.draft.report, &query);
            let Some(k) = bar.current.filter(|&k| k < matches.len()) else {
                // Nothing gone to yet: go to the first; the next click replaces it.
                step(app, ctx, true);
                return;
            };
            app.history.checkpoint(&app.doc.draft);
            if crate::find::replace_one(&mut app.doc.draft.report, &matches[k], &query, &with) {
                app.history.checkpoint(&app.doc.draft);
                if let Some(bar) = app.find.as_mut() {
                    // On to the match after it: now at k (k + 1 when the replacement holds
                    // the query itself).
                    let next = k + usize::from(with.contains(&query));
                    bar.current = next.checked_sub(1);
                }
                step(app, ctx, true);
            } else {
                app.status = Some(s::REPLACE_NOT_TEXT.to_string());
            }
        }
        Command::ReplaceAll => {
            let Some(bar) = app.find.as_ref() else {
                return;
            };
            let (query, with) = (bar.query.clone(), bar.replacement.clone());
            app.history.checkpoint(&app.doc.draft);
            let n = crate::find::replace_all(&mut app.doc.draft.report, &query, &with);
            app.history.checkpoint(&app.doc.draft);
            if let Some(bar) = app.find.as_mut() {
                bar.current = None;
            }
            app.status = Some(s::fill(s::REPLACED_ALL, n));
        }
        _ => {}
    }
}

/// To the next (or previous) match: its field focused and scrolled to, the match selected.
fn step(app: &mut EditorApp, ctx: &egui::Context, forward: bool) {
    let Some(bar) = app.find.as_mut() else {
        return;
    };
    let matches = find(&app.doc.draft.report, &bar.query);
    if matches.is_empty() {
        app.status = Some(s::FIND_NONE.to_string());
        return;
    }
    let n = matches.len();
    let k = super::state::cycle(bar.current, n, forward);
    bar.current = Some(k);
    // The keyboard stays in the find bar (Enter goes on to the next match); the form
    // scrolls to the match, which is tinted more strongly than the others.
    bar.focus = true;
    app.edit.reveal(matches[k].place);
    let _ = ctx;
}

impl FindBar {
    /// The match gone to, as the form tints it.
    pub fn current_match(&self) -> Option<&Found> {
        self.matches.get(self.current?)
    }
}
