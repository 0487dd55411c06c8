//! Issues a demo certificate and prints it: `cargo run --release -p sello-print --example
//! certificate -- OUT_DIR [--long]` writes `certificado-a4.{svg,pdf}` and
//! `certificado-letter.{svg,pdf}`, and prints how long rendering takes.

use sello_core::{Achievement, Certificate, Claims, Holder, IssuerInfo};
use sello_issuer::{IssueRequest, Issuer, LocalSigner};
use sello_print::{CertificateFields, PaperSize, Template, render_pdf, render_svg};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = std::path::PathBuf::from(args.first().map_or("sello-print-demo", String::as_str));
    let long = args.iter().any(|a| a == "--long");
    std::fs::create_dir_all(&out)?;

    let info = IssuerInfo {
        id: "mx.cecati149".into(),
        name: "CECATI 149".into(),
        verify_url: Some("https://verifica.cecati149.example.mx/v".into()),
        time_zone: None,
    };
    let issuer = Issuer::new(info.clone(), Box::new(LocalSigner::generate()?));
    let (holder, title) = if long {
        (
            "María Guadalupe Hernández López de la Santísima Trinidad",
            "Prestación de servicios de atención al ciudadano en ventanilla única y orientación \
             sobre trámites municipales en el sector público",
        )
    } else {
        (
            "María Guadalupe Hernández López",
            "Atención al ciudadano en el sector público",
        )
    };
    let mut attrs = std::collections::BTreeMap::new();
    attrs.insert("lugar".to_string(), "Ciudad de México".to_string());
    let certificate = Certificate {
        holder: Holder {
            name: holder.into(),
            id: Some("HELG850312MDFRPD09".into()),
        },
        achievement: Achievement {
            code: "EC0105".into(),
            title: title.into(),
            level: Some("3".into()),
        },
        unit: Some("CECATI 149".into()),
        attrs,
    };
    let mut request = IssueRequest::new(certificate);
    request.expires = Some(sello_issuer::now() + 5 * 365 * 86_400);
    let issued = issuer.issue(&request)?;
    let claims: Claims = sello_core::token::decode(&issued.token)?.claims;
    let fields = CertificateFields::from_claims(&claims, &info);
    let template = Template::default_es();
    println!("QR text: {} bytes", issued.qr_text.len());

    for (paper, name) in [(PaperSize::A4, "a4"), (PaperSize::Letter, "letter")] {
        let svg = render_svg(&template, &fields, &issued.qr_text, paper)?;
        let pdf = render_pdf(&template, &fields, &issued.qr_text, paper)?;
        std::fs::write(out.join(format!("certificado-{name}.svg")), &svg)?;
        std::fs::write(out.join(format!("certificado-{name}.pdf")), &pdf)?;
        println!("{name}: SVG {} bytes, PDF {} bytes", svg.len(), pdf.len());
    }

    let runs = 20;
    let start = Instant::now();
    for _ in 0..runs {
        render_svg(&template, &fields, &issued.qr_text, PaperSize::A4)?;
    }
    let svg_ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    let start = Instant::now();
    for _ in 0..runs {
        render_pdf(&template, &fields, &issued.qr_text, PaperSize::A4)?;
    }
    let pdf_ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    let start = Instant::now();
    for _ in 0..runs {
        Template::default_es();
    }
    let parse_ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    println!(
        "per certificate: SVG {svg_ms:.2} ms, PDF {pdf_ms:.2} ms (template parse {parse_ms:.2} ms)"
    );
    Ok(())
}
