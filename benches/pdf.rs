//! PDF export of a full report (targets: ≤ 150 ms, ≤ 300 KB), with the bundled fonts; and
//! PDF import + check of that 7-page PDF (target: ≤ 50 ms on one core).

use criterion::{Criterion, criterion_group, criterion_main};
use nianbao::analysis::{Context, analyze};
use nianbao::document::draft_of_import;
use nianbao::export::pdf::{PdfOptions, export_pdf};
use nianbao::import::{import_bytes, import_text};
use nianbao::model::Date;

fn benches(c: &mut Criterion) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/published/003_60d30e5d68c9d170.txt"
    );
    let bytes = std::fs::read(path).expect("fixture 003");
    let report = import_text(&bytes).expect("imports").report;
    let options = PdfOptions::new(Date::new(2026, 1, 20).expect("date"));
    let size = export_pdf(&report, &options).expect("export").bytes.len();
    println!("PDF of fixture 003: {size} bytes");
    c.bench_function("pdf_export_full_report", |b| {
        b.iter(|| export_pdf(&report, &options).expect("export"))
    });
    let pdf = export_pdf(&report, &options).expect("export").bytes;
    let name = std::path::Path::new("report.pdf");
    c.bench_function("pdf_import_and_check_7_pages", |b| {
        b.iter(|| {
            let imported = import_bytes(name, &pdf).expect("imports");
            let findings = imported.findings.clone();
            analyze(
                &draft_of_import(imported),
                &Context {
                    import_findings: &findings,
                    previous: None,
                    ..Context::default()
                },
            )
        })
    });
}

criterion_group! {
    name = pdf;
    config = Criterion::default().sample_size(10);
    targets = benches
}
criterion_main!(pdf);
