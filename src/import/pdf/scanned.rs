//! A scanned PDF (page images, no text layer) read by OCR: each page drawn, its ruled lines
//! and its lines of text found and read; the characters become glyphs and the lines rules in
//! page space, so the lattice and text readers read a scan exactly as they read a PDF's
//! text layer.

use hayro::hayro_syntax::{LoadPdfError, Pdf};

use super::collect::{Glyph, Rule, advance};
use super::lattice;
use super::text::{Block, TextLine, lines_of};

use super::{MAX_TEXT_SIZE, PageRows, in_page_order};
use crate::import::doc::{CellImage, ImportError, ScannedCell, ScannedPage, SeenLine};
use crate::ocr::{TextBox, pages};

/// Ruled lines shorter than this many pixels (at [`pages::DPI`]: 7.6 mm) are not read as
/// a table's rules.
const MIN_RULE_PIXELS: u32 = 60;

/// A table row's cells as seen on the scan (see [`ScannedCell`]), in the order the rows are
/// among the blocks.
pub(super) type ScannedRows = Vec<Vec<ScannedCell>>;

/// The blocks of every page of a scan, read by OCR, each table row's cells as seen, and the
/// pages as seen.
pub(super) fn read_blocks(
    bytes: &[u8],
) -> Result<(Vec<Block>, ScannedRows, Vec<ScannedPage>), ImportError> {
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
    let mut seen_pages: Vec<ScannedPage> = Vec::new();
    // The text's left and right margins as the first page with text has them.
    let mut margins: Option<(f64, f64)> = None;
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
        let mut by_line: Vec<Vec<Glyph>> = boxes
            .iter()
            .filter(|b| f64::from(b.rect.3 - b.rect.1) * scale * 0.8 <= MAX_TEXT_SIZE)
            .map(|b| glyphs_of(b, scale))
            .collect();
        even_sizes(&mut by_line);
        let mut glyphs: Vec<Glyph> = by_line.into_iter().flatten().collect();
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
        align_margins(&mut glyphs, &mut margins);
        lines.extend(lines_of(n, glyphs));
        seen_pages.push(page_seen(&page.image, &boxes));
    }
    if let Some(watch) = &watch {
        watch.at_page(pages, pages);
    }
    // The rows keep their order among the blocks (each page's rows are pushed top to
    // bottom, and the order is a stable sort by page and height).
    Ok((in_page_order(lines, rows), seen, seen_pages))
}

/// A page as the reviewer sees it: its image at half the resolution it was read at (a page
/// at 200 dpi is 4 MB, at 100 dpi 1 MB, still legible), and the lines read on it.
fn page_seen(page: &crate::ocr::Gray, boxes: &[TextBox]) -> ScannedPage {
    let (width, height) = (page.width / 2, page.height / 2);
    let mut pixels = Vec::with_capacity(width as usize * height as usize);
    for y in 0..height {
        for x in 0..width {
            let sum: u32 = [(0, 0), (1, 0), (0, 1), (1, 1)]
                .iter()
                .map(|(dx, dy)| u32::from(page.at(2 * x + dx, 2 * y + dy)))
                .sum();
            pixels.push((sum / 4) as u8);
        }
    }
    ScannedPage {
        image: CellImage {
            width,
            height,
            pixels,
        },
        lines: boxes
            .iter()
            .filter(|b| !b.read.text.trim().is_empty())
            .map(|b| SeenLine {
                text: b.read.text.clone(),
                top: b.rect.1 / 2,
                left: b.rect.0 / 2,
                right: b.rect.2 / 2,
            })
            .collect(),
    }
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

/// The characters of a line read, as a text layer would place them: on the line's
/// baseline, one after the other at the line's pitch (measured between the centres the
/// recognizer saw its first and last characters at: the box found is wider than its text),
/// so characters of one word abut and no space comes between them; where the centres jump
/// by far more than the pitch (numbers apart on a line), a new run starts at the centre
/// seen. The size is the pitch (characters set apart, as a justified line is, abut), never
/// more than the line's height nor less than half.
fn glyphs_of(found: &TextBox, scale: f64) -> Vec<Glyph> {
    let (left, top, _, bottom) = found.rect;
    // A space read is no character: the gaps between the glyphs say where words part.
    let chars: Vec<_> = found
        .read
        .chars
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .collect();
    let height = f64::from(bottom - top) * scale;
    let centre = |k: usize| (f64::from(left) + f64::from(chars[k].x)) * scale;
    let ems: Vec<f64> = chars.iter().map(|c| advance(&c.text, 1.0)).collect();
    // Each character's centre in ems from the first one's, as set solid.
    let mut at_em = Vec::with_capacity(chars.len());
    let mut sum = 0.0;
    for em in &ems {
        at_em.push(sum + em / 2.0 - ems[0] / 2.0);
        sum += em;
    }
    let last = chars.len().saturating_sub(1);
    let pitch = if last > 0 && at_em[last] > 0.0 && centre(last) > centre(0) {
        (centre(last) - centre(0)) / at_em[last]
    } else {
        0.8 * height
    };
    let size = pitch.clamp(0.5 * height, height);
    let baseline = f64::from(top + bottom) / 2.0 * scale + 0.35 * size;
    let mut glyphs: Vec<Glyph> = Vec::new();
    // Where the run being set started: its first centre, in page space and in ems.
    let mut run: Option<(f64, f64)> = None;
    for (k, c) in chars.iter().enumerate() {
        let seen = centre(k);
        let placed = run.map(|(x0, e0)| x0 + (at_em[k] - e0) * pitch);
        let centre_x = match placed {
            // Far from where the pitch puts it: a gap in the line, a new run.
            Some(x) if (seen - x).abs() <= 1.2 * size => x,
            _ => {
                run = Some((seen, at_em[k]));
                seen
            }
        };
        glyphs.push(Glyph {
            x: centre_x - advance(&c.text, size) / 2.0,
            y: baseline,
            size,
            text: c.text.clone(),
        });
    }
    glyphs
}

/// The page's text set to the margins (`margins`, the first page's; set from this page when
/// none yet): a scan places each page a little differently, and a reading places each line's
/// ends a little off. A line that starts about at the page's left margin starts at it; one
/// that ends about at the right margin is drawn out to it (a full line of a paragraph, so
/// the next line continues the paragraph); any other line moves with its page.
fn align_margins(glyphs: &mut [Glyph], margins: &mut Option<(f64, f64)>) {
    // Grouped as the text reader groups them.
    let lines = super::text::rows_of(glyphs);
    let ends = |line: &[usize]| {
        let start = line
            .iter()
            .map(|&k| glyphs[k].x)
            .fold(f64::INFINITY, f64::min);
        let end = line
            .iter()
            .map(|&k| glyphs[k].x + glyphs[k].advance())
            .fold(f64::NEG_INFINITY, f64::max);
        (start, end)
    };
    let spans: Vec<(f64, f64)> = lines.iter().map(|l| ends(l)).collect();
    let mut sizes: Vec<f64> = glyphs.iter().map(|g| g.size).collect();
    sizes.sort_by(f64::total_cmp);
    let Some(&size) = sizes.get(sizes.len() / 2) else {
        return;
    };
    // A margin is where at least three lines start (end) within a little of each other:
    // the leftmost such start, the rightmost such end.
    let shared = |values: Vec<f64>, leftmost: bool| {
        let mut v = values;
        v.sort_by(f64::total_cmp);
        if !leftmost {
            v.reverse();
        }
        v.iter().copied().find(|&x| {
            v.iter()
                .filter(|&&y| (y - x).abs() <= 0.6 * size && if leftmost { y >= x } else { y <= x })
                .count()
                >= 3
        })
    };
    let (Some(left), Some(right)) = (
        shared(spans.iter().map(|s| s.0).collect(), true),
        shared(spans.iter().map(|s| s.1).collect(), false),
    ) else {
        return;
    };
    let (to_left, to_right) = *margins.get_or_insert((left, right));
    let moved = to_left - left;
    for (line, &(start, end)) in lines.iter().zip(&spans) {
        let new_start = if (start - left).abs() <= 0.6 * size {
            to_left
        } else {
            start + moved
        };
        let full = (end - right).abs() <= 1.5 * size;
        // The last character's start is moved so that its end is at the margin.
        let last = line
            .iter()
            .map(|&k| &glyphs[k])
            .max_by(|a, b| a.x.total_cmp(&b.x));
        let stretch = match last {
            Some(last) if full && last.x > start => {
                (to_right - last.advance() - new_start) / (last.x - start)
            }
            _ => 1.0,
        };
        let stretch = if (0.9..=1.1).contains(&stretch) {
            stretch
        } else {
            1.0
        };
        for &k in line {
            glyphs[k].x = new_start + (glyphs[k].x - start) * stretch;
        }
    }
}

/// One size for the text of a page: a line's size within a sixth of the page's usual size
/// (the median of lines of four characters or more) is that size, so the lines of a
/// paragraph read as one paragraph; headings and small print keep theirs. A mark two or
/// three characters long at over twice that size is dropped.
fn even_sizes(lines: &mut [Vec<Glyph>]) {
    let mut sizes: Vec<f64> = lines
        .iter()
        .filter(|l| l.len() >= 4)
        .map(|l| l[0].size)
        .collect();
    if sizes.is_empty() {
        return;
    }
    sizes.sort_by(f64::total_cmp);
    let usual = sizes[sizes.len() / 2];
    // Two or three characters at over twice the size of the text are what a seal or a mark
    // left, no line of the report.
    for line in lines.iter_mut() {
        if line.len() <= 3 && line.first().is_some_and(|g| g.size > 2.0 * usual) {
            line.clear();
        }
    }
    for line in lines {
        for g in line.iter_mut() {
            if (g.size - usual).abs() <= usual / 6.0 {
                let centre = g.x + g.advance() / 2.0;
                g.y += 0.35 * (usual - g.size);
                g.size = usual;
                g.x = centre - g.advance() / 2.0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocr::{Recognized, RecognizedChar};

    /// A line found at (0, 0)–(200, 24) px with these characters seen at these centres.
    fn line(chars: &[(&str, f32)]) -> TextBox {
        TextBox {
            rect: (0, 0, 200, 24),
            read: Recognized {
                text: chars.iter().map(|c| c.0).collect(),
                confidence: 0.99,
                chars: chars
                    .iter()
                    .map(|&(text, x)| RecognizedChar {
                        text: text.into(),
                        confidence: 0.99,
                        x,
                        alternatives: Vec::new(),
                    })
                    .collect(),
            },
        }
    }

    #[test]
    fn a_lines_characters_abut_at_its_pitch_and_a_far_one_starts_a_new_run() {
        // Seen 20 px apart, a little off: set solid at the pitch, 20 px a character.
        let glyphs = glyphs_of(&line(&[("公", 10.0), ("开", 31.0), ("条", 50.0)]), 1.0);
        assert_eq!(glyphs.len(), 3);
        assert!((glyphs[0].size - 20.0).abs() < 1e-9, "{}", glyphs[0].size);
        for pair in glyphs.windows(2) {
            assert!((pair[1].x - (pair[0].x + pair[0].advance())).abs() < 1e-9);
        }
        // A character seen far past where the pitch puts it keeps its place.
        let glyphs = glyphs_of(
            &line(&[("公", 10.0), ("开", 30.0), ("条", 50.0), ("8", 150.0)]),
            1.0,
        );
        assert!((glyphs[3].x + glyphs[3].advance() / 2.0 - 150.0).abs() < 1e-9);
    }

    fn glyph(text: &str, x: f64, y: f64, size: f64) -> Glyph {
        Glyph {
            text: text.into(),
            x,
            y,
            size,
        }
    }

    /// Lines of `n` characters of 10 pt starting at `x`, one under the other.
    fn page(starts: &[(f64, usize)]) -> Vec<Glyph> {
        let mut out = Vec::new();
        for (row, &(x, n)) in starts.iter().enumerate() {
            for k in 0..n {
                out.push(glyph("字", x + 10.0 * k as f64, 20.0 * row as f64, 10.0));
            }
        }
        out
    }

    #[test]
    fn pages_are_set_to_the_first_pages_margins_and_full_lines_drawn_out() {
        let mut margins = None;
        // The first page: lines from 50 to 250, one indented, one short.
        let mut first = page(&[(70.0, 18), (50.0, 20), (50.0, 20), (50.0, 7)]);
        align_margins(&mut first, &mut margins);
        assert_eq!(margins, Some((50.0, 250.0)));
        // The next page lies 3 pt further right, and one line reads a little short.
        let mut next = page(&[(53.0, 20), (55.0, 19), (53.0, 20), (53.0, 20), (73.0, 9)]);
        align_margins(&mut next, &mut margins);
        let starts: Vec<f64> = [0, 20, 39, 59, 79].iter().map(|&k| next[k].x).collect();
        assert_eq!(starts, vec![50.0, 50.0, 50.0, 50.0, 70.0]);
        // The short-read line ends at the right margin, like the full lines around it.
        let end = next[38].x + next[38].advance();
        assert!((end - 250.0).abs() < 1e-9, "{end}");
    }

    #[test]
    fn a_seals_large_mark_is_dropped_and_near_sizes_made_one() {
        let text = |size: f64| {
            (0..6)
                .map(|k| glyph("字", 10.0 * k as f64, 0.0, size))
                .collect()
        };
        let mut lines: Vec<Vec<Glyph>> = vec![
            text(10.0),
            text(10.0),
            text(10.5),
            text(16.0),
            vec![glyph("S", 0.0, 0.0, 45.0), glyph("N", 30.0, 0.0, 45.0)],
        ];
        even_sizes(&mut lines);
        let usual = lines[2][0].size;
        assert!(lines[..3].iter().flatten().all(|g| g.size == usual));
        assert!(
            lines[3].iter().all(|g| g.size == 16.0),
            "a heading keeps its size"
        );
        assert!(lines[4].is_empty());
    }
}
