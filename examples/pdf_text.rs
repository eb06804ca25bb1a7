//! Prints the text the PDF importer reads from a PDF, laid out as the importer sees it
//! (cells apart by tabs, page furniture dropped): `cargo run --example pdf_text -- FILE.pdf`.
//! For looking into a PDF that imports badly.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("用法：pdf_text FILE.pdf");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("无法读取“{path}”：{e}");
            std::process::exit(2);
        }
    };
    match nianbao::import::pdf::pdf_to_text(&bytes) {
        Ok(text) => print!("{text}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
