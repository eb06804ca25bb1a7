//! Reads a PDF's pages by OCR and prints each line of text found, with its box and
//! confidence (for looking into how a scan reads): `cargo run --release --example ocr_probe
//! -- FILE.pdf [PAGE]`.
fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .ok_or_else(|| anyhow::anyhow!("usage: ocr_probe FILE.pdf [PAGE]"))?;
    let only: Option<usize> = args.get(1).and_then(|p| p.parse().ok());
    let models = nianbao::ocr::models()?;
    let pdf = hayro::hayro_syntax::Pdf::new(std::sync::Arc::new(std::fs::read(path)?))
        .map_err(|_| anyhow::anyhow!("not a PDF"))?;
    for index in 0..pdf.pages().len() {
        if only.is_some_and(|p| p != index + 1) {
            continue;
        }
        let start = std::time::Instant::now();
        let Some(page) = nianbao::ocr::pages::render_page(&pdf, index, nianbao::ocr::pages::DPI)
        else {
            continue;
        };
        let rendered = start.elapsed();
        let rules = nianbao::ocr::ruled_lines(&page.image, 60);
        let boxes = nianbao::ocr::read_page(models, &page.image, &rules)?;
        println!(
            "page {}: {}×{}, drawn {:?}, read {:?}, {} rules, {} lines",
            index + 1,
            page.image.width,
            page.image.height,
            rendered,
            start.elapsed(),
            rules.len(),
            boxes.len()
        );
        for b in boxes {
            println!("  {:?} {:.2} {}", b.rect, b.read.confidence, b.read.text);
        }
    }
    Ok(())
}
