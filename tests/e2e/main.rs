//! Sello's end-to-end suite: the shared test vectors, external vectors (RFC 8032, RFC 8037,
//! Wycheproof), QR decoding from real and photo-like images, and the `sello` binary as a user
//! runs it.

mod agency;
mod bad_input;
mod cli;
mod decoding;
mod external;
mod vectors;

use std::path::PathBuf;

/// The repository's top folder.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}
