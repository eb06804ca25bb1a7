//! The recovery copy written on a clock: each change of the open draft is handed to a
//! thread, which writes the copy a few seconds after the last one, whether or not the window
//! is drawn, focused or covered. Clearing goes through the same thread, so a copy waiting to
//! be written never lands after the draft was saved.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use crate::draft::Draft;
use crate::gui::files::storage::Storage;

/// Seconds after the last change before the recovery copy is written.
pub const AUTOSAVE_AFTER_SECS: f64 = 3.0;

enum Job {
    /// The draft changed: write it once no change came for a while.
    Changed(Box<Draft>, Option<PathBuf>),
    /// Write it now and say how it went.
    Now(Box<Draft>, Option<PathBuf>, Sender<Result<(), String>>),
    /// No copy is needed (saved, discarded, or the window closes cleanly).
    Clear(Sender<()>),
}

/// The writer of this window's recovery copy.
pub struct Autosave {
    jobs: Sender<Job>,
    /// What a write on the thread could not do, for the status bar.
    problems: Receiver<String>,
    /// The draft last handed over (a draft is handed once however many frames show it).
    handed: Option<Draft>,
}

impl Autosave {
    /// Starts the writer for `storage`'s copy of this window.
    pub fn start(storage: Storage) -> Autosave {
        let (jobs, inbox) = std::sync::mpsc::channel();
        let (report, problems) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("nianbao-autosave".into())
            .spawn(move || write_on_a_clock(&storage, &inbox, &report))
            .expect("a thread for the recovery copy");
        Autosave {
            jobs,
            problems,
            handed: None,
        }
    }

    /// The open draft as it is now: unsaved changes (`dirty`) are written a few seconds after
    /// the last one.
    pub fn track(&mut self, draft: &Draft, original: Option<&std::path::Path>, dirty: bool) {
        if !dirty || self.handed.as_ref() == Some(draft) {
            return;
        }
        self.handed = Some(draft.clone());
        let job = Job::Changed(Box::new(draft.clone()), original.map(Into::into));
        let _ = self.jobs.send(job);
    }

    /// Writes the copy now (after a restore, in tests); the error in Chinese.
    pub fn write_now(
        &mut self,
        draft: &Draft,
        original: Option<&std::path::Path>,
    ) -> Result<(), String> {
        self.handed = Some(draft.clone());
        let (answer, result) = std::sync::mpsc::channel();
        let job = Job::Now(Box::new(draft.clone()), original.map(Into::into), answer);
        if self.jobs.send(job).is_err() {
            return Ok(());
        }
        result.recv().unwrap_or(Ok(()))
    }

    /// Removes this window's copy, and any waiting to be written; returns once it is gone.
    pub fn clear(&mut self) {
        self.handed = None;
        let (done, gone) = std::sync::mpsc::channel();
        if self.jobs.send(Job::Clear(done)).is_ok() {
            let _ = gone.recv();
        }
    }

    /// A problem the writer met since the last call (the folder not writable, …).
    pub fn problem(&self) -> Option<String> {
        self.problems.try_recv().ok()
    }
}

/// The writer's loop: the last change waits [`AUTOSAVE_AFTER_SECS`] for another; then it is
/// written. Ends when the window's end drops the sender.
fn write_on_a_clock(storage: &Storage, inbox: &Receiver<Job>, report: &Sender<String>) {
    let after = Duration::from_secs_f64(AUTOSAVE_AFTER_SECS);
    let mut waiting: Option<(Box<Draft>, Option<PathBuf>, Instant)> = None;
    loop {
        let job = match &waiting {
            Some((_, _, due)) => inbox.recv_timeout(due.saturating_duration_since(Instant::now())),
            None => inbox.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match job {
            Ok(Job::Changed(draft, original)) => {
                waiting = Some((draft, original, Instant::now() + after));
            }
            Ok(Job::Now(draft, original, answer)) => {
                waiting = None;
                let written = storage.write_recovery(&draft, original.as_deref());
                let _ = answer.send(written.map_err(|e| e.to_string()));
            }
            Ok(Job::Clear(done)) => {
                waiting = None;
                storage.clear_recovery();
                let _ = done.send(());
            }
            Err(RecvTimeoutError::Timeout) => {
                if let Some((draft, original, _)) = waiting.take()
                    && let Err(e) = storage.write_recovery(&draft, original.as_deref())
                {
                    let _ = report.send(e.to_string());
                }
            }
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{OrganKind, Report};

    #[test]
    fn a_change_is_written_after_a_quiet_while_without_any_frame() {
        let dir = tempfile::tempdir().unwrap();
        let storage = Storage::at(dir.path().join("cfg"));
        let mut autosave = Autosave::start(storage.clone());
        let draft = Draft::new(Report::new("某县", OrganKind::Government, 2025));
        autosave.track(&draft, None, true);
        let copy = dir.path().join("cfg/recovery");
        let written = || copy.read_dir().is_ok_and(|mut d| d.any(|_| true));
        assert!(!written(), "not at once: the clerk is still typing");
        // Nothing calls the writer again: the copy comes on its own.
        let deadline = Instant::now() + Duration::from_secs(10);
        while !written() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(written(), "written within a few seconds of the change");
        autosave.clear();
        assert!(!written(), "cleared through the same writer");
    }

    #[test]
    fn a_clear_drops_a_copy_still_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let mut autosave = Autosave::start(Storage::at(dir.path().join("cfg")));
        let draft = Draft::new(Report::new("某县", OrganKind::Government, 2025));
        autosave.track(&draft, None, true);
        autosave.clear();
        std::thread::sleep(Duration::from_secs_f64(AUTOSAVE_AFTER_SECS + 0.5));
        let copy = dir.path().join("cfg/recovery");
        assert!(!copy.read_dir().is_ok_and(|mut d| d.any(|_| true)));
    }
}
