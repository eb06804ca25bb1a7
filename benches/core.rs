//! Benchmarks: check of a full report (target ≤ 50 µs), import + check of a report text
//! (target ≥ 5,000 reports/s on one core, i.e. ≤ 200 µs each), Word export of a full report
//! (≤ 20 ms) and 汇总 of 100 unit drafts (≤ 200 ms).

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use nianbao::check::{check, fill_totals};
use nianbao::export::text::export_text;
use nianbao::import::import_text;
use nianbao::model::{CellValue, OrganKind, Report};
use nianbao::template::{CELL_COUNT, TextId};

fn full_report() -> Report {
    let mut r = Report::new("某某县人民政府办公室", OrganKind::Government, 2024);
    for i in 0..CELL_COUNT {
        r.set_cell(i, CellValue::Count((i as u64 * 7) % 5));
    }
    fill_totals(&mut r);
    for (k, id) in [
        TextId::S1_1,
        TextId::S1_2,
        TextId::S1_3,
        TextId::S1_4,
        TextId::S1_5,
        TextId::S5,
        TextId::S6,
    ]
    .into_iter()
    .enumerate()
    {
        r.set_text(
            id,
            "全年共受理政府信息公开申请12件，均按时办结。加强考核、社会评议和责任追究。"
                .repeat(k + 3),
        );
    }
    r
}

fn benches(c: &mut Criterion) {
    let report = full_report();
    c.bench_function("check_full_report", |b| {
        b.iter(|| check(black_box(&report)))
    });
    let text = export_text(&report);
    c.bench_function("import_and_check_text", |b| {
        b.iter(|| {
            let imported = import_text(black_box(text.as_bytes())).expect("imports");
            check(&imported.report)
        })
    });
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/published/003_60d30e5d68c9d170.txt"
    ));
    if let Ok(bytes) = fixture {
        c.bench_function("import_and_check_fixture_003", |b| {
            b.iter(|| check(&import_text(black_box(&bytes)).expect("imports").report))
        });
    }
}

fn exports_and_sums(c: &mut Criterion) {
    use nianbao::document::{Opened, Source};
    use nianbao::draft::Draft;
    use nianbao::export::docx::{DocxOptions, export_docx};
    use nianbao::model::Date;
    use nianbao::sum::{SumOptions, sum_units};
    let report = full_report();
    let options = DocxOptions::new(Date::new(2026, 1, 20).expect("date"));
    c.bench_function("export_docx_full_report", |b| {
        b.iter(|| export_docx(black_box(&report), &options))
    });
    let units: Vec<(String, Opened)> = (0..100)
        .map(|k| {
            let mut r = report.clone();
            r.meta.organ = format!("某某县第{k}局");
            (
                format!("{k}.ron"),
                Opened {
                    draft: Draft::new(r),
                    source: Source::Draft,
                    import_findings: Vec::new(),
                    scanned: Default::default(),
                },
            )
        })
        .collect();
    c.bench_function("sum_100_unit_drafts", |b| {
        b.iter(|| sum_units(black_box(&units), &SumOptions::default()).expect("sums"))
    });
}

criterion_group!(core, benches, exports_and_sums);
criterion_main!(core);
