#![no_main]
//! The text importer never panics; what it imports checks and exports without panicking.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = nianbao::import::import_bytes(std::path::Path::new("fuzz.txt"), data) {
        let _ = nianbao::check::check(&imported.report);
        let _ = nianbao::export::text::export_text(&imported.report);
    }
});
