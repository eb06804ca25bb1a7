//! The CLI end to end: new, check (text and JSON, exit codes), import, export, and bad input
//! that must give exit 2 with a clear Chinese message, write nothing, and never panic.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{blank_draft, run};
use std::time::Duration;

fn fixture(prefix: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/published");
    std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap()
        .path()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn new_check_export_flow() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("d.ron");
    let o = run(&[
        "new",
        "--organ",
        "某某县人民政府办公室",
        "--year",
        "2025",
        "-o",
        s(&draft),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&draft).unwrap();
    assert!(text.contains("organ_kind: \"人民政府\""), "{text}");
    // A blank draft has warnings (blank tables) but no errors.
    let o = run(&["check", s(&draft)]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("S7"));
    // Refuses to overwrite.
    let o = run(&["new", "--organ", "X", "--year", "2025", "-o", s(&draft)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("已存在"));
    // Export as JSON: every cell id present, null for blank.
    let out = dir.path().join("d.json");
    let o = run(&["export", "--json", s(&out), s(&draft)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["format"], "2021");
    assert_eq!(v["cells"].as_object().unwrap().len(), 200);
    assert!(v["cells"]["t3.r1.np"].is_null());
    assert_eq!(v["meta"]["year"], 2025);
}

#[test]
fn check_published_text_exit_codes_and_json() {
    let o = run(&["check", s(&fixture("003"))]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let o = run(&["check", "--json", s(&fixture("001")), s(&fixture("003"))]);
    assert_eq!(o.status.code(), Some(1));
    let stdout = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let s5 = lines[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "S5")
        .unwrap();
    assert_eq!(s5["severity"], "error");
    assert_eq!(s5["cells"][0], "t2.art20_5.licensing.decisions");
    assert!(s5["message"].as_str().unwrap().contains("-2"));
}

#[test]
fn import_then_export_text_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("003.ron");
    let o = run(&["import", s(&fixture("003")), "-o", s(&draft)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&draft)
            .unwrap()
            .contains("manual_totals: true")
    );
    let txt = dir.path().join("003.txt");
    assert_eq!(
        run(&["export", "--text", s(&txt), s(&draft)]).status.code(),
        Some(0)
    );
    let json_a = dir.path().join("a.json");
    let json_b = dir.path().join("b.json");
    assert_eq!(
        run(&["export", "--json", s(&json_a), s(&draft)])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        run(&["export", "--json", s(&json_b), s(&txt)])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        std::fs::read(&json_a).unwrap(),
        std::fs::read(&json_b).unwrap()
    );
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_a).unwrap()).unwrap();
    assert_eq!(v["cells"]["t2.art20_8.fees.amount_wan"], "0.0000");
    assert_eq!(v["cells"]["t3.r1.np"], 8);
}

/// Writes `bytes` as a draft and checks that `check` refuses it with exit 2 and `expect`.
fn refused(name: &str, bytes: &[u8], expect: &str) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    let o = run(&["check", s(&p)]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{name}: {err}");
    assert!(
        err.contains(expect),
        "{name}: expected “{expect}” in: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    // Export refuses too and writes nothing.
    let out = dir.path().join("out.txt");
    assert_eq!(
        run(&["export", "--text", s(&out), s(&p)]).status.code(),
        Some(2)
    );
    assert!(!out.exists());
}

#[test]
fn malformed_drafts_are_refused_clearly() {
    let good = {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.ron");
        blank_draft(&p);
        std::fs::read_to_string(&p).unwrap()
    };
    refused("empty.ron", b"", "空");
    refused(
        "truncated.ron",
        &good.as_bytes()[..good.len() / 3],
        "草稿格式错误（第",
    );
    refused("binary.ron", &[0u8, 159, 146, 150, 1, 2, 3], "不是 UTF-8");
    refused(
        "types.ron",
        good.replace("year: Some(2024)", "year: Some(\"2024\")")
            .as_bytes(),
        "第",
    );
    refused("deep.ron", "(".repeat(100_000).as_bytes(), "草稿格式错误");
    refused(
        "deep_map.ron",
        format!(
            "(version: 1, format: \"2021\", meta: {}",
            "{\"a\":".repeat(100_000)
        )
        .as_bytes(),
        "草稿格式错误",
    );
    refused(
        "deep_list.ron",
        format!("(version: 1, format: {}", "[".repeat(100_000)).as_bytes(),
        "草稿格式错误",
    );
    refused(
        "newer.ron",
        good.replace("version: 1", "version: 99").as_bytes(),
        "较新版本",
    );
    let garbage: Vec<u8> = (0..50 * 1024 * 1024u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
        .collect();
    refused("garbage.ron", &garbage, "太大");
}

#[test]
fn missing_files_folders_and_bad_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&["check", s(&dir.path().join("missing.ron"))]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不存在"));
    // Said once, in Chinese: no "无法打开 … 无法读取 …", no system message in English.
    assert_eq!(
        stderr(&o).matches("missing.ron").count(),
        1,
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("os error"), "{}", stderr(&o));
    // A report's text saved under a draft's name.
    let text_as_draft = dir.path().join("报告.ron");
    std::fs::copy(fixture("003"), &text_as_draft).unwrap();
    let o = run(&["check", s(&text_as_draft)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不是 nianbao 草稿"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("Expected"), "{}", stderr(&o));
    std::fs::remove_file(&text_as_draft).unwrap();
    let o = run(&["check", s(dir.path())]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("文件夹"));
    let out = dir.path().join("no-such-folder").join("out.json");
    let o = run(&["export", "--json", s(&out), s(&fixture("003"))]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不存在"), "{}", stderr(&o));
    assert!(!dir.path().join("no-such-folder").exists());
    let o = run(&["new", "--organ", "X", "--year", "2024", "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["import", s(&fixture("003")), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn strange_text_and_huge_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let poem = dir.path().join("poem.txt");
    std::fs::write(&poem, "床前明月光\n疑是地上霜\n").unwrap();
    let o = run(&["check", s(&poem)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不像是政府信息公开工作年度报告"));
    // A number beyond any integer in a cell is a finding, not a crash.
    let draft = dir.path().join("big.ron");
    blank_draft(&draft);
    let text = std::fs::read_to_string(&draft).unwrap().replace(
        "\"t3.r1.np\": \"\"",
        "\"t3.r1.np\": \"123456789012345678901234567890123\"",
    );
    std::fs::write(&draft, text).unwrap();
    let o = run(&["check", "--json", s(&draft)]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "S5" && f["cells"][0] == "t3.r1.np")
    );
}

/// Text of a PDF in content order (`-raw`): the watermark, drawn first, stays one word.
fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-raw")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, installed by the test command)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn export_pdf_final_refuses_errors_and_drafts_get_a_watermark() {
    let dir = tempfile::tempdir().unwrap();
    // Fixture 001 has an error (S5, a negative count).
    let published = fixture("001");
    let pdf = dir.path().join("001.pdf");
    let o = run(&[
        "export",
        "--pdf",
        s(&pdf),
        "--final",
        "--bundled-fonts",
        "--date",
        "2026-01-20",
        s(&published),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不能导出正式版 PDF"), "{}", stderr(&o));
    assert!(!pdf.exists(), "nothing written");

    let o = run(&[
        "export",
        "--pdf",
        s(&pdf),
        "--bundled-fonts",
        "--date",
        "2026-01-20",
        s(&published),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("草稿”水印"));
    let text = pdftotext(&pdf);
    // The diagonal watermark comes out of pdftotext one character per line.
    let pages = text.matches('\u{c}').count().max(1);
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(squeezed.matches("草稿").count() >= pages, "{text}");
    assert!(squeezed.contains("汇源办事处2021年政府信息公开工作年度报告"));

    // Fixture 003 as published has no 落款 and no 发布日期: no final version of it.
    let clean = dir.path().join("003.pdf");
    let o = run(&[
        "export",
        "--pdf",
        s(&clean),
        "--final",
        "--bundled-fonts",
        "--date",
        "2026-01-20",
        s(&fixture("003")),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("缺少落款机关、发布日期"),
        "{}",
        stderr(&o)
    );
    // A complete report without errors exports as final, without a watermark.
    let complete = dir.path().join("完整.ron");
    clean_draft(&complete);
    let o = run(&[
        "export",
        "--pdf",
        s(&clean),
        "--final",
        "--bundled-fonts",
        "--date",
        "2026-01-20",
        s(&complete),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("正文与表格：Noto Serif SC（内置）"));
    let clean_text: String = pdftotext(&clean)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(!clean_text.contains("草稿"));

    let o = run(&[
        "export",
        "--pdf",
        s(&clean),
        "--date",
        "明天",
        s(&fixture("003")),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("日期“明天”无法识别"));
}

#[test]
fn new_from_last_year_and_check_against_it() {
    let dir = tempfile::tempdir().unwrap();
    let last = dir.path().join("2022.ron");
    let o = run(&["import", s(&fixture("003")), "-o", s(&last)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let next = dir.path().join("2023.ron");
    let o = run(&["new", "--from", s(&last), "-o", s(&next)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("2023年度"));
    let text = std::fs::read_to_string(&next).unwrap();
    assert!(text.contains("year: Some(2023)"), "{text}");
    assert!(text.contains("inherited_texts"));

    // The new draft: untouched inherited texts are flagged (H12), H1 holds.
    let o = run(&["check", s(&next), "--previous", s(&last)]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("[警告] H12 “五、存在的主要问题及改进情况”仍是从上年报告沿用的文字"),
        "{out}"
    );
    assert!(out.contains("相似度为100%"), "{out}");
    assert!(!out.contains(" H1 "), "{out}");

    // A report checked against a report of the wrong year says so instead of comparing.
    let o = run(&["check", s(&last), "--previous", s(&last)]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("不是本报告（2022年度）的上一年度"));

    let o = run(&["new", "-o", s(&dir.path().join("x.ron"))]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn batch_summary_of_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    for prefix in ["000", "001", "003"] {
        let src = fixture(prefix);
        std::fs::copy(&src, reports.join(src.file_name().unwrap())).unwrap();
    }
    std::fs::write(reports.join("broken.ron"), "(version: 1, report").unwrap();
    std::fs::write(reports.join("notes.md"), "not a report").unwrap();
    let csv = dir.path().join("汇总.csv");
    let o = run(&["check", s(&reports), "--summary", s(&csv)]);
    assert_eq!(o.status.code(), Some(2), "an unreadable file makes exit 2");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("共 4 个文件：1 个有错误，1 个无法读取"),
        "{out}"
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    let header: Vec<&str> = lines[0].trim_start_matches('\u{feff}').split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let row = |file: &str| -> Vec<&str> {
        lines
            .iter()
            .find(|l| l.contains(file))
            .map(|l| l.split(',').collect())
            .unwrap()
    };
    let r001 = row("001_");
    assert_eq!(r001[col("机关")], "汇源办事处");
    assert_eq!(r001[col("错误")], "1");
    assert_eq!(r001[col("S5")], "1");
    assert_eq!(r001[col("H15")], "2");
    let broken = row("broken.ron");
    assert!(broken[col("无法读取的原因")].contains("草稿格式错误"));
}

/// Web pages nested 100,000 deep (divs) or 20,000 deep (tables) end with exit 2 and a
/// message, fast, instead of exhausting the stack.
#[test]
fn deeply_nested_web_pages_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (name, page) in [
        (
            "divs.html",
            format!("{}x{}", "<div>".repeat(100_000), "</div>".repeat(100_000)),
        ),
        (
            "tables.html",
            format!(
                "{}x{}",
                "<table><tr><td>".repeat(20_000),
                "</td></tr></table>".repeat(20_000)
            ),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, page).unwrap();
        let o = run(&["check", s(&path)]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("文件嵌套过深"), "{}", stderr(&o));
    }
}

/// A minimal Word file whose body is `body`, its document.xml stored as `method` packs it.
fn docx_with_body(body: &str, method: zip::CompressionMethod) -> Vec<u8> {
    let mut buf = Vec::new();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(&mut buf));
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    w.start_file("word/document.xml", options).unwrap();
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#
    );
    std::io::Write::write_all(&mut w, xml.as_bytes()).unwrap();
    w.finish().unwrap();
    buf
}

/// Hostile Word files end cleanly, fast, with exit 2 and a message: tables nested 20,000
/// deep and elements nested 100,000 deep (文件嵌套过深, like a web page), and a zip bomb whose
/// document.xml unpacks to 40 MB (refused with the limit named, not read into memory whole).
#[test]
fn hostile_word_files_end_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let para = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let nested_tables = format!(
        "{}{}{}{}",
        para("某县人民政府2025年政府信息公开工作年度报告"),
        "<w:tbl><w:tr><w:tc>".repeat(20_000),
        para("1"),
        "</w:tc></w:tr></w:tbl>".repeat(20_000)
    );
    let nested_elements = format!(
        "{}{}{}",
        "<w:sdt><w:sdtContent>".repeat(100_000),
        para("一、总体情况"),
        "</w:sdtContent></w:sdt>".repeat(100_000)
    );
    for (name, body) in [
        ("tables.docx", nested_tables),
        ("sdt.docx", nested_elements),
    ] {
        let path = dir.path().join(name);
        std::fs::write(
            &path,
            docx_with_body(&body, zip::CompressionMethod::Deflated),
        )
        .unwrap();
        let o = run(&["check", s(&path)]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("文件嵌套过深"),
            "{name}: {}",
            stderr(&o)
        );
    }
    let bomb = dir.path().join("bomb.docx");
    let body = para(&" ".repeat(40 * 1024 * 1024));
    let packed = docx_with_body(&body, zip::CompressionMethod::Deflated);
    assert!(packed.len() < 1024 * 1024, "the bomb is small on disk");
    std::fs::write(&bomb, packed).unwrap();
    let o = run(&["check", s(&bomb)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("超过 32 MB"), "{}", stderr(&o));
}

/// Saves killed at random moments (kill -9) leave at most one temporary file beside the
/// target, and the next successful save removes it.
#[cfg(unix)]
#[test]
fn killed_saves_leave_at_most_one_stray_file() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("草稿.ron");
    blank_draft(&draft);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let target = out.join("报告.txt");
    let strays = || {
        std::fs::read_dir(&out)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .count()
    };
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..100 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args(["export", "--text", s(&target), s(&draft)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(seed % 12_000));
        let _ = child.kill();
        let _ = child.wait();
        assert!(strays() <= 1, "{} stray files", strays());
    }
    let o = run(&["export", "--text", s(&target), s(&draft)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(strays(), 0);
}

#[test]
fn sum_of_units_with_csv_and_strict_refusal() {
    use nianbao::draft::{Draft, load_draft, save_draft};
    use nianbao::model::{CellValue, OrganKind, Report};
    use nianbao::template::t3;
    let dir = tempfile::tempdir().unwrap();
    let units = dir.path().join("units");
    std::fs::create_dir(&units).unwrap();
    for (organ, year, n) in [("某县财政局", 2025, 3), ("某县教育局", 2025, 4)] {
        let mut r = Report::new(organ, OrganKind::Department, year);
        r.set_cell(t3(0, 0), CellValue::Count(n));
        r.set_cell(t3(2, 0), CellValue::Count(n));
        save_draft(&units.join(format!("{organ}.ron")), &Draft::new(r)).unwrap();
    }
    let parent = dir.path().join("汇总.ron");
    let csv = dir.path().join("汇总.csv");
    let o = common::run(&[
        "sum",
        units.to_str().unwrap(),
        "-o",
        parent.to_str().unwrap(),
        "--organ",
        "某县人民政府办公室",
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let d = load_draft(&parent).unwrap();
    assert_eq!(d.report.cell(t3(0, 0)), &CellValue::Count(7));
    assert_eq!(d.report.meta.year, Some(2025));
    assert_eq!(d.sum.as_ref().unwrap().units.len(), 2);
    let rows = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(
        rows.lines().count(),
        4,
        "header, two units, the total:\n{rows}"
    );
    // A unit of another year: listed as a warning, or refused with --strict.
    let mut r = Report::new("某县民政局", OrganKind::Department, 2024);
    r.set_cell(t3(0, 0), CellValue::Count(1));
    save_draft(&units.join("民政局.ron"), &Draft::new(r)).unwrap();
    let strict = common::run(&[
        "sum",
        units.to_str().unwrap(),
        "-o",
        dir.path().join("严格.ron").to_str().unwrap(),
        "--strict",
    ]);
    assert_eq!(strict.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&strict.stderr).contains("2024年度"));
    assert!(!dir.path().join("严格.ron").exists());
    let warned = dir.path().join("警告.ron");
    let o = common::run(&[
        "sum",
        units.to_str().unwrap(),
        "-o",
        warned.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let checked = common::run(&["check", warned.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&checked.stdout);
    assert!(
        out.contains("[警告] SUM 汇总：“某县民政局”是2024年度的报告"),
        "{out}"
    );
}

/// A clean 2025 report of a county department, fully filled in.
fn clean_draft(path: &Path) {
    use nianbao::draft::{Draft, save_draft};
    use nianbao::model::{CellValue, Date, OrganKind, Report, WanAmount};
    use nianbao::template::{CELL_COUNT, T2_FEES, TextId};
    let mut r = Report::new("某某县财政局", OrganKind::Department, 2025);
    for i in 0..CELL_COUNT {
        r.set_cell(i, CellValue::Count(0));
    }
    r.set_cell(
        T2_FEES,
        CellValue::Amount(WanAmount {
            digits: 0,
            scale: 0,
        }),
    );
    for id in TextId::AREAS {
        r.set_text(id, "开展了相关工作。");
    }
    r.set_text(TextId::S5, "问题与改进。");
    r.set_text(TextId::S6, "本年度未收取信息处理费。");
    r.meta.published = Date::new(2026, 1, 20);
    r.meta.signature = "某某县财政局".into();
    save_draft(path, &Draft::new(r)).unwrap();
}

#[test]
fn signing_then_editing_shows_and_the_final_pdf_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("草稿.ron");
    clean_draft(&d);
    let o = run(&["sign", s(&d), "--stage", "签发", "--name", "李四"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let checked = run(&["check", s(&d)]);
    assert!(String::from_utf8_lossy(&checked.stdout).contains("（已签发：李四"));
    // An edit after the sign-off: in a text editor, as anyone could.
    let text = std::fs::read_to_string(&d).unwrap();
    std::fs::write(
        &d,
        text.replacen("\"t3.r1.np\": \"0\"", "\"t3.r1.np\": \"0 \"", 1),
    )
    .unwrap();
    let unchanged = run(&["check", s(&d)]);
    assert!(
        String::from_utf8_lossy(&unchanged.stdout).contains("（已签发："),
        "the same value: not a change"
    );
    let text = std::fs::read_to_string(&d).unwrap();
    let edited = text.replacen("本年度未收取信息处理费。", "本年度未收取信息处理费用。", 1);
    assert_ne!(edited, text);
    std::fs::write(&d, edited).unwrap();
    let checked = run(&["check", s(&d)]);
    assert!(String::from_utf8_lossy(&checked.stdout).contains("（签发后已修改：李四"));
    let pdf = dir.path().join("正式.pdf");
    let o = run(&[
        "export",
        "--pdf",
        s(&pdf),
        "--final",
        "--bundled-fonts",
        s(&d),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("签发（李四"), "{}", stderr(&o));
    assert!(!pdf.exists());
    // What changed since the sign-off, from the draft alone.
    let since = run(&["diff", s(&d)]);
    let out = String::from_utf8_lossy(&since.stdout);
    assert!(out.contains("与已签发时（李四"), "{out}");
    assert!(out.contains("六、其他需要报告的事项"), "{out}");
    // Signed again: the final PDF is made.
    let o = run(&["sign", s(&d), "--stage", "签发", "--name", "李四"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&[
        "export",
        "--pdf",
        s(&pdf),
        "--final",
        "--bundled-fonts",
        s(&d),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A report with errors is not signed.
    let bad = dir.path().join("有错.ron");
    std::fs::write(
        &bad,
        std::fs::read_to_string(&d).unwrap().replacen(
            "\"t3.r1.np\": \"0\"",
            "\"t3.r1.np\": \"5\"",
            1,
        ),
    )
    .unwrap();
    let o = run(&["sign", s(&bad), "--stage", "审核", "--name", "王五"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不能审核"), "{}", stderr(&o));
}

#[test]
fn diff_of_two_fixture_drafts_lists_exactly_the_changed_cells() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("旧.ron");
    let new = dir.path().join("新.ron");
    let fixture = fixture("003");
    assert_eq!(
        run(&["import", s(&fixture), "-o", s(&old)]).status.code(),
        Some(0)
    );
    let text = std::fs::read_to_string(&old).unwrap();
    // Two cells and one sentence changed.
    let changed = text
        .replacen("\"t3.r1.np\": \"8\"", "\"t3.r1.np\": \"9\"", 1)
        .replacen(
            "\"t4.review.upheld\": \"0\"",
            "\"t4.review.upheld\": \"1\"",
            1,
        );
    assert_ne!(changed, text);
    std::fs::write(&new, changed).unwrap();
    let o = run(&["diff", s(&old), s(&new), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let cells: Vec<(String, String, String)> = v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                c["old"].as_str().unwrap().to_string(),
                c["new"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        cells,
        vec![
            ("t3.r1.np".into(), "8".into(), "9".into()),
            ("t4.review.upheld".into(), "0".into(), "1".into())
        ]
    );
    assert!(
        v["new_findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "O1")
    );
    let plain = run(&["diff", s(&old), s(&new)]);
    let plain = String::from_utf8_lossy(&plain.stdout);
    assert!(
        plain.contains("表三 一·自然人") || plain.contains("表三"),
        "named in Chinese: {plain}"
    );
    assert!(!plain.contains("t3.r1.np"), "no cell id: {plain}");
    let same = run(&["diff", s(&old), s(&old)]);
    assert!(String::from_utf8_lossy(&same.stdout).contains("两个版本内容相同"));
}

/// A final version is complete: a new draft (no 落款, no 发布日期, every cell blank) is
/// refused as final with the list of what is missing, and exported as a draft with the
/// 草稿 watermark otherwise.
#[test]
fn an_incomplete_report_is_no_final_version() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("新.ron");
    common::blank_draft(&d);
    let pdf = dir.path().join("新.pdf");
    let o = run(&[
        "export",
        "--pdf",
        s(&pdf),
        "--final",
        "--bundled-fonts",
        s(&d),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("缺少") && err.contains("发布日期"), "{err}");
    assert!(err.contains("个空白单元格"), "{err}");
    assert!(!pdf.exists(), "nothing written");
    let o = run(&["export", "--pdf", s(&pdf), "--bundled-fonts", s(&d)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("每页已加“草稿”水印"), "{}", stderr(&o));
    let squeezed: String = pdftotext(&pdf)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(squeezed.contains("草稿"), "{squeezed}");
}

/// A date that is no date, saved as typed by the editor: the draft opens (nothing lost),
/// `check` says what is wrong with it, and the final export is refused.
#[test]
fn an_impossible_publication_date_is_kept_reported_and_blocks_the_final_version() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("日期.ron");
    common::blank_draft(&d);
    let text = std::fs::read_to_string(&d).unwrap();
    let text = text.replacen("published: None", "published: Some(\"2023-13-40\")", 1);
    assert!(
        text.contains("2023-13-40"),
        "the draft has a published field"
    );
    std::fs::write(&d, text).unwrap();
    let o = run(&["check", s(&d)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("发布日期“2023-13-40”无效：月份 13 不存在"),
        "{out}"
    );
    let pdf = dir.path().join("日期.pdf");
    let o = run(&[
        "export",
        "--pdf",
        s(&pdf),
        "--final",
        "--bundled-fonts",
        s(&d),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("发布日期“2023-13-40”无效"),
        "{}",
        stderr(&o)
    );
    assert!(!pdf.exists());
    // Kept as typed through a round trip of the draft.
    let again = nianbao::draft::load_draft(&d).unwrap();
    assert_eq!(
        again.report.meta.refused.published.as_deref(),
        Some("2023-13-40")
    );
}

/// 退回意见 of a published report: what the import could not read (a row with a number too
/// few, and the blanks and sums that rest on it) is listed apart for the reviewer, never as
/// the unit's problem; a label printed differently is the unit's. The reviewer may leave
/// rules and that part out.
#[test]
fn the_return_letter_blames_the_unit_only_for_its_own_problems() {
    let dir = tempfile::tempdir().unwrap();
    let letter = dir.path().join("退回意见.txt");
    let src = fixture("000_");
    let export = |extra: &[&str]| {
        let mut args = vec!["export", "--return-notes", s(&letter)];
        args.extend_from_slice(extra);
        args.push(s(&src));
        let o = run(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        std::fs::read_to_string(&letter).unwrap()
    };
    let heading = nianbao::export::return_notes::UNREAD_HEADING;
    let text = export(&[]);
    let (unit, unread) = text.split_once(heading).expect("the reviewer's part");
    // The rules by name (a unit cannot decode S9 or H15).
    let (s9, s7, h15, h19) = (
        "表三某行数字个数不对",
        "空白单元格",
        "标签与模板不一致",
        "机关名称不是全称",
    );
    assert!(
        !unit.contains(s9) && !unit.contains("导入时未能可靠读取") && !unit.contains(s7),
        "{unit}"
    );
    // The row read short is said once, as the import's (S9); its cells' blanks are not
    // said again as S7.
    assert!(unread.contains(s9) && !unread.contains(s7), "{unread}");
    assert!(unit.contains(h15) && unit.contains(h19), "{unit}");
    assert!(!text.contains("t3."), "no cell id: {text}");
    assert!(
        !unit.contains("H15") && !unit.contains("[警告]"),
        "no codes: {unit}"
    );

    let text = export(&["--without-unread", "--leave-out", "H19"]);
    assert!(!text.contains(heading), "{text}");
    assert!(!text.contains(h19) && text.contains(h15), "{text}");
    let o = run(&[
        "export",
        "--return-notes",
        s(&letter),
        "--leave-out",
        "X99",
        s(&src),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("未知的规则编号“X99”"), "{}", stderr(&o));
}

#[test]
fn the_rules_are_explained_one_by_one_and_as_the_readme_s_table() {
    let o = run(&["rules", "h5"]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.starts_with("H5（警告）\n查什么："), "{text}");
    assert!(text.contains("依据：") && text.contains("例子："), "{text}");
    let o = run(&["rules", "X9"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("没有规则“X9”"));
    let o = run(&["rules", "--markdown"]);
    let table = String::from_utf8_lossy(&o.stdout);
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(readme.contains(table.trim_end()), "{table}");
    assert_eq!(table.lines().count(), 2 + 40);
}
