//! One number cell of a table: type-to-replace, Enter/arrows move, Esc restores the value
//! before the edit, refused input stays in the cell with its reason, findings and how the
//! import read the cell on hover.

use egui::text::{CCursor, CCursorRange};
use egui::{
    Align, Color32, Key, Margin, Modifiers, Rect, Response, Stroke, StrokeKind, TextEdit, Ui,
};

use crate::finding::{Place, Severity};
use crate::layout::TableGrid;
use crate::model::CellValue;
use crate::template::TEMPLATE;

use crate::gui::common::strings as s;
use crate::gui::common::theme::{change_color, note_color, provenance_color, tint};
use crate::gui::form::block::{Nav, copy_block, paste_block, take_block_copy, take_block_paste};
use crate::gui::form::state::{Editing, cell_id, cell_name};

/// How a table is drawn this frame: its grid, whether totals are typed by hand, colours.
pub(super) struct TableView<'g> {
    pub grid: &'g TableGrid,
    pub manual_totals: bool,
    pub dark: bool,
    pub computed_fill: Color32,
}

impl TableView<'_> {
    /// A cell the clerk types into (computed totals are not, unless typed by hand).
    pub fn editable(&self, cell: usize) -> bool {
        self.manual_totals || !TEMPLATE.cells[cell].computed
    }
}

enum Move {
    Up,
    Down,
    Left,
    Right,
}

/// The typed text a cell holds that is not a valid value, and why (the cell keeps it, so
/// what the clerk sees is what the report, the checks and the saved draft hold).
pub(super) fn refusal(ed: &Editing, i: usize) -> Option<(String, String)> {
    match ed.doc.draft.report.cell(i) {
        CellValue::Invalid(raw) => {
            let reason = CellValue::parse_input(TEMPLATE.cells[i].kind, raw)
                .err()
                .map_or_else(|| s::NOT_A_NUMBER.to_string(), |e| e.to_string());
            Some((raw.clone(), reason))
        }
        _ => None,
    }
}

/// Draws and edits cell `i` in `rect`.
pub(super) fn value_cell(ed: &mut Editing, ui: &mut Ui, view: &TableView, rect: Rect, i: usize) {
    paint_background(ed, ui, view, rect, i);
    let inner = rect.shrink(1.0);
    if !view.editable(i) {
        computed_cell(ed, ui, inner, i);
        return;
    }
    let id = cell_id(i);
    let focused = ui.memory(|m| m.has_focus(id));
    if focused {
        grid_keys(ed, ui, view, i);
    }
    let r = typed_cell(ed, ui, inner, i, focused);
    if r.has_focus() {
        ui.painter().rect_stroke(
            rect.shrink(1.0),
            0.0,
            Stroke::new(2.0, ui.visuals().selection.stroke.color),
            StrokeKind::Inside,
        );
    }
    if ed.edit.consume_focus_request(Place::Cell(i)) {
        r.request_focus();
        r.scroll_to_me(Some(Align::Center));
        ed.edit.select_all = Some(i);
    }
    let tips = cell_tips(ed, ui, rect, i);
    ed.note_menu(&r, Place::Cell(i));
    if !tips.is_empty() {
        r.on_hover_text(format!(
            "{}\n{}",
            TEMPLATE.cells[i].short_name,
            tips.join("\n")
        ));
    }
}

/// The cell's fill: its finding's tint, the computed colour (lighter for a total typed by
/// hand), the block selection, and a frame where it changed against the version compared.
fn paint_background(ed: &Editing, ui: &Ui, view: &TableView, rect: Rect, i: usize) {
    let refused = matches!(ed.doc.draft.report.cell(i), CellValue::Invalid(_));
    let mark = if refused {
        Some(Severity::Error)
    } else {
        ed.analysis.cell_marks[i]
    };
    if let Some(c) = tint(mark, view.dark) {
        ui.painter().rect_filled(rect, 0.0, c);
    } else if !view.editable(i) {
        ui.painter().rect_filled(rect, 0.0, view.computed_fill);
    } else if TEMPLATE.cells[i].computed {
        // A total typed by hand (手动填写合计): the computed colour, lighter, so the mode
        // shows in the form and not only in the status bar.
        ui.painter()
            .rect_filled(rect, 0.0, view.computed_fill.gamma_multiply(0.45));
    }
    if ed.edit.block.contains(&i) {
        ui.painter().rect_filled(
            rect,
            0.0,
            ui.visuals().selection.bg_fill.gamma_multiply(0.35),
        );
    }
    // Changed against the version compared with: a frame in the change colour.
    if ed.changed.is_some_and(|c| c.contains(&i)) {
        ui.painter().rect_stroke(
            rect.shrink(2.0),
            0.0,
            Stroke::new(2.0, change_color()),
            StrokeKind::Inside,
        );
    }
}

/// A computed total: shown, focusable for notes and links, not typed into.
fn computed_cell(ed: &mut Editing, ui: &mut Ui, inner: Rect, i: usize) {
    let mut shown = ed.doc.draft.report.cell(i).display();
    let r = ui
        .put(
            inner,
            TextEdit::singleline(&mut shown)
                .id(cell_id(i))
                .frame(egui::Frame::NONE)
                .interactive(false)
                .align(egui::Align2::CENTER_CENTER)
                .desired_width(inner.width()),
        )
        .accessible_name(cell_name(i));
    if ed.edit.consume_focus_request(Place::Cell(i)) {
        r.scroll_to_me(Some(Align::Center));
    }
    ed.note_menu(&r, Place::Cell(i));
    let mut tip = s::COMPUTED_HELP.to_string();
    for f in ed.analysis.findings_of_cell(i) {
        tip = format!("{tip}\n{}", f.to_line());
    }
    for n in ed.open_notes(Place::Cell(i)) {
        tip = format!("{tip}\n{n}");
    }
    if let Some(note) = ed.profile.and_then(|p| p.cell_notes.get(&i)) {
        tip = format!("{tip}\n{}{note}", s::CELL_LOCAL_NOTE);
    }
    r.on_hover_text(tip);
}

/// The keys of the focused cell meant for the grid: arrows and Enter move (Shift extends
/// the block), a block is pasted or copied. Only the focused cell needs the neighbours.
fn grid_keys(ed: &mut Editing, ui: &mut Ui, view: &TableView, i: usize) {
    let is_editable = &|c: usize| view.editable(c);
    let nav = &Nav::new(view.grid);
    let text_len = ed
        .edit
        .buffers
        .get(&i)
        .map_or_else(|| ed.doc.draft.report.cell(i).display(), Clone::clone)
        .chars()
        .count();
    if let Some((mv, extend)) = take_move(ui, cell_id(i), text_len) {
        if extend {
            ed.edit.block_anchor.get_or_insert(i);
        } else {
            ed.edit.block_anchor = None;
        }
        let (dr, dc) = match mv {
            Move::Up => (-1, 0),
            Move::Down => (1, 0),
            Move::Left => (0, -1),
            Move::Right => (0, 1),
        };
        if let Some(target) = nav.step(i, dr, dc, is_editable) {
            ui.memory_mut(|m| m.request_focus(cell_id(target)));
            ed.edit.select_all = Some(target);
            ed.mark_undo_point();
        }
    }
    if let Some(block) = take_block_paste(ui) {
        paste_block(ed, nav, i, &block, is_editable);
    }
    if ed.edit.block.len() > 1
        && let Some(cut) = take_block_copy(ui)
    {
        copy_block(ed, ui, nav, cut, is_editable);
    }
}

/// The text field of a cell the clerk types into: what is typed goes into the report as
/// it stands; focus selects all (type-to-replace), Esc restores the value before the edit.
fn typed_cell(ed: &mut Editing, ui: &mut Ui, inner: Rect, i: usize, focused: bool) -> Response {
    let id = cell_id(i);
    let canonical = ed.doc.draft.report.cell(i).display();
    let mut buf = ed
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
        let v = CellValue::parse_input(TEMPLATE.cells[i].kind, &buf)
            .unwrap_or_else(|_| CellValue::Invalid(buf.trim().to_string()));
        if *ed.doc.draft.report.cell(i) != v {
            ed.doc.draft.report.set_cell(i, v);
        }
        ed.edit.buffers.insert(i, buf.clone());
    }
    // A click into the cell that already has the focus selects it, as the first click did.
    if r.clicked() && focused {
        ed.edit.select_all = Some(i);
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
            if ed.edit.block_anchor.is_none() {
                ed.edit.block_anchor = ed.edit.before_edit.as_ref().map(|(c, _)| *c);
            }
        } else if by_pointer || tab {
            ed.edit.block_anchor = None;
        }
        ed.edit.before_edit = Some((i, ed.doc.draft.report.cell(i).clone()));
        ed.edit.select_all = Some(i);
        r.scroll_to_me(None);
    }
    // Type-to-replace: select everything once the click that focused the cell is over (the
    // text field places its cursor on press and release).
    if r.has_focus() && ed.edit.select_all == Some(i) && !ui.input(|inp| inp.pointer.any_down()) {
        ed.edit.select_all = None;
        select_all(ui, id, &buf);
        ui.ctx().request_repaint();
    }
    if r.lost_focus() {
        if ui.input(|inp| inp.key_pressed(Key::Escape)) {
            // Esc abandons what was typed: the value before the edit comes back.
            if let Some((cell, before)) = ed.edit.before_edit.take()
                && cell == i
            {
                ed.doc.draft.report.set_cell(i, before);
            }
        }
        ed.edit.buffers.remove(&i);
        ed.mark_undo_point();
    }
    if !r.has_focus() {
        ed.edit.buffers.remove(&i);
    }
    r
}

/// The lines of the cell's tooltip: the refusal, the findings, how the import read it
/// (with a dot in the corner), a reviewer's open notes (with a mark in the lower-left
/// corner) and, in a summed report, who contributed what.
fn cell_tips(ed: &Editing, ui: &Ui, rect: Rect, i: usize) -> Vec<String> {
    let mut tips: Vec<String> = ed
        .analysis
        .findings_of_cell(i)
        .map(|f| f.to_line())
        .collect();
    if let Some((raw, reason)) = refusal(ed, i) {
        tips.insert(0, format!("“{raw}”{}：{reason}", s::REFUSED));
    }
    if TEMPLATE.cells[i].computed {
        tips.insert(0, s::MANUAL_TOTAL_CELL.to_string());
    }
    if let Some(note) = ed.profile.and_then(|p| p.cell_notes.get(&i)) {
        tips.push(format!("{}{note}", s::CELL_LOCAL_NOTE));
    }
    // How the import read the cell, until it is edited.
    if let Some((how, read)) = ed.doc.draft.read_as.get(&i)
        && ed.doc.draft.report.cell(i) == read
    {
        // A cell read from its drawn table cell, or confirmed against a scan, is exact:
        // said in the tooltip, no dot.
        if !matches!(
            how,
            crate::import::Provenance::Grid | crate::import::Provenance::Confirmed
        ) {
            let color = provenance_color(*how);
            ui.painter()
                .circle_filled(rect.right_top() + egui::vec2(-5.0, 5.0), 3.0, color);
        }
        tips.push(format!("{}{}", s::READ_AS, how.describe()));
    }
    let notes = ed.open_notes(Place::Cell(i));
    if !notes.is_empty() {
        let corner = rect.left_bottom();
        ui.painter().add(egui::Shape::convex_polygon(
            vec![
                corner,
                corner + egui::vec2(8.0, 0.0),
                corner + egui::vec2(0.0, -8.0),
            ],
            note_color(),
            Stroke::NONE,
        ));
        tips.extend(notes);
    }
    if let Some(record) = &ed.doc.draft.sum {
        let parts = crate::draft::contributions(record, i);
        if !parts.is_empty() {
            let list: Vec<String> = parts
                .iter()
                .map(|(organ, v)| format!("  {organ}：{}", v.display()))
                .collect();
            tips.push(format!("{}\n{}", s::SUM_CONTRIBUTIONS, list.join("\n")));
        }
    }
    tips
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
