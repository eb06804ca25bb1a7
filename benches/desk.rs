//! The review desk on 300 reports of mixed formats (text, PDF, Word, web page, draft), as a
//! county's 政务公开办 gets them in January: the first row read (what the editor shows first)
//! and the whole desk (targets: ≤ 0.5 s to the first rows, ≤ 2 s complete on 2 cores).

use criterion::{Criterion, criterion_group, criterion_main};
use nianbao::desk::{Desk, DeskRules, Loaded};
use nianbao::model::Date;

fn benches(c: &mut Criterion) {
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/published/003_60d30e5d68c9d170.txt"
    ))
    .expect("fixture 003");
    let report = nianbao::import::import_text(&fixture)
        .expect("imports")
        .report;
    let date = Date::new(2026, 1, 20).expect("date");
    let pdf = nianbao::export::pdf::PdfOptions::new(date);
    let docx = nianbao::export::docx::DocxOptions::new(date);
    let dir = tempfile::tempdir().expect("tempdir");
    // 300 units, a fifth of them in each format, half of them with last year's report too.
    for n in 0..300u32 {
        let mut r = report.clone();
        r.meta.organ = format!("第{}号乡镇人民政府", n / 2);
        r.meta.year = Some(2021 + (n % 2) as u16);
        let path = dir.path().join(format!("{n:03}"));
        match n % 5 {
            0 => std::fs::write(
                path.with_extension("txt"),
                nianbao::export::text::export_text(&r),
            ),
            1 => std::fs::write(
                path.with_extension("pdf"),
                nianbao::export::pdf::export_pdf(&r, &pdf)
                    .expect("pdf")
                    .bytes,
            ),
            2 => std::fs::write(
                path.with_extension("docx"),
                nianbao::export::docx::export_docx(&r, &docx),
            ),
            3 => std::fs::write(
                path.with_extension("html"),
                nianbao::export::html::export_html_page(&r),
            ),
            _ => nianbao::draft::save_draft(
                &path.with_extension("ron"),
                &nianbao::draft::Draft::new(r),
            )
            .map_err(std::io::Error::other),
        }
        .expect("write");
    }
    c.bench_function("desk_300_first_row", |b| {
        b.iter(|| {
            let desk = Desk::list(dir.path()).expect("lists");
            let mut first = None;
            desk.loader(DeskRules::default()).run(|step| {
                if let Loaded::File { path, .. } = step {
                    first = Some(path);
                }
                false
            });
            first.expect("a row")
        })
    });
    c.bench_function("desk_300_complete", |b| {
        b.iter(|| {
            let desk = Desk::open(dir.path(), Default::default()).expect("opens");
            assert_eq!(desk.rows.len(), 300);
            desk
        })
    });
}

criterion_group! {
    name = desk_bench;
    config = Criterion::default().sample_size(10);
    targets = benches
}
criterion_main!(desk_bench);
