//! Offline text recognition (文字识别) of scanned pages, for the PDF importer: PaddleOCR's
//! PP-OCRv6 models (Apache-2.0; the model package `scripts/ocr_models.sh` makes, never
//! downloaded by the program) run by rten, pure Rust. A page image becomes what a PDF's
//! text layer gives: characters with their place, and the table's ruled lines, so the same
//! lattice and text readers read a scan as they read a PDF.

mod detect;
mod image;
mod models;
pub mod pages;
mod recognize;
mod rules;

pub use image::Gray;
pub use models::{MODELS_ENV, Models, OcrError, look_first_in, models};
pub use recognize::{Alphabet, Recognized, RecognizedChar};
pub use rules::{Rule, ruled_lines};

/// A line of text found on a page and read: its box in the image's pixels, and what it says.
#[derive(Clone, Debug)]
pub struct TextBox {
    /// Left, top, right, bottom, in pixels.
    pub rect: (u32, u32, u32, u32),
    pub read: Recognized,
}

/// Every line of text on a page image, found and read, top to bottom. A line found across a
/// ruled line of a table is cut there (text never crosses a table's rule: two cells' numbers
/// side by side are two readings); a reading that looks like a number is read again with
/// digits only (a `0` read as `。` or `O` is a `0` in a table).
pub fn read_page(models: &Models, page: &Gray, rules: &[Rule]) -> Result<Vec<TextBox>, OcrError> {
    let mut boxes = Vec::new();
    let watch = crate::progress::current();
    for found in detect::text_boxes(models, page)? {
        if watch.as_ref().is_some_and(|w| w.stopped()) {
            return Err(OcrError::Cancelled);
        }
        for rect in cut_at_rules(found, rules) {
            if is_vertical(rect) {
                boxes.extend(read_vertical(models, page, rect)?);
                continue;
            }
            let crop = page.crop(rect);
            let mut read = models.recognize(&crop, Alphabet::All)?;
            if looks_numeric(&read.text) {
                let digits = models.recognize(&crop, Alphabet::Digits)?;
                if !digits.text.is_empty() {
                    read = digits;
                }
            }
            // A lone character read unsure is what a seal or a speck left, not print.
            let speck = read.chars.len() == 1 && read.confidence < 0.6;
            if !read.text.trim().is_empty() && !speck {
                boxes.push(TextBox { rect, read });
            }
        }
    }
    boxes.sort_by_key(|b| (b.rect.1, b.rect.0));
    Ok(boxes)
}

/// Whether a line found is a column of characters (a table's group label written one
/// character under the other): well over twice as tall as it is wide.
fn is_vertical((l, t, r, b): (u32, u32, u32, u32)) -> bool {
    let (w, h) = (r.saturating_sub(l), b.saturating_sub(t));
    w > 0 && h > w * 5 / 2
}

/// A column of characters read one character at a time, top to bottom: each a square as
/// wide as the column, moved down by the gaps between the characters' ink.
fn read_vertical(
    models: &Models,
    page: &Gray,
    (l, t, r, b): (u32, u32, u32, u32),
) -> Result<Vec<TextBox>, OcrError> {
    let column = page.crop((l, t, r, b));
    // The rows with ink, grouped into characters (a gap of a light row or more apart).
    let mut spans: Vec<(u32, u32)> = Vec::new();
    for y in 0..column.height {
        let inked = (0..column.width).any(|x| column.at(x, y) < 160);
        match (inked, spans.last_mut()) {
            (true, Some(last)) if last.1 + 2 >= y => last.1 = y + 1,
            (true, _) => spans.push((y, y + 1)),
            _ => {}
        }
    }
    let side = r - l;
    let mut out = Vec::new();
    // A character split by a light row (上, 二) is joined again until it is about square.
    let mut k = 0;
    while k < spans.len() {
        let (top, mut bottom) = spans[k];
        while k + 1 < spans.len() && spans[k + 1].1 - top <= side * 11 / 10 {
            k += 1;
            bottom = spans[k].1;
        }
        k += 1;
        let rect = (l, t + top.saturating_sub(2), r, (t + bottom + 2).min(b));
        let read = models.recognize(&page.crop(rect), Alphabet::All)?;
        if !read.text.trim().is_empty() {
            out.push(TextBox { rect, read });
        }
    }
    Ok(out)
}

/// Whether a reading is a number, perhaps with characters a digit is often read as, or with
/// one stray mark beside it (what is left of a seal over a cell is read as a character).
fn looks_numeric(text: &str) -> bool {
    let text: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let digit_like = |c: &char| c.is_ascii_digit() || ".,，。oO〇○lI|".contains(*c);
    let digits = text
        .iter()
        .filter(|c| c.is_ascii_digit() || "。oO〇○".contains(**c))
        .count();
    let stray = text.iter().filter(|c| !digit_like(c)).count();
    digits > 0 && text.len() <= 12 && (stray == 0 || (stray == 1 && text.len() <= 4))
}

/// `rect` cut where a ruled line crosses it (a vertical rule running through its height, a
/// horizontal one through its width); the pieces with room for a character.
fn cut_at_rules(rect: (u32, u32, u32, u32), rules: &[Rule]) -> Vec<(u32, u32, u32, u32)> {
    let mut pieces = vec![rect];
    for rule in rules {
        pieces = pieces
            .into_iter()
            .flat_map(|(l, t, r, b)| {
                let (lo, hi, along_from, along_to) = if rule.horizontal {
                    (t, b, l, r)
                } else {
                    (l, r, t, b)
                };
                let at = rule.at.round() as u32;
                let span = (along_to - along_from) as f32;
                let crosses = at > lo + 2
                    && at + 2 < hi
                    && rule.from <= along_from as f32 + span * 0.3
                    && rule.to >= along_to as f32 - span * 0.3;
                if !crosses {
                    return vec![(l, t, r, b)];
                }
                let (first, second) = if rule.horizontal {
                    ((l, t, r, at - 1), (l, at + 2, r, b))
                } else {
                    ((l, t, at - 1, b), (at + 2, t, r, b))
                };
                [first, second]
                    .into_iter()
                    .filter(|&(l, t, r, b)| r > l + 3 && b > t + 3)
                    .collect()
            })
            .collect();
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_found_across_a_rule_is_cut_there() {
        let down = Rule {
            horizontal: false,
            at: 50.0,
            from: 0.0,
            to: 100.0,
        };
        assert_eq!(
            cut_at_rules((30, 10, 80, 30), &[down]),
            vec![(30, 10, 49, 30), (52, 10, 80, 30)]
        );
        // A rule that only touches the line's end, or runs past it elsewhere, does not cut.
        assert_eq!(
            cut_at_rules((51, 10, 80, 30), &[down]),
            vec![(51, 10, 80, 30)]
        );
        let short = Rule {
            from: 0.0,
            to: 12.0,
            ..down
        };
        assert_eq!(
            cut_at_rules((30, 10, 80, 30), &[short]),
            vec![(30, 10, 80, 30)]
        );
    }

    #[test]
    fn numbers_and_their_look_alikes_are_numeric() {
        assert!(looks_numeric("120"));
        assert!(looks_numeric("。"));
        assert!(looks_numeric("1O"));
        assert!(looks_numeric("福0"), "a seal's remnant beside a number");
        assert!(!looks_numeric("一、总体情况"));
        assert!(!looks_numeric("1.属于国家秘密"));
        assert!(!looks_numeric("l"));
        assert!(!looks_numeric(""));
    }
}
