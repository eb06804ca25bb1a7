//! 文件 → 打印… (Ctrl+P): the very PDF the export would write (with the 草稿 watermark when
//! the report is no final version yet) handed to the system's printing: the desktop portal's
//! print dialog where there is one (`portal_print.rs`), else CUPS's `lp`. Where there is
//! neither, the clerk is told how to print the exported PDF instead.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

use crate::export::pdf::{FontSet, PdfOptions, export_pdf};

use super::commands::Modal;
use super::editor::EditorApp;
use super::portal_print::{PortalBus, PortalError, PortalOutcome, print_pdf};
use super::strings as s;

/// The program that prints a PDF file given as its last argument (`lp`; tests put a
/// recording stub here).
pub const PRINT_PROGRAM: &str = "lp";

/// The options the export would write the PDF of the open report with: the 草稿 watermark
/// when it is no final version yet (see `release::release`), the fonts of this machine.
pub(super) fn export_options(app: &mut EditorApp) -> PdfOptions {
    let release = crate::release::release(&app.doc.draft, &app.analysis);
    let mut options = PdfOptions::new(app.today);
    options.draft_watermark = !release.final_allowed();
    options.fonts = app
        .pdf_fonts
        .get_or_insert_with(FontSet::with_installed_official)
        .clone();
    options
}

/// 文件 → 打印预览: the PDF the export would write, drawn in place of the form.
pub(super) fn show_preview(app: &mut EditorApp, ctx: &egui::Context) {
    let options = export_options(app);
    app.find = None;
    app.preview = Some(super::preview::Preview::start(
        app.doc.draft.report.clone(),
        options,
        ctx,
    ));
}

/// The PDF as the export would write it, into a temporary file (one per process: a print
/// waiting for the portal's dialog holds off the next).
fn print_file(app: &mut EditorApp) -> Result<PrintFile, String> {
    let options = export_options(app);
    let pdf = export_pdf(&app.doc.draft.report, &options).map_err(|e| e.to_string())?;
    let path = std::env::temp_dir().join(format!("nianbao-打印-{}.pdf", std::process::id()));
    crate::fsio::write_atomic(&path, &pdf.bytes).map_err(|e| e.to_string())?;
    Ok(PrintFile {
        path,
        pages: pdf.pages,
        watermark: options.draft_watermark,
        title: app.doc.display_name(),
    })
}

/// A print handed to the desktop portal, whose dialog the clerk has not answered yet.
pub struct PrintJob {
    answer: Receiver<Result<PortalOutcome, PortalError>>,
    file: PrintFile,
}

/// The PDF made for printing.
struct PrintFile {
    path: PathBuf,
    pages: usize,
    watermark: bool,
    title: String,
}

impl PrintFile {
    /// "N 页" and the watermark's note.
    fn what(&self) -> String {
        let mark = if self.watermark {
            s::PRINT_WATERMARK
        } else {
            ""
        };
        format!("{} 页{mark}", self.pages)
    }
}

/// Prints the report: the PDF to the desktop portal's print dialog where there is one (on
/// a thread: the dialog waits for the clerk), else to `lp` (the default printer), else says
/// why it could not.
pub(super) fn print(app: &mut EditorApp, ctx: &egui::Context) {
    if app.print_job.is_some() {
        app.status = Some(s::PRINT_DIALOG_OPEN.to_string());
        return;
    }
    let file = match print_file(app) {
        Ok(file) => file,
        Err(e) => {
            app.modal = Some(Modal::Error(format!("{}{e}", s::PRINT_FAILED)));
            return;
        }
    };
    if app.print_portal == PortalBus::Off {
        print_with_lp(app, &file);
        return;
    }
    let (sender, answer) = std::sync::mpsc::channel();
    let (bus, title, path) = (
        app.print_portal.clone(),
        file.title.clone(),
        file.path.clone(),
    );
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let _ = sender.send(print_pdf(&bus, &title, &path));
        ctx.request_repaint();
    });
    app.status = Some(s::PRINT_DIALOG_OPEN.to_string());
    app.print_job = Some(PrintJob { answer, file });
}

/// Takes the portal's answer when it has come: printed, cancelled, or on to `lp`.
pub(super) fn poll(app: &mut EditorApp) {
    let Some(job) = app.print_job.as_ref() else {
        return;
    };
    let answer = match job.answer.try_recv() {
        Ok(answer) => answer,
        Err(TryRecvError::Empty) => return,
        Err(TryRecvError::Disconnected) => Err(PortalError::Failed(s::PRINT_PORTAL_GONE.into())),
    };
    let Some(PrintJob { file, .. }) = app.print_job.take() else {
        return;
    };
    match answer {
        Ok(PortalOutcome::Printed) => {
            app.status = Some(format!("{}{}", s::PRINT_SENT_PORTAL, file.what()));
        }
        Ok(PortalOutcome::Cancelled) => app.status = Some(s::PRINT_CANCELLED.to_string()),
        Err(PortalError::Unavailable(_)) => print_with_lp(app, &file),
        Err(PortalError::Failed(said)) => {
            app.status = None;
            app.modal = Some(Modal::Error(format!(
                "{}{said}\n\n{}",
                s::PRINT_PORTAL_FAILED,
                s::PRINT_HOW
            )));
        }
    }
}

/// The PDF to `lp` (the default printer), or why it could not be.
fn print_with_lp(app: &mut EditorApp, file: &PrintFile) {
    let program = app.print_program.clone();
    let title = format!("-t{}", file.title);
    match std::process::Command::new(&program)
        .arg(&title)
        .arg(&file.path)
        .output()
    {
        Ok(out) if out.status.success() => {
            let said = String::from_utf8_lossy(&out.stdout).trim().to_string();
            app.status = Some(format!(
                "{}{}{}",
                s::PRINT_SENT,
                file.what(),
                if said.is_empty() {
                    String::new()
                } else {
                    format!("（{said}）")
                }
            ));
        }
        Ok(out) => {
            let said = String::from_utf8_lossy(&out.stderr).trim().to_string();
            app.status = None;
            app.modal = Some(Modal::Error(format!(
                "{}{said}\n\n{}",
                s::PRINT_REFUSED,
                s::PRINT_HOW
            )));
        }
        Err(_) => {
            app.status = None;
            app.modal = Some(Modal::Error(format!(
                "{}\n\n{}",
                s::PRINT_NO_SYSTEM,
                s::PRINT_HOW
            )));
        }
    }
}
