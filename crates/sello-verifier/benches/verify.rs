//! Verification benchmarks: a token through the full verifier against the bare Ed25519 strict
//! verification (the floor); 256 tokens one by one and in batches; and QR decoding of
//! photo-like images by size.
//!
//! `cargo bench -p sello-verifier --bench verify`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sello_core::b64;
use sello_core::ed25519_dalek::Signature;
use sello_testkit::{keys, photo};
use sello_verifier::{TrustStore, Verifier};

mod batch_baseline;
use batch_baseline as batch;
use std::hint::black_box;

fn issued() -> sello_issuer::Issued {
    let mut r = sello_issuer::IssueRequest::new(sello_testkit::typical_certificate());
    r.issued_at = Some(1_795_478_400);
    keys::issuer("mx.cecati149", 1).issue(&r).unwrap()
}

fn tokens(c: &mut Criterion) {
    let issued = issued();
    let mut trust = TrustStore::new();
    trust
        .add(keys::key_set("mx.cecati149", vec![keys::public_key(1)]))
        .unwrap();
    let verifier = Verifier::new(trust);
    let at = 1_795_478_500;
    let (input, sig) = issued.token.rsplit_once('.').unwrap();
    let sig = Signature::from_slice(&b64::decode(sig).unwrap()).unwrap();
    let key = keys::signing_key(1).verifying_key();

    let mut g = c.benchmark_group("verify");
    g.throughput(Throughput::Elements(1));
    g.bench_function("bare_ed25519_verify_strict", |b| {
        b.iter(|| {
            key.verify_strict(black_box(input.as_bytes()), &sig)
                .unwrap()
        })
    });
    g.bench_function("token_full_verification", |b| {
        b.iter(|| verifier.verify(black_box(&issued.token), at))
    });
    g.bench_function("url_full_verification", |b| {
        b.iter(|| verifier.verify(black_box(&issued.qr_text), at))
    });
    g.finish();
}

/// 256 tokens at once: the bare strict check of each (the floor of one-by-one), the full
/// verifier one by one, the full verifier in batches, and the batch signature check alone;
/// with one signing key (a folder of one agency's certificates) and with four.
fn many_tokens(c: &mut Criterion) {
    const N: usize = 256;
    let at = 1_795_478_500;
    let mut g = c.benchmark_group("verify_256");
    g.throughput(Throughput::Elements(N as u64));
    g.sample_size(30);
    for signers in [1u8, 4] {
        let mut trust = TrustStore::new();
        for s in 1..=signers {
            trust
                .add(keys::key_set(
                    &format!("mx.emisor{s}"),
                    vec![keys::public_key(s)],
                ))
                .unwrap();
        }
        let verifier = Verifier::new(trust);
        let tokens: Vec<String> = (0..N)
            .map(|i| {
                let s = (i % usize::from(signers)) as u8 + 1;
                let mut r = sello_issuer::IssueRequest::new(sello_testkit::typical_certificate());
                r.issued_at = Some(1_795_478_400);
                keys::issuer(&format!("mx.emisor{s}"), s)
                    .issue(&r)
                    .unwrap()
                    .token
            })
            .collect();
        assert!(
            verifier
                .verify_many(&tokens, at)
                .iter()
                .all(|v| v.verdict == sello_core::Verdict::Valid)
        );
        let parts: Vec<(u8, &str, Signature)> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let (input, sig) = t.rsplit_once('.').unwrap();
                let sig = Signature::from_slice(&b64::decode(sig).unwrap()).unwrap();
                ((i % usize::from(signers)) as u8 + 1, input, sig)
            })
            .collect();
        let keys: Vec<_> = (1..=signers)
            .map(|s| keys::signing_key(s).verifying_key())
            .collect();
        let suffix = if signers == 1 { "1_key" } else { "4_keys" };
        g.bench_function(format!("bare_ed25519_verify_strict_each/{suffix}"), |b| {
            b.iter(|| {
                for (s, input, sig) in &parts {
                    keys[usize::from(*s) - 1]
                        .verify_strict(black_box(input.as_bytes()), sig)
                        .unwrap();
                }
            })
        });
        g.bench_function(format!("full_verification_one_by_one/{suffix}"), |b| {
            b.iter(|| {
                for t in &tokens {
                    black_box(verifier.verify(black_box(t), at));
                }
            })
        });
        g.bench_function(format!("full_verification_verify_many/{suffix}"), |b| {
            b.iter(|| black_box(verifier.verify_many(black_box(&tokens), at)))
        });
        let one_thread = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        g.bench_function(
            format!("full_verification_verify_many_1_thread/{suffix}"),
            |b| {
                b.iter(|| {
                    one_thread.install(|| black_box(verifier.verify_many(black_box(&tokens), at)))
                })
            },
        );
        let jobs: Vec<batch::Job<'_>> = parts
            .iter()
            .map(|(s, input, sig)| batch::Job {
                key: &keys[usize::from(*s) - 1],
                message: input.as_bytes(),
                signature: sig,
            })
            .collect();
        g.bench_function(
            format!("baseline_old_batch_signature_check_only/{suffix}"),
            |b| b.iter(|| black_box(batch::verify_each(black_box(&jobs)))),
        );
    }
    g.finish();
}

fn images(c: &mut Criterion) {
    let issued = issued();
    let clean = photo::render(&issued.qr_text, 4.0);
    let cases = [
        ("clean_png_388px", photo::png_bytes(&clean)),
        (
            "rotated_30deg_png",
            photo::png_bytes(&photo::rotate(&clean, 30.0)),
        ),
        ("jpeg_q30_388px", photo::jpeg_bytes(&clean, 30)),
        (
            "noisy_background_jpeg_1600x1200",
            photo::jpeg_bytes(&photo::on_background(&clean, 1600, 1200, 12, 7), 80),
        ),
        (
            "phone_frame_jpeg_4000x3000",
            photo::jpeg_bytes(
                &photo::on_background(&photo::scale(&clean, 2.5), 4000, 3000, 6, 3),
                85,
            ),
        ),
    ];
    let mut g = c.benchmark_group("scan");
    g.sample_size(20);
    g.throughput(Throughput::Elements(1));
    for (name, bytes) in &cases {
        assert_eq!(
            sello_verifier::scan(bytes).unwrap(),
            vec![issued.qr_text.clone()],
            "{name}"
        );
        g.bench_function(*name, |b| {
            b.iter(|| sello_verifier::scan(black_box(bytes)).unwrap())
        });
    }
    g.finish();
}

criterion_group!(verify, tokens, many_tokens, images);
criterion_main!(verify);
