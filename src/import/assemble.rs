//! Turns a [`Doc`] into a [`Report`]: title, sections, sub-areas, the three tables and the
//! signature block. Rows are anchored on their labels; values on the right edge (总计 last).

use std::collections::BTreeMap;

use super::anchored::{self, Provenance, StreamRead};
use super::labels::{self, Match};
use super::{Doc, ImportError, Imported};
use crate::finding::{Finding, MetaField, Place, Rule, Severity};
use crate::model::{CellValue, Date, Format, OrganKind, Report};
use crate::template::DATE_PLACEHOLDER;
use crate::template::{
    SECTIONS, SectionId, T2_BLOCKS, T2_CONTENT_HEADER, T3_COLUMNS, T3_GROUPS, T3_OTHER_HANDLING,
    T3_ROWS, T4_COLUMNS, T4_GROUPS, TEMPLATE, TITLE_SUFFIX, TableId, TextId, t2, t3, t3_r3_6_2019,
    t4,
};

/// Strings that only the 2019 trial format has (spec §4.4).
const MARKERS_2019: [&str; 8] = [
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "第二十条第（九）项",
    "政府集中采购",
    "其他对外管理服务事项",
];

struct Line<'a> {
    raw: String,
    cells: Vec<&'a str>,
    /// The cells are exact (blanks are real blank cells, not colspan padding).
    exact: bool,
}

impl Line<'_> {
    fn non_empty(&self) -> Vec<&str> {
        self.cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty() && *c != "\u{3000}")
            .collect()
    }
    fn first(&self) -> &str {
        self.cells
            .iter()
            .map(|c| c.trim())
            .find(|c| !c.is_empty())
            .unwrap_or("")
    }
    fn is_blank(&self) -> bool {
        self.raw.trim().is_empty()
    }
}

struct Ctx {
    report: Report,
    findings: Vec<Finding>,
    /// Cells not read exactly as printed (split by the arithmetic, or uncertain).
    provenance: BTreeMap<usize, Provenance>,
}

/// The state of a [`Ctx`] before a table was read, to try another reading.
struct Snapshot {
    report: Report,
    findings: usize,
    provenance: BTreeMap<usize, Provenance>,
}

impl Ctx {
    fn snapshot(&self) -> Snapshot {
        Snapshot {
            report: self.report.clone(),
            findings: self.findings.len(),
            provenance: self.provenance.clone(),
        }
    }
    fn restore(&mut self, s: Snapshot) {
        self.report = s.report;
        self.findings.truncate(s.findings);
        self.provenance = s.provenance;
    }
    /// Takes a label-anchored reading of a table: its values, how each was read, and what
    /// it could not read as import findings.
    fn apply_stream(&mut self, read: StreamRead, table: TableId) {
        let what = table.name();
        for (cell, (value, how)) in read.values {
            self.report.set_cell(cell, value);
            if how != Provenance::Exact {
                self.provenance.insert(cell, how);
            }
        }
        for (cells, message) in read.problems {
            let places = if cells.is_empty() {
                vec![Place::Table(table)]
            } else {
                cells.into_iter().map(Place::Cell).collect()
            };
            self.find(Rule::Import, Severity::Warning, places, message);
        }
        if !read.missing.is_empty() {
            self.find(
                Rule::Import,
                Severity::Warning,
                vec![Place::Table(table)],
                format!("{what}未找到以下行：{}", read.missing.join("、")),
            );
        }
    }
    fn find(&mut self, rule: Rule, severity: Severity, places: Vec<Place>, message: String) {
        self.findings
            .push(Finding::new(rule, severity, places, message));
    }
    fn variant(&mut self, found: &str, canonical: &str, place: Place) {
        self.find(
            Rule::H15,
            Severity::Warning,
            vec![place],
            format!("标签“{found}”与模板不一致，应为“{canonical}”"),
        );
    }
}

/// Text of a block of lines: one framing blank line dropped at each end.
fn block_text(lines: &[Line]) -> String {
    let mut slice = lines;
    if slice.first().is_some_and(Line::is_blank) {
        slice = &slice[1..];
    }
    if slice.last().is_some_and(Line::is_blank) {
        slice = &slice[..slice.len() - 1];
    }
    let texts: Vec<&str> = slice.iter().map(|l| l.raw.as_str()).collect();
    texts.join("\n")
}

fn date_line(line: &str) -> Option<Option<Date>> {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let placeholder: String = DATE_PLACEHOLDER
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if compact == placeholder {
        return Some(None);
    }
    if compact.chars().count() <= 16 {
        return Date::parse(&compact).map(Some);
    }
    None
}

/// Assembles a report from a document.
pub fn assemble(doc: &Doc) -> Result<Imported, ImportError> {
    let mut lines: Vec<Line> = doc
        .lines
        .iter()
        .map(|cells| Line {
            raw: cells.join("\t"),
            cells: cells.iter().map(String::as_str).collect(),
            exact: doc.exact_cells,
        })
        .collect();
    let mut ctx = Ctx {
        report: Report::default(),
        findings: Vec::new(),
        provenance: BTreeMap::new(),
    };

    // Closing block: signature and date at the end (published files may end in blank lines).
    let last_text = lines.iter().rposition(|l| !l.is_blank());
    if let Some(date) = last_text.and_then(|i| date_line(&lines[i].raw)) {
        ctx.report.meta.published = date;
        lines.truncate(last_text.unwrap_or(0));
        if let Some(sig) = lines
            .last()
            .filter(|l| !l.is_blank() && l.raw.trim().chars().count() <= 40)
        {
            // Right-aligned in a PDF's layout: the indentation is not part of the name.
            ctx.report.meta.signature = sig.raw.trim().to_string();
            lines.pop();
        } else {
            // Published layout: an indented signature a blank line or two above the date.
            let n = lines.len();
            let above = lines.iter().rev().take(3).position(|l| !l.is_blank());
            if let Some(k) = above.filter(|k| *k > 0) {
                let l = &lines[n - 1 - k];
                let indented = l.raw.starts_with([' ', '\u{3000}', '\t']);
                // A signature names an organ (…局, …中心, …人民政府, …办事处).
                let names_organ = OrganKind::infer(l.raw.trim()) != OrganKind::Other;
                if indented
                    && names_organ
                    && l.raw.trim().chars().count() <= 40
                    && !l.raw.contains('。')
                {
                    ctx.report.meta.signature = l.raw.trim().to_string();
                    lines.truncate(n - 1 - k);
                    // Keep one framing blank line, as after any block.
                    while lines.len() >= 2 && lines[lines.len() - 2..].iter().all(Line::is_blank) {
                        lines.pop();
                    }
                }
            }
        }
    }

    // Section headings, in order.
    let mut heads: Vec<(usize, usize)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.non_empty().len() != 1 {
            continue;
        }
        if let Some((s, m)) = labels::section_heading(line.first()) {
            if heads.last().is_some_and(|(_, last)| s <= *last) {
                continue;
            }
            if let Match::Variant(_) = m {
                ctx.variant(
                    line.first(),
                    SECTIONS[s].heading,
                    Place::Section(SectionId::ALL[s]),
                );
            }
            heads.push((i, s));
        }
    }

    // Title: the first non-empty lines up to one that ends the title pattern.
    let body_start = heads.first().map_or(lines.len(), |h| h.0);
    let mut title = String::new();
    let mut title_end = None;
    let mut title_lines: Vec<&str> = Vec::new();
    for (i, line) in lines[..body_start].iter().enumerate().take(12) {
        if line.is_blank() {
            continue;
        }
        title_lines.push(line.raw.trim());
        // (The words may be split over two lines.)
        if title_lines.concat().contains("年度报告") {
            title_end = Some(i);
            break;
        }
    }
    if title_end.is_some() {
        // The title is the line ending in 年度报告 and the lines just before it that belong
        // to it (a title split over lines); a web page's navigation (首页 > …) is not.
        let mut parts: Vec<&str> = Vec::new();
        for l in title_lines.iter().rev() {
            let nav = l.contains(['>', '|', '»']) || l.contains("首页") || l.contains("当前位置");
            let len: usize = parts.iter().map(|p| p.chars().count()).sum();
            if !parts.is_empty() && (nav || len + l.chars().count() > 60) {
                break;
            }
            parts.push(l);
        }
        parts.reverse();
        title = parts.concat();
    }
    if title_end.is_none() && heads.is_empty() {
        return Err(ImportError::NotAReport);
    }
    match title_end {
        Some(_) => parse_title(&mut ctx, &title),
        None => ctx.find(
            Rule::Import,
            Severity::Warning,
            vec![Place::Meta(MetaField::Organ)],
            "未找到报告标题（应为“机关全称+YYYY年政府信息公开工作年度报告”）".into(),
        ),
    }
    let intro_start = title_end.map_or(0, |t| t + 1);
    let intro = block_text(&lines[intro_start.min(body_start)..body_start]);
    ctx.report.set_text(TextId::Intro, intro);

    // Sections.
    let mut seen = [false; 6];
    for (k, &(start, s)) in heads.iter().enumerate() {
        let end = heads.get(k + 1).map_or(lines.len(), |h| h.0);
        let region = &lines[start + 1..end];
        seen[s] = true;
        match s {
            0 => section_one(&mut ctx, region),
            1 => section_two(&mut ctx, region),
            2 => section_three(&mut ctx, region),
            3 => section_four(&mut ctx, region),
            4 => ctx.report.set_text(TextId::S5, block_text(region)),
            _ => ctx.report.set_text(TextId::S6, block_text(region)),
        }
    }
    for (s, section) in SECTIONS.iter().enumerate() {
        if seen[s] {
            continue;
        }
        match s {
            5 => ctx.report.set_absent(TextId::S6),
            4 => {
                ctx.report.set_absent(TextId::S5);
                ctx.find(
                    Rule::Import,
                    Severity::Warning,
                    vec![Place::Section(SectionId::ALL[s])],
                    format!("缺少“{}”一节", section.heading),
                );
            }
            _ => ctx.find(
                Rule::Import,
                Severity::Warning,
                vec![Place::Section(SectionId::ALL[s])],
                format!("未找到“{}”一节", section.heading),
            ),
        }
    }
    if !seen[0] {
        for a in TextId::AREAS {
            ctx.report.set_absent(a);
        }
    }
    Ok(Imported {
        report: ctx.report,
        findings: ctx.findings,
        provenance: ctx.provenance,
    })
}

fn parse_title(ctx: &mut Ctx, title: &str) {
    let compact: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    // Spec §1.3: "2021年度…年度报告" writes 年度 twice; the title is “YYYY年…年度报告”.
    if compact.matches("年度").count() > 1 {
        ctx.find(
            Rule::H19,
            Severity::Warning,
            vec![Place::Meta(MetaField::Organ)],
            format!("标题“{compact}”中“年度”重复：应为“机关全称+YYYY年{TITLE_SUFFIX}”"),
        );
    }
    let Some(head) = compact.strip_suffix(TITLE_SUFFIX) else {
        ctx.report.meta.organ = compact;
        ctx.find(
            Rule::Import,
            Severity::Warning,
            vec![Place::Meta(MetaField::Organ)],
            format!("标题“{title}”不符合“机关全称+YYYY年{TITLE_SUFFIX}”的格式"),
        );
        return;
    };
    let head = head
        .strip_suffix("年度")
        .or_else(|| head.strip_suffix('年'));
    let (organ, year) = match head {
        Some(h) => {
            let digits: String = h.chars().rev().take_while(|c| c.is_ascii_digit()).collect();
            if digits.chars().count() == 4 {
                let year: String = digits.chars().rev().collect();
                (h[..h.len() - 4].to_string(), year.parse().ok())
            } else {
                (
                    compact[..compact.len() - TITLE_SUFFIX.len()].to_string(),
                    None,
                )
            }
        }
        None => (
            compact[..compact.len() - TITLE_SUFFIX.len()].to_string(),
            None,
        ),
    };
    ctx.report.meta.organ_kind = OrganKind::infer(&organ);
    ctx.report.meta.organ = organ;
    ctx.report.meta.year = year;
}

/// 一、总体情况: lead text and the five sub-areas.
fn section_one(ctx: &mut Ctx, region: &[Line]) {
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
    // (line, area, inline content after the heading)
    let mut subs: Vec<(usize, usize, String)> = Vec::new();
    // Our own export prints all five canonical sub-headings; then only exact lines count,
    // so a clerk's own “（一）…” lines inside an area stay text.
    if canonical.len() == TextId::AREAS.len() {
        subs = canonical
            .into_iter()
            .map(|(i, a)| (i, a, String::new()))
            .collect();
    } else {
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
                    format!("“一、总体情况”中的小标题“{head}”无法对应到五个方面之一，其内容已并入上一部分"),
                ),
            }
        }
    }
    let lead_end = subs.first().map_or(region.len(), |s| s.0);
    ctx.report
        .set_text(TextId::S1, block_text(&region[..lead_end]));
    let mut present = [false; 5];
    for (k, (start, area, inline)) in subs.iter().enumerate() {
        let end = subs.get(k + 1).map_or(region.len(), |s| s.0);
        let body = block_text(&region[start + 1..end]);
        let text = match (inline.is_empty(), body.is_empty()) {
            (true, _) => body,
            (false, true) => inline.clone(),
            (false, false) => format!("{inline}\n{body}"),
        };
        let id = TextId::AREAS[*area];
        if present[*area] {
            let merged = format!("{}\n{}", ctx.report.text(id).unwrap_or(""), text);
            ctx.report.set_text(id, merged);
        } else {
            ctx.report.set_text(id, text);
        }
        present[*area] = true;
    }
    for (a, p) in present.iter().enumerate() {
        if !p {
            ctx.report.set_absent(TextId::AREAS[a]);
        }
    }
}

/// Splits a section region into the text before the table and the table lines.
fn split_text_table<'r, 'a>(
    region: &'r [Line<'a>],
    starts_table: impl Fn(&Line) -> bool,
) -> (&'r [Line<'a>], &'r [Line<'a>]) {
    let at = region
        .iter()
        .position(|l| !l.is_blank() && starts_table(l))
        .unwrap_or(region.len());
    region.split_at(at)
}

/// The values of a table row after its label: every cell after the label, blanks included,
/// when there are exactly as many as the columns (one-cell-per-line text, Word's "save as
/// text" with empty cells between tabs); else the non-empty ones.
fn row_values<'a>(
    line: &Line<'a>,
    label: &str,
    non_empty_after: &[&'a str],
    width: usize,
) -> Vec<&'a str> {
    if let Some(at) = line.cells.iter().position(|c| c.trim() == label) {
        let after: Vec<&str> = line.cells[at + 1..].iter().map(|c| c.trim()).collect();
        if after.len() == width {
            return after;
        }
    }
    non_empty_after.to_vec()
}

/// Places `values` into `targets`: exactly as many → in order; otherwise the last value is
/// the total (if `total_last`) and the rest fill from the left; reported as S9.
fn place_values(ctx: &mut Ctx, targets: &[usize], values: &[&str], what: &str, total_last: bool) {
    let kind = |i: usize| TEMPLATE.cells[i].kind;
    if values.len() == targets.len() {
        for (&i, v) in targets.iter().zip(values) {
            ctx.report.set_cell(i, CellValue::from_source(kind(i), v));
        }
        return;
    }
    let n = targets.len();
    let placed: Vec<(usize, &str)> = if total_last && !values.is_empty() {
        let (last, rest) = values.split_last().unwrap_or((&"", &[]));
        let mut v: Vec<(usize, &str)> = rest
            .iter()
            .take(n - 1)
            .enumerate()
            .map(|(k, s)| (targets[k], *s))
            .collect();
        v.push((targets[n - 1], last));
        v
    } else {
        values
            .iter()
            .take(n)
            .enumerate()
            .map(|(k, s)| (targets[k], *s))
            .collect()
    };
    for (i, v) in &placed {
        ctx.report.set_cell(*i, CellValue::from_source(kind(*i), v));
    }
    let how = if total_last {
        "已按“最后一个数为总计、其余从左起依次”放入"
    } else {
        "已从左起依次放入"
    };
    ctx.find(
        Rule::S9,
        Severity::Warning,
        targets.iter().map(|&i| Place::Cell(i)).collect(),
        format!(
            "{what}应有{n}个数，实际读到{}个（{}）：{how}，请对照原文核对",
            values.len(),
            values.join("、")
        ),
    );
}

/// True when a line (normalised) is one of `labels` followed by nothing or by numbers: a
/// table row whose cells are not separated by tabs (text from PDF tools, run together).
fn label_then_numbers<'a>(line: &str, mut labels: impl Iterator<Item = &'a str>) -> bool {
    labels.any(|label| {
        line.strip_prefix(label).is_some_and(|rest| {
            rest.is_empty()
                || rest.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '—')
        })
    })
}

/// A table region's lines as text, for the label-anchored reading.
fn region_text(lines: &[Line]) -> String {
    let raw: Vec<&str> = lines.iter().map(|l| l.raw.as_str()).collect();
    raw.join("\n")
}

fn unplaced(ctx: &mut Ctx, table: TableId, line: &Line) {
    ctx.find(
        Rule::Import,
        Severity::Warning,
        vec![Place::Table(table)],
        format!(
            "无法识别的表格行，未导入：“{}”",
            line.raw.replace('\t', " | ").trim()
        ),
    );
}

/// Text found after a table: kept in the section's text, and reported.
fn trailing_text(ctx: &mut Ctx, id: TextId, lines: &[&Line]) {
    let text: Vec<&str> = lines
        .iter()
        .map(|l| l.raw.trim())
        .filter(|t| !t.is_empty())
        .collect();
    if text.is_empty() {
        return;
    }
    let joined = text.join("\n");
    let current = ctx.report.text(id).unwrap_or("").to_string();
    let merged = if current.is_empty() {
        joined
    } else {
        format!("{current}\n{joined}")
    };
    ctx.report.set_text(id, merged);
    ctx.find(
        Rule::Import,
        Severity::Info,
        vec![Place::Text(id)],
        format!("表格之后的{}行文字已并入“{}”", text.len(), id.spec().name),
    );
}

/// Maps a 2019 表二 row to 2021 cells (spec §4.5): （一） 本年新制作数量 → 本年制发件数
/// (approximately equivalent); （五）（六） 处理决定数量 → 本年处理决定数量 (1:1). Other 2019
/// columns have no 2021 counterpart.
fn map_2019_t2_row(ctx: &mut Ctx, b: usize, r: usize, values: &[&str], mapped: &mut Vec<String>) {
    let (value, what) = match T2_BLOCKS[b].id {
        "art20_1" => (values.first(), "本年新制作数量→本年制发件数（近似对应）"),
        "art20_5" | "art20_6" => (values.get(2), "处理决定数量→本年处理决定数量"),
        _ => return,
    };
    let Some(v) = value else {
        return;
    };
    let i = t2(b, r, 0);
    ctx.report
        .set_cell(i, CellValue::from_source(TEMPLATE.cells[i].kind, v));
    mapped.push(format!("{}{}", T2_BLOCKS[b].rows[r].1, what));
}

/// 二、主动公开政府信息情况: text and 表二.
fn section_two(ctx: &mut Ctx, region: &[Line]) {
    let (text, table) = split_text_table(region, |l| {
        let f = l.first();
        let whole = labels::normalize(&l.raw);
        labels::t2_caption(f).is_some()
            || labels::normalize(f) == T2_CONTENT_HEADER
            || labels::t2_row(f).is_some()
            || T2_BLOCKS.iter().any(|b| whole.starts_with(b.caption))
            || label_then_numbers(
                &whole,
                T2_BLOCKS.iter().flat_map(|b| b.rows.iter().map(|r| r.1)),
            )
    });
    ctx.report.set_text(TextId::S2, block_text(text));
    let snapshot = ctx.snapshot();
    let (rows_read, is_2019) = t2_by_cells(ctx, table);
    let rows = T2_BLOCKS.iter().map(|b| b.rows.len()).sum::<usize>();
    if !is_2019 && rows_read < rows {
        let read = anchored::read_t2(&region_text(table));
        if read.rows_accounted() > rows_read {
            ctx.restore(snapshot);
            ctx.apply_stream(read, TableId::T2);
        }
    }
}

/// Reads 表二 line by line (rows as cells); returns the rows read with their exact number
/// of values, and whether the table is the 2019 format's.
fn t2_by_cells(ctx: &mut Ctx, table: &[Line]) -> (usize, bool) {
    let mut rows_read = 0;
    let mut block = None;
    let mut after = Vec::new();
    let mut is_2019 = false;
    let mut mapped_2019: Vec<String> = Vec::new();
    for line in table {
        if line.is_blank() {
            continue;
        }
        let normalized: Vec<String> = line
            .non_empty()
            .iter()
            .map(|c| labels::normalize(c))
            .collect();
        if normalized
            .iter()
            .any(|c| MARKERS_2019.iter().any(|m| c.contains(m)))
        {
            is_2019 = true;
            continue;
        }
        let first = line.first();
        if let Some(b) = labels::t2_caption(first) {
            block = Some(b);
        } else if labels::normalize(first) == T2_CONTENT_HEADER {
            if let Some(b) = block {
                for (k, header) in normalized.iter().skip(1).enumerate() {
                    let known = T2_BLOCKS[b]
                        .columns
                        .get(k)
                        .is_some_and(|(_, l)| l == header)
                        || T2_BLOCKS[b].header_variants.contains(&header.as_str());
                    if !known && !header.is_empty() && !is_2019 {
                        ctx.find(
                            Rule::S10,
                            Severity::Warning,
                            vec![Place::Table(TableId::T2)],
                            format!(
                                "表二{}的表头“{header}”不是2021年版格式的表头",
                                T2_BLOCKS[b].caption
                            ),
                        );
                    }
                }
            }
        } else if let Some((b, r)) = labels::t2_row(first) {
            if is_2019 {
                map_2019_t2_row(ctx, b, r, &line.non_empty()[1..], &mut mapped_2019);
                continue;
            }
            if block.is_some_and(|cur| cur != b) {
                ctx.find(
                    Rule::Import,
                    Severity::Warning,
                    vec![Place::Table(TableId::T2)],
                    format!(
                        "表二“{first}”一行出现在{}之下，已按行名放入{}",
                        T2_BLOCKS[block.unwrap_or(b)].caption,
                        T2_BLOCKS[b].caption
                    ),
                );
            }
            let width = T2_BLOCKS[b].columns.len();
            let non_empty = line.non_empty();
            let values = row_values(line, first, &non_empty[1..], width);
            let targets: Vec<usize> = (0..width).map(|c| t2(b, r, c)).collect();
            if values.len() == targets.len() {
                rows_read += 1;
            }
            place_values(
                ctx,
                &targets,
                &values,
                &format!("表二“{}”一行", T2_BLOCKS[b].rows[r].1),
                false,
            );
        } else if labels::normalize(first) == "规范性文件" {
            is_2019 = true;
            map_2019_t2_row(ctx, 0, 1, &line.non_empty()[1..], &mut mapped_2019);
        } else {
            after.push(line);
        }
    }
    if is_2019 {
        ctx.report.format = Format::V2019;
        ctx.find(
            Rule::Import,
            Severity::Warning,
            vec![Place::Table(TableId::T2)],
            format!(
                "表二使用2019年版格式（国办公开办函〔2019〕60号），已按对照关系导入：{}；其余栏目（本年新公开数量、对外公开总数量、上一年项目数量、本年增/减、收费项目、政府集中采购）2021年版没有对应栏目，未导入",
                if mapped_2019.is_empty() {
                    "无".to_string()
                } else {
                    mapped_2019.join("；")
                }
            ),
        );
    }
    let (rows, text_after): (Vec<&Line>, Vec<&Line>) =
        after.into_iter().partition(|l| l.non_empty().len() > 1);
    for line in rows {
        unplaced(ctx, TableId::T2, line);
    }
    trailing_text(ctx, TextId::S2, &text_after);
    (rows_read, is_2019)
}

/// 三、收到和处理政府信息公开申请情况: text and 表三.
fn section_three(ctx: &mut Ctx, region: &[Line]) {
    let (text, table) = split_text_table(region, |l| {
        let f = labels::normalize(l.first());
        let whole = labels::normalize(&l.raw);
        f.starts_with("（本列数据")
            || f == crate::template::T3_APPLICANTS_HEADER
            || labels::t3_row(&f).is_some()
            || labels::t3_group(&f)
            || whole.starts_with("（本列数据")
            || whole.starts_with(crate::template::T3_APPLICANTS_HEADER)
            || label_then_numbers(&whole, T3_ROWS.iter().map(|r| r.label))
    });
    ctx.report.set_text(TextId::S3, block_text(text));
    let snapshot = ctx.snapshot();
    let (rows_read, rows_on_lines, expected) = t3_by_cells(ctx, table);
    // Every row on a line of its own with its numbers: the line reading stands (a row with
    // a number too few or too many is reported as S9). Otherwise the label-anchored reading
    // is taken when it accounts for more rows.
    if rows_on_lines < expected {
        let read = anchored::read_t3(&region_text(table));
        if read.rows_accounted() > rows_read {
            ctx.restore(snapshot);
            if (0..T3_COLUMNS.len()).any(|c| read.values.contains_key(&t3_r3_6_2019(c))) {
                ctx.report.format = Format::V2019;
            }
            ctx.apply_stream(read, TableId::T3);
        }
    }
    if let Some(values) = legacy_note_values(table) {
        ctx.report.format = Format::V2019;
        for (c, v) in values.iter().enumerate() {
            let i = t3_r3_6_2019(c);
            ctx.report
                .set_cell(i, CellValue::from_source(TEMPLATE.cells[i].kind, v));
        }
    }
}

/// The 2019 format's （六） row as our PDF prints it, a note under 表三 (see
/// [`crate::template::LEGACY_2019_NOTE`]): its seven values, if the note is there.
fn legacy_note_values(table: &[Line]) -> Option<Vec<String>> {
    use crate::template::{LEGACY_2019_BLANK, LEGACY_2019_NOTE};
    let text: String = table
        .iter()
        .flat_map(|l| l.raw.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    let rest = &text[text.find(LEGACY_2019_NOTE)? + LEGACY_2019_NOTE.len()..];
    let body = &rest[..rest.find('。')?];
    let parts: Vec<&str> = body.split('，').collect();
    if parts.len() != T3_COLUMNS.len() {
        return None;
    }
    parts
        .iter()
        .zip(&T3_COLUMNS)
        .map(|(p, col)| {
            let v = p.strip_prefix(col.label)?;
            Some(if v == LEGACY_2019_BLANK {
                String::new()
            } else {
                v.to_string()
            })
        })
        .collect()
}

/// Reads 表三 line by line (rows as cells); returns the rows read with exactly 7 values,
/// the rows found on a line with numbers, and how many rows the format has.
fn t3_by_cells(ctx: &mut Ctx, table: &[Line]) -> (usize, usize, usize) {
    let mut rows_read = 0;
    let mut rows_on_lines = 0;
    let mut seen = [false; T3_ROWS.len()];
    let mut seen_2019_other = false;
    let mut text_after = Vec::new();
    let mut subtotals: Vec<(usize, Vec<String>)> = Vec::new();
    // A 2021 table with the leaves of （六）: a （六） line with numbers is their subtotal,
    // not the 2019 format's single row.
    let has_2021_other_leaves = table.iter().any(|l| {
        l.non_empty().iter().any(|c| {
            labels::t3_row(c).is_some_and(|(r, _)| T3_ROWS[r].group == Some(T3_OTHER_HANDLING))
        })
    });
    for line in table {
        if line.is_blank() {
            continue;
        }
        let cells = line.non_empty();
        let found = cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.bytes().all(|b| b.is_ascii_digit()))
            .find_map(|(k, c)| labels::t3_row(c).map(|(r, m)| (k, r, m)));
        let Some((k, r, m)) = found else {
            if let Some((g, values)) = group_subtotal(line, &cells, has_2021_other_leaves) {
                subtotals.push((g, values));
                continue;
            }
            // The 2019 format's single （六）其他处理 row (spec §4.2): kept as `t3.r3_6.*`.
            if let Some(k) = cells
                .iter()
                .position(|c| labels::normalize(c) == T3_GROUPS[T3_OTHER_HANDLING].label)
                && (cells.len() > k + 1 || line.exact)
            {
                ctx.report.format = Format::V2019;
                let values = row_values(
                    line,
                    T3_GROUPS[T3_OTHER_HANDLING].label,
                    &cells[k + 1..],
                    T3_COLUMNS.len(),
                );
                let targets: Vec<usize> = (0..T3_COLUMNS.len()).map(t3_r3_6_2019).collect();
                if values.len() == targets.len() {
                    rows_read += 1;
                }
                if !values.is_empty() {
                    rows_on_lines += 1;
                }
                place_values(
                    ctx,
                    &targets,
                    &values,
                    "表三（六）其他处理行（2019年版，未分项）",
                    true,
                );
                seen_2019_other = true;
                continue;
            }
            if cells
                .iter()
                .all(|c| labels::t3_header_word(c).is_some() || labels::t3_group(c))
            {
                for c in &cells {
                    if let Some(Match::Variant(v)) = labels::t3_header_word(c)
                        && let Some(col) =
                            T3_COLUMNS.iter().position(|col| col.variants.contains(&v))
                    {
                        ctx.variant(v, T3_COLUMNS[col].label, Place::Cell(t3(0, col)));
                    }
                }
            } else if cells.len() == 1 {
                text_after.push(line);
            } else {
                unplaced(ctx, TableId::T3, line);
            }
            continue;
        };
        let row = &T3_ROWS[r];
        if let Match::Variant(v) = m {
            ctx.variant(v, row.label, Place::Cell(t3(r, 0)));
        }
        if seen[r] {
            ctx.find(
                Rule::Import,
                Severity::Warning,
                vec![Place::Cell(t3(r, 0))],
                format!("表三“{}”一行出现了两次，已采用后一次的数字", row.label),
            );
        }
        seen[r] = true;
        let values = row_values(line, cells[k], &cells[k + 1..], T3_COLUMNS.len());
        let targets: Vec<usize> = (0..T3_COLUMNS.len()).map(|c| t3(r, c)).collect();
        if values.len() == targets.len() {
            rows_read += 1;
        }
        if !values.is_empty() {
            rows_on_lines += 1;
        }
        place_values(
            ctx,
            &targets,
            &values,
            &format!("表三 {}", crate::template::t3_row_name(r)),
            true,
        );
    }
    let missing: Vec<&str> = T3_ROWS
        .iter()
        .zip(seen)
        .filter(|(_, s)| !s)
        .filter(|(row, _)| !(seen_2019_other && row.group == Some(T3_OTHER_HANDLING)))
        .map(|(r, _)| r.short)
        .collect();
    if !missing.is_empty() && missing.len() < T3_ROWS.len() {
        ctx.find(
            Rule::Import,
            Severity::Warning,
            vec![Place::Table(TableId::T3)],
            format!("表三缺少以下行：{}", missing.join("、")),
        );
    }
    trailing_text(ctx, TextId::S3, &text_after);
    for (g, values) in subtotals {
        check_s8(ctx, g, &values);
    }
    let expected = if seen_2019_other {
        T3_ROWS.len() - 2
    } else {
        T3_ROWS.len()
    };
    (rows_read, rows_on_lines, expected)
}

/// A 表三 group line ((三)…(六)) printed with a value for every column: the group's
/// subtotal (spec S8). The 2019 format's （六） row is one only when the 2021 leaves are absent.
fn group_subtotal(
    line: &Line,
    cells: &[&str],
    has_2021_other_leaves: bool,
) -> Option<(usize, Vec<String>)> {
    let (k, g) = cells.iter().enumerate().find_map(|(k, c)| {
        let label = labels::normalize(c);
        (1..T3_GROUPS.len())
            .find(|&g| T3_GROUPS[g].label == label)
            .map(|g| (k, g))
    })?;
    if g == 4 && !has_2021_other_leaves {
        return None;
    }
    let values = row_values(line, T3_GROUPS[g].label, &cells[k + 1..], T3_COLUMNS.len());
    (values.len() == T3_COLUMNS.len()).then(|| (g, values.iter().map(|v| v.to_string()).collect()))
}

/// S8: a group line with values is a variant of the template (usually a subtotal). It is
/// not kept (the template has no such cells); it is checked against the sum of its rows.
fn check_s8(ctx: &mut Ctx, group: usize, printed: &[String]) {
    let leaves: Vec<usize> = (0..T3_ROWS.len())
        .filter(|&r| T3_ROWS[r].group == Some(group))
        .collect();
    let label = T3_GROUPS[group].label;
    let mut differences = Vec::new();
    let mut places = Vec::new();
    for (c, column) in T3_COLUMNS.iter().enumerate() {
        let printed_value = CellValue::from_source(TEMPLATE.cells[t3(0, c)].kind, &printed[c]);
        let parts: Option<Vec<u64>> = leaves
            .iter()
            .map(|&r| ctx.report.cell(t3(r, c)).count())
            .collect();
        let (Some(subtotal), Some(parts)) = (printed_value.count(), parts) else {
            continue;
        };
        let sum: u64 = parts.iter().sum();
        if sum != subtotal {
            let terms: Vec<String> = leaves
                .iter()
                .zip(&parts)
                .map(|(&r, n)| format!("{}({n})", T3_ROWS[r].short))
                .collect();
            differences.push(format!(
                "{}列：小计{subtotal} ≠ {}={sum}，差{}",
                column.label,
                terms.join("+"),
                subtotal.abs_diff(sum)
            ));
            places.extend(leaves.iter().map(|&r| Place::Cell(t3(r, c))));
        }
    }
    if differences.is_empty() {
        ctx.find(
            Rule::S8,
            Severity::Info,
            leaves.iter().map(|&r| Place::Cell(t3(r, 0))).collect(),
            format!("表三“{label}”一行印有小计，与其下各项之和一致；模板中该行不填数，小计未导入"),
        );
    } else {
        ctx.find(
            Rule::S8,
            Severity::Warning,
            places,
            format!(
                "表三“{label}”一行印有小计，与其下各项之和不符（小计未导入）：{}",
                differences.join("；")
            ),
        );
    }
}

/// 四、政府信息公开行政复议、行政诉讼情况: text and 表四.
fn section_four(ctx: &mut Ctx, region: &[Line]) {
    let (text, table) = split_text_table(region, |l| {
        let f = labels::normalize(l.first());
        let whole = labels::normalize(&l.raw);
        f == crate::template::T4_REVIEW_HEADER
            || T4_COLUMNS.iter().any(|(_, c)| *c == f)
            || whole
                .strip_prefix(crate::template::T4_REVIEW_HEADER)
                .is_some_and(|rest| {
                    rest.is_empty() || rest.starts_with(crate::template::T4_SUIT_HEADER)
                })
    });
    ctx.report.set_text(TextId::S4, block_text(text));
    let snapshot = ctx.snapshot();
    if !t4_by_cells(ctx, table) {
        let read = anchored::read_t4(&region_text(table));
        if read.rows_accounted() > 0 {
            ctx.restore(snapshot);
            ctx.apply_stream(read, TableId::T4);
        }
    }
}

/// Reads 表四 line by line; true when its data row had exactly its 15 values.
fn t4_by_cells(ctx: &mut Ctx, table: &[Line]) -> bool {
    let mut complete = false;
    let mut data_seen = false;
    let mut text_after = Vec::new();
    for line in table {
        if line.is_blank() {
            continue;
        }
        let cells = line.non_empty();
        if cells.iter().any(|c| labels::t4_header_word(c)) && !data_seen {
            continue;
        }
        if !data_seen && (cells.len() > 1 || line.cells.len() > 1) {
            data_seen = true;
            let targets: Vec<usize> = (0..T4_GROUPS.len())
                .flat_map(|g| (0..T4_COLUMNS.len()).map(move |c| t4(g, c)))
                .collect();
            complete = cells.len() == targets.len();
            place_values(ctx, &targets, &cells, "表四数据行", false);
        } else {
            text_after.push(line);
        }
    }
    if !data_seen {
        ctx.find(
            Rule::Import,
            Severity::Warning,
            vec![Place::Table(TableId::T4)],
            "未找到表四的数据行".into(),
        );
    }
    trailing_text(ctx, TextId::S4, &text_after);
    complete
}
