//! An issuer folder: identity, the key set, and private keys encrypted at rest.
//!
//! ```text
//! ISSUER_DIR/
//!   issuer.json       the record: id, display name, verification URL, active key id, and the
//!                     keys of the key set (public keys with their windows and revocations)
//!   jwks.json         the public key set to hand to verifiers (FORMAT §5), derived from
//!                     issuer.json
//!   private/          mode 0700
//!     <kid>.p8        encrypted PKCS#8 (RFC 5958 v1), PBES2: scrypt N=2^14 r=8 p=1 and
//!                     AES-256-CBC; DER; mode 0600. `openssl pkcs8 -inform DER -in <kid>.p8` reads it.
//! ```
//!
//! **Key-set changes are atomic.** `issuer.json` is the one file of record: creating, rotating
//! and revoking replace it with one rename ([`crate::files::write_atomic`]), which is the moment
//! the change happens. `jwks.json` is written from it afterwards, and [`IssuerDir::open`]
//! rewrites it whenever it differs from the record, so a crash between the two files is
//! repaired the next time the folder is used, before anything is signed. A rotation writes the
//! new private key first (a crash then leaves an unused key file that nothing unlocks, since
//! only the record's active key is ever unlocked), and closes the window of every other key, so
//! that after it only the new key may sign.
//!
//! Folders written by earlier versions (an `issuer.json` without `keys`, with `jwks.json` as
//! the record of the keys) are migrated when opened; one whose rotation was interrupted between
//! its two renames (the new key published in `jwks.json`, `issuer.json` still naming the old
//! one) is completed: the new key becomes the active one.
//!
//! Private keys are decrypted only into a [`LocalSigner`], which zeroizes them on drop. No
//! error message of this module contains key material or the passphrase.

use crate::files::{PUBLIC, WriteStep, sync_parent, write_atomic_with};
use crate::i18n::{path_of, tr};
use crate::passphrase::{self, Weakness};
use crate::signer::{LocalSigner, Signer as _};
use ed25519_dalek::SigningKey;
use ed25519_dalek::pkcs8::{DecodePrivateKey, EncodePrivateKey};
use sello_core::i18n::io_error;
use sello_core::jwk::{IssuerInfo, KeySet, PublicKey, check_verify_url};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Largest metadata or key file read from an issuer folder.
const MAX_FILE_BYTES: u64 = 256 * 1024;

/// Why an issuer folder could not be created, read or unlocked.
#[derive(Debug, thiserror::Error)]
pub enum KeyStoreError {
    /// A file could not be read or written.
    #[error("{}", tr("keystore-io", &[("path", path_of(.path).into()), ("error", io_error(.source).into())]))]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The folder has no `issuer.json`: it is not an issuer folder (or does not exist).
    #[error("{}", tr("keystore-not-an-issuer", &[("path", path_of(.0).into())]))]
    NotAnIssuer(PathBuf),
    /// The folder already holds an issuer (creating one there is refused).
    #[error("{}", tr("keystore-exists", &[("path", path_of(.0).into())]))]
    Exists(PathBuf),
    /// A file is too large to be what it claims.
    #[error("{}", tr("keystore-too-large", &[("path", path_of(.0).into()), ("max", MAX_FILE_BYTES.into())]))]
    TooLarge(PathBuf),
    /// Metadata or key set that does not parse.
    #[error("{}", tr("keystore-invalid", &[("path", path_of(.path).into()), ("detail", .detail.as_str().into())]))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
    /// The passphrase is too weak to encrypt a new key ([`crate::passphrase`]).
    #[error("{}", tr("keystore-weak-passphrase", &[("why", .0.to_string().into())]))]
    WeakPassphrase(Weakness),
    /// The time zone is not one Sello knows (FORMAT §5.1).
    #[error(transparent)]
    TimeZone(#[from] sello_core::zone::ZoneProblem),
    /// Decryption failed: a wrong passphrase or a damaged key file.
    #[error("{}", tr("keystore-unlock", &[("path", path_of(.0).into())]))]
    Unlock(PathBuf),
    /// Randomness or encryption failed.
    #[error("{}", tr("keystore-crypto", &[("error", .0.as_str().into())]))]
    Crypto(String),
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> KeyStoreError + '_ {
    move |source| KeyStoreError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Reads a file of at most `MAX_FILE_BYTES`.
fn read_capped(path: &Path) -> Result<Vec<u8>, KeyStoreError> {
    let file = fs::File::open(path).map_err(io_err(path))?;
    sello_core::read_capped(file, MAX_FILE_BYTES as usize).map_err(|e| match e.kind() {
        std::io::ErrorKind::FileTooLarge => KeyStoreError::TooLarge(path.to_owned()),
        _ => io_err(path)(e),
    })
}

/// The points of a key-set change at which tests stop it, as a crash would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// A new private key file is written and flushed.
    KeyFile,
    /// A step of replacing `issuer.json`, the record.
    Record(WriteStep),
    /// A step of replacing `jwks.json`, derived from the record.
    KeySet(WriteStep),
}

/// Called at each [`Step`]; an error stops the change there.
type Hook<'a> = dyn FnMut(Step) -> std::io::Result<()> + 'a;

/// `issuer.json` as read: the members of every version (`keys` is absent in folders written
/// before it became the record of the keys).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordDoc {
    id: String,
    name: String,
    #[serde(default)]
    verify_url: Option<String>,
    #[serde(default)]
    time_zone: Option<String>,
    active_kid: String,
    #[serde(default)]
    keys: Option<Vec<serde_json::Map<String, serde_json::Value>>>,
    /// Labels of the attribute keys, published as the key set's `attribute_labels`.
    #[serde(default)]
    attribute_labels: Option<serde_json::Value>,
    /// Where the ledger is (a PostgreSQL URL without password, or a SQLite file relative to
    /// the folder); absent: `ledger.sqlite` in the folder. Never published.
    #[serde(default)]
    ledger: Option<String>,
    /// Keys of other stations of the same issuer, whose windows a rotation here leaves open.
    #[serde(default)]
    station_keys: Option<Vec<String>>,
}

/// `issuer.json` as written.
#[derive(Serialize)]
struct RecordOut<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    verify_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_zone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    attribute_labels: Option<&'a sello_core::jwk::AttributeLabels>,
    active_kid: &'a str,
    keys: serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    ledger: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    station_keys: &'a [String],
}

/// An issuer folder on disk.
#[derive(Debug, Clone)]
pub struct IssuerDir {
    path: PathBuf,
    active_kid: String,
    key_set: KeySet,
    ledger: Option<String>,
    station_keys: Vec<String>,
}

impl IssuerDir {
    /// Creates an issuer folder with a fresh Ed25519 key encrypted under `passphrase`.
    pub fn create(
        path: &Path,
        info: IssuerInfo,
        passphrase: &str,
    ) -> Result<IssuerDir, KeyStoreError> {
        let signer = LocalSigner::generate().map_err(|e| KeyStoreError::Crypto(e.0))?;
        IssuerDir::create_with_key(path, info, &signer, passphrase)
    }

    /// Creates an issuer folder around an existing key (for imports and reproducible tests).
    /// The key's window opens now (`nbf`): it cannot sign certificates dated earlier, so a
    /// stolen key cannot backdate them before the folder existed (FORMAT §12).
    pub fn create_with_key(
        path: &Path,
        mut info: IssuerInfo,
        signer: &LocalSigner,
        passphrase: &str,
    ) -> Result<IssuerDir, KeyStoreError> {
        passphrase::check(passphrase, &[&info.id, &info.name])
            .map_err(KeyStoreError::WeakPassphrase)?;
        let invalid = |detail: String| KeyStoreError::Invalid {
            path: path.to_owned(),
            detail,
        };
        sello_core::check_issuer_id(&info.id)
            .map_err(|e| invalid(format!("issuer id {}", e.problem)))?;
        sello_core::check_display_name(&info.name)
            .map_err(|e| invalid(format!("the display name {}", e.problem)))?;
        if let Some(url) = &info.verify_url {
            check_verify_url(url).map_err(|e| invalid(e.to_string()))?;
        }
        // The tz database's spelling, as verifiers will read it.
        info.time_zone = info
            .time_zone
            .as_deref()
            .map(sello_core::zone::check_time_zone)
            .transpose()?;
        if path.join("issuer.json").exists() {
            return Err(KeyStoreError::Exists(path.to_owned()));
        }
        let private = path.join("private");
        fs::create_dir_all(&private).map_err(io_err(&private))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&private, fs::Permissions::from_mode(0o700))
                .map_err(io_err(&private))?;
        }
        let kid = signer.kid();
        write_private_key(&private.join(format!("{kid}.p8")), signer, passphrase)?;
        let mut key = PublicKey::new(signer.verifying_key());
        key.nbf = Some(crate::now());
        let mut dir = IssuerDir {
            path: path.to_owned(),
            active_kid: kid.clone(),
            key_set: KeySet {
                issuer: info,
                keys: vec![key],
                attribute_labels: Default::default(),
            },
            ledger: None,
            station_keys: Vec::new(),
        };
        let key_set = dir.key_set.clone();
        dir.commit(key_set, kid, &mut |_| Ok(()))?;
        Ok(dir)
    }

    /// Opens an existing issuer folder (no passphrase needed: nothing secret is read). Rewrites
    /// `jwks.json` when it differs from the record, and migrates a folder of an earlier
    /// version (see the module documentation).
    pub fn open(path: &Path) -> Result<IssuerDir, KeyStoreError> {
        let record_path = path.join("issuer.json");
        let invalid = |path: &Path, detail: String| KeyStoreError::Invalid {
            path: path.to_owned(),
            detail,
        };
        let bytes = match read_capped(&record_path) {
            Err(KeyStoreError::Io { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                return Err(KeyStoreError::NotAnIssuer(path.to_owned()));
            }
            other => other?,
        };
        let doc: RecordDoc = sello_core::json::parse_strict_object(
            &bytes,
            MAX_FILE_BYTES as usize,
            sello_core::json::Arrays::Allowed,
        )
        .map_err(|e| invalid(&record_path, e.to_string()))?;
        let dir = match doc.keys {
            Some(keys) => {
                let mut set = serde_json::json!({
                    "issuer": doc.id,
                    "issuer_name": doc.name,
                    "keys": keys,
                });
                if let Some(url) = doc.verify_url {
                    set["verify_url"] = url.into();
                }
                if let Some(zone) = doc.time_zone {
                    set["time_zone"] = zone.into();
                }
                if let Some(labels) = doc.attribute_labels {
                    set["attribute_labels"] = labels;
                }
                let key_set = KeySet::from_json(set.to_string().as_bytes())
                    .map_err(|e| invalid(&record_path, e.to_string()))?;
                IssuerDir {
                    path: path.to_owned(),
                    active_kid: doc.active_kid,
                    key_set,
                    ledger: doc.ledger,
                    station_keys: doc.station_keys.unwrap_or_default(),
                }
            }
            None => return IssuerDir::migrate(path, doc),
        };
        if dir.key_set.key(&dir.active_kid).is_none() {
            return Err(invalid(
                &record_path,
                "the active key is not among the keys".into(),
            ));
        }
        dir.repair_key_set()?;
        Ok(dir)
    }

    /// Opens a folder of an earlier version, whose `jwks.json` was the record of the keys,
    /// and writes its record in the current form.
    fn migrate(path: &Path, doc: RecordDoc) -> Result<IssuerDir, KeyStoreError> {
        let jwks_path = path.join("jwks.json");
        let key_set =
            KeySet::from_json(&read_capped(&jwks_path)?).map_err(|e| KeyStoreError::Invalid {
                path: jwks_path.clone(),
                detail: e.to_string(),
            })?;
        let Some(active) = key_set.key(&doc.active_kid) else {
            return Err(KeyStoreError::Invalid {
                path: jwks_path,
                detail: tr("keystore-set-mismatch", &[]),
            });
        };
        if key_set.issuer.id != doc.id {
            return Err(KeyStoreError::Invalid {
                path: jwks_path,
                detail: tr("keystore-set-mismatch", &[]),
            });
        }
        // An earlier version's rotation, stopped between its two renames: `jwks.json` has the
        // new key, whose window opens where the active key's closes, with its private key
        // beside it; `issuer.json` still names the old key. Finish it.
        let mut active_kid = doc.active_kid.clone();
        if let Some(closed) = active.exp {
            let successors: Vec<&PublicKey> = key_set
                .keys
                .iter()
                .filter(|k| {
                    k.kid != doc.active_kid
                        && k.nbf == Some(closed)
                        && k.exp.is_none()
                        && k.revoked_at.is_none()
                        && path.join("private").join(format!("{}.p8", k.kid)).is_file()
                })
                .collect();
            if let [successor] = successors.as_slice() {
                active_kid = successor.kid.clone();
            }
        }
        let mut dir = IssuerDir {
            path: path.to_owned(),
            active_kid: active_kid.clone(),
            key_set: key_set.clone(),
            ledger: doc.ledger,
            station_keys: doc.station_keys.unwrap_or_default(),
        };
        dir.commit(key_set, active_kid, &mut |_| Ok(()))?;
        Ok(dir)
    }

    /// Rewrites `jwks.json` from the record when it differs (or is missing).
    fn repair_key_set(&self) -> Result<(), KeyStoreError> {
        let path = self.path.join("jwks.json");
        let derived = self.key_set.to_json();
        let current = fs::metadata(&path)
            .ok()
            .filter(|m| m.len() <= MAX_FILE_BYTES)
            .and_then(|_| fs::read(&path).ok());
        if current.as_deref() != Some(derived.as_bytes()) {
            write_atomic_with(&path, derived.as_bytes(), PUBLIC, &mut |_| Ok(()))
                .map_err(io_err(&path))?;
        }
        Ok(())
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The issuer's identity.
    pub fn info(&self) -> &IssuerInfo {
        &self.key_set.issuer
    }

    /// The published key set (`jwks.json`).
    pub fn key_set(&self) -> &KeySet {
        &self.key_set
    }

    /// The id of the key that signs new certificates.
    pub fn active_kid(&self) -> &str {
        &self.active_kid
    }

    /// Decrypts the active signing key.
    pub fn unlock(&self, passphrase: &str) -> Result<LocalSigner, KeyStoreError> {
        self.unlock_kid(&self.active_kid, passphrase)
    }

    /// An [`Issuer`](crate::Issuer) signing with the active key, which refuses to sign outside
    /// that key's window or after its revocation.
    pub fn issuer(&self, passphrase: &str) -> Result<crate::Issuer, KeyStoreError> {
        let signer = self.unlock(passphrase)?;
        let mut issuer = crate::Issuer::new(self.info().clone(), Box::new(signer));
        if let Some(key) = self.key_set.key(&self.active_kid) {
            issuer = issuer.with_key_window(key.clone());
        }
        Ok(issuer)
    }

    /// Rotates keys at time `at`: a new key, encrypted under `new_passphrase` (which must be
    /// strong enough: [`crate::passphrase`]), becomes the signing key from `at`; `passphrase`
    /// must unlock the current key. The window of every other key closes at `at` (at the
    /// latest), so only the new key may sign from then on; all stay published, so certificates
    /// signed before stay valid. Returns the new key's id.
    pub fn rotate(
        &mut self,
        passphrase: &str,
        new_passphrase: &str,
        at: i64,
    ) -> Result<String, KeyStoreError> {
        self.rotate_with(passphrase, new_passphrase, at, &mut |_| Ok(()))
    }

    pub(crate) fn rotate_with(
        &mut self,
        passphrase: &str,
        new_passphrase: &str,
        at: i64,
        hook: &mut Hook<'_>,
    ) -> Result<String, KeyStoreError> {
        self.unlock(passphrase)?;
        let info = self.info();
        passphrase::check(new_passphrase, &[&info.id, &info.name])
            .map_err(KeyStoreError::WeakPassphrase)?;
        let old = self.active_kid.clone();
        if let Some(nbf) = self
            .key_set
            .key(&old)
            .and_then(|k| k.nbf)
            .filter(|&nbf| at <= nbf)
        {
            return Err(KeyStoreError::Invalid {
                path: self.path.join("issuer.json"),
                detail: tr("keystore-rotate-same-second", &[("nbf", nbf.into())]),
            });
        }
        let signer = LocalSigner::generate().map_err(|e| KeyStoreError::Crypto(e.0))?;
        let kid = signer.kid();
        let key_path = self.path.join("private").join(format!("{kid}.p8"));
        write_private_key(&key_path, &signer, new_passphrase)?;
        hook(Step::KeyFile).map_err(io_err(&key_path))?;
        let mut keys = self.key_set.keys.clone();
        // Other stations' keys are theirs to rotate: their windows stay open.
        for k in keys
            .iter_mut()
            .filter(|k| !self.station_keys.contains(&k.kid))
        {
            k.exp = Some(k.exp.map_or(at, |e| e.min(at)));
        }
        let mut new = PublicKey::new(signer.verifying_key());
        new.nbf = Some(at);
        keys.push(new);
        let key_set = KeySet {
            issuer: self.key_set.issuer.clone(),
            keys,
            attribute_labels: self.key_set.attribute_labels.clone(),
        };
        self.commit(key_set, kid.clone(), hook)?;
        Ok(kid)
    }

    /// Marks key `kid` compromised from `at`: verifiers reject every token it signed with an
    /// `iat` at or after `at` (0 rejects all of them). The issuer stops signing with it.
    pub fn revoke_key(&mut self, kid: &str, at: i64) -> Result<(), KeyStoreError> {
        self.revoke_key_with(kid, at, &mut |_| Ok(()))
    }

    pub(crate) fn revoke_key_with(
        &mut self,
        kid: &str,
        at: i64,
        hook: &mut Hook<'_>,
    ) -> Result<(), KeyStoreError> {
        let mut keys = self.key_set.keys.clone();
        let key = keys
            .iter_mut()
            .find(|k| k.kid == kid)
            .ok_or_else(|| KeyStoreError::Invalid {
                path: self.path.join("issuer.json"),
                detail: tr("keystore-no-key", &[("kid", kid.into())]),
            })?;
        key.revoked_at = Some(key.revoked_at.map_or(at, |r| r.min(at)));
        let key_set = KeySet {
            issuer: self.key_set.issuer.clone(),
            keys,
            attribute_labels: self.key_set.attribute_labels.clone(),
        };
        let active = self.active_kid.clone();
        self.commit(key_set, active, hook)
    }

    /// Sets the issuer's time zone (an IANA name, FORMAT §5.1), in which the dates of its
    /// certificates are meant and shown (FORMAT §3.9); returns it as the tz database spells it.
    /// It changes how every certificate already issued is shown too: an `exp` that was the
    /// start of a day in the old zone is, in general, an hour of the day in the new one.
    pub fn set_time_zone(&mut self, name: &str) -> Result<String, KeyStoreError> {
        let name = sello_core::zone::check_time_zone(name)?;
        let mut key_set = self.key_set.clone();
        key_set.issuer.time_zone = Some(name.clone());
        let active = self.active_kid.clone();
        self.commit(key_set, active, &mut |_| Ok(()))?;
        Ok(name)
    }

    /// Sets the verification page the issuer's QR codes open (`verify_url`, FORMAT §5.1):
    /// checked by the key-set rule first. Certificates already printed keep the URL they
    /// carry; every URL leads to the same verdict, since the token is in the fragment.
    pub fn set_verify_url(&mut self, url: &str) -> Result<(), KeyStoreError> {
        check_verify_url(url).map_err(|e| KeyStoreError::Invalid {
            path: self.path.join("issuer.json"),
            detail: e.to_string(),
        })?;
        let mut key_set = self.key_set.clone();
        key_set.issuer.verify_url = Some(url.to_owned());
        let active = self.active_kid.clone();
        self.commit(key_set, active, &mut |_| Ok(()))
    }

    /// Where the ledger is, as recorded in `issuer.json` (`sello keys set-ledger`): a
    /// PostgreSQL URL without password, or a SQLite file (relative to the folder); `None`: the
    /// folder's `ledger.sqlite`.
    pub fn ledger(&self) -> Option<&str> {
        self.ledger.as_deref()
    }

    /// The ledger's address: [`IssuerDir::ledger`], a relative SQLite path made relative to
    /// the folder, or the folder's `ledger.sqlite`.
    pub fn ledger_address(&self) -> String {
        match self.ledger.as_deref() {
            Some(url) if crate::ledger::is_postgres_url(url) => url.to_owned(),
            Some(file) => self.path.join(file).display().to_string(),
            None => self.path.join("ledger.sqlite").display().to_string(),
        }
    }

    /// Records where the ledger is (`None`: the folder's `ledger.sqlite`). A PostgreSQL URL
    /// with a password in it is refused (`issuer.json` is not secret).
    pub fn set_ledger(&mut self, address: Option<&str>) -> Result<(), KeyStoreError> {
        if let Some(address) = address {
            crate::ledger::check_address(address).map_err(|e| KeyStoreError::Invalid {
                path: self.path.join("issuer.json"),
                detail: e.to_string(),
            })?;
        }
        self.ledger = address.map(str::to_owned);
        let (key_set, active) = (self.key_set.clone(), self.active_kid.clone());
        self.commit(key_set, active, &mut |_| Ok(()))
    }

    /// Keys of other stations of this issuer: a rotation here leaves their windows open.
    pub fn station_keys(&self) -> &[String] {
        &self.station_keys
    }

    /// Adds a station: a new key of this issuer, encrypted under `new_passphrase`, that may
    /// sign from `at` beside the keys already signing (no window is closed), in a new issuer
    /// folder at `station` whose active key it is. `passphrase` must unlock this folder's key.
    /// This folder's record (and `jwks.json`) gains the key first, so that whatever the new
    /// station signs is published; a rotation in either folder leaves the other's keys open,
    /// and revoking one station's key (`revoke_key`) leaves every other key as it was.
    /// Returns the new key's id.
    pub fn add_station(
        &mut self,
        passphrase: &str,
        new_passphrase: &str,
        at: i64,
        station: &Path,
    ) -> Result<String, KeyStoreError> {
        self.unlock(passphrase)?;
        let info = self.info().clone();
        passphrase::check(new_passphrase, &[&info.id, &info.name])
            .map_err(KeyStoreError::WeakPassphrase)?;
        if station.join("issuer.json").exists() {
            return Err(KeyStoreError::Exists(station.to_owned()));
        }
        let private = station.join("private");
        fs::create_dir_all(&private).map_err(io_err(&private))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&private, fs::Permissions::from_mode(0o700))
                .map_err(io_err(&private))?;
        }
        let signer = LocalSigner::generate().map_err(|e| KeyStoreError::Crypto(e.0))?;
        let kid = signer.kid();
        write_private_key(&private.join(format!("{kid}.p8")), &signer, new_passphrase)?;
        let mut key = PublicKey::new(signer.verifying_key());
        key.nbf = Some(at);
        let mut key_set = self.key_set.clone();
        key_set.keys.push(key);
        // Published here first: the station's certificates verify against this key set.
        self.station_keys.push(kid.clone());
        let active = self.active_kid.clone();
        if let Err(e) = self.commit(key_set.clone(), active.clone(), &mut |_| Ok(())) {
            self.station_keys.pop();
            return Err(e);
        }
        let mut others: Vec<String> = self
            .station_keys
            .iter()
            .filter(|k| **k != kid)
            .cloned()
            .collect();
        others.push(active);
        let mut dir = IssuerDir {
            path: station.to_owned(),
            active_kid: kid.clone(),
            key_set: key_set.clone(),
            ledger: self
                .ledger
                .clone()
                .filter(|l| crate::ledger::is_postgres_url(l)),
            station_keys: others,
        };
        dir.commit(key_set, kid.clone(), &mut |_| Ok(()))?;
        Ok(kid)
    }

    /// Makes a key-set change: checks the key set as a verifier would, replaces the record
    /// (`issuer.json`, one rename: the change is made), then `jwks.json` from it.
    fn commit(
        &mut self,
        key_set: KeySet,
        active_kid: String,
        hook: &mut Hook<'_>,
    ) -> Result<(), KeyStoreError> {
        let record_path = self.path.join("issuer.json");
        let jwks_path = self.path.join("jwks.json");
        // Round-trip through the parser: never record a key set verifiers would refuse.
        let json = key_set.to_json();
        KeySet::from_json(json.as_bytes()).map_err(|e| KeyStoreError::Invalid {
            path: record_path.clone(),
            detail: e.to_string(),
        })?;
        if key_set.key(&active_kid).is_none() {
            return Err(KeyStoreError::Invalid {
                path: record_path,
                detail: "the active key is not among the keys".into(),
            });
        }
        let keys = serde_json::from_str::<serde_json::Value>(&json)
            .map(|mut set| set["keys"].take())
            .map_err(|e| KeyStoreError::Crypto(e.to_string()))?;
        let record = RecordOut {
            id: &key_set.issuer.id,
            name: &key_set.issuer.name,
            verify_url: key_set.issuer.verify_url.as_deref(),
            time_zone: key_set.issuer.time_zone.as_deref(),
            attribute_labels: Some(&key_set.attribute_labels).filter(|l| !l.is_empty()),
            active_kid: &active_kid,
            keys,
            ledger: self.ledger.as_deref(),
            station_keys: &self.station_keys,
        };
        let mut text = serde_json::to_string_pretty(&record).expect("the record serialises");
        text.push('\n');
        write_atomic_with(&record_path, text.as_bytes(), PUBLIC, &mut |s| {
            hook(Step::Record(s))
        })
        .map_err(io_err(&record_path))?;
        self.key_set = key_set;
        self.active_kid = active_kid;
        write_atomic_with(&jwks_path, json.as_bytes(), PUBLIC, &mut |s| {
            hook(Step::KeySet(s))
        })
        .map_err(io_err(&jwks_path))
    }

    fn unlock_kid(&self, kid: &str, passphrase: &str) -> Result<LocalSigner, KeyStoreError> {
        let path = self.path.join("private").join(format!("{kid}.p8"));
        read_private_key(&path, kid, passphrase)
    }
}

/// Decrypts the key file `path` (written by [`write_private_key`]), which must hold the key
/// `kid`.
pub(crate) fn read_private_key(
    path: &Path,
    kid: &str,
    passphrase: &str,
) -> Result<LocalSigner, KeyStoreError> {
    let der = zeroize::Zeroizing::new(read_capped(path)?);
    let key = SigningKey::from_pkcs8_encrypted_der(&der, passphrase.as_bytes())
        .map_err(|_| KeyStoreError::Unlock(path.to_owned()))?;
    let signer = LocalSigner::new(key);
    if signer.kid() != kid {
        return Err(KeyStoreError::Invalid {
            path: path.to_owned(),
            detail: "the key file does not hold the key its name says".into(),
        });
    }
    Ok(signer)
}

/// Writes `signer`'s key to the new file `path`, encrypted under `passphrase` (PKCS#8 PBES2,
/// owner-only, flushed with its folder entry).
pub(crate) fn write_private_key(
    path: &Path,
    signer: &LocalSigner,
    passphrase: &str,
) -> Result<(), KeyStoreError> {
    // Version 1 (no embedded public key): the form every PKCS#8 reader, OpenSSL included,
    // accepts. The public key is re-derived and checked against the file name on unlock.
    let crypto = |e: pkcs8::Error| KeyStoreError::Crypto(e.to_string());
    let keypair = ed25519_dalek::pkcs8::KeypairBytes {
        secret_key: signer.signing_key().to_bytes(),
        public_key: None,
    };
    let doc = keypair
        .to_pkcs8_encrypted_der(passphrase.as_bytes())
        .map_err(crypto)?;
    drop(keypair);
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, crate::files::PRIVATE);
    let mut file = options.open(path).map_err(io_err(path))?;
    file.write_all(doc.as_bytes()).map_err(io_err(path))?;
    file.sync_all().map_err(io_err(path))?;
    // The key file's name must be on disk before the record names it.
    sync_parent(path).map_err(io_err(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::WriteStep;

    const PASS: &str = "frase de prueba larga";

    fn info() -> IssuerInfo {
        IssuerInfo {
            id: "mx.prueba".into(),
            name: "Centro de prueba".into(),
            verify_url: Some("https://verifica.example.mx/v".into()),
            time_zone: None,
        }
    }

    #[test]
    fn create_open_unlock() {
        let dir = tempfile::tempdir().unwrap();
        let created = IssuerDir::create(dir.path(), info(), PASS).unwrap();
        let opened = IssuerDir::open(dir.path()).unwrap();
        assert_eq!(opened.key_set(), created.key_set());
        assert_eq!(
            fs::read_to_string(dir.path().join("jwks.json")).unwrap(),
            created.key_set().to_json()
        );
        let signer = opened.unlock(PASS).unwrap();
        assert_eq!(signer.kid(), opened.active_kid());
        let err = opened.unlock("frase de prueba equivocada").unwrap_err();
        assert!(matches!(err, KeyStoreError::Unlock(_)));
        assert!(!err.to_string().contains("equivocada"));
        assert!(matches!(
            IssuerDir::create(dir.path(), info(), PASS),
            Err(KeyStoreError::Exists(_))
        ));
    }

    #[test]
    fn the_first_key_cannot_sign_before_the_folder_was_created() {
        let dir = tempfile::tempdir().unwrap();
        let before = crate::now();
        let signer = LocalSigner::new(SigningKey::from_bytes(&[9; 32]));
        let created = IssuerDir::create_with_key(dir.path(), info(), &signer, PASS).unwrap();
        let nbf = created.key_set().keys[0]
            .nbf
            .expect("the first key has a window");
        assert!(nbf >= before && nbf <= crate::now());
        let issuer = created.issuer(PASS).unwrap();
        let mut req = crate::IssueRequest::new(crate::issue::tests::cert());
        // A stolen key cannot backdate a certificate to 1970, or to before the folder.
        for backdated in [0, nbf - 1] {
            req.issued_at = Some(backdated);
            assert!(matches!(
                issuer.issue(&req),
                Err(crate::IssueError::KeyNotValid(_))
            ));
        }
        req.issued_at = None;
        issuer.issue(&req).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn private_key_is_owner_only_and_encrypted() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let signer = LocalSigner::new(SigningKey::from_bytes(&[9; 32]));
        let issuer = IssuerDir::create_with_key(dir.path(), info(), &signer, PASS).unwrap();
        let key_path = dir
            .path()
            .join("private")
            .join(format!("{}.p8", issuer.active_kid()));
        let mode = fs::metadata(&key_path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let dir_mode = fs::metadata(dir.path().join("private"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(dir_mode & 0o777, 0o700);
        let bytes = fs::read(&key_path).unwrap();
        assert!(
            !bytes.windows(32).any(|w| w == [9; 32]),
            "the seed must not be stored in clear"
        );
        // Not a plain PKCS#8: reading it unencrypted fails.
        assert!(SigningKey::from_pkcs8_der(&bytes).is_err());
    }

    #[test]
    fn rotate_and_revoke_keys() {
        let dir = tempfile::tempdir().unwrap();
        let mut issuer = IssuerDir::create(dir.path(), info(), PASS).unwrap();
        let at = crate::now() + 1000;
        let old = issuer.active_kid().to_owned();
        assert!(
            issuer
                .rotate("frase de prueba equivocada", PASS, at)
                .is_err()
        );
        assert!(matches!(
            issuer.rotate(PASS, "12345678", at),
            Err(KeyStoreError::WeakPassphrase(_))
        ));
        let nbf = issuer.key_set().key(&old).unwrap().nbf.unwrap();
        // A window of no time: refused, saying when the current key came into force.
        match issuer.rotate(PASS, PASS, nbf) {
            Err(KeyStoreError::Invalid { detail, .. }) => {
                assert!(detail.contains(&nbf.to_string()), "{detail}")
            }
            other => panic!("{other:?}"),
        }
        let new = issuer.rotate(PASS, PASS, at).unwrap();
        assert_ne!(old, new);
        let reopened = IssuerDir::open(dir.path()).unwrap();
        assert_eq!(reopened.active_kid(), new);
        let set = reopened.key_set();
        assert_eq!(set.key(&old).unwrap().exp, Some(at));
        assert_eq!(set.key(&new).unwrap().nbf, Some(at));
        assert_eq!(reopened.unlock(PASS).unwrap().kid(), new);
        // Compromise of the old key from `nbf + 1`.
        let mut reopened = reopened;
        reopened.revoke_key(&old, nbf + 1).unwrap();
        assert_eq!(
            IssuerDir::open(dir.path())
                .unwrap()
                .key_set()
                .key(&old)
                .unwrap()
                .revoked_at,
            Some(nbf + 1)
        );
        assert!(reopened.revoke_key("nope", 1).is_err());
        // The issuer refuses to sign with a key outside its window.
        let signer_issuer = reopened.issuer(PASS).unwrap();
        let mut req = crate::IssueRequest::new(crate::issue::tests::cert());
        req.issued_at = Some(at - 1);
        assert!(matches!(
            signer_issuer.issue(&req),
            Err(crate::IssueError::KeyNotValid(_))
        ));
        req.issued_at = Some(at);
        signer_issuer.issue(&req).unwrap();
        // A new passphrase for the new key: the next rotation needs it.
        let newer = reopened
            .rotate(PASS, "otra frase distinta y larga", at + 10)
            .unwrap();
        assert_eq!(
            IssuerDir::open(dir.path())
                .unwrap()
                .unlock("otra frase distinta y larga")
                .unwrap()
                .kid(),
            newer
        );
        assert!(reopened.unlock(PASS).is_err());
    }

    #[test]
    fn station_keys_sign_side_by_side_and_a_lost_one_is_revoked_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let head_path = tmp.path().join("sede");
        let station_path = tmp.path().join("estacion2");
        let mut head = IssuerDir::create(&head_path, info(), PASS).unwrap();
        #[cfg(feature = "postgres")]
        head.set_ledger(Some("postgres://estacion@db.example/sello"))
            .unwrap();
        let first = head.active_kid().to_owned();
        let now = crate::now();
        assert!(matches!(
            head.add_station("frase de prueba equivocada", PASS, now, &station_path),
            Err(KeyStoreError::Unlock(_))
        ));
        let second = head.add_station(PASS, PASS, now, &station_path).unwrap();
        assert!(matches!(
            head.add_station(PASS, PASS, now, &station_path),
            Err(KeyStoreError::Exists(_))
        ));
        let head = IssuerDir::open(&head_path).unwrap();
        let station = IssuerDir::open(&station_path).unwrap();
        assert_eq!(head.key_set(), station.key_set(), "one key set, both keys");
        assert_eq!(
            (head.active_kid(), station.active_kid()),
            (first.as_str(), second.as_str())
        );
        assert_eq!(station.ledger(), head.ledger());
        assert!(
            !head_path
                .join("private")
                .join(format!("{second}.p8"))
                .exists()
        );
        assert!(
            !station_path
                .join("private")
                .join(format!("{first}.p8"))
                .exists()
        );
        // Both sign now, each with its own key, and verify against the published set.
        for dir in [&head, &station] {
            let issued = dir
                .issuer(PASS)
                .unwrap()
                .issue(&crate::IssueRequest::new(crate::issue::tests::cert()))
                .unwrap();
            let parsed = sello_core::token::decode(&issued.token).unwrap();
            assert_eq!(parsed.header.kid, dir.active_kid());
        }
        // A rotation at the head office closes its own key's window, not the station's.
        let mut head = head;
        let third = head.rotate(PASS, PASS, now + 10).unwrap();
        let set = IssuerDir::open(&head_path).unwrap().key_set().clone();
        assert_eq!(set.key(&first).unwrap().exp, Some(now + 10));
        assert_eq!(
            set.key(&second).unwrap().exp,
            None,
            "the station still signs"
        );
        assert_eq!(set.key(&third).unwrap().exp, None);
        // The station's key is lost: revoked alone; the other keys keep their windows.
        head.revoke_key(&second, now + 20).unwrap();
        let set = IssuerDir::open(&head_path).unwrap().key_set().clone();
        assert_eq!(set.key(&second).unwrap().revoked_at, Some(now + 20));
        assert_eq!(set.key(&third).unwrap().revoked_at, None);
        assert_eq!(set.key(&third).unwrap().exp, None);
        let mut req = crate::IssueRequest::new(crate::issue::tests::cert());
        req.issued_at = Some(now + 30);
        head.issuer(PASS).unwrap().issue(&req).unwrap();
        // A rotation at the station closes only the station's key.
        let mut station = IssuerDir::open(&station_path).unwrap();
        station.rotate(PASS, PASS, now + 10).unwrap();
        let set = IssuerDir::open(&station_path).unwrap().key_set().clone();
        assert_eq!(set.key(&second).unwrap().exp, Some(now + 10));
        assert_eq!(set.key(&first).unwrap().exp, None);
        // A password in the ledger URL is refused: issuer.json is not secret.
        #[cfg(feature = "postgres")]
        assert!(
            head.set_ledger(Some("postgres://u:secreto@db/sello"))
                .is_err()
        );
        assert!(
            !fs::read_to_string(head_path.join("issuer.json"))
                .unwrap()
                .contains("secreto")
        );
    }

    #[test]
    fn refuses_weak_passphrase_and_bad_identity() {
        let dir = tempfile::tempdir().unwrap();
        for weak in ["short", "        ", "12345678", "password1"] {
            assert!(
                matches!(
                    IssuerDir::create(dir.path(), info(), weak),
                    Err(KeyStoreError::WeakPassphrase(_))
                ),
                "{weak:?}"
            );
        }
        // The issuer's own name is not a passphrase.
        assert!(matches!(
            IssuerDir::create(dir.path(), info(), "Centro de prueba"),
            Err(KeyStoreError::WeakPassphrase(_))
        ));
        assert!(!dir.path().join("private").exists(), "nothing written");
        let mut bad = info();
        bad.verify_url = Some("http://evil.example/v".into());
        assert!(IssuerDir::create(dir.path(), bad, PASS).is_err());
        let mut bell = info();
        bell.name = "A\u{7}B".into();
        assert!(IssuerDir::create(dir.path(), bell, PASS).is_err());
    }

    /// What must hold after any crash, once the folder is opened again: `jwks.json` is the
    /// record's key set; the active key is published, unlocks, and signs at `t`; no other
    /// published key may sign at `t`; and no key file that is not published is ever used.
    fn assert_sound(path: &Path, t: i64) -> IssuerDir {
        let dir = IssuerDir::open(path).unwrap();
        let on_disk = fs::read_to_string(path.join("jwks.json")).unwrap();
        assert_eq!(
            on_disk,
            dir.key_set().to_json(),
            "jwks.json is not the record"
        );
        let published = KeySet::from_json(on_disk.as_bytes()).unwrap();
        let active = dir.active_kid();
        for k in &published.keys {
            if k.kid != active {
                assert!(
                    !k.may_sign_at(t) || k.revoked_for(t),
                    "key {} is published and may sign at {t}",
                    k.kid
                );
            }
        }
        let issuer = dir.issuer(PASS).unwrap();
        assert_eq!(issuer.kid(), active);
        let mut req = crate::IssueRequest::new(crate::issue::tests::cert());
        req.issued_at = Some(t);
        let issued = issuer.issue(&req).unwrap();
        let parsed = sello_core::token::decode(&issued.token).unwrap();
        published
            .key(active)
            .expect("the signing key is published")
            .key
            .verify_strict(parsed.signing_input.as_bytes(), &parsed.signature)
            .unwrap();
        dir
    }

    /// Runs `change` with a hook that stops it at its `k`-th step, by an error or a panic.
    fn crash_at<T>(
        k: usize,
        panic: bool,
        change: impl FnOnce(&mut Hook<'_>) -> Result<T, KeyStoreError>,
    ) -> Vec<Step> {
        let mut steps = Vec::new();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            change(&mut |step| {
                steps.push(step);
                if steps.len() == k + 1 {
                    if panic {
                        panic!("crash at {step:?}");
                    }
                    return Err(std::io::Error::other("crash"));
                }
                Ok(())
            })
        }));
        if steps.len() > k {
            assert!(result.is_err() || result.as_ref().is_ok_and(|r| r.is_err()));
        }
        steps
    }

    #[test]
    fn a_crash_at_any_step_of_rotate_or_revoke_leaves_a_sound_folder() {
        let all_rotate = [
            Step::KeyFile,
            Step::Record(WriteStep::TempWritten),
            Step::Record(WriteStep::Renamed),
            Step::KeySet(WriteStep::TempWritten),
            Step::KeySet(WriteStep::Renamed),
        ];
        let all_revoke = &all_rotate[1..];
        for panic in [false, true] {
            for k in 0..=all_rotate.len() {
                let tmp = tempfile::tempdir().unwrap();
                let path = tmp.path();
                let created = IssuerDir::create(path, info(), PASS).unwrap();
                let first = created.active_kid().to_owned();
                let at = crate::now() + 100;
                let steps = crash_at(k, panic, |hook| {
                    IssuerDir::open(path)
                        .unwrap()
                        .rotate_with(PASS, PASS, at, hook)
                });
                assert_eq!(steps, all_rotate[..steps.len()], "k = {k}");
                let mut dir = assert_sound(path, at + 1);
                // Rotating again after the crash leaves one key that may sign.
                let second = dir.rotate(PASS, PASS, at + 10).unwrap();
                let dir = assert_sound(path, at + 11);
                assert_eq!(dir.active_kid(), second);

                // Revoking the first key, crashing at each step: all of it or none.
                let mut applied = false;
                for j in 0..=all_revoke.len() {
                    let steps = crash_at(j, panic, |hook| {
                        IssuerDir::open(path)
                            .unwrap()
                            .revoke_key_with(&first, 5 + j as i64, hook)
                    });
                    assert_eq!(steps, all_revoke[..steps.len()]);
                    let dir = assert_sound(path, at + 11);
                    applied |= steps.contains(&Step::Record(WriteStep::Renamed));
                    let revoked = dir.key_set().key(&first).unwrap().revoked_at;
                    assert_eq!(revoked.is_some(), applied, "j = {j}");
                }
            }
        }
    }

    #[test]
    fn a_changed_or_missing_jwks_json_is_rewritten_from_the_record() {
        let tmp = tempfile::tempdir().unwrap();
        let created = IssuerDir::create(tmp.path(), info(), PASS).unwrap();
        let jwks = tmp.path().join("jwks.json");
        let mut other = created.key_set().clone();
        other.keys.push(PublicKey::new(
            SigningKey::from_bytes(&[3; 32]).verifying_key(),
        ));
        fs::write(&jwks, other.to_json()).unwrap();
        IssuerDir::open(tmp.path()).unwrap();
        assert_eq!(
            fs::read_to_string(&jwks).unwrap(),
            created.key_set().to_json()
        );
        fs::remove_file(&jwks).unwrap();
        IssuerDir::open(tmp.path()).unwrap();
        assert_eq!(
            fs::read_to_string(&jwks).unwrap(),
            created.key_set().to_json()
        );
    }

    /// `issuer.json` as versions before it held the keys wrote it.
    fn write_legacy_record(path: &Path, active_kid: &str) {
        let i = info();
        let legacy = serde_json::json!({
            "id": i.id,
            "name": i.name,
            "verify_url": i.verify_url,
            "active_kid": active_kid,
        });
        fs::write(
            path.join("issuer.json"),
            serde_json::to_string_pretty(&legacy).unwrap() + "\n",
        )
        .unwrap();
    }

    #[test]
    fn a_folder_of_an_earlier_version_is_migrated_on_open() {
        let tmp = tempfile::tempdir().unwrap();
        let created = IssuerDir::create(tmp.path(), info(), PASS).unwrap();
        write_legacy_record(tmp.path(), created.active_kid());
        let jwks_before = fs::read(tmp.path().join("jwks.json")).unwrap();
        let opened = IssuerDir::open(tmp.path()).unwrap();
        assert_eq!(opened.key_set(), created.key_set());
        assert_eq!(opened.active_kid(), created.active_kid());
        assert_eq!(fs::read(tmp.path().join("jwks.json")).unwrap(), jwks_before);
        let record: serde_json::Value =
            serde_json::from_slice(&fs::read(tmp.path().join("issuer.json")).unwrap()).unwrap();
        assert_eq!(record["keys"].as_array().unwrap().len(), 1);
        assert_sound(tmp.path(), crate::now());
    }

    #[test]
    fn a_rotation_an_earlier_version_left_half_done_is_completed() {
        // What an earlier `keys rotate` left when it stopped between renaming jwks.json and
        // renaming issuer.json: issuing was blocked (the active key's window had closed), and
        // rotating again left the half-rotated key published and valid.
        let tmp = tempfile::tempdir().unwrap();
        let created = IssuerDir::create(tmp.path(), info(), PASS).unwrap();
        let old = created.active_kid().to_owned();
        let at = crate::now() + 100;
        let successor = LocalSigner::generate().unwrap();
        write_private_key(
            &tmp.path()
                .join("private")
                .join(format!("{}.p8", successor.kid())),
            &successor,
            PASS,
        )
        .unwrap();
        let mut set = created.key_set().clone();
        set.keys[0].exp = Some(at);
        let mut new = PublicKey::new(successor.verifying_key());
        new.nbf = Some(at);
        set.keys.push(new);
        fs::write(tmp.path().join("jwks.json"), set.to_json()).unwrap();
        write_legacy_record(tmp.path(), &old);
        let dir = assert_sound(tmp.path(), at + 1);
        assert_eq!(dir.active_kid(), successor.kid());
        let mut dir = dir;
        dir.rotate(PASS, PASS, at + 10).unwrap();
        assert_sound(tmp.path(), at + 11);
    }

    #[test]
    fn attribute_labels_written_in_issuer_json_are_published_and_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let created = IssuerDir::create(tmp.path(), info(), PASS).unwrap();
        assert!(created.key_set().attribute_labels.is_empty());
        assert!(
            !fs::read_to_string(tmp.path().join("jwks.json"))
                .unwrap()
                .contains("attribute_labels")
        );
        // The issuer adds labels to its record by hand; opening the folder publishes them.
        let record_path = tmp.path().join("issuer.json");
        let mut record: serde_json::Value =
            serde_json::from_slice(&fs::read(&record_path).unwrap()).unwrap();
        record["attribute_labels"] =
            serde_json::json!({"dep": {"es": "Departamento", "en": "Department"}});
        fs::write(&record_path, serde_json::to_vec_pretty(&record).unwrap()).unwrap();
        let mut opened = IssuerDir::open(tmp.path()).unwrap();
        assert_eq!(
            opened
                .key_set()
                .attribute_label("dep", sello_core::Lang::En),
            Some("Department")
        );
        let published =
            KeySet::from_json(&fs::read(tmp.path().join("jwks.json")).unwrap()).unwrap();
        assert_eq!(&published, opened.key_set());
        // Key changes keep them, in the record and in the key set.
        let kid = opened.active_kid().to_owned();
        opened.revoke_key(&kid, 4_000_000_000).unwrap();
        let reopened = IssuerDir::open(tmp.path()).unwrap();
        assert_eq!(
            reopened
                .key_set()
                .attribute_label("dep", sello_core::Lang::Es),
            Some("Departamento")
        );
        assert!(
            fs::read_to_string(&record_path)
                .unwrap()
                .contains("\"attribute_labels\"")
        );
        // A label that breaks the rule refuses the folder, naming the file.
        record["attribute_labels"] = serde_json::json!({"dep": {"es": "Depa\u{202e}rtamento"}});
        fs::write(&record_path, serde_json::to_vec_pretty(&record).unwrap()).unwrap();
        let err = IssuerDir::open(tmp.path()).unwrap_err();
        assert!(matches!(err, KeyStoreError::Invalid { .. }), "{err}");
        assert!(!err.to_string().contains('\u{202e}'), "{err}");
    }
}
