//! Measuring and breaking text: glyph advances from the fonts themselves (with a fallback
//! face for any character a face lacks), break opportunities per UAX #14
//! (unicode-linebreak), and 避头尾 kept even where a line must be cut inside a word.

use std::collections::HashMap;
use std::ops::Range;

use printpdf::{FontId, ParsedFont};

use super::fonts::Role;

/// A face parsed for measuring and registered with the document.
pub struct LoadedFace {
    pub font: ParsedFont,
    pub id: FontId,
    units_per_em: f32,
}

impl LoadedFace {
    pub fn new(font: ParsedFont, id: FontId) -> LoadedFace {
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        LoadedFace {
            font,
            id,
            units_per_em,
        }
    }

    /// Advance of a character in em, if the face has a glyph for it.
    fn advance(&self, ch: char) -> Option<f32> {
        let gid = self.font.lookup_glyph_index(ch as u32)?;
        if gid == 0 {
            return None;
        }
        Some(f32::from(self.font.get_horizontal_advance(gid)) / self.units_per_em)
    }
}

/// One character as it will be drawn.
#[derive(Clone, Copy, Debug)]
pub struct Glyph {
    pub ch: char,
    /// Index into the loaded faces.
    pub face: usize,
    /// Advance in em.
    pub advance: f32,
}

/// Characters that no line may start with (避头).
pub const NO_LINE_START: &str = "，。、；：？！）】」》”’…—%·,.;:?!)]}";
/// Characters that no line may end with (避尾).
pub const NO_LINE_END: &str = "（【「《“‘([{";

/// Replacement for a character that no face has.
const MISSING: char = '□';

/// Shapes text with per-role fallback chains.
pub struct Shaper {
    pub faces: Vec<LoadedFace>,
    chains: HashMap<Role, Vec<usize>>,
    cache: HashMap<(Role, char), Glyph>,
    /// Characters no face could draw (replaced by □).
    pub missing: Vec<char>,
}

impl Shaper {
    /// `chains[role]` lists face indices to try in order.
    pub fn new(faces: Vec<LoadedFace>, chains: HashMap<Role, Vec<usize>>) -> Shaper {
        Shaper {
            faces,
            chains,
            cache: HashMap::new(),
            missing: Vec::new(),
        }
    }

    /// The glyph drawn for a character in a role: the first face of the chain that has it,
    /// else □ (and the character is noted as missing). Cached per role and character.
    fn lookup(&mut self, role: Role, ch: char) -> Glyph {
        if let Some(&hit) = self.cache.get(&(role, ch)) {
            return hit;
        }
        let chain = self.chains.get(&role).map(Vec::as_slice).unwrap_or(&[]);
        let found = chain
            .iter()
            .find_map(|&f| self.faces[f].advance(ch).map(|a| (f, a)));
        let hit = match found {
            Some((face, advance)) => Glyph { ch, face, advance },
            None => {
                let face = chain.first().copied().unwrap_or(0);
                let advance = self.faces[face].advance(MISSING).unwrap_or(1.0);
                if !self.missing.contains(&ch) {
                    self.missing.push(ch);
                }
                Glyph {
                    ch: MISSING,
                    face,
                    advance,
                }
            }
        };
        self.cache.insert((role, ch), hit);
        hit
    }

    /// The glyphs of a text in a role (tabs become spaces, other controls are dropped).
    pub fn shape(&mut self, role: Role, text: &str) -> Vec<Glyph> {
        text.chars()
            .filter_map(|c| match c {
                '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .map(|ch| self.lookup(role, ch))
            .collect()
    }
}

/// Width in em of a glyph range.
pub fn width_em(glyphs: &[Glyph]) -> f32 {
    glyphs.iter().map(|g| g.advance).sum()
}

/// Breaks shaped text into lines: `first` is the width of the first line and `rest` of the
/// others, in em. Returns glyph ranges; trailing spaces stay in the range but are not drawn.
pub fn break_lines(glyphs: &[Glyph], first: f32, rest: f32) -> Vec<Range<usize>> {
    if glyphs.is_empty() {
        return Vec::new();
    }
    // Break opportunities, as glyph indices before which a line may start.
    let text: String = glyphs.iter().map(|g| g.ch).collect();
    let mut char_at_byte = vec![0usize; text.len() + 1];
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        char_at_byte[bi] = ci;
    }
    char_at_byte[text.len()] = glyphs.len();
    let mut allowed = vec![false; glyphs.len() + 1];
    for (byte, _) in unicode_linebreak::linebreaks(&text) {
        allowed[char_at_byte[byte]] = true;
    }

    let mut lines = Vec::new();
    let mut start = 0;
    while start < glyphs.len() {
        let limit = if lines.is_empty() { first } else { rest };
        let mut width = 0.0;
        let mut end = start;
        // Extend while the glyph fits (spaces may hang past the edge).
        while end < glyphs.len() {
            let g = glyphs[end];
            if width + g.advance > limit + 1e-4 && g.ch != ' ' && end > start {
                break;
            }
            width += g.advance;
            end += 1;
        }
        if end < glyphs.len() {
            // Last allowed break in (start, end].
            let candidate = (start + 1..=end)
                .rev()
                .find(|&i| allowed[i] && clean_split(glyphs, i));
            end = match candidate {
                Some(i) => i,
                None => forced_break(glyphs, start, end),
            };
        }
        lines.push(start..end);
        start = end;
    }
    lines
}

/// Whether a line may end before glyph `i` under 避头尾 (UAX #14 leaves some marks open).
fn clean_split(glyphs: &[Glyph], i: usize) -> bool {
    i >= glyphs.len()
        || (!NO_LINE_START.contains(glyphs[i].ch) && !NO_LINE_END.contains(glyphs[i - 1].ch))
}

/// A cut inside an unbreakable run: step back so that the next line does not start with a
/// closing mark and this one does not end with an opening mark.
fn forced_break(glyphs: &[Glyph], start: usize, end: usize) -> usize {
    let mut cut = end;
    while cut > start + 1
        && (NO_LINE_START.contains(glyphs[cut].ch) || NO_LINE_END.contains(glyphs[cut - 1].ch))
    {
        cut -= 1;
    }
    cut
}

/// The visible glyphs of a line (trailing spaces dropped).
pub fn visible(glyphs: &[Glyph], range: Range<usize>) -> &[Glyph] {
    let line = &glyphs[range];
    let end = line
        .iter()
        .rposition(|g| g.ch != ' ' && g.ch != '\u{3000}')
        .map_or(0, |p| p + 1);
    &line[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake(text: &str) -> Vec<Glyph> {
        text.chars()
            .map(|ch| Glyph {
                ch,
                face: 0,
                advance: if ch.is_ascii() { 0.5 } else { 1.0 },
            })
            .collect()
    }

    fn lines(text: &str, width: f32) -> Vec<String> {
        let g = fake(text);
        break_lines(&g, width, width)
            .into_iter()
            .map(|r| g[r].iter().map(|g| g.ch).collect())
            .collect()
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        // Width 5: a naive cut would put "，" at the start of line 2.
        let out = lines("一二三四五，六七八九十。", 5.0);
        for l in &out[1..] {
            let first = l.chars().next().unwrap_or(' ');
            assert!(!NO_LINE_START.contains(first), "{out:?}");
        }
        assert_eq!(out.concat(), "一二三四五，六七八九十。");
    }

    #[test]
    fn no_line_ends_with_an_opening_mark() {
        let out = lines("一二三四“五六七八”九十", 5.0);
        for l in &out {
            let last = l.chars().last().unwrap_or(' ');
            assert!(!NO_LINE_END.contains(last), "{out:?}");
        }
    }

    #[test]
    fn numbers_and_latin_words_are_not_split() {
        let out = lines("共计123456件申请，已经办结", 6.0);
        assert!(out.iter().any(|l| l.contains("123456")), "{out:?}");
        let out = lines("网站 www.example.gov.cn 公开", 10.0);
        assert!(
            out.iter().any(|l| l.contains("www.example.gov.cn")),
            "{out:?}"
        );
    }

    #[test]
    fn an_overlong_word_is_cut_rather_than_overflowing() {
        let out = lines("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 4.0);
        assert!(out.len() > 1);
        for l in &out {
            assert!(l.len() as f32 * 0.5 <= 4.0, "{out:?}");
        }
    }

    #[test]
    fn first_line_may_be_narrower() {
        let out = lines("一二三四五六七八九十", 3.0);
        assert_eq!(out[0].chars().count(), 3);
        let g = fake("一二三四五六七八九十");
        let r = break_lines(&g, 2.0, 4.0);
        assert_eq!(r[0], 0..2);
        assert_eq!(r[1], 2..6);
    }
}
