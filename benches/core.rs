//! Benchmarks: check of a full report (target ≤ 50 µs) and import + check of a report text
//! (target ≥ 5,000 reports/s on one core, i.e. ≤ 200 µs each).

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

criterion_group!(core, benches);
criterion_main!(core);
