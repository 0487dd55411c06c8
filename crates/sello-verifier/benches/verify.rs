//! Verification benchmarks: a token through the full verifier against the bare Ed25519 strict
//! verification (the floor), and QR decoding of photo-like images by size.
//!
//! `cargo bench -p sello-verifier --bench verify`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sello_core::b64;
use sello_core::ed25519_dalek::Signature;
use sello_testkit::{keys, photo};
use sello_verifier::{TrustStore, Verifier, scan};
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
            scan::scan(bytes).unwrap(),
            vec![issued.qr_text.clone()],
            "{name}"
        );
        g.bench_function(*name, |b| b.iter(|| scan::scan(black_box(bytes)).unwrap()));
    }
    g.finish();
}

criterion_group!(verify, tokens, images);
criterion_main!(verify);
