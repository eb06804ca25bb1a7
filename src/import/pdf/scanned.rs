//! A scanned PDF (page images, no text layer) read by OCR: each page drawn, its ruled lines
//! and its lines of text found and read; the characters become glyphs and the lines rules in
//! page space, so the lattice and text readers read a scan exactly as they read a PDF's
//! text layer.

use hayro::hayro_syntax::{LoadPdfError, Pdf};

use super::collect::{Glyph, Rule, advance};
use super::lattice;
use super::text::{Block, TextLine, lines_of};
use super::{MAX_TEXT_SIZE, PageRows, in_page_order};
use crate::import::doc::ImportError;
use crate::ocr::{TextBox, pages};

/// Ruled lines shorter than this many pixels (at [`pages::DPI`]: 7.6 mm) are not read as
/// a table's rules.
const MIN_RULE_PIXELS: u32 = 60;

/// The blocks of every page of a scan, read by OCR.
pub(super) fn read_blocks(bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    let models = crate::ocr::models().map_err(|e| ImportError::Ocr(e.to_string()))?;
    let pdf = match Pdf::new(bytes.to_vec()) {
        Ok(p) => p,
        Err(LoadPdfError::Decryption(_)) => return Err(ImportError::PdfEncrypted),
        Err(LoadPdfError::Invalid) => {
            return Err(ImportError::BadPdf("文件已损坏或不完整".into()));
        }
    };
    let mut lines: Vec<TextLine> = Vec::new();
    let mut rows: PageRows = Vec::new();
    let watch = crate::progress::current();
    let pages = pdf.pages().len();
    for n in 0..pages {
        if let Some(watch) = &watch {
            if watch.stopped() {
                return Err(ImportError::Cancelled);
            }
            watch.at_page(n, pages);
        }
        let Some(page) = pages::render_page(&pdf, n, pages::DPI) else {
            continue;
        };
        let scale = page.points_per_pixel;
        let found = crate::ocr::ruled_lines(&page.image, MIN_RULE_PIXELS);
        let boxes = crate::ocr::read_page(models, &page.image, &found).map_err(|e| match e {
            crate::ocr::OcrError::Cancelled => ImportError::Cancelled,
            e => ImportError::Ocr(e.to_string()),
        })?;
        let rules: Vec<Rule> = found
            .into_iter()
            .map(|r| Rule {
                horizontal: r.horizontal,
                at: f64::from(r.at) * scale,
                from: f64::from(r.from) * scale,
                to: f64::from(r.to) * scale,
            })
            .collect();
        let mut glyphs: Vec<Glyph> = boxes.iter().flat_map(|b| glyphs_of(b, scale)).collect();
        glyphs.retain(|g| g.size <= MAX_TEXT_SIZE);
        for table in lattice::tables(&rules, &mut glyphs) {
            rows.extend(table.rows().into_iter().map(|(y, cells)| (n, y, cells)));
        }
        lines.extend(lines_of(n, glyphs));
    }
    if let Some(watch) = &watch {
        watch.at_page(pages, pages);
    }
    Ok(in_page_order(lines, rows))
}

/// The characters of a line read, as a text layer would place them: each at the centre the
/// recognizer saw it, on the line's baseline, about as large as the line is tall.
fn glyphs_of(found: &TextBox, scale: f64) -> Vec<Glyph> {
    let (left, top, _, bottom) = found.rect;
    let size = f64::from(bottom - top) * scale * 0.8;
    let baseline = f64::from(top + bottom) / 2.0 * scale + 0.35 * size;
    let mut glyphs: Vec<Glyph> = Vec::new();
    // A space read is no character: the gaps between the glyphs say where words part.
    for c in found
        .read
        .chars
        .iter()
        .filter(|c| !c.text.trim().is_empty())
    {
        let width = advance(&c.text, size);
        let mut x = (f64::from(left) + f64::from(c.x)) * scale - width / 2.0;
        // The recognizer's places are a few pixels off: a gap smaller than a character is
        // no gap (no space inside 2.其他), a wider one is kept (numbers apart on a line).
        if let Some(last) = glyphs.last() {
            let end = last.x + last.advance();
            if x - end < size {
                x = end;
            }
        }
        glyphs.push(Glyph {
            x,
            y: baseline,
            size,
            text: c.text.clone(),
        });
    }
    glyphs
}
