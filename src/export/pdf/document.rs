//! The two documents set as PDF: a report, and a letter set like one.

use std::collections::BTreeSet;

use super::compose::{compose_report, report_characters};
use super::file::render;
use super::fonts::Role;
use super::options::{Letter, PdfError, PdfOptions, PdfOutput};
use crate::export::page::BODY_LINE;
use crate::model::Report;

/// Exports the report as a PDF.
pub fn export_pdf(report: &Report, options: &PdfOptions) -> Result<PdfOutput, PdfError> {
    let chars = characters(&report_characters(report));
    render(&report.title(), &report.meta.organ, options, &chars, |c| {
        compose_report(c, report);
    })
}

/// A [`Letter`] as PDF, in the report's typography.
pub fn export_pdf_letter(letter: &Letter, options: &PdfOptions) -> Result<PdfOutput, PdfError> {
    let mut chars = characters(&letter.title);
    for (heading, paragraphs) in &letter.sections {
        chars.extend(heading.chars());
        chars.extend(paragraphs.iter().flat_map(|p| p.chars()));
    }
    chars.extend(letter.signature.chars().chain(letter.date.chars()));
    render(&letter.title, &letter.organ, options, &chars, |c| {
        c.title_text(&letter.title, letter.organ.trim());
        for (heading, paragraphs) in &letter.sections {
            if !heading.is_empty() {
                c.heading(Role::Heading, heading, 2.0 * BODY_LINE);
            }
            for p in paragraphs {
                c.paragraph(Role::Body, p, true);
            }
        }
        c.closing_lines(letter.signature.trim(), &letter.date);
    })
}

/// The characters of `text` and those every PDF may print besides: page numbers, the
/// watermark, the mark of a missing glyph.
fn characters(text: &str) -> BTreeSet<char> {
    text.chars()
        .chain("— 0123456789草稿□年月日".chars())
        .collect()
}
