#![no_main]
//! Structure-aware Word fuzzing: the input is the body XML (`word/document.xml`), packed into
//! a .docx here, so mutations reach the XML reader (nesting, merges, runs) instead of
//! breaking the zip. The importer never panics; what it imports checks and exports.

use std::io::Write;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut packed = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut packed));
        let stored =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        if zip.start_file("word/document.xml", stored).is_err()
            || zip.write_all(data).is_err()
            || zip.finish().is_err()
        {
            return;
        }
    }
    if let Ok(imported) = nianbao::import::import_bytes(std::path::Path::new("fuzz.docx"), &packed) {
        let _ = nianbao::check::check(&imported.report);
        let _ = nianbao::export::text::export_text(&imported.report);
    }
});
