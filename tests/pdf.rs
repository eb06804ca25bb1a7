//! PDF export checked with poppler's tools (installed by the README's test command): fonts
//! embedded as subsets with Unicode maps, every label and sentence extractable, nothing
//! outside the text block, no forbidden punctuation at a line start, stable page counts.

use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao::check::fill_totals;
use nianbao::export::page::{
    MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH,
};
use nianbao::export::pdf::text::{NO_LINE_END, NO_LINE_START};
use nianbao::export::pdf::{PdfOptions, export_pdf};
use nianbao::import::import_text;
use nianbao::layout::{TABLE2, TABLE3, TABLE4};
use nianbao::model::{CellValue, Date, OrganKind, Report, WanAmount};
use nianbao::template::{CELL_COUNT, SECTIONS, T2_FEES, TEMPLATE, TEXTS};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/published");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    out.sort();
    out
}

/// A report with the longest labels, long numbers and text that provokes every line-break rule.
fn longest_report() -> Report {
    let mut r = Report::new(
        "某某省某某市某某县人民政府办公室（县政务公开办公室）",
        OrganKind::Government,
        2025,
    );
    for i in 0..CELL_COUNT {
        if !TEMPLATE.cells[i].computed {
            r.set_cell(i, CellValue::Count(1_234_567 + i as u64));
        }
    }
    r.set_cell(
        T2_FEES,
        CellValue::Amount(WanAmount {
            digits: 12_345_678_901,
            scale: 4,
        }),
    );
    fill_totals(&mut r);
    let para = "全年共受理政府信息公开申请1234567件，均在法定期限内答复（含延期答复的12件）。\
        依托“互联网+政务服务”平台，网址为https://www.example.gov.cn/zwgk/xxgkml/index.html，\
        主动公开“三安全一稳定”相关信息；同时，对《中华人民共和国政府信息公开条例》逐条对照！\
        是否按时办结？均已办结：满意率100%。";
    for spec in &TEXTS {
        r.set_text(spec.id, format!("{para}\n{}", para.repeat(2)));
    }
    r.meta.published = Date::new(2026, 1, 20);
    r
}

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let mut cmd = Command::new(name);
    cmd.args(args).arg(pdf);
    if name == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd.output().unwrap_or_else(|e| {
        panic!("{name} missing ({e}): the test command installs poppler-utils")
    });
    assert!(out.status.success(), "{name} failed on {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pdffonts(pdf: &Path) -> String {
    let out = Command::new("pdffonts")
        .arg(pdf)
        .output()
        .expect("pdffonts (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

struct Exported {
    _dir: tempfile::TempDir,
    path: PathBuf,
    pages: usize,
}

fn export(report: &Report, watermark: bool) -> Exported {
    let mut options = PdfOptions::new(Date::new(2026, 1, 20).expect("date"));
    options.draft_watermark = watermark;
    let out = export_pdf(report, &options).expect("export");
    assert!(out.missing_glyphs.is_empty(), "{:?}", out.missing_glyphs);
    assert!(
        out.bytes.len() <= 300 * 1024,
        "PDF is {} bytes",
        out.bytes.len()
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, &out.bytes).expect("write");
    // NIANBAO_KEEP_PDF=folder keeps the PDFs for looking at them.
    if let Some(keep) = std::env::var_os("NIANBAO_KEEP_PDF") {
        let name = format!("{}-{}.pdf", report.meta.organ.chars().count(), out.pages);
        let _ = std::fs::write(Path::new(&keep).join(name), &out.bytes);
    }
    Exported {
        _dir: dir,
        path,
        pages: out.pages,
    }
}

/// A page number line ("— 3 —").
fn is_page_number(l: &str) -> bool {
    let t = squeeze(l);
    t.starts_with('—')
        && t.ends_with('—')
        && t.trim_matches('—').chars().all(|c| c.is_ascii_digit())
}

/// What every PDF we make passes: fonts embedded as subsets with Unicode maps; no line that
/// starts with a closing mark or ends with an opening one; nothing outside the text block
/// but the page numbers (and the watermark).
fn assert_typeset(path: &Path, watermark: bool) {
    let fonts = pdffonts(path);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{row}");
    }
    let info = tool("pdfinfo", &[], path);
    assert!(
        !info.contains("PDF/X"),
        "no false conformance claim: {info}"
    );
    // No line starts with a closing mark or ends with an opening one (single characters
    // are the vertical group labels of 表三, set one character per line).
    let raw_lines = tool("pdftotext", &["-raw"], path);
    for line in raw_lines
        .lines()
        .map(str::trim)
        .filter(|l| l.chars().count() > 1 && !is_page_number(l))
    {
        let first = line.chars().next().unwrap_or(' ');
        let last = line.chars().last().unwrap_or(' ');
        assert!(
            !NO_LINE_START.contains(first),
            "line starts with {first}: {line}"
        );
        assert!(!NO_LINE_END.contains(last), "line ends with {last}: {line}");
    }

    // Nothing outside the text block but the page numbers (and the watermark).
    let bbox = tool("pdftotext", &["-bbox"], path);
    let tol = 0.6;
    let (left, right) = (MARGIN_LEFT - tol, PAGE_WIDTH - MARGIN_RIGHT + tol);
    let (top, bottom) = (MARGIN_TOP - tol, PAGE_HEIGHT - MARGIN_BOTTOM + tol);
    for line in bbox.lines().filter(|l| l.contains("<word ")) {
        let attr = |name: &str| -> f32 {
            let key = format!("{name}=\"");
            let start = line.find(&key).map(|p| p + key.len()).unwrap_or(0);
            let end = line[start..].find('"').map_or(start, |p| start + p);
            line[start..end].parse().unwrap_or(f32::NAN)
        };
        let word = line
            .rsplit_once('>')
            .map(|(a, _)| a)
            .and_then(|a| a.rsplit_once('>'))
            .map_or("", |(_, w)| w)
            .trim_end_matches("</word");
        let (x0, y0, x1, y1) = (attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax"));
        if watermark && (word == "草稿" || word == "草" || word == "稿") {
            continue;
        }
        let page_number = y0 > bottom && (word == "—" || word.chars().all(|c| c.is_ascii_digit()));
        if page_number {
            assert!(y1 < PAGE_HEIGHT - 40.0, "{line}");
            continue;
        }
        assert!(
            x0 >= left && x1 <= right && y0 >= top && y1 <= bottom,
            "outside the text block: {line}"
        );
    }
}

fn assert_pdf(report: &Report, watermark: bool) {
    let e = export(report, watermark);

    assert_typeset(&e.path, watermark);

    // Every label of the template, in reading (content) order.
    let raw = squeeze(&tool("pdftotext", &["-raw"], &e.path));
    let mut labels: Vec<String> = SECTIONS
        .iter()
        .filter(|s| {
            TEXTS
                .iter()
                .all(|t| t.heading != Some(s.heading) || report.text(t.id).is_some())
        })
        .map(|s| s.heading.to_string())
        .collect();
    // Headings of the parts the report has (a part it lacks is not printed).
    labels.extend(
        TEXTS
            .iter()
            .filter(|t| report.text(t.id).is_some())
            .filter_map(|t| t.heading.map(str::to_string)),
    );
    for grid in [&*TABLE2, &*TABLE3, &*TABLE4] {
        labels.extend(
            grid.items
                .iter()
                .filter_map(|it| it.label().map(str::to_string)),
        );
    }
    labels.push(report.title());
    for label in &labels {
        assert!(raw.contains(&squeeze(label)), "label missing: {label}");
    }

    // Every sentence of the draft, in the default (reading order) extraction too.
    let plain = tool("pdftotext", &[], &e.path);
    // Page numbers ("— 3 —") sit between the last line of a page and the next page.
    let body: String = plain
        .lines()
        .filter(|l| !is_page_number(l))
        .collect::<Vec<_>>()
        .join("\n");
    let plain_squeezed = squeeze(&body);
    for spec in &TEXTS {
        let text = report.text(spec.id).unwrap_or_default();
        for sentence in text.split_inclusive(['。', '！', '？', '\n']) {
            let s = squeeze(sentence);
            if !s.is_empty() {
                assert!(
                    plain_squeezed.contains(&s),
                    "{}: sentence missing: {s}",
                    spec.key
                );
            }
        }
    }

    // Stable: the same report gives the same pages and the same bytes.
    let again = export(report, watermark);
    assert_eq!(e.pages, again.pages);
    let same = std::fs::read(&e.path).ok() == std::fs::read(&again.path).ok();
    assert!(same, "output is not reproducible");
    let info = tool("pdfinfo", &[], &e.path);
    assert!(
        info.contains(&format!("Pages:           {}", e.pages)),
        "{info}"
    );
}

#[test]
fn every_fixture_that_imports_exports_a_clean_pdf() {
    let mut exported = 0;
    for path in fixtures() {
        let bytes = std::fs::read(&path).expect("read fixture");
        let Ok(imported) = import_text(&bytes) else {
            continue;
        };
        assert_pdf(&imported.report, false);
        exported += 1;
    }
    assert!(exported >= 3, "only {exported} fixtures exported");
}

#[test]
fn the_longest_labels_and_numbers_stay_inside_the_page() {
    let report = longest_report();
    assert_pdf(&report, true);
}

#[test]
fn metadata_title_author_and_date() {
    let report = longest_report();
    let e = export(&report, false);
    let info = tool("pdfinfo", &["-isodates"], &e.path);
    assert!(
        info.contains(&format!("Title:           {}", report.title())),
        "{info}"
    );
    assert!(
        info.contains(&format!("Author:          {}", report.meta.organ)),
        "{info}"
    );
    assert!(info.contains("CreationDate:    2026-01-2"), "{info}");
    // No claim of a standard the file does not meet (printpdf's PDF/X key), and the
    // document's language for screen readers and preflight tools.
    assert!(
        !info.contains("PDF/X") && !info.contains("subtype"),
        "{info}"
    );
    let raw = std::fs::read(&e.path).unwrap();
    assert!(!raw.windows(16).any(|w| w == b"/GTS_PDFXVersion"));
    assert!(raw.windows(12).any(|w| w == b"/Lang(zh-CN)"));
    let check = Command::new("qpdf").arg("--check").arg(&e.path).output();
    if let Ok(o) = check {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    }
}

#[test]
fn page_counts_are_stable() {
    // Golden page counts: a change in typography that moves them is a visible change.
    let blank = Report::new("某县人民政府", OrganKind::Government, 2025);
    assert_eq!(export(&blank, false).pages, 3);
    assert_eq!(export(&longest_report(), false).pages, 13);
}

#[test]
fn the_return_notes_pdf_passes_the_same_checks_as_a_report() {
    use nianbao::analysis::{Context, analyze};
    use nianbao::export::pdf::export_pdf_letter;
    use nianbao::export::return_notes::return_notes;
    use nianbao::finding::Place;
    use nianbao::review::Note;
    for path in fixtures() {
        let bytes = std::fs::read(&path).expect("read fixture");
        let Ok(imported) = import_text(&bytes) else {
            continue;
        };
        let import_findings = imported.findings.clone();
        let mut draft = nianbao::document::draft_of_import(imported);
        draft.review.notes.push(Note {
            place: Place::Cell(nianbao::template::t3(0, 0)),
            text: "请核对本年新收的数字，与正文不一致（“10965”与表三）。".into(),
            author: "王五".into(),
            at: nianbao::model::Stamp::parse("2026-01-12 15:30").unwrap(),
            resolved: false,
        });
        let analysis = analyze(
            &draft,
            &Context {
                import_findings: &import_findings,
                ..Context::default()
            },
        );
        let letter = return_notes(
            &draft,
            &analysis,
            "王五",
            Date::new(2026, 1, 13).expect("date"),
        );
        let options = PdfOptions::new(Date::new(2026, 1, 13).expect("date"));
        let out = export_pdf_letter(&letter, &options).expect("export");
        assert!(out.missing_glyphs.is_empty(), "{:?}", out.missing_glyphs);
        let dir = tempfile::tempdir().expect("tempdir");
        let pdf = dir.path().join("退回意见.pdf");
        std::fs::write(&pdf, &out.bytes).expect("write");
        assert_typeset(&pdf, false);
        let plain = squeeze(
            &tool("pdftotext", &[], &pdf)
                .lines()
                .filter(|l| !is_page_number(l))
                .collect::<Vec<_>>()
                .join("\n"),
        );
        for (heading, paragraphs) in &letter.sections {
            assert!(plain.contains(&squeeze(heading)), "{heading}");
            for p in paragraphs {
                assert!(plain.contains(&squeeze(p)), "paragraph missing: {p}");
            }
        }
        assert!(plain.contains(&squeeze(&letter.title)));
        let again = export_pdf_letter(&letter, &options).expect("export");
        assert_eq!(again.bytes, out.bytes, "reproducible");
    }
}

#[test]
fn every_character_printed_has_its_glyph_in_the_cut_down_fonts() {
    // A 2019-format report: its text export leaves out the 2021 （六） rows the PDF prints.
    let mut r = Report::new("某某县人民政府办公室", OrganKind::Government, 2020);
    r.format = nianbao::model::Format::V2019;
    for i in 0..CELL_COUNT {
        r.set_cell(i, CellValue::Count(0));
    }
    let out =
        export_pdf(&r, &PdfOptions::new(Date::new(2021, 1, 20).expect("date"))).expect("export");
    assert!(out.missing_glyphs.is_empty(), "{:?}", out.missing_glyphs);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, &out.bytes).expect("write");
    let text = squeeze(&tool("pdftotext", &[], &path));
    // Characters only the 2021 （六） rows have (laid out in narrow columns, so by character).
    for c in ['逾', '缴', '纳', '再'] {
        assert!(text.contains(c), "{c}");
    }
    assert!(!text.contains('□'));
}
