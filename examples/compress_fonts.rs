//! Compresses the fonts only the PDF export uses (brotli, best quality): the program keeps
//! them compressed and unpacks one on its first export, so the binary stays small. Run once
//! after changing a font, then commit the `.ttf.br` files (not the `.ttf` files):
//! `cargo run --release --example compress_fonts -- assets/fonts/NotoSerifSC_400Regular.ttf …`

use std::io::Write;

fn main() -> std::io::Result<()> {
    for path in std::env::args().skip(1) {
        let raw = std::fs::read(&path)?;
        let out = format!("{path}.br");
        let mut compressed = Vec::new();
        {
            let mut w = brotli::CompressorWriter::new(&mut compressed, 1 << 16, 11, 24);
            w.write_all(&raw)?;
        }
        std::fs::write(&out, &compressed)?;
        println!(
            "{out}: {} KB → {} KB",
            raw.len() / 1024,
            compressed.len() / 1024
        );
    }
    Ok(())
}
