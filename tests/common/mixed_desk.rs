//! A folder of 300 units' reports as a county's 政务公开办 gets them in January: a fifth each
//! as text, PDF, Word, web page and draft, half of the units with last year's report too.
//! Shared by the desk's bench (`benches/desk.rs`) and its real-window test.

use std::path::Path;

/// Writes the 300 reports into `dir`, named `000.txt` … `299.ron`, from published fixture
/// 003. At most `pdfs` of them are PDFs (each is a whole export: slow in a debug build);
/// the rest of the PDF fifth are text.
pub fn write_mixed_desk(dir: &Path, pdfs: usize) {
    let fixture = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/published/003_60d30e5d68c9d170.txt"),
    )
    .expect("fixture 003");
    let report = nianbao::import::import_text(&fixture)
        .expect("imports")
        .report;
    let date = nianbao::model::Date::new(2026, 1, 20).expect("date");
    let pdf = nianbao::export::pdf::PdfOptions::new(date);
    let docx = nianbao::export::docx::DocxOptions::new(date);
    std::fs::create_dir_all(dir).expect("folder");
    let mut pdfs_left = pdfs;
    for n in 0..300u32 {
        let mut r = report.clone();
        r.meta.organ = format!("第{}号乡镇人民政府", n / 2);
        r.meta.year = Some(2021 + (n % 2) as u16);
        let path = dir.join(format!("{n:03}"));
        let kind = match n % 5 {
            1 if pdfs_left == 0 => 0,
            1 => {
                pdfs_left -= 1;
                1
            }
            k => k,
        };
        match kind {
            1 => std::fs::write(
                path.with_extension("pdf"),
                nianbao::export::pdf::export_pdf(&r, &pdf)
                    .expect("pdf")
                    .bytes,
            ),
            2 => std::fs::write(
                path.with_extension("docx"),
                nianbao::export::docx::export_docx(&r, &docx),
            ),
            3 => std::fs::write(
                path.with_extension("html"),
                nianbao::export::html::export_html_page(&r),
            ),
            4 => nianbao::draft::save_draft(
                &path.with_extension("ron"),
                &nianbao::draft::Draft::new(r),
            )
            .map_err(std::io::Error::other),
            _ => std::fs::write(
                path.with_extension("txt"),
                nianbao::export::text::export_text(&r),
            ),
        }
        .expect("write");
    }
}
