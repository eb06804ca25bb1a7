//! A table's ruled lines found in a page image: long thin runs of ink, across or down. Text
//! makes no run that long (its strokes are broken by the gaps between characters).

use super::image::Gray;

/// A ruled line in the image's pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    pub horizontal: bool,
    /// Its row (horizontal) or column (vertical), at the middle of its thickness.
    pub at: f32,
    pub from: f32,
    pub to: f32,
}

/// Darker than this is ink: anything not paper once the page is whitened (paper and its
/// noise are white then; a faint, blurred rule of a 150 dpi scan is just below it).
const INK: u8 = 250;
/// A run may be broken by this many light pixels (a worn scan) and stay one.
const GAP: usize = 3;
/// Thicker than this share of the page's side is a filled area, not a rule.
const MAX_THICKNESS: f32 = 0.006;

/// The ruled lines of `page`: runs at least `min_length` pixels long (and a 30th of the
/// page's side), adjacent rows (or columns) of one line merged.
pub fn ruled_lines(page: &Gray, min_length: u32) -> Vec<Rule> {
    let (w, h) = (page.width as usize, page.height as usize);
    let ink = |x: usize, y: usize| page.pixels[y * w + x] < INK;
    let mut rules = lines(h, w, |y, x| ink(x, y), (min_length as usize).max(w / 30), h);
    for r in &mut rules {
        r.horizontal = true;
    }
    let mut down = lines(w, h, ink, (min_length as usize).max(h / 30), w);
    for r in &mut down {
        r.horizontal = false;
    }
    rules.extend(down);
    rules
}

/// The lines along one direction: for each of `count` rows of `length` pixels, the runs of
/// ink at least `min` long; runs on adjacent rows that overlap are one line.
fn lines(
    count: usize,
    length: usize,
    ink: impl Fn(usize, usize) -> bool,
    min: usize,
    side: usize,
) -> Vec<Rule> {
    // Open lines: (first row, last row, from, to).
    let mut open: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut done: Vec<(usize, usize, usize, usize)> = Vec::new();
    for row in 0..count {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut start: Option<usize> = None;
        let mut last_ink = 0;
        for i in 0..length {
            if ink(row, i) {
                if start.is_none() {
                    start = Some(i);
                }
                last_ink = i;
            } else if let Some(s) = start
                && i - last_ink > GAP
            {
                if last_ink + 1 - s >= min {
                    runs.push((s, last_ink + 1));
                }
                start = None;
            }
        }
        if let Some(s) = start
            && last_ink + 1 - s >= min
        {
            runs.push((s, last_ink + 1));
        }
        let mut still_open = Vec::new();
        for line in open.drain(..) {
            let continued = runs.iter().position(|&(a, b)| a < line.3 && b > line.2);
            match continued {
                Some(k) => {
                    let (a, b) = runs.remove(k);
                    still_open.push((line.0, row, line.2.min(a), line.3.max(b)));
                }
                None => done.push(line),
            }
        }
        still_open.extend(runs.into_iter().map(|(a, b)| (row, row, a, b)));
        open = still_open;
    }
    done.extend(open);
    let max_thickness = ((side as f32 * MAX_THICKNESS).ceil() as usize).max(3);
    done.into_iter()
        .filter(|&(first, last, _, _)| last + 1 - first <= max_thickness)
        .map(|(first, last, from, to)| Rule {
            horizontal: true,
            at: (first + last) as f32 / 2.0 + 0.5,
            from: from as f32,
            to: to as f32,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grid_is_found_and_text_is_not() {
        let mut page = Gray::white(300, 200);
        let mut ink = |x: usize, y: usize| page.pixels[y * 300 + x] = 0;
        // Two rows of a table: three horizontal rules two pixels thick, three vertical.
        for y in [20, 60, 100] {
            for x in 10..290 {
                ink(x, y);
                ink(x, y + 1);
            }
        }
        for x in [10, 150, 289] {
            for y in 20..102 {
                ink(x, y);
            }
        }
        // "Text": short strokes with gaps.
        for k in 0..20 {
            for x in 0..8 {
                ink(20 + k * 12 + x, 150);
            }
        }
        let rules = ruled_lines(&page, 40);
        let across: Vec<f32> = rules
            .iter()
            .filter(|r| r.horizontal)
            .map(|r| r.at)
            .collect();
        let down: Vec<f32> = rules
            .iter()
            .filter(|r| !r.horizontal)
            .map(|r| r.at)
            .collect();
        assert_eq!(across, vec![21.0, 61.0, 101.0]);
        assert_eq!(down, vec![10.5, 150.5, 289.5]);
        assert!(rules.iter().all(|r| r.to - r.from >= 80.0));
    }
}
