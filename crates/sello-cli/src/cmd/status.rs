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
    } = cmd;
    let issuer_dir = IssuerDir::open(&dir)?;
    let ledger = open_ledger(&issuer_dir)?;
    let pass = passphrase()?;
    let issuer = issuer_dir.issuer(&pass)?;
    drop(pass);
    let list = ledger.status_list()?;
    let now = sello_issuer::now();
    let exp = now + i64::from(valid_days.clamp(1, 366)) * 86_400;
    let token = issuer.sign_status_list(&list, now, exp)?;
    let path = dir.join("status.jwt");
    for path in std::iter::once(&path).chain(&out) {
        write_atomic(path, token.as_bytes(), PUBLIC).map_err(|e| Failure::io(path, &e))?;
    }
    println!(
        "{}",
        tr!(
            "status-published",
            path = path_of(&path),
            entries = list.len(),
            revoked = list.revoked_count(),
            until = sello_core::zone::Zone::of(issuer_dir.info())
                .local(exp)
                .to_string()
        )
    );
    Ok(0)
}
