//! What the service knows: the verifier, and the documents it publishes.

use crate::i18n::tr;
use sello_verifier::StatusLoadError;
use sello_verifier::Verifier;
use sello_verifier::federation::AcceptedBundle;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

/// Default time a request may take, body upload and image decoding included.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// The service's state: a [`Verifier`] (trust store and status lists) and its clock.
///
/// What is published (`/.well-known/jwks.json`, `/keys.json`, `/status/…`, the exported site)
/// is exactly what the verifier trusts: its key sets, serialised by
/// [`sello_core::KeySet::to_json`], and its accepted status lists as they were read, so that
/// the page's client-side verdicts match the API's.
#[derive(Debug, Clone)]
pub struct AppState {
    pub(crate) verifier: Verifier,
    pub(crate) clock: fn() -> i64,
    pub(crate) timeout: Duration,
    pub(crate) federation: Option<Arc<Federation>>,
}

/// What a state built from a federation's trust bundle ([`AppState::from_bundle`]) keeps: the
/// documents it publishes as they were read, and the accepted bundle (its ratchet record is
/// what a reload compares a new bundle with).
#[derive(Debug)]
pub struct Federation {
    /// The pinned root document (`root.json`), verbatim.
    pub root: String,
    /// The trust bundle's compact JWS (`trust.jwt`), white space around it removed.
    pub bundle_text: String,
    /// The bundle, accepted (FORMAT.md §5.9.5).
    pub bundle: AcceptedBundle,
}

impl AppState {
    /// A state verifying with `verifier` at the system clock's time, publishing its key sets.
    pub fn new(verifier: Verifier) -> AppState {
        AppState {
            verifier,
            clock: sello_core::now,
            timeout: DEFAULT_TIMEOUT,
            federation: None,
        }
    }

    /// A state verifying through an accepted trust bundle (`Verifier::from_bundle`), which it
    /// publishes at `trust.jwt` with the pinned root in `keys.json` (its `federation` member)
    /// for the page to check the bundle itself. `root` is the root document's text and
    /// `bundle_text` the bundle's, as read.
    pub fn from_bundle(
        root: String,
        bundle_text: &str,
        bundle: AcceptedBundle,
        leeway: i64,
    ) -> Result<AppState, StatusLoadError> {
        let verifier = Verifier::from_bundle(&bundle)?.with_leeway(leeway);
        let mut state = AppState::new(verifier);
        state.federation = Some(Arc::new(Federation {
            root,
            bundle_text: bundle_text.trim().to_owned(),
            bundle,
        }));
        Ok(state)
    }

    /// The federation the state verifies through, if any.
    pub fn federation(&self) -> Option<&Federation> {
        self.federation.as_deref()
    }

    /// Verifies as of the time `clock` returns (seconds since the Unix epoch) instead of now.
    pub fn with_clock(mut self, clock: fn() -> i64) -> AppState {
        self.clock = clock;
        self
    }

    /// Sets the time a request may take (default [`DEFAULT_TIMEOUT`]).
    pub fn with_timeout(mut self, timeout: Duration) -> AppState {
        self.timeout = timeout;
        self
    }

    /// The verifier.
    pub fn verifier(&self) -> &Verifier {
        &self.verifier
    }

    /// Accepts a status-list token against the trust store (FORMAT.md §5.8.5) and uses it when
    /// it is the issuer's list in use (§5.8.6: the newest not dated after the verification
    /// time). Returns the issuer id.
    pub fn add_status_list(&mut self, token: &str) -> Result<String, StatusLoadError> {
        Ok(self.verifier.add_status_list(token)?.issuer)
    }

    /// Adds a status-list file, or every `*.jwt` file of a folder in sorted order (as
    /// `sello verify --status` reads them). Every file must be accepted. Returns the issuer ids.
    pub fn load_status(&mut self, path: &Path) -> Result<Vec<String>, StatusLoadError> {
        let loaded = self.verifier.load_status(path)?;
        Ok(loaded.into_iter().map(|l| l.issuer).collect())
    }

    /// The status lists in use now (by the state's clock): (issuer, iat, exp), by issuer id.
    pub fn status_list_times(&self) -> Vec<(String, i64, i64)> {
        self.in_use()
            .map(|l| (l.issuer.clone(), l.iat, l.exp))
            .collect()
    }

    /// The status list of each issuer in use now, by issuer id.
    fn in_use(&self) -> impl Iterator<Item = &sello_verifier::LoadedStatusList> {
        let now = (self.clock)();
        let mut issuers: Vec<&str> = self
            .verifier
            .status_lists()
            .iter()
            .map(|l| l.issuer.as_str())
            .collect();
        issuers.dedup();
        issuers
            .into_iter()
            .filter_map(move |iss| self.verifier.status_list(iss, now))
    }

    /// The documents to publish.
    pub(crate) fn published(&self) -> Published {
        let key_sets: BTreeMap<String, String> = self
            .verifier
            .trust()
            .key_sets()
            .map(|k| (k.issuer.id.clone(), k.to_json()))
            .collect();
        // `/status/<issuer>.jwt`: the list in use now. `keys.json`: that list and any dated
        // after it (one dated in the future), so the page picks the one in use at its own time,
        // as the verifier does; lists it has superseded are left out.
        let status_lists: BTreeMap<String, String> = self
            .in_use()
            .map(|l| (l.issuer.clone(), l.token.clone()))
            .collect();
        let now = (self.clock)();
        let all: Vec<&sello_verifier::LoadedStatusList> = self
            .verifier
            .status_lists()
            .iter()
            .filter(|l| {
                self.verifier
                    .status_list(&l.issuer, now)
                    .is_none_or(|in_use| l.iat >= in_use.iat)
            })
            .collect();
        // Through a bundle the page checks the bundle itself (trust.jwt, against the root given
        // here): key sets and the bundle's status lists are not repeated; a status list given
        // besides the bundle is.
        let fed = self.federation.as_deref();
        let all: Vec<&sello_verifier::LoadedStatusList> = all
            .into_iter()
            .filter(|l| {
                fed.is_none_or(|f| {
                    !f.bundle
                        .status_lists()
                        .any(|(_, token)| token.trim() == l.token.trim())
                })
            })
            .collect();
        let info: Vec<serde_json::Value> = all
            .iter()
            .map(|l| serde_json::json!({"issuer": l.issuer, "iat": l.iat, "exp": l.exp}))
            .collect();
        let keys = match fed {
            None => serde_json::json!({
                "key_sets": key_sets
                    .values()
                    .map(|doc| serde_json::from_str::<serde_json::Value>(doc).expect("key sets are JSON"))
                    .collect::<Vec<_>>(),
                "status_lists": all.iter().map(|l| l.token.as_str()).collect::<Vec<_>>(),
                "status_list_info": info,
            }),
            Some(f) => serde_json::json!({
                "key_sets": [],
                "status_lists": all.iter().map(|l| l.token.as_str()).collect::<Vec<_>>(),
                "status_list_info": info,
                "federation": {"root": f.root, "bundle": "trust.jwt"},
            }),
        };
        let mut keys_json = serde_json::to_string_pretty(&keys).expect("JSON values serialise");
        keys_json.push('\n');
        let mut page_paths = Vec::new();
        for key_set in self.verifier.trust().key_sets() {
            let Some(url) = &key_set.issuer.verify_url else {
                continue;
            };
            match crate::paths::page_path(url) {
                Ok(Some(path)) if !page_paths.contains(&path) => page_paths.push(path),
                Ok(_) => {}
                Err(problem) => tracing::warn!(
                    issuer = %key_set.issuer.id,
                    "{}", tr("log-no-page-path", &[("problem", problem.to_string().into())])
                ),
            }
        }
        // The federation's official page, which the bundle names, is served like an issuer's.
        if let Some(url) = fed.and_then(|f| f.bundle.claims.verify_url.as_ref()) {
            match crate::paths::page_path(url) {
                Ok(Some(path)) if !page_paths.contains(&path) => page_paths.push(path),
                Ok(_) => {}
                Err(problem) => tracing::warn!(
                    federation = %fed.map_or("", |f| f.bundle.claims.federation.as_str()),
                    "{}", tr("log-no-page-path", &[("problem", problem.to_string().into())])
                ),
            }
        }
        page_paths.sort();
        Published {
            key_sets,
            status_lists,
            keys_json,
            page_paths,
            bundle: fed.map(|f| f.bundle_text.clone()),
        }
    }
}

/// The documents a server or an exported site publishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Published {
    /// Issuer id → key-set document.
    pub key_sets: BTreeMap<String, String>,
    /// Issuer id → status-list token.
    pub status_lists: BTreeMap<String, String>,
    /// `keys.json`, for the page: `{"key_sets": [...], "status_lists": [...],
    /// "status_list_info": [...]}`, and through a bundle `"federation": {"root": "<root.json>",
    /// "bundle": "trust.jwt"}` with `key_sets` empty.
    pub keys_json: String,
    /// The paths of the trusted issuers' `verify_url`s (and of the federation's, through a
    /// bundle) where the page is served besides `/` (see [`crate::paths`]), sorted.
    pub page_paths: Vec<crate::paths::PagePath>,
    /// `trust.jwt`: the trust bundle the state verifies through, if any.
    pub bundle: Option<String>,
}

impl Published {
    /// The document at `/.well-known/jwks.json`: the key set when exactly one issuer is trusted.
    pub fn jwks(&self) -> Option<&str> {
        match self.key_sets.len() {
            1 => self.key_sets.values().next().map(String::as_str),
            _ => None,
        }
    }
}

/// Whether an issuer id can be used as a file name as it is: ASCII letters, digits, `.`, `-`
/// and `_`, not starting with `.`. (Issuer ids may hold any printable ASCII, `/` included.)
pub(crate) fn safe_file_stem(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

/// The state as the service sees it while it runs: replaced whole by [`Live::replace`] (a
/// reload), never changed in place. Each request works on the snapshot it started with.
#[derive(Debug)]
pub(crate) struct Snapshot {
    pub state: AppState,
    pub published: Published,
}

/// A state that can be replaced while the service runs, shared by the router and the
/// reloader ([`crate::Reloader`]). Cloning gives another handle on the same state.
#[derive(Debug, Clone)]
pub struct Live {
    current: Arc<RwLock<Arc<Snapshot>>>,
}

impl Live {
    /// A live state starting as `state`.
    pub fn new(state: AppState) -> Live {
        Live {
            current: Arc::new(RwLock::new(Arc::new(Snapshot::of(state)))),
        }
    }

    /// Replaces the state: the documents to publish are built first, off to the side, then the
    /// new state and its documents are swapped in together. Requests already running finish
    /// with the state they started with.
    pub fn replace(&self, state: AppState) {
        let published = state.published();
        self.install(state, published);
    }

    /// [`Live::replace`] with the documents already built from `state`.
    pub(crate) fn install(&self, state: AppState, published: Published) {
        let next = Arc::new(Snapshot { state, published });
        *self.current.write().unwrap_or_else(PoisonError::into_inner) = next;
    }

    /// A copy of the state in use.
    pub fn state(&self) -> AppState {
        self.snapshot().state.clone()
    }

    pub(crate) fn snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.current.read().unwrap_or_else(PoisonError::into_inner))
    }
}

impl Snapshot {
    fn of(state: AppState) -> Snapshot {
        Snapshot {
            published: state.published(),
            state,
        }
    }
}
