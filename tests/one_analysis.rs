//! One analysis for every caller: `nianbao check`, the batch check and the editor give the
//! same findings for the same draft — including a draft whose totals went stale outside
//! the editor, a late publication and cells the import could not read.

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use egui_kittest::Harness;

use nianbao::draft;
use nianbao::gui::{
    Action, ChecksCommand, EditorApp, FileCommand, ReviewCommand, ScriptedDialogs, Storage,
};
use nianbao::model::{CellValue, Date};
use nianbao::template::t3;

/// A draft with something for every part of the analysis: fixture 001 as imported (import
/// provenance, label variants, a negative count), computed totals left stale, published late.
fn awkward_draft(dir: &Path) -> PathBuf {
    let published =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/published/001_102e60219bc16b4b.txt");
    let mut opened = nianbao::document::open_path(&published).expect("fixture opens");
    let d = &mut opened.draft;
    d.manual_totals = false;
    // A leaf changed by hand in the file: its row total and （七）总计 are now stale.
    d.report.set_cell(t3(2, 0), CellValue::Count(7));
    d.report.meta.published = Date::new(2022, 6, 30);
    let path = dir.join("001.nianbao.ron");
    draft::save_draft(&path, d).expect("saves");
    path
}

fn cli_findings(path: &Path) -> BTreeSet<String> {
    let out = common::run(&["check", path.to_str().expect("utf-8 path")]);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with('['))
        .map(str::to_string)
        .collect()
}

fn batch_findings(path: &Path) -> BTreeSet<String> {
    let rules = nianbao::batch::BatchRules::default();
    let analysed = nianbao::batch::analyze_files(&[path.to_path_buf()], rules);
    let checked = analysed[0].as_ref().expect("batch reads the draft");
    checked
        .analysis
        .findings
        .iter()
        .map(|f| f.to_line())
        .collect()
}

fn editor_findings(path: &Path, config: &Path) -> BTreeSet<String> {
    let mut app = EditorApp::new(
        Box::new(ScriptedDialogs::default()),
        Storage::at(config),
        Date::new(2026, 1, 15).expect("date"),
    );
    app.push(FileCommand::Run(Action::OpenPath(path.to_path_buf())));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(nianbao::gui::install_fonts)
        .build_ui_state(|ui, app: &mut EditorApp| app.frame(ui), app);
    harness.run();
    harness
        .state()
        .checks
        .analysis
        .findings
        .iter()
        .map(|f| f.to_line())
        .collect()
}

#[test]
fn check_batch_and_the_editor_give_the_same_findings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = awkward_draft(dir.path());
    let cli = cli_findings(&path);
    let batch = batch_findings(&path);
    let editor = editor_findings(&path, &dir.path().join("config"));
    // The draft exercises the rules that once differed between callers.
    for (rule, why) in [
        ("S5", "the negative count"),
        ("逾期发布", "the late publication"),
    ] {
        assert!(
            cli.iter().any(|l| l.contains(rule)),
            "{why} is found: {cli:#?}"
        );
    }
    assert!(
        !cli.iter()
            .any(|l| l.contains("] S1 ") || l.contains("] S2 ")),
        "stale computed totals are recomputed, not reported: {cli:#?}"
    );
    assert_eq!(cli, batch, "check and the batch check");
    assert_eq!(cli, editor, "check and the editor");
}

#[test]
fn a_published_report_gives_the_same_findings_everywhere_with_its_import_findings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let published =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/published/001_102e60219bc16b4b.txt");
    let cli = cli_findings(&published);
    assert!(
        cli.iter().any(|l| l.contains("] H15 ")),
        "the import's findings are part of it: {cli:#?}"
    );
    assert_eq!(cli, batch_findings(&published));
    assert_eq!(cli, editor_findings(&published, &dir.path().join("config")));
}

/// Signing off is one core action (`release::sign_off`) on an analysis with the same
/// context at both edges: an H1 error against last year's report refuses it in the CLI
/// (`sign --previous`) and in the editor (对照上年报告 set), and without last year both sign.
#[test]
fn sign_off_is_refused_on_an_h1_error_at_both_edges() {
    use nianbao::template::{T3Role, t3_row_of};
    let dir = tempfile::tempdir().expect("tempdir");
    let last_path = dir.path().join("2024.nianbao.ron");
    let mut last = draft::Draft::new(nianbao::model::Report::new(
        "某县财政局",
        nianbao::model::OrganKind::Department,
        2024,
    ));
    last.report.set_cell(
        t3(t3_row_of(T3Role::CarriedForward), 0),
        CellValue::Count(2),
    );
    draft::save_draft(&last_path, &last).expect("save");
    let now = draft::Draft::new(nianbao::model::Report::new(
        "某县财政局",
        nianbao::model::OrganKind::Department,
        2025,
    ));
    let this_path = dir.path().join("2025.nianbao.ron");
    draft::save_draft(&this_path, &now).expect("save");
    let s = |p: &Path| p.to_str().expect("utf-8").to_string();

    // CLI.
    let o = common::run(&[
        "sign",
        &s(&this_path),
        "--stage",
        "审核",
        "--name",
        "王五",
        "--previous",
        &s(&last_path),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("报告仍有 1 个错误，不能审核"), "{err}");
    assert!(
        draft::load_draft(&this_path)
            .unwrap()
            .review
            .sign_offs
            .is_empty()
    );

    // Editor, with last year's report for the cross-year checks.
    let mut h = editor_in(dir.path());
    h.state_mut()
        .push(FileCommand::Run(Action::OpenPath(this_path.clone())));
    h.state_mut()
        .push(ChecksCommand::ComparePreviousPath(last_path.clone()));
    h.run();
    h.state_mut().push(ReviewCommand::SignOff {
        stage: nianbao::review::Stage::Reviewed,
        name: "王五".into(),
    });
    h.run();
    h.run();
    use egui_kittest::kittest::Queryable;
    assert!(
        h.query_by_label_contains("报告仍有 1 个错误，不能审核")
            .is_some(),
        "the same refusal"
    );
    assert!(h.state().doc.draft.review.sign_offs.is_empty());

    // Without last year, both sign (the editor first: it holds the draft's lock).
    h.state_mut().push(ChecksCommand::ClearPrevious);
    h.run();
    h.state_mut().push(ReviewCommand::SignOff {
        stage: nianbao::review::Stage::Reviewed,
        name: "王五".into(),
    });
    h.run();
    assert_eq!(h.state().doc.draft.review.sign_offs.len(), 1);
    let o = common::run(&["sign", &s(&this_path), "--stage", "审核", "--name", "王五"]);
    assert_eq!(o.status.code(), Some(2), "the editor holds the draft");
    assert!(String::from_utf8_lossy(&o.stderr).contains("在编辑器中打开"));
    h.state_mut().push(FileCommand::Run(Action::Quit));
    h.run();
    let o = common::run(&["sign", &s(&this_path), "--stage", "审核", "--name", "王五"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn editor_in(dir: &Path) -> Harness<'static, EditorApp> {
    let app = EditorApp::new(
        Box::new(ScriptedDialogs::default()),
        Storage::at(dir.join("config")),
        Date::new(2026, 1, 15).expect("date"),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(nianbao::gui::install_fonts)
        .build_ui_state(|ui, app: &mut EditorApp| app.frame(ui), app);
    h.run();
    h
}

/// 从上年报告新建 and `nianbao new --from` give the same draft; 汇总 from the editor and
/// `nianbao sum` give the same parent report: one core action each.
#[test]
fn next_year_and_sum_are_the_same_at_both_edges() {
    let dir = tempfile::tempdir().expect("tempdir");
    let last =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/published/003_60d30e5d68c9d170.txt");
    let s = |p: &Path| p.to_str().expect("utf-8").to_string();

    let cli_next = dir.path().join("next.nianbao.ron");
    let o = common::run(&["new", "--from", &s(&last), "-o", &s(&cli_next)]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let mut h = editor_in(dir.path());
    h.state_mut()
        .push(FileCommand::Run(Action::NewFromPath(last.clone())));
    h.run();
    let cli = draft::load_draft(&cli_next).expect("load");
    let editor = &h.state().doc.draft;
    assert_eq!(editor.report, cli.report);
    assert_eq!(editor.inherited_texts, cli.inherited_texts);
    assert!(!cli.inherited_texts.is_empty());

    let units: Vec<PathBuf> = ["001_102e60219bc16b4b.txt", "003_60d30e5d68c9d170.txt"]
        .iter()
        .map(|n| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data/published")
                .join(n)
        })
        .collect();
    let cli_sum = dir.path().join("sum.nianbao.ron");
    let mut args = vec!["sum".to_string()];
    args.extend(units.iter().map(|p| s(p)));
    args.extend(["-o".to_string(), s(&cli_sum)]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = common::run(&args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let mut h = editor_in(dir.path());
    h.state_mut()
        .push(FileCommand::Run(Action::SumPaths(units)));
    h.run();
    let cli = draft::load_draft(&cli_sum).expect("load");
    assert_eq!(h.state().doc.draft.report, cli.report);
    assert_eq!(h.state().doc.draft.sum, cli.sum);
}
