//! Trust-bundle parsing (FORMAT.md §5.9.4); whatever parses must serialise, with the same
//! signature, and parse back to the same claims.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sello_core::federation::decode_bundle;
use sello_core::token;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(bundle) = decode_bundle(text) {
        let input = bundle.claims.signing_input(&bundle.header.kid);
        let again = token::assemble(&input, &bundle.signature);
        let back = decode_bundle(&again).expect("round trip");
        assert_eq!(back.claims, bundle.claims);
    }
});
