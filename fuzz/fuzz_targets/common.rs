//! What several fuzz targets share (included with `#[path]`, as targets are separate binaries).

use std::sync::OnceLock;

/// A verifier that trusts the shared test vectors' issuers, built once.
pub fn vector_verifier() -> &'static sello_verifier::Verifier {
    static V: OnceLock<sello_verifier::Verifier> = OnceLock::new();
    V.get_or_init(|| {
        let mut trust = sello_verifier::TrustStore::new();
        for set in sello_testkit::vectors::key_sets() {
            trust.add(set).unwrap();
        }
        sello_verifier::Verifier::new(trust)
    })
}
