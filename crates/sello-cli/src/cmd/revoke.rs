//! `sello revoke`: a certificate issued in error, marked in the ledger.

use crate::cli::RevokeArgs;
use crate::failure::Failure;
use crate::shared::open_ledger;
use sello_issuer::IssuerDir;

/// Revokes a certificate in the ledger.
pub fn run(args: RevokeArgs) -> Result<u8, Failure> {
    let issuer = IssuerDir::open(&args.dir)?;
    let mut ledger = open_ledger(&issuer, &args.ledger)?;
    let e = ledger.revoke(&args.serial, &args.reason, sello_issuer::now())?;
    let zone = sello_core::zone::Zone::of(issuer.info());
    for line in super::ledger::table(std::slice::from_ref(&e), false, &zone) {
        println!("{line}");
    }
    eprintln!("{}", tr!("revoke-done"));
    Ok(0)
}
