//! What the editor remembers between sessions, as one value with one load and one save:
//! the recent files, the reviewer's name, the local deadline and rule profile, the panels.

use std::path::{Path, PathBuf};

use crate::analysis::Deadline;
use crate::fsio::FileError;
use crate::gui::common::strings as s;
use crate::gui::files::storage::Storage;
use crate::profile::Profile;

const RECENT_FILE: &str = "recent.txt";
const DEADLINE_FILE: &str = "deadline.txt";
const PROFILE_FILE: &str = "profile-path.txt";
const REVIEWER_FILE: &str = "reviewer.txt";
const PANELS_FILE: &str = "panels.txt";
const FOLDER_FILE: &str = "last-folder.txt";
/// How many recent files are remembered.
pub const MAX_RECENT: usize = 10;

/// The settings that persist.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The recent files, newest first (missing entries are kept: a USB stick may be back).
    pub recent: Vec<PathBuf>,
    /// The name last given for a 说明, a note, a return or a sign-off (first: the system
    /// user's).
    pub reviewer: String,
    /// The local publication deadline (设置 → 发布期限…); `None`: the national one.
    pub deadline: Option<Deadline>,
    /// The local rule profile (设置 → 本地要求…) and its file; `None`: national rules only.
    pub profile: Option<(PathBuf, Profile)>,
    /// 视图 → 问题列表.
    pub show_findings: bool,
    /// The folder of the file last opened, saved or exported: where the dialogs of a new
    /// report start.
    pub last_folder: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            recent: Vec::new(),
            reviewer: String::new(),
            deadline: None,
            profile: None,
            show_findings: true,
            last_folder: None,
        }
    }
}

impl Settings {
    /// The settings kept in `storage`; a remembered profile that no longer loads is dropped,
    /// with its reason as the second value.
    pub fn load(storage: &Storage) -> (Settings, Option<String>) {
        let first_line = |name| {
            let text = storage.read_text(name)?;
            let line = text.lines().next()?.trim().to_string();
            (!line.is_empty()).then_some(line)
        };
        let recent = storage
            .read_text(RECENT_FILE)
            .map(|text| {
                text.lines()
                    .filter(|l| !l.trim().is_empty())
                    .take(MAX_RECENT)
                    .map(PathBuf::from)
                    .collect()
            })
            .unwrap_or_default();
        let reviewer = first_line(REVIEWER_FILE)
            .or_else(|| std::env::var("USER").ok())
            .or_else(|| std::env::var("USERNAME").ok())
            .unwrap_or_default();
        let (profile, problem) = match first_line(PROFILE_FILE).map(PathBuf::from) {
            Some(path) => match Profile::load(&path) {
                Ok(p) => (Some((path, p)), None),
                Err(e) => (None, Some(format!("{}{e}", s::PROFILE_NOT_LOADED))),
            },
            None => (None, None),
        };
        let settings = Settings {
            recent,
            reviewer,
            deadline: first_line(DEADLINE_FILE).and_then(|t| Deadline::parse(&t)),
            profile,
            show_findings: first_line(PANELS_FILE).is_none_or(|t| t != "findings=off"),
            last_folder: first_line(FOLDER_FILE).map(PathBuf::from),
        };
        (settings, problem)
    }

    /// Writes every setting to `storage`.
    pub fn save(&self, storage: &Storage) -> Result<(), FileError> {
        let recent: String = self
            .recent
            .iter()
            .take(MAX_RECENT)
            .map(|p| format!("{}\n", p.display()))
            .collect();
        storage.write_text(RECENT_FILE, &recent)?;
        storage.write_text(REVIEWER_FILE, self.reviewer.trim())?;
        let deadline = self.deadline.map(|d| d.mm_dd()).unwrap_or_default();
        storage.write_text(DEADLINE_FILE, &deadline)?;
        let profile = self.profile.as_ref();
        let profile = profile.map(|(p, _)| p.display().to_string());
        storage.write_text(PROFILE_FILE, &profile.unwrap_or_default())?;
        let panels = if self.show_findings {
            "findings=on"
        } else {
            "findings=off"
        };
        storage.write_text(PANELS_FILE, panels)?;
        let folder = self.last_folder.as_ref().map(|f| f.display().to_string());
        storage.write_text(FOLDER_FILE, &folder.unwrap_or_default())
    }

    /// Remembers the folder of `file` (opened, saved or exported) for the next dialog.
    pub fn remember_folder(&mut self, file: &Path) {
        if let Some(folder) = file.parent().filter(|f| !f.as_os_str().is_empty()) {
            self.last_folder = Some(folder.to_path_buf());
        }
    }

    /// Puts `path` first in the recent files, without duplicates; its folder is where the
    /// next new report's dialogs start.
    pub fn touch_recent(&mut self, path: &Path) {
        self.remember_folder(path);
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_round_trips_through_one_save_and_one_load() {
        let dir = tempfile::tempdir().unwrap();
        let storage = Storage::at(dir.path().join("cfg"));
        let (fresh, problem) = Settings::load(&storage);
        assert!(fresh.recent.is_empty() && fresh.deadline.is_none() && fresh.show_findings);
        assert_eq!(problem, None);
        let mut settings = fresh;
        settings.touch_recent(Path::new("/a/一.ron"));
        settings.touch_recent(Path::new("/b/二.ron"));
        settings.touch_recent(Path::new("/a/一.ron"));
        settings.reviewer = "张三".into();
        settings.deadline = Deadline::parse("1-28");
        settings.show_findings = false;
        settings.remember_folder(Path::new("/单位/报告/甲镇.pdf"));
        settings.save(&storage).unwrap();
        let (again, _) = Settings::load(&Storage::at(dir.path().join("cfg")));
        assert_eq!(
            again.recent,
            vec![PathBuf::from("/a/一.ron"), PathBuf::from("/b/二.ron")]
        );
        assert_eq!(again.reviewer, "张三");
        assert_eq!(again.deadline, Deadline::parse("1-28"));
        assert!(!again.show_findings);
        assert_eq!(again.last_folder, Some(PathBuf::from("/单位/报告")));
        settings.deadline = None;
        settings.save(&storage).unwrap();
        assert_eq!(Settings::load(&storage).0.deadline, None, "national again");
    }

    #[test]
    fn a_profile_that_no_longer_loads_is_dropped_with_its_reason() {
        let dir = tempfile::tempdir().unwrap();
        let storage = Storage::at(dir.path().join("cfg"));
        storage
            .write_text(
                PROFILE_FILE,
                &dir.path().join("没有.ron").display().to_string(),
            )
            .unwrap();
        let (settings, problem) = Settings::load(&storage);
        assert!(settings.profile.is_none());
        assert!(problem.is_some_and(|p| p.starts_with(s::PROFILE_NOT_LOADED)));
    }
}
