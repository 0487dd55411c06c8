//! # sello-issuer
//!
//! Everything an issuing agency runs: an issuer folder with its Ed25519 key encrypted at rest
//! ([`IssuerDir`]), a [`Signer`] trait so an HSM or KMS can hold the key instead, issuing a
//! certificate into a signed token ([`Issuer`]) whose QR content, in the numeric form, fits a
//! version-40 QR code at level M ([`sello_core::qr_version_at_m`]), rosters, batches and the ledger. Drawing the QR code and the
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
//! assert_eq!(sello_core::token::extract(&issued.qr_text)?, issued.token);
//! assert!(sello_core::qr_version_at_m(&issued.qr_text).is_some_and(|v| v <= 17));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

// The modules are private; what a caller needs is below, by task. Four are modules of their
// own, each a subject with many names: `roster` (reading rosters), `ledger` (the record of
// what was issued, SQLite or PostgreSQL), `dates` (the dates people type) and `federation`
// (a national body's registry).
mod batch;
pub mod dates;
pub mod federation;
mod files;
mod git;
mod i18n;
mod issue;
mod keystore;
pub mod ledger;
#[cfg(feature = "postgres")]
mod ledger_pg;
#[cfg(test)]
mod ledger_suite;
mod migrate;
mod passphrase;
mod reissue;
pub mod roster;
mod signer;

// An issuer folder, its keys at rest, and signing one certificate.
pub use issue::{IssueError, IssueRequest, Issued, Issuer, new_serial};
pub use keystore::{IssuerDir, KeyStoreError};
pub use passphrase::{
    MIN_CHARS, MIN_SCORE, Suggestion, Warning, Weakness, check as check_passphrase,
};
pub use signer::{LocalSigner, SignError, Signer};
// Batches: a roster signed, recorded in the ledger and rendered, resumable.
pub use batch::{
    BatchError, BatchOptions, Outcome, OutputFile, QR_VERSION_TARGET, Render, SummaryRow,
    entry_for, issue_recorded, issued_from_entry, longest_fields, run_batch,
};
// After a key compromise, and from one ledger to another.
pub use migrate::{MigrateError, Migrated, migrate};
pub use reissue::{ReissueReport, Reissued, reissue_batch, reissue_compromised, reissue_rows};
// PostgreSQL, for stations sharing one ledger.
#[cfg(feature = "postgres")]
pub use ledger_pg::{Environment, PgLedger, ProcessEnv, Tls, config as pg_config};
// Files: written atomically with the mode their content calls for; folders kept out of git.
pub use files::{CsvDocument, PRIVATE, PUBLIC, csv_cell, sync_parent, write_atomic};
pub use git::{InsideGitWorkTree, check_not_in_work_tree};
pub use sello_core::now;
