//! The ledger: every certificate an issuer has issued, in SQLite (embedded, bundled).
//!
//! The database enforces what must never happen: a serial issued twice (`serial` is the primary
//! key), two certificates sharing a status-list entry (`status_idx` is unique), a roster row
//! issued twice (`row_key` is unique). Writes are transactions; a batch records a chunk of
//! certificates in one transaction *before* any output file is written, so after a crash every
//! certificate that exists on paper is in the ledger, and a re-run finds what is missing.
//!
//! The ledger holds no private key material. It does hold personal data (names, ids): the file
//! is created owner-only (0600), and SQLite gives its `-wal` and `-shm` files the same mode.

use rusqlite::{Connection, OptionalExtension, params};
use sello_core::status::{MAX_ENTRIES, MIN_ENTRIES, StatusList};
use std::collections::HashSet;
use std::path::Path;
use std::time::Duration;

const SCHEMA: &str = r#"
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
"#;

/// Schema version stored in `meta`.
pub const SCHEMA_VERSION: &str = "1";

/// Why a ledger operation failed.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// SQLite reported an error.
    #[error("ledger: {0}")]
    Sql(#[from] rusqlite::Error),
    /// The serial is already in the ledger.
    #[error("serial {0:?} was already issued")]
    SerialTaken(String),
    /// No certificate with this serial.
    #[error("no certificate with serial {0:?} in the ledger")]
    NotFound(String),
    /// The certificate was already revoked.
    #[error("certificate {0:?} is already revoked")]
    AlreadyRevoked(String),
    /// The status list cannot grow any further.
    #[error("the status list is full ({MAX_ENTRIES} entries)")]
    StatusListFull,
    /// Randomness failed.
    #[error("no randomness from the operating system: {0}")]
    Random(String),
    /// The ledger file could not be created or opened.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The ledger was written by a newer Sello.
    #[error("ledger schema version {0} is not supported")]
    Version(String),
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

    fn init(conn: Connection) -> Result<Ledger, LedgerError> {
        conn.busy_timeout(Duration::from_secs(10))?;
        // WAL: readers never block the writer; FULL: a committed certificate survives a crash
        // or power loss before its files are written.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.execute_batch(SCHEMA)?;
        conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?1)",
            params![SCHEMA_VERSION],
        )?;
        let version: String = conn.query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )?;
        if version != SCHEMA_VERSION {
            return Err(LedgerError::Version(version));
        }
        conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('status_size', ?1)",
            params![MIN_ENTRIES.to_string()],
        )?;
        Ok(Ledger { conn })
    }

    /// Number of entries in the issuer's status list.
    pub fn status_size(&self) -> Result<u32, LedgerError> {
        let size: String = self.conn.query_row(
            "SELECT value FROM meta WHERE key = 'status_size'",
            [],
            |r| r.get(0),
        )?;
        Ok(size.parse().unwrap_or(MIN_ENTRIES))
    }

    /// Number of certificates recorded.
    pub fn count(&self) -> Result<u64, LedgerError> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM certificates", [], |r| r.get(0))?;
        Ok(n as u64)
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
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM certificates WHERE row_key = ?1"),
                params![row_key],
                entry,
            )
            .optional()?)
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

    /// Picks `n` unused status-list entries at random (herd privacy: neighbouring entries do not
    /// belong to neighbouring certificates). Grows the list, in steps of doubling, so that it is
    /// never more than half full.
    pub fn allocate_status_indices(&mut self, n: usize) -> Result<Vec<u32>, LedgerError> {
        let used: u64 = self.count()?;
        let mut size = self.status_size()?;
        while (used + n as u64) * 2 > u64::from(size) {
            if size >= MAX_ENTRIES {
                return Err(LedgerError::StatusListFull);
            }
            size = (size * 2).min(MAX_ENTRIES);
        }
        self.conn.execute(
            "UPDATE meta SET value = ?1 WHERE key = 'status_size'",
            params![size.to_string()],
        )?;
        let mut taken: HashSet<u32> = HashSet::new();
        {
            let mut stmt = self.conn.prepare("SELECT status_idx FROM certificates")?;
            for idx in stmt.query_map([], |r| r.get::<_, u32>(0))? {
                taken.insert(idx?);
            }
        }
        let mut out = Vec::with_capacity(n);
        let mut buf = [0u8; 4];
        while out.len() < n {
            getrandom::fill(&mut buf).map_err(|e| LedgerError::Random(e.to_string()))?;
            let idx = u32::from_le_bytes(buf) % size;
            if taken.insert(idx) {
                out.push(idx);
            }
        }
        Ok(out)
    }

    /// Records certificates, all or none, in one transaction. A serial, row key or status entry
    /// already present fails the whole call (the first clashing serial is named).
    pub fn record(&mut self, entries: &[Entry]) -> Result<(), LedgerError> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare(&format!(
                "INSERT INTO certificates ({COLUMNS}) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
            ))?;
            for e in entries {
                let result = stmt.execute(params![
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
                        return Err(LedgerError::SerialTaken(e.serial.clone()));
                    }
                    other => {
                        other?;
                    }
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Marks a certificate revoked at `at` with a reason.
    pub fn revoke(&mut self, serial: &str, reason: &str, at: i64) -> Result<Entry, LedgerError> {
        let tx = self.conn.transaction()?;
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
    pub fn status_list(&self) -> Result<StatusList, LedgerError> {
        let mut list =
            StatusList::new(self.status_size()?).map_err(|_| LedgerError::StatusListFull)?;
        let mut stmt = self
            .conn
            .prepare("SELECT status_idx FROM certificates WHERE revoked_at IS NOT NULL")?;
        for idx in stmt.query_map([], |r| r.get::<_, u32>(0))? {
            list.set_revoked(idx?, true);
        }
        Ok(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(serial: &str, idx: u32, row: Option<&str>) -> Entry {
        Entry {
            serial: serial.into(),
            row_key: row.map(str::to_owned),
            holder: "Ana".into(),
            holder_id: None,
            code: "EC0105".into(),
            title: "T".into(),
            status_idx: idx,
            token: "a.b.c".into(),
            token_sha256: "00".into(),
            kid: "k".into(),
            issued_at: 1,
            expires_at: None,
            revoked_at: None,
            revoke_reason: None,
        }
    }

    #[test]
    fn uniqueness_is_enforced_by_the_database() {
        let mut l = Ledger::in_memory().unwrap();
        l.record(&[e("A", 1, Some("r1")), e("B", 2, None)]).unwrap();
        assert!(
            matches!(l.record(&[e("A", 3, None)]), Err(LedgerError::SerialTaken(s)) if s == "A")
        );
        assert!(l.record(&[e("C", 1, None)]).is_err(), "status entry reused");
        assert!(
            l.record(&[e("D", 4, Some("r1"))]).is_err(),
            "row issued twice"
        );
        // All or nothing: a failing chunk leaves nothing behind.
        assert!(l.record(&[e("E", 5, None), e("A", 6, None)]).is_err());
        assert!(l.get("E").unwrap().is_none());
        assert_eq!(l.count().unwrap(), 2);
        assert_eq!(l.by_row_key("r1").unwrap().unwrap().serial, "A");
    }

    #[test]
    fn revocation_and_status_list() {
        let mut l = Ledger::in_memory().unwrap();
        let idx = l.allocate_status_indices(3).unwrap();
        assert_eq!(idx.len(), 3);
        assert_eq!(idx.iter().collect::<HashSet<_>>().len(), 3);
        l.record(&[e("A", idx[0], None), e("B", idx[1], None)])
            .unwrap();
        l.revoke("B", "emitido por error", 50).unwrap();
        assert!(matches!(
            l.revoke("B", "x", 60),
            Err(LedgerError::AlreadyRevoked(_))
        ));
        assert!(matches!(
            l.revoke("Z", "x", 60),
            Err(LedgerError::NotFound(_))
        ));
        let list = l.status_list().unwrap();
        assert_eq!(list.len(), MIN_ENTRIES);
        assert_eq!(list.is_revoked(idx[1]), Some(true));
        assert_eq!(list.is_revoked(idx[0]), Some(false));
        assert_eq!(
            l.get("B").unwrap().unwrap().revoke_reason.as_deref(),
            Some("emitido por error")
        );
    }

    #[test]
    fn status_list_grows_to_stay_half_empty() {
        let mut l = Ledger::in_memory().unwrap();
        let n = (MIN_ENTRIES / 2 + 1) as usize;
        let idx = l.allocate_status_indices(n).unwrap();
        assert_eq!(l.status_size().unwrap(), MIN_ENTRIES * 2);
        assert!(idx.iter().all(|i| *i < MIN_ENTRIES * 2));
    }

    #[test]
    fn persists_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        Ledger::open(&path)
            .unwrap()
            .record(&[e("A", 1, None)])
            .unwrap();
        assert_eq!(Ledger::open(&path).unwrap().count().unwrap(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn the_ledger_and_its_journal_files_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        let mut l = Ledger::open(&path).unwrap();
        l.record(&[e("A", 1, None)]).unwrap();
        for name in ["ledger.sqlite", "ledger.sqlite-wal", "ledger.sqlite-shm"] {
            let mode = std::fs::metadata(dir.path().join(name))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
    }
}
