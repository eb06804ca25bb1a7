//! The PDF file: pages laid out by the composer written with their fonts and metadata,
//! made reproducible (the same input gives the same bytes).

use std::collections::BTreeSet;

use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions};

use super::compose::Composer;
use super::faces::load_faces;
use super::options::{PdfError, PdfOptions, PdfOutput};
use super::text::Shaper;
use crate::model::Date;

/// Lays out pages with `compose` and writes the PDF file. `chars` holds every character
/// the pages may show (the faces are cut down to them).
pub(super) fn render(
    title: &str,
    author: &str,
    options: &PdfOptions,
    chars: &BTreeSet<char>,
    compose: impl FnOnce(&mut Composer<'_>),
) -> Result<PdfOutput, PdfError> {
    let mut doc = PdfDocument::new(title);
    let (faces, chains) = load_faces(&mut doc, &options.fonts, chars)?;
    let mut shaper = Shaper::new(faces, chains);
    let mut c = Composer::new(&mut shaper);
    compose(&mut c);
    let pages = c.finish(options.draft_watermark);
    let page_count = pages.len();

    let info = &mut doc.metadata.info;
    info.document_title = title.to_string();
    info.author = author.to_string();
    info.creator = "nianbao".to_string();
    info.producer = "nianbao".to_string();
    let when = pdf_date(options.date);
    info.creation_date = when;
    info.modification_date = when;
    info.metadata_date = when;
    let pdf_pages = pages
        .into_iter()
        .map(|ops| PdfPage::new(Mm(210.0), Mm(297.0), ops))
        .collect();
    doc.with_pages(pdf_pages);
    let save = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut warnings = Vec::new();
    let mut bytes = doc.save(&save, &mut warnings);
    state_no_false_conformance(&mut bytes);
    stabilize_file_id(&mut bytes);
    Ok(PdfOutput {
        bytes,
        pages: page_count,
        fonts_used: options.fonts.describe(),
        missing_glyphs: shaper.missing.clone(),
    })
}

/// printpdf always writes an Info key `/GTS_PDFXVersion` (empty here), which preflight
/// tools read as a PDF/X claim (ISO 15930) this file does not meet: blanked out. The
/// catalog's `/PageMode/UseNone` (the default) becomes the document language
/// `/Lang(zh-CN)`. Both in place with the same length, so no offset moves.
fn state_no_false_conformance(bytes: &mut [u8]) {
    let mut replace_once = |from: &[u8], to: &[u8]| {
        debug_assert!(to.len() <= from.len());
        if let Some(at) = bytes.windows(from.len()).position(|w| w == from) {
            let slot = &mut bytes[at..at + from.len()];
            slot.fill(b' ');
            slot[..to.len()].copy_from_slice(to);
        }
    };
    replace_once(b"/GTS_PDFXVersion()", b"");
    replace_once(b"/PageMode/UseNone", b"/Lang(zh-CN)");
}

/// printpdf writes the trailer's /ID from a process-wide pseudo-random sequence; replace it
/// (same length, after the cross-reference table, so no offset moves) by a digest of the
/// file, so that equal reports give equal bytes.
fn stabilize_file_id(bytes: &mut [u8]) {
    let Some(at) = bytes.windows(5).rposition(|w| w == b"/ID[(") else {
        return;
    };
    // FNV-1a over everything before the trailer's /ID.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in &bytes[..at] {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let digits = format!(
        "{hash:016X}{:016X}",
        hash.rotate_left(29) ^ 0x9E37_79B9_7F4A_7C15
    );
    let mut pos = at + 5;
    for _ in 0..2 {
        let Some(len) = bytes[pos..].iter().position(|&b| b == b')') else {
            return;
        };
        for (k, b) in bytes[pos..pos + len].iter_mut().enumerate() {
            *b = digits.as_bytes()[k % digits.len()];
        }
        // Skip ")(" to the second string.
        pos += len + 2;
        if pos > bytes.len() {
            return;
        }
    }
}

fn pdf_date(d: Date) -> printpdf::OffsetDateTime {
    printpdf::OffsetDateTime::new_in_offset(
        printpdf::date::Date {
            year: i32::from(d.year),
            month: d.month,
            day: d.day,
        },
        printpdf::date::Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        printpdf::date::Offset {
            hours: 8,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    )
}
