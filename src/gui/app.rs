//! The editor's state and its frame: panels draw and edit the report in place; anything with
//! a side effect is pushed as a [`Command`] and run after the frame (see `commands.rs`).

use std::collections::HashMap;
use std::path::PathBuf;

use egui::util::undoer::{Settings as UndoSettings, Undoer};
use egui::{Context, Id, KeyboardShortcut, Ui};

use crate::check::{self, Finding, MetaField, Place, Severity};
use crate::draft::Draft;
use crate::layout::{section_of_table, section_of_text};
use crate::model::{Date, OrganKind, Report};
use crate::template::{ALL_CELLS, TEMPLATE, TEXTS, TextId};

use super::commands::{Action, Command};
use super::dialogs::FileDialogs;
use super::modals::Modal;
use super::storage::{Recovery, Storage};
use super::strings as s;

/// Seconds after the last change before the recovery copy is written.
pub const AUTOSAVE_AFTER_SECS: f64 = 3.0;

/// The open document.
#[derive(Clone, Debug)]
pub struct Document {
    pub draft: Draft,
    /// The draft file it is saved to (None: never saved as a draft).
    pub path: Option<PathBuf>,
    /// The published file it was imported from, if any.
    pub imported_from: Option<PathBuf>,
    /// The draft as last saved or opened; None when it exists on no disk as a draft.
    pub baseline: Option<Draft>,
    /// Findings of the import that produced it.
    pub import_findings: Vec<Finding>,
}

impl Document {
    /// A new blank document (not dirty until edited).
    pub fn blank(report: Report) -> Document {
        let draft = Draft::new(report);
        Document {
            baseline: Some(draft.clone()),
            draft,
            path: None,
            imported_from: None,
            import_findings: Vec::new(),
        }
    }

    /// Unsaved changes: the report differs from the saved copy.
    pub fn is_dirty(&self) -> bool {
        self.baseline.as_ref() != Some(&self.draft)
    }

    /// The name shown in the title bar and dialogs.
    pub fn display_name(&self) -> String {
        let path = self.path.as_ref().or(self.imported_from.as_ref());
        path.and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| s::UNTITLED.to_string())
    }
}

/// The findings of the current report, indexed for drawing.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// Import findings first, then the checks.
    pub findings: Vec<Finding>,
    /// Worst severity per cell.
    pub cell_marks: Vec<Option<Severity>>,
    /// Findings (indices) per cell.
    pub cell_findings: HashMap<usize, Vec<usize>>,
    pub text_marks: HashMap<TextId, Severity>,
    pub meta_marks: HashMap<MetaField, Severity>,
    /// (errors, warnings, infos) per outline entry: 0 = 基本信息, 1..=6 = sections.
    pub outline_counts: [(usize, usize, usize); 7],
    pub tally: (usize, usize, usize),
}

fn worse(a: Option<Severity>, b: Severity) -> Severity {
    match a {
        Some(a) if a < b => a,
        _ => b,
    }
}

impl Analysis {
    /// Indexes findings (Severity orders Error < Warning < Info).
    pub fn new(findings: Vec<Finding>) -> Analysis {
        let mut a = Analysis {
            cell_marks: vec![None; ALL_CELLS],
            tally: check::tally(&findings),
            ..Analysis::default()
        };
        for (fi, f) in findings.iter().enumerate() {
            let mut entries: Vec<usize> = Vec::new();
            for place in &f.places {
                let entry = match *place {
                    Place::Cell(i) => {
                        a.cell_marks[i] = Some(worse(a.cell_marks[i], f.severity));
                        a.cell_findings.entry(i).or_default().push(fi);
                        1 + section_of_table(TEMPLATE.cells[i].table)
                    }
                    Place::Text(t) => {
                        let old = a.text_marks.get(&t).copied();
                        a.text_marks.insert(t, worse(old, f.severity));
                        section_of_text(t).map_or(0, |s| s + 1)
                    }
                    Place::Meta(m) => {
                        let old = a.meta_marks.get(&m).copied();
                        a.meta_marks.insert(m, worse(old, f.severity));
                        0
                    }
                    Place::Section(key) => section_entry_of_key(key),
                };
                if !entries.contains(&entry) {
                    entries.push(entry);
                }
            }
            if entries.is_empty() {
                entries.push(0);
            }
            for e in entries {
                let c = &mut a.outline_counts[e];
                match f.severity {
                    Severity::Error => c.0 += 1,
                    Severity::Warning => c.1 += 1,
                    Severity::Info => c.2 += 1,
                }
            }
        }
        a.findings = findings;
        a
    }

    /// The findings on a cell.
    pub fn findings_of_cell(&self, cell: usize) -> impl Iterator<Item = &Finding> {
        self.cell_findings
            .get(&cell)
            .into_iter()
            .flatten()
            .map(|&i| &self.findings[i])
    }
}

/// Outline entry of a `Place::Section` key (`s1`…`s6`, `t2`…`t4`).
pub(crate) fn section_entry_of_key(key: &str) -> usize {
    match key {
        "t2" => 2,
        "t3" => 3,
        "t4" => 4,
        _ => key
            .strip_prefix('s')
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| (1..=6).contains(n))
            .unwrap_or(0),
    }
}

/// What the table editor keeps between frames.
#[derive(Clone, Debug, Default)]
pub struct EditState {
    /// What is typed in a cell while it differs from the cell's canonical display.
    pub buffers: HashMap<usize, String>,
    /// The cell being edited and its value before the edit (Esc restores it).
    pub before_edit: Option<(usize, crate::model::CellValue)>,
    /// The corner where a block selection started (Shift+arrows, Shift+click); the other
    /// corner is the focused cell.
    pub block_anchor: Option<usize>,
    /// The selected block's cells, derived each frame from the anchor and the focus.
    pub block: std::collections::HashSet<usize>,
    /// Typed text of the year and date fields (validated like cells).
    pub year_buffer: Option<String>,
    pub date_buffer: Option<String>,
    /// A place to scroll to and focus on the next frame (from the findings panel).
    pub focus_place: Option<Place>,
    /// An outline entry to scroll to on the next frame.
    pub scroll_to: Option<usize>,
    /// Select the whole content of this cell when it gains focus (type-to-replace).
    pub select_all: Option<usize>,
}

/// The editor.
pub struct EditorApp {
    pub doc: Document,
    /// Counts the documents opened in this window (a new one resets scroll positions).
    pub doc_generation: u64,
    pub analysis: Analysis,
    analyzed: Option<Draft>,
    pub edit: EditState,
    pub(crate) commands: Vec<Command>,
    pub(crate) modal: Option<Modal>,
    pub(crate) dialogs: Box<dyn FileDialogs>,
    pub(crate) storage: Storage,
    pub recent: Vec<PathBuf>,
    pub(crate) undoer: Undoer<Draft>,
    autosave_written: Option<Draft>,
    /// When the draft last changed (the autosave waits a little after it).
    last_change_time: f64,
    pub(crate) close_confirmed: bool,
    /// The editor asked the window to close (after any unsaved-changes question).
    pub quit_requested: bool,
    /// A message in the status bar about the last action.
    pub status: Option<String>,
    /// The status message and the draft it describes (see `expire_status`).
    status_for: Option<(String, Draft)>,
    pub show_findings: bool,
    window_title: String,
    pub(crate) today: Date,
    /// The PDF fonts (official ones found on this machine, else bundled), looked up on the
    /// first PDF export; tests set the bundled set.
    pub pdf_fonts: Option<crate::export::pdf::FontSet>,
    /// Last year's report for the cross-year checks (对照上年报告…).
    pub previous: Option<(PathBuf, Report)>,
    /// The local publication deadline (设置 → 发布期限…); `None`: the national one.
    pub deadline: Option<crate::analysis::Deadline>,
}

/// The shortcut list, shared by the menu labels and the key handling.
pub(crate) mod keys {
    use egui::{Key, KeyboardShortcut, Modifiers};
    pub const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
    pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
    pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
    pub const SAVE_AS: KeyboardShortcut =
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
    pub const REDO: KeyboardShortcut =
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
}

impl EditorApp {
    /// An editor with a blank report, the given dialogs and storage. `today` comes from the
    /// caller (the clock at the edge), so tests are reproducible.
    pub fn new(dialogs: Box<dyn FileDialogs>, storage: Storage, today: Date) -> Self {
        let year = today.report_year();
        let recent = storage.load_recent();
        let recovery = storage.read_recovery();
        let deadline = storage.load_deadline();
        let mut app = EditorApp {
            doc: Document::blank(Report::new("", OrganKind::Government, year)),
            doc_generation: 0,
            analysis: Analysis::default(),
            analyzed: None,
            edit: EditState::default(),
            commands: Vec::new(),
            modal: None,
            dialogs,
            storage,
            recent,
            undoer: new_undoer(),
            autosave_written: None,
            last_change_time: 0.0,
            close_confirmed: false,
            quit_requested: false,
            status: None,
            status_for: None,
            show_findings: true,
            window_title: String::new(),
            today,
            deadline,
            pdf_fonts: None,
            previous: None,
        };
        app.refresh_analysis();
        if let Some(r) = recovery {
            app.modal = Some(Modal::Recovery(Box::new(r)));
        }
        app
    }

    /// Queues a command to run after this frame.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The window title: file name, unsaved mark, program name.
    pub fn title(&self) -> String {
        let mark = if self.doc.is_dirty() {
            format!(" {}", s::UNSAVED_MARK)
        } else {
            String::new()
        };
        format!("{}{} — {}", self.doc.display_name(), mark, s::APP_NAME)
    }

    /// Replaces the open document (after any unsaved-changes question was answered).
    pub fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.doc_generation += 1;
        self.analyzed = None;
        self.edit = EditState::default();
        self.undoer = new_undoer();
        self.autosave_written = None;
        self.refresh_analysis();
    }

    /// Forces the findings to be recomputed (e.g. after last year's report changed).
    pub fn invalidate_analysis(&mut self) {
        self.analyzed = None;
    }

    /// Recomputes totals (unless typed by hand) and findings when the draft changed; true
    /// when it did.
    pub fn refresh_analysis(&mut self) -> bool {
        if self.analyzed.as_ref() == Some(&self.doc.draft) {
            return false;
        }
        if !self.doc.draft.manual_totals {
            check::fill_totals(&mut self.doc.draft.report);
        }
        let findings = crate::analysis::analyze(
            &self.doc.draft,
            &crate::analysis::Context {
                import_findings: &self.doc.import_findings,
                previous: self.previous.as_ref().map(|(_, r)| r),
                deadline: self.deadline,
            },
        );
        self.analysis = Analysis::new(findings);
        self.analyzed = Some(self.doc.draft.clone());
        true
    }

    /// Restores a recovered draft.
    pub(crate) fn restore(&mut self, r: Recovery) {
        let mut doc = Document::blank(Report::default());
        doc.draft = r.draft;
        doc.baseline = None;
        doc.path = r
            .original
            .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")));
        self.replace_document(doc);
    }

    /// Undoes the last change.
    pub fn undo(&mut self) {
        if let Some(state) = self.undoer.undo(&self.doc.draft) {
            self.doc.draft = state.clone();
            self.edit.buffers.clear();
            self.edit.year_buffer = None;
            self.edit.date_buffer = None;
        }
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self) {
        if let Some(state) = self.undoer.redo(&self.doc.draft) {
            self.doc.draft = state.clone();
            self.edit.buffers.clear();
        }
    }

    /// Marks an undo point now (e.g. when the focus leaves an edited cell).
    pub fn mark_undo_point(&mut self) {
        self.undoer.add_undo(&self.doc.draft);
    }

    /// One frame of the whole editor.
    pub fn frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.handle_shortcuts(&ctx);
        self.handle_close_request(&ctx);

        super::menu::show(self, ui);
        super::status::show(self, ui);
        if self.show_findings {
            super::findings::show(self, ui);
        }
        super::outline::show(self, ui);
        super::form::show(self, ui);

        let now = ctx.input(|i| i.time);
        if self.refresh_analysis() {
            self.last_change_time = now;
        }
        self.track_changes(now, &ctx);
        super::modals::show(self, &ctx);
        super::commands::run_all(self, &ctx);
        if self.refresh_analysis() {
            self.last_change_time = now;
        }
        self.expire_status();

        let title = self.title();
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// A status message describes the draft as it was when the message was set ("已保存",
    /// "已粘贴 2 格"): the next edit, undo or redo clears it.
    fn expire_status(&mut self) {
        match (&self.status, &self.status_for) {
            (None, _) => self.status_for = None,
            (Some(msg), Some((shown, draft))) if msg == shown => {
                if *draft != self.doc.draft {
                    self.status = None;
                    self.status_for = None;
                }
            }
            (Some(msg), _) => self.status_for = Some((msg.clone(), self.doc.draft.clone())),
        }
    }

    fn handle_shortcuts(&mut self, ctx: &Context) {
        if self.modal.is_some() {
            return;
        }
        let pressed = |sc: &KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(sc));
        // Longest modifiers first: Ctrl+Shift+S before Ctrl+S.
        if pressed(&keys::SAVE_AS) {
            self.push(Command::SaveAs { then: None });
        } else if pressed(&keys::SAVE) {
            self.push(Command::Save { then: None });
        }
        if pressed(&keys::NEW) {
            self.push(Command::Guarded(Action::New));
        }
        if pressed(&keys::OPEN) {
            self.push(Command::Guarded(Action::Open));
        }
        if pressed(&keys::REDO) || pressed(&keys::REDO_Y) {
            self.redo();
        } else if pressed(&keys::UNDO) {
            self.undo();
        }
    }

    fn handle_close_request(&mut self, ctx: &Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.close_confirmed {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.push(Command::Guarded(Action::Quit));
            } else {
                self.storage.clear_recovery();
            }
        }
    }

    /// Undo points and the recovery copy.
    fn track_changes(&mut self, now: f64, ctx: &Context) {
        self.undoer.feed_state(now, &self.doc.draft);
        if self.undoer.is_in_flux() {
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
        let needs_autosave =
            self.doc.is_dirty() && self.autosave_written.as_ref() != Some(&self.doc.draft);
        if needs_autosave {
            let waited = now - self.last_change_time;
            if waited >= AUTOSAVE_AFTER_SECS {
                self.autosave_now();
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                    AUTOSAVE_AFTER_SECS - waited,
                ));
            }
        }
    }

    /// Writes the recovery copy of the open draft now.
    pub fn autosave_now(&mut self) {
        match self
            .storage
            .write_recovery(&self.doc.draft, self.doc.path.as_deref())
        {
            Ok(()) => self.autosave_written = Some(self.doc.draft.clone()),
            Err(e) => {
                self.status = Some(e.to_string());
                // Do not retry every frame.
                self.autosave_written = Some(self.doc.draft.clone());
            }
        }
    }

    /// Asks to close the window (through the unsaved-changes question when needed).
    pub fn request_close(&mut self) {
        self.push(Command::Guarded(Action::Quit));
    }

    /// The stable id of a cell's text field.
    pub fn cell_id(cell: usize) -> Id {
        Id::unique(("nianbao-cell", cell))
    }

    /// The stable id of a text field's editor.
    pub fn text_id(text: TextId) -> Id {
        Id::unique(("nianbao-text", text.key()))
    }

    /// The stable id of a meta field's editor.
    pub fn meta_id(field: MetaField) -> Id {
        Id::unique(("nianbao-meta", field.key()))
    }

    /// Focuses a place on the next frame (scrolls to it).
    pub fn focus_place(&mut self, place: Place) {
        self.edit.focus_place = Some(place);
    }

    pub(crate) fn consume_focus_request(&mut self, place: Place) -> bool {
        if self.edit.focus_place == Some(place) {
            self.edit.focus_place = None;
            true
        } else {
            false
        }
    }
}

/// Name of a text field as shown in the form.
pub fn text_name(id: TextId) -> &'static str {
    let spec = &TEXTS[id.index()];
    spec.heading.unwrap_or(spec.name)
}

fn new_undoer() -> Undoer<Draft> {
    Undoer::with_settings(UndoSettings {
        max_undos: 200,
        stable_time: 0.8,
        auto_save_interval: 10.0,
    })
}
