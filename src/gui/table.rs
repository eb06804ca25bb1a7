//! One statistical table, drawn from its [`TableGrid`] with merged header cells and vertical
//! group cells (egui's Grid has no spans): column widths from the available width, row
//! heights from the wrapped labels, cells placed by rectangle, grid lines painted.
//!
//! Number cells behave like a spreadsheet: type-to-replace, Enter/arrows move, a pasted
//! block fills cells from the focused one, refused input stays visible with its reason.

use std::sync::Arc;

use egui::text::{CCursor, CCursorRange};
use egui::{
    Align, Color32, Event, FontId, Galley, Key, Margin, Modifiers, Rect, Sense, Stroke, StrokeKind,
    TextEdit, Ui, WidgetInfo, pos2, vec2,
};

use crate::check::{Place, Severity};
use crate::layout::{GridContent, GridItem, GridRole, TableGrid};
use crate::model::CellValue;
use crate::template::{T2_BLOCKS, TEMPLATE, TableId, t2};

use super::app::EditorApp;
use super::form::tint;
use super::status::severity_color;
use super::strings as s;

const PAD: f32 = 4.0;
const VALUE_ROW_HEIGHT: f32 = 28.0;
const HEADER_ROW_HEIGHT: f32 = 24.0;
const LABEL_SIZE: f32 = 13.5;

/// The accessible name of a cell: its short name, with the column for 表二's one-column
/// blocks (whose short name is only the row label), e.g. `行政许可·本年处理决定数量`.
pub fn cell_name(cell: usize) -> String {
    let spec = &TEMPLATE.cells[cell];
    if spec.short_name.contains('·') {
        return spec.short_name.clone();
    }
    for (b, block) in T2_BLOCKS.iter().enumerate() {
        for (r, (_, row)) in block.rows.iter().enumerate() {
            for (c, (_, col)) in block.columns.iter().enumerate() {
                if t2(b, r, c) == cell {
                    return format!("{row}·{col}");
                }
            }
        }
    }
    spec.short_name.clone()
}

/// Column widths for the available width.
pub fn column_widths(grid: &TableGrid, avail: f32) -> Vec<f32> {
    match grid.table {
        TableId::T2 => {
            let label = (avail * 0.34).max(150.0);
            let v = ((avail - label) / 3.0).max(80.0);
            vec![label, v, v, v]
        }
        TableId::T3 => {
            let group = 34.0;
            let v = ((avail - 2.0 * group - 260.0) / 7.0).clamp(58.0, 96.0);
            let leaf = (avail - 2.0 * group - 7.0 * v).max(200.0);
            let mut w = vec![group, group, leaf];
            w.extend(std::iter::repeat_n(v, 7));
            w
        }
        TableId::T4 => vec![(avail / 15.0).max(52.0); 15],
    }
}

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

/// Where each cell of the grid is (value items only), for keyboard moves and paste.
struct Nav<'g> {
    /// Value items by grid row (rows without values are left out), in column order.
    rows: Vec<Vec<&'g GridItem>>,
}

impl<'g> Nav<'g> {
    fn new(grid: &'g TableGrid) -> Nav<'g> {
        let mut rows: Vec<Vec<&GridItem>> = Vec::new();
        let mut last_row = usize::MAX;
        for (item, _) in grid.values() {
            if item.row != last_row {
                rows.push(Vec::new());
                last_row = item.row;
            }
            if let Some(r) = rows.last_mut() {
                r.push(item);
            }
        }
        Nav { rows }
    }

    fn position(&self, cell: usize) -> Option<(usize, usize)> {
        self.rows.iter().enumerate().find_map(|(r, row)| {
            row.iter()
                .position(|it| it.content == GridContent::Value(cell))
                .map(|c| (r, c))
        })
    }

    fn cell(item: &GridItem) -> usize {
        match item.content {
            GridContent::Value(i) => i,
            GridContent::Label(_) => usize::MAX,
        }
    }

    /// The next editable cell from `cell` in a direction (dr, dc), skipping read-only ones.
    fn step(
        &self,
        cell: usize,
        dr: i32,
        dc: i32,
        editable: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let (mut r, mut c) = self.position(cell)?;
        let col_of = |r: usize, c: usize| self.rows[r][c].col;
        loop {
            if dr != 0 {
                let nr = r as i32 + dr;
                if nr < 0 || nr as usize >= self.rows.len() {
                    return None;
                }
                let target_col = col_of(r, c);
                r = nr as usize;
                // The item of the new row that covers the same grid column, else the nearest.
                c = self.rows[r]
                    .iter()
                    .position(|it| (it.col..it.col + it.col_span).contains(&target_col))
                    .unwrap_or_else(|| {
                        self.rows[r]
                            .iter()
                            .enumerate()
                            .min_by_key(|(_, it)| it.col.abs_diff(target_col))
                            .map_or(0, |(i, _)| i)
                    });
            } else {
                let nc = c as i32 + dc;
                if nc < 0 || nc as usize >= self.rows[r].len() {
                    return None;
                }
                c = nc as usize;
            }
            let target = Self::cell(self.rows[r][c]);
            if editable(target) {
                return Some(target);
            }
        }
    }
}

enum Move {
    Up,
    Down,
    Left,
    Right,
}

pub fn show(app: &mut EditorApp, ui: &mut Ui, grid: &TableGrid) {
    let avail = ui.available_width();
    let widths = column_widths(grid, avail);
    let label_font = FontId::proportional(LABEL_SIZE);
    let text_color = ui.visuals().text_color();

    // Lay out the labels and size the rows.
    let mut heights: Vec<f32> = (0..grid.rows)
        .map(|r| {
            if r < grid.header_rows {
                HEADER_ROW_HEIGHT
            } else {
                VALUE_ROW_HEIGHT
            }
        })
        .collect();
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
    for (it, g) in grid.items.iter().zip(&galleys) {
        if let (Some(g), 1) = (g, it.row_span) {
            heights[it.row] = heights[it.row].max(g.size().y + 2.0 * PAD);
        }
    }
    for (it, g) in grid.items.iter().zip(&galleys) {
        if let Some(g) = g
            && it.row_span > 1
        {
            let have: f32 = heights[it.row..it.row + it.row_span].iter().sum();
            let need = g.size().y + 2.0 * PAD;
            if need > have {
                let extra = (need - have) / it.row_span as f32;
                for h in &mut heights[it.row..it.row + it.row_span] {
                    *h += extra;
                }
            }
        }
    }
    let xs: Vec<f32> = std::iter::once(0.0)
        .chain(widths.iter().scan(0.0, |acc, w| {
            *acc += w;
            Some(*acc)
        }))
        .collect();
    let ys: Vec<f32> = std::iter::once(0.0)
        .chain(heights.iter().scan(0.0, |acc, h| {
            *acc += h;
            Some(*acc)
        }))
        .collect();
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
    let manual = app.doc.draft.manual_totals;
    let editable = |i: usize| manual || !TEMPLATE.cells[i].computed;
    update_block(app, ui, grid);

    for (k, it) in grid.items.iter().enumerate() {
        let rect = rect_of(it);
        match it.content {
            GridContent::Label(text) => {
                if it.role != GridRole::RowLabel {
                    ui.painter().rect_filled(rect, 0.0, header_fill);
                }
                if let Some(g) = &galleys[k] {
                    let pos = match it.role {
                        GridRole::RowLabel => {
                            pos2(rect.min.x + PAD, rect.center().y - g.size().y / 2.0)
                        }
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
            GridContent::Value(i) => {
                value_cell(
                    app,
                    ui,
                    grid,
                    rect,
                    i,
                    editable(i),
                    dark,
                    computed_fill,
                    &editable,
                );
            }
        }
    }
    for it in &grid.items {
        ui.painter()
            .rect_stroke(rect_of(it), 0.0, line, StrokeKind::Middle);
    }

    // Refused input of this table, with the reason: the cells hold it as typed.
    for (i, spec) in TEMPLATE.cells.iter().enumerate() {
        if spec.table != grid.table {
            continue;
        }
        if let Some((raw, reason)) = refusal(app, i) {
            ui.colored_label(
                severity_color(Severity::Error, dark),
                format!("“{raw}”{}：{reason}（{}）", s::REFUSED, spec.short_name),
            );
        }
    }
}

/// The typed text a cell holds that is not a valid value, and why (the cell keeps it, so
/// what the clerk sees is what the report, the checks and the saved draft hold).
fn refusal(app: &EditorApp, i: usize) -> Option<(String, String)> {
    match app.doc.draft.report.cell(i) {
        CellValue::Invalid(raw) => {
            let reason = CellValue::parse_input(TEMPLATE.cells[i].kind, raw)
                .err()
                .map_or_else(|| s::NOT_A_NUMBER.to_string(), |e| e.to_string());
            Some((raw.clone(), reason))
        }
        _ => None,
    }
}

#[allow(clippy::too_many_arguments)]
fn value_cell(
    app: &mut EditorApp,
    ui: &mut Ui,
    grid: &TableGrid,
    rect: Rect,
    i: usize,
    editable: bool,
    dark: bool,
    computed_fill: Color32,
    is_editable: &dyn Fn(usize) -> bool,
) {
    let spec = &TEMPLATE.cells[i];
    let id = EditorApp::cell_id(i);
    let refused = matches!(app.doc.draft.report.cell(i), CellValue::Invalid(_));
    let mark = if refused {
        Some(Severity::Error)
    } else {
        app.analysis.cell_marks[i]
    };
    if let Some(c) = tint(mark, dark) {
        ui.painter().rect_filled(rect, 0.0, c);
    } else if !editable {
        ui.painter().rect_filled(rect, 0.0, computed_fill);
    }
    if app.edit.block.contains(&i) {
        ui.painter().rect_filled(
            rect,
            0.0,
            ui.visuals().selection.bg_fill.gamma_multiply(0.35),
        );
    }
    let inner = rect.shrink(1.0);

    if !editable {
        let mut shown = app.doc.draft.report.cell(i).display();
        let r = ui
            .put(
                inner,
                TextEdit::singleline(&mut shown)
                    .id(id)
                    .frame(egui::Frame::NONE)
                    .interactive(false)
                    .align(egui::Align2::CENTER_CENTER)
                    .desired_width(inner.width()),
            )
            .accessible_name(cell_name(i));
        if app.consume_focus_request(Place::Cell(i)) {
            r.scroll_to_me(Some(Align::Center));
        }
        let mut tip = s::COMPUTED_HELP.to_string();
        for f in app.analysis.findings_of_cell(i) {
            tip = format!("{tip}\n{}", f.to_line());
        }
        r.on_hover_text(tip);
        return;
    }

    let focused = ui.memory(|m| m.has_focus(id));
    if focused {
        // Only the focused cell needs the grid's neighbours.
        let nav = &Nav::new(grid);
        let text_len = app
            .edit
            .buffers
            .get(&i)
            .map_or_else(|| app.doc.draft.report.cell(i).display(), Clone::clone)
            .chars()
            .count();
        if let Some((mv, extend)) = take_move(ui, id, text_len) {
            if extend {
                app.edit.block_anchor.get_or_insert(i);
            } else {
                app.edit.block_anchor = None;
            }
            let (dr, dc) = match mv {
                Move::Up => (-1, 0),
                Move::Down => (1, 0),
                Move::Left => (0, -1),
                Move::Right => (0, 1),
            };
            if let Some(target) = nav.step(i, dr, dc, is_editable) {
                ui.memory_mut(|m| m.request_focus(EditorApp::cell_id(target)));
                app.edit.select_all = Some(target);
                app.mark_undo_point();
            }
        }
        if let Some(block) = take_block_paste(ui) {
            paste_block(app, nav, i, &block, is_editable);
        }
        if app.edit.block.len() > 1
            && let Some(cut) = take_block_copy(ui)
        {
            copy_block(app, ui, nav, cut, is_editable);
        }
    }

    let canonical = app.doc.draft.report.cell(i).display();
    let mut buf = app
        .edit
        .buffers
        .get(&i)
        .cloned()
        .unwrap_or_else(|| canonical.clone());
    let r = ui
        .put(
            inner,
            TextEdit::singleline(&mut buf)
                .id(id)
                .frame(egui::Frame::NONE)
                .margin(Margin::symmetric(2, 2))
                .align(egui::Align2::CENTER_CENTER)
                .desired_width(inner.width())
                .char_limit(40),
        )
        .accessible_name(cell_name(i));

    if r.changed() {
        // The cell holds exactly what is typed: a value, or the refused text as it stands
        // (never the last valid prefix: "1.5" is not 1).
        let v = CellValue::parse_input(spec.kind, &buf)
            .unwrap_or_else(|_| CellValue::Invalid(buf.trim().to_string()));
        if *app.doc.draft.report.cell(i) != v {
            app.doc.draft.report.set_cell(i, v);
        }
        app.edit.buffers.insert(i, buf.clone());
    }
    // A click into the cell that already has the focus selects it, as the first click did.
    if r.clicked() && focused {
        app.edit.select_all = Some(i);
    }
    if r.gained_focus() {
        // Shift+click extends a block from the cell edited before; a plain click or Tab
        // starts over (Shift+arrows set the block themselves, in `take_move`).
        let (by_pointer, shift, tab) = ui.input(|inp| {
            (
                inp.pointer.any_pressed() || inp.pointer.any_released(),
                inp.modifiers.shift,
                inp.key_pressed(Key::Tab),
            )
        });
        if by_pointer && shift {
            if app.edit.block_anchor.is_none() {
                app.edit.block_anchor = app.edit.before_edit.as_ref().map(|(c, _)| *c);
            }
        } else if by_pointer || tab {
            app.edit.block_anchor = None;
        }
        app.edit.before_edit = Some((i, app.doc.draft.report.cell(i).clone()));
        app.edit.select_all = Some(i);
        r.scroll_to_me(None);
    }
    // Type-to-replace: select everything once the click that focused the cell is over (the
    // text field places its cursor on press and release).
    if r.has_focus() && app.edit.select_all == Some(i) && !ui.input(|inp| inp.pointer.any_down()) {
        app.edit.select_all = None;
        select_all(ui, id, &buf);
        ui.ctx().request_repaint();
    }
    if r.lost_focus() {
        if ui.input(|inp| inp.key_pressed(Key::Escape)) {
            // Esc abandons what was typed: the value before the edit comes back.
            if let Some((cell, before)) = app.edit.before_edit.take()
                && cell == i
            {
                app.doc.draft.report.set_cell(i, before);
            }
        }
        app.edit.buffers.remove(&i);
        app.mark_undo_point();
    }
    if !r.has_focus() {
        app.edit.buffers.remove(&i);
    }
    if r.has_focus() {
        ui.painter().rect_stroke(
            rect.shrink(1.0),
            0.0,
            Stroke::new(2.0, ui.visuals().selection.stroke.color),
            StrokeKind::Inside,
        );
    }
    if app.consume_focus_request(Place::Cell(i)) {
        r.request_focus();
        r.scroll_to_me(Some(Align::Center));
        app.edit.select_all = Some(i);
    }
    let mut tips: Vec<String> = app
        .analysis
        .findings_of_cell(i)
        .map(|f| f.to_line())
        .collect();
    if let Some((raw, reason)) = refusal(app, i) {
        tips.insert(0, format!("“{raw}”{}：{reason}", s::REFUSED));
    }
    // How the import read the cell, until it is edited: a dot in the corner and a line.
    if let Some((how, read)) = app.doc.draft.read_as.get(&i)
        && app.doc.draft.report.cell(i) == read
    {
        let color = match how {
            crate::import::Provenance::Uncertain => Color32::from_rgb(0xD9, 0x6A, 0x00),
            _ => Color32::from_rgb(0x2F, 0x6F, 0xCF),
        };
        ui.painter()
            .circle_filled(rect.right_top() + egui::vec2(-5.0, 5.0), 3.0, color);
        tips.push(format!("{}{}", s::READ_AS, how.describe()));
    }
    if !tips.is_empty() {
        r.on_hover_text(format!("{}\n{}", spec.short_name, tips.join("\n")));
    }
}

fn select_all(ui: &Ui, id: egui::Id, text: &str) {
    if let Some(mut state) = TextEdit::load_state(ui.ctx(), id) {
        let n = text.chars().count();
        state
            .cursor
            .set_char_range(Some(CCursorRange::two(CCursor::new(0), CCursor::new(n))));
        TextEdit::store_state(ui.ctx(), id, state);
    }
}

/// Takes a move key meant for the grid before the text field sees it. Left/Right move only
/// when the cursor is at that edge or everything is selected (fresh cell).
/// Shift with an arrow extends the block selection instead (Left/Right at the text edge).
fn take_move(ui: &mut Ui, id: egui::Id, text_len: usize) -> Option<(Move, bool)> {
    let (at_start, at_end) = TextEdit::load_state(ui.ctx(), id)
        .and_then(|s| s.cursor.char_range())
        .map_or((true, true), |range| {
            let sorted = range.as_sorted_char_range();
            let all = sorted.start.0 == 0 && sorted.end.0 >= text_len;
            (
                all || (range.is_empty() && sorted.start.0 == 0),
                all || (range.is_empty() && sorted.end.0 >= text_len),
            )
        });
    // Shift first: a pattern without Shift also matches a key pressed with it.
    ui.input_mut(|i| {
        if i.consume_key(Modifiers::SHIFT, Key::ArrowUp) {
            Some((Move::Up, true))
        } else if i.consume_key(Modifiers::SHIFT, Key::ArrowDown) {
            Some((Move::Down, true))
        } else if at_start && i.consume_key(Modifiers::SHIFT, Key::ArrowLeft) {
            Some((Move::Left, true))
        } else if at_end && i.consume_key(Modifiers::SHIFT, Key::ArrowRight) {
            Some((Move::Right, true))
        } else if i.consume_key(Modifiers::SHIFT, Key::Enter)
            || i.consume_key(Modifiers::NONE, Key::ArrowUp)
        {
            Some((Move::Up, false))
        } else if i.consume_key(Modifiers::NONE, Key::Enter)
            || i.consume_key(Modifiers::NONE, Key::ArrowDown)
        {
            Some((Move::Down, false))
        } else if at_start && i.consume_key(Modifiers::NONE, Key::ArrowLeft) {
            Some((Move::Left, false))
        } else if at_end && i.consume_key(Modifiers::NONE, Key::ArrowRight) {
            Some((Move::Right, false))
        } else {
            None
        }
    })
}

/// The block between the anchor and the focused cell, when both are in this table.
fn update_block(app: &mut EditorApp, ui: &Ui, grid: &TableGrid) {
    let focused = app
        .edit
        .before_edit
        .as_ref()
        .map(|(c, _)| *c)
        .filter(|c| ui.memory(|m| m.has_focus(EditorApp::cell_id(*c))));
    let (Some(anchor), Some(focused)) = (app.edit.block_anchor, focused) else {
        if focused.is_none_or(|c| TEMPLATE.cells[c].table == grid.table) {
            app.edit.block.clear();
        }
        return;
    };
    if TEMPLATE.cells[focused].table != grid.table {
        return;
    }
    let nav = Nav::new(grid);
    app.edit.block.clear();
    if let (Some((r0, c0)), Some((r1, c1))) = (nav.position(anchor), nav.position(focused)) {
        for r in r0.min(r1)..=r0.max(r1) {
            for c in c0.min(c1)..=c0.max(c1) {
                if let Some(it) = nav.rows.get(r).and_then(|row| row.get(c)) {
                    app.edit.block.insert(Nav::cell(it));
                }
            }
        }
    }
}

/// Ctrl+C / Ctrl+X while a block is selected: taken from the input (true for a cut).
fn take_block_copy(ui: &mut Ui) -> Option<bool> {
    ui.input_mut(|i| {
        let pos = i
            .events
            .iter()
            .position(|e| matches!(e, Event::Copy | Event::Cut))?;
        Some(matches!(i.events.remove(pos), Event::Cut))
    })
}

/// Copies the selected block as tab-separated rows (what Excel and WPS paste as a block);
/// a cut also empties its editable cells.
fn copy_block(
    app: &mut EditorApp,
    ui: &Ui,
    nav: &Nav<'_>,
    cut: bool,
    is_editable: &dyn Fn(usize) -> bool,
) {
    let mut rows: Vec<String> = Vec::new();
    for row in &nav.rows {
        let cells: Vec<usize> = row
            .iter()
            .map(|it| Nav::cell(it))
            .filter(|c| app.edit.block.contains(c))
            .collect();
        if !cells.is_empty() {
            let texts: Vec<String> = cells
                .iter()
                .map(|c| app.doc.draft.report.cell(*c).display())
                .collect();
            rows.push(texts.join("\t"));
        }
    }
    ui.ctx().copy_text(rows.join("\n") + "\n");
    let n = app.edit.block.len();
    if cut {
        app.mark_undo_point();
        let cells: Vec<usize> = app.edit.block.iter().copied().collect();
        for c in cells.into_iter().filter(|c| is_editable(*c)) {
            app.doc.draft.report.set_cell(c, CellValue::Blank);
            app.edit.buffers.remove(&c);
        }
        app.status = Some(format!("{} {n} 格", s::CUT));
    } else {
        app.status = Some(format!("{} {n} 格", s::COPIED));
    }
}

/// A pasted block (tab- or line-separated, as Excel/WPS copy it), taken from the input.
fn take_block_paste(ui: &mut Ui) -> Option<String> {
    ui.input_mut(|i| {
        let pos = i.events.iter().position(|e| match e {
            Event::Paste(t) => {
                let t = t.trim_end_matches(['\r', '\n']);
                t.contains('\t') || t.contains('\n')
            }
            _ => false,
        })?;
        match i.events.remove(pos) {
            Event::Paste(t) => Some(t),
            _ => None,
        }
    })
}

/// Fills cells from `start` rightwards (tabs) and downwards (lines). Refused values and
/// read-only totals are listed in the status line; nothing is dropped silently.
fn paste_block(
    app: &mut EditorApp,
    nav: &Nav<'_>,
    start: usize,
    block: &str,
    is_editable: &dyn Fn(usize) -> bool,
) {
    let Some((r0, c0)) = nav.position(start) else {
        return;
    };
    app.mark_undo_point();
    let mut filled = 0;
    let mut skipped_totals = 0;
    let mut outside = 0;
    let mut refused: Vec<String> = Vec::new();
    let lines: Vec<&str> = block
        .trim_end_matches(['\r', '\n'])
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .collect();
    for (dr, line) in lines.iter().enumerate() {
        for (dc, field) in line.split('\t').enumerate() {
            let target = nav
                .rows
                .get(r0 + dr)
                .and_then(|row| row.get(c0 + dc))
                .map(|it| Nav::cell(it));
            let Some(cell) = target else {
                if !field.trim().is_empty() {
                    outside += 1;
                }
                continue;
            };
            if !is_editable(cell) {
                skipped_totals += 1;
                continue;
            }
            let spec = &TEMPLATE.cells[cell];
            app.edit.buffers.remove(&cell);
            match CellValue::parse_input(spec.kind, field) {
                Ok(v) => {
                    app.doc.draft.report.set_cell(cell, v);
                    filled += 1;
                }
                Err(e) => {
                    // Kept as pasted, refused and shown as an error, never dropped.
                    refused.push(format!("{}“{}”{}", spec.short_name, field.trim(), e));
                    app.doc
                        .draft
                        .report
                        .set_cell(cell, CellValue::Invalid(field.trim().to_string()));
                }
            }
        }
    }
    let mut msg = format!("{} {filled} 格", s::PASTED);
    if skipped_totals > 0 {
        msg.push_str(&format!("；{skipped_totals} 格{}", s::PASTE_SKIPPED_TOTALS));
    }
    if outside > 0 {
        msg.push_str(&format!("；{outside} 个值{}", s::PASTE_OUTSIDE));
    }
    if !refused.is_empty() {
        msg.push_str(&format!("；{}：{}", s::REFUSED, refused.join("，")));
    }
    app.status = Some(msg);
}
