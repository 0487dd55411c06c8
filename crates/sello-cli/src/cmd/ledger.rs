//! `sello ledger`: the issuer's record of issued certificates.

use crate::cli::LedgerCommand;
use crate::failure::Failure;
use crate::shared::open_ledger;
use sello_core::Lang;
use sello_issuer::IssuerDir;
use sello_issuer::dates as when;
use sello_issuer::ledger::Entry;

pub fn entry_line(e: &Entry, lang: Lang) -> String {
    let state = match e.revoked_at {
        Some(at) => format!("{} {}", lang.pick("REVOCADO", "REVOKED"), when::date(at)),
        None => lang.pick("vigente", "in force").to_owned(),
    };
    format!(
        "{:<16} {}  {:<10} {:<40} {}",
        e.serial,
        when::date(e.issued_at),
        e.code,
        e.holder,
        state
    )
}

/// Runs a ledger subcommand.
pub fn run(cmd: LedgerCommand, lang: Lang) -> Result<u8, Failure> {
    match cmd {
        LedgerCommand::List { dir, offset, limit } => {
            let ledger = open_ledger(&IssuerDir::open(&dir)?)?;
            println!(
                "{:<16} {:<10}  {:<10} {:<40} {}",
                lang.pick("Folio", "Serial"),
                lang.pick("Emitido", "Issued"),
                lang.pick("Estándar", "Standard"),
                lang.pick("Titular", "Holder"),
                lang.pick("Estado", "State")
            );
            for e in ledger.list(offset, limit)? {
                println!("{}", entry_line(&e, lang));
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
                None => Err(Failure::Data(format!(
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
            failure.map_or(Ok(0), |f| Err(Failure::Internal(f)))
        }
    }
}
