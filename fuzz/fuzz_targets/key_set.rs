//! Key-set (JWKS) parsing; whatever parses must serialise and parse back to itself.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(set) = sello_core::KeySet::from_json(data) {
        let again = sello_core::KeySet::from_json(set.to_json().as_bytes()).expect("round trip");
        assert_eq!(again, set);
    }
});
