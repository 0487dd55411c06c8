//! Printable-certificate benchmarks: a certificate to token + PDF, and the SVG alone; the
//! one-shot path (`render_pdf`, `render_svg`: the template prepared for every certificate)
//! against a `Printer` prepared once, in the same run (group `batch`).
//!
//! Group `qr`: one certificate's QR code, the numeric form that Sello draws (`QrMatrix::encode`,
//! `qrcodegen`, two segments) against the byte form as Sello drew it before (`fast_qr`, one byte
//! segment) and as `qrcodegen` draws it, in the same run.
//!
//! `cargo bench -p sello-print --bench print` (`-- qr` for the QR group only)

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

/// The QR code of one typical certificate, in each form and with each encoder.
fn qr(c: &mut Criterion) {
    use sello_print::{Correction, QrMatrix};
    let issuer = sello_testkit::keys::issuer("mx.cecati149", 1);
    let mut request = sello_issuer::IssueRequest::new(sello_testkit::typical_certificate());
    request.issued_at = Some(1_795_478_400);
    request.expires = Some(1_953_244_800);
    let issued = issuer.issue(&request).unwrap();
    let (prefix, _) = sello_core::qr_text::segments(&issued.qr_text);
    let byte_form = format!("{}{}", prefix.trim_end_matches('n'), issued.token);
    let numeric = QrMatrix::encode(&issued.qr_text, Correction::Medium).unwrap();
    let byte = QrMatrix::encode(&byte_form, Correction::Medium).unwrap();
    eprintln!(
        "qr: numeric form {} characters, version {}; byte form {} bytes, version {}",
        issued.qr_text.len(),
        numeric.version(),
        byte_form.len(),
        byte.version()
    );
    let mut g = c.benchmark_group("qr");
    g.sample_size(50);
    g.throughput(Throughput::Elements(1));
    g.bench_function("numeric_form_qrcodegen", |b| {
        b.iter(|| QrMatrix::encode(black_box(&issued.qr_text), Correction::Medium).unwrap())
    });
    g.bench_function("byte_form_qrcodegen", |b| {
        b.iter(|| QrMatrix::encode(black_box(&byte_form), Correction::Medium).unwrap())
    });
    g.bench_function("byte_form_fast_qr", |b| {
        // As `QrMatrix::encode` did with `fast_qr`: the code, then its modules as booleans.
        b.iter(|| {
            let code = fast_qr::QRBuilder::new(black_box(byte_form.as_bytes()))
                .ecl(fast_qr::ECL::M)
                .mode(fast_qr::Mode::Byte)
                .build()
                .unwrap();
            code.data[..code.size * code.size]
                .iter()
                .map(|m| m.value())
                .collect::<Vec<bool>>()
        })
    });
    g.finish();
}

criterion_group!(print, benches, qr);
criterion_main!(print);
