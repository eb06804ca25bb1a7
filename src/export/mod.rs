//! Exporters: each returns the bytes (or text) of the output; the caller writes them.

pub mod docx;
pub mod html;
pub mod json;
pub(crate) mod markup;
pub mod page;
pub mod pdf;
pub mod pieces;
pub mod return_notes;
pub mod text;

use crate::model::{Date, Report};

/// A document exported from the report as it stands (the PDF and the 退回意见 have their
/// own options and gates).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Json,
    Word,
    /// A fragment to paste into a website's content editor.
    WebFragment,
    WebPage,
}

/// The bytes of `report` exported as `kind`, dated `date` where the format carries a date.
pub fn to_bytes(report: &Report, kind: Kind, date: Date) -> Vec<u8> {
    match kind {
        Kind::Text => text::export_text(report).into_bytes(),
        Kind::Json => json::export_json(report).into_bytes(),
        Kind::Word => docx::export_docx(report, &docx::DocxOptions::new(date)),
        Kind::WebFragment => html::export_html_fragment(report).into_bytes(),
        Kind::WebPage => html::export_html_page(report).into_bytes(),
    }
}
