//! The import corpus, shared by `tests/import_corpus.rs` and `examples/import_table.rs`:
//! every fixture and generated reports, the ways a reviewer meets them (renderings), and
//! the measure of a rendering (cells right, cells misread without a mark, false errors).
#![allow(dead_code)]

pub mod wps;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao::analysis::{Context, analyze};
use nianbao::check::fill_totals;
use nianbao::document::draft_of_import;
use nianbao::export::pdf::{PdfOptions, export_pdf};
use nianbao::export::text::export_text;
use nianbao::finding::{Finding, Severity};
use nianbao::import::{Imported, Provenance, import_bytes, import_text};
use nianbao::model::{CellValue, Date, OrganKind, Report, WanAmount};
use nianbao::template::{
    ALL_CELLS, T2_FEES, T3_COLUMNS, T3_R3_7, T3_ROWS, T3Role, T4_COLUMNS, T4_GROUPS, TEMPLATE,
    TextId, t3, t4,
};

pub fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel)
}

/// The fixtures as reports (imported from their published text).
pub fn fixtures() -> Vec<(String, Report)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data("published"))
        .expect("tests/data/published")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy()[..3].to_string();
            let imported = import_text(&std::fs::read(p).unwrap()).expect("fixture imports");
            (name, imported.report)
        })
        .collect()
}

/// A small deterministic generator (no dependency): reports whose tables add up, with
/// numbers of every size, so run-together digits must be split by the arithmetic.
pub struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn count(&mut self) -> u64 {
        match self.next() % 20 {
            0..=11 => 0,
            12..=16 => self.next() % 10,
            17..=18 => self.next() % 100,
            _ => self.next() % 1000,
        }
    }
}

pub fn generated(seed: u64) -> Report {
    let mut g = Lcg(seed);
    let mut r = Report::new("某某市某某区人民政府办公室", OrganKind::Government, 2024);
    for (i, spec) in TEMPLATE.cells.iter().enumerate().take(T2_FEES) {
        let _ = spec;
        r.set_cell(i, CellValue::Count(g.count()));
    }
    r.set_cell(
        T2_FEES,
        CellValue::Amount(WanAmount {
            digits: g.next() % 100_000,
            scale: (g.next() % 5) as u8,
        }),
    );
    for c in 0..T3_COLUMNS.len() - 1 {
        let mut handled = 0;
        for (row, spec) in T3_ROWS.iter().enumerate() {
            if spec.role == T3Role::Outcome {
                let v = g.count();
                handled += v;
                r.set_cell(t3(row, c), CellValue::Count(v));
            }
        }
        let forward = g.count();
        let carried = g.next() % (handled + forward + 1);
        r.set_cell(t3(T3_R3_7, c), CellValue::Count(handled));
        r.set_cell(t3(24, c), CellValue::Count(forward));
        r.set_cell(t3(1, c), CellValue::Count(carried));
        r.set_cell(t3(0, c), CellValue::Count(handled + forward - carried));
    }
    for grp in 0..T4_GROUPS.len() {
        for c in 0..T4_COLUMNS.len() - 1 {
            r.set_cell(t4(grp, c), CellValue::Count(g.count() % 30));
        }
    }
    fill_totals(&mut r);
    r.set_text(TextId::S1, "本年度，我办认真贯彻落实《条例》。");
    r.set_text(TextId::S6, "本年度未收取信息处理费。");
    r.meta.published = Date::new(2025, 1, 20);
    r.meta.signature = "某某市某某区人民政府办公室".into();
    r
}

pub fn corpus() -> Vec<(String, Report)> {
    let mut out = fixtures();
    for seed in 1..=4 {
        out.push((format!("gen{seed}"), generated(seed * 7919)));
    }
    out
}

/// Word's "save as text": blank cells are empty strings between two tabs.
pub fn word_text(r: &Report) -> String {
    export_text(r)
        .lines()
        .map(|l| {
            l.split('\t')
                .map(|c| if c == "—" { "" } else { c })
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The cells of one table line of our text, as a page shows them: merged cells (empty in
/// our text) are not cells of their own, and a blank cell (`—`) is an empty one.
fn page_cells(line: &str) -> Vec<&str> {
    line.split('\t')
        .filter(|c| !c.is_empty())
        .map(|c| if c == "—" { "" } else { c })
        .collect()
}

/// A header label wrapped in its narrow cell, as a crawled page keeps it (`商业\n企业`).
fn wrapped(cell: &str) -> String {
    let chars: Vec<char> = cell.chars().collect();
    if chars.len() == 4 && !cell.chars().any(|c| c.is_ascii_digit()) {
        format!(
            "{}\n{}",
            chars[..2].iter().collect::<String>(),
            chars[2..].iter().collect::<String>()
        )
    } else {
        cell.to_string()
    }
}

/// A crawled page: every table cell on its own line (a blank cell an empty line), one to
/// three blank lines between cells (as many as the page's markup left), the header's
/// four-character labels wrapped.
pub fn crawled(r: &Report) -> String {
    let gap = "\n".repeat(2 + (r.cell(t3(0, 0)).count().unwrap_or(0) % 3) as usize);
    let mut out = String::new();
    for line in export_text(r).lines() {
        if line.contains('\t') {
            let cells: Vec<String> = page_cells(line).into_iter().map(wrapped).collect();
            out.push_str(&cells.join(&gap));
            out.push_str(&gap);
        } else {
            out.push_str(line);
            out.push_str("\n\n");
        }
    }
    out
}

/// Tab-separated rows as a spreadsheet or a browser's copy gives them: the label and its
/// values on one line, a blank cell empty between two tabs, no merged cells.
pub fn tab_rows(r: &Report) -> String {
    export_text(r)
        .lines()
        .map(|l| {
            if l.contains('\t') {
                page_cells(l).join("\t")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An OCR'd table: cells separated by spaces (a blank cell leaves nothing), and the row of
/// column numbers above each table's first data row (`1 2 3 4 5 6 7`) joined to it.
pub fn ocr_table(r: &Report) -> String {
    let mut out = String::new();
    let mut numbered = false;
    for line in export_text(r).lines() {
        if !line.contains('\t') {
            numbered = false;
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let cells: Vec<&str> = page_cells(line)
            .into_iter()
            .filter(|c| !c.is_empty())
            .collect();
        let values = cells
            .iter()
            .filter(|c| c.chars().all(|ch| ch.is_ascii_digit() || ch == '.'))
            .count();
        let mut parts: Vec<String> = Vec::new();
        if values >= 7 && !numbered {
            numbered = true;
            let label_cells = cells.len() - values;
            parts.extend(cells[..label_cells].iter().map(|c| c.to_string()));
            parts.extend((1..=values).map(|n| n.to_string()));
            parts.extend(cells[label_cells..].iter().map(|c| c.to_string()));
        } else {
            parts.extend(cells.iter().map(|c| c.to_string()));
        }
        out.push_str(&parts.join(" "));
        out.push('\n');
    }
    out
}

/// A web page's `textContent`: every separator gone, the whole report on one line.
pub fn run_together(r: &Report) -> String {
    export_text(r)
        .split(['\n', '\t'])
        .filter(|c| *c != "—")
        .collect::<String>()
}

/// A markdown conversion of a PDF: `#` headings, each 表三 group a small table of its own
/// with its header repeated, and the long （二） label split over two table lines.
pub fn markdown(r: &Report) -> String {
    let mut out = String::new();
    let mut in_table = false;
    for line in export_text(r).lines() {
        let cells: Vec<&str> = line.split('\t').filter(|c| !c.is_empty()).collect();
        if cells.len() > 1 {
            let label = cells[0];
            if label.starts_with("（三）")
                || label.starts_with("（四）")
                || label.starts_with("（五）")
                || label.starts_with("（六）")
            {
                out.push('\n');
                in_table = false;
            }
            let row = |cells: &[&str]| format!("| {} |\n", cells.join(" | "));
            if let Some(rest) = label.strip_prefix("（二）部分公开（区分处理的，") {
                out.push_str(&row(&["（二）部分公开（区分处理的，"]));
                let mut second = vec![rest];
                second.extend(&cells[1..]);
                out.push_str(&row(&second));
            } else {
                out.push_str(&row(&cells));
            }
            if !in_table {
                out.push_str("|---|---|\n");
                in_table = true;
            }
        } else {
            in_table = false;
            let t = line.trim();
            if nianbao::template::SECTIONS.iter().any(|s| s.heading == t) {
                out.push_str(&format!("## {t}\n"));
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// A web page: paragraphs, and each table a `<table>` of rows (blank cells empty), as a
/// content system's editor keeps a pasted report.
pub fn html_page(r: &Report) -> String {
    let esc = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut out = String::from(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"></head><body>\n",
    );
    let mut in_table = false;
    for line in export_text(r).lines() {
        if line.contains('\t') {
            if !in_table {
                out.push_str("<table border=\"1\">\n");
                in_table = true;
            }
            out.push_str("<tr>");
            for cell in line.split('\t') {
                let cell = if cell == "—" { "" } else { cell };
                out.push_str(&format!("<td>{}</td>", esc(cell)));
            }
            out.push_str("</tr>\n");
        } else {
            if in_table {
                out.push_str("</table>\n");
                in_table = false;
            }
            if !line.trim().is_empty() {
                out.push_str(&format!("<p>{}</p>\n", esc(line)));
            }
        }
    }
    if in_table {
        out.push_str("</table>\n");
    }
    out.push_str("</body></html>\n");
    out
}

/// The PDF as published: final, without the 草稿 watermark (text tools read a diagonal
/// watermark into the lines of the page).
pub fn published_pdf_of(r: &Report) -> Vec<u8> {
    export_pdf(r, &PdfOptions::new(Date::new(2026, 1, 20).unwrap()))
        .expect("pdf")
        .bytes
}

pub fn pdf_of(r: &Report) -> Vec<u8> {
    let mut options = PdfOptions::new(Date::new(2026, 1, 20).unwrap());
    // As `export --pdf` does: the 草稿 watermark while errors remain.
    options.draft_watermark = nianbao::check::check(r)
        .iter()
        .any(|f| f.severity == Severity::Error);
    export_pdf(r, &options).expect("pdf").bytes
}

pub fn pdftotext(pdf: &[u8], mode: Option<&str>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut cmd = Command::new("pdftotext");
    if let Some(m) = mode {
        cmd.arg(m);
    }
    let out = cmd
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, installed by scripts/test.sh)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Errors by (rule, places): what must not appear unless the report has it.
pub fn errors(findings: &[Finding]) -> BTreeSet<(String, Vec<String>)> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| {
            (
                f.rule.id().to_string(),
                f.places.iter().map(|p| p.id().to_string()).collect(),
            )
        })
        .collect()
}

pub fn findings_of(imported: &Imported) -> Vec<Finding> {
    let draft = draft_of_import(imported.clone());
    analyze(
        &draft,
        &Context {
            import_findings: &imported.findings,
            previous: None,
            ..Context::default()
        },
    )
    .findings
}

/// The reference a rendering is held against: the report as our own text carries it.
pub fn reference(r: &Report) -> (Report, Vec<Finding>) {
    let imported = import_text(export_text(r).as_bytes()).expect("own text imports");
    let findings = findings_of(&imported);
    (imported.report, findings)
}

pub struct Tally {
    pub right: usize,
    pub total: usize,
    /// Wrong and not marked uncertain: a misreading nobody is told about.
    pub silent: Vec<String>,
    pub false_errors: Vec<String>,
    pub wrong: Vec<String>,
}

/// A way of rendering a report as a file: its name (for the importer's choice) and bytes.
pub type Render<'a> = &'a dyn Fn(&Report) -> Option<(PathBuf, Vec<u8>)>;

pub fn measure(name: &str, render: Render) -> Tally {
    let mut t = Tally {
        right: 0,
        total: 0,
        silent: Vec::new(),
        false_errors: Vec::new(),
        wrong: Vec::new(),
    };
    for (id, r) in corpus() {
        let Some((path, bytes)) = render(&r) else {
            continue;
        };
        let (want, want_findings) = reference(&r);
        if let Ok(dir) = std::env::var("NIANBAO_CORPUS_DUMP") {
            let file = format!(
                "{dir}/{}-{id}.{}",
                name.replace(' ', "_"),
                path.extension().unwrap().to_string_lossy()
            );
            std::fs::write(file, &bytes).unwrap();
        }
        let got = match import_bytes(&path, &bytes) {
            Ok(i) => i,
            Err(e) => {
                t.total += ALL_CELLS;
                t.wrong.push(format!("{id}: import failed: {e}"));
                continue;
            }
        };
        for i in 0..ALL_CELLS {
            t.total += 1;
            if got.report.cell(i) == want.cell(i) {
                t.right += 1;
                continue;
            }
            if got.provenance.get(&i) != Some(&Provenance::Uncertain) {
                t.silent.push(format!(
                    "{id} {}: {:?} ≠ {:?}",
                    TEMPLATE.cells[i].id,
                    got.report.cell(i),
                    want.cell(i)
                ));
            }
            if t.wrong.len() < 12 {
                t.wrong.push(format!(
                    "{id} {}: {:?} ≠ {:?}",
                    TEMPLATE.cells[i].id,
                    got.report.cell(i),
                    want.cell(i)
                ));
            }
        }
        let extra: Vec<_> = errors(&findings_of(&got))
            .difference(&errors(&want_findings))
            .cloned()
            .collect();
        for e in extra {
            t.false_errors.push(format!("{name} {id}: {e:?}"));
        }
    }
    t
}

/// Every rendering: no cell misread without an uncertain mark, no false 错误, and at least
/// `min_share` of the cells right.
pub fn assert_rendering(name: &str, min_share: f64, render: Render) {
    let t = measure(name, render);
    let share = t.right as f64 / t.total.max(1) as f64;
    eprintln!(
        "{name}: {}/{} cells right ({:.2} %), {} misread without a mark",
        t.right,
        t.total,
        share * 100.0,
        t.silent.len()
    );
    assert!(
        t.silent.is_empty(),
        "{name}: cells misread without being marked uncertain: {:#?}",
        t.silent
    );
    assert!(
        share >= min_share,
        "{name}: only {}/{} cells right; first misreadings: {:#?}",
        t.right,
        t.total,
        t.wrong
    );
    assert!(
        t.false_errors.is_empty(),
        "{name}: errors the report does not have: {:#?}",
        t.false_errors
    );
}

pub fn text_file(s: String) -> Option<(PathBuf, Vec<u8>)> {
    Some((PathBuf::from("r.txt"), s.into_bytes()))
}

/// A report as a file: its name (for the importer's choice) and its bytes.
pub type RenderFn = fn(&Report) -> Option<(PathBuf, Vec<u8>)>;

/// A way a reviewer meets a report, with the share of cells it must read right.
pub struct Rendering {
    pub name: &'static str,
    pub min_share: f64,
    pub render: RenderFn,
}

/// Every rendering of the corpus, in the order of the README's table.
pub fn renderings() -> Vec<Rendering> {
    vec![
        Rendering {
            name: "text",
            min_share: 0.99,
            render: |r| text_file(export_text(r)),
        },
        Rendering {
            name: "word-text",
            min_share: 0.99,
            render: |r| text_file(word_text(r)),
        },
        Rendering {
            name: "markdown",
            min_share: 0.99,
            render: |r| text_file(markdown(r)),
        },
        Rendering {
            name: "html",
            min_share: 0.99,
            render: |r| Some((PathBuf::from("r.html"), html_page(r).into_bytes())),
        },
        // Run together, a blank cell leaves no trace and 表二's rows have no sum to split
        // their digits by: those rows are marked uncertain, never guessed.
        Rendering {
            name: "run-together",
            min_share: 0.97,
            render: |r| text_file(run_together(r)),
        },
        Rendering {
            name: "crawled",
            min_share: 0.99,
            render: |r| text_file(crawled(r)),
        },
        Rendering {
            name: "tab-rows",
            min_share: 0.99,
            render: |r| text_file(tab_rows(r)),
        },
        // As with -raw, a blank cell leaves no trace in OCR'd text: rows with blank cells
        // (fixtures 000, 002) whose sums cannot place them are marked uncertain.
        Rendering {
            name: "ocr-table",
            min_share: 0.98,
            render: |r| text_file(ocr_table(r)),
        },
        Rendering {
            name: "pdf",
            min_share: 0.99,
            render: |r| Some((PathBuf::from("r.pdf"), pdf_of(r))),
        },
        // WPS 文字's PDF (one glyph per text object, bold drawn twice, ruled tables broken
        // across pages): read by its drawn grid. Half the reports repeat 表三's header on the
        // next page, half do not.
        Rendering {
            name: "wps-pdf",
            min_share: 0.99,
            render: |r| {
                let style = wps::WpsStyle {
                    repeat_header: r.cell(t3(0, 0)).count().unwrap_or(0) % 2 == 0,
                    one_other_row: false,
                    ocr_layer: false,
                };
                Some((PathBuf::from("r.pdf"), wps::wps_pdf(r, style)))
            },
        },
        Rendering {
            name: "pdftotext -layout",
            min_share: 0.99,
            render: |r| text_file(pdftotext(&published_pdf_of(r), Some("-layout"))),
        },
        // -raw separates cells by single spaces: a blank cell leaves no trace, so rows with
        // blank cells (fixtures 000, 002) are marked uncertain.
        Rendering {
            name: "pdftotext -raw",
            min_share: 0.98,
            render: |r| text_file(pdftotext(&published_pdf_of(r), Some("-raw"))),
        },
        // The default mode reads a table in blocks (the numbers of many rows, then their
        // labels): dealt back where the counts balance; where a blank cell or a wrapped label
        // breaks the count, the rows concerned are marked uncertain.
        Rendering {
            name: "pdftotext (default)",
            min_share: 0.80,
            render: |r| text_file(pdftotext(&published_pdf_of(r), None)),
        },
    ]
}

/// Measures and checks the rendering called `name`.
pub fn check_rendering(name: &str) {
    let r = renderings()
        .into_iter()
        .find(|r| r.name == name)
        .expect("a rendering of the corpus");
    assert_rendering(r.name, r.min_share, &r.render);
}
