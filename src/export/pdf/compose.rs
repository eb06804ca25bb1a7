//! The page composer: lays out the pieces of a report (or a letter) top to bottom on A4
//! pages, with page numbers and the 草稿 watermark.

use printpdf::{Color, Greyscale, Op, PdfFontHandle, Pt, TextItem, TextMatrix};

use super::fonts::Role;
use super::text::{Glyph, Shaper, break_lines, visible, width_em};
use crate::export::page::{
    BODY_LINE, BODY_SIZE, MARGIN_LEFT, MARGIN_TOP, MM, PAGE_HEIGHT, PAGE_NUMBER_SIZE, PAGE_WIDTH,
    TEXT_HEIGHT, TEXT_WIDTH, TITLE_LINE, TITLE_SIZE,
};

/// Ascent of the CJK em box above the baseline, as a share of the size.
pub(super) const ASCENT: f32 = 0.88;

/// Lays out pages top to bottom. `y` is the distance from the top of the text block.
pub(crate) struct Composer<'s> {
    pub(crate) shaper: &'s mut Shaper,
    pages: Vec<Vec<Op>>,
    pub(crate) ops: Vec<Op>,
    pub(crate) y: f32,
}

impl<'s> Composer<'s> {
    pub(super) fn new(shaper: &'s mut Shaper) -> Composer<'s> {
        Composer {
            shaper,
            pages: Vec::new(),
            ops: Vec::new(),
            y: 0.0,
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

    /// A centred title in 小标宋, split after `organ` when it does not fit one line.
    pub(super) fn title_text(&mut self, title: &str, organ: &str) {
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

    /// Signature and date at the end, right-aligned: the date four characters from the right
    /// edge, the organ centred above it (GB/T 9704-2012 7.3.5).
    pub(super) fn closing_lines(&mut self, signature: &str, date: &str) {
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
    pub(super) fn finish(mut self, watermark: bool) -> Vec<Vec<Op>> {
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
        let glyphs = self
            .shaper
            .shape(Role::Heading, crate::export::page::DRAFT_MARK);
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
