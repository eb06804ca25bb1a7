//! A scanned PDF (page images, no text layer) read by OCR: each page drawn, its ruled lines
//! and its lines of text found and read; the characters become glyphs and the lines rules in
//! page space, so the lattice and text readers read a scan exactly as they read a PDF's
//! text layer.

use hayro::hayro_syntax::{LoadPdfError, Pdf};

use super::collect::{Glyph, Rule, advance};
use super::lattice;
use super::text::{Block, TextLine, lines_of};
use super::{MAX_TEXT_SIZE, PageRows, in_page_order};
use crate::import::doc::{CellImage, ImportError, ScannedCell};
use crate::ocr::{TextBox, pages};

/// Ruled lines shorter than this many pixels (at [`pages::DPI`]: 7.6 mm) are not read as
/// a table's rules.
const MIN_RULE_PIXELS: u32 = 60;

/// A table row's cells as seen on the scan (see [`ScannedCell`]), in the order the rows are
/// among the blocks.
pub(super) type ScannedRows = Vec<Vec<ScannedCell>>;

/// The blocks of every page of a scan, read by OCR, and each table row's cells as seen.
pub(super) fn read_blocks(bytes: &[u8]) -> Result<(Vec<Block>, ScannedRows), ImportError> {
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
    let mut seen: ScannedRows = Vec::new();
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
        // Lines taller than any text of a report (a seal's ring of characters, a heading
        // stamped large) are no text to read.
        let mut glyphs: Vec<Glyph> = boxes
            .iter()
            .filter(|b| f64::from(b.rect.3 - b.rect.1) * scale * 0.8 <= MAX_TEXT_SIZE)
            .flat_map(|b| glyphs_of(b, scale))
            .collect();
        for table in lattice::tables(&rules, &mut glyphs) {
            for (y, cells) in table.rows_of_cells() {
                seen.push(
                    cells
                        .iter()
                        .map(|c| scanned_cell(&page.image, c.rect, scale, &boxes))
                        .collect(),
                );
                rows.push((n, y, cells.iter().map(|c| c.text.clone()).collect()));
            }
        }
        lines.extend(lines_of(n, glyphs));
    }
    if let Some(watch) = &watch {
        watch.at_page(pages, pages);
    }
    // The rows keep their order among the blocks (each page's rows are pushed top to
    // bottom, and the order is a stable sort by page and height).
    Ok((in_page_order(lines, rows), seen))
}

/// A cell of a table as seen on the page: its image (inside its rules), how sure the
/// readings inside it were, and for a number read alone, the numbers it could be.
fn scanned_cell(
    page: &crate::ocr::Gray,
    (left, top, right, bottom): (f64, f64, f64, f64),
    scale: f64,
    boxes: &[TextBox],
) -> ScannedCell {
    let px = |v: f64| (v / scale).round().max(0.0) as u32;
    let (l, t, r, b) = (px(left) + 3, px(top) + 3, px(right), px(bottom));
    let rect = (l, t, r.saturating_sub(3).max(l), b.saturating_sub(3).max(t));
    let crop = page.crop(rect);
    let inside: Vec<&TextBox> = boxes
        .iter()
        .filter(|found| {
            let (x, y) = (
                (found.rect.0 + found.rect.2) / 2,
                (found.rect.1 + found.rect.3) / 2,
            );
            x >= rect.0 && x < rect.2 && y >= rect.1 && y < rect.3
        })
        .collect();
    let confidence = inside
        .iter()
        .map(|found| found.read.confidence)
        .fold(1.0f32, f32::min);
    let readings = match inside.as_slice() {
        [one] => readings_of(&one.read),
        _ => Vec::new(),
    };
    ScannedCell {
        image: CellImage {
            width: crop.width,
            height: crop.height,
            pixels: crop.pixels,
        },
        confidence,
        readings,
    }
}

/// What a number read could also be: the reading, then the reading with one digit taken
/// as the recognizer's next likeliest digit at that place, likeliest first. Empty for text.
fn readings_of(read: &crate::ocr::Recognized) -> Vec<String> {
    let digits: Vec<&str> = read
        .chars
        .iter()
        .map(|c| c.text.as_str())
        .filter(|t| !t.trim().is_empty())
        .collect();
    if digits.is_empty() || !digits.iter().all(|t| t.chars().all(|c| c.is_ascii_digit())) {
        return Vec::new();
    }
    let mut others: Vec<(f32, String)> = Vec::new();
    let read_chars = read.chars.iter().filter(|c| !c.text.trim().is_empty());
    for (k, c) in read_chars.enumerate() {
        for (alternative, p) in &c.alternatives {
            if alternative.len() == 1 && alternative.chars().all(|a| a.is_ascii_digit()) {
                let mut other: Vec<&str> = digits.clone();
                other[k] = alternative;
                others.push((*p, other.concat()));
            }
        }
    }
    others.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut readings = vec![digits.concat()];
    for (_, other) in others {
        if !readings.contains(&other) {
            readings.push(other);
        }
    }
    readings
}

/// The characters of a line read, as a text layer would place them: each at the centre the
/// recognizer saw it, on the line's baseline, as large as the line's characters are wide
/// (its width over the characters' advances), never more than 0.8 of the line's height
/// (a box found is taller than its characters).
fn glyphs_of(found: &TextBox, scale: f64) -> Vec<Glyph> {
    let (left, top, right, bottom) = found.rect;
    // A space read is no character: the gaps between the glyphs say where words part.
    let chars: Vec<_> = found
        .read
        .chars
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .collect();
    let height = f64::from(bottom - top) * scale;
    let ems: f64 = chars.iter().map(|c| advance(&c.text, 1.0)).sum();
    let width = f64::from(right - left) * scale;
    let size = if ems > 0.0 {
        (width / ems).clamp(0.5 * height, 0.8 * height)
    } else {
        0.8 * height
    };
    let baseline = f64::from(top + bottom) / 2.0 * scale + 0.35 * size;
    let mut glyphs: Vec<Glyph> = Vec::new();
    // Where the previous character was seen and how wide it is.
    let mut previous: Option<(f64, f64)> = None;
    for c in chars {
        let advance = advance(&c.text, size);
        let seen = (f64::from(left) + f64::from(c.x)) * scale - advance / 2.0;
        let mut x = seen;
        // The recognizer's places are a few pixels off: characters seen less than half a
        // character apart are set side by side (no space inside 2.其他); a wider gap is
        // kept (numbers apart on a line).
        if let (Some((seen_before, width_before)), Some(last)) = (previous, glyphs.last())
            && seen - (seen_before + width_before) < 0.5 * size
        {
            x = last.x + last.advance();
        }
        previous = Some((seen, advance));
        glyphs.push(Glyph {
            x,
            y: baseline,
            size,
            text: c.text.clone(),
        });
    }
    glyphs
}
