//! Drafts: round trips, versions, and the errors a user sees.

use std::collections::BTreeMap;

use super::*;
use crate::finding::{Place, Rule};
use crate::model::{CellValue, Date, OrganKind, Provenance, Report, WanAmount};
use crate::review::Review;
use crate::review::{Explanation, SignOff, Stage};
use crate::template::TextId;
use crate::template::{T2_FEES, t3};

fn sample() -> Draft {
    let mut r = Report::new("某县人民政府办公室", OrganKind::Government, 2023);
    r.set_text(TextId::S1_1, "第一段。\n第二段，含“引号”和\\反斜杠。");
    r.set_cell(t3(0, 0), CellValue::Count(3));
    r.set_cell(
        T2_FEES,
        CellValue::Amount(WanAmount {
            digits: 12345,
            scale: 4,
        }),
    );
    r.set_cell(t3(1, 1), CellValue::Invalid("-2".into()));
    r.meta.published = Date::new(2024, 1, 28);
    r.set_absent(TextId::S6);
    let mut inherited_texts = std::collections::BTreeMap::new();
    inherited_texts.insert(TextId::S5, "上年的问题".to_string());
    let mut read_as = std::collections::BTreeMap::new();
    read_as.insert(t3(0, 0), (Provenance::Uncertain, CellValue::Blank));
    let mut ocr_texts = std::collections::BTreeMap::new();
    ocr_texts.insert(TextId::S1_1, "本机关主动公开〔2023〕号文件".to_string());
    Draft {
        report: r,
        manual_totals: true,
        inherited_texts,
        ocr_texts,
        read_as,
        sum: None,
        review: Review::default(),
    }
}

#[test]
fn explanations_and_sign_offs_survive_save_and_load() {
    let mut d = sample();
    d.review.explanations.push(Explanation {
        rule: Rule::H14,
        places: vec![Place::from_id("t3.r4.total").unwrap()],
        values: vec!["9".into()],
        finding: "积压".into(),
        text: "12月集中收到申请".into(),
        author: "张三".into(),
        at: crate::model::Stamp::parse("2026-01-10 09:00").unwrap(),
    });
    d.review.sign_offs.push(SignOff {
        stage: Stage::Signed,
        name: "李四".into(),
        at: crate::model::Stamp::parse("2026-01-20 10:00").unwrap(),
        digest: crate::review::report_digest(&d.report),
        report: Some(Box::new(d.report.clone())),
    });
    let text = to_ron(&d).unwrap();
    assert!(
        text.contains("version: 2,") && text.contains("已签发"),
        "{text}"
    );
    assert_eq!(parse_draft(&text).unwrap(), d);
}

#[test]
fn review_times_and_places_are_typed_and_a_bad_one_is_named() {
    let mut d = sample();
    d.review.explanations.push(Explanation {
        rule: Rule::H14,
        places: vec![Place::Cell(t3(0, 0)), Place::Text(TextId::S5)],
        values: vec!["3".into(), "x".into()],
        finding: "积压".into(),
        text: "说明".into(),
        author: "张三".into(),
        at: crate::model::Stamp::parse("2026-01-10 09:05").unwrap(),
    });
    let text = to_ron(&d).unwrap();
    assert!(text.contains("\"2026-01-10 09:05\""), "{text}");
    assert!(text.contains("\"t3.r1.np\""), "{text}");
    assert_eq!(parse_draft(&text).unwrap(), d);
    let bad_time = text.replace("2026-01-10 09:05", "上周五");
    let e = parse_draft(&bad_time).unwrap_err().to_string();
    assert!(e.contains("说明的时间“上周五”无法识别"), "{e}");
    let bad_place = text.replace("\"t3.r1.np\",", "\"t9.nowhere\",");
    let e = parse_draft(&bad_place).unwrap_err().to_string();
    assert!(e.contains("说明的位置“t9.nowhere”无法识别"), "{e}");
}

#[test]
fn a_summed_draft_keeps_its_units_and_is_version_2() {
    let mut d = sample();
    assert!(
        to_ron(&d).unwrap().contains("version: 1,"),
        "no sum: still version 1"
    );
    let mut cells = BTreeMap::new();
    cells.insert(t3(0, 0), CellValue::Count(3));
    d.sum = Some(SumRecord {
        scope: Scope::Region,
        units: vec![SumUnit {
            organ: "某县财政局".into(),
            file: "财政局.ron".into(),
            cells,
        }],
        warnings: vec!["“某县民政局”是2024年度的报告".into()],
    });
    let text = to_ron(&d).unwrap();
    assert!(text.contains("version: 2,"), "{text}");
    assert!(text.contains("本行政区域") && text.contains("某县财政局"));
    assert_eq!(parse_draft(&text).unwrap(), d);
    // A draft from a version after this one is refused, never half-read.
    let newer = text.replacen("version: 2,", "version: 3,", 1);
    assert!(matches!(
        parse_draft(&newer),
        Err(DraftError::NewerVersion { found: 3 })
    ));
}

#[test]
fn round_trip_is_readable() {
    let r = sample();
    let text = to_ron(&r).unwrap();
    assert!(text.contains("某县人民政府办公室"), "{text}");
    assert!(
        text.contains("第一段。\n第二段"),
        "newlines literal: {text}"
    );
    assert!(text.contains("\"t3.r1.np\": \"3\""), "{text}");
    assert!(text.contains("\"t2.art20_8.fees.amount_wan\": \"1.2345\""));
    assert!(!text.contains("\"s6\""));
    assert_eq!(parse_draft(&text).unwrap(), r);
}

#[test]
fn newer_version_is_refused_first() {
    let text = to_ron(&sample())
        .unwrap()
        .replace("version: 1", "version: 9")
        .replace("format: \"2021\"", "format: 7");
    let e = parse_draft(&text).unwrap_err();
    assert!(matches!(e, DraftError::NewerVersion { found: 9 }), "{e}");
    assert!(e.to_string().contains("较新版本"));
}

#[test]
fn errors_have_positions_and_chinese() {
    let text = to_ron(&sample()).unwrap();
    let cut = &text[..text.len() / 2];
    let e = parse_draft(cut).unwrap_err().to_string();
    assert!(e.starts_with("草稿格式错误（第"), "{e}");
    let wrong = text.replace("year: Some(2023)", "year: \"二〇二三\"");
    let e = parse_draft(&wrong).unwrap_err().to_string();
    assert!(e.contains("行") && e.contains("列"), "{e}");
    let bad_cell = text.replace("\"t3.r1.np\"", "\"t3.r99.np\"");
    assert!(
        parse_draft(&bad_cell)
            .unwrap_err()
            .to_string()
            .contains("t3.r99.np")
    );
    assert!(matches!(parse_draft("   "), Err(DraftError::Empty)));
    assert!(matches!(
        parse_draft_bytes(b"\x00\x01\x02"),
        Err(DraftError::NotText)
    ));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("({}", "[".repeat(100_000));
    let e = parse_draft(&deep).unwrap_err();
    assert!(matches!(e, DraftError::Syntax { .. }), "{e}");
    let deep_in_field = format!("(version: 1, format: {}", "(".repeat(100_000));
    assert!(parse_draft(&deep_in_field).is_err());
}

/// A report's text (or anything else) saved with a draft's name is said to be no draft, in
/// Chinese, instead of RON's English about a struct; real drafts and their comment headers
/// still pass the first look.
#[test]
fn text_that_is_not_a_draft_is_named_so() {
    for text in [
        "原州区人民政府办公室2022年政府信息公开工作年度报告\n一、总体情况",
        "[1, 2, 3]",
        "// 只有注释\n",
        "version: 1",
        "/* 未结束的注释",
    ] {
        let e = parse_draft(text).unwrap_err();
        assert!(matches!(e, DraftError::NotADraft), "{text}: {e}");
        assert!(e.to_string().contains("不是 nianbao 草稿"), "{e}");
    }
    let saved = to_ron(&sample()).unwrap();
    assert!(saved.starts_with("//"), "the header comment is kept");
    assert!(parse_draft(&saved).is_ok());
    let named = saved.replacen("\n(", "\nDraftFile(", 1);
    assert!(begins_like_a_draft(&named));
    let with_bom = format!("\u{feff}{saved}");
    assert!(begins_like_a_draft(&with_bom));
    // What RON still reports is in Chinese.
    let e = parse_draft("(version: 1, format: \"2021\", meta: Foo(organ: \"x\"))")
        .unwrap_err()
        .to_string();
    assert!(!e.contains("Expected"), "{e}");
}

#[test]
fn a_text_read_by_ocr_is_unchecked_until_edited_or_confirmed() {
    let mut d = sample();
    assert_eq!(
        d.unconfirmed_texts(),
        Vec::<TextId>::new(),
        "S1_1 holds another text"
    );
    d.report
        .set_text(TextId::S1_1, "本机关主动公开〔2023〕号文件".to_string());
    d.report.set_text(TextId::S2, "依申请公开".to_string());
    d.ocr_texts.insert(TextId::S2, "依申请公开".to_string());
    assert_eq!(d.unconfirmed_texts(), vec![TextId::S1_1, TextId::S2]);
    assert!(d.has_unchecked_scan());
    // Saved and opened again: still unchecked.
    let back = crate::draft::parse_draft(&crate::draft::to_ron(&d).unwrap()).unwrap();
    assert_eq!(back.unconfirmed_texts(), vec![TextId::S1_1, TextId::S2]);
    // Edited: checked by a person. Confirmed: checked as it stands.
    d.report
        .set_text(TextId::S1_1, "本机关主动公开〔2023〕1号文件".to_string());
    assert!(d.confirm_text(TextId::S2));
    assert!(!d.confirm_text(TextId::S2));
    assert!(d.unconfirmed_texts().is_empty());
    assert!(!d.has_unchecked_scan());
}

#[test]
fn a_text_confirmed_in_one_window_stays_confirmed_when_the_other_saves() {
    let mut base = sample();
    base.report.set_text(TextId::S2, "依申请公开".to_string());
    base.ocr_texts.insert(TextId::S2, "依申请公开".to_string());
    base.report.set_text(TextId::S3, "信息管理".to_string());
    base.ocr_texts.insert(TextId::S3, "信息管理".to_string());
    let mut ours = base.clone();
    assert!(ours.confirm_text(TextId::S2));
    let mut theirs = base.clone();
    assert!(theirs.confirm_text(TextId::S3));
    let merged = super::merge::merge(&base, &ours, &theirs).unwrap();
    assert!(
        merged.unconfirmed_texts().is_empty(),
        "{:?}",
        merged.ocr_texts
    );
}

#[test]
fn next_year_carries_over_what_was_carried_forward() {
    use crate::template::{T3Role, t3_row_of};
    let mut last = Report::new("某县人民政府", OrganKind::Government, 2024);
    last.set_cell(
        t3(t3_row_of(T3Role::CarriedForward), 0),
        CellValue::Count(2),
    );
    last.set_text(TextId::S5, "上年的问题".to_string());
    let next = Draft::next_year_from(&last);
    assert_eq!(next.report.meta.year, Some(2025));
    assert_eq!(
        next.report.cell(t3(t3_row_of(T3Role::CarriedOver), 0)),
        &CellValue::Count(2)
    );
    assert_eq!(next.report.text(TextId::S5), Some("上年的问题"));
    assert_eq!(
        next.inherited_texts.get(&TextId::S5).map(String::as_str),
        Some("上年的问题")
    );
}
