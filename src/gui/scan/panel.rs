//! The scan review beside the form: the cell as seen on the page, the value read in a field
//! (Enter confirms it, or the correction typed), the other readings, and the cells still to
//! confirm, those findings name and the least sure first.

use egui::{Key, Ui};

use super::commands::ScanCommand;
use super::state::ScanReview;
use crate::analysis::Analysis;
use crate::draft::Draft;
use crate::gui::common::strings as s;
use crate::import::{CellImage, ScannedCells};
use crate::template::TEMPLATE;

/// The most cells listed below the one shown.
const LISTED: usize = 60;

/// What the panel reads.
pub struct ScanView<'a> {
    pub draft: &'a Draft,
    pub analysis: &'a Analysis,
    pub scanned: &'a ScannedCells,
    /// The cells to confirm, in the order they are taken.
    pub order: &'a [usize],
}

/// Draws the review on the right of the window.
pub fn show(ui: &mut Ui, review: &mut ScanReview, view: ScanView, out: &mut Vec<ScanCommand>) {
    egui::Panel::right("nianbao-scan-review")
        .resizable(true)
        .default_size(340.0)
        .show(ui, |ui| {
            ui.heading(s::SCAN_REVIEW_TITLE);
            let (read, unconfirmed) = view.draft.scan_counts();
            ui.label(s::scan_review_counts(unconfirmed, read));
            ui.separator();
            match review.cell {
                Some(cell) => cell_shown(ui, review, &view, cell, out),
                None => {
                    ui.label(s::SCAN_REVIEW_DONE);
                }
            }
            ui.separator();
            rest_listed(ui, review, &view, out);
            ui.separator();
            if ui.button(s::SCAN_REVIEW_CLOSE).clicked() {
                out.push(ScanCommand::Close);
            }
        });
}

fn cell_shown(
    ui: &mut Ui,
    review: &mut ScanReview,
    view: &ScanView,
    cell: usize,
    out: &mut Vec<ScanCommand>,
) {
    review.follow(view.draft.report.cell(cell).display());
    let spec = &TEMPLATE.cells[cell];
    ui.strong(format!("{} {}", spec.table.name(), spec.short_name));
    let seen = view.scanned.get(&cell);
    match seen {
        Some(seen) => {
            ui.label(s::SCAN_REVIEW_SEEN);
            let texture = review.textures.entry(cell).or_insert_with(|| {
                ui.ctx().load_texture(
                    format!("nianbao-scan-{cell}"),
                    color_image(&seen.image),
                    egui::TextureOptions::LINEAR,
                )
            });
            let size = texture.size_vec2();
            let scale = (300.0 / size.x.max(1.0)).min(2.0);
            ui.image((texture.id(), size * scale));
            if seen.confidence < 1.0 {
                ui.small(s::scan_review_confidence(seen.confidence));
            }
            if seen.readings.len() > 1 {
                ui.small(format!(
                    "{}{}",
                    s::SCAN_REVIEW_OTHER_READINGS,
                    seen.readings[1..].join("、")
                ));
            }
        }
        None => {
            ui.label(s::SCAN_REVIEW_NO_IMAGE);
        }
    }
    ui.horizontal(|ui| {
        let label = ui.label(s::SCAN_REVIEW_VALUE);
        let field = ui
            .add(egui::TextEdit::singleline(&mut review.typed).desired_width(120.0))
            .labelled_by(label.id);
        if std::mem::take(&mut review.focus) {
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if entered || ui.button(s::SCAN_REVIEW_CONFIRM).clicked() {
            out.push(confirm_or_correct(view.draft, cell, &review.typed));
        }
        if ui.button(s::SCAN_REVIEW_SKIP).clicked() {
            out.push(ScanCommand::Skip(cell));
        }
    });
    // The cell's own findings (the list of every unconfirmed cell says nothing of this one).
    for finding in view.analysis.findings_of_cell(cell) {
        if finding.rule != crate::finding::Rule::Ocr {
            ui.small(finding.to_line());
        }
    }
}

/// Enter on the value field: the value as it stands confirmed, or what was typed instead.
fn confirm_or_correct(draft: &Draft, cell: usize, typed: &str) -> ScanCommand {
    if typed.trim() == draft.report.cell(cell).display() {
        ScanCommand::Confirm(cell)
    } else {
        ScanCommand::Correct {
            cell,
            typed: typed.to_string(),
        }
    }
}

fn rest_listed(ui: &mut Ui, review: &ScanReview, view: &ScanView, out: &mut Vec<ScanCommand>) {
    if view.order.is_empty() {
        return;
    }
    ui.label(s::SCAN_REVIEW_LIST);
    egui::ScrollArea::vertical()
        .id_salt("nianbao-scan-list")
        .max_height(ui.available_height() - 40.0)
        .show(ui, |ui| {
            for &i in view.order.iter().take(LISTED) {
                let value = view.draft.report.cell(i).display();
                let shown = if value.is_empty() {
                    "（空）"
                } else {
                    &value
                };
                let text = format!("{}　{shown}", TEMPLATE.cells[i].short_name);
                if ui.selectable_label(review.cell == Some(i), text).clicked() {
                    out.push(ScanCommand::Show(i));
                }
            }
            if view.order.len() > LISTED {
                ui.small(s::scan_review_more(view.order.len() - LISTED));
            }
        });
}

fn color_image(image: &CellImage) -> egui::ColorImage {
    let size = [image.width as usize, image.height as usize];
    if image.pixels.len() == size[0] * size[1] {
        egui::ColorImage::from_gray(size, &image.pixels)
    } else {
        egui::ColorImage::new([1, 1], vec![egui::Color32::WHITE])
    }
}
