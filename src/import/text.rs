//! The text front-end: text (decoded from UTF-8, UTF-16 or GB18030) split into lines and
//! cells, with the layouts text extraction produces recognised (tab rows, one cell per line,
//! markdown rows) and page furniture dropped.

use super::doc::{Doc, ImportError};

/// Decodes a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.
pub fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(ImportError::UnknownEncoding);
        }
        return Ok(text.into_owned());
    }
    if bytes.contains(&0) {
        return Err(ImportError::NotText);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| s.into_owned())
        .ok_or(ImportError::UnknownEncoding)
}

impl Doc {
    /// Splits text into lines (LF, CRLF or CR) and each line into cells at tabs. Recognises
    /// the layouts that text extraction produces: one table row per line with tab-separated
    /// cells, one cell per line (each cell starting with a tab, rows separated by blank lines,
    /// a cell's text continuing on lines without a tab), and markdown `| … |` rows. Removes
    /// extraction leftovers: markdown bold markers and Word bookmarks (`[bookmark: _GoBack]`).
    pub fn from_text(text: &str) -> Doc {
        let text = text.replace("\r\n", "\n").replace(['\r', '\u{c}'], "\n");
        let text = split_run_together(&text);
        // A final line break ends the last line; it does not start an empty one.
        let text = text.strip_suffix('\n').unwrap_or(&text);
        let raw: Vec<String> = text
            .split('\n')
            .filter(|l| !is_page_furniture(l))
            .map(clean_line)
            .collect();
        let raw = join_wrapped_header_words(raw);
        let exact_cells = one_cell_per_line(&raw);
        let lines = if exact_cells {
            regroup_cells(&raw)
        } else {
            raw.iter().map(|l| split_cells(l)).collect()
        };
        Doc {
            lines,
            exact_cells,
            grid_rows: Vec::new(),
            read_by_ocr: false,
            scanned_cells: Default::default(),
            scanned_pages: Vec::new(),
        }
    }
}

/// The tables' header words a narrow cell wraps over two lines (a crawled page: `商业` /
/// `企业`, `行政` / `复议`): joined again where two short lines next to each other make one
/// of the template's header words, so the tables are found where they start.
fn join_wrapped_header_words(lines: Vec<String>) -> Vec<String> {
    use crate::template::{T3_COLUMNS, T4_COLUMNS, T4_GROUPS, T4_REVIEW_HEADER, T4_SUIT_HEADER};
    let is_header_word = |w: &str| {
        T3_COLUMNS.iter().any(|c| c.label == w)
            || T4_COLUMNS.iter().any(|(_, c)| *c == w)
            || T4_GROUPS.iter().any(|g| g.label == w)
            || w == T4_REVIEW_HEADER
            || w == T4_SUIT_HEADER
    };
    // A line that starts with a tab is a cell of its own (one cell per line, see
    // `regroup_cells`): never joined.
    let short = |l: &str| {
        let t = l.trim();
        !l.contains('\t') && !t.is_empty() && t.chars().count() <= 4
    };
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut lines = lines.into_iter().peekable();
    while let Some(line) = lines.next() {
        if short(&line)
            && let Some(next) = lines.peek()
            && short(next)
        {
            let joined = format!("{}{}", line.trim(), next.trim());
            if is_header_word(&joined) {
                lines.next();
                out.push(joined);
                continue;
            }
        }
        out.push(line);
    }
    out
}

/// True for a line that is page furniture, not content: a page number (`— 3 —`, `- 3 -`,
/// `第3页`, `第 3 页 共 7 页`) or the 草稿 watermark on its own.
pub(crate) fn is_page_furniture(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return false;
    }
    if t == "草稿" || t == "草" || t == "稿" {
        return true;
    }
    let dashes = |c: char| matches!(c, '—' | '-' | '－' | '–' | '·');
    let inner = t.trim_matches(dashes);
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    // One number between the dashes, as printed (`— 3 —`); a table row whose first and
    // last cells are blank marks (`—  32  27  —`) holds several and is content.
    let numbers = line
        .split(|c: char| c.is_whitespace() || dashes(c))
        .filter(|w| !w.is_empty())
        .count();
    if inner.len() < t.len()
        && digits(inner)
        && inner.len() <= 4
        && numbers == 1
        && t.starts_with(dashes)
        && t.ends_with(dashes)
    {
        return true;
    }
    if let Some((n, tail)) = t.strip_prefix('第').and_then(|rest| rest.split_once('页')) {
        let tail_ok = tail.is_empty()
            || tail
                .strip_prefix('共')
                .and_then(|x| x.strip_suffix('页'))
                .is_some_and(digits);
        return digits(n) && tail_ok;
    }
    false
}

/// Text whose line breaks were lost (a web page's `textContent`: a whole report on a few
/// very long lines): puts the title, the section headings and the sub-headings of section
/// 一 on lines of their own, so the usual reading applies. Other text is returned as is.
fn split_run_together(text: &str) -> std::borrow::Cow<'_, str> {
    use crate::template::{SECTIONS, TITLE_SUFFIX};
    let long = text.lines().filter(|l| l.chars().count() > 400).count();
    let headings_inline = SECTIONS
        .iter()
        .filter(|s| {
            text.lines()
                .any(|l| l.contains(s.heading) && l.trim() != s.heading)
        })
        .count();
    if long == 0 || headings_inline < 3 {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.lines() {
        if line.chars().count() <= 400 {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut line = line.to_string();
        // The title ends at the first 年度报告 near the start.
        if let Some(p) = line.find(TITLE_SUFFIX)
            && line[..p].chars().count() < 60
        {
            line.insert(p + TITLE_SUFFIX.len(), '\n');
        }
        let mut marks: Vec<&str> = SECTIONS.iter().map(|s| s.heading).collect();
        // Where the tables start (the headings before them may be worded differently).
        marks.extend([
            crate::template::T2_BLOCKS[0].caption,
            "（本列数据的勾稽关系",
            "行政复议行政诉讼",
        ]);
        marks.extend(
            crate::template::TextId::AREAS
                .iter()
                .filter_map(|a| a.spec().heading),
        );
        for m in marks {
            line = line.replacen(m, &format!("\n{m}\n"), 1);
        }
        // A section heading printed a character or two off (one too many, too few, or
        // another: 四、政府信息公开行政法复议、…) is put on its own line too; the sections'
        // reading then names the difference (H15).
        for s in SECTIONS {
            if !line.contains(s.heading)
                && let Some((start, end)) = near_heading(&line, s.heading)
            {
                line.insert(end, '\n');
                line.insert(start, '\n');
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    std::borrow::Cow::Owned(out)
}

/// Where `heading` stands in `line` printed one or two characters off (inserted, missing
/// or changed; the numeral as printed, so a table row 四、结转… is not taken): the byte span
/// of the closest such text, if one is within the allowance and headings of ten or more
/// characters.
fn near_heading(line: &str, heading: &str) -> Option<(usize, usize)> {
    let want: Vec<char> = heading.chars().collect();
    if want.len() < 10 {
        return None;
    }
    let allowed = want.len().div_ceil(8).min(2);
    let numeral: String = want[..2].iter().collect();
    let mut best: Option<(usize, usize, usize)> = None;
    for (start, _) in line.match_indices(numeral.as_str()) {
        let after: Vec<(usize, char)> = line[start..]
            .char_indices()
            .take(want.len() + allowed)
            .collect();
        for len in want.len().saturating_sub(allowed)..=want.len() + allowed {
            if len > after.len() {
                break;
            }
            let window: Vec<char> = after[..len].iter().map(|(_, c)| *c).collect();
            let d = crate::import::labels::edit_distance(&window, &want);
            let end = start + after.get(len).map_or(line.len() - start, |(at, _)| *at);
            if d <= allowed && best.is_none_or(|(_, _, bd)| d < bd) {
                best = Some((start, end, d));
            }
        }
    }
    best.map(|(start, end, _)| (start, end))
}

/// Removes extraction leftovers from a line: `[bookmark: …]` and markdown `**`.
fn clean_line(line: &str) -> String {
    // Markdown headings (`## 一、总体情况`).
    let trimmed = line.trim_start();
    let line = match trimmed.trim_start_matches('#') {
        rest if rest.len() < trimmed.len() && rest.starts_with(' ') => rest.trim_start(),
        _ => line,
    };
    let mut out = line.replace("**", "");
    while let Some(start) = out.find("[bookmark:") {
        match out[start..].find(']') {
            Some(end) => out.replace_range(start..start + end + 1, ""),
            None => break,
        }
    }
    out
}

/// A line's cells: tab-separated, or a markdown table row `| a | b |`.
fn split_cells(line: &str) -> Vec<String> {
    let t = line.trim();
    if t.len() > 1 && t.starts_with('|') && t.ends_with('|') {
        let inner = &t[1..t.len() - 1];
        // The separator row |---|:---:| carries nothing.
        if inner.chars().all(|c| matches!(c, '-' | ':' | '|' | ' ')) {
            return vec![String::new()];
        }
        return inner.split('|').map(|c| c.trim().to_string()).collect();
    }
    line.split('\t').map(str::to_string).collect()
}

/// True when the tables are written one cell per line: many lines that are a single cell
/// behind one tab, and few lines with several tab-separated cells.
fn one_cell_per_line(lines: &[String]) -> bool {
    let single = lines
        .iter()
        .filter(|l| l.starts_with('\t') && !l[1..].contains('\t'))
        .count();
    let multi = lines
        .iter()
        .filter(|l| l.split('\t').filter(|c| !c.trim().is_empty()).count() >= 2)
        .count();
    single >= 20 && single > 3 * multi
}

/// Joins one-cell-per-line blocks into rows: a block runs until a blank line; each line
/// starting with a tab begins a cell; a line without a tab continues the cell before it
/// (vertical labels such as 三、/本/年/度… come out one character per line).
fn regroup_cells(lines: &[String]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut block: Option<Vec<String>> = None;
    for line in lines {
        // A line holding only a tab is an empty cell, not the end of the row.
        if !line.starts_with('\t') && line.trim().is_empty() {
            if let Some(b) = block.take() {
                out.push(b);
            }
            out.push(vec![String::new()]);
        } else if let Some(cell) = line.strip_prefix('\t') {
            block
                .get_or_insert_with(|| vec![String::new()])
                .extend(cell.split('\t').map(str::to_string));
        } else if let Some(b) = block.as_mut() {
            if let Some(last) = b.last_mut() {
                last.push_str(line.trim());
            }
        } else {
            out.push(split_cells(line));
        }
    }
    if let Some(b) = block {
        out.push(b);
    }
    out
}

#[cfg(test)]
mod layout_tests {
    use crate::export::text::export_text;
    use crate::finding::Rule;
    use crate::import::import_text;
    use crate::model::{Date, OrganKind, Report};
    use crate::template::TextId;

    fn sample() -> Report {
        let mut r = Report::new("某某县人民政府办公室", OrganKind::Government, 2024);
        r.set_text(TextId::S6, "本年度未收取信息处理费。");
        r.meta.signature.clear();
        r
    }

    #[test]
    fn a_run_together_heading_with_a_character_too_many_is_found() {
        let mut r = sample();
        for i in 0..crate::template::TEMPLATE.cells.len() {
            if crate::template::TEMPLATE.cells[i].kind == crate::template::CellKind::Count {
                r.set_cell(i, crate::model::CellValue::Count(0));
            }
        }
        r.set_cell(crate::template::t4(0, 0), crate::model::CellValue::Count(2));
        crate::check::fill_totals(&mut r);
        let run_together: String = export_text(&r).replace(['\t', '—', '\n'], "").replace(
            "四、政府信息公开行政复议、行政诉讼情况",
            "四、政府信息公开行政法复议、行政诉讼情况",
        );
        let imported = import_text(run_together.as_bytes()).unwrap();
        assert!(
            imported.findings.iter().any(|f| f.rule == Rule::H15
                && f.message.contains("行政法复议")
                && !f.message.contains("未找到")),
            "{:?}",
            imported.findings
        );
        assert_eq!(
            imported.report.cell(crate::template::t4(0, 0)),
            &crate::model::CellValue::Count(2)
        );
    }

    /// The report's text without its title line, imported; the organ and year read anyway.
    fn imported_without_title(r: &Report) -> crate::import::Imported {
        let text = export_text(r);
        let untitled = text.replacen(
            "某某县人民政府办公室2024年政府信息公开工作年度报告\n",
            "",
            1,
        );
        assert_ne!(text, untitled, "the title was taken away");
        let imported = import_text(untitled.as_bytes()).unwrap();
        assert_eq!(imported.report.meta.organ, "某某县人民政府办公室");
        assert_eq!(imported.report.meta.year, Some(2024));
        imported
    }

    #[test]
    fn a_page_without_its_title_gives_organ_and_year_from_the_intro() {
        let mut r = sample();
        r.set_text(
            TextId::Intro,
            "根据《中华人民共和国政府信息公开条例》规定，现发布《某某县人民政府办公室2024年政府信息公开工作年度报告》，本报告统计数据从2024年1月1日至12月31日。",
        );
        let imported = imported_without_title(&r);
        assert!(
            imported
                .report
                .text(TextId::Intro)
                .is_some_and(|t| t.starts_with("根据")),
            "the 导语 stays the 导语"
        );
        assert!(
            imported
                .findings
                .iter()
                .any(|f| f.message.contains("未找到报告标题"))
        );
    }

    #[test]
    fn without_title_or_quoted_title_the_organ_comes_from_the_signature() {
        let mut r = sample();
        r.set_text(
            TextId::Intro,
            "本报告由本机关编制，本报告统计数据从2024年1月1日至12月31日。",
        );
        r.meta.signature = "某某县人民政府办公室".into();
        r.meta.published = crate::model::Date::new(2025, 1, 20);
        let imported = imported_without_title(&r);
        assert!(
            imported
                .findings
                .iter()
                .any(|f| f.message.contains("已按落款"))
        );
    }

    #[test]
    fn s10_unknown_table_two_header() {
        let text = export_text(&sample());
        assert!(
            import_text(text.as_bytes())
                .unwrap()
                .findings
                .iter()
                .all(|f| f.rule != Rule::S10)
        );
        let changed = text.replace("本年制发件数", "本年发文数量");
        let found = import_text(changed.as_bytes()).unwrap().findings;
        assert!(
            found
                .iter()
                .any(|f| f.rule == Rule::S10 && f.message.contains("本年发文数量")),
            "{found:?}"
        );
    }

    #[test]
    fn areas_numbered_like_sections_are_matched_by_meaning() {
        let mut r = sample();
        for (k, a) in TextId::AREAS.iter().enumerate() {
            r.set_text(*a, format!("第{k}方面的内容。"));
        }
        let mut text = export_text(&r);
        for (a, numeral) in TextId::AREAS
            .iter()
            .zip(["一、", "二、", "三、", "四、", "五、"])
        {
            let h = a.spec().heading.unwrap();
            text = text.replacen(h, &format!("{numeral}{}", &h["（一）".len()..]), 1);
        }
        let imported = import_text(text.as_bytes()).unwrap();
        for (k, a) in TextId::AREAS.iter().enumerate() {
            assert_eq!(
                imported.report.text(*a),
                Some(format!("第{k}方面的内容。").as_str())
            );
        }
        let variants = imported
            .findings
            .iter()
            .filter(|f| f.rule == Rule::H15)
            .count();
        assert_eq!(variants, 5, "{:?}", imported.findings);
        // The sections themselves are found as before.
        assert_eq!(
            imported.report.text(TextId::S6),
            Some("本年度未收取信息处理费。")
        );
    }

    #[test]
    fn a_title_with_nian_du_twice_is_a_title_defect() {
        let text = export_text(&sample()).replacen(
            "2024年政府信息公开工作年度报告",
            "2024年度政府信息公开工作年度报告",
            1,
        );
        let imported = import_text(text.as_bytes()).unwrap();
        assert_eq!(imported.report.meta.year, Some(2024));
        assert!(
            imported
                .findings
                .iter()
                .any(|f| f.rule == Rule::H19 && f.message.contains("“年度”重复")),
            "{:?}",
            imported.findings
        );
        let plain = import_text(export_text(&sample()).as_bytes()).unwrap();
        assert!(plain.findings.iter().all(|f| f.rule != Rule::H19));
    }

    #[test]
    fn s8_a_group_line_with_a_subtotal_is_checked_and_not_kept() {
        use crate::model::CellValue;
        use crate::template::{CELL_COUNT, T3_ROWS, t3};
        let mut r = sample();
        for i in 0..CELL_COUNT {
            r.set_cell(i, CellValue::Count(0));
        }
        let leaf = |n: usize| {
            T3_ROWS
                .iter()
                .position(|row| row.id == format!("r3_4_{n}"))
                .unwrap()
        };
        r.set_cell(t3(leaf(1), 0), CellValue::Count(1));
        r.set_cell(t3(leaf(2), 0), CellValue::Count(1));
        crate::check::fill_totals(&mut r);
        let text = export_text(&r);
        let with_subtotal = |n: u64| {
            text.replacen(
                "\t（四）无法提供\t1.",
                &format!("\t（四）无法提供\t\t{n}\t0\t0\t0\t0\t0\t{n}\n\t\t1."),
                1,
            )
        };
        let s8 = |text: String| {
            let imported = import_text(text.as_bytes()).unwrap();
            assert_eq!(imported.report.cell(t3(leaf(1), 0)), &CellValue::Count(1));
            let s8: Vec<_> = imported
                .findings
                .into_iter()
                .filter(|f| f.rule == Rule::S8)
                .collect();
            assert!(
                !imported.report.cells().iter().any(|c| c.count() == Some(3)),
                "a subtotal is not kept in any cell"
            );
            s8
        };
        let agrees = s8(with_subtotal(2));
        assert_eq!(agrees.len(), 1);
        assert_eq!(agrees[0].severity, crate::finding::Severity::Info);
        let differs = s8(with_subtotal(3));
        assert_eq!(differs.len(), 1);
        assert_eq!(differs[0].severity, crate::finding::Severity::Warning);
        assert!(
            differs[0]
                .message
                .contains("自然人列：小计3 ≠ 三(四)1(1)+三(四)2(1)+三(四)3(0)=2，差1"),
            "{}",
            differs[0].message
        );
        assert!(s8(text).is_empty(), "no subtotal, no S8");
    }

    /// A report with 表三 row 一 = 821, 35, blank, blank, 2, 1, 859 (the rest 0, sums kept).
    fn with_row_one() -> (Report, String) {
        use crate::model::CellValue;
        use crate::template::{CELL_COUNT, t3};
        let mut r = sample();
        for i in 0..CELL_COUNT {
            r.set_cell(i, CellValue::Count(0));
        }
        for (c, v) in [821, 35, 0, 0, 2, 1, 859].into_iter().enumerate() {
            r.set_cell(t3(0, c), CellValue::Count(v));
        }
        r.set_cell(t3(0, 2), CellValue::Blank);
        r.set_cell(t3(0, 3), CellValue::Blank);
        let text = export_text(&r);
        (r, text)
    }

    #[test]
    fn a_label_alone_takes_the_tab_separated_values_below_it_blanks_in_place() {
        use crate::template::{T3_ROWS, t3};
        let (r, text) = with_row_one();
        let label = T3_ROWS[0].label;
        let row = text
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap()
            .to_string();
        let split = text.replacen(&row, &format!("{label}\n\t821\t35\t\t\t2\t1\t859"), 1);
        let imported = import_text(split.as_bytes()).unwrap();
        for c in 0..7 {
            assert_eq!(
                imported.report.cell(t3(0, c)),
                r.cell(t3(0, c)),
                "column {c}"
            );
        }
        assert!(imported.provenance.is_empty(), "{:?}", imported.provenance);
        // A header row of column numbers between them is no row of values.
        let numbered = text.replacen(
            &row,
            &format!("{label}\n1\t2\t3\t4\t5\t6\t7\n\t821\t35\t\t\t2\t1\t859"),
            1,
        );
        let imported = import_text(numbered.as_bytes()).unwrap();
        for c in 0..7 {
            assert_eq!(
                imported.report.cell(t3(0, c)),
                r.cell(t3(0, c)),
                "column {c}"
            );
        }
        let ocr = text.replacen(
            &row,
            &format!("数据1 数据2 数据3 数据4 数据5 数据6 数据7\n{row}"),
            1,
        );
        let imported = import_text(ocr.as_bytes()).unwrap();
        assert!(
            imported
                .findings
                .iter()
                .all(|f| !f.message.contains("数据1")),
            "{:?}",
            imported.findings
        );
    }

    #[test]
    fn tables_under_headings_of_the_reports_own_are_read_where_they_stand() {
        use crate::template::SECTIONS;
        let (_, text) = with_row_one();
        let r = import_text(text.as_bytes()).unwrap().report;
        let own = text
            .replacen(SECTIONS[1].heading, "二、主动公开情况统计", 1)
            .replacen(SECTIONS[2].heading, "三、依申请公开统计", 1)
            .replacen(SECTIONS[3].heading, "", 1);
        let imported = import_text(own.as_bytes()).unwrap();
        for i in 0..crate::template::ALL_CELLS {
            assert_eq!(
                imported.report.cell(i),
                r.cell(i),
                "{}",
                crate::template::TEMPLATE.cells[i].id
            );
        }
        let h15: Vec<&str> = imported
            .findings
            .iter()
            .filter(|f| f.rule == Rule::H15)
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(h15.len(), 3, "{h15:?}");
        assert!(h15[0].contains("“二、主动公开情况统计”") && h15[0].contains(SECTIONS[1].heading));
        assert!(h15[2].contains("已按表四所在的位置读取"), "{h15:?}");
        assert!(
            imported.findings.iter().all(|f| f.rule != Rule::Import),
            "{:?}",
            imported.findings
        );
    }

    #[test]
    fn two_rows_numbers_on_one_line_are_dealt_out_by_row_order_and_sums() {
        use crate::template::{T3_ROWS, t3};
        let (_, text) = with_row_one();
        let want = import_text(text.as_bytes()).unwrap().report;
        let one = text
            .lines()
            .find(|l| l.starts_with(T3_ROWS[0].label))
            .unwrap();
        let two = text
            .lines()
            .find(|l| l.starts_with(T3_ROWS[1].label))
            .unwrap();
        let numbers = |l: &str| -> Vec<String> {
            l.split('\t')
                .skip(1)
                .filter(|c| !c.is_empty())
                .map(|c| {
                    if c == "—" {
                        "0".into()
                    } else {
                        c.to_string()
                    }
                })
                .collect()
        };
        // Row 一 = 821 35 0 0 2 1 859 (blanks as 0 here), row 二 = 0 × 7, on one line.
        let joined = format!(
            "{}\t{}",
            T3_ROWS[0].label,
            [numbers(one), numbers(two)].concat().join("\t")
        );
        let merged = text.replacen(&format!("{one}\n{two}"), &joined, 1);
        assert_ne!(merged, text);
        let imported = import_text(merged.as_bytes()).unwrap();
        for c in 0..7 {
            assert_eq!(
                imported.report.cell(t3(1, c)),
                want.cell(t3(1, c)),
                "二 column {c}"
            );
            assert_eq!(
                imported.report.cell(t3(0, c)).count().unwrap_or(0),
                want.cell(t3(0, c)).count().unwrap_or(0),
                "一 column {c}"
            );
        }
        assert!(
            imported
                .findings
                .iter()
                .any(|f| f.message.contains("一行读到14个数")),
            "{:?}",
            imported.findings
        );
        // Halves that do not keep the row sums are not dealt: left for the reviewer.
        let broken = merged.replacen("\t859\t", "\t858\t", 1);
        let imported = import_text(broken.as_bytes()).unwrap();
        assert!(
            imported
                .findings
                .iter()
                .all(|f| !f.message.contains("一行读到14个数")),
            "{:?}",
            imported.findings
        );
    }

    #[test]
    fn a_table_two_label_with_a_typo_is_read_and_named() {
        use crate::template::T2_FEES;
        let (_, text) = with_row_one();
        let want = import_text(text.as_bytes()).unwrap().report;
        let typo = text.replacen("行政事业性收费", "行政事业收费", 1);
        assert_ne!(typo, text);
        let imported = import_text(typo.as_bytes()).unwrap();
        assert_eq!(imported.report.cell(T2_FEES), want.cell(T2_FEES));
        assert!(
            imported.findings.iter().any(|f| f.rule == Rule::H15
                && f.message.contains("“行政事业收费”")
                && f.message.contains("“行政事业性收费”")),
            "{:?}",
            imported.findings
        );
    }

    #[test]
    fn published_signature_block_with_gap() {
        let mut text = export_text(&sample());
        text.push_str("\n                   某某县区委区政府机关服务中心\n\n                         2025年1月30日\n\n");
        let imported = import_text(text.as_bytes()).unwrap().report;
        assert_eq!(imported.meta.signature, "某某县区委区政府机关服务中心");
        assert_eq!(imported.meta.published, Date::new(2025, 1, 30));
        assert_eq!(imported.text(TextId::S6), Some("本年度未收取信息处理费。"));
        // A short indented line that names no organ stays text.
        let mut plain = export_text(&sample());
        plain = plain.replace("本年度未收取信息处理费。", "  无");
        plain.push_str("2025年1月30日\n");
        let r = import_text(plain.as_bytes()).unwrap().report;
        assert_eq!(r.meta.signature, "");
        assert_eq!(r.text(TextId::S6), Some("  无"));
    }

    #[test]
    fn page_numbers_are_furniture_but_a_row_between_blank_marks_is_not() {
        use super::is_page_furniture;
        for page in ["— 3 —", "- 12 -", "—3—", "第3页", "第 3 页 共 7 页", "草稿"] {
            assert!(is_page_furniture(page), "{page}");
        }
        // 表四's data row with its first and last cells blank (found by the text round
        // trip): it was dropped as a page number, and 表四 read as not found.
        for row in ["—\t32\t27\t—", "— 32 27 —", "—\t1234567\t—"] {
            assert!(!is_page_furniture(row), "{row}");
        }
        let mut r = sample();
        for (k, g) in (0..3).flat_map(|g| (0..5).map(move |c| (g, c))).enumerate() {
            let v = if g.1 == 0 && g.0 == 0 {
                0
            } else {
                k as u64 + 1
            };
            r.set_cell(
                crate::template::t4(g.0, g.1),
                crate::model::CellValue::Count(v),
            );
        }
        r.set_cell(crate::template::t4(0, 0), crate::model::CellValue::Blank);
        r.set_cell(crate::template::t4(2, 4), crate::model::CellValue::Blank);
        let back = import_text(export_text(&r).as_bytes()).unwrap().report;
        assert_eq!(
            back.cell(crate::template::t4(0, 1)),
            r.cell(crate::template::t4(0, 1))
        );
        assert_eq!(
            back.cell(crate::template::t4(2, 3)),
            r.cell(crate::template::t4(2, 3))
        );
    }

    #[test]
    fn reworded_headings_a_short_title_and_old_headings_are_named() {
        use crate::template::{SECTIONS, TITLE_SUFFIX};
        let mut r = sample();
        r.set_text(TextId::S5, "问题是解读形式单一。");
        let text = export_text(&r);
        let plain = import_text(text.as_bytes()).unwrap();
        let rules = |i: &crate::import::Imported| -> Vec<Rule> {
            i.findings.iter().map(|f| f.rule).collect()
        };
        for rule in [Rule::H10, Rule::H15, Rule::H22] {
            assert!(!rules(&plain).contains(&rule), "{:?}", plain.findings);
        }
        // A heading with two characters changed: read as 五, named with the right wording.
        let reworded = text.replacen(SECTIONS[4].heading, "五、存在的主要问题及改进举措", 1);
        let i = import_text(reworded.as_bytes()).unwrap();
        assert_eq!(i.report.text(TextId::S5), Some("问题是解读形式单一。"));
        let h15: Vec<&str> = i
            .findings
            .iter()
            .filter(|f| f.rule == Rule::H15)
            .map(|f| f.message.as_str())
            .collect();
        assert!(
            h15.iter()
                .any(|m| m.contains("改进举措") && m.contains(SECTIONS[4].heading)),
            "{h15:?}"
        );
        // "…工作报告": the organ and year still read, the title named.
        let short = text.replacen(TITLE_SUFFIX, "政府信息公开工作报告", 1);
        let i = import_text(short.as_bytes()).unwrap();
        assert_eq!(i.report.meta.organ, "某某县人民政府办公室");
        assert_eq!(i.report.meta.year, Some(2024));
        assert!(
            i.findings
                .iter()
                .any(|f| f.rule == Rule::H22 && f.message.contains("少了“年度”")),
            "{:?}",
            i.findings
        );
        // The pre-2019 format's first heading.
        let old = text.replacen(SECTIONS[0].heading, "一、概述", 1);
        let i = import_text(old.as_bytes()).unwrap();
        assert!(
            i.findings
                .iter()
                .any(|f| f.rule == Rule::H10 && f.message.contains("“一、概述”是2019年以前")),
            "{:?}",
            i.findings
        );
    }
}
