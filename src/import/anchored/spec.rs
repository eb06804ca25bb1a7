//! What the reading looks for (anchors: labels and the cells their numbers fill) and what
//! it found for one table.

use std::collections::BTreeMap;

use crate::model::CellValue;
use crate::model::Provenance;

/// A label to find in the stream.
pub(super) struct Anchor {
    pub(super) labels: Vec<Vec<char>>,
    /// For a header: its column labels, whose printed positions place the numbers of the
    /// rows under it when those have blank cells.
    pub(super) columns: Vec<Vec<char>>,
    /// The cells its numbers fill, with the shape of their sums; `None` for captions,
    /// headers and group labels, whose numbers (if any) are reported.
    pub(super) row: Option<RowSpec>,
}

#[derive(Clone)]
pub(super) struct RowSpec {
    pub(super) cells: Vec<usize>,
    /// The anchor of the header over this row (表二), for placing blank cells.
    pub(super) header: Option<usize>,
    /// A row that may be absent with no numbers (the 2019 format's single （六） row,
    /// whose label is a group label in 2021): nothing is set when it has none.
    pub(super) optional: bool,
    /// Groups of consecutive cells whose last is the sum of the others (`[7]` for a 表三
    /// row, `[5, 5, 5]` for 表四); empty when the row has no sums (表二).
    pub(super) sums: Vec<usize>,
    pub(super) name: String,
}

impl StreamRead {
    /// Rows accounted for: read, or found and marked uncertain.
    pub fn rows_accounted(&self) -> usize {
        self.complete_rows + self.uncertain_rows
    }
}

/// What the stream reading found for one table.
#[derive(Clone, Debug, Default)]
pub struct StreamRead {
    pub values: BTreeMap<usize, (CellValue, Provenance)>,
    /// Rows (by name) whose labels were not found.
    pub missing: Vec<String>,
    /// Problems to report, as (cells involved, message).
    pub problems: Vec<(Vec<usize>, String)>,
    /// Rows that break their sum whatever way their digits are read: the report's own
    /// error (S1 in 表三, S4 in 表四), as (cells involved, message).
    pub sum_errors: Vec<(Vec<usize>, String)>,
    /// Rows read with exactly their number of cells (directly or by a unique split).
    pub complete_rows: usize,
    /// Rows found but left uncertain (accounted for, honestly not read).
    pub uncertain_rows: usize,
}
