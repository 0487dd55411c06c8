//! Status lists on the verifier's side: reading them, accepting them against the trust store
//! (FORMAT.md §5.8.5), and the rule for the list in use at a given time (§5.8.6).
//!
//! A verifier may hold several accepted lists of one issuer (an old one and its successor, or a
//! list dated in the future by a broken clock or a thief of the key). At verification time `at`
//! the list in use is the one with the greatest `iat` among those with `iat ≤ at + leeway`: a
//! list dated after the verification time is never used, so it cannot outrank the lists
//! published after it and un-revoke certificates (vector `status_future.json`).

use crate::i18n::{path_of, tr};
use crate::trust::TrustStore;
use crate::verify::check_signature;
use sello_core::status::{self, StatusError, StatusList};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Most accepted lists kept per issuer; the oldest are dropped beyond it.
pub const MAX_LISTS_PER_ISSUER: usize = 16;

/// A status list whose signature verified with its issuer's key set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedStatusList {
    /// The issuer whose certificates it covers.
    pub issuer: String,
    /// The revocation bits.
    pub list: StatusList,
    /// When it was published.
    pub iat: i64,
    /// When it stops being fresh.
    pub exp: i64,
    /// The key that signed it.
    pub kid: String,
    /// The token as it was read (surrounding white space removed), for publishing it again.
    pub token: String,
}

/// Why a status list was not accepted.
#[derive(Debug, thiserror::Error)]
pub enum StatusLoadError {
    /// Malformed.
    #[error(transparent)]
    Format(#[from] StatusError),
    /// Its issuer is not in the trust store.
    #[error("{}", tr("status-unknown-issuer", &[("issuer", sello_core::untrusted::quote(.0).into())]))]
    UnknownIssuer(String),
    /// Not signed by a key of its issuer that could sign at its `iat`.
    #[error("{}", tr("status-signature", &[("issuer", sello_core::untrusted::quote(.0).into())]))]
    Signature(String),
    /// A file could not be read.
    #[error("{}", tr("status-io", &[("path", path_of(.path).into()), ("error", sello_core::i18n::io_error(.source).into())]))]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
}

/// Reads the status-list tokens of a file, or of every `*.jwt` file in a folder (sorted by
/// name), each within the size cap. Nothing is checked yet: see [`accept`].
pub fn read_status_files(path: &Path) -> Result<Vec<String>, StatusLoadError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| StatusLoadError::Io { path, source }
    };
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(path).map_err(io(path))? {
            let p = entry.map_err(io(path))?.path();
            if p.extension().is_some_and(|e| e == "jwt") {
                files.push(p);
            }
        }
        files.sort();
        files
    } else {
        vec![path.to_owned()]
    };
    files
        .iter()
        .map(|f| {
            crate::trust::read_limited(f, status::MAX_STATUS_TOKEN_LEN)
                .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
                .map_err(io(f))
        })
        .collect()
}

/// Reads a status-list token and accepts it (FORMAT.md §5.8.5): its issuer is trusted, and it
/// is signed by a key of that issuer that could sign at the list's `iat`.
pub fn accept(trust: &TrustStore, token: &str) -> Result<LoadedStatusList, StatusLoadError> {
    let token = token.trim();
    let parsed = status::decode(token)?;
    let claims = &parsed.jws.payload;
    let key_set = trust
        .issuer(&claims.iss)
        .ok_or_else(|| StatusLoadError::UnknownIssuer(claims.iss.clone()))?;
    let key = key_set
        .key(&parsed.jws.header.kid)
        .filter(|k| k.may_sign_at(claims.iat) && !k.revoked_for(claims.iat))
        .filter(|k| {
            check_signature(
                k,
                parsed.jws.signing_input.as_bytes(),
                &parsed.jws.signature,
            )
        })
        .ok_or_else(|| StatusLoadError::Signature(claims.iss.clone()))?;
    Ok(LoadedStatusList {
        issuer: claims.iss.clone(),
        iat: claims.iat,
        exp: claims.exp,
        kid: key.kid.clone(),
        list: parsed.list,
        token: token.to_owned(),
    })
}

/// The accepted status lists, per issuer, oldest first.
#[derive(Debug, Clone, Default)]
pub struct StatusLists {
    by_issuer: BTreeMap<String, Vec<LoadedStatusList>>,
}

impl StatusLists {
    /// No lists.
    pub fn new() -> StatusLists {
        StatusLists::default()
    }

    /// Keeps an accepted list. Of two lists of one issuer with the same `iat`, the first is
    /// kept; beyond [`MAX_LISTS_PER_ISSUER`] the oldest are dropped.
    pub fn insert(&mut self, loaded: LoadedStatusList) {
        let lists = self.by_issuer.entry(loaded.issuer.clone()).or_default();
        if lists.iter().any(|l| l.iat == loaded.iat) {
            return;
        }
        let at = lists.partition_point(|l| l.iat < loaded.iat);
        lists.insert(at, loaded);
        if lists.len() > MAX_LISTS_PER_ISSUER {
            lists.remove(0);
        }
    }

    /// The list in use for `issuer` at time `at` (FORMAT.md §5.8.6): the greatest `iat` among
    /// the lists with `iat ≤ at + leeway`. Whether it is still fresh is the caller's check.
    pub fn in_use(&self, issuer: &str, at: i64, leeway: i64) -> Option<&LoadedStatusList> {
        self.by_issuer
            .get(issuer)?
            .iter()
            .rev()
            .find(|l| l.iat <= at.saturating_add(leeway))
    }

    /// Every list kept of `issuer`, oldest first.
    pub fn of(&self, issuer: &str) -> &[LoadedStatusList] {
        self.by_issuer.get(issuer).map_or(&[], Vec::as_slice)
    }

    /// Every list kept, by issuer id, each issuer's oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &LoadedStatusList> {
        self.by_issuer.values().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(iat: i64) -> LoadedStatusList {
        LoadedStatusList {
            issuer: "mx.a".into(),
            list: StatusList::new(0).unwrap(),
            iat,
            exp: iat + 100,
            kid: "k".into(),
            token: format!("t{iat}"),
        }
    }

    #[test]
    fn the_list_in_use_is_the_newest_not_after_the_verification_time() {
        let mut lists = StatusLists::new();
        for iat in [100, 10_000, 50, 200] {
            lists.insert(list(iat));
        }
        assert_eq!(
            lists.of("mx.a").iter().map(|l| l.iat).collect::<Vec<_>>(),
            [50, 100, 200, 10_000]
        );
        let iat = |at, leeway| lists.in_use("mx.a", at, leeway).map(|l| l.iat);
        assert_eq!(iat(49, 0), None);
        assert_eq!(iat(150, 0), Some(100));
        assert_eq!(iat(139, 60), Some(100));
        assert_eq!(iat(140, 60), Some(200));
        assert_eq!(
            iat(9_999, 0),
            Some(200),
            "a list from the future is not in use"
        );
        assert_eq!(iat(10_000, 0), Some(10_000));
        assert_eq!(lists.in_use("mx.b", 1_000, 0), None);
    }

    #[test]
    fn a_deflate_distance_before_the_start_of_the_output_is_refused() {
        use sello_testkit::vectors;
        let mut trust = TrustStore::new();
        for set in vectors::key_sets() {
            trust.add(set).unwrap();
        }
        let len = status::MIN_ENTRIES as usize / 8;
        let gz = vectors::gzip_with_distance_too_far_back(len);
        let token = vectors::status_list_token_with_gzip(vectors::T0, vectors::AT, &gz);
        let err = accept(&trust, &token).unwrap_err();
        assert!(
            matches!(err, StatusLoadError::Format(StatusError::Encoding(_))),
            "{err}"
        );
        // The same list with honest data is accepted.
        let mut honest = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut honest, &vec![0u8; len]).unwrap();
        let honest = vectors::status_list_token_with_gzip(
            vectors::T0,
            vectors::AT,
            &honest.finish().unwrap(),
        );
        accept(&trust, &honest).unwrap();
    }

    #[test]
    fn the_first_of_equal_lists_is_kept_and_the_oldest_dropped_beyond_the_cap() {
        let mut lists = StatusLists::new();
        lists.insert(list(7));
        let mut other = list(7);
        other.token = "other".into();
        lists.insert(other);
        assert_eq!(lists.of("mx.a")[0].token, "t7");
        for iat in 100..100 + MAX_LISTS_PER_ISSUER as i64 {
            lists.insert(list(iat));
        }
        assert_eq!(lists.of("mx.a").len(), MAX_LISTS_PER_ISSUER);
        assert_eq!(lists.of("mx.a")[0].iat, 100);
    }
}
