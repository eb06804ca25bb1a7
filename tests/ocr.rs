//! Scanned reports read offline: scans made here from our own PDF exports of the fixtures
//! (`common::scan`), imported by OCR, every table cell compared with the fixture. The model
//! package (`scripts/ocr_models.sh`, which the README's test command runs) must be there;
//! without it the tests say they skipped.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::common::run_with;
use crate::common::scan::{ScanOptions, scan_of};
use nianbao::template::TEMPLATE;

/// The model package: `NIANBAO_OCR_MODELS`, else `target/ocr-models` of this checkout.
fn models() -> Option<PathBuf> {
    let dir = std::env::var_os("NIANBAO_OCR_MODELS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/ocr-models"));
    if dir.join("rec.onnx").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: no OCR model package at {} (bash scripts/ocr_models.sh)",
            dir.display()
        );
        None
    }
}

fn nianbao(args: &[&str], models: &Path) -> std::process::Output {
    run_with(
        args,
        &[("NIANBAO_OCR_MODELS", models.as_os_str())],
        Duration::from_secs(600),
    )
}

fn fixture(prefix: &str) -> PathBuf {
    std::fs::read_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/published"))
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap()
        .path()
}

/// The fixture as a draft and as our PDF of it.
fn draft_and_pdf(dir: &Path, prefix: &str, models: &Path) -> (PathBuf, Vec<u8>) {
    let draft = dir.join(format!("{prefix}.ron"));
    let pdf = dir.join(format!("{prefix}.pdf"));
    let o = nianbao(
        &[
            "import",
            fixture(prefix).to_str().unwrap(),
            "-o",
            draft.to_str().unwrap(),
        ],
        models,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = nianbao(
        &[
            "export",
            "--pdf",
            pdf.to_str().unwrap(),
            draft.to_str().unwrap(),
            "--date",
            "2026-01-20",
            "--bundled-fonts",
        ],
        models,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    (draft, std::fs::read(pdf).unwrap())
}

/// Imports the scan and compares every table cell with the draft's: (right, all, the
/// cells read wrong as `id: read ≠ fixture`).
fn compare(dir: &Path, draft: &Path, scan: &[u8], models: &Path) -> (usize, usize, Vec<String>) {
    let scan_path = dir.join("scan.pdf");
    std::fs::write(&scan_path, scan).unwrap();
    // To look at a scan: NIANBAO_OCR_KEEP=folder keeps a copy of each.
    if let Some(keep) = std::env::var_os("NIANBAO_OCR_KEEP") {
        let name = format!("scan-{}.pdf", std::process::id() ^ scan.len() as u32);
        let _ = std::fs::copy(&scan_path, PathBuf::from(keep).join(name));
    }
    let read = dir.join("scan.ron");
    let o = nianbao(
        &[
            "import",
            scan_path.to_str().unwrap(),
            "-o",
            read.to_str().unwrap(),
        ],
        models,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // What the page prints is what a scan of it can give: the reference is our PDF (before
    // it was scanned) read by its text layer, which reads every cell as printed.
    let printed = dir.join("printed.ron");
    let o = nianbao(
        &[
            "import",
            draft.with_extension("pdf").to_str().unwrap(),
            "-o",
            printed.to_str().unwrap(),
        ],
        models,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let want = nianbao::draft::load_draft(&printed).unwrap();
    let got = nianbao::draft::load_draft(&read).unwrap();
    let mut wrong = Vec::new();
    for (i, cell) in TEMPLATE.cells.iter().enumerate() {
        let (w, g) = (want.report.cell(i), got.report.cell(i));
        if w != g {
            wrong.push(format!("{}: {} ≠ {}", cell.id, g.display(), w.display()));
        }
    }
    let all = TEMPLATE.cells.len();
    (all - wrong.len(), all, wrong)
}

#[test]
fn a_clean_scan_of_fixture_003_is_read_cell_for_cell() {
    let Some(models) = models() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (draft, pdf) = draft_and_pdf(dir.path(), "003", &models);
    let scan = scan_of(&pdf, &ScanOptions::default());
    let (right, all, wrong) = compare(dir.path(), &draft, &scan, &models);
    eprintln!("003 clean: {right}/{all}\n{}", wrong.join("\n"));
    assert!(
        right * 100 >= all * 99,
        "{right}/{all}:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_stamped_turned_noisy_scan_of_fixture_003_is_read() {
    let Some(models) = models() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (draft, pdf) = draft_and_pdf(dir.path(), "003", &models);
    let options = ScanOptions {
        dpi: 150.0,
        degrees: 1.0,
        blur: true,
        noise: 12,
        seal: true,
        seed: 7,
    };
    let scan = scan_of(&pdf, &options);
    let (right, all, wrong) = compare(dir.path(), &draft, &scan, &models);
    eprintln!("003 stamped: {right}/{all}\n{}", wrong.join("\n"));
    assert!(
        right * 100 >= all * 99,
        "{right}/{all}:\n{}",
        wrong.join("\n")
    );
}

/// The 错误 of `nianbao check --json` of a file: (rule, cells) each.
fn errors_of(file: &Path, models: &Path) -> Vec<(String, String)> {
    let o = nianbao(&["check", "--json", file.to_str().unwrap()], models);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| (f["rule"].to_string(), f["cells"].to_string()))
        .collect()
}

/// Every corpus report scanned with a seal over its tables, turned a degree, blurred and
/// noisy at 150 dpi: at least 99 % of the table cells right, and no 错误 the report itself
/// does not have (a finding on an unconfirmed cell is an import warning).
#[test]
fn stamped_scans_of_every_corpus_report_are_read() {
    let Some(models) = models() else { return };
    let (mut right, mut all, mut wrongs) = (0, 0, 0);
    let mut report = String::new();
    // NIANBAO_OCR_ONLY=002 reads one of them (to look into it).
    let only = std::env::var("NIANBAO_OCR_ONLY").ok();
    for (k, prefix) in ["000", "001", "002", "003", "004"].into_iter().enumerate() {
        if only.as_deref().is_some_and(|o| o != prefix) {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let (draft, pdf) = draft_and_pdf(dir.path(), prefix, &models);
        let options = ScanOptions {
            dpi: 150.0,
            degrees: if k % 2 == 0 { 1.0 } else { -0.7 },
            blur: true,
            noise: 12,
            seal: true,
            seed: k as u64 + 1,
        };
        let scan = scan_of(&pdf, &options);
        let (r, a, wrong) = compare(dir.path(), &draft, &scan, &models);
        right += r;
        all += a;
        report.push_str(&format!("{prefix}: {r}/{a} {}\n", wrong.join("; ")));
        let scanned = errors_of(&dir.path().join("scan.pdf"), &models);
        let own = errors_of(&draft.with_extension("pdf"), &models);
        let false_errors: Vec<_> = scanned.iter().filter(|e| !own.contains(e)).collect();
        if !false_errors.is_empty() {
            report.push_str(&format!("{prefix}: false 错误 {false_errors:?}\n"));
            wrongs += 1;
        }
    }
    eprintln!("stamped scans: {right}/{all}\n{report}");
    assert_eq!(wrongs, 0, "{report}");
    assert!(right * 100 >= all * 99, "{right}/{all}\n{report}");
}

/// For the Windows test (`scripts/test_windows.sh`, which runs it by name): a stamped scan of
/// fixture 003, turned a degree, as `scan.pdf`, and our PDF it was made from as `printed.pdf`,
/// written to the folder `NIANBAO_SCAN_OUT` names.
#[test]
#[ignore = "makes the scan scripts/test_windows.sh reads"]
fn a_scan_for_the_windows_test() {
    let out = PathBuf::from(
        std::env::var_os("NIANBAO_SCAN_OUT").expect("NIANBAO_SCAN_OUT names the folder"),
    );
    let dir = tempfile::tempdir().unwrap();
    // Our PDF of a text is made without the models.
    let (_, pdf) = draft_and_pdf(dir.path(), "003", dir.path());
    let options = ScanOptions {
        dpi: 150.0,
        degrees: 1.0,
        seal: true,
        noise: 8,
        seed: 5,
        ..ScanOptions::default()
    };
    std::fs::write(out.join("scan.pdf"), scan_of(&pdf, &options)).unwrap();
    std::fs::write(out.join("printed.pdf"), pdf).unwrap();
}

/// What the editor exports as PDF of the document it has open (the scripted save dialog
/// answers `path`; a report with errors is exported with the 草稿 watermark, as asked).
#[cfg(feature = "gui")]
fn exported_from_editor(f: &mut crate::common::editor::Fixture, path: &Path) -> Vec<u8> {
    use egui_kittest::kittest::Queryable;
    f.dialogs
        .push(nianbao::gui::Picked::Path(path.to_path_buf()));
    f.harness
        .state_mut()
        .push(nianbao::gui::FileCommand::ExportPdf);
    f.harness.run();
    if f.harness
        .query_by_label("仍然导出（加“草稿”水印）")
        .is_some()
    {
        f.harness.get_by_label("仍然导出（加“草稿”水印）").click();
        f.harness.run();
    }
    std::fs::read(path).expect("the PDF was written")
}

/// A report opened in the editor (in the background, as a PDF is), with the bundled fonts.
#[cfg(feature = "gui")]
fn opened_in_editor(file: &Path) -> crate::common::editor::Fixture {
    let mut f = crate::common::editor::fixture_with(|app| {
        app.printing.fonts = Some(nianbao::export::pdf::FontSet::bundled());
    });
    f.harness.state_mut().push(nianbao::gui::FileCommand::Run(
        nianbao::gui::Action::OpenPath(file.to_path_buf()),
    ));
    f.harness.step();
    f.settle_opening(600);
    f
}

/// A stamped scan imported in the editor opens the review beside the form; the reviewer
/// takes its cells one by one (the cell as seen above the value read): Enter where they
/// agree with the paper, the right number typed where not. Then nothing is unconfirmed,
/// and the PDF exported is the PDF of the same report imported from its text (our PDF
/// before it was scanned), byte for byte.
#[cfg(feature = "gui")]
#[test]
fn a_scan_confirmed_in_the_editor_exports_the_pdf_of_the_text_born_draft() {
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable;
    let Some(models) = models() else { return };
    nianbao::ocr::look_first_in(models.clone());
    let dir = tempfile::tempdir().unwrap();
    let (draft, pdf) = draft_and_pdf(dir.path(), "003", &models);
    let printed = draft.with_extension("pdf");
    let options = ScanOptions {
        seal: true,
        seed: 11,
        ..ScanOptions::default()
    };
    let scan = dir.path().join("scan.pdf");
    std::fs::write(&scan, scan_of(&pdf, &options)).unwrap();

    // The text-born draft: our PDF opened in the editor, read by its text layer.
    let mut text_born = opened_in_editor(&printed);
    let truth = text_born.app().doc.draft.report.clone();
    let want = exported_from_editor(&mut text_born, &dir.path().join("text.pdf"));

    let mut f = opened_in_editor(&scan);
    let (read, unconfirmed) = f.app().doc.draft.scan_counts();
    assert!(read >= 200 && unconfirmed == read, "{read} {unconfirmed}");
    assert!(f.app().scan.is_some(), "the review opens by itself");
    assert!(f.harness.query_by_label("原件中的单元格：").is_some());
    let mut corrected = 0;
    for _ in 0..3 * read {
        let Some(cell) = f.app().scan.as_ref().and_then(|r| r.cell) else {
            break;
        };
        let right = truth.cell(cell).display();
        if f.harness.get_by_label("识别结果").value().as_deref() != Some(right.as_str()) {
            corrected += 1;
            f.harness.get_by_label("识别结果").focus();
            f.harness.run();
            f.key(Modifiers::COMMAND, Key::A);
            f.harness.get_by_label("识别结果").type_text(&right);
            f.harness.run();
        }
        f.key(Modifiers::NONE, Key::Enter);
    }
    assert_eq!(f.app().doc.draft.scan_counts().1, 0, "every cell confirmed");
    eprintln!("{read} cells confirmed, {corrected} corrected");
    // Then the narrative, text by text beside the page it was read from: a text read as
    // printed is confirmed; one read differently is put right in the form (as a reviewer
    // types it), which checks it, and the review goes on.
    let texts = f.app().doc.draft.unconfirmed_texts().len();
    assert!(
        texts >= 5,
        "the narrative is marked as read by OCR: {texts}"
    );
    let (mut located, mut differ) = (0, Vec::new());
    for _ in 0..2 * texts {
        let Some(t) = f.app().scan.as_ref().and_then(|r| r.text) else {
            break;
        };
        let read = f
            .app()
            .doc
            .draft
            .report
            .text(t)
            .unwrap_or_default()
            .to_string();
        if f.app().doc.scanned.where_text_begins(&read).is_some() {
            located += 1;
        }
        if truth.text(t) != Some(read.as_str()) {
            differ.push(t.spec().name);
            let right = truth.text(t).unwrap_or_default().to_string();
            f.harness.state_mut().doc.draft.report.set_text(t, right);
            f.harness.run();
            f.click("已修改，下一段");
        } else {
            f.click("与原件相符，确认此段");
        }
    }
    eprintln!("{texts} texts, {located} found on their page, read differently: {differ:?}");
    assert!(f.app().doc.draft.unconfirmed_texts().is_empty());
    assert!(
        located * 10 >= texts * 9,
        "{located}/{texts} texts found on the scan"
    );
    assert!(
        f.harness
            .query_by_label("扫描件识别的单元格和正文已全部核对。")
            .is_some()
    );
    // What is no text of a section (the title's organ, read from the scan) put right too.
    for t in nianbao::template::TEXTS {
        if f.app().doc.draft.report.text(t.id) != truth.text(t.id) {
            eprintln!("not reviewed: {}", t.name);
            let text = truth.text(t.id).unwrap_or_default().to_string();
            f.harness.state_mut().doc.draft.report.set_text(t.id, text);
        }
    }
    f.harness.state_mut().doc.draft.report.meta = truth.meta.clone();
    f.harness.run();
    assert_eq!(f.app().doc.draft.report, truth);
    let got = exported_from_editor(&mut f, &dir.path().join("confirmed.pdf"));
    assert!(got == want, "the confirmed scan exports another PDF");
}
