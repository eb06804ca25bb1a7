//! What the file commands do, after the frame: the unsaved-changes question, opening and
//! creating documents (each shown on the form), saving (after the shared-file checks),
//! exporting, the recovery copies.

use egui::Context;

use crate::document;
use crate::gui::actions::io::{export_pdf_to, export_to, open_path, save_to, sum_paths};
use crate::gui::actions::paths::{ask_path, default_path, pick_units};
use crate::gui::actions::shared;
use crate::gui::app::EditorApp;
use crate::gui::commands::modal::Modal;
use crate::gui::common::strings as s;
use crate::gui::files::commands::{Action, DocumentKind, FileCommand, PathPurpose};
use crate::gui::files::dialogs::Picked;
use crate::gui::files::document::Document;
use crate::model::Report;

/// Runs one file command.
pub fn run(app: &mut EditorApp, ctx: &Context, command: FileCommand) {
    if acts_on_the_report(&command) && !app.screen.shows_report() {
        // No report is shown (the start page, the desk): nothing to save or export.
        app.status.text = Some(s::NO_REPORT_SHOWN.to_string());
        return;
    }
    match command {
        FileCommand::Guarded(action) => {
            // Every action replaces, closes or leaves the document.
            if app.doc.is_dirty() {
                app.modal = Some(Modal::Unsaved { then: action });
            } else {
                run_action(app, ctx, action);
            }
        }
        FileCommand::Run(action) => run_action(app, ctx, action),
        FileCommand::Save { then } => save(app, then),
        FileCommand::SaveAs { then } => ask_path(app, PathPurpose::SaveAs { then }),
        FileCommand::SaveTo { path, then } => {
            if !shared::save_blocked(app, &path, &then)
                && save_to(app, &path)
                && let Some(action) = then
            {
                run_action(app, ctx, action);
            }
        }
        FileCommand::Overwrite { path, then } => {
            if save_to(app, &path)
                && let Some(action) = then
            {
                run_action(app, ctx, action);
            }
        }
        FileCommand::MergeAndSave {
            merged,
            disk,
            path,
            then,
        } => shared::merge_and_save(app, *merged, disk, &path, then),
        FileCommand::OpenHeld {
            opened,
            bytes,
            path,
            how,
        } => shared::open_held(app, *opened, bytes, &path, how),
        FileCommand::Export(kind) => export(app, kind),
        FileCommand::ExportPick { kind, draft } => {
            ask_path(app, PathPurpose::Export { kind, draft });
        }
        FileCommand::ExportTo { kind, path, draft } => export_to(app, kind, &path, draft),
        FileCommand::ExportPdf => {
            let release = crate::release::release(&app.doc.draft, &app.checks.analysis);
            if !release.final_allowed() {
                app.modal = Some(Modal::PdfNotFinal {
                    reasons: release.reasons,
                });
            } else {
                app.push(FileCommand::ExportPdfPick { watermark: false });
            }
        }
        FileCommand::ExportPdfPick { watermark } => {
            ask_path(app, PathPurpose::ExportPdf { watermark });
        }
        FileCommand::ExportPdfTo { path, watermark } => export_pdf_to(app, &path, watermark),
        FileCommand::DiscardRecovery => app.platform.autosave.clear(),
        FileCommand::DiscardCopy(key) => {
            app.platform.storage.discard(&key);
            shared::offer_recoveries(app, false);
        }
        FileCommand::ShowRecoveries => shared::offer_recoveries(app, true),
    }
}

/// The commands that act on the open report (never on one the user cannot see).
fn acts_on_the_report(command: &FileCommand) -> bool {
    match command {
        FileCommand::Save { .. }
        | FileCommand::SaveAs { .. }
        | FileCommand::SaveTo { .. }
        | FileCommand::Overwrite { .. }
        | FileCommand::MergeAndSave { .. }
        | FileCommand::Export(_)
        | FileCommand::ExportPick { .. }
        | FileCommand::ExportTo { .. }
        | FileCommand::ExportPdf
        | FileCommand::ExportPdfPick { .. }
        | FileCommand::ExportPdfTo { .. } => true,
        FileCommand::Guarded(_)
        | FileCommand::Run(_)
        | FileCommand::OpenHeld { .. }
        | FileCommand::DiscardRecovery
        | FileCommand::DiscardCopy(_)
        | FileCommand::ShowRecoveries => false,
    }
}

/// 保存: to the draft's file, or ask where (a read-only draft always asks).
fn save(app: &mut EditorApp, then: Option<Action>) {
    match app.doc.path.clone() {
        Some(_) if app.doc.read_only => {
            app.status.text = Some(s::READ_ONLY_SAVE.to_string());
            app.push(FileCommand::SaveAs { then });
        }
        Some(path) => app.push(FileCommand::SaveTo { path, then }),
        None => app.push(FileCommand::SaveAs { then }),
    }
}

/// 导出…: the letter asks which findings go in; Word and the web page are asked about like
/// the PDF when the report is no final version; the text is a working copy.
fn export(app: &mut EditorApp, kind: DocumentKind) {
    match kind {
        DocumentKind::ReturnNotes => {
            app.push(crate::gui::review::commands::ReviewCommand::ChooseLetter);
        }
        DocumentKind::Word | DocumentKind::WebPage => {
            let release = crate::release::release(&app.doc.draft, &app.checks.analysis);
            if release.final_allowed() {
                app.push(FileCommand::ExportPick { kind, draft: false });
            } else {
                app.modal = Some(Modal::ExportNotFinal {
                    kind,
                    reasons: release.reasons,
                });
            }
        }
        DocumentKind::Text => ask_path(app, PathPurpose::Export { kind, draft: false }),
    }
}

/// Runs an action (any unsaved-changes question was answered).
pub fn run_action(app: &mut EditorApp, ctx: &Context, action: Action) {
    match action {
        Action::New => {
            // A new report starts blank: not the organ of whatever was open (an imported
            // report of another unit); 从上年报告新建 carries an organ over.
            app.close_document();
            app.status.text = None;
        }
        Action::NewReport { organ, kind, year } => {
            app.platform.autosave.clear();
            app.replace_document(Document::blank(Report::new(&organ, kind, year)));
            app.status.text = Some(s::START_CREATED.to_string());
        }
        Action::Open => ask_path(app, PathPurpose::Open),
        Action::OpenPath(path) => open_path(app, &path),
        Action::NewFromPrevious => ask_path(app, PathPurpose::NewFromPrevious),
        Action::NewFromPath(path) => new_from(app, &path),
        Action::SumUnits => match pick_units(app) {
            Picked::Paths(paths) => app.push(FileCommand::Run(Action::SumPaths(paths))),
            Picked::Path(p) => app.push(FileCommand::Run(Action::SumPaths(vec![p]))),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let start = default_path(app, "");
                app.modal = Some(Modal::path(PathPurpose::SumUnits, start));
            }
        },
        Action::SumPaths(paths) => sum_paths(app, &paths),
        Action::SumDesk(year) => crate::gui::actions::desk::sum_approved(app, year),
        Action::OpenDeskRow(file) => crate::gui::actions::desk::open_row(app, &file),
        Action::ShowDesk => crate::gui::actions::desk::back_to_desk(app, ctx),
        Action::ShowStartPage => {
            app.close_document();
            app.show_start_page();
        }
        Action::Restore(r) => {
            app.restore(*r);
            // The next copy, if another window left one too.
            shared::offer_recoveries(app, false);
        }
        Action::Quit => {
            app.window.close_confirmed = true;
            app.window.quit_requested = true;
            app.platform.autosave.clear();
            app.release_lock();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// 从上年报告新建: next year's draft from last year's report, compared with it.
fn new_from(app: &mut EditorApp, path: &std::path::Path) {
    match document::open_path(path) {
        Ok(opened) => {
            let last = opened.draft.report;
            let mut doc = Document::blank(Report::default());
            doc.draft = crate::draft::Draft::next_year_from(&last);
            doc.baseline = None;
            app.platform.autosave.clear();
            app.replace_document(doc);
            app.checks.previous = Some((path.to_path_buf(), last));
            app.invalidate_analysis();
            app.status.text = Some(format!("{}：{}", s::NEW_FROM_DONE, path.display()));
        }
        Err(e) => app.modal = Some(Modal::Error(e.describe(path))),
    }
}
