//! # sello-verifier
//!
//! Checks Sello certificates: builds a [`TrustStore`] from published key sets, reads QR codes
//! from photos ([`scan`]) and from SVG files ([`render_svg`]), and verifies tokens into a [`Verification`] with a verdict (`valid`,
//! `invalid`, `indeterminate`) and a named reason.
//!
//! What it deliberately does not do: take keys from a token (the `iss` claim selects a trusted
//! issuer, the `kid` a key of that issuer only), accept any algorithm but Ed25519 with strict
//! verification, or return claims whose signature has not verified.
//!
//! ```
//! use sello_verifier::{TrustStore, Verifier};
//! use sello_core::{Reason, Verdict};
//!
//! let verifier = Verifier::new(TrustStore::new());
//! let result = verifier.verify("not a token", 1_764_000_000);
//! assert_eq!(result.verdict, Verdict::Invalid);
//! assert_eq!(result.reason, Some(Reason::MalformedToken));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

// The modules are private; what a caller needs is below, by task. `federation` is a module of
// its own: trust bundles and their ratchet (FORMAT.md §5.9, §6.2.1).
mod decoder;
pub mod federation;
mod i18n;
mod input;
mod pipeline;
mod scan;
mod status;
mod svg;
mod trust;
mod verify;

// Trusting issuers, and verifying one token.
pub use trust::{Confusable, Likeness, MAX_FILES as MAX_KEY_SET_FILES, TrustError, TrustStore};
pub use verify::{
    DEFAULT_LEEWAY, TrustChain, Verification, Verifier, check_signature, check_signature_key,
};
// Status lists loaded beside the key sets.
pub use status::{LoadedStatusList, StatusLoadError, accept as accept_status_list};
// What `sello verify` and the API take: an argument or an upload, read, decoded and verified
// on all cores, with one wire form of the result.
pub use input::{InputError, MAX_TEXT_BYTES, Source, qr_texts, read_arg, texts};
pub use pipeline::{Outcome, Report, Tally, expand, verify_inputs};
// Reading QR codes from photos, scans and SVG drawings.
pub use decoder::{Budget, Stage, decode_with_stage};
pub use scan::{
    ImageError, MAX_IMAGE_BYTES, MAX_PIXELS, MAX_SIDE, dimensions, image_format, load_gray, scan,
    scan_gray, scan_within,
};
pub use svg::{SvgError, is_svg, render as render_svg};
// Trust bundles.
pub use federation::{AcceptedBundle, FederationError};
// This crate's words, for the page's `messages.js`.
pub use i18n::catalog;
