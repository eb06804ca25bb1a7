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
        let path = folder.join(format!("{name}.ron"));
        let o = run(&[
            "new",
            "--organ",
            organ,
            "--kind",
            "乡镇街道",
            "--year",
            "2025",
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        let text = std::fs::read_to_string(&path).unwrap();
        let filled = text
            .replace(
                "\"t3.r1.np\": \"\"",
                &format!("\"t3.r1.np\": \"{applications}\""),
            )
            .replace("\"t3.r3_1.np\": \"\"", "\"t3.r3_1.np\": \"2\"");
        std::fs::write(&path, filled).unwrap();
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
        out(&o).contains("已汇总 2 份已审核、已签发的报告"),
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
        table.contains("甲镇.ron,某县甲镇人民政府,乡镇街道,2025,2021,已签发"),
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
    // On screen: a screenshot with something drawn.
    let png = dir.path().join("总览.png");
    browse(&format!("--screenshot={}", png.display()));
    let size = std::fs::metadata(&png).unwrap().len();
    assert!(
        size > 20_000,
        "a page with charts and tables, not a blank: {size} bytes"
    );
}
