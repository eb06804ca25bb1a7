//! Property tests: random reports survive save→load (RON) and export→import (text, Word,
//! web page) unchanged.

use nianbao::draft::{Draft, parse_draft, to_ron};
use nianbao::export::docx::{DocxOptions, export_docx};
use nianbao::export::html::{export_html_fragment, export_html_page};
use nianbao::export::text::export_text;
use nianbao::import::{import_bytes, import_text};
use nianbao::model::{CellValue, Date, Format, OrganKind, Report, WanAmount};
use nianbao::template::{CELL_COUNT, CellKind, TEMPLATE, TEXTS};
use proptest::prelude::*;

/// Organ names whose kind the text importer infers (published text has no kind field).
fn organ() -> impl Strategy<Value = (String, OrganKind)> {
    let places = prop::sample::select(vec!["清河", "原州", "新华", "汇源", "某某", "道外"]);
    let suffixes = prop::sample::select(vec![
        ("县人民政府", OrganKind::Government),
        ("区人民政府办公室", OrganKind::Government),
        ("市生态环境局", OrganKind::Department),
        ("区机关服务中心", OrganKind::Department),
        ("镇人民政府", OrganKind::Township),
        ("街道办事处", OrganKind::Township),
        ("市档案学会", OrganKind::Other),
    ]);
    (places, suffixes).prop_map(|(p, (s, k))| (format!("{p}{s}"), k))
}

/// Narrative text: words, spaces, punctuation, blank lines; no tabs, no heading-like lines.
fn narrative() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "政务", "公开", "工作", "加强", "推进", "平台", "监督", "信息", "ABC", "x", "12", "３",
        " ", "，", "。", "、", "\n", "\n\n", "“", "”", "%",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn cell(kind: CellKind) -> BoxedStrategy<CellValue> {
    let invalid = prop::sample::select(vec![
        "-2",
        "1.5",
        "abc",
        "x7",
        "1/2",
        "99999999999999999999999",
    ])
    .prop_map(move |raw| CellValue::from_source(kind, raw));
    match kind {
        CellKind::Count => prop_oneof![
            Just(CellValue::Blank),
            (0u64..50).prop_map(CellValue::Count),
            any::<u64>().prop_map(CellValue::Count),
            invalid,
        ]
        .boxed(),
        CellKind::AmountWan => prop_oneof![
            Just(CellValue::Blank),
            (any::<u32>(), 0u8..7).prop_map(|(d, s)| CellValue::Amount(WanAmount {
                digits: d as u64,
                scale: s
            })),
            invalid,
        ]
        .boxed(),
    }
}

fn cells() -> impl Strategy<Value = Vec<CellValue>> {
    TEMPLATE
        .cells
        .iter()
        .map(|c| cell(c.kind))
        .collect::<Vec<_>>()
}

fn report(texts: BoxedStrategy<String>) -> impl Strategy<Value = Report> {
    (
        organ(),
        prop::option::of(2019u16..2100),
        prop::option::of((2020u16..2101, 1u8..13, 1u8..29)),
        prop::bool::ANY,
        prop::collection::vec((texts, prop::bool::weighted(0.15)), TEXTS.len()),
        cells(),
    )
        .prop_map(|((organ, kind), year, date, signed, fields, cells)| {
            let mut r = Report::new(&organ, kind, 2000);
            r.meta.year = year;
            r.meta.published = date.and_then(|(y, m, d)| Date::new(y, m, d));
            if !signed {
                r.meta.signature.clear();
            }
            for (spec, (text, absent)) in TEXTS.iter().zip(fields) {
                if absent {
                    r.set_absent(spec.id);
                } else {
                    r.set_text(spec.id, text);
                }
            }
            for (i, v) in cells.into_iter().enumerate().take(CELL_COUNT) {
                r.set_cell(i, v);
            }
            r
        })
}

/// Narrative as a Word document carries it: paragraphs, blank ones inside included, but a
/// text neither begins nor ends with a blank paragraph (the importer takes those for the
/// spacing around headings and tables, as in a text file).
fn document_narrative() -> impl Strategy<Value = String> {
    narrative().prop_map(|t| {
        let lines: Vec<&str> = t.split('\n').collect();
        let first = lines.iter().position(|l| !l.trim().is_empty());
        let last = lines.iter().rposition(|l| !l.trim().is_empty());
        match (first, last) {
            (Some(a), Some(b)) => lines[a..=b].join("\n"),
            _ => String::new(),
        }
    })
}

/// Narrative as a web page carries it: words with single spaces, lines without blank lines
/// between them (a page collapses runs of spaces and empty paragraphs).
fn web_narrative() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "政务", "公开", "工作", "加强", "推进", "平台", "监督", "信息", "ABC", "x", "12", "３",
        "，", "。", "、", "“", "”", "%", "<b>", "&amp;",
    ]);
    let line = prop::collection::vec((word, prop::bool::weighted(0.2)), 1..8).prop_map(|w| {
        w.iter()
            .map(|(w, space)| {
                if *space {
                    format!("{w} ")
                } else {
                    w.to_string()
                }
            })
            .collect::<String>()
            .trim()
            .to_string()
    });
    prop::collection::vec(line, 0..4).prop_map(|l| l.join("\n"))
}

/// Any text at all, for the RON round trip (quotes, backslashes, tabs, CR, control chars).
fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            any::<char>().prop_map(|c| c.to_string()),
            Just("\"\\\t\r\n".to_string()),
            Just("政务公开".to_string())
        ],
        0..30,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn draft_save_load_round_trip(r in report(any_text().boxed()), manual in any::<bool>(), v2019 in any::<bool>()) {
        let mut r = r;
        if v2019 { r.format = Format::V2019; }
        let draft = Draft {
            report: r,
            manual_totals: manual,
            inherited_texts: Default::default(),
            ocr_texts: Default::default(),
            read_as: Default::default(),
            sum: None,
            review: Default::default(),
        };
        let text = to_ron(&draft).unwrap();
        let back = parse_draft(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, draft);
    }

    #[test]
    fn text_export_import_round_trip(r in report(narrative().boxed())) {
        let text = export_text(&r);
        let imported = import_text(text.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(&imported.report, &r, "exported text:\n{}", text);
        prop_assert!(imported.findings.iter().all(|f| f.rule != nianbao::Rule::S9), "{:?}", imported.findings);
        // Deterministic: the same report gives the same bytes.
        prop_assert_eq!(export_text(&imported.report), text);
    }

    #[test]
    fn word_export_import_round_trip(r in report(document_narrative().boxed()), v2019 in prop::bool::weighted(0.2)) {
        let mut r = r;
        if v2019 { r.format = Format::V2019; }
        let options = DocxOptions::new(Date::new(2026, 1, 20).expect("date"));
        let bytes = export_docx(&r, &options);
        let imported = import_bytes(std::path::Path::new("报告.docx"), &bytes)
            .map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(&imported.report, &r);
        prop_assert!(imported.findings.iter().all(|f| f.rule != nianbao::Rule::S9), "{:?}", imported.findings);
        prop_assert_eq!(export_docx(&imported.report, &options), bytes, "same report, same bytes");
    }

    #[test]
    fn web_page_export_import_round_trip(r in report(web_narrative().boxed()), page in any::<bool>(), v2019 in prop::bool::weighted(0.2)) {
        let mut r = r;
        if v2019 { r.format = Format::V2019; }
        let html = if page { export_html_page(&r) } else { export_html_fragment(&r) };
        let imported = import_bytes(std::path::Path::new("报告.html"), html.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(&imported.report, &r, "page:\n{}", html);
        prop_assert!(imported.findings.iter().all(|f| f.rule != nianbao::Rule::S9), "{:?}", imported.findings);
    }
}
