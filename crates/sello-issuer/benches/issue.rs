//! Issuing benchmarks: signing, a certificate to a token, to a QR PNG, to a QR SVG.
//!
//! `cargo bench -p sello-issuer --bench issue`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sello_issuer::qr::{Correction, QrMatrix};
use sello_issuer::{IssueRequest, Signer};
use std::hint::black_box;

fn request() -> IssueRequest {
    let mut r = IssueRequest::new(sello_testkit::typical_certificate());
    r.issued_at = Some(1_795_478_400);
    r.expires = Some(1_953_244_800);
    r
}

fn benches(c: &mut Criterion) {
    let issuer = sello_testkit::keys::issuer("mx.cecati149", 1);
    let signer = sello_issuer::LocalSigner::new(sello_testkit::keys::signing_key(1));
    let req = request();
    let issued = issuer.issue(&req).unwrap();
    let input = issued.token.rsplit_once('.').unwrap().0.to_owned();

    let mut g = c.benchmark_group("issue");
    g.throughput(Throughput::Elements(1));
    g.bench_function("ed25519_sign_signing_input", |b| {
        b.iter(|| signer.sign(black_box(input.as_bytes())).unwrap())
    });
    g.bench_function("certificate_to_token", |b| {
        b.iter(|| issuer.issue(black_box(&req)).unwrap())
    });
    g.bench_function("certificate_to_token_and_qr_png", |b| {
        b.iter(|| {
            let issued = issuer.issue(black_box(&req)).unwrap();
            QrMatrix::encode(&issued.qr_text, Correction::Medium)
                .unwrap()
                .to_png(4)
                .unwrap()
        })
    });
    g.bench_function("certificate_to_token_and_qr_svg", |b| {
        b.iter(|| {
            let issued = issuer.issue(black_box(&req)).unwrap();
            QrMatrix::encode(&issued.qr_text, Correction::Medium)
                .unwrap()
                .to_svg(40.0)
        })
    });
    g.bench_function("qr_encode_only", |b| {
        b.iter(|| QrMatrix::encode(black_box(&issued.qr_text), Correction::Medium).unwrap())
    });
    g.finish();
}

criterion_group!(issue, benches);
criterion_main!(issue);
