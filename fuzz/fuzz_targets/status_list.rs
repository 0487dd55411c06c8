//! Status-list tokens: parsing, then acceptance against the vector issuers' keys.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = sello_core::status::decode(text);
        let mut trust = sello_verifier::TrustStore::new();
        for set in sello_testkit::vectors::key_sets() {
            trust.add(set).unwrap();
        }
        let _ = sello_verifier::Verifier::new(trust).add_status_list(text);
    }
});
