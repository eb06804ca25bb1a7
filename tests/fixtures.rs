//! The published fixtures 000, 001 and 003 (tab-separated 2021 layout) import with their
//! numbers in the right cells and give the findings the spec's §7 lists.

use std::path::PathBuf;

use nianbao::check::check;
use nianbao::finding::{Finding, Rule, Severity};
use nianbao::import::{Imported, import_text};
use nianbao::model::CellValue;
use nianbao::template::TextId;

fn fixture(prefix: &str) -> Vec<u8> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/published");
    let entry = std::fs::read_dir(&dir)
        .expect("tests/data/published")
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .expect("fixture file");
    std::fs::read(entry.path()).expect("readable fixture")
}

fn import(prefix: &str) -> Imported {
    import_text(&fixture(prefix)).expect("fixture imports")
}

fn count(i: &Imported, id: &str) -> Option<u64> {
    i.report.cell_by_id(id).and_then(CellValue::count)
}

fn errors(f: &[Finding]) -> Vec<&Finding> {
    f.iter().filter(|f| f.severity == Severity::Error).collect()
}

#[test]
fn fixture_000_numbers_and_findings() {
    let i = import("000");
    assert_eq!(i.report.meta.organ, "政府办");
    assert_eq!(i.report.meta.year, Some(2021));
    for (id, v) in [
        ("t2.art20_1.normative.issued", 5),
        ("t2.art20_1.normative.repealed", 1),
        ("t2.art20_1.normative.in_force", 54),
        ("t2.art20_1.regulation.in_force", 0),
        ("t3.r1.np", 3),
        ("t3.r1.total", 3),
        ("t3.r3_1.np", 2),
        ("t3.r3_1.total", 2),
        ("t3.r3_4_1.np", 1),
        ("t3.r3_4_1.total", 1),
        ("t3.r3_7.np", 3),
        ("t3.r3_7.total", 3),
        ("t3.r4.total", 0),
        ("t4.review.total", 0),
        ("t4.suit_after_review.total", 0),
    ] {
        assert_eq!(count(&i, id), Some(v), "{id}");
    }
    assert_eq!(
        i.report
            .cell_by_id("t2.art20_8.fees.amount_wan")
            .map(CellValue::display),
        Some("0".into())
    );
    // Row （一） lost a cell in extraction: reported, not guessed silently.
    let s9: Vec<_> = i.findings.iter().filter(|f| f.rule == Rule::S9).collect();
    assert!(
        s9.iter()
            .any(|f| f.places.iter().any(|p| p.id() == "t3.r3_1.total")),
        "{s9:?}"
    );
    assert!(
        i.findings
            .iter()
            .any(|f| f.rule == Rule::H15 && f.message.contains("其他法律法规禁止公开"))
    );
    let checked = check(&i.report);
    assert!(
        checked.iter().all(|f| f.rule != Rule::O1),
        "O1 holds in 000: {checked:?}"
    );
    assert!(errors(&checked).is_empty(), "{checked:?}");
    assert!(
        i.report
            .text(TextId::S6)
            .is_some_and(|t| t.contains("109号"))
    );
    assert!(
        i.report
            .text(TextId::S1_5)
            .is_some_and(|t| t.starts_with("优化考核方式"))
    );
}

#[test]
fn fixture_001_negative_licensing_is_s5() {
    let i = import("001");
    assert_eq!(i.report.meta.year, Some(2021));
    assert_eq!(
        i.report.cell_by_id("t2.art20_5.licensing.decisions"),
        Some(&CellValue::Invalid("-2".into()))
    );
    assert_eq!(count(&i, "t3.r4.total"), Some(0));
    assert_eq!(count(&i, "t3.r3_7.np"), Some(0));
    let checked = check(&i.report);
    let errs = errors(&checked);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(checked.iter().all(|f| f.rule != Rule::H5), "{checked:?}");
    assert_eq!(errs[0].rule, Rule::S5);
    assert_eq!(errs[0].places[0].id(), "t2.art20_5.licensing.decisions");
    assert!(
        checked
            .iter()
            .any(|f| f.rule == Rule::H8 && f.severity == Severity::Warning)
    );
    assert!(checked.iter().any(|f| f.rule == Rule::H9));
    assert!(
        i.findings
            .iter()
            .any(|f| f.rule == Rule::H15 && f.message.contains("社会组织"))
    );
    assert_eq!(i.report.text(TextId::S6), Some("无"));
}

#[test]
fn fixture_003_is_clean_and_complete() {
    let i = import("003");
    assert_eq!(i.report.meta.organ, "原州区人民政府办公室");
    assert_eq!(i.report.meta.year, Some(2022));
    for (id, v) in [
        ("t2.art20_1.normative.issued", 3),
        ("t2.art20_1.normative.repealed", 25),
        ("t2.art20_1.normative.in_force", 21),
        ("t3.r1.np", 8),
        ("t3.r1.total", 8),
        ("t3.r3_1.np", 2),
        ("t3.r3_2.np", 4),
        ("t3.r3_4_1.np", 1),
        ("t3.r3_4_2.total", 1),
        ("t3.r3_7.total", 8),
        ("t3.r4.np", 0),
    ] {
        assert_eq!(count(&i, id), Some(v), "{id}");
    }
    assert!(
        i.findings.iter().all(|f| f.rule != Rule::S9),
        "{:?}",
        i.findings
    );
    let checked = check(&i.report);
    assert!(errors(&checked).is_empty(), "{checked:?}");
    let h5: Vec<_> = checked.iter().filter(|f| f.rule == Rule::H5).collect();
    assert_eq!(h5.len(), 1, "{h5:?}");
    assert!(h5[0].message.contains("保留 27 件") && h5[0].message.contains("现行有效件数(21)"));
    for area in TextId::AREAS {
        assert!(
            i.report.text(area).is_some_and(|t| !t.trim().is_empty()),
            "{area:?}"
        );
    }
    assert!(
        i.report
            .text(TextId::Intro)
            .is_some_and(|t| t.contains("国办公开办函〔2021〕30号"))
    );
}

#[test]
fn encodings_and_line_endings_import_alike() {
    let bytes = fixture("003");
    let text = String::from_utf8(bytes.clone()).unwrap();
    let crlf = text.replace('\n', "\r\n");
    let bom = [b"\xEF\xBB\xBF".as_slice(), crlf.as_bytes()].concat();
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&crlf);
    assert!(!unmappable);
    let (gbk_lf, _, _) = encoding_rs::GB18030.encode(&text);
    let base = import_text(&bytes).unwrap().report;
    for variant in [
        crlf.as_bytes().to_vec(),
        bom,
        gbk.into_owned(),
        gbk_lf.into_owned(),
    ] {
        assert_eq!(import_text(&variant).unwrap().report, base);
    }
}

/// 表三 as transcribed by hand from a fixture: one line per row (r1, r2, r3_1 … r4, the
/// 2021 rows in order), `_` for a blank cell.
fn assert_t3(i: &Imported, expected: &str) {
    let rows = nianbao::template::T3_ROWS;
    let lines: Vec<&str> = expected
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), rows.len());
    for (r, line) in lines.iter().enumerate() {
        let values: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(values.len(), 7, "{line}");
        for (c, v) in values.iter().enumerate() {
            let cell = i.report.cell(nianbao::template::t3(r, c));
            let shown = if cell.is_blank() {
                "_".to_string()
            } else {
                cell.display()
            };
            assert_eq!(
                shown,
                *v,
                "{}·{}",
                rows[r].short,
                nianbao::template::T3_COLUMNS[c].label
            );
        }
    }
}

fn has(findings: &[Finding], rule: Rule, text: &str) -> bool {
    findings
        .iter()
        .any(|f| f.rule == rule && f.message.contains(text))
}

#[test]
fn fixture_002_one_cell_per_line_2019_format() {
    let i = import("002");
    assert_eq!(i.report.format, nianbao::model::Format::V2019);
    assert_eq!(i.report.meta.organ, "道外区机关服务中心");
    assert_eq!(i.report.meta.year, Some(2020));
    assert_eq!(i.report.meta.signature, "道外区区委区政府机关服务中心");
    assert_eq!(
        i.report.meta.published,
        nianbao::model::Date::new(2021, 1, 30)
    );
    // 表三: zeros, with the blanks of （三）7, （七）总计 and 四 kept where they are.
    assert_t3(
        &i,
        "0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         _ _ 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         0 0 _ _ _ _ 0
         _ _ _ _ _ _ 0",
    );
    // The single 2019 （六）其他处理 row is kept as t3.r3_6.*.
    for c in 0..7 {
        assert_eq!(
            i.report.cell(nianbao::template::t3_r3_6_2019(c)),
            &CellValue::Count(0)
        );
    }
    // 表二 2019 → 2021 where the spec maps it; 表四 all zeros.
    for id in [
        "t2.art20_1.regulation.issued",
        "t2.art20_1.normative.issued",
        "t2.art20_5.licensing.decisions",
        "t2.art20_6.penalty.decisions",
        "t2.art20_6.coercion.decisions",
        "t4.review.upheld",
        "t4.suit_direct.total",
        "t4.suit_after_review.total",
    ] {
        assert_eq!(count(&i, id), Some(0), "{id}");
    }
    assert!(
        i.report
            .cell_by_id("t2.art20_1.normative.in_force")
            .is_some_and(CellValue::is_blank)
    );
    assert!(has(&i.findings, Rule::Import, "2019年版格式"));
    let all: Vec<Finding> = i.findings.iter().cloned().chain(check(&i.report)).collect();
    // §7: section 六 missing (H8 error), blanks (S7), headings without numbers (H15).
    assert!(has(&all, Rule::H8, "缺少“六、其他需要报告的事项”"));
    assert!(has(
        &all,
        Rule::S7,
        "表三 （三）不予公开·7.属于行政执法案卷有2个空白单元格"
    ));
    assert!(has(&all, Rule::S7, "表三 （七）总计有4个空白单元格"));
    assert!(has(
        &all,
        Rule::S7,
        "表三 四、结转下年度继续办理有6个空白单元格"
    ));
    assert!(has(&all, Rule::H15, "“收到和处理政府信息公开申请情况”"));
    assert!(has(&all, Rule::H15, "“政府信息公开行政复议、行政诉讼情况”"));
    // A 2020 report in the 2019 format is right: no H10; nothing left unplaced.
    assert!(!all.iter().any(|f| f.rule == Rule::H10));
    assert!(!has(&all, Rule::Import, "无法识别"));
    assert!(i.report.text(TextId::S6).is_none());
}

#[test]
fn fixture_004_2021_report_in_2019_format() {
    let i = import("004");
    assert_eq!(i.report.format, nianbao::model::Format::V2019);
    assert_eq!(i.report.meta.organ, "清河县人民政府办公室");
    assert_eq!(i.report.meta.year, Some(2021));
    assert_t3(
        &i,
        "_ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         _ _ _ _ _ _ _
         0 0 0 0 0 0 0
         _ _ _ _ _ _ 0",
    );
    for id in [
        "t2.art20_1.regulation.issued",
        "t2.art20_1.normative.issued",
        "t4.review.total",
        "t4.suit_direct.upheld",
        "t4.suit_after_review.total",
    ] {
        assert_eq!(count(&i, id), Some(0), "{id}");
    }
    assert!(
        i.report
            .cell_by_id("t2.art20_5.licensing.decisions")
            .is_some_and(CellValue::is_blank)
    );
    let all: Vec<Finding> = i.findings.iter().cloned().chain(check(&i.report)).collect();
    // §7: the old template for a 2021 report (H10 error), blanks, H6, 六 just 无, no bookmark.
    assert!(errors(&all).iter().any(|f| f.rule == Rule::H10));
    assert!(has(
        &all,
        Rule::S7,
        "表三 一、本年新收政府信息公开申请数量有7个空白单元格"
    ));
    assert!(has(&all, Rule::H6, "82+414+4398=4894 ≠ 共4897余条，差3"));
    assert!(has(&all, Rule::H8, "只写了“无”"));
    let texts: String = nianbao::template::TEXTS
        .iter()
        .filter_map(|t| i.report.text(t.id))
        .collect();
    assert!(!texts.contains("[bookmark"), "Word artefact removed");
    assert!(texts.contains("4897余条"));
}

/// The Word and web-page versions of fixture 003 (made by scripts/make_fixtures.py with the
/// official merged cells) import to the same cells and the same findings as the text.
#[test]
fn docx_and_html_versions_of_003_import_like_the_text() {
    let text = import("003");
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for name in ["report.docx", "report.html"] {
        let path = data.join(name);
        let bytes = std::fs::read(&path).expect("test data");
        let i = nianbao::import::import_bytes(&path, &bytes).expect(name);
        assert_eq!(i.report.meta.organ, "原州区人民政府办公室", "{name}");
        assert_eq!(i.report.meta.year, Some(2022), "{name}");
        for (k, spec) in nianbao::template::TEMPLATE.cells.iter().enumerate() {
            assert_eq!(i.report.cell(k), text.report.cell(k), "{name}: {}", spec.id);
        }
        assert!(
            i.findings
                .iter()
                .all(|f| f.rule != Rule::S9 && f.rule != Rule::Import),
            "{name}: {:?}",
            i.findings
        );
        let checked = check(&i.report);
        assert!(errors(&checked).is_empty(), "{name}: {checked:?}");
        assert!(
            checked
                .iter()
                .any(|f| f.rule == Rule::H5 && f.message.contains("保留 27 件")),
            "{name}"
        );
        // Same paragraphs (the generated files have no empty paragraphs between them).
        let paragraphs = |t: Option<&str>| -> Vec<String> {
            t.unwrap_or_default()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()
        };
        for area in TextId::AREAS {
            assert_eq!(
                paragraphs(i.report.text(area)),
                paragraphs(text.report.text(area)),
                "{name}: {area:?}"
            );
        }
    }
    // Sniffed by content, whatever the extension.
    let docx = std::fs::read(data.join("report.docx")).unwrap();
    let i = nianbao::import::import_bytes(std::path::Path::new("report"), &docx).unwrap();
    assert_eq!(i.report.meta.year, Some(2022));
    let old = nianbao::import::import_bytes(std::path::Path::new("old.doc"), b"\xD0\xCF\x11\xE0");
    assert!(old.is_err_and(|e| e.to_string().contains("另存为")));
}

/// 表三 of the three tab-separated fixtures, transcribed from their text. 000's rows （一）
/// and （二） lost a cell in extraction (6 numbers for 7 columns): the last number is the
/// total, the rest fill from the left, and 其他 stays blank (S9 says so).
#[test]
fn fixtures_000_001_003_table_three_cell_by_cell() {
    assert_t3(
        &import("000"),
        "3 0 0 0 0 0 3
         0 0 0 0 0 0 0
         2 0 0 0 0 _ 2
         0 0 0 0 0 _ 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         1 0 0 0 0 0 1
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         3 0 0 0 0 0 3
         0 0 0 0 0 0 0",
    );
    assert_t3(
        &import("001"),
        "0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0",
    );
    assert_t3(
        &import("003"),
        "8 0 0 0 0 0 8
         0 0 0 0 0 0 0
         2 0 0 0 0 0 2
         4 0 0 0 0 0 4
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         1 0 0 0 0 0 1
         1 0 0 0 0 0 1
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         0 0 0 0 0 0 0
         8 0 0 0 0 0 8
         0 0 0 0 0 0 0",
    );
}

/// A 2019-format report survives text export and import: its single （六） row included.
#[test]
fn fixture_002_text_export_round_trip() {
    let i = import("002");
    let text = nianbao::export::text::export_text(&i.report);
    let again = import_text(text.as_bytes()).expect("exported text imports");
    assert_eq!(again.report.format, nianbao::model::Format::V2019);
    for (k, spec) in nianbao::template::TEMPLATE.cells.iter().enumerate() {
        assert_eq!(again.report.cell(k), i.report.cell(k), "{}", spec.id);
    }
}

/// H19: fixtures 000 and 001 put an abbreviated organ in the title, fixture 002's title and
/// 落款 name different organs; 003 and 004 are full names.
#[test]
fn organ_names_h19() {
    let h19 = |prefix: &str| -> Vec<String> {
        check(&import(prefix).report)
            .into_iter()
            .filter(|f| f.rule == Rule::H19)
            .map(|f| f.message)
            .collect()
    };
    assert!(h19("000").iter().any(|m| m.contains("“政府办”是简称")));
    assert!(
        h19("001")
            .iter()
            .any(|m| m.contains("“汇源办事处”没有写出所属行政区划"))
    );
    assert!(
        h19("002")
            .iter()
            .any(|m| m.contains("“道外区机关服务中心”与落款“道外区区委区政府机关服务中心”不一致"))
    );
    assert!(h19("003").is_empty(), "{:?}", h19("003"));
    assert!(h19("004").is_empty(), "{:?}", h19("004"));
}

/// Fixture 003 gives 10965 both for the hotline's cases and for the questions answered.
#[test]
fn fixture_003_repeats_a_figure() {
    let found = check(&import("003").report);
    let repeated: Vec<&Finding> = found
        .iter()
        .filter(|f| f.rule == Rule::H6 && f.message.contains("同一个数10965"))
        .collect();
    assert_eq!(repeated.len(), 1, "{found:?}");
    assert_eq!(repeated[0].severity, Severity::Info);
    for other in ["000", "001", "002", "004"] {
        assert!(
            check(&import(other).report)
                .iter()
                .all(|f| !f.message.contains("同一个数")),
            "{other}"
        );
    }
}
