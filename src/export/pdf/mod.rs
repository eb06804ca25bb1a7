//! PDF export after GB/T 9704-2012: A4, the official margins, 22 pt title, 16 pt body on a
//! 28 pt grid, 黑体 / 楷体 headings, tables drawn like the template (merged cells, vertical
//! group cells, header rows repeated on a new page, no row split), page numbers "— N —",
//! organ and date at the end. Line breaking and pagination are ours (printpdf never wraps).
//! Returns bytes; the caller gives the date, so the output is reproducible.

pub mod fonts;
mod table;
pub mod text;

use std::collections::{BTreeSet, HashMap};

use printpdf::{
    Color, FontId, Greyscale, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Pt, TextItem, TextMatrix,
};

use crate::layout::{BODY, Block, grid};
use crate::model::{Date, Report};
use crate::template::{SECTIONS, TEXTS, TableId, TextId};

pub use fonts::{FaceSource, FontSet, Role};
use text::{Glyph, LoadedFace, Shaper, break_lines, visible, width_em};

use super::page::{
    BODY_LINE, BODY_SIZE, MARGIN_LEFT, MARGIN_TOP, MM, PAGE_HEIGHT, PAGE_NUMBER_SIZE, PAGE_WIDTH,
    TEXT_HEIGHT, TEXT_WIDTH, TITLE_LINE, TITLE_SIZE,
};

/// Ascent of the CJK em box above the baseline, as a share of the size.
const ASCENT: f32 = 0.88;

/// What the export needs besides the report.
#[derive(Clone, Debug)]
pub struct PdfOptions {
    /// Creation date written into the PDF's metadata.
    pub date: Date,
    /// Mark every page with a light diagonal 草稿 (the report still has errors).
    pub draft_watermark: bool,
    pub fonts: FontSet,
}

impl PdfOptions {
    /// Bundled fonts, no watermark.
    pub fn new(date: Date) -> PdfOptions {
        PdfOptions {
            date,
            draft_watermark: false,
            fonts: FontSet::bundled(),
        }
    }
}

/// A finished PDF.
#[derive(Clone, Debug)]
pub struct PdfOutput {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Which font each role used (Chinese, one line per role).
    pub fonts_used: Vec<String>,
    /// Characters no font could draw (printed as □).
    pub missing_glyphs: Vec<char>,
}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("无法读取字体“{family}”，请检查字体文件是否完整")]
    UnreadableFont { family: String },
}

/// Exports the report as a PDF.
pub fn export_pdf(report: &Report, options: &PdfOptions) -> Result<PdfOutput, PdfError> {
    let mut chars = characters(&crate::export::text::export_text(report));
    chars.extend(super::pieces::legacy_note(report).chars());
    // Every label of the grids (a 2019-format report's text leaves the 2021 （六） rows out,
    // the PDF prints them).
    for t in [TableId::T2, TableId::T3, TableId::T4] {
        chars.extend(
            grid(t)
                .items
                .iter()
                .filter_map(|it| it.label())
                .flat_map(str::chars),
        );
    }
    render(&report.title(), &report.meta.organ, options, &chars, |c| {
        c.title(report);
        compose_body(c, report);
        c.closing(report);
    })
}

/// A document that is not a report but is set like one (the 退回意见 of a review): a title,
/// sections of a heading and paragraphs, the signature and the date.
#[derive(Clone, Debug, Default)]
pub struct Letter {
    pub title: String,
    /// Where the title may break (the organ's name), and the PDF's author.
    pub organ: String,
    pub sections: Vec<(String, Vec<String>)>,
    pub signature: String,
    pub date: String,
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

/// Lays out pages with `compose` and writes the PDF file. `chars` holds every character
/// the pages may show (the faces are cut down to them).
fn render(
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

/// Per role, the faces to try in order (indices into the loaded faces).
type Chains = HashMap<Role, Vec<usize>>;

/// Parses the role faces and the bundled fallbacks once each; a role's chain is its own
/// face, then the bundled 宋, 黑 and 楷 faces for characters it lacks.
fn load_faces(
    doc: &mut PdfDocument,
    set: &FontSet,
    chars: &BTreeSet<char>,
) -> Result<(Vec<LoadedFace>, Chains), PdfError> {
    let bundled = FontSet::bundled();
    let fallbacks = [&bundled.body, &bundled.heading, &bundled.subheading];
    let same = |a: &FaceSource, b: &FaceSource| {
        a.family == b.family && a.index == b.index && a.installed == b.installed
    };
    let mut sources: Vec<FaceSource> = Vec::new();
    let mut chains = HashMap::new();
    for role in Role::ALL {
        let mut chain = Vec::new();
        for src in std::iter::once(set.face(role)).chain(fallbacks) {
            let i = match sources.iter().position(|s| same(s, src)) {
                Some(i) => i,
                None => {
                    sources.push(src.clone());
                    sources.len() - 1
                }
            };
            if !chain.contains(&i) {
                chain.push(i);
            }
        }
        chains.insert(role, chain);
    }
    // A fallback face is used only for characters the faces before it lack: a chain whose
    // first face (say an installed 仿宋_GB2312) has every character needs no other.
    for chain in chains.values_mut() {
        let mut missing: Vec<char> = chars
            .iter()
            .copied()
            .filter(|c| !c.is_whitespace())
            .collect();
        let mut keep = 0;
        for &i in chain.iter() {
            if missing.is_empty() {
                break;
            }
            keep += 1;
            if let Ok(face) = ttf_parser::Face::parse(&sources[i].bytes, sources[i].index) {
                missing.retain(|c| face.glyph_index(*c).is_none());
            }
        }
        chain.truncate(keep.max(1));
    }
    let used: BTreeSet<usize> = chains.values().flatten().copied().collect();
    // The bundled faces still packed are unpacked side by side.
    std::thread::scope(|scope| {
        for &i in &used {
            if let fonts::FontBytes::Bundled(font) = sources[i].bytes {
                scope.spawn(move || font.bytes().len());
            }
        }
    });
    let mut faces = Vec::new();
    let mut remap = HashMap::new();
    for (i, src) in sources.iter().enumerate() {
        if !used.contains(&i) {
            continue;
        }
        remap.insert(i, faces.len());
        let mut warnings = Vec::new();
        let cut = fonts::subset_face(&src.bytes, src.index, chars);
        let font = match &cut {
            Some(small) => ParsedFont::from_bytes(small, 0, &mut warnings),
            None => ParsedFont::from_bytes(&src.bytes, src.index as usize, &mut warnings),
        }
        .ok_or(PdfError::UnreadableFont {
            family: src.family.clone(),
        })?;
        // Our own ids, not printpdf's process-wide random ones: the same report gives the
        // same bytes however many exports ran before.
        // Six capitals: printpdf derives the subset tag (ABCDEF+Name) from the id.
        let id = FontId(format!("NIANB{}", char::from(b'A' + faces.len() as u8)));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), printpdf::font::PdfFont::new(font.clone()));
        faces.push(LoadedFace::new(font, id));
    }
    for chain in chains.values_mut() {
        for i in chain.iter_mut() {
            *i = remap[i];
        }
    }
    Ok((faces, chains))
}

/// Lays out pages top to bottom. `y` is the distance from the top of the text block.
pub(crate) struct Composer<'s> {
    pub(crate) shaper: &'s mut Shaper,
    pages: Vec<Vec<Op>>,
    pub(crate) ops: Vec<Op>,
    pub(crate) y: f32,
    /// Table layouts already computed in this export.
    tables: HashMap<crate::template::TableId, std::rc::Rc<table::Laid>>,
}

impl<'s> Composer<'s> {
    fn new(shaper: &'s mut Shaper) -> Composer<'s> {
        Composer {
            shaper,
            pages: Vec::new(),
            ops: Vec::new(),
            y: 0.0,
            tables: HashMap::new(),
        }
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.ops));
        self.y = 0.0;
    }

    /// Starts a new page unless `height` fits below the cursor (or the page is empty).
    pub(crate) fn ensure(&mut self, height: f32) {
        if self.y > 0.0 && self.y + height > TEXT_HEIGHT + 0.01 {
            self.new_page();
        }
    }

    /// Room left on this page.
    pub(crate) fn room(&self) -> f32 {
        TEXT_HEIGHT - self.y
    }

    /// Draws glyphs with their left edge at `x` (from the left margin) and the baseline at
    /// `baseline` (from the top of the text block); `spacing` is added after every glyph.
    pub(crate) fn glyphs(
        &mut self,
        glyphs: &[Glyph],
        x: f32,
        baseline: f32,
        size: f32,
        spacing: f32,
    ) {
        let mut start = 0;
        let mut pen = MARGIN_LEFT + x;
        let y = PAGE_HEIGHT - MARGIN_TOP - baseline;
        while start < glyphs.len() {
            let face = glyphs[start].face;
            let end = glyphs[start..]
                .iter()
                .position(|g| g.face != face)
                .map_or(glyphs.len(), |p| start + p);
            let run: String = glyphs[start..end].iter().map(|g| g.ch).collect();
            let id = self.shaper.faces[face].id.clone();
            self.ops.extend([
                Op::StartTextSection,
                Op::SetFont {
                    font: PdfFontHandle::External(id),
                    size: Pt(size),
                },
                Op::SetCharacterSpacing {
                    multiplier: spacing,
                },
                Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(pen), Pt(y)),
                },
                Op::ShowText {
                    items: vec![TextItem::Text(run)],
                },
                Op::EndTextSection,
            ]);
            pen += glyphs[start..end]
                .iter()
                .map(|g| g.advance * size + spacing)
                .sum::<f32>();
            start = end;
        }
    }

    fn title(&mut self, report: &Report) {
        self.title_text(&report.title(), report.meta.organ.trim());
    }

    /// A centred title in 小标宋, split after `organ` when it does not fit one line.
    fn title_text(&mut self, title: &str, organ: &str) {
        let title = title.to_string();
        let width = TEXT_WIDTH / TITLE_SIZE;
        let whole = self.shaper.shape(Role::Title, &title);
        // One line if it fits; else split at the organ name (GB/T: 回行 at a word boundary).
        let parts: Vec<String> = if width_em(&whole) <= width {
            vec![title.clone()]
        } else if !organ.is_empty() && title.starts_with(organ) && title.len() > organ.len() {
            vec![organ.to_string(), title[organ.len()..].to_string()]
        } else {
            vec![title.clone()]
        };
        for part in parts {
            let glyphs = self.shaper.shape(Role::Title, &part);
            for range in break_lines(&glyphs, width, width) {
                let line = visible(&glyphs, range);
                let w = width_em(line) * TITLE_SIZE;
                self.ensure(TITLE_LINE);
                let baseline = self.y + (TITLE_LINE - TITLE_SIZE) / 2.0 + ASCENT * TITLE_SIZE;
                self.glyphs(line, (TEXT_WIDTH - w) / 2.0, baseline, TITLE_SIZE, 0.0);
                self.y += TITLE_LINE;
            }
        }
        self.y += BODY_LINE;
    }

    /// A heading line: 一、 in 黑体, （一） in 楷体; indented two characters and kept with
    /// `keep` points of what follows.
    pub(crate) fn heading(&mut self, role: Role, text: &str, keep: f32) {
        self.ensure(BODY_LINE + keep);
        self.paragraph(role, text, false);
    }

    /// A paragraph: first line indented two characters, lines justified but the last.
    pub(crate) fn paragraph(&mut self, role: Role, text: &str, justify: bool) {
        let text = text.trim_start_matches([' ', '\u{3000}']).trim_end();
        if text.is_empty() {
            return;
        }
        let glyphs = self.shaper.shape(role, text);
        let full = TEXT_WIDTH / BODY_SIZE;
        let lines = break_lines(&glyphs, full - 2.0, full);
        let count = lines.len();
        for (n, range) in lines.into_iter().enumerate() {
            let line = visible(&glyphs, range);
            let indent = if n == 0 { 2.0 * BODY_SIZE } else { 0.0 };
            let natural = width_em(line) * BODY_SIZE;
            let mut spacing = 0.0;
            if justify && n + 1 < count && line.len() > 1 {
                let extra = TEXT_WIDTH - indent - natural;
                let per = extra / (line.len() - 1) as f32;
                // Beyond a small gap the line stays ragged rather than letter-spaced.
                if per > 0.0 && per <= 0.15 * BODY_SIZE {
                    spacing = per;
                }
            }
            self.ensure(BODY_LINE);
            let baseline = self.y + (BODY_LINE - BODY_SIZE) / 2.0 + ASCENT * BODY_SIZE;
            self.glyphs(line, indent, baseline, BODY_SIZE, spacing);
            self.y += BODY_LINE;
        }
    }

    /// Body text: one paragraph per line of the field.
    fn text(&mut self, text: &str) {
        for para in text.split('\n') {
            self.paragraph(Role::Body, para, true);
        }
    }

    /// Signature and date at the end, right-aligned: the date four characters from the right
    /// edge, the organ centred above it (GB/T 9704-2012 7.3.5).
    fn closing(&mut self, report: &Report) {
        let signature = report.meta.signature.trim();
        if signature.is_empty() && report.meta.published.is_none() {
            return;
        }
        let date = report
            .meta
            .published
            .map(|d| d.chinese())
            .unwrap_or_else(|| crate::template::DATE_PLACEHOLDER.to_string());
        self.closing_lines(signature, &date);
    }

    /// The signature and the date line at the end.
    fn closing_lines(&mut self, signature: &str, date: &str) {
        self.ensure(3.0 * BODY_LINE);
        self.y += BODY_LINE;
        let date_glyphs = self.shaper.shape(Role::Body, date);
        let date_w = width_em(&date_glyphs) * BODY_SIZE;
        let date_x = (TEXT_WIDTH - 4.0 * BODY_SIZE - date_w).max(0.0);
        let center = date_x + date_w / 2.0;
        if !signature.is_empty() {
            let sig = self.shaper.shape(Role::Body, signature);
            let w = width_em(&sig) * BODY_SIZE;
            let x = (center - w / 2.0).clamp(0.0, (TEXT_WIDTH - w).max(0.0));
            let baseline = self.y + (BODY_LINE - BODY_SIZE) / 2.0 + ASCENT * BODY_SIZE;
            self.glyphs(&sig, x, baseline, BODY_SIZE, 0.0);
            self.y += BODY_LINE;
        }
        let baseline = self.y + (BODY_LINE - BODY_SIZE) / 2.0 + ASCENT * BODY_SIZE;
        self.glyphs(&date_glyphs, date_x, baseline, BODY_SIZE, 0.0);
        self.y += BODY_LINE;
    }

    /// Closes the last page, adds page numbers (and the watermark) to every page.
    fn finish(mut self, watermark: bool) -> Vec<Vec<Op>> {
        if !self.ops.is_empty() || self.pages.is_empty() {
            self.new_page();
        }
        let pages = std::mem::take(&mut self.pages);
        let mut out = Vec::with_capacity(pages.len());
        for (n, body) in pages.into_iter().enumerate() {
            self.ops = Vec::new();
            if watermark {
                self.watermark();
            }
            self.ops.extend(body);
            let label = format!("— {} —", n + 1);
            let glyphs = self.shaper.shape(Role::Body, &label);
            let w = width_em(&glyphs) * PAGE_NUMBER_SIZE;
            // 7 mm below the text block.
            let baseline = TEXT_HEIGHT + 7.0 * MM + ASCENT * PAGE_NUMBER_SIZE;
            self.glyphs(
                &glyphs,
                (TEXT_WIDTH - w) / 2.0,
                baseline,
                PAGE_NUMBER_SIZE,
                0.0,
            );
            out.push(std::mem::take(&mut self.ops));
        }
        out
    }

    fn watermark(&mut self) {
        let size = 150.0;
        let glyphs = self.shaper.shape(Role::Heading, "草稿");
        let w = width_em(&glyphs) * size;
        let angle = 45f32.to_radians();
        // Start so that the word's centre sits at the page centre.
        let (cx, cy) = (PAGE_WIDTH / 2.0, PAGE_HEIGHT / 2.0);
        let half_w = w / 2.0;
        let half_h = 0.35 * size;
        let x = cx - half_w * angle.cos() + half_h * angle.sin();
        let y = cy - half_w * angle.sin() - half_h * angle.cos();
        let face = glyphs.first().map_or(0, |g| g.face);
        let id = self.shaper.faces[face].id.clone();
        let run: String = glyphs.iter().map(|g| g.ch).collect();
        self.ops.extend([
            Op::SaveGraphicsState,
            Op::SetFillColor {
                col: Color::Greyscale(Greyscale::new(0.88, None)),
            },
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(id),
                size: Pt(size),
            },
            Op::SetTextMatrix {
                matrix: TextMatrix::TranslateRotate(Pt(x), Pt(y), 45.0),
            },
            Op::ShowText {
                items: vec![TextItem::Text(run)],
            },
            Op::EndTextSection,
            Op::RestoreGraphicsState,
        ]);
    }
}

/// The body in template order: headings, texts, tables.
fn compose_body(c: &mut Composer<'_>, report: &Report) {
    c.text(report.text(TextId::Intro).unwrap_or_default());
    for (k, block) in BODY.iter().enumerate() {
        match *block {
            Block::Heading(i) => {
                let keep = keep_after(c, report, k + 1);
                c.heading(Role::Heading, SECTIONS[i].heading, keep);
            }
            Block::Text(TextId::Intro) => {}
            Block::Text(id) => {
                let spec = &TEXTS[id.index()];
                // A part the report does not have (an imported report without section 六)
                // is not printed, heading and all, as in the text export.
                if report.text(id).is_none() {
                    continue;
                }
                if let Some(h) = spec.heading {
                    let role = if matches!(id, TextId::S5 | TextId::S6) {
                        Role::Heading
                    } else {
                        Role::Subheading
                    };
                    c.heading(role, h, BODY_LINE);
                }
                if let Some(t) = report.text(id) {
                    c.text(t);
                }
            }
            Block::Table(t) => {
                table::draw(c, report, grid(t));
                if t == crate::template::TableId::T3 && report.format.one_other_row() {
                    c.paragraph(Role::Body, &super::pieces::legacy_note(report), false);
                }
            }
        }
    }
}

/// How much of what follows a heading must stay on its page: two lines of text, or the
/// first rows of a table when the section has no text before it.
fn keep_after(c: &mut Composer<'_>, report: &Report, next: usize) -> f32 {
    match BODY.get(next) {
        Some(Block::Text(id)) if !report.text(*id).unwrap_or_default().trim().is_empty() => {
            2.0 * BODY_LINE
        }
        Some(Block::Text(_)) => match BODY.get(next + 1) {
            Some(Block::Table(t)) => table::head_height(c, report, grid(*t)),
            _ => BODY_LINE,
        },
        Some(Block::Table(t)) => table::head_height(c, report, grid(*t)),
        _ => BODY_LINE,
    }
}
