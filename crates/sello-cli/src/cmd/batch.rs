//! `sello issue --batch ROSTER --out DIR`: a whole roster, recorded in the ledger.

use crate::cli::{IssueArgs, Output};
use crate::failure::Failure;
use crate::shared::{open_ledger, paper_size, passphrase, read_capped};
use sello_core::Lang;
use sello_issuer::batch::{BatchOptions, Outcome, OutputFile, Render, run_batch};
use sello_issuer::dates as when;
use sello_issuer::qr::{Correction, QrMatrix};
use sello_issuer::roster::{self, RosterFormat, RowDefaults};
use sello_issuer::{Issued, IssuerDir};
use std::io::IsTerminal as _;

struct CliRender {
    formats: Vec<Output>,
    issuer: sello_core::IssuerInfo,
    printer: sello_print::Printer,
}

impl Render for CliRender {
    fn render(&self, issued: &Issued) -> Result<Vec<OutputFile>, String> {
        let serial = &issued.claims.jti;
        let qr =
            QrMatrix::encode(&issued.qr_text, Correction::Medium).map_err(|e| e.to_string())?;
        let mut files = Vec::new();
        for f in &self.formats {
            match f {
                Output::Png => files.push((
                    format!("{serial}.png"),
                    qr.to_png(4).map_err(|e| e.to_string())?,
                )),
                Output::Svg => files.push((format!("{serial}.svg"), qr.to_svg(40.0).into_bytes())),
                Output::Pdf => {
                    let fields =
                        sello_print::CertificateFields::from_claims(&issued.claims, &self.issuer);
                    let pdf = self
                        .printer
                        .pdf(&fields, &issued.qr_text)
                        .map_err(|e| e.to_string())?;
                    files.push((format!("{serial}.pdf"), pdf));
                }
                Output::CertSvg => {
                    let fields =
                        sello_print::CertificateFields::from_claims(&issued.claims, &self.issuer);
                    let svg = self
                        .printer
                        .svg(&fields, &issued.qr_text)
                        .map_err(|e| e.to_string())?;
                    files.push((format!("{serial}-certificado.svg"), svg.into_bytes()));
                }
            }
        }
        Ok(files)
    }

    fn file_names(&self, serial: &str) -> Vec<String> {
        self.formats
            .iter()
            .map(|f| match f {
                Output::Png => format!("{serial}.png"),
                Output::Svg => format!("{serial}.svg"),
                Output::Pdf => format!("{serial}.pdf"),
                Output::CertSvg => format!("{serial}-certificado.svg"),
            })
            .collect()
    }
}

/// `sello issue --batch ROSTER --out DIR`.
pub fn run(args: IssueArgs, lang: Lang) -> Result<u8, Failure> {
    let roster_path = args.batch.clone().unwrap_or_default();
    let out_dir = args.out.clone().unwrap_or_default();
    let dir = IssuerDir::open(&args.dir)?;
    let bytes = read_capped(&roster_path, roster::MAX_ROSTER_BYTES)?;
    let defaults = RowDefaults {
        code: args.code.clone(),
        title: args.title.clone(),
        level: args.level.clone(),
        unit: args.unit.clone(),
        expires: args
            .expires
            .as_deref()
            .map(|e| when::parse(e, 1))
            .transpose()
            .map_err(Failure::usage)?,
    };
    let (rows, rejected) = roster::parse(&bytes, RosterFormat::from_path(&roster_path), &defaults)?;
    let pass = passphrase(lang)?;
    let issuer = dir.issuer(&pass)?;
    drop(pass);
    let mut ledger = open_ledger(&dir)?;
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(rows.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {bar:40} {pos}/{len} {per_sec} ETA {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let template = match &args.template {
        Some(path) => {
            let text = read_capped(path, sello_print::MAX_TEMPLATE_BYTES)?;
            sello_print::Template::parse(&String::from_utf8_lossy(&text))
                .map_err(|e| Failure::Data(format!("{}: {e}", path.display())))?
        }
        None => sello_print::Template::default_es(),
    };
    let paper = paper_size(args.paper);
    let renderer = CliRender {
        formats: args.formats.clone(),
        issuer: dir.info().clone(),
        printer: sello_print::Printer::new(&template, paper)
            .map_err(|e| Failure::Data(e.to_string()))?,
    };
    let options = BatchOptions {
        out_dir: out_dir.clone(),
        chunk_size: 256,
        issued_at: None,
    };
    let started = std::time::Instant::now();
    let summary = run_batch(
        &issuer,
        &mut ledger,
        &rows,
        &rejected,
        &renderer,
        &options,
        &|n| bar.inc(n),
    )?;
    bar.finish_and_clear();
    let count = |f: fn(&Outcome) -> bool| summary.iter().filter(|r| f(&r.outcome)).count();
    let issued = count(|o| *o == Outcome::Issued);
    let already = count(|o| *o == Outcome::AlreadyIssued);
    let failed = count(|o| matches!(o, Outcome::Failed(_)));
    for r in &summary {
        if let Outcome::Failed(why) = &r.outcome {
            eprintln!(
                "{}: {} {}: {why}",
                roster_path.display(),
                lang.pick("línea", "line"),
                r.line
            );
        }
    }
    eprintln!(
        "{}: {issued}; {}: {already}; {}: {failed} ({:.1} s). {}: {}",
        lang.pick("Emitidos", "Issued"),
        lang.pick("ya emitidos antes", "already issued"),
        lang.pick("con error", "failed"),
        started.elapsed().as_secs_f64(),
        lang.pick("Resumen", "Summary"),
        out_dir.join("summary.csv").display()
    );
    Ok(if failed > 0 { 1 } else { 0 })
}
