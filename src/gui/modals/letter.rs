//! 导出退回意见…: the reviewer chooses which open findings go to the unit, and whether the
//! part the import could not read is attached for the reviewer.

use egui::Ui;

use crate::export::return_notes::{LetterChoice, is_reading_problem};
use crate::review::Explained;

use crate::analysis::Analysis;
use crate::gui::commands::modal::Modal;
use crate::gui::common::strings as s;
use crate::gui::modals::answer::Answer;
use crate::gui::review::commands::ReviewCommand;

/// The question, with every open finding of the unit chosen (as last time otherwise).
pub fn choose(a: &Analysis, last: &LetterChoice) -> Modal {
    let open = |k: &usize| !matches!(a.explained.get(*k), Some(Some(Explained::Current(_))));
    let findings = a
        .findings
        .iter()
        .enumerate()
        .filter(|(k, f)| open(k) && !is_reading_problem(f))
        .map(|(k, f)| (k, f.to_line(), !last.leave_out.contains(&k)))
        .collect();
    let has_unread = a
        .findings
        .iter()
        .enumerate()
        .any(|(k, f)| open(&k) && is_reading_problem(f));
    Modal::Letter {
        findings,
        unread: has_unread.then_some(last.include_unread),
    }
}

/// Draws the question; 导出… answers with the choice.
pub fn show(
    ui: &mut Ui,
    findings: &mut [(usize, String, bool)],
    unread: &mut Option<bool>,
) -> Answer {
    ui.heading(s::LETTER_TITLE);
    if findings.is_empty() {
        ui.label(s::LETTER_NONE);
    } else {
        ui.label(s::LETTER_BODY);
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                for (_, line, chosen) in findings.iter_mut() {
                    ui.checkbox(chosen, line.as_str());
                }
            });
    }
    if let Some(include) = unread {
        ui.add_space(4.0);
        ui.checkbox(include, s::LETTER_UNREAD);
    }
    ui.add_space(8.0);
    let mut answer = Answer::Keep;
    ui.horizontal(|ui| {
        if ui.button(s::LETTER_EXPORT).clicked() {
            let choice = LetterChoice {
                leave_out: findings
                    .iter()
                    .filter(|(_, _, chosen)| !chosen)
                    .map(|(k, _, _)| *k)
                    .collect(),
                include_unread: unread.unwrap_or(true),
            };
            answer = Answer::one(ReviewCommand::ExportLetter(choice));
        }
        if ui.button(s::CANCEL).clicked() {
            answer = Answer::Close;
        }
    });
    answer
}
