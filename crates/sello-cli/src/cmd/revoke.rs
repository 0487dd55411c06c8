//! `sello revoke`: a certificate issued in error, marked in the ledger.

use crate::cli::RevokeArgs;
use crate::failure::Failure;
use crate::shared::open_ledger;
use sello_core::Lang;
use sello_issuer::IssuerDir;

/// Revokes a certificate in the ledger.
pub fn run(args: RevokeArgs, lang: Lang) -> Result<u8, Failure> {
    let mut ledger = open_ledger(&IssuerDir::open(&args.dir)?)?;
    let e = ledger.revoke(&args.serial, &args.reason, sello_issuer::now())?;
    println!("{}", super::ledger::entry_line(&e, lang));
    eprintln!(
        "{}",
        lang.pick(
            "Revocado en el registro. Publique la lista de estado: sello status publish --dir …",
            "Revoked in the ledger. Publish the status list: sello status publish --dir …"
        )
    );
    Ok(0)
}
