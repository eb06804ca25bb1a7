//! Block selection, copy and paste over a table's value cells, as a spreadsheet does:
//! Shift+arrows or Shift+click select a block; Ctrl+C/X copy it as tab-separated rows; a
//! pasted block (from Excel/WPS) fills cells from the focused one.

use egui::{Event, Ui};

use crate::layout::{GridContent, GridItem, TableGrid};
use crate::model::CellValue;
use crate::template::TEMPLATE;

use crate::gui::common::strings as s;
use crate::gui::form::state::{Editing, cell_id};

/// Where each cell of the grid is (value items only), for keyboard moves and paste.
pub(super) struct Nav<'g> {
    /// Value items by grid row (rows without values are left out), in column order.
    pub(super) rows: Vec<Vec<&'g GridItem>>,
}

impl<'g> Nav<'g> {
    pub(super) fn new(grid: &'g TableGrid) -> Nav<'g> {
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

    pub(super) fn position(&self, cell: usize) -> Option<(usize, usize)> {
        self.rows.iter().enumerate().find_map(|(r, row)| {
            row.iter()
                .position(|it| it.content == GridContent::Value(cell))
                .map(|c| (r, c))
        })
    }

    pub(super) fn cell(item: &GridItem) -> usize {
        match item.content {
            GridContent::Value(i) => i,
            GridContent::Label(_) => usize::MAX,
        }
    }

    /// The next editable cell from `cell` in a direction (dr, dc), skipping read-only ones.
    pub(super) fn step(
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

/// The block between the anchor and the focused cell, when both are in this table.
pub(super) fn update_block(ed: &mut Editing, ui: &Ui, grid: &TableGrid) {
    let focused = ed
        .edit
        .before_edit
        .as_ref()
        .map(|(c, _)| *c)
        .filter(|c| ui.memory(|m| m.has_focus(cell_id(*c))));
    let (Some(anchor), Some(focused)) = (ed.edit.block_anchor, focused) else {
        if focused.is_none_or(|c| TEMPLATE.cells[c].table == grid.table) {
            ed.edit.block.clear();
        }
        return;
    };
    if TEMPLATE.cells[focused].table != grid.table {
        return;
    }
    let nav = Nav::new(grid);
    ed.edit.block.clear();
    if let (Some((r0, c0)), Some((r1, c1))) = (nav.position(anchor), nav.position(focused)) {
        for r in r0.min(r1)..=r0.max(r1) {
            for c in c0.min(c1)..=c0.max(c1) {
                if let Some(it) = nav.rows.get(r).and_then(|row| row.get(c)) {
                    ed.edit.block.insert(Nav::cell(it));
                }
            }
        }
    }
}

/// Ctrl+C / Ctrl+X while a block is selected: taken from the input (true for a cut).
pub(super) fn take_block_copy(ui: &mut Ui) -> Option<bool> {
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
pub(super) fn copy_block(
    ed: &mut Editing,
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
            .filter(|c| ed.edit.block.contains(c))
            .collect();
        if !cells.is_empty() {
            let texts: Vec<String> = cells
                .iter()
                .map(|c| ed.doc.draft.report.cell(*c).display())
                .collect();
            rows.push(texts.join("\t"));
        }
    }
    ui.ctx().copy_text(rows.join("\n") + "\n");
    let n = ed.edit.block.len();
    if cut {
        ed.mark_undo_point();
        let cells: Vec<usize> = ed.edit.block.iter().copied().collect();
        for c in cells.into_iter().filter(|c| is_editable(*c)) {
            ed.doc.draft.report.set_cell(c, CellValue::Blank);
            ed.edit.buffers.remove(&c);
        }
        ed.status(format!("{} {n} 格", s::CUT));
    } else {
        ed.status(format!("{} {n} 格", s::COPIED));
    }
}

/// A pasted block (tab- or line-separated, as Excel/WPS copy it), taken from the input.
pub(super) fn take_block_paste(ui: &mut Ui) -> Option<String> {
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
pub(super) fn paste_block(
    ed: &mut Editing,
    nav: &Nav<'_>,
    start: usize,
    block: &str,
    is_editable: &dyn Fn(usize) -> bool,
) {
    let Some((r0, c0)) = nav.position(start) else {
        return;
    };
    ed.mark_undo_point();
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
            ed.edit.buffers.remove(&cell);
            match CellValue::parse_input(spec.kind, field) {
                Ok(v) => {
                    ed.doc.draft.report.set_cell(cell, v);
                    filled += 1;
                }
                Err(e) => {
                    // Kept as pasted, refused and shown as an error, never dropped.
                    refused.push(format!("{}“{}”{}", spec.short_name, field.trim(), e));
                    ed.doc
                        .draft
                        .report
                        .set_cell(cell, CellValue::Invalid(field.trim().to_string()));
                }
            }
        }
    }
    // The paste is a step of its own, and Esc afterwards keeps it: the cell's value before
    // the edit is now the pasted one.
    ed.mark_undo_point();
    ed.edit.before_edit = Some((start, ed.doc.draft.report.cell(start).clone()));
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
    ed.status(msg);
}
