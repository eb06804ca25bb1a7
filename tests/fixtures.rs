//! The published fixtures 000, 001 and 003 (tab-separated 2021 layout) import with their
//! numbers in the right cells and give the findings the spec's §7 lists.

use std::path::PathBuf;

use nianbao::check::{Finding, Rule, Severity, check};
use nianbao::import::{Imported, import_text};
use nianbao::model::CellValue;
use nianbao::template::TextId;

fn fixture(prefix: &str) -> Vec<u8> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/published");
    let entry = std::fs::read_dir(&dir)
        .expect("../shared/fixtures/published beside the repository")
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
