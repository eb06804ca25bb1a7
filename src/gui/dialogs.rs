//! Native file dialogs behind a trait, so tests inject paths and machines without a dialog
//! service fall back to a typed path.

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A file-type filter of a dialog.
#[derive(Clone, Copy, Debug)]
pub struct FileFilter {
    pub name: &'static str,
    pub extensions: &'static [&'static str],
}

/// What a file dialog returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    Path(PathBuf),
    /// Several files (a dialog that picks many).
    Paths(Vec<PathBuf>),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown (e.g. Linux without a desktop portal or zenity).
    Unavailable,
}

/// The file dialogs the editor uses. Called after the frame, never from widget code.
pub trait FileDialogs {
    /// Chooses a file to open.
    fn open_file(&mut self, filters: &[FileFilter]) -> Picked;
    /// Chooses where to save, suggesting a file name.
    fn save_file(&mut self, suggested_name: &str, filter: FileFilter) -> Picked;
    /// Chooses several files to open (the units of a 汇总).
    fn open_files(&mut self, filters: &[FileFilter]) -> Picked;
}

/// rfd's native dialogs. rfd returns `None` both for "cancelled" and for "no dialog service";
/// a `None` that comes back faster than any person could cancel means the latter, and then
/// the editor asks for a typed path (and stops trying the native dialog this session).
#[derive(Default)]
pub struct NativeDialogs {
    unavailable: bool,
}

/// Faster than a person can close a dialog: the dialog was never shown.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

impl NativeDialogs {
    fn interpret(&mut self, started: Instant, result: Option<PathBuf>) -> Picked {
        match result {
            Some(p) => Picked::Path(p),
            None if started.elapsed() < NO_DIALOG_WITHIN => {
                self.unavailable = true;
                Picked::Unavailable
            }
            None => Picked::Cancelled,
        }
    }
}

/// An open dialog with these filters.
fn open_dialog(filters: &[FileFilter]) -> rfd::FileDialog {
    filters.iter().fold(rfd::FileDialog::new(), |d, f| {
        d.add_filter(f.name, f.extensions)
    })
}

impl FileDialogs for NativeDialogs {
    fn open_file(&mut self, filters: &[FileFilter]) -> Picked {
        if self.unavailable {
            return Picked::Unavailable;
        }
        let started = Instant::now();
        let result = open_dialog(filters).pick_file();
        self.interpret(started, result)
    }

    fn save_file(&mut self, suggested_name: &str, filter: FileFilter) -> Picked {
        if self.unavailable {
            return Picked::Unavailable;
        }
        let dialog = rfd::FileDialog::new()
            .add_filter(filter.name, filter.extensions)
            .set_file_name(suggested_name);
        let started = Instant::now();
        let result = dialog.save_file();
        self.interpret(started, result)
    }

    fn open_files(&mut self, filters: &[FileFilter]) -> Picked {
        if self.unavailable {
            return Picked::Unavailable;
        }
        let started = Instant::now();
        match open_dialog(filters).pick_files() {
            Some(paths) if !paths.is_empty() => Picked::Paths(paths),
            _ => self.interpret(started, None),
        }
    }
}

/// Dialogs that answer from a script (tests, automation): each call takes the next answer;
/// an empty script answers `Unavailable`.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    answers: std::sync::Arc<std::sync::Mutex<std::collections::VecDeque<Picked>>>,
}

impl ScriptedDialogs {
    /// Queues the answer to the next dialog.
    pub fn push(&self, answer: Picked) {
        if let Ok(mut q) = self.answers.lock() {
            q.push_back(answer);
        }
    }

    fn next(&mut self) -> Picked {
        self.answers
            .lock()
            .ok()
            .and_then(|mut q| q.pop_front())
            .unwrap_or(Picked::Unavailable)
    }
}

impl FileDialogs for ScriptedDialogs {
    fn open_file(&mut self, _filters: &[FileFilter]) -> Picked {
        self.next()
    }
    fn save_file(&mut self, _suggested_name: &str, _filter: FileFilter) -> Picked {
        self.next()
    }
    fn open_files(&mut self, _filters: &[FileFilter]) -> Picked {
        self.next()
    }
}
