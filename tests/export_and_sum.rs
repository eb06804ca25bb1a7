//! Word export read back by our own importer, every merge resolved, on every report of the
//! corpus; and 汇总 of the corpus's drafts: the exact cell-by-cell sum, a parent that adds up.

use crate::corpus;

use std::path::Path;

use corpus::{fixtures, generated};
use nianbao::analysis::{Context, analyze};
use nianbao::document::{Opened, Source};
use nianbao::draft::Draft;
use nianbao::export::docx::{DocxOptions, export_docx};
use nianbao::export::html::export_html_page;
use nianbao::finding::{Place, Rule};
use nianbao::import::import_bytes;
use nianbao::model::{CellValue, Date};
use nianbao::sum::{SumOptions, sum_units};
use nianbao::template::{TEMPLATE, input_cells};

#[test]
fn every_corpus_report_survives_word_and_the_web_with_every_merge_resolved() {
    let options = DocxOptions::new(Date::new(2026, 1, 20).expect("date"));
    let mut reports = fixtures();
    reports.extend((1..=4).map(|s| (format!("gen{s}"), generated(s * 7919))));
    for (name, report) in reports {
        let docx = export_docx(&report, &options);
        let back = import_bytes(Path::new("r.docx"), &docx).expect("imports");
        // Every cell in its place: the merged headers and group cells were resolved.
        for i in 0..TEMPLATE.cells.len() {
            assert_eq!(
                back.report.cell(i),
                report.cell(i),
                "{name}: {} from Word",
                TEMPLATE.cells[i].id
            );
        }
        // Nothing of the tables left unplaced (the narrative's own oddities aside: fixture 004
        // writes a heading-like sentence inside 一).
        let unplaced: Vec<_> = back
            .findings
            .iter()
            .filter(|f| matches!(f.rule, Rule::Import | Rule::S9 | Rule::S10 | Rule::H15))
            .filter(|f| {
                f.places
                    .iter()
                    .any(|p| matches!(p, Place::Cell(_) | Place::Table(_)))
            })
            .collect();
        assert!(unplaced.is_empty(), "{name}: {unplaced:?}");
        let html = export_html_page(&report);
        let back = import_bytes(Path::new("r.html"), html.as_bytes()).expect("imports");
        for i in 0..TEMPLATE.cells.len() {
            assert_eq!(
                back.report.cell(i),
                report.cell(i),
                "{name}: {} from the web page",
                TEMPLATE.cells[i].id
            );
        }
    }
}

fn unit(name: &str, draft: Draft) -> (String, Opened) {
    (
        format!("{name}.ron"),
        Opened {
            draft,
            source: Source::Draft,
            import_findings: Vec::new(),
            scanned: Default::default(),
        },
    )
}

#[test]
fn a_sum_is_the_exact_cell_by_cell_sum() {
    // The five published fixtures: several years and formats, errors — a sum full of
    // warnings, but still the exact sum of what each unit filled in.
    let units: Vec<(String, Opened)> = fixtures()
        .into_iter()
        .map(|(name, r)| unit(&name, Draft::new(r)))
        .collect();
    let parent = sum_units(&units, &SumOptions::default()).expect("sums");
    assert!(!parent.sum.as_ref().expect("record").warnings.is_empty());
    // The parent is in the 2021 format (most units'): the 2019 单行（六） is not carried.
    for i in input_cells().filter(|&i| !TEMPLATE.cells[i].legacy_2019) {
        let mut counts = 0u64;
        let mut any = false;
        for (_, o) in &units {
            if let CellValue::Count(n) = o.draft.report.cell(i) {
                counts += n;
                any = true;
            }
        }
        if TEMPLATE.cells[i].kind == nianbao::template::CellKind::Count {
            let expected = if any {
                CellValue::Count(counts)
            } else {
                CellValue::Blank
            };
            assert_eq!(parent.report.cell(i), &expected, "{}", TEMPLATE.cells[i].id);
        }
    }
}

#[test]
fn a_sum_of_consistent_units_passes_the_official_arithmetic() {
    let units: Vec<(String, Opened)> = (1..=4)
        .map(|s| {
            let mut r = generated(s * 104_729);
            r.meta.organ = format!("某某区第{s}局");
            unit(&format!("unit{s}"), Draft::new(r))
        })
        .collect();
    let parent = sum_units(&units, &SumOptions::default()).expect("sums");
    let found = analyze(&parent, &Context::default()).findings;
    let arithmetic: Vec<_> = found
        .iter()
        .filter(|f| matches!(f.rule, Rule::O1 | Rule::S1 | Rule::S2 | Rule::S4))
        .collect();
    assert!(arithmetic.is_empty(), "{arithmetic:?}");
    assert!(
        !found
            .iter()
            .any(|f| f.rule == Rule::Sum && f.severity == nianbao::Severity::Warning),
        "consistent units of one year: a safe sum: {found:?}"
    );
}
