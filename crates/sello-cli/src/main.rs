//! `sello`: issue certificates into QR codes and verify them.
//!
//! The binary only parses arguments, calls the libraries and prints. Exit status: 0 all valid,
//! 1 any invalid, 2 usage error or unreadable input, 3 indeterminate and none invalid.

/// `println!` for the whole binary, defined before the modules so that they use it too: a
/// closed pipe (`sello verify … | head`) ends the program quietly instead of panicking.
macro_rules! println {
    ($($arg:tt)*) => {
        $crate::stdout_line(format_args!($($arg)*))
    };
}

mod agency;
mod demo;
mod report;
mod text;
mod web;

use clap::{Args, Parser, Subcommand, ValueEnum};
use sello_core::untrusted::Escaped;
use sello_core::{Achievement, Certificate, Holder, IssuerInfo, Lang};
use sello_issuer::dates as when;
use sello_issuer::files::{PRIVATE, write_atomic};
use sello_issuer::qr::{Correction, QrMatrix};
use sello_issuer::{IssueRequest, IssuerDir, KeyStoreError};
use sello_verifier::{TrustStore, Verifier};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use zeroize::Zeroizing;

/// Sello: certificados firmados en códigos QR / signed certificates in QR codes.
#[derive(Parser)]
#[command(name = "sello", version, about, max_term_width = 100)]
struct Cli {
    /// Language of messages: es or en (default: from LC_ALL/LC_MESSAGES/LANG; Spanish otherwise)
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Es,
    En,
}

#[derive(Subcommand)]
enum Command {
    /// Create an issuer folder: identity, encrypted signing key, public key set (jwks.json)
    Keygen(KeygenArgs),
    /// Issue one certificate (print its token, write its QR code), or a roster with --batch
    Issue(Box<IssueArgs>),
    /// Verify tokens, URLs, QR images (PNG, JPEG, SVG) or standard input (-)
    Verify(VerifyArgs),
    /// Print the text of every QR code found in images
    Scan(ScanArgs),
    /// Run the end-to-end demonstration on an embedded roster of 39 staff
    Demo(DemoArgs),
    /// Inspect the issuer's ledger of issued certificates
    #[command(subcommand)]
    Ledger(agency::LedgerCommand),
    /// Revoke a certificate issued in error (then publish the status list)
    Revoke(agency::RevokeArgs),
    /// Publish the issuer's signed status list (revocations)
    #[command(subcommand)]
    Status(agency::StatusCommand),
    /// Rotate, revoke and publish the issuer's keys
    #[command(subcommand)]
    Keys(agency::KeysCommand),
    /// Serve the verification page, the verification API, key sets and status lists
    Serve(web::ServeArgs),
    /// Export the verification page with key sets and status lists as a static site
    #[command(subcommand)]
    Site(web::SiteCommand),
}

#[derive(Args)]
struct KeygenArgs {
    /// Issuer folder to create
    #[arg(long)]
    dir: PathBuf,
    /// Issuer id, matched against the `iss` claim (e.g. mx.cecati149)
    #[arg(long)]
    id: String,
    /// Display name (e.g. "CECATI 149")
    #[arg(long)]
    name: String,
    /// Verification page; QR codes will carry URL#TOKEN
    #[arg(long)]
    url: Option<String>,
    /// The issuer's time zone (IANA name): the dates of its certificates (--expires, what
    /// verifiers show) are days there. Published in jwks.json; `sello keys set-time-zone`
    /// changes it
    #[arg(
        long,
        value_name = "AREA/LOCATION",
        default_value = "America/Mexico_City"
    )]
    time_zone: String,
}

#[derive(Args)]
struct IssueArgs {
    /// Issuer folder (from `sello keygen`)
    #[arg(long)]
    dir: PathBuf,
    /// Holder's full name (one certificate; or use --batch)
    #[arg(long, required_unless_present = "batch")]
    holder: Option<String>,
    /// Holder's national id (e.g. CURP)
    #[arg(long)]
    holder_id: Option<String>,
    /// Standard code (e.g. EC0105); with --batch, the default for rows without one
    #[arg(long, required_unless_present = "batch")]
    code: Option<String>,
    /// Standard title; with --batch, the default for rows without one
    #[arg(long, required_unless_present = "batch")]
    title: Option<String>,
    /// Level
    #[arg(long)]
    level: Option<String>,
    /// Issuing unit (e.g. "CECATI 149")
    #[arg(long)]
    unit: Option<String>,
    /// Serial ("folio"); generated when not given
    #[arg(long)]
    serial: Option<String>,
    /// Valid through this date (YYYY-MM-DD: to the end of that day in the issuer's time zone),
    /// or until an RFC 3339 time
    #[arg(long)]
    expires: Option<String>,
    /// Extra field KEY=VALUE (repeatable)
    #[arg(long = "attr", value_name = "KEY=VALUE")]
    attrs: Vec<String>,
    /// Write the QR code to FILE.png or FILE.svg
    #[arg(long, value_name = "FILE", conflicts_with = "batch")]
    qr: Option<PathBuf>,
    /// Write the printable certificate to FILE.pdf or FILE.svg (see --paper)
    #[arg(long, value_name = "FILE", conflicts_with = "batch")]
    certificate: Option<PathBuf>,
    /// Print the result as JSON
    #[arg(long)]
    json: bool,
    /// Issue a whole roster (CSV, or JSON Lines for .jsonl): see `docs/ISSUING.md`
    #[arg(long, value_name = "ROSTER", requires = "out", conflicts_with_all = ["holder", "holder_id", "serial", "attrs"])]
    batch: Option<PathBuf>,
    /// With --batch: folder for the QR codes, printable certificates and summary.csv
    #[arg(long, value_name = "OUT_DIR")]
    out: Option<PathBuf>,
    /// With --batch: what to write for each certificate
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [agency::Output::Png, agency::Output::Svg, agency::Output::Pdf])]
    formats: Vec<agency::Output>,
    /// Paper size of the printable certificate
    #[arg(long, value_enum, default_value_t = agency::Paper::Letter)]
    paper: agency::Paper,
    /// With --batch: your own SVG template for the printable certificate
    #[arg(long, value_name = "TEMPLATE.svg")]
    template: Option<PathBuf>,
}

/// Where the trusted key sets and the status lists come from (`verify`, `serve`, `site export`).
#[derive(Args)]
pub struct TrustArgs {
    /// Trusted key set: a JWKS file or a folder of them (repeatable; also SELLO_KEYS)
    #[arg(
        long = "keys",
        value_name = "JWKS_FILE_OR_DIR",
        env = "SELLO_KEYS",
        value_delimiter = ':'
    )]
    pub keys: Vec<PathBuf>,
    /// Status list (a .jwt file from `sello status publish`) or a folder of them (repeatable).
    /// Certificates with a status entry and no fresh list of their issuer are indeterminate.
    #[arg(long = "status", value_name = "JWT_FILE_OR_DIR")]
    pub status: Vec<PathBuf>,
    /// Clock leeway in seconds
    #[arg(long, default_value_t = sello_verifier::verify::DEFAULT_LEEWAY)]
    pub leeway: i64,
}

#[derive(Args)]
struct VerifyArgs {
    #[command(flatten)]
    trust: TrustArgs,
    /// One JSON object per line instead of the human report
    #[arg(long)]
    json: bool,
    /// Verify as of this time (RFC 3339, YYYY-MM-DD at 00:00 UTC, or Unix seconds) instead of now
    #[arg(long)]
    at: Option<String>,
    /// Images read at once (default: one per core)
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    jobs: Option<u16>,
    /// Accepted for scripts written for earlier versions: every signature is now checked on
    /// its own with the strict Ed25519 check, whatever the number of inputs
    #[arg(long, hide = true)]
    one_by_one: bool,
    /// Tokens, URLs, image files (PNG, JPEG, SVG), folders (their .png, .jpg, .jpeg, .svg,
    /// .jwt and .txt files, sub-folders included), or - for standard input. A PDF is not read:
    /// give the QR code's PNG that `sello issue --batch` writes next to it
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
}

/// Inputs read, decoded and verified together: enough for batches to pay, few enough that
/// results appear as they come.
const VERIFY_CHUNK: usize = 256;

#[derive(Args)]
struct ScanArgs {
    /// One JSON object per code ({"input", "text"}) with the exact text; the default output
    /// shows control and invisible format characters escaped as \u{…}
    #[arg(long)]
    json: bool,
    /// Image files (PNG, JPEG, SVG), or - for standard input
    #[arg(required = true, value_name = "IMAGE")]
    images: Vec<String>,
}

#[derive(Args)]
struct DemoArgs {
    /// Output folder (re-created if it holds an earlier demo)
    #[arg(long, default_value = "sello-demo")]
    out: PathBuf,
}

/// Writes one line to standard output; on a closed pipe, exits with 141 (128 + SIGPIPE), as
/// shell tools do; on any other write error, reports it and exits with 74 (EX_IOERR).
pub fn stdout_line(args: std::fmt::Arguments<'_>) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.write_all(b"\n")) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(141);
        }
        eprintln!("sello: {e}");
        std::process::exit(74);
    }
}

/// A failure at the binary's edge: a message for the user and an exit status.
pub struct Failure {
    message: String,
    status: u8,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            status: 2,
        }
    }
}

impl<E: std::error::Error> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure::usage(e.to_string())
    }
}

fn env_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .map_or(Lang::Es, |v| Lang::from_locale(&v))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        Some(LangArg::Es) => Lang::Es,
        Some(LangArg::En) => Lang::En,
        None => env_lang(),
    };
    // Every message people read, library errors included, in that language.
    sello_core::i18n::set_language(lang);
    let result = match cli.command {
        Command::Keygen(args) => keygen(args, lang),
        Command::Issue(args) => issue(*args, lang),
        Command::Verify(args) => verify(args, lang),
        Command::Scan(args) => scan(args, lang),
        Command::Demo(args) => demo::run(&args.out, lang),
        Command::Ledger(cmd) => agency::ledger(cmd, lang),
        Command::Revoke(args) => agency::revoke(args, lang),
        Command::Status(cmd) => agency::status(cmd, lang),
        Command::Keys(cmd) => agency::keys(cmd, lang),
        Command::Serve(args) => web::serve(args, lang),
        Command::Site(cmd) => web::site(cmd, lang),
    };
    match result {
        Ok(status) => ExitCode::from(status),
        Err(failure) => {
            // The message may quote file names and other untrusted text: escaped, always.
            eprintln!(
                "sello: {}: {}",
                text::error_prefix(lang),
                Escaped(&failure.message)
            );
            ExitCode::from(failure.status)
        }
    }
}

/// The passphrase from `SELLO_PASSPHRASE`, or asked on the terminal.
pub fn passphrase(lang: Lang) -> Result<Zeroizing<String>, Failure> {
    if let Ok(p) = std::env::var("SELLO_PASSPHRASE") {
        return Ok(Zeroizing::new(p));
    }
    ask_passphrase(text::passphrase_prompt(lang), lang)
}

fn ask_passphrase(prompt: &str, lang: Lang) -> Result<Zeroizing<String>, Failure> {
    rpassword::prompt_password(prompt)
        .map(Zeroizing::new)
        .map_err(|_| Failure::usage(text::passphrase_missing(lang)))
}

/// A passphrase for a new key, from the environment variable `var` or asked on the terminal
/// (then twice), refused with an explanation unless it is strong enough
/// ([`sello_issuer::passphrase`]); `known` are the issuer's id and name.
pub fn new_passphrase(lang: Lang, var: &str, known: &[&str]) -> Result<Zeroizing<String>, Failure> {
    let from_env = std::env::var(var).ok().map(Zeroizing::new);
    let prompted = from_env.is_none();
    let pass = match from_env {
        Some(p) => p,
        None => ask_passphrase(text::passphrase_prompt_new(lang), lang)?,
    };
    sello_issuer::passphrase::check(&pass, known)
        .map_err(|w| Failure::usage(text::weak_passphrase(lang, &w)))?;
    if prompted && *ask_passphrase(text::passphrase_again(lang), lang)? != *pass {
        return Err(Failure::usage(text::passphrase_mismatch(lang)));
    }
    Ok(pass)
}

/// An issuer-folder error for the person: a weak passphrase is explained in their language.
pub fn key_failure(lang: Lang) -> impl Fn(KeyStoreError) -> Failure {
    move |e| match e {
        KeyStoreError::WeakPassphrase(w) => Failure::usage(text::weak_passphrase(lang, &w)),
        other => other.into(),
    }
}

fn keygen(args: KeygenArgs, lang: Lang) -> Result<u8, Failure> {
    let pass = new_passphrase(lang, "SELLO_PASSPHRASE", &[&args.id, &args.name])?;
    let info = IssuerInfo {
        id: args.id,
        name: args.name,
        verify_url: args.url,
        time_zone: Some(args.time_zone),
    };
    let dir = IssuerDir::create(&args.dir, info, &pass).map_err(key_failure(lang))?;
    println!(
        "{}: {} ({})",
        text::keygen_done(lang),
        dir.info().name,
        dir.info().id
    );
    println!("kid: {}", dir.active_kid());
    if let Some(zone) = &dir.info().time_zone {
        println!("{}: {zone}", text::time_zone_label(lang));
    }
    println!(
        "{}: {}",
        text::private_key_note(lang),
        args.dir
            .join("private")
            .join(format!("{}.p8", dir.active_kid()))
            .display()
    );
    println!(
        "{}: {}",
        text::keygen_publish(lang),
        args.dir.join("jwks.json").display()
    );
    Ok(0)
}

fn parse_attrs(attrs: &[String], lang: Lang) -> Result<BTreeMap<String, String>, Failure> {
    attrs
        .iter()
        .map(|a| {
            a.split_once('=')
                .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
                .ok_or_else(|| Failure::usage(format!("{}: {a:?}", text::bad_attr(lang))))
        })
        .collect()
}

/// Writes a QR code as PNG or SVG, chosen by the file's extension.
pub fn write_qr(path: &Path, qr_text: &str, lang: Lang) -> Result<(), Failure> {
    let qr = QrMatrix::encode(qr_text, Correction::Medium)?;
    let bytes = match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
    {
        Some(e) if e == "png" => qr.to_png(4)?,
        Some(e) if e == "svg" => qr.to_svg(40.0).into_bytes(),
        _ => return Err(Failure::usage(text::qr_extension(lang))),
    };
    // The QR code carries the token: the holder's name and id. Owner-only, like the ledger.
    write_atomic(path, &bytes, PRIVATE)
        .map_err(|e| Failure::usage(format!("{}: {e}", path.display())))
}

fn issue(args: IssueArgs, lang: Lang) -> Result<u8, Failure> {
    if args.batch.is_some() {
        return agency::issue_batch(args, lang);
    }
    if let Some(path) = &args.qr {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !ext.eq_ignore_ascii_case("png") && !ext.eq_ignore_ascii_case("svg") {
            return Err(Failure::usage(text::qr_extension(lang)));
        }
    }
    let dir = IssuerDir::open(&args.dir)?;
    let mut request = IssueRequest::new(Certificate {
        holder: Holder {
            name: args.holder.unwrap_or_default(),
            id: args.holder_id,
        },
        achievement: Achievement {
            code: args.code.unwrap_or_default(),
            title: args.title.unwrap_or_default(),
            level: args.level,
        },
        unit: args.unit,
        attrs: parse_attrs(&args.attrs, lang)?,
    });
    request.serial = args.serial;
    let zone = sello_core::zone::Zone::of(dir.info());
    request.expires = args
        .expires
        .as_deref()
        .map(|e| when::parse_expiry(e, &zone))
        .transpose()
        .map_err(|e| Failure::usage(text::bad_date(lang, &e)))?;
    let pass = passphrase(lang)?;
    let issuer = dir.issuer(&pass)?;
    drop(pass);
    let mut ledger = agency::open_ledger(&dir)?;
    let issued = sello_issuer::batch::issue_recorded(&issuer, &mut ledger, &request)?;
    if let Some(path) = &args.qr {
        write_qr(path, &issued.qr_text, lang)?;
    }
    if let Some(path) = &args.certificate {
        agency::write_certificate(path, &issued, dir.info(), args.paper, lang)?;
    }
    if args.json {
        let out = serde_json::json!({
            "serial": issued.claims.jti,
            "token": issued.token,
            "qr_text": issued.qr_text,
            "qr_file": args.qr,
            "claims": issued.claims,
            "dates": sello_core::zone::ShownDates::of(&issued.claims, &zone),
        });
        println!("{out}");
    } else {
        println!("{}", issued.token);
        let l = text::labels(lang);
        eprintln!("{}: {}", l.serial, issued.claims.jti);
        if issued.qr_text != issued.token {
            eprintln!("{}: {}", text::qr_content(lang), issued.qr_text);
        }
        if let Some(path) = &args.qr {
            eprintln!("{} {}", text::qr_written(lang), path.display());
        }
    }
    Ok(0)
}

/// Builds a verifier from `--keys` paths.
pub fn load_verifier(keys: &[PathBuf], leeway: i64, lang: Lang) -> Result<Verifier, Failure> {
    if keys.is_empty() {
        return Err(Failure::usage(text::no_keys(lang)));
    }
    let mut trust = TrustStore::new();
    for path in keys {
        trust.load(path)?;
    }
    for pair in trust.confusable_issuers() {
        eprintln!("sello: {}", text::confusable_issuers(lang, &pair));
    }
    Ok(Verifier::new(trust).with_leeway(leeway))
}

fn verify(args: VerifyArgs, lang: Lang) -> Result<u8, Failure> {
    let mut verifier = load_verifier(&args.trust.keys, args.trust.leeway, lang)?;
    for path in &args.trust.status {
        verifier.load_status(path)?;
    }
    let at = match &args.at {
        Some(t) => when::parse_instant(t, &sello_core::zone::Zone::utc())
            .map_err(|e| Failure::usage(text::bad_date(lang, &e)))?,
        None => sello_issuer::now(),
    };
    let workers = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(2, |n| n.get()),
        usize::from,
    );
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .build()?;
    let (inputs, failed) = sello_verifier::pipeline::expand(&args.inputs);
    let mut tally = sello_verifier::pipeline::Tally::default();
    for outcome in &failed {
        tally.add(outcome);
        report::print(outcome, args.json, lang);
    }
    for chunk in inputs.chunks(VERIFY_CHUNK) {
        // Reading and decoding images is the slow part: on all workers, results in order.
        for outcome in
            pool.install(|| sello_verifier::pipeline::verify_inputs(&verifier, chunk, at))
        {
            tally.add(&outcome);
            report::print(&outcome, args.json, lang);
        }
    }
    Ok(tally.status())
}

fn scan(args: ScanArgs, lang: Lang) -> Result<u8, Failure> {
    let mut status = 0;
    for arg in &args.images {
        let found = sello_verifier::input::read_arg(arg, std::io::stdin().lock())
            .and_then(|source| sello_verifier::input::qr_texts(&source, arg));
        match found {
            Ok(texts) if texts.is_empty() => {
                eprintln!("{}: {}", Escaped(arg), text::no_qr_found(lang));
                status = 2;
            }
            Ok(texts) => {
                for t in texts {
                    if args.json {
                        println!("{}", serde_json::json!({"input": arg, "text": t}));
                    } else if args.images.len() > 1 {
                        println!("{}: {}", Escaped(arg), Escaped(&t));
                    } else {
                        println!("{}", Escaped(&t));
                    }
                }
            }
            Err(e) => {
                eprintln!("sello: {e}");
                status = 2;
            }
        }
    }
    Ok(status)
}
