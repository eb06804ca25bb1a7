//! The open report's findings and what they were computed with beyond the settings: last
//! year's report (对照上年报告).

use std::path::PathBuf;

use crate::analysis::Analysis;
use crate::draft::Draft;
use crate::model::Report;

/// The findings of the open report, kept current by `EditorApp::refresh_analysis`.
#[derive(Default)]
pub struct Checks {
    pub analysis: Analysis,
    /// The draft the analysis was made of (`None`: to be made again).
    pub analyzed: Option<Draft>,
    /// Last year's report for the cross-year checks (对照上年报告…), and its file.
    pub previous: Option<(PathBuf, Report)>,
    /// Counts the analyses made: what is worked out from the analysis (the scan review's
    /// order) is kept until this changes.
    pub generation: u64,
}
