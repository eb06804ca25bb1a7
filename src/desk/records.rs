//! The desk file: what the desk records for reports that cannot hold records themselves
//! (退回 of any report, sign-offs of Word, PDF, web and text reports). Human-readable RON like
//! the drafts, versioned, written atomically; a save merges with the file on disk, so two
//! reviewers on one folder lose no record.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::fsio::{self, FileError};

/// The desk file's name in the folder.
pub const DESK_FILE: &str = "审核台记录.nianbao-desk.ron";
/// The version this program writes and the newest it reads.
pub const DESK_VERSION: u32 = 1;

const HEADER: &str =
    "// nianbao 审核台记录：退回意见和签署（草稿的签署记在草稿中）。请勿手工修改。\n";

/// A 退回 of a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnRecord {
    pub by: String,
    /// `YYYY-MM-DD HH:MM`, 北京时间.
    pub at: String,
    /// The file as returned (the digest of its bytes): a replaced file is a resubmission.
    pub digest: String,
    /// The 退回意见 written, relative to the folder.
    pub letter: String,
    /// The findings sent, one line each.
    pub findings: Vec<String>,
    /// Which finding each line is ([`crate::review::finding_key`]), to tell the resolved
    /// ones in the resubmission. Empty in records written before it was kept.
    #[serde(default)]
    pub keys: Vec<String>,
    /// The report as returned, saved as a draft under [`ARCHIVE_FOLDER`] (relative to the
    /// folder), to frame what the resubmission changed. Empty where none was kept.
    #[serde(default)]
    pub copy: String,
}

/// The folder beside the reports where the desk keeps each report as it was returned.
pub const ARCHIVE_FOLDER: &str = "审核台存档";

/// A sign-off of a report that cannot hold it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOffRecord {
    /// 已审核 or 已签发.
    pub stage: String,
    pub name: String,
    pub at: String,
    /// The file as approved.
    pub digest: String,
}

/// The records of one report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRecord {
    #[serde(default)]
    pub returns: Vec<ReturnRecord>,
    #[serde(default)]
    pub sign_offs: Vec<SignOffRecord>,
}

/// Every record of the folder, by file (relative to the folder).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskRecords {
    pub version: u32,
    pub files: BTreeMap<String, FileRecord>,
}

/// Why the desk file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum RecordsError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("审核台记录“{file}”第{line}行第{column}列：{message}（文件未改动）")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("审核台记录“{0}”由较新版本的程序写入，请升级后再打开")]
    Newer(String),
}

impl DeskRecords {
    /// The records of a folder (none yet: empty).
    pub fn load(folder: &Path) -> Result<DeskRecords, RecordsError> {
        let path = folder.join(DESK_FILE);
        if !path.exists() {
            return Ok(DeskRecords {
                version: DESK_VERSION,
                ..DeskRecords::default()
            });
        }
        let bytes = fsio::read_bounded(&path)?;
        let text = String::from_utf8_lossy(&bytes);
        let records: DeskRecords = ron::from_str(&text).map_err(|e| RecordsError::Syntax {
            file: path.display().to_string(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: crate::draft::ron_message(&e.code),
        })?;
        if records.version > DESK_VERSION {
            return Err(RecordsError::Newer(path.display().to_string()));
        }
        Ok(records)
    }

    /// The record of a file, made when there is none.
    pub fn entry(&mut self, file: &str) -> &mut FileRecord {
        self.files.entry(file.to_string()).or_default()
    }

    /// Saves the records, merged with what another desk saved meanwhile (each record kept
    /// once, in the order of time).
    pub fn save(&mut self, folder: &Path) -> Result<(), RecordsError> {
        let on_disk = DeskRecords::load(folder)?;
        for (file, theirs) in on_disk.files {
            let ours = self.entry(&file);
            for r in theirs.returns {
                if !ours.returns.contains(&r) {
                    ours.returns.push(r);
                }
            }
            for s in theirs.sign_offs {
                if !ours.sign_offs.contains(&s) {
                    ours.sign_offs.push(s);
                }
            }
            ours.returns.sort_by(|a, b| a.at.cmp(&b.at));
            ours.sign_offs.sort_by(|a, b| a.at.cmp(&b.at));
        }
        self.version = DESK_VERSION;
        let config = ron::ser::PrettyConfig::new()
            .escape_strings(false)
            .struct_names(false)
            .indentor("    ");
        let body = ron::ser::to_string_pretty(self, config).map_err(|e| RecordsError::Syntax {
            file: DESK_FILE.to_string(),
            line: 0,
            column: 0,
            message: e.to_string(),
        })?;
        fsio::write_atomic(
            &folder.join(DESK_FILE),
            format!("{HEADER}{body}\n").as_bytes(),
        )?;
        Ok(())
    }
}
