//! Token parsing and full verification against the test vectors' trust store.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

use common::vector_verifier as verifier;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = sello_core::token::decode(text);
        let v = verifier().verify(text, sello_testkit::vectors::AT);
        // A verdict of valid always comes with authenticated claims and no reason.
        if v.verdict == sello_core::Verdict::Valid {
            assert!(v.reason.is_none() && v.claims.is_some());
        }
    }
});
