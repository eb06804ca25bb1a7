#![no_main]
//! The PDF importer never panics (hayro is also run behind catch_unwind, but the fuzzer runs
//! with panic=abort, so any panic inside it is found here); what it imports checks and
//! exports without panicking.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = nianbao::import::import_bytes(std::path::Path::new("fuzz.pdf"), data) {
        let _ = nianbao::check::check(&imported.report);
        let _ = nianbao::export::text::export_text(&imported.report);
    }
});
