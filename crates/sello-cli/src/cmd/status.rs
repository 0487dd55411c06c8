//! `sello status publish`: the issuer's signed status list.

use crate::cli::StatusCommand;
use crate::failure::Failure;
use crate::i18n::path_of;
use crate::shared::{open_ledger, passphrase};
use sello_issuer::IssuerDir;
use sello_issuer::files::{PUBLIC, write_atomic};

/// Runs a status subcommand.
pub fn run(cmd: StatusCommand) -> Result<u8, Failure> {
    let StatusCommand::Publish {
        dir,
        out,
        valid_days,
        ledger,
    } = cmd;
    let issuer_dir = IssuerDir::open(&dir)?;
    let mut ledger = open_ledger(&issuer_dir, &ledger)?;
    let pass = passphrase()?;
    let issuer = issuer_dir.issuer(&pass)?;
    drop(pass);
    let path = dir.join("status.jwt");
    // Signed and written under the ledger's publishing lock, with an `iat` after the last
    // one any station published (so verifiers keep the newest list).
    let mut failed: Option<Failure> = None;
    let mut counts = (0, 0);
    let mut exp = 0;
    let published = ledger.publish(sello_issuer::now(), &mut |list, iat| {
        exp = iat + i64::from(valid_days.clamp(1, 366)) * 86_400;
        let result = issuer
            .sign_status_list(list, iat, exp)
            .map_err(Failure::from)
            .and_then(|token| {
                for path in std::iter::once(&path).chain(&out) {
                    write_atomic(path, token.as_bytes(), PUBLIC)
                        .map_err(|e| Failure::io(path, &e))?;
                }
                Ok(())
            });
        counts = (list.len(), list.revoked_count());
        result.map_err(|f| {
            failed = Some(f);
            "not published".into()
        })
    });
    if let Some(f) = failed {
        return Err(f);
    }
    published?;
    let (entries, revoked) = counts;
    println!(
        "{}",
        tr!(
            "status-published",
            path = path_of(&path),
            entries = entries,
            revoked = revoked,
            until = sello_core::zone::Zone::of(issuer_dir.info())
                .local(exp)
                .to_string()
        )
    );
    Ok(0)
}
