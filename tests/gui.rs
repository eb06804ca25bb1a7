//! The editor driven headless through egui_kittest (no GPU, no display): the real app's
//! frame, found by accessible labels, clicked and typed into like a user would.

use std::path::{Path, PathBuf};

use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable;

use nianbao::draft::{self, Draft};
use nianbao::finding::{Place, Rule};
use nianbao::gui::print::portal::PortalBus;
use nianbao::gui::{
    Action, ChecksCommand, Command, DeskCommand, EditorApp, FileCommand, Picked, Recovery,
    ScreenKind, ScriptedDialogs, Storage,
};
use nianbao::model::{CellValue, Date, OrganKind, Report};
use nianbao::template::{T3_R3_7, TEMPLATE, t3};

use crate::common::editor::{Fixture, fixture, fixture_with, name, settle_preview};

const R1: usize = 0; // 一、本年新收
const R2: usize = 1; // 二、上年结转
const R3_1: usize = 2; // （一）予以公开
const NP: usize = 0; // 自然人
const BIZ: usize = 1; // 商业企业
const TOTAL: usize = 6; // 总计

#[test]
fn typing_updates_the_total_and_o1_comes_and_goes() {
    let mut f = fixture();
    assert!(!f.has_finding(Rule::O1));
    f.type_into(t3(R1, NP), "3");
    f.type_into(t3(R1, BIZ), "２件"); // full-width digit and a trailing 件 are accepted
    assert_eq!(f.cell(t3(R1, NP)), CellValue::Count(3));
    assert_eq!(f.cell(t3(R1, BIZ)), CellValue::Count(2));
    // The total column is computed and shown.
    assert_eq!(f.cell(t3(R1, TOTAL)), CellValue::Count(5));
    assert_eq!(f.shown(t3(R1, TOTAL)).as_deref(), Some("5"));
    // 一 + 二 ≠ 三(七) + 四 in the 自然人 column: O1, in the panel and on the status line.
    assert!(f.has_finding(Rule::O1));
    let o1 = "自然人列：一(3)+二(空)=3 ≠ 三(七)(空)+四(空)=0，差3";
    assert!(
        f.harness.query_by_label_contains(o1).is_some(),
        "{:#?}",
        f.app().checks.analysis.findings
    );
    // The status line and the findings panel both show the tally.
    let t = f.app().checks.analysis.tally;
    let (e, w, i) = (t.errors, t.warnings, t.infos);
    assert!(e >= 1);
    let tally = format!("错误 {e} · 警告 {w} · 提示 {i}");
    assert_eq!(f.harness.query_all_by_label(&tally).count(), 2, "{tally}");

    // Answer it: 3 and 2 applications were granted; （七）总计 follows and O1 goes away.
    f.type_into(t3(R3_1, NP), "3");
    f.type_into(t3(R3_1, BIZ), "2");
    assert_eq!(f.cell(t3(T3_R3_7, NP)), CellValue::Count(3));
    assert_eq!(f.shown(t3(T3_R3_7, TOTAL)).as_deref(), Some("5"));
    assert!(
        !f.has_finding(Rule::O1),
        "{:?}",
        f.app().checks.analysis.findings
    );
}

#[test]
fn a_letter_or_minus_in_a_count_is_refused_and_kept_visible() {
    let mut f = fixture();
    f.type_into(t3(R1, NP), "3a");
    assert_eq!(
        f.cell(t3(R1, NP)),
        CellValue::Invalid("3a".into()),
        "the report holds what the cell shows: refused text, not a number"
    );
    assert_eq!(f.shown(t3(R1, NP)).as_deref(), Some("3a"), "nor dropped");
    // It is an error of the report: counted, listed, and it blocks a final export.
    assert!(
        f.app()
            .checks
            .analysis
            .findings
            .iter()
            .any(|x| x.rule == Rule::S5 && x.places == [Place::Cell(t3(R1, NP))]),
        "{:?}",
        f.app().checks.analysis.findings
    );
    assert!(
        f.harness
            .query_by_label_contains("“3a”未接受：只能填写数字")
            .is_some()
    );
    f.type_into(t3(R1, NP), "-1");
    assert!(
        f.harness
            .query_by_label_contains("“-1”未接受：不能为负数")
            .is_some()
    );
    f.type_into(t3(R1, NP), "1.5");
    assert!(
        f.harness
            .query_by_label_contains("“1.5”未接受：件数须为整数，不能有小数")
            .is_some()
    );
    assert_eq!(
        f.cell(t3(R1, NP)),
        CellValue::Invalid("1.5".into()),
        "never the last valid prefix (1)"
    );
    assert_ne!(
        f.cell(t3(R1, TOTAL)),
        CellValue::Count(1),
        "totals do not use a hidden 1"
    );
    f.type_into(t3(R1, NP), "7");
    assert_eq!(f.cell(t3(R1, NP)), CellValue::Count(7));
    assert!(f.harness.query_by_label_contains("未接受").is_none());
}

#[test]
fn the_fee_amount_takes_four_decimals_not_five() {
    let mut f = fixture();
    let fee = nianbao::template::T2_FEES;
    f.type_into(fee, "1.2345");
    assert_eq!(f.cell(fee).display(), "1.2345");
    f.type_into(fee, "1.23456");
    assert_eq!(
        f.cell(fee),
        CellValue::Invalid("1.23456".into()),
        "kept as typed and refused, never cut to 1.2345"
    );
    assert!(
        f.harness
            .query_by_label_contains("“1.23456”未接受")
            .is_some()
    );
}

#[test]
fn clicking_a_finding_focuses_its_cell() {
    let mut f = fixture_with(|app| {
        app.doc
            .draft
            .report
            .set_cell(t3(R1, NP), CellValue::Count(4));
    });
    assert!(f.has_finding(Rule::O1));
    let first_place = f
        .app()
        .checks
        .analysis
        .findings
        .iter()
        .find(|x| x.rule == Rule::O1)
        .and_then(|x| x.places.first().copied());
    assert_eq!(first_place, Some(Place::Cell(t3(R1, NP))));
    f.harness.get_by_label_contains("O1 自然人列").click();
    f.harness.run();
    assert!(f.harness.get_by_label(&name(t3(R1, NP))).is_focused());
}

#[test]
fn enter_and_arrows_move_like_a_spreadsheet() {
    let mut f = fixture_with(|app| {
        app.doc
            .draft
            .report
            .set_cell(t3(R2, NP), CellValue::Count(5))
    });
    f.type_into(t3(R1, NP), "1");
    f.key(Modifiers::NONE, Key::Enter);
    assert!(f.harness.get_by_label(&name(t3(R2, NP))).is_focused());
    // Type-to-replace: the 5 already there is selected, the typed 2 replaces it.
    f.harness.get_by_label(&name(t3(R2, NP))).type_text("2");
    f.harness.run();
    assert_eq!(f.cell(t3(R2, NP)), CellValue::Count(2));
    f.key(Modifiers::NONE, Key::ArrowRight);
    assert!(f.harness.get_by_label(&name(t3(R2, BIZ))).is_focused());
    f.key(Modifiers::NONE, Key::ArrowUp);
    assert!(f.harness.get_by_label(&name(t3(R1, BIZ))).is_focused());
}

#[test]
fn pasting_a_block_fills_cells_from_the_focused_one() {
    let mut f = fixture();
    f.harness.get_by_label(&name(t3(R1, NP))).focus();
    f.harness.run();
    // Copied from a spreadsheet: two rows, seven columns (the computed total is skipped).
    f.harness.event(Event::Paste(
        "1\t2\t0\t0\t0\t0\t3\r\n4\t0\t0\t0\t0\tx\t4\r\n".into(),
    ));
    f.harness.run();
    assert_eq!(f.cell(t3(R1, NP)), CellValue::Count(1));
    assert_eq!(f.cell(t3(R1, BIZ)), CellValue::Count(2));
    assert_eq!(f.cell(t3(R2, NP)), CellValue::Count(4));
    assert_eq!(f.cell(t3(R1, TOTAL)), CellValue::Count(3));
    // The refused "x" is reported and kept in its cell, not dropped.
    assert_eq!(f.cell(t3(R2, 5)), CellValue::Invalid("x".into()));
    let status = f.app().status.text.clone().unwrap_or_default();
    assert!(status.contains("已粘贴 11 格"), "{status}");
    assert!(status.contains("2 格合计格自动计算，已跳过"), "{status}");
    assert!(status.contains("二·其他“x”只能填写数字"), "{status}");
}

#[test]
fn a_block_selected_with_shift_arrows_is_copied_and_cut_as_rows() {
    let mut f = fixture();
    f.type_into(t3(R1, NP), "1");
    f.type_into(t3(R1, BIZ), "2");
    f.type_into(t3(R2, NP), "3");
    f.type_into(t3(R2, BIZ), "4");
    f.harness.get_by_label(&name(t3(R1, NP))).focus();
    f.harness.run();
    f.key(Modifiers::SHIFT, Key::ArrowDown);
    f.key(Modifiers::SHIFT, Key::ArrowRight);
    let block: std::collections::HashSet<usize> = f.app().edit.block.clone();
    assert_eq!(
        block,
        [t3(R1, NP), t3(R1, BIZ), t3(R2, NP), t3(R2, BIZ)].into(),
        "a 2×2 block"
    );
    f.harness.event(Event::Copy);
    f.harness.run();
    let status = f.app().status.text.clone().unwrap_or_default();
    assert!(status.contains("已复制 4 格"), "{status}");
    assert_eq!(
        f.cell(t3(R1, NP)),
        CellValue::Count(1),
        "a copy changes nothing"
    );
    f.harness.event(Event::Cut);
    f.harness.run();
    assert_eq!(f.cell(t3(R1, NP)), CellValue::Blank);
    assert_eq!(f.cell(t3(R2, BIZ)), CellValue::Blank);
    // An arrow without Shift ends the block.
    f.key(Modifiers::NONE, Key::ArrowDown);
    assert!(f.app().edit.block.is_empty());
}

#[test]
fn findings_list_errors_first_and_folds_blank_cells_per_table() {
    let mut f = fixture();
    f.type_into(t3(R1, NP), "3");
    f.type_into(t3(R2, NP), "1");
    assert!(f.has_finding(Rule::O1));
    let lines: Vec<String> = f
        .harness
        .query_all_by_label_contains("］")
        .filter_map(|n| egui_kittest::kittest::NodeT::accesskit_node(&n).label())
        .collect();
    let first_warning = lines.iter().position(|l| l.contains("［警告］"));
    let last_error = lines.iter().rposition(|l| l.contains("［错误］"));
    assert!(
        last_error.is_some() && last_error < first_warning,
        "errors before warnings: {lines:#?}"
    );
    // 表三's many blank rows are one line that opens, and never ask for computed totals.
    let folded: Vec<&String> = lines
        .iter()
        .filter(|l| l.contains("S7 表三有") && l.contains("处未填写"))
        .collect();
    assert_eq!(folded.len(), 1, "{lines:#?}");
    assert!(
        f.app()
            .checks
            .analysis
            .findings
            .iter()
            .filter(|x| x.rule == Rule::S7)
            .all(|x| !x.message.contains("总计）") && !x.message.contains("、总计")),
        "computed totals are not asked for"
    );
}

#[test]
fn status_messages_end_with_the_state_they_describe() {
    let mut f = fixture();
    f.harness.get_by_label(&name(t3(R1, NP))).focus();
    f.harness.run();
    f.harness.event(Event::Paste("1\t2\r\n".into()));
    f.harness.run();
    assert!(
        f.app()
            .status
            .text
            .as_deref()
            .unwrap_or("")
            .contains("已粘贴 2 格")
    );
    f.key(Modifiers::COMMAND, Key::Z);
    assert_eq!(
        f.app().status.text,
        None,
        "undone: the paste message goes too"
    );
    f.type_into(t3(R1, NP), "4");
    f.harness.state_mut().status.text = Some("已保存：某.ron".into());
    f.harness.run();
    assert!(f.app().status.text.is_some());
    f.type_into(t3(R1, BIZ), "5");
    assert_eq!(f.app().status.text, None, "a new edit: no longer 已保存");
}

#[test]
fn new_starts_blank_for_the_year_being_reported() {
    let mut f = fixture_with(|app| {
        app.doc.draft.report.meta.organ = "别的单位".into();
    });
    f.harness.state_mut().push(FileCommand::Run(Action::New));
    f.harness.run();
    assert_eq!(
        f.app().doc.path,
        None,
        "{:?} {:?} {}",
        f.app().status.text,
        f.app().doc.draft.report.meta.organ,
        f.app().screen.kind() == ScreenKind::Desk
    );
    assert_eq!(f.app().doc.draft.report.meta.organ, "");
    assert_eq!(
        f.app().doc.draft.report.meta.year,
        Some(2025),
        "January 2026: 2025"
    );
}

#[test]
fn undo_and_redo_cells_and_text() {
    let mut f = fixture();
    f.type_into(t3(R1, NP), "5");
    f.type_into(t3(R1, BIZ), "6");
    f.key(Modifiers::COMMAND, Key::Z);
    assert_eq!(f.cell(t3(R1, BIZ)), CellValue::Blank);
    assert_eq!(f.cell(t3(R1, NP)), CellValue::Count(5));
    f.key(Modifiers::COMMAND, Key::Z);
    assert_eq!(f.cell(t3(R1, NP)), CellValue::Blank);
    f.key(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(f.cell(t3(R1, NP)), CellValue::Count(5));
    f.key(Modifiers::COMMAND, Key::Y);
    assert_eq!(f.cell(t3(R1, BIZ)), CellValue::Count(6));
    assert_eq!(f.shown(t3(R1, BIZ)).as_deref(), Some("6"));

    // Text areas too.
    f.harness.get_by_label("（一）主动公开").focus();
    f.harness.run();
    f.harness
        .get_by_label("（一）主动公开")
        .type_text("本年主动公开信息。");
    f.harness.run();
    let text = |f: &Fixture| {
        f.app()
            .doc
            .draft
            .report
            .text(nianbao::template::TextId::S1_1)
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(text(&f), "本年主动公开信息。");
    f.key(Modifiers::COMMAND, Key::Z);
    assert_eq!(text(&f), "");
}

#[test]
fn save_and_reopen_through_the_file_dialog() {
    let mut f = fixture();
    f.harness.get_by_label("机关全称").focus();
    f.harness.run();
    f.harness
        .get_by_label("机关全称")
        .type_text("某某县人民政府办公室");
    f.harness.run();
    f.type_into(t3(R1, NP), "3");
    assert!(f.app().doc.is_dirty());
    assert!(f.app().title().contains('●'));

    let path = f.path("报告.ron");
    f.dialogs.push(Picked::Path(f.path("报告")));
    f.key(Modifiers::COMMAND, Key::S);
    assert!(path.exists(), "saved with the .ron extension added");
    assert!(!f.app().doc.is_dirty());
    assert_eq!(f.app().title(), "报告.ron — 年报编辑器");
    let saved = draft::load_draft(&path).expect("saved draft loads");
    assert_eq!(saved.report.meta.organ, "某某县人民政府办公室");
    assert_eq!(saved.report.cell(t3(R1, NP)), &CellValue::Count(3));
    assert_eq!(f.app().settings.recent.first(), Some(&path));

    // A second editor opens it through the dialog (the first still holds it: read-only)
    // and sees the same report.
    let mut g = fixture();
    g.dialogs.push(Picked::Path(path.clone()));
    g.key(Modifiers::COMMAND, Key::O);
    g.harness.get_by_label("只读打开").click();
    g.harness.run();
    g.harness.run();
    assert_eq!(g.app().doc.draft, saved);
    assert_eq!(g.app().doc.path.as_deref(), Some(path.as_path()));
    assert!(!g.app().doc.is_dirty());
    assert_eq!(g.shown(t3(R1, NP)).as_deref(), Some("3"));
}

#[test]
fn without_a_native_dialog_a_typed_path_is_asked() {
    let mut f = fixture();
    f.type_into(t3(R1, NP), "1");
    // No scripted answer: the dialog is "unavailable", the in-app path prompt appears.
    f.key(Modifiers::COMMAND, Key::S);
    let prompt = f.harness.get_by_label("文件路径");
    prompt.focus();
    f.harness.run();
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    let target = f.path("typed.ron");
    f.harness
        .get_by_label("文件路径")
        .type_text(&target.display().to_string());
    f.harness.run();
    f.harness.get_by_label("确定").click();
    f.harness.run();
    assert!(target.exists());
    assert!(!f.app().doc.is_dirty());
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut f = fixture();
    f.type_into(t3(R1, NP), "1");
    f.harness.state_mut().request_close();
    f.harness.run();
    assert!(f.harness.query_by_label("有未保存的修改").is_some());
    f.harness.get_by_label("取消").click();
    f.harness.run();
    assert!(f.harness.query_by_label("有未保存的修改").is_none());
    assert!(!f.app().window.quit_requested);
    assert_eq!(f.cell(t3(R1, NP)), CellValue::Count(1));

    // 保存 through the dialog, then it closes.
    f.harness.state_mut().request_close();
    f.harness.run();
    let path = f.path("closing.ron");
    f.dialogs.push(Picked::Path(path.clone()));
    f.harness.get_by_label("保存").click();
    f.harness.run();
    assert!(path.exists());
    assert!(f.app().window.quit_requested);

    // 不保存 closes without writing.
    let mut g = fixture();
    g.type_into(t3(R1, NP), "2");
    g.harness.state_mut().request_close();
    g.harness.run();
    g.harness.get_by_label("不保存").click();
    g.harness.run();
    assert!(g.app().window.quit_requested);
}

#[test]
fn new_with_unsaved_changes_asks_and_cancel_keeps_the_report() {
    let mut f = fixture();
    f.type_into(t3(R1, NP), "9");
    f.key(Modifiers::COMMAND, Key::N);
    assert!(f.harness.query_by_label("有未保存的修改").is_some());
    f.harness.get_by_label("取消").click();
    f.harness.run();
    assert_eq!(f.cell(t3(R1, NP)), CellValue::Count(9));
    f.key(Modifiers::COMMAND, Key::N);
    f.harness.get_by_label("不保存").click();
    f.harness.run();
    assert_eq!(f.cell(t3(R1, NP)), CellValue::Blank);
    assert_eq!(f.app().doc.draft.report.meta.year, Some(2025));
}

#[test]
fn manual_totals_make_totals_editable_and_checked() {
    let mut f = fixture_with(|app| app.doc.draft.manual_totals = true);
    f.type_into(t3(R1, NP), "2");
    f.type_into(t3(R1, TOTAL), "5");
    assert_eq!(f.cell(t3(R1, TOTAL)), CellValue::Count(5));
    assert!(
        f.has_finding(Rule::S1),
        "{:?}",
        f.app().checks.analysis.findings
    );
}

#[test]
fn a_published_text_opens_with_its_import_findings() {
    let fixture_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/published/001_102e60219bc16b4b.txt");
    let mut f = fixture();
    f.harness
        .state_mut()
        .push(FileCommand::Run(Action::OpenPath(fixture_path)));
    f.harness.run();
    assert_eq!(f.app().doc.draft.report.meta.organ, "汇源办事处");
    assert!(f.app().doc.is_dirty(), "not yet saved as a draft");
    assert!(
        f.harness
            .query_by_label_contains("导入 ［警告］H15 标签“社会组织”")
            .is_some()
    );
    assert!(f.harness.query_by_label_contains("］S5 ").is_some());
}

#[test]
fn a_published_pdf_opens_with_how_each_cell_was_read() {
    let pdf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus/lo-docx.pdf");
    let mut f = fixture();
    f.harness
        .state_mut()
        .push(FileCommand::Run(Action::OpenPath(pdf)));
    f.harness.step();
    f.settle_opening(30);
    assert_eq!(f.app().doc.draft.report.meta.organ, "原州区人民政府办公室");
    assert_eq!(f.cell(t3(R1, NP)), CellValue::Count(8));
    // A cell the import could not read is marked until the clerk types it.
    let i = t3(R1, NP);
    f.harness.state_mut().doc.draft.read_as.insert(
        i,
        (nianbao::import::Provenance::Uncertain, CellValue::Count(8)),
    );
    f.harness.run();
    let unread = |f: &Fixture| {
        f.app()
            .checks
            .analysis
            .findings
            .iter()
            .any(|x| x.message.contains("无法可靠读取") && x.places.contains(&Place::Cell(i)))
    };
    assert!(unread(&f));
    f.type_into(i, "9");
    assert!(!unread(&f), "typed by the clerk: no longer marked");
    assert!(f.app().doc.draft.uncertain_cells().is_empty());
}

#[test]
fn a_bad_file_shows_a_message_and_keeps_the_report() {
    let mut f = fixture();
    f.type_into(t3(R1, NP), "4");
    let bad = f.path("坏.ron");
    std::fs::write(&bad, "(version: 1, report: (").expect("write");
    f.harness
        .state_mut()
        .push(FileCommand::Run(Action::OpenPath(bad)));
    f.harness.run();
    assert!(f.harness.query_by_label("出错了").is_some());
    assert!(f.harness.query_by_label_contains("草稿格式错误").is_some());
    assert_eq!(f.cell(t3(R1, NP)), CellValue::Count(4));
}

/// A config folder holding the recovery copy of a window whose process "ended" without
/// saving (its owner is a process id no process has): 一·自然人 typed as 8.
fn recovery_left_behind() -> PathBuf {
    let config = tempfile::tempdir().expect("tempdir").keep().join("config");
    let ended = nianbao::lock::Owner::with_pid(4_000_000_000);
    let first_config = config.clone();
    let mut f = fixture_with(move |app| {
        *app = EditorApp::new(
            Box::new(ScriptedDialogs::default()),
            Storage::at(first_config).with_owner(ended),
            Date::new(2026, 1, 15).expect("date"),
        );
    });
    f.type_into(t3(R1, NP), "8");
    f.harness.state_mut().autosave_now();
    config
}

/// An editor started with this config folder.
fn fixture_at(config: PathBuf) -> Fixture {
    fixture_with(move |app| {
        *app = EditorApp::new(
            Box::new(ScriptedDialogs::default()),
            Storage::at(config),
            Date::new(2026, 1, 15).expect("date"),
        );
    })
}

#[test]
fn autosave_writes_a_recovery_copy_that_the_next_start_offers() {
    let config = recovery_left_behind();
    let recovered: Vec<Recovery> = Storage::at(&config).read_recoveries();
    assert_eq!(recovered.len(), 1, "written, and offered to another window");
    assert_eq!(
        recovered[0].draft.report.cell(t3(R1, NP)),
        &CellValue::Count(8)
    );

    // Next start with the same config folder.
    let mut g = fixture_at(config);
    assert!(g.harness.query_by_label("发现未保存的草稿").is_some());
    g.harness.get_by_label("恢复").click();
    g.harness.run();
    assert_eq!(g.cell(t3(R1, NP)), CellValue::Count(8));
    assert!(g.app().doc.is_dirty());
}

#[test]
fn every_cell_has_an_accessible_name() {
    let f = fixture();
    for (i, spec) in TEMPLATE.cells.iter().enumerate() {
        if spec.legacy_2019 {
            continue;
        }
        assert!(
            f.harness.query_by_label(&name(i)).is_some(),
            "cell {i} {}",
            spec.id
        );
    }
}

#[test]
fn exporting_a_pdf_with_errors_asks_and_watermarks() {
    let mut f = fixture_with(|app| {
        app.printing.fonts = Some(nianbao::export::pdf::FontSet::bundled());
        app.doc
            .draft
            .report
            .set_cell(t3(R1, NP), CellValue::Count(4));
    });
    assert!(f.app().checks.analysis.tally.errors > 0);
    f.harness.state_mut().push(FileCommand::ExportPdf);
    f.harness.run();
    assert!(
        f.harness
            .query_by_label("报告还不能作为正式版导出")
            .is_some()
    );
    assert!(
        f.harness
            .query_by_label_contains("个错误（见问题列表）")
            .is_some()
    );
    // Cancel: nothing is written.
    f.harness.get_by_label("取消").click();
    f.harness.run();
    assert!(
        f.harness
            .query_by_label("报告还不能作为正式版导出")
            .is_none()
    );

    f.harness.state_mut().push(FileCommand::ExportPdf);
    f.harness.run();
    let path = f.path("报告");
    f.dialogs.push(Picked::Path(path.clone()));
    f.harness.get_by_label("仍然导出（加“草稿”水印）").click();
    f.harness.run();
    let pdf = std::fs::read(path.with_extension("pdf")).expect("PDF written");
    assert!(pdf.starts_with(b"%PDF-"));
    let status = f.app().status.text.clone().unwrap_or_default();
    assert!(status.contains("已导出PDF"), "{status}");
    assert!(status.contains("用程序自带的字体"), "{status}");
}

#[test]
fn new_from_last_year_and_cross_year_checks() {
    let mut f = fixture();
    // Last year's report: 2 applications carried forward, a long section 五.
    let mut last = Report::new("某某县人民政府办公室", OrganKind::Government, 2024);
    last.set_cell(t3(24, NP), CellValue::Count(2));
    let problems = "主要问题是政务公开工作的标准化规范化水平还需提升，政策解读形式较为单一，依申请公开答复质量有待提高。";
    last.set_text(nianbao::template::TextId::S5, problems);
    let path = f.path("2024.ron");
    draft::save_draft(&path, &Draft::new(last)).expect("save");

    f.harness
        .state_mut()
        .push(Command::guarded(Action::NewFromPath(path.clone())));
    f.harness.run();
    let report = f.app().doc.draft.report.clone();
    assert_eq!(report.meta.year, Some(2025));
    assert_eq!(report.meta.organ, "某某县人民政府办公室");
    assert_eq!(
        report.cell(t3(R2, NP)),
        &CellValue::Count(2),
        "上年结转 filled"
    );
    assert!(f.app().doc.is_dirty());
    // The inherited section 五 is marked until edited, and compared with last year (H12):
    // one item per part that is still last year's text.
    assert!(
        f.harness
            .query_all_by_label_contains("与上年相同，尚未修改")
            .next()
            .is_some()
    );
    assert!(f.has_finding(Rule::H12));
    assert!(!f.has_finding(Rule::H1));

    // Changing 上年结转 now disagrees with last year's 结转下年度: H1.
    f.type_into(t3(R2, NP), "5");
    assert!(
        f.has_finding(Rule::H1),
        "{:?}",
        f.app().checks.analysis.findings
    );
    assert!(
        f.harness
            .query_by_label_contains(
                "本年“二、上年结转”(5) ≠ 上年报告“四、结转下年度继续办理”(2)，差3"
            )
            .is_some()
    );
    f.harness.state_mut().push(ChecksCommand::ClearPrevious);
    f.harness.run();
    assert!(!f.has_finding(Rule::H1));
}

#[test]
fn tab_and_shift_tab_move_across_a_row_skipping_computed_totals() {
    let mut f = fixture();
    f.type_into(t3(R1, 5), "1"); // 一·其他
    f.key(Modifiers::NONE, Key::Tab);
    // The 总计 beside it is computed, not focusable: Tab goes on to the next row's 自然人.
    assert!(f.harness.get_by_label(&name(t3(R2, NP))).is_focused());
    f.key(Modifiers::SHIFT, Key::Tab);
    assert!(f.harness.get_by_label(&name(t3(R1, 5))).is_focused());
}

#[test]
fn about_shows_the_version_the_template_and_the_fonts() {
    let mut f = fixture();
    f.harness.get_by_label("帮助(H)").click();
    f.harness.run();
    f.harness.get_by_label("关于年报编辑器").click();
    f.harness.run();
    let version = format!("版本 {}", env!("CARGO_PKG_VERSION"));
    assert!(f.harness.query_by_label_contains(&version).is_some());
    assert!(
        f.harness
            .query_by_label_contains("国办公开办函〔2021〕30号")
            .is_some()
    );
    assert!(
        f.harness
            .query_by_label_contains("Noto Sans SC（SIL Open Font License 1.1）")
            .is_some()
    );
}

#[test]
fn escape_restores_the_value_before_the_edit_and_a_second_click_selects_all() {
    let mut f = fixture();
    f.type_into(t3(R1, NP), "5");
    f.key(Modifiers::NONE, Key::Enter);
    // Back into the cell, type, think better of it.
    f.harness.get_by_label(&name(t3(R1, NP))).focus();
    f.harness.run();
    f.harness.get_by_label(&name(t3(R1, NP))).type_text("9");
    f.harness.run();
    assert_ne!(f.cell(t3(R1, NP)), CellValue::Count(5));
    f.key(Modifiers::NONE, Key::Escape);
    assert_eq!(
        f.cell(t3(R1, NP)),
        CellValue::Count(5),
        "Esc: the value before"
    );
    // A click into the cell that has the focus selects its text, as the first click did:
    // typing replaces it instead of being inserted mid-text.
    f.type_into(t3(R1, NP), "1.23456");
    f.harness.get_by_label(&name(t3(R1, NP))).click();
    f.harness.run();
    f.harness.get_by_label(&name(t3(R1, NP))).click();
    f.harness.run();
    f.harness.get_by_label(&name(t3(R1, NP))).type_text("7");
    f.harness.run();
    assert_eq!(f.cell(t3(R1, NP)), CellValue::Count(7));
}

#[test]
fn a_local_publication_deadline_is_set_in_the_settings_and_kept() {
    // A government's report published on 10 February: in time by the national 31 March,
    // late by a region's 28 January.
    let mut f = fixture_with(|app| {
        app.doc.draft.report.meta.organ_kind = OrganKind::Government;
        app.doc.draft.report.meta.year = Some(2025);
        app.doc.draft.report.meta.published = Date::new(2026, 2, 10);
    });
    let late = |f: &Fixture| {
        f.app()
            .checks
            .analysis
            .findings
            .iter()
            .any(|x| x.rule == Rule::H11 && x.message.contains("逾期发布"))
    };
    assert!(!late(&f), "national deadline: in time");
    f.harness.get_by_label("设置(S)").click();
    f.harness.run();
    f.harness.get_by_label("发布期限…").click();
    f.harness.run();
    f.harness.get_by_label("本地区规定的期限").click();
    f.harness.run();
    let field = "次年（月-日）：";
    f.harness.get_by_label(field).focus();
    f.harness.run();
    f.harness.get_by_label(field).type_text("1-28");
    f.harness.run();
    f.harness.get_by_label("确定").click();
    f.harness.run();
    f.harness.run();
    assert_eq!(
        f.app().settings.deadline.map(|d| d.mm_dd()),
        Some("01-28".to_string())
    );
    assert!(late(&f), "a local deadline of 01-28: late");
    // Kept for the next session.
    let again = EditorApp::new(
        Box::new(ScriptedDialogs::default()),
        Storage::at(f.dir.path().join("config")),
        Date::new(2026, 1, 15).expect("date"),
    );
    assert_eq!(again.settings.deadline, f.app().settings.deadline);
    // Back to the national deadline.
    f.harness.state_mut().push(ChecksCommand::SetDeadline(None));
    f.harness.run();
    assert!(!late(&f));
}

#[test]
fn word_and_web_page_export_from_the_file_menu_read_back_as_the_report() {
    let mut f = fixture();
    f.type_into(t3(R1, NP), "3");
    f.type_into(t3(R3_1, NP), "3");
    for (menu_item, name, ext) in [
        ("导出 Word…", "报告", "docx"),
        ("导出网页…", "网页", "html"),
    ] {
        let path = f.path(name);
        f.dialogs.push(Picked::Path(path.clone()));
        f.harness.get_by_label("文件(F)").click();
        f.harness.run();
        f.harness.get_by_label(menu_item).click();
        f.harness.run();
        // Not a final version yet (no organ, blank cells): asked as for the PDF; Enter goes
        // on, the Word file with 草稿 in its header.
        assert!(
            f.harness
                .query_by_label("报告还不能作为正式版导出")
                .is_some(),
            "{ext}"
        );
        f.key(Modifiers::NONE, Key::Enter);
        let written = path.with_extension(ext);
        let bytes = std::fs::read(&written).expect("exported");
        if ext == "docx" {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).expect("zip");
            assert!(zip.by_name("word/header1.xml").is_ok(), "the 草稿 header");
        }
        let back = nianbao::import::import_bytes(&written, &bytes).expect("imports");
        assert_eq!(back.report.cell(t3(R1, NP)), &CellValue::Count(3), "{ext}");
        assert_eq!(
            back.report.cell(t3(R3_1, TOTAL)),
            &CellValue::Count(3),
            "{ext}"
        );
        let status = f.app().status.text.clone().unwrap_or_default();
        assert!(status.contains("已导出"), "{status}");
    }
}

#[test]
fn summing_subordinate_units_from_the_file_menu() {
    let mut f = fixture();
    let mut paths = Vec::new();
    for (organ, n) in [("某县财政局", 3), ("某县教育局", 4)] {
        let mut r = Report::new(organ, OrganKind::Department, 2025);
        r.set_cell(t3(R1, NP), CellValue::Count(n));
        r.set_cell(t3(R3_1, NP), CellValue::Count(n));
        let path = f.path(&format!("{organ}.ron"));
        draft::save_draft(&path, &Draft::new(r)).expect("saves");
        paths.push(path);
    }
    f.dialogs.push(Picked::Paths(paths));
    f.harness.get_by_label("文件(F)").click();
    f.harness.run();
    f.harness.get_by_label("汇总下级单位报告…").click();
    f.harness.run();
    assert_eq!(f.cell(t3(R1, NP)), CellValue::Count(7));
    assert_eq!(f.cell(t3(R1, TOTAL)), CellValue::Count(7));
    assert!(f.app().doc.is_dirty(), "a new parent report, not saved yet");
    let status = f.app().status.text.clone().unwrap_or_default();
    assert!(status.contains("已汇总 2 个单位"), "{status}");
    let record = f.app().doc.draft.sum.clone().expect("the units are kept");
    assert_eq!(record.units.len(), 2);
    // A summed cell changed by hand stays visible against the units' sum.
    f.type_into(t3(R1, NP), "8");
    assert!(
        f.app()
            .checks
            .analysis
            .findings
            .iter()
            .any(|x| x.rule == Rule::Sum && x.message.contains("各单位之和为“7”"))
    );
}

#[test]
fn a_warning_explained_then_a_covered_cell_changed_brings_it_back_with_the_old_explanation() {
    let mut f = fixture();
    f.harness.state_mut().settings.reviewer = "张三".into();
    f.harness.run();
    // The backlog hint H14: more carried forward than half of the new applications.
    f.type_into(t3(R1, NP), "4");
    f.type_into(t3(R2, NP), "0");
    f.type_into(t3(R3_1, NP), "1");
    f.type_into(t3(24, NP), "3");
    let h14 = |f: &Fixture| {
        f.app()
            .checks
            .analysis
            .findings
            .iter()
            .find(|x| x.rule == Rule::H14)
            .cloned()
    };
    let finding = h14(&f).expect("H14 points at the backlog");
    let hints_before = f.app().checks.analysis.tally.infos;
    let number = f
        .app()
        .checks
        .analysis
        .findings
        .iter()
        .position(|x| *x == finding)
        .expect("listed")
        + 1;
    let button = format!("为第{number}条问题写说明（H14）");
    // The hint may be below the panel's fold: the keyboard reaches it there too.
    f.harness.get_by_label(&button).focus();
    f.harness.run();
    f.key(Modifiers::NONE, Key::Enter);
    f.harness.run();
    assert!(f.harness.query_by_label("为此问题写说明").is_some());
    let field = "说明（为什么这样填报，如“12月集中收到申请，年底尚未办结”）：";
    f.harness.get_by_label(field).focus();
    f.harness.run();
    f.harness
        .get_by_label(field)
        .type_text("12月集中收到申请，年底尚未办结");
    f.harness.run();
    f.harness.get_by_label("确定").click();
    f.harness.run();
    f.harness.run();
    let explanations = &f.app().doc.draft.review.explanations;
    assert_eq!(explanations.len(), 1);
    assert_eq!(explanations[0].author, "张三");
    assert_eq!(
        f.app().checks.analysis.tally.infos,
        hints_before - 1,
        "explained: not counted"
    );
    assert!(h14(&f).is_some(), "still listed");
    assert!(f.harness.query_by_label_contains("已说明（张三").is_some());
    // The backlog changes: the 说明 is stale, the warning counts again, the old text shown.
    f.type_into(t3(24, NP), "4");
    assert!(h14(&f).is_some());
    assert_eq!(f.app().checks.analysis.tally.infos, hints_before);
    assert!(
        f.harness
            .query_by_label_contains("原说明已过期（所涉数值已改）（张三")
            .is_some()
    );
    // Saved with the draft, read back.
    let path = f.path("有说明.ron");
    f.harness.state_mut().push(FileCommand::SaveTo {
        path: path.clone(),
        then: None,
    });
    f.harness.run();
    let back = draft::load_draft(&path).expect("loads");
    assert_eq!(back.review.explanations.len(), 1);
}

#[test]
fn signing_then_editing_shows_in_the_title_and_status() {
    let mut f = fixture();
    let clean = {
        let mut r = Report::new("某某县财政局", OrganKind::Department, 2025);
        for i in 0..nianbao::template::CELL_COUNT {
            r.set_cell(i, CellValue::Count(0));
        }
        r.set_cell(
            nianbao::template::T2_FEES,
            CellValue::Amount(nianbao::model::WanAmount {
                digits: 0,
                scale: 0,
            }),
        );
        r
    };
    f.harness.state_mut().doc.draft.report = clean;
    f.harness.run();
    assert_eq!(f.app().checks.analysis.tally.errors, 0);
    f.harness.get_by_label("编辑(E)").click();
    f.harness.run();
    f.harness.get_by_label("签发…").click();
    f.harness.run();
    f.harness.get_by_label("签署人：").focus();
    f.harness.run();
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    f.harness.get_by_label("签署人：").type_text("李四");
    f.harness.run();
    f.harness.get_by_label("确定").click();
    f.harness.run();
    assert!(
        f.app().title().contains("（已签发）"),
        "{}",
        f.app().title()
    );
    f.type_into(t3(R1, NP), "1");
    f.type_into(t3(R3_1, NP), "1");
    assert!(
        f.app().title().contains("（签发后已修改）"),
        "{}",
        f.app().title()
    );
    assert!(f.harness.query_by_label("签发后已修改").is_some());
}

#[test]
fn a_note_on_a_cell_is_listed_kept_and_jumps_to_its_cell() {
    let mut f = fixture();
    f.harness.state_mut().settings.reviewer = "王五".into();
    f.harness.run();
    // Scrolled into view (focusing a cell does), then right-clicked.
    f.harness.get_by_label(&name(t3(R1, NP))).focus();
    f.harness.run();
    f.harness.get_by_label(&name(t3(R1, NP))).click_secondary();
    f.harness.run();
    f.harness.get_by_label("添加批注…").click();
    f.harness.run();
    let field = "批注（退回意见）：";
    f.harness.get_by_label(field).focus();
    f.harness.run();
    f.harness.get_by_label(field).type_text("请核对本年新收");
    f.harness.run();
    f.harness.get_by_label("确定").click();
    f.harness.run();
    let notes = f.app().doc.draft.review.notes.clone();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].place, Place::Cell(t3(R1, NP)));
    assert_eq!(notes[0].author, "王五");
    // Listed beside the findings; a click there focuses the cell.
    f.harness.get_by_label("批注 1 条（未处理 1）").click();
    f.harness.run();
    f.harness.get_by_label("批注 1 条（未处理 1）").click();
    f.harness.run();
    let line = f.harness.get_by_label_contains("：请核对本年新收（王五");
    line.click();
    f.harness.run();
    f.harness.run();
    assert!(f.harness.get_by_label(&name(t3(R1, NP))).is_focused());
    // Kept with the draft; resolved with a tick.
    let path = f.path("批注.ron");
    f.harness.state_mut().push(FileCommand::SaveTo {
        path: path.clone(),
        then: None,
    });
    f.harness.run();
    assert_eq!(draft::load_draft(&path).expect("loads").review.notes, notes);
    f.harness.get_by_label("已处理").click();
    f.harness.run();
    assert!(f.app().doc.draft.review.notes[0].resolved);
}

/// What the 发布日期 field shows is what the draft stores: an impossible date is kept as
/// typed, shown red with what is wrong, counted as an error, makes the draft dirty (closing
/// asks) and is saved as typed.
#[test]
fn an_impossible_date_is_stored_as_typed_and_counted() {
    let mut f = fixture();
    let errors_before = f.app().checks.analysis.tally.errors;
    f.harness.get_by_label("发布日期").focus();
    f.harness.run();
    f.harness.get_by_label("发布日期").type_text("2023-13-40");
    f.harness.run();
    f.key(Modifiers::NONE, Key::Tab);
    let meta = &f.app().doc.draft.report.meta;
    assert_eq!(meta.refused.published.as_deref(), Some("2023-13-40"));
    assert_eq!(meta.published, None);
    assert!(f.app().doc.is_dirty(), "closing would ask");
    assert_eq!(f.app().checks.analysis.tally.errors, errors_before + 1);
    assert!(
        f.app()
            .checks
            .analysis
            .findings
            .iter()
            .any(|x| x.rule == Rule::H11 && x.message.contains("月份 13 不存在"))
    );
    assert_eq!(
        f.harness.get_by_label("发布日期").value().as_deref(),
        Some("2023-13-40"),
        "shown as typed after leaving the field"
    );
    let path = f.path("日期.ron");
    f.dialogs.push(Picked::Path(path.clone()));
    f.key(Modifiers::COMMAND, Key::S);
    let saved = draft::load_draft(&path).expect("saved");
    assert_eq!(
        saved.report.meta.refused.published.as_deref(),
        Some("2023-13-40")
    );

    // A valid date replaces it.
    f.harness.get_by_label("发布日期").focus();
    f.harness.run();
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    f.harness.run();
    f.harness
        .get_by_label("发布日期")
        .type_text("2026年1月20日");
    f.harness.run();
    let meta = &f.app().doc.draft.report.meta;
    assert_eq!(meta.refused.published, None);
    assert_eq!(meta.published, Date::new(2026, 1, 20));
}

/// 导出退回意见…: the reviewer chooses the findings that go to the unit, and whether the
/// part the import could not read is attached.
#[test]
fn the_reviewer_chooses_what_goes_into_the_return_letter() {
    let fixture_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/published/000_07ea97a0e0dbb2b9.txt");
    let mut f = fixture();
    f.harness
        .state_mut()
        .push(FileCommand::Run(Action::OpenPath(fixture_path)));
    f.harness.run();
    f.harness
        .state_mut()
        .push(FileCommand::Export(nianbao::gui::DocumentKind::ReturnNotes));
    f.harness.run();
    f.harness.run();
    assert!(f.harness.query_by_label("退回意见包括哪些问题").is_some());
    // The unit's findings are offered; the S9 reading problem is not among them.
    assert!(f.harness.query_by_label_contains("[警告] S9").is_none());
    assert!(f.harness.query_by_label_contains("[警告] H15").is_some());
    f.harness.get_by_label_contains("[警告] H19").click();
    f.harness.run();
    f.harness
        .get_by_label_contains("附上“审核方未能可靠读取”的部分")
        .click();
    f.harness.run();
    let out = f.path("退回意见.pdf");
    f.dialogs.push(Picked::Path(out.clone()));
    f.harness.get_by_label("导出…").click();
    f.harness.run();
    f.harness.run();
    let choice = &f.app().review.letter_choice;
    assert!(!choice.include_unread);
    assert_eq!(choice.leave_out.len(), 1);
    let left_out = *choice.leave_out.iter().next().unwrap();
    assert_eq!(f.app().checks.analysis.findings[left_out].rule, Rule::H19);
    assert!(out.exists(), "{:?}", f.app().status.text);
}

/// File dialogs start in the open draft's folder, not in `/`.
#[test]
fn dialogs_open_in_the_draft_s_folder() {
    let mut f = fixture();
    f.type_into(t3(R1, NP), "1");
    let folder = f.path("单位");
    std::fs::create_dir_all(&folder).unwrap();
    f.dialogs.push(Picked::Path(folder.join("报告.ron")));
    f.key(Modifiers::COMMAND, Key::S);
    f.dialogs.push(Picked::Cancelled);
    f.key(Modifiers::COMMAND, Key::O);
    let asked = f.dialogs.folders();
    assert_eq!(asked.last(), Some(&Some(folder)), "{asked:?}");
}

/// An imported report keeps its printed totals (手动填写合计): the status bar says so and
/// offers to compute them again, as one undoable step.
#[test]
fn an_imported_report_shows_hand_typed_totals_and_offers_to_compute_them() {
    let fixture_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/published/000_07ea97a0e0dbb2b9.txt");
    let mut f = fixture();
    f.harness
        .state_mut()
        .push(FileCommand::Run(Action::OpenPath(fixture_path)));
    f.harness.run();
    assert!(f.app().doc.draft.manual_totals);
    assert!(f.harness.query_by_label("合计为手动填写").is_some());
    f.harness.get_by_label("改为自动计算合计").click();
    f.harness.run();
    f.harness.run();
    assert!(!f.app().doc.draft.manual_totals);
    assert!(f.harness.query_by_label("合计为手动填写").is_none());
    f.key(Modifiers::COMMAND, Key::Z);
    assert!(f.app().doc.draft.manual_totals, "undone");
}

/// A report with no 机关全称, 落款 or 发布日期, every table blank, is no final version in the
/// editor either: the reasons are listed, and a refused date is one of them.
#[test]
fn an_incomplete_report_is_refused_as_final_with_what_is_missing() {
    let mut f = fixture_with(|app| {
        app.doc.draft.report.meta.signature.clear();
        app.doc.draft.report.meta.set_published_typed("2023-13-40");
    });
    f.harness.state_mut().push(FileCommand::ExportPdf);
    f.harness.run();
    assert!(
        f.harness
            .query_by_label("报告还不能作为正式版导出")
            .is_some()
    );
    assert!(
        f.harness
            .query_by_label_contains("缺少机关全称、落款机关")
            .is_some()
    );
    assert!(
        f.harness
            .query_by_label("• 发布日期“2023-13-40”无效")
            .is_some()
    );
    assert!(f.harness.query_by_label_contains("个空白单元格").is_some());
}

#[test]
fn a_local_profile_is_chosen_in_the_settings_shown_and_kept() {
    let mut f = fixture_with(|app| {
        app.doc.draft.report.meta.organ = "某县财政局".into();
        app.doc.draft.report.meta.organ_kind = OrganKind::Department;
        app.doc.draft.report.set_text(
            nianbao::template::TextId::S1_1,
            "全年主动公开政府信息156条，持续运维政务新媒体。",
        );
    });
    let profile = f.path("某市要求.ron");
    std::fs::write(
        &profile,
        r#"(
    name: "某市2025年度要求",
    mentions: [ (of: "（一）主动公开", what: "政务新媒体数量", keywords: ["政务新媒体"]) ],
    cell_notes: [ (cell: "t3.r1.np", text: "按登记受理的申请计数") ],
)"#,
    )
    .expect("write");
    assert!(!f.has_finding(Rule::L2), "national rules only");
    f.dialogs.push(Picked::Path(profile.clone()));
    f.harness.get_by_label("设置(S)").click();
    f.harness.run();
    f.harness.get_by_label("本地要求…").click();
    f.harness.run();
    f.harness.run();
    assert!(
        f.has_finding(Rule::L2),
        "{:?}",
        f.app().checks.analysis.findings
    );
    assert!(
        f.harness
            .query_by_label("本地要求：某市2025年度要求")
            .is_some(),
        "named in the status bar"
    );
    // Remembered for the next session.
    let again = EditorApp::new(
        Box::new(ScriptedDialogs::default()),
        Storage::at(f.dir.path().join("config")),
        Date::new(2026, 1, 15).expect("date"),
    );
    assert_eq!(
        again
            .settings
            .profile
            .as_ref()
            .map(|(p, x)| (p.clone(), x.name.clone())),
        Some((profile.clone(), "某市2025年度要求".to_string()))
    );
    // Back to the national rules.
    f.harness.get_by_label("设置(S)").click();
    f.harness.run();
    f.harness
        .get_by_label("不使用本地要求（只按国家规定检查）")
        .click();
    f.harness.run();
    f.harness.run();
    assert!(!f.has_finding(Rule::L2));
    assert!(
        f.harness
            .query_by_label("本地要求：某市2025年度要求")
            .is_none()
    );
    // A profile with an error is refused with its position, and nothing changes.
    std::fs::write(
        &profile,
        "(\n    name: \"x\",\n    lengths: [ (of: \"七\", max_chars: 9) ],\n)",
    )
    .expect("write");
    f.harness
        .state_mut()
        .push(ChecksCommand::LoadProfile(profile.clone()));
    f.harness.run();
    assert!(
        f.harness
            .query_by_label_contains("本地要求文件第3行第")
            .is_some()
    );
    assert!(f.app().settings.profile.is_none());
}

#[test]
fn the_repetition_rate_shows_per_text_and_overall_for_a_draft_from_last_year() {
    let mut f = fixture();
    let mut last = Report::new("某某县人民政府办公室", OrganKind::Government, 2024);
    last.set_text(
        nianbao::template::TextId::S5,
        "主要问题是政策解读形式较为单一。下一步将丰富解读形式。",
    );
    let path = f.path("2024.ron");
    draft::save_draft(&path, &Draft::new(last)).expect("save");
    f.harness
        .state_mut()
        .push(Command::guarded(Action::NewFromPath(path)));
    f.harness.run();
    assert!(
        f.harness
            .query_by_label_contains("与上年重复 100%（2/2句）")
            .is_some()
    );
    // One sentence rewritten: half repeats.
    let s5 = nianbao::gui::text_name(nianbao::template::TextId::S5);
    let field = egui::accesskit::Role::MultilineTextInput;
    f.harness.get_by_role_and_label(field, s5).focus();
    f.harness.run();
    f.key(Modifiers::COMMAND, Key::A);
    f.harness
        .get_by_role_and_label(field, s5)
        .type_text("主要问题是政策解读形式较为单一。下一步将开展图解和视频解读。");
    f.harness.run();
    f.harness.run();
    assert!(
        f.harness
            .query_by_label_contains("与上年重复 50%（1/2句）")
            .is_some()
    );
    assert_eq!(
        f.app()
            .checks
            .analysis
            .repetition
            .as_ref()
            .and_then(|r| r.overall())
            .map(|s| s.text()),
        Some("50%".to_string())
    );
}

#[test]
fn the_review_desk_returns_takes_the_resubmission_signs_and_sums() {
    let mut f = fixture_with(|app| app.settings.reviewer = "李主任".into());
    let folder = f.path("2025年度");
    std::fs::create_dir_all(&folder).expect("folder");
    let unit = |organ: &str, received: u64, disclosed: u64| {
        let mut r = Report::new(organ, OrganKind::Township, 2025);
        for i in 0..TEMPLATE.cells.len() {
            r.set_cell(i, CellValue::from_source(TEMPLATE.cells[i].kind, "0"));
        }
        r.set_cell(t3(R1, NP), CellValue::Count(received));
        r.set_cell(t3(R3_1, NP), CellValue::Count(disclosed));
        r.set_text(nianbao::template::TextId::S6, "本年度未收取信息处理费。");
        r.meta.published = Date::new(2026, 1, 20);
        Draft::new(r)
    };
    draft::save_draft(&folder.join("甲镇.ron"), &unit("某县甲镇人民政府", 3, 2)).expect("save");
    draft::save_draft(&folder.join("乙镇.ron"), &unit("某县乙镇人民政府", 2, 2)).expect("save");
    f.dialogs.push(Picked::Path(folder.clone()));
    f.harness.get_by_label("文件(F)").click();
    f.harness.run();
    f.harness.get_by_label("打开审核台…").click();
    f.harness.step();
    f.settle_desk();
    // The window names the folder, and the status bar no findings of a report behind.
    assert!(f.app().title().starts_with("审核台：2025年度"));
    assert!(
        f.harness
            .query_by_label_contains("双击一行或按 Enter 打开报告")
            .is_some()
    );
    assert!(f.harness.query_by_label_contains("错误 0").is_none());
    let state_of = |f: &Fixture, file: &str| {
        let view = f.app().desk.as_ref().expect("desk");
        view.desk.rows[view.desk.find(file).expect("row")].state
    };
    use nianbao::desk::DeskState;
    assert_eq!(state_of(&f, "甲镇.ron"), DeskState::HasErrors);
    assert!(
        f.harness.query_by_label("某县甲镇人民政府").is_some(),
        "a row per unit"
    );
    // Sorted by a header: a click sorts, a second reverses.
    let first = |f: &Fixture| {
        let view = f.app().desk.as_ref().expect("desk");
        view.desk.rows[view.visible()[0]].file.clone()
    };
    f.harness.get_by_label("错误 · 警告 · 提示").click();
    f.harness.run();
    assert_eq!(first(&f), "乙镇.ron", "fewest errors first");
    f.harness.get_by_label("错误 · 警告 · 提示 ▲").click();
    f.harness.run();
    assert_eq!(first(&f), "甲镇.ron", "most errors first");
    assert!(f.harness.query_by_label("错误 · 警告 · 提示 ▼").is_some());
    // Select 甲镇 and 退回 it.
    f.harness.get_by_label("某县甲镇人民政府").click();
    f.harness.run();
    f.harness.get_by_label("退回…").click();
    f.harness.run();
    // The dialog asks the letter's format and who returns it; Enter returns.
    assert!(f.harness.query_by_label("退回报告").is_some());
    f.harness.get_by_label("文本").click();
    f.harness.run();
    f.key(Modifiers::NONE, Key::Enter);
    f.harness.run();
    assert_eq!(state_of(&f, "甲镇.ron"), DeskState::Returned);
    assert!(folder.join("甲镇退回意见.txt").exists());
    assert!(
        folder.join("审核台存档").is_dir(),
        "the version returned is kept"
    );
    // A unit's report added to the folder comes in by itself, the selection kept.
    draft::save_draft(&folder.join("丙镇.ron"), &unit("某县丙镇人民政府", 1, 1)).expect("save");
    for _ in 0..40 {
        f.harness.step();
        if f.app().desk.as_ref().expect("desk").desk.rows.len() == 3 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    f.settle_desk();
    let view = f.app().desk.as_ref().expect("desk");
    assert_eq!(view.desk.rows.len(), 3, "丙镇 added by itself");
    assert_eq!(view.selected.as_deref(), Some("甲镇.ron"));
    assert_eq!(state_of(&f, "丙镇.ron"), DeskState::Unreviewed);
    // Into the report and back: the desk shows again, read from the folder.
    f.harness.get_by_label("打开").click();
    f.harness.run();
    f.harness.run();
    assert_eq!(f.app().doc.draft.report.meta.organ, "某县甲镇人民政府");
    assert!(f.harness.query_by_label("返回审核台").is_some());
    // The unit's corrected file arrives meanwhile.
    draft::save_draft(&folder.join("甲镇.ron"), &unit("某县甲镇人民政府", 3, 3)).expect("save");
    // Back to the desk closes the report: its totals were computed on opening (a change),
    // so the reviewer is asked first, naming it.
    f.harness.get_by_label("返回审核台").click();
    f.harness.run();
    assert!(
        f.harness
            .query_by_label_contains("是否保存对“甲镇.ron”的修改")
            .is_some()
    );
    f.harness.get_by_label("不保存").click();
    f.harness.step();
    f.settle_desk();
    assert_eq!(f.app().screen.kind(), ScreenKind::Desk);
    assert_eq!(
        f.app().session.lock,
        None,
        "the closed report's lock is given up"
    );
    assert_eq!(state_of(&f, "甲镇.ron"), DeskState::Resubmitted);
    // The resubmission opens compared with the version returned, the findings weighed.
    f.harness.get_by_label("打开").click();
    f.harness.run();
    f.harness.run();
    f.harness.run();
    assert!(
        f.app()
            .review
            .compare
            .as_ref()
            .is_some_and(|c| c.label.starts_with("退回时的版本（李主任")),
        "framed against the version returned"
    );
    assert!(
        f.harness
            .query_by_label_contains("退回时的问题（李主任")
            .is_some()
    );
    assert!(
        f.harness
            .query_all_by_label_contains("✓ 已解决")
            .next()
            .is_some()
    );
    f.harness.get_by_label("返回审核台").click();
    f.harness.run();
    if f.harness.query_by_label("不保存").is_some() {
        f.harness.get_by_label("不保存").click();
    }
    f.harness.step();
    f.settle_desk();
    // The report was closed on the way back: no hidden copy of 甲镇 holds its lock.
    assert_eq!(f.app().session.lock, None);
    assert_eq!(f.app().screen.kind(), ScreenKind::Desk);
    assert_eq!(f.app().doc.path, None);
    assert_eq!(f.app().screen.kind(), ScreenKind::Desk);
    for organ in ["某县甲镇人民政府", "某县乙镇人民政府", "某县丙镇人民政府"]
    {
        f.harness.get_by_label(organ).click();
        f.harness.run();
        f.harness.get_by_label("签发").click();
        f.harness.run();
        // Signing asks first, naming who signs and what; Enter confirms.
        assert!(f.harness.query_by_label("确认签发").is_some(), "{organ}");
        f.key(Modifiers::NONE, Key::Enter);
        assert!(
            f.harness.query_by_label("确定").is_none(),
            "{organ}: {:?}",
            f.app().status.text
        );
    }
    assert_eq!(
        state_of(&f, "甲镇.ron"),
        DeskState::Approved(nianbao::review::Stage::Signed)
    );
    // 汇总: asks the year (the one there is, chosen); the parent draft opens in the editor
    // with 3 + 2 + 1.
    f.harness.get_by_label("汇总已审核的报告").click();
    f.harness.run();
    assert!(
        f.harness
            .query_by_label("汇总2025年度 3 个单位的报告")
            .is_some()
    );
    f.key(Modifiers::NONE, Key::Enter);
    f.harness.run();
    assert_eq!(f.cell(t3(R1, NP)), CellValue::Count(6));
    assert_eq!(f.app().screen.kind(), ScreenKind::Form);
}

#[test]
fn a_published_report_looked_at_from_the_desk_asks_nothing_on_the_way_back() {
    let mut f = fixture();
    let folder = f.path("2025年度");
    std::fs::create_dir_all(&folder).expect("folder");
    for name in ["003_60d30e5d68c9d170.txt", "004_bdcd87e779cdd68c.txt"] {
        std::fs::copy(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data/published")
                .join(name),
            folder.join(name),
        )
        .expect("copy");
    }
    f.harness
        .state_mut()
        .push(DeskCommand::OpenPath(folder.clone()));
    f.harness.step();
    f.settle_desk();
    for organ in ["原州区人民政府办公室", "清河县人民政府办公室"] {
        f.harness.get_by_label(organ).click();
        f.harness.run();
        f.harness.get_by_label("打开").click();
        f.harness.run();
        f.harness.run();
        assert!(f.harness.query_by_label("不保存").is_none(), "{organ}");
        assert_eq!(f.app().doc.draft.report.meta.organ, organ);
        assert!(
            f.app()
                .status
                .text
                .as_deref()
                .is_some_and(|t| t.starts_with("已导入")),
            "the form says how the report was read"
        );
        f.harness.get_by_label("返回审核台").click();
        f.harness.step();
        f.settle_desk();
        // The form's message stays with the form: the desk shows its own hint.
        assert_eq!(f.app().status.text, None);
        assert!(
            f.harness
                .query_by_label_contains("双击一行或按 Enter 打开报告")
                .is_some()
        );
    }
    // An edit still asks before another report replaces it.
    f.harness.get_by_label("原州区人民政府办公室").click();
    f.harness.run();
    f.harness.get_by_label("打开").click();
    f.harness.run();
    f.harness.run();
    f.harness.state_mut().doc.draft.report.meta.organ = "原州区政府办".into();
    f.harness.get_by_label("返回审核台").click();
    f.harness.run();
    assert!(f.harness.query_by_label("不保存").is_some());
    assert_eq!(
        f.app().screen.kind(),
        ScreenKind::Form,
        "still on the report"
    );
}

#[test]
fn a_finding_says_what_its_rule_is_and_f8_goes_through_the_findings() {
    let mut f = fixture();
    // 3 applications received and none handled: O1 (an error), besides the blank report's
    // warnings.
    f.harness
        .state_mut()
        .doc
        .draft
        .report
        .set_cell(t3(R1, NP), CellValue::Count(3));
    f.harness.run();
    f.harness
        .query_all_by_label_contains("条，O1）")
        .next()
        .expect("这条规则是什么 on the O1 finding")
        .click();
    f.harness.run();
    assert!(f.harness.query_by_label("规则 O1（错误）").is_some());
    assert!(
        f.harness
            .query_by_label_contains("表三的注：“本列数据的勾稽关系为")
            .is_some(),
        "the official note is quoted as the source"
    );
    assert!(
        f.harness.query_by_label_contains("差 1").is_some(),
        "a worked example"
    );
    f.key(Modifiers::NONE, Key::Enter);
    assert!(
        f.harness.query_by_label("规则 O1（错误）").is_none(),
        "Enter closes it"
    );
    // F1 in the red cell: what its rule is (context help), not the guide.
    f.harness.state_mut().focus_place(Place::Cell(t3(R1, NP)));
    f.harness.run();
    f.key(Modifiers::NONE, Key::F1);
    assert!(f.harness.query_by_label("规则 O1（错误）").is_some());
    assert!(f.app().window.guide.is_none());
    f.key(Modifiers::NONE, Key::Escape);
    assert!(f.harness.query_by_label("规则 O1（错误）").is_none());
    // F8: the first error, its place focused; Shift+F8 from there: the last warning.
    let to_visit = f.app().findings_to_visit().len();
    assert!(to_visit > 1);
    f.key(Modifiers::NONE, Key::F8);
    assert_eq!(f.app().edit.finding_cursor, Some(0));
    let status = f.app().status.text.clone().unwrap_or_default();
    assert!(
        status.starts_with(&format!("1/{to_visit}：[错误] O1")),
        "{status}"
    );
    f.key(Modifiers::SHIFT, Key::F8);
    assert_eq!(f.app().edit.finding_cursor, Some(to_visit - 1));
    let status = f.app().status.text.clone().unwrap_or_default();
    assert!(status.contains("[警告]"), "{status}");
    f.key(Modifiers::NONE, Key::F8);
    assert_eq!(f.app().edit.finding_cursor, Some(0), "round at the end");
}

#[test]
fn enter_is_the_default_button_and_esc_cancels_in_dialogs() {
    use nianbao::gui::Modal;
    let mut f = fixture();
    // An error message: Enter closes it.
    f.harness
        .state_mut()
        .push(Command::modal(Modal::Error("测试".into())));
    f.harness.run();
    assert!(f.harness.query_by_label("出错了").is_some());
    f.key(Modifiers::NONE, Key::Enter);
    assert!(
        f.harness.query_by_label("出错了").is_none(),
        "Enter closed the message"
    );
    // 有未保存的修改: Esc cancels (nothing happens), the edit stays.
    f.harness.state_mut().doc.draft.report.meta.organ = "某县人民政府办公室".into();
    f.harness.run();
    f.harness.state_mut().push(Command::guarded(Action::New));
    f.harness.run();
    assert!(f.harness.query_by_label("有未保存的修改").is_some());
    f.key(Modifiers::NONE, Key::Escape);
    assert!(f.harness.query_by_label("有未保存的修改").is_none());
    assert_eq!(f.app().doc.draft.report.meta.organ, "某县人民政府办公室");
    // 签发…: the name typed, Enter signs.
    f.harness.state_mut().push(Command::modal(Modal::SignOff {
        stage: nianbao::review::Stage::Signed,
        name: "李主任".into(),
    }));
    f.harness.run();
    assert!(f.harness.query_by_label("签署人：").is_some());
    f.key(Modifiers::NONE, Key::Enter);
    assert!(f.harness.query_by_label("签署人：").is_none());
    let status = f.app().status.text.clone().unwrap_or_default();
    assert!(status.starts_with("已记下已签发：李主任"), "{status}");
}

#[test]
fn alt_keys_open_the_menus() {
    let mut f = fixture();
    assert!(f.harness.query_by_label("打开审核台…").is_none());
    f.key(Modifiers::ALT, Key::F);
    f.harness.run();
    assert!(
        f.harness.query_by_label("打开审核台…").is_some(),
        "Alt+F: 文件(F)"
    );
    f.key(Modifiers::NONE, Key::Escape);
    f.key(Modifiers::ALT, Key::H);
    f.harness.run();
    assert!(
        f.harness.query_by_label("关于年报编辑器").is_some(),
        "Alt+H: 帮助(H)"
    );
}

#[test]
fn the_start_page_makes_a_new_report_and_lists_the_recent_files() {
    let mut f = fixture();
    let saved = f.path("甲镇.ron");
    draft::save_draft(
        &saved,
        &Draft::new(Report::new("某县甲镇人民政府", OrganKind::Township, 2025)),
    )
    .expect("save");
    // Another unit's file of the same name, in its own folder.
    let other = f.path("其他单位/甲镇.ron");
    f.harness.state_mut().settings.recent = vec![saved.clone(), other, f.path("已删除.ron")];
    f.harness.state_mut().show_start_page();
    // The recent files with organ, year and state (read on a thread of their own); one
    // that is gone says so.
    for _ in 0..400 {
        f.harness.step();
        if f.harness
            .query_all_by_label_contains("现在打不开：")
            .next()
            .is_some()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    f.harness.run();
    assert!(
        f.harness
            .query_by_label("某县甲镇人民政府 · 2025年度 · 草稿")
            .is_some()
    );
    assert!(
        f.harness
            .query_all_by_label_contains("现在打不开：")
            .next()
            .is_some()
    );
    // 新建报告: organ, kind, year in one form.
    f.harness.get_by_label("机关全称：").focus();
    f.harness.run();
    f.harness
        .get_by_label("机关全称：")
        .type_text("某县人民政府办公室");
    f.harness.run();
    f.harness.get_by_label("部门").click();
    f.harness.run();
    f.harness.get_by_label("新建").click();
    f.harness.run();
    f.harness.run();
    let meta = &f.app().doc.draft.report.meta;
    assert_eq!(meta.organ, "某县人民政府办公室");
    assert_eq!(meta.organ_kind, OrganKind::Department);
    assert_eq!(meta.year, Some(2025), "the year just ended, from the clock");
    assert_eq!(f.app().screen.kind(), ScreenKind::Form, "on to the form");
    // 文件 → 起始页, then a recent file opens.
    f.harness.get_by_label("文件(F)").click();
    f.harness.run();
    f.harness.get_by_label("起始页").click();
    f.harness.run();
    // Two recent files of one name: each with its folder.
    assert!(f.harness.query_by_label("甲镇.ron（其他单位）").is_some());
    let folder = f.dir.path().file_name().expect("folder").to_string_lossy();
    f.harness
        .get_by_label(&format!("甲镇.ron（{folder}）"))
        .click();
    f.harness.run();
    f.harness.run();
    assert_eq!(f.app().doc.draft.report.meta.organ, "某县甲镇人民政府");
    assert_eq!(f.app().screen.kind(), ScreenKind::Form);
}

#[test]
fn f1_opens_the_guide_inside_the_program() {
    // A small office screen: the guide fits it.
    let mut f = fixture();
    f.harness.set_size(egui::vec2(1024.0, 700.0));
    f.harness.run();
    f.key(Modifiers::NONE, Key::F1);
    f.harness.run();
    assert!(f.app().window.guide.is_some());
    assert!(
        f.harness
            .query_all_by_label_contains("第一步，从上年报告新建")
            .next()
            .is_some(),
        "the year's tasks first"
    );
    let window = f
        .harness
        .query_all_by_label_contains("第一步，从上年报告新建")
        .next()
        .expect("shown")
        .rect();
    assert!(
        window.right() <= 1024.0 && window.bottom() <= 700.0,
        "{window:?}"
    );
    f.harness.get_by_label("审核台").click();
    f.harness.run();
    assert!(
        f.harness
            .query_all_by_label_contains("每份报告一行")
            .next()
            .is_some()
    );
    // A search over every section.
    f.harness.get_by_label("查找：").focus();
    f.harness.run();
    f.harness.get_by_label("查找：").type_text("填0");
    f.harness.run();
    assert!(
        f.harness
            .query_all_by_label_contains("编辑 → 空白格填0")
            .next()
            .is_some()
    );
    // Esc closes it, F1 too.
    f.key(Modifiers::NONE, Key::Escape);
    assert!(f.app().window.guide.is_none(), "Esc closes the guide");
    f.key(Modifiers::NONE, Key::F1);
    assert!(f.app().window.guide.is_some());
    f.key(Modifiers::NONE, Key::F1);
    assert!(f.app().window.guide.is_none(), "F1 closes the guide");
    // Also from 帮助(H) → 使用说明.
    f.harness.get_by_label("帮助(H)").click();
    f.harness.run();
    f.harness
        .query_all_by_label_contains("使用说明")
        .next()
        .expect("帮助 → 使用说明")
        .click();
    f.harness.run();
    assert!(f.app().window.guide.is_some());
}

#[test]
fn discarding_a_recovered_draft_asks_once_more() {
    let config = recovery_left_behind();
    let mut g = fixture_at(config.clone());
    g.harness.get_by_label("丢弃").click();
    g.harness.run();
    assert!(g.harness.query_by_label_contains("找不回来").is_some());
    // 不丢弃 (also Enter): back to the question; the copy is still there.
    g.key(Modifiers::NONE, Key::Enter);
    assert!(g.harness.query_by_label("恢复").is_some());
    assert_eq!(Storage::at(&config).read_recoveries().len(), 1);
    g.harness.get_by_label("丢弃").click();
    g.harness.run();
    g.harness.get_by_label("确定丢弃").click();
    g.harness.run();
    assert!(
        Storage::at(&config).read_recoveries().is_empty(),
        "discarded"
    );
}

#[test]
fn find_goes_through_the_texts_and_replace_all_is_one_undo_step() {
    use nianbao::template::TextId;
    let mut f = fixture();
    {
        let report = &mut f.harness.state_mut().doc.draft.report;
        report.set_text(
            TextId::S1_1,
            "2024年主动公开信息120条。2024年完成平台改版。",
        );
        report.set_text(TextId::S5, "2024年存在的问题：解读形式单一。");
    }
    f.harness.run();
    f.key(Modifiers::COMMAND, Key::F);
    f.harness.run();
    assert!(f.app().find.is_some());
    f.harness.get_by_label("查找：").type_text("2024年");
    f.harness.run();
    assert!(f.harness.query_by_label("共 3 处").is_some());
    // Enter in the find field goes from match to match; the keyboard stays there, so the
    // second Enter does not type into the report.
    f.key(Modifiers::NONE, Key::Enter);
    f.key(Modifiers::NONE, Key::Enter);
    assert!(f.harness.query_by_label("第 2 / 共 3 处").is_some());
    assert_eq!(
        f.app().doc.draft.report.text(TextId::S1_1),
        Some("2024年主动公开信息120条。2024年完成平台改版。")
    );
    f.key(Modifiers::NONE, Key::Enter);
    f.harness.get_by_label("下一个").click();
    f.harness.run();
    f.harness.get_by_label("下一个").click();
    f.harness.run();
    assert!(f.harness.query_by_label("第 2 / 共 3 处").is_some());
    f.harness.get_by_label("上一个").click();
    f.harness.run();
    f.harness.get_by_label("上一个").click();
    f.harness.run();
    assert!(
        f.harness.query_by_label("第 3 / 共 3 处").is_some(),
        "round at the start"
    );
    // Ctrl+H: one replaced (the one gone to), then all; both undone step by step.
    f.key(Modifiers::COMMAND, Key::H);
    f.harness.run();
    f.harness.get_by_label("替换为：").focus();
    f.harness.run();
    f.harness.get_by_label("替换为：").type_text("2025年");
    f.harness.run();
    f.harness.get_by_label("下一个").click();
    f.harness.run();
    f.harness.get_by_label("替换").click();
    f.harness.run();
    let text = |f: &Fixture, id| {
        f.app()
            .doc
            .draft
            .report
            .text(id)
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        text(&f, TextId::S1_1),
        "2025年主动公开信息120条。2024年完成平台改版。"
    );
    f.harness.get_by_label("全部替换").click();
    f.harness.run();
    assert_eq!(
        text(&f, TextId::S1_1),
        "2025年主动公开信息120条。2025年完成平台改版。"
    );
    assert_eq!(text(&f, TextId::S5), "2025年存在的问题：解读形式单一。");
    assert!(
        f.app()
            .status
            .text
            .clone()
            .unwrap_or_default()
            .starts_with("已替换 2 处")
    );
    f.key(Modifiers::COMMAND, Key::Z);
    assert_eq!(
        text(&f, TextId::S1_1),
        "2025年主动公开信息120条。2024年完成平台改版。",
        "one step"
    );
    assert_eq!(text(&f, TextId::S5), "2024年存在的问题：解读形式单一。");
}

#[test]
fn find_also_marks_the_findings_that_hold_the_words() {
    let mut f = fixture();
    f.key(Modifiers::COMMAND, Key::F);
    f.harness.get_by_label("查找：").type_text("依申请公开");
    f.harness.run();
    // The blank report's H9: 一、总体情况 lacks （二）依申请公开.
    assert!(
        f.harness
            .query_by_label_contains("问题列表中 1 条")
            .is_some()
    );
    f.key(Modifiers::COMMAND, Key::A);
    f.harness.get_by_label("查找：").type_text("没有这几个字");
    f.harness.run();
    assert!(f.harness.query_by_label_contains("问题列表中").is_none());
    assert!(f.harness.query_by_label("没有找到").is_some());
}

#[test]
fn the_publication_date_is_picked_from_a_calendar() {
    let mut f = fixture();
    assert_eq!(f.app().doc.draft.report.meta.year, Some(2025));
    f.harness.get_by_label("选择日期…").click();
    f.harness.run();
    // January after the report's year, when reports are published.
    assert!(f.harness.query_by_label("2026年1月").is_some());
    f.harness.get_by_label("▶").click();
    f.harness.run();
    assert!(f.harness.query_by_label("2026年2月").is_some());
    f.harness.get_by_label("◀").click();
    f.harness.run();
    f.harness.get_by_label("20").click();
    f.harness.run();
    assert_eq!(
        f.app().doc.draft.report.meta.published,
        Date::new(2026, 1, 20)
    );
    assert!(
        f.harness.query_by_label("2026年1月").is_none(),
        "the calendar closes"
    );
}

#[test]
fn print_hands_the_exported_pdf_to_lp_or_says_how_to_print() {
    use std::os::unix::fs::PermissionsExt as _;
    let mut f = fixture();
    // A recording `lp`: its arguments, and a copy of the file it was given.
    let record = f.path("lp-args.txt");
    let copy = f.path("printed.pdf");
    let stub = f.path("lp");
    std::fs::write(
        &stub,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\nfor last; do :; done\ncp \"$last\" '{}'\necho 'request id is HP-7'\n",
            record.display(),
            copy.display()
        ),
    )
    .expect("stub");
    std::fs::set_permissions(&stub, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    f.harness.state_mut().printing.program = stub.display().to_string();
    f.key(Modifiers::COMMAND, Key::P);
    f.harness.run();
    let status = f.app().status.text.clone().unwrap_or_default();
    assert!(status.starts_with("已送到默认打印机："), "{status}");
    assert!(
        status.contains("草稿") && status.contains("request id is HP-7"),
        "{status}"
    );
    let args = std::fs::read_to_string(&record).expect("lp was run");
    assert!(args.starts_with("-t"), "{args}");
    let printed = std::fs::read(&copy).expect("the PDF given to lp");
    assert!(printed.starts_with(b"%PDF-"));
    // No printing system: the clerk is told how to print instead.
    f.harness.state_mut().printing.program = f.path("没有这个程序").display().to_string();
    f.key(Modifiers::COMMAND, Key::P);
    f.harness.run();
    assert!(
        f.harness
            .query_by_label_contains("没有找到打印服务")
            .is_some()
    );
}

#[test]
fn print_preview_shows_every_page_of_the_pdf_with_page_keys_and_esc() {
    let mut f = fixture();
    f.harness.get_by_label("文件(F)").click();
    f.harness.run();
    f.harness.get_by_label_contains("打印预览").click();
    f.harness.step();
    settle_preview(&mut f);
    let preview = f.preview().expect("the preview is open");
    let pages = preview.page_count();
    // As many pages as the PDF the export writes, and page 1 has something on it.
    let options = nianbao::export::pdf::PdfOptions {
        draft_watermark: true,
        ..nianbao::export::pdf::PdfOptions::new(Date::new(2026, 1, 15).expect("date"))
    };
    let exported =
        nianbao::export::pdf::export_pdf(&f.app().doc.draft.report, &options).expect("export");
    assert_eq!(pages, exported.pages);
    assert!(
        preview.last_ink.is_some_and(|(_, ink)| ink > 0.005),
        "the pages drawn are not blank: {:?}",
        preview.last_ink
    );
    // Only the page shown and its neighbour are drawn and kept.
    assert_eq!(preview.pages_kept(), 2);
    assert!(preview.watermark, "a blank report is no final version");
    assert!(f.harness.query_by_label_contains("草稿”水印").is_some());
    assert!(
        f.harness
            .query_by_label(&format!("第 1 页，共 {pages} 页"))
            .is_some()
    );
    assert!(
        f.harness.query_by_label("第 1 页").is_some(),
        "the page image"
    );
    f.harness.key_press(Key::PageDown);
    settle_preview(&mut f);
    assert!(
        f.harness
            .query_by_label(&format!("第 2 页，共 {pages} 页"))
            .is_some()
    );
    f.harness.key_press(Key::End);
    settle_preview(&mut f);
    let preview = f.preview().expect("the preview is open");
    assert_eq!(preview.page, pages - 1);
    assert_eq!(
        preview.pages_kept(),
        2,
        "the pages far from the last let go"
    );
    assert!(
        f.harness
            .query_by_label(&format!("第 {pages} 页"))
            .is_some()
    );
    f.harness.get_by_label("实际大小").click();
    f.harness.run();
    assert!(f.harness.query_by_label("100%").is_some());
    f.harness.get_by_label("＋").click();
    f.harness.run();
    assert!(f.harness.query_by_label("125%").is_some());
    f.key(Modifiers::NONE, Key::Escape);
    assert!(f.preview().is_none(), "Esc closes the preview");
    assert!(
        f.harness.query_by_label("机关全称").is_some(),
        "back to the form"
    );
}

/// Steps frames until the editor's print job is answered (at most 20 s).
fn settle_print(f: &mut Fixture) {
    for _ in 0..4000 {
        f.harness.step();
        if f.app().printing.job.is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    f.harness.run();
}

#[test]
fn print_goes_through_the_desktop_portals_dialog_where_there_is_one() {
    use crate::common::portal::{DialogAnswer, private_bus, serve_print_portal};
    let mut f = fixture();
    let Some(bus) = private_bus(f.dir.path()) else {
        eprintln!("跳过：没有 dbus-daemon");
        return;
    };
    let (_portal, printed) = serve_print_portal(&bus, DialogAnswer::Print);
    f.harness.state_mut().printing.portal = PortalBus::Address(bus.address.clone());
    // `lp` must not be reached while the portal prints.
    f.harness.state_mut().printing.program = f.path("没有这个程序").display().to_string();
    f.key(Modifiers::COMMAND, Key::P);
    settle_print(&mut f);
    let status = f.app().status.text.clone().unwrap_or_default();
    assert!(
        status.starts_with("已送到打印对话框中选定的打印机："),
        "{status}"
    );
    assert!(status.contains("草稿"), "{status}");
    let files = printed.files.lock().unwrap().clone();
    assert_eq!(files.len(), 1, "one file handed to the portal");
    let (title, bytes, token) = &files[0];
    assert!(
        bytes.starts_with(b"%PDF-"),
        "the PDF's bytes through the fd"
    );
    assert_eq!(*token, 7, "Print carries the token PreparePrint gave");
    assert_eq!(
        printed.prepared.lock().unwrap().as_slice(),
        std::slice::from_ref(title)
    );
}

#[test]
fn print_cancelled_in_the_portals_dialog_prints_nothing_and_no_portal_falls_back_to_lp() {
    use crate::common::portal::{DialogAnswer, private_bus, serve_print_portal};
    use std::os::unix::fs::PermissionsExt as _;
    let mut f = fixture();
    let Some(bus) = private_bus(f.dir.path()) else {
        eprintln!("跳过：没有 dbus-daemon");
        return;
    };
    let copy = f.path("printed.pdf");
    let stub = f.path("lp");
    std::fs::write(
        &stub,
        format!(
            "#!/bin/sh\nfor last; do :; done\ncp \"$last\" '{}'\n",
            copy.display()
        ),
    )
    .expect("stub");
    std::fs::set_permissions(&stub, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    f.harness.state_mut().printing.program = stub.display().to_string();
    f.harness.state_mut().printing.portal = PortalBus::Address(bus.address.clone());
    {
        let (_portal, printed) = serve_print_portal(&bus, DialogAnswer::Cancel);
        f.key(Modifiers::COMMAND, Key::P);
        settle_print(&mut f);
        assert_eq!(f.app().status.text.as_deref(), Some("打印已取消"));
        assert_eq!(
            printed.prepared.lock().unwrap().len(),
            1,
            "the dialog was shown"
        );
        assert!(printed.files.lock().unwrap().is_empty());
        assert!(!copy.exists(), "cancelled: nothing to lp either");
    }
    // The portal gone from the bus (a desktop without one): straight on to lp.
    std::thread::sleep(std::time::Duration::from_millis(200));
    f.key(Modifiers::COMMAND, Key::P);
    settle_print(&mut f);
    let status = f.app().status.text.clone().unwrap_or_default();
    assert!(status.starts_with("已送到默认打印机："), "{status}");
    assert!(std::fs::read(&copy).is_ok_and(|b| b.starts_with(b"%PDF-")));
}

#[test]
fn several_rows_of_the_desk_are_returned_and_approved_at_once() {
    use nianbao::desk::DeskState;
    let mut f = fixture_with(|app| app.settings.reviewer = "李主任".into());
    let folder = f.path("2025年度");
    std::fs::create_dir_all(&folder).expect("folder");
    for (file, organ) in [
        ("甲镇.ron", "某县甲镇人民政府"),
        ("乙镇.ron", "某县乙镇人民政府"),
        ("丙镇.ron", "某县丙镇人民政府"),
        ("丁镇.ron", "某县丁镇人民政府"),
    ] {
        let mut r = Report::new(organ, OrganKind::Township, 2025);
        for i in 0..TEMPLATE.cells.len() {
            r.set_cell(i, CellValue::from_source(TEMPLATE.cells[i].kind, "0"));
        }
        r.set_text(nianbao::template::TextId::S6, "本年度未收取信息处理费。");
        r.meta.published = Date::new(2026, 1, 20);
        draft::save_draft(&folder.join(file), &Draft::new(r)).expect("save");
    }
    f.harness
        .state_mut()
        .push(DeskCommand::OpenPath(folder.clone()));
    f.harness.step();
    f.settle_desk();
    let state_of = |f: &Fixture, file: &str| {
        let view = f.app().desk.as_ref().expect("desk");
        view.desk.rows[view.desk.find(file).expect("row")].state
    };
    // A click, then Ctrl+click: two rows, and the buttons say so.
    f.harness.get_by_label("某县甲镇人民政府").click();
    f.harness.run();
    assert!(
        f.harness.query_by_label("退回…").is_some(),
        "one row: no count"
    );
    f.harness
        .get_by_label("某县丙镇人民政府")
        .click_modifiers(Modifiers::COMMAND);
    f.harness.run();
    f.harness.get_by_label("退回…（2 份）").click();
    f.harness.run();
    assert!(
        f.harness
            .query_by_label("以下 2 份报告各写一份退回意见：")
            .is_some()
    );
    assert!(
        f.harness
            .query_by_label("某县丙镇人民政府（丙镇.ron）")
            .is_some()
    );
    f.key(Modifiers::NONE, Key::Enter);
    f.harness.run();
    assert_eq!(state_of(&f, "甲镇.ron"), DeskState::Returned);
    assert_eq!(state_of(&f, "丙镇.ron"), DeskState::Returned);
    assert_eq!(
        state_of(&f, "乙镇.ron"),
        DeskState::Unreviewed,
        "not selected"
    );
    assert!(folder.join("甲镇退回意见.pdf").exists());
    assert!(folder.join("丙镇退回意见.pdf").exists());
    assert_eq!(
        f.app().status.text.as_deref(),
        Some("已退回 2 份，退回意见写在各报告旁边")
    );
    // Ctrl+click on a selected row takes it away again.
    f.harness
        .get_by_label("某县丙镇人民政府")
        .click_modifiers(Modifiers::COMMAND);
    f.harness.run();
    assert!(f.harness.query_by_label("退回…").is_some());
    // A click on 乙镇, Shift+click on 丁镇: the rows shown between, approved at once.
    f.harness.get_by_label("某县乙镇人民政府").click();
    f.harness.run();
    f.harness
        .get_by_label("某县丁镇人民政府")
        .click_modifiers(Modifiers::SHIFT);
    f.harness.run();
    f.harness.get_by_label("审核通过（3 份）").click();
    f.harness.run();
    // Who signs and which three, each with its open warnings; Esc would cancel, Enter signs.
    assert!(f.harness.query_by_label("确认审核通过").is_some());
    assert_eq!(
        f.harness
            .query_all_by_label_contains("条未说明的警告")
            .count(),
        3
    );
    f.key(Modifiers::NONE, Key::Enter);
    for file in ["乙镇.ron", "丙镇.ron", "丁镇.ron"] {
        assert_eq!(
            state_of(&f, file),
            DeskState::Approved(nianbao::review::Stage::Reviewed),
            "{file}"
        );
    }
    assert_eq!(
        state_of(&f, "甲镇.ron"),
        DeskState::Returned,
        "outside the range"
    );
    assert_eq!(f.app().status.text.as_deref(), Some("已审核：3 份"));
    // Rows a search hides are not acted on: only 丁镇 of the three is shown.
    f.harness.state_mut().desk.as_mut().expect("desk").search = "丁镇".into();
    f.harness.run();
    assert!(
        f.harness.query_by_label("签发").is_some(),
        "one row shown: no count"
    );
    assert_eq!(f.app().desk.as_ref().expect("desk").chosen().len(), 1);
}

#[test]
fn the_desk_goes_through_its_rows_by_keyboard_and_enter_opens_one() {
    let mut f = fixture();
    let folder = f.path("键盘");
    std::fs::create_dir_all(&folder).expect("folder");
    for name in ["甲", "乙", "丙", "丁"] {
        let r = Report::new(&format!("某县{name}镇人民政府"), OrganKind::Township, 2025);
        draft::save_draft(&folder.join(format!("{name}.ron")), &Draft::new(r)).expect("save");
    }
    f.harness
        .state_mut()
        .push(DeskCommand::OpenPath(folder.clone()));
    f.harness.step();
    f.settle_desk();
    fn view(f: &Fixture) -> &nianbao::gui::desk::view::DeskView {
        f.app().desk.as_ref().expect("desk")
    }
    let order: Vec<String> = {
        let v = view(&f);
        v.visible()
            .iter()
            .map(|&i| v.desk.rows[i].file.clone())
            .collect()
    };
    // ↓ with nothing selected: the first row; ↓ again the second; End the last, Home the first.
    f.key(Modifiers::NONE, Key::ArrowDown);
    assert_eq!(view(&f).selected.as_deref(), Some(order[0].as_str()));
    f.key(Modifiers::NONE, Key::ArrowDown);
    assert_eq!(view(&f).selected.as_deref(), Some(order[1].as_str()));
    f.key(Modifiers::NONE, Key::End);
    assert_eq!(view(&f).selected.as_deref(), Some(order[3].as_str()));
    f.key(Modifiers::NONE, Key::Home);
    assert_eq!(view(&f).selected.as_deref(), Some(order[0].as_str()));
    // Shift+↓ twice: three rows, the buttons say so.
    f.key(Modifiers::SHIFT, Key::ArrowDown);
    f.key(Modifiers::SHIFT, Key::ArrowDown);
    assert_eq!(view(&f).chosen().len(), 3);
    assert!(f.harness.query_by_label("签发（3 份）").is_some());
    // ↑ alone: one row again, the one above the range's end.
    f.key(Modifiers::NONE, Key::ArrowUp);
    assert_eq!(view(&f).chosen().len(), 1);
    assert_eq!(view(&f).selected.as_deref(), Some(order[1].as_str()));
    // Typing in the search box is not moving in the table.
    f.harness.get_by_label("查找单位：").click();
    f.harness.run();
    f.key(Modifiers::NONE, Key::ArrowDown);
    assert_eq!(view(&f).selected.as_deref(), Some(order[1].as_str()));
    f.key(Modifiers::NONE, Key::Escape);
    f.harness
        .state_mut()
        .desk
        .as_mut()
        .expect("desk")
        .search
        .clear();
    f.harness.get_by_label("全部").click();
    f.harness.run();
    // Enter opens the current row in the editor.
    f.key(Modifiers::NONE, Key::Enter);
    f.harness.run();
    let organ = f.app().doc.draft.report.meta.organ.clone();
    assert!(
        order[1].starts_with(
            organ
                .trim_start_matches("某县")
                .trim_end_matches("镇人民政府")
        ),
        "{organ} opened, {} wanted",
        order[1]
    );
    assert!(f.harness.query_by_label("返回审核台").is_some());
}

/// The scan review's value field follows its cell: a cell shown in the review and typed in
/// the grid meanwhile keeps the grid's value when Enter is pressed in the review (the field
/// is not a stale copy written back over the edit); and the review asked from the print
/// preview stands beside the form.
#[test]
fn the_scan_review_field_follows_an_edit_of_its_cell_in_the_grid() {
    use nianbao::gui::scan::commands::ScanCommand;
    use nianbao::import::Provenance;
    let mut f = fixture();
    let cells = [t3(R1, NP), t3(R1, BIZ), t3(R2, NP)];
    for (k, &i) in cells.iter().enumerate() {
        f.type_into(i, &(k + 1).to_string());
    }
    {
        let draft = &mut f.harness.state_mut().doc.draft;
        for &i in &cells {
            let value = draft.report.cell(i).clone();
            draft.read_as.insert(i, (Provenance::Ocr, value));
        }
    }
    f.harness.run();
    // Asked from the print preview: the form comes back with the review beside it.
    f.key_step(Modifiers::COMMAND, Key::F2);
    settle_preview(&mut f);
    assert_eq!(f.screen(), ScreenKind::Preview);
    f.harness.state_mut().push(ScanCommand::Open);
    f.harness.run();
    assert_eq!(f.screen(), ScreenKind::Form);
    let shown = f
        .app()
        .scan
        .as_ref()
        .and_then(|r| r.cell)
        .expect("a cell shown");
    let before = f.cell(shown).display();
    assert_eq!(
        f.harness.get_by_label("识别结果").value().as_deref(),
        Some(before.as_str())
    );
    // The clerk types the cell in the grid while the review shows it.
    f.type_into(shown, "42");
    assert_eq!(f.cell(shown), CellValue::Count(42));
    assert_eq!(
        f.harness.get_by_label("识别结果").value().as_deref(),
        Some("42"),
        "the review's field follows the grid"
    );
    f.harness.get_by_label("识别结果").focus();
    f.harness.run();
    f.key(Modifiers::NONE, Key::Enter);
    assert_eq!(
        f.cell(shown),
        CellValue::Count(42),
        "the grid's edit stands"
    );
    assert_ne!(f.app().scan.as_ref().and_then(|r| r.cell), Some(shown));
}

/// A scan's narrative is checked text by text beside the page it was read from: the review
/// shows where the text begins on the scan; 与原件相符 confirms it, a text corrected in the
/// form is checked already, and the review goes on to the next.
#[test]
fn the_scan_review_takes_the_narrative_text_by_text_beside_its_page() {
    use nianbao::gui::scan::commands::ScanCommand;
    use nianbao::import::{CellImage, Scan, ScannedPage, SeenLine};
    use nianbao::template::TextId;
    let mut f = fixture();
    let texts = [
        (TextId::S1_1, "本机关全年主动公开政府信息二百条。"),
        (TextId::S1_2, "全年收到政府信息公开申请十件。"),
    ];
    let page = |lines: &[(&str, u32)]| ScannedPage {
        image: CellImage {
            width: 600,
            height: 800,
            pixels: vec![230; 600 * 800],
        },
        lines: lines
            .iter()
            .map(|&(text, top)| SeenLine {
                text: text.to_string(),
                top,
                left: 60,
                right: 540,
            })
            .collect(),
    };
    {
        let app = f.harness.state_mut();
        for (id, text) in texts {
            app.doc.draft.report.set_text(id, text.to_string());
            app.doc.draft.ocr_texts.insert(id, text.to_string());
        }
        app.doc.scanned = std::sync::Arc::new(Scan {
            cells: Default::default(),
            pages: vec![
                page(&[("本机关全年主动公开政府信息二百条。", 300)]),
                page(&[("全年收到政府信息公开申请十件。", 120)]),
            ],
        });
    }
    f.harness.run();
    assert!(f.has_menu_item("核对扫描件识别结果…") || f.app().doc.draft.has_unchecked_scan());
    f.harness.state_mut().push(ScanCommand::Open);
    f.harness.run();
    let shown = |f: &Fixture| f.app().scan.as_ref().and_then(|r| r.text);
    assert_eq!(
        shown(&f),
        Some(TextId::S1_1),
        "no cell to confirm: the texts"
    );
    assert!(
        f.harness
            .query_by_label("原件中这段文字从第 1 页开始（下图已滚动到该处）：")
            .is_some()
    );
    f.click("与原件相符，确认此段");
    assert_eq!(f.app().doc.draft.unconfirmed_texts(), vec![TextId::S1_2]);
    // Undo takes the confirmation back; confirmed again.
    f.key(Modifiers::COMMAND, Key::Z);
    assert_eq!(
        f.app().doc.draft.unconfirmed_texts(),
        vec![TextId::S1_1, TextId::S1_2]
    );
    f.harness
        .state_mut()
        .push(ScanCommand::ShowText(TextId::S1_1));
    f.harness.run();
    // By the keyboard alone: the confirm button has the focus, Enter confirms.
    f.key(Modifiers::NONE, Key::Enter);
    assert_eq!(f.app().doc.draft.unconfirmed_texts(), vec![TextId::S1_2]);
    assert_eq!(shown(&f), Some(TextId::S1_2));
    assert!(
        f.harness
            .query_by_label("原件中这段文字从第 2 页开始（下图已滚动到该处）：")
            .is_some()
    );
    // Corrected in the form: checked; the review goes on.
    f.harness
        .state_mut()
        .doc
        .draft
        .report
        .set_text(TextId::S1_2, "全年收到政府信息公开申请11件。".to_string());
    f.harness.run();
    assert!(f.app().doc.draft.unconfirmed_texts().is_empty());
    f.click("已修改，下一段");
    assert_eq!(shown(&f), None);
    assert!(
        f.harness
            .query_by_label("扫描件识别的单元格和正文已全部核对。")
            .is_some()
    );
    // A draft opened again keeps no pages: the review says to check against the paper.
    {
        let app = f.harness.state_mut();
        let text = app
            .doc
            .draft
            .report
            .text(TextId::S1_2)
            .unwrap_or_default()
            .to_string();
        app.doc.draft.ocr_texts.insert(TextId::S1_2, text);
        app.doc.scanned = Default::default();
    }
    f.harness
        .state_mut()
        .push(ScanCommand::ShowText(TextId::S1_2));
    f.harness.run();
    assert!(
        f.harness
            .query_by_label_contains("原件页面只在导入扫描件时可用")
            .is_some()
    );
}
