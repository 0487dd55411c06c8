//! Token parsing and full verification against the test vectors' trust store.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn verifier() -> &'static sello_verifier::Verifier {
    static V: OnceLock<sello_verifier::Verifier> = OnceLock::new();
    V.get_or_init(|| {
        let mut trust = sello_verifier::TrustStore::new();
        for set in sello_testkit::vectors::key_sets() {
            trust.add(set).unwrap();
        }
        sello_verifier::Verifier::new(trust)
    })
}

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
