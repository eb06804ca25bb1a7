//! The draft itself: the report with what the editor, the importer, a 汇总 and the review
//! keep beside it, and the format versions it is saved in.

use crate::model::{CellValue, Provenance, Report};
use crate::review::Review;
use crate::template::TextId;

use super::summed::SumRecord;

/// The draft format version this program writes and the newest it reads. Version 2 adds
/// the record of a 汇总 (`sum`); a draft without one is written as version 1, so older
/// programs still open it, and refuse (rather than silently drop) a summed draft.
pub const DRAFT_VERSION: u32 = 2;
pub(super) const VERSION_WITHOUT_SUM: u32 = 1;

/// Why a draft has no approved version to compare with.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotApproved {
    #[error("还没有审核或签发过")]
    Never,
    #[error("最近一次{}没有保存当时的内容，无法比较", .0.label())]
    NotKept(crate::review::Stage),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub report: Report,
    /// Totals are typed by hand (transcribing a published report) instead of computed.
    pub manual_totals: bool,
    /// Texts taken over from last year's report, as they were: marked until edited.
    pub inherited_texts: std::collections::BTreeMap<TextId, String>,
    /// Texts read from a scan by OCR, as read: marked until edited or confirmed.
    pub ocr_texts: std::collections::BTreeMap<TextId, String>,
    /// How imported cells were read, with the value each was given: marked until edited.
    pub read_as: std::collections::BTreeMap<usize, (Provenance, CellValue)>,
    /// For a 汇总: the units summed and what made the sum unsafe.
    pub sum: Option<SumRecord>,
    /// 说明 for warnings and the sign-offs.
    pub review: Review,
}

impl Draft {
    /// A draft with computed totals.
    pub fn new(report: Report) -> Draft {
        Draft {
            report,
            manual_totals: false,
            inherited_texts: Default::default(),
            ocr_texts: Default::default(),
            read_as: Default::default(),
            sum: None,
            review: Review::default(),
        }
    }

    /// Next year's draft from last year's report (`new --from`, 从上年报告新建): the organ
    /// kept, the year + 1, 二、上年结转 from 四、结转下年度继续办理, and the texts kept as a
    /// starting point, marked as inherited until edited.
    pub fn next_year_from(last: &Report) -> Draft {
        use crate::template::{T3_COLUMNS, T3Role, t3, t3_row_of};
        let mut report = Report::new(
            &last.meta.organ,
            last.meta.organ_kind,
            last.meta.year.map_or(0, |y| y + 1),
        );
        if last.meta.year.is_none() {
            report.meta.year = None;
        }
        report.meta.signature = last.meta.signature.clone();
        let (carried_over, carried_forward) = (
            t3_row_of(T3Role::CarriedOver),
            t3_row_of(T3Role::CarriedForward),
        );
        for c in 0..T3_COLUMNS.len() {
            let v = last.cell(t3(carried_forward, c)).clone();
            report.set_cell(t3(carried_over, c), v);
        }
        let mut draft = Draft::new(report);
        for spec in &crate::template::TEXTS {
            if let Some(text) = last.text(spec.id)
                && !text.trim().is_empty()
            {
                draft.report.set_text(spec.id, text);
                draft.inherited_texts.insert(spec.id, text.to_string());
            }
        }
        draft
    }

    /// The version last approved (审核 or 签发) with the sign-off, to compare the draft with:
    /// the draft as it is, its report as it was then.
    pub fn as_last_approved(&self) -> Result<(&crate::review::SignOff, Draft), NotApproved> {
        let last = self.review.sign_offs.last().ok_or(NotApproved::Never)?;
        let then = last
            .report
            .as_deref()
            .ok_or(NotApproved::NotKept(last.stage))?;
        let mut before = self.clone();
        before.report = then.clone();
        Ok((last, before))
    }

    /// Cells still holding a value the import could not read reliably (not edited since).
    pub fn uncertain_cells(&self) -> std::collections::BTreeSet<usize> {
        self.marked_cells(Provenance::Uncertain)
    }

    /// Cells whose value is not sure yet: those the import could not read reliably, and those
    /// read from a scan by OCR and not confirmed since.
    pub fn unconfirmed_cells(&self) -> std::collections::BTreeSet<usize> {
        let mut cells = self.uncertain_cells();
        cells.extend(self.marked_cells(Provenance::Ocr));
        cells
    }

    /// A cell read from a scan, confirmed by the reviewer as it stands (as read, or as
    /// corrected in the review): exact from now on. False when the cell was not read by OCR
    /// or was edited since (an edit is the reviewer's own value already).
    pub fn confirm_cell(&mut self, i: usize) -> bool {
        let value = self.report.cell(i).clone();
        match self.read_as.get_mut(&i) {
            Some(entry) if entry.0 == Provenance::Ocr && entry.1 == value => {
                *entry = (Provenance::Confirmed, value);
                true
            }
            _ => false,
        }
    }

    /// A cell read from a scan, corrected by the reviewer against the page: `value` is
    /// the cell's, confirmed.
    pub fn correct_cell(&mut self, i: usize, value: crate::model::CellValue) {
        self.report.set_cell(i, value.clone());
        self.read_as.insert(i, (Provenance::Confirmed, value));
    }

    /// How many cells were read from a scan by OCR, and how many of them are still
    /// unconfirmed (as read, neither confirmed nor edited).
    pub fn scan_counts(&self) -> (usize, usize) {
        let read = self
            .read_as
            .values()
            .filter(|(how, _)| matches!(how, Provenance::Ocr | Provenance::Confirmed))
            .count();
        (read, self.marked_cells(Provenance::Ocr).len())
    }

    /// Whether anything read from a scan is still to check: a cell or a text.
    pub fn has_unchecked_scan(&self) -> bool {
        self.scan_counts().1 > 0 || !self.unconfirmed_texts().is_empty()
    }

    /// Texts read from a scan by OCR and not checked since: neither edited nor confirmed.
    pub fn unconfirmed_texts(&self) -> Vec<TextId> {
        self.ocr_texts
            .iter()
            .filter(|(id, read)| self.report.text(**id) == Some(read.as_str()))
            .map(|(id, _)| *id)
            .collect()
    }

    /// A text read from a scan, checked by the reviewer against the page as it stands: no
    /// longer marked. False when it was not marked.
    pub fn confirm_text(&mut self, id: TextId) -> bool {
        self.ocr_texts.remove(&id).is_some()
    }

    /// Cells still holding the value the import marked as `how` (not edited since).
    pub fn marked_cells(&self, how: Provenance) -> std::collections::BTreeSet<usize> {
        self.read_as
            .iter()
            .filter(|(i, (p, v))| *p == how && self.report.cell(**i) == v)
            .map(|(i, _)| *i)
            .collect()
    }
}
