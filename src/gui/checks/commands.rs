//! What the checks are run with, as commands: last year's report (对照上年报告), the
//! publication deadline and the local rule profile.

use std::path::PathBuf;

use crate::analysis::Deadline;

/// A command of the checks' context, run by `checks::actions`.
#[derive(Clone, Debug)]
pub enum ChecksCommand {
    /// 对照上年报告…: pick last year's report for the cross-year checks.
    ComparePrevious,
    ComparePreviousPath(PathBuf),
    /// Stop comparing with last year's report.
    ClearPrevious,
    /// 设置 → 发布期限: a local deadline, or `None` for the national one; kept for later
    /// sessions.
    SetDeadline(Option<Deadline>),
    /// 设置 → 本地要求…: pick a rule profile.
    ChooseProfile,
    /// Use this rule profile (and remember it).
    LoadProfile(PathBuf),
    /// Back to the national rules only.
    ClearProfile,
}
