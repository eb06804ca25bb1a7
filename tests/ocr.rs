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
    let want = nianbao::draft::load_draft(draft).unwrap();
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
