//! Turns a [`Doc`] into a [`Report`]: title, sections, sub-areas, the three tables and the
//! signature block. Rows are anchored on their labels; values on the right edge (总计 last).

mod reader;
mod scan;
mod section_one;
mod table2;
mod table3;
mod table4;

use super::doc::{Doc, ImportError, Imported};
use super::labels::{self, Match};
use crate::finding::{MetaField, Place, Rule, Severity};
use crate::model::OrganKind;
use crate::template::{SECTIONS, SectionId, TITLE_SUFFIX, TextId};
use reader::{Ctx, Line, block_text, date_line};
use section_one::section_one;
use table2::section_two;
use table3::section_three;
use table4::section_four;

/// The title's words without 年度, as some reports print them.
const SHORT_TITLE_SUFFIX: &str = "政府信息公开工作报告";

/// Assembles a report from a document (a scan's pages move on into the import).
pub fn assemble(mut doc: Doc) -> Result<Imported, ImportError> {
    let pages = std::mem::take(&mut doc.scanned_pages);
    let doc = &doc;
    let mut lines = lines_of(doc);
    let mut ctx = Ctx::new(doc);
    closing_block(&mut ctx, &mut lines);
    let mut heads = section_heads(&mut ctx, &lines);
    let by_table = heads_by_table(&mut ctx, &lines, &mut heads);

    let body_start = heads.first().map_or(lines.len(), |h| h.0);
    let (title_end, title) = title_of(&lines[..body_start]);
    if title_end.is_none() && heads.is_empty() {
        return Err(ImportError::NotAReport);
    }
    // A title line that is a sentence is the 导语 of a page whose title was cut off: the
    // report's title as the 导语 quotes it (现发布《…年度报告》) gives organ and year.
    let quoted = title_end.and_then(|_| title_quoted_in_intro(&title));
    let title_end = if quoted.is_some() { None } else { title_end };
    match (title_end, quoted) {
        (_, Some(quoted)) => {
            parse_title(&mut ctx, &quoted);
            ctx.find(
                Rule::Import,
                Severity::Warning,
                vec![Place::Meta(MetaField::Organ)],
                format!("未找到报告标题，已按导语中的《{quoted}》读取机关和年度；发布时请加上标题"),
            );
        }
        (Some(_), None) => parse_title(&mut ctx, &title),
        // No title and no quoted one: the organ from the 落款, the year from the period the
        // 导语 states (本报告统计数据从2024年1月1日…), said as read so.
        (None, None) if !ctx.report.meta.signature.is_empty() => {
            let organ = ctx.report.meta.signature.clone();
            let intro = lines[..body_start]
                .iter()
                .map(|l| l.raw.as_str())
                .collect::<String>();
            ctx.report.meta.year = year_of_period(&intro);
            ctx.report.meta.organ_kind = OrganKind::infer(&organ);
            ctx.find(
                Rule::Import,
                Severity::Warning,
                vec![Place::Meta(MetaField::Organ)],
                format!("未找到报告标题，已按落款“{organ}”读取机关；发布时请加上标题（机关全称+YYYY年{TITLE_SUFFIX}）"),
            );
            ctx.report.meta.organ = organ;
        }
        (None, None) => ctx.find(
            Rule::Import,
            Severity::Warning,
            vec![Place::Meta(MetaField::Organ)],
            "未找到报告标题（应为“机关全称+YYYY年政府信息公开工作年度报告”）".into(),
        ),
    }
    let intro_start = title_end.map_or(0, |t| t + 1);
    let intro = block_text(&lines[intro_start.min(body_start)..body_start]);
    ctx.report.set_text(TextId::Intro, intro);

    read_sections(&mut ctx, &lines, &heads, &by_table);
    let cells = ctx
        .read_from
        .iter()
        .filter_map(|(&i, at)| Some((i, doc.scanned_cells.get(at)?.clone())))
        .collect();
    if doc.read_by_ocr {
        scan::after_reading(&mut ctx, &cells);
    }
    Ok(Imported {
        report: ctx.report,
        findings: ctx.findings,
        provenance: ctx.provenance,
        scanned: crate::import::Scan { cells, pages },
    })
}

/// The document's lines as the readers see them.
fn lines_of(doc: &Doc) -> Vec<Line<'_>> {
    doc.lines
        .iter()
        .enumerate()
        .map(|(i, cells)| {
            let grid = doc.grid_rows.get(i).copied().unwrap_or(false);
            // A header row of column numbers (OCR'd tables: `1 2 3 4 5 6`, `数据1 … 数据6`)
            // holds no values: read as a blank line.
            if is_column_numbering(cells) {
                return Line {
                    raw: String::new(),
                    cells: Vec::new(),
                    exact: false,
                    grid,
                };
            }
            Line {
                raw: cells.join("\t"),
                cells: cells.iter().map(String::as_str).collect(),
                exact: doc.exact_cells || grid,
                grid,
            }
        })
        .collect()
}

/// Closing block: signature and date at the end (published files may end in blank lines).
/// Takes them off `lines` into the report's meta.
fn closing_block(ctx: &mut Ctx, lines: &mut Vec<Line<'_>>) {
    let last_text = lines.iter().rposition(|l| !l.is_blank());
    let Some(date) = last_text.and_then(|i| date_line(&lines[i].raw)) else {
        return;
    };
    ctx.report.meta.published = date;
    lines.truncate(last_text.unwrap_or(0));
    // A section heading right above the date is the end of an empty section, not a
    // signature (a report without 落款 whose 六 is empty).
    if let Some(sig) = lines.last().filter(|l| {
        !l.is_blank()
            && l.raw.trim().chars().count() <= 40
            && labels::section_heading(l.first()).is_none()
    }) {
        // Right-aligned in a PDF's layout: the indentation is not part of the name.
        ctx.report.meta.signature = sig.raw.trim().to_string();
        lines.pop();
        return;
    }
    // Published layout: an indented signature a blank line or two above the date.
    let n = lines.len();
    let above = lines.iter().rev().take(3).position(|l| !l.is_blank());
    let Some(k) = above.filter(|k| *k > 0) else {
        return;
    };
    let l = &lines[n - 1 - k];
    let indented = l.raw.starts_with([' ', '\u{3000}', '\t']);
    // A signature names an organ (…局, …中心, …人民政府, …办事处).
    let names_organ = OrganKind::infer(l.raw.trim()) != OrganKind::Other;
    if indented && names_organ && l.raw.trim().chars().count() <= 40 && !l.raw.contains('。') {
        ctx.report.meta.signature = l.raw.trim().to_string();
        lines.truncate(n - 1 - k);
        // Keep one framing blank line, as after any block.
        while lines.len() >= 2 && lines[lines.len() - 2..].iter().all(Line::is_blank) {
            lines.pop();
        }
    }
}

/// Section headings, in order: (line, section index).
fn section_heads(ctx: &mut Ctx, lines: &[Line<'_>]) -> Vec<(usize, usize)> {
    let mut heads: Vec<(usize, usize)> = Vec::new();
    let mut old_format_said = false;
    for (i, line) in lines.iter().enumerate() {
        if line.non_empty().len() != 1 {
            continue;
        }
        if !old_format_said && labels::pre_2019_heading(line.first()) {
            old_format_said = true;
            ctx.find(
                Rule::H10,
                Severity::Warning,
                vec![Place::Section(SectionId::S1)],
                format!(
                    "标题“{}”是2019年以前的年度报告格式：2021年度起应按国办公开办函〔2021〕30号的六个部分编写（一、总体情况 … 六、其他需要报告的事项）",
                    line.first().trim()
                ),
            );
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
    heads
}

/// Sections 二 to 四 under headings of the report's own: found where their table starts
/// (the region then begins with the table's first line), and said so. Adds them to
/// `heads` and returns the sections found by their table alone.
fn heads_by_table(
    ctx: &mut Ctx,
    lines: &[Line<'_>],
    heads: &mut Vec<(usize, usize)>,
) -> Vec<usize> {
    let mut by_table: Vec<usize> = Vec::new();
    let mut own_heads: Vec<(usize, Option<String>)> = Vec::new();
    type Starts = fn(&Line) -> bool;
    let anchors: [(usize, Starts); 3] = [
        (1, table2::starts_table),
        (2, table3::starts_table),
        (3, table4::starts_table),
    ];
    for (s, starts) in anchors {
        if heads.iter().any(|h| h.1 == s) {
            continue;
        }
        let after = heads.iter().filter(|h| h.1 < s).map(|h| h.0 + 1).max();
        let before = heads.iter().filter(|h| h.1 > s).map(|h| h.0).min();
        let from = after.unwrap_or(0);
        let to = before.unwrap_or(lines.len()).max(from);
        if let Some(i) = (from..to).find(|&i| !lines[i].is_blank() && starts(&lines[i])) {
            // The report's own heading just above the table (`三、依申请公开情况`), if any.
            let own = (from..i)
                .rev()
                .find(|&k| !lines[k].is_blank())
                .filter(|&k| {
                    let t = lines[k].raw.trim();
                    lines[k].non_empty().len() == 1
                        && t.starts_with(SECTIONS[s].numeral)
                        && t.chars().count() <= 40
                });
            match own {
                Some(k) => heads.push((k, s)),
                None => {
                    heads.push((i, s));
                    by_table.push(s);
                }
            }
            let printed = own.map(|k| lines[k].raw.trim().to_string());
            own_heads.push((s, printed));
        }
    }
    heads.sort();
    // A table found out of order (表三 before 表二's heading) is not taken.
    let in_order = heads.windows(2).all(|w| w[0].1 < w[1].1);
    if !in_order {
        heads.retain(|h| !own_heads.iter().any(|o| o.0 == h.1));
        by_table.clear();
        own_heads.clear();
    }
    for (s, printed) in &own_heads {
        let table = ["表二", "表三", "表四"][s - 1];
        let message = match printed {
            Some(p) => format!(
                "标题“{p}”与模板不一致，应为“{}”（已按其下的{table}认出这一部分）",
                SECTIONS[*s].heading
            ),
            None => format!(
                "未找到“{}”的标题，已按{table}所在的位置读取；请使用模板的标题",
                SECTIONS[*s].heading
            ),
        };
        ctx.find(
            Rule::H15,
            Severity::Warning,
            vec![Place::Section(SectionId::ALL[*s])],
            message,
        );
    }
    by_table
}

/// Title: the first non-empty lines before the body up to one that ends the title
/// pattern. Returns that line's index (none when no title was found) and the title.
fn title_of(before_body: &[Line<'_>]) -> (Option<usize>, String) {
    let mut title_end = None;
    let mut title_lines: Vec<&str> = Vec::new();
    for (i, line) in before_body.iter().enumerate().take(12) {
        if line.is_blank() {
            continue;
        }
        title_lines.push(line.raw.trim());
        // (The words may be split over two lines.)
        let so_far = title_lines.concat();
        if so_far.contains("年度报告") || so_far.ends_with(SHORT_TITLE_SUFFIX) {
            title_end = Some(i);
            break;
        }
    }
    if title_end.is_none() {
        return (None, String::new());
    }
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
    (title_end, parts.concat())
}

/// The year of the period a 导语 states (`本报告统计数据从2024年1月1日至12月31日`).
fn year_of_period(text: &str) -> Option<u16> {
    let at = text.find("年1月1日")?;
    let digits: String = text[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    (digits.len() == 4)
        .then(|| digits.chars().rev().collect::<String>())
        .and_then(|y| y.parse().ok())
}

/// The report's title as a sentence quotes it (现发布《某某区人民政府办公室2022年政府信息
/// 公开工作年度报告》，…), when `line` is such a sentence rather than a title.
fn title_quoted_in_intro(line: &str) -> Option<String> {
    if line.chars().count() <= 60 {
        return None;
    }
    line.split('《')
        .skip(1)
        .filter_map(|rest| rest.split_once('》').map(|(inner, _)| inner.trim()))
        .find(|inner| inner.ends_with(TITLE_SUFFIX) || inner.ends_with(SHORT_TITLE_SUFFIX))
        .map(str::to_string)
}

/// Reads each section's region with its reader, and says which sections are missing.
fn read_sections(ctx: &mut Ctx, lines: &[Line<'_>], heads: &[(usize, usize)], by_table: &[usize]) {
    let mut seen = [false; 6];
    for (k, &(start, s)) in heads.iter().enumerate() {
        let end = heads.get(k + 1).map_or(lines.len(), |h| h.0);
        // A section found by its table begins with the table's line itself.
        let first = if by_table.contains(&s) {
            start
        } else {
            start + 1
        };
        let region = &lines[first..end];
        seen[s] = true;
        match s {
            0 => section_one(ctx, region),
            1 => section_two(ctx, region),
            2 => section_three(ctx, region),
            3 => section_four(ctx, region),
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
}

/// True for a table row that only numbers the columns: non-empty cells `1, 2, 3, …` or
/// `数据1, 数据2, …` (at least four, in order from one), in cells or apart by spaces.
fn is_column_numbering(cells: &[String]) -> bool {
    let words: Vec<&str> = cells.iter().flat_map(|c| c.split_whitespace()).collect();
    words.len() >= 4
        && words.iter().enumerate().all(|(k, w)| {
            let n = w.strip_prefix("数据").unwrap_or(w);
            n.parse::<usize>().ok() == Some(k + 1)
        })
}

fn parse_title(ctx: &mut Ctx, title: &str) {
    let compact: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    // "…政府信息公开工作报告": the format's title without 年度, read as meant and said.
    let compact = match compact.strip_suffix(SHORT_TITLE_SUFFIX) {
        Some(head) if !compact.ends_with(TITLE_SUFFIX) => {
            ctx.find(
                Rule::H22,
                Severity::Warning,
                vec![Place::Meta(MetaField::Organ)],
                format!("标题“{compact}”应以“{TITLE_SUFFIX}”结尾（少了“年度”）"),
            );
            format!("{head}{TITLE_SUFFIX}")
        }
        _ => compact,
    };
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
