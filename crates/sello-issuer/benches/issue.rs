//! Issuing benchmarks: signing, a certificate to a token, to a QR PNG, to a QR SVG.
//!
//! `cargo bench -p sello-issuer --bench issue`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sello_issuer::{IssueRequest, Signer};
use sello_print::{Correction, QrMatrix};
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

/// Renders the QR code as PNG, as `sello issue --batch --formats png` does.
struct Png;
impl sello_issuer::Render for Png {
    fn render(
        &self,
        issued: &sello_issuer::Issued,
    ) -> Result<Vec<sello_issuer::OutputFile>, String> {
        let png = QrMatrix::encode(&issued.qr_text, Correction::Medium)
            .and_then(|q| q.to_png(4))
            .map_err(|e| e.to_string())?;
        Ok(vec![(format!("{}.png", issued.claims.jti), png)])
    }
    fn file_names(&self, serial: &str) -> Vec<String> {
        vec![format!("{serial}.png")]
    }
}

fn batch(c: &mut Criterion) {
    use sello_issuer::ledger::Ledger;
    use sello_issuer::roster::{RosterFormat, RowDefaults, parse};
    use sello_issuer::{BatchOptions, run_batch};
    const N: usize = 500;
    let mut csv = String::from("nombre,curp,attr.dep\n");
    for i in 0..N {
        csv.push_str(&format!(
            "Persona Número {i},PENU{i:06}HMCRRS09,Registro Civil\n"
        ));
    }
    let defaults = RowDefaults {
        code: Some("EC0105".into()),
        title: Some("Atención al ciudadano en el sector público".into()),
        unit: Some("CECATI 149".into()),
        ..Default::default()
    };
    let (rows, rejected) = parse(csv.as_bytes(), RosterFormat::Csv, &defaults).unwrap();
    let issuer = sello_testkit::keys::issuer("mx.cecati149", 1);
    let mut g = c.benchmark_group("batch");
    g.sample_size(10);
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("roster_500_to_ledger_and_png_files_all_cores", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let ledger = Ledger::open(&dir.path().join("ledger.sqlite")).unwrap();
                (dir, ledger)
            },
            |(dir, mut ledger)| {
                let options = BatchOptions {
                    out_dir: dir.path().join("out"),
                    chunk_size: 256,
                    issued_at: Some(1_795_478_400),
                };
                run_batch(
                    &issuer,
                    &mut ledger,
                    &rows,
                    &rejected,
                    &Png,
                    &options,
                    &|_| {},
                )
                .unwrap();
                dir
            },
            criterion::BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(issue, benches, batch);
criterion_main!(issue);
