//! Printable-certificate benchmarks: a certificate to token + PDF, and the SVG alone; the
//! one-shot path (`render_pdf`, `render_svg`: the template prepared for every certificate)
//! against a `Printer` prepared once, in the same run (group `batch`).
//!
//! `cargo bench -p sello-print --bench print`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sello_print::{CertificateFields, PaperSize, Printer, Template, render_pdf, render_svg};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let issuer = sello_testkit::keys::issuer("mx.cecati149", 1);
    let mut request = sello_issuer::IssueRequest::new(sello_testkit::typical_certificate());
    request.issued_at = Some(1_795_478_400);
    request.expires = Some(1_953_244_800);
    let template = Template::default_es();
    let mut g = c.benchmark_group("print");
    g.sample_size(30);
    g.throughput(Throughput::Elements(1));
    g.bench_function("certificate_to_token_and_pdf_letter", |b| {
        b.iter(|| {
            let issued = issuer.issue(black_box(&request)).unwrap();
            let fields = CertificateFields::from_claims(&issued.claims, issuer.info());
            render_pdf(&template, &fields, &issued.qr_text, PaperSize::Letter).unwrap()
        })
    });
    let issued = issuer.issue(&request).unwrap();
    let fields = CertificateFields::from_claims(&issued.claims, issuer.info());
    g.bench_function("filled_template_svg_only", |b| {
        b.iter(|| {
            render_svg(
                &template,
                black_box(&fields),
                &issued.qr_text,
                PaperSize::A4,
            )
            .unwrap()
        })
    });
    g.finish();

    let printer = Printer::new(&template, PaperSize::Letter).unwrap();
    let mut g = c.benchmark_group("batch");
    g.sample_size(30);
    g.throughput(Throughput::Elements(1));
    g.bench_function("pdf_one_shot", |b| {
        b.iter(|| {
            render_pdf(
                &template,
                black_box(&fields),
                &issued.qr_text,
                PaperSize::Letter,
            )
            .unwrap()
        })
    });
    g.bench_function("pdf_printer", |b| {
        b.iter(|| printer.pdf(black_box(&fields), &issued.qr_text).unwrap())
    });
    g.bench_function("svg_one_shot", |b| {
        b.iter(|| {
            render_svg(
                &template,
                black_box(&fields),
                &issued.qr_text,
                PaperSize::Letter,
            )
            .unwrap()
        })
    });
    g.bench_function("svg_printer", |b| {
        b.iter(|| printer.svg(black_box(&fields), &issued.qr_text).unwrap())
    });
    g.bench_function("printer_new", |b| {
        b.iter(|| Printer::new(black_box(&template), PaperSize::Letter).unwrap())
    });
    g.finish();
}

criterion_group!(print, benches);
criterion_main!(print);
