//! The two documents set as PDF: a report, and a letter set like one.

use std::collections::BTreeSet;

use super::compose::Composer;
use super::file::render;
use super::fonts::Role;
use super::options::{Letter, PdfError, PdfOptions, PdfOutput};
use super::table;
use crate::export::page::BODY_LINE;
use crate::export::pieces::{Level, Piece, pieces};
use crate::layout::grid;
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

/// The report, piece by piece as every exporter prints it ([`pieces`]): what is printed
/// and in which order is decided there.
fn compose_report(c: &mut Composer<'_>, report: &Report) {
    let pieces = pieces(report);
    let mut layouts = table::Layouts::default();
    for (k, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Title(title) => c.title_text(title, report.meta.organ.trim()),
            Piece::Heading(Level::Section, h) => {
                let keep = keep_after(&mut layouts, c, report, &pieces[k + 1..]);
                c.heading(Role::Heading, h, keep);
            }
            Piece::Heading(Level::Area, h) => c.heading(Role::Subheading, h, BODY_LINE),
            Piece::Paragraph(p) => c.paragraph(Role::Body, p, true),
            Piece::Table(t) => table::draw(&mut layouts, c, report, grid(*t)),
            Piece::Note(note) => c.paragraph(Role::Body, note, false),
            Piece::Closing { signature, date } => c.closing_lines(signature.trim(), date),
        }
    }
}

/// The characters the report's pages show: its pieces' text and every label and value of
/// its tables (the faces are cut down to them).
fn report_characters(report: &Report) -> String {
    let mut out = String::new();
    for piece in pieces(report) {
        match piece {
            Piece::Title(t) | Piece::Note(t) => out.push_str(&t),
            Piece::Heading(_, h) => out.push_str(h),
            Piece::Paragraph(p) => out.push_str(p),
            Piece::Table(t) => table::text(report, grid(t), &mut out),
            Piece::Closing { signature, date } => {
                out.push_str(signature);
                out.push_str(&date);
            }
        }
    }
    out
}

/// How much of what follows a section heading must stay on its page: two lines of its
/// text, or the first rows of its table when the section has no text before it.
fn keep_after(
    layouts: &mut table::Layouts,
    c: &mut Composer<'_>,
    report: &Report,
    rest: &[Piece<'_>],
) -> f32 {
    let text = rest
        .iter()
        .take_while(|p| matches!(p, Piece::Paragraph(_)))
        .count();
    if rest[..text]
        .iter()
        .any(|p| matches!(p, Piece::Paragraph(t) if !t.trim().is_empty()))
    {
        return 2.0 * BODY_LINE;
    }
    match rest.get(text) {
        Some(Piece::Table(t)) => table::head_height(layouts, c, report, grid(*t)),
        _ => BODY_LINE,
    }
}
