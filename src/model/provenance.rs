//! How an imported cell was read (model vocabulary: drafts keep it per cell, the importer sets it).

/// How an imported cell's value was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Provenance {
    /// Read as printed, in a position that left no doubt.
    Exact,
    /// Read as printed from its own cell of a table drawn as a ruled grid (a PDF's lattice):
    /// exact, and said so.
    Grid,
    /// The digits ran together; the split was chosen by the table's arithmetic.
    Derived,
    /// Could not be read reliably (several splits fit, or none): left for the reviewer.
    Uncertain,
    /// Read from a scan by text recognition (OCR): unconfirmed until the reviewer confirms
    /// or corrects it.
    Ocr,
    /// Read from a scan by OCR and confirmed (or corrected) by the reviewer against the
    /// page: exact, and the trail kept.
    Confirmed,
}

impl Provenance {
    /// `exact`, `derived` or `uncertain` (drafts, JSON).
    pub fn key(self) -> &'static str {
        match self {
            Provenance::Exact => "exact",
            Provenance::Grid => "grid",
            Provenance::Derived => "derived",
            Provenance::Uncertain => "uncertain",
            Provenance::Ocr => "ocr",
            Provenance::Confirmed => "confirmed",
        }
    }
    /// Parses [`Provenance::key`].
    pub fn from_key(key: &str) -> Option<Provenance> {
        [
            Provenance::Exact,
            Provenance::Grid,
            Provenance::Derived,
            Provenance::Uncertain,
            Provenance::Ocr,
            Provenance::Confirmed,
        ]
        .into_iter()
        .find(|p| p.key() == key)
    }
    /// How the cell was read, in a word or two (JSON, lists).
    pub fn label(self) -> &'static str {
        match self {
            Provenance::Exact => "按原文",
            Provenance::Grid => "表格单元格",
            Provenance::Derived => "按勾稽关系拆分",
            Provenance::Uncertain => "无法可靠读取",
            Provenance::Ocr => "文字识别未核对",
            Provenance::Confirmed => "文字识别已核对",
        }
    }
    /// How the cell was read, for a tooltip (Chinese).
    pub fn describe(self) -> &'static str {
        match self {
            Provenance::Exact => "按原文读取",
            Provenance::Grid => "表格单元格：按原文表格中的单元格读取",
            Provenance::Derived => "原文数字连在一起，已按表格的勾稽关系拆分（请核对）",
            Provenance::Uncertain => "原文无法可靠读取，请对照原文填写",
            Provenance::Ocr => "由扫描件文字识别（OCR）读取，尚未核对：请对照原件确认或改正",
            Provenance::Confirmed => "由扫描件文字识别（OCR）读取，已对照原件核对",
        }
    }
}
