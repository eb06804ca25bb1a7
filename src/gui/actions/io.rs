//! The file operations behind the commands: open, save (after the shared-file checks),
//! export, 汇总. Each reports in the status bar or a modal, never silently.

use std::path::Path;

use crate::document::{self, Source};
use crate::draft;
use crate::export::pdf::{PdfOptions, export_pdf};
use crate::fsio;
use crate::model::Report;

use crate::gui::app::EditorApp;
use crate::gui::commands::modal::Modal;
use crate::gui::common::strings as s;
use crate::gui::files::commands::DocumentKind;
use crate::gui::files::document::Document;
use crate::gui::files::opening::{AfterOpen, OpenResult, Opening, read_and_open};

/// Writes the report as text, Word or a web page.
pub fn export_to(app: &mut EditorApp, kind: DocumentKind, path: &Path, draft: bool) {
    let report = &app.doc.draft.report;
    let bytes = match kind {
        DocumentKind::Text => {
            crate::export::to_bytes(report, crate::export::Kind::Text, app.platform.today)
        }
        DocumentKind::Word => crate::export::docx::export_docx(
            report,
            &crate::export::docx::DocxOptions {
                draft_header: draft,
                ..crate::export::docx::DocxOptions::new(app.platform.today)
            },
        ),
        DocumentKind::WebPage => {
            crate::export::to_bytes(report, crate::export::Kind::WebPage, app.platform.today)
        }
        DocumentKind::ReturnNotes => {
            let letter = crate::export::return_notes::return_notes_with(
                &app.doc.draft,
                &app.checks.analysis,
                &app.settings.reviewer,
                app.platform.today,
                &app.review.letter_choice,
            );
            let mut options = PdfOptions::new(app.platform.today);
            options.fonts = app.printing.fonts();
            match crate::export::pdf::export_pdf_letter(&letter, &options) {
                Ok(pdf) => pdf.bytes,
                Err(e) => {
                    app.modal = Some(Modal::Error(e.to_string()));
                    return;
                }
            }
        }
    };
    let published_kind = match kind {
        DocumentKind::Text => Some(crate::export::Kind::Text),
        DocumentKind::Word => Some(crate::export::Kind::Word),
        DocumentKind::WebPage => Some(crate::export::Kind::WebPage),
        DocumentKind::ReturnNotes => None,
    };
    match fsio::write_atomic(path, &bytes) {
        Ok(()) => {
            // Read back as a reader (or a website) would: nothing of the report may be lost.
            let lost = published_kind
                .map(|k| crate::release::read_back(&app.doc.draft.report, k, &bytes))
                .unwrap_or_default();
            if !lost.is_empty() {
                app.modal = Some(Modal::Error(format!(
                    "{}“{}”\n{}",
                    s::EXPORT_READ_BACK_DIFFERS,
                    path.display(),
                    lost.join("\n")
                )));
            }
            app.settings.remember_folder(path);
            app.save_settings();
            let mut msg = format!("{}：{}", s::EXPORTED, path.display());
            if app.checks.analysis.tally.errors > 0 {
                msg = format!(
                    "{msg}（{}）",
                    s::fill(s::EXPORT_HAS_ERRORS, app.checks.analysis.tally.errors)
                );
            }
            app.status.text = Some(msg);
        }
        Err(e) => app.modal = Some(Modal::Error(e.to_string())),
    }
}

pub fn export_pdf_to(app: &mut EditorApp, path: &Path, watermark: bool) {
    let fonts = app.printing.fonts();
    let mut options = PdfOptions::new(app.platform.today);
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
            app.settings.remember_folder(path);
            app.save_settings();
            // The fonts are said briefly: the whole list does not fit the status bar.
            let bundled = |f: &String| f.contains("Noto") || f.contains("LXGW");
            let fonts = match pdf.fonts_used.iter().filter(|f| bundled(f)).count() {
                0 => s::PDF_FONTS_OFFICIAL,
                n if n == pdf.fonts_used.len() => s::PDF_FONTS_BUNDLED,
                _ => s::PDF_FONTS_SOME_OFFICIAL,
            };
            app.status.text = Some(format!(
                "{}：{}（{fonts}）",
                s::fill(s::PDF_EXPORTED, pdf.pages),
                path.display(),
            ));
        }
        Err(e) => app.modal = Some(Modal::Error(e)),
    }
}

/// Sums the units' reports into a new, unsaved parent report.
pub fn sum_paths(app: &mut EditorApp, paths: &[std::path::PathBuf]) {
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
    let summed = crate::sum::sum_units(&units, &crate::sum::SumOptions::default());
    show_sum(app, units.len(), summed);
}

/// A parent draft summed from `units` reports, as the open document (or why not).
pub fn show_sum(
    app: &mut EditorApp,
    units: usize,
    summed: Result<crate::draft::Draft, impl std::fmt::Display>,
) {
    match summed {
        Ok(parent) => {
            let warnings = parent.sum.as_ref().map_or(0, |r| r.warnings.len());
            let mut doc = Document::blank(Report::default());
            doc.draft = parent;
            doc.baseline = None;
            app.platform.autosave.clear();
            app.replace_document(doc);
            app.status.text = Some(format!(
                "{}{}",
                s::fill(s::SUM_DONE, units),
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

pub fn open_path(app: &mut EditorApp, path: &Path) {
    open_path_then(app, path, AfterOpen::Show);
}

/// Opens `path`, then does `then`. A PDF may be a scan, read by OCR for seconds a page: it
/// is read in the background, the window live, with 取消.
pub fn open_path_then(app: &mut EditorApp, path: &Path, then: AfterOpen) {
    let pdf = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if pdf {
        app.session.opening = Some(Opening::start(path.to_path_buf(), then));
        return;
    }
    let read = read_and_open(path);
    opened(app, path, read, then);
}

/// Takes the background reading's result when it has come; 取消 asks it to stop.
pub fn poll_opening(app: &mut EditorApp, ctx: &egui::Context) {
    let Some(opening) = app.session.opening.as_ref() else {
        return;
    };
    if app.modal.is_none() && crate::gui::files::opening::show(ctx, opening) {
        opening.watch.stop();
    }
    let read = match opening.result.try_recv() {
        Ok(read) => read,
        Err(std::sync::mpsc::TryRecvError::Empty) => return,
        Err(std::sync::mpsc::TryRecvError::Disconnected) => Err(document::OpenError::Import(
            crate::import::ImportError::BadPdf("读取时出错".into()),
        )),
    };
    let Some(opening) = app.session.opening.take() else {
        return;
    };
    if matches!(
        read,
        Err(document::OpenError::Import(
            crate::import::ImportError::Cancelled
        ))
    ) {
        app.status.text = Some(s::OPENING_CANCELLED.to_string());
        return;
    }
    opened(app, &opening.path, read, opening.then);
}

/// A file read and opened (or why not) into the editor, then what was to follow.
fn opened(app: &mut EditorApp, path: &Path, read: OpenResult, then: AfterOpen) {
    let generation = app.session.generation;
    show_opened(app, path, read);
    if app.session.generation != generation
        && let AfterOpen::FromDesk(resubmission) = then
    {
        app.push(crate::gui::desk::commands::DeskCommand::Opened(
            resubmission,
        ));
    }
}

/// A file read and opened (or why not) shown in the editor.
fn show_opened(app: &mut EditorApp, path: &Path, read: OpenResult) {
    match read {
        Ok((opened, bytes)) if opened.source != Source::Imported => {
            crate::gui::actions::shared::open_draft(app, opened, bytes, path);
        }
        Ok((opened, _)) => {
            let doc = Document {
                baseline: None,
                draft: opened.draft,
                path: None,
                imported_from: Some(path.to_path_buf()),
                import_findings: opened.import_findings,
                read_only: false,
                on_disk: None,
                scanned: opened.scanned,
            };
            app.platform.autosave.clear();
            app.replace_document(doc);
            app.settings.touch_recent(path);
            app.save_settings();
            app.status.text = Some(s::OPENED_IMPORT.to_string());
            // A scan read by OCR: its cells are confirmed one by one, beside the form.
            if app.doc.draft.has_unchecked_scan() {
                app.push(crate::gui::scan::commands::ScanCommand::Open);
            }
        }
        Err(e) => {
            app.modal = Some(Modal::Error(e.describe(path)));
        }
    }
}

/// Saves the draft; true on success.
pub fn save_to(app: &mut EditorApp, path: &Path) -> bool {
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
            crate::gui::actions::shared::saved(app, path, bytes);
            app.doc.path = Some(path.to_path_buf());
            app.doc.baseline = Some(app.doc.draft.clone());
            app.platform.autosave.clear();
            app.settings.touch_recent(path);
            app.save_settings();
            app.status.text = Some(format!("{}：{}", s::SAVED, path.display()));
            true
        }
        Err(e) => {
            app.modal = Some(Modal::Error(e.to_string()));
            false
        }
    }
}
