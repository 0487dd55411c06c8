//! `sello reissue --key-compromised KID`: every certificate a compromised key signed, issued
//! again with the folder's active key (new serial, new status entry), the old one revoked;
//! the new certificates' files written as `sello issue --batch` writes them.

use crate::cli::ReissueArgs;
use crate::failure::Failure;
use crate::i18n::{escaped, path_of};
use crate::shared::{open_ledger, passphrase};
use sello_issuer::IssuerDir;
use sello_issuer::batch::{BatchOptions, Outcome};

/// Runs `sello reissue`.
pub fn run(args: ReissueArgs) -> Result<u8, Failure> {
    let dir = IssuerDir::open(&args.dir)?;
    if dir.active_kid() == args.key_compromised {
        return Err(Failure::Key(tr!(
            "reissue-same-key",
            kid = escaped(&args.key_compromised)
        )));
    }
    let pass = passphrase()?;
    let issuer = dir.issuer(&pass)?;
    drop(pass);
    let mut ledger = open_ledger(&dir, &args.ledger)?;
    let renderer = super::batch::renderer(
        &args.formats,
        dir.key_set(),
        &sello_print::Template::default_es(),
        args.paper,
    )?;
    let now = sello_issuer::now();
    let options = BatchOptions {
        out_dir: args.out.clone(),
        chunk_size: 256,
        issued_at: Some(now),
    };
    let report = sello_issuer::reissue::reissue_batch(
        &issuer,
        &mut *ledger,
        &args.key_compromised,
        now,
        &renderer,
        &options,
        &|_| {},
    )?;
    let count = |f: fn(&Outcome) -> bool| report.summary.iter().filter(|r| f(&r.outcome)).count();
    let failed = count(|o| matches!(o, Outcome::Failed(_)));
    for r in &report.summary {
        if let Outcome::Failed(why) = &r.outcome {
            eprintln!(
                "{}",
                tr!(
                    "reissue-row-failed",
                    serial = escaped(r.serial.as_deref().unwrap_or("")),
                    why = escaped(why)
                )
            );
        }
    }
    println!(
        "{}",
        tr!(
            "reissue-summary",
            kid = escaped(&args.key_compromised),
            issued = count(|o| *o == Outcome::Issued),
            already = count(|o| *o == Outcome::AlreadyIssued),
            revoked = report.replaced.len(),
            failed = failed,
            expired = report.expired.len(),
            path = path_of(&args.out.join("summary.csv"))
        )
    );
    Ok(if failed > 0 { 1 } else { 0 })
}
