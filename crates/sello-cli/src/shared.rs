//! Helpers the commands share: standard output, passphrases, the ledger, QR and certificate
//! files, the verifier, capped reads.

use crate::failure::Failure;
use crate::i18n::escaped;
use sello_issuer::files::{PRIVATE, write_atomic};
use sello_issuer::ledger::Ledger;
use sello_issuer::passphrase::{MIN_CHARS, MIN_SCORE, Suggestion, Warning, Weakness};
use sello_issuer::qr::{Correction, QrMatrix};
use sello_issuer::{Issued, IssuerDir, KeyStoreError};
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
    sello_issuer::passphrase::check(&pass, known).map_err(|w| Failure::Key(weak_passphrase(&w)))?;
    if prompted && *ask_passphrase(&tr!("passphrase-again"))? != *pass {
        return Err(Failure::Key(tr!("passphrase-mismatch")));
    }
    Ok(pass)
}

/// An issuer-folder error for the person: a weak passphrase is explained in their language.
pub fn key_failure(e: KeyStoreError) -> Failure {
    match e {
        KeyStoreError::WeakPassphrase(w) => Failure::Key(weak_passphrase(&w)),
        other => other.into(),
    }
}

/// Why a passphrase was refused for a new key, with zxcvbn's findings, for the person.
pub fn weak_passphrase(weakness: &Weakness) -> String {
    let why = match weakness {
        Weakness::Blank => tr!("weak-blank"),
        Weakness::TooShort => tr!("weak-too-short", min = MIN_CHARS),
        Weakness::Guessable {
            score,
            warning,
            suggestions,
        } => {
            let mut why = tr!("weak-guessable", score = *score, min = MIN_SCORE);
            let ids = warning
                .map(warning_id)
                .into_iter()
                .chain(suggestions.iter().map(|s| suggestion_id(*s)));
            for id in ids {
                why.push(' ');
                why.push_str(&crate::i18n::tr(id, &[]));
            }
            why
        }
    };
    tr!("weak-passphrase", why = why)
}

fn warning_id(warning: Warning) -> &'static str {
    match warning {
        Warning::StraightRowsOfKeysAreEasyToGuess => "pw-straight-rows",
        Warning::ShortKeyboardPatternsAreEasyToGuess => "pw-short-keyboard-patterns",
        Warning::RepeatsLikeAaaAreEasyToGuess => "pw-repeats-aaa",
        Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => "pw-repeats-abcabc",
        Warning::ThisIsATop10Password => "pw-top10",
        Warning::ThisIsATop100Password => "pw-top100",
        Warning::ThisIsACommonPassword => "pw-common",
        Warning::ThisIsSimilarToACommonlyUsedPassword => "pw-similar-common",
        Warning::SequencesLikeAbcAreEasyToGuess => "pw-sequences",
        Warning::RecentYearsAreEasyToGuess => "pw-recent-years",
        Warning::AWordByItselfIsEasyToGuess => "pw-word-by-itself",
        Warning::DatesAreOftenEasyToGuess => "pw-dates",
        Warning::NamesAndSurnamesByThemselvesAreEasyToGuess => "pw-names-by-themselves",
        Warning::CommonNamesAndSurnamesAreEasyToGuess => "pw-common-names",
    }
}

fn suggestion_id(suggestion: Suggestion) -> &'static str {
    match suggestion {
        Suggestion::UseAFewWordsAvoidCommonPhrases => "pw-use-a-few-words",
        Suggestion::NoNeedForSymbolsDigitsOrUppercaseLetters => "pw-no-need-for-symbols",
        Suggestion::AddAnotherWordOrTwo => "pw-add-a-word",
        Suggestion::CapitalizationDoesntHelpVeryMuch => "pw-capitalization",
        Suggestion::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => "pw-all-uppercase",
        Suggestion::ReversedWordsArentMuchHarderToGuess => "pw-reversed-words",
        Suggestion::PredictableSubstitutionsDontHelpVeryMuch => "pw-substitutions",
        Suggestion::UseALongerKeyboardPatternWithMoreTurns => "pw-longer-keyboard-pattern",
        Suggestion::AvoidRepeatedWordsAndCharacters => "pw-avoid-repeats",
        Suggestion::AvoidSequences => "pw-avoid-sequences",
        Suggestion::AvoidRecentYears => "pw-avoid-recent-years",
        Suggestion::AvoidYearsThatAreAssociatedWithYou => "pw-avoid-your-years",
        Suggestion::AvoidDatesAndYearsThatAreAssociatedWithYou => "pw-avoid-your-dates",
    }
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

/// The ledger lives in the issuer folder.
pub fn open_ledger(dir: &IssuerDir) -> Result<Ledger, Failure> {
    Ok(Ledger::open(&dir.path().join("ledger.sqlite"))?)
}

/// Writes a QR code as PNG or SVG, chosen by the file's extension.
pub fn write_qr(path: &Path, qr_text: &str) -> Result<(), Failure> {
    let qr = QrMatrix::encode(qr_text, Correction::Medium)?;
    let bytes = match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
    {
        Some(e) if e == "png" => qr.to_png(4)?,
        Some(e) if e == "svg" => qr.to_svg(40.0).into_bytes(),
        _ => return Err(Failure::usage(tr!("qr-extension"))),
    };
    // The QR code carries the token: the holder's name and id. Owner-only, like the ledger.
    write_atomic(path, &bytes, PRIVATE).map_err(|e| Failure::io(path, &e))
}

/// The `sello-print` paper size of a `--paper` value.
pub fn paper_size(paper: crate::cli::Paper) -> sello_print::PaperSize {
    match paper {
        crate::cli::Paper::A4 => sello_print::PaperSize::A4,
        crate::cli::Paper::Letter => sello_print::PaperSize::Letter,
    }
}

/// Renders a printable certificate to `path` (`.pdf` or `.svg`) with the default template.
pub fn write_certificate(
    path: &Path,
    issued: &Issued,
    issuer: &sello_core::IssuerInfo,
    paper: crate::cli::Paper,
) -> Result<(), Failure> {
    let fields = sello_print::CertificateFields::from_claims(&issued.claims, issuer);
    let printer =
        sello_print::Printer::new(&sello_print::Template::default_es(), paper_size(paper))
            .map_err(|e| Failure::Internal(e.to_string()))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let bytes = match ext.as_deref() {
        Some("pdf") => printer
            .pdf(&fields, &issued.qr_text)
            .map_err(|e| Failure::Data(e.to_string()))?,
        Some("svg") => printer
            .svg(&fields, &issued.qr_text)
            .map_err(|e| Failure::Data(e.to_string()))?
            .into_bytes(),
        _ => {
            return Err(Failure::usage(tr!("certificate-extension")));
        }
    };
    // Names and ids: owner-only, like the ledger.
    write_atomic(path, &bytes, PRIVATE).map_err(|e| Failure::io(path, &e))
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

/// Reads a file of at most `max` bytes (one more is read, so the parser sees it is too large).
pub fn read_capped(path: &Path, max: usize) -> Result<Vec<u8>, Failure> {
    use std::io::Read as _;
    let file = std::fs::File::open(path).map_err(|e| Failure::io(path, &e))?;
    let mut bytes = Vec::new();
    file.take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::io(path, &e))?;
    Ok(bytes)
}
