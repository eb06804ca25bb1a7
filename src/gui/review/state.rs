//! What the reviewer has open beside the report: a comparison with another version, the
//! return a resubmission answers, the choice of the last 退回意见.

use crate::draft::Draft;

/// The review state of the window.
#[derive(Default)]
pub struct ReviewState {
    /// 与其他版本比较: the other version and what differs from it.
    pub compare: Option<Compare>,
    /// The open report is a resubmission at the desk: what it was returned with.
    pub returned: Option<crate::desk::Resubmission>,
    /// The findings chosen for the last 退回意见.
    pub letter_choice: crate::export::return_notes::LetterChoice,
}

/// The version the open report is compared with, and the differences (kept current).
#[derive(Clone, Debug)]
pub struct Compare {
    /// What the other version is (a file name, or 签发时).
    pub label: String,
    pub other: Draft,
    pub diff: crate::diff::Diff,
    /// The changed cells, for their marks.
    pub cells: std::collections::BTreeSet<usize>,
}

impl Compare {
    /// The differences of `current` from `other`.
    pub fn new(label: String, other: Draft, current: &Draft) -> Compare {
        let mut c = Compare {
            label,
            other,
            diff: Default::default(),
            cells: Default::default(),
        };
        c.update(current);
        c
    }

    /// Recomputes the differences after an edit.
    pub fn update(&mut self, current: &Draft) {
        self.diff = crate::diff::diff(&self.other, &[], current, &[]);
        self.cells = self
            .diff
            .cells
            .iter()
            .filter_map(|(id, _, _)| crate::template::TEMPLATE.index_of(id))
            .collect();
    }
}
