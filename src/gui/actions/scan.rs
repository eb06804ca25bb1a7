//! What the scan review's commands do: open it at the first cell to confirm, confirm or
//! correct a cell (each one undo step) and go on to the next, skip a cell, show a cell,
//! close.

use crate::gui::app::EditorApp;
use crate::gui::common::strings as s;
use crate::gui::scan::commands::ScanCommand;
use crate::gui::scan::state::order;
use crate::model::CellValue;
use crate::template::TEMPLATE;

/// Runs the review's commands, after the frame.
pub fn run(app: &mut EditorApp, command: ScanCommand) {
    match command {
        ScanCommand::Open => {
            // The review stands beside the form (asked from the preview: back to the form).
            if !matches!(app.screen, crate::gui::app::screen::Screen::Form) {
                app.show_screen(crate::gui::app::screen::Screen::Form);
            }
            let mut review = app.scan.take().unwrap_or_default();
            review.skipped.clear();
            app.scan = Some(review);
            show_next(app);
        }
        ScanCommand::Close => app.scan = None,
        ScanCommand::Confirm(cell) => {
            app.session.history.checkpoint(&app.doc.draft);
            if app.doc.draft.confirm_cell(cell) {
                app.session.history.checkpoint(&app.doc.draft);
                done(app, cell, s::SCAN_REVIEW_CONFIRMED);
            } else {
                app.status.text = Some(s::SCAN_REVIEW_NOT_OCR.to_string());
                show_next(app);
            }
        }
        ScanCommand::Correct { cell, typed } => {
            match CellValue::parse_input(TEMPLATE.cells[cell].kind, &typed) {
                Ok(value) => {
                    app.session.history.checkpoint(&app.doc.draft);
                    app.doc.draft.correct_cell(cell, value);
                    app.session.history.checkpoint(&app.doc.draft);
                    app.edit.clear_typing();
                    done(app, cell, s::SCAN_REVIEW_CORRECTED);
                }
                // A letter, a number too big: said, and the field keeps what was typed.
                Err(e) => {
                    app.status.text = Some(format!("“{}”：{e}", typed.trim()));
                    if let Some(review) = app.scan.as_mut() {
                        review.focus = true;
                    }
                }
            }
        }
        ScanCommand::Skip(cell) => {
            if let Some(review) = app.scan.as_mut() {
                review.skipped.insert(cell);
            }
            show_next(app);
        }
        ScanCommand::ShowText(id) => {
            let begins = where_text_begins(app, id);
            if let Some(review) = app.scan.as_mut() {
                review.show_text(id, begins);
            }
        }
        ScanCommand::ConfirmText(id) => {
            app.session.history.checkpoint(&app.doc.draft);
            if app.doc.draft.confirm_text(id) {
                app.session.history.checkpoint(&app.doc.draft);
                app.status.text = Some(format!(
                    "{}{}",
                    s::SCAN_REVIEW_CONFIRMED,
                    crate::gui::form::state::text_name(id)
                ));
            }
            show_next(app);
        }
        ScanCommand::EditText(id) => {
            app.focus_place(crate::finding::Place::Text(id));
        }
        ScanCommand::Show(cell) => {
            let value = app.doc.draft.report.cell(cell).display();
            if let Some(review) = app.scan.as_mut() {
                review.show(Some(cell), value);
            }
        }
    }
}

/// A cell confirmed or corrected: said, and the next one shown.
fn done(app: &mut EditorApp, cell: usize, what: &str) {
    let shown = app.doc.draft.report.cell(cell).display();
    let shown = if shown.is_empty() {
        "（空）"
    } else {
        &shown
    };
    app.status.text = Some(format!("{what}{} {shown}", TEMPLATE.cells[cell].short_name));
    show_next(app);
}

/// Shows the first cell still to confirm that was not skipped (else the first skipped).
fn show_next(app: &mut EditorApp) {
    app.refresh_analysis();
    let text = app.doc.draft.unconfirmed_texts().first().copied();
    let begins = text.and_then(|t| where_text_begins(app, t));
    let Some(review) = app.scan.as_mut() else {
        return;
    };
    let order = review.order_for(app.checks.generation, || {
        order(&app.doc.draft, &app.checks.analysis, &app.doc.scanned)
    });
    let next = order
        .iter()
        .find(|i| !review.skipped.contains(i))
        .or(order.first())
        .copied();
    if next.is_none() {
        review.skipped.clear();
        // The cells done: the narrative's texts still to check, one by one.
        if let Some(text) = text
            && !app.doc.scanned.pages.is_empty()
        {
            review.show_text(text, begins);
            return;
        }
    }
    let value = next.map(|i| app.doc.draft.report.cell(i).display());
    review.show(next, value.unwrap_or_default());
}

/// Where a text begins on the scan's pages: found by the text as it was read (what the page
/// shows), else as it stands.
fn where_text_begins(app: &EditorApp, id: crate::template::TextId) -> Option<(usize, u32)> {
    let read = app.doc.draft.ocr_texts.get(&id).map(String::as_str);
    let text = read.or(app.doc.draft.report.text(id))?;
    app.doc.scanned.where_text_begins(text)
}
