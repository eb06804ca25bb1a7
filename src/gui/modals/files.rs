//! The questions about shared drafts: a draft held by another window, a file changed on disk
//! before a save, the recovery copies of windows that ended.

use std::path::Path;

use egui::Ui;

use crate::document::Opened;
use crate::draft::Draft;
use crate::gui::commands::Command;
use crate::gui::common::strings as s;
use crate::gui::files::commands::{Action, FileCommand, HeldChoice};
use crate::gui::files::storage::Recovery;
use crate::gui::modals::answer::Answer;
use crate::gui::modals::widgets::default_button;
use crate::lock::Owner;

/// The question of a second opener.
pub fn held_modal(
    ui: &mut Ui,
    opened: &Opened,
    bytes: &[u8],
    path: &Path,
    holder: &Owner,
    gone: bool,
) -> Answer {
    ui.heading(s::HELD_TITLE);
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    ui.label(s::fill(&s::fill(s::HELD_BODY, name), holder.describe()));
    if gone {
        ui.label(s::HELD_GONE);
    }
    ui.add_space(8.0);
    let mut answer = Answer::Keep;
    let choose = |how| {
        Answer::one(FileCommand::OpenHeld {
            opened: Box::new(opened.clone()),
            bytes: bytes.to_vec(),
            path: path.to_path_buf(),
            how,
        })
    };
    ui.horizontal(|ui| {
        if gone && ui.button(s::TAKE_OVER).clicked() {
            answer = choose(HeldChoice::TakeOver);
        }
        if ui.button(s::OPEN_READ_ONLY).clicked() {
            answer = choose(HeldChoice::ReadOnly);
        }
        if ui.button(s::OPEN_COPY).clicked() {
            answer = choose(HeldChoice::Copy);
        }
        if ui.button(s::CANCEL).clicked() {
            answer = Answer::Close;
        }
    });
    answer
}

/// What the changed-on-disk question shows and offers.
pub struct Changed<'a> {
    pub path: &'a Path,
    pub then: &'a Option<Action>,
    pub changes: &'a [String],
    pub merged: Option<&'a Draft>,
    pub conflicts: &'a [String],
    pub disk: &'a [u8],
}

/// The question before a save over a file that changed on disk.
pub fn changed_modal(ui: &mut Ui, c: Changed) -> Answer {
    let (path, then, merged, disk) = (c.path, c.then, c.merged, c.disk);
    ui.heading(s::CHANGED_TITLE);
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    ui.label(s::fill(s::CHANGED_BODY, name));
    egui::ScrollArea::vertical()
        .max_height(220.0)
        .show(ui, |ui| {
            for line in c.changes {
                ui.label(line);
            }
        });
    ui.add_space(4.0);
    if merged.is_some() {
        ui.label(s::CHANGED_CAN_MERGE);
    } else if !c.conflicts.is_empty() {
        ui.label(s::fill(s::CHANGED_CONFLICTS, c.conflicts.join("、")));
    }
    ui.label(s::CHANGED_CHOOSE);
    ui.add_space(8.0);
    let mut answer = Answer::Keep;
    ui.horizontal(|ui| {
        // Enter: 合并 when both versions merge (nothing lost), else 另存为 (nothing
        // overwritten).
        if let Some(m) = merged
            && default_button(ui, s::MERGE, true)
        {
            answer = Answer::one(FileCommand::MergeAndSave {
                merged: Box::new(m.clone()),
                disk: disk.to_vec(),
                path: path.to_path_buf(),
                then: then.clone(),
            });
        }
        if ui.button(s::RELOAD).clicked() {
            answer = Answer::one(FileCommand::Run(Action::OpenPath(path.to_path_buf())));
        }
        let save_as = if merged.is_some() {
            ui.button(s::SAVE_AS_OTHER).clicked()
        } else {
            default_button(ui, s::SAVE_AS_OTHER, true)
        };
        if save_as {
            answer = Answer::one(FileCommand::SaveAs { then: then.clone() });
        }
        if ui.button(s::OVERWRITE).clicked() {
            answer = Answer::one(FileCommand::Overwrite {
                path: path.to_path_buf(),
                then: then.clone(),
            });
        }
        if ui.button(s::CANCEL).clicked() {
            answer = Answer::Close;
        }
    });
    answer
}

/// The recovery question: the first copy, how many more.
pub fn recovery_modal(ui: &mut Ui, copies: &[Recovery]) -> Answer {
    let Some(r) = copies.first() else {
        return Answer::Close;
    };
    ui.heading(s::RECOVERY_TITLE);
    let what = r
        .original
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| r.draft.report.title());
    ui.label(s::fill(s::RECOVERY_BODY, what));
    if let Some(owner) = &r.owner {
        ui.label(s::fill(s::RECOVERY_WHO, owner.describe()));
    }
    if copies.len() > 1 {
        ui.label(s::fill(s::RECOVERY_MORE, copies.len() - 1));
    }
    // 丢弃 asks once more: a discarded copy cannot be had back.
    let confirm = egui::Id::unique(("nianbao-discard-confirm", &r.key));
    let confirming = ui.data(|d| d.get_temp::<bool>(confirm)).unwrap_or(false);
    let mut answer = Answer::Keep;
    if confirming {
        ui.colored_label(ui.visuals().error_fg_color, s::DISCARD_CONFIRM);
        ui.horizontal(|ui| {
            if ui.button(s::DISCARD_CONFIRMED).clicked() {
                ui.data_mut(|d| d.remove::<bool>(confirm));
                answer = Answer::one(FileCommand::DiscardCopy(r.key.clone()));
            }
            if default_button(ui, s::DISCARD_BACK, true) {
                ui.data_mut(|d| d.insert_temp(confirm, false));
            }
        });
        return answer;
    }
    ui.horizontal(|ui| {
        if default_button(ui, s::RESTORE, true) {
            answer = Answer::one(Command::guarded(Action::Restore(Box::new(r.clone()))));
        }
        if ui.button(s::DISCARD).clicked() {
            ui.data_mut(|d| d.insert_temp(confirm, true));
        }
        if ui.button(s::LATER).clicked() {
            answer = Answer::Close;
        }
    });
    answer
}
