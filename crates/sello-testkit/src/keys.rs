//! Deterministic test issuers. Their private keys are public: never trust them outside tests.

use ed25519_dalek::SigningKey;
use sello_core::jwk::{IssuerInfo, KeySet, PublicKey};
use sello_issuer::{Issuer, LocalSigner};

/// A signing key from a one-byte seed pattern (`[seed; 32]`).
pub fn signing_key(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

/// The identity of a test issuer.
pub fn info(id: &str) -> IssuerInfo {
    IssuerInfo {
        id: id.into(),
        name: format!("Emisor de prueba {id}"),
        verify_url: Some("https://verifica.example.mx/v".into()),
        time_zone: None,
    }
}

/// An issuer signing with the key of `seed`.
pub fn issuer(id: &str, seed: u8) -> Issuer {
    Issuer::new(info(id), Box::new(LocalSigner::new(signing_key(seed))))
}

/// The public key of `seed`, with no window.
pub fn public_key(seed: u8) -> PublicKey {
    PublicKey::new(signing_key(seed).verifying_key())
}

/// A key set for `id` with the given keys.
pub fn key_set(id: &str, keys: Vec<PublicKey>) -> KeySet {
    KeySet {
        issuer: info(id),
        keys,
    }
}
