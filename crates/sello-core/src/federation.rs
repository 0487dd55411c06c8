//! Federations (FORMAT.md §5.9): the root document, signed by a threshold of root keys, and the
//! trust bundle, signed by a registry key, that carries every accredited issuer.
//!
//! This module only parses, checks shapes and limits, and serialises. Counting signatures
//! against thresholds, walking the root chain and checking the bundle's signature are the
//! verifier's (`sello_verifier::federation`).

use crate::certificate::{self, MAX_TIME, Problem};
use crate::i18n::tr;
use crate::jwk::{self, KeyProblem, KeySet, KeySetError, PublicKey, UrlProblem};
use crate::status::{self, StatusError};
use crate::token::{self, Header, TokenError};
use crate::{b64, json};
use ed25519_dalek::Signature;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

/// The `typ` of a root document's signature headers.
pub const ROOT_TYP: &str = "sello-root+json";
/// The `typ` of a trust bundle.
pub const BUNDLE_TYP: &str = "sello-trust+jwt";
/// Largest root document, in bytes of JSON.
pub const MAX_ROOT_BYTES: usize = 64 * 1024;
/// Most signature entries on one root document.
pub const MAX_ROOT_SIGNATURES: usize = 16;
/// Most keys in `root_keys`, and in `registry_keys`.
pub const MAX_ROLE_KEYS: usize = 16;
/// Highest root version.
pub const MAX_ROOT_VERSION: u32 = i32::MAX as u32;
/// Most root documents a bundle carries.
pub const MAX_CHAIN: usize = 32;
/// Largest trust bundle, in bytes.
pub const MAX_BUNDLE_BYTES: usize = 8 << 20;
/// Most issuers in a bundle.
pub const MAX_ISSUERS: usize = 10_000;
/// Most scope entries of one issuer.
pub const MAX_SCOPE: usize = 256;
/// Highest sequence number (2^53 − 1, exact in every JSON implementation).
pub const MAX_SEQ: u64 = (1 << 53) - 1;

/// Which list of a root document a key is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `root_keys`: they sign root documents.
    Root,
    /// `registry_keys`: they sign trust bundles.
    Registry,
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&tr(
            match self {
                Role::Root => "role-root",
                Role::Registry => "role-registry",
            },
            &[],
        ))
    }
}

/// Why a root document was refused. Messages are in the language set with
/// [`crate::i18n::set_language`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RootError {
    /// Not strict JSON of the expected shape, or too large.
    #[error("{}", tr("root-json", &[("error", .0.to_string().into())]))]
    Json(#[from] json::JsonError),
    /// `payload`, a `protected` or a `signature` is not strict base64url.
    #[error("{}", tr("root-base64", &[]))]
    Base64,
    /// More signature entries than [`MAX_ROOT_SIGNATURES`].
    #[error("{}", tr("root-signature-count", &[("max", MAX_ROOT_SIGNATURES.into()), ("count", (*.0).into())]))]
    SignatureCount(usize),
    /// A signature header breaks the header rules.
    #[error("{}", tr("root-signature-header", &[("index", (*index).into()), ("error", error.to_string().into())]))]
    SignatureHeader {
        /// Position of the entry.
        index: usize,
        /// What is wrong with its header.
        error: TokenError,
    },
    /// A signature that is not 64 bytes.
    #[error("{}", tr("root-signature-length", &[("index", (*.0).into())]))]
    SignatureLength(usize),
    /// The federation id.
    #[error("{}", tr("root-federation", &[("problem", .0.to_string().into())]))]
    Federation(Problem),
    /// The federation's display name.
    #[error("{}", tr("root-name", &[("problem", .0.to_string().into())]))]
    Name(Problem),
    /// `version` outside 1..=[`MAX_ROOT_VERSION`].
    #[error("{}", tr("root-version", &[("max", i64::from(MAX_ROOT_VERSION).into())]))]
    Version,
    /// `iat` outside 0..=`MAX_TIME`.
    #[error("{}", tr("root-time", &[]))]
    Time,
    /// No key, or more than [`MAX_ROLE_KEYS`], in a list.
    #[error("{}", tr("root-key-count", &[("role", .role.to_string().into()), ("max", MAX_ROLE_KEYS.into()), ("count", (*count).into())]))]
    KeyCount {
        /// The list.
        role: Role,
        /// How many it has.
        count: usize,
    },
    /// A key that is not a usable Ed25519 public key, or has a window.
    #[error("{}", tr("root-key", &[("role", .role.to_string().into()), ("index", (*index).into()), ("problem", problem.to_string().into())]))]
    Key {
        /// The list.
        role: Role,
        /// Position in it.
        index: usize,
        /// What is wrong.
        problem: RootKeyProblem,
    },
    /// One key twice, in one list or in both.
    #[error("{}", tr("root-duplicate-key", &[("kid", .0.into())]))]
    DuplicateKey(String),
    /// `root_threshold` is 0 or more than the number of root keys.
    #[error("{}", tr("root-threshold", &[("threshold", (*threshold).into()), ("keys", (*keys).into())]))]
    Threshold {
        /// The threshold.
        threshold: u64,
        /// The number of root keys.
        keys: usize,
    },
}

/// What is wrong with one key of a root document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RootKeyProblem {
    /// The JWK rules of FORMAT.md §5.4.
    #[error("{0}")]
    Jwk(KeyProblem),
    /// `nbf`, `exp` or `revoked_at`: roles change only with a new root version.
    #[error("{}", tr("root-key-window", &[]))]
    Window,
}

/// One signature entry of a root document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RootSignature {
    /// The protected header, base64url, as written.
    pub protected: String,
    /// The header, parsed.
    pub header: Header,
    /// The signature.
    pub signature: Signature,
}

/// The claims of a root document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RootClaims {
    /// The federation id.
    pub federation: String,
    /// Its display name.
    pub name: String,
    /// This version, from 1.
    pub version: u32,
    /// When it was prepared.
    pub iat: i64,
    /// The keys that sign root documents.
    pub root_keys: Vec<PublicKey>,
    /// How many distinct root keys must sign.
    pub root_threshold: usize,
    /// The keys that sign trust bundles.
    pub registry_keys: Vec<PublicKey>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RootDoc {
    payload: String,
    signatures: Vec<SignatureDoc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignatureDoc {
    protected: String,
    signature: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RootClaimsDoc {
    federation: String,
    name: String,
    version: u64,
    iat: i64,
    root_keys: Vec<Map<String, Value>>,
    root_threshold: u64,
    registry_keys: Vec<Map<String, Value>>,
}

/// A root document: a JWS JSON General Serialization of root claims with its signatures, none
/// of them checked yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RootDocument {
    /// The payload, base64url, as written (the signatures cover it).
    pub payload: String,
    /// The claims.
    pub claims: RootClaims,
    /// The signature entries, in document order.
    pub signatures: Vec<RootSignature>,
}

fn role_keys(
    role: Role,
    jwks: Vec<Map<String, Value>>,
    seen: &mut Vec<String>,
) -> Result<Vec<PublicKey>, RootError> {
    if jwks.is_empty() || jwks.len() > MAX_ROLE_KEYS {
        return Err(RootError::KeyCount {
            role,
            count: jwks.len(),
        });
    }
    let mut keys = Vec::with_capacity(jwks.len());
    for (index, members) in jwks.into_iter().enumerate() {
        let key = jwk::parse_jwk(members).map_err(|problem| RootError::Key {
            role,
            index,
            problem: RootKeyProblem::Jwk(problem),
        })?;
        if key.nbf.is_some() || key.exp.is_some() || key.revoked_at.is_some() {
            return Err(RootError::Key {
                role,
                index,
                problem: RootKeyProblem::Window,
            });
        }
        if seen.contains(&key.kid) {
            return Err(RootError::DuplicateKey(key.kid));
        }
        seen.push(key.kid.clone());
        keys.push(key);
    }
    Ok(keys)
}

impl RootClaims {
    fn from_payload(bytes: &[u8]) -> Result<RootClaims, RootError> {
        let doc: RootClaimsDoc =
            json::parse_strict_object(bytes, MAX_ROOT_BYTES, json::Arrays::Allowed)?;
        certificate::check_issuer_id(&doc.federation)
            .map_err(|e| RootError::Federation(e.problem))?;
        certificate::check_display_name(&doc.name).map_err(|e| RootError::Name(e.problem))?;
        if doc.version == 0 || doc.version > u64::from(MAX_ROOT_VERSION) {
            return Err(RootError::Version);
        }
        if !(0..=MAX_TIME).contains(&doc.iat) {
            return Err(RootError::Time);
        }
        let mut seen = Vec::new();
        let root_keys = role_keys(Role::Root, doc.root_keys, &mut seen)?;
        let registry_keys = role_keys(Role::Registry, doc.registry_keys, &mut seen)?;
        if doc.root_threshold == 0 || doc.root_threshold > root_keys.len() as u64 {
            return Err(RootError::Threshold {
                threshold: doc.root_threshold,
                keys: root_keys.len(),
            });
        }
        Ok(RootClaims {
            federation: doc.federation,
            name: doc.name,
            version: doc.version as u32,
            iat: doc.iat,
            root_threshold: doc.root_threshold as usize,
            root_keys,
            registry_keys,
        })
    }

    /// The claims as compact JSON, the bytes a root document's `payload` encodes.
    pub fn to_payload_json(&self) -> Vec<u8> {
        let value = json!({
            "federation": self.federation,
            "name": self.name,
            "version": self.version,
            "iat": self.iat,
            "root_keys": self.root_keys.iter().map(PublicKey::jwk_json).collect::<Vec<_>>(),
            "root_threshold": self.root_threshold,
            "registry_keys": self.registry_keys.iter().map(PublicKey::jwk_json).collect::<Vec<_>>(),
        });
        serde_json::to_vec(&value).expect("root claims always serialise")
    }

    /// Whether `kid` is one of the registry keys, and which.
    pub fn registry_key(&self, kid: &str) -> Option<&PublicKey> {
        self.registry_keys.iter().find(|k| k.kid == kid)
    }
}

impl RootDocument {
    /// The document's fingerprint: the SHA-256 of its payload as written (base64url text),
    /// lower-case hex (FORMAT.md §5.9.2). Signatures do not change it: every copy of one
    /// prepared version has the same fingerprint, which holders read aloud at each step of the
    /// ceremony and verifiers pin.
    pub fn fingerprint(&self) -> String {
        hex_sha256(self.payload.as_bytes())
    }

    /// Step 1 of the ceremony: a document for `claims` with no signature yet. The claims are
    /// checked as a parser would check them.
    pub fn prepare(claims: &RootClaims) -> Result<RootDocument, RootError> {
        let payload = b64::encode(&claims.to_payload_json());
        let claims = RootClaims::from_payload(&claims.to_payload_json())?;
        Ok(RootDocument {
            payload,
            claims,
            signatures: Vec::new(),
        })
    }

    /// Parses and checks a root document (FORMAT.md §5.9.2), its signatures unchecked.
    pub fn from_json(bytes: &[u8]) -> Result<RootDocument, RootError> {
        let doc: RootDoc = json::parse_strict_object(bytes, MAX_ROOT_BYTES, json::Arrays::Allowed)?;
        RootDocument::from_doc(doc)
    }

    /// [`RootDocument::from_json`] for a document already read as JSON (inside a bundle).
    pub fn from_value(value: &Value) -> Result<RootDocument, RootError> {
        let bytes = serde_json::to_vec(value).expect("values always serialise");
        RootDocument::from_json(&bytes)
    }

    fn from_doc(doc: RootDoc) -> Result<RootDocument, RootError> {
        if doc.signatures.len() > MAX_ROOT_SIGNATURES {
            return Err(RootError::SignatureCount(doc.signatures.len()));
        }
        let payload = b64::decode(&doc.payload).ok_or(RootError::Base64)?;
        let claims = RootClaims::from_payload(&payload)?;
        let mut signatures = Vec::with_capacity(doc.signatures.len());
        for (index, entry) in doc.signatures.into_iter().enumerate() {
            let header = b64::decode(&entry.protected).ok_or(RootError::Base64)?;
            let header = token::parse_header(&header, ROOT_TYP)
                .map_err(|error| RootError::SignatureHeader { index, error })?;
            let signature = b64::decode(&entry.signature).ok_or(RootError::Base64)?;
            let signature =
                Signature::from_slice(&signature).map_err(|_| RootError::SignatureLength(index))?;
            signatures.push(RootSignature {
                protected: entry.protected,
                header,
                signature,
            });
        }
        Ok(RootDocument {
            payload: doc.payload,
            claims,
            signatures,
        })
    }

    /// Step 2 of the ceremony, first half: the protected header (base64url) and the signing
    /// input a holder of the key `kid` signs.
    pub fn signing_input(&self, kid: &str) -> (String, String) {
        let header = serde_json::to_vec(&Header::with_type(kid, ROOT_TYP))
            .expect("headers always serialise");
        let protected = b64::encode(&header);
        let input = format!("{protected}.{}", self.payload);
        (protected, input)
    }

    /// Step 2, second half, and step 3: adds a signature entry (a duplicate entry is kept out).
    pub fn add_signature(&mut self, kid: &str, signature: Signature) {
        let (protected, _) = self.signing_input(kid);
        if self
            .signatures
            .iter()
            .any(|s| s.protected == protected && s.signature == signature)
        {
            return;
        }
        self.signatures.push(RootSignature {
            protected,
            header: Header::with_type(kid, ROOT_TYP),
            signature,
        });
    }

    /// The document as JSON (a value, to embed in a bundle).
    pub fn to_value(&self) -> Value {
        json!({
            "payload": self.payload,
            "signatures": self.signatures.iter().map(|s| json!({
                "protected": s.protected,
                "signature": b64::encode(&s.signature.to_bytes()),
            })).collect::<Vec<_>>(),
        })
    }

    /// The document as published: pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(&self.to_value()).expect("values serialise");
        out.push('\n');
        out
    }
}

/// A window of time [`nbf`, `exp`): `exp` absent means open-ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// Start, included.
    pub nbf: i64,
    /// End, excluded.
    #[serde(default)]
    pub exp: Option<i64>,
}

impl Window {
    /// Whether `t` is inside the window.
    pub fn contains(&self, t: i64) -> bool {
        t >= self.nbf && self.exp.is_none_or(|exp| t < exp)
    }

    fn check(&self) -> bool {
        (0..=MAX_TIME).contains(&self.nbf)
            && self
                .exp
                .is_none_or(|exp| (0..=MAX_TIME).contains(&exp) && exp > self.nbf)
    }

    fn to_value(self) -> Value {
        match self.exp {
            Some(exp) => json!({"nbf": self.nbf, "exp": exp}),
            None => json!({"nbf": self.nbf}),
        }
    }
}

/// A standard an issuer is accredited for, with its window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeEntry {
    /// The standard's code, compared exactly with `cert.a.c` (e.g. `EC0105`).
    pub ec: String,
    /// When the issuer may certify it.
    pub window: Window,
}

/// A suspension of an issuer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suspension {
    /// Certificates with `iat` at or after it are refused.
    pub from: i64,
    /// Why (a display text, checked like a name).
    pub reason: String,
}

/// One accredited issuer in a bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuerEntry {
    /// Its key set (the `jwks.json` document).
    pub key_set: KeySet,
    /// When it may issue.
    pub accredited: Window,
    /// What it may certify, and when.
    pub scope: Vec<ScopeEntry>,
    /// Its suspension, if any.
    pub suspended: Option<Suspension>,
    /// Its latest status list, verbatim (parsed: its `iss` is this issuer; signature unchecked).
    pub status: Option<String>,
}

impl IssuerEntry {
    /// The scope entry that allows certifying `code` at `iat`, if any.
    pub fn scope_at(&self, code: &str, iat: i64) -> Option<&ScopeEntry> {
        self.scope
            .iter()
            .find(|s| s.ec == code && s.window.contains(iat))
    }

    /// Whether the issuer is suspended for certificates issued at `iat`.
    pub fn suspended_at(&self, iat: i64) -> Option<&Suspension> {
        self.suspended.as_ref().filter(|s| iat >= s.from)
    }

    fn to_value(&self) -> Value {
        let key_set: Value =
            serde_json::from_str(&self.key_set.to_json()).expect("key sets are JSON");
        let mut entry = Map::new();
        entry.insert("key_set".into(), key_set);
        entry.insert("accredited".into(), self.accredited.to_value());
        let scope = self
            .scope
            .iter()
            .map(|s| {
                let mut v = s.window.to_value();
                v["ec"] = Value::String(s.ec.clone());
                v
            })
            .collect();
        entry.insert("scope".into(), Value::Array(scope));
        if let Some(s) = &self.suspended {
            entry.insert(
                "suspended".into(),
                json!({"from": s.from, "reason": s.reason}),
            );
        }
        if let Some(status) = &self.status {
            entry.insert("status".into(), Value::String(status.clone()));
        }
        Value::Object(entry)
    }
}

/// The claims of a trust bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleClaims {
    /// The federation id.
    pub federation: String,
    /// The sequence number.
    pub seq: u64,
    /// When it was signed.
    pub iat: i64,
    /// It is fresh while the verification time is before this.
    pub fresh_until: i64,
    /// The root version whose registry key signed it.
    pub root: u32,
    /// Root documents, consecutive versions ending at `root` (or empty).
    pub roots: Vec<RootDocument>,
    /// The federation's official verification page.
    pub verify_url: Option<String>,
    /// The accredited issuers, unique by id.
    pub issuers: Vec<IssuerEntry>,
}

impl BundleClaims {
    /// The entry of issuer `id`.
    pub fn issuer(&self, id: &str) -> Option<&IssuerEntry> {
        self.issuers.iter().find(|e| e.key_set.issuer.id == id)
    }

    /// The claims as a JSON value (the payload a registry key signs).
    pub fn to_value(&self) -> Value {
        let mut out = Map::new();
        out.insert("federation".into(), json!(self.federation));
        out.insert("seq".into(), json!(self.seq));
        out.insert("iat".into(), json!(self.iat));
        out.insert("fresh_until".into(), json!(self.fresh_until));
        out.insert("root".into(), json!(self.root));
        out.insert(
            "roots".into(),
            Value::Array(self.roots.iter().map(RootDocument::to_value).collect()),
        );
        if let Some(url) = &self.verify_url {
            out.insert("verify_url".into(), json!(url));
        }
        out.insert(
            "issuers".into(),
            Value::Array(self.issuers.iter().map(IssuerEntry::to_value).collect()),
        );
        Value::Object(out)
    }

    /// The signing input of a bundle with these claims, signed by the registry key `kid`.
    pub fn signing_input(&self, kid: &str) -> String {
        token::signing_input_for(&Header::with_type(kid, BUNDLE_TYP), &self.to_value())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BundleDoc {
    federation: String,
    seq: u64,
    iat: i64,
    fresh_until: i64,
    root: u64,
    roots: Vec<Value>,
    #[serde(default)]
    verify_url: Option<String>,
    issuers: Vec<EntryDoc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryDoc {
    key_set: Value,
    accredited: Window,
    scope: Vec<ScopeDoc>,
    #[serde(default)]
    suspended: Option<Suspension>,
    #[serde(default)]
    status: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScopeDoc {
    ec: String,
    nbf: i64,
    #[serde(default)]
    exp: Option<i64>,
}

/// Why a trust bundle was refused before its signature was looked at.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BundleError {
    /// The JWS is malformed, too large, has the wrong `typ` or a forbidden header member, or its
    /// payload is not strict JSON of the bundle's shape.
    #[error("{}", tr("bundle-token", &[("error", .0.to_string().into())]))]
    Token(#[from] TokenError),
    /// The federation id.
    #[error("{}", tr("bundle-federation", &[("problem", .0.to_string().into())]))]
    Federation(Problem),
    /// `seq` outside 1..=[`MAX_SEQ`].
    #[error("{}", tr("bundle-seq", &[]))]
    Seq,
    /// `iat` or `fresh_until` out of range, or `fresh_until` not after `iat`.
    #[error("{}", tr("bundle-times", &[]))]
    Times,
    /// More root documents than [`MAX_CHAIN`], versions not consecutive, or not ending at `root`.
    #[error("{}", tr("bundle-chain", &[]))]
    Chain,
    /// A root document of the chain.
    #[error("{}", tr("bundle-root", &[("index", (*index).into()), ("error", error.to_string().into())]))]
    Root {
        /// Its position in `roots`.
        index: usize,
        /// What is wrong with it.
        error: RootError,
    },
    /// The verification URL.
    #[error("{}", tr("bundle-url", &[("problem", .0.to_string().into())]))]
    VerifyUrl(UrlProblem),
    /// More issuers than [`MAX_ISSUERS`].
    #[error("{}", tr("bundle-issuer-count", &[("max", MAX_ISSUERS.into()), ("count", (*.0).into())]))]
    IssuerCount(usize),
    /// An issuer entry.
    #[error("{}", tr("bundle-issuer", &[("index", (*index).into()), ("problem", problem.to_string().into())]))]
    Issuer {
        /// Its position in `issuers`.
        index: usize,
        /// What is wrong with it.
        problem: EntryProblem,
    },
    /// Two entries for one issuer (its id, escaped).
    #[error("{}", tr("bundle-duplicate-issuer", &[("issuer", .0.into())]))]
    DuplicateIssuer(String),
}

/// What is wrong with one issuer entry of a bundle.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EntryProblem {
    /// Its key set (FORMAT.md §5.1–§5.4).
    #[error("{0}")]
    KeySet(KeySetError),
    /// `accredited` out of range or `exp` not after `nbf`.
    #[error("{}", tr("entry-accredited", &[]))]
    Accredited,
    /// No scope entry, or more than [`MAX_SCOPE`].
    #[error("{}", tr("entry-scope-count", &[("max", MAX_SCOPE.into()), ("count", (*.0).into())]))]
    ScopeCount(usize),
    /// A scope code (the rules of `cert.a.c`).
    #[error("{}", tr("entry-scope-code", &[("index", (*index).into()), ("problem", problem.to_string().into())]))]
    ScopeCode {
        /// Position in `scope`.
        index: usize,
        /// What is wrong.
        problem: Problem,
    },
    /// A scope window out of range or `exp` not after `nbf`.
    #[error("{}", tr("entry-scope-window", &[("index", (*.0).into())]))]
    ScopeWindow(usize),
    /// `suspended.from` out of range or `suspended.reason` not a valid text.
    #[error("{}", tr("entry-suspended", &[]))]
    Suspended,
    /// `status` is not a status list.
    #[error("{}", tr("entry-status", &[("error", .0.to_string().into())]))]
    Status(StatusError),
    /// `status` is a status list of another issuer.
    #[error("{}", tr("entry-status-issuer", &[]))]
    StatusIssuer,
}

/// A parsed bundle whose signature, root chain and ratchet have not been checked yet.
#[derive(Debug, Clone)]
pub struct UnverifiedBundle<'a> {
    /// The protected header (`kid`: the registry key it claims).
    pub header: Header,
    /// The claims.
    pub claims: BundleClaims,
    /// The bytes the signature covers.
    pub signing_input: &'a str,
    /// The signature.
    pub signature: Signature,
}

fn entry(doc: EntryDoc) -> Result<IssuerEntry, EntryProblem> {
    let bytes = serde_json::to_vec(&doc.key_set).expect("values always serialise");
    let key_set = KeySet::from_json(&bytes).map_err(EntryProblem::KeySet)?;
    if !doc.accredited.check() {
        return Err(EntryProblem::Accredited);
    }
    if doc.scope.is_empty() || doc.scope.len() > MAX_SCOPE {
        return Err(EntryProblem::ScopeCount(doc.scope.len()));
    }
    let mut scope = Vec::with_capacity(doc.scope.len());
    for (index, s) in doc.scope.into_iter().enumerate() {
        certificate::check_code(&s.ec).map_err(|e| EntryProblem::ScopeCode {
            index,
            problem: e.problem,
        })?;
        let window = Window {
            nbf: s.nbf,
            exp: s.exp,
        };
        if !window.check() {
            return Err(EntryProblem::ScopeWindow(index));
        }
        scope.push(ScopeEntry { ec: s.ec, window });
    }
    if let Some(s) = &doc.suspended
        && (!(0..=MAX_TIME).contains(&s.from)
            || certificate::check_display_name(&s.reason).is_err())
    {
        return Err(EntryProblem::Suspended);
    }
    if let Some(text) = &doc.status {
        let list = status::decode(text).map_err(EntryProblem::Status)?;
        if list.jws.payload.iss != key_set.issuer.id {
            return Err(EntryProblem::StatusIssuer);
        }
    }
    Ok(IssuerEntry {
        key_set,
        accredited: doc.accredited,
        scope,
        suspended: doc.suspended,
        status: doc.status.map(|s| s.trim().to_owned()),
    })
}

/// Parses a trust bundle (FORMAT.md §5.9.4, §5.9.5 steps 1–2 and the shape of 5 and 10):
/// the header rules with `typ` `sello-trust+jwt`, strict claims within every cap, each root
/// document and each issuer entry checked. Surrounding white space is ignored.
pub fn decode_bundle(text: &str) -> Result<UnverifiedBundle<'_>, BundleError> {
    let jws = token::decode_jws_with::<BundleDoc>(
        text.trim(),
        MAX_BUNDLE_BYTES,
        BUNDLE_TYP,
        json::Arrays::Allowed,
    )?;
    let doc = jws.payload;
    certificate::check_issuer_id(&doc.federation)
        .map_err(|e| BundleError::Federation(e.problem))?;
    if doc.seq == 0 || doc.seq > MAX_SEQ {
        return Err(BundleError::Seq);
    }
    let time_ok = |t: i64| (0..=MAX_TIME).contains(&t);
    if !time_ok(doc.iat) || !time_ok(doc.fresh_until) || doc.fresh_until <= doc.iat {
        return Err(BundleError::Times);
    }
    if doc.root == 0 || doc.root > u64::from(MAX_ROOT_VERSION) || doc.roots.len() > MAX_CHAIN {
        return Err(BundleError::Chain);
    }
    let mut roots: Vec<RootDocument> = Vec::with_capacity(doc.roots.len());
    for (index, value) in doc.roots.iter().enumerate() {
        let root =
            RootDocument::from_value(value).map_err(|error| BundleError::Root { index, error })?;
        if root.claims.federation != doc.federation {
            return Err(BundleError::Chain);
        }
        if let Some(prev) = roots.last()
            && root.claims.version != prev.claims.version + 1
        {
            return Err(BundleError::Chain);
        }
        roots.push(root);
    }
    if roots
        .last()
        .is_some_and(|r| u64::from(r.claims.version) != doc.root)
    {
        return Err(BundleError::Chain);
    }
    if let Some(url) = &doc.verify_url {
        jwk::check_verify_url(url).map_err(BundleError::VerifyUrl)?;
    }
    if doc.issuers.len() > MAX_ISSUERS {
        return Err(BundleError::IssuerCount(doc.issuers.len()));
    }
    let mut issuers: Vec<IssuerEntry> = Vec::with_capacity(doc.issuers.len());
    let mut ids = std::collections::BTreeSet::new();
    for (index, e) in doc.issuers.into_iter().enumerate() {
        let e = entry(e).map_err(|problem| BundleError::Issuer { index, problem })?;
        if !ids.insert(e.key_set.issuer.id.clone()) {
            return Err(BundleError::DuplicateIssuer(crate::untrusted::quote(
                &e.key_set.issuer.id,
            )));
        }
        issuers.push(e);
    }
    Ok(UnverifiedBundle {
        header: jws.header,
        claims: BundleClaims {
            federation: doc.federation,
            seq: doc.seq,
            iat: doc.iat,
            fresh_until: doc.fresh_until,
            root: doc.root as u32,
            roots,
            verify_url: doc.verify_url,
            issuers,
        },
        signing_input: jws.signing_input,
        signature: jws.signature,
    })
}

/// The SHA-256 of a bundle's compact JWS text (white space around it removed), lower-case hex:
/// what the rollback ratchet records (FORMAT.md §5.9.6).
pub fn bundle_hash(text: &str) -> String {
    hex_sha256(text.trim().as_bytes())
}

pub(crate) fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwk::IssuerInfo;
    use ed25519_dalek::{Signer as _, SigningKey};
    use proptest::prelude::*;

    /// A change to a document, and the error it must give.
    type Case<E> = (Box<dyn Fn(&mut Value)>, fn(&E) -> bool);

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    fn public(seed: u8) -> PublicKey {
        PublicKey::new(key(seed).verifying_key())
    }

    fn claims(version: u32) -> RootClaims {
        RootClaims {
            federation: "mx.conocer".into(),
            name: "CONOCER".into(),
            version,
            iat: 1_767_225_600,
            root_keys: vec![public(101), public(102), public(103)],
            root_threshold: 2,
            registry_keys: vec![public(111)],
        }
    }

    fn signed(claims: &RootClaims, seeds: &[u8]) -> RootDocument {
        let mut doc = RootDocument::prepare(claims).unwrap();
        for &seed in seeds {
            let kid = public(seed).kid;
            let (_, input) = doc.signing_input(&kid);
            doc.add_signature(&kid, key(seed).sign(input.as_bytes()));
        }
        doc
    }

    #[test]
    fn root_documents_round_trip() {
        let doc = signed(&claims(1), &[101, 102, 102]);
        assert_eq!(
            doc.signatures.len(),
            2,
            "the same signature twice is kept once"
        );
        let back = RootDocument::from_json(doc.to_json().as_bytes()).unwrap();
        assert_eq!(back, doc);
        assert_eq!(back.claims, claims(1));
        let prepared = RootDocument::prepare(&claims(1)).unwrap();
        assert_eq!(
            RootDocument::from_json(prepared.to_json().as_bytes()).unwrap(),
            prepared
        );
    }

    fn payload_doc(payload: Value) -> String {
        json!({"payload": b64::encode(&serde_json::to_vec(&payload).unwrap()), "signatures": []})
            .to_string()
    }

    fn claims_value() -> Value {
        serde_json::from_slice(&claims(1).to_payload_json()).unwrap()
    }

    #[test]
    fn root_documents_refuse_bad_claims() {
        let cases: Vec<Case<RootError>> = vec![
            (Box::new(|v| v["root_threshold"] = json!(0)), |e| {
                matches!(
                    e,
                    RootError::Threshold {
                        threshold: 0,
                        keys: 3
                    }
                )
            }),
            (Box::new(|v| v["root_threshold"] = json!(4)), |e| {
                matches!(e, RootError::Threshold { .. })
            }),
            (Box::new(|v| v["version"] = json!(0)), |e| {
                matches!(e, RootError::Version)
            }),
            (Box::new(|v| v["version"] = json!(1u64 << 31)), |e| {
                matches!(e, RootError::Version)
            }),
            (Box::new(|v| v["iat"] = json!(-1)), |e| {
                matches!(e, RootError::Time)
            }),
            (Box::new(|v| v["federation"] = json!("mx conocer")), |e| {
                matches!(e, RootError::Federation(_))
            }),
            (Box::new(|v| v["name"] = json!("CONOCER\u{202e}")), |e| {
                matches!(e, RootError::Name(_))
            }),
            (Box::new(|v| v["registry_keys"] = json!([])), |e| {
                matches!(
                    e,
                    RootError::KeyCount {
                        role: Role::Registry,
                        count: 0
                    }
                )
            }),
            (
                Box::new(|v| v["root_keys"] = json!(vec![public(101).jwk_json(); 17])),
                |e| {
                    matches!(
                        e,
                        RootError::KeyCount {
                            role: Role::Root,
                            count: 17
                        }
                    )
                },
            ),
            (
                Box::new(|v| v["registry_keys"] = json!([public(101).jwk_json()])),
                |e| matches!(e, RootError::DuplicateKey(_)),
            ),
            (
                Box::new(|v| v["root_keys"][1] = public(101).jwk_json()),
                |e| matches!(e, RootError::DuplicateKey(_)),
            ),
            (Box::new(|v| v["root_keys"][0]["exp"] = json!(5)), |e| {
                matches!(
                    e,
                    RootError::Key {
                        problem: RootKeyProblem::Window,
                        ..
                    }
                )
            }),
            (Box::new(|v| v["root_keys"][0]["d"] = json!("AA")), |e| {
                matches!(
                    e,
                    RootError::Key {
                        problem: RootKeyProblem::Jwk(KeyProblem::Private("d")),
                        ..
                    }
                )
            }),
            (Box::new(|v| v["extra"] = json!(1)), |e| {
                matches!(e, RootError::Json(json::JsonError::UnknownMember(_)))
            }),
        ];
        for (i, (change, expect)) in cases.into_iter().enumerate() {
            let mut v = claims_value();
            change(&mut v);
            let err = RootDocument::from_json(payload_doc(v).as_bytes()).unwrap_err();
            assert!(expect(&err), "case {i}: {err:?}");
            assert!(!err.to_string().is_empty());
        }
    }

    #[test]
    fn root_documents_refuse_bad_structure() {
        let doc = signed(&claims(1), &[101]);
        let mut v = doc.to_value();
        v["signatures"][0]["header"] = json!({});
        assert!(matches!(
            RootDocument::from_json(v.to_string().as_bytes()),
            Err(RootError::Json(_))
        ));
        let mut v = doc.to_value();
        let bad_typ = b64::encode(br#"{"alg":"EdDSA","kid":"k","typ":"sello+jwt"}"#);
        v["signatures"][0]["protected"] = json!(bad_typ);
        assert!(matches!(
            RootDocument::from_json(v.to_string().as_bytes()),
            Err(RootError::SignatureHeader {
                index: 0,
                error: TokenError::Type(_)
            })
        ));
        let mut v = doc.to_value();
        v["signatures"][0]["signature"] = json!("AAAA");
        assert!(matches!(
            RootDocument::from_json(v.to_string().as_bytes()),
            Err(RootError::SignatureLength(0))
        ));
        let mut v = doc.to_value();
        v["signatures"] = json!(vec![v["signatures"][0].clone(); 17]);
        assert!(matches!(
            RootDocument::from_json(v.to_string().as_bytes()),
            Err(RootError::SignatureCount(17))
        ));
        let mut v = doc.to_value();
        v["payload"] = json!(format!("{}=", doc.payload));
        assert!(matches!(
            RootDocument::from_json(v.to_string().as_bytes()),
            Err(RootError::Base64)
        ));
        let big = vec![b' '; MAX_ROOT_BYTES + 1];
        assert!(matches!(
            RootDocument::from_json(&big),
            Err(RootError::Json(json::JsonError::TooLarge { .. }))
        ));
    }

    fn key_set(id: &str, seed: u8) -> KeySet {
        KeySet {
            issuer: IssuerInfo {
                id: id.into(),
                name: format!("Centro {id}"),
                verify_url: None,
                time_zone: None,
            },
            keys: vec![public(seed)],
            attribute_labels: Default::default(),
        }
    }

    fn bundle_claims() -> BundleClaims {
        BundleClaims {
            federation: "mx.conocer".into(),
            seq: 7,
            iat: 1_767_225_600,
            fresh_until: 1_767_225_600 + 7 * 86_400,
            root: 1,
            roots: vec![signed(&claims(1), &[101, 102])],
            verify_url: Some("https://verifica.conocer.example/v".into()),
            issuers: vec![
                IssuerEntry {
                    key_set: key_set("mx.cecati149", 1),
                    accredited: Window {
                        nbf: 1_700_000_000,
                        exp: Some(1_900_000_000),
                    },
                    scope: vec![ScopeEntry {
                        ec: "EC0105".into(),
                        window: Window {
                            nbf: 1_700_000_000,
                            exp: None,
                        },
                    }],
                    suspended: None,
                    status: None,
                },
                IssuerEntry {
                    key_set: key_set("mx.otro", 2),
                    accredited: Window {
                        nbf: 1_700_000_000,
                        exp: None,
                    },
                    scope: vec![ScopeEntry {
                        ec: "EC0217.01".into(),
                        window: Window {
                            nbf: 1_700_000_000,
                            exp: Some(1_800_000_000),
                        },
                    }],
                    suspended: Some(Suspension {
                        from: 1_750_000_000,
                        reason: "auditoría".into(),
                    }),
                    status: None,
                },
            ],
        }
    }

    fn sign_payload(header: &str, payload: &Value, seed: u8) -> String {
        let input = format!(
            "{}.{}",
            b64::encode(header.as_bytes()),
            b64::encode(&serde_json::to_vec(payload).unwrap())
        );
        token::assemble(&input, &key(seed).sign(input.as_bytes()))
    }

    fn bundle_header() -> String {
        format!(
            r#"{{"alg":"EdDSA","kid":"{}","typ":"sello-trust+jwt"}}"#,
            public(111).kid
        )
    }

    #[test]
    fn bundles_round_trip() {
        let c = bundle_claims();
        let input = c.signing_input(&public(111).kid);
        let text = token::assemble(&input, &key(111).sign(input.as_bytes()));
        let padded = format!(" {text}\n");
        let b = decode_bundle(&padded).unwrap();
        assert_eq!(b.claims, c);
        assert_eq!(b.header.kid, public(111).kid);
        assert_eq!(b.signing_input, input);
        let entry = b.claims.issuer("mx.otro").unwrap();
        assert!(entry.suspended_at(1_749_999_999).is_none());
        assert!(entry.suspended_at(1_750_000_000).is_some());
        assert!(entry.scope_at("EC0217.01", 1_799_999_999).is_some());
        assert!(entry.scope_at("EC0217.01", 1_800_000_000).is_none());
        assert!(entry.scope_at("ec0217.01", 1_750_000_000).is_none());
        assert_eq!(bundle_hash(&text), bundle_hash(&format!("{text}\n")));
        assert_eq!(bundle_hash(&text).len(), 64);
    }

    #[test]
    fn bundles_refuse_bad_claims() {
        let base = bundle_claims().to_value();
        let cases: Vec<Case<BundleError>> = vec![
            (Box::new(|v| v["seq"] = json!(0)), |e| {
                matches!(e, BundleError::Seq)
            }),
            (Box::new(|v| v["seq"] = json!(1u64 << 53)), |e| {
                matches!(e, BundleError::Seq)
            }),
            (Box::new(|v| v["fresh_until"] = v["iat"].clone()), |e| {
                matches!(e, BundleError::Times)
            }),
            (Box::new(|v| v["root"] = json!(2)), |e| {
                matches!(e, BundleError::Chain)
            }),
            (Box::new(|v| v["root"] = json!(0)), |e| {
                matches!(e, BundleError::Chain)
            }),
            (
                Box::new(|v| v["roots"] = json!(vec![v["roots"][0].clone(); 2])),
                |e| matches!(e, BundleError::Chain),
            ),
            (
                Box::new(|v| v["roots"] = json!(vec![v["roots"][0].clone(); 33])),
                |e| matches!(e, BundleError::Chain),
            ),
            (Box::new(|v| v["roots"][0]["payload"] = json!("!")), |e| {
                matches!(e, BundleError::Root { index: 0, .. })
            }),
            (Box::new(|v| v["federation"] = json!("mx.otra")), |e| {
                matches!(e, BundleError::Chain)
            }),
            (
                Box::new(|v| v["verify_url"] = json!("http://x.example/")),
                |e| matches!(e, BundleError::VerifyUrl(_)),
            ),
            (
                Box::new(|v| v["issuers"][1] = v["issuers"][0].clone()),
                |e| matches!(e, BundleError::DuplicateIssuer(_)),
            ),
            (Box::new(|v| v["issuers"][0]["scope"] = json!([])), |e| {
                matches!(
                    e,
                    BundleError::Issuer {
                        index: 0,
                        problem: EntryProblem::ScopeCount(0)
                    }
                )
            }),
            (
                Box::new(|v| v["issuers"][0]["scope"][0]["ec"] = json!(" ")),
                |e| {
                    matches!(
                        e,
                        BundleError::Issuer {
                            problem: EntryProblem::ScopeCode { index: 0, .. },
                            ..
                        }
                    )
                },
            ),
            (
                Box::new(|v| v["issuers"][0]["scope"][0]["exp"] = json!(1_700_000_000)),
                |e| {
                    matches!(
                        e,
                        BundleError::Issuer {
                            problem: EntryProblem::ScopeWindow(0),
                            ..
                        }
                    )
                },
            ),
            (
                Box::new(|v| v["issuers"][0]["accredited"]["exp"] = json!(1)),
                |e| {
                    matches!(
                        e,
                        BundleError::Issuer {
                            problem: EntryProblem::Accredited,
                            ..
                        }
                    )
                },
            ),
            (
                Box::new(|v| v["issuers"][1]["suspended"]["reason"] = json!("")),
                |e| {
                    matches!(
                        e,
                        BundleError::Issuer {
                            index: 1,
                            problem: EntryProblem::Suspended
                        }
                    )
                },
            ),
            (
                Box::new(|v| v["issuers"][0]["key_set"]["keys"] = json!([])),
                |e| {
                    matches!(
                        e,
                        BundleError::Issuer {
                            problem: EntryProblem::KeySet(KeySetError::KeyCount(0)),
                            ..
                        }
                    )
                },
            ),
            (
                Box::new(|v| v["issuers"][0]["status"] = json!("a.b.c")),
                |e| {
                    matches!(
                        e,
                        BundleError::Issuer {
                            problem: EntryProblem::Status(_),
                            ..
                        }
                    )
                },
            ),
            (
                Box::new(|v| v["issuers"][0]["scope"][0]["extra"] = json!(1)),
                |e| matches!(e, BundleError::Token(TokenError::Json { .. })),
            ),
            (Box::new(|v| v["extra"] = json!(1)), |e| {
                matches!(e, BundleError::Token(TokenError::Json { .. }))
            }),
        ];
        for (i, (change, expect)) in cases.into_iter().enumerate() {
            let mut v = base.clone();
            change(&mut v);
            let text = sign_payload(&bundle_header(), &v, 111);
            let err = decode_bundle(&text).unwrap_err();
            assert!(expect(&err), "case {i}: {err:?}");
            assert!(crate::untrusted::first_forbidden(&err.to_string()).is_none());
        }
    }

    #[test]
    fn bundles_refuse_other_types_and_the_size_cap() {
        let v = bundle_claims().to_value();
        let header = bundle_header().replace("sello-trust+jwt", "sello+jwt");
        assert!(matches!(
            decode_bundle(&sign_payload(&header, &v, 111)),
            Err(BundleError::Token(TokenError::Type(_)))
        ));
        let header = bundle_header().replace("sello-trust+jwt", "sello-status+jwt");
        assert!(matches!(
            decode_bundle(&sign_payload(&header, &v, 111)),
            Err(BundleError::Token(TokenError::Type(_)))
        ));
        let big = "a".repeat(MAX_BUNDLE_BYTES + 1);
        assert!(matches!(
            decode_bundle(&big),
            Err(BundleError::Token(TokenError::TooLong { .. }))
        ));
    }

    #[test]
    fn a_status_list_of_another_issuer_is_refused() {
        let list = status::StatusList::new(0).unwrap();
        let input = status::signing_input(&public(2).kid, "mx.otro", 100, 200, &list);
        let status = token::assemble(&input, &key(2).sign(input.as_bytes()));
        let mut c = bundle_claims();
        c.issuers[1].status = Some(status.clone());
        let mut v = c.to_value();
        assert!(decode_bundle(&sign_payload(&bundle_header(), &v, 111)).is_ok());
        v["issuers"][0]["status"] = json!(status);
        assert!(matches!(
            decode_bundle(&sign_payload(&bundle_header(), &v, 111)),
            Err(BundleError::Issuer {
                index: 0,
                problem: EntryProblem::StatusIssuer
            })
        ));
    }

    proptest! {
        #[test]
        fn parsers_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = RootDocument::from_json(&bytes);
            let text = String::from_utf8_lossy(&bytes);
            let _ = decode_bundle(&text);
        }

        #[test]
        fn windows_round_trip_and_contain_their_edges(nbf in 0i64..MAX_TIME - 1, len in proptest::option::of(1i64..1_000_000), seq in 1u64..=MAX_SEQ) {
            let exp = len.map(|l| (nbf + l).min(MAX_TIME));
            prop_assume!(exp.is_none_or(|e| e > nbf));
            let mut c = bundle_claims();
            c.seq = seq;
            c.issuers[0].accredited = Window { nbf, exp };
            let input = c.signing_input(&public(111).kid);
            let text = token::assemble(&input, &key(111).sign(input.as_bytes()));
            let back = decode_bundle(&text).unwrap();
            prop_assert_eq!(&back.claims, &c);
            let w = back.claims.issuers[0].accredited;
            prop_assert!(w.contains(nbf) && !w.contains(nbf - 1));
            if let Some(e) = exp {
                prop_assert!(!w.contains(e) && w.contains(e - 1));
            }
        }
    }
}
