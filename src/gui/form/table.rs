//! One statistical table, drawn from its [`TableGrid`] with merged header cells and vertical
//! group cells (egui's Grid has no spans): column widths from the available width, row
//! heights from the wrapped labels, cells placed by rectangle, grid lines painted. The
//! number cells are in `cell.rs`, block selection and paste in `block.rs`.

use std::sync::Arc;

use egui::{FontId, Galley, Rect, Sense, Stroke, StrokeKind, Ui, WidgetInfo, pos2, vec2};

use crate::finding::Severity;
use crate::layout::{
    GridContent, GridItem, GridRole, TableGrid, column_widths, offsets, row_heights,
};
use crate::template::TEMPLATE;

use crate::gui::common::strings as s;
use crate::gui::common::theme::severity_color;
use crate::gui::form::block::update_block;
use crate::gui::form::cell::{TableView, refusal, value_cell};
use crate::gui::form::state::Editing;

const PAD: f32 = 4.0;
const VALUE_ROW_HEIGHT: f32 = 28.0;
const HEADER_ROW_HEIGHT: f32 = 24.0;
const LABEL_SIZE: f32 = 13.5;

fn label_text(item: &GridItem) -> String {
    let text = item.label().unwrap_or_default();
    if item.role == GridRole::Group {
        // Vertical: one character per line.
        // Vertical presentation forms for the brackets, as vertical type sets them.
        text.chars()
            .map(|c| match c {
                '（' => '︵',
                '）' => '︶',
                c => c,
            })
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        text.to_string()
    }
}

pub fn show(ui: &mut Ui, ed: &mut Editing, grid: &TableGrid) {
    let avail = ui.available_width();
    let widths = column_widths(grid.table, avail, LABEL_SIZE);
    let label_font = FontId::proportional(LABEL_SIZE);
    let text_color = ui.visuals().text_color();

    // Lay out the labels and size the rows.
    let span_width =
        |it: &GridItem| -> f32 { widths[it.col..it.col + it.col_span].iter().sum::<f32>() };
    let galleys: Vec<Option<Arc<Galley>>> = grid
        .items
        .iter()
        .map(|it| {
            it.label().map(|_| {
                let wrap = if it.role == GridRole::Group {
                    f32::INFINITY
                } else {
                    span_width(it) - 2.0 * PAD
                };
                ui.painter()
                    .layout(label_text(it), label_font.clone(), text_color, wrap)
            })
        })
        .collect();
    let heights = row_heights(
        grid,
        |r| {
            if r < grid.header_rows {
                HEADER_ROW_HEIGHT
            } else {
                VALUE_ROW_HEIGHT
            }
        },
        |k| galleys[k].as_ref().map(|g| g.size().y + 2.0 * PAD),
    );
    let (xs, ys) = (offsets(&widths), offsets(&heights));
    let size = vec2(xs[grid.columns], ys[grid.rows]);
    let (table_rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let origin = table_rect.min;
    let rect_of = |it: &GridItem| -> Rect {
        Rect::from_min_max(
            origin + vec2(xs[it.col], ys[it.row]),
            origin + vec2(xs[it.col + it.col_span], ys[it.row + it.row_span]),
        )
    };

    let visuals = ui.visuals().clone();
    let dark = visuals.dark_mode;
    let header_fill = visuals.faint_bg_color;
    let computed_fill = visuals.extreme_bg_color;
    let line = Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color);
    let view = TableView {
        grid,
        manual_totals: ed.doc.draft.manual_totals,
        dark,
        computed_fill,
    };
    update_block(ed, ui, grid);

    for (k, it) in grid.items.iter().enumerate() {
        let rect = rect_of(it);
        match it.content {
            GridContent::Label(text) => {
                if it.role != GridRole::RowLabel {
                    ui.painter().rect_filled(rect, 0.0, header_fill);
                }
                label_cell(ui, (grid, k, text), rect, galleys[k].as_ref(), text_color);
            }
            GridContent::Value(i) => value_cell(ed, ui, &view, rect, i),
        }
    }
    for it in &grid.items {
        ui.painter()
            .rect_stroke(rect_of(it), 0.0, line, StrokeKind::Middle);
    }

    refusals(ui, ed, grid, dark);
}

/// A label of the grid: its text (row labels from the left, headers centred), named for
/// screen readers and tests, its row's help on hover.
fn label_cell(
    ui: &mut Ui,
    (grid, k, text): (&TableGrid, usize, &str),
    rect: Rect,
    galley: Option<&Arc<Galley>>,
    text_color: egui::Color32,
) {
    let it = &grid.items[k];
    if let Some(g) = galley {
        let pos = match it.role {
            GridRole::RowLabel => pos2(rect.min.x + PAD, rect.center().y - g.size().y / 2.0),
            _ => rect.center() - g.size() / 2.0,
        };
        ui.painter().galley(pos, g.clone(), text_color);
    }
    let id = egui::Id::unique(("nianbao-label", grid.table, k));
    let response = ui.interact(rect, id, Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, text));
    if let Some(help) = it.help {
        response.on_hover_text(format!("{text}\n{help}"));
    }
}

/// Refused input of this table, with the reason: the cells hold it as typed.
fn refusals(ui: &mut Ui, ed: &Editing, grid: &TableGrid, dark: bool) {
    for (i, spec) in TEMPLATE.cells.iter().enumerate() {
        if spec.table != grid.table {
            continue;
        }
        if let Some((raw, reason)) = refusal(ed, i) {
            ui.colored_label(
                severity_color(Severity::Error, dark),
                format!("“{raw}”{}：{reason}（{}）", s::REFUSED, spec.short_name),
            );
        }
    }
}
