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
pub use models::{MODELS_ENV, Models, OcrError, models};
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
    for found in detect::text_boxes(models, page)? {
        for rect in cut_at_rules(found, rules) {
            let crop = page.crop(rect);
            let mut read = models.recognize(&crop, Alphabet::All)?;
            if looks_numeric(&read.text) {
                let digits = models.recognize(&crop, Alphabet::Digits)?;
                if !digits.text.is_empty() {
                    read = digits;
                }
            }
            if !read.text.trim().is_empty() {
                boxes.push(TextBox { rect, read });
            }
        }
    }
    boxes.sort_by_key(|b| (b.rect.1, b.rect.0));
    Ok(boxes)
}

/// Whether a reading is a number, perhaps with characters a digit is often read as.
fn looks_numeric(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || ".,，。oO〇○lI|".contains(c))
        && text
            .chars()
            .any(|c| c.is_ascii_digit() || "。oO〇○".contains(c))
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
        assert!(!looks_numeric("一、总体情况"));
        assert!(!looks_numeric("l"));
        assert!(!looks_numeric(""));
    }
}
