//! The [`Signer`] trait, so an HSM or a cloud KMS can stand in for a key file, and the
//! in-memory implementation used with keys at rest.

use ed25519_dalek::{Signature, SigningKey, VerifyingKey};
use std::fmt;

/// Why signing failed.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::tr("signer-failed", &[("error", sello_core::i18n::Arg::from(crate::i18n::escaped(&self.0)))]))]
pub struct SignError(pub String);

/// Something that signs with one Ed25519 key. Implement it to keep keys in an HSM or a KMS.
pub trait Signer: Send + Sync {
    /// The public half of the signing key.
    fn verifying_key(&self) -> VerifyingKey;

    /// The key id published in the issuer's key set.
    fn kid(&self) -> String {
        sello_core::jwk::kid(&self.verifying_key())
    }

    /// Signs `message` with Ed25519 (RFC 8032, pure EdDSA).
    fn sign(&self, message: &[u8]) -> Result<Signature, SignError>;
}

/// An Ed25519 key held in memory. The key is zeroized when dropped and never printed.
pub struct LocalSigner {
    key: SigningKey,
}

impl LocalSigner {
    /// Wraps a signing key.
    pub fn new(key: SigningKey) -> LocalSigner {
        LocalSigner { key }
    }

    /// A fresh key from the operating system's random number generator.
    pub fn generate() -> Result<LocalSigner, SignError> {
        let mut seed = zeroize::Zeroizing::new([0u8; 32]);
        getrandom::fill(seed.as_mut_slice())
            .map_err(|e| SignError(format!("no randomness from the operating system: {e}")))?;
        Ok(LocalSigner::new(SigningKey::from_bytes(&seed)))
    }

    pub(crate) fn signing_key(&self) -> &SigningKey {
        &self.key
    }
}

impl fmt::Debug for LocalSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocalSigner")
            .field("kid", &self.kid())
            .finish_non_exhaustive()
    }
}

impl Signer for LocalSigner {
    fn verifying_key(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    fn sign(&self, message: &[u8]) -> Result<Signature, SignError> {
        use ed25519_dalek::Signer as _;
        Ok(self.key.sign(message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_key() {
        let signer = LocalSigner::new(SigningKey::from_bytes(&[0x42; 32]));
        let shown = format!("{signer:?}");
        assert!(shown.contains(&signer.kid()));
        assert!(!shown.contains("42") && !shown.contains("66")); // 0x42 = 66
    }

    #[test]
    fn rfc8032_test_1() {
        // RFC 8032 §7.1, TEST 1 (empty message).
        let secret: [u8; 32] =
            hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        let signer = LocalSigner::new(SigningKey::from_bytes(&secret));
        assert_eq!(
            signer.verifying_key().to_bytes().to_vec(),
            hex::<32>("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a").to_vec()
        );
        let sig = signer.sign(b"").unwrap().to_bytes();
        assert_eq!(
            sig[..32],
            hex::<32>("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155")
        );
        assert_eq!(
            sig[32..],
            hex::<32>("5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
        );
    }

    fn hex<const N: usize>(s: &str) -> [u8; N] {
        let v: Vec<u8> = (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect();
        v.try_into().unwrap()
    }
}
