//! Federations on the verifier's side (FORMAT.md §5.9): the pinned root, the root chain walked
//! with thresholds, a trust bundle accepted into a [`TrustStore`], and the rollback and
//! equivocation ratchet kept in a state folder.
//!
//! ```text
//! pinned root.json ──walk roots[] (both thresholds)──▶ newest root ──registry key──▶ bundle
//!       └─ self-signed by a threshold                                         │
//!                                   ratchet (root, seq, sha256) ◀─────────────┤
//!                                   TrustStore + status lists  ◀──────────────┘
//! ```

use crate::i18n::{path_of, tr};
use crate::status::StatusLoadError;
use crate::trust::TrustStore;
use crate::verify::check_signature;
use sello_core::federation::{
    self, BundleClaims, BundleError, IssuerEntry, RootDocument, RootError,
};
use sello_core::jwk::PublicKey;
use sello_core::untrusted::quote;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Why a root document or trust bundle was refused. Messages are in the process language.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FederationError {
    /// The pinned root document is malformed.
    #[error("{}", tr("fed-root", &[("error", .0.to_string().into())]))]
    Root(#[from] RootError),
    /// The pinned root is not signed by a threshold of its own root keys.
    #[error("{}", tr("fed-pinned-not-signed", &[("version", (*.0).into())]))]
    PinnedNotSigned(u32),
    /// The bundle is malformed.
    #[error("{}", tr("fed-bundle", &[("error", .0.to_string().into())]))]
    Bundle(#[from] BundleError),
    /// The bundle is of another federation than the pinned root's.
    #[error("{}", tr("fed-federation-mismatch", &[("pinned", .pinned.as_str().into()), ("bundle", .bundle.as_str().into())]))]
    FederationMismatch {
        /// The pinned root's federation id.
        pinned: String,
        /// The bundle's (escaped).
        bundle: String,
    },
    /// A root document with the version of a trusted one and other contents.
    #[error("{}", tr("fed-root-conflict", &[("version", (*.0).into())]))]
    RootConflict(u32),
    /// The chain skips a version.
    #[error("{}", tr("fed-root-gap", &[("have", (*have).into()), ("next", (*next).into())]))]
    RootGap {
        /// The newest version trusted so far.
        have: u32,
        /// The next version the chain offers.
        next: u32,
    },
    /// A new root version is not signed by a threshold of the previous root's keys.
    #[error("{}", tr("fed-root-not-authorised", &[("version", (*.0).into())]))]
    RootNotAuthorised(u32),
    /// A new root version is not signed by a threshold of its own keys.
    #[error("{}", tr("fed-root-not-self-signed", &[("version", (*.0).into())]))]
    RootNotSelfSigned(u32),
    /// The bundle is signed under another root version than the one reached.
    #[error("{}", tr("fed-root-version", &[("reached", (*reached).into()), ("bundle", (*bundle).into())]))]
    RootVersion {
        /// The root version the walk reached.
        reached: u32,
        /// The bundle's `root`.
        bundle: u32,
    },
    /// The bundle is signed by a root key: only registry keys sign bundles.
    #[error("{}", tr("fed-signed-by-root-key", &[]))]
    SignedByRootKey,
    /// The bundle's `kid` is no registry key of the root (escaped).
    #[error("{}", tr("fed-unknown-signer", &[("kid", .0.as_str().into())]))]
    UnknownSigner(String),
    /// The bundle's signature does not verify with the registry key.
    #[error("{}", tr("fed-bad-signature", &[]))]
    BadSignature,
    /// The bundle is dated after the verification time (beyond the leeway).
    #[error("{}", tr("fed-from-future", &[("iat", (*.0).into())]))]
    FromFuture(i64),
    /// The bundle is older than the maximum age set.
    #[error("{}", tr("fed-too-old", &[("iat", (*iat).into()), ("max", (*max_age).into())]))]
    TooOld {
        /// The bundle's `iat`.
        iat: i64,
        /// The maximum age, in seconds.
        max_age: i64,
    },
    /// A status list an issuer entry carries was not accepted.
    #[error("{}", tr("fed-status", &[("issuer", .issuer.as_str().into()), ("error", .error.to_string().into())]))]
    Status {
        /// The issuer.
        issuer: String,
        /// Why.
        error: StatusLoadError,
    },
    /// The bundle is older than one accepted before (rollback).
    #[error("{}", tr("fed-rollback", &[("seq", (*seq).into()), ("stored", (*stored).into())]))]
    Rollback {
        /// The bundle's `seq`.
        seq: u64,
        /// The `seq` accepted before.
        stored: u64,
    },
    /// The bundle is signed under an older root than one accepted before.
    #[error("{}", tr("fed-root-rollback", &[("root", (*root).into()), ("stored", (*stored).into())]))]
    RootRollback {
        /// The bundle's `root`.
        root: u32,
        /// The root accepted before.
        stored: u32,
    },
    /// Another bundle with the same `seq` was accepted before (equivocation).
    #[error("{}", tr("fed-equivocation", &[("seq", (*.0).into())]))]
    Equivocation(u64),
    /// The state folder or a state file could not be read or written.
    #[error("{}", tr("fed-state-io", &[("path", path_of(.path).into()), ("error", sello_core::i18n::io_error(.source).into())]))]
    StateIo {
        /// The file or folder.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// A state file is not what Sello writes.
    #[error("{}", tr("fed-state-corrupt", &[("path", path_of(.0).into())]))]
    StateCorrupt(PathBuf),
}

/// Whether at least `threshold` distinct keys of `keys` have a signature entry on `doc` that
/// names them and verifies strictly (FORMAT.md §5.9.2). A key counts once, however many of its
/// entries there are; entries for other keys, or that do not verify, are not counted.
pub fn signed_by_threshold(doc: &RootDocument, keys: &[PublicKey], threshold: usize) -> bool {
    let mut counted: Vec<&str> = Vec::new();
    for entry in &doc.signatures {
        let Some(key) = keys.iter().find(|k| k.kid == entry.header.kid) else {
            continue;
        };
        if counted.contains(&key.kid.as_str()) {
            continue;
        }
        let input = format!("{}.{}", entry.protected, doc.payload);
        if check_signature(key, input.as_bytes(), &entry.signature) {
            counted.push(&key.kid);
        }
    }
    counted.len() >= threshold
}

/// Reads and checks a pinned root document: well formed, and signed by a threshold of its own
/// root keys.
pub fn pinned_root(bytes: &[u8]) -> Result<RootDocument, FederationError> {
    let root = RootDocument::from_json(bytes)?;
    let c = &root.claims;
    if !signed_by_threshold(&root, &c.root_keys, c.root_threshold) {
        return Err(FederationError::PinnedNotSigned(c.version));
    }
    Ok(root)
}

/// Checks that `next` is the next root of the trusted `current` (FORMAT.md §5.9.3).
pub fn check_next_root(current: &RootDocument, next: &RootDocument) -> Result<(), FederationError> {
    let (c, n) = (&current.claims, &next.claims);
    if n.federation != c.federation {
        return Err(FederationError::FederationMismatch {
            pinned: c.federation.clone(),
            bundle: quote(&n.federation),
        });
    }
    if n.version != c.version + 1 {
        return Err(FederationError::RootGap {
            have: c.version,
            next: n.version,
        });
    }
    if !signed_by_threshold(next, &c.root_keys, c.root_threshold) {
        return Err(FederationError::RootNotAuthorised(n.version));
    }
    if !signed_by_threshold(next, &n.root_keys, n.root_threshold) {
        return Err(FederationError::RootNotSelfSigned(n.version));
    }
    Ok(())
}

/// Walks `chain` forward from the trusted `pinned` root (FORMAT.md §5.9.5 step 5) and returns
/// the newest root reached.
pub fn walk(
    pinned: &RootDocument,
    chain: &[RootDocument],
) -> Result<RootDocument, FederationError> {
    let mut current = pinned.clone();
    for doc in chain {
        let (have, v) = (current.claims.version, doc.claims.version);
        if v < have {
            continue;
        }
        if v == have {
            if doc.payload != current.payload {
                return Err(FederationError::RootConflict(v));
            }
            continue;
        }
        check_next_root(&current, doc)?;
        current = doc.clone();
    }
    Ok(current)
}

/// What a verifier's policy asks of a bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Clock leeway in seconds for the bundle's `iat` (0..=3600).
    pub leeway: i64,
    /// When set, a bundle older than this many seconds is refused.
    pub max_age: Option<i64>,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            leeway: crate::verify::DEFAULT_LEEWAY,
            max_age: None,
        }
    }
}

/// A trust bundle that passed FORMAT.md §5.9.5 steps 1–10 (the ratchet is separate:
/// [`Ratchet::check`]).
#[derive(Debug, Clone)]
pub struct AcceptedBundle {
    /// The claims.
    pub claims: BundleClaims,
    /// The newest root, whose registry key signed.
    pub root: RootDocument,
    /// The registry key that signed.
    pub kid: String,
    /// SHA-256 of the bundle's text, hex.
    pub sha256: String,
    /// The fingerprint of the pinned root it was accepted against
    /// ([`RootDocument::fingerprint`]): the ratchet keeps one record per federation *and*
    /// pinned root (FORMAT.md §5.9.6).
    pub pinned: String,
    /// The status lists the issuer entries carry, as accepted (step 10): a verifier built
    /// from the bundle ([`crate::Verifier::from_bundle`]) takes them without checking each
    /// signature and inflating each list a second time.
    pub accepted_status: Vec<crate::LoadedStatusList>,
}

impl AcceptedBundle {
    /// Whether the bundle is fresh at `at` (`at < fresh_until`).
    pub fn is_fresh(&self, at: i64) -> bool {
        at < self.claims.fresh_until
    }

    /// The ratchet record of this bundle.
    pub fn ratchet(&self) -> Ratchet {
        Ratchet {
            root: self.claims.root,
            seq: self.claims.seq,
            sha256: self.sha256.clone(),
        }
    }

    /// The trust store of the bundle: its issuers' key sets, with the federation's decisions.
    pub fn trust_store(&self) -> TrustStore {
        let c = &self.claims;
        let info = FederationInfo {
            id: c.federation.clone(),
            name: self.root.claims.name.clone(),
            seq: c.seq,
            iat: c.iat,
            fresh_until: c.fresh_until,
            verify_url: c.verify_url.clone(),
            issuers: c
                .issuers
                .iter()
                .map(|e| (e.key_set.issuer.id.clone(), e.clone()))
                .collect(),
        };
        let mut store = TrustStore::new();
        for e in &c.issuers {
            store
                .add(e.key_set.clone())
                .expect("issuer ids are unique in an accepted bundle");
        }
        store.set_federation(Arc::new(info));
        store
    }

    /// The status lists the issuer entries carry, verbatim.
    pub fn status_lists(&self) -> impl Iterator<Item = (&str, &str)> {
        self.claims.issuers.iter().filter_map(|e: &IssuerEntry| {
            e.status
                .as_deref()
                .map(|s| (e.key_set.issuer.id.as_str(), s))
        })
    }
}

/// What a trust store built from a bundle knows of the federation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FederationInfo {
    /// The federation id.
    pub id: String,
    /// Its display name (from the root document).
    pub name: String,
    /// The bundle's `seq`.
    pub seq: u64,
    /// The bundle's `iat`: the trust store is "as of" this time.
    pub iat: i64,
    /// The bundle's `fresh_until`.
    pub fresh_until: i64,
    /// The federation's official verification page.
    pub verify_url: Option<String>,
    /// The issuer entries, by issuer id.
    pub issuers: BTreeMap<String, IssuerEntry>,
}

/// Accepts a trust bundle against a pinned root (FORMAT.md §5.9.5 steps 1–10) at time `at`.
pub fn accept_bundle(
    pinned: &RootDocument,
    text: &str,
    at: i64,
    policy: Policy,
) -> Result<AcceptedBundle, FederationError> {
    let bundle = federation::decode_bundle(text)?;
    let c = &bundle.claims;
    if c.federation != pinned.claims.federation {
        return Err(FederationError::FederationMismatch {
            pinned: pinned.claims.federation.clone(),
            bundle: quote(&c.federation),
        });
    }
    let root = walk(pinned, &c.roots)?;
    if root.claims.version != c.root {
        return Err(FederationError::RootVersion {
            reached: root.claims.version,
            bundle: c.root,
        });
    }
    let kid = &bundle.header.kid;
    let Some(key) = root.claims.registry_key(kid) else {
        if root.claims.root_keys.iter().any(|k| &k.kid == kid) {
            return Err(FederationError::SignedByRootKey);
        }
        return Err(FederationError::UnknownSigner(quote(kid)));
    };
    if !check_signature(key, bundle.signing_input.as_bytes(), &bundle.signature) {
        return Err(FederationError::BadSignature);
    }
    let leeway = policy.leeway.clamp(0, 3600);
    if c.iat > at.saturating_add(leeway) {
        return Err(FederationError::FromFuture(c.iat));
    }
    if let Some(max_age) = policy.max_age
        && at.saturating_sub(c.iat) > max_age
    {
        return Err(FederationError::TooOld {
            iat: c.iat,
            max_age,
        });
    }
    let mut accepted_status = Vec::new();
    for entry in &c.issuers {
        if let Some(status) = &entry.status {
            let mut store = TrustStore::new();
            store
                .add(entry.key_set.clone())
                .expect("an empty store takes any key set");
            let list =
                crate::status::accept(&store, status).map_err(|error| FederationError::Status {
                    issuer: entry.key_set.issuer.id.clone(),
                    error,
                })?;
            accepted_status.push(list);
        }
    }
    Ok(AcceptedBundle {
        kid: kid.clone(),
        root,
        sha256: federation::bundle_hash(text),
        pinned: pinned.fingerprint(),
        accepted_status,
        claims: bundle.claims,
    })
}

/// The ratchet record of a federation: the last accepted bundle's root, `seq` and hash
/// (FORMAT.md §5.9.6).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ratchet {
    /// The bundle's `root`.
    pub root: u32,
    /// The bundle's `seq`.
    pub seq: u64,
    /// SHA-256 of the bundle's text, lower-case hex.
    pub sha256: String,
}

impl Ratchet {
    /// Checks `bundle` against the stored record (none: anything goes) and returns the record
    /// to store.
    pub fn check(
        stored: Option<&Ratchet>,
        bundle: &AcceptedBundle,
    ) -> Result<Ratchet, FederationError> {
        let new = bundle.ratchet();
        let Some(old) = stored else {
            return Ok(new);
        };
        if new.root < old.root {
            return Err(FederationError::RootRollback {
                root: new.root,
                stored: old.root,
            });
        }
        if new.root == old.root {
            if new.seq < old.seq {
                return Err(FederationError::Rollback {
                    seq: new.seq,
                    stored: old.seq,
                });
            }
            if new.seq == old.seq && new.sha256 != old.sha256 {
                return Err(FederationError::Equivocation(new.seq));
            }
        }
        Ok(new)
    }
}

/// A folder of ratchet records, one file per federation and pinned root (the CLI's is
/// `$XDG_STATE_HOME/sello/federations`).
#[derive(Debug, Clone)]
pub struct StateDir {
    dir: PathBuf,
}

impl StateDir {
    /// The folder `dir` (created when a record is first stored).
    pub fn new(dir: impl Into<PathBuf>) -> StateDir {
        StateDir { dir: dir.into() }
    }

    /// The file of `federation` under the pinned root of fingerprint `pinned`: the id in
    /// base64url (so that any id is a safe file name), then the fingerprint.
    pub fn path(&self, federation: &str, pinned: &str) -> PathBuf {
        self.dir.join(format!(
            "{}.{pinned}.json",
            sello_core::b64::encode(federation.as_bytes())
        ))
    }

    /// The stored record of `federation` under the pinned root `pinned`, if any.
    pub fn load(&self, federation: &str, pinned: &str) -> Result<Option<Ratchet>, FederationError> {
        let path = self.path(federation, pinned);
        match crate::trust::read_limited(&path, 4096) {
            Ok(bytes) => sello_core::json::parse_strict(&bytes, 4096)
                .map(Some)
                .map_err(|_| FederationError::StateCorrupt(path)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(FederationError::StateIo { path, source }),
        }
    }

    /// Stores the record of `federation` under the pinned root `pinned` (written to a
    /// temporary file, then renamed).
    pub fn store(
        &self,
        federation: &str,
        pinned: &str,
        record: &Ratchet,
    ) -> Result<(), FederationError> {
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| FederationError::StateIo { path, source }
        };
        std::fs::create_dir_all(&self.dir).map_err(io(&self.dir))?;
        let path = self.path(federation, pinned);
        // A name of this writer's own: two verifiers storing at once never share one.
        static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = path.with_extension(format!("json.{}.{n}.tmp", std::process::id()));
        let text = serde_json::to_string(record).expect("records serialise");
        std::fs::write(&tmp, text).map_err(io(&tmp))?;
        std::fs::rename(&tmp, &path).map_err(io(&path))
    }

    /// [`Ratchet::check`] against the stored record of the bundle's federation and pinned root,
    /// then stores the new record. A bundle accepted against another root document pinned
    /// under the same federation id never touches this record: a root someone was talked into
    /// pinning once (a demonstration's, a forger's) cannot push the real federation's
    /// sequence out of reach.
    /// The record is read, checked and replaced under an exclusive lock of its own
    /// (`<file>.lock`), so that verifiers running at once take turns: none stores a record
    /// older than one another has just stored.
    pub fn advance(&self, bundle: &AcceptedBundle) -> Result<(), FederationError> {
        let federation = &bundle.claims.federation;
        let pinned = &bundle.pinned;
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| FederationError::StateIo { path, source }
        };
        std::fs::create_dir_all(&self.dir).map_err(io(&self.dir))?;
        let lock_path = self.path(federation, pinned).with_extension("lock");
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io(&lock_path))?;
        lock.lock().map_err(io(&lock_path))?;
        let stored = self.load(federation, pinned)?;
        let record = Ratchet::check(stored.as_ref(), bundle)?;
        if stored.as_ref() != Some(&record) {
            self.store(federation, pinned, &record)?;
        }
        Ok(())
    }
}

/// A date as `YYYY-MM-DD` (UTC) from seconds since the Unix epoch.
pub fn date(t: i64) -> String {
    // Howard Hinnant's days-to-civil.
    let z = t.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use sello_testkit::federation as v;

    #[test]
    fn a_key_counts_once_and_bad_entries_not_at_all() {
        let root = v::root_v1();
        let keys = &root.claims.root_keys;
        assert!(signed_by_threshold(&root, keys, 2));
        assert!(!signed_by_threshold(&root, keys, 3));
        let mut twice = root.clone();
        twice.signatures = vec![root.signatures[0].clone(), root.signatures[0].clone()];
        assert!(signed_by_threshold(&twice, keys, 1));
        assert!(!signed_by_threshold(&twice, keys, 2));
        let mut bad = root.clone();
        bad.signatures[1].signature = sello_core::ed25519_dalek::Signature::from_bytes(&[0; 64]);
        assert!(!signed_by_threshold(&bad, keys, 2));
        // Registry keys never count as root keys.
        assert!(!signed_by_threshold(&root, &root.claims.registry_keys, 1));
    }

    #[test]
    fn the_pinned_root_must_sign_itself() {
        let mut root = v::root_v1();
        assert!(pinned_root(root.to_json().as_bytes()).is_ok());
        root.signatures.truncate(1);
        assert!(matches!(
            pinned_root(root.to_json().as_bytes()),
            Err(FederationError::PinnedNotSigned(1))
        ));
        assert!(matches!(pinned_root(b"{}"), Err(FederationError::Root(_))));
    }

    #[test]
    fn rotation_errors_are_named() {
        let v1 = v::root_v1();
        let v2 = v::root_v2();
        assert!(check_next_root(&v1, &v2).is_ok());
        assert!(matches!(
            check_next_root(&v2, &v1),
            Err(FederationError::RootGap { have: 2, next: 1 })
        ));
        let mut weak = v2.clone();
        weak.signatures
            .retain(|s| s.header.kid != v1.claims.root_keys[0].kid);
        assert!(matches!(
            check_next_root(&v1, &weak),
            Err(FederationError::RootNotAuthorised(2))
        ));
        let mut unsigned = v2.clone();
        unsigned
            .signatures
            .retain(|s| s.header.kid != v2.claims.root_keys[2].kid);
        assert!(matches!(
            check_next_root(&v1, &unsigned),
            Err(FederationError::RootNotSelfSigned(2))
        ));
        assert_eq!(walk(&v1, &[v1.clone(), v2.clone()]).unwrap(), v2);
        assert_eq!(walk(&v2, &[v1.clone(), v2.clone()]).unwrap(), v2);
    }

    #[test]
    fn the_ratchet_refuses_rollback_and_equivocation_and_keeps_state() {
        let pinned = v::root_v1();
        let good = accept_bundle(&pinned, &v::good_bundle(), v::VAT, Policy::default()).unwrap();
        let tmp = tempfile::tempdir().unwrap();
        let state = StateDir::new(tmp.path().join("sello/federations"));
        assert_eq!(state.load(v::FEDERATION, &good.pinned).unwrap(), None);
        state.advance(&good).unwrap();
        state.advance(&good).unwrap();
        assert_eq!(
            state.load(v::FEDERATION, &good.pinned).unwrap(),
            Some(good.ratchet())
        );
        let mut other = good.clone();
        other.sha256 = "0".repeat(64);
        assert!(matches!(
            state.advance(&other),
            Err(FederationError::Equivocation(7))
        ));
        let mut older = good.clone();
        older.claims.seq = 6;
        assert!(matches!(
            state.advance(&older),
            Err(FederationError::Rollback { seq: 6, stored: 7 })
        ));
        let mut newer = good.clone();
        newer.claims.seq = 9;
        state.advance(&newer).unwrap();
        assert_eq!(
            state
                .load(v::FEDERATION, &good.pinned)
                .unwrap()
                .unwrap()
                .seq,
            9
        );
        std::fs::write(state.path(v::FEDERATION, &good.pinned), "{").unwrap();
        assert!(matches!(
            state.load(v::FEDERATION, &good.pinned),
            Err(FederationError::StateCorrupt(_))
        ));
        // Any id is a safe file name.
        assert!(state.path("../../etc/passwd", "ab").starts_with(tmp.path()));
        assert_eq!(
            state
                .path("../x", "ab")
                .file_name()
                .unwrap()
                .to_str()
                .unwrap(),
            "Li4veA.ab.json"
        );
    }

    #[test]
    fn the_maximum_age_agrees_in_number() {
        use sello_core::Lang;
        let say = |lang, max: i64| {
            crate::i18n::CATALOG.format(
                lang,
                "fed-too-old",
                &[("iat", 0.into()), ("max", max.into())],
            )
        };
        assert!(
            say(Lang::Es, 1).ends_with("de 1 segundo"),
            "{}",
            say(Lang::Es, 1)
        );
        assert!(say(Lang::Es, 90).ends_with("de 90 segundos"));
        assert!(say(Lang::En, 1).ends_with("of 1 second"));
        assert!(say(Lang::En, 90).ends_with("of 90 seconds"));
    }

    #[test]
    fn a_bundle_under_another_pinned_root_keeps_its_own_record() {
        let pinned = v::root_v1();
        let good = accept_bundle(&pinned, &v::good_bundle(), v::VAT, Policy::default()).unwrap();
        assert_eq!(good.pinned, pinned.fingerprint());
        assert_eq!(good.pinned.len(), 64);
        let tmp = tempfile::tempdir().unwrap();
        let state = StateDir::new(tmp.path());
        // Someone pinned a root of their own under the same federation id and was handed a
        // bundle with a huge sequence number: the real federation's record is not touched.
        let mut forger = good.clone();
        forger.pinned = "f".repeat(64);
        forger.claims.seq = u64::MAX / 2;
        state.advance(&forger).unwrap();
        state.advance(&good).unwrap();
        assert_eq!(
            state.load(v::FEDERATION, &good.pinned).unwrap(),
            Some(good.ratchet())
        );
        assert_eq!(
            state.load(v::FEDERATION, &forger.pinned).unwrap(),
            Some(forger.ratchet())
        );
    }

    #[test]
    fn verifiers_at_once_never_lose_the_newest_record() {
        let pinned = v::root_v1();
        let good = accept_bundle(&pinned, &v::good_bundle(), v::VAT, Policy::default()).unwrap();
        for round in 0..10 {
            let tmp = tempfile::tempdir().unwrap();
            let state = StateDir::new(tmp.path().join("federations"));
            std::thread::scope(|s| {
                for seq in (1..=8u64).rev() {
                    let (state, mut bundle) = (&state, good.clone());
                    bundle.claims.seq = seq;
                    s.spawn(move || match state.advance(&bundle) {
                        Ok(()) | Err(FederationError::Rollback { .. }) => {}
                        Err(e) => panic!("round {round}, seq {seq}: {e:?}"),
                    });
                }
            });
            assert_eq!(
                state
                    .load(v::FEDERATION, &good.pinned)
                    .unwrap()
                    .unwrap()
                    .seq,
                8
            );
        }
    }

    #[test]
    fn dates() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(1_767_225_600), "2026-01-01");
        assert_eq!(date(1_709_164_800), "2024-02-29");
        assert_eq!(date(253_402_300_799), "9999-12-31");
    }
}
