//! Curve arithmetic for test vectors that no honest signer produces: an Ed25519 signature
//! whose `R` carries a small-order component, made with the key's own private scalar.

use curve25519_dalek::edwards::{CompressedEdwardsY, EdwardsPoint};
use curve25519_dalek::scalar::Scalar;
use ed25519_dalek::{Signature, SigningKey};
use sha2::{Digest, Sha512};

/// The point (0, −1), of order 2: `y = p − 1`, sign bit 0.
pub fn order_two_point() -> EdwardsPoint {
    let mut y = [0xff; 32];
    y[0] = 0xec;
    y[31] = 0x7f;
    CompressedEdwardsY(y)
        .decompress()
        .expect("(0, -1) is on the curve")
}

/// Signs `message` with `key` as RFC 8032 §5.1.6 does, except that `R` is `r·B + torsion`:
/// `S = r + H(R ‖ A ‖ M)·a`. With `torsion` the identity this is the ordinary signature; with
/// a small-order point it satisfies the cofactored equation `[8]S·B = [8]R + [8]H·A` but not
/// the cofactorless one that strict verification (FORMAT.md §6.3) checks, so every Sello
/// verifier must refuse it, on every path.
pub fn sign_with_torsion(key: &SigningKey, message: &[u8], torsion: EdwardsPoint) -> Signature {
    let expanded: [u8; 64] = Sha512::digest(key.as_bytes()).into();
    let mut scalar_bytes = [0u8; 32];
    scalar_bytes.copy_from_slice(&expanded[..32]);
    scalar_bytes[0] &= 248;
    scalar_bytes[31] &= 127;
    scalar_bytes[31] |= 64;
    let a = Scalar::from_bytes_mod_order(scalar_bytes);
    let public = key.verifying_key();
    let nonce: [u8; 64] = Sha512::new()
        .chain_update(&expanded[32..])
        .chain_update(message)
        .finalize()
        .into();
    let r = Scalar::from_bytes_mod_order_wide(&nonce);
    let big_r = (EdwardsPoint::mul_base(&r) + torsion).compress();
    let h: [u8; 64] = Sha512::new()
        .chain_update(big_r.as_bytes())
        .chain_update(public.as_bytes())
        .chain_update(message)
        .finalize()
        .into();
    let s = r + Scalar::from_bytes_mod_order_wide(&h) * a;
    let mut bytes = [0u8; 64];
    bytes[..32].copy_from_slice(big_r.as_bytes());
    bytes[32..].copy_from_slice(s.as_bytes());
    Signature::from_bytes(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use curve25519_dalek::traits::{Identity, IsIdentity};

    #[test]
    fn with_the_identity_it_is_the_ordinary_signature_and_with_torsion_strict_refuses_it() {
        let key = SigningKey::from_bytes(&[1; 32]);
        let message = b"a message";
        let plain = sign_with_torsion(&key, message, EdwardsPoint::identity());
        assert_eq!(plain, ed25519_dalek::Signer::sign(&key, message));
        let t = order_two_point();
        assert!(t.is_small_order() && !t.is_identity());
        let crafted = sign_with_torsion(&key, message, t);
        assert!(
            key.verifying_key()
                .verify_strict(message, &crafted)
                .is_err()
        );
        // The cofactored equation holds: [8](S·B − H·A − R) = 0.
        let r = CompressedEdwardsY(crafted.r_bytes().to_owned())
            .decompress()
            .unwrap();
        let s = Scalar::from_canonical_bytes(*crafted.s_bytes()).unwrap();
        let h: [u8; 64] = Sha512::new()
            .chain_update(crafted.r_bytes())
            .chain_update(key.verifying_key().as_bytes())
            .chain_update(message)
            .finalize()
            .into();
        let a = CompressedEdwardsY(key.verifying_key().to_bytes())
            .decompress()
            .unwrap();
        let e = EdwardsPoint::mul_base(&s) - Scalar::from_bytes_mod_order_wide(&h) * a - r;
        assert!(!e.is_identity() && e.mul_by_cofactor().is_identity());
    }
}
