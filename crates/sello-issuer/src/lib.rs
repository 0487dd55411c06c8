//! # sello-issuer
//!
//! Everything an issuing agency runs: an issuer folder with its Ed25519 key encrypted at rest
//! ([`IssuerDir`]), a [`Signer`] trait so an HSM or KMS can hold the key instead, issuing a
//! certificate into a signed token ([`Issuer`]) whose QR content fits a QR code
//! ([`sello_core::MAX_QR_BYTES`]), rosters, batches and the ledger. Drawing the QR code and the
//! printable certificate is `sello-print`'s.
//!
//! What it does not do: verify (see `sello-verifier`), or choose where a passphrase comes from
//! (the caller passes it in).
//!
//! ```
//! use sello_issuer::{Issuer, IssueRequest, LocalSigner};
//! use sello_core::{Achievement, Certificate, Holder, IssuerInfo};
//!
//! let info = IssuerInfo { id: "mx.ejemplo".into(), name: "Ejemplo".into(), verify_url: None, time_zone: None };
//! let issuer = Issuer::new(info, Box::new(LocalSigner::generate()?));
//! let certificate = Certificate {
//!     holder: Holder { name: "Ana Pérez".into(), id: None },
//!     achievement: Achievement { code: "EC0105".into(), title: "Atención al ciudadano".into(), level: None },
//!     unit: Some("CECATI 149".into()),
//!     attrs: Default::default(),
//! };
//! let issued = issuer.issue(&IssueRequest::new(certificate))?;
//! assert!(issued.qr_text.len() <= sello_core::MAX_QR_BYTES);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod batch;
pub mod dates;
pub mod federation;
pub mod files;
pub mod git;
mod i18n;
pub mod issue;
pub mod keystore;
pub mod ledger;
#[cfg(feature = "postgres")]
pub mod ledger_pg;
#[cfg(test)]
mod ledger_suite;
pub mod migrate;
pub mod passphrase;
pub mod reissue;
pub mod roster;
pub mod signer;

pub use issue::{IssueError, IssueRequest, Issued, Issuer, new_serial};
pub use keystore::{IssuerDir, KeyStoreError};
/// The clock, [`sello_core::now`] (named here too for the callers that issue).
pub use sello_core::now;
pub use signer::{LocalSigner, SignError, Signer};
