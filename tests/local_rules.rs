//! Local rules and the repetition rate end to end: `check --previous` and `--json` print the
//! rate, the batch CSV has its column, `--profile` applies a profile's L rules, the example
//! profiles load, and a profile with an error is refused with its line and column.

use crate::common;

use std::path::{Path, PathBuf};

use common::run;

fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

const FIXTURE_003: &str = "tests/data/published/003_60d30e5d68c9d170.txt";

/// Fixture 003 as next year's report with three sentences rewritten (each phrase stands in
/// exactly one sentence of the report).
fn next_year_with_three_changes(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(repo(FIXTURE_003)).unwrap();
    let mut next = text.replacen(
        "2022 年政府信息公开工作年度报告",
        "2023 年政府信息公开工作年度报告",
        1,
    );
    for (from, to) in [
        ("深化重点领域信息公开", "拓展重点领域信息公开范围"),
        ("探索重要政策多元解读", "创新开展重要政策多元解读"),
        ("未收取信息处理费", "亦未向任何申请人收取信息处理费"),
    ] {
        assert_eq!(next.matches(from).count(), 1, "{from}");
        next = next.replace(from, to);
    }
    let path = dir.join("2023.txt");
    std::fs::write(&path, next).unwrap();
    path
}

fn out(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn repetition_rate_of_fixture_003_against_three_changed_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let now = next_year_with_three_changes(dir.path());
    let last = repo(FIXTURE_003);
    // Counted by hand: the report's 正文 has 50 sentences of six characters or more (the
    // 导语 1, 一 32, 五 8, 六 9; the line wrapped inside “按照谁发/布谁解读” is one sentence); three
    // are rewritten, 47 repeat.
    let o = run(&[
        "check",
        now.to_str().unwrap(),
        "--previous",
        last.to_str().unwrap(),
    ]);
    let text = out(&o);
    assert!(
        text.contains("与上年重复率 94%（正文50句中47句与上年相同；"),
        "{text}"
    );
    assert!(
        text.contains("[警告] H21 与上年报告的重复率为94%（正文50句中有47句与上年相同），超过50%"),
        "{text}"
    );
    let o = run(&[
        "check",
        "--json",
        now.to_str().unwrap(),
        "--previous",
        last.to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_str(out(&o).trim()).unwrap();
    assert_eq!(v["repetition"]["percent"], 94.0);
    assert_eq!(v["repetition"]["repeated"], 47);
    assert_eq!(v["repetition"]["sentences"], 50);
    // Without last year's report there is no rate and no H21.
    let o = run(&["check", now.to_str().unwrap()]);
    assert!(!out(&o).contains("重复率"), "{}", out(&o));
}

#[test]
fn the_batch_csv_has_the_repetition_column() {
    let dir = tempfile::tempdir().unwrap();
    next_year_with_three_changes(dir.path());
    std::fs::copy(repo(FIXTURE_003), dir.path().join("2022.txt")).unwrap();
    let csv = dir.path().join("summary.csv");
    let o = run(&[
        "check",
        dir.path().to_str().unwrap(),
        "--summary",
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.code().is_some(), "{o:?}");
    let table = std::fs::read_to_string(&csv).unwrap();
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = header.iter().position(|h| *h == "与上年重复率").unwrap();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let row_2023 = rows.iter().find(|r| r[0].ends_with("2023.txt")).unwrap();
    let row_2022 = rows.iter().find(|r| r[0].ends_with("2022.txt")).unwrap();
    assert_eq!(row_2023[col], "94%", "{table}");
    assert_eq!(row_2022[col], "", "no report of 2021 to compare with");
}

#[test]
fn a_profile_applies_its_rules_and_the_examples_load() {
    let city = repo("assets/profiles/city-2025.ron");
    let county = repo("assets/profiles/county-assessment-2025.ron");
    let report = repo(FIXTURE_003);
    let o = run(&[
        "check",
        report.to_str().unwrap(),
        "--profile",
        city.to_str().unwrap(),
    ]);
    let text = out(&o);
    assert!(
        text.contains(
            "[警告] L1 按“某市2025年度政府信息公开工作年度报告要求”，一、总体情况不超过1000字"
        ),
        "{text}"
    );
    assert!(
        text.contains("L2 按“某市2025年度政府信息公开工作年度报告要求”，（三）政府信息管理应写明"),
        "{text}"
    );
    // The same report by the national rules only: no L rule.
    let national = out(&run(&["check", report.to_str().unwrap()]));
    assert!(
        !national.contains(" L1 ") && !national.contains(" L2 "),
        "{national}"
    );
    let o = run(&[
        "check",
        report.to_str().unwrap(),
        "--profile",
        county.to_str().unwrap(),
    ]);
    assert!(
        out(&o).contains("按“某县2025年度政务公开考核细则”"),
        "{}",
        out(&o)
    );
}

#[test]
fn a_profile_with_an_error_is_refused_with_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(\n    name: \"某市要求\",\n    lengths: [ (of: \"七\", max_chars: 1000) ],\n)\n",
    )
    .unwrap();
    let o = run(&[
        "check",
        repo(FIXTURE_003).to_str().unwrap(),
        "--profile",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("本地要求文件第3行第"), "{err}");
    assert!(err.contains("未知的部分“七”"), "{err}");
    assert!(out(&o).is_empty(), "nothing checked with half a profile");
}
