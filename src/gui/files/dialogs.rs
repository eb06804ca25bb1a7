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
    /// The folder the next dialog starts in (the open draft's, else the user's choice).
    fn set_folder(&mut self, _folder: Option<PathBuf>) {}
    /// Chooses a folder (the review desk's).
    fn pick_folder(&mut self) -> Picked {
        Picked::Unavailable
    }
}

/// rfd's native dialogs. rfd returns `None` both for "cancelled" and for "no dialog service";
/// a `None` that comes back faster than any person could cancel means the latter, and then
/// the editor asks for a typed path (and stops trying the native dialog this session).
#[derive(Default)]
pub struct NativeDialogs {
    unavailable: bool,
    folder: Option<PathBuf>,
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

/// An open dialog with these filters, in `folder` if given.
fn open_dialog(filters: &[FileFilter], folder: Option<&PathBuf>) -> rfd::FileDialog {
    let start = match folder {
        Some(dir) => rfd::FileDialog::new().set_directory(dir),
        None => rfd::FileDialog::new(),
    };
    filters
        .iter()
        .fold(start, |d, f| d.add_filter(f.name, f.extensions))
}

impl FileDialogs for NativeDialogs {
    fn open_file(&mut self, filters: &[FileFilter]) -> Picked {
        if self.unavailable {
            return Picked::Unavailable;
        }
        let started = Instant::now();
        let result = open_dialog(filters, self.folder.as_ref()).pick_file();
        self.interpret(started, result)
    }

    fn save_file(&mut self, suggested_name: &str, filter: FileFilter) -> Picked {
        if self.unavailable {
            return Picked::Unavailable;
        }
        let dialog = open_dialog(&[filter], self.folder.as_ref()).set_file_name(suggested_name);
        let started = Instant::now();
        let result = dialog.save_file();
        self.interpret(started, result)
    }

    fn open_files(&mut self, filters: &[FileFilter]) -> Picked {
        if self.unavailable {
            return Picked::Unavailable;
        }
        let started = Instant::now();
        match open_dialog(filters, self.folder.as_ref()).pick_files() {
            Some(paths) if !paths.is_empty() => Picked::Paths(paths),
            _ => self.interpret(started, None),
        }
    }

    fn set_folder(&mut self, folder: Option<PathBuf>) {
        self.folder = folder;
    }

    fn pick_folder(&mut self) -> Picked {
        if self.unavailable {
            return Picked::Unavailable;
        }
        let started = Instant::now();
        let mut dialog = rfd::FileDialog::new();
        if let Some(folder) = &self.folder {
            dialog = dialog.set_directory(folder);
        }
        let result = dialog.pick_folder();
        self.interpret(started, result)
    }
}

/// Dialogs that answer from a script (tests, automation): each call takes the next answer;
/// an empty script answers `Unavailable`.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    answers: std::sync::Arc<std::sync::Mutex<std::collections::VecDeque<Picked>>>,
    folders: std::sync::Arc<std::sync::Mutex<Vec<Option<PathBuf>>>>,
}

impl ScriptedDialogs {
    /// Queues the answer to the next dialog.
    pub fn push(&self, answer: Picked) {
        if let Ok(mut q) = self.answers.lock() {
            q.push_back(answer);
        }
    }

    /// The folders the dialogs were asked to start in, in order.
    pub fn folders(&self) -> Vec<Option<PathBuf>> {
        self.folders.lock().map(|f| f.clone()).unwrap_or_default()
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
    fn set_folder(&mut self, folder: Option<PathBuf>) {
        if let Ok(mut f) = self.folders.lock() {
            f.push(folder);
        }
    }

    fn pick_folder(&mut self) -> Picked {
        self.next()
    }
}
