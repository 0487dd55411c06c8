//! Keeping a running service fresh: the files its state was read from are watched, and a
//! change (or `SIGHUP`) reloads them.
//!
//! A reload builds a complete new state (trust store, status lists, published documents) off
//! to the side and swaps it in at once ([`Live::replace`]); when any file is missing, half
//! written or refused, the state in use stays and one log line says why. The files are
//! watched by their size, modification and change times and inode, checked every few seconds
//! (`sello serve --reload-every`); an unchanged set of files is not read again.
//!
//! A reload never moves an issuer's status list back in time: a list still in use whose `iat`
//! is newer than the one read from the files is kept (as when both are given at start,
//! FORMAT.md §5.8.5).

use crate::i18n::tr;
use crate::state::{AppState, DEFAULT_TIMEOUT, Live};
use sello_core::federation::{MAX_BUNDLE_BYTES, MAX_ROOT_BYTES};
use sello_verifier::StatusLoadError;
use sello_verifier::federation::{FederationError, Policy, Ratchet};
use sello_verifier::{TrustError, TrustStore, Verifier};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Default time between two looks at the files.
pub const DEFAULT_RELOAD_EVERY: Duration = Duration::from_secs(5);

/// Most entries of a watched folder looked at.
const MAX_WATCHED: usize = 4 * sello_verifier::MAX_KEY_SET_FILES;

/// Why a state could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// No key set was given.
    #[error("{}", tr("load-no-keys", &[]))]
    NoKeys,
    /// A key set could not be read or was refused.
    #[error(transparent)]
    Trust(#[from] TrustError),
    /// A status list could not be read or was refused.
    #[error(transparent)]
    Status(#[from] StatusLoadError),
    /// The root document or the trust bundle could not be read.
    #[error("{}", tr("load-io", &[("path", crate::i18n::path_of(path).into()), ("error", sello_core::i18n::io_error(source).into())]))]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The root document or the trust bundle is larger than its cap, or not UTF-8 text.
    #[error("{}", tr("load-not-a-document", &[("path", crate::i18n::path_of(.0).into())]))]
    NotADocument(PathBuf),
    /// The root document or the trust bundle was refused (FORMAT.md §5.9), or the bundle is
    /// older than, or equivocates with, the one in use (§5.9.6).
    #[error("{}: {error}", crate::i18n::path_of(path))]
    Federation {
        /// The file.
        path: PathBuf,
        /// Why.
        error: FederationError,
    },
    /// `--keys` together with a trust bundle.
    #[error("{}", tr("load-keys-and-bundle", &[]))]
    KeysAndBundle,
}

/// A federation's files: the pinned root document and the trust bundle (FORMAT.md §5.9).
#[derive(Debug, Clone)]
struct FederationFiles {
    root: PathBuf,
    bundle: PathBuf,
    max_age: Option<i64>,
}

/// Reads at most `max` bytes of `path` as UTF-8 text.
fn read_document(path: &Path, max: usize) -> Result<String, LoadError> {
    use std::io::Read as _;
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(io)?
        .take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > max {
        return Err(LoadError::NotADocument(path.to_owned()));
    }
    String::from_utf8(bytes).map_err(|_| LoadError::NotADocument(path.to_owned()))
}

/// Where the service's state comes from: key-set files and folders (as `sello verify --keys`
/// reads them), or a federation's root document and trust bundle (`--trust`, `--bundle`), and
/// status-list files and folders (`--status`).
#[derive(Debug, Clone)]
pub struct Sources {
    keys: Vec<PathBuf>,
    status: Vec<PathBuf>,
    federation: Option<FederationFiles>,
    leeway: i64,
    clock: fn() -> i64,
    timeout: Duration,
}

impl Sources {
    /// Key sets from `keys`, status lists from `status`, the default leeway, the system clock.
    pub fn new(keys: Vec<PathBuf>, status: Vec<PathBuf>) -> Sources {
        Sources {
            keys,
            status,
            federation: None,
            leeway: sello_verifier::DEFAULT_LEEWAY,
            clock: sello_core::now,
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// Trusts the issuers of the trust bundle `bundle`, accepted against the pinned root
    /// document `root` at the state's clock (FORMAT.md §5.9.5; `max_age` in seconds refuses an
    /// older bundle), instead of key sets: no key set may be given then.
    pub fn with_bundle(mut self, root: PathBuf, bundle: PathBuf, max_age: Option<i64>) -> Sources {
        self.federation = Some(FederationFiles {
            root,
            bundle,
            max_age,
        });
        self
    }

    /// Sets the clock leeway in seconds.
    pub fn with_leeway(mut self, seconds: i64) -> Sources {
        self.leeway = seconds;
        self
    }

    /// Verifies as of the time `clock` returns (see [`AppState::with_clock`]).
    pub fn with_clock(mut self, clock: fn() -> i64) -> Sources {
        self.clock = clock;
        self
    }

    /// Sets the time a request may take (see [`AppState::with_timeout`]).
    pub fn with_timeout(mut self, timeout: Duration) -> Sources {
        self.timeout = timeout;
        self
    }

    /// Reads every key set (or the root document and the trust bundle) and status list into a
    /// new state. Every file must be accepted.
    pub fn load(&self) -> Result<AppState, LoadError> {
        let mut state = match &self.federation {
            Some(fed) => {
                if !self.keys.is_empty() {
                    return Err(LoadError::KeysAndBundle);
                }
                self.load_bundle(fed)?
            }
            None => {
                if self.keys.is_empty() {
                    return Err(LoadError::NoKeys);
                }
                let mut trust = TrustStore::new();
                for path in &self.keys {
                    trust.load(path)?;
                }
                for pair in trust.confusable_issuers() {
                    tracing::warn!(
                        first = %pair.first,
                        second = %pair.second,
                        what = ?pair.what,
                        "{}", tr("log-confusable-issuers", &[])
                    );
                }
                AppState::new(Verifier::new(trust).with_leeway(self.leeway))
            }
        }
        .with_clock(self.clock)
        .with_timeout(self.timeout);
        for path in &self.status {
            state.load_status(path)?;
        }
        Ok(state)
    }

    /// The state of a federation's files: the pinned root, the bundle accepted now.
    fn load_bundle(&self, fed: &FederationFiles) -> Result<AppState, LoadError> {
        let root_text = read_document(&fed.root, MAX_ROOT_BYTES)?;
        let bundle_text = read_document(&fed.bundle, MAX_BUNDLE_BYTES)?;
        let refused = |path: &Path| {
            let path = path.to_owned();
            move |error| LoadError::Federation { path, error }
        };
        let pinned = sello_verifier::federation::pinned_root(root_text.as_bytes())
            .map_err(refused(&fed.root))?;
        let policy = Policy {
            leeway: self.leeway,
            max_age: fed.max_age,
        };
        let now = (self.clock)();
        let bundle = sello_verifier::federation::accept_bundle(&pinned, &bundle_text, now, policy)
            .map_err(refused(&fed.bundle))?;
        if !bundle.is_fresh(now) {
            tracing::warn!(
                federation = %bundle.claims.federation,
                seq = bundle.claims.seq,
                iat = bundle.claims.iat,
                fresh_until = bundle.claims.fresh_until,
                "{}", tr("log-bundle-stale", &[])
            );
        }
        Ok(AppState::from_bundle(
            root_text,
            &bundle_text,
            bundle,
            self.leeway,
        )?)
    }

    /// What the files look like now: the same value until one of them changes.
    pub(crate) fn fingerprint(&self) -> Fingerprint {
        let mut stamps = Vec::new();
        if let Some(fed) = &self.federation {
            stamps.push(stamp(&fed.root));
            stamps.push(stamp(&fed.bundle));
        }
        for path in &self.keys {
            let issuer_folder = path.join("jwks.json");
            if !path.is_dir() {
                stamps.push(stamp(path));
            } else if issuer_folder.is_file() {
                stamps.push(stamp(&issuer_folder));
            } else {
                stamps.push(stamp(path));
                for entry in entries(path) {
                    if entry.is_dir() {
                        stamps.push(stamp(&entry.join("jwks.json")));
                    } else if entry.extension().is_some_and(|e| e == "json") {
                        stamps.push(stamp(&entry));
                    }
                }
            }
        }
        for path in &self.status {
            stamps.push(stamp(path));
            if path.is_dir() {
                for entry in entries(path) {
                    if entry.extension().is_some_and(|e| e == "jwt") {
                        stamps.push(stamp(&entry));
                    }
                }
            }
        }
        Fingerprint(stamps)
    }
}

/// The watched files' metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fingerprint(Vec<(PathBuf, Option<Stamp>)>);

/// Size, modification time and, on Unix, inode and change time: a file replaced by a rename
/// or rewritten in place changes at least one of them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
    changed: (i64, i64),
}

fn stamp(path: &Path) -> (PathBuf, Option<Stamp>) {
    let stamp = std::fs::metadata(path).ok().map(|m| {
        #[cfg(unix)]
        let (inode, changed) = {
            use std::os::unix::fs::MetadataExt as _;
            (m.ino(), (m.ctime(), m.ctime_nsec()))
        };
        #[cfg(not(unix))]
        let (inode, changed) = (0, (0, 0));
        Stamp {
            len: m.len(),
            modified: m.modified().ok(),
            inode,
            changed,
        }
    });
    (path.to_owned(), stamp)
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .take(MAX_WATCHED)
        .collect();
    found.sort();
    found
}

/// What a look at the files did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reload {
    /// No file changed since the last look.
    Unchanged,
    /// The files were read again and give the same documents.
    Same,
    /// A new state is in use.
    Replaced,
    /// The files could not be read or were refused; the previous state is still in use.
    Failed,
}

/// Reloads a [`Live`] state from its [`Sources`]: [`Reloader::check`] when the files changed,
/// [`Reloader::reload`] in any case; [`Reloader::run`] does both on a timer and on `SIGHUP`.
#[derive(Debug)]
pub struct Reloader {
    sources: Sources,
    live: Live,
    seen: Fingerprint,
    /// Issuers whose list in use was last seen expired (warned about once).
    expired: BTreeSet<String>,
}

impl Reloader {
    /// Loads the state from `sources` (it must load) and starts watching them.
    pub fn new(sources: Sources) -> Result<Reloader, LoadError> {
        let seen = sources.fingerprint();
        let state = sources.load()?;
        log_status_ages(&state);
        Ok(Reloader {
            expired: expired_lists(&state),
            live: Live::new(state),
            sources,
            seen,
        })
    }

    /// The live state, for [`crate::live_router`].
    pub fn live(&self) -> &Live {
        &self.live
    }

    /// Reloads if a watched file changed since the last look; otherwise warns, once, about a
    /// status list in use that has expired since.
    pub fn check(&mut self) -> Reload {
        if self.sources.fingerprint() != self.seen {
            return self.reload();
        }
        let expired = expired_lists(&self.live.snapshot().state);
        for issuer in expired.difference(&self.expired) {
            tracing::warn!(
                issuer = %issuer,
                "{}", tr("log-status-expired", &[])
            );
        }
        self.expired = expired;
        Reload::Unchanged
    }

    /// Reads the files again and swaps the new state in, unless they fail to load: then the
    /// previous state stays in use and one line is logged.
    pub fn reload(&mut self) -> Reload {
        self.seen = self.sources.fingerprint();
        let mut next = match self.sources.load() {
            Ok(state) => state,
            Err(e) => {
                tracing::warn!(error = %e, "{}", tr("log-reload-failed", &[]));
                return Reload::Failed;
            }
        };
        let current = self.live.snapshot();
        // A bundle older than the one in use, or another with its number, is not installed
        // (FORMAT.md §5.9.6, with the bundle in use as the record).
        if let (Some(in_use), Some(read)) = (current.state.federation(), next.federation())
            && let Err(error) = Ratchet::check(Some(&in_use.bundle.ratchet()), &read.bundle)
        {
            let e = LoadError::Federation {
                path: self
                    .sources
                    .federation
                    .as_ref()
                    .map_or_else(PathBuf::new, |f| f.bundle.clone()),
                error,
            };
            tracing::warn!(error = %e, "{}", tr("log-reload-failed", &[]));
            return Reload::Failed;
        }
        let now = (next.clock)();
        for (iss, token) in &current.published.status_lists {
            let newer_in_use = matches!(
                (next.verifier().status_list(iss, now), current.state.verifier().status_list(iss, now)),
                (Some(read), Some(in_use)) if in_use.iat > read.iat
            );
            if newer_in_use && next.add_status_list(token).is_ok() {
                tracing::warn!(
                    issuer = %iss,
                    "{}", tr("log-status-older", &[])
                );
            }
        }
        let published = next.published();
        if published == current.published {
            tracing::debug!("{}", tr("log-same-documents", &[]));
            self.live.install(next, published);
            return Reload::Same;
        }
        tracing::info!(
            issuers = next.verifier().trust().key_sets().count(),
            status_lists = next.status_list_times().len(),
            "{}",
            tr("log-reloaded", &[])
        );
        log_status_ages(&next);
        self.expired = expired_lists(&next);
        self.live.install(next, published);
        Reload::Replaced
    }

    /// Looks at the files every `every` and reloads when they changed, and reloads at once on
    /// `SIGHUP` (on Unix); never returns.
    pub async fn run(mut self, every: Duration) {
        #[cfg(unix)]
        let mut hangup =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()).ok();
        let mut ticks = tokio::time::interval(every.max(Duration::from_millis(100)));
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        ticks.tick().await;
        loop {
            #[cfg(unix)]
            let forced = {
                let signal = async {
                    match hangup.as_mut() {
                        Some(h) => h.recv().await,
                        None => std::future::pending().await,
                    }
                };
                tokio::select! {
                    _ = ticks.tick() => false,
                    _ = signal => true,
                }
            };
            #[cfg(not(unix))]
            let forced = {
                ticks.tick().await;
                false
            };
            if forced {
                tracing::info!("{}", tr("log-sighup", &[]));
            }
            self = match tokio::task::spawn_blocking(move || {
                let _ = if forced { self.reload() } else { self.check() };
                self
            })
            .await
            {
                Ok(reloader) => reloader,
                Err(_) => {
                    tracing::error!("{}", tr("log-reloader-stopped", &[]));
                    return;
                }
            };
        }
    }
}

/// The issuers whose status list in use is past its `exp`.
fn expired_lists(state: &AppState) -> BTreeSet<String> {
    let now = (state.clock)();
    state
        .status_list_times()
        .into_iter()
        .filter(|(_, _, exp)| now >= *exp)
        .map(|(issuer, _, _)| issuer)
        .collect()
}

/// Logs each status list in use with its age, and warns about those past their `exp`.
pub(crate) fn log_status_ages(state: &AppState) {
    let now = (state.clock)();
    for (issuer, iat, exp) in state.status_list_times() {
        let age_s = now.saturating_sub(iat);
        if now >= exp {
            tracing::warn!(
                issuer = %issuer, iat, exp, age_s,
                "{}", tr("log-status-expired", &[])
            );
        } else {
            tracing::info!(
                issuer = %issuer, iat, exp, age_s,
                expires_in_s = exp - now,
                "{}", tr("log-status-in-use", &[])
            );
        }
    }
}
