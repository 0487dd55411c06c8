//! Sello's end-to-end suite: the shared test vectors, external vectors (RFC 8032, RFC 8037,
//! Wycheproof), QR decoding from real and photo-like images, and the `sello` binary as a user
//! runs it.

mod adversarial;
mod agency;
mod bad_input;
mod cli;
mod decoding;
mod display;
mod exit_status;
mod external;
mod federation;
mod federation_web;
mod fetch;
mod inputs;
mod integrity;
mod languages;
mod serve;
mod snapshots;
mod stations;
mod vectors;

use serde_json::Value;
use std::path::{Path, PathBuf};

/// The repository's top folder.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The lines of `sello … --json` output, each parsed as JSON.
pub fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Writes the shared vectors' trusted key sets into `dir`, one `<issuer>.json` each: a trust
/// folder for `sello verify --keys`.
pub fn write_vector_key_sets(dir: &Path) {
    for set in sello_testkit::vectors::key_sets() {
        std::fs::write(dir.join(format!("{}.json", set.issuer.id)), set.to_json()).unwrap();
    }
}
