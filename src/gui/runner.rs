//! Runs the queued commands after the frame: dialogs, file I/O, replacing the document,
//! undo and redo, settings. The only place where the editor has side effects.

use std::path::Path;

use egui::Context;

use crate::document::{self, Source};
use crate::draft;
use crate::export::pdf::{FontSet, PdfOptions, export_pdf};
use crate::fsio;
use crate::model::{OrganKind, Report};

use super::commands::{Action, Command, DocumentKind, Modal, PathPurpose};
use super::dialogs::{FileFilter, Picked};
use super::editor::{Compare, EditorApp};
use super::state::Document;
use super::storage::touch_recent;
use super::strings as s;

const PDF_FILTER: FileFilter = FileFilter {
    name: s::FILTER_PDF,
    extensions: &["pdf"],
};

const REPORT_FILTERS: [FileFilter; 3] = [
    FileFilter {
        name: s::FILTER_ALL_REPORTS,
        extensions: &["ron", "txt", "pdf", "docx", "html", "htm"],
    },
    FileFilter {
        name: s::FILTER_DRAFT,
        extensions: &["ron"],
    },
    FileFilter {
        name: s::FILTER_TEXT,
        extensions: &["txt"],
    },
];
const DRAFT_FILTER: FileFilter = REPORT_FILTERS[1];

/// The save dialog's filter for an exported document.
fn document_filter(kind: DocumentKind) -> FileFilter {
    match kind {
        DocumentKind::Text => REPORT_FILTERS[2],
        DocumentKind::Word => FileFilter {
            name: s::FILTER_WORD,
            extensions: &["docx"],
        },
        DocumentKind::WebPage => FileFilter {
            name: s::FILTER_WEB_PAGE,
            extensions: &["html"],
        },
        DocumentKind::ReturnNotes => PDF_FILTER,
    }
}

/// Writes the report as text, Word or a web page.
fn export_to(app: &mut EditorApp, kind: DocumentKind, path: &Path) {
    let report = &app.doc.draft.report;
    let bytes = match kind {
        DocumentKind::Text => crate::export::to_bytes(report, crate::export::Kind::Text, app.today),
        DocumentKind::Word => crate::export::to_bytes(report, crate::export::Kind::Word, app.today),
        DocumentKind::WebPage => {
            crate::export::to_bytes(report, crate::export::Kind::WebPage, app.today)
        }
        DocumentKind::ReturnNotes => {
            let letter = crate::export::return_notes::return_notes_with(
                &app.doc.draft,
                &app.analysis,
                &app.reviewer,
                app.today,
                &app.letter_choice,
            );
            let mut options = PdfOptions::new(app.today);
            options.fonts = app
                .pdf_fonts
                .get_or_insert_with(FontSet::with_installed_official)
                .clone();
            match crate::export::pdf::export_pdf_letter(&letter, &options) {
                Ok(pdf) => pdf.bytes,
                Err(e) => {
                    app.modal = Some(Modal::Error(e.to_string()));
                    return;
                }
            }
        }
    };
    match fsio::write_atomic(path, &bytes) {
        Ok(()) => {
            let mut msg = format!("{}：{}", s::EXPORTED, path.display());
            if app.analysis.tally.0 > 0 {
                msg = format!(
                    "{msg}（{}）",
                    s::fill(s::EXPORT_HAS_ERRORS, app.analysis.tally.0)
                );
            }
            app.status = Some(msg);
        }
        Err(e) => app.modal = Some(Modal::Error(e.to_string())),
    }
}

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

fn run(app: &mut EditorApp, ctx: &Context, command: Command) {
    match command {
        Command::Guarded(action) => {
            // Every action replaces or closes the document.
            if app.doc.is_dirty() {
                app.modal = Some(Modal::Unsaved { then: action });
            } else {
                run_action(app, ctx, action);
            }
        }
        Command::Run(action) => run_action(app, ctx, action),
        Command::Save { then } => match app.doc.path.clone() {
            Some(_) if app.doc.read_only => {
                app.status = Some(s::READ_ONLY_SAVE.to_string());
                app.push(Command::SaveAs { then });
            }
            Some(path) => app.push(Command::SaveTo { path, then }),
            None => app.push(Command::SaveAs { then }),
        },
        Command::SaveAs { then } => ask_path(app, PathPurpose::SaveAs { then }),
        Command::SaveTo { path, then } => {
            if !super::shared_files::save_blocked(app, &path, &then)
                && save_to(app, &path)
                && let Some(action) = then
            {
                run_action(app, ctx, action);
            }
        }
        Command::Overwrite { path, then } => {
            if save_to(app, &path)
                && let Some(action) = then
            {
                run_action(app, ctx, action);
            }
        }
        Command::MergeAndSave {
            merged,
            disk,
            path,
            then,
        } => super::shared_files::merge_and_save(app, *merged, disk, &path, then),
        Command::OpenHeld { doc, path, how } => {
            super::shared_files::open_held(app, *doc, &path, how);
        }
        Command::Export(DocumentKind::ReturnNotes) => {
            app.modal = Some(super::letter::choose(app));
        }
        Command::ExportLetter(choice) => {
            app.letter_choice = choice;
            ask_path(app, PathPurpose::Export(DocumentKind::ReturnNotes));
        }
        Command::Export(kind) => ask_path(app, PathPurpose::Export(kind)),
        Command::ExportTo(kind, path) => export_to(app, kind, &path),
        Command::ExportPdf => {
            let release = crate::release::release(&app.doc.draft, &app.analysis);
            if !release.final_allowed() {
                app.modal = Some(Modal::PdfNotFinal {
                    reasons: release.reasons,
                });
            } else {
                app.push(Command::ExportPdfPick { watermark: false });
            }
        }
        Command::ExportPdfPick { watermark } => ask_path(app, PathPurpose::ExportPdf { watermark }),
        Command::ExportPdfTo { path, watermark } => export_pdf_to(app, &path, watermark),
        Command::DiscardRecovery => app.storage.clear_recovery(),
        Command::DiscardCopy(key) => {
            app.storage.discard(&key);
            super::shared_files::offer_recoveries(app, false);
        }
        Command::ShowRecoveries => super::shared_files::offer_recoveries(app, true),
        Command::Autosave => app.autosave_now(),
        Command::SetZoom(z) => ctx.set_zoom_factor(z.clamp(0.6, 2.5)),
        Command::ComparePrevious => ask_path(app, PathPurpose::ComparePrevious),
        Command::ComparePreviousPath(path) => match document::open_path(&path) {
            Ok(opened) => {
                app.previous = Some((path.clone(), opened.draft.report));
                app.invalidate_analysis();
                app.status = Some(format!("{}：{}", s::COMPARING, path.display()));
            }
            Err(e) => app.modal = Some(Modal::Error(e.describe(&path))),
        },
        Command::ClearPrevious => {
            app.previous = None;
            app.invalidate_analysis();
            app.status = None;
        }
        Command::UndoPoint(draft) => app.history.checkpoint(&draft),
        Command::Undo => app.undo(),
        Command::Redo => app.redo(),
        Command::Status(message) => app.status = Some(message),
        Command::ShowModal(modal) => app.modal = Some(modal),
        Command::Explain {
            finding,
            text,
            author,
        } => {
            let at = crate::model::Date::now_beijing();
            match crate::review::explain(&app.doc.draft.report, &finding, &text, &author, &at) {
                Ok(e) => {
                    app.doc.draft.review.explanations.push(e);
                    app.reviewer = author;
                    app.invalidate_analysis();
                    app.status = Some(s::EXPLAINED_DONE.to_string());
                }
                Err(e) => app.modal = Some(Modal::Error(e.to_string())),
            }
        }
        Command::AddNote {
            place,
            text,
            author,
        } => {
            app.doc.draft.review.notes.push(crate::review::Note {
                place,
                text,
                author: author.clone(),
                at: crate::model::Date::now_beijing(),
                resolved: false,
            });
            app.reviewer = author;
            app.status = Some(s::NOTE_ADDED.to_string());
        }
        Command::CompareVersion => ask_path(app, PathPurpose::CompareVersion),
        Command::CompareVersionPath(path) => match document::open_path(&path) {
            Ok(opened) => {
                let label = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                app.compare = Some(Compare::new(label, opened.draft, &app.doc.draft));
            }
            Err(e) => app.modal = Some(Modal::Error(e.describe(&path))),
        },
        Command::CompareSignOff => {
            if let Ok((sign_off, other)) = app.doc.draft.as_last_approved() {
                let label = sign_off.describe();
                app.compare = Some(Compare::new(label, other, &app.doc.draft));
            }
        }
        Command::EndCompare => app.compare = None,
        Command::SetNoteResolved(k, resolved) => {
            if let Some(n) = app.doc.draft.review.notes.get_mut(k) {
                n.resolved = resolved;
            }
        }
        Command::SignOff { stage, name } => {
            let at = crate::model::Date::now_beijing();
            match crate::release::sign_off(&app.doc.draft, &app.analysis, stage, &name, &at) {
                Ok(sign_off) => {
                    app.doc.draft.review.sign_offs.push(sign_off);
                    app.reviewer = name.trim().to_string();
                    app.status = Some(format!(
                        "{}{}：{} {at}",
                        s::SIGNED,
                        stage.label(),
                        app.reviewer
                    ));
                }
                Err(e) => app.modal = Some(Modal::Error(e.to_string())),
            }
        }
        Command::SetDeadline(deadline) => {
            app.deadline = deadline;
            app.invalidate_analysis();
            app.status = Some(match deadline {
                Some(d) => s::fill(s::DEADLINE_SET_LOCAL, format!("{}月{}日", d.month, d.day)),
                None => s::DEADLINE_SET_NATIONAL.to_string(),
            });
            if let Err(e) = app.storage.save_deadline(deadline) {
                app.modal = Some(Modal::Error(format!("{}{e}", s::DEADLINE_NOT_SAVED)));
            }
        }
    }
}

/// Asks for the file a purpose needs: the native dialog's answer becomes the purpose's
/// command; when no dialog can be shown, the typed-path modal asks instead.
fn ask_path(app: &mut EditorApp, purpose: PathPurpose) {
    app.dialogs.set_folder(document_folder(app));
    let (picked, start) = match save_kind(&purpose) {
        Some((ext, filter)) => {
            let mut suggested = suggested_name(app, ext);
            if matches!(purpose, PathPurpose::Export(DocumentKind::ReturnNotes)) {
                suggested = suggested.replace(".pdf", "审核意见.pdf");
            }
            (
                app.dialogs.save_file(&suggested, filter),
                default_path(app, &suggested),
            )
        }
        None => (
            app.dialogs.open_file(&REPORT_FILTERS),
            default_path(app, ""),
        ),
    };
    match picked {
        Picked::Path(p) => app.push(purpose.command(p)),
        Picked::Paths(paths) => {
            if let Some(p) = paths.into_iter().next() {
                app.push(purpose.command(p));
            }
        }
        Picked::Cancelled => {}
        Picked::Unavailable => app.modal = Some(Modal::path(purpose, start)),
    }
}

/// For purposes that write a file: its extension and dialog filter.
fn save_kind(purpose: &PathPurpose) -> Option<(&'static str, FileFilter)> {
    match purpose {
        PathPurpose::SaveAs { .. } => Some(("ron", DRAFT_FILTER)),
        PathPurpose::Export(kind) => Some((kind.extension(), document_filter(*kind))),
        PathPurpose::ExportPdf { .. } => Some(("pdf", PDF_FILTER)),
        PathPurpose::Open
        | PathPurpose::ComparePrevious
        | PathPurpose::NewFromPrevious
        | PathPurpose::SumUnits
        | PathPurpose::CompareVersion => None,
    }
}

fn run_action(app: &mut EditorApp, ctx: &Context, action: Action) {
    match action {
        Action::New => {
            // A new report starts blank: not the organ of whatever was open (an imported
            // report of another unit); 从上年报告新建 carries an organ over.
            let report = Report::new("", OrganKind::Government, app.today.report_year());
            app.storage.clear_recovery();
            app.replace_document(Document::blank(report));
            app.status = None;
        }
        Action::Open => ask_path(app, PathPurpose::Open),
        Action::OpenPath(path) => open_path(app, &path),
        Action::NewFromPrevious => ask_path(app, PathPurpose::NewFromPrevious),
        Action::NewFromPath(path) => match document::open_path(&path) {
            Ok(opened) => {
                let last = opened.draft.report;
                let mut doc = Document::blank(Report::default());
                doc.draft = crate::draft::Draft::next_year_from(&last);
                doc.baseline = None;
                app.storage.clear_recovery();
                app.replace_document(doc);
                app.previous = Some((path.clone(), last));
                app.invalidate_analysis();
                app.status = Some(format!("{}：{}", s::NEW_FROM_DONE, path.display()));
            }
            Err(e) => app.modal = Some(Modal::Error(e.describe(&path))),
        },
        Action::SumUnits => match pick_units(app) {
            Picked::Paths(paths) => app.push(Command::Run(Action::SumPaths(paths))),
            Picked::Path(p) => app.push(Command::Run(Action::SumPaths(vec![p]))),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let start = default_path(app, "");
                app.modal = Some(Modal::path(PathPurpose::SumUnits, start));
            }
        },
        Action::SumPaths(paths) => sum_paths(app, &paths),
        Action::Restore(r) => {
            app.restore(*r);
            // The next copy, if another window left one too.
            super::shared_files::offer_recoveries(app, false);
        }
        Action::Quit => {
            app.close_confirmed = true;
            app.quit_requested = true;
            app.storage.clear_recovery();
            app.release_lock();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// Asks for the units' reports to sum, from the open document's folder.
fn pick_units(app: &mut EditorApp) -> super::dialogs::Picked {
    app.dialogs.set_folder(document_folder(app));
    app.dialogs.open_files(&REPORT_FILTERS)
}

fn export_pdf_to(app: &mut EditorApp, path: &Path, watermark: bool) {
    let fonts = app
        .pdf_fonts
        .get_or_insert_with(FontSet::with_installed_official)
        .clone();
    let mut options = PdfOptions::new(app.today);
    options.draft_watermark = watermark;
    options.fonts = fonts;
    let result = export_pdf(&app.doc.draft.report, &options)
        .map_err(|e| e.to_string())
        .and_then(|pdf| {
            fsio::write_atomic(path, &pdf.bytes)
                .map(|()| pdf)
                .map_err(|e| e.to_string())
        });
    match result {
        Ok(pdf) => {
            app.status = Some(format!(
                "{}：{}；字体：{}",
                s::fill(s::PDF_EXPORTED, pdf.pages),
                path.display(),
                pdf.fonts_used.join("，")
            ));
        }
        Err(e) => app.modal = Some(Modal::Error(e)),
    }
}

/// Sums the units' reports into a new, unsaved parent report.
fn sum_paths(app: &mut EditorApp, paths: &[std::path::PathBuf]) {
    let units = match crate::sum::open_units(paths) {
        Ok(units) => units,
        Err(unreadable) => {
            app.modal = Some(Modal::Error(format!(
                "{}\n{}",
                s::SUM_UNREADABLE,
                unreadable.join("\n")
            )));
            return;
        }
    };
    match crate::sum::sum_units(&units, &crate::sum::SumOptions::default()) {
        Ok(parent) => {
            let warnings = parent.sum.as_ref().map_or(0, |r| r.warnings.len());
            let mut doc = Document::blank(Report::default());
            doc.draft = parent;
            doc.baseline = None;
            app.storage.clear_recovery();
            app.replace_document(doc);
            app.status = Some(format!(
                "{}{}",
                s::fill(s::SUM_DONE, units.len()),
                if warnings > 0 {
                    s::fill(s::SUM_WARNINGS, warnings)
                } else {
                    String::new()
                }
            ));
        }
        Err(e) => app.modal = Some(Modal::Error(e.to_string())),
    }
}

fn open_path(app: &mut EditorApp, path: &Path) {
    match document::open_path(path) {
        Ok(opened) if opened.source != Source::Imported => {
            let doc = Document {
                baseline: Some(opened.draft.clone()),
                draft: opened.draft,
                path: Some(path.to_path_buf()),
                imported_from: None,
                import_findings: opened.import_findings,
                read_only: false,
                on_disk: None,
            };
            super::shared_files::open_draft(app, doc, path);
        }
        Ok(opened) => {
            let doc = Document {
                baseline: None,
                draft: opened.draft,
                path: None,
                imported_from: Some(path.to_path_buf()),
                import_findings: opened.import_findings,
                read_only: false,
                on_disk: None,
            };
            app.storage.clear_recovery();
            app.replace_document(doc);
            touch_recent(&mut app.recent, path);
            let _ = app.storage.save_recent(&app.recent);
            app.status = Some(s::OPENED_IMPORT.to_string());
        }
        Err(e) => {
            app.modal = Some(Modal::Error(e.describe(path)));
        }
    }
}

/// Saves the draft; true on success.
fn save_to(app: &mut EditorApp, path: &Path) -> bool {
    // Totals are final before the draft goes to disk.
    app.refresh_analysis();
    let written = draft::to_ron(&app.doc.draft).map(String::into_bytes);
    let result = written.and_then(|bytes| {
        fsio::write_atomic(path, &bytes)
            .map(|()| bytes)
            .map_err(draft::DraftError::from)
    });
    match result {
        Ok(bytes) => {
            super::shared_files::saved(app, path, bytes);
            app.doc.path = Some(path.to_path_buf());
            app.doc.baseline = Some(app.doc.draft.clone());
            app.storage.clear_recovery();
            touch_recent(&mut app.recent, path);
            let _ = app.storage.save_recent(&app.recent);
            app.status = Some(format!("{}：{}", s::SAVED, path.display()));
            true
        }
        Err(e) => {
            app.modal = Some(Modal::Error(e.to_string()));
            false
        }
    }
}

/// A file name from the organ and year: `某县人民政府2025年政府信息公开工作年度报告.nianbao.ron`
/// for a draft (the pattern the desktop associates with the editor; plain `.ron` opens too).
fn suggested_name(app: &EditorApp, ext: &str) -> String {
    let stem = match app.doc.path.as_ref().or(app.doc.imported_from.as_ref()) {
        Some(p) => p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        None => app.doc.draft.report.title(),
    };
    let stem: String = stem
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .collect();
    let stem = if stem.trim().is_empty() {
        s::UNTITLED.to_string()
    } else if app.doc.read_only && ext == "ron" {
        // Held by another window: never suggest writing over it.
        let base = stem.strip_suffix(".nianbao").unwrap_or(&stem);
        format!("{base}{}", s::COPY_SUFFIX)
    } else {
        stem
    };
    match ext {
        "ron" if !stem.ends_with(".nianbao") => format!("{stem}.nianbao.ron"),
        _ => format!("{stem}.{ext}"),
    }
}

/// Where dialogs start: the open document's folder (its draft, or the file it was
/// imported from), else the folder of the file opened last.
fn document_folder(app: &EditorApp) -> Option<std::path::PathBuf> {
    app.doc
        .path
        .as_ref()
        .or(app.doc.imported_from.as_ref())
        .or(app.recent.first())
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .filter(|d| !d.as_os_str().is_empty())
}

/// Where the typed-path prompt starts: next to the open file, else the home folder.
fn default_path(app: &EditorApp, name: &str) -> String {
    let dir = document_folder(app)
        .or_else(dirs::home_dir)
        .unwrap_or_default();
    if name.is_empty() {
        format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR)
    } else {
        dir.join(name).display().to_string()
    }
}
