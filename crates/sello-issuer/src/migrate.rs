//! Copying a ledger into another (`sello ledger migrate --from ledger.sqlite --to postgres://…`).
//!
//! The copy goes in chunks of [`CHUNK`] certificates, each one [`LedgerStore::import`]
//! transaction: certificates the target lacks are recorded, revocations it lacks are carried
//! over, its status list is raised to at least the source's size. Running it again (after an
//! interruption, or to pick up what the source issued since) records only what is new. The
//! copy is then checked: a second pass must find every certificate of the source in the target
//! with the same token, and the target must hold at least as many certificates.

use crate::ledger::{Entry, LedgerError, LedgerStore};

/// Certificates per import transaction.
pub const CHUNK: usize = 1000;

/// What a migration did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Migrated {
    /// Certificates in the source.
    pub source: u64,
    /// Certificates recorded in the target by this run.
    pub copied: u64,
    /// Certificates in the target afterwards.
    pub target: u64,
}

/// Why a migration's check failed.
#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    /// Reading or writing a ledger failed.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// After the copy, the check found certificates of the source missing from the target.
    #[error("{}", crate::i18n::tr("migrate-incomplete", &[("missing", sello_core::i18n::Arg::from(*missing))]))]
    Incomplete {
        /// How many.
        missing: u64,
    },
}

fn each_chunk(
    source: &mut dyn LedgerStore,
    mut f: impl FnMut(&[Entry]) -> Result<(), LedgerError>,
) -> Result<u64, LedgerError> {
    let mut buf: Vec<Entry> = Vec::with_capacity(CHUNK);
    let mut seen = 0u64;
    let mut failed: Option<LedgerError> = None;
    source.for_each(&mut |e| {
        if failed.is_some() {
            return;
        }
        seen += 1;
        buf.push(e.clone());
        if buf.len() == CHUNK {
            if let Err(err) = f(&buf) {
                failed = Some(err);
            }
            buf.clear();
        }
    })?;
    if let Some(err) = failed {
        return Err(err);
    }
    if !buf.is_empty() {
        f(&buf)?;
    }
    Ok(seen)
}

/// Copies `source` into `target` and checks the copy (see the module).
pub fn migrate(
    source: &mut dyn LedgerStore,
    target: &mut dyn LedgerStore,
) -> Result<Migrated, MigrateError> {
    let size = source.status_size()?;
    let mut copied = 0;
    let total = each_chunk(source, |chunk| {
        copied += target.import(chunk, size)?;
        Ok(())
    })?;
    // The check: importing everything again records nothing (each serial is there with the
    // same token), and the counts agree.
    let mut missing = 0;
    each_chunk(source, |chunk| {
        missing += target.import(chunk, size)?;
        Ok(())
    })?;
    let in_target = target.count()?;
    if missing > 0 || in_target < total {
        return Err(MigrateError::Incomplete {
            missing: missing.max(total.saturating_sub(in_target)),
        });
    }
    Ok(Migrated {
        source: total,
        copied,
        target: in_target,
    })
}
