//! In-app modal dialogs: unsaved changes, typed path (when no native dialog can be shown),
//! crash recovery and error messages. Answers are pushed as commands.

use std::path::PathBuf;

use egui::{Context, Id, Key, RichText};

use crate::analysis::Deadline;
use crate::review::Stage;

use crate::gui::checks::commands::ChecksCommand;
use crate::gui::commands::Command;
use crate::gui::commands::modal::Modal;
use crate::gui::common::strings as s;
use crate::gui::desk::commands::DeskCommand;
use crate::gui::files::commands::{Action, DocumentKind, FileCommand, PathPurpose};
use crate::gui::form::state::place_name;
use crate::gui::modals::answer::Answer;
use crate::gui::modals::files::{Changed, changed_modal, held_modal, recovery_modal};
use crate::gui::modals::widgets::default_button;
use crate::gui::review::commands::ReviewCommand;

/// Draws the modal, if any, and applies the answer.
pub fn show(ctx: &Context, slot: &mut Option<Modal>, name: &str, commands: &mut Vec<Command>) {
    let Some(mut modal) = slot.take() else {
        return;
    };
    let answer = egui::Modal::new(Id::unique("nianbao-modal")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ask(ui, &mut modal, name)
    });
    let escape = answer.should_close() && !matches!(modal, Modal::Recovery(_));
    match answer.inner {
        Answer::Keep if !escape => *slot = Some(modal),
        Answer::Keep | Answer::Close => {}
        Answer::Commands(answer) => commands.extend(answer),
    }
}

/// Draws one modal's question; what was answered.
fn ask(ui: &mut egui::Ui, modal: &mut Modal, name: &str) -> Answer {
    match modal {
        Modal::Unsaved { then } => unsaved(ui, name, then),
        Modal::Path { purpose, text } => typed_path(ui, purpose, text),
        Modal::Recovery(copies) => recovery_modal(ui, copies),
        Modal::Letter { findings, unread } => {
            crate::gui::modals::letter::show(ui, findings, unread)
        }
        Modal::HeldElsewhere {
            opened,
            bytes,
            path,
            holder,
            gone,
        } => held_modal(ui, opened, bytes, path, holder, *gone),
        Modal::ChangedOnDisk {
            path,
            then,
            changes,
            merged,
            conflicts,
            disk,
        } => changed_modal(
            ui,
            Changed {
                path,
                then,
                changes,
                merged: merged.as_deref(),
                conflicts,
                disk,
            },
        ),
        Modal::PdfNotFinal { reasons } => pdf_not_final(ui, reasons),
        Modal::ExportNotFinal { kind, reasons } => export_not_final(ui, *kind, reasons),
        Modal::About => about(ui),
        Modal::Deadline { local, text } => deadline(ui, local, text),
        Modal::Explain {
            finding,
            text,
            author,
        } => explain(ui, finding, text, author),
        Modal::SignOff { stage, name } => sign_off(ui, *stage, name),
        Modal::DeskSum { plans, year } => desk_sum(ui, plans, year),
        Modal::DeskSign { stage, units, name } => desk_sign(ui, *stage, units, name),
        Modal::DeskReturn {
            units,
            name,
            as_text,
        } => desk_return(ui, units, name, as_text),
        Modal::Note {
            place,
            text,
            author,
        } => note(ui, *place, text, author),
        Modal::RuleHelp(rule) => rule_help(ui, *rule),
        Modal::Error(message) => {
            ui.heading(s::ERROR_TITLE);
            ui.label(RichText::new(message.as_str()));
            if default_button(ui, s::OK, true) {
                Answer::Close
            } else {
                Answer::Keep
            }
        }
    }
}

/// A 说明 for a 警告 or 提示.
fn explain(
    ui: &mut egui::Ui,
    finding: &crate::finding::Finding,
    text: &mut String,
    author: &mut String,
) -> Answer {
    ui.heading(s::EXPLAIN_TITLE);
    ui.label(finding.to_line());
    ui.add_space(6.0);
    match text_and_author(ui, s::EXPLAIN_TEXT, text, author) {
        Some(Some((text, author))) => Answer::one(ReviewCommand::Explain {
            finding: Box::new(finding.clone()),
            text,
            author,
        }),
        Some(None) => Answer::Close,
        None => Answer::Keep,
    }
}

/// 添加批注… on a place.
fn note(
    ui: &mut egui::Ui,
    place: crate::finding::Place,
    text: &mut String,
    author: &mut String,
) -> Answer {
    ui.heading(s::NOTE_TITLE);
    ui.label(place_name(place));
    match text_and_author(ui, s::NOTE_TEXT, text, author) {
        Some(Some((text, author))) => Answer::one(ReviewCommand::AddNote {
            place,
            text,
            author,
        }),
        Some(None) => Answer::Close,
        None => Answer::Keep,
    }
}

/// 这条规则是什么: from the core's table of rule texts. Enter or Esc closes it.
fn rule_help(ui: &mut egui::Ui, rule: crate::finding::Rule) -> Answer {
    let t = crate::rule_texts::text_of(rule);
    ui.heading(format!("{} {}（{}）", s::RULE_HELP_TITLE, t.id, t.severity));
    for (label, text) in [
        (s::RULE_HELP_CHECKS, t.checks),
        (s::RULE_HELP_SOURCE, t.source),
        (s::RULE_HELP_EXAMPLE, t.example),
    ] {
        ui.add_space(4.0);
        ui.strong(label);
        ui.label(text);
    }
    ui.add_space(6.0);
    if default_button(ui, s::OK, true) {
        Answer::Close
    } else {
        Answer::Keep
    }
}

fn unsaved(ui: &mut egui::Ui, name: &str, then: &Action) -> Answer {
    ui.heading(s::UNSAVED_TITLE);
    ui.label(s::fill(s::UNSAVED_BODY, name));
    ui.add_space(8.0);
    let mut answer = Answer::Keep;
    ui.horizontal(|ui| {
        if default_button(ui, s::SAVE, true) {
            answer = Answer::one(FileCommand::Save {
                then: Some(then.clone()),
            });
        }
        if ui.button(s::DONT_SAVE).clicked() {
            answer = Answer::one(FileCommand::Run(then.clone()));
        }
        if ui.button(s::CANCEL).clicked() {
            answer = Answer::Close;
        }
    });
    answer
}

fn typed_path(ui: &mut egui::Ui, purpose: &PathPurpose, text: &mut String) -> Answer {
    let title = match purpose {
        PathPurpose::Open
        | PathPurpose::ComparePrevious
        | PathPurpose::NewFromPrevious
        | PathPurpose::SumUnits
        | PathPurpose::CompareVersion
        | PathPurpose::Profile => s::PATH_TITLE_OPEN,
        PathPurpose::DeskFolder => s::PATH_TITLE_DESK,
        PathPurpose::SaveAs { .. } => s::PATH_TITLE_SAVE,
        PathPurpose::Export { .. } | PathPurpose::ExportPdf { .. } => s::PATH_TITLE_EXPORT,
    };
    ui.heading(title);
    ui.label(s::PATH_BODY);
    let label = ui.label(s::PATH_LABEL);
    let edit = ui.add(egui::TextEdit::singleline(text).desired_width(480.0));
    let edit = edit.labelled_by(label.id);
    if !edit.has_focus() && !edit.lost_focus() {
        edit.request_focus();
    }
    let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    let mut answer = Answer::Keep;
    ui.horizontal(|ui| {
        if ui.button(s::OK).clicked() || entered {
            let path = PathBuf::from(text.trim());
            if !text.trim().is_empty() {
                answer = Answer::one(crate::gui::commands::purpose::command_for(purpose, path));
            }
        }
        if ui.button(s::CANCEL).clicked() {
            answer = Answer::Close;
        }
    });
    answer
}

fn pdf_not_final(ui: &mut egui::Ui, reasons: &[String]) -> Answer {
    ui.heading(s::PDF_NOT_FINAL_TITLE);
    for reason in reasons.iter() {
        ui.label(format!("• {reason}"));
    }
    ui.label(s::PDF_NOT_FINAL_BODY);
    let mut answer = Answer::Keep;
    ui.horizontal(|ui| {
        if default_button(ui, s::EXPORT_ANYWAY, true) {
            answer = Answer::one(FileCommand::ExportPdfPick { watermark: true });
        }
        if ui.button(s::CANCEL).clicked() {
            answer = Answer::Close;
        }
    });
    answer
}

/// 导出 Word… / 导出网页… of a report that is no final version: as the PDF's question; a
/// Word file gets 草稿 in its header.
fn export_not_final(ui: &mut egui::Ui, kind: DocumentKind, reasons: &[String]) -> Answer {
    ui.heading(s::PDF_NOT_FINAL_TITLE);
    for reason in reasons.iter() {
        ui.label(format!("• {reason}"));
    }
    let (body, go) = match kind {
        DocumentKind::Word => (s::WORD_NOT_FINAL_BODY, s::WORD_EXPORT_DRAFT),
        _ => (s::PAGE_NOT_FINAL_BODY, s::PAGE_EXPORT_ANYWAY),
    };
    ui.label(body);
    let mut answer = Answer::Keep;
    ui.horizontal(|ui| {
        if default_button(ui, go, true) {
            answer = Answer::one(FileCommand::ExportPick {
                kind,
                draft: kind == DocumentKind::Word,
            });
        }
        if ui.button(s::CANCEL).clicked() {
            answer = Answer::Close;
        }
    });
    answer
}

fn about(ui: &mut egui::Ui) -> Answer {
    ui.heading(s::APP_NAME);
    ui.label(format!("{}{}", s::ABOUT_VERSION, env!("CARGO_PKG_VERSION")));
    ui.label(s::ABOUT_TEMPLATE);
    ui.add_space(6.0);
    ui.label(s::ABOUT_FONTS);
    for (font, licence) in &crate::fonts::ALL {
        ui.label(format!("  {}（{licence}）", font.family));
    }
    ui.label(s::ABOUT_LICENCE);
    ui.add_space(6.0);
    let mut answer = Answer::Keep;
    if default_button(ui, s::OK, true) {
        answer = Answer::Close;
    }
    answer
}

fn deadline(ui: &mut egui::Ui, local: &mut bool, text: &mut String) -> Answer {
    ui.heading(s::DEADLINE_TITLE);
    ui.label(s::DEADLINE_BODY);
    ui.add_space(6.0);
    ui.radio_value(local, false, s::DEADLINE_NATIONAL);
    let typed = Deadline::parse(text);
    ui.horizontal(|ui| {
        ui.radio_value(local, true, s::DEADLINE_LOCAL);
        let label = ui.label(s::DEADLINE_LOCAL_FIELD);
        let edit = ui
            .add_enabled(
                *local,
                egui::TextEdit::singleline(text)
                    .desired_width(80.0)
                    .hint_text("01-28"),
            )
            .labelled_by(label.id);
        if edit.changed() {
            *local = true;
        }
    });
    let invalid = *local && typed.is_none();
    if invalid && !text.trim().is_empty() {
        ui.colored_label(ui.visuals().error_fg_color, s::DEADLINE_INVALID);
    }
    let mut answer = Answer::Keep;
    ui.horizontal(|ui| {
        if default_button(ui, s::OK, !invalid) {
            let chosen = if *local { typed } else { None };
            answer = Answer::one(ChecksCommand::SetDeadline(chosen));
        }
        if ui.button(s::CANCEL).clicked() {
            answer = Answer::Close;
        }
    });
    answer
}

fn sign_off(ui: &mut egui::Ui, stage: Stage, name: &mut String) -> Answer {
    ui.heading(match stage {
        Stage::Reviewed => s::SIGN_REVIEW_TITLE,
        Stage::Signed => s::SIGN_SIGN_TITLE,
    });
    ui.label(s::SIGN_BODY);
    let label = ui.label(s::SIGN_NAME);
    let edit = ui
        .add(egui::TextEdit::singleline(name).desired_width(200.0))
        .labelled_by(label.id);
    if !edit.has_focus() && !edit.lost_focus() {
        edit.request_focus();
    }
    let mut answer = Answer::Keep;
    ui.horizontal(|ui| {
        if default_button(ui, s::OK, !name.trim().is_empty()) {
            answer = Answer::one(ReviewCommand::SignOff {
                stage,
                name: name.trim().to_string(),
            });
        }
        if ui.button(s::CANCEL).clicked() {
            answer = Answer::Close;
        }
    });
    answer
}

/// 退回… at the desk: the letter as PDF or text, who returns it; Enter returns, Esc cancels.
fn desk_return(
    ui: &mut egui::Ui,
    units: &[(String, String)],
    name: &mut String,
    as_text: &mut bool,
) -> Answer {
    ui.heading(s::DESK_RETURN_TITLE);
    let unit = |(file, organ): &(String, String)| {
        if organ.is_empty() {
            file.clone()
        } else {
            format!("{organ}（{file}）")
        }
    };
    if let [one] = units {
        ui.label(unit(one));
    } else {
        ui.label(s::fill(s::DESK_RETURN_SEVERAL, units.len()));
        egui::ScrollArea::vertical()
            .max_height(160.0)
            .show(ui, |ui| {
                for u in units {
                    ui.label(unit(u));
                }
            });
    }
    ui.label(s::DESK_RETURN_BODY);
    ui.horizontal(|ui| {
        ui.label(s::DESK_RETURN_FORMAT);
        ui.radio_value(as_text, false, s::DESK_RETURN_PDF);
        ui.radio_value(as_text, true, s::DESK_RETURN_TEXT);
    });
    let ready = name_field(ui, s::DESK_RETURN_NAME, name);
    let mut answer = Answer::Keep;
    ui.horizontal(|ui| {
        if default_button(ui, s::DESK_RETURN_OK, ready) {
            answer = Answer::one(DeskCommand::ReturnNow {
                files: units.iter().map(|(file, _)| file.clone()).collect(),
                name: name.trim().to_string(),
                as_text: *as_text,
            });
        }
        if ui.button(s::CANCEL).clicked() {
            answer = Answer::Close;
        }
    });
    if !ready {
        ui.weak(s::DESK_RETURN_NEEDS_NAME);
    }
    answer
}

/// A text and who writes it, with 确定 and 取消: `Some(Some(..))` when confirmed (both
/// filled in), `Some(None)` when cancelled, `None` while being written.
fn text_and_author(
    ui: &mut egui::Ui,
    prompt: &str,
    text: &mut String,
    author: &mut String,
) -> Option<Option<(String, String)>> {
    let label = ui.label(prompt);
    let edit = ui
        .add(
            egui::TextEdit::multiline(text)
                .desired_rows(3)
                .desired_width(480.0),
        )
        .labelled_by(label.id);
    if !edit.has_focus() && text.is_empty() && !edit.lost_focus() {
        edit.request_focus();
    }
    let label = ui.label(s::EXPLAIN_AUTHOR);
    ui.add(egui::TextEdit::singleline(author).desired_width(200.0))
        .labelled_by(label.id);
    let ready = !text.trim().is_empty() && !author.trim().is_empty();
    // Enter writes a new line in the text: Ctrl+Enter confirms.
    let confirm = ready && ui.input(|i| i.modifiers.command && i.key_pressed(Key::Enter));
    let mut answer = None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(ready, egui::Button::new(RichText::new(s::OK).strong()))
            .clicked()
            || confirm
        {
            answer = Some(Some((text.trim().to_string(), author.trim().to_string())));
        }
        if ui.button(s::CANCEL).clicked() {
            answer = Some(None);
        }
    });
    answer
}

/// 汇总已审核的报告 at the desk: which year (the most common chosen), what it takes and leaves
/// out; Enter sums, Esc cancels.
fn desk_sum(ui: &mut egui::Ui, plans: &[(u16, String)], year: &mut u16) -> Answer {
    ui.heading(s::DESK_SUM_TITLE);
    ui.horizontal(|ui| {
        ui.label(s::DESK_SUM_YEAR);
        for (y, _) in plans {
            ui.radio_value(year, *y, format!("{y}年度"));
        }
    });
    if let Some((_, plan)) = plans.iter().find(|(y, _)| y == year) {
        egui::ScrollArea::vertical()
            .max_height(240.0)
            .show(ui, |ui| {
                for line in plan.lines() {
                    ui.label(line);
                }
            });
    }
    ui.add_space(6.0);
    let mut answer = Answer::Keep;
    ui.horizontal(|ui| {
        if default_button(ui, s::DESK_SUM_OK, true) {
            answer = Answer::one(Command::guarded(Action::SumDesk(*year)));
        }
        if ui.button(s::CANCEL).clicked() {
            answer = Answer::Close;
        }
    });
    answer
}

/// 审核通过 / 签发 at the desk: who signs, which reports and how many warnings each still has;
/// Enter signs, Esc cancels.
fn desk_sign(
    ui: &mut egui::Ui,
    stage: Stage,
    units: &[(String, String, usize)],
    name: &mut String,
) -> Answer {
    ui.heading(match stage {
        Stage::Reviewed => s::DESK_SIGN_TITLE_REVIEW,
        Stage::Signed => s::DESK_SIGN_TITLE_SIGN,
    });
    ui.label(s::DESK_SIGN_BODY);
    egui::ScrollArea::vertical()
        .max_height(200.0)
        .show(ui, |ui| {
            for (file, organ, warnings) in units {
                let who = if organ.is_empty() {
                    file.clone()
                } else {
                    format!("{organ}（{file}）")
                };
                let warnings = if *warnings > 0 {
                    format!(" — {}", s::fill(s::DESK_SIGN_WARNINGS, warnings))
                } else {
                    String::new()
                };
                ui.label(format!("{who}{warnings}"));
            }
        });
    let ready = name_field(ui, s::DESK_SIGN_NAME, name);
    let mut answer = Answer::Keep;
    ui.horizontal(|ui| {
        if default_button(ui, s::OK, ready) {
            answer = Answer::one(DeskCommand::SignNow {
                files: units.iter().map(|(file, _, _)| file.clone()).collect(),
                stage,
                name: name.trim().to_string(),
            });
        }
        if ui.button(s::CANCEL).clicked() {
            answer = Answer::Close;
        }
    });
    if !ready {
        ui.weak(s::DESK_SIGN_NEEDS_NAME);
    }
    answer
}

/// Who returns or signs, labelled `label`, with the keyboard while empty; whether a name is
/// given.
fn name_field(ui: &mut egui::Ui, label: &str, name: &mut String) -> bool {
    let label = ui.label(label);
    let edit = ui
        .add(egui::TextEdit::singleline(name).desired_width(200.0))
        .labelled_by(label.id);
    if !edit.has_focus() && !edit.lost_focus() && name.is_empty() {
        edit.request_focus();
    }
    !name.trim().is_empty()
}
