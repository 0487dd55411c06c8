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
//! This crate does **no I/O**, holds no private keys and checks no signatures: it encodes,
//! parses and validates. Signing lives in `sello-issuer`, verification in `sello-verifier`.
//! Every parser here has a size cap, rejects duplicate JSON members and returns a typed error.
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
pub mod certificate;
pub mod i18n;
pub mod json;
pub mod jwk;
pub mod reason;
pub mod status;
pub mod token;
pub mod untrusted;
pub mod zone;

pub use certificate::{Achievement, Certificate, Claims, Holder, StatusRef};
pub use ed25519_dalek;
pub use jwk::{IssuerInfo, KeySet, KeySetError, PublicKey};
pub use reason::{Lang, Reason, Verdict};
pub use token::{Header, TokenError, UnverifiedToken};
