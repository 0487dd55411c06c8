//! # sello-verifier
//!
//! Checks Sello certificates: builds a [`TrustStore`] from published key sets, reads QR codes
//! from photos ([`scan`]) and from SVG files ([`svg`]), and verifies tokens into a [`Verification`] with a verdict (`valid`,
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

pub mod decoder;
pub mod federation;
mod i18n;
pub mod input;
pub mod pipeline;
pub mod scan;
pub mod status;
pub mod svg;
pub mod trust;
pub mod verify;

pub use federation::{AcceptedBundle, FederationError};
pub use i18n::catalog;
pub use input::{InputError, Source};
pub use scan::ImageError;
pub use svg::SvgError;
pub use trust::{Confusable, Likeness, TrustError, TrustStore};
pub use verify::{TrustChain, Verification, Verifier};
