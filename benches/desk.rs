//! The review desk on 300 reports of mixed formats (text, PDF, Word, web page, draft), as a
//! county's 政务公开办 gets them in January: the first row read (what the editor shows first)
//! and the whole desk (targets: ≤ 0.5 s to the first rows, ≤ 2 s complete on 2 cores).

use criterion::{Criterion, criterion_group, criterion_main};
use nianbao::desk::{Desk, DeskRules, Loaded};

#[path = "../tests/common/mixed_desk.rs"]
mod mixed_desk;

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    mixed_desk::write_mixed_desk(dir.path(), usize::MAX);
    c.bench_function("desk_300_first_row", |b| {
        b.iter(|| {
            let mut desk = Desk::list(dir.path()).expect("lists");
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
