//! `sello ledger`: the issuer's record of issued certificates.

use crate::cli::LedgerCommand;
use crate::failure::Failure;
use crate::i18n::escaped;
use crate::shared::{open_address, open_ledger};
use sello_core::zone::Zone;
use sello_issuer::IssuerDir;
use sello_issuer::ledger::Entry;
use unicode_width::UnicodeWidthStr as _;

/// The widest a holder's name is shown in `ledger list` (longer names end in "…").
const HOLDER_COLUMNS: usize = 40;

/// `text` padded with spaces to `columns` terminal columns (accents take none, CJK take two).
fn pad(text: &str, columns: usize) -> String {
    let width = text.width();
    format!("{text}{}", " ".repeat(columns.saturating_sub(width)))
}

/// `text` cut to at most `columns` terminal columns, with "…" when cut.
fn fit(text: &str, columns: usize) -> String {
    if text.width() <= columns {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        let next = format!("{out}{c}");
        if next.width() + 1 > columns {
            break;
        }
        out = next;
    }
    out.push('…');
    out
}

/// The state column: in force, or revoked on a date.
fn state(e: &Entry, zone: &Zone) -> String {
    match e.revoked_at {
        Some(at) => tr!("ledger-revoked", date = zone.date(at).to_string()),
        None => tr!("ledger-in-force"),
    }
}

/// One ledger entry per line, every column as wide as its widest value (by terminal columns),
/// every value from the ledger escaped.
pub fn table(entries: &[Entry], header: bool, zone: &Zone) -> Vec<String> {
    let rows: Vec<[String; 5]> = entries
        .iter()
        .map(|e| {
            [
                escaped(&e.serial),
                zone.date(e.issued_at).to_string(),
                escaped(&e.code),
                fit(&escaped(&e.holder), HOLDER_COLUMNS),
                state(e, zone),
            ]
        })
        .collect();
    let head = [
        tr!("ledger-serial"),
        tr!("ledger-issued"),
        tr!("ledger-code"),
        tr!("ledger-holder"),
        tr!("ledger-state"),
    ];
    let mut widths = [0usize; 4];
    for row in rows.iter().chain(header.then_some(&head)) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |row: &[String; 5]| {
        let cells: Vec<String> = row[..4]
            .iter()
            .zip(widths)
            .map(|(cell, w)| pad(cell, w))
            .collect();
        format!("{}  {}", cells.join("  "), row[4])
    };
    header
        .then(|| line(&head))
        .into_iter()
        .chain(rows.iter().map(line))
        .collect()
}

/// Runs a ledger subcommand.
pub fn run(cmd: LedgerCommand) -> Result<u8, Failure> {
    match cmd {
        LedgerCommand::List {
            dir,
            offset,
            limit,
            ledger,
        } => {
            let issuer = IssuerDir::open(&dir)?;
            let zone = Zone::of(issuer.info());
            let mut ledger = open_ledger(&issuer, &ledger)?;
            for line in table(&ledger.list(offset, limit)?, true, &zone) {
                println!("{line}");
            }
            eprintln!("{}", tr!("ledger-total", n = ledger.count()?));
            Ok(0)
        }
        LedgerCommand::Show {
            dir,
            serial,
            ledger,
        } => {
            let mut ledger = open_ledger(&IssuerDir::open(&dir)?, &ledger)?;
            match ledger.get(&serial)? {
                Some(e) => {
                    println!("{}", serde_json::to_string_pretty(&e).unwrap_or_default());
                    Ok(0)
                }
                None => Err(Failure::Data(tr!(
                    "ledger-not-found",
                    serial = escaped(&serial)
                ))),
            }
        }
        LedgerCommand::Export { dir, ledger } => {
            let mut ledger = open_ledger(&IssuerDir::open(&dir)?, &ledger)?;
            let mut failure = None;
            ledger.for_each(&mut |e| match serde_json::to_string(e) {
                Ok(line) => println!("{line}"),
                Err(err) => failure = Some(err.to_string()),
            })?;
            failure.map_or(Ok(0), |f| Err(Failure::Internal(f)))
        }
        LedgerCommand::Migrate { from, to } => migrate(&from, &to),
    }
}

/// `sello ledger migrate --from A --to B`: copies, checks, and reports the counts.
fn migrate(from: &str, to: &str) -> Result<u8, Failure> {
    use sello_issuer::ledger::is_postgres_url;
    if from == to {
        return Err(Failure::usage(tr!("ledger-migrate-same")));
    }
    // Both addresses checked before anything is opened (a password in a URL is refused).
    sello_issuer::ledger::check_address(from)?;
    sello_issuer::ledger::check_address(to)?;
    // A source file that does not exist is a mistake, not an empty ledger to create.
    if !is_postgres_url(from) {
        let path = std::path::Path::new(from);
        if let Err(e) = std::fs::metadata(path) {
            return Err(Failure::io(path, &e));
        }
    }
    let mut source = open_address(from)?;
    let mut target = open_address(to)?;
    let done = sello_issuer::migrate::migrate(&mut *source, &mut *target).map_err(|e| match e {
        sello_issuer::migrate::MigrateError::Ledger(e) => Failure::from(e),
        sello_issuer::migrate::MigrateError::Incomplete { missing } => {
            Failure::Ledger(tr!("ledger-migrate-incomplete", missing = missing))
        }
    })?;
    println!(
        "{}",
        tr!(
            "ledger-migrated",
            source = done.source,
            copied = done.copied,
            already = done.source - done.copied.min(done.source),
            target = done.target,
            from = escaped(from),
            to = escaped(to)
        )
    );
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(serial: &str, holder: &str) -> Entry {
        Entry {
            serial: serial.into(),
            row_key: None,
            holder: holder.into(),
            holder_id: None,
            code: "EC0105".into(),
            title: "T".into(),
            status_idx: 0,
            token: "t".into(),
            token_sha256: String::new(),
            kid: "k".into(),
            issued_at: 1_790_000_000,
            expires_at: None,
            revoked_at: None,
            revoke_reason: None,
        }
    }

    #[test]
    fn columns_line_up_with_long_accented_and_wide_names() {
        let entries = [
            entry("A-1", "Ana"),
            entry("B-22", "María Guadalupe Hernández López"),
            entry("C-333", "王秀英"),
            entry("D-4", &"Ñ".repeat(60)),
        ];
        let lines = table(&entries, true, &Zone::utc());
        // The state column starts at the same terminal column on every line.
        let state_at: Vec<usize> = lines
            .iter()
            .map(|l| {
                let cut = l.rfind("  ").unwrap();
                l[..cut].width()
            })
            .collect();
        assert!(state_at.windows(2).all(|w| w[0] == w[1]), "{lines:#?}");
        assert!(
            lines[4].contains('…'),
            "a name longer than the column is cut"
        );
        assert!(lines[4].width() < 60 + 40, "{}", lines[4]);
    }
}
