//! The rendering corpus: every fixture and generated reports, rendered every way a reviewer
//! meets a published report, read back by the importer. Per rendering, over the corpus: no
//! cell misread without an uncertain mark, no 错误 that the report itself does not have,
//! and at least 99 % of the cells right where the rendering carries them (the exceptions,
//! with their reasons, are in `corpus::renderings`).
//!
//! Renderings made here: our text, Word's "save as text" (blank cells empty between tabs),
//! run-together text (a web page's `textContent`), markdown (small tables per group, a
//! label split over two table lines), our PDF, and `pdftotext` of our PDF in its three modes
//! (poppler is installed by the README's test command). PDFs made by LibreOffice, which a
//! clean machine lacks, were made once by `scripts/make_corpus.sh` and are committed in
//! `tests/data/corpus/`.

use crate::corpus;

use std::path::{Path, PathBuf};

use corpus::*;
use nianbao::finding::Finding;
use nianbao::import::{Provenance, import_bytes};
use nianbao::template::{ALL_CELLS, TEMPLATE};

#[test]
fn our_text() {
    check_rendering("text");
}

#[test]
fn word_save_as_text() {
    check_rendering("word-text");
}

#[test]
fn markdown_conversion() {
    check_rendering("markdown");
}

#[test]
fn web_page() {
    check_rendering("html");
}

#[test]
fn run_together_text() {
    check_rendering("run-together");
}

#[test]
fn a_crawled_page_with_a_line_per_cell_is_read() {
    check_rendering("crawled");
}

#[test]
fn tab_separated_rows_with_the_label_on_the_line_are_read() {
    check_rendering("tab-rows");
}

#[test]
fn an_ocr_table_with_its_column_numbers_joined_to_a_row_is_read() {
    check_rendering("ocr-table");
}

#[test]
fn our_pdf() {
    check_rendering("pdf");
}

/// WPS 文字's PDFs, read by their drawn grid: at least 99 % of cells (the rendering's bar),
/// every number read from its table cell and said so, bold headings counted once.
#[test]
fn wps_pdf_read_by_its_grid() {
    check_rendering("wps-pdf");
    for (id, r) in corpus() {
        for repeat_header in [true, false] {
            let style = wps::WpsStyle {
                repeat_header,
                one_other_row: false,
                ocr_layer: false,
            };
            let got = import_bytes(Path::new("r.pdf"), &wps::wps_pdf(&r, style)).unwrap();
            let (want, _) = reference(&r);
            let cells = (0..ALL_CELLS)
                .filter(|&i| got.report.cell(i) == want.cell(i))
                .count();
            assert_eq!(cells, ALL_CELLS, "{id} (header repeated: {repeat_header})");
            let grid = got
                .provenance
                .values()
                .filter(|p| **p == Provenance::Grid)
                .count();
            assert!(
                grid >= 200,
                "{id}: {grid} cells said to be read from the grid"
            );
            // Bold text counted once: no doubled heading, no label variant from doubling.
            assert!(
                got.findings
                    .iter()
                    .all(|f| f.rule != nianbao::finding::Rule::H15),
                "{id}: {:?}",
                got.findings
            );
            assert_eq!(got.report.meta.organ, want.meta.organ, "{id}");
        }
    }
}

/// The invisible text layer of a scanned-and-OCR'd page (text render mode 3) is text: read
/// like the visible one; the diagonal watermark on every page is not.
#[test]
fn wps_pdf_as_an_ocr_layer_reads_the_same() {
    for (id, r) in corpus().into_iter().take(3) {
        let style = wps::WpsStyle {
            repeat_header: true,
            one_other_row: false,
            ocr_layer: true,
        };
        let got = import_bytes(Path::new("r.pdf"), &wps::wps_pdf(&r, style)).unwrap();
        let (want, _) = reference(&r);
        let wrong: Vec<&str> = (0..ALL_CELLS)
            .filter(|&i| got.report.cell(i) != want.cell(i))
            .map(|i| TEMPLATE.cells[i].id.as_str())
            .collect();
        assert!(wrong.is_empty(), "{id}: {wrong:?}");
        assert_eq!(got.report.meta.organ, want.meta.organ, "{id}");
        let all_text: String = nianbao::template::TEXTS
            .iter()
            .map(|t| got.report.text(t.id).unwrap_or(""))
            .collect();
        assert!(
            !all_text.contains("内部资料"),
            "{id}: the watermark is no text"
        );
    }
}

/// A 2021 report whose template prints （六）其他处理 as one row: its seven numbers are read
/// into the one-row cells and summed, and that is what is said (no 2019-format error).
#[test]
fn wps_pdf_with_one_other_row() {
    use nianbao::finding::{Rule, Severity};
    use nianbao::model::Format;
    use nianbao::template::{T3_COLUMNS, T3_OTHER_HANDLING, T3_ROWS, t3, t3_r3_6_2019};
    let r = generated(7919 * 3);
    let style = wps::WpsStyle {
        repeat_header: false,
        one_other_row: true,
        ocr_layer: false,
    };
    let got = import_bytes(Path::new("r.pdf"), &wps::wps_pdf(&r, style)).unwrap();
    assert_eq!(got.report.format, Format::V2021OneOtherRow);
    for c in 0..T3_COLUMNS.len() {
        let sum: u64 = (0..T3_ROWS.len())
            .filter(|&row| T3_ROWS[row].group == Some(T3_OTHER_HANDLING))
            .map(|row| r.cell(t3(row, c)).count().unwrap())
            .sum();
        assert_eq!(
            got.report.cell(t3_r3_6_2019(c)).count(),
            Some(sum),
            "column {c}"
        );
    }
    let findings = findings_of(&got);
    assert!(
        findings.iter().all(|f| f.severity != Severity::Error),
        "the sums hold with the one row: {findings:#?}"
    );
    assert!(
        findings.iter().all(|f| f.rule != Rule::H10),
        "{findings:#?}"
    );
    assert!(
        findings
            .iter()
            .any(|f| f.rule == Rule::H15
                && f.message.contains("（六）其他处理未按2021年版格式分为三项")),
        "{findings:#?}"
    );
}

#[test]
fn pdftotext_layout_and_raw_of_our_pdf() {
    check_rendering("pdftotext -layout");
    check_rendering("pdftotext -raw");
}

#[test]
fn pdftotext_default_mode_of_our_pdf() {
    check_rendering("pdftotext (default)");
}

/// PDFs other programs made of fixture 003 (scripts/make_corpus.sh): LibreOffice from the
/// Word file and the web page, Chromium printing the web page; read directly and through
/// pdftotext: every cell and no false error.
#[test]
fn pdfs_of_other_producers() {
    let (_, r003) = fixtures().into_iter().find(|(n, _)| n == "003").unwrap();
    let (want, want_findings) = reference(&r003);
    for file in ["lo-docx.pdf", "lo-html.pdf", "chromium-html.pdf"] {
        let bytes = std::fs::read(data(&format!("corpus/{file}"))).unwrap();
        let mut renderings = vec![(file.to_string(), PathBuf::from("r.pdf"), bytes.clone())];
        for mode in [None, Some("-layout"), Some("-raw")] {
            renderings.push((
                format!("{file} {}", mode.unwrap_or("")),
                PathBuf::from("r.txt"),
                pdftotext(&bytes, mode).into_bytes(),
            ));
        }
        for (name, path, bytes) in renderings {
            let got = import_bytes(&path, &bytes).expect(&name);
            let wrong: Vec<usize> = (0..ALL_CELLS)
                .filter(|&i| got.report.cell(i) != want.cell(i))
                .collect();
            let silent: Vec<&str> = wrong
                .iter()
                .filter(|i| got.provenance.get(i) != Some(&Provenance::Uncertain))
                .map(|&i| TEMPLATE.cells[i].id.as_str())
                .collect();
            assert!(
                silent.is_empty(),
                "{name}: misread without a mark: {silent:?}"
            );
            // pdftotext's default mode interleaves this producer's rows column-wise: those
            // rows are marked uncertain; every other reading is exact.
            if !name.ends_with(' ') {
                assert!(wrong.is_empty(), "{name}: {} cells wrong", wrong.len());
            }
            let extra: Vec<_> = errors(&findings_of(&got))
                .difference(&errors(&want_findings))
                .cloned()
                .collect();
            assert!(extra.is_empty(), "{name}: {extra:?}");
        }
    }
}

/// `check report.pdf` on our own PDF of each fixture: the same cells and the same findings
/// (rule, severity, places) as the report it was made from, read from our text.
#[test]
fn our_pdf_gives_the_same_findings_as_our_text() {
    let key = |f: &Finding| {
        (
            f.rule.id().to_string(),
            f.severity,
            f.places
                .iter()
                .map(|p| p.id().to_string())
                .collect::<Vec<_>>(),
        )
    };
    for (id, r) in fixtures() {
        let (want, want_findings) = reference(&r);
        let got = import_bytes(Path::new("r.pdf"), &pdf_of(&r)).expect("pdf imports");
        for i in 0..ALL_CELLS {
            assert_eq!(
                got.report.cell(i),
                want.cell(i),
                "{id} {}",
                TEMPLATE.cells[i].id
            );
        }
        let mut a: Vec<_> = findings_of(&got).iter().map(key).collect();
        let mut b: Vec<_> = want_findings.iter().map(key).collect();
        a.sort();
        b.sort();
        assert_eq!(a, b, "{id}");
    }
}

/// A crawled row whose digits break the row's sum however they are read (`（七）总计
/// 30000012`: 3,0,0,0,0,0,12 or 30,0,0,0,0,1,2) is the report's own 错误, with the readings
/// named; the cells take the reading the column identities support (3 … 12).
#[test]
fn a_run_together_row_no_reading_adds_up_is_the_report_s_error() {
    use nianbao::model::{CellValue, OrganKind, Report};
    use nianbao::template::{CellKind, T3_R3_7, t3};
    let mut r = Report::new("某某市某某区人民政府办公室", OrganKind::Government, 2024);
    for i in 0..TEMPLATE.cells.len() {
        if r.cell(i).is_blank() && TEMPLATE.cells[i].kind == CellKind::Count {
            r.set_cell(i, CellValue::Count(0));
        }
    }
    for row in [0, 2, T3_R3_7] {
        r.set_cell(t3(row, 0), CellValue::Count(3));
        r.set_cell(t3(row, 6), CellValue::Count(3));
    }
    let text = corpus::run_together(&r);
    let needle = "（七）总计3000003";
    assert!(text.contains(needle), "{text}");
    let text = text.replace(needle, "（七）总计30000012");
    let imported = nianbao::import::import_text(text.as_bytes()).expect("imports");
    let findings = corpus::findings_of(&imported);
    assert!(
        findings
            .iter()
            .any(|f| f.severity == nianbao::finding::Severity::Error
                && f.rule.id() == "S1"
                && f.message.contains("（七）总计")),
        "the report's S1 error on （七）总计: {findings:#?}"
    );
    assert!(
        findings
            .iter()
            .any(|f| f.message.contains("3、0、0、0、0、0、12")
                && f.message.contains("30、0、0、0、0、1、2")
                && f.message.contains("每种读法都不满足 S1")),
        "both readings named: {findings:#?}"
    );
    assert_eq!(imported.report.cell(t3(T3_R3_7, 0)), &CellValue::Count(3));
    assert_eq!(imported.report.cell(t3(T3_R3_7, 6)), &CellValue::Count(12));
}

/// A crawled page's tables do not leak into the sections' text: the header cells wrapped
/// over lines (`行政` / `复议`) are joined, so each table is found where it starts, even where
/// the section's heading was cut off.
#[test]
fn a_crawled_page_keeps_its_tables_out_of_the_text() {
    use nianbao::template::{SECTIONS, TextId};
    for (id, r) in corpus() {
        let (want, _) = reference(&r);
        let page = crawled(&r);
        let without_heading = page.replacen(&format!("{}\n", SECTIONS[3].heading), "", 1);
        let got = nianbao::import::import_text(page.as_bytes()).expect("imports");
        for t in [TextId::S2, TextId::S3, TextId::S4] {
            assert_eq!(
                got.report.text(t).map(str::trim),
                want.text(t).map(str::trim),
                "{id} {t:?}"
            );
        }
        // Without section 四's heading, 表四 is found where it starts: no header cells or
        // numbers of it in the texts around it.
        let got = nianbao::import::import_text(without_heading.as_bytes()).expect("imports");
        for t in [TextId::S3, TextId::S4] {
            let text = got.report.text(t).unwrap_or_default();
            assert!(
                !text.contains("结果维持") && !text.contains("尚未审结"),
                "{id} {t:?}: {text}"
            );
        }
        assert_eq!(
            got.report.text(TextId::S2).map(str::trim),
            want.text(TextId::S2).map(str::trim),
            "{id}"
        );
    }
}
