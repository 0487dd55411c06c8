//! A federation's registry (FORMAT.md §5.9, `docs/FEDERATION.md`): the root keys, the registry
//! key, the signed root document, the records of the accredited centres, and the trust
//! bundles signed from them.
//!
//! ```text
//! REGISTRY_DIR/
//!   registry.json          the record: federation id and name, the registry key's id, the
//!                          last bundle's sequence number, and every centre (key set,
//!                          accreditation window, scope, suspension)
//!   root.json              the current root document, signed (the file verifiers pin)
//!   roots/<version>.json   every root version, the chain bundles carry
//!   registry-key/<kid>.p8  the registry key (signs bundles), encrypted; folder mode 0700
//!   root-keys/holder-<i>/  one folder per root key: <kid>.p8 (encrypted under that holder's
//!                          own passphrase) and <kid>.pub.json (its public JWK); mode 0700.
//!                          Move each folder to its holder's offline machine and delete it here
//!   registry.lock          locked (exclusively) while a `RegistryDir` is open
//! ```
//!
//! Private keys are the issuer folder's format ([`crate::keystore`]: PKCS#8 PBES2, owner-only,
//! decrypted only into a zeroizing [`LocalSigner`]). `registry.json` is replaced by one rename
//! ([`crate::files::write_atomic`]), and only after the change was checked as a verifier would
//! read it. Publishing records the new sequence number before the bundle is handed out, so
//! that no number is ever used twice, even after a crash.
//!
//! The root ceremony ([`RegistryDir::prepare_rotation`], [`sign_root`],
//! [`RegistryDir::combine`]) moves only public files: each holder signs with their own key on
//! their own machine, and the signed copies are combined and checked against both thresholds
//! (FORMAT.md §5.9.3) by the verifier's own check.

use crate::files::{PUBLIC, write_atomic};
use crate::i18n::{escaped, path_of, tr};
use crate::keystore::{KeyStoreError, read_private_key, write_private_key};
use crate::passphrase::{self, Weakness};
use crate::signer::{LocalSigner, Signer as _};
use sello_core::b64;
use sello_core::federation::{
    self as fed, BundleClaims, BundleError, IssuerEntry, MAX_ISSUERS, MAX_ROLE_KEYS, MAX_SCOPE,
    MAX_SEQ, RootClaims, RootDocument, RootError, ScopeEntry, Suspension, Window,
};
use sello_core::i18n::io_error;
use sello_core::jwk::{KeySet, PublicKey};
use sello_verifier::StatusLoadError;
use sello_verifier::federation::{FederationError, Policy};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

/// Largest `registry.json` read (a bundle's cap: every centre's key set fits in it).
pub const MAX_RECORD_BYTES: usize = fed::MAX_BUNDLE_BYTES;
/// Largest public key file or root document read.
const MAX_SMALL_FILE: usize = fed::MAX_ROOT_BYTES;
/// Most days a bundle may be fresh for.
pub const MAX_VALID_DAYS: u32 = 366;
const DAY: i64 = 86_400;

/// Why a registry folder could not be created, read, changed or used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RegistryError {
    /// A file could not be read or written.
    #[error("{}", tr("registry-io", &[("path", path_of(.path).into()), ("error", io_error(.source).into())]))]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The folder already holds a registry.
    #[error("{}", tr("registry-exists", &[("path", path_of(.0).into())]))]
    Exists(PathBuf),
    /// The folder has no `registry.json`.
    #[error("{}", tr("registry-not-a-registry", &[("path", path_of(.0).into())]))]
    NotARegistry(PathBuf),
    /// A file that is not what Sello writes (what is wrong, escaped).
    #[error("{}", tr("registry-invalid", &[("path", path_of(.path).into()), ("detail", .detail.as_str().into())]))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
    /// A private key could not be written or unlocked.
    #[error(transparent)]
    Key(#[from] KeyStoreError),
    /// A passphrase too weak for a new key.
    #[error("{}", tr("keystore-weak-passphrase", &[("why", .0.to_string().into())]))]
    WeakPassphrase(Weakness),
    /// Not as many passphrases as root keys.
    #[error("{}", tr("registry-root-passphrases", &[("keys", (*keys).into()), ("given", (*given).into())]))]
    RootPassphrases {
        /// Root keys.
        keys: usize,
        /// Passphrases given.
        given: usize,
    },
    /// The root claims would be refused (id, name, key count, threshold).
    #[error("{}", tr("registry-root", &[("error", .0.to_string().into())]))]
    Root(#[from] RootError),
    /// A change that would make a record verifiers refuse.
    #[error("{}", tr("registry-refused", &[("error", .0.to_string().into())]))]
    Refused(BundleError),
    /// A centre's key set that is not a key set (FORMAT.md §5.1).
    #[error("{}", tr("registry-key-set", &[("path", path_of(.path).into()), ("error", .error.to_string().into())]))]
    KeySet {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        error: sello_core::jwk::KeySetError,
    },
    /// No standard given to accredit.
    #[error("{}", tr("registry-no-standards", &[]))]
    NoStandards,
    /// A standard code that certificates cannot carry (escaped).
    #[error("{}", tr("registry-standard", &[("code", .code.as_str().into()), ("problem", .problem.to_string().into())]))]
    Standard {
        /// The code.
        code: String,
        /// What is wrong.
        problem: sello_core::Problem,
    },
    /// An end of a window that is not after its start, or a time out of range.
    #[error("{}", tr("registry-window", &[]))]
    Window,
    /// More centres, or more standards for one centre, than a bundle holds.
    #[error("{}", tr("registry-too-many", &[("max", (*.0).into())]))]
    TooMany(usize),
    /// No centre of this id in the record (escaped).
    #[error("{}", tr("registry-unknown-issuer", &[("issuer", .0.as_str().into())]))]
    UnknownIssuer(String),
    /// A suspension reason that is not a valid text (FORMAT.md §5.9.4).
    #[error("{}", tr("registry-reason", &[("problem", .0.to_string().into())]))]
    Reason(sello_core::Problem),
    /// A status list that cannot be put in a bundle.
    #[error("{}", tr("registry-status", &[("path", path_of(.path).into()), ("error", .error.to_string().into())]))]
    Status {
        /// Its file.
        path: PathBuf,
        /// Why.
        error: StatusLoadError,
    },
    /// The valid days of a bundle outside 1..=[`MAX_VALID_DAYS`].
    #[error("{}", tr("registry-valid-days", &[("max", MAX_VALID_DAYS.into())]))]
    ValidDays,
    /// Every sequence number was used.
    #[error("{}", tr("registry-seq-exhausted", &[]))]
    SeqExhausted,
    /// The bundle just signed would be refused by a verifier (a bug, or a damaged record).
    #[error("{}", tr("registry-self-check", &[("error", .0.to_string().into())]))]
    SelfCheck(FederationError),
    /// The root ceremony: a check of FORMAT.md §5.9.3 failed (thresholds, version, federation).
    #[error("{}", tr("registry-rotation", &[("error", .0.to_string().into())]))]
    Rotation(FederationError),
    /// The ceremony's copies are not of one prepared document.
    #[error("{}", tr("registry-different-documents", &[]))]
    DifferentDocuments,
    /// No copy given to combine.
    #[error("{}", tr("registry-nothing-to-combine", &[]))]
    NothingToCombine,
    /// The combined root's registry keys do not include the one in use, and none of them has
    /// its private key in this folder's `registry-key/` (prepare the rotation here, with a new
    /// registry key).
    #[error("{}", tr("registry-no-new-registry-key", &[]))]
    NoRegistryKeyFile,
    /// A root key to remove that the root does not have (escaped).
    #[error("{}", tr("registry-no-root-key", &[("kid", .0.as_str().into())]))]
    NoRootKey(String),
    /// The key file is not one of the document's root keys, nor of the one before.
    #[error("{}", tr("registry-not-a-root-key", &[("kid", .0.as_str().into())]))]
    NotARootKey(String),
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> RegistryError + '_ {
    move |source| RegistryError::Io {
        path: path.to_owned(),
        source,
    }
}

fn read_file(path: &Path, max: usize) -> Result<Vec<u8>, RegistryError> {
    let file = fs::File::open(path).map_err(io_err(path))?;
    sello_core::read_capped(file, max).map_err(|e| match e.kind() {
        std::io::ErrorKind::FileTooLarge => RegistryError::Invalid {
            path: path.to_owned(),
            detail: tr("registry-too-large", &[("max", max.into())]),
        },
        _ => io_err(path)(e),
    })
}

fn private_dir(path: &Path) -> Result<(), RegistryError> {
    fs::create_dir_all(path).map_err(io_err(path))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o700)).map_err(io_err(path))?;
    }
    Ok(())
}

/// The SHA-256 of a root document's payload, lower-case hex: what holders read aloud at each
/// step of the ceremony ([`RootDocument::fingerprint`]).
pub fn payload_hash(doc: &RootDocument) -> String {
    doc.fingerprint()
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordDoc {
    federation: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    verify_url: Option<String>,
    registry_kid: String,
    seq: u64,
    issuers: Vec<CentreDoc>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CentreDoc {
    key_set: Value,
    accredited: WindowDoc,
    scope: Vec<ScopeDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suspended: Option<SuspensionDoc>,
}

#[derive(Serialize, Deserialize, Clone, Copy)]
#[serde(deny_unknown_fields)]
struct WindowDoc {
    nbf: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exp: Option<i64>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScopeDoc {
    ec: String,
    nbf: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exp: Option<i64>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SuspensionDoc {
    from: i64,
    reason: String,
}

/// What `init` is asked for.
#[derive(Debug, Clone)]
pub struct Init {
    /// The federation id (the issuer-id rule), e.g. `mx.conocer`.
    pub federation: String,
    /// Its display name, e.g. `CONOCER`.
    pub name: String,
    /// Its official verification page, carried by every bundle.
    pub verify_url: Option<String>,
    /// How many root keys (1 to 16).
    pub root_keys: usize,
    /// How many of them must sign a root version.
    pub threshold: usize,
}

/// A registry folder on disk, held under an exclusive lock (`registry.lock`) from
/// [`RegistryDir::open`] or [`RegistryDir::init`] until dropped: two publishers at once take
/// turns, and the second reads the first one's sequence number instead of reusing it.
#[derive(Debug, Clone)]
pub struct RegistryDir {
    _lock: std::sync::Arc<fs::File>,
    path: PathBuf,
    federation: String,
    name: String,
    verify_url: Option<String>,
    registry_kid: String,
    seq: u64,
    issuers: Vec<IssuerEntry>,
    root: RootDocument,
}

/// What [`RegistryDir::init`] made.
#[derive(Debug, Clone)]
pub struct Created {
    /// The folder of each root key, in order (holder 1, 2, …).
    pub holder_dirs: Vec<PathBuf>,
    /// The root document, version 1.
    pub root: RootDocument,
}

/// What [`RegistryDir::accredit`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accredited {
    /// The centre's id.
    pub issuer: String,
    /// Whether it was already in the record (its key set is replaced).
    pub updated: bool,
    /// The standards added to its scope.
    pub added: Vec<String>,
    /// The standards it already had (their windows are kept).
    pub kept: Vec<String>,
}

/// A signed bundle, ready to be published.
#[derive(Debug, Clone)]
pub struct Published {
    /// The compact JWS.
    pub text: String,
    /// Its sequence number.
    pub seq: u64,
    /// When it was signed.
    pub iat: i64,
    /// Fresh until.
    pub fresh_until: i64,
    /// Centres whose status list it carries.
    pub with_status: Vec<String>,
    /// Status list files left out: of no accredited centre, or older than another of the
    /// same centre.
    pub ignored: Vec<PathBuf>,
    /// Centres whose status list in the bundle has already expired (`exp` ≤ the bundle's
    /// `iat`): verifiers find their certificates with a status entry indeterminate.
    pub expired_status: Vec<String>,
    /// Centres with no status list in the bundle: the same, unless verifiers get one
    /// elsewhere.
    pub without_status: Vec<String>,
}

/// A change of the root's keys for the next version.
#[derive(Debug, Clone, Default)]
pub struct Rotation {
    /// New root keys (public; from [`root_keygen`] on the new holder's machine).
    pub add_root_keys: Vec<PublicKey>,
    /// Root keys to take out, by `kid`.
    pub remove_root_keys: Vec<String>,
    /// A new threshold (else the current one).
    pub threshold: Option<usize>,
    /// A new registry key ([`RegistryDir::new_registry_key`]) to sign bundles from this
    /// version on, in place of every registry key of the current one (after a registry key
    /// was stolen, or as routine).
    pub registry_key: Option<PublicKey>,
}

/// Takes the registry folder's lock, waiting for whoever holds it.
fn lock(path: &Path) -> Result<std::sync::Arc<fs::File>, RegistryError> {
    let lock_path = path.join("registry.lock");
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(io_err(&lock_path))?;
    file.lock().map_err(io_err(&lock_path))?;
    Ok(std::sync::Arc::new(file))
}

fn key_pub_json(key: &PublicKey) -> String {
    let mut text = serde_json::to_string_pretty(&key.jwk_json()).expect("JWKs serialise");
    text.push('\n');
    text
}

/// Creates a new root key in the folder `dir` (a holder's, on their offline machine), encrypted
/// under `passphrase`: `<kid>.p8` and its public JWK `<kid>.pub.json`, which goes to the
/// ceremony's `prepare`.
pub fn root_keygen(dir: &Path, passphrase: &str) -> Result<PublicKey, RegistryError> {
    passphrase::check(passphrase, &[]).map_err(RegistryError::WeakPassphrase)?;
    let signer = LocalSigner::generate().map_err(|e| KeyStoreError::Crypto(e.0))?;
    write_key(dir, &signer, passphrase)
}

fn write_key(
    dir: &Path,
    signer: &LocalSigner,
    passphrase: &str,
) -> Result<PublicKey, RegistryError> {
    private_dir(dir)?;
    let kid = signer.kid();
    write_private_key(&dir.join(format!("{kid}.p8")), signer, passphrase)?;
    let key = PublicKey::new(signer.verifying_key());
    let pub_path = dir.join(format!("{kid}.pub.json"));
    write_atomic(&pub_path, key_pub_json(&key).as_bytes(), PUBLIC).map_err(io_err(&pub_path))?;
    Ok(key)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PubJwk {
    kty: String,
    crv: String,
    x: String,
    #[serde(default)]
    kid: Option<String>,
    #[serde(default)]
    alg: Option<String>,
    #[serde(default, rename = "use")]
    use_: Option<String>,
}

/// Reads a public root key written by [`root_keygen`] (`<kid>.pub.json`, a JWK).
pub fn read_public_key(path: &Path) -> Result<PublicKey, RegistryError> {
    let bytes = read_file(path, MAX_SMALL_FILE)?;
    let invalid = |detail: String| RegistryError::Invalid {
        path: path.to_owned(),
        detail,
    };
    let jwk: PubJwk = sello_core::json::parse_strict(&bytes, MAX_SMALL_FILE)
        .map_err(|e| invalid(e.to_string()))?;
    let not_ed25519 = || invalid(tr("registry-not-ed25519", &[]));
    if jwk.kty != "OKP" || jwk.crv != "Ed25519" {
        return Err(not_ed25519());
    }
    let _ = (jwk.alg, jwk.use_);
    let raw: [u8; 32] = b64::decode(&jwk.x)
        .and_then(|x| x.try_into().ok())
        .ok_or_else(not_ed25519)?;
    let key =
        sello_core::ed25519_dalek::VerifyingKey::from_bytes(&raw).map_err(|_| not_ed25519())?;
    let key = PublicKey::new(key);
    if jwk.kid.is_some_and(|kid| kid != key.kid) {
        return Err(invalid(tr("registry-kid-mismatch", &[])));
    }
    Ok(key)
}

/// Step 2 of the ceremony, on a holder's machine: signs `doc` with the root key in `key_file`
/// (`<kid>.p8`). The key must be one of the document's root keys or, when `previous` is
/// given, of that version's. Returns the key's id.
pub fn sign_root(
    doc: &mut RootDocument,
    key_file: &Path,
    passphrase: &str,
    previous: Option<&RootDocument>,
) -> Result<String, RegistryError> {
    let kid = key_file
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".p8"))
        .ok_or_else(|| RegistryError::Invalid {
            path: key_file.to_owned(),
            detail: tr("registry-key-file-name", &[]),
        })?
        .to_owned();
    let is_root_key = |d: &RootDocument| d.claims.root_keys.iter().any(|k| k.kid == kid);
    if !is_root_key(doc) && !previous.is_some_and(is_root_key) {
        return Err(RegistryError::NotARootKey(escaped(&kid)));
    }
    if doc.signatures.len() >= fed::MAX_ROOT_SIGNATURES {
        return Err(RootError::SignatureCount(doc.signatures.len() + 1).into());
    }
    let signer = read_private_key(key_file, &kid, passphrase)?;
    let (_, input) = doc.signing_input(&kid);
    let signature = signer
        .sign(input.as_bytes())
        .map_err(|e| KeyStoreError::Crypto(e.0))?;
    doc.add_signature(&kid, signature);
    Ok(kid)
}

/// Reads a root document (signed or not) from a file.
pub fn read_root(path: &Path) -> Result<RootDocument, RegistryError> {
    let bytes = read_file(path, MAX_SMALL_FILE)?;
    RootDocument::from_json(&bytes).map_err(|e| RegistryError::Invalid {
        path: path.to_owned(),
        detail: e.to_string(),
    })
}

impl RegistryDir {
    /// Creates a registry folder: `init.root_keys` root keys, each encrypted under its own
    /// passphrase of `root_passphrases`, a registry key under `registry_passphrase`, and root
    /// version 1 signed by every root key.
    pub fn init(
        path: &Path,
        init: &Init,
        registry_passphrase: &str,
        root_passphrases: &[&str],
        now: i64,
    ) -> Result<(RegistryDir, Created), RegistryError> {
        if path.join("registry.json").exists() {
            return Err(RegistryError::Exists(path.to_owned()));
        }
        if init.root_keys == 0 || init.root_keys > MAX_ROLE_KEYS {
            return Err(RootError::KeyCount {
                role: fed::Role::Root,
                count: init.root_keys,
            }
            .into());
        }
        if root_passphrases.len() != init.root_keys {
            return Err(RegistryError::RootPassphrases {
                keys: init.root_keys,
                given: root_passphrases.len(),
            });
        }
        let known = [init.federation.as_str(), init.name.as_str()];
        for pass in std::iter::once(&registry_passphrase).chain(root_passphrases) {
            passphrase::check(pass, &known).map_err(RegistryError::WeakPassphrase)?;
        }
        let registry = LocalSigner::generate().map_err(|e| KeyStoreError::Crypto(e.0))?;
        let mut roots = Vec::with_capacity(init.root_keys);
        for _ in 0..init.root_keys {
            roots.push(LocalSigner::generate().map_err(|e| KeyStoreError::Crypto(e.0))?);
        }
        let claims = RootClaims {
            federation: init.federation.clone(),
            name: init.name.clone(),
            version: 1,
            iat: now,
            root_keys: roots
                .iter()
                .map(|s| PublicKey::new(s.verifying_key()))
                .collect(),
            root_threshold: init.threshold,
            registry_keys: vec![PublicKey::new(registry.verifying_key())],
        };
        // Checks the claims (id, name, threshold) before anything is written.
        let mut root = RootDocument::prepare(&claims)?;
        if let Some(url) = &init.verify_url {
            sello_core::jwk::check_verify_url(url)
                .map_err(|e| RegistryError::Refused(BundleError::VerifyUrl(e)))?;
        }
        fs::create_dir_all(path).map_err(io_err(path))?;
        let lock = lock(path)?;
        if path.join("registry.json").exists() {
            return Err(RegistryError::Exists(path.to_owned()));
        }
        let registry_dir = path.join("registry-key");
        private_dir(&registry_dir)?;
        write_private_key(
            &registry_dir.join(format!("{}.p8", registry.kid())),
            &registry,
            registry_passphrase,
        )?;
        let mut holder_dirs = Vec::with_capacity(roots.len());
        for (i, (signer, pass)) in roots.iter().zip(root_passphrases).enumerate() {
            let dir = path.join("root-keys").join(format!("holder-{}", i + 1));
            write_key(&dir, signer, pass)?;
            let (_, input) = root.signing_input(&signer.kid());
            let signature = signer
                .sign(input.as_bytes())
                .map_err(|e| KeyStoreError::Crypto(e.0))?;
            root.add_signature(&signer.kid(), signature);
            holder_dirs.push(dir);
        }
        drop(roots);
        let mut dir = RegistryDir {
            _lock: lock,
            path: path.to_owned(),
            federation: init.federation.clone(),
            name: init.name.clone(),
            verify_url: init.verify_url.clone(),
            registry_kid: registry.kid(),
            seq: 0,
            issuers: Vec::new(),
            root: root.clone(),
        };
        dir.write_root(&root)?;
        dir.commit(dir.issuers.clone(), dir.seq)?;
        Ok((dir, Created { holder_dirs, root }))
    }

    /// Opens a registry folder (nothing secret is read), waiting for its lock.
    pub fn open(path: &Path) -> Result<RegistryDir, RegistryError> {
        let record_path = path.join("registry.json");
        // Not a registry: say so before creating a lock file in it.
        if !record_path.is_file() {
            return Err(RegistryError::NotARegistry(path.to_owned()));
        }
        let lock = lock(path)?;
        let invalid = |detail: String| RegistryError::Invalid {
            path: record_path.clone(),
            detail,
        };
        let doc: RecordDoc = sello_core::json::parse_strict_object(
            &read_file(&record_path, MAX_RECORD_BYTES)?,
            MAX_RECORD_BYTES,
            sello_core::json::Arrays::Allowed,
        )
        .map_err(|e| invalid(e.to_string()))?;
        let root = read_root(&path.join("root.json"))?;
        if root.claims.federation != doc.federation {
            return Err(invalid(tr("registry-root-mismatch", &[])));
        }
        let mut issuers = Vec::with_capacity(doc.issuers.len());
        for c in doc.issuers {
            let key_set = KeySet::from_json(c.key_set.to_string().as_bytes())
                .map_err(|e| invalid(e.to_string()))?;
            issuers.push(IssuerEntry {
                key_set,
                accredited: Window {
                    nbf: c.accredited.nbf,
                    exp: c.accredited.exp,
                },
                scope: c
                    .scope
                    .into_iter()
                    .map(|s| ScopeEntry {
                        ec: s.ec,
                        window: Window {
                            nbf: s.nbf,
                            exp: s.exp,
                        },
                    })
                    .collect(),
                suspended: c.suspended.map(|s| Suspension {
                    from: s.from,
                    reason: s.reason,
                }),
                status: None,
            });
        }
        let dir = RegistryDir {
            _lock: lock,
            path: path.to_owned(),
            federation: doc.federation,
            name: doc.name,
            verify_url: doc.verify_url,
            registry_kid: doc.registry_kid,
            seq: doc.seq,
            issuers,
            root,
        };
        dir.check(&dir.issuers, dir.seq.max(1))
            .map_err(|e| invalid(e.to_string()))?;
        Ok(dir)
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The federation id.
    pub fn federation(&self) -> &str {
        &self.federation
    }

    /// The federation's display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The current root document.
    pub fn root(&self) -> &RootDocument {
        &self.root
    }

    /// The last published sequence number (0: none yet).
    pub fn seq(&self) -> u64 {
        self.seq
    }

    /// The accredited centres.
    pub fn issuers(&self) -> &[IssuerEntry] {
        &self.issuers
    }

    /// The registry key's id.
    pub fn registry_kid(&self) -> &str {
        &self.registry_kid
    }

    /// Accredits a centre for `standards` from `from` (until `until`, if given), or, if it is
    /// accredited already, replaces its key set (a key rotation) and adds the standards it does
    /// not have yet, each with the window [`from`, `until`): a standard added later does not
    /// cover certificates issued before it was added. The accreditation window grows to cover
    /// the new one.
    pub fn accredit(
        &mut self,
        key_set: KeySet,
        standards: &[String],
        from: i64,
        until: Option<i64>,
    ) -> Result<Accredited, RegistryError> {
        if standards.is_empty() {
            return Err(RegistryError::NoStandards);
        }
        for code in standards {
            sello_core::check_code(code).map_err(|e| RegistryError::Standard {
                code: escaped(code),
                problem: e.problem,
            })?;
        }
        let window = Window {
            nbf: from,
            exp: until,
        };
        let in_range = |t: i64| (0..=sello_core::MAX_TIME).contains(&t);
        if !in_range(from) || until.is_some_and(|u| !in_range(u) || u <= from) {
            return Err(RegistryError::Window);
        }
        let id = key_set.issuer.id.clone();
        let mut issuers = self.issuers.clone();
        let (entry, updated) = match issuers.iter_mut().position(|e| e.key_set.issuer.id == id) {
            Some(i) => (&mut issuers[i], true),
            None => {
                if issuers.len() >= MAX_ISSUERS {
                    return Err(RegistryError::TooMany(MAX_ISSUERS));
                }
                issuers.push(IssuerEntry {
                    key_set: key_set.clone(),
                    accredited: window,
                    scope: Vec::new(),
                    suspended: None,
                    status: None,
                });
                (issuers.last_mut().expect("just pushed"), false)
            }
        };
        entry.key_set = key_set;
        if updated {
            let a = &mut entry.accredited;
            a.nbf = a.nbf.min(from);
            a.exp = match (a.exp, until) {
                (Some(old), Some(new)) => Some(old.max(new)),
                _ => None,
            };
        }
        let (mut added, mut kept) = (Vec::new(), Vec::new());
        for code in standards {
            if entry.scope.iter().any(|s| &s.ec == code) {
                if !kept.contains(code) {
                    kept.push(code.clone());
                }
                continue;
            }
            if entry.scope.len() >= MAX_SCOPE {
                return Err(RegistryError::TooMany(MAX_SCOPE));
            }
            entry.scope.push(ScopeEntry {
                ec: code.clone(),
                window,
            });
            added.push(code.clone());
        }
        self.commit(issuers, self.seq)?;
        Ok(Accredited {
            issuer: id,
            updated,
            added,
            kept,
        })
    }

    /// Suspends centre `issuer` from `from`: its certificates issued at or after it are
    /// refused. A later suspension of the same centre replaces the earlier one.
    pub fn suspend(&mut self, issuer: &str, from: i64, reason: &str) -> Result<(), RegistryError> {
        sello_core::check_display_name(reason).map_err(|e| RegistryError::Reason(e.problem))?;
        if !(0..=sello_core::MAX_TIME).contains(&from) {
            return Err(RegistryError::Window);
        }
        let mut issuers = self.issuers.clone();
        let entry = issuers
            .iter_mut()
            .find(|e| e.key_set.issuer.id == issuer)
            .ok_or_else(|| RegistryError::UnknownIssuer(escaped(issuer)))?;
        entry.suspended = Some(Suspension {
            from,
            reason: reason.to_owned(),
        });
        self.commit(issuers, self.seq)
    }

    /// Every root version, oldest first (the chain bundles carry), at most the last
    /// [`fed::MAX_CHAIN`].
    pub fn chain(&self) -> Result<Vec<RootDocument>, RegistryError> {
        let newest = self.root.claims.version;
        let oldest = newest.saturating_sub(fed::MAX_CHAIN as u32 - 1).max(1);
        (oldest..=newest)
            .map(|v| read_root(&self.path.join("roots").join(format!("{v}.json"))))
            .collect()
    }

    /// Signs the next trust bundle at `now`, fresh for `valid_days`: every centre of the record
    /// with the newest of its status lists among `status` (each a file's path and text), the
    /// sequence number one more than the last (recorded before the bundle is returned), and the
    /// root chain. The bundle is checked as a verifier pinned at version 1 would before it is
    /// returned.
    pub fn publish(
        &mut self,
        passphrase: &str,
        status: &[(PathBuf, String)],
        now: i64,
        valid_days: u32,
    ) -> Result<Published, RegistryError> {
        if !(1..=MAX_VALID_DAYS).contains(&valid_days) {
            return Err(RegistryError::ValidDays);
        }
        let kid = self.signing_kid(&self.root)?;
        let key_path = self.path.join("registry-key").join(format!("{kid}.p8"));
        let signer = read_private_key(&key_path, &kid, passphrase)?;
        let mut trust = sello_verifier::TrustStore::new();
        for e in &self.issuers {
            trust
                .add(e.key_set.clone())
                .expect("issuer ids are unique in the record");
        }
        let mut newest: std::collections::BTreeMap<String, (i64, &Path, String, i64)> =
            Default::default();
        let mut ignored = Vec::new();
        for (path, text) in status {
            match sello_verifier::accept_status_list(&trust, text) {
                Ok(list) => {
                    let older = newest
                        .get(&list.issuer)
                        .filter(|(iat, ..)| *iat >= list.iat)
                        .is_some();
                    if older {
                        ignored.push(path.clone());
                        continue;
                    }
                    if let Some((_, previous, ..)) = newest.insert(
                        list.issuer.clone(),
                        (list.iat, path.as_path(), list.token.clone(), list.exp),
                    ) {
                        ignored.push(previous.to_owned());
                    }
                }
                Err(StatusLoadError::UnknownIssuer(_)) => ignored.push(path.clone()),
                Err(error) => {
                    return Err(RegistryError::Status {
                        path: path.clone(),
                        error,
                    });
                }
            }
        }
        let seq = self.seq + 1;
        if seq > MAX_SEQ {
            return Err(RegistryError::SeqExhausted);
        }
        let mut issuers = self.issuers.clone();
        let (mut with_status, mut expired_status, mut without_status) =
            (Vec::new(), Vec::new(), Vec::new());
        for e in &mut issuers {
            let id = e.key_set.issuer.id.clone();
            match newest.remove(&id) {
                Some((_, _, token, exp)) => {
                    e.status = Some(token);
                    if exp <= now {
                        expired_status.push(id.clone());
                    }
                    with_status.push(id);
                }
                None => without_status.push(id),
            }
        }
        let fresh_until = now + i64::from(valid_days) * DAY;
        let claims = BundleClaims {
            federation: self.federation.clone(),
            seq,
            iat: now,
            fresh_until,
            root: self.root.claims.version,
            roots: self.chain()?,
            verify_url: self.verify_url.clone(),
            issuers,
        };
        let input = claims.signing_input(&kid);
        let signature = signer
            .sign(input.as_bytes())
            .map_err(|e| KeyStoreError::Crypto(e.0))?;
        drop(signer);
        let text = sello_core::token::assemble(&input, &signature);
        let pinned = claims.roots.first().unwrap_or(&self.root);
        sello_verifier::federation::accept_bundle(pinned, &text, now, Policy::default())
            .map_err(RegistryError::SelfCheck)?;
        // The number is used from here on, whatever happens to the bundle.
        self.commit(self.issuers.clone(), seq)?;
        Ok(Published {
            text,
            seq,
            iat: now,
            fresh_until,
            with_status,
            ignored,
            expired_status,
            without_status,
        })
    }

    /// Step 1 of the ceremony: the next root version with `rotation` applied, not signed yet.
    pub fn prepare_rotation(
        &self,
        rotation: &Rotation,
        now: i64,
    ) -> Result<RootDocument, RegistryError> {
        let current = &self.root.claims;
        let mut root_keys = current.root_keys.clone();
        for kid in &rotation.remove_root_keys {
            let before = root_keys.len();
            root_keys.retain(|k| &k.kid != kid);
            if root_keys.len() == before {
                return Err(RegistryError::NoRootKey(escaped(kid)));
            }
        }
        for key in &rotation.add_root_keys {
            if !root_keys.iter().any(|k| k.kid == key.kid) {
                root_keys.push(key.clone());
            }
        }
        let claims = RootClaims {
            federation: current.federation.clone(),
            name: current.name.clone(),
            version: current.version + 1,
            iat: now,
            root_threshold: rotation.threshold.unwrap_or(current.root_threshold),
            root_keys,
            registry_keys: match &rotation.registry_key {
                Some(key) => vec![key.clone()],
                None => current.registry_keys.clone(),
            },
        };
        Ok(RootDocument::prepare(&claims)?)
    }

    /// A new registry key for a rotation ([`Rotation::registry_key`]), written to
    /// `registry-key/` encrypted under `passphrase` (checked for strength). It signs nothing
    /// until a root version naming it is combined ([`RegistryDir::combine`]); from then on
    /// `publish` signs with it (and its passphrase).
    pub fn new_registry_key(&self, passphrase: &str) -> Result<PublicKey, RegistryError> {
        passphrase::check(passphrase, &[&self.federation, &self.name])
            .map_err(RegistryError::WeakPassphrase)?;
        let signer = LocalSigner::generate().map_err(|e| KeyStoreError::Crypto(e.0))?;
        let dir = self.path.join("registry-key");
        private_dir(&dir)?;
        write_private_key(
            &dir.join(format!("{}.p8", signer.kid())),
            &signer,
            passphrase,
        )?;
        Ok(PublicKey::new(signer.verifying_key()))
    }

    /// Step 3 of the ceremony: merges the signatures of `copies` (each holder's signed copy of
    /// one prepared document), checks that the result is the next root of the current one
    /// (FORMAT.md §5.9.3: both thresholds), and makes it the current root.
    pub fn combine(&mut self, copies: &[RootDocument]) -> Result<RootDocument, RegistryError> {
        let (first, rest) = copies
            .split_first()
            .ok_or(RegistryError::NothingToCombine)?;
        let mut doc = first.clone();
        for copy in rest {
            if copy.payload != doc.payload {
                return Err(RegistryError::DifferentDocuments);
            }
            for s in &copy.signatures {
                if !doc
                    .signatures
                    .iter()
                    .any(|d| d.protected == s.protected && d.signature == s.signature)
                {
                    if doc.signatures.len() >= fed::MAX_ROOT_SIGNATURES {
                        return Err(RootError::SignatureCount(doc.signatures.len() + 1).into());
                    }
                    doc.signatures.push(s.clone());
                }
            }
        }
        // Only entries that count are kept: the published document stays small and clean.
        let keys: Vec<&PublicKey> = self
            .root
            .claims
            .root_keys
            .iter()
            .chain(&doc.claims.root_keys)
            .collect();
        doc.signatures.retain(|s| {
            keys.iter().any(|k| {
                k.kid == s.header.kid
                    && sello_verifier::check_signature(
                        k,
                        format!("{}.{}", s.protected, doc.payload).as_bytes(),
                        &s.signature,
                    )
            })
        });
        sello_verifier::federation::check_next_root(&self.root, &doc)
            .map_err(RegistryError::Rotation)?;
        // The registry key that signs from this version on: the one in use while the new
        // version keeps it, else the new version's key whose private key is in this folder.
        let registry_kid = self.signing_kid(&doc)?;
        self.write_root(&doc)?;
        self.root = doc.clone();
        if registry_kid != self.registry_kid {
            self.registry_kid = registry_kid;
            self.commit(self.issuers.clone(), self.seq)?;
        }
        Ok(doc)
    }

    /// The registry key that signs under `root`: the one recorded in use while `root` names
    /// it, else the key of `root` whose private key is in `registry-key/`. (A crash between
    /// writing a combined root and recording its new key leaves the record behind; publishing
    /// still signs with the right key.)
    fn signing_kid(&self, root: &RootDocument) -> Result<String, RegistryError> {
        if root.claims.registry_key(&self.registry_kid).is_some() {
            return Ok(self.registry_kid.clone());
        }
        root.claims
            .registry_keys
            .iter()
            .map(|k| k.kid.clone())
            .find(|kid| {
                self.path
                    .join("registry-key")
                    .join(format!("{kid}.p8"))
                    .is_file()
            })
            .ok_or(RegistryError::NoRegistryKeyFile)
    }

    fn write_root(&self, doc: &RootDocument) -> Result<(), RegistryError> {
        let roots = self.path.join("roots");
        fs::create_dir_all(&roots).map_err(io_err(&roots))?;
        let text = doc.to_json();
        let versioned = roots.join(format!("{}.json", doc.claims.version));
        write_atomic(&versioned, text.as_bytes(), PUBLIC).map_err(io_err(&versioned))?;
        let current = self.path.join("root.json");
        write_atomic(&current, text.as_bytes(), PUBLIC).map_err(io_err(&current))
    }

    /// Checks a record as a verifier would read it in a bundle: the claims are round-tripped
    /// through the bundle parser (the signature is not looked at).
    fn check(&self, issuers: &[IssuerEntry], seq: u64) -> Result<(), RegistryError> {
        let claims = BundleClaims {
            federation: self.federation.clone(),
            seq: seq.max(1),
            iat: 0,
            fresh_until: 1,
            root: self.root.claims.version,
            roots: Vec::new(),
            verify_url: self.verify_url.clone(),
            issuers: issuers.to_vec(),
        };
        let input = claims.signing_input(&self.registry_kid);
        let text = format!("{input}.{}", b64::encode(&[0u8; 64]));
        fed::decode_bundle(&text)
            .map(|_| ())
            .map_err(RegistryError::Refused)
    }

    /// Replaces `registry.json` (one rename) with `issuers` and `seq`, once checked.
    fn commit(&mut self, issuers: Vec<IssuerEntry>, seq: u64) -> Result<(), RegistryError> {
        self.check(&issuers, seq)?;
        let doc = RecordDoc {
            federation: self.federation.clone(),
            name: self.name.clone(),
            verify_url: self.verify_url.clone(),
            registry_kid: self.registry_kid.clone(),
            seq,
            issuers: issuers
                .iter()
                .map(|e| CentreDoc {
                    key_set: serde_json::from_str(&e.key_set.to_json()).expect("key sets are JSON"),
                    accredited: WindowDoc {
                        nbf: e.accredited.nbf,
                        exp: e.accredited.exp,
                    },
                    scope: e
                        .scope
                        .iter()
                        .map(|s| ScopeDoc {
                            ec: s.ec.clone(),
                            nbf: s.window.nbf,
                            exp: s.window.exp,
                        })
                        .collect(),
                    suspended: e.suspended.as_ref().map(|s| SuspensionDoc {
                        from: s.from,
                        reason: s.reason.clone(),
                    }),
                })
                .collect(),
        };
        let mut text = serde_json::to_string_pretty(&doc).expect("records serialise");
        text.push('\n');
        let path = self.path.join("registry.json");
        write_atomic(&path, text.as_bytes(), PUBLIC).map_err(io_err(&path))?;
        self.issuers = issuers;
        self.seq = seq;
        Ok(())
    }
}

/// Reads a centre's published key set (`jwks.json`) to accredit.
pub fn read_key_set(path: &Path) -> Result<KeySet, RegistryError> {
    let bytes = read_file(path, sello_core::jwk::MAX_KEY_SET_BYTES)?;
    KeySet::from_json(&bytes).map_err(|error| RegistryError::KeySet {
        path: path.to_owned(),
        error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sello_core::IssuerInfo;
    use sello_verifier::federation::{Ratchet, accept_bundle, pinned_root};

    const PASS: &[&str] = &[
        "frase del registro larga",
        "primera frase raíz larga",
        "segunda frase raíz larga",
        "tercera frase raíz larga",
    ];
    const T: i64 = 1_767_225_600; // 2026-01-01

    fn init(dir: &Path) -> (RegistryDir, Created) {
        RegistryDir::init(
            dir,
            &Init {
                federation: "mx.conocer".into(),
                name: "CONOCER".into(),
                verify_url: Some("https://verifica.conocer.example.mx/v".into()),
                root_keys: 3,
                threshold: 2,
            },
            PASS[0],
            &PASS[1..],
            T,
        )
        .unwrap()
    }

    fn centre(id: &str, seed: u8) -> (KeySet, LocalSigner) {
        let signer = LocalSigner::new(sello_core::ed25519_dalek::SigningKey::from_bytes(
            &[seed; 32],
        ));
        let set = KeySet {
            issuer: IssuerInfo {
                id: id.into(),
                name: format!("Centro {seed}"),
                verify_url: None,
                time_zone: None,
            },
            keys: vec![PublicKey::new(signer.verifying_key())],
            attribute_labels: Default::default(),
        };
        (set, signer)
    }

    fn holder_key(created: &Created, i: usize) -> PathBuf {
        fs::read_dir(&created.holder_dirs[i])
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "p8"))
            .unwrap()
    }

    #[test]
    fn init_writes_a_self_signed_root_and_keys_apart() {
        let tmp = tempfile::tempdir().unwrap();
        let (dir, created) = init(tmp.path());
        let root = pinned_root(&fs::read(tmp.path().join("root.json")).unwrap()).unwrap();
        assert_eq!(root, created.root);
        assert_eq!(root.claims.version, 1);
        assert_eq!(root.claims.root_threshold, 2);
        assert_eq!(root.signatures.len(), 3);
        assert_eq!(root.claims.registry_keys[0].kid, dir.registry_kid());
        // Each root key in its own owner-only folder, with its public key beside it.
        for (i, holder) in created.holder_dirs.iter().enumerate() {
            let key = holder_key(&created, i);
            let kid = key.file_stem().unwrap().to_str().unwrap();
            assert_eq!(root.claims.root_keys[i].kid, kid);
            let public = read_public_key(&holder.join(format!("{kid}.pub.json"))).unwrap();
            assert_eq!(public, root.claims.root_keys[i]);
            // Each opens with its own passphrase only.
            assert!(read_private_key(&key, kid, PASS[i + 1]).is_ok());
            assert!(read_private_key(&key, kid, PASS[1 + (i + 1) % 3]).is_err());
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
                assert_eq!(mode(holder), 0o700);
                assert_eq!(mode(&key), 0o600);
            }
        }
        drop(dir);
        let opened = RegistryDir::open(tmp.path()).unwrap();
        assert_eq!(opened.root(), &root);
        assert_eq!(opened.seq(), 0);
        assert!(matches!(
            init_again(tmp.path()),
            Err(RegistryError::Exists(_))
        ));
    }

    fn init_again(dir: &Path) -> Result<(RegistryDir, Created), RegistryError> {
        RegistryDir::init(
            dir,
            &Init {
                federation: "mx.conocer".into(),
                name: "CONOCER".into(),
                verify_url: None,
                root_keys: 3,
                threshold: 2,
            },
            PASS[0],
            &PASS[1..],
            T,
        )
    }

    #[test]
    fn init_refuses_bad_requests_before_writing() {
        let tmp = tempfile::tempdir().unwrap();
        let base = Init {
            federation: "mx.conocer".into(),
            name: "CONOCER".into(),
            verify_url: None,
            root_keys: 3,
            threshold: 2,
        };
        let try_init = |init: &Init, roots: &[&str]| {
            RegistryDir::init(tmp.path(), init, PASS[0], roots, T).map(|_| ())
        };
        let threshold4 = Init {
            threshold: 4,
            ..base.clone()
        };
        assert!(matches!(
            try_init(&threshold4, &PASS[1..]),
            Err(RegistryError::Root(RootError::Threshold { .. }))
        ));
        assert!(matches!(
            try_init(&base, &PASS[1..3]),
            Err(RegistryError::RootPassphrases { keys: 3, given: 2 })
        ));
        assert!(matches!(
            try_init(&base, &["corta", PASS[2], PASS[3]]),
            Err(RegistryError::WeakPassphrase(_))
        ));
        let many = Init {
            root_keys: 17,
            ..base.clone()
        };
        assert!(matches!(
            try_init(&many, &[PASS[1]; 17]),
            Err(RegistryError::Root(RootError::KeyCount { count: 17, .. }))
        ));
        let bad_id = Init {
            federation: "mx conocer".into(),
            ..base
        };
        assert!(matches!(
            try_init(&bad_id, &PASS[1..]),
            Err(RegistryError::Root(RootError::Federation(_)))
        ));
        assert!(!tmp.path().join("registry.json").exists());
        assert!(!tmp.path().join("root-keys").exists());
    }

    #[test]
    fn accredit_suspend_and_publish() {
        let tmp = tempfile::tempdir().unwrap();
        let (mut dir, created) = init(tmp.path());
        let (a, a_signer) = centre("mx.cecati149", 1);
        let (b, _) = centre("mx.otro", 2);
        let r = dir
            .accredit(a.clone(), &["EC0105".into()], T, Some(T + 1000 * DAY))
            .unwrap();
        assert_eq!((r.updated, r.added.clone()), (false, vec!["EC0105".into()]));
        dir.accredit(b, &["EC0217.01".into()], T, None).unwrap();
        // A standard added later gets its own window; a standard already there keeps its own.
        let r = dir
            .accredit(a, &["EC0105".into(), "EC0301".into()], T + 30 * DAY, None)
            .unwrap();
        assert!(r.updated);
        assert_eq!(r.added, vec!["EC0301".to_owned()]);
        assert_eq!(r.kept, vec!["EC0105".to_owned()]);
        let entry = &dir.issuers()[0];
        assert_eq!(entry.accredited, Window { nbf: T, exp: None });
        assert!(entry.scope_at("EC0105", T).is_some());
        assert!(entry.scope_at("EC0301", T).is_none());
        assert!(entry.scope_at("EC0301", T + 30 * DAY).is_some());
        dir.suspend("mx.otro", T + 10 * DAY, "Auditoría de 2026")
            .unwrap();
        assert!(matches!(
            dir.suspend("mx.nadie", T, "x"),
            Err(RegistryError::UnknownIssuer(_))
        ));
        assert!(matches!(
            dir.suspend("mx.otro", T, ""),
            Err(RegistryError::Reason(_))
        ));
        // The record survives a reopen.
        let issuers = dir.issuers().to_vec();
        drop(dir);
        let mut dir = RegistryDir::open(tmp.path()).unwrap();
        assert_eq!(dir.issuers(), issuers);

        // A status list of the centre goes in verbatim; one of nobody is left out.
        let list = sello_core::status::StatusList::new(8).unwrap();
        let input = sello_core::status::signing_input(
            &a_signer.kid(),
            "mx.cecati149",
            T,
            T + 7 * DAY,
            &list,
        );
        let status = sello_core::token::assemble(&input, &a_signer.sign(input.as_bytes()).unwrap());
        let (stranger, s_signer) = centre("mx.nadie", 9);
        let input = sello_core::status::signing_input(
            &s_signer.kid(),
            &stranger.issuer.id,
            T,
            T + 7 * DAY,
            &list,
        );
        let other = sello_core::token::assemble(&input, &s_signer.sign(input.as_bytes()).unwrap());
        let lists = vec![
            (PathBuf::from("a.jwt"), status.clone()),
            (PathBuf::from("n.jwt"), other),
        ];
        let first = dir.publish(PASS[0], &lists, T + DAY, 7).unwrap();
        assert_eq!(first.seq, 1);
        assert_eq!(first.with_status, vec!["mx.cecati149".to_owned()]);
        assert_eq!(first.ignored, vec![PathBuf::from("n.jwt")]);
        assert_eq!(first.without_status, vec!["mx.otro".to_owned()]);
        assert!(first.expired_status.is_empty());
        let accepted =
            accept_bundle(&created.root, &first.text, T + DAY, Policy::default()).unwrap();
        assert_eq!(accepted.claims.issuers.len(), 2);
        assert_eq!(accepted.claims.fresh_until, T + 8 * DAY);
        assert_eq!(
            accepted
                .claims
                .issuer("mx.cecati149")
                .unwrap()
                .status
                .as_deref(),
            Some(status.as_str())
        );
        assert!(
            accepted
                .claims
                .issuer("mx.otro")
                .unwrap()
                .suspended
                .is_some()
        );
        // Each publication takes the next number, kept on disk before the bundle is out.
        let second = dir.publish(PASS[0], &[], T + 2 * DAY, 7).unwrap();
        assert_eq!(second.seq, 2);
        // A list past its exp still goes in, and is named.
        let late = dir.publish(PASS[0], &lists[..1], T + 7 * DAY, 7).unwrap();
        assert_eq!(late.expired_status, vec!["mx.cecati149".to_owned()]);
        assert_eq!(late.seq, 3);
        drop(dir);
        let mut dir = RegistryDir::open(tmp.path()).unwrap();
        assert_eq!(dir.seq(), 3);
        assert!(matches!(
            dir.publish("otra frase equivocada", &[], T, 7),
            Err(RegistryError::Key(KeyStoreError::Unlock(_)))
        ));
        assert!(matches!(
            dir.publish(PASS[0], &[], T, 0),
            Err(RegistryError::ValidDays)
        ));
        assert_eq!(dir.seq(), 3);
        // A forged status list of an accredited centre stops the publication.
        let forged = format!("{}A", &status[..status.len() - 1]);
        let forged = if forged == status {
            format!("{}B", &status[..status.len() - 1])
        } else {
            forged
        };
        assert!(matches!(
            dir.publish(PASS[0], &[(PathBuf::from("f.jwt"), forged)], T, 7),
            Err(RegistryError::Status { .. })
        ));
    }

    #[test]
    fn publishers_at_once_take_turns_and_never_share_a_number() {
        let tmp = tempfile::tempdir().unwrap();
        drop(init(tmp.path()));
        let seqs: Vec<u64> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..4)
                .map(|i| {
                    let path = tmp.path();
                    s.spawn(move || {
                        let mut dir = RegistryDir::open(path).unwrap();
                        dir.publish(PASS[0], &[], T + i, 7).unwrap().seq
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap()).collect()
        });
        let mut sorted = seqs.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, vec![1, 2, 3, 4], "{seqs:?}");
        assert_eq!(RegistryDir::open(tmp.path()).unwrap().seq(), 4);
    }

    #[test]
    fn accredit_refuses_what_a_bundle_cannot_carry() {
        let tmp = tempfile::tempdir().unwrap();
        let (mut dir, _) = init(tmp.path());
        let (a, _) = centre("mx.cecati149", 1);
        assert!(matches!(
            dir.accredit(a.clone(), &[], T, None),
            Err(RegistryError::NoStandards)
        ));
        assert!(matches!(
            dir.accredit(a.clone(), &[" ".into()], T, None),
            Err(RegistryError::Standard { .. })
        ));
        assert!(matches!(
            dir.accredit(a.clone(), &["EC0105".into()], T, Some(T)),
            Err(RegistryError::Window)
        ));
        assert!(dir.issuers().is_empty());
        let codes: Vec<String> = (0..=MAX_SCOPE).map(|i| format!("EC{i:04}")).collect();
        assert!(matches!(
            dir.accredit(a, &codes, T, None),
            Err(RegistryError::TooMany(MAX_SCOPE))
        ));
        assert!(matches!(
            RegistryDir::open(&tmp.path().join("root-keys")),
            Err(RegistryError::NotARegistry(_))
        ));
        let bad = tmp.path().join("bad.json");
        fs::write(&bad, "{}").unwrap();
        assert!(matches!(
            read_key_set(&bad),
            Err(RegistryError::KeySet { .. })
        ));
    }

    #[test]
    fn the_ceremony_needs_both_thresholds() {
        let tmp = tempfile::tempdir().unwrap();
        let (mut dir, created) = init(tmp.path());
        let v1 = created.root.clone();
        let new_holder = tmp.path().join("holder-4");
        let new_key = root_keygen(&new_holder, "cuarta frase raíz larga").unwrap();
        let old_kid = v1.claims.root_keys[0].kid.clone();
        let prepared = dir
            .prepare_rotation(
                &Rotation {
                    add_root_keys: vec![new_key.clone()],
                    remove_root_keys: vec![old_kid.clone()],
                    threshold: None,
                    registry_key: None,
                },
                T + DAY,
            )
            .unwrap();
        assert!(prepared.signatures.is_empty());
        assert_eq!(prepared.claims.version, 2);
        assert!(prepared.claims.root_keys.iter().all(|k| k.kid != old_kid));
        // Holder 2 alone: one of version 1's keys, one of version 2's. Not enough.
        let mut copy2 = prepared.clone();
        sign_root(&mut copy2, &holder_key(&created, 1), PASS[2], None).unwrap();
        assert!(matches!(
            dir.combine(std::slice::from_ref(&copy2)),
            Err(RegistryError::Rotation(FederationError::RootNotAuthorised(
                2
            )))
        ));
        assert_eq!(dir.root(), &v1);
        // Holder 1's key is only in version 1: it signs when the previous root is given.
        let mut copy1 = prepared.clone();
        assert!(matches!(
            sign_root(&mut copy1, &holder_key(&created, 0), PASS[1], None),
            Err(RegistryError::NotARootKey(_))
        ));
        sign_root(&mut copy1, &holder_key(&created, 0), PASS[1], Some(&v1)).unwrap();
        // Holders 1 and 2 authorise (version 1's threshold), but version 2 has only holder
        // 2's signature of its own keys.
        assert!(matches!(
            dir.combine(&[copy1.clone(), copy2.clone()]),
            Err(RegistryError::Rotation(FederationError::RootNotSelfSigned(
                2
            )))
        ));
        let mut copy4 = prepared.clone();
        sign_root(
            &mut copy4,
            &new_holder.join(format!("{}.p8", new_key.kid)),
            "cuarta frase raíz larga",
            None,
        )
        .unwrap();
        assert!(matches!(
            sign_root(&mut copy4, &holder_key(&created, 2), PASS[1], None),
            Err(RegistryError::Key(KeyStoreError::Unlock(_)))
        ));
        // A document cannot take more signature entries than a root document may have.
        let mut full = prepared.clone();
        full.signatures = vec![copy4.signatures[0].clone(); fed::MAX_ROOT_SIGNATURES];
        assert!(matches!(
            sign_root(&mut full, &holder_key(&created, 1), PASS[2], None),
            Err(RegistryError::Root(RootError::SignatureCount(17)))
        ));
        // A copy of another prepared document is refused.
        let other = dir
            .prepare_rotation(&Rotation::default(), T + 2 * DAY)
            .unwrap();
        assert!(matches!(
            dir.combine(&[copy1.clone(), other]),
            Err(RegistryError::DifferentDocuments)
        ));
        let v2 = dir.combine(&[copy1, copy2, copy4]).unwrap();
        assert_eq!(v2.signatures.len(), 3);
        sello_verifier::federation::check_next_root(&v1, &v2).unwrap();
        assert_eq!(read_root(&tmp.path().join("root.json")).unwrap(), v2);
        assert_eq!(dir.chain().unwrap(), vec![v1.clone(), v2.clone()]);
        // Bundles from now on are signed under version 2 and carry the chain: a verifier
        // pinned at version 1 walks to it.
        let (a, _) = centre("mx.cecati149", 1);
        dir.accredit(a, &["EC0105".into()], T, None).unwrap();
        let bundle = dir.publish(PASS[0], &[], T + 3 * DAY, 7).unwrap();
        let accepted = accept_bundle(&v1, &bundle.text, T + 3 * DAY, Policy::default()).unwrap();
        assert_eq!(accepted.root, v2);
        drop(dir);
        assert_eq!(RegistryDir::open(tmp.path()).unwrap().root(), &v2);
    }

    #[test]
    fn a_rotation_replaces_a_stolen_registry_key() {
        let tmp = tempfile::tempdir().unwrap();
        let (mut dir, created) = init(tmp.path());
        let v1 = created.root.clone();
        let (a, _) = centre("mx.cecati149", 1);
        dir.accredit(a, &["EC0105".into()], T, None).unwrap();
        let before = dir.publish(PASS[0], &[], T + DAY, 7).unwrap();
        let old_kid = dir.registry_kid().to_owned();
        let new_pass = "nueva frase del registro larga";
        let new_key = dir.new_registry_key(new_pass).unwrap();
        let prepared = dir
            .prepare_rotation(
                &Rotation {
                    registry_key: Some(new_key.clone()),
                    ..Rotation::default()
                },
                T + 2 * DAY,
            )
            .unwrap();
        assert_eq!(prepared.claims.registry_keys, vec![new_key.clone()]);
        // Nothing changes until the holders have signed: bundles are still the old key's.
        assert_eq!(dir.registry_kid(), old_kid);
        let copies: Vec<RootDocument> = [0, 1]
            .iter()
            .map(|&i| {
                let mut copy = prepared.clone();
                sign_root(&mut copy, &holder_key(&created, i), PASS[i + 1], None).unwrap();
                copy
            })
            .collect();
        dir.combine(&copies).unwrap();
        assert_eq!(dir.registry_kid(), new_key.kid);
        // The new key signs, under its own passphrase; the record remembers it.
        assert!(matches!(
            dir.publish(PASS[0], &[], T + 3 * DAY, 7),
            Err(RegistryError::Key(KeyStoreError::Unlock(_)))
        ));
        let after = dir.publish(new_pass, &[], T + 3 * DAY, 7).unwrap();
        let accepted = accept_bundle(&v1, &after.text, T + 3 * DAY, Policy::default()).unwrap();
        assert_eq!(accepted.kid, new_key.kid);
        drop(dir);
        assert_eq!(
            RegistryDir::open(tmp.path()).unwrap().registry_kid(),
            new_key.kid
        );
        // A bundle the old (stolen) key signs carries version 1 only: a verifier that has
        // seen version 2 refuses it as a root rollback; and a verifier holding version 2
        // never accepts the old key's signature on a version-2 bundle.
        let state = Ratchet::check(None, &accepted).unwrap();
        let old = accept_bundle(&v1, &before.text, T + 3 * DAY, Policy::default()).unwrap();
        assert!(matches!(
            Ratchet::check(Some(&state), &old),
            Err(FederationError::RootRollback { .. })
        ));
        // A prepared rotation that drops the key in use, prepared elsewhere (no private key
        // here), is refused at combine.
        let mut dir = RegistryDir::open(tmp.path()).unwrap();
        let foreign = PublicKey::new(
            sello_core::ed25519_dalek::SigningKey::from_bytes(&[77; 32]).verifying_key(),
        );
        let prepared = dir
            .prepare_rotation(
                &Rotation {
                    registry_key: Some(foreign),
                    ..Rotation::default()
                },
                T + 4 * DAY,
            )
            .unwrap();
        let v2_holders: Vec<RootDocument> = [0, 1]
            .iter()
            .map(|&i| {
                let mut copy = prepared.clone();
                sign_root(&mut copy, &holder_key(&created, i), PASS[i + 1], None).unwrap();
                copy
            })
            .collect();
        assert!(matches!(
            dir.combine(&v2_holders),
            Err(RegistryError::NoRegistryKeyFile)
        ));
        assert_eq!(dir.root().claims.version, 2);
    }
}
