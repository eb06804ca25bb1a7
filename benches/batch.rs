//! Batch checking: 10,000 published report texts in a folder, and 1,000 published PDFs,
//! read, imported, checked and summarised (`check DIR --summary`), as a reviewer's office
//! would run it (target for the PDFs: ≤ 30 s on 2 cores).

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use nianbao::batch;

fn benches(c: &mut Criterion) {
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/published/003_60d30e5d68c9d170.txt"
    ))
    .expect("fixture 003");
    let text = String::from_utf8_lossy(&fixture).into_owned();
    let dir = tempfile::tempdir().expect("tempdir");
    // 10,000 distinct organs and years, so pairing has work to do.
    for n in 0..10_000u32 {
        let organ = format!("第{}号区人民政府办公室", n / 2);
        let year = 2021 + n % 2;
        let body = text
            .replace("原州区人民政府办公室", &organ)
            .replace("2022年", &format!("{year}年"));
        std::fs::write(dir.path().join(format!("{n:05}.txt")), body).expect("write");
    }
    let inputs = vec![PathBuf::from(dir.path())];
    let (files, _) = batch::collect(&inputs);
    assert_eq!(files.len(), 10_000);
    c.bench_function("batch_check_10000_files", |b| {
        b.iter(|| {
            let rows = batch::check_files(&files);
            batch::to_csv(&rows)
        })
    });

    // 1,000 PDFs: our export of fixture 003 for 10 organs and two years, 50 copies each
    // (exporting 1,000 distinct PDFs would take the bench's set-up minutes).
    let report = nianbao::import::import_text(&fixture)
        .expect("imports")
        .report;
    let options = nianbao::export::pdf::PdfOptions::new(
        nianbao::model::Date::new(2026, 1, 20).expect("date"),
    );
    let pdf_dir = tempfile::tempdir().expect("tempdir");
    for v in 0..20u16 {
        let mut r = report.clone();
        r.meta.organ = format!("第{}号区人民政府办公室", v / 2);
        r.meta.year = Some(2021 + v % 2);
        let bytes = nianbao::export::pdf::export_pdf(&r, &options)
            .expect("pdf")
            .bytes;
        for copy in 0..50u16 {
            std::fs::write(pdf_dir.path().join(format!("{v:02}-{copy:02}.pdf")), &bytes)
                .expect("write");
        }
    }
    let (pdfs, _) = batch::collect(&[PathBuf::from(pdf_dir.path())]);
    assert_eq!(pdfs.len(), 1_000);
    c.bench_function("batch_check_1000_pdfs", |b| {
        b.iter(|| {
            let rows = batch::check_files(&pdfs);
            batch::to_csv(&rows)
        })
    });
}

criterion_group! {
    name = batch_bench;
    config = Criterion::default().sample_size(10);
    targets = benches
}
criterion_main!(batch_bench);
