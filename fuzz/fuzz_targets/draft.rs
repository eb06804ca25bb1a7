#![no_main]
//! Draft loading never panics, and a draft that loads saves and loads back to itself.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(draft) = nianbao::draft::parse_draft_bytes(data) {
        let again = nianbao::draft::parse_draft(&nianbao::draft::to_ron(&draft))
            .expect("a saved draft loads");
        assert_eq!(again.report.cells(), draft.report.cells());
    }
});
