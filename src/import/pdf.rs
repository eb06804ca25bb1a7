//! PDF front-end: the text of a PDF with its positions (hayro, pure Rust), rebuilt into
//! lines of text laid out like the page (columns kept as character offsets, cells apart by
//! tabs), so the usual reading and the label-anchored table reading apply. Page numbers,
//! running headers and footers and the 草稿 watermark are dropped; paragraphs broken over
//! lines and pages are joined; tables that continue on the next page simply continue.

use std::panic::{AssertUnwindSafe, catch_unwind};

use hayro_interpret::font::GlyphRun;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro_interpret::kurbo::{Affine, BezPath, Point, Rect};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps,
    InterpreterCache, InterpreterSettings, SoftMask, interpret_page,
};

use super::ImportError;

/// More pages than any annual report has: refused before any page is read.
pub const MAX_PAGES: usize = 300;
/// At most this many bytes once all streams are inflated (a report's content, fonts
/// included, is far smaller); more is a compression bomb, refused before parsing.
pub const MAX_INFLATED: u64 = 128 << 20;
/// The widest a laid-out line is padded to, in character columns.
const MAX_COLUMN: f64 = 400.0;
/// Text larger than this (points) is a watermark or a decoration, not content.
const MAX_TEXT_SIZE: f64 = 60.0;

/// One character drawn on a page (y grows downwards, in points).
#[derive(Clone, Debug)]
struct Glyph {
    text: String,
    x: f64,
    y: f64,
    size: f64,
}

#[derive(Default)]
struct Collector {
    page_transform: Affine,
    /// The page's width and height: glyphs off the page are not content.
    page_size: (f64, f64),
    glyphs: Vec<Glyph>,
}

impl Device<'_> for Collector {
    fn draw_path(&mut self, _: &BezPath, _: DrawProps<'_>, _: &DrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'_>>, _: BlendMode) {}
    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, '_>, props: DrawProps<'_>, _: &DrawMode) {
        for glyph in run.glyphs() {
            let Some(text) = glyph.as_unicode().map(|u| match u {
                BfString::Char(c) => c.to_string(),
                BfString::String(s) => s,
            }) else {
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
            if !(size.is_finite() && p.x.is_finite() && p.y.is_finite()) || size <= 0.0 {
                continue;
            }
            let (w, h) = self.page_size;
            if p.x < -size || p.y < -size || p.x > w + size || p.y > h + size {
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

/// A line of glyphs on one baseline, split into chunks at wide gaps.
#[derive(Clone, Debug)]
struct TextLine {
    page: usize,
    size: f64,
    /// (x start, x end, text)
    chunks: Vec<(f64, f64, String)>,
}

impl TextLine {
    fn text(&self) -> String {
        self.chunks.iter().map(|c| c.2.as_str()).collect()
    }
    fn start(&self) -> f64 {
        self.chunks.first().map_or(0.0, |c| c.0)
    }
    fn end(&self) -> f64 {
        self.chunks.last().map_or(0.0, |c| c.1)
    }
}

/// Advance of a character, estimated: full width for CJK and full-width forms, half else.
fn advance(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if (c as u32) < 0x2E80 { 0.55 } else { 1.0 })
        .sum::<f64>()
        * size
}

fn lines_of(page: usize, mut glyphs: Vec<Glyph>) -> Vec<TextLine> {
    glyphs.retain(|g| g.size <= MAX_TEXT_SIZE && !g.text.trim().is_empty());
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if (row[0].y - g.y).abs() <= 0.3 * row[0].size.min(g.size) => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    rows.into_iter()
        .map(|mut row| {
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            let size = row.iter().map(|g| g.size).fold(0.0, f64::max);
            let mut chunks: Vec<(f64, f64, String)> = Vec::new();
            for g in &row {
                let end = g.x + advance(&g.text, g.size);
                match chunks.last_mut() {
                    // Neighbours closer than a quarter em are one piece of text; up to an em
                    // and a half apart, words of one piece (a space between); farther, cells.
                    Some(last) if g.x - last.1 <= 1.5 * g.size.max(1.0) => {
                        if g.x - last.1 > 0.25 * g.size.max(1.0) {
                            last.2.push(' ');
                        }
                        last.1 = last.1.max(end);
                        last.2.push_str(&g.text);
                    }
                    _ => chunks.push((g.x, end, g.text.clone())),
                }
            }
            TextLine { page, size, chunks }
        })
        .collect()
}

/// Reads a PDF's text as lines laid out like the page.
pub fn pdf_to_text(bytes: &[u8]) -> Result<String, ImportError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(ImportError::NotPdf);
    }
    check_inflated_size(bytes)?;
    let lines = catch_unwind(AssertUnwindSafe(|| read_lines(bytes)))
        .map_err(|_| ImportError::BadPdf("PDF 内容无法解析".into()))??;
    if lines.iter().all(|l| l.text().trim().is_empty()) {
        return Err(ImportError::PdfNoText);
    }
    Ok(layout(&lines))
}

/// Inflates every zlib stream of the file into nothing, counting: refuses a file whose
/// streams would inflate beyond [`MAX_INFLATED`]. Streams that are not zlib are skipped.
fn check_inflated_size(bytes: &[u8]) -> Result<(), ImportError> {
    use std::io::Read;
    let mut total: u64 = 0;
    let mut at = 0;
    while let Some(p) = find(&bytes[at..], b"stream") {
        let mut start = at + p + b"stream".len();
        at = start;
        // `endstream` also contains `stream`: only a keyword followed by a line break opens.
        match bytes.get(start..start + 2) {
            Some([b'\r', b'\n']) => start += 2,
            Some([b'\n', _]) | Some([b'\r', _]) => start += 1,
            _ => continue,
        }
        let end = find(&bytes[start..], b"endstream").map_or(bytes.len(), |e| start + e);
        let budget = MAX_INFLATED - total;
        let mut decoder = flate2::read::ZlibDecoder::new(&bytes[start..end]).take(budget + 1);
        let n = std::io::copy(&mut decoder, &mut std::io::sink()).unwrap_or(0);
        total += n;
        if total > MAX_INFLATED {
            return Err(ImportError::BadPdf(format!(
                "解压后的内容超过{} MB，不像是一份年度报告（可能是恶意构造的文件），未读取",
                MAX_INFLATED >> 20
            )));
        }
        at = end;
    }
    Ok(())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn read_lines(bytes: &[u8]) -> Result<Vec<TextLine>, ImportError> {
    let pdf = match Pdf::new(bytes.to_vec()) {
        Ok(p) => p,
        Err(LoadPdfError::Decryption(_)) => return Err(ImportError::PdfEncrypted),
        Err(LoadPdfError::Invalid) => {
            return Err(ImportError::BadPdf("文件已损坏或不完整".into()));
        }
    };
    let pages = pdf.pages();
    if pages.len() > MAX_PAGES {
        return Err(ImportError::BadPdf(format!(
            "共{}页，超过{MAX_PAGES}页，不像是一份年度报告",
            pages.len()
        )));
    }
    if pages.is_empty() {
        return Err(ImportError::BadPdf("文件中没有页面".into()));
    }
    let cache = InterpreterCache::new();
    let mut lines = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let mut ctx = Context::new(
            Affine::IDENTITY,
            Rect::new(0.0, 0.0, 1.0, 1.0),
            &cache,
            pdf.xref(),
            InterpreterSettings::default(),
        );
        let (w, h) = page.render_dimensions();
        let mut collector = Collector {
            page_transform: Affine::new(page.initial_transform(true).as_coeffs()),
            page_size: (f64::from(w), f64::from(h)),
            glyphs: Vec::new(),
        };
        interpret_page(page, &mut ctx, &mut collector);
        lines.extend(lines_of(n, collector.glyphs));
    }
    drop_running_lines(&mut lines);
    Ok(lines)
}

/// Drops page numbers and lines repeated at the top or bottom of most pages.
fn drop_running_lines(lines: &mut Vec<TextLine>) {
    let pages = lines.iter().map(|l| l.page).max().map_or(0, |p| p + 1);
    let edge_texts = |pick_last: bool| -> Vec<String> {
        (0..pages)
            .filter_map(|p| {
                let mut on_page = lines.iter().filter(|l| l.page == p);
                let line = if pick_last {
                    on_page.next_back()
                } else {
                    on_page.next()
                };
                line.map(|l| normalize_running(&l.text()))
            })
            .collect()
    };
    let mut running: Vec<String> = Vec::new();
    if pages >= 3 {
        for texts in [edge_texts(false), edge_texts(true)] {
            for t in &texts {
                let n = texts.iter().filter(|u| *u == t).count();
                if n * 2 > pages && !running.contains(t) {
                    running.push(t.clone());
                }
            }
        }
    }
    lines.retain(|l| {
        let t = l.text();
        !super::is_page_furniture(&t) && !running.contains(&normalize_running(&t))
    });
}

/// A running line without its page number, to compare across pages.
fn normalize_running(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_digit())
        .collect()
}

/// Lays the lines out as text: paragraphs joined, chunks placed at their character column
/// and separated by a tab.
fn layout(lines: &[TextLine]) -> String {
    let body = median(lines.iter().map(|l| l.size)).unwrap_or(12.0);
    let left = lines
        .iter()
        .map(TextLine::start)
        .fold(f64::INFINITY, f64::min);
    let right = lines.iter().map(TextLine::end).fold(0.0, f64::max);
    let unit = body * 0.5;
    let mut out = String::new();
    let mut prev: Option<&TextLine> = None;
    for line in lines {
        let single = line.chunks.len() == 1;
        // A paragraph continues: the line before ran to the right edge, this one starts at
        // the left margin, both plain text of the same size.
        let continues = prev.is_some_and(|p| {
            p.chunks.len() == 1
                && single
                && (p.size - line.size).abs() < 0.5
                && p.end() >= right - 1.5 * p.size
                && (line.start() - left).abs() < 0.5 * line.size
        });
        if continues {
            if out.ends_with('\n') {
                out.pop();
            }
            out.push_str(&line.text());
            out.push('\n');
            prev = Some(line);
            continue;
        }
        let mut s = String::new();
        let mut col = 0usize;
        for (k, (x, _, text)) in line.chunks.iter().enumerate() {
            // A page is some hundred columns wide; text placed far off it (a hostile or broken
            // transform) is not padded out to where it claims to be.
            let want = ((x - left) / unit).round().clamp(0.0, MAX_COLUMN) as usize;
            if k > 0 {
                s.push('\t');
                col += 1;
            }
            while col < want {
                s.push(' ');
                col += 1;
            }
            s.push_str(text);
            col += text.chars().count();
        }
        out.push_str(&s);
        out.push('\n');
        prev = Some(line);
    }
    out
}

fn median(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut v: Vec<f64> = values.filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    Some(v[v.len() / 2])
}
