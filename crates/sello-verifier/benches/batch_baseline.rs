//! The batch verification that `sello verify` and `POST /api/verify/batch` used until
//! 2026-12, kept only as the baseline of `benches/verify.rs` (`docs/PERFORMANCE.md`): it is not
//! part of the library any more.
//!
//! It checked the random linear combination Σ zᵢ·Rᵢ + Σₖ (Σ zᵢ·hᵢ)·Aₖ − (Σ zᵢ·sᵢ)·B = 0 with one
//! multi-scalar multiplication, fresh 128-bit zᵢ, strict pre-checks, halving and a strict
//! fallback. Its flaw: a signature whose `R` is the right point plus a small-order point, which
//! the holder of the private key can make and the strict check always refuses, is accepted by
//! the combination whenever the zᵢ happen to cancel the small-order part (probability 1/2 per
//! equation for order 2, and more with the halving). One input, one verdict: Sello now checks
//! every signature strictly (`docs/SECURITY.md` §11).
#![allow(dead_code)]

use curve25519_dalek::constants::ED25519_BASEPOINT_POINT;
use curve25519_dalek::edwards::{CompressedEdwardsY, EdwardsPoint};
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::{IsIdentity, VartimeMultiscalarMul};
use sello_core::ed25519_dalek::{Signature, VerifyingKey};
use sello_verifier::check_signature_key;
use sha2::{Digest, Sha512};
use std::collections::BTreeMap;

/// Fewer signatures than this are checked one by one (a batch of one gains nothing).
pub const MIN_BATCH: usize = 2;

/// The largest group checked by one multi-scalar multiplication.
pub const MAX_BATCH: usize = 256;

/// Failed groups are halved at most this many times before the rest is checked one by one
/// (many failures mean the batch is not saving work).
const MAX_SPLITS: u32 = 3;

/// One signature to check: `signature` over `message` by `key`.
#[derive(Debug, Clone, Copy)]
pub struct Job<'a> {
    /// The public key.
    pub key: &'a VerifyingKey,
    /// The signed bytes.
    pub message: &'a [u8],
    /// The signature.
    pub signature: &'a Signature,
}

/// A signature that passed every check of the strict verification but the equation.
struct Prepared {
    index: usize,
    key: usize,
    r: EdwardsPoint,
    s: Scalar,
    h: Scalar,
    z: Scalar,
}

/// Checks every job; `result[i]` tells whether `jobs[i]` verifies. See the module
/// documentation for how this relates to the strict check.
pub fn verify_each(jobs: &[Job<'_>]) -> Vec<bool> {
    let mut results = vec![false; jobs.len()];
    if jobs.len() < MIN_BATCH {
        for (result, job) in results.iter_mut().zip(jobs) {
            *result = strict(job);
        }
        return results;
    }
    let mut keys: Vec<Option<EdwardsPoint>> = Vec::new();
    let mut slots: BTreeMap<[u8; 32], usize> = BTreeMap::new();
    let mut prepared = Vec::with_capacity(jobs.len());
    for (index, job) in jobs.iter().enumerate() {
        let slot = *slots.entry(job.key.to_bytes()).or_insert_with(|| {
            keys.push(batchable_key(job.key));
            keys.len() - 1
        });
        match prepare(index, slot, keys[slot].is_some(), job) {
            Some(p) => prepared.push(p),
            None => results[index] = strict(job),
        }
    }
    if !randomise(&mut prepared) {
        // No randomness from the system: never guess, check one by one.
        for p in &prepared {
            results[p.index] = strict(&jobs[p.index]);
        }
        return results;
    }
    for group in prepared.chunks(MAX_BATCH) {
        check_group(group, &keys, jobs, &mut results, 0);
    }
    results
}

fn strict(job: &Job<'_>) -> bool {
    check_signature_key(job.key, job.message, job.signature)
}

/// The key's point, if it may take part in a batch: not of small order and with no
/// small-order component.
fn batchable_key(key: &VerifyingKey) -> Option<EdwardsPoint> {
    let point = CompressedEdwardsY(key.to_bytes()).decompress()?;
    (!point.is_small_order() && point.is_torsion_free()).then_some(point)
}

/// Everything the strict check tests but the equation; `None` sends the job to the strict
/// check, which then decides (and rejects, unless the key is merely not batchable).
fn prepare(index: usize, key: usize, key_ok: bool, job: &Job<'_>) -> Option<Prepared> {
    if !key_ok {
        return None;
    }
    let r_bytes = job.signature.r_bytes();
    let r = CompressedEdwardsY(*r_bytes).decompress()?;
    if r.is_small_order() || r.compress().as_bytes() != r_bytes {
        return None;
    }
    let s = Option::<Scalar>::from(Scalar::from_canonical_bytes(*job.signature.s_bytes()))?;
    let mut hash = Sha512::new();
    hash.update(r_bytes);
    hash.update(job.key.as_bytes());
    hash.update(job.message);
    let h = Scalar::from_bytes_mod_order_wide(&hash.finalize().into());
    Some(Prepared {
        index,
        key,
        r,
        s,
        h,
        z: Scalar::ZERO,
    })
}

/// Gives every prepared signature its random 128-bit coefficient; false if the system's
/// random source failed.
fn randomise(prepared: &mut [Prepared]) -> bool {
    let mut random = vec![0u8; 16 * prepared.len()];
    if getrandom::fill(&mut random).is_err() {
        return false;
    }
    for (p, bytes) in prepared.iter_mut().zip(random.chunks_exact(16)) {
        let mut wide = [0u8; 32];
        wide[..16].copy_from_slice(bytes);
        p.z = Scalar::from_bytes_mod_order(wide);
    }
    true
}

/// Whether the batch equation holds for `group`.
fn equation_holds(group: &[Prepared], keys: &[Option<EdwardsPoint>]) -> bool {
    let mut scalars = Vec::with_capacity(group.len() + 4);
    let mut points = Vec::with_capacity(group.len() + 4);
    let mut key_coefficients: BTreeMap<usize, Scalar> = BTreeMap::new();
    let mut base = Scalar::ZERO;
    for p in group {
        scalars.push(p.z);
        points.push(p.r);
        *key_coefficients.entry(p.key).or_insert(Scalar::ZERO) += p.z * p.h;
        base += p.z * p.s;
    }
    for (slot, coefficient) in key_coefficients {
        let Some(point) = keys[slot] else {
            return false;
        };
        scalars.push(coefficient);
        points.push(point);
    }
    scalars.push(-base);
    points.push(ED25519_BASEPOINT_POINT);
    EdwardsPoint::vartime_multiscalar_mul(scalars, points).is_identity()
}

fn check_group(
    group: &[Prepared],
    keys: &[Option<EdwardsPoint>],
    jobs: &[Job<'_>],
    results: &mut [bool],
    splits: u32,
) {
    if group.len() < MIN_BATCH || splits > MAX_SPLITS {
        for p in group {
            results[p.index] = strict(&jobs[p.index]);
        }
        return;
    }
    if equation_holds(group, keys) {
        for p in group {
            results[p.index] = true;
        }
        return;
    }
    let (left, right) = group.split_at(group.len() / 2);
    check_group(left, keys, jobs, results, splits + 1);
    check_group(right, keys, jobs, results, splits + 1);
}
