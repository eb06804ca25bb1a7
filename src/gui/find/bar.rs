//! 查找 (Ctrl+F) and 替换 (Ctrl+H): a bar under the menu. Finds in the meta fields and every
//! text field (the matches tinted in the form), goes to each (the form scrolls there, the
//! match selected), replaces in the 正文 one by one or all, each as one undo step.

use egui::Ui;

use crate::find::{Found, find};
use crate::model::Report;

use crate::gui::common::strings as s;
use crate::gui::find::commands::FindCommand;

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
    pub focus: bool,
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
    commands: &mut Vec<FindCommand>,
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
                commands.push(FindCommand::Step(!shift));
                bar.focus = true;
            }
            if ui.button(s::FIND_PREVIOUS).clicked() {
                commands.push(FindCommand::Step(false));
            }
            if ui.button(s::FIND_NEXT).clicked() {
                commands.push(FindCommand::Step(true));
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
                commands.push(FindCommand::Close);
            }
        });
        if bar.replacing {
            ui.horizontal(|ui| {
                let label = ui.label(s::REPLACE_LABEL);
                ui.add(egui::TextEdit::singleline(&mut bar.replacement).desired_width(220.0))
                    .labelled_by(label.id);
                if ui.button(s::REPLACE_ONE).clicked() {
                    commands.push(FindCommand::ReplaceOne);
                }
                if ui.button(s::REPLACE_ALL).clicked() {
                    commands.push(FindCommand::ReplaceAll);
                }
                ui.weak(s::REPLACE_NOTE);
            });
        }
    });
}

impl FindBar {
    /// The match gone to, as the form tints it.
    pub fn current_match(&self) -> Option<&Found> {
        self.matches.get(self.current?)
    }
}
