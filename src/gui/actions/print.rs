//! What printing's commands do: 打印预览 in place of the form, and 打印…: the very PDF the
//! export would write (with the 草稿 watermark when the report is no final version yet)
//! handed to the system's printing: the desktop portal's print dialog where there is one,
//! else CUPS's `lp`; where there is neither, the clerk is told how to print the exported PDF.

use std::sync::mpsc::TryRecvError;

use crate::export::pdf::{PdfOptions, export_pdf};
use crate::gui::app::EditorApp;
use crate::gui::app::screen::Screen;
use crate::gui::commands::modal::Modal;
use crate::gui::common::strings as s;
use crate::gui::files::commands::FileCommand;
use crate::gui::print::commands::PrintCommand;
use crate::gui::print::job::{PrintFile, PrintJob};
#[cfg(not(windows))]
use crate::gui::print::portal::{PortalBus, print_pdf};
use crate::gui::print::portal::{PortalError, PortalOutcome};
use crate::gui::print::preview::Preview;

/// Runs one of printing's commands.
pub fn run(app: &mut EditorApp, ctx: &egui::Context, command: PrintCommand) {
    if !app.screen.shows_report() {
        app.status.text = Some(s::NO_REPORT_SHOWN.to_string());
        return;
    }
    match command {
        PrintCommand::Print => print(app, ctx),
        PrintCommand::ShowPreview => show_preview(app, ctx),
        PrintCommand::ClosePreview => app.show_screen(Screen::Form),
        PrintCommand::ExportPdf => app.push(FileCommand::ExportPdf),
    }
}

/// The options the export would write the PDF of the open report with: the 草稿 watermark
/// when it is no final version yet (see `release::release`), the fonts of this machine.
pub fn export_options(app: &mut EditorApp) -> PdfOptions {
    let release = crate::release::release(&app.doc.draft, &app.checks.analysis);
    let mut options = PdfOptions::new(app.platform.today);
    options.draft_watermark = !release.final_allowed();
    options.fonts = app.printing.fonts();
    options
}

/// 文件 → 打印预览: the PDF the export would write, drawn in place of the form.
fn show_preview(app: &mut EditorApp, ctx: &egui::Context) {
    let options = export_options(app);
    let preview = Preview::start(app.doc.draft.report.clone(), options, ctx);
    app.show_screen(Screen::Preview(preview));
}

/// The folder of the PDFs handed to printing, in the system's temporary folder.
const PRINT_FOLDER: &str = "nianbao-print";
/// A PDF handed to a viewer this long ago is done with (printed or closed): removed at the
/// next print.
const PRINT_KEPT_FOR: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes the PDFs in `folder` last written more than `kept_for` before `now` (those of
/// other windows too: each is some earlier print's). Says nothing when it cannot.
pub fn sweep_old_prints(
    folder: &std::path::Path,
    now: std::time::SystemTime,
    kept_for: std::time::Duration,
) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|at| now.duration_since(at).is_ok_and(|age| age > kept_for));
        if old && path.extension().is_some_and(|e| e == "pdf") {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// The PDF as the export would write it, into a temporary file of its own (in a folder of
/// its own, where earlier prints' files are swept away).
fn print_file(app: &mut EditorApp) -> Result<PrintFile, String> {
    let options = export_options(app);
    let pdf = export_pdf(&app.doc.draft.report, &options).map_err(|e| e.to_string())?;
    let folder = std::env::temp_dir().join(PRINT_FOLDER);
    sweep_old_prints(&folder, std::time::SystemTime::now(), PRINT_KEPT_FOR);
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    // Each print its own file: a PDF viewer (Windows) may keep the last one open and locked.
    static PRINTS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = PRINTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = folder.join(format!("打印-{}-{n}.pdf", std::process::id()));
    crate::fsio::write_atomic(&path, &pdf.bytes).map_err(|e| e.to_string())?;
    Ok(PrintFile {
        path,
        pages: pdf.pages,
        watermark: options.draft_watermark,
        title: app.doc.display_name(),
    })
}

/// Prints the report: the PDF to the desktop portal's print dialog where there is one (on
/// a thread: the dialog waits for the clerk), else to `lp` (the default printer), else says
/// why it could not.
fn print(app: &mut EditorApp, ctx: &egui::Context) {
    if app.printing.job.is_some() {
        app.status.text = Some(s::PRINT_DIALOG_OPEN.to_string());
        return;
    }
    let file = match print_file(app) {
        Ok(file) => file,
        Err(e) => {
            app.modal = Some(Modal::Error(format!("{}{e}", s::PRINT_FAILED)));
            return;
        }
    };
    #[cfg(windows)]
    {
        let _ = ctx;
        print_with_viewer(app, file);
    }
    #[cfg(not(windows))]
    print_with_portal(app, ctx, file);
}

/// The PDF to the desktop portal's print dialog (on a thread: the dialog waits for the
/// clerk), else to `lp`.
#[cfg(not(windows))]
fn print_with_portal(app: &mut EditorApp, ctx: &egui::Context, file: PrintFile) {
    if app.printing.portal == PortalBus::Off {
        print_with_lp(app, &file);
        return;
    }
    let (sender, answer) = std::sync::mpsc::channel();
    let (bus, title, path) = (
        app.printing.portal.clone(),
        file.title.clone(),
        file.path.clone(),
    );
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let _ = sender.send(print_pdf(&bus, &title, &path));
        ctx.request_repaint();
    });
    app.status.text = Some(s::PRINT_DIALOG_OPEN.to_string());
    app.printing.job = Some(PrintJob { answer, file });
}

/// Takes the portal's answer when it has come: printed, cancelled, or on to `lp`.
pub fn poll(app: &mut EditorApp) {
    let Some(job) = app.printing.job.as_ref() else {
        return;
    };
    let answer = match job.answer.try_recv() {
        Ok(answer) => answer,
        Err(TryRecvError::Empty) => return,
        Err(TryRecvError::Disconnected) => Err(PortalError::Failed(s::PRINT_PORTAL_GONE.into())),
    };
    let Some(PrintJob { file, .. }) = app.printing.job.take() else {
        return;
    };
    // The portal has read the file (or never will): it goes, unless `lp` is to print it.
    if !matches!(answer, Err(PortalError::Unavailable(_))) {
        let _ = std::fs::remove_file(&file.path);
    }
    match answer {
        Ok(PortalOutcome::Printed) => {
            app.status.text = Some(format!("{}{}", s::PRINT_SENT_PORTAL, file.what()));
        }
        Ok(PortalOutcome::Cancelled) => app.status.text = Some(s::PRINT_CANCELLED.to_string()),
        Err(PortalError::Unavailable(_)) => print_with_lp(app, &file),
        Err(PortalError::Failed(said)) => {
            app.status.text = None;
            app.modal = Some(Modal::Error(format!(
                "{}{said}\n\n{}",
                s::PRINT_PORTAL_FAILED,
                s::PRINT_HOW
            )));
        }
    }
}

/// Windows: the PDF opened in the system's PDF viewer, whose own print dialog (Ctrl+P)
/// chooses the printer. Never the "print" verb: it would print to the default printer
/// without asking.
#[cfg(windows)]
fn print_with_viewer(app: &mut EditorApp, file: PrintFile) {
    match crate::gui::common::windows::open_with_system(&file.path) {
        Ok(()) => {
            app.status.text = Some(format!("{}{}", s::PRINT_OPENED_IN_VIEWER, file.what()));
        }
        Err(said) => {
            app.status.text = None;
            app.modal = Some(Modal::Error(format!(
                "{}{}（{said}）\n\n{}",
                s::PRINT_NO_VIEWER,
                file.path.display(),
                s::PRINT_HOW
            )));
        }
    }
}

/// The PDF to `lp` (the default printer), or why it could not be.
fn print_with_lp(app: &mut EditorApp, file: &PrintFile) {
    let program = app.printing.program.clone();
    let title = format!("-t{}", file.title);
    let sent = std::process::Command::new(&program)
        .arg(&title)
        .arg(&file.path)
        .output();
    // `lp` has copied the file into the print queue (or failed): it is no longer needed.
    let _ = std::fs::remove_file(&file.path);
    match sent {
        Ok(out) if out.status.success() => {
            let said = String::from_utf8_lossy(&out.stdout).trim().to_string();
            app.status.text = Some(format!(
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
            app.status.text = None;
            app.modal = Some(Modal::Error(format!(
                "{}{said}\n\n{}",
                s::PRINT_REFUSED,
                s::PRINT_HOW
            )));
        }
        Err(_) => {
            app.status.text = None;
            app.modal = Some(Modal::Error(format!(
                "{}\n\n{}",
                s::PRINT_NO_SYSTEM,
                s::PRINT_HOW
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

    #[test]
    fn prints_older_than_an_hour_are_swept_and_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        let file = |name: &str, age: u64| {
            let path = dir.path().join(name);
            std::fs::write(&path, b"%PDF-").unwrap();
            let f = std::fs::File::options().write(true).open(&path).unwrap();
            f.set_modified(now - Duration::from_secs(age)).unwrap();
            path
        };
        let old = file("打印-1-0.pdf", 7200);
        let recent = file("打印-1-1.pdf", 60);
        let other = file("说明.txt", 7200);
        sweep_old_prints(dir.path(), now, PRINT_KEPT_FOR);
        assert!(!old.exists());
        assert!(recent.exists(), "a viewer may still have it");
        assert!(other.exists(), "only PDFs");
        // No folder yet: nothing to do, nothing said.
        sweep_old_prints(&dir.path().join("none"), now, PRINT_KEPT_FOR);
    }
}
