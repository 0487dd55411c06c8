//! The ledger: every certificate an issuer has issued, in SQLite (embedded, bundled).
//!
//! The database enforces what must never happen: a serial issued twice (`serial` is the primary
//! key), two certificates sharing a status-list entry (`status_idx` is unique), a roster row
//! issued twice (`row_key` is unique).
//!
//! Issuing goes through one operation, [`IssueLedger::issue_chunk`]: in **one** write
//! transaction it finds the rows already issued, grows the status list if it would be more than
//! half full, chooses serials and status-list entries, lets the caller sign each certificate,
//! and records them. SQLite takes the write lock when that transaction begins (`BEGIN
//! IMMEDIATE`), so several processes issuing from one issuer folder at once take turns chunk by
//! chunk: none can choose an entry or a serial another is about to record, and the list's size
//! is read and written under the same lock, so it never shrinks. A batch records a chunk
//! *before* any output file is written, so after a crash every certificate that exists on paper
//! is in the ledger, and a re-run finds what is missing.
//!
//! The ledger holds no private key material. It does hold personal data (names, ids): the file
//! is created owner-only (0600), and SQLite gives its `-wal` and `-shm` files the same mode.

use crate::i18n::{escaped, path_of, tr};
use crate::issue::{IssueError, new_serial};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use sello_core::i18n::{Arg, io_error};
use sello_core::status::{MAX_ENTRIES, MIN_ENTRIES, StatusList};
use std::path::Path;
use std::time::Duration;

/// The SQLite schema, one migration per version: a ledger at version `n` has had the first `n`
/// applied, in order, each in the transaction that records the new version. Version 1 is the
/// schema ledgers were first written with (`IF NOT EXISTS`: they already have it).
const SQLITE_MIGRATIONS: &[&str] = &[r#"
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS certificates (
    serial        TEXT    PRIMARY KEY,
    row_key       TEXT    UNIQUE,
    holder        TEXT    NOT NULL,
    holder_id     TEXT,
    code          TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    status_idx    INTEGER NOT NULL UNIQUE CHECK (status_idx >= 0),
    token         TEXT    NOT NULL,
    token_sha256  TEXT    NOT NULL,
    kid           TEXT    NOT NULL,
    issued_at     INTEGER NOT NULL,
    expires_at    INTEGER,
    revoked_at    INTEGER,
    revoke_reason TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS certificates_issued_at ON certificates (issued_at);
"#];

/// Schema version stored in `meta` (SQLite) or `schema_migrations` (PostgreSQL): the number
/// of migrations this Sello knows.
pub const SCHEMA_VERSION: &str = "1";

/// [`SCHEMA_VERSION`] as a number.
pub const SCHEMA_VERSION_NUMBER: u32 = 1;

/// Why a ledger operation failed.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// SQLite reported an error.
    #[error("{}", tr("ledger-sql", &[("error", Arg::from(escaped(&.0.to_string())))]))]
    Sql(#[from] rusqlite::Error),
    /// The serial is already in the ledger.
    #[error("{}", tr("ledger-serial-taken", &[("serial", Arg::from(escaped(.0)))]))]
    SerialTaken(String),
    /// No certificate with this serial.
    #[error("{}", tr("ledger-not-found", &[("serial", Arg::from(escaped(.0)))]))]
    NotFound(String),
    /// The certificate was already revoked.
    #[error("{}", tr("ledger-already-revoked", &[("serial", Arg::from(escaped(.0)))]))]
    AlreadyRevoked(String),
    /// The status list cannot grow any further.
    #[error("{}", tr("ledger-status-full", &[("max", Arg::from(MAX_ENTRIES))]))]
    StatusListFull,
    /// Randomness failed.
    #[error("{}", tr("no-randomness", &[("error", Arg::from(escaped(.0)))]))]
    Random(String),
    /// The ledger was written by a newer Sello.
    #[error("{}", tr("ledger-version", &[("version", Arg::from(escaped(.0)))]))]
    Version(String),
    /// The ledger file could not be created or opened.
    #[error("{}", tr("ledger-io", &[("path", Arg::from(path_of(path))), ("error", Arg::from(io_error(source)))]))]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// A stored value is not what the ledger writes.
    #[error("{}", tr("ledger-damaged", &[("detail", Arg::from(escaped(.0)))]))]
    Damaged(String),
    /// A signer callback returned an entry for another serial, status entry or row.
    #[error("{}", tr("ledger-mismatch", &[("serial", Arg::from(escaped(.0)))]))]
    Mismatch(String),
    /// PostgreSQL reported an error.
    #[cfg(feature = "postgres")]
    #[error("{}", tr("ledger-postgres", &[("error", Arg::from(escaped(&.0.to_string())))]))]
    Postgres(#[from] postgres::Error),
    /// The ledger address is a PostgreSQL URL but this Sello was built without PostgreSQL.
    #[error("{}", tr("ledger-no-postgres", &[]))]
    NoPostgres,
    /// A PostgreSQL URL with a password in it (it would end up in shell history, process
    /// lists and logs).
    #[error("{}", tr("ledger-password-in-url", &[]))]
    PasswordInUrl,
    /// The ledger address could not be read.
    #[error("{}", tr("ledger-address", &[("error", Arg::from(escaped(.0)))]))]
    Address(String),
    /// Other stations kept conflicting with this one: the chunk was tried this many times.
    #[error("{}", tr("ledger-contention", &[("times", Arg::from(*.0))]))]
    Contention(u32),
    /// A certificate to import differs from the one already recorded with its serial.
    #[error("{}", tr("ledger-import-conflict", &[("serial", Arg::from(escaped(.0)))]))]
    ImportConflict(String),
    /// Writing the status list failed (the ledger is unchanged).
    #[error("{0}")]
    Publish(Box<dyn std::error::Error + Send + Sync>),
    /// TLS asked for (`sslmode=require`, `verify-ca`, `verify-full`) without a CA file to check
    /// the server's certificate against.
    #[error("{}", tr("ledger-tls-no-ca", &[]))]
    TlsNoCa,
    /// The CA file for TLS cannot be used.
    #[error("{}", tr("ledger-tls-ca", &[("path", Arg::from(path_of(path))), ("detail", Arg::from(escaped(detail)))]))]
    TlsCa {
        /// The file.
        path: std::path::PathBuf,
        /// What is wrong with it.
        detail: String,
    },
    /// The service named (`service=`, `PGSERVICE`) is in no service file.
    #[error("{}", tr("ledger-no-service", &[("name", Arg::from(escaped(.0)))]))]
    NoService(String),
}

/// One issued certificate, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    /// The serial ("folio").
    pub serial: String,
    /// Identity of the roster row it came from, for resuming batches.
    pub row_key: Option<String>,
    /// Holder's name.
    pub holder: String,
    /// Holder's id.
    pub holder_id: Option<String>,
    /// Achievement code.
    pub code: String,
    /// Achievement title.
    pub title: String,
    /// Entry in the issuer's status list.
    pub status_idx: u32,
    /// The token as issued.
    pub token: String,
    /// SHA-256 of the token, hex.
    pub token_sha256: String,
    /// The signing key.
    pub kid: String,
    /// Issue time.
    pub issued_at: i64,
    /// Expiry.
    pub expires_at: Option<i64>,
    /// Revocation time.
    pub revoked_at: Option<i64>,
    /// Why it was revoked.
    pub revoke_reason: Option<String>,
}

/// One certificate to issue in a chunk ([`IssueLedger::issue_chunk`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Draft<'a> {
    /// Identity of the roster row it comes from: when a certificate with this row key is
    /// already recorded, it is returned instead of issuing another.
    pub row_key: Option<&'a str>,
    /// The serial asked for (refused if already issued); a fresh random one when `None`.
    pub serial: Option<&'a str>,
}

/// What the ledger reserved for a draft, for the caller to sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reserved {
    /// The certificate's serial: the one asked for, or a fresh one not in the ledger.
    pub serial: String,
    /// Its entry in the status list: unused, below the list's size.
    pub status_idx: u32,
}

/// What [`IssueLedger::issue_chunk`] did with one draft.
#[derive(Debug)]
pub enum Recorded {
    /// Signed and recorded now.
    Issued(Entry),
    /// Its row key was already recorded (an earlier run, another process, or an earlier draft
    /// of this chunk): that certificate, untouched.
    AlreadyIssued(Entry),
    /// The serial asked for is already issued (or asked for by an earlier draft of the chunk).
    SerialTaken(String),
    /// The signer refused it (an invalid certificate, a key that may not sign now); nothing
    /// was recorded and no entry was used.
    Refused(IssueError),
}

/// The signing step of [`IssueLedger::issue_chunk`]: gets the draft's position in the chunk
/// and what was reserved for it, and returns the entry to record (with that serial, status
/// entry and the draft's row key). It may be called again for the same draft if a backend
/// retries the transaction, so it must not have effects beyond its return value that a retry
/// would make wrong (keeping the latest result per position is fine).
pub type SignFn<'s> = dyn FnMut(usize, &Reserved) -> Result<Entry, IssueError> + 's;

/// The one write an issuer makes per chunk of certificates, as one transaction. Everything
/// that issues (a roster, a single certificate, the demo) goes through it.
///
/// An implementation MUST, atomically with respect to every other process issuing for the same
/// issuer (nothing of a chunk is visible, or recorded, unless all of it is):
///
/// 1. return [`Recorded::AlreadyIssued`] for each draft whose row key is already recorded;
/// 2. grow the status list (doubling, up to [`MAX_ENTRIES`]) until (certificates recorded +
///    new drafts) × 2 ≤ size, and fail with [`LedgerError::StatusListFull`] if it cannot; never
///    make it smaller;
/// 3. for each other draft, in order: refuse a serial already recorded
///    ([`Recorded::SerialTaken`]) or draw a fresh one not recorded; draw a status entry
///    uniformly at random among the unused ones below the size; call `sign`; record the entry
///    it returns ([`Recorded::Issued`]), or nothing if it refused ([`Recorded::Refused`]);
/// 4. commit, and only then return.
///
/// SQLite ([`Ledger`]) does it in one `BEGIN IMMEDIATE` transaction. A PostgreSQL backend
/// would do it in one transaction that first locks the issuer's row (`SELECT … FOR UPDATE`),
/// keeps serials, row keys and entries `UNIQUE`, and on a serialization failure or a
/// constraint violation rolls back and runs the whole chunk again (calling `sign` again).
pub trait IssueLedger {
    /// Issues one chunk: see the trait's contract. `Recorded` values come in draft order.
    fn issue_chunk(
        &mut self,
        drafts: &[Draft<'_>],
        sign: &mut SignFn<'_>,
    ) -> Result<Vec<Recorded>, LedgerError>;
}

/// Which database holds a ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file in the issuer folder (one station).
    Sqlite,
    /// A PostgreSQL database shared by several stations.
    Postgres,
}

/// The step of [`LedgerStore::publish`] that signs and writes the status list, called under
/// the publishing lock with the list and its `iat`.
pub type PublishFn<'p> =
    dyn FnMut(&StatusList, i64) -> Result<(), Box<dyn std::error::Error + Send + Sync>> + 'p;

/// Everything Sello does with a ledger, whichever database holds it: SQLite ([`Ledger`]) or
/// PostgreSQL (`PgLedger`, cargo feature `postgres`). Both keep the same schema and the same
/// invariants (see [`IssueLedger`]), and both pass the same test suite.
pub trait LedgerStore: IssueLedger + Send {
    /// Which database this is.
    fn backend(&self) -> Backend;
    /// Number of entries in the issuer's status list.
    fn status_size(&mut self) -> Result<u32, LedgerError>;
    /// Number of certificates recorded.
    fn count(&mut self) -> Result<u64, LedgerError>;
    /// The certificate with this serial.
    fn get(&mut self, serial: &str) -> Result<Option<Entry>, LedgerError>;
    /// The certificate issued for a roster row.
    fn by_row_key(&mut self, row_key: &str) -> Result<Option<Entry>, LedgerError>;
    /// Certificates in issue order, `limit` from `offset`.
    fn list(&mut self, offset: u64, limit: u64) -> Result<Vec<Entry>, LedgerError>;
    /// Calls `f` for every certificate, in issue order (for exports of any size).
    fn for_each(&mut self, f: &mut dyn FnMut(&Entry)) -> Result<(), LedgerError>;
    /// Marks a certificate revoked at `at` with a reason.
    fn revoke(&mut self, serial: &str, reason: &str, at: i64) -> Result<Entry, LedgerError>;
    /// The status list as of now, size and bits from the same moment.
    fn status_list(&mut self) -> Result<StatusList, LedgerError>;
    /// Publishes the status list: under a lock only one publisher holds at a time, reads the
    /// list, picks its `iat` (`now`, or one second after the last published `iat` if that is
    /// not earlier, so `iat` strictly increases across every station), calls `write`, and
    /// records the `iat` only if `write` succeeded. Returns the `iat`.
    fn publish(&mut self, now: i64, write: &mut PublishFn<'_>) -> Result<i64, LedgerError>;
    /// Copies certificates in (`sello ledger migrate`): records each entry whose serial is not
    /// there yet, carries over a revocation the target lacks, and raises the status list to at
    /// least `status_size`, all in one transaction under the issuing lock. An entry whose
    /// serial is recorded with another token is [`LedgerError::ImportConflict`]. Returns how
    /// many were new. Running it again with the same entries records nothing.
    fn import(&mut self, entries: &[Entry], status_size: u32) -> Result<u64, LedgerError>;
}

/// Opens a ledger from its address: a `postgres://` or `postgresql://` URL (no password in
/// it; see `PgLedger::connect`), or else the path of a SQLite file.
pub fn open_store(address: &str) -> Result<Box<dyn LedgerStore>, LedgerError> {
    if is_postgres_url(address) {
        #[cfg(feature = "postgres")]
        return Ok(Box::new(crate::ledger_pg::PgLedger::connect(address)?));
        #[cfg(not(feature = "postgres"))]
        return Err(LedgerError::NoPostgres);
    }
    Ok(Box::new(Ledger::open(Path::new(address))?))
}

/// Checks a ledger address without connecting: a PostgreSQL URL must parse and hold no
/// password ([`LedgerError::PasswordInUrl`]), and needs this Sello built with PostgreSQL.
pub fn check_address(address: &str) -> Result<(), LedgerError> {
    if !is_postgres_url(address) {
        return Ok(());
    }
    #[cfg(feature = "postgres")]
    {
        let (address, _) = crate::ledger_pg::split_tls(address);
        let config: postgres::Config = address
            .parse()
            .map_err(|e: postgres::Error| LedgerError::Address(e.to_string()))?;
        if config.get_password().is_some() {
            return Err(LedgerError::PasswordInUrl);
        }
        Ok(())
    }
    #[cfg(not(feature = "postgres"))]
    Err(LedgerError::NoPostgres)
}

/// Whether a ledger address names a PostgreSQL database.
pub fn is_postgres_url(address: &str) -> bool {
    let lower = address.get(..13).unwrap_or(address).to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// The smallest status-list size, from `size` doubling, that keeps `certificates` at most
/// half of it; never smaller than `size`.
pub fn grown_status_size(size: u32, certificates: u64) -> Result<u32, LedgerError> {
    let mut size = size.clamp(MIN_ENTRIES, MAX_ENTRIES);
    while certificates.saturating_mul(2) > u64::from(size) {
        if size >= MAX_ENTRIES {
            return Err(LedgerError::StatusListFull);
        }
        size = size.saturating_mul(2).min(MAX_ENTRIES);
    }
    Ok(size)
}

const COLUMNS: &str = "serial, row_key, holder, holder_id, code, title, status_idx, token, \
                       token_sha256, kid, issued_at, expires_at, revoked_at, revoke_reason";

fn entry(row: &rusqlite::Row<'_>) -> rusqlite::Result<Entry> {
    Ok(Entry {
        serial: row.get(0)?,
        row_key: row.get(1)?,
        holder: row.get(2)?,
        holder_id: row.get(3)?,
        code: row.get(4)?,
        title: row.get(5)?,
        status_idx: row.get(6)?,
        token: row.get(7)?,
        token_sha256: row.get(8)?,
        kid: row.get(9)?,
        issued_at: row.get(10)?,
        expires_at: row.get(11)?,
        revoked_at: row.get(12)?,
        revoke_reason: row.get(13)?,
    })
}

/// An issuer's ledger.
pub struct Ledger {
    conn: Connection,
}

impl std::fmt::Debug for Ledger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ledger").finish_non_exhaustive()
    }
}

impl Ledger {
    /// Opens (creating if needed) the ledger at `path`. A new file is created owner-only
    /// (0600) before SQLite opens it, so the ledger and its `-wal` and `-shm` files are never
    /// readable by others.
    pub fn open(path: &Path) -> Result<Ledger, LedgerError> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            use std::os::unix::fs::PermissionsExt as _;
            let io = |source| LedgerError::Io {
                path: path.to_owned(),
                source,
            };
            let file = std::fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(false)
                .mode(crate::files::PRIVATE)
                .open(path)
                .map_err(io)?;
            file.set_permissions(std::fs::Permissions::from_mode(crate::files::PRIVATE))
                .map_err(io)?;
        }
        Ledger::init(Connection::open(path)?)
    }

    /// An in-memory ledger (tests, dry runs).
    pub fn in_memory() -> Result<Ledger, LedgerError> {
        Ledger::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Ledger, LedgerError> {
        conn.busy_timeout(Duration::from_secs(10))?;
        // WAL: readers never block the writer; FULL: a committed certificate survives a crash
        // or power loss before its files are written.
        set_wal(&conn)?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        // Migrations run under the write lock: two stations opening a new ledger at once apply
        // each one once.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        sqlite_migrate(&tx)?;
        tx.commit()?;
        Ok(Ledger { conn })
    }

    /// Number of entries in the issuer's status list.
    pub fn status_size(&self) -> Result<u32, LedgerError> {
        status_size(&self.conn)
    }

    /// Number of certificates recorded.
    pub fn count(&self) -> Result<u64, LedgerError> {
        count(&self.conn)
    }

    /// Whether a serial is already recorded.
    pub fn contains(&self, serial: &str) -> Result<bool, LedgerError> {
        Ok(self.get(serial)?.is_some())
    }

    /// The certificate with this serial.
    pub fn get(&self, serial: &str) -> Result<Option<Entry>, LedgerError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM certificates WHERE serial = ?1"),
                params![serial],
                entry,
            )
            .optional()?)
    }

    /// The certificate issued for a roster row.
    pub fn by_row_key(&self, row_key: &str) -> Result<Option<Entry>, LedgerError> {
        by_row_key(&self.conn, row_key)
    }

    /// Certificates in issue order, `limit` from `offset`.
    pub fn list(&self, offset: u64, limit: u64) -> Result<Vec<Entry>, LedgerError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM certificates ORDER BY issued_at, rowid LIMIT ?1 OFFSET ?2"
        ))?;
        let rows = stmt.query_map(params![limit as i64, offset as i64], entry)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Calls `f` for every certificate, in issue order (for exports of any size).
    pub fn for_each(&self, mut f: impl FnMut(&Entry)) -> Result<(), LedgerError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM certificates ORDER BY issued_at, rowid"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            f(&entry(row)?);
        }
        Ok(())
    }

    /// Marks a certificate revoked at `at` with a reason.
    pub fn revoke(&mut self, serial: &str, reason: &str, at: i64) -> Result<Entry, LedgerError> {
        // Immediate, like issuing: a read followed by a write, under the write lock.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current = tx
            .query_row(
                &format!("SELECT {COLUMNS} FROM certificates WHERE serial = ?1"),
                params![serial],
                entry,
            )
            .optional()?
            .ok_or_else(|| LedgerError::NotFound(serial.to_owned()))?;
        if current.revoked_at.is_some() {
            return Err(LedgerError::AlreadyRevoked(serial.to_owned()));
        }
        tx.execute(
            "UPDATE certificates SET revoked_at = ?1, revoke_reason = ?2 WHERE serial = ?3",
            params![at, reason, serial],
        )?;
        tx.commit()?;
        Ok(Entry {
            revoked_at: Some(at),
            revoke_reason: Some(reason.to_owned()),
            ..current
        })
    }

    /// The status list as of now: one bit per allocated entry, set for revoked certificates.
    /// Read in one transaction, so size and bits come from the same moment.
    pub fn status_list(&self) -> Result<StatusList, LedgerError> {
        let tx = self.conn.unchecked_transaction()?;
        let list = status_list_in(&tx)?;
        tx.commit()?;
        Ok(list)
    }

    /// Clears a revocation, as if a run had stopped before making it (tests only).
    #[cfg(test)]
    pub(crate) fn unrevoke_for_test(&mut self, serial: &str) {
        self.conn
            .execute(
                "UPDATE certificates SET revoked_at = NULL, revoke_reason = NULL \
                 WHERE serial = ?1",
                [serial],
            )
            .unwrap();
    }

    /// Records `n` placeholder certificates (serials `EARLIER-…`, even status entries), as an
    /// issuer that has issued that many already (tests only).
    #[cfg(test)]
    pub(crate) fn prefill(&mut self, n: u64) -> Result<(), LedgerError> {
        self.conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?1) \
             INSERT INTO certificates (serial, holder, code, title, status_idx, token, \
             token_sha256, kid, issued_at) \
             SELECT 'EARLIER-' || i, 'Anterior', 'EC0105', 'T', i * 2, 'a.b.c', '00', 'k', 1 FROM n",
            params![n as i64],
        )?;
        Ok(())
    }
}

impl LedgerStore for Ledger {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }
    fn status_size(&mut self) -> Result<u32, LedgerError> {
        Ledger::status_size(self)
    }
    fn count(&mut self) -> Result<u64, LedgerError> {
        Ledger::count(self)
    }
    fn get(&mut self, serial: &str) -> Result<Option<Entry>, LedgerError> {
        Ledger::get(self, serial)
    }
    fn by_row_key(&mut self, row_key: &str) -> Result<Option<Entry>, LedgerError> {
        Ledger::by_row_key(self, row_key)
    }
    fn list(&mut self, offset: u64, limit: u64) -> Result<Vec<Entry>, LedgerError> {
        Ledger::list(self, offset, limit)
    }
    fn for_each(&mut self, f: &mut dyn FnMut(&Entry)) -> Result<(), LedgerError> {
        Ledger::for_each(self, f)
    }
    fn revoke(&mut self, serial: &str, reason: &str, at: i64) -> Result<Entry, LedgerError> {
        Ledger::revoke(self, serial, reason, at)
    }
    fn status_list(&mut self) -> Result<StatusList, LedgerError> {
        Ledger::status_list(self)
    }

    fn publish(&mut self, now: i64, write: &mut PublishFn<'_>) -> Result<i64, LedgerError> {
        // The write lock is the publishing lock: one publisher (or issuer) at a time.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let last: Option<String> = tx
            .query_row("SELECT value FROM meta WHERE key = 'status_iat'", [], |r| {
                r.get(0)
            })
            .optional()?;
        let iat = next_iat(now, last.as_deref())?;
        let list = status_list_in(&tx)?;
        write(&list, iat).map_err(LedgerError::Publish)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('status_iat', ?1) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![iat.to_string()],
        )?;
        tx.commit()?;
        Ok(iat)
    }

    fn import(&mut self, entries: &[Entry], size: u32) -> Result<u64, LedgerError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut new = 0;
        {
            let mut st = Statements::new(&tx)?;
            let mut existing =
                tx.prepare("SELECT token_sha256, revoked_at FROM certificates WHERE serial = ?1")?;
            let mut carry = tx.prepare(
                "UPDATE certificates SET revoked_at = ?1, revoke_reason = ?2 \
                 WHERE serial = ?3 AND revoked_at IS NULL",
            )?;
            for e in entries {
                let found = existing
                    .query_row(params![e.serial], |r| {
                        Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?))
                    })
                    .optional()?;
                match found {
                    None => {
                        st.insert(e)?;
                        new += 1;
                    }
                    Some((sha, _)) if sha != e.token_sha256 => {
                        return Err(LedgerError::ImportConflict(e.serial.clone()));
                    }
                    Some((_, None)) if e.revoked_at.is_some() => {
                        carry.execute(params![e.revoked_at, e.revoke_reason, e.serial])?;
                    }
                    Some(_) => {}
                }
            }
        }
        let stored = status_size(&tx)?;
        let grown = grown_status_size(stored.max(size), count(&tx)?)?;
        if grown != stored {
            tx.execute(
                "UPDATE meta SET value = ?1 WHERE key = 'status_size'",
                params![grown.to_string()],
            )?;
        }
        tx.commit()?;
        Ok(new)
    }
}

/// The `iat` of the next status list: `now`, or one second after the last one published.
pub(crate) fn next_iat(now: i64, last: Option<&str>) -> Result<i64, LedgerError> {
    match last {
        None => Ok(now),
        Some(text) => match text.parse::<i64>() {
            Ok(last) => Ok(now.max(last.saturating_add(1))),
            Err(_) => Err(LedgerError::Damaged(format!(
                "last status-list iat {text:?} is not a number"
            ))),
        },
    }
}

impl IssueLedger for Ledger {
    fn issue_chunk(
        &mut self,
        drafts: &[Draft<'_>],
        sign: &mut SignFn<'_>,
    ) -> Result<Vec<Recorded>, LedgerError> {
        // The write lock is taken here, before anything is read: no other process can record
        // between what this chunk reads and what it writes.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut out: Vec<Option<Recorded>> = Vec::with_capacity(drafts.len());
        {
            let mut st = Statements::new(&tx)?;
            for draft in drafts {
                out.push(match draft.row_key {
                    Some(key) => st.by_row_key(key)?.map(Recorded::AlreadyIssued),
                    None => None,
                });
            }
            let fresh = out.iter().filter(|o| o.is_none()).count() as u64;
            let stored = status_size(&tx)?;
            let size = grown_status_size(stored, count(&tx)? + fresh)?;
            if size != stored {
                tx.execute(
                    "UPDATE meta SET value = ?1 WHERE key = 'status_size'",
                    params![size.to_string()],
                )?;
            }
            for (i, draft) in drafts.iter().enumerate() {
                if out[i].is_some() {
                    continue;
                }
                // A row key repeated inside the chunk: the earlier draft's certificate.
                if let Some(key) = draft.row_key
                    && let Some(entry) = st.by_row_key(key)?
                {
                    out[i] = Some(Recorded::AlreadyIssued(entry));
                    continue;
                }
                let serial = match draft.serial {
                    Some(s) if st.serial_taken(s)? => {
                        out[i] = Some(Recorded::SerialTaken(s.to_owned()));
                        continue;
                    }
                    Some(s) => s.to_owned(),
                    None => loop {
                        let s = new_serial().map_err(|e| LedgerError::Random(e.to_string()))?;
                        if !st.serial_taken(&s)? {
                            break s;
                        }
                    },
                };
                let reserved = Reserved {
                    status_idx: st.unused_index(size)?,
                    serial,
                };
                out[i] = Some(match sign(i, &reserved) {
                    Ok(entry) => {
                        if entry.serial != reserved.serial
                            || entry.status_idx != reserved.status_idx
                            || entry.row_key.as_deref() != draft.row_key
                        {
                            return Err(LedgerError::Mismatch(reserved.serial));
                        }
                        st.insert(&entry)?;
                        Recorded::Issued(entry)
                    }
                    Err(e) => Recorded::Refused(e),
                });
            }
        }
        tx.commit()?;
        Ok(out.into_iter().flatten().collect())
    }
}

fn status_list_in(conn: &Connection) -> Result<StatusList, LedgerError> {
    let mut list = StatusList::new(status_size(conn)?).map_err(|_| LedgerError::StatusListFull)?;
    let mut stmt =
        conn.prepare("SELECT status_idx FROM certificates WHERE revoked_at IS NOT NULL")?;
    for idx in stmt.query_map([], |r| r.get::<_, u32>(0))? {
        list.set_revoked(idx?, true);
    }
    Ok(list)
}

/// Applies the migrations a ledger lacks (inside the caller's transaction) and seeds `meta`.
fn sqlite_migrate(conn: &Connection) -> Result<(), LedgerError> {
    let has_meta: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta')",
        [],
        |r| r.get(0),
    )?;
    let current = if has_meta {
        conn.query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get::<_, String>(0),
        )
        .optional()?
    } else {
        None
    };
    let current: usize = match current {
        None => 0,
        Some(v) => match v.parse::<usize>() {
            Ok(n) if n <= SQLITE_MIGRATIONS.len() => n,
            _ => return Err(LedgerError::Version(v)),
        },
    };
    for migration in &SQLITE_MIGRATIONS[current..] {
        conn.execute_batch(migration)?;
    }
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('schema_version', ?1) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![SQLITE_MIGRATIONS.len().to_string()],
    )?;
    conn.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('status_size', ?1)",
        params![MIN_ENTRIES.to_string()],
    )?;
    Ok(())
}

fn status_size(conn: &Connection) -> Result<u32, LedgerError> {
    let text: String = conn.query_row(
        "SELECT value FROM meta WHERE key = 'status_size'",
        [],
        |r| r.get(0),
    )?;
    match text.parse::<u32>() {
        Ok(size) if (MIN_ENTRIES..=MAX_ENTRIES).contains(&size) && size.is_power_of_two() => {
            Ok(size)
        }
        _ => Err(LedgerError::Damaged(format!(
            "status-list size {text:?} is not a power of two from {MIN_ENTRIES} to {MAX_ENTRIES}"
        ))),
    }
}

fn count(conn: &Connection) -> Result<u64, LedgerError> {
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM certificates", [], |r| r.get(0))?;
    Ok(n as u64)
}

fn by_row_key(conn: &Connection, row_key: &str) -> Result<Option<Entry>, LedgerError> {
    Statements::new(conn)?.by_row_key(row_key)
}

/// The statements a chunk runs for each certificate, prepared once per chunk.
struct Statements<'c> {
    by_row_key: rusqlite::Statement<'c>,
    serial_taken: rusqlite::Statement<'c>,
    index_taken: rusqlite::Statement<'c>,
    insert: rusqlite::Statement<'c>,
}

impl<'c> Statements<'c> {
    fn new(conn: &'c Connection) -> Result<Statements<'c>, LedgerError> {
        Ok(Statements {
            by_row_key: conn.prepare(&format!(
                "SELECT {COLUMNS} FROM certificates WHERE row_key = ?1"
            ))?,
            serial_taken: conn.prepare("SELECT 1 FROM certificates WHERE serial = ?1")?,
            index_taken: conn.prepare("SELECT 1 FROM certificates WHERE status_idx = ?1")?,
            insert: conn.prepare(&format!(
                "INSERT INTO certificates ({COLUMNS}) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
            ))?,
        })
    }

    fn by_row_key(&mut self, row_key: &str) -> Result<Option<Entry>, LedgerError> {
        Ok(self
            .by_row_key
            .query_row(params![row_key], entry)
            .optional()?)
    }

    fn serial_taken(&mut self, serial: &str) -> Result<bool, LedgerError> {
        Ok(self.serial_taken.exists(params![serial])?)
    }

    /// An unused entry below `size`, uniformly at random: 4 bytes from the operating system,
    /// read as a little-endian `u32`, modulo `size` (a power of two: no bias), drawn again
    /// while used. The list is at most half full, so this takes fewer than two draws on
    /// average.
    fn unused_index(&mut self, size: u32) -> Result<u32, LedgerError> {
        let mut buf = [0u8; 4];
        loop {
            getrandom::fill(&mut buf).map_err(|e| LedgerError::Random(e.to_string()))?;
            let idx = u32::from_le_bytes(buf) % size;
            if !self.index_taken.exists(params![idx])? {
                return Ok(idx);
            }
        }
    }

    /// Inserts one entry; a serial already present is [`LedgerError::SerialTaken`].
    fn insert(&mut self, e: &Entry) -> Result<(), LedgerError> {
        let result = self.insert.execute(params![
            e.serial,
            e.row_key,
            e.holder,
            e.holder_id,
            e.code,
            e.title,
            e.status_idx,
            e.token,
            e.token_sha256,
            e.kid,
            e.issued_at,
            e.expires_at,
            e.revoked_at,
            e.revoke_reason
        ]);
        match result {
            Err(rusqlite::Error::SqliteFailure(f, Some(msg)))
                if f.code == rusqlite::ErrorCode::ConstraintViolation
                    && msg.contains("certificates.serial") =>
            {
                Err(LedgerError::SerialTaken(e.serial.clone()))
            }
            other => other.map(drop).map_err(LedgerError::from),
        }
    }
}

/// Puts the database in WAL mode. Changing the journal mode takes the database's exclusive
/// lock and SQLite answers "database is locked" at once, without waiting on the busy timeout,
/// when another connection holds any lock (two stations opening a new ledger together): so it
/// is retried for up to the busy timeout. Once the file is in WAL mode the pragma is a no-op.
fn set_wal(conn: &Connection) -> Result<(), LedgerError> {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => return Ok(other?),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger_suite::{Harness, TestDb, issue};

    /// A SQLite ledger file in a temporary folder.
    pub(crate) struct SqliteDb(tempfile::TempDir);

    impl TestDb for SqliteDb {
        type L = Ledger;
        fn open(&self) -> Ledger {
            Ledger::open(&self.0.path().join("ledger.sqlite")).unwrap()
        }
    }

    impl Harness for Ledger {
        fn insert_unchecked(&mut self, e: &Entry) -> Result<(), LedgerError> {
            Statements::new(&self.conn)?.insert(e)
        }
        fn set_status_size_text(&mut self, text: &str) {
            self.conn
                .execute(
                    "UPDATE meta SET value = ?1 WHERE key = 'status_size'",
                    [text],
                )
                .unwrap();
        }
        fn prefill(&mut self, n: u64) {
            Ledger::prefill(self, n).unwrap();
        }
    }

    fn sqlite() -> Option<SqliteDb> {
        Some(SqliteDb(tempfile::tempdir().unwrap()))
    }

    mod suite {
        use super::sqlite;
        use crate::ledger_suite::ledger_suite;
        ledger_suite!(sqlite());
    }

    #[test]
    fn status_list_sizes_double_up_to_the_maximum_and_never_shrink() {
        assert_eq!(grown_status_size(MIN_ENTRIES, 0).unwrap(), MIN_ENTRIES);
        let half = u64::from(MIN_ENTRIES / 2);
        assert_eq!(grown_status_size(MIN_ENTRIES, half).unwrap(), MIN_ENTRIES);
        assert_eq!(
            grown_status_size(MIN_ENTRIES, half + 1).unwrap(),
            MIN_ENTRIES * 2
        );
        assert_eq!(
            grown_status_size(MIN_ENTRIES * 4, 1).unwrap(),
            MIN_ENTRIES * 4,
            "never shrinks"
        );
        let most = u64::from(MAX_ENTRIES / 2);
        assert_eq!(grown_status_size(MIN_ENTRIES, most).unwrap(), MAX_ENTRIES);
        assert!(matches!(
            grown_status_size(MIN_ENTRIES, most + 1),
            Err(LedgerError::StatusListFull)
        ));
    }

    #[test]
    fn a_ledger_from_a_newer_sello_is_refused_and_an_older_one_is_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        // A ledger as the first Sello wrote it: schema applied, version "1".
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(SQLITE_MIGRATIONS[0]).unwrap();
        conn.execute(
            "INSERT INTO meta VALUES ('schema_version', '1'), ('status_size', ?1)",
            [(MIN_ENTRIES * 2).to_string()],
        )
        .unwrap();
        drop(conn);
        let mut l = Ledger::open(&path).unwrap();
        assert_eq!(LedgerStore::status_size(&mut l).unwrap(), MIN_ENTRIES * 2);
        drop(l);
        let conn = Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
            [],
        )
        .unwrap();
        drop(conn);
        assert!(matches!(Ledger::open(&path), Err(LedgerError::Version(v)) if v == "99"));
    }

    #[test]
    fn an_address_is_a_postgres_url_or_a_file() {
        assert!(is_postgres_url("postgres://db/ledger"));
        assert!(is_postgres_url("PostgreSQL://db/ledger"));
        assert!(!is_postgres_url("ledger.sqlite"));
        assert!(!is_postgres_url("./postgres:/x"));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        let store = open_store(path.to_str().unwrap()).unwrap();
        assert_eq!(store.backend(), Backend::Sqlite);
        #[cfg(not(feature = "postgres"))]
        assert!(matches!(
            open_store("postgres://db/ledger"),
            Err(LedgerError::NoPostgres)
        ));
        #[cfg(feature = "postgres")]
        assert!(matches!(
            open_store("postgres://u:pw@db/ledger"),
            Err(LedgerError::PasswordInUrl)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn the_ledger_and_its_journal_files_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        let mut l = Ledger::open(&path).unwrap();
        issue(
            &mut l,
            &[Draft {
                row_key: None,
                serial: Some("A"),
            }],
            &[],
        );
        for name in ["ledger.sqlite", "ledger.sqlite-wal", "ledger.sqlite-shm"] {
            let mode = std::fs::metadata(dir.path().join(name))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
    }
}
