//! Many tokens at once against one at a time: `Verifier::verify_many` must give exactly the
//! results of `Verifier::verify` on each, whatever is beside it.
//!
//! The input is split into records. Each record signs a token of the vector issuer (its message
//! taken from the record) with a test key and then, as its first byte says, keeps the signature,
//! replaces `R` or `S` with bytes of the input, adds the point of order 2 to `R` (a signature
//! only the key holder can make, which the strict check refuses), flips one bit, or signs with
//! a key the issuer does not have. Separately, the input's lines are verified as tokens too.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
use sello_core::b64;
use sello_core::ed25519_dalek::Signer;

use common::vector_verifier as verifier;

fuzz_target!(|data: &[u8]| {
    let key = sello_testkit::keys::signing_key(1);
    let stranger = sello_testkit::keys::signing_key(5);
    let kid = sello_core::jwk::kid(&key.verifying_key());
    let mut texts: Vec<String> = Vec::new();
    for record in data.chunks(48).take(16) {
        let (&op, rest) = record.split_first().unwrap_or((&0, &[]));
        let holder = b64::encode(rest);
        let payload = format!(
            r#"{{"iss":"{}","jti":"F-{}","iat":{},"cert":{{"h":{{"n":"{holder}"}},"a":{{"c":"EC0105","t":"T"}}}}}}"#,
            sello_testkit::vectors::ISSUER,
            texts.len(),
            sello_testkit::vectors::T0,
        );
        let header = format!(r#"{{"alg":"EdDSA","kid":"{kid}","typ":"sello+jwt"}}"#);
        let input = format!(
            "{}.{}",
            b64::encode(header.as_bytes()),
            b64::encode(payload.as_bytes())
        );
        let mut bytes = key.sign(input.as_bytes()).to_bytes();
        match op % 7 {
            0 | 1 => {}
            2 => {
                let n = rest.len().min(32);
                bytes[..n].copy_from_slice(&rest[..n]);
            }
            3 => {
                let n = rest.len().min(32);
                bytes[32..32 + n].copy_from_slice(&rest[..n]);
            }
            4 => {
                bytes = sello_testkit::curve::sign_with_torsion(
                    &key,
                    input.as_bytes(),
                    sello_testkit::curve::order_two_point(),
                )
                .to_bytes();
            }
            5 => {
                let bit = usize::from(rest.first().copied().unwrap_or(0));
                bytes[bit / 8 % 64] ^= 1 << (bit % 8);
            }
            _ => bytes = stranger.sign(input.as_bytes()).to_bytes(),
        }
        texts.push(format!("{input}.{}", b64::encode(&bytes)));
    }
    if let Ok(text) = std::str::from_utf8(data) {
        texts.extend(text.lines().take(16).map(str::to_owned));
    }
    let at = sello_testkit::vectors::AT;
    let one: Vec<_> = texts.iter().map(|t| verifier().verify(t, at)).collect();
    assert_eq!(verifier().verify_many(&texts, at), one);
});
