//! The desk on a folder of generated units: states, return → resubmission → sign → sum, the
//! records file merged, the overview.

use super::*;
use crate::draft::{Draft, save_draft};
use crate::model::{CellValue, OrganKind, Report};
use crate::template::{T3_TOTAL_COL, t3};

/// A clean 2025 report of a township with `n` applications, all disclosed.
fn unit(organ: &str, n: u64) -> Report {
    let mut r = Report::all_zero(organ, OrganKind::Township, 2025);
    for (row, value) in [(0, n), (2, n), (crate::template::T3_R3_7, n)] {
        r.set_cell(t3(row, 0), CellValue::Count(value));
        r.set_cell(t3(row, T3_TOTAL_COL), CellValue::Count(value));
    }
    r.meta.published = Date::new(2026, 1, 20);
    r.set_text(crate::template::TextId::S6, "本年度未收取信息处理费。");
    r
}

fn stamp(s: &str) -> Stamp {
    Stamp::parse(s).unwrap()
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    save_draft(
        &dir.path().join("甲镇.ron"),
        &Draft::new(unit("某县甲镇人民政府", 3)),
    )
    .unwrap();
    let mut wrong = unit("某县乙镇人民政府", 2);
    wrong.set_cell(t3(0, 0), CellValue::Count(5)); // S1 and O1 errors
    save_draft(&dir.path().join("乙镇.ron"), &Draft::new(wrong)).unwrap();
    let text = crate::export::text::export_text(&unit("某县丙镇人民政府", 4));
    std::fs::create_dir(dir.path().join("第二批")).unwrap();
    std::fs::write(dir.path().join("第二批/丙镇.txt"), text).unwrap();
    std::fs::write(dir.path().join("坏文件.txt"), "这不是报告").unwrap();
    dir
}

#[test]
fn a_folder_opens_with_each_report_s_state() {
    let dir = folder();
    let desk = Desk::open(dir.path(), BatchRules::default()).unwrap();
    let state = |file: &str| desk.rows[desk.find(file).unwrap()].state;
    assert_eq!(desk.rows.len(), 4);
    assert_eq!(state("甲镇.ron"), DeskState::Unreviewed);
    assert_eq!(state("乙镇.ron"), DeskState::HasErrors);
    assert_eq!(state("第二批/丙镇.txt"), DeskState::Unreviewed);
    assert_eq!(state("坏文件.txt"), DeskState::Unreadable);
    let text = desk.to_text();
    assert!(
        text.contains("有错误\t某县乙镇人民政府\t乙镇.ron\t错误 "),
        "{text}"
    );
    assert!(
        text.ends_with("共 4 份：无法读取 1，有错误 1，未审核 2\n"),
        "{text}"
    );
}

/// The resubmitted row `i`: the copy kept at the return is not a report of the folder, and
/// what was sent is weighed against the findings it was returned with.
fn weighs_the_resubmission(desk: &Desk, i: usize) {
    assert_eq!(desk.rows.len(), 4);
    let sent = desk.resubmission(i).unwrap();
    assert_eq!(sent.by, "王审核");
    let returned = sent.returned.expect("the report as returned");
    assert_eq!(returned.report.cell(t3(0, 0)), &CellValue::Count(5));
    // The errors are resolved; the warnings of the empty sections are still there.
    let errors: Vec<&ReturnedFinding> = sent
        .findings
        .iter()
        .filter(|f| f.line.starts_with("[错误]"))
        .collect();
    assert!(!errors.is_empty());
    assert!(errors.iter().all(|f| f.resolved), "{:?}", sent.findings);
    assert!(
        sent.findings
            .iter()
            .filter(|f| f.line.contains("H9"))
            .all(|f| !f.resolved)
    );
    let done = sent.findings.iter().filter(|f| f.resolved).count();
    let all = sent.findings.len();
    assert_eq!(desk.rows[i].resolved, Some((done, all)));
    assert!(
        desk.to_text()
            .contains(&format!("退回的问题已解决 {done}/{all}")),
        "{}",
        desk.to_text()
    );
}

#[test]
fn return_resubmission_sign_and_sum() {
    let dir = folder();
    let mut desk = Desk::open(dir.path(), BatchRules::default()).unwrap();
    // 退回 the unit with errors: a letter beside it, the return recorded.
    let i = desk.find("乙镇.ron").unwrap();
    let letter = desk
        .return_report(i, "王审核", stamp("2026-01-22 09:30"), true)
        .unwrap();
    assert_eq!(letter, dir.path().join("乙镇退回意见.txt"));
    let text = std::fs::read_to_string(&letter).unwrap();
    // The rule in words, what to do; no code a unit cannot read.
    assert!(text.contains("【须修改】表三"), "{text}");
    assert!(!text.contains("[错误]") && !text.contains(" O1 "), "{text}");
    assert_eq!(desk.rows[i].state, DeskState::Returned);
    // Reopened: the record is on disk; the letter is not a report of the folder.
    let desk = Desk::open(dir.path(), BatchRules::default()).unwrap();
    assert_eq!(desk.rows.len(), 4);
    assert_eq!(
        desk.rows[desk.find("乙镇.ron").unwrap()].state,
        DeskState::Returned
    );
    // The unit sends a corrected file: 已重新提交.
    save_draft(
        &dir.path().join("乙镇.ron"),
        &Draft::new(unit("某县乙镇人民政府", 2)),
    )
    .unwrap();
    let mut desk = Desk::open(dir.path(), BatchRules::default()).unwrap();
    let i = desk.find("乙镇.ron").unwrap();
    assert_eq!(desk.rows[i].state, DeskState::Resubmitted);
    weighs_the_resubmission(&desk, i);
    // Signed: a draft in itself, a text report in the desk file.
    desk.sign(i, Stage::Signed, "李主任", stamp("2026-01-25 10:00"))
        .unwrap();
    assert_eq!(desk.rows[i].state, DeskState::Approved(Stage::Signed));
    let saved = crate::draft::load_draft(&dir.path().join("乙镇.ron")).unwrap();
    assert_eq!(saved.review.sign_offs.len(), 1);
    let k = desk.find("第二批/丙镇.txt").unwrap();
    desk.sign(k, Stage::Reviewed, "李主任", stamp("2026-01-25 10:05"))
        .unwrap();
    assert_eq!(desk.rows[k].state, DeskState::Approved(Stage::Reviewed));
    // A report with errors is not signed, by the same gate as the editor.
    let mut wrong = unit("某县甲镇人民政府", 3);
    wrong.set_cell(t3(0, 0), CellValue::Count(9));
    save_draft(&dir.path().join("甲镇.ron"), &Draft::new(wrong)).unwrap();
    let mut desk = Desk::open(dir.path(), BatchRules::default()).unwrap();
    let j = desk.find("甲镇.ron").unwrap();
    assert!(
        desk.sign(j, Stage::Signed, "李主任", stamp("2026-01-25 10:10"))
            .is_err()
    );
    assert_eq!(
        desk.rows[k].state,
        DeskState::Approved(Stage::Reviewed),
        "kept across opens"
    );
    // 汇总 of the approved: 乙镇 (2) and 丙镇 (4).
    let approved = desk.approved();
    assert_eq!(approved.len(), 2);
    let options = crate::sum::SumOptions {
        scope: crate::draft::Scope::Region,
        organ: "某县人民政府".into(),
        previous_list: None,
        strict: false,
    };
    let sum = desk.sum(&approved, &options).unwrap();
    assert_eq!(sum.report.cell(t3(0, T3_TOTAL_COL)), &CellValue::Count(6));
    // The overview: states, the sums of the accepted units.
    let html = overview_html(&desk, Date::new(2026, 1, 26).unwrap());
    assert!(html.contains("<svg"), "{html}");
    assert!(html.contains("已审核、已签发的 2 个单位合计"), "{html}");
    assert!(html.contains("<td class=\"n\">6</td>"), "{html}");
    let csv = overview_csv(&desk.rows);
    assert!(csv.lines().count() == 5, "{csv}");
    assert!(
        csv.contains("乙镇.ron,某县乙镇人民政府,乡镇街道,2025,2021年版,已签发,0,"),
        "{csv}"
    );
}

#[test]
fn two_desks_on_one_folder_lose_no_record() {
    let dir = folder();
    let mut a = Desk::open(dir.path(), BatchRules::default()).unwrap();
    let mut b = Desk::open(dir.path(), BatchRules::default()).unwrap();
    let i = a.find("乙镇.ron").unwrap();
    a.return_report(i, "王审核", stamp("2026-01-22 09:30"), true)
        .unwrap();
    let k = b.find("第二批/丙镇.txt").unwrap();
    b.sign(k, Stage::Reviewed, "李主任", stamp("2026-01-22 09:31"))
        .unwrap();
    let records = records::DeskRecords::load(dir.path()).unwrap();
    assert_eq!(records.files["乙镇.ron"].returns.len(), 1);
    assert_eq!(records.files["第二批/丙镇.txt"].sign_offs.len(), 1);
    // A desk file with an error is refused with its position, and not overwritten.
    std::fs::write(
        dir.path().join(records::DESK_FILE),
        "(version: 1, files: {\"x\": (returns: [}",
    )
    .unwrap();
    let e = Desk::open(dir.path(), BatchRules::default()).err().unwrap();
    assert!(e.to_string().contains("第1行"), "{e}");
}

#[test]
fn a_resubmission_that_keeps_an_error_says_which_is_not_resolved() {
    let dir = folder();
    let mut desk = Desk::open(dir.path(), BatchRules::default()).unwrap();
    let i = desk.find("乙镇.ron").unwrap();
    desk.return_report(i, "王审核", stamp("2026-01-22 09:30"), true)
        .unwrap();
    // The unit changes another number, the total still wrong: the same finding, other numbers.
    let mut still = unit("某县乙镇人民政府", 2);
    still.set_cell(t3(0, 0), CellValue::Count(7));
    save_draft(&dir.path().join("乙镇.ron"), &Draft::new(still)).unwrap();
    let desk = Desk::open(dir.path(), BatchRules::default()).unwrap();
    let i = desk.find("乙镇.ron").unwrap();
    let sent = desk.resubmission(i).unwrap();
    let open: Vec<&ReturnedFinding> = sent.findings.iter().filter(|f| !f.resolved).collect();
    assert!(!open.is_empty(), "{:?}", sent.findings);
    assert!(
        open.iter()
            .any(|f| f.line.contains("S1") || f.line.contains("O1"))
    );
    let (done, all) = desk.rows[i].resolved.unwrap();
    assert!(done < all);
}

#[test]
fn a_desk_fills_as_files_are_read_then_pairs_last_year() {
    let dir = folder();
    let mut last = unit("某县甲镇人民政府", 1);
    last.meta.year = Some(2024);
    last.meta.published = Date::new(2025, 1, 20);
    save_draft(&dir.path().join("甲镇2024.ron"), &Draft::new(last)).unwrap();
    let mut desk = Desk::list(dir.path()).unwrap();
    assert_eq!(desk.rows.len(), 5);
    assert!(desk.rows.iter().all(|r| r.state == DeskState::Reading));
    assert!(!desk.complete());
    // Signing a row still being read says so.
    let e = desk
        .sign(0, Stage::Signed, "李主任", stamp("2026-01-25 10:00"))
        .unwrap_err();
    assert!(e.to_string().contains("读取中"), "{e}");
    let (mut files, mut comparing, mut done) = (0, 0, false);
    desk.loader(DeskRules::default()).run(|step| {
        match &step {
            Loaded::File { .. } => files += 1,
            Loaded::Comparing(n) => comparing = *n,
            Loaded::Done => done = true,
        }
        desk.apply(step);
        true
    });
    // Each file once as read, the one with last year's report again with the pair.
    assert_eq!((files, comparing, done), (6, 1, true));
    assert!(desk.complete());
    let i = desk.find("甲镇.ron").unwrap();
    assert!(
        desk.rows[i].repetition.is_some(),
        "paired with 甲镇2024.ron"
    );
    // A sink that stops the load early stops it.
    let mut seen = 0;
    Desk::list(dir.path())
        .unwrap()
        .loader(DeskRules::default())
        .run(|_| {
            seen += 1;
            false
        });
    assert_eq!(seen, 1);
}

#[test]
fn a_relisted_desk_keeps_its_rows_and_reads_what_changed() {
    let dir = folder();
    let mut desk = Desk::open(dir.path(), BatchRules::default()).unwrap();
    assert!(!desk.changed_on_disk());
    // The desk's own writes are not changes on disk.
    let k = desk.find("第二批/丙镇.txt").unwrap();
    desk.sign(k, Stage::Reviewed, "李主任", stamp("2026-01-22 09:31"))
        .unwrap();
    let j = desk.find("甲镇.ron").unwrap();
    desk.sign(j, Stage::Reviewed, "李主任", stamp("2026-01-22 09:32"))
        .unwrap();
    assert!(!desk.changed_on_disk());
    // A unit added, one replaced, one removed; another reviewer's return recorded.
    save_draft(
        &dir.path().join("丁镇.ron"),
        &Draft::new(unit("某县丁镇人民政府", 1)),
    )
    .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut fixed = unit("某县乙镇人民政府", 2);
    fixed.set_text(crate::template::TextId::S6, "本年度未收取任何信息处理费。");
    save_draft(&dir.path().join("乙镇.ron"), &Draft::new(fixed)).unwrap();
    std::fs::remove_file(dir.path().join("坏文件.txt")).unwrap();
    let mut other = Desk::open(dir.path(), BatchRules::default()).unwrap();
    let c = other.find("第二批/丙镇.txt").unwrap();
    other
        .return_report(c, "王审核", stamp("2026-01-22 10:00"), true)
        .unwrap();
    assert!(desk.changed_on_disk());
    let changed = desk.relist().unwrap();
    let names: Vec<&str> = desk.rows.iter().map(|r| r.file.as_str()).collect();
    assert_eq!(
        names,
        ["丁镇.ron", "乙镇.ron", "甲镇.ron", "第二批/丙镇.txt"]
    );
    assert_eq!(
        changed,
        [dir.path().join("丁镇.ron"), dir.path().join("乙镇.ron")]
    );
    // The new row waits to be read; the replaced one shows what it showed till then.
    assert_eq!(desk.rows[0].state, DeskState::Reading);
    assert_eq!(desk.rows[1].state, DeskState::HasErrors);
    // The other reviewer's later return is read with the desk file.
    assert_eq!(desk.rows[3].state, DeskState::Returned);
    assert_eq!(desk.rows[2].state, DeskState::Approved(Stage::Reviewed));
    assert!(!desk.changed_on_disk());
    desk.loader(DeskRules::default()).run(|step| {
        desk.apply(step);
        true
    });
    assert_eq!(desk.rows[0].state, DeskState::Unreviewed);
    assert_eq!(desk.rows[1].state, DeskState::Unreviewed);
}

#[test]
fn the_overview_sums_a_draft_s_computed_totals() {
    let dir = tempfile::tempdir().unwrap();
    // The totals column left blank, as a draft saved by the editor may have it: computed.
    let mut r = unit("某县戊镇人民政府", 4);
    for row in [0, 2, crate::template::T3_R3_7] {
        r.set_cell(t3(row, T3_TOTAL_COL), CellValue::Blank);
    }
    save_draft(&dir.path().join("戊镇.ron"), &Draft::new(r)).unwrap();
    let mut desk = Desk::open(dir.path(), BatchRules::default()).unwrap();
    desk.sign(0, Stage::Signed, "李主任", stamp("2026-01-25 10:00"))
        .unwrap();
    let html = overview_html(&desk, Date::new(2026, 1, 26).unwrap());
    assert!(
        html.contains("<td>一、本年新收政府信息公开申请数量</td><td class=\"n\">4</td>"),
        "{html}"
    );
}

#[test]
fn an_action_reads_the_report_again_and_a_file_gone_bad_is_named_not_summed_silently() {
    let dir = folder();
    let mut desk = Desk::open(dir.path(), BatchRules::default()).unwrap();
    let a = desk.find("甲镇.ron").unwrap();
    let c = desk.find("第二批/丙镇.txt").unwrap();
    desk.sign(c, Stage::Reviewed, "王科长", stamp("2026-01-24 09:00"))
        .unwrap();
    // 甲镇 is put right on disk after the desk read it: its sign-off is of the file as now.
    let fixed = unit("某县甲镇人民政府", 7);
    save_draft(&dir.path().join("甲镇.ron"), &Draft::new(fixed)).unwrap();
    desk.sign(a, Stage::Reviewed, "王科长", stamp("2026-01-24 09:05"))
        .unwrap();
    let signed = crate::draft::load_draft(&dir.path().join("甲镇.ron")).unwrap();
    assert_eq!(signed.report.cell(t3(0, 0)), &CellValue::Count(7));
    assert_eq!(signed.review.sign_offs.len(), 1);
    assert_eq!(desk.rows[a].state, DeskState::Approved(Stage::Reviewed));
    let options = crate::sum::SumOptions::default();
    let sum = desk.sum(&desk.approved(), &options).unwrap();
    assert_eq!(sum.report.cell(t3(0, T3_TOTAL_COL)), &CellValue::Count(11));
    // 丙镇's file becomes unreadable: the sum stops and names it; the overview leaves it
    // out and says why.
    std::fs::write(dir.path().join("第二批/丙镇.txt"), "这不是报告").unwrap();
    let error = desk
        .sum(&desk.approved(), &options)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("第二批/丙镇.txt") && error.contains("不能汇总"),
        "{error}"
    );
    let html = overview_html(&desk, Date::new(2026, 1, 26).unwrap());
    assert!(html.contains("已审核、已签发的 1 个单位合计"), "{html}");
    assert!(html.contains("第二批/丙镇.txt：现在无法读取"), "{html}");
}
