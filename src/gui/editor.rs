//! The editor's state (the open document, its analysis, the undo history, the queue of
//! commands, settings) and the operations the command runner and the frame use on it.

use std::path::PathBuf;

use crate::analysis::{self, Analysis, Deadline};
use crate::draft::Draft;
use crate::finding::Place;
use crate::model::{Date, OrganKind, Report};

use super::commands::{Action, Command, Modal};
use super::dialogs::FileDialogs;
use super::state::{Document, EditState, Editing};
use super::storage::{Recovery, Storage};
use super::strings as s;

/// Seconds after the last change before the recovery copy is written.
pub const AUTOSAVE_AFTER_SECS: f64 = 3.0;

/// The editor.
pub struct EditorApp {
    pub doc: Document,
    /// Counts the documents opened in this window (a new one resets scroll positions).
    pub doc_generation: u64,
    pub analysis: Analysis,
    pub(super) analyzed: Option<Draft>,
    pub edit: EditState,
    pub(crate) commands: Vec<Command>,
    pub(crate) modal: Option<Modal>,
    pub(crate) dialogs: Box<dyn FileDialogs>,
    pub(crate) storage: Storage,
    pub recent: Vec<PathBuf>,
    pub(crate) history: super::history::History,
    pub(super) autosave_written: Option<Draft>,
    /// When the draft last changed (the autosave waits a little after it).
    pub(super) last_change_time: f64,
    pub(crate) close_confirmed: bool,
    /// The editor asked the window to close (after any unsaved-changes question).
    pub quit_requested: bool,
    /// A message in the status bar about the last action.
    pub status: Option<String>,
    /// The status message and the draft it describes (see `expire_status`).
    pub(super) status_for: Option<(String, Draft)>,
    pub show_findings: bool,
    pub(super) window_title: String,
    pub(crate) today: Date,
    /// The PDF fonts (official ones found on this machine, else bundled), looked up on the
    /// first PDF export; tests set the bundled set.
    pub pdf_fonts: Option<crate::export::pdf::FontSet>,
    /// Last year's report for the cross-year checks (对照上年报告…).
    pub previous: Option<(PathBuf, Report)>,
    /// The local publication deadline (设置 → 发布期限…); `None`: the national one.
    pub deadline: Option<Deadline>,
    /// The local rule profile (设置 → 本地要求…) and its file; `None`: national rules only.
    pub profile: Option<(PathBuf, crate::profile::Profile)>,
    /// The review desk (文件 → 打开审核台…), shown instead of the form while `showing`.
    pub desk: Option<super::desk::DeskView>,
    /// The name last given for a 说明 or a sign-off (first: the system user's).
    pub reviewer: String,
    /// 与其他版本比较: the other version and what differs from it.
    pub compare: Option<Compare>,
    /// The program 打印… hands the PDF to (`lp`; a test's recording stub).
    pub print_program: String,
    /// Where 打印… looks for the desktop portal's print dialog first (tests: a stand-in or none).
    pub print_portal: super::portal_print::PortalBus,
    /// A print waiting for the portal's dialog to be answered.
    pub print_job: Option<super::print::PrintJob>,
    /// The find bar (Ctrl+F, Ctrl+H), while open.
    pub find: Option<super::find::FindBar>,
    /// 帮助 → 使用说明 (F1), while open.
    pub guide: Option<super::guide::GuideWindow>,
    /// 文件 → 打印预览, shown instead of the form while set.
    pub preview: Option<super::preview::Preview>,
    /// The start page, shown instead of the form while set.
    pub start_page: Option<super::start_page::StartPage>,
    /// F8 / Shift+F8: the error or warning gone to last (index into [`EditorApp::findings_to_visit`]).
    pub finding_cursor: Option<usize>,
    /// The open report is a resubmission at the desk: what it was returned with.
    pub returned: Option<crate::desk::Resubmission>,
    /// The draft whose lock this window holds (`.~lock.<name>#` beside it).
    pub lock: Option<PathBuf>,
    /// The findings chosen for the last 退回意见.
    pub letter_choice: crate::export::return_notes::LetterChoice,
    /// The Word export asked for carries the 草稿 header (the report is no final version).
    pub export_draft: bool,
}

/// The version the open report is compared with, and the differences (kept current).
#[derive(Clone, Debug)]
pub struct Compare {
    /// What the other version is (a file name, or 签发时).
    pub label: String,
    pub other: Draft,
    pub diff: crate::diff::Diff,
    /// The changed cells, for their marks.
    pub cells: std::collections::BTreeSet<usize>,
}

impl Compare {
    /// The differences of `current` from `other`.
    pub fn new(label: String, other: Draft, current: &Draft) -> Compare {
        let mut c = Compare {
            label,
            other,
            diff: Default::default(),
            cells: Default::default(),
        };
        c.update(current);
        c
    }

    /// Recomputes the differences after an edit.
    pub fn update(&mut self, current: &Draft) {
        self.diff = crate::diff::diff(&self.other, &[], current, &[]);
        self.cells = self
            .diff
            .cells
            .iter()
            .filter_map(|(id, _, _)| crate::template::TEMPLATE.index_of(id))
            .collect();
    }
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
    pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
    pub const REPLACE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::H);
    pub const PRINT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::P);
    /// Word's key for the print preview.
    pub const PREVIEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F2);
    pub const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);
    pub const NEXT_FINDING: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F8);
    pub const PREVIOUS_FINDING: KeyboardShortcut = KeyboardShortcut::new(Modifiers::SHIFT, Key::F8);
}

impl EditorApp {
    /// An editor with a blank report, the given dialogs and storage. `today` comes from the
    /// caller (the clock at the edge), so tests are reproducible.
    pub fn new(dialogs: Box<dyn FileDialogs>, storage: Storage, today: Date) -> Self {
        let year = today.report_year();
        let recent = storage.load_recent();
        let recoveries = storage.read_recoveries();
        let deadline = storage.load_deadline();
        let reviewer = storage
            .load_reviewer()
            .or_else(|| std::env::var("USER").ok())
            .or_else(|| std::env::var("USERNAME").ok())
            .unwrap_or_default();
        // A remembered profile that no longer loads is dropped with its reason in the status.
        let (profile, profile_problem) = match storage.load_profile_path() {
            Some(path) => match crate::profile::Profile::load(&path) {
                Ok(p) => (Some((path, p)), None),
                Err(e) => (None, Some(format!("{}{e}", s::PROFILE_NOT_LOADED))),
            },
            None => (None, None),
        };
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
            history: Default::default(),
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
            profile,
            desk: None,
            compare: None,
            returned: None,
            finding_cursor: None,
            start_page: None,
            preview: None,
            guide: None,
            find: None,
            print_program: super::print::PRINT_PROGRAM.to_string(),
            print_portal: super::portal_print::PortalBus::Session,
            print_job: None,
            reviewer,
            pdf_fonts: None,
            previous: None,
            lock: None,
            letter_choice: Default::default(),
            export_draft: false,
        };
        app.status = profile_problem;
        app.refresh_analysis();
        if !recoveries.is_empty() {
            app.modal = Some(Modal::Recovery(recoveries));
        }
        app
    }

    /// Queues a command to run after this frame.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The window title: file name, unsaved mark, program name.
    pub fn title(&self) -> String {
        // At the desk: the folder, not the report last looked at.
        if let Some(view) = self.desk.as_ref().filter(|d| d.showing) {
            let folder = view.desk.folder.file_name().map_or_else(
                || view.desk.folder.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            return format!("{}{folder} — {}", s::DESK_TITLE, s::APP_NAME);
        }
        let mark = if self.doc.is_dirty() {
            format!(" {}", s::UNSAVED_MARK)
        } else {
            String::new()
        };
        let state = self
            .doc
            .draft
            .review
            .state_label(&self.doc.draft.report)
            .map(|l| format!("（{l}）"))
            .unwrap_or_default();
        let read_only = if self.doc.read_only {
            format!("（{}）", s::READ_ONLY_MARK)
        } else {
            String::new()
        };
        format!(
            "{}{}{read_only}{state} — {}",
            self.doc.display_name(),
            mark,
            s::APP_NAME
        )
    }

    /// Replaces the open document (after any unsaved-changes question was answered). The
    /// old draft's lock is given up unless the new document is the same draft; a comparison
    /// with another version ends (it was about the old document).
    pub fn replace_document(&mut self, doc: Document) {
        let keeps_lock = !doc.read_only && doc.path.is_some() && doc.path == self.lock;
        if !keeps_lock {
            self.release_lock();
        }
        self.compare = None;
        self.returned = None;
        self.finding_cursor = None;
        self.start_page = None;
        self.preview = None;
        self.doc = doc;
        self.doc_generation += 1;
        self.analyzed = None;
        self.edit = EditState::default();
        self.history = Default::default();
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
        analysis::apply_totals_rule(&mut self.doc.draft);
        self.analysis = analysis::analyze(
            &self.doc.draft,
            &analysis::Context {
                import_findings: &self.doc.import_findings,
                previous: self.previous.as_ref().map(|(_, r)| r),
                deadline: self.deadline,
                profile: self.profile.as_ref().map(|(_, p)| p),
            },
        );
        self.analyzed = Some(self.doc.draft.clone());
        if let Some(c) = &mut self.compare {
            c.update(&self.doc.draft);
        }
        true
    }

    /// Restores a recovered draft: it becomes this window's (its copy is written again at
    /// once as this window's, and the old one removed). The draft it came from is not
    /// locked by the restore: the next save checks the file and takes the lock.
    pub(crate) fn restore(&mut self, r: Recovery) {
        let mut doc = Document::blank(Report::default());
        doc.draft = r.draft;
        doc.baseline = None;
        doc.path = r
            .original
            .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")));
        // What the file holds now: if it changed since the crash, the save says so.
        doc.on_disk = doc
            .path
            .as_deref()
            .and_then(|p| crate::fsio::read_bounded(p).ok());
        self.replace_document(doc);
        self.autosave_now();
        self.storage.discard(&r.key);
    }

    /// Gives up the lock this window holds, if any.
    pub(crate) fn release_lock(&mut self) {
        if let Some(p) = self.lock.take() {
            crate::lock::release(&p, self.storage.owner());
        }
    }

    /// Undoes the last change.
    pub fn undo(&mut self) {
        if let Some(state) = self.history.undo(&self.doc.draft) {
            self.doc.draft = state;
            self.edit.clear_typing();
        }
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self) {
        if let Some(state) = self.history.redo(&self.doc.draft) {
            self.doc.draft = state;
            self.edit.clear_typing();
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

    /// The window is closing: a draft without unsaved changes needs no recovery copy.
    pub(crate) fn on_exit(&mut self) {
        if !self.doc.is_dirty() {
            self.storage.clear_recovery();
        }
        self.release_lock();
    }

    /// Asks to close the window (through the unsaved-changes question when needed).
    pub fn request_close(&mut self) {
        self.push(Command::Guarded(Action::Quit));
    }

    /// Focuses a place on the next frame (scrolls to it).
    /// The errors and warnings that count and have a place, errors first, as the findings
    /// panel lists them: what F8 and Shift+F8 go through.
    pub fn findings_to_visit(&self) -> Vec<&crate::finding::Finding> {
        use crate::finding::Severity;
        let mut found: Vec<&crate::finding::Finding> = self
            .analysis
            .counted()
            .filter(|f| f.severity != Severity::Info && !f.places.is_empty())
            .collect();
        found.sort_by_key(|f| f.severity);
        found
    }

    /// The rule of the most severe counted finding at `place` (what F1 explains there).
    pub fn rule_at(&self, place: Option<Place>) -> Option<crate::finding::Rule> {
        let place = place?;
        self.analysis
            .counted()
            .filter(|f| f.places.contains(&place))
            .min_by_key(|f| f.severity)
            .map(|f| f.rule)
    }

    /// F8 (`forward`) / Shift+F8: the next or previous error or warning, its place focused
    /// and the finding shown in the status bar; round at the ends.
    pub fn visit_finding(&mut self, forward: bool) {
        let found = self.findings_to_visit();
        if found.is_empty() {
            self.status = Some(super::strings::NO_FINDING_TO_VISIT.to_string());
            return;
        }
        let n = found.len();
        let k = super::state::cycle(self.finding_cursor, n, forward);
        let (place, line) = (found[k].places[0], found[k].to_line());
        self.finding_cursor = Some(k);
        self.edit.focus(place);
        self.status = Some(format!("{}/{n}：{line}", k + 1));
    }

    /// The name the reviewer signed, noted or returned with: used next time, and remembered
    /// for the next start.
    pub fn set_reviewer(&mut self, name: String) {
        self.reviewer = name;
        let _ = self.storage.save_reviewer(&self.reviewer);
    }

    /// Shows the start page (the recent files read on a thread of their own).
    pub fn show_start_page(&mut self) {
        self.start_page = Some(super::start_page::StartPage::new(
            self.today.report_year(),
            &self.recent,
        ));
    }

    pub fn focus_place(&mut self, place: Place) {
        self.edit.focus(place);
    }

    /// The narrow context the panels edit through.
    pub(crate) fn editing(&mut self) -> Editing<'_> {
        Editing {
            doc: &mut self.doc,
            edit: &mut self.edit,
            analysis: &self.analysis,
            commands: &mut self.commands,
            reviewer: &self.reviewer,
            changed: self.compare.as_ref().map(|c| &c.cells),
            find: self
                .find
                .as_ref()
                .map(|b| b.query.as_str())
                .filter(|q| !q.is_empty()),
            find_current: self.find.as_ref().and_then(|b| b.current_match()),
            generation: self.doc_generation,
            profile: self.profile.as_ref().map(|(_, p)| p),
        }
    }
}
