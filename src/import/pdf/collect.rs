//! What a page draws, as the importer needs it: the characters with their positions (each
//! counted once, however often it was drawn) and the ruling lines of its tables (stroked
//! segments and thin filled rectangles), all in page space with y growing downwards.

use hayro_interpret::font::GlyphRun;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::kurbo::{Affine, BezPath, PathEl, Point};
use hayro_interpret::{
    BlendMode, ClipPath, Device, DrawMode, DrawProps, Image, ImageDrawProps, SoftMask,
};

/// A filled rectangle at most this thick (points) is a drawn line (WPS and Word draw table
/// borders so); thicker, a shaded area.
const MAX_RULE_THICKNESS: f64 = 3.0;
/// A segment shorter than this (points) is a dot or a tick, not a border.
const MIN_RULE_LENGTH: f64 = 2.0;
/// More glyphs or segments on one page than any report page has: the rest are not kept
/// (a hostile file cannot make the importer hold millions).
const MAX_ITEMS_PER_PAGE: usize = 200_000;

/// One character drawn on a page (y grows downwards, in points).
#[derive(Clone, Debug)]
pub(super) struct Glyph {
    pub(super) text: String,
    /// The left end of the baseline.
    pub(super) x: f64,
    /// The baseline.
    pub(super) y: f64,
    /// The font size in page space.
    pub(super) size: f64,
}

impl Glyph {
    /// Advance of the character (see [`advance`]).
    pub(super) fn advance(&self) -> f64 {
        advance(&self.text, self.size)
    }
    /// The middle of the character's box: the point that decides which cell it is in.
    pub(super) fn centre(&self) -> Point {
        Point::new(self.x + self.advance() / 2.0, self.y - 0.35 * self.size)
    }
}

/// Advance of a text, estimated: full width for CJK and full-width forms, half else.
pub(super) fn advance(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if (c as u32) < 0x2E80 { 0.55 } else { 1.0 })
        .sum::<f64>()
        * size
}

/// An axis-parallel line drawn on a page: horizontal at y = `at` from `from` to `to` (x),
/// or vertical at x = `at` from `from` to `to` (y).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Rule {
    pub(super) horizontal: bool,
    pub(super) at: f64,
    pub(super) from: f64,
    pub(super) to: f64,
}

impl Rule {
    fn between(a: Point, b: Point) -> Option<Rule> {
        let (dx, dy) = ((b.x - a.x).abs(), (b.y - a.y).abs());
        let rule = if dy <= 0.5 && dx >= MIN_RULE_LENGTH {
            Rule {
                horizontal: true,
                at: (a.y + b.y) / 2.0,
                from: a.x.min(b.x),
                to: a.x.max(b.x),
            }
        } else if dx <= 0.5 && dy >= MIN_RULE_LENGTH {
            Rule {
                horizontal: false,
                at: (a.x + b.x) / 2.0,
                from: a.y.min(b.y),
                to: a.y.max(b.y),
            }
        } else {
            return None;
        };
        [rule.at, rule.from, rule.to]
            .iter()
            .all(|v| v.is_finite())
            .then_some(rule)
    }
}

/// Collects a page's glyphs and rules.
pub(super) struct Collector {
    /// From the interpreter's user space to the page (y down, points).
    pub(super) page_transform: Affine,
    /// The page's width and height: what lies off the page is not content.
    pub(super) page_size: (f64, f64),
    pub(super) glyphs: Vec<Glyph>,
    pub(super) rules: Vec<Rule>,
    /// Characters drawn that have no Unicode value (their text is unknown).
    pub(super) unmapped: usize,
}

impl Collector {
    pub(super) fn new(page_transform: Affine, page_size: (f64, f64)) -> Collector {
        Collector {
            page_transform,
            page_size,
            glyphs: Vec::new(),
            rules: Vec::new(),
            unmapped: 0,
        }
    }

    fn on_page(&self, p: Point, margin: f64) -> bool {
        let (w, h) = self.page_size;
        p.x.is_finite()
            && p.y.is_finite()
            && p.x >= -margin
            && p.y >= -margin
            && p.x <= w + margin
            && p.y <= h + margin
    }

    fn add_rule(&mut self, rule: Rule) {
        if self.rules.len() < MAX_ITEMS_PER_PAGE {
            self.rules.push(rule);
        }
    }

    /// The subpaths of a path in page space, as lists of points (curves by their end
    /// points) and whether each was closed.
    fn subpaths(&self, path: &BezPath, transform: Affine) -> Vec<(Vec<Point>, bool)> {
        let mut out: Vec<(Vec<Point>, bool)> = Vec::new();
        for el in path.elements() {
            match *el {
                PathEl::MoveTo(p) => out.push((vec![transform * p], false)),
                PathEl::LineTo(p) | PathEl::QuadTo(_, p) | PathEl::CurveTo(_, _, p) => {
                    match out.last_mut() {
                        Some((points, _)) => points.push(transform * p),
                        None => out.push((vec![transform * p], false)),
                    }
                }
                PathEl::ClosePath => {
                    if let Some((points, closed)) = out.last_mut() {
                        *closed = true;
                        if let Some(&first) = points.first() {
                            points.push(first);
                        }
                    }
                }
            }
        }
        out
    }

    fn stroked(&mut self, path: &BezPath, transform: Affine) {
        // A path of curves (a seal, a logo) holds no table borders.
        if path
            .elements()
            .iter()
            .any(|e| matches!(e, PathEl::QuadTo(..) | PathEl::CurveTo(..)))
        {
            return;
        }
        for (points, _) in self.subpaths(path, transform) {
            for pair in points.windows(2) {
                if let Some(rule) = Rule::between(pair[0], pair[1]) {
                    self.add_rule(rule);
                }
            }
        }
    }

    fn filled(&mut self, path: &BezPath, transform: Affine) {
        // A filled shape of curves (a seal, a logo) holds no table borders.
        if path
            .elements()
            .iter()
            .any(|e| matches!(e, PathEl::QuadTo(..) | PathEl::CurveTo(..)))
        {
            return;
        }
        for (points, _) in self.subpaths(path, transform) {
            // A thin shape, whatever its corners (a rectangle, or the mitred trapezoid a
            // browser draws for each side of a border).
            let Some((x0, y0, x1, y1)) = bounds(&points) else {
                continue;
            };
            let (w, h) = (x1 - x0, y1 - y0);
            // A thin filled rectangle is a line through its middle.
            let rule = if h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH && w > h {
                Rule {
                    horizontal: true,
                    at: (y0 + y1) / 2.0,
                    from: x0,
                    to: x1,
                }
            } else if w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH && h > w {
                Rule {
                    horizontal: false,
                    at: (x0 + x1) / 2.0,
                    from: y0,
                    to: y1,
                }
            } else {
                continue;
            };
            self.add_rule(rule);
        }
    }
}

/// The bounds of a subpath of at least three points (an area, not a line).
fn bounds(points: &[Point]) -> Option<(f64, f64, f64, f64)> {
    if points.len() < 3 {
        return None;
    }
    let xs = points.iter().map(|p| p.x);
    let ys = points.iter().map(|p| p.y);
    let (x0, x1) = (
        xs.clone().fold(f64::INFINITY, f64::min),
        xs.fold(f64::NEG_INFINITY, f64::max),
    );
    let (y0, y1) = (
        ys.clone().fold(f64::INFINITY, f64::min),
        ys.fold(f64::NEG_INFINITY, f64::max),
    );
    [x0, x1, y0, y1]
        .iter()
        .all(|v| v.is_finite())
        .then_some((x0, y0, x1, y1))
}

impl Device<'_> for Collector {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'_>, mode: &DrawMode) {
        let transform = self.page_transform * props.transform;
        match mode {
            DrawMode::Stroke(_) => self.stroked(path, transform),
            DrawMode::Fill(_) => self.filled(path, transform),
            DrawMode::FillAndStroke(..) => {
                self.filled(path, transform);
                self.stroked(path, transform);
            }
            DrawMode::Invisible => {}
        }
    }
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'_>>, _: BlendMode) {}
    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, '_>, props: DrawProps<'_>, _: &DrawMode) {
        // Every mode gives text: fill, stroke, both (bold drawn twice, counted once below)
        // and invisible (the text layer of a scanned page).
        for glyph in run.glyphs() {
            if self.glyphs.len() >= MAX_ITEMS_PER_PAGE {
                return;
            }
            let Some(text) = glyph.as_unicode().map(|u| match u {
                BfString::Char(c) => c.to_string(),
                BfString::String(s) => s,
            }) else {
                self.unmapped += 1;
                continue;
            };
            let t = self.page_transform * props.transform * glyph.transform();
            let [a, b, c, d, _, _] = t.as_coeffs();
            // Glyph space is 1/1000 em.
            let size = (a * d - b * c).abs().sqrt() * 1000.0;
            // Rotated text (a diagonal watermark) is not content.
            if b.abs() > 0.01 * a.abs() || c.abs() > 0.01 * d.abs() {
                continue;
            }
            let p = t * Point::ZERO;
            if !size.is_finite() || size <= 0.0 || !self.on_page(p, size) {
                continue;
            }
            self.glyphs.push(Glyph {
                text,
                x: p.x,
                y: p.y,
                size,
            });
        }
    }
    fn draw_image(&mut self, _: Image<'_, '_>, _: ImageDrawProps<'_>) {}
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}

/// Counts each character once: a glyph drawn again at (almost) the same place — bold as
/// fill and stroke (text render mode 2), a shadow, a fake bold by a small offset — is the
/// same character. Two equal characters side by side are an em apart and both kept.
pub(super) fn drawn_once(mut glyphs: Vec<Glyph>) -> Vec<Glyph> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut out: Vec<Glyph> = Vec::with_capacity(glyphs.len());
    'next: for g in glyphs {
        let near = 0.2 * g.size;
        // `out` is sorted by y: look back only over the glyphs within reach.
        for kept in out.iter().rev() {
            if g.y - kept.y > near {
                break;
            }
            if kept.text == g.text
                && (kept.x - g.x).abs() <= near
                && (kept.size - g.size).abs() <= 0.2 * g.size
            {
                continue 'next;
            }
        }
        out.push(g);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x: f64, y: f64) -> Glyph {
        Glyph {
            text: text.into(),
            x,
            y,
            size: 12.0,
        }
    }

    #[test]
    fn a_character_drawn_twice_in_place_counts_once() {
        let glyphs = vec![
            glyph("信", 10.0, 100.0),
            glyph("信", 10.0, 100.0),
            glyph("息", 22.0, 100.0),
            glyph("息", 22.4, 100.3),
            // The same character an em further on is a second character.
            glyph("息", 34.0, 100.0),
        ];
        let once: String = drawn_once(glyphs).iter().map(|g| g.text.as_str()).collect();
        assert_eq!(once, "信息息");
    }

    #[test]
    fn thin_rectangles_are_rules() {
        let mut c = Collector::new(Affine::IDENTITY, (600.0, 800.0));
        let mut path = BezPath::new();
        path.move_to((10.0, 10.0));
        path.line_to((200.0, 10.0));
        path.line_to((200.0, 10.5));
        path.line_to((10.0, 10.5));
        path.close_path();
        // A shaded cell is not a rule.
        path.move_to((10.0, 20.0));
        path.line_to((200.0, 20.0));
        path.line_to((200.0, 40.0));
        path.line_to((10.0, 40.0));
        path.close_path();
        c.filled(&path, Affine::IDENTITY);
        assert_eq!(c.rules.len(), 1);
        assert!(c.rules[0].horizontal);
        assert!((c.rules[0].at - 10.25).abs() < 1e-9);
        let mut line = BezPath::new();
        line.move_to((50.0, 10.0));
        line.line_to((50.0, 300.0));
        c.stroked(&line, Affine::IDENTITY);
        assert_eq!(c.rules.len(), 2);
        assert!(!c.rules[1].horizontal);
    }
}
