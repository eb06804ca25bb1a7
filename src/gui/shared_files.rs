//! Drafts on a shared folder or open in two windows: the lock taken on open, the choice a
//! second opener gets (只读 / 副本 / 接管), the check before every save that nobody changed
//! the file since it was read (重新载入 / 另存为 / 覆盖, with the other version's changes),
//! and the recovery copies of windows that ended, each offered.

use std::path::Path;

use egui::Ui;

use crate::document::Opened;
use crate::draft::{self, Draft};
use crate::fsio;
use crate::lock::{self, LockState, Owner};

use super::answer::Answer;
use super::commands::{Action, Command, HeldChoice, Modal};
use super::editor::EditorApp;
use super::state::Document;
use super::storage::{Recovery, touch_recent};
use super::strings as s;

/// Opens a draft read from `path`: takes its lock, or asks how to open it when another
/// window holds it.
pub(super) fn open_draft(app: &mut EditorApp, opened: Opened, bytes: Vec<u8>, path: &Path) {
    match lock::acquire(path, app.storage.owner()) {
        LockState::Held => {
            let doc = Document::of_draft_file(opened, path, bytes);
            adopt(app, doc, path, true, None);
        }
        LockState::Unavailable(reason) => {
            let doc = Document::of_draft_file(opened, path, bytes);
            let note = s::fill(s::LOCK_UNAVAILABLE, reason);
            adopt(app, doc, path, false, Some(note));
        }
        LockState::HeldBy { holder, gone } => {
            app.modal = Some(Modal::HeldElsewhere {
                opened: Box::new(opened),
                bytes,
                path: path.to_path_buf(),
                holder,
                gone,
            });
        }
    }
}

/// Opens a held draft as chosen.
pub(super) fn open_held(
    app: &mut EditorApp,
    opened: Opened,
    bytes: Vec<u8>,
    path: &Path,
    how: HeldChoice,
) {
    let mut doc = Document::of_draft_file(opened, path, bytes);
    let holder = lock::holder(path).map(|h| h.describe()).unwrap_or_default();
    match how {
        HeldChoice::ReadOnly => {
            doc.read_only = true;
            adopt(
                app,
                doc,
                path,
                false,
                Some(s::fill(s::OPENED_READ_ONLY, holder)),
            );
        }
        HeldChoice::Copy => {
            // Not the file any more: a new, unsaved report with the same content.
            doc.path = None;
            doc.baseline = None;
            doc.on_disk = None;
            app.replace_document(doc);
            app.status = Some(s::OPENED_COPY.to_string());
        }
        HeldChoice::TakeOver => match lock::take_over(path, app.storage.owner()) {
            Ok(()) => adopt(app, doc, path, true, None),
            Err(e) => app.modal = Some(Modal::Error(e.to_string())),
        },
    }
}

fn adopt(app: &mut EditorApp, doc: Document, path: &Path, locked: bool, note: Option<String>) {
    app.storage.clear_recovery();
    app.replace_document(doc);
    if locked {
        app.lock = Some(path.to_path_buf());
    }
    touch_recent(&mut app.recent, path);
    let _ = app.storage.save_recent(&app.recent);
    app.status = Some(note.unwrap_or_else(|| path.display().to_string()));
}

/// What stands in the way of writing the draft to `path`: another window holds the file
/// (refused), or the file changed since this window read it (the user chooses). False: the
/// save may go ahead.
pub(super) fn save_blocked(app: &mut EditorApp, path: &Path, then: &Option<Action>) -> bool {
    if app.lock.as_deref() != Some(path)
        && let Some(holder) = lock::holder(path)
        && holder.instance != app.storage.owner().instance
        && !holder.is_gone()
    {
        app.modal = Some(Modal::Error(s::fill(
            &s::fill(s::TARGET_HELD, path.display()),
            holder.describe(),
        )));
        return true;
    }
    if app.doc.path.as_deref() != Some(path) {
        return false;
    }
    let (Some(read), Ok(now)) = (&app.doc.on_disk, fsio::read_bounded(path)) else {
        // Never read from disk (a new file), or gone meanwhile: nothing to lose.
        return false;
    };
    if *read == now {
        return false;
    }
    let changes = their_changes(app.doc.baseline.as_ref(), &now);
    let theirs = draft::parse_draft_bytes(&now).ok();
    let (merged, conflicts) = match (app.doc.baseline.as_ref(), theirs) {
        (Some(base), Some(theirs)) => match draft::merge(base, &app.doc.draft, &theirs) {
            Ok(m) => (Some(Box::new(m)), Vec::new()),
            Err(c) => (None, c),
        },
        _ => (None, Vec::new()),
    };
    app.modal = Some(Modal::ChangedOnDisk {
        path: path.to_path_buf(),
        then: then.clone(),
        changes,
        merged,
        conflicts,
        disk: now,
    });
    true
}

/// Takes the merge of both versions as the draft (one undo step) and saves it.
pub(super) fn merge_and_save(
    app: &mut EditorApp,
    merged: Draft,
    disk: Vec<u8>,
    path: &Path,
    then: Option<Action>,
) {
    app.history.checkpoint(&app.doc.draft);
    app.doc.draft = merged;
    app.doc.on_disk = Some(disk);
    app.push(Command::SaveTo {
        path: path.to_path_buf(),
        then,
    });
}

/// What the version on disk changed against the one this window opened, as lines.
fn their_changes(ours_as_opened: Option<&Draft>, theirs: &[u8]) -> Vec<String> {
    let theirs = match draft::parse_draft_bytes(theirs) {
        Ok(d) => d,
        Err(e) => return vec![s::fill(s::CHANGED_UNREADABLE, e)],
    };
    let Some(base) = ours_as_opened else {
        return Vec::new();
    };
    let diff = crate::diff::diff(base, &[], &theirs, &[]);
    let mut lines: Vec<String> = Vec::new();
    if !(diff.meta.is_empty() && diff.cells.is_empty() && diff.texts.is_empty()) {
        let mut content = diff.clone();
        // The findings that come and go follow from the changes; the changes are the news.
        content.new_findings.clear();
        content.resolved_findings.clear();
        lines.extend(
            crate::diff::to_text(&content)
                .lines()
                .map(|l| l.trim_end().to_string()),
        );
    }
    let (a, b) = (&base.review, &theirs.review);
    let mut review = Vec::new();
    for (name, x, y) in [
        ("说明", a.explanations.len(), b.explanations.len()),
        ("批注", a.notes.len(), b.notes.len()),
        ("签署", a.sign_offs.len(), b.sign_offs.len()),
    ] {
        if x != y {
            review.push(format!("{name} {x} → {y} 条"));
        }
    }
    if !review.is_empty() {
        lines.push(s::fill(s::REVIEW_RECORD_CHANGED, review.join("，")));
    }
    if lines.is_empty() {
        lines.push(s::CHANGED_SAME_CONTENT.to_string());
    }
    lines
}

/// After the draft was written to `path` (bytes `written`): this window holds its lock and
/// knows what the file holds.
pub(super) fn saved(app: &mut EditorApp, path: &Path, written: Vec<u8>) {
    if app.lock.as_deref() != Some(path) {
        app.release_lock();
        match lock::acquire(path, app.storage.owner()) {
            LockState::Held => app.lock = Some(path.to_path_buf()),
            LockState::HeldBy { gone: true, .. } => {
                if lock::take_over(path, app.storage.owner()).is_ok() {
                    app.lock = Some(path.to_path_buf());
                }
            }
            LockState::HeldBy { .. } | LockState::Unavailable(_) => {}
        }
    }
    app.doc.read_only = false;
    app.doc.on_disk = Some(written);
}

/// Offers the recovery copies of windows that ended (文件 → 恢复未保存的草稿…, and after one
/// was restored or given up).
pub(super) fn offer_recoveries(app: &mut EditorApp, say_when_none: bool) {
    let found = app.storage.read_recoveries();
    if !found.is_empty() {
        app.modal = Some(Modal::Recovery(found));
    } else if say_when_none {
        app.status = Some(s::NO_RECOVERIES.to_string());
    }
}

/// The question of a second opener.
pub(super) fn held_modal(
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
        Answer::Commands(vec![Command::OpenHeld {
            opened: Box::new(opened.clone()),
            bytes: bytes.to_vec(),
            path: path.to_path_buf(),
            how,
        }])
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
pub(super) struct Changed<'a> {
    pub path: &'a Path,
    pub then: &'a Option<Action>,
    pub changes: &'a [String],
    pub merged: Option<&'a Draft>,
    pub conflicts: &'a [String],
    pub disk: &'a [u8],
}

/// The question before a save over a file that changed on disk.
pub(super) fn changed_modal(ui: &mut Ui, c: Changed) -> Answer {
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
        if let Some(m) = merged
            && ui.button(s::MERGE).clicked()
        {
            answer = Answer::Commands(vec![Command::MergeAndSave {
                merged: Box::new(m.clone()),
                disk: disk.to_vec(),
                path: path.to_path_buf(),
                then: then.clone(),
            }]);
        }
        if ui.button(s::RELOAD).clicked() {
            answer = Answer::Commands(vec![Command::Run(Action::OpenPath(path.to_path_buf()))]);
        }
        if ui.button(s::SAVE_AS_OTHER).clicked() {
            answer = Answer::Commands(vec![Command::SaveAs { then: then.clone() }]);
        }
        if ui.button(s::OVERWRITE).clicked() {
            answer = Answer::Commands(vec![Command::Overwrite {
                path: path.to_path_buf(),
                then: then.clone(),
            }]);
        }
        if ui.button(s::CANCEL).clicked() {
            answer = Answer::Close;
        }
    });
    answer
}

/// The recovery question: the first copy, how many more.
pub(super) fn recovery_modal(ui: &mut Ui, copies: &[Recovery]) -> Answer {
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
                answer = Answer::Commands(vec![Command::DiscardCopy(r.key.clone())]);
            }
            if super::modals::default_button(ui, s::DISCARD_BACK, true) {
                ui.data_mut(|d| d.insert_temp(confirm, false));
            }
        });
        return answer;
    }
    ui.horizontal(|ui| {
        if super::modals::default_button(ui, s::RESTORE, true) {
            answer = Answer::Commands(vec![Command::Guarded(Action::Restore(Box::new(r.clone())))]);
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
