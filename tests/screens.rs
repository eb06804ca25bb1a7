//! One screen at a time: every command that opens, creates or shows a document leaves the
//! screen showing it; nothing is saved, exported or locked behind the desk or the start page;
//! a hidden unsaved summary is named and asked about; typed input goes where the user sees it
//! going, even when a key that moves the focus and a digit arrive in one frame.

use std::path::{Path, PathBuf};

use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable;

use nianbao::analysis::{self, analyze};
use nianbao::draft::{self, Draft};
use nianbao::finding::{MetaField, Place};
use nianbao::gui::form::state::{cell_id, focused_place, meta_id, text_id};
use nianbao::gui::{Picked, ScreenKind};
use nianbao::model::{CellValue, Date, OrganKind, Report, Stamp};
use nianbao::review::Stage;
use nianbao::template::{T2_BLOCKS, TEMPLATE, TextId, t2, t3, t4};

use crate::common::editor::{Fixture, fixture, fixture_with, name, settle_preview};

/// A township's complete 2025 report: every cell 0 but `received` applications, all
/// disclosed; signed off by 李主任 when `signed`.
fn unit(organ: &str, received: u64, signed: bool) -> Draft {
    let mut r = Report::new(organ, OrganKind::Township, 2025);
    for i in 0..TEMPLATE.cells.len() {
        r.set_cell(i, CellValue::from_source(TEMPLATE.cells[i].kind, "0"));
    }
    r.set_cell(t3(0, 0), CellValue::Count(received));
    r.set_cell(t3(2, 0), CellValue::Count(received));
    r.set_text(TextId::S6, "本年度未收取信息处理费。");
    r.meta.published = Date::new(2026, 1, 20);
    let mut d = Draft::new(r);
    analysis::apply_totals_rule(&mut d);
    if signed {
        let a = analyze(&d, &analysis::Context::default());
        let at = Stamp::parse("2026-01-25 10:00").expect("stamp");
        let sign = nianbao::release::sign_off(&d, &a, Stage::Reviewed, "李主任", at)
            .expect("a complete report signs");
        d.review.sign_offs.push(sign);
    }
    d
}

/// A desk folder of two townships' reports (signed when `signed`), opened at the desk.
fn desk(signed: bool) -> (Fixture, PathBuf) {
    let mut f = fixture_with(|app| app.settings.reviewer = "李主任".into());
    let folder = f.path("2025年度");
    std::fs::create_dir_all(&folder).expect("folder");
    draft::save_draft(
        &folder.join("甲镇.ron"),
        &unit("某县甲镇人民政府", 3, signed),
    )
    .expect("save");
    draft::save_draft(
        &folder.join("乙镇.ron"),
        &unit("某县乙镇人民政府", 2, signed),
    )
    .expect("save");
    f.dialogs.push(Picked::Path(folder.clone()));
    f.menu("文件(F)", "打开审核台…");
    f.harness.step();
    f.settle_desk();
    assert_eq!(f.screen(), ScreenKind::Desk);
    (f, folder)
}

/// Leaves the report for the desk, answering 不保存 if asked.
fn back_to_desk(f: &mut Fixture) {
    f.click("返回审核台");
    if f.harness.query_by_label("不保存").is_some() {
        f.click("不保存");
    }
    f.harness.step();
    f.settle_desk();
    assert_eq!(f.screen(), ScreenKind::Desk);
}

fn lock_of(path: &Path) -> PathBuf {
    let name = path.file_name().expect("name").to_string_lossy();
    path.with_file_name(format!(".~lock.{name}#"))
}

#[test]
fn every_file_command_from_the_desk_shows_its_document() {
    let (mut f, folder) = desk(false);
    // No report is shown: nothing to save or export, in the menu or by key.
    f.click("文件(F)");
    assert!(f.has_menu_item("打开…"), "the menu is open");
    assert!(!f.has_menu_item("保存"));
    assert!(!f.has_menu_item("导出PDF…"));
    assert!(!f.has_menu_item("打印预览"));
    assert!(f.has_menu_item("关闭审核台"));
    f.key(Modifiers::NONE, Key::Escape);
    assert!(!f.has_menu_item("关闭审核台"), "Esc closes the menu");
    let dialogs = f.dialogs.folders().len();
    f.key(Modifiers::COMMAND, Key::S);
    f.key(Modifiers::COMMAND, Key::P);
    assert_eq!(
        f.dialogs.folders().len(),
        dialogs,
        "no dialog for a report nobody sees"
    );
    assert_eq!(f.screen(), ScreenKind::Desk);
    // 文件 → 打开… from the desk: the draft is shown, and its lock is the window's.
    let jia = folder.join("甲镇.ron");
    f.dialogs.push(Picked::Path(jia.clone()));
    f.menu("文件(F)", "打开…");
    assert_eq!(f.screen(), ScreenKind::Form);
    assert_eq!(f.app().doc.draft.report.meta.organ, "某县甲镇人民政府");
    assert!(
        f.app().title().starts_with("甲镇.ron"),
        "{}",
        f.app().title()
    );
    assert!(lock_of(&jia).exists());
    // Back to the desk: the report is closed, its lock given up.
    back_to_desk(&mut f);
    assert!(!lock_of(&jia).exists(), "no hidden document holds the lock");
    assert!(f.app().title().starts_with("审核台："));
    // Ctrl+N and 文件 → 新建 from the desk: a blank report on the form.
    f.key(Modifiers::COMMAND, Key::N);
    assert_eq!(f.screen(), ScreenKind::Form);
    assert_eq!(f.app().doc.draft.report.meta.organ, "");
    back_to_desk(&mut f);
    f.menu("文件(F)", "新建");
    assert_eq!(f.screen(), ScreenKind::Form);
    back_to_desk(&mut f);
    // 文件 → 起始页 from the desk: the start page, with the desk kept behind it.
    f.menu("文件(F)", "起始页");
    assert_eq!(f.screen(), ScreenKind::Start);
    assert!(f.harness.query_by_label("返回审核台").is_some());
    // 关闭审核台: the desk is gone, the start page stays; the menu no longer offers it.
    f.menu("文件(F)", "关闭审核台");
    assert!(f.app().desk.is_none());
    assert_eq!(f.screen(), ScreenKind::Start);
    assert!(f.harness.query_by_label("返回审核台").is_none());
    f.click("文件(F)");
    assert!(f.has_menu_item("打开…"));
    assert!(!f.has_menu_item("关闭审核台"));
}

#[test]
fn closing_the_desk_from_the_desk_shows_the_start_page() {
    let (mut f, _) = desk(false);
    f.menu("文件(F)", "关闭审核台");
    assert!(f.app().desk.is_none());
    assert_eq!(f.screen(), ScreenKind::Start);
    assert!(!f.app().title().starts_with("审核台"));
    // The desk's last status does not carry over to the start page.
    assert!(
        f.harness
            .query_by_label_contains("双击一行或按 Enter 打开报告")
            .is_none()
    );
}

#[test]
fn file_commands_from_the_start_page_and_the_preview_show_their_document() {
    let mut f = fixture();
    let saved = f.path("甲镇.ron");
    draft::save_draft(&saved, &unit("某县甲镇人民政府", 3, false)).expect("save");
    f.harness.state_mut().show_start_page();
    f.harness.run();
    assert_eq!(f.screen(), ScreenKind::Start);
    let dialogs = f.dialogs.folders().len();
    f.key(Modifiers::COMMAND, Key::S);
    assert_eq!(
        f.dialogs.folders().len(),
        dialogs,
        "nothing to save on the start page"
    );
    // 打开… from the start page: the report on the form.
    f.dialogs.push(Picked::Path(saved.clone()));
    f.key(Modifiers::COMMAND, Key::O);
    assert_eq!(f.screen(), ScreenKind::Form);
    assert_eq!(f.app().doc.draft.report.meta.organ, "某县甲镇人民政府");
    // In the preview, 新建 shows the new report (not the preview of the old one).
    f.key_step(Modifiers::COMMAND, Key::F2);
    settle_preview(&mut f);
    assert_eq!(f.screen(), ScreenKind::Preview);
    if f.harness.query_by_label("不保存").is_some() {
        f.click("不保存");
    }
    f.key(Modifiers::COMMAND, Key::N);
    if f.harness.query_by_label("不保存").is_some() {
        f.click("不保存");
    }
    assert_eq!(f.screen(), ScreenKind::Form);
    assert_eq!(f.app().doc.draft.report.meta.organ, "");
    // From the preview, 文件 → 打开… shows the opened report and 起始页 the start page.
    f.key_step(Modifiers::COMMAND, Key::F2);
    settle_preview(&mut f);
    assert_eq!(f.screen(), ScreenKind::Preview);
    f.dialogs.push(Picked::Path(saved.clone()));
    f.menu("文件(F)", "打开…");
    assert_eq!(f.screen(), ScreenKind::Form);
    assert_eq!(f.app().doc.draft.report.meta.organ, "某县甲镇人民政府");
    f.key_step(Modifiers::COMMAND, Key::F2);
    settle_preview(&mut f);
    f.menu("文件(F)", "起始页");
    if f.harness.query_by_label("不保存").is_some() {
        f.click("不保存");
    }
    assert_eq!(f.screen(), ScreenKind::Start);
    assert!(
        !lock_of(&saved).exists(),
        "the closed report's lock is given up"
    );
}

#[test]
fn the_unsaved_summary_is_named_and_asked_about_when_the_reviewer_leaves_it() {
    let (mut f, folder) = desk(true);
    f.click("汇总已审核的报告");
    f.click("汇总");
    assert_eq!(f.screen(), ScreenKind::Form);
    assert!(
        f.app().title().starts_with("汇总报告（未保存）"),
        "{}",
        f.app().title()
    );
    // 返回审核台 asks, naming the summary; 取消 stays on it.
    f.click("返回审核台");
    assert!(
        f.harness
            .query_by_label_contains("是否保存对“汇总报告（未保存）”的修改")
            .is_some()
    );
    f.click("取消");
    assert_eq!(f.screen(), ScreenKind::Form);
    assert!(
        f.app().doc.draft.sum.is_some(),
        "the summary is still there"
    );
    // 保存 asks where, then the desk is shown.
    let saved = f.path("汇总.ron");
    f.dialogs.push(Picked::Path(saved.clone()));
    f.click("返回审核台");
    f.click("保存");
    f.harness.step();
    f.settle_desk();
    assert_eq!(f.screen(), ScreenKind::Desk);
    assert!(saved.exists());
    assert!(!folder.join("汇总.ron").exists());
}

/// Sends a key that moves the focus and the text after it in one frame, as a fast typist on
/// a slow PC does.
fn key_and_text_in_one_frame(f: &mut Fixture, key: Key, text: &str) {
    let input = f.harness.input_mut();
    for pressed in [true, false] {
        input.events.push(Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: Modifiers::NONE,
        });
    }
    input.events.push(Event::Text(text.to_string()));
    f.harness.step();
    f.harness.run();
}

/// Where Tab goes from the field `from` (focused by its id).
fn after_tab(f: &mut Fixture, from: egui::Id) -> Place {
    f.harness.ctx.memory_mut(|m| m.request_focus(from));
    f.harness.run();
    f.key(Modifiers::NONE, Key::Tab);
    focused_place(&f.harness.ctx).expect("Tab focuses a field")
}

/// Types `first` into the cell `cell`, then Tab and `second` in one frame: the first cell
/// keeps `first`, the next one gets `second`.
fn tab_and_digit(f: &mut Fixture, cell: usize, first: &str, second: &str) {
    let Place::Cell(next) = after_tab(f, cell_id(cell)) else {
        panic!("Tab from {} goes to a cell", name(cell));
    };
    f.type_into(cell, first);
    key_and_text_in_one_frame(f, Key::Tab, second);
    let shown = |f: &Fixture, i: usize| f.app().doc.draft.report.cell(i).display();
    assert_eq!(shown(f, cell), first, "{} keeps what was typed", name(cell));
    assert_eq!(shown(f, next), second, "{} gets the digit", name(next));
}

#[test]
fn a_digit_typed_with_tab_in_one_frame_goes_to_the_next_cell() {
    let mut f = fixture();
    // 表三: 一、本年新收 自然人 → 商业企业.
    tab_and_digit(&mut f, t3(0, 0), "60", "1");
    // 表二: the first block's first row.
    let b = 0;
    assert!(T2_BLOCKS[b].columns.len() > 1);
    tab_and_digit(&mut f, t2(b, 0, 0), "12", "3");
    // 表四: 行政复议 结果维持 → 结果纠正.
    tab_and_digit(&mut f, t4(0, 0), "4", "5");
    // Enter moves down a column the same way.
    f.type_into(t3(0, 0), "7");
    key_and_text_in_one_frame(&mut f, Key::Enter, "8");
    assert_eq!(f.app().doc.draft.report.cell(t3(0, 0)).display(), "7");
    assert_eq!(f.app().doc.draft.report.cell(t3(1, 0)).display(), "8");
}

#[test]
fn a_character_typed_with_tab_in_one_frame_goes_to_the_next_text_field() {
    let mut f = fixture();
    let organ = meta_id(MetaField::Signature);
    let next = after_tab(&mut f, organ);
    let next_id = match next {
        Place::Meta(m) => meta_id(m),
        Place::Text(t) => text_id(t),
        Place::Cell(i) => cell_id(i),
        other => panic!("Tab from 落款 went to {other:?}"),
    };
    f.harness.ctx.memory_mut(|m| m.request_focus(organ));
    f.harness.run();
    f.harness
        .input_mut()
        .events
        .push(Event::Text("某县".into()));
    f.harness.step();
    key_and_text_in_one_frame(&mut f, Key::Tab, "2");
    assert_eq!(f.app().doc.draft.report.meta.signature, "某县");
    assert_eq!(
        f.harness.ctx.memory(|m| m.focused()),
        Some(next_id),
        "the focus moved once"
    );
    let report = &f.app().doc.draft.report;
    let got = match next {
        Place::Meta(MetaField::Year) => report.meta.year.map(|y| y.to_string()),
        Place::Meta(MetaField::Signature) => Some(report.meta.signature.clone()),
        Place::Text(t) => report.text(t).map(str::to_string),
        _ => f.app().edit.date_buffer.clone(),
    };
    assert!(
        got.as_deref().is_some_and(|t| t.ends_with('2')),
        "{next:?} got the character: {got:?}"
    );
}

#[test]
fn a_menu_item_chosen_by_keyboard_closes_its_menu_before_its_dialog() {
    let mut f = fixture();
    // No native dialog here: 打开… asks for a typed path in a modal.
    f.key(Modifiers::ALT, Key::F);
    assert!(f.has_menu_item("打开…"), "Alt+F opens 文件");
    let open = f
        .harness
        .query_all(crate::common::editor::menu_item("打开…"))
        .next()
        .expect("打开…");
    open.focus();
    f.harness.run();
    f.key(Modifiers::NONE, Key::Enter);
    assert!(
        f.harness.query_by_label("打开文件").is_some(),
        "the typed-path question"
    );
    assert!(
        !f.has_menu_item("另存为…"),
        "the menu is not drawn over the dialog"
    );
}

#[test]
fn the_desk_lists_a_summary_apart_shows_the_year_and_sums_one_year() {
    let mut f = fixture_with(|app| app.settings.reviewer = "李主任".into());
    let folder = f.path("报告");
    std::fs::create_dir_all(&folder).expect("folder");
    let jia = unit("某县甲镇人民政府", 3, true);
    let yi = unit("某县乙镇人民政府", 2, true);
    draft::save_draft(&folder.join("甲镇.ron"), &jia).expect("save");
    draft::save_draft(&folder.join("乙镇.ron"), &yi).expect("save");
    let mut old = unit("某县丙镇人民政府", 7, false);
    old.report.meta.year = Some(2024);
    old.review.sign_offs.clear();
    let a = analyze(&old, &analysis::Context::default());
    let at = Stamp::parse("2025-01-25 10:00").expect("stamp");
    let signed = nianbao::release::sign_off(&old, &a, Stage::Reviewed, "李主任", at);
    old.review.sign_offs.push(signed.expect("signs"));
    draft::save_draft(&folder.join("丙镇.ron"), &old).expect("save");
    // Last time's summary, saved among its units and approved.
    let opened = |d: &Draft| nianbao::document::Opened {
        draft: d.clone(),
        source: nianbao::document::Source::Draft,
        import_findings: Vec::new(),
        scanned: Default::default(),
    };
    let options = nianbao::sum::SumOptions {
        organ: "某县人民政府".into(),
        ..Default::default()
    };
    let units = [
        ("甲镇.ron".to_string(), opened(&jia)),
        ("乙镇.ron".to_string(), opened(&yi)),
    ];
    let mut summary = nianbao::sum::sum_units(&units, &options).expect("sum");
    summary.report.meta.published = Date::new(2026, 1, 20);
    summary
        .report
        .set_text(TextId::S6, "本年度未收取信息处理费。");
    let a = analyze(&summary, &analysis::Context::default());
    let signed = nianbao::release::sign_off(&summary, &a, Stage::Reviewed, "李主任", at);
    summary
        .review
        .sign_offs
        .push(signed.expect("the summary signs"));
    draft::save_draft(&folder.join("汇总.ron"), &summary).expect("save");
    f.dialogs.push(Picked::Path(folder.clone()));
    f.menu("文件(F)", "打开审核台…");
    f.harness.step();
    f.settle_desk();
    // The summary is listed as one; the year has a column and a filter.
    assert!(
        f.harness
            .query_by_label_contains("汇总报告（2 个单位）")
            .is_some()
    );
    assert!(f.harness.query_by_label("年度").is_some());
    f.click("2024年度");
    assert_eq!(f.app().desk.as_ref().expect("desk").visible().len(), 1);
    f.click("全部年度");
    assert_eq!(f.app().desk.as_ref().expect("desk").visible().len(), 4);
    // 汇总: 2025 (the most common year), the summary and the 2024 report left out, said.
    f.click("汇总已审核的报告");
    assert!(
        f.harness
            .query_by_label_contains("未计入：丙镇.ron，是2024年度的报告")
            .is_some()
    );
    assert!(
        f.harness
            .query_by_label_contains("未计入：汇总.ron，是汇总报告（含 2 个单位）")
            .is_some()
    );
    f.key(Modifiers::NONE, Key::Enter);
    assert_eq!(f.screen(), ScreenKind::Form);
    assert_eq!(
        f.app().doc.draft.report.cell(t3(0, 0)),
        &CellValue::Count(5)
    );
    // Its save dialog starts above the units' folder, not among them.
    f.key(Modifiers::COMMAND, Key::S);
    assert_eq!(
        f.dialogs.folders().last().cloned().flatten(),
        folder.parent().map(Path::to_path_buf)
    );
}

#[test]
fn the_start_page_takes_the_organ_at_once_and_enter_creates_the_report() {
    let mut f = fixture();
    f.harness.state_mut().show_start_page();
    f.harness.run();
    // The organ's field has the keyboard: the clerk just types, then Enter.
    f.harness
        .input_mut()
        .events
        .push(Event::Text("某县人民政府办公室".into()));
    f.harness.step();
    f.harness.run();
    f.key(Modifiers::NONE, Key::Enter);
    assert_eq!(f.screen(), ScreenKind::Form);
    assert_eq!(f.app().doc.draft.report.meta.organ, "某县人民政府办公室");
    assert_eq!(f.app().doc.draft.report.meta.year, Some(2025));
}

#[test]
fn blank_cells_are_filled_with_zero_in_one_undo_step_never_a_total() {
    let mut f = fixture();
    f.type_into(t3(0, 0), "2");
    let blank = |f: &Fixture, table: nianbao::template::TableId| {
        (0..TEMPLATE.cells.len())
            .filter(|&i| TEMPLATE.cells[i].table == table && !TEMPLATE.cells[i].computed)
            .filter(|&i| !TEMPLATE.cells[i].legacy_2019)
            .filter(|&i| f.app().doc.draft.report.cell(i).is_blank())
            .count()
    };
    use nianbao::template::TableId;
    let t2_blank = blank(&f, TableId::T2);
    assert!(blank(&f, TableId::T3) > 100);
    f.click("编辑(E)");
    f.click("空白格填0");
    f.click("表三");
    assert_eq!(blank(&f, TableId::T3), 0);
    assert_eq!(blank(&f, TableId::T2), t2_blank, "表二 untouched");
    assert_eq!(
        f.app().doc.draft.report.cell(t3(0, 0)),
        &CellValue::Count(2)
    );
    assert_eq!(
        f.app().doc.draft.report.cell(t3(0, 6)),
        &CellValue::Count(2),
        "the total stays computed"
    );
    assert!(
        f.harness
            .query_by_label_contains("个空白格填为 0")
            .is_some()
    );
    // One undo step takes it all back.
    f.key(Modifiers::COMMAND, Key::Z);
    assert!(blank(&f, TableId::T3) > 100);
    assert_eq!(
        f.app().doc.draft.report.cell(t3(0, 0)),
        &CellValue::Count(2)
    );
    // From the blank-cell finding itself: 表四's.
    assert!(blank(&f, TableId::T4) > 0);
    let before = blank(&f, TableId::T3);
    let button = f
        .harness
        .query_all_by_label("填0")
        .next()
        .expect("a 填0 button on a blank-cell finding");
    // Scrolled out of the findings panel's view: by keyboard, as a clerk may.
    button.focus();
    f.harness.run();
    f.key(Modifiers::NONE, Key::Enter);
    let filled = blank(&f, TableId::T2) < t2_blank
        || blank(&f, TableId::T3) < before
        || blank(&f, TableId::T4) == 0;
    assert!(filled, "the finding's cells were filled");
}

#[test]
fn a_new_report_s_dialogs_start_where_the_clerk_last_was_never_at_the_root() {
    let mut f = fixture();
    // Nothing opened yet: the documents folder (or home), never "/" or the dialog's default.
    f.dialogs.push(Picked::Cancelled);
    f.key(Modifiers::COMMAND, Key::S);
    let first = f.dialogs.folders().last().cloned().flatten();
    let first = first.expect("a folder is given");
    assert!(first.parent().is_some(), "not the root: {first:?}");
    // An export to another folder: the next new report's dialogs start there.
    let out = f.path("导出");
    std::fs::create_dir_all(&out).unwrap();
    f.dialogs.push(Picked::Path(out.join("报告.txt")));
    f.menu("文件(F)", "导出文本…");
    assert!(out.join("报告.txt").exists());
    f.key(Modifiers::COMMAND, Key::N);
    if f.harness.query_by_label("不保存").is_some() {
        f.click("不保存");
    }
    f.dialogs.push(Picked::Cancelled);
    f.key(Modifiers::COMMAND, Key::S);
    assert_eq!(f.dialogs.folders().last(), Some(&Some(out.clone())));
    // And in the next session too.
    let config = f.dir.path().join("config");
    let (settings, _) =
        nianbao::gui::app::settings::Settings::load(&nianbao::gui::Storage::at(config));
    assert_eq!(settings.last_folder, Some(out));
}

#[test]
fn a_draft_from_last_year_lists_each_thing_to_do_once() {
    let mut f = fixture();
    let last = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/published/003_60d30e5d68c9d170.txt");
    f.harness.state_mut().push(nianbao::gui::FileCommand::Run(
        nianbao::gui::Action::NewFromPath(last),
    ));
    f.harness.run();
    let findings = &f.app().checks.analysis.findings;
    let items = nianbao::gui::form::findings::items(findings);
    // The real error (the 导语's statistics period is last year's) first; each part that is
    // still last year's text one item; 表二, 表三, 表四's blanks one item each.
    use nianbao::gui::form::findings::Item;
    assert!(
        matches!(items.first(), Some(Item::One(e)) if e.severity == nianbao::finding::Severity::Error),
        "the error first"
    );
    let copied = items
        .iter()
        .filter(|i| matches!(i, Item::Copied(..)))
        .count();
    assert!(copied >= 3, "{copied}");
    assert!(
        items.len() <= 10,
        "{} items: {:#?}",
        items.len(),
        items
            .iter()
            .map(|i| match i {
                Item::One(f) => f.to_line(),
                Item::Blanks(t, _) => format!("blanks {}", t.name()),
                Item::Copied(p, v) => format!("copied {p:?} {}", v.len()),
            })
            .collect::<Vec<_>>()
    );
    let raw = findings.len();
    assert!(raw > 30, "{raw} findings folded into {}", items.len());
    eprintln!("{raw} findings, {} items", items.len());
    assert!(
        f.harness
            .query_all_by_label_contains("与上年相同，尚未修改")
            .next()
            .is_some()
    );
}
