//! The editor's own files: the recent-files list and the crash-recovery copy of the open
//! draft. Kept in the user's config folder (or a folder given by tests).

use std::path::{Path, PathBuf};

use crate::draft::{self, Draft};
use crate::fsio::{self, FileError};
use crate::lock::Owner;

/// The one recovery copy of editors before copies were kept per window.
const LEGACY_RECOVERY_FILE: &str = "recovery.ron";
const LEGACY_RECOVERY_PATH_FILE: &str = "recovery-path.txt";
/// One copy per window: `recovery/<instance>.ron` and `recovery/<instance>.owner`.
const RECOVERY_DIR: &str = "recovery";
const LEGACY_KEY: &str = "recovery";

/// A recovered draft, the file it had been opened from, and the window that wrote it.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovery {
    pub draft: Draft,
    pub original: Option<PathBuf>,
    /// Which copy this is (its file name in the recovery folder, without extension).
    pub key: String,
    /// The window that wrote it (unknown for a copy of an older version of the editor).
    pub owner: Option<Owner>,
}

/// Where the editor keeps its files. `None` folder: nothing is remembered.
#[derive(Clone, Debug)]
pub struct Storage {
    dir: Option<PathBuf>,
    /// This window (its recovery copy; the locks it takes).
    owner: Owner,
}

impl Storage {
    /// Storage in this folder (created on first write).
    pub fn at(dir: impl Into<PathBuf>) -> Storage {
        Storage {
            dir: Some(dir.into()),
            owner: Owner::this_process(),
        }
    }

    /// The same storage for another owner (tests: a window of a process that has ended).
    pub fn with_owner(mut self, owner: Owner) -> Storage {
        self.owner = owner;
        self
    }

    /// This window.
    pub fn owner(&self) -> &Owner {
        &self.owner
    }

    /// The user's config folder, `…/nianbao`.
    pub fn default_location() -> Storage {
        Storage {
            dir: dirs::config_dir().map(|d| d.join("nianbao")),
            owner: Owner::this_process(),
        }
    }

    fn file(&self, name: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(name))
    }

    fn write(&self, name: &str, bytes: &[u8]) -> Result<(), FileError> {
        let Some(path) = self.file(name) else {
            return Ok(());
        };
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        std::fs::create_dir_all(&dir).map_err(|e| FileError::Write {
            path: dir.clone(),
            reason: fsio::io_reason(&e),
        })?;
        fsio::write_atomic(&path, bytes)
    }

    /// The text of one of the editor's own files (`None`: none kept, or unreadable).
    pub(crate) fn read_text(&self, name: &str) -> Option<String> {
        let bytes = fsio::read_bounded(&self.file(name)?).ok()?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Writes one of the editor's own files.
    pub(crate) fn write_text(&self, name: &str, text: &str) -> Result<(), FileError> {
        self.write(name, text.as_bytes())
    }

    /// Writes this window's recovery copy of its open draft.
    pub fn write_recovery(&self, draft: &Draft, original: Option<&Path>) -> Result<(), FileError> {
        let ron = draft::to_ron(draft).map_err(|e| FileError::Write {
            path: PathBuf::from(RECOVERY_DIR),
            reason: e.to_string(),
        })?;
        let original = original
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let owner = format!("{}original={original}\n", self.owner.file_text());
        let key = self.own_key();
        self.write(&format!("{RECOVERY_DIR}/{key}.owner"), owner.as_bytes())?;
        self.write(&format!("{RECOVERY_DIR}/{key}.ron"), ron.as_bytes())
    }

    fn own_key(&self) -> String {
        file_safe(&self.owner.instance)
    }

    /// The recovery copies left by windows that did not end normally and are gone (never
    /// another running window's, never this one's), oldest first.
    pub fn read_recoveries(&self) -> Vec<Recovery> {
        let mut found = Vec::new();
        if let Some(r) = self.read_legacy() {
            found.push(r);
        }
        let Some(dir) = self.file(RECOVERY_DIR) else {
            return found;
        };
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return found;
        };
        let mut keys: Vec<String> = entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.strip_suffix(".ron").map(str::to_string)
            })
            .collect();
        keys.sort();
        for key in keys {
            if key == self.own_key() {
                continue;
            }
            let Some(owner_text) = fsio::read_bounded(&dir.join(format!("{key}.owner")))
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
            else {
                continue;
            };
            let owner = Owner::parse(&owner_text);
            if !owner.is_gone() {
                // Another window that is still open writes it.
                continue;
            }
            let Some(draft) = fsio::read_bounded(&dir.join(format!("{key}.ron")))
                .ok()
                .and_then(|b| draft::parse_draft_bytes(&b).ok())
            else {
                continue;
            };
            let original = owner_text
                .lines()
                .find_map(|l| l.strip_prefix("original="))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(PathBuf::from);
            found.push(Recovery {
                draft,
                original,
                key,
                owner: Some(owner),
            });
        }
        found.sort_by(|a, b| {
            let t = |r: &Recovery| r.owner.as_ref().map_or(0, |o| o.since_unix);
            t(a).cmp(&t(b))
        });
        found
    }

    fn read_legacy(&self) -> Option<Recovery> {
        let bytes = fsio::read_bounded(&self.file(LEGACY_RECOVERY_FILE)?).ok()?;
        let draft = draft::parse_draft_bytes(&bytes).ok()?;
        let original = self
            .file(LEGACY_RECOVERY_PATH_FILE)
            .and_then(|p| fsio::read_bounded(&p).ok())
            .map(|b| String::from_utf8_lossy(&b).trim().to_string())
            .filter(|s| !s.is_empty())
            .map(PathBuf::from);
        Some(Recovery {
            draft,
            original,
            key: LEGACY_KEY.to_string(),
            owner: None,
        })
    }

    /// Removes this window's recovery copy (after a save, a discard or a normal exit).
    pub fn clear_recovery(&self) {
        let key = self.own_key();
        self.discard(&key);
    }

    /// Removes one recovery copy (restored here, or given up).
    pub fn discard(&self, key: &str) {
        let names: Vec<String> = if key == LEGACY_KEY {
            vec![
                LEGACY_RECOVERY_FILE.to_string(),
                LEGACY_RECOVERY_PATH_FILE.to_string(),
            ]
        } else {
            let key = file_safe(key);
            vec![
                format!("{RECOVERY_DIR}/{key}.ron"),
                format!("{RECOVERY_DIR}/{key}.owner"),
            ]
        };
        for name in names {
            if let Some(p) = self.file(&name) {
                let _ = std::fs::remove_file(p);
            }
        }
    }
}

/// Keeps a key usable as a file name.
fn file_safe(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{OrganKind, Report};

    #[test]
    fn recovery_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let s = Storage::at(dir.path().join("cfg"));
        assert!(s.read_recoveries().is_empty());
        let draft = Draft::new(Report::new("某县", OrganKind::Government, 2025));
        s.write_recovery(&draft, Some(Path::new("/a/一.ron")))
            .unwrap();
        assert!(
            s.read_recoveries().is_empty(),
            "a window never recovers its own"
        );
        assert!(
            Storage::at(dir.path().join("cfg"))
                .read_recoveries()
                .is_empty(),
            "nor a copy of a window that is still open"
        );
        s.clear_recovery();
        assert!(
            !dir.path()
                .join("cfg/recovery")
                .read_dir()
                .unwrap()
                .any(|_| true)
        );
    }

    #[test]
    fn each_window_that_ended_leaves_its_own_copy_and_each_is_offered() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = dir.path().join("cfg");
        let ended = |pid| Storage::at(&cfg).with_owner(Owner::with_pid(pid));
        let (a, b) = (ended(4_000_000_001), ended(4_000_000_002));
        let mut one = Draft::new(Report::new("甲", OrganKind::Government, 2025));
        let two = Draft::new(Report::new("乙", OrganKind::Department, 2025));
        a.write_recovery(&one, Some(Path::new("/共享/甲.ron")))
            .unwrap();
        b.write_recovery(&two, None).unwrap();
        one.report.meta.organ = "甲（改）".into();
        a.write_recovery(&one, Some(Path::new("/共享/甲.ron")))
            .unwrap();
        let next = Storage::at(&cfg);
        let found = next.read_recoveries();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().any(|r| r.draft == one
            && r.original.as_deref() == Some(Path::new("/共享/甲.ron"))));
        assert!(found.iter().any(|r| r.draft == two && r.original.is_none()));
        next.discard(&found[0].key);
        assert_eq!(next.read_recoveries().len(), 1);
    }

    #[test]
    fn the_single_copy_of_an_older_editor_is_still_offered() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = dir.path().join("cfg");
        std::fs::create_dir_all(&cfg).unwrap();
        let draft = Draft::new(Report::new("某县", OrganKind::Government, 2025));
        std::fs::write(cfg.join("recovery.ron"), draft::to_ron(&draft).unwrap()).unwrap();
        let s = Storage::at(&cfg);
        let found = s.read_recoveries();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].draft, draft);
        s.discard(&found[0].key);
        assert!(s.read_recoveries().is_empty());
    }
}
