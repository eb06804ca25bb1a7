//! The scan review beside the form: the cell as seen on the page, the value read in a field
//! (Enter confirms it, or the correction typed), the other readings, and the cells still to
//! confirm, those findings name and the least sure first.

use egui::{Key, Ui};

use super::commands::ScanCommand;
use super::state::ScanReview;
use crate::analysis::Analysis;
use crate::draft::Draft;
use crate::gui::common::strings as s;
use crate::import::{CellImage, Scan};
use crate::template::TEMPLATE;

/// The most cells listed below the one shown.
const LISTED: usize = 60;
/// The panel's least width while a text is shown beside its page.
const TEXT_PANEL_WIDTH: f32 = 600.0;
/// The height of the page's view while a text is shown.
const PAGE_VIEW_HEIGHT: f32 = 420.0;

/// What the panel reads.
pub struct ScanView<'a> {
    pub draft: &'a Draft,
    pub analysis: &'a Analysis,
    pub scanned: &'a Scan,
    /// The cells to confirm, in the order they are taken.
    pub order: &'a [usize],
}

/// Draws the review on the right of the window.
pub fn show(ui: &mut Ui, review: &mut ScanReview, view: ScanView, out: &mut Vec<ScanCommand>) {
    // A page of text is read at its own width: the panel widens while a text is shown.
    let min_width = if review.text.is_some() {
        TEXT_PANEL_WIDTH
    } else {
        0.0
    };
    egui::Panel::right("nianbao-scan-review")
        .resizable(true)
        .default_size(340.0)
        .min_size(min_width)
        .show(ui, |ui| {
            ui.heading(s::SCAN_REVIEW_TITLE);
            let (read, unconfirmed) = view.draft.scan_counts();
            ui.label(s::scan_review_counts(unconfirmed, read));
            let texts = view.draft.unconfirmed_texts();
            if !texts.is_empty() {
                ui.label(s::scan_review_texts(texts.len()));
            }
            ui.separator();
            match (review.text, review.cell) {
                (Some(text), _) => text_shown(ui, review, &view, text, &texts, out),
                (None, Some(cell)) => cell_shown(ui, review, &view, cell, out),
                (None, None) => {
                    ui.label(s::SCAN_REVIEW_DONE);
                }
            }
            ui.separator();
            // Room kept below the cells for the texts' list (a line each, a few shown).
            let texts_room = if texts.is_empty() {
                0.0
            } else {
                ui.spacing().interact_size.y * (texts.len().min(4) as f32 + 1.5)
            };
            rest_listed(ui, review, &view, texts_room, out);
            texts_listed(ui, review, &texts, out);
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
    let seen = view.scanned.cells.get(&cell);
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

fn rest_listed(
    ui: &mut Ui,
    review: &ScanReview,
    view: &ScanView,
    below: f32,
    out: &mut Vec<ScanCommand>,
) {
    if view.order.is_empty() {
        return;
    }
    ui.label(s::SCAN_REVIEW_LIST);
    egui::ScrollArea::vertical()
        .id_salt("nianbao-scan-list")
        .max_height((ui.available_height() - 40.0 - below).max(60.0))
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

/// A text of the narrative beside the scan's pages, scrolled to where it begins: the text
/// is corrected in the form (修改正文), or confirmed as it stands.
fn text_shown(
    ui: &mut Ui,
    review: &mut ScanReview,
    view: &ScanView,
    text: crate::template::TextId,
    unchecked: &[crate::template::TextId],
    out: &mut Vec<ScanCommand>,
) {
    ui.strong(crate::gui::form::state::text_name(text));
    let begins = review.begins;
    ui.label(match begins {
        Some((page, _)) => s::scan_review_text_page(page + 1),
        // A draft opened again keeps no page images.
        None if view.scanned.pages.is_empty() => s::SCAN_REVIEW_NO_PAGES.to_string(),
        None => s::SCAN_REVIEW_TEXT_NOT_FOUND.to_string(),
    });
    // Edited in the form since: checked already, the next one is a click away.
    ui.horizontal(|ui| {
        let go_on = if unchecked.contains(&text) {
            s::SCAN_REVIEW_TEXT_CONFIRM
        } else {
            s::SCAN_REVIEW_TEXT_NEXT
        };
        let button = ui.button(go_on);
        if std::mem::take(&mut review.focus) {
            button.request_focus();
        }
        if button.clicked() {
            out.push(ScanCommand::ConfirmText(text));
        }
        if ui.button(s::SCAN_REVIEW_TEXT_EDIT).clicked() {
            out.push(ScanCommand::EditText(text));
        }
    });
    ui.small(s::SCAN_REVIEW_TEXT_HINT);
    let width = ui.available_width();
    let scroll_to = std::mem::take(&mut review.scroll)
        .then_some(begins)
        .flatten();
    egui::ScrollArea::both()
        .id_salt("nianbao-scan-pages")
        .max_height(PAGE_VIEW_HEIGHT)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (n, page) in view.scanned.pages.iter().enumerate() {
                let texture = review.pages.entry(n).or_insert_with(|| {
                    ui.ctx().load_texture(
                        format!("nianbao-scan-page-{n}"),
                        color_image(&page.image),
                        egui::TextureOptions::LINEAR,
                    )
                });
                // The page's text column, at the panel's width (the margins left out).
                let (left, right) = page.lines.iter().fold((u32::MAX, 0), |(l, r), line| {
                    (l.min(line.left), r.max(line.right))
                });
                let (w, h) = (page.image.width.max(1), page.image.height.max(1));
                let (left, right) = if left < right {
                    (left.saturating_sub(8), (right + 8).min(w))
                } else {
                    (0, w)
                };
                let scale = width / (right - left) as f32;
                let uv = egui::Rect::from_min_max(
                    egui::pos2(left as f32 / w as f32, 0.0),
                    egui::pos2(right as f32 / w as f32, 1.0),
                );
                let size = egui::vec2(width, h as f32 * scale);
                let shown = ui.add(egui::Image::new((texture.id(), size)).uv(uv));
                if let Some((page_at, top)) = scroll_to
                    && page_at == n
                {
                    let y = shown.rect.top() + top as f32 * scale;
                    ui.scroll_to_rect(
                        egui::Rect::from_min_size(
                            egui::pos2(shown.rect.left(), y - 8.0),
                            egui::vec2(1.0, 1.0),
                        ),
                        Some(egui::Align::TOP),
                    );
                }
                ui.small(s::scan_review_page(n + 1, view.scanned.pages.len()));
            }
        });
}

/// The narrative's texts still to check, below the cells.
fn texts_listed(
    ui: &mut Ui,
    review: &ScanReview,
    texts: &[crate::template::TextId],
    out: &mut Vec<ScanCommand>,
) {
    if texts.is_empty() {
        return;
    }
    ui.label(s::SCAN_REVIEW_TEXT_LIST);
    egui::ScrollArea::vertical()
        .id_salt("nianbao-scan-texts")
        .max_height((ui.available_height() - 2.0 * ui.spacing().interact_size.y - 16.0).max(40.0))
        .show(ui, |ui| {
            for &t in texts {
                if ui
                    .selectable_label(
                        review.text == Some(t),
                        crate::gui::form::state::text_name(t),
                    )
                    .clicked()
                {
                    out.push(ScanCommand::ShowText(t));
                }
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
