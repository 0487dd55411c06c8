//! `sello issue --batch ROSTER --out DIR`: a whole roster, recorded in the ledger.

use crate::cli::IssueArgs;
use crate::failure::Failure;
use crate::i18n::path_of;
use crate::shared::{bad_date, open_ledger, passphrase, read_capped};
use sello_issuer::dates as when;
use sello_issuer::roster::{self, RosterFormat, RowDefaults};
use sello_issuer::{BatchOptions, Outcome, OutputFile, Render, run_batch};
use sello_issuer::{Issued, IssuerDir};
use std::io::IsTerminal as _;

/// What a batch writes for each certificate: `--formats`, rendered by `sello-print`.
struct CliRender {
    outputs: sello_print::Outputs,
    issuer: sello_core::IssuerInfo,
    labels: sello_core::jwk::AttributeLabels,
}

impl Render for CliRender {
    fn render(&self, issued: &Issued) -> Result<Vec<OutputFile>, String> {
        let fields = sello_print::CertificateFields::from_claims(&issued.claims, &self.issuer)
            .with_attribute_labels(&self.labels);
        self.outputs
            .render(&fields, &issued.qr_text)
            .map_err(|e| e.to_string())
    }

    fn file_names(&self, serial: &str) -> Vec<String> {
        self.outputs.file_names(serial)
    }
}

/// `sello issue --batch ROSTER --out DIR`.
pub fn run(args: IssueArgs) -> Result<u8, Failure> {
    let roster_path = args.batch.clone().unwrap_or_default();
    let out_dir = args.out.clone().unwrap_or_default();
    let dir = IssuerDir::open(&args.dir)?;
    let bytes = read_capped(&roster_path, roster::MAX_ROSTER_BYTES)?;
    let zone = sello_core::zone::Zone::of(dir.info());
    let defaults = RowDefaults {
        code: args.code.clone(),
        title: args.title.clone(),
        level: args.level.clone(),
        unit: args.unit.clone(),
        expires: args
            .expires
            .as_deref()
            .map(|e| when::parse_expiry(e, &zone))
            .transpose()
            .map_err(|e| bad_date(&e))?,
        zone,
    };
    // A column may be named by a label the issuer declared ("Departamento" for `dep`).
    let labels = roster::label_columns(&dir.key_set().attribute_labels);
    let (rows, rejected) = roster::parse_with_labels(
        &bytes,
        RosterFormat::from_path(&roster_path),
        &defaults,
        &labels,
    )?;
    let pass = passphrase()?;
    let issuer = dir.issuer(&pass)?;
    drop(pass);
    let mut ledger = open_ledger(&dir, &args.ledger)?;
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(rows.len() as u64);
        bar.set_style(progress_style(rows.len()));
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let template = match &args.template {
        Some(path) => {
            let text = read_capped(path, sello_print::MAX_TEMPLATE_BYTES)?;
            sello_print::Template::parse(&String::from_utf8_lossy(&text))
                .map_err(|e| Failure::Data(format!("{}: {e}", path_of(path))))?
        }
        None => sello_print::Template::default_es(),
    };
    let renderer = CliRender {
        outputs: sello_print::Outputs::new(&args.formats, &template, args.paper)
            .map_err(|e| Failure::Data(e.to_string()))?,
        issuer: dir.info().clone(),
        labels: dir.key_set().attribute_labels.clone(),
    };
    let options = BatchOptions {
        out_dir: out_dir.clone(),
        chunk_size: 256,
        issued_at: None,
    };
    let started = std::time::Instant::now();
    let summary = run_batch(
        &issuer,
        &mut *ledger,
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
                "{}",
                tr!(
                    "batch-row-failed",
                    roster = path_of(&roster_path),
                    line = r.line,
                    why = why.as_str()
                )
            );
        }
    }
    qr_versions(&summary, &rows);
    eprintln!(
        "{}",
        tr!(
            "batch-summary",
            issued = issued,
            already = already,
            failed = failed,
            secs = format!("{:.1}", started.elapsed().as_secs_f64()),
            path = path_of(&out_dir.join("summary.csv"))
        )
    );
    Ok(if failed > 0 { 1 } else { 0 })
}

/// Prints the range of QR versions the batch's certificates need, and a warning naming the
/// rows past [`sello_issuer::QR_VERSION_TARGET`] and their longest fields.
fn qr_versions(summary: &[sello_issuer::SummaryRow], rows: &[roster::RosterRow]) {
    let versions = summary.iter().filter_map(|r| r.qr_version);
    let (Some(min), Some(max)) = (versions.clone().min(), versions.max()) else {
        return;
    };
    let range = if min == max {
        min.to_string()
    } else {
        format!("{min}–{max}")
    };
    eprintln!("{}", tr!("batch-qr-versions", range = range));
    let target = sello_issuer::QR_VERSION_TARGET;
    let long: Vec<String> = summary
        .iter()
        .filter(|r| r.qr_version.is_some_and(|v| v > target))
        .map(|r| {
            let fields = rows
                .iter()
                .find(|row| row.line == r.line)
                .map(|row| {
                    sello_issuer::longest_fields(&row.request.certificate)
                        .iter()
                        .map(|(name, len)| {
                            let name = sello_core::untrusted::escape(name);
                            tr!("batch-qr-field", field = name.as_ref(), len = *len)
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            tr!(
                "batch-qr-long-row",
                line = r.line,
                version = r.qr_version.unwrap_or(0),
                fields = fields
            )
        })
        .collect();
    if !long.is_empty() {
        eprintln!(
            "{}",
            tr!(
                "batch-qr-long",
                n = long.len(),
                target = target,
                rows = long.join("; ")
            )
        );
    }
}

/// The progress bar's template, with its unit: "████░░ 120/400 certificados · 35/s · faltan 8s".
fn progress_template(lang: sello_core::Lang, rows: usize) -> String {
    use crate::i18n::CATALOG;
    let unit = sello_core::t!(CATALOG, lang, "batch-unit", n = rows);
    let rate = sello_core::t!(CATALOG, lang, "batch-progress-rate", rate = "{rate}");
    let left = sello_core::t!(CATALOG, lang, "batch-progress-left", eta = "{eta}");
    format!("{{spinner}} {{bar:40}} {{pos}}/{{len}} {unit} · {rate} · {left}")
}

fn progress_style(rows: usize) -> indicatif::ProgressStyle {
    indicatif::ProgressStyle::with_template(&progress_template(sello_core::i18n::language(), rows))
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .with_key(
            "rate",
            |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}", state.per_sec());
            },
        )
}

/// The renderer `issue --batch` uses, for other commands that write certificates the same way
/// (`sello reissue`).
pub(crate) fn renderer(
    formats: &[sello_print::Output],
    key_set: &sello_core::KeySet,
    template: &sello_print::Template,
    paper: sello_print::PaperSize,
) -> Result<impl Render + use<>, Failure> {
    Ok(CliRender {
        outputs: sello_print::Outputs::new(formats, template, paper)
            .map_err(|e| Failure::Data(e.to_string()))?,
        issuer: key_set.issuer.clone(),
        labels: key_set.attribute_labels.clone(),
    })
}

#[cfg(test)]
mod tests {
    use sello_core::Lang;

    #[test]
    fn the_progress_bar_names_its_unit_in_each_language() {
        let es = super::progress_template(Lang::Es, 400);
        let en = super::progress_template(Lang::En, 1);
        assert!(
            es.contains("{pos}/{len} certificados · {rate}/s · faltan {eta}"),
            "{es}"
        );
        assert!(
            en.contains("{pos}/{len} certificate · {rate}/s · {eta} left"),
            "{en}"
        );
        for t in [es, en] {
            assert!(indicatif::ProgressStyle::with_template(&t).is_ok(), "{t}");
        }
    }
}
