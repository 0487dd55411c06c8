//! Batch verification of many Ed25519 signatures at once.
//!
//! One strict check ([`check_signature`](crate::verify::check_signature)) costs one double
//! scalar multiplication per signature. A batch checks the random linear combination
//!
//! ```text
//! Σ zᵢ·Rᵢ  +  Σₖ (Σ_{i signed by k} zᵢ·hᵢ)·Aₖ  −  (Σ zᵢ·sᵢ)·B  =  0
//! ```
//!
//! with one multi-scalar multiplication, where `hᵢ = SHA-512(Rᵢ ‖ Aᵢ ‖ Mᵢ) mod ℓ` and the `zᵢ`
//! are fresh 128-bit random numbers from the operating system (so no signer can tune a
//! signature to the coefficients). Signatures by the same key share one `A` term, which is why
//! a folder of one agency's certificates has its signatures checked almost three times faster
//! than one by one (`docs/PERFORMANCE.md`).
//!
//! # Same verdicts as the strict check
//!
//! A batch answers "all valid" or "some invalid"; on "some invalid" it is split in halves, and
//! small or repeatedly failing groups are checked one by one with the strict check, so every
//! rejected signature is rejected by the strict check itself. On "all valid", each signature
//! has passed, before the batch, every test of the strict check that is not the equation:
//! canonical `S` (< ℓ), an `R` that decodes, is canonically encoded and is not of small order,
//! and a key that is not of small order. The batch also admits only keys with no small-order
//! component (checked once per key per batch; keys made by any Ed25519 key generator are such
//! keys, and the others are checked one by one). With those, a batch that holds means, except
//! with probability below 2⁻¹²³ for a group of 256 and its halves (2⁻¹²⁸ per equation), that
//! every `sᵢ·B − hᵢ·Aᵢ − Rᵢ` is a point of order dividing
//! 8. It is zero, as the strict check requires, unless the signer built `Rᵢ` with a
//! small-order component on purpose. Only the holder of the private key can build such a
//! signature (it is a valid signature with a torsion point added to `R`, and `hᵢ` depends on
//! `R`), and a batch then accepts it with probability at most 1/2. Telling those apart would
//! cost a full scalar multiplication per signature, as much as the strict check itself; Sello
//! takes the batch where a verifier sees many tokens and documents the difference
//! (`docs/SECURITY.md`). Callers that need the strict check bit for bit use
//! [`Verifier::verify`](crate::Verifier::verify) or `sello verify --one-by-one`.

use crate::verify::check_signature_key;
use curve25519_dalek::constants::ED25519_BASEPOINT_POINT;
use curve25519_dalek::edwards::{CompressedEdwardsY, EdwardsPoint};
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::{IsIdentity, VartimeMultiscalarMul};
use ed25519_dalek::{Signature, VerifyingKey};
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

#[cfg(test)]
mod tests {
    use super::*;
    use curve25519_dalek::traits::Identity;
    use ed25519_dalek::{Signer, SigningKey};

    struct Fixture {
        keys: Vec<VerifyingKey>,
        items: Vec<(usize, Vec<u8>, Signature)>,
    }

    impl Fixture {
        fn new(count: usize, signers: usize) -> Fixture {
            let signing: Vec<SigningKey> = (0..signers)
                .map(|i| SigningKey::from_bytes(&[i as u8 + 1; 32]))
                .collect();
            let items = (0..count)
                .map(|i| {
                    let k = i % signers;
                    let message = format!("certificate {i}").into_bytes();
                    let signature = signing[k].sign(&message);
                    (k, message, signature)
                })
                .collect();
            Fixture {
                keys: signing.iter().map(SigningKey::verifying_key).collect(),
                items,
            }
        }

        fn run(&self) -> Vec<bool> {
            let jobs: Vec<Job<'_>> = self
                .items
                .iter()
                .map(|(k, message, signature)| Job {
                    key: &self.keys[*k],
                    message,
                    signature,
                })
                .collect();
            let batch = verify_each(&jobs);
            let one_by_one: Vec<bool> = jobs.iter().map(strict).collect();
            assert_eq!(batch, one_by_one, "batch and strict verdicts differ");
            batch
        }
    }

    #[test]
    fn all_valid_in_one_batch() {
        for (count, signers) in [(0, 1), (1, 1), (2, 1), (7, 3), (300, 2), (513, 5)] {
            let f = Fixture::new(count, signers);
            assert!(f.run().iter().all(|&ok| ok), "{count} by {signers}");
        }
    }

    #[test]
    fn each_bad_signature_is_found_wherever_it_is() {
        for bad in [0, 1, 63, 64, 200, 299] {
            let mut f = Fixture::new(300, 2);
            f.items[bad].1.push(b'!');
            let results = f.run();
            for (i, ok) in results.iter().enumerate() {
                assert_eq!(*ok, i != bad, "index {i} with {bad} tampered");
            }
        }
    }

    #[test]
    fn many_bad_signatures() {
        let mut f = Fixture::new(100, 3);
        for i in (0..100).step_by(3) {
            f.items[i].1[0] ^= 1;
        }
        let results = f.run();
        for (i, ok) in results.iter().enumerate() {
            assert_eq!(*ok, i % 3 != 0, "index {i}");
        }
    }

    #[test]
    fn malleated_and_malformed_signatures_are_rejected_as_strictly() {
        let mut f = Fixture::new(16, 1);
        const L: [u8; 32] = [
            0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9,
            0xde, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
        ];
        // S + ℓ: the same signature equation, a non-canonical S.
        let mut bytes = f.items[3].2.to_bytes();
        let mut carry = 0u16;
        for (b, l) in bytes[32..].iter_mut().zip(L) {
            let sum = u16::from(*b) + u16::from(l) + carry;
            *b = sum as u8;
            carry = sum >> 8;
        }
        f.items[3].2 = Signature::from_bytes(&bytes);
        // R = identity (small order), S = 0.
        let mut bytes = [0u8; 64];
        bytes[0] = 1;
        f.items[5].2 = Signature::from_bytes(&bytes);
        // R not a point at all.
        let mut bytes = f.items[7].2.to_bytes();
        bytes[..32].copy_from_slice(&[0xff; 32]);
        bytes[31] = 0x7f;
        f.items[7].2 = Signature::from_bytes(&bytes);
        let results = f.run();
        for (i, ok) in results.iter().enumerate() {
            assert_eq!(*ok, ![3, 5, 7].contains(&i), "index {i}");
        }
    }

    /// The documented difference: a signature whose `R` carries a point of order 2, which
    /// only the private key's holder can make. The strict check always rejects it; a batch
    /// accepts it with probability 1/2 each time (fresh coefficients), never always.
    #[test]
    fn a_torsion_component_in_r_is_the_one_documented_difference() {
        let a = Scalar::from_bytes_mod_order([42; 32]);
        let public = EdwardsPoint::mul_base(&a);
        let key = VerifyingKey::from_bytes(public.compress().as_bytes()).unwrap();
        let message = b"signed by the key holder, with a torsion point in R";
        let mut order_two = [0xff; 32];
        order_two[0] = 0xec;
        order_two[31] = 0x7f;
        let t2 = CompressedEdwardsY(order_two).decompress().unwrap();
        assert!(t2.is_small_order() && !t2.is_identity());
        // A Schnorr signature (R, r + h·a) with R = r·B + torsion.
        let sign = |seed: u8, torsion: EdwardsPoint, message: &[u8]| {
            let r = Scalar::from_bytes_mod_order([seed; 32]);
            let big_r = (EdwardsPoint::mul_base(&r) + torsion).compress();
            let mut hash = Sha512::new();
            hash.update(big_r.as_bytes());
            hash.update(key.as_bytes());
            hash.update(message);
            let h = Scalar::from_bytes_mod_order_wide(&hash.finalize().into());
            let mut bytes = [0u8; 64];
            bytes[..32].copy_from_slice(big_r.as_bytes());
            bytes[32..].copy_from_slice((r + h * a).as_bytes());
            Signature::from_bytes(&bytes)
        };
        let crafted = sign(7, t2, message);
        let honest_message = b"an honest signature";
        let honest = sign(8, EdwardsPoint::identity(), honest_message);
        let jobs = [
            Job {
                key: &key,
                message: honest_message,
                signature: &honest,
            },
            Job {
                key: &key,
                message,
                signature: &crafted,
            },
        ];
        assert!(strict(&jobs[0]));
        assert!(!strict(&jobs[1]), "the strict check rejects a torsion R");
        let runs = 64;
        let accepted = (0..runs).filter(|_| verify_each(&jobs)[1]).count();
        // Binomial(64, 1/2): both bounds fail with probability below 2^-40.
        assert!(
            (4..=60).contains(&accepted),
            "accepted {accepted} of {runs}"
        );
    }
}
