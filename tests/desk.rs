//! `nianbao desk` without a display: the rows of a folder of real reports, return →
//! resubmission → sign → sum, and the overview as HTML and CSV.

use crate::common;

use std::path::PathBuf;

use common::run;

fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn out(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_folder_of_reports_goes_through_return_sign_and_sum() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("2025年度");
    std::fs::create_dir_all(folder.join("乡镇")).unwrap();
    // Two units as drafts (one with an error), one published text report in a subfolder.
    for (name, organ, applications) in [
        ("甲镇", "某县甲镇人民政府", "3"),
        ("乙镇", "某县乙镇人民政府", "2"),
    ] {
        unit_draft(
            &folder.join(format!("{name}.ron")),
            organ,
            "2025",
            applications,
            "2",
        );
    }
    std::fs::copy(
        repo("tests/data/published/003_60d30e5d68c9d170.txt"),
        folder.join("乡镇/原州区.txt"),
    )
    .unwrap();
    let f = folder.to_str().unwrap();
    let o = run(&["desk", f]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let rows = out(&o);
    assert!(
        rows.contains("有错误\t某县甲镇人民政府\t甲镇.ron"),
        "{rows}"
    );
    assert!(rows.contains("乡镇/原州区.txt"), "{rows}");
    assert!(rows.contains("共 3 份："), "{rows}");

    // 退回 甲镇 (3 received, 2 disclosed: O1): the letter beside it.
    let o = run(&[
        "desk",
        f,
        "--return",
        "甲镇.ron",
        "--as-text",
        "--name",
        "王审核",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(folder.join("甲镇退回意见.txt").exists());
    assert!(
        out(&o).contains("已退回\t某县甲镇人民政府\t甲镇.ron"),
        "{}",
        out(&o)
    );
    // Signing a report with errors is refused, as everywhere.
    let o = run(&[
        "desk",
        f,
        "--sign",
        "甲镇.ron",
        "--stage",
        "签发",
        "--name",
        "李主任",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("不能签发"), "{}", err(&o));
    // The unit corrects it: 已重新提交; then it is signed.
    let path = folder.join("甲镇.ron");
    let fixed = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"t3.r3_1.np\": \"2\"", "\"t3.r3_1.np\": \"3\"");
    std::fs::write(&path, fixed).unwrap();
    let o = run(&["desk", f]);
    assert!(
        out(&o).contains("已重新提交\t某县甲镇人民政府"),
        "{}",
        out(&o)
    );
    for file in ["甲镇.ron", "乙镇.ron"] {
        let o = run(&[
            "desk",
            f,
            "--sign",
            file,
            "--stage",
            "签发",
            "--name",
            "李主任",
        ]);
        assert_eq!(o.status.code(), Some(0), "{file}: {}", err(&o));
    }
    // 汇总 of the signed ones, and the overview.
    let parent = dir.path().join("本级.ron");
    let html = dir.path().join("总览.html");
    let csv = dir.path().join("总览.csv");
    let o = run(&[
        "desk",
        f,
        "--sum",
        parent.to_str().unwrap(),
        "--organ",
        "某县人民政府",
        "--html",
        html.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).contains("已汇总2025年度 2 个单位的报告"),
        "{}",
        out(&o)
    );
    let summed = std::fs::read_to_string(&parent).unwrap();
    assert!(summed.contains("\"t3.r1.np\": \"5\""), "{summed}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.starts_with("<!DOCTYPE html>") && page.contains("<svg"),
        "{page}"
    );
    assert!(!page.contains("<script"), "no script");
    let table = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(table.lines().count(), 4, "{table}");
    assert!(
        table.contains("甲镇.ron,某县甲镇人民政府,乡镇街道,2025,2021年版,已签发"),
        "{table}"
    );
}

/// Headless Chromium, where it is installed (the README's test command installs it).
fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let found = std::process::Command::new("which")
                .arg(name)
                .output()
                .ok()?;
            let path = String::from_utf8_lossy(&found.stdout).trim().to_string();
            (found.status.success() && !path.is_empty()).then(|| PathBuf::from(path))
        })
}

#[test]
fn the_overview_prints_on_a4_in_a_real_browser() {
    let Some(browser) = chromium() else {
        eprintln!("跳过：没有 Chromium，总览页没有在浏览器中查看");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("2025年度");
    std::fs::create_dir_all(&folder).unwrap();
    for entry in std::fs::read_dir(repo("tests/data/published")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
        }
    }
    let html = dir.path().join("审核总览.html");
    let o = run(&[
        "desk",
        folder.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let profile = dir.path().join("chromium-profile");
    let browse = |what: &str| {
        let o = std::process::Command::new(&browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
                "--window-size=1000,1400",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(what)
            .arg(format!("file://{}", html.display()))
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", err(&o));
    };
    // Printed: A4 pages with the page's text.
    let pdf = dir.path().join("总览.pdf");
    browse(&format!("--print-to-pdf={}", pdf.display()));
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .unwrap();
    let info = out(&info);
    assert!(info.contains("(A4)"), "A4: {info}");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!((1..=4).contains(&pages), "{pages} pages for 5 units");
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = out(&text);
    for part in ["审核总览", "各单位的状态", "各规则涉及的单位数", "全部单位"]
    {
        assert!(text.contains(part), "{part} not printed: {text}");
    }
    // The chart's bars carry each rule's name, not only its code.
    assert!(text.contains("有空白单元格 S7"), "rule names: {text}");
    // On screen: a screenshot with something drawn.
    let png = dir.path().join("总览.png");
    browse(&format!("--screenshot={}", png.display()));
    let size = std::fs::metadata(&png).unwrap().len();
    assert!(
        size > 20_000,
        "a page with charts and tables, not a blank: {size} bytes"
    );
}

/// A township's draft of `year` at `path`: `received` applications, `disclosed` disclosed.
fn unit_draft(path: &std::path::Path, organ: &str, year: &str, received: &str, disclosed: &str) {
    let o = run(&[
        "new",
        "--organ",
        organ,
        "--kind",
        "乡镇街道",
        "--year",
        year,
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = std::fs::read_to_string(path).unwrap();
    let filled = text
        .replace(
            "\"t3.r1.np\": \"\"",
            &format!("\"t3.r1.np\": \"{received}\""),
        )
        .replace(
            "\"t3.r3_1.np\": \"\"",
            &format!("\"t3.r3_1.np\": \"{disclosed}\""),
        );
    std::fs::write(path, filled).unwrap();
}

/// A township's draft of `year` in `folder` with `n` applications, all disclosed, signed by
/// 李主任 at the desk.
fn signed_unit(folder: &std::path::Path, file: &str, organ: &str, year: &str, n: &str) {
    unit_draft(&folder.join(file), organ, year, n, n);
    sign(folder, file);
}

fn sign(folder: &std::path::Path, file: &str) {
    let f = folder.to_str().unwrap();
    let o = run(&[
        "desk",
        f,
        "--sign",
        file,
        "--stage",
        "审核",
        "--name",
        "李主任",
    ]);
    assert_eq!(o.status.code(), Some(0), "{file}: {}", err(&o));
}

#[test]
fn a_summary_saved_among_its_units_is_never_summed_again() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("2025年度");
    std::fs::create_dir_all(&folder).unwrap();
    signed_unit(&folder, "甲镇.ron", "洪泽区甲镇人民政府", "2025", "3");
    signed_unit(&folder, "乙镇.ron", "洪泽区乙镇人民政府", "2025", "2");
    let f = folder.to_str().unwrap();
    // The reviewer saves the summary where the units are, and approves it.
    let first = folder.join("汇总.ron");
    let o = run(&[
        "desk",
        f,
        "--sum",
        first.to_str().unwrap(),
        "--organ",
        "洪泽区人民政府",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let o = run(&["desk", f]);
    assert!(out(&o).contains("汇总报告（2 个单位）"), "{}", out(&o));
    sign(&folder, "汇总.ron");
    // Summed again: the summary is left out, said why; the units count once.
    let again = dir.path().join("再汇总.ron");
    let o = run(&["desk", f, "--sum", again.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).contains("已汇总2025年度 2 个单位的报告"),
        "{}",
        out(&o)
    );
    assert!(
        out(&o).contains("未计入：汇总.ron，是汇总报告（含 2 个单位）"),
        "{}",
        out(&o)
    );
    let summed = std::fs::read_to_string(&again).unwrap();
    assert!(summed.contains("\"t3.r1.np\": \"5\""), "{summed}");
    // The overview's sums are the same: 5, not 10.
    let html = dir.path().join("总览.html");
    let o = run(&["desk", f, "--html", html.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.contains("已审核、已签发的 2 个单位合计（2025年度）"),
        "{page}"
    );
    assert!(page.contains("<td class=\"n\">5</td>"), "{page}");
    // `nianbao sum` of the summary with one of its units is refused, both named.
    let o = run(&[
        "sum",
        "-o",
        dir.path().join("错.ron").to_str().unwrap(),
        first.to_str().unwrap(),
        folder.join("甲镇.ron").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(
        err(&o).contains("是汇总报告，已含") && err(&o).contains("洪泽区甲镇人民政府"),
        "{}",
        err(&o)
    );
    // Two summaries of different units (a city summing its districts) sum.
    let other = dir.path().join("清江浦区");
    std::fs::create_dir_all(&other).unwrap();
    signed_unit(&other, "丙街道.ron", "清江浦区丙街道办事处", "2025", "4");
    let second = dir.path().join("清江浦区汇总.ron");
    let o = run(&[
        "desk",
        other.to_str().unwrap(),
        "--sum",
        second.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let city = dir.path().join("市.ron");
    let o = run(&[
        "sum",
        "-o",
        city.to_str().unwrap(),
        first.to_str().unwrap(),
        second.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let summed = std::fs::read_to_string(&city).unwrap();
    assert!(summed.contains("\"t3.r1.np\": \"9\""), "{summed}");
}

#[test]
fn one_year_at_a_time_and_one_report_per_organ() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("报告");
    std::fs::create_dir_all(&folder).unwrap();
    signed_unit(&folder, "甲镇.ron", "淮安市洪泽区甲镇人民政府", "2025", "3");
    signed_unit(&folder, "乙镇.ron", "洪泽区乙镇人民政府", "2025", "2");
    signed_unit(&folder, "丙镇2022.ron", "洪泽区丙镇人民政府", "2022", "7");
    // The same organ and year again, written without its city: 重复报送.
    signed_unit(&folder, "甲镇重报.ron", "洪泽区甲镇人民政府", "2025", "3");
    let f = folder.to_str().unwrap();
    let o = run(&["desk", f]);
    let listing = out(&o);
    assert!(
        listing.contains("重复报送（与 甲镇重报.ron 同一机关同一年度）")
            && listing.contains("重复报送（与 甲镇.ron 同一机关同一年度）"),
        "{listing}"
    );
    // The most common year by default; the other year and the second report left out.
    let parent = dir.path().join("汇总.ron");
    let o = run(&["desk", f, "--sum", parent.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let said = out(&o);
    assert!(said.contains("已汇总2025年度 2 个单位的报告"), "{said}");
    assert!(
        said.contains("未计入：丙镇2022.ron，是2022年度的报告"),
        "{said}"
    );
    assert!(
        said.contains("未计入：甲镇重报.ron，与“甲镇.ron”是同一机关同一年度的报告（重复报送）"),
        "{said}"
    );
    let summed = std::fs::read_to_string(&parent).unwrap();
    assert!(summed.contains("\"t3.r1.np\": \"5\""), "{summed}");
    assert!(
        !summed.contains("年度的报告，其他单位为"),
        "no mixed years: {summed}"
    );
    // Another year on request.
    let old = dir.path().join("2022.ron");
    let o = run(&["desk", f, "--sum", old.to_str().unwrap(), "--year", "2022"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let summed = std::fs::read_to_string(&old).unwrap();
    assert!(summed.contains("\"t3.r1.np\": \"7\""), "{summed}");
}
