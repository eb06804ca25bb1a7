//! The checks of one report (勾稽关系 and content heuristics), returning findings as data
//! ([`crate::finding`]): every one names its rule id from the spec, a severity, the cells or
//! sections involved and a Chinese message that shows the arithmetic with the numbers
//! filled in. The checks against last year's report are in [`cross`].

mod arith;
mod boilerplate;
mod content;
pub mod cross;
mod dates;
pub mod local;
mod narrative;
mod options;
mod organ;

pub use options::CheckOptions;

pub use arith::{fill_totals, sum_findings};

use crate::finding::Finding;
use crate::model::Report;

/// Runs every check that needs only this report, in a stable order: tables first
/// (O1, S1, S2, S4, S5, S6, S7), then content (H4, H8, H9, H10, H11, H13, H14, H16), then the
/// narrative numbers (H5, H6), then the format's own words (H22) and the covering letter (H23).
pub fn check(report: &Report) -> Vec<Finding> {
    check_with(report, &CheckOptions::default())
}

/// [`check`] with options.
pub fn check_with(report: &Report, options: &CheckOptions) -> Vec<Finding> {
    let mut out = Vec::new();
    arith::check_tables(report, options, &mut out);
    content::check_content(report, &mut out);
    narrative::check_h5(report, &mut out);
    narrative::check_h6(report, &mut out);
    narrative::check_repeated_figures(report, &mut out);
    boilerplate::check_boilerplate(report, &mut out);
    out
}
