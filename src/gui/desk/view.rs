//! The review desk in the window (文件 → 打开审核台…): the folder's reports as a table, filtered
//! by state and searched by organ; a double click opens a report in the editor, with
//! 返回审核台 to come back; 退回, 审核通过, 签发 on the selected rows (Ctrl+click, Shift+click);
//! 汇总 and the overview.

use std::collections::BTreeSet;
use std::sync::mpsc::{Receiver, TryRecvError};

use egui::{Context, RichText, Ui};
use egui_extras::{Column, TableBuilder, TableRow};

use crate::desk::{Desk, DeskRules, DeskState, Loaded};
use crate::review::Stage;

use crate::gui::common::strings as s;
use crate::gui::common::theme::severity_color;
use crate::gui::desk::commands::DeskCommand;

/// The desk as the window shows it.
pub struct DeskView {
    pub desk: Desk,
    /// Only the rows in this state.
    pub filter: Option<DeskState>,
    /// Only the rows of this year.
    pub year: Option<u16>,
    /// Only the rows whose organ or file contains this.
    pub search: String,
    /// The current row, by file (kept when the desk is read again): what 打开 opens and
    /// where a Shift+click range starts.
    pub selected: Option<String>,
    /// Every selected row, by file (Ctrl+click adds or takes away one, Shift+click a
    /// range): what 退回…, 审核通过 and 签发 act on. Holds `selected` when that is set.
    pub marked: BTreeSet<String>,
    /// The other end of a Shift range (Shift+click, Shift+↑/↓), where the next Shift+↓ goes
    /// on from; None without a range.
    pub cursor: Option<String>,
    /// The column the rows are sorted by (index into the columns) and whether descending;
    /// `None`: by file, as read.
    pub sort: Option<(usize, bool)>,
    /// The load running in the background, if one is.
    pub loading: Option<Loading>,
    /// The rules the desk is read by (for the reloads).
    pub rules: DeskRules,
    /// When (in the window's time) to look at the folder again for changes.
    next_look: f64,
}

/// A background load of the desk's files, and how far it is.
pub struct Loading {
    steps: Receiver<Loaded>,
    pub total: usize,
    pub read: usize,
    /// Every file read; this many being checked against last year's.
    pub comparing: Option<usize>,
}

/// How often the folder is looked at for reports added or replaced (seconds).
const LOOK_EVERY: f64 = 2.0;

impl DeskView {
    /// A desk just listed, shown; [`DeskView::load`] reads its files.
    pub fn new(desk: Desk, rules: DeskRules) -> DeskView {
        DeskView {
            desk,
            filter: None,
            year: None,
            search: String::new(),
            selected: None,
            marked: BTreeSet::new(),
            cursor: None,
            sort: None,
            loading: None,
            rules,
            next_look: 0.0,
        }
    }

    /// Reads every file of the desk in the background (a load running is given up). The
    /// rows keep what they show until their file is read again.
    pub fn load(&mut self, ctx: &Context) {
        let loader = self.desk.loader(self.rules.clone());
        let total = loader.files.len();
        let wake = ctx.clone();
        self.loading = Some(Loading {
            steps: loader.spawn(move || wake.request_repaint()),
            total,
            read: 0,
            comparing: None,
        });
    }

    /// Takes in what the load read since the last frame; every [`LOOK_EVERY`] seconds while
    /// no load runs, looks at the folder and reads it again when a report was added,
    /// replaced or removed or the desk file changed. The selection (by file), filter and
    /// order stay; only while the desk is `shown`. Returns a problem to show (the desk file unreadable).
    pub fn poll(&mut self, ctx: &Context, shown: bool) -> Option<String> {
        if let Some(loading) = self.loading.as_mut() {
            loop {
                match loading.steps.try_recv() {
                    Ok(step) => {
                        match &step {
                            Loaded::File { .. } if loading.comparing.is_none() => loading.read += 1,
                            Loaded::Comparing(n) => loading.comparing = Some(*n),
                            _ => {}
                        }
                        let done = matches!(step, Loaded::Done);
                        self.desk.apply(step);
                        if done {
                            self.loading = None;
                            break;
                        }
                    }
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        self.loading = None;
                        break;
                    }
                }
            }
        }
        let now = ctx.input(|i| i.time);
        if self.loading.is_some() || !shown {
            return None;
        }
        if now < self.next_look {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(self.next_look - now));
            return None;
        }
        self.next_look = now + LOOK_EVERY;
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(LOOK_EVERY));
        if self.desk.changed_on_disk() {
            return self.reload(ctx);
        }
        None
    }

    /// Lists the folder again and reads it in the background, keeping the selection.
    pub fn reload(&mut self, ctx: &Context) -> Option<String> {
        let problem = self.desk.relist().err().map(|e| e.to_string());
        if let Some(file) = &self.selected
            && !self.desk.rows.iter().any(|r| &r.file == file)
        {
            self.selected = None;
        }
        let rows = &self.desk.rows;
        self.marked
            .retain(|file| rows.iter().any(|r| &r.file == file));
        if let Some(file) = &self.cursor
            && !rows.iter().any(|r| &r.file == file)
        {
            self.cursor = None;
        }
        self.load(ctx);
        problem
    }

    /// The rows shown: filtered, searched, then sorted (ties keep the folder's order).
    pub fn visible(&self) -> Vec<usize> {
        let search = self.search.trim();
        let mut rows: Vec<usize> = (0..self.desk.rows.len())
            .filter(|&i| {
                let r = &self.desk.rows[i];
                self.filter.is_none_or(|f| r.state == f)
                    && self.year.is_none_or(|y| r.year == Some(y))
                    && (search.is_empty() || r.organ.contains(search) || r.file.contains(search))
            })
            .collect();
        if let Some((column, descending)) = self.sort {
            let rows_of = &self.desk.rows;
            rows.sort_by(|&a, &b| {
                let (x, y) = (&rows_of[a], &rows_of[b]);
                let order = match column {
                    0 => x.organ.cmp(&y.organ),
                    1 => x.year.cmp(&y.year),
                    2 => x.state.cmp(&y.state),
                    3 => {
                        (x.tally.errors, x.tally.warnings).cmp(&(y.tally.errors, y.tally.warnings))
                    }
                    4 => x
                        .repetition
                        .map(|s| s.part * 10_000 / s.whole.max(1))
                        .cmp(&y.repetition.map(|s| s.part * 10_000 / s.whole.max(1))),
                    5 => x.late.cmp(&y.late),
                    6 => x.modified.cmp(&y.modified),
                    _ => x.file.cmp(&y.file),
                };
                if descending { order.reverse() } else { order }
            });
        }
        rows
    }

    fn selected_index(&self) -> Option<usize> {
        let file = self.selected.as_ref()?;
        self.desk.rows.iter().position(|r| &r.file == file)
    }

    /// The rows 退回…, 审核通过 and 签发 act on: every selected row that is shown (a filter
    /// or a search hides the others from the action too), in the folder's order.
    pub fn chosen(&self) -> Vec<usize> {
        self.chosen_of(&self.visible())
    }

    /// [`DeskView::chosen`] among the rows `visible` (computed once a frame).
    fn chosen_of(&self, visible: &[usize]) -> Vec<usize> {
        let mut chosen: Vec<usize> = visible
            .iter()
            .copied()
            .filter(|&i| {
                let file = &self.desk.rows[i].file;
                self.marked.contains(file) || self.selected.as_ref() == Some(file)
            })
            .collect();
        chosen.sort_unstable();
        chosen
    }

    /// A click on the row of `file`: it alone selected; with Ctrl added to the selection or
    /// taken from it; with Shift the rows shown from the current one to it.
    pub fn click(&mut self, file: &str, modifiers: egui::Modifiers, visible: &[usize]) {
        let position = |f: &str| visible.iter().position(|&i| self.desk.rows[i].file == f);
        if modifiers.shift
            && let Some(from) = self.selected.as_deref().and_then(position)
            && let Some(to) = position(file)
        {
            let (a, b) = (from.min(to), from.max(to));
            self.marked = visible[a..=b]
                .iter()
                .map(|&i| self.desk.rows[i].file.clone())
                .collect();
            self.cursor = Some(file.to_string());
            return;
        }
        self.cursor = None;
        if modifiers.command {
            if self.marked.is_empty()
                && let Some(current) = &self.selected
            {
                self.marked.insert(current.clone());
            }
            if self.marked.remove(file) {
                if self.selected.as_deref() == Some(file) {
                    self.selected = self.marked.iter().next().cloned();
                }
            } else {
                self.marked.insert(file.to_string());
                self.selected = Some(file.to_string());
            }
        } else {
            self.selected = Some(file.to_string());
            self.marked = BTreeSet::from([file.to_string()]);
        }
    }
}

/// Draws the desk; what the reviewer asks for is pushed as commands. `keys`: the keyboard
/// is the desk's (no dialog over it).
pub fn show(ui: &mut Ui, view: &mut DeskView, commands: &mut Vec<DeskCommand>, keys: bool) {
    // The rows shown, filtered and sorted once for the frame.
    let visible = view.visible();
    let moved = keys && handle_keys(ui, view, &visible, commands);
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(format!("{}{}", s::DESK_TITLE, view.desk.folder.display()));
        });
        let counts: Vec<String> = view
            .desk
            .by_state()
            .into_iter()
            .map(|(state, n)| format!("{} {n}", state.label()))
            .collect();
        ui.horizontal(|ui| {
            ui.label(format!(
                "共 {} 份：{}",
                view.desk.rows.len(),
                counts.join("，")
            ));
            if let Some(loading) = &view.loading {
                let (fraction, text) = match loading.comparing {
                    Some(n) => (1.0, format!("{}（{n} 份）", s::DESK_COMPARING)),
                    None => (
                        loading.read as f32 / loading.total.max(1) as f32,
                        format!("{} {}/{}", s::DESK_READING, loading.read, loading.total),
                    ),
                };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(260.0)
                        .text(text),
                );
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label(s::DESK_SEARCH);
            ui.add(egui::TextEdit::singleline(&mut view.search).desired_width(160.0))
                .labelled_by(label.id);
            ui.separator();
            ui.selectable_value(&mut view.filter, None, s::DESK_ALL);
            for (state, _) in view.desk.by_state() {
                ui.selectable_value(&mut view.filter, Some(state), state.label());
            }
            ui.separator();
            ui.selectable_value(&mut view.year, None, s::DESK_ALL_YEARS);
            let mut years: Vec<u16> = view.desk.rows.iter().filter_map(|r| r.year).collect();
            years.sort_unstable_by(|a, b| b.cmp(a));
            years.dedup();
            for y in years {
                ui.selectable_value(&mut view.year, Some(y), format!("{y}年度"));
            }
        });
        ui.horizontal(|ui| {
            let selected = view.selected_index();
            let chosen = view.chosen_of(&visible);
            if ui
                .add_enabled(selected.is_some(), egui::Button::new(s::DESK_OPEN))
                .clicked()
                && let Some(i) = selected
            {
                commands.push(DeskCommand::OpenRow(i));
            }
            // With several rows selected the buttons say how many they act on.
            let label = |text: &str| match chosen.len() {
                0 | 1 => text.to_string(),
                n => format!("{text}（{n} 份）"),
            };
            let enabled = !chosen.is_empty();
            // Wide enough for "（N 份）" from the start: the buttons never move under the
            // mouse when a second row is selected.
            let button =
                |text: &str| egui::Button::new(label(text)).min_size(egui::vec2(150.0, 0.0));
            if ui.add_enabled(enabled, button(s::DESK_RETURN)).clicked() {
                commands.push(DeskCommand::Return(chosen.clone()));
            }
            for (text, stage) in [
                (s::DESK_REVIEW, Stage::Reviewed),
                (s::DESK_SIGN, Stage::Signed),
            ] {
                if ui.add_enabled(enabled, button(text)).clicked() {
                    commands.push(DeskCommand::Sign(chosen.clone(), stage));
                }
            }
            ui.separator();
            if ui.button(s::DESK_SUM).clicked() {
                commands.push(DeskCommand::Sum);
            }
            if ui.button(s::DESK_OVERVIEW).clicked() {
                commands.push(DeskCommand::Overview);
            }
            if ui.button(s::DESK_REFRESH).clicked() {
                commands.push(DeskCommand::Show);
            }
        });
        ui.separator();
        rows(ui, view, &visible, commands, moved);
    });
}

/// The desk's keys, when no text field has the keyboard: ↑/↓ (Home/End) move to the row
/// above or below (the first, the last), with Shift the selection grows; Enter opens the
/// current row. True when the current row moved (the table scrolls to it).
fn handle_keys(
    ui: &Ui,
    view: &mut DeskView,
    visible: &[usize],
    commands: &mut Vec<DeskCommand>,
) -> bool {
    use egui::{Key, Modifiers};
    if ui.ctx().egui_wants_keyboard_input() {
        return false;
    }
    if visible.is_empty() {
        return false;
    }
    let at = view
        .cursor
        .as_deref()
        .or(view.selected.as_deref())
        .and_then(|f| visible.iter().position(|&i| view.desk.rows[i].file == f));
    let last = visible.len() - 1;
    let (target, shift) = ui.input_mut(|i| {
        // Shift first: a key without it matches the key with Shift too.
        for shift in [true, false] {
            let m = if shift {
                Modifiers::SHIFT
            } else {
                Modifiers::NONE
            };
            let moves = [
                (Key::ArrowDown, at.map_or(0, |k| (k + 1).min(last))),
                (Key::ArrowUp, at.map_or(0, |k| k.saturating_sub(1))),
                (Key::Home, 0),
                (Key::End, last),
            ];
            for (key, to) in moves {
                if i.consume_key(m, key) {
                    return (Some(to), shift);
                }
            }
        }
        if i.consume_key(Modifiers::NONE, Key::Enter)
            && let Some(k) = at
        {
            commands.push(DeskCommand::OpenRow(visible[k]));
        }
        (None, false)
    });
    let Some(to) = target else {
        return false;
    };
    let file = view.desk.rows[visible[to]].file.clone();
    // With Shift: the range from the current row, which stays the anchor.
    let modifiers = if shift {
        Modifiers::SHIFT
    } else {
        Modifiers::NONE
    };
    view.click(&file, modifiers, visible);
    true
}

/// The table of rows; `moved`: the keys moved the current row, scrolled to. The header
/// stays on top; only the rows in view are laid out (a folder of 10,000 reports scrolls as
/// smoothly as one of ten).
fn rows(
    ui: &mut Ui,
    view: &mut DeskView,
    visible: &[usize],
    commands: &mut Vec<DeskCommand>,
    moved: bool,
) {
    // A row is as tall as its organ's selectable label (text and button padding).
    let row_height = (ui.text_style_height(&egui::TextStyle::Body)
        + 2.0 * ui.spacing().button_padding.y)
        .max(ui.spacing().interact_size.y);
    // A cell's text on one line: the columns take the width of what they hold.
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
    let mut table = TableBuilder::new(ui)
        .id_salt("nianbao-desk-rows")
        .striped(true)
        .auto_shrink([false, false])
        .columns(Column::auto().resizable(true), s::DESK_COLUMNS.len() - 1)
        .column(Column::remainder());
    if moved {
        // The current row into view: the keys may move it to a row not laid out yet.
        let current = view.cursor.as_ref().or(view.selected.as_ref());
        if let Some(k) = visible
            .iter()
            .position(|&i| Some(&view.desk.rows[i].file) == current)
        {
            table = table.scroll_to_row(k, None);
        }
    }
    let mut clicked = None;
    table
        .header(row_height, |mut header| header_row(&mut header, view))
        .body(|body| {
            body.rows(row_height, visible.len(), |mut row| {
                let i = visible[row.index()];
                let r = &view.desk.rows[i];
                let selected = view.marked.contains(&r.file)
                    || view.selected.as_deref() == Some(r.file.as_str());
                let organ = row_cells(&mut row, r, selected);
                if organ.clicked() {
                    clicked = Some((r.file.clone(), organ.ctx.input(|i| i.modifiers)));
                }
                if organ.double_clicked() {
                    clicked = Some((r.file.clone(), egui::Modifiers::NONE));
                    commands.push(DeskCommand::OpenRow(i));
                }
            });
        });
    if let Some((file, modifiers)) = clicked {
        view.click(&file, modifiers, visible);
    }
}

/// The column headers: a click sorts by one, a second click reverses.
fn header_row(header: &mut TableRow, view: &mut DeskView) {
    for (k, h) in s::DESK_COLUMNS.iter().enumerate() {
        let mark = match view.sort {
            Some((c, false)) if c == k => " ▲",
            Some((c, true)) if c == k => " ▼",
            _ => "",
        };
        header.col(|ui| {
            let button =
                egui::Button::new(RichText::new(format!("{h}{mark}")).strong()).frame(false);
            if ui.add(button).clicked() {
                view.sort = match view.sort {
                    Some((c, false)) if c == k => Some((k, true)),
                    _ => Some((k, false)),
                };
            }
        });
    }
}

/// One report's cells; the organ's label (what is clicked to select or open it).
fn row_cells(row: &mut TableRow, r: &crate::desk::Row, selected: bool) -> egui::Response {
    let mut organ = if r.organ.is_empty() {
        s::DESK_NO_ORGAN.to_string()
    } else {
        r.organ.clone()
    };
    // A summary is listed as one: never mistaken for a unit.
    if let Some(n) = r.summary {
        organ = format!("{organ} · {}", s::fill(s::DESK_SUMMARY_ROW, n));
    }
    let mut organ_label = None;
    row.col(|ui| organ_label = Some(ui.selectable_label(selected, organ)));
    row.col(|ui| {
        ui.label(r.year.map(|y| y.to_string()).unwrap_or_default());
    });
    row.col(|ui| {
        let dark = ui.visuals().dark_mode;
        state_cell(ui, r, dark);
    });
    row.col(|ui| {
        ui.label(format!(
            "{} · {} · {}",
            r.tally.errors, r.tally.warnings, r.tally.infos
        ));
    });
    row.col(|ui| {
        ui.label(r.repetition.map(|s| s.text()).unwrap_or_default());
    });
    row.col(|ui| {
        ui.label(match r.late {
            Some(true) => s::DESK_LATE,
            _ => "",
        });
    });
    row.col(|ui| {
        ui.label(r.modified.map(|m| m.to_string()).unwrap_or_default());
    });
    let (_, whole) = row.col(|ui| {
        ui.label(r.problem.clone().unwrap_or_else(|| r.file.clone()));
    });
    organ_label.unwrap_or(whole)
}

/// The row's state in its colour, and 重复报送 beside it when another report of the same organ
/// and year is in the folder (both flagged, never both summed).
fn state_cell(ui: &mut Ui, r: &crate::desk::Row, dark: bool) {
    use crate::finding::Severity;
    let color = match r.state {
        DeskState::HasErrors | DeskState::Unreadable | DeskState::ChangedSince(_) => {
            Some(severity_color(Severity::Error, dark))
        }
        DeskState::Returned | DeskState::Resubmitted => {
            Some(severity_color(Severity::Warning, dark))
        }
        _ => None,
    };
    let mut state = RichText::new(match r.resolved {
        Some((done, all)) => format!("{}（已解决 {done}/{all}）", r.state.label()),
        None => r.state.label().to_string(),
    });
    if let Some(c) = color {
        state = state.color(c);
    }
    if r.state == DeskState::Reading {
        state = state.weak();
    }
    ui.horizontal(|ui| {
        ui.label(state);
        if let Some(twin) = &r.duplicate_of {
            let mark =
                RichText::new(s::DESK_DUPLICATE).color(severity_color(Severity::Warning, dark));
            ui.label(mark).on_hover_text(twin);
        }
    });
}
