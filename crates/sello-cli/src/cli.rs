//! The command line's shape: every command, argument and option (`clap` derive). Their help
//! texts are not here but in the catalogues (`about-<command>`, `help-<command>-<argument>`,
//! `value-<command>-<argument>`; `usage.rs` puts them in and a test checks that none is
//! missing), so the comments below are for whoever reads the code.

use clap::{Args, Parser, Subcommand, ValueEnum};
use sello_print::{Output, PaperSize};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "sello", version, max_term_width = 100)]
pub struct Cli {
    // Language of messages: es or en (default: from LC_ALL/LC_MESSAGES/LANG; Spanish otherwise)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    Es,
    En,
}

#[derive(Subcommand)]
pub enum Command {
    // Create an issuer folder: identity, encrypted signing key, public key set (jwks.json)
    Keygen(KeygenArgs),
    // Issue one certificate (print its token, write its QR code), or a roster with --batch
    Issue(Box<IssueArgs>),
    // Verify tokens, URLs, QR images (PNG, JPEG, SVG) or standard input (-)
    Verify(VerifyArgs),
    // Print the text of every QR code found in images
    Scan(ScanArgs),
    // Run the end-to-end demonstration on an embedded roster of 39 staff
    Demo(DemoArgs),
    // Inspect the issuer's ledger of issued certificates
    #[command(subcommand)]
    Ledger(LedgerCommand),
    // Revoke a certificate issued in error (then publish the status list)
    Revoke(RevokeArgs),
    // Publish the issuer's signed status list (revocations)
    #[command(subcommand)]
    Status(StatusCommand),
    // Rotate, revoke and publish the issuer's keys
    #[command(subcommand)]
    Keys(KeysCommand),
    // Serve the verification page, the verification API, key sets and status lists
    Serve(ServeArgs),
    // Export the verification page with key sets and status lists as a static site
    #[command(subcommand)]
    Site(SiteCommand),
    // Run a federation's registry: root keys, accreditation of centres, trust bundles
    #[command(subcommand)]
    Federation(FederationCommand),
    // Re-issue every certificate a compromised key signed, with the current key
    Reissue(Box<ReissueArgs>),
    // The federations `sello verify` trusts when given no key sets: add, list, remove
    #[command(subcommand)]
    Trust(TrustCommand),
}

// `sello trust …`.
#[derive(Subcommand)]
pub enum TrustCommand {
    // Trust a federation: fetch its bundle, pin the root document with this fingerprint
    Add {
        // The trust bundle's https:// URL
        url: String,
        // The root document's fingerprint (SHA-256, as the federation publishes it)
        #[arg(long, value_name = "SHA256")]
        root_fingerprint: String,
        #[command(flatten)]
        ca: CaFileArg,
    },
    // Show the federations trusted
    List,
    // Stop trusting a federation (its ratchet record stays)
    Remove {
        // The federation's id
        id: String,
    },
}

// Which ledger a command opens: `--ledger`, else SELLO_LEDGER, else issuer.json's `ledger`,
// else the issuer folder's ledger.sqlite.
#[derive(Args, Clone, Default)]
pub struct LedgerArg {
    // The ledger: postgres://USER@HOST:PORT/DATABASE (no password in it: PGPASSWORD or
    // ~/.pgpass) or a SQLite file
    #[arg(long = "ledger", env = "SELLO_LEDGER")]
    pub ledger: Option<String>,
}

// `sello reissue`.
#[derive(Args)]
pub struct ReissueArgs {
    // Issuer folder (its active key signs the new certificates)
    #[arg(long)]
    pub dir: PathBuf,
    // The compromised key's id: every unrevoked certificate it signed is re-issued
    #[arg(long, allow_hyphen_values = true)]
    pub key_compromised: String,
    // Folder for the new certificates' files and summary.csv
    #[arg(long)]
    pub out: PathBuf,
    // What to write for each certificate
    #[arg(long, value_delimiter = ',', value_parser = output_parser(), default_values = ["png", "svg", "pdf"])]
    pub formats: Vec<Output>,
    // Paper size of the printable certificate
    #[arg(long, value_parser = paper_parser(), default_value = "letter")]
    pub paper: PaperSize,
    #[command(flatten)]
    pub ledger: LedgerArg,
}

#[derive(Args)]
pub struct KeygenArgs {
    // Issuer folder to create
    #[arg(long)]
    pub dir: PathBuf,
    // Issuer id, matched against the `iss` claim (e.g. mx.cecati149)
    #[arg(long)]
    pub id: String,
    // Display name (e.g. "CECATI 149")
    #[arg(long)]
    pub name: String,
    // Verification page; QR codes will carry URL#TOKEN
    #[arg(long)]
    pub url: Option<String>,
    // The issuer's time zone (IANA name): the dates of its certificates (--expires, what
    // verifiers show) are days there. Published in jwks.json; `sello keys set-time-zone`
    // changes it
    #[arg(long, default_value = "America/Mexico_City")]
    pub time_zone: String,
    // The ledger to record in issuer.json (a PostgreSQL URL without password); default: the
    // folder's ledger.sqlite
    #[arg(long)]
    pub ledger: Option<String>,
    // Create the folder even inside a git work tree that does not ignore it
    #[arg(long)]
    pub force: bool,
}

#[derive(Args)]
pub struct IssueArgs {
    // Issuer folder (from `sello keygen`)
    #[arg(long)]
    pub dir: PathBuf,
    // Holder's full name (one certificate; or use --batch)
    #[arg(long, required_unless_present = "batch")]
    pub holder: Option<String>,
    // Holder's national id (e.g. CURP)
    #[arg(long)]
    pub holder_id: Option<String>,
    // Standard code (e.g. EC0105); with --batch, the default for rows without one
    #[arg(long, required_unless_present = "batch")]
    pub code: Option<String>,
    // Standard title; with --batch, the default for rows without one
    #[arg(long, required_unless_present = "batch")]
    pub title: Option<String>,
    // Level
    #[arg(long)]
    pub level: Option<String>,
    // Issuing unit (e.g. "CECATI 149")
    #[arg(long)]
    pub unit: Option<String>,
    // Serial ("folio"); generated when not given
    #[arg(long)]
    pub serial: Option<String>,
    // Valid through this date (YYYY-MM-DD), or until an RFC 3339 time
    #[arg(long)]
    pub expires: Option<String>,
    // Extra field KEY=VALUE (repeatable)
    #[arg(long = "attr", value_name = "KEY=VALUE")]
    pub attrs: Vec<String>,
    // Write the QR code to FILE.png or FILE.svg
    #[arg(long, value_name = "FILE", conflicts_with = "batch")]
    pub qr: Option<PathBuf>,
    // Write the printable certificate to FILE.pdf or FILE.svg (see --paper)
    #[arg(long, value_name = "FILE", conflicts_with = "batch")]
    pub certificate: Option<PathBuf>,
    // Print the result as JSON
    #[arg(long)]
    pub json: bool,
    // Issue a whole roster (CSV, or JSON Lines for .jsonl): see `docs/ISSUING.md`
    #[arg(long, value_name = "ROSTER", requires = "out", conflicts_with_all = ["holder", "holder_id", "serial", "attrs"])]
    pub batch: Option<PathBuf>,
    // With --batch: folder for the QR codes, printable certificates and summary.csv
    #[arg(long, value_name = "OUT_DIR")]
    pub out: Option<PathBuf>,
    // With --batch: what to write for each certificate
    #[arg(long, value_delimiter = ',', value_parser = output_parser(), default_values = ["png", "svg", "pdf"])]
    pub formats: Vec<Output>,
    // Paper size of the printable certificate
    #[arg(long, value_parser = paper_parser(), default_value = "letter")]
    pub paper: PaperSize,
    // With --batch: your own SVG template for the printable certificate
    #[arg(long, value_name = "TEMPLATE.svg")]
    pub template: Option<PathBuf>,
    #[command(flatten)]
    pub ledger: LedgerArg,
}

// Where the trusted key sets and the status lists come from (`verify`, `serve`, `site export`).
#[derive(Args)]
pub struct TrustArgs {
    // Trusted key set: a JWKS file or a folder of them (repeatable; also SELLO_KEYS)
    #[arg(
        long = "keys",
        value_name = "JWKS_FILE_OR_DIR",
        env = "SELLO_KEYS",
        value_delimiter = ':'
    )]
    pub keys: Vec<PathBuf>,
    // Status list (a .jwt file from `sello status publish`) or a folder of them (repeatable).
    // Certificates with a status entry and no fresh list of their issuer are indeterminate.
    #[arg(long = "status", value_name = "JWT_FILE_OR_DIR")]
    pub status: Vec<PathBuf>,
    // Clock leeway in seconds
    #[arg(long, default_value_t = sello_verifier::DEFAULT_LEEWAY)]
    pub leeway: i64,
}

// Certificates of authorities trusted for HTTPS besides Mozilla's roots (`verify`, `trust add`).
#[derive(Args, Clone, Default)]
pub struct CaFileArg {
    // Also trust the certificate authorities of this PEM file for HTTPS
    #[arg(long = "ca-file", value_name = "PEM_FILE", env = "SELLO_CA_FILE")]
    pub ca_file: Option<PathBuf>,
}

#[derive(Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub trust: TrustArgs,
    // One JSON object per line instead of the human report
    #[arg(long)]
    pub json: bool,
    // Verify as of this time (RFC 3339, YYYY-MM-DD or Unix seconds) instead of now
    #[arg(long)]
    pub at: Option<String>,
    // Images read at once (default: one per core)
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
    // Accepted for scripts written for earlier versions: every signature is now checked on
    // its own with the strict Ed25519 check, whatever the number of inputs
    #[arg(long, hide = true)]
    pub one_by_one: bool,
    // The federation's root document (root.json, pinned): with --bundle, trust the centres
    // it accredits instead of --keys
    #[arg(
        long = "trust",
        id = "trust_root",
        value_name = "ROOT_JSON",
        requires = "bundle"
    )]
    pub trust_root: Option<PathBuf>,
    // The federation's trust bundle: trust.jwt from `sello federation publish`, or its
    // https:// URL (fetched, kept in the cache, used from there when the network fails)
    #[arg(long, value_name = "TRUST_JWT_OR_URL", requires = "trust_root")]
    pub bundle: Option<String>,
    // Also write a receipt of the check (PDF, or SVG for a .svg name; not a certificate):
    // what was checked, when, the verdict and reason, the claims, the trust used and the
    // token's SHA-256. Needs exactly one certificate among the inputs
    #[arg(long, value_name = "RECEIPT_PDF")]
    pub receipt: Option<PathBuf>,
    // Refuse a bundle older than this (e.g. 36h, 7d; s, m, h, d or seconds)
    #[arg(long, value_name = "DURATION")]
    pub max_bundle_age: Option<String>,
    // Without --keys or --trust: the federation of `sello trust add` to use, when there are
    // several
    #[arg(long, value_name = "ID", conflicts_with = "trust_root")]
    pub federation: Option<String>,
    #[command(flatten)]
    pub ca: CaFileArg,
    // Tokens, URLs, image files (PNG, JPEG, SVG), folders (their .png, .jpg, .jpeg, .svg,
    // .jwt and .txt files, sub-folders included), or - for standard input. A PDF is not read:
    // give the QR code's PNG that `sello issue --batch` writes next to it
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
}

#[derive(Args)]
pub struct ScanArgs {
    // One JSON object per code ({"input", "text"}) with the exact text; the default output
    // shows control and invisible format characters escaped as \u{…}
    #[arg(long)]
    pub json: bool,
    // Image files (PNG, JPEG, SVG), or - for standard input
    #[arg(required = true, value_name = "IMAGE")]
    pub images: Vec<String>,
}

#[derive(Args)]
pub struct DemoArgs {
    // Output folder (re-created if it holds an earlier demo)
    #[arg(long, default_value = "sello-demo")]
    pub out: PathBuf,
}

// `--formats`: the outputs of `sello-print`, by their names (png, svg, pdf, cert-svg).
fn output_parser() -> impl clap::builder::TypedValueParser<Value = Output> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(Output::ALL.map(Output::name))
        .try_map(|name: String| name.parse::<Output>())
}

// `--paper`: the paper sizes of `sello-print`, by their names (a4, letter).
fn paper_parser() -> impl clap::builder::TypedValueParser<Value = PaperSize> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(PaperSize::ALL.map(PaperSize::name))
        .try_map(|name: String| PaperSize::from_name(&name).ok_or("not a paper size"))
}

// `sello ledger …`.
#[derive(Subcommand)]
pub enum LedgerCommand {
    // List issued certificates
    List {
        // Issuer folder
        #[arg(long)]
        dir: PathBuf,
        // Skip this many
        #[arg(long, default_value_t = 0)]
        offset: u64,
        // Show at most this many
        #[arg(long, default_value_t = 50)]
        limit: u64,
        #[command(flatten)]
        ledger: LedgerArg,
    },
    // Show one certificate by serial
    Show {
        // Issuer folder
        #[arg(long)]
        dir: PathBuf,
        // The serial ("folio")
        serial: String,
        #[command(flatten)]
        ledger: LedgerArg,
    },
    // Export the whole ledger as JSON Lines (one certificate per line) on standard output
    Export {
        // Issuer folder
        #[arg(long)]
        dir: PathBuf,
        #[command(flatten)]
        ledger: LedgerArg,
    },
    // Copy a ledger into another (SQLite to PostgreSQL), then check the copy; run again to
    // pick up what is new
    Migrate {
        // The ledger to copy (a SQLite file or a PostgreSQL URL)
        #[arg(long)]
        from: String,
        // The ledger to copy into
        #[arg(long)]
        to: String,
    },
}

// `sello revoke`.
#[derive(Args)]
pub struct RevokeArgs {
    // Issuer folder
    #[arg(long)]
    pub dir: PathBuf,
    // The serial ("folio") to revoke
    pub serial: String,
    // Why (kept in the ledger, never published)
    #[arg(long)]
    pub reason: String,
    #[command(flatten)]
    pub ledger: LedgerArg,
}

// `sello status …`.
#[derive(Subcommand)]
pub enum StatusCommand {
    // Sign the status list from the ledger and write ISSUER_DIR/status.jwt
    Publish {
        // Issuer folder
        #[arg(long)]
        dir: PathBuf,
        // Also write it here
        #[arg(long)]
        out: Option<PathBuf>,
        // Days until verifiers stop trusting this list (publish again before then)
        #[arg(long, default_value_t = 7)]
        valid_days: u32,
        #[command(flatten)]
        ledger: LedgerArg,
    },
}

// `sello keys …`.
#[derive(Subcommand)]
pub enum KeysCommand {
    // Start signing with a new key; the old key's window closes now, both stay published
    Rotate {
        // Issuer folder
        #[arg(long)]
        dir: PathBuf,
        // Encrypt the new key under a new passphrase (from SELLO_NEW_PASSPHRASE, or asked
        // twice) instead of the current one
        #[arg(long)]
        new_passphrase: bool,
    },
    // Mark a key compromised from a time: tokens it signed at or after it are rejected
    Revoke {
        // Issuer folder
        #[arg(long)]
        dir: PathBuf,
        // The key id (a kid may begin with '-': base64url)
        #[arg(allow_hyphen_values = true)]
        kid: String,
        // Compromise time (RFC 3339, YYYY-MM-DD for the start of that day in the issuer's time
        // zone, or Unix seconds); 0 rejects everything it signed
        #[arg(long)]
        at: String,
    },
    // Set the issuer's time zone (IANA name, e.g. America/Mexico_City): the dates of its
    // certificates are days there. Then publish jwks.json
    SetTimeZone {
        // Issuer folder
        #[arg(long)]
        dir: PathBuf,
        // The time zone, AREA/LOCATION (or UTC)
        zone: String,
    },
    // Record in issuer.json which ledger the folder's commands use (a PostgreSQL URL
    // without password, or a SQLite file)
    SetLedger {
        // Issuer folder
        #[arg(long)]
        dir: PathBuf,
        // postgres://USER@HOST:PORT/DATABASE, or a SQLite file (relative to the folder)
        address: String,
    },
    // Use the federation's verification page as the QR URL: checks that the trust bundle
    // accredits this folder's active key, then sets verify_url to the federation's page
    Join {
        // Issuer folder
        #[arg(long)]
        dir: PathBuf,
        // The federation's root document (root.json, pinned)
        #[arg(long = "trust", id = "trust_root", value_name = "ROOT_JSON")]
        trust_root: PathBuf,
        // The federation's trust bundle: trust.jwt, or its https:// address
        #[arg(long, value_name = "TRUST_JWT_OR_URL")]
        bundle: String,
        // Extra certificate authorities (PEM) for an https:// bundle (also SELLO_CA_FILE)
        #[arg(long, value_name = "PEM_FILE", env = "SELLO_CA_FILE")]
        ca_file: Option<PathBuf>,
    },
    // Add a station: a new key of this issuer that signs beside the others, in a new issuer
    // folder for the station's machine; then publish jwks.json
    AddStation {
        // Issuer folder (its key set gains the station's key)
        #[arg(long)]
        dir: PathBuf,
        // The station's new issuer folder
        #[arg(long)]
        out: PathBuf,
        // Encrypt the station's key under a new passphrase (from SELLO_NEW_PASSPHRASE, or
        // asked twice) instead of the current one
        #[arg(long)]
        new_passphrase: bool,
    },
    // Print (or write) the public key set to hand to verifiers
    Publish {
        // Issuer folder
        #[arg(long)]
        dir: PathBuf,
        // Write it here instead of standard output
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub sources: TrustArgs,
    // Address to listen on (port 0: any free port, printed at start)
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    // Seconds between two looks at the key-set and status-list files; changed files are
    // loaded while serving (SIGHUP: at once)
    #[arg(long, value_name = "SECS", default_value_t = sello_web::DEFAULT_RELOAD_EVERY.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub reload_every: u64,
    // Most connections open at once (lowered to fit the open-file limit)
    #[arg(long, value_name = "N", default_value_t = sello_web::DEFAULT_MAX_CONNECTIONS as u32,
          value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub max_connections: u32,
    // Seconds a connection has to send a complete request head (new or kept alive)
    #[arg(long, value_name = "SECS", default_value_t = sello_web::DEFAULT_HEADER_TIMEOUT.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub header_timeout: u64,
    // Seconds a connection may go without a byte read or written while no request is being
    // handled (idle, or its client not reading)
    #[arg(long, value_name = "SECS", default_value_t = sello_web::DEFAULT_IDLE_TIMEOUT.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub idle_timeout: u64,
}

#[derive(Subcommand)]
pub enum SiteCommand {
    // Write a static copy of the verification page, key sets and status lists to a folder
    Export(ExportArgs),
}

#[derive(Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub sources: TrustArgs,
    // Folder to write (replaced as a whole; only an empty folder or an earlier export)
    #[arg(long)]
    pub out: PathBuf,
}

// `sello federation …`.
#[derive(Subcommand)]
pub enum FederationCommand {
    // Create a registry folder: root keys, registry key, root document version 1
    Init {
        // Registry folder to create
        #[arg(long)]
        dir: PathBuf,
        // Federation id (e.g. mx.conocer)
        #[arg(long)]
        id: String,
        // Display name (e.g. CONOCER)
        #[arg(long)]
        name: String,
        // The federation's verification page, carried by every bundle
        #[arg(long)]
        url: Option<String>,
        // How many root keys (each with its own holder and passphrase)
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(1..=16))]
        root_keys: u8,
        // How many root keys must sign a new root version
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=16))]
        threshold: u8,
    },
    // Accredit a centre (its jwks.json) for standards from a date, or add standards
    Accredit {
        // Registry folder
        #[arg(long)]
        dir: PathBuf,
        // The centre's published key set (jwks.json)
        #[arg(long)]
        keys: PathBuf,
        // Standard codes, comma-separated
        #[arg(long, value_delimiter = ',', required = true)]
        standards: Vec<String>,
        // Start (YYYY-MM-DD, 00:00 UTC; RFC 3339 or Unix seconds)
        #[arg(long)]
        from: String,
        // End, excluded
        #[arg(long)]
        until: Option<String>,
    },
    // Suspend a centre: its certificates issued from then on are refused
    Suspend {
        // Registry folder
        #[arg(long)]
        dir: PathBuf,
        // The centre's id
        #[arg(long)]
        issuer: String,
        // From when
        #[arg(long)]
        from: String,
        // Why (published in the bundle)
        #[arg(long)]
        reason: String,
    },
    // Sign the next trust bundle
    Publish {
        // Registry folder
        #[arg(long)]
        dir: PathBuf,
        // Folder of the centres' status lists (.jwt)
        #[arg(long)]
        status: Option<PathBuf>,
        // Days the bundle is fresh
        #[arg(long, default_value_t = 7)]
        valid_days: u32,
        // Where to write the bundle
        #[arg(long)]
        out: PathBuf,
    },
    // The root ceremony: a new root version signed by a threshold of old and new root keys
    #[command(subcommand)]
    RotateRoot(RotateRootCommand),
}

// `sello federation rotate-root …`.
#[derive(Subcommand)]
pub enum RotateRootCommand {
    // A new root key for a new holder, on their machine
    Keygen {
        // Folder to write it to
        #[arg(long)]
        out: PathBuf,
    },
    // Step 1: write the next root version, unsigned
    Prepare {
        // Registry folder
        #[arg(long)]
        dir: PathBuf,
        // Add this root key (a .pub.json file; repeatable)
        #[arg(long, value_name = "PUB_JSON")]
        add_root_key: Vec<PathBuf>,
        // Take out this root key (repeatable)
        #[arg(long, value_name = "KID", allow_hyphen_values = true)]
        remove_root_key: Vec<String>,
        // New threshold
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=16))]
        threshold: Option<u8>,
        // Replace the registry key: a new one (encrypted under SELLO_NEW_PASSPHRASE, or asked
        // twice) signs bundles once this version is combined
        #[arg(long)]
        new_registry_key: bool,
        // Where to write it (default DIR/next-root.json)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    // Step 2: sign the prepared document with one root key (in place)
    Sign {
        // The prepared document
        root: PathBuf,
        // The holder's root key file (KID.p8)
        #[arg(long)]
        key: PathBuf,
        // The current root.json, when the key is only in it
        #[arg(long)]
        previous: Option<PathBuf>,
    },
    // Step 3: combine the signed copies, check both thresholds, write root.json
    Combine {
        // Registry folder
        #[arg(long)]
        dir: PathBuf,
        // The signed copies
        #[arg(required = true)]
        copies: Vec<PathBuf>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kid_beginning_with_a_hyphen_is_a_kid_not_a_flag() {
        // One kid in 64 begins with '-' (base64url); it was read as an unknown flag.
        let cli = Cli::try_parse_from([
            "sello",
            "keys",
            "revoke",
            "--dir",
            "d",
            "-Hx0_9aBcDe",
            "--at",
            "0",
        ]);
        assert!(cli.is_ok(), "{:?}", cli.err().map(|e| e.kind()));
    }
}
