//! A report's row at the desk: where it stands and what it counts.

use std::path::PathBuf;

use crate::finding::{Rule, Tally};
use crate::model::Stamp;
use crate::repetition::Share;
use crate::review::{Approval, Stage};

/// Where a report stands at the desk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DeskState {
    /// Being read.
    Reading,
    /// Could not be read.
    Unreadable,
    /// Read, with errors, not yet returned.
    HasErrors,
    /// Read, no error, not yet reviewed.
    Unreviewed,
    /// Returned with a 退回意见; the file has not changed since.
    Returned,
    /// Returned, and the unit's file has been replaced since.
    Resubmitted,
    /// Approved, unchanged since.
    Approved(Stage),
    /// Approved, changed since.
    ChangedSince(Stage),
}

impl DeskState {
    /// The state as the desk shows it.
    pub fn label(self) -> &'static str {
        match self {
            DeskState::Reading => "读取中",
            DeskState::Unreadable => "无法读取",
            DeskState::HasErrors => "有错误",
            DeskState::Unreviewed => "未审核",
            DeskState::Returned => "已退回",
            DeskState::Resubmitted => "已重新提交",
            DeskState::Approved(s) => Approval::Approved(s).label(),
            DeskState::ChangedSince(s) => Approval::ChangedSince(s).label(),
        }
    }
}

/// One report of the folder.
#[derive(Clone, Debug)]
pub struct Row {
    /// The file, relative to the folder (`乡镇/某镇.pdf`).
    pub file: String,
    pub path: PathBuf,
    pub organ: String,
    pub kind: String,
    pub year: Option<u16>,
    pub format: &'static str,
    pub state: DeskState,
    /// The findings that count (no current 说明).
    pub tally: Tally,
    pub open_notes: usize,
    pub stale_explanations: usize,
    /// Against last year's report of the same organ in the folder.
    pub repetition: Option<Share>,
    /// Published after its deadline (H11 逾期发布); None without a date.
    pub late: Option<bool>,
    /// The file's last change, 北京时间.
    pub modified: Option<Stamp>,
    /// Why it could not be read.
    pub problem: Option<String>,
    /// The rules that fail, each once.
    pub rules: Vec<Rule>,
    /// A resubmission: how many of the findings it was returned with are resolved, of all.
    pub resolved: Option<(usize, usize)>,
    /// A summary (汇总报告): how many units it covers. Listed apart, never summed with them.
    pub summary: Option<usize>,
    /// Another report of the same organ and year in the folder (重复报送): its file.
    pub duplicate_of: Option<String>,
}
