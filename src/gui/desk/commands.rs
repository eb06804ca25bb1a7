//! The desk's commands as data.

use std::path::PathBuf;

use crate::review::Stage;

/// A command of the review desk, run by `desk::actions`.
#[derive(Clone, Debug)]
pub enum DeskCommand {
    /// 文件 → 打开审核台…: pick the folder.
    Open,
    /// Open this folder as the review desk.
    OpenPath(PathBuf),
    /// 返回审核台 (the open report closed first) or 刷新 at the desk: the desk shown, read
    /// again from the folder in the background.
    Show,
    /// 文件 → 关闭审核台.
    Close,
    /// Open the desk's row in the editor.
    OpenRow(usize),
    /// A desk's report was read and shown (a PDF in the background): framed as the desk's
    /// (as its file holds it; a resubmission compared with the version returned).
    Opened(Option<Box<crate::desk::Resubmission>>),
    /// 退回… on the desk's selected rows: ask the letter's format and who returns them.
    Return(Vec<usize>),
    /// 退回 the desk's reports (by file): each one's 退回意见 beside it, the return recorded.
    ReturnNow {
        files: Vec<String>,
        name: String,
        as_text: bool,
    },
    /// 审核通过 or 签发 the desk's selected rows: first asks, showing who signs what.
    Sign(Vec<usize>, Stage),
    /// 审核通过 or 签发 these reports (by file) now, as `name`.
    SignNow {
        files: Vec<String>,
        stage: Stage,
        name: String,
    },
    /// 汇总已审核的报告: asks which year.
    Sum,
    /// 导出总览…: the overview page (and its CSV beside it).
    Overview,
}
