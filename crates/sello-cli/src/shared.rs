//! Helpers the commands share: standard output, passphrases, the ledger, QR and certificate
//! files, the verifier, capped reads.

use crate::failure::Failure;
use crate::i18n::escaped;
use sello_issuer::files::{PRIVATE, write_atomic};
use sello_issuer::ledger::{LedgerStore, is_postgres_url};
use sello_issuer::{IssuerDir, KeyStoreError};
use sello_verifier::{TrustStore, Verifier};
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// Writes one line to standard output; on a closed pipe, exits with 141 (128 + SIGPIPE), as
/// shell tools do; on any other write error, reports it and exits with 74 (EX_IOERR).
pub fn stdout_line(args: std::fmt::Arguments<'_>) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.write_all(b"\n")) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(141);
        }
        eprintln!(
            "sello: {}: {}",
            tr!("error-prefix"),
            tr!("io-stdout", error = sello_core::i18n::io_error(&e))
        );
        std::process::exit(74);
    }
}

/// The passphrase from `SELLO_PASSPHRASE`, or asked on the terminal.
pub fn passphrase() -> Result<Zeroizing<String>, Failure> {
    if let Ok(p) = std::env::var("SELLO_PASSPHRASE") {
        return Ok(Zeroizing::new(p));
    }
    ask_passphrase(&tr!("passphrase-prompt"))
}

/// A passphrase asked on the terminal with `prompt`.
pub fn ask_passphrase(prompt: &str) -> Result<Zeroizing<String>, Failure> {
    rpassword::prompt_password(prompt)
        .map(Zeroizing::new)
        .map_err(|_| Failure::Key(tr!("passphrase-missing")))
}

/// A passphrase for a new key, from the environment variable `var` or asked on the terminal
/// (then twice), refused with an explanation unless it is strong enough
/// ([`sello_issuer::passphrase`]); `known` are the issuer's id and name.
pub fn new_passphrase(var: &str, known: &[&str]) -> Result<Zeroizing<String>, Failure> {
    let from_env = std::env::var(var).ok().map(Zeroizing::new);
    let prompted = from_env.is_none();
    let pass = match from_env {
        Some(p) => p,
        None => ask_passphrase(&tr!("passphrase-prompt-new"))?,
    };
    sello_issuer::passphrase::check(&pass, known)
        .map_err(|w| Failure::from(KeyStoreError::WeakPassphrase(w)))?;
    if prompted && *ask_passphrase(&tr!("passphrase-again"))? != *pass {
        return Err(Failure::Key(tr!("passphrase-mismatch")));
    }
    Ok(pass)
}

/// A time that could not be read (`--expires`, `--at`), with an example of one that can.
pub fn bad_date(error: &sello_issuer::dates::DateError) -> Failure {
    use sello_issuer::dates::DateError;
    let given = escaped(error.text());
    Failure::usage(match error {
        DateError::NoSuchDay(_) => tr!("date-no-such-day", given = given),
        DateError::OutOfRange(_) => tr!("date-out-of-range", given = given),
        _ => tr!("date-bad", given = given),
    })
}

/// The ledger's address: `--ledger` (or `SELLO_LEDGER`), else the issuer folder's record
/// (`issuer.json`'s `ledger`), else the folder's `ledger.sqlite`.
pub fn ledger_address(dir: &IssuerDir, arg: &crate::cli::LedgerArg) -> String {
    match arg.ledger.as_deref().filter(|a| !a.is_empty()) {
        Some(address) => address.to_owned(),
        None => dir.ledger_address(),
    }
}

/// Opens a ledger by its address (a PostgreSQL URL without password, or a SQLite file).
pub fn open_address(address: &str) -> Result<Box<dyn LedgerStore>, Failure> {
    // Refused before connecting: a password in the URL, a URL that does not parse.
    sello_issuer::ledger::check_address(address)?;
    sello_issuer::ledger::open_store(address).map_err(|e| {
        let postgres = is_postgres_url(address);
        // The causes too (a TLS handshake fails for a reason: an unknown CA, a name).
        let mut causes = String::new();
        let mut source = std::error::Error::source(&e);
        while let Some(cause) = source {
            let text = cause.to_string();
            if !e.to_string().contains(&text) && !causes.contains(&text) {
                causes.push_str(": ");
                causes.push_str(&text);
            }
            source = cause.source();
        }
        match Failure::from(e) {
            // Which database failed (the URL holds no password: it was refused above).
            Failure::Ledger(m) if postgres => Failure::Ledger(format!("{address}: {m}{causes}")),
            other => other,
        }
    })
}

/// The ledger the issuer folder's commands use ([`ledger_address`]), opened.
pub fn open_ledger(
    dir: &IssuerDir,
    arg: &crate::cli::LedgerArg,
) -> Result<Box<dyn LedgerStore>, Failure> {
    open_address(&ledger_address(dir, arg))
}

/// Writes one output of a certificate to `path` (`sello issue --qr`, `--certificate`, the
/// demo): its QR code of `qr_text`, or the printable certificate with the default template on
/// `paper`, its attributes under the labels the issuer declares (`key_set`).
pub fn write_output(
    path: &Path,
    output: sello_print::Output,
    claims: &sello_core::Claims,
    key_set: &sello_core::KeySet,
    qr_text: &str,
    paper: sello_print::PaperSize,
) -> Result<(), Failure> {
    let outputs =
        sello_print::Outputs::new(&[output], &sello_print::Template::default_es(), paper)?;
    let fields = sello_print::CertificateFields::from_claims(claims, &key_set.issuer)
        .with_attribute_labels(&key_set.attribute_labels);
    let files = outputs.render(&fields, qr_text)?;
    // The QR code carries the token (the holder's name and id), and so does the certificate:
    // owner-only, like the ledger.
    for (_, bytes) in files {
        write_atomic(path, &bytes, PRIVATE).map_err(|e| Failure::io(path, &e))?;
    }
    Ok(())
}

/// Builds a verifier from `--keys` paths.
pub fn load_verifier(keys: &[PathBuf], leeway: i64) -> Result<Verifier, Failure> {
    if keys.is_empty() {
        return Err(Failure::usage(tr!("no-keys")));
    }
    let mut trust = TrustStore::new();
    for path in keys {
        trust.load(path)?;
    }
    for pair in trust.confusable_issuers() {
        let (first, second) = (escaped(&pair.first), escaped(&pair.second));
        let warning = match pair.what {
            sello_verifier::Likeness::Id => {
                tr!("confusable-ids", first = first, second = second)
            }
            sello_verifier::Likeness::Name => {
                tr!("confusable-names", first = first, second = second)
            }
        };
        eprintln!("sello: {warning}");
    }
    Ok(Verifier::new(trust).with_leeway(leeway))
}

/// Reads a file for a parser that caps its input at `max` bytes: one byte more is read (through
/// the one capped read, `sello_core::read_capped`), so that the parser refuses a larger file
/// with its own words and limits.
pub fn read_capped(path: &Path, max: usize) -> Result<Vec<u8>, Failure> {
    let file = std::fs::File::open(path).map_err(|e| Failure::io(path, &e))?;
    sello_core::read_capped(file, max.saturating_add(1)).map_err(|e| Failure::io(path, &e))
}
