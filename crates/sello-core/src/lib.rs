//! # sello-core
//!
//! The certificate model, the token format and issuer key sets of Sello, a toolkit that signs
//! certificates into QR codes and lets anyone check them.
//!
//! A Sello certificate travels as a standard JWT: a JWS compact serialization signed with
//! Ed25519 (`alg` `EdDSA`, RFC 8037), whose claims carry a [`Certificate`]. Issuers publish
//! their public keys as a JWK Set ([`KeySet`]), with a signing window per key. The normative
//! specification is `docs/FORMAT.md`.
//!
//! This crate does **no I/O** (it opens no file; [`read_capped`] reads a reader it is given),
//! holds no private keys and checks no signatures: it encodes,
//! parses and validates. Signing lives in `sello-issuer`, verification in `sello-verifier`.
//! Every parser here has a size cap, rejects duplicate JSON members and returns a typed error.
//!
//! The surface: the certificate model and the verdicts at the crate root ([`Certificate`],
//! [`Claims`], [`Reason`], [`Verdict`], [`Lang`], the claim checks), and one module per part
//! of the format: [`token`] (the JWS), [`jwk`] (key sets), [`status`] (status lists),
//! [`federation`] (roots and trust bundles), [`zone`] (dates in the issuer's time zone),
//! [`json`] and [`b64`] (the strict encodings), [`untrusted`] (showing what did not come from
//! Sello) and [`i18n`] (every crate's words).
//!
//! ```
//! use sello_core::{token, Reason};
//!
//! // A token whose header asks for HMAC is refused before any key is looked at.
//! let forged = "eyJhbGciOiJIUzI1NiIsImtpZCI6ImsiLCJ0eXAiOiJzZWxsbytqd3QifQ.e30.AAAA";
//! let err = token::decode(forged).unwrap_err();
//! assert_eq!(err.reason(), Reason::UnsupportedHeader);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod b64;
mod certificate;
pub mod federation;
pub mod i18n;
pub mod json;
pub mod jwk;
pub mod qr_text;
mod reason;
pub mod status;
pub mod token;
pub mod untrusted;
pub mod zone;

/// Seconds since the Unix epoch, from the system clock: the one clock of the workspace (issuing,
/// verifying, the web service), so that tests and callers that pass their own time replace one
/// thing. A clock before 1970 reads 0.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Reads all of `reader`, but no more than `max` bytes: a longer input is refused with an
/// [`std::io::ErrorKind::FileTooLarge`] error (worded by [`i18n::io_error`]) after reading
/// `max + 1` bytes, so a file, a pipe or an upload never costs more memory than its cap. The one
/// capped read of the workspace; this crate opens nothing itself (callers pass the reader).
pub fn read_capped(reader: impl std::io::Read, max: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    reader
        .take(u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() > max {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("larger than {max} bytes"),
        ));
    }
    Ok(bytes)
}

pub use certificate::{
    Achievement, Certificate, ClaimError, Claims, Holder, MAX_ATTRS, MAX_TIME, Problem, StatusRef,
    check_code, check_display_name, check_issuer_id, check_serial, check_text, is_attribute_key,
};
pub use ed25519_dalek;
pub use jwk::{IssuerInfo, KeySet, KeySetError, PublicKey};
pub use qr_text::qr_version_at_m;
pub use reason::{Lang, Reason, Verdict};
pub use token::{Header, MAX_QR_BYTES, TokenError, UnverifiedToken};
