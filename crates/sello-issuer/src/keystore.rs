//! An issuer folder: identity, the published key set, and private keys encrypted at rest.
//!
//! ```text
//! ISSUER_DIR/
//!   issuer.json       id, display name, verification URL, active key id
//!   jwks.json         the public key set to hand to verifiers (DESIGN §2)
//!   private/          mode 0700
//!     <kid>.p8        encrypted PKCS#8 (RFC 5958 v1), PBES2: scrypt N=2^14 r=8 p=1 and
//!                     AES-256-CBC; DER; mode 0600. `openssl pkcs8 -inform DER -in <kid>.p8` reads it.
//! ```
//!
//! Private keys are decrypted only into a [`LocalSigner`], which zeroizes them on drop. No
//! error message of this module contains key material or the passphrase.

use crate::signer::{LocalSigner, Signer as _};
use ed25519_dalek::SigningKey;
use ed25519_dalek::pkcs8::{DecodePrivateKey, EncodePrivateKey};
use sello_core::jwk::{IssuerInfo, KeySet, PublicKey, check_verify_url};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Shortest passphrase accepted for a new key.
pub const MIN_PASSPHRASE_LEN: usize = 8;
/// Largest metadata or key file read from an issuer folder.
const MAX_FILE_BYTES: u64 = 256 * 1024;

/// Why an issuer folder could not be created, read or unlocked.
#[derive(Debug, thiserror::Error)]
pub enum KeyStoreError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The folder already holds an issuer.
    #[error("{0} already holds an issuer; refusing to overwrite it")]
    Exists(PathBuf),
    /// A file is too large to be what it claims.
    #[error("{0} is larger than {MAX_FILE_BYTES} bytes")]
    TooLarge(PathBuf),
    /// Metadata or key set that does not parse.
    #[error("{path}: {detail}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
    /// The passphrase is too short for a new key.
    #[error("the passphrase must have at least {MIN_PASSPHRASE_LEN} characters")]
    WeakPassphrase,
    /// Decryption failed: a wrong passphrase or a damaged key file.
    #[error("{0}: wrong passphrase or damaged key file")]
    Unlock(PathBuf),
    /// Randomness or encryption failed.
    #[error("could not protect the private key: {0}")]
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
    let meta = fs::metadata(path).map_err(io_err(path))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(KeyStoreError::TooLarge(path.to_owned()));
    }
    fs::read(path).map_err(io_err(path))
}

/// Writes a file atomically with the given Unix mode ([`crate::files::write_atomic`]).
fn write_atomic(path: &Path, bytes: &[u8], mode: u32) -> Result<(), KeyStoreError> {
    crate::files::write_atomic(path, bytes, mode).map_err(io_err(path))
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct IssuerMeta {
    id: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    verify_url: Option<String>,
    active_kid: String,
}

/// An issuer folder on disk.
#[derive(Debug, Clone)]
pub struct IssuerDir {
    path: PathBuf,
    meta: IssuerMeta,
    key_set: KeySet,
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
    pub fn create_with_key(
        path: &Path,
        info: IssuerInfo,
        signer: &LocalSigner,
        passphrase: &str,
    ) -> Result<IssuerDir, KeyStoreError> {
        if passphrase.chars().count() < MIN_PASSPHRASE_LEN {
            return Err(KeyStoreError::WeakPassphrase);
        }
        let invalid = |detail: String| KeyStoreError::Invalid {
            path: path.to_owned(),
            detail,
        };
        sello_core::certificate::check_issuer_id(&info.id)
            .map_err(|e| invalid(format!("issuer id {}", e.problem)))?;
        sello_core::certificate::check_display_name(&info.name)
            .map_err(|e| invalid(format!("the display name {}", e.problem)))?;
        if let Some(url) = &info.verify_url {
            check_verify_url(url).map_err(invalid)?;
        }
        let meta_path = path.join("issuer.json");
        if meta_path.exists() {
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
        let key_set = KeySet {
            issuer: info.clone(),
            keys: vec![PublicKey::new(signer.verifying_key())],
        };
        let jwks_path = path.join("jwks.json");
        write_atomic(&jwks_path, key_set.to_json().as_bytes(), 0o644)?;
        let meta = IssuerMeta {
            id: info.id,
            name: info.name,
            verify_url: info.verify_url,
            active_kid: kid,
        };
        let mut json = serde_json::to_string_pretty(&meta).expect("metadata serialises");
        json.push('\n');
        write_atomic(&meta_path, json.as_bytes(), 0o644)?;
        Ok(IssuerDir {
            path: path.to_owned(),
            meta,
            key_set,
        })
    }

    /// Opens an existing issuer folder (no passphrase needed: nothing secret is read).
    pub fn open(path: &Path) -> Result<IssuerDir, KeyStoreError> {
        let meta_path = path.join("issuer.json");
        let meta: IssuerMeta = sello_core::json::parse_strict_object(
            &read_capped(&meta_path)?,
            MAX_FILE_BYTES as usize,
            sello_core::json::Arrays::Refused,
        )
        .map_err(|e| KeyStoreError::Invalid {
            path: meta_path.clone(),
            detail: e.to_string(),
        })?;
        let jwks_path = path.join("jwks.json");
        let key_set =
            KeySet::from_json(&read_capped(&jwks_path)?).map_err(|e| KeyStoreError::Invalid {
                path: jwks_path.clone(),
                detail: e.to_string(),
            })?;
        if key_set.issuer.id != meta.id || key_set.key(&meta.active_kid).is_none() {
            return Err(KeyStoreError::Invalid {
                path: jwks_path,
                detail: "the key set does not match issuer.json (issuer id or active key)".into(),
            });
        }
        Ok(IssuerDir {
            path: path.to_owned(),
            meta,
            key_set,
        })
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
        &self.meta.active_kid
    }

    /// Decrypts the active signing key.
    pub fn unlock(&self, passphrase: &str) -> Result<LocalSigner, KeyStoreError> {
        self.unlock_kid(&self.meta.active_kid, passphrase)
    }

    /// An [`Issuer`](crate::Issuer) signing with the active key, which refuses to sign outside
    /// that key's window or after its revocation.
    pub fn issuer(&self, passphrase: &str) -> Result<crate::Issuer, KeyStoreError> {
        let signer = self.unlock(passphrase)?;
        let mut issuer = crate::Issuer::new(self.info().clone(), Box::new(signer));
        if let Some(key) = self.key_set.key(&self.meta.active_kid) {
            issuer = issuer.with_key_window(key.clone());
        }
        Ok(issuer)
    }

    /// Rotates keys at time `at`: a new key (encrypted under `passphrase`, which must also
    /// unlock the current key) becomes the signing key from `at`; the old key's signing window
    /// closes at `at`. Both stay published, so certificates signed before stay valid.
    /// Returns the new key's id.
    pub fn rotate(&mut self, passphrase: &str, at: i64) -> Result<String, KeyStoreError> {
        self.unlock(passphrase)?;
        let old = self.meta.active_kid.clone();
        let invalid = |detail: String| KeyStoreError::Invalid {
            path: self.path.join("jwks.json"),
            detail,
        };
        if self
            .key_set
            .key(&old)
            .is_some_and(|k| k.nbf.is_some_and(|nbf| at <= nbf))
        {
            return Err(invalid(
                "the current key's window opened at or after this time".into(),
            ));
        }
        let signer = LocalSigner::generate().map_err(|e| KeyStoreError::Crypto(e.0))?;
        let kid = signer.kid();
        write_private_key(
            &self.path.join("private").join(format!("{kid}.p8")),
            &signer,
            passphrase,
        )?;
        let mut keys = self.key_set.keys.clone();
        for k in keys.iter_mut().filter(|k| k.kid == old) {
            k.exp = Some(k.exp.map_or(at, |e| e.min(at)));
        }
        let mut new = PublicKey::new(signer.verifying_key());
        new.nbf = Some(at);
        keys.push(new);
        self.save(keys, kid.clone())?;
        Ok(kid)
    }

    /// Marks key `kid` compromised from `at`: verifiers reject every token it signed with an
    /// `iat` at or after `at` (0 rejects all of them). The issuer stops signing with it.
    pub fn revoke_key(&mut self, kid: &str, at: i64) -> Result<(), KeyStoreError> {
        let mut keys = self.key_set.keys.clone();
        let key = keys
            .iter_mut()
            .find(|k| k.kid == kid)
            .ok_or_else(|| KeyStoreError::Invalid {
                path: self.path.join("jwks.json"),
                detail: format!("no key {kid:?} in the key set"),
            })?;
        key.revoked_at = Some(key.revoked_at.map_or(at, |r| r.min(at)));
        let active = self.meta.active_kid.clone();
        self.save(keys, active)
    }

    /// Writes the key set and metadata (key set first, each atomically).
    fn save(&mut self, keys: Vec<PublicKey>, active_kid: String) -> Result<(), KeyStoreError> {
        let key_set = KeySet {
            issuer: self.key_set.issuer.clone(),
            keys,
        };
        // Round-trip through the parser: never publish a key set verifiers would refuse.
        let json = key_set.to_json();
        KeySet::from_json(json.as_bytes()).map_err(|e| KeyStoreError::Invalid {
            path: self.path.join("jwks.json"),
            detail: e.to_string(),
        })?;
        write_atomic(&self.path.join("jwks.json"), json.as_bytes(), 0o644)?;
        let meta = IssuerMeta {
            active_kid,
            ..self.meta.clone()
        };
        let mut text = serde_json::to_string_pretty(&meta).expect("metadata serialises");
        text.push('\n');
        write_atomic(&self.path.join("issuer.json"), text.as_bytes(), 0o644)?;
        self.meta = meta;
        self.key_set = key_set;
        Ok(())
    }

    fn unlock_kid(&self, kid: &str, passphrase: &str) -> Result<LocalSigner, KeyStoreError> {
        let path = self.path.join("private").join(format!("{kid}.p8"));
        let der = zeroize::Zeroizing::new(read_capped(&path)?);
        let key = SigningKey::from_pkcs8_encrypted_der(&der, passphrase.as_bytes())
            .map_err(|_| KeyStoreError::Unlock(path.clone()))?;
        let signer = LocalSigner::new(key);
        if signer.kid() != kid {
            return Err(KeyStoreError::Invalid {
                path,
                detail: "the key file does not hold the key its name says".into(),
            });
        }
        Ok(signer)
    }
}

fn write_private_key(
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
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(io_err(path))?;
    file.write_all(doc.as_bytes()).map_err(io_err(path))?;
    file.sync_all().map_err(io_err(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info() -> IssuerInfo {
        IssuerInfo {
            id: "mx.prueba".into(),
            name: "Centro de prueba".into(),
            verify_url: Some("https://verifica.example.mx/v".into()),
        }
    }

    #[test]
    fn create_open_unlock() {
        let dir = tempfile::tempdir().unwrap();
        let created = IssuerDir::create(dir.path(), info(), "correct horse").unwrap();
        let opened = IssuerDir::open(dir.path()).unwrap();
        assert_eq!(opened.key_set(), created.key_set());
        let signer = opened.unlock("correct horse").unwrap();
        assert_eq!(signer.kid(), opened.active_kid());
        let err = opened.unlock("wrong horse").unwrap_err();
        assert!(matches!(err, KeyStoreError::Unlock(_)));
        assert!(!err.to_string().contains("horse"));
        assert!(matches!(
            IssuerDir::create(dir.path(), info(), "correct horse"),
            Err(KeyStoreError::Exists(_))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn private_key_is_owner_only_and_encrypted() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let signer = LocalSigner::new(SigningKey::from_bytes(&[9; 32]));
        let issuer = IssuerDir::create_with_key(dir.path(), info(), &signer, "passphrase").unwrap();
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
        let mut issuer = IssuerDir::create(dir.path(), info(), "correct horse").unwrap();
        let old = issuer.active_kid().to_owned();
        assert!(issuer.rotate("wrong horse", 1000).is_err());
        let new = issuer.rotate("correct horse", 1000).unwrap();
        assert_ne!(old, new);
        let reopened = IssuerDir::open(dir.path()).unwrap();
        assert_eq!(reopened.active_kid(), new);
        let set = reopened.key_set();
        assert_eq!(set.key(&old).unwrap().exp, Some(1000));
        assert_eq!(set.key(&new).unwrap().nbf, Some(1000));
        assert_eq!(reopened.unlock("correct horse").unwrap().kid(), new);
        // Compromise of the old key from 500.
        let mut reopened = reopened;
        reopened.revoke_key(&old, 500).unwrap();
        assert_eq!(
            IssuerDir::open(dir.path())
                .unwrap()
                .key_set()
                .key(&old)
                .unwrap()
                .revoked_at,
            Some(500)
        );
        assert!(reopened.revoke_key("nope", 1).is_err());
        // The issuer refuses to sign with a key outside its window.
        let signer_issuer = reopened.issuer("correct horse").unwrap();
        let mut req = crate::IssueRequest::new(crate::issue::tests::cert());
        req.issued_at = Some(999);
        assert!(matches!(
            signer_issuer.issue(&req),
            Err(crate::IssueError::KeyNotValid(_))
        ));
        req.issued_at = Some(1000);
        signer_issuer.issue(&req).unwrap();
    }

    #[test]
    fn refuses_weak_passphrase_and_bad_identity() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            IssuerDir::create(dir.path(), info(), "short"),
            Err(KeyStoreError::WeakPassphrase)
        ));
        let mut bad = info();
        bad.verify_url = Some("http://evil.example/v".into());
        assert!(IssuerDir::create(dir.path(), bad, "long enough").is_err());
        let mut bell = info();
        bell.name = "A\u{7}B".into();
        assert!(IssuerDir::create(dir.path(), bell, "long enough").is_err());
    }
}
