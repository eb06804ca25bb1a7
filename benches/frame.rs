//! Editor frame benchmarks, headless (no GPU, no window): one full frame of the form with a
//! full report and of the desk with 10,000 reports (targets ≤ 3 ms CPU) and start to first frame — font install, app creation,
//! first layout (target ≤ 0.4 s; the window system adds its own part, measured by hand).

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{RawInput, Rect, pos2, vec2};
use nianbao::check::fill_totals;
use nianbao::desk::{Desk, DeskRules};
use nianbao::draft::Draft;
use nianbao::gui::desk::view::DeskView;
use nianbao::gui::files::document::Document;
use nianbao::gui::{EditorApp, Screen, ScriptedDialogs, Storage};
use nianbao::model::{CellValue, Date, OrganKind, Report};
use nianbao::template::{CELL_COUNT, TEXTS};

fn full_report() -> Report {
    let mut r = Report::new("某某县人民政府办公室", OrganKind::Government, 2025);
    for i in 0..CELL_COUNT {
        r.set_cell(i, CellValue::Count((i as u64 * 7) % 5));
    }
    fill_totals(&mut r);
    for spec in &TEXTS {
        r.set_text(
            spec.id,
            "全年共受理政府信息公开申请12件，均按时办结。加强考核、社会评议和责任追究。".repeat(4),
        );
    }
    r
}

fn input(time: f64) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 800.0))),
        time: Some(time),
        ..RawInput::default()
    }
}

fn editor(dir: &std::path::Path) -> EditorApp {
    let mut app = EditorApp::new(
        Box::new(ScriptedDialogs::default()),
        Storage::at(dir),
        Date::new(2026, 1, 15).expect("date"),
    );
    let mut doc = Document::blank(full_report());
    doc.baseline = Some(Draft::new(doc.draft.report.clone()));
    app.replace_document(doc);
    app
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ctx = egui::Context::default();
    nianbao::gui::install_fonts(&ctx);
    let mut app = editor(dir.path());
    let mut t = 0.0;
    // Warm up the font atlas and layout caches, as a running editor has them.
    for _ in 0..3 {
        t += 0.016;
        let _ = ctx.run_ui(input(t), |ui| app.frame(ui));
    }
    c.bench_function("editor_frame_full_report", |b| {
        b.iter(|| {
            t += 0.016;
            ctx.run_ui(input(t), |ui| app.frame(ui))
        })
    });
    // The desk with 10,000 reports listed (a province's folder): one frame of the table,
    // sorted by a column, as it is drawn while the reviewer scrolls.
    let folder = tempfile::tempdir().expect("tempdir");
    for n in 0..10_000 {
        std::fs::write(folder.path().join(format!("单位{n:05}.txt")), b"").expect("file");
    }
    let desk = Desk::list(folder.path()).expect("desk");
    let mut desk_app = editor(dir.path());
    desk_app.close_document();
    let mut view = DeskView::new(desk, DeskRules::default());
    view.sort = Some((0, true));
    desk_app.desk = Some(view);
    desk_app.screen = Screen::Desk;
    for _ in 0..3 {
        t += 0.016;
        let _ = ctx.run_ui(input(t), |ui| desk_app.frame(ui));
    }
    c.bench_function("editor_frame_desk_10000_rows", |b| {
        b.iter(|| {
            t += 0.016;
            ctx.run_ui(input(t), |ui| desk_app.frame(ui))
        })
    });
    c.bench_function("editor_start_to_first_frame", |b| {
        b.iter(|| {
            let ctx = egui::Context::default();
            nianbao::gui::install_fonts(&ctx);
            let mut app = editor(dir.path());
            ctx.run_ui(input(0.0), |ui| app.frame(ui))
        })
    });
}

criterion_group! {
    name = frame;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(frame);
