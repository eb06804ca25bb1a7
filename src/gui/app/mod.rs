//! The editor: the open document and everything the window keeps beside it, by feature,
//! and the operations the frame and the features' actions use on it.

pub mod autosave;
pub mod frame;
pub mod screen;
pub mod settings;
pub mod typing;

use std::path::PathBuf;

use crate::analysis;
use crate::finding::Place;
use crate::gui::checks::state::Checks;
use crate::gui::commands::modal::Modal;
use crate::gui::common::strings as s;
use crate::gui::desk::view::DeskView;
use crate::gui::edit::state::EditState;
use crate::gui::edit::state::cycle;
use crate::gui::files::commands::Action;
use crate::gui::files::dialogs::FileDialogs;
use crate::gui::find::bar::FindBar;
use crate::gui::form::state::Editing;
use crate::gui::print::job::Printing;
use crate::gui::review::state::ReviewState;
use crate::gui::start::page::StartPage;
use crate::gui::window::guide::GuideWindow;
use crate::model::{Date, OrganKind, Report};

use crate::gui::commands::Command;
use crate::gui::edit::history::History;
use crate::gui::files::document::Document;
use crate::gui::files::storage::{Recovery, Storage};
use autosave::Autosave;
use screen::{Screen, ScreenKind};
use settings::Settings;
use typing::InputOrder;

/// The editor.
pub struct EditorApp {
    /// The open report (a blank one when none is).
    pub doc: Document,
    /// The open report's bookkeeping in this window: undo history, lock, generation.
    pub session: Session,
    /// The open report's findings and what they were computed with.
    pub checks: Checks,
    /// What the form keeps between frames.
    pub edit: EditState,
    /// The screen shown.
    pub screen: Screen,
    /// What persists between sessions.
    pub settings: Settings,
    /// The review desk, kept between visits while it is open (shown on [`Screen::Desk`]).
    pub desk: Option<DeskView>,
    /// The find bar (Ctrl+F, Ctrl+H), while open.
    pub find: Option<FindBar>,
    /// 打印…: how, and a print waiting for the system's dialog.
    pub printing: Printing,
    /// A comparison, a resubmission's return, the last letter's choice.
    pub review: ReviewState,
    /// 核对扫描件识别结果 beside the form, while open.
    pub scan: Option<crate::gui::scan::state::ScanReview>,
    /// The modal dialog shown, if any.
    pub modal: Option<Modal>,
    /// The commands queued during the frame.
    pub commands: Vec<Command>,
    /// What the editor reaches outside itself: dialogs, its own files, the clock.
    pub platform: Platform,
    /// The window: its title, the guide beside the form, closing, typed input's order.
    pub window: Window,
    /// The message in the status bar about the last action.
    pub status: StatusLine,
}

/// The open report's bookkeeping in this window.
#[derive(Default)]
pub struct Session {
    /// Counts the documents opened in this window (a new one resets scroll positions).
    pub generation: u64,
    pub history: History,
    /// The draft whose lock this window holds (`.~lock.<name>#` beside it).
    pub lock: Option<PathBuf>,
    /// When the draft last changed (window time: undo points wait a little after it).
    pub last_change: f64,
    /// A PDF being read in the background (a scan takes seconds a page).
    pub opening: Option<crate::gui::files::opening::Opening>,
}

/// What the editor reaches outside itself.
pub struct Platform {
    pub dialogs: Box<dyn FileDialogs>,
    pub storage: Storage,
    /// Today, from the caller (the clock at the edge), so tests are reproducible.
    pub today: Date,
    /// This window's recovery copy, written on a clock.
    pub autosave: Autosave,
}

/// The window around the screens.
#[derive(Default)]
pub struct Window {
    /// The title last sent to the window.
    pub title: String,
    /// The unsaved-changes question was answered for closing.
    pub close_confirmed: bool,
    /// The editor asked the window to close (after any unsaved-changes question).
    pub quit_requested: bool,
    /// 帮助 → 使用说明 (F1), while open.
    pub guide: Option<GuideWindow>,
    /// Typed input held for the next frame (see [`typing`]).
    pub input: InputOrder,
}

/// The status bar's message and the draft it describes: the next edit clears it.
#[derive(Default)]
pub struct StatusLine {
    pub text: Option<String>,
    shown_for: Option<(String, crate::draft::Draft)>,
}

impl StatusLine {
    /// A message set after an action ("已保存", "已粘贴 2 格") describes the draft as it was
    /// then: the next edit, undo or redo clears it.
    pub fn expire(&mut self, draft: &crate::draft::Draft) {
        match (&self.text, &self.shown_for) {
            (None, _) => self.shown_for = None,
            (Some(msg), Some((shown, at))) if msg == shown => {
                if at != draft {
                    self.text = None;
                    self.shown_for = None;
                }
            }
            (Some(msg), _) => self.shown_for = Some((msg.clone(), draft.clone())),
        }
    }
}

impl EditorApp {
    /// An editor with a blank report, the given dialogs and storage. `today` comes from the
    /// caller (the clock at the edge), so tests are reproducible.
    pub fn new(dialogs: Box<dyn FileDialogs>, storage: Storage, today: Date) -> Self {
        let (settings, settings_problem) = Settings::load(&storage);
        let recoveries = storage.read_recoveries();
        let mut app = EditorApp {
            doc: Document::blank(Report::new("", OrganKind::Government, today.report_year())),
            session: Session::default(),
            checks: Checks::default(),
            edit: EditState::default(),
            screen: Screen::Form,
            settings,
            desk: None,
            find: None,
            printing: Printing::default(),
            review: ReviewState::default(),
            scan: None,
            modal: None,
            commands: Vec::new(),
            platform: Platform {
                dialogs,
                autosave: Autosave::start(storage.clone()),
                storage,
                today,
            },
            window: Window::default(),
            status: StatusLine {
                text: settings_problem,
                shown_for: None,
            },
        };
        app.refresh_analysis();
        if !recoveries.is_empty() {
            app.modal = Some(Modal::Recovery(recoveries));
        }
        app
    }

    /// Queues a command to run after this frame.
    pub fn push(&mut self, command: impl Into<Command>) {
        self.commands.push(command.into());
    }

    /// The findings of the open report.
    pub fn analysis(&self) -> &analysis::Analysis {
        &self.checks.analysis
    }

    /// The window title: the screen's subject, the unsaved mark, the program's name.
    pub fn title(&self) -> String {
        match self.screen.kind() {
            ScreenKind::Desk => {
                let folder = self.desk.as_ref().map(|view| {
                    let folder = &view.desk.folder;
                    folder.file_name().map_or_else(
                        || folder.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    )
                });
                format!(
                    "{}{} — {}",
                    s::DESK_TITLE,
                    folder.unwrap_or_default(),
                    s::APP_NAME
                )
            }
            ScreenKind::Start => format!("{} — {}", s::START_TITLE, s::APP_NAME),
            ScreenKind::Form | ScreenKind::Preview => self.report_title(),
        }
    }

    fn report_title(&self) -> String {
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
        let name = self.doc.display_name();
        format!("{name}{mark}{read_only}{state} — {}", s::APP_NAME)
    }

    /// Shows `screen`; the last screen's status message does not carry over.
    pub fn show_screen(&mut self, screen: Screen) {
        if self.screen.kind() != screen.kind() {
            self.status.text = None;
        }
        if !screen.shows_report() {
            self.find = None;
        }
        self.screen = screen;
    }

    /// Replaces the open document (after any unsaved-changes question was answered) and
    /// shows its form. The old draft's lock is given up unless the new document is the same
    /// draft; a comparison with another version ends (it was about the old document).
    pub fn replace_document(&mut self, doc: Document) {
        let keeps_lock = !doc.read_only && doc.path.is_some() && doc.path == self.session.lock;
        if !keeps_lock {
            self.release_lock();
        }
        self.review.compare = None;
        self.review.returned = None;
        self.scan = None;
        self.doc = doc;
        self.session.generation += 1;
        self.session.history = Default::default();
        self.checks.analyzed = None;
        self.edit = EditState::default();
        self.show_screen(Screen::Form);
        self.refresh_analysis();
    }

    /// Closes the open report (after any unsaved-changes question): a blank one takes its
    /// place, its lock and recovery copy are given up. For leaving the form for the desk or
    /// the start page: a report nobody sees is never saved, exported or locked.
    pub fn close_document(&mut self) {
        let year = self.platform.today.report_year();
        self.platform.autosave.clear();
        self.replace_document(Document::blank(Report::new(
            "",
            OrganKind::Government,
            year,
        )));
    }

    /// Forces the findings to be recomputed (e.g. after last year's report changed).
    pub fn invalidate_analysis(&mut self) {
        self.checks.analyzed = None;
    }

    /// Recomputes totals (unless typed by hand) and findings when the draft changed; true
    /// when it did.
    pub fn refresh_analysis(&mut self) -> bool {
        if self.checks.analyzed.as_ref() == Some(&self.doc.draft) {
            return false;
        }
        analysis::apply_totals_rule(&mut self.doc.draft);
        let profile = self.settings.profile.as_ref().map(|(_, p)| p);
        self.checks.analysis = analysis::analyze(
            &self.doc.draft,
            &analysis::Context {
                import_findings: &self.doc.import_findings,
                previous: self.checks.previous.as_ref().map(|(_, r)| r),
                deadline: self.settings.deadline,
                profile,
            },
        );
        self.checks.analyzed = Some(self.doc.draft.clone());
        self.checks.generation += 1;
        if let Some(c) = &mut self.review.compare {
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
        self.platform.storage.discard(&r.key);
    }

    /// Gives up the lock this window holds, if any.
    pub(crate) fn release_lock(&mut self) {
        if let Some(p) = self.session.lock.take() {
            crate::lock::release(&p, self.platform.storage.owner());
        }
    }

    /// Undoes the last change.
    pub fn undo(&mut self) {
        if let Some(state) = self.session.history.undo(&self.doc.draft) {
            self.doc.draft = state;
            self.edit.clear_typing();
        }
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self) {
        if let Some(state) = self.session.history.redo(&self.doc.draft) {
            self.doc.draft = state;
            self.edit.clear_typing();
        }
    }

    /// Writes the recovery copy of the open draft now.
    pub fn autosave_now(&mut self) {
        let original = self.doc.path.as_deref();
        if let Err(e) = self.platform.autosave.write_now(&self.doc.draft, original) {
            self.status.text = Some(e);
        }
    }

    /// The window is closing: a draft without unsaved changes needs no recovery copy.
    pub(crate) fn on_exit(&mut self) {
        if !self.doc.is_dirty() {
            self.platform.autosave.clear();
        }
        self.release_lock();
    }

    /// Asks to close the window (through the unsaved-changes question when needed).
    pub fn request_close(&mut self) {
        self.push(Command::guarded(Action::Quit));
    }

    /// The errors and warnings that count and have a place, errors first, as the findings
    /// panel lists them: what F8 and Shift+F8 go through.
    pub fn findings_to_visit(&self) -> Vec<&crate::finding::Finding> {
        use crate::finding::Severity;
        let mut found: Vec<&crate::finding::Finding> = self
            .checks
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
        self.checks
            .analysis
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
            self.status.text = Some(s::NO_FINDING_TO_VISIT.to_string());
            return;
        }
        let n = found.len();
        let k = cycle(self.edit.finding_cursor, n, forward);
        let (place, line) = (found[k].places[0], found[k].to_line());
        self.edit.finding_cursor = Some(k);
        self.edit.focus(place);
        self.status.text = Some(format!("{}/{n}：{line}", k + 1));
    }

    /// The name the reviewer signed, noted or returned with: used next time, and remembered
    /// for the next start.
    pub fn set_reviewer(&mut self, name: String) {
        self.settings.reviewer = name;
        self.save_settings();
    }

    /// Writes the settings; a failure is said in the status bar.
    pub fn save_settings(&mut self) {
        if let Err(e) = self.settings.save(&self.platform.storage) {
            self.status.text = Some(format!("{}{e}", s::SETTINGS_NOT_SAVED));
        }
    }

    /// Shows the start page (the recent files read on a thread of their own). Only from a
    /// closed report: see [`Action::ShowStartPage`].
    pub fn show_start_page(&mut self) {
        let page = StartPage::new(self.platform.today.report_year(), &self.settings.recent);
        self.show_screen(Screen::Start(page));
    }

    /// Focuses a place on the next frame (scrolls to it).
    pub fn focus_place(&mut self, place: Place) {
        self.edit.focus(place);
    }

    /// The narrow context the panels edit through.
    pub(crate) fn editing(&mut self) -> Editing<'_> {
        Editing {
            doc: &mut self.doc,
            edit: &mut self.edit,
            analysis: &self.checks.analysis,
            commands: &mut self.commands,
            reviewer: &self.settings.reviewer,
            changed: self.review.compare.as_ref().map(|c| &c.cells),
            find: self
                .find
                .as_ref()
                .map(|b| b.query.as_str())
                .filter(|q| !q.is_empty()),
            find_current: self.find.as_ref().and_then(|b| b.current_match()),
            generation: self.session.generation,
            profile: self.settings.profile.as_ref().map(|(_, p)| p),
        }
    }
}
