//! 一、总体情况: the lead text and the five areas, by heading or by meaning.

use super::reader::{Ctx, Line, block_text};
use crate::finding::{Place, Rule, Severity};
use crate::import::labels;
use crate::template::TextId;

/// 一、总体情况: lead text and the five sub-areas.
pub(super) fn section_one(ctx: &mut Ctx, region: &[Line]) {
    let canonical: Vec<(usize, usize)> = region
        .iter()
        .enumerate()
        .filter(|(_, l)| l.raw.len() < 120)
        .filter_map(|(i, l)| {
            let n = labels::normalize(&l.raw);
            TextId::AREAS
                .iter()
                .position(|a| a.spec().heading == Some(n.as_str()))
                .map(|a| (i, a))
        })
        .collect();
    // (line, area, inline content after the heading). Our own export prints all five
    // canonical sub-headings; then only exact lines count, so a clerk's own “（一）…” lines
    // inside an area stay text.
    let subs: Vec<(usize, usize, String)> = if canonical.len() == TextId::AREAS.len() {
        canonical
            .into_iter()
            .map(|(i, a)| (i, a, String::new()))
            .collect()
    } else {
        headings_by_meaning(ctx, region)
    };
    let lead_end = subs.first().map_or(region.len(), |s| s.0);
    ctx.report
        .set_text(TextId::S1, block_text(&region[..lead_end]));
    // Each area's parts, joined once at the end (an area headed twice gets both parts; joining
    // as they come would copy the text over and over on a file with thousands of headings).
    let mut parts: [Vec<String>; 5] = Default::default();
    for (k, (start, area, inline)) in subs.iter().enumerate() {
        let end = subs.get(k + 1).map_or(region.len(), |s| s.0);
        let body = block_text(&region[start + 1..end]);
        let text = match (inline.is_empty(), body.is_empty()) {
            (true, _) => body,
            (false, true) => inline.clone(),
            (false, false) => format!("{inline}\n{body}"),
        };
        parts[*area].push(text);
    }
    for (a, texts) in parts.iter().enumerate() {
        let id = TextId::AREAS[a];
        if texts.is_empty() {
            ctx.report.set_absent(id);
        } else {
            ctx.report.set_text(id, texts.join("\n"));
        }
    }
}

/// The five areas' sub-headings of a report that does not print all five as the template
/// does: numbered （一）… or 一、… and matched by their words; (line, area, inline content
/// after the heading).
fn headings_by_meaning(ctx: &mut Ctx, region: &[Line]) -> Vec<(usize, usize, String)> {
    let mut subs = Vec::new();
    let mut used = [false; 5];
    for (i, l) in region.iter().enumerate() {
        let trimmed = l.raw.trim();
        let n = labels::normalize(&trimmed.chars().take(8).collect::<String>());
        let bracketed = ["（一）", "（二）", "（三）", "（四）", "（五）"]
            .iter()
            .position(|p| n.starts_with(p));
        // Some organs number the five areas 一、…五、 inside 总体情况: matched by meaning.
        let numbered = ["一、", "二、", "三、", "四、", "五、"]
            .iter()
            .position(|p| n.starts_with(p))
            .filter(|_| {
                trimmed.chars().count() <= 30
                    && TextId::AREAS.iter().any(|a| {
                        a.spec()
                            .heading_keywords
                            .iter()
                            .any(|kw| trimmed.contains(kw))
                    })
            });
        let Some(k) = bracketed.or(numbered) else {
            continue;
        };
        let (head, inline) = match trimmed.find('。') {
            Some(p) if trimmed.chars().count() > 30 => (
                &trimmed[..p + '。'.len_utf8()],
                trimmed[p + '。'.len_utf8()..].trim(),
            ),
            _ => (trimmed, ""),
        };
        let by_keyword = TextId::AREAS
            .iter()
            .position(|a| a.spec().heading_keywords.iter().any(|kw| head.contains(kw)));
        let area = by_keyword.or((!used[k]).then_some(k));
        match area {
            Some(a) => {
                if bracketed.is_none()
                    && let Some(h) = TextId::AREAS[a].spec().heading
                {
                    ctx.variant(head, h, Place::Text(TextId::AREAS[a]));
                }
                used[a] = true;
                subs.push((i, a, inline.to_string()));
            }
            None => ctx.find(
                Rule::Import,
                Severity::Warning,
                vec![Place::Text(TextId::S1)],
                format!(
                    "“一、总体情况”中的小标题“{head}”无法对应到五个方面之一，其内容已并入上一部分"
                ),
            ),
        }
    }
    subs
}
