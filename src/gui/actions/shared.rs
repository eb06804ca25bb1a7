//! Drafts on a shared folder or open in two windows: the lock taken on open, the choice a
//! second opener gets (只读 / 副本 / 接管), the check before every save that nobody changed
//! the file since it was read (重新载入 / 另存为 / 覆盖, with the other version's changes),
//! and the recovery copies of windows that ended, each offered. The questions themselves are
//! drawn in `modals::files`.

use std::path::Path;

use crate::document::Opened;
use crate::draft::{self, Draft};
use crate::fsio;
use crate::lock::{self, LockState};

use crate::gui::app::EditorApp;
use crate::gui::commands::modal::Modal;
use crate::gui::common::strings as s;
use crate::gui::files::commands::{Action, FileCommand, HeldChoice};
use crate::gui::files::document::Document;

/// Opens a draft read from `path`: takes its lock, or asks how to open it when another
/// window holds it.
pub fn open_draft(app: &mut EditorApp, opened: Opened, bytes: Vec<u8>, path: &Path) {
    match lock::acquire(path, app.platform.storage.owner()) {
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
pub fn open_held(
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
            app.status.text = Some(s::OPENED_COPY.to_string());
        }
        HeldChoice::TakeOver => match lock::take_over(path, app.platform.storage.owner()) {
            Ok(()) => adopt(app, doc, path, true, None),
            Err(e) => app.modal = Some(Modal::Error(e.to_string())),
        },
    }
}

fn adopt(app: &mut EditorApp, doc: Document, path: &Path, locked: bool, note: Option<String>) {
    app.platform.autosave.clear();
    app.replace_document(doc);
    if locked {
        app.session.lock = Some(path.to_path_buf());
    }
    app.settings.touch_recent(path);
    app.save_settings();
    app.status.text = Some(note.unwrap_or_else(|| path.display().to_string()));
}

/// What stands in the way of writing the draft to `path`: another window holds the file
/// (refused), or the file changed since this window read it (the user chooses). False: the
/// save may go ahead.
pub fn save_blocked(app: &mut EditorApp, path: &Path, then: &Option<Action>) -> bool {
    if app.session.lock.as_deref() != Some(path)
        && let Some(holder) = lock::holder(path)
        && holder.instance != app.platform.storage.owner().instance
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
pub fn merge_and_save(
    app: &mut EditorApp,
    merged: Draft,
    disk: Vec<u8>,
    path: &Path,
    then: Option<Action>,
) {
    app.session.history.checkpoint(&app.doc.draft);
    app.doc.draft = merged;
    app.doc.on_disk = Some(disk);
    app.push(FileCommand::SaveTo {
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
pub fn saved(app: &mut EditorApp, path: &Path, written: Vec<u8>) {
    if app.session.lock.as_deref() != Some(path) {
        app.release_lock();
        match lock::acquire(path, app.platform.storage.owner()) {
            LockState::Held => app.session.lock = Some(path.to_path_buf()),
            LockState::HeldBy { gone: true, .. } => {
                if lock::take_over(path, app.platform.storage.owner()).is_ok() {
                    app.session.lock = Some(path.to_path_buf());
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
pub fn offer_recoveries(app: &mut EditorApp, say_when_none: bool) {
    let found = app.platform.storage.read_recoveries();
    if !found.is_empty() {
        app.modal = Some(Modal::Recovery(found));
    } else if say_when_none {
        app.status.text = Some(s::NO_RECOVERIES.to_string());
    }
}
