//! 文件 → 打印… (Ctrl+P): the very PDF the export would write (with the 草稿 watermark when
//! the report is no final version yet) handed to the system's printing: CUPS's `lp`. Where
//! there is none, the clerk is told how to print the exported PDF instead.

use std::path::PathBuf;

use crate::export::pdf::{FontSet, PdfOptions, export_pdf};

use super::commands::Modal;
use super::editor::EditorApp;
use super::strings as s;

/// The program that prints a PDF file given as its last argument (`lp`; tests put a
/// recording stub here).
pub const PRINT_PROGRAM: &str = "lp";

/// The PDF as the export would write it, into a temporary file; its path and page count.
fn print_file(app: &mut EditorApp) -> Result<(PathBuf, usize, bool), String> {
    let release = crate::release::release(&app.doc.draft, &app.analysis);
    let watermark = !release.final_allowed();
    let mut options = PdfOptions::new(app.today);
    options.draft_watermark = watermark;
    options.fonts = app
        .pdf_fonts
        .get_or_insert_with(FontSet::with_installed_official)
        .clone();
    let pdf = export_pdf(&app.doc.draft.report, &options).map_err(|e| e.to_string())?;
    let path = std::env::temp_dir().join(format!("nianbao-打印-{}.pdf", std::process::id()));
    crate::fsio::write_atomic(&path, &pdf.bytes).map_err(|e| e.to_string())?;
    Ok((path, pdf.pages, watermark))
}

/// Prints the report: the PDF to `lp` (the default printer), or why it could not be.
pub(super) fn print(app: &mut EditorApp) {
    let (path, pages, watermark) = match print_file(app) {
        Ok(file) => file,
        Err(e) => {
            app.modal = Some(Modal::Error(format!("{}{e}", s::PRINT_FAILED)));
            return;
        }
    };
    let program = app.print_program.clone();
    let title = format!("-t{}", app.doc.display_name());
    match std::process::Command::new(&program)
        .arg(&title)
        .arg(&path)
        .output()
    {
        Ok(out) if out.status.success() => {
            let said = String::from_utf8_lossy(&out.stdout).trim().to_string();
            let mark = if watermark { s::PRINT_WATERMARK } else { "" };
            app.status = Some(format!(
                "{}{pages} 页{mark}{}",
                s::PRINT_SENT,
                if said.is_empty() {
                    String::new()
                } else {
                    format!("（{said}）")
                }
            ));
        }
        Ok(out) => {
            let said = String::from_utf8_lossy(&out.stderr).trim().to_string();
            app.modal = Some(Modal::Error(format!(
                "{}{said}\n\n{}",
                s::PRINT_REFUSED,
                s::PRINT_HOW
            )));
        }
        Err(_) => {
            app.modal = Some(Modal::Error(format!(
                "{}\n\n{}",
                s::PRINT_NO_SYSTEM,
                s::PRINT_HOW
            )));
        }
    }
}
