//! The reviewer's commands as data: 说明, 批注, sign-off, comparisons, the 退回意见.

use std::path::PathBuf;

use crate::export::return_notes::LetterChoice;
use crate::finding::{Finding, Place};
use crate::review::Stage;

/// A reviewer's command, run by `review::actions`.
#[derive(Clone, Debug)]
pub enum ReviewCommand {
    /// Keep a 说明 for this finding of the open report.
    Explain {
        finding: Box<Finding>,
        text: String,
        author: String,
    },
    /// Add a reviewer's note.
    AddNote {
        place: Place,
        text: String,
        author: String,
    },
    /// Mark a note (index into the draft's notes) resolved or open again.
    SetNoteResolved(usize, bool),
    /// Record a sign-off (审核 or 签发) of the open report.
    SignOff {
        stage: Stage,
        name: String,
    },
    /// 与其他版本比较…: pick the other version.
    CompareVersion,
    CompareVersionPath(PathBuf),
    /// Compare with the report as last approved.
    CompareSignOff,
    EndCompare,
    /// 导出退回意见…: ask which findings go into the letter.
    ChooseLetter,
    /// The findings the reviewer chose for the letter; then ask where.
    ExportLetter(LetterChoice),
}
