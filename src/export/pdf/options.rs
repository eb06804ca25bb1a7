//! What a PDF export is given and what it gives back.

use crate::model::Date;

use super::fonts::FontSet;

/// What the export needs besides the report.
#[derive(Clone, Debug)]
pub struct PdfOptions {
    /// Creation date written into the PDF's metadata.
    pub date: Date,
    /// Mark every page with a light diagonal 草稿 (the report still has errors).
    pub draft_watermark: bool,
    pub fonts: FontSet,
}

impl PdfOptions {
    /// Bundled fonts, no watermark.
    pub fn new(date: Date) -> PdfOptions {
        PdfOptions {
            date,
            draft_watermark: false,
            fonts: FontSet::bundled(),
        }
    }
}

/// A finished PDF.
#[derive(Clone, Debug)]
pub struct PdfOutput {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Which font each role used (Chinese, one line per role).
    pub fonts_used: Vec<String>,
    /// Characters no font could draw (printed as □).
    pub missing_glyphs: Vec<char>,
}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("无法读取字体“{family}”，请检查字体文件是否完整")]
    UnreadableFont { family: String },
}

/// A document that is not a report but is set like one (the 退回意见 of a review): a title,
/// sections of a heading and paragraphs, the signature and the date.
#[derive(Clone, Debug, Default)]
pub struct Letter {
    pub title: String,
    /// Where the title may break (the organ's name), and the PDF's author.
    pub organ: String,
    pub sections: Vec<(String, Vec<String>)>,
    pub signature: String,
    pub date: String,
}
