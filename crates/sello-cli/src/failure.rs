//! Why a command failed, for the person and for scripts: a message and an exit status.
//!
//! The exit statuses (documented in the README):
//!
//! | status | meaning |
//! |---|---|
//! | 0 | done; `verify`: every input valid |
//! | 1 | `verify`: some input invalid; `issue --batch`: some row failed; `demo`: a check failed |
//! | 2 | usage error (arguments, options, a `--dir` that is not an issuer folder, an input `verify` or `scan` cannot read, trusted key sets or status lists that do not load) |
//! | 3 | `verify`: some input indeterminate and none invalid |
//! | 65 | data refused: a roster or template that cannot be used, a certificate the ledger refuses (serial taken, not in the ledger, already revoked) |
//! | 69 | the ledger (its database) cannot be opened, read or written |
//! | 70 | an internal error (a bug) |
//! | 74 | a file or folder cannot be read or written, the network address cannot be used, or a trust bundle cannot be fetched (and no copy is kept) |
//! | 77 | the signing key cannot be used: no passphrase, a wrong or weak one, a damaged key file, a key not allowed to sign now |
//! | 141 | standard output was closed (`sello … \| head`) |

use sello_issuer::BatchError;
use sello_issuer::IssueError;
use sello_issuer::KeyStoreError;
use sello_issuer::ledger::LedgerError;

/// A failure at the binary's edge: what kind (its exit status) and a message for the person.
#[derive(Debug)]
pub enum Failure {
    /// Bad arguments or an input that cannot be used: exit status 2.
    Usage(String),
    /// Data refused (a roster, a template, a serial the ledger refuses): 65 (EX_DATAERR).
    Data(String),
    /// The ledger's database failed: 69 (EX_UNAVAILABLE).
    Ledger(String),
    /// A bug: 70 (EX_SOFTWARE).
    Internal(String),
    /// A file, folder or socket could not be used: 74 (EX_IOERR).
    Io(String),
    /// The signing key or its passphrase: 77 (EX_NOPERM).
    Key(String),
}

impl Failure {
    /// The exit status.
    pub fn status(&self) -> u8 {
        match self {
            Failure::Usage(_) => 2,
            Failure::Data(_) => 65,
            Failure::Ledger(_) => 69,
            Failure::Internal(_) => 70,
            Failure::Io(_) => 74,
            Failure::Key(_) => 77,
        }
    }

    /// The message for the person (not yet escaped).
    pub fn message(&self) -> &str {
        match self {
            Failure::Usage(m)
            | Failure::Data(m)
            | Failure::Ledger(m)
            | Failure::Internal(m)
            | Failure::Io(m)
            | Failure::Key(m) => m,
        }
    }

    /// The same failure with `more` appended to its message.
    pub fn with_note(mut self, more: &str) -> Failure {
        let (Failure::Usage(m)
        | Failure::Data(m)
        | Failure::Ledger(m)
        | Failure::Internal(m)
        | Failure::Io(m)
        | Failure::Key(m)) = &mut self;
        m.push(' ');
        m.push_str(more);
        self
    }

    /// A usage error.
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure::Usage(message.into())
    }

    /// A file that could not be read or written.
    pub fn io(path: &std::path::Path, e: &std::io::Error) -> Failure {
        Failure::Io(format!(
            "{}: {}",
            crate::i18n::path_of(path),
            sello_core::i18n::io_error(e)
        ))
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure::Io(sello_core::i18n::io_error(&e))
    }
}

impl From<KeyStoreError> for Failure {
    fn from(e: KeyStoreError) -> Failure {
        let message = e.to_string();
        match e {
            KeyStoreError::Io { path, source } => Failure::io(&path, &source),
            KeyStoreError::Exists(_)
            | KeyStoreError::NotAnIssuer(_)
            | KeyStoreError::TimeZone(_) => Failure::Usage(message),
            KeyStoreError::TooLarge(_)
            | KeyStoreError::Invalid { .. }
            | KeyStoreError::WeakPassphrase(_)
            | KeyStoreError::Unlock(_)
            | KeyStoreError::Crypto(_) => Failure::Key(message),
        }
    }
}

impl From<LedgerError> for Failure {
    fn from(e: LedgerError) -> Failure {
        let message = e.to_string();
        match e {
            LedgerError::SerialTaken(_)
            | LedgerError::NotFound(_)
            | LedgerError::AlreadyRevoked(_)
            | LedgerError::StatusListFull => Failure::Data(message),
            LedgerError::Mismatch(_) => Failure::Internal(message),
            // The address given is wrong (a password in it, a URL that does not parse, a
            // PostgreSQL URL to a sello built without PostgreSQL): the command line's fault.
            LedgerError::PasswordInUrl
            | LedgerError::Address(_)
            | LedgerError::NoPostgres
            | LedgerError::TlsNoCa
            | LedgerError::TlsCa { .. }
            | LedgerError::NoService(_) => Failure::Usage(message),
            LedgerError::Io { path, source } => Failure::Ledger(format!(
                "{}: {}",
                crate::i18n::path_of(&path),
                sello_core::i18n::io_error(&source)
            )),
            _ => Failure::Ledger(message),
        }
    }
}

impl From<IssueError> for Failure {
    fn from(e: IssueError) -> Failure {
        let message = e.to_string();
        match e {
            IssueError::Invalid(_) | IssueError::TooLong(_) => Failure::Data(message),
            IssueError::KeyNotValid(_) | IssueError::Sign(_) => Failure::Key(message),
            IssueError::LedgerToken { .. } => Failure::Ledger(message),
            _ => Failure::Internal(message),
        }
    }
}

impl From<BatchError> for Failure {
    fn from(e: BatchError) -> Failure {
        match e {
            BatchError::Ledger(e) => e.into(),
            BatchError::Issue(e) => e.into(),
            BatchError::Io { path, source } => Failure::io(&path, &source),
        }
    }
}

impl From<sello_issuer::roster::RosterError> for Failure {
    fn from(e: sello_issuer::roster::RosterError) -> Failure {
        Failure::Data(e.to_string())
    }
}

impl From<sello_print::PrintError> for Failure {
    fn from(e: sello_print::PrintError) -> Failure {
        use sello_print::{PrintError, QrError};
        match e {
            // What the certificate holds does not fit its QR code or its page: the data.
            PrintError::Qr(QrError::TooLong(_))
            | PrintError::Field { .. }
            | PrintError::Template(_)
            | PrintError::QrTooSmall { .. }
            | PrintError::QrQuietZone(_) => Failure::Data(e.to_string()),
            _ => Failure::Internal(e.to_string()),
        }
    }
}

impl From<sello_verifier::TrustError> for Failure {
    fn from(e: sello_verifier::TrustError) -> Failure {
        Failure::Usage(e.to_string())
    }
}

impl From<sello_verifier::StatusLoadError> for Failure {
    fn from(e: sello_verifier::StatusLoadError) -> Failure {
        Failure::Usage(e.to_string())
    }
}

impl From<sello_web::ExportError> for Failure {
    fn from(e: sello_web::ExportError) -> Failure {
        match e {
            sello_web::ExportError::Io { .. } => Failure::Io(e.to_string()),
            _ => Failure::Usage(e.to_string()),
        }
    }
}

impl From<rayon::ThreadPoolBuildError> for Failure {
    fn from(e: rayon::ThreadPoolBuildError) -> Failure {
        Failure::Internal(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_its_own_status() {
        let all = [
            Failure::Usage(String::new()),
            Failure::Data(String::new()),
            Failure::Ledger(String::new()),
            Failure::Internal(String::new()),
            Failure::Io(String::new()),
            Failure::Key(String::new()),
        ];
        let mut statuses: Vec<u8> = all.iter().map(Failure::status).collect();
        statuses.sort_unstable();
        statuses.dedup();
        assert_eq!(statuses.len(), all.len());
        // 0, 1 and 3 are verdicts, 141 a closed pipe: no failure takes them.
        assert!(statuses.iter().all(|s| ![0, 1, 3, 141].contains(s)));
    }

    #[test]
    fn a_sqlite_failure_is_a_ledger_failure_not_a_usage_error() {
        let e = LedgerError::Sql(rusqlite::Error::InvalidQuery);
        assert_eq!(Failure::from(e).status(), 69);
        assert_eq!(
            Failure::from(LedgerError::NotFound("X".into())).status(),
            65
        );
    }
}
