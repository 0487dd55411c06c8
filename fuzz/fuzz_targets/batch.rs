//! Batch verification against one-by-one strict verification: they must agree.
//!
//! The input is split into records. Each record signs its message with one of two test keys
//! and then, as its first byte says, keeps the signature, replaces `R` or `S` with bytes of
//! the input, flips one bit, or verifies against the other key. Separately, the input's lines
//! go through `Verifier::verify_many` and `Verifier::verify`, which must give equal results.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
use sello_core::ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sello_verifier::batch::{Job, verify_each};
use sello_verifier::verify::check_signature_key;
use std::sync::OnceLock;

use common::vector_verifier as verifier;

fn keys() -> &'static [(SigningKey, VerifyingKey); 2] {
    static K: OnceLock<[(SigningKey, VerifyingKey); 2]> = OnceLock::new();
    K.get_or_init(|| {
        [1u8, 2].map(|seed| {
            let key = sello_testkit::keys::signing_key(seed);
            let public = key.verifying_key();
            (key, public)
        })
    })
}

fuzz_target!(|data: &[u8]| {
    let keys = keys();
    let mut items: Vec<(usize, &[u8], Signature)> = Vec::new();
    for record in data.chunks(48).take(16) {
        let (&op, rest) = record.split_first().unwrap_or((&0, &[]));
        let signer = usize::from(op & 1);
        let mut bytes = keys[signer].0.sign(rest).to_bytes();
        let mut key = signer;
        match (op >> 1) % 6 {
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
                let bit = usize::from(rest.first().copied().unwrap_or(0)) % 256 + 256;
                bytes[bit / 8 % 64] ^= 1 << (bit % 8);
            }
            _ => key = 1 - signer,
        }
        items.push((key, rest, Signature::from_bytes(&bytes)));
    }
    let jobs: Vec<Job<'_>> = items
        .iter()
        .map(|(k, message, signature)| Job {
            key: &keys[*k].1,
            message,
            signature,
        })
        .collect();
    let strict: Vec<bool> = jobs
        .iter()
        .map(|j| check_signature_key(j.key, j.message, j.signature))
        .collect();
    assert_eq!(verify_each(&jobs), strict);

    if let Ok(text) = std::str::from_utf8(data) {
        let lines: Vec<&str> = text.lines().take(16).collect();
        let at = sello_testkit::vectors::AT;
        let one: Vec<_> = lines.iter().map(|l| verifier().verify(l, at)).collect();
        assert_eq!(verifier().verify_many(&lines, at), one);
    }
});
