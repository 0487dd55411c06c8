//! The trust store: which issuers a verifier trusts, each with its key set.
//!
//! Sources are JWKS files and folders of them. A folder that holds a `jwks.json` is an issuer
//! folder and contributes that file only; any other folder contributes every `*.json` file in
//! it and every `*/jwks.json` one level down. Every file found must parse: a broken or
//! unexpected file is an error, never silently skipped, so a trust store cannot shrink unseen.

use crate::federation::FederationInfo;
use crate::i18n::{path_of, tr};
use sello_core::jwk::{KeySet, KeySetError, MAX_KEY_SET_BYTES};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Most key-set files read from one folder.
pub const MAX_FILES: usize = 1000;

/// Why a trust store could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TrustError {
    /// A file or folder could not be read.
    #[error("{}", tr("trust-io", &[("path", path_of(.path).into()), ("error", sello_core::i18n::io_error(.source).into())]))]
    Io {
        /// The path.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// A file is not a valid key set.
    #[error("{}", tr("trust-key-set", &[("path", path_of(.path).into()), ("error", .source.to_string().into())]))]
    KeySet {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        source: KeySetError,
    },
    /// Two sources describe the same issuer differently.
    #[error("{}", tr("trust-conflict", &[("issuer", sello_core::untrusted::quote(.0).into())]))]
    Conflict(String),
    /// A folder with more key-set files than [`MAX_FILES`].
    #[error("{}", tr("trust-too-many-files", &[("path", path_of(.0).into()), ("max", MAX_FILES.into())]))]
    TooManyFiles(PathBuf),
    /// A folder with more entries than a trust folder should hold.
    #[error("{}", tr("trust-too-many-entries", &[("path", path_of(.0).into())]))]
    TooManyEntries(PathBuf),
    /// A folder with no key set in it.
    #[error("{}", tr("trust-no-key-set", &[("path", path_of(.0).into())]))]
    NoKeySet(PathBuf),
}

/// The issuers a verifier trusts, by issuer id; and, when built from a trust bundle, the
/// federation's decisions about them ([`crate::federation::AcceptedBundle::trust_store`]).
#[derive(Debug, Clone, Default)]
pub struct TrustStore {
    issuers: BTreeMap<String, KeySet>,
    federation: Option<Arc<FederationInfo>>,
}

impl TrustStore {
    /// An empty store: it trusts nobody.
    pub fn new() -> TrustStore {
        TrustStore::default()
    }

    /// Adds a key set. The same set twice is harmless; two different sets for one issuer are a
    /// conflict.
    pub fn add(&mut self, mut key_set: KeySet) -> Result<(), TrustError> {
        key_set.keys.sort_by(|a, b| a.kid.cmp(&b.kid));
        match self.issuers.get(&key_set.issuer.id) {
            Some(existing) if *existing == key_set => Ok(()),
            Some(_) => Err(TrustError::Conflict(key_set.issuer.id)),
            None => {
                self.issuers.insert(key_set.issuer.id.clone(), key_set);
                Ok(())
            }
        }
    }

    /// Adds a JWKS file, or every key set in a folder (see the module docs).
    pub fn load(&mut self, path: &Path) -> Result<(), TrustError> {
        let meta = fs::metadata(path).map_err(|source| TrustError::Io {
            path: path.to_owned(),
            source,
        })?;
        if !meta.is_dir() {
            return self.load_file(path);
        }
        let issuer_folder = path.join("jwks.json");
        if issuer_folder.is_file() {
            return self.load_file(&issuer_folder);
        }
        let mut files = Vec::new();
        for entry in read_dir_sorted(path)? {
            if entry.is_dir() {
                let inner = entry.join("jwks.json");
                if inner.is_file() {
                    files.push(inner);
                }
            } else if entry.extension().is_some_and(|e| e == "json") {
                files.push(entry);
            }
            if files.len() > MAX_FILES {
                return Err(TrustError::TooManyFiles(path.to_owned()));
            }
        }
        if files.is_empty() {
            return Err(TrustError::NoKeySet(path.to_owned()));
        }
        files.iter().try_for_each(|f| self.load_file(f))
    }

    fn load_file(&mut self, path: &Path) -> Result<(), TrustError> {
        let bytes = read_capped(path, MAX_KEY_SET_BYTES)?;
        let key_set = KeySet::from_json(&bytes).map_err(|source| TrustError::KeySet {
            path: path.to_owned(),
            source,
        })?;
        self.add(key_set)
    }

    /// Marks the store as built from a trust bundle: verification then applies the
    /// federation's accreditation, scope and suspension (FORMAT.md §6.2.1).
    pub fn set_federation(&mut self, info: Arc<FederationInfo>) {
        self.federation = Some(info);
    }

    /// The federation the store was built from, if any.
    pub fn federation(&self) -> Option<&FederationInfo> {
        self.federation.as_deref()
    }

    /// The key set of the issuer `id`.
    pub fn issuer(&self, id: &str) -> Option<&KeySet> {
        self.issuers.get(id)
    }

    /// All trusted key sets, by issuer id.
    pub fn key_sets(&self) -> impl Iterator<Item = &KeySet> {
        self.issuers.values()
    }

    /// Whether no issuer is trusted.
    pub fn is_empty(&self) -> bool {
        self.issuers.is_empty()
    }

    /// Pairs of trusted issuers that a person could take for one another: ids equal but for
    /// letter case or confusable characters, or display names whose Unicode TR39 skeletons
    /// (of their lower-case forms, white space collapsed) are equal — `mx.cecati149` and
    /// `mx.cecatil49`, "CECATI 149" and "CΕCATI 149" with a Greek capital epsilon. Each pair is
    /// reported once, in issuer-id order. Verifiers warn about them when they load a trust
    /// store: both issuers stay trusted (they may be legitimate), but a person reading an
    /// issuer's name on a verdict may be misled.
    pub fn confusable_issuers(&self) -> Vec<Confusable> {
        let mut seen: BTreeMap<(Likeness, bool, String), &str> = BTreeMap::new();
        let mut pairs: Vec<Confusable> = Vec::new();
        for set in self.issuers.values() {
            let issuer = &set.issuer;
            for (what, text) in [(Likeness::Id, &issuer.id), (Likeness::Name, &issuer.name)] {
                // The skeleton as written, and of the lower-case form: "Ε" (Greek) is "E", and
                // "MX" is "mx".
                for folded in [false, true] {
                    let key = (what, folded, look_alike_key(text, folded));
                    match seen.entry(key) {
                        std::collections::btree_map::Entry::Vacant(slot) => {
                            slot.insert(&issuer.id);
                        }
                        std::collections::btree_map::Entry::Occupied(first) => {
                            let pair = Confusable {
                                what,
                                first: (*first.get()).to_owned(),
                                second: issuer.id.clone(),
                            };
                            if !pairs.contains(&pair) {
                                pairs.push(pair);
                            }
                        }
                    }
                }
            }
        }
        pairs
    }
}

/// What two confusable issuers share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Likeness {
    /// Their ids look alike.
    Id,
    /// Their display names look alike.
    Name,
}

/// Two trusted issuers a person could take for one another ([`TrustStore::confusable_issuers`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confusable {
    /// What looks alike.
    pub what: Likeness,
    /// The issuer id met first (in id order).
    pub first: String,
    /// The other issuer's id.
    pub second: String,
}

/// The TR39 skeleton of `text` with white space collapsed, of its lower-case form when
/// `folded`: equal for texts a reader cannot tell apart.
fn look_alike_key(text: &str, folded: bool) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = if folded {
        collapsed.to_lowercase()
    } else {
        collapsed
    };
    unicode_security::skeleton(&text).collect()
}

fn read_dir_sorted(path: &Path) -> Result<Vec<PathBuf>, TrustError> {
    let io = |source| TrustError::Io {
        path: path.to_owned(),
        source,
    };
    let mut entries = Vec::new();
    for entry in fs::read_dir(path).map_err(io)? {
        entries.push(entry.map_err(io)?.path());
        if entries.len() > 4 * MAX_FILES {
            return Err(TrustError::TooManyEntries(path.to_owned()));
        }
    }
    entries.sort();
    Ok(entries)
}

/// Reads a file of at most `max` bytes; a larger one is a `FileTooLarge` error.
pub(crate) fn read_limited(path: &Path, max: usize) -> std::io::Result<Vec<u8>> {
    sello_core::read_capped(fs::File::open(path)?, max)
}

/// Reads a key-set file of at most `max` bytes.
fn read_capped(path: &Path, max: usize) -> Result<Vec<u8>, TrustError> {
    read_limited(path, max).map_err(|source| TrustError::Io {
        path: path.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sello_core::ed25519_dalek::SigningKey;
    use sello_core::jwk::{IssuerInfo, PublicKey};

    fn set(id: &str, seed: u8) -> KeySet {
        KeySet {
            issuer: IssuerInfo {
                id: id.into(),
                name: format!("Emisor {id}"),
                verify_url: None,
                time_zone: None,
            },
            keys: vec![PublicKey::new(
                SigningKey::from_bytes(&[seed; 32]).verifying_key(),
            )],
            attribute_labels: Default::default(),
        }
    }

    #[test]
    fn loads_files_issuer_folders_and_trust_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let a = tmp.path().join("a.json");
        fs::write(&a, set("mx.a", 1).to_json()).unwrap();
        let issuer = tmp.path().join("issuer-b");
        fs::create_dir(&issuer).unwrap();
        fs::write(issuer.join("jwks.json"), set("mx.b", 2).to_json()).unwrap();
        fs::write(issuer.join("issuer.json"), "{}").unwrap(); // ignored in an issuer folder

        let mut one = TrustStore::new();
        one.load(&a).unwrap();
        one.load(&issuer).unwrap();
        assert!(one.issuer("mx.a").is_some() && one.issuer("mx.b").is_some());

        let mut all = TrustStore::new();
        all.load(tmp.path()).unwrap();
        assert_eq!(all.key_sets().count(), 2);
        // Loading the same set twice is harmless.
        all.load(&a).unwrap();
    }

    #[test]
    fn issuers_a_person_could_confuse_are_found() {
        let mut store = TrustStore::new();
        let mut named = |id: &str, name: &str, seed: u8| {
            let mut s = set(id, seed);
            s.issuer.name = name.into();
            store.add(s).unwrap();
        };
        named("mx.cecati149", "CECATI 149", 1);
        named("mx.cecatil49", "Otro centro", 2);
        named("MX.CONOCER", "CONOCER", 3);
        named("mx.conocer", "Consejo", 4);
        named("mx.falso", "C\u{395}CATI   149", 5); // Greek capital epsilon, more spaces
        named("mx.sep", "Secretaría de Educación Pública", 6);
        let pairs = store.confusable_issuers();
        let find = |what, a: &str, b: &str| {
            pairs
                .iter()
                .any(|p| p.what == what && p.first == a && p.second == b)
        };
        assert!(
            find(Likeness::Id, "mx.cecati149", "mx.cecatil49"),
            "{pairs:?}"
        );
        assert!(find(Likeness::Id, "MX.CONOCER", "mx.conocer"), "{pairs:?}");
        assert!(
            find(Likeness::Name, "mx.cecati149", "mx.falso"),
            "{pairs:?}"
        );
        assert_eq!(pairs.len(), 3, "{pairs:?}");
        assert!(TrustStore::new().confusable_issuers().is_empty());
    }

    #[test]
    fn refuses_broken_files_conflicts_and_empty_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = TrustStore::new();
        assert!(matches!(
            store.load(tmp.path()),
            Err(TrustError::NoKeySet(_))
        ));
        assert!(matches!(
            store.load(&tmp.path().join("none.json")),
            Err(TrustError::Io { .. })
        ));
        fs::write(tmp.path().join("a.json"), set("mx.a", 1).to_json()).unwrap();
        fs::write(tmp.path().join("broken.json"), "{").unwrap();
        assert!(matches!(
            store.load(tmp.path()),
            Err(TrustError::KeySet { .. })
        ));
        fs::remove_file(tmp.path().join("broken.json")).unwrap();
        fs::write(tmp.path().join("b.json"), set("mx.a", 2).to_json()).unwrap();
        let mut store = TrustStore::new();
        assert!(matches!(
            store.load(tmp.path()),
            Err(TrustError::Conflict(_))
        ));
        let big = tmp.path().join("big.json");
        fs::write(&big, vec![b' '; MAX_KEY_SET_BYTES + 1]).unwrap();
        assert!(TrustStore::new().load(&big).is_err());
    }
}
