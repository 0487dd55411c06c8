//! Agency-scale commands: batch issuing, the ledger, revocation, status lists, key lifecycle.

use crate::{Failure, IssueArgs, key_failure, new_passphrase, passphrase, when};
use clap::{Args, Subcommand, ValueEnum};
use sello_core::Lang;
use sello_core::zone::Zone;
use sello_issuer::batch::{BatchOptions, Outcome, OutputFile, Render, run_batch};
use sello_issuer::files::{PRIVATE, PUBLIC, write_atomic};
use sello_issuer::ledger::{Entry, Ledger};
use sello_issuer::qr::{Correction, QrMatrix};
use sello_issuer::roster::{self, RosterFormat, RowDefaults};
use sello_issuer::{Issued, IssuerDir};
use std::io::IsTerminal as _;
use std::path::PathBuf;

/// An output file kind for batch issuing.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Debug)]
pub enum Output {
    /// QR code, 1-bit PNG.
    Png,
    /// QR code, SVG.
    Svg,
    /// Printable certificate, PDF.
    Pdf,
    /// Printable certificate, SVG (`<serial>-certificado.svg`).
    CertSvg,
}

/// Paper size of printable certificates.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Debug)]
pub enum Paper {
    /// ISO A4.
    A4,
    /// US Letter (common in Mexico).
    Letter,
}

/// Renders a printable certificate to `path` (`.pdf` or `.svg`) with the default template.
pub fn write_certificate(
    path: &std::path::Path,
    issued: &Issued,
    issuer: &sello_core::IssuerInfo,
    paper: Paper,
    lang: Lang,
) -> Result<(), Failure> {
    let fields = sello_print::CertificateFields::from_claims(&issued.claims, issuer);
    let paper = match paper {
        Paper::A4 => sello_print::PaperSize::A4,
        Paper::Letter => sello_print::PaperSize::Letter,
    };
    let printer = sello_print::Printer::new(&sello_print::Template::default_es(), paper)
        .map_err(|e| Failure::usage(e.to_string()))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let bytes = match ext.as_deref() {
        Some("pdf") => printer
            .pdf(&fields, &issued.qr_text)
            .map_err(|e| Failure::usage(e.to_string()))?,
        Some("svg") => printer
            .svg(&fields, &issued.qr_text)
            .map_err(|e| Failure::usage(e.to_string()))?
            .into_bytes(),
        _ => {
            return Err(Failure::usage(lang.pick(
                "--certificate debe terminar en .pdf o .svg",
                "--certificate must end in .pdf or .svg",
            )));
        }
    };
    // Names and ids: owner-only, like the ledger.
    write_atomic(path, &bytes, PRIVATE)
        .map_err(|e| Failure::usage(format!("{}: {e}", path.display())))
}

/// The ledger lives in the issuer folder.
pub fn open_ledger(dir: &IssuerDir) -> Result<Ledger, Failure> {
    Ok(Ledger::open(&dir.path().join("ledger.sqlite"))?)
}

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
pub fn issue_batch(args: IssueArgs, lang: Lang) -> Result<u8, Failure> {
    let roster_path = args.batch.clone().unwrap_or_default();
    let out_dir = args.out.clone().unwrap_or_default();
    let dir = IssuerDir::open(&args.dir)?;
    let bytes = read_capped(&roster_path, roster::MAX_ROSTER_BYTES)?;
    let zone = Zone::of(dir.info());
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
            .map_err(|e| Failure::usage(crate::text::bad_date(lang, &e)))?,
        zone,
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
                .map_err(|e| Failure::usage(format!("{}: {e}", path.display())))?
        }
        None => sello_print::Template::default_es(),
    };
    let paper = match args.paper {
        Paper::A4 => sello_print::PaperSize::A4,
        Paper::Letter => sello_print::PaperSize::Letter,
    };
    let renderer = CliRender {
        formats: args.formats.clone(),
        issuer: dir.info().clone(),
        printer: sello_print::Printer::new(&template, paper)
            .map_err(|e| Failure::usage(e.to_string()))?,
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

/// Reads a file of at most `max` bytes (one more is read, so the parser sees it is too large).
fn read_capped(path: &std::path::Path, max: usize) -> Result<Vec<u8>, Failure> {
    use std::io::Read as _;
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::usage(format!("{}: {e}", path.display())))?;
    let mut bytes = Vec::new();
    file.take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::usage(format!("{}: {e}", path.display())))?;
    Ok(bytes)
}

/// `sello ledger …`.
#[derive(Subcommand)]
pub enum LedgerCommand {
    /// List issued certificates
    List {
        /// Issuer folder
        #[arg(long)]
        dir: PathBuf,
        /// Skip this many
        #[arg(long, default_value_t = 0)]
        offset: u64,
        /// Show at most this many
        #[arg(long, default_value_t = 50)]
        limit: u64,
    },
    /// Show one certificate by serial
    Show {
        /// Issuer folder
        #[arg(long)]
        dir: PathBuf,
        /// The serial ("folio")
        serial: String,
    },
    /// Export the whole ledger as JSON Lines (one certificate per line) on standard output
    Export {
        /// Issuer folder
        #[arg(long)]
        dir: PathBuf,
    },
}

fn entry_line(e: &Entry, lang: Lang, zone: &Zone) -> String {
    let state = match e.revoked_at {
        Some(at) => format!("{} {}", lang.pick("REVOCADO", "REVOKED"), zone.date(at)),
        None => lang.pick("vigente", "in force").to_owned(),
    };
    format!(
        "{:<16} {}  {:<10} {:<40} {}",
        e.serial,
        zone.date(e.issued_at),
        e.code,
        e.holder,
        state
    )
}

/// Runs a ledger subcommand.
pub fn ledger(cmd: LedgerCommand, lang: Lang) -> Result<u8, Failure> {
    match cmd {
        LedgerCommand::List { dir, offset, limit } => {
            let issuer = IssuerDir::open(&dir)?;
            let zone = Zone::of(issuer.info());
            let ledger = open_ledger(&issuer)?;
            println!(
                "{:<16} {:<10}  {:<10} {:<40} {}",
                lang.pick("Folio", "Serial"),
                lang.pick("Emitido", "Issued"),
                lang.pick("Estándar", "Standard"),
                lang.pick("Titular", "Holder"),
                lang.pick("Estado", "State")
            );
            for e in ledger.list(offset, limit)? {
                println!("{}", entry_line(&e, lang, &zone));
            }
            eprintln!("{}: {}", lang.pick("Total", "Total"), ledger.count()?);
            Ok(0)
        }
        LedgerCommand::Show { dir, serial } => {
            let ledger = open_ledger(&IssuerDir::open(&dir)?)?;
            match ledger.get(&serial)? {
                Some(e) => {
                    println!("{}", serde_json::to_string_pretty(&e).unwrap_or_default());
                    Ok(0)
                }
                None => Err(Failure::usage(format!(
                    "{}: {serial}",
                    lang.pick("no está en el registro", "not in the ledger")
                ))),
            }
        }
        LedgerCommand::Export { dir } => {
            let ledger = open_ledger(&IssuerDir::open(&dir)?)?;
            let mut failure = None;
            ledger.for_each(|e| match serde_json::to_string(e) {
                Ok(line) => println!("{line}"),
                Err(err) => failure = Some(err.to_string()),
            })?;
            failure.map_or(Ok(0), |f| Err(Failure::usage(f)))
        }
    }
}

/// `sello revoke`.
#[derive(Args)]
pub struct RevokeArgs {
    /// Issuer folder
    #[arg(long)]
    dir: PathBuf,
    /// The serial ("folio") to revoke
    serial: String,
    /// Why (kept in the ledger, never published)
    #[arg(long)]
    reason: String,
}

/// Revokes a certificate in the ledger.
pub fn revoke(args: RevokeArgs, lang: Lang) -> Result<u8, Failure> {
    let issuer = IssuerDir::open(&args.dir)?;
    let mut ledger = open_ledger(&issuer)?;
    let e = ledger.revoke(&args.serial, &args.reason, sello_issuer::now())?;
    println!("{}", entry_line(&e, lang, &Zone::of(issuer.info())));
    eprintln!(
        "{}",
        lang.pick(
            "Revocado en el registro. Publique la lista de estado: sello status publish --dir …",
            "Revoked in the ledger. Publish the status list: sello status publish --dir …"
        )
    );
    Ok(0)
}

/// `sello status …`.
#[derive(Subcommand)]
pub enum StatusCommand {
    /// Sign the status list from the ledger and write ISSUER_DIR/status.jwt
    Publish {
        /// Issuer folder
        #[arg(long)]
        dir: PathBuf,
        /// Also write it here
        #[arg(long)]
        out: Option<PathBuf>,
        /// Days until verifiers stop trusting this list (publish again before then)
        #[arg(long, default_value_t = 7)]
        valid_days: u32,
    },
}

/// Runs a status subcommand.
pub fn status(cmd: StatusCommand, lang: Lang) -> Result<u8, Failure> {
    let StatusCommand::Publish {
        dir,
        out,
        valid_days,
    } = cmd;
    let issuer_dir = IssuerDir::open(&dir)?;
    let ledger = open_ledger(&issuer_dir)?;
    let pass = passphrase(lang)?;
    let issuer = issuer_dir.issuer(&pass)?;
    drop(pass);
    let list = ledger.status_list()?;
    let now = sello_issuer::now();
    let exp = now + i64::from(valid_days.clamp(1, 366)) * 86_400;
    let token = issuer.sign_status_list(&list, now, exp)?;
    let path = dir.join("status.jwt");
    for path in std::iter::once(&path).chain(&out) {
        write_atomic(path, token.as_bytes(), PUBLIC)
            .map_err(|e| Failure::usage(format!("{}: {e}", path.display())))?;
    }
    println!(
        "{}: {} ({} {}, {} {}; {} {})",
        lang.pick("Lista de estado", "Status list"),
        path.display(),
        list.len(),
        lang.pick("entradas", "entries"),
        list.revoked_count(),
        lang.pick("revocados", "revoked"),
        lang.pick("vigente hasta", "fresh until"),
        Zone::of(issuer_dir.info()).local(exp)
    );
    Ok(0)
}

/// `sello keys …`.
#[derive(Subcommand)]
pub enum KeysCommand {
    /// Start signing with a new key; the old key's window closes now, both stay published
    Rotate {
        /// Issuer folder
        #[arg(long)]
        dir: PathBuf,
        /// Encrypt the new key under a new passphrase (from SELLO_NEW_PASSPHRASE, or asked
        /// twice) instead of the current one
        #[arg(long)]
        new_passphrase: bool,
    },
    /// Mark a key compromised from a time: tokens it signed at or after it are rejected
    Revoke {
        /// Issuer folder
        #[arg(long)]
        dir: PathBuf,
        /// The key id
        kid: String,
        /// Compromise time (RFC 3339, YYYY-MM-DD for the start of that day in the issuer's time
        /// zone, or Unix seconds); 0 rejects everything it signed
        #[arg(long)]
        at: String,
    },
    /// Set the issuer's time zone (IANA name, e.g. America/Mexico_City): the dates of its
    /// certificates are days there. Then publish jwks.json
    SetTimeZone {
        /// Issuer folder
        #[arg(long)]
        dir: PathBuf,
        /// The time zone, AREA/LOCATION (or UTC)
        #[arg(value_name = "AREA/LOCATION")]
        zone: String,
    },
    /// Print (or write) the public key set to hand to verifiers
    Publish {
        /// Issuer folder
        #[arg(long)]
        dir: PathBuf,
        /// Write it here instead of standard output
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// Runs a keys subcommand.
pub fn keys(cmd: KeysCommand, lang: Lang) -> Result<u8, Failure> {
    match cmd {
        KeysCommand::Rotate {
            dir,
            new_passphrase: ask_new,
        } => {
            let mut issuer = IssuerDir::open(&dir)?;
            let old = issuer.active_kid().to_owned();
            let pass = passphrase(lang)?;
            // Fail early, before asking for a new passphrase, when this one does not unlock.
            issuer.unlock(&pass)?;
            let new_pass = if ask_new {
                let info = issuer.info();
                Some(new_passphrase(
                    lang,
                    "SELLO_NEW_PASSPHRASE",
                    &[&info.id, &info.name],
                )?)
            } else {
                None
            };
            let new = issuer
                .rotate(
                    &pass,
                    new_pass.as_deref().map_or(pass.as_str(), String::as_str),
                    sello_issuer::now(),
                )
                .map_err(|e| {
                    let weak = matches!(e, sello_issuer::KeyStoreError::WeakPassphrase(_));
                    let mut failure = key_failure(lang)(e);
                    if weak && !ask_new {
                        failure.message.push(' ');
                        failure
                            .message
                            .push_str(crate::text::rotate_new_passphrase_hint(lang));
                    }
                    failure
                })?;
            drop(pass);
            println!(
                "{}: {old} → {new}. {}",
                lang.pick("Llave rotada", "Key rotated"),
                lang.pick(
                    "Publique el nuevo jwks.json (sello keys publish).",
                    "Publish the new jwks.json (sello keys publish)."
                )
            );
            Ok(0)
        }
        KeysCommand::Revoke { dir, kid, at } => {
            let mut issuer = IssuerDir::open(&dir)?;
            let zone = Zone::of(issuer.info());
            let at = when::parse_instant(&at, &zone)
                .map_err(|e| Failure::usage(crate::text::bad_date(lang, &e)))?;
            issuer.revoke_key(&kid, at)?;
            println!(
                "{} {kid} ({} {}). {}",
                lang.pick("Llave revocada", "Key revoked"),
                lang.pick("desde", "from"),
                zone.local(at),
                lang.pick(
                    "Publique el nuevo jwks.json; si era la llave activa, rote las llaves.",
                    "Publish the new jwks.json; if it was the active key, rotate keys."
                )
            );
            Ok(0)
        }
        KeysCommand::SetTimeZone { dir, zone } => {
            let mut issuer = IssuerDir::open(&dir)?;
            let zone = issuer.set_time_zone(&zone)?;
            println!(
                "{}: {zone}. {}",
                crate::text::time_zone_label(lang),
                crate::text::time_zone_set(lang)
            );
            Ok(0)
        }
        KeysCommand::Publish { dir, out } => {
            let issuer = IssuerDir::open(&dir)?;
            let json = issuer.key_set().to_json();
            match out {
                Some(path) => write_atomic(&path, json.as_bytes(), PUBLIC)
                    .map_err(|e| Failure::usage(format!("{}: {e}", path.display())))?,
                None => println!("{}", json.trim_end()),
            }
            Ok(0)
        }
    }
}
