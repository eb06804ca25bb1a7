//! The editor's own files: the recent-files list and the crash-recovery copy of the open
//! draft. Kept in the user's config folder (or a folder given by tests).

use std::path::{Path, PathBuf};

use crate::analysis::Deadline;
use crate::draft::{self, Draft};
use crate::fsio::{self, FileError};

const RECENT_FILE: &str = "recent.txt";
const RECOVERY_FILE: &str = "recovery.ron";
const RECOVERY_PATH_FILE: &str = "recovery-path.txt";
const DEADLINE_FILE: &str = "deadline.txt";
/// How many recent files are remembered.
pub const MAX_RECENT: usize = 10;

/// A recovered draft and the file it had been opened from.
#[derive(Clone, Debug)]
pub struct Recovery {
    pub draft: Draft,
    pub original: Option<PathBuf>,
}

/// Where the editor keeps its files. `None` folder: nothing is remembered.
#[derive(Clone, Debug)]
pub struct Storage {
    dir: Option<PathBuf>,
}

impl Storage {
    /// Storage in this folder (created on first write).
    pub fn at(dir: impl Into<PathBuf>) -> Storage {
        Storage {
            dir: Some(dir.into()),
        }
    }

    /// The user's config folder, `…/nianbao`.
    pub fn default_location() -> Storage {
        Storage {
            dir: dirs::config_dir().map(|d| d.join("nianbao")),
        }
    }

    fn file(&self, name: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(name))
    }

    fn write(&self, name: &str, bytes: &[u8]) -> Result<(), FileError> {
        let (Some(dir), Some(path)) = (self.dir.as_ref(), self.file(name)) else {
            return Ok(());
        };
        std::fs::create_dir_all(dir).map_err(|e| FileError::Write {
            path: dir.clone(),
            reason: fsio::io_reason(&e),
        })?;
        fsio::write_atomic(&path, bytes)
    }

    /// The recent files, newest first (missing entries are kept: a USB stick may be back).
    pub fn load_recent(&self) -> Vec<PathBuf> {
        let Some(bytes) = self
            .file(RECENT_FILE)
            .and_then(|p| fsio::read_bounded(&p).ok())
        else {
            return Vec::new();
        };
        String::from_utf8_lossy(&bytes)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(MAX_RECENT)
            .map(PathBuf::from)
            .collect()
    }

    /// Saves the recent files list.
    pub fn save_recent(&self, recent: &[PathBuf]) -> Result<(), FileError> {
        let text: String = recent
            .iter()
            .take(MAX_RECENT)
            .map(|p| format!("{}\n", p.display()))
            .collect();
        self.write(RECENT_FILE, text.as_bytes())
    }

    /// The local publication deadline set in 设置 → 发布期限; `None`: the national one.
    pub fn load_deadline(&self) -> Option<Deadline> {
        let bytes = fsio::read_bounded(&self.file(DEADLINE_FILE)?).ok()?;
        Deadline::parse(&String::from_utf8_lossy(&bytes))
    }

    /// Saves the local publication deadline (`None`: back to the national one).
    pub fn save_deadline(&self, deadline: Option<Deadline>) -> Result<(), FileError> {
        let text = deadline.map(|d| d.mm_dd()).unwrap_or_default();
        self.write(DEADLINE_FILE, text.as_bytes())
    }

    /// Writes the recovery copy of the open draft.
    pub fn write_recovery(&self, draft: &Draft, original: Option<&Path>) -> Result<(), FileError> {
        let path = original
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        self.write(RECOVERY_PATH_FILE, path.as_bytes())?;
        self.write(RECOVERY_FILE, draft::to_ron(draft).as_bytes())
    }

    /// The recovery copy left by a session that did not end normally, if any and readable.
    pub fn read_recovery(&self) -> Option<Recovery> {
        let bytes = fsio::read_bounded(&self.file(RECOVERY_FILE)?).ok()?;
        let draft = draft::parse_draft_bytes(&bytes).ok()?;
        let original = self
            .file(RECOVERY_PATH_FILE)
            .and_then(|p| fsio::read_bounded(&p).ok())
            .map(|b| String::from_utf8_lossy(&b).trim().to_string())
            .filter(|s| !s.is_empty())
            .map(PathBuf::from);
        Some(Recovery { draft, original })
    }

    /// Removes the recovery copy (after a save, a discard or a normal exit).
    pub fn clear_recovery(&self) {
        for name in [RECOVERY_FILE, RECOVERY_PATH_FILE] {
            if let Some(p) = self.file(name) {
                let _ = std::fs::remove_file(p);
            }
        }
    }
}

/// Puts `path` first in the recent list, without duplicates.
pub fn touch_recent(recent: &mut Vec<PathBuf>, path: &Path) {
    recent.retain(|p| p != path);
    recent.insert(0, path.to_path_buf());
    recent.truncate(MAX_RECENT);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{OrganKind, Report};

    #[test]
    fn recent_and_recovery_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let s = Storage::at(dir.path().join("cfg"));
        assert!(s.load_recent().is_empty());
        assert!(s.read_recovery().is_none());
        let mut recent = Vec::new();
        touch_recent(&mut recent, Path::new("/a/一.ron"));
        touch_recent(&mut recent, Path::new("/b/二.ron"));
        touch_recent(&mut recent, Path::new("/a/一.ron"));
        s.save_recent(&recent).unwrap();
        assert_eq!(
            s.load_recent(),
            vec![PathBuf::from("/a/一.ron"), PathBuf::from("/b/二.ron")]
        );
        let draft = Draft::new(Report::new("某县", OrganKind::Government, 2025));
        s.write_recovery(&draft, Some(Path::new("/a/一.ron")))
            .unwrap();
        let r = s.read_recovery().unwrap();
        assert_eq!(r.draft, draft);
        assert_eq!(r.original, Some(PathBuf::from("/a/一.ron")));
        s.clear_recovery();
        assert!(s.read_recovery().is_none());
    }

    #[test]
    fn the_deadline_setting_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let s = Storage::at(dir.path().join("cfg"));
        assert_eq!(s.load_deadline(), None, "national by default");
        let local = Deadline::parse("1-28");
        s.save_deadline(local).unwrap();
        assert_eq!(Storage::at(dir.path().join("cfg")).load_deadline(), local);
        s.save_deadline(None).unwrap();
        assert_eq!(s.load_deadline(), None);
    }
}
