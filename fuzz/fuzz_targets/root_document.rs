//! Root-document parsing (FORMAT.md §5.9.2); whatever parses must serialise and parse back to
//! itself.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sello_core::federation::RootDocument;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = RootDocument::from_json(data) {
        let again = RootDocument::from_json(doc.to_json().as_bytes()).expect("round trip");
        assert_eq!(again, doc);
    }
});
