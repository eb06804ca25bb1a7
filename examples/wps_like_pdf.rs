//! Writes a PDF made the way WPS 文字 makes them (one glyph per text object, bold drawn
//! twice, ruled tables broken across pages; see `tests/corpus/wps.rs`) from a published
//! report's text: `cargo run --release --example wps_like_pdf -- REPORT.txt OUT.pdf
//! [--one-other-row] [--no-repeated-header]`. For the import bench and for looking at what
//! the importer meets.

#[path = "../tests/corpus/wps.rs"]
#[allow(dead_code)]
mod wps;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(input), Some(output)) = (args.first(), args.get(1)) else {
        eprintln!("用法：wps_like_pdf REPORT.txt OUT.pdf [--one-other-row] [--no-repeated-header]");
        std::process::exit(2);
    };
    let report = match std::fs::read(input)
        .map_err(|e| e.to_string())
        .and_then(|b| nianbao::import::import_text(&b).map_err(|e| e.to_string()))
    {
        Ok(imported) => imported.report,
        Err(e) => {
            eprintln!("无法读取“{input}”：{e}");
            std::process::exit(2);
        }
    };
    let style = wps::WpsStyle {
        repeat_header: !args.iter().any(|a| a == "--no-repeated-header"),
        one_other_row: args.iter().any(|a| a == "--one-other-row"),
        ocr_layer: false,
    };
    if let Err(e) = std::fs::write(output, wps::wps_pdf(&report, style)) {
        eprintln!("无法写入“{output}”：{e}");
        std::process::exit(2);
    }
}
