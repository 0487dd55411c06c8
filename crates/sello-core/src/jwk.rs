//! Ed25519 public keys as JWKs (RFC 8037), RFC 7638 thumbprints, and issuer key sets (JWKS).

use crate::i18n::tr;
use crate::{b64, json, untrusted};
use ed25519_dalek::VerifyingKey;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Largest key-set document accepted, in bytes.
pub const MAX_KEY_SET_BYTES: usize = 256 * 1024;
/// Largest number of keys in one key set.
pub const MAX_KEYS: usize = 64;
/// Length of a Sello `kid`: 8 thumbprint bytes in base64url.
pub const KID_LEN: usize = 11;
/// Most attributes with declared labels in one key set (as many as a certificate carries).
pub const MAX_LABELLED_ATTRS: usize = crate::certificate::MAX_ATTRS;
/// Most languages one attribute's label is given in.
pub const MAX_LABEL_LANGUAGES: usize = 8;
/// Longest attribute label, in characters (the text rule's limit, FORMAT.md §5.1).
pub const MAX_LABEL_CHARS: usize = 60;

/// The labels an issuer declares for its attribute keys (`cert.x`), published in its key set
/// as `attribute_labels`: key → language (`es`, `en`, …) → label, e.g. `dep` → `es` →
/// `Departamento`.
pub type AttributeLabels =
    std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>;

/// The full RFC 7638 SHA-256 thumbprint of an Ed25519 public key, base64url.
pub fn thumbprint(key: &VerifyingKey) -> String {
    b64::encode(&thumbprint_bytes(key))
}

/// The Sello key id: the first 8 bytes of the RFC 7638 thumbprint, base64url (11 characters).
pub fn kid(key: &VerifyingKey) -> String {
    b64::encode(&thumbprint_bytes(key)[..8])
}

fn thumbprint_bytes(key: &VerifyingKey) -> [u8; 32] {
    // RFC 7638 §3.2: required members only, lexicographic order, no whitespace.
    let canonical = format!(
        r#"{{"crv":"Ed25519","kty":"OKP","x":"{}"}}"#,
        b64::encode(key.as_bytes())
    );
    Sha256::digest(canonical.as_bytes()).into()
}

/// Who an issuer is, as its key set publishes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuerInfo {
    /// The issuer id, matched against the token's `iss`.
    pub id: String,
    /// Display name, e.g. "CECATI 149 — Centro de Capacitación para el Trabajo Industrial".
    pub name: String,
    /// The verification page; QR codes carry `<verify_url>#<token>` when set.
    pub verify_url: Option<String>,
    /// The issuer's time zone, an IANA name in the tz database's spelling (FORMAT.md §5.1):
    /// the zone in which its certificates' dates are meant and shown (FORMAT.md §3.9). `None`:
    /// UTC. Checked when a key set is read; see [`crate::zone::Zone::of`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
}

/// One public key of an issuer, with the window in which it may sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    /// Key id (truncated RFC 7638 thumbprint).
    pub kid: String,
    /// The Ed25519 key, checked to be canonical and not of small order.
    pub key: VerifyingKey,
    /// The key may sign tokens whose `iat` is at or after this time.
    pub nbf: Option<i64>,
    /// The key may sign tokens whose `iat` is before this time.
    pub exp: Option<i64>,
    /// Compromise time: tokens with `iat` at or after it are rejected (0 rejects all).
    pub revoked_at: Option<i64>,
}

impl PublicKey {
    /// A key with no window and no revocation.
    pub fn new(key: VerifyingKey) -> PublicKey {
        PublicKey {
            kid: kid(&key),
            key,
            nbf: None,
            exp: None,
            revoked_at: None,
        }
    }

    /// Whether the key was allowed to sign at `iat` (its window, ignoring revocation).
    pub fn may_sign_at(&self, iat: i64) -> bool {
        self.nbf.is_none_or(|nbf| iat >= nbf) && self.exp.is_none_or(|exp| iat < exp)
    }

    /// Whether the key was revoked at or before `iat`.
    pub fn revoked_for(&self, iat: i64) -> bool {
        self.revoked_at.is_some_and(|at| iat >= at)
    }

    /// The key as a published JWK (with `kid`, `alg` and `use`).
    pub fn jwk_json(&self) -> serde_json::Value {
        serde_json::to_value(self.to_jwk()).expect("JWKs always serialise")
    }

    fn to_jwk(&self) -> Jwk {
        Jwk {
            kty: "OKP".into(),
            crv: "Ed25519".into(),
            x: b64::encode(self.key.as_bytes()),
            kid: Some(self.kid.clone()),
            alg: Some("EdDSA".into()),
            key_use: Some("sig".into()),
            key_ops: None,
            nbf: self.nbf,
            exp: self.exp,
            revoked_at: self.revoked_at,
        }
    }
}

/// An issuer's published key set: a JWK Set (RFC 7517) with the issuer's identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySet {
    /// The issuer the keys belong to.
    pub issuer: IssuerInfo,
    /// The keys, unique by `kid`.
    pub keys: Vec<PublicKey>,
    /// The labels of the issuer's attribute keys (empty when it declares none).
    pub attribute_labels: AttributeLabels,
}

/// Why a key set was refused. Messages are in the language set with
/// [`crate::i18n::set_language`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeySetError {
    /// Not JSON, too large, duplicated members or the wrong shape.
    #[error("{}", tr("key-set-json", &[("error", .0.to_string().into())]))]
    Json(#[from] json::JsonError),
    /// The issuer id is invalid.
    #[error("{}", tr("key-set-issuer", &[("problem", tr("key-set-issuer-id", &[("problem", .0.to_string().into())]).into())]))]
    IssuerId(crate::certificate::Problem),
    /// The issuer's display name is invalid.
    #[error("{}", tr("key-set-issuer", &[("problem", tr("key-set-issuer-name", &[("problem", .0.to_string().into())]).into())]))]
    IssuerName(crate::certificate::Problem),
    /// The verification URL is invalid.
    #[error("{}", tr("key-set-issuer", &[("problem", .0.to_string().into())]))]
    VerifyUrl(UrlProblem),
    /// The time zone is not a zone Sello knows (FORMAT.md §5.1).
    #[error("{}", tr("key-set-issuer", &[("problem", .0.to_string().into())]))]
    TimeZone(crate::zone::ZoneProblem),
    /// More keys than [`MAX_KEYS`], or none.
    #[error("{}", tr("key-set-key-count", &[("max", MAX_KEYS.into()), ("count", (*.0).into())]))]
    KeyCount(usize),
    /// A key that is not a usable Ed25519 verification key.
    #[error("{}", tr("key-set-key", &[("index", (*index).into()), ("problem", problem.to_string().into())]))]
    Key {
        /// Position of the key in `keys`.
        index: usize,
        /// What is wrong with it.
        problem: KeyProblem,
    },
    /// Two keys share one `kid`.
    #[error("{}", tr("key-set-duplicate-kid", &[("kid", .0.into())]))]
    DuplicateKid(String),
    /// `attribute_labels` breaks a rule of FORMAT.md §5.1.
    #[error("{}", tr("key-set-labels", &[("problem", .0.to_string().into())]))]
    AttributeLabels(LabelProblem),
}

/// What is wrong with a key set's `attribute_labels` (FORMAT.md §5.1). Keys and language tags
/// quoted in messages are escaped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LabelProblem {
    /// More attributes than [`MAX_LABELLED_ATTRS`].
    #[error("{}", tr("label-count", &[("max", MAX_LABELLED_ATTRS.into()), ("count", (*.0).into())]))]
    Count(usize),
    /// A key that is not an attribute key.
    #[error("{}", tr("label-key", &[("key", untrusted::escape(.0).into())]))]
    Key(String),
    /// No language, or more than [`MAX_LABEL_LANGUAGES`], for one key.
    #[error("{}", tr("label-languages", &[("key", .0.as_str().into()), ("max", MAX_LABEL_LANGUAGES.into())]))]
    Languages(String),
    /// A language tag that is not 2 or 3 lowercase ASCII letters.
    #[error("{}", tr("label-language", &[("key", key.as_str().into()), ("lang", untrusted::escape(lang).into())]))]
    Language {
        /// The attribute key.
        key: String,
        /// The tag as given.
        lang: String,
    },
    /// A label that breaks the text rule with limit [`MAX_LABEL_CHARS`].
    #[error("{}", tr("label-text", &[("key", key.as_str().into()), ("lang", lang.as_str().into()), ("problem", problem.to_string().into())]))]
    Text {
        /// The attribute key.
        key: String,
        /// The language.
        lang: String,
        /// What is wrong with the label.
        problem: crate::certificate::Problem,
    },
}

/// Checks an issuer's attribute labels (FORMAT.md §5.1): at most [`MAX_LABELLED_ATTRS`]
/// keys, in ascending byte order each an attribute key (as in `cert.x`) with 1 to
/// [`MAX_LABEL_LANGUAGES`] languages, each a tag of 2 or 3 lowercase ASCII letters whose label
/// follows the text rule with limit [`MAX_LABEL_CHARS`].
pub fn check_attribute_labels(labels: &AttributeLabels) -> Result<(), LabelProblem> {
    if labels.len() > MAX_LABELLED_ATTRS {
        return Err(LabelProblem::Count(labels.len()));
    }
    for (key, by_lang) in labels {
        if !crate::certificate::is_attribute_key(key) {
            return Err(LabelProblem::Key(key.clone()));
        }
        if by_lang.is_empty() || by_lang.len() > MAX_LABEL_LANGUAGES {
            return Err(LabelProblem::Languages(key.clone()));
        }
        for (lang, label) in by_lang {
            if !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(LabelProblem::Language {
                    key: key.clone(),
                    lang: lang.clone(),
                });
            }
            crate::certificate::check_text(label, MAX_LABEL_CHARS).map_err(|problem| {
                LabelProblem::Text {
                    key: key.clone(),
                    lang: lang.clone(),
                    problem,
                }
            })?;
        }
    }
    Ok(())
}

/// What is wrong with a verification URL (FORMAT.md §5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UrlProblem {
    /// Not `https://` (or `http://` for localhost).
    #[error("{}", tr("url-scheme", &[]))]
    Scheme,
    /// Too long, with `#`, or not printable ASCII.
    #[error("{}", tr("url-shape", &[]))]
    Shape,
}

/// What is wrong with one JWK of a key set (FORMAT.md §5.4).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyProblem {
    /// It holds a private member (its name).
    #[error("{}", tr("key-private", &[("member", (*.0).into())]))]
    Private(&'static str),
    /// Not a JWK of the expected shape.
    #[error("{}", tr("key-not-jwk", &[("error", .0.to_string().into())]))]
    NotJwk(json::JsonError),
    /// Not OKP/Ed25519 (both values, escaped).
    #[error("{}", tr("key-type", &[("kty", kty.into()), ("crv", crv.into())]))]
    Type {
        /// `kty`.
        kty: String,
        /// `crv`.
        crv: String,
    },
    /// `alg` is not EdDSA or Ed25519.
    #[error("{}", tr("key-alg", &[]))]
    Alg,
    /// `key_ops` without `verify`.
    #[error("{}", tr("key-ops", &[]))]
    Ops,
    /// `use` is not `sig`.
    #[error("{}", tr("key-use", &[]))]
    Use,
    /// `x` is not 32 bytes of base64url.
    #[error("{}", tr("key-x-length", &[]))]
    XLength,
    /// `x` is not a curve point.
    #[error("{}", tr("key-x-point", &[]))]
    XPoint,
    /// `x` is not the canonical encoding of its point.
    #[error("{}", tr("key-x-canonical", &[]))]
    XCanonical,
    /// `x` is of small order.
    #[error("{}", tr("key-x-small-order", &[]))]
    XSmallOrder,
    /// The `kid` given is not the key's (the given one, escaped, and the key's).
    #[error("{}", tr("key-kid-mismatch", &[("given", given.into()), ("kid", kid.into())]))]
    KidMismatch {
        /// The `kid` in the document.
        given: String,
        /// The key's own.
        kid: String,
    },
    /// `nbf`, `exp` or `revoked_at` out of range (its name).
    #[error("{}", tr("key-time-range", &[("name", (*.0).into()), ("max", crate::certificate::MAX_TIME.into())]))]
    TimeRange(&'static str),
    /// `exp` not after `nbf`.
    #[error("{}", tr("key-window", &[]))]
    Window,
}

/// A JWK as published. Members Sello does not know are ignored (RFC 7517 §4); private members
/// are refused.
#[derive(Serialize, Deserialize)]
struct Jwk {
    kty: String,
    crv: String,
    x: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    alg: Option<String>,
    #[serde(rename = "use", default, skip_serializing_if = "Option::is_none")]
    key_use: Option<String>,
    #[serde(default, skip_serializing)]
    key_ops: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    nbf: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exp: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    revoked_at: Option<i64>,
}

/// A JWK Set with the issuer's identity, as read. Unknown members are ignored (RFC 7517 §5);
/// keys are read as objects first so that private members can be refused whatever their value.
#[derive(Deserialize)]
struct KeySetDoc {
    issuer: String,
    issuer_name: String,
    #[serde(default)]
    verify_url: Option<String>,
    #[serde(default)]
    time_zone: Option<String>,
    keys: Vec<serde_json::Map<String, serde_json::Value>>,
    #[serde(default)]
    attribute_labels: Option<AttributeLabels>,
}

/// Checks a verification URL: `https://` (or `http://` for localhost), no fragment, bounded.
pub fn check_verify_url(url: &str) -> Result<(), UrlProblem> {
    let local = ["http://localhost", "http://127.0.0.1"].iter().any(|host| {
        url.strip_prefix(host)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/') || rest.starts_with(':'))
    });
    if !(url.starts_with("https://") || local) {
        return Err(UrlProblem::Scheme);
    }
    if url.len() > 200 || url.contains('#') || !url.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(UrlProblem::Shape);
    }
    Ok(())
}

impl KeySet {
    /// Parses and checks a published key set.
    ///
    /// Every key must be an OKP/Ed25519 public key whose `x` is a canonical encoding of a point
    /// that is not of small order; a `kid`, when present, must equal the derived one; `alg` and
    /// `use`, when present, must be `EdDSA` and `sig`; a private member `d` is refused.
    pub fn from_json(bytes: &[u8]) -> Result<KeySet, KeySetError> {
        let doc: KeySetDoc =
            json::parse_strict_object(bytes, MAX_KEY_SET_BYTES, json::Arrays::Allowed)?;
        crate::certificate::check_issuer_id(&doc.issuer)
            .map_err(|e| KeySetError::IssuerId(e.problem))?;
        crate::certificate::check_display_name(&doc.issuer_name)
            .map_err(|e| KeySetError::IssuerName(e.problem))?;
        if let Some(url) = &doc.verify_url {
            check_verify_url(url).map_err(KeySetError::VerifyUrl)?;
        }
        let time_zone = doc
            .time_zone
            .as_deref()
            .map(crate::zone::check_time_zone)
            .transpose()
            .map_err(KeySetError::TimeZone)?;
        if doc.keys.is_empty() || doc.keys.len() > MAX_KEYS {
            return Err(KeySetError::KeyCount(doc.keys.len()));
        }
        let mut keys: Vec<PublicKey> = Vec::with_capacity(doc.keys.len());
        for (index, jwk) in doc.keys.into_iter().enumerate() {
            let key = parse_jwk(jwk).map_err(|problem| KeySetError::Key { index, problem })?;
            if keys.iter().any(|k| k.kid == key.kid) {
                return Err(KeySetError::DuplicateKid(key.kid));
            }
            keys.push(key);
        }
        let attribute_labels = doc.attribute_labels.unwrap_or_default();
        check_attribute_labels(&attribute_labels).map_err(KeySetError::AttributeLabels)?;
        Ok(KeySet {
            issuer: IssuerInfo {
                id: doc.issuer,
                name: doc.issuer_name,
                verify_url: doc.verify_url,
                time_zone,
            },
            keys,
            attribute_labels,
        })
    }

    /// The label the issuer declares for attribute `key` to show a person reading `lang`:
    /// the label in `lang`, else in Spanish, else in English; `None` when it declares none
    /// of them (show the key). The label is untrusted text, to be shown like a claim.
    pub fn attribute_label(&self, key: &str, lang: crate::Lang) -> Option<&str> {
        let by_lang = self.attribute_labels.get(key)?;
        let asked = match lang {
            crate::Lang::Es => "es",
            crate::Lang::En => "en",
        };
        [asked, "es", "en"]
            .iter()
            .find_map(|l| by_lang.get(*l))
            .map(String::as_str)
    }

    /// Serialises the key set as published JSON (pretty-printed, with a final newline).
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            issuer: &'a str,
            issuer_name: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            verify_url: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            time_zone: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            attribute_labels: Option<&'a AttributeLabels>,
            keys: Vec<Jwk>,
        }
        let doc = Out {
            issuer: &self.issuer.id,
            issuer_name: &self.issuer.name,
            verify_url: self.issuer.verify_url.as_deref(),
            time_zone: self.issuer.time_zone.as_deref(),
            attribute_labels: Some(&self.attribute_labels).filter(|l| !l.is_empty()),
            keys: self.keys.iter().map(PublicKey::to_jwk).collect(),
        };
        let mut out = serde_json::to_string_pretty(&doc).expect("key sets always serialise");
        out.push('\n');
        out
    }

    /// Finds a key by `kid`.
    pub fn key(&self, kid: &str) -> Option<&PublicKey> {
        self.keys.iter().find(|k| k.kid == kid)
    }
}

/// Private-key members of any JWK type (RFC 7518 §6, RFC 8037): never in a published set.
const PRIVATE_MEMBERS: [&str; 7] = ["d", "p", "q", "dp", "dq", "qi", "k"];

pub(crate) fn parse_jwk(
    members: serde_json::Map<String, serde_json::Value>,
) -> Result<PublicKey, KeyProblem> {
    if let Some(m) = PRIVATE_MEMBERS.iter().find(|m| members.contains_key(**m)) {
        return Err(KeyProblem::Private(m));
    }
    let jwk: Jwk = serde_json::from_value(serde_json::Value::Object(members))
        .map_err(|e| KeyProblem::NotJwk(json::JsonError::from_value_error(&e)))?;
    if jwk.kty != "OKP" || jwk.crv != "Ed25519" {
        return Err(KeyProblem::Type {
            kty: untrusted::quote(&jwk.kty),
            crv: untrusted::quote(&jwk.crv),
        });
    }
    if jwk
        .alg
        .as_deref()
        .is_some_and(|a| !crate::token::ACCEPTED_ALGS.contains(&a))
    {
        return Err(KeyProblem::Alg);
    }
    if jwk
        .key_ops
        .as_ref()
        .is_some_and(|ops| !ops.iter().any(|op| op == "verify"))
    {
        return Err(KeyProblem::Ops);
    }
    if jwk.key_use.as_deref().is_some_and(|u| u != "sig") {
        return Err(KeyProblem::Use);
    }
    let bytes: [u8; 32] = b64::decode(&jwk.x)
        .and_then(|b| b.try_into().ok())
        .ok_or(KeyProblem::XLength)?;
    let key = VerifyingKey::from_bytes(&bytes).map_err(|_| KeyProblem::XPoint)?;
    // `from_bytes` keeps the bytes it was given; re-encoding the decompressed point shows
    // whether they were the point's one canonical encoding (y < p, no negative zero).
    if key.to_edwards().compress().to_bytes() != bytes {
        return Err(KeyProblem::XCanonical);
    }
    if key.is_weak() {
        return Err(KeyProblem::XSmallOrder);
    }
    let mut key = PublicKey::new(key);
    if let Some(given) = jwk.kid
        && given != key.kid
    {
        return Err(KeyProblem::KidMismatch {
            given: untrusted::quote(&given),
            kid: key.kid,
        });
    }
    for (name, value) in [
        ("nbf", jwk.nbf),
        ("exp", jwk.exp),
        ("revoked_at", jwk.revoked_at),
    ] {
        if value.is_some_and(|v| !(0..=crate::certificate::MAX_TIME).contains(&v)) {
            return Err(KeyProblem::TimeRange(name));
        }
    }
    if let (Some(nbf), Some(exp)) = (jwk.nbf, jwk.exp)
        && exp <= nbf
    {
        return Err(KeyProblem::Window);
    }
    key.nbf = jwk.nbf;
    key.exp = jwk.exp;
    key.revoked_at = jwk.revoked_at;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    // RFC 8037 appendix A.2 public key.
    const RFC8037_X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    fn rfc_key() -> VerifyingKey {
        let bytes: [u8; 32] = b64::decode(RFC8037_X).unwrap().try_into().unwrap();
        VerifyingKey::from_bytes(&bytes).unwrap()
    }

    #[test]
    fn rfc8037_a3_thumbprint() {
        assert_eq!(
            thumbprint(&rfc_key()),
            "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
        );
        assert_eq!(kid(&rfc_key()), "kPrK_qmxVWY");
        assert_eq!(kid(&rfc_key()).len(), KID_LEN);
    }

    fn doc(keys: &str) -> String {
        format!(r#"{{"issuer":"mx.test","issuer_name":"Prueba","keys":[{keys}]}}"#)
    }

    #[test]
    fn parses_and_round_trips() {
        let json = doc(&format!(
            r#"{{"kty":"OKP","crv":"Ed25519","x":"{RFC8037_X}","kid":"kPrK_qmxVWY","nbf":10,"exp":20}}"#
        ));
        let set = KeySet::from_json(json.as_bytes()).unwrap();
        assert_eq!(set.issuer.id, "mx.test");
        let key = set.key("kPrK_qmxVWY").unwrap();
        assert!(key.may_sign_at(10) && key.may_sign_at(19));
        assert!(!key.may_sign_at(9) && !key.may_sign_at(20));
        assert_eq!(KeySet::from_json(set.to_json().as_bytes()).unwrap(), set);
    }

    #[test]
    fn refuses_bad_keys() {
        let cases = [
            (format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{RFC8037_X}","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}}"#), KeyProblem::Private("d")),
            (format!(r#"{{"kty":"OKP","crv":"X25519","x":"{RFC8037_X}"}}"#), KeyProblem::Type { kty: "OKP".into(), crv: "X25519".into() }),
            (format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{RFC8037_X}","kid":"other"}}"#), KeyProblem::KidMismatch { given: "other".into(), kid: "kPrK_qmxVWY".into() }),
            (format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{RFC8037_X}","alg":"ES256"}}"#), KeyProblem::Alg),
            // The identity point (order 1) and a point of order 8.
            (r#"{"kty":"OKP","crv":"Ed25519","x":"AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}"#.into(), KeyProblem::XSmallOrder),
            (r#"{"kty":"OKP","crv":"Ed25519","x":"7P_______________________________________38"}"#.into(), KeyProblem::XSmallOrder),
            (r#"{"kty":"OKP","crv":"Ed25519","x":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}"#.into(), KeyProblem::XSmallOrder),
            (r#"{"kty":"OKP","crv":"Ed25519","x":"JuiVj8KyJ7BFw_SJ8u-Y8NXfrAXTxjM5sTgCiG1T_AU"}"#.into(), KeyProblem::XSmallOrder),
            (r#"{"kty":"OKP","crv":"Ed25519","x":"AAAA"}"#.into(), KeyProblem::XLength),
            (format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{RFC8037_X}","key_ops":["sign"]}}"#), KeyProblem::Ops),
        ];
        for (key, expect) in cases {
            let err = KeySet::from_json(doc(&key).as_bytes()).unwrap_err();
            assert_eq!(
                err,
                KeySetError::Key {
                    index: 0,
                    problem: expect
                },
                "{key}"
            );
        }
        let dup = format!(
            r#"{{"kty":"OKP","crv":"Ed25519","x":"{RFC8037_X}"}},{{"kty":"OKP","crv":"Ed25519","x":"{RFC8037_X}"}}"#
        );
        assert!(matches!(
            KeySet::from_json(doc(&dup).as_bytes()),
            Err(KeySetError::DuplicateKid(_))
        ));
        assert!(matches!(
            KeySet::from_json(doc("").as_bytes()),
            Err(KeySetError::KeyCount(0))
        ));
    }

    #[test]
    fn ignores_unknown_members_like_webcrypto_exports() {
        // What WebCrypto's exportKey("jwk") produces, in a set with an extra top-level member.
        let json = format!(
            r#"{{"issuer":"mx.test","issuer_name":"Prueba","logo":"x.png","keys":[{{"key_ops":["verify"],"ext":true,"crv":"Ed25519","x":"{RFC8037_X}","kty":"OKP","alg":"Ed25519"}}]}}"#
        );
        let set = KeySet::from_json(json.as_bytes()).unwrap();
        assert_eq!(set.keys[0].kid, "kPrK_qmxVWY");
    }

    #[test]
    fn refuses_private_members_even_null_and_bad_windows() {
        for extra in [
            r#""d":null"#,
            r#""p":"AA""#,
            r#""nbf":20,"exp":10"#,
            r#""exp":-1"#,
        ] {
            let json = doc(&format!(
                r#"{{"kty":"OKP","crv":"Ed25519","x":"{RFC8037_X}",{extra}}}"#
            ));
            assert!(KeySet::from_json(json.as_bytes()).is_err(), "{extra}");
        }
        let bell = format!(
            r#"{{"issuer":"mx.t","issuer_name":"T","keys":[{{"kty":"OKP","crv":"Ed25519","x":"{RFC8037_X}"}}]}}"#
        );
        assert!(KeySet::from_json(bell.as_bytes()).is_err());
    }

    #[test]
    fn refuses_invisible_format_characters_in_the_issuer_name() {
        for name in [
            "CECATI 149 \u{202e}",
            "CECATI\u{200b}149",
            "CECATI 149\u{2069}",
        ] {
            let json = serde_json::json!({
                "issuer": "mx.test",
                "issuer_name": name,
                "keys": [{"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X}],
            })
            .to_string();
            let err = KeySet::from_json(json.as_bytes()).unwrap_err();
            assert!(
                matches!(
                    err,
                    KeySetError::IssuerName(crate::certificate::Problem::ForbiddenCharacters)
                ),
                "{name:?}: {err}"
            );
            assert!(crate::untrusted::first_forbidden(&err.to_string()).is_none());
        }
    }

    #[test]
    fn verify_url_rules() {
        assert!(check_verify_url("https://v.example.mx/v").is_ok());
        assert!(check_verify_url("http://localhost:8080/").is_ok());
        assert!(check_verify_url("http://127.0.0.1/").is_ok());
        assert!(check_verify_url("http://localhost.evil.example/v").is_err());
        assert!(check_verify_url("http://v.example.mx/").is_err());
        assert!(check_verify_url("https://v.example.mx/#x").is_err());
    }

    #[test]
    fn refuses_non_canonical_encodings_of_ordinary_points() {
        // The RFC 8037 key's point with the sign bit of x flipped is a different, valid point;
        // adding p to y of a point with small y gives a non-canonical encoding of it. Build the
        // latter from the base point's neighbour y = 4 (a valid non-small-order y).
        let mut y = [0u8; 32];
        y[0] = 4;
        let canonical = VerifyingKey::from_bytes(&y).expect("y = 4 is on the curve");
        assert!(!canonical.is_weak());
        // y + p, little-endian: p = 2^255 - 19.
        let mut non = [0xffu8; 32];
        non[0] = 0xed + 4;
        non[31] = 0x7f;
        let json = doc(&format!(
            r#"{{"kty":"OKP","crv":"Ed25519","x":"{}"}}"#,
            b64::encode(&non)
        ));
        let err = KeySet::from_json(json.as_bytes()).unwrap_err();
        assert!(
            matches!(
                err,
                KeySetError::Key {
                    problem: KeyProblem::XCanonical,
                    ..
                }
            ),
            "{err}"
        );
        let json = doc(&format!(
            r#"{{"kty":"OKP","crv":"Ed25519","x":"{}"}}"#,
            b64::encode(&y)
        ));
        assert!(KeySet::from_json(json.as_bytes()).is_ok());
    }

    #[test]
    fn refuses_non_canonical_x() {
        // y = p + 1 encodes the same point as y = 1 (the identity) non-canonically. Whatever the
        // decoder does with it, the key set must refuse it.
        let mut y = [0xffu8; 32];
        y[0] = 0xee;
        y[31] = 0x7f;
        let json = doc(&format!(
            r#"{{"kty":"OKP","crv":"Ed25519","x":"{}"}}"#,
            b64::encode(&y)
        ));
        assert!(KeySet::from_json(json.as_bytes()).is_err());
    }

    fn labelled(labels: &str) -> String {
        format!(
            r#"{{"issuer":"mx.test","issuer_name":"Prueba","attribute_labels":{labels},"keys":[{{"kty":"OKP","crv":"Ed25519","x":"{RFC8037_X}"}}]}}"#
        )
    }

    #[test]
    fn attribute_labels_parse_round_trip_and_fall_back() {
        let json = labelled(
            r#"{"dep":{"es":"Departamento","en":"Department"},"turno":{"es":"Turno"},"x.y":{"nah":"Tequitl"}}"#,
        );
        let set = KeySet::from_json(json.as_bytes()).unwrap();
        assert_eq!(set.attribute_label("dep", Lang::Es), Some("Departamento"));
        assert_eq!(set.attribute_label("dep", Lang::En), Some("Department"));
        assert_eq!(set.attribute_label("turno", Lang::En), Some("Turno"));
        assert_eq!(set.attribute_label("x.y", Lang::Es), None);
        assert_eq!(set.attribute_label("lugar", Lang::Es), None);
        let again = KeySet::from_json(set.to_json().as_bytes()).unwrap();
        assert_eq!(again, set);
        assert!(set.to_json().contains("\"attribute_labels\""));
        // Absent, null and {} are the same: no labels, and nothing written.
        for labels in ["null", "{}"] {
            let set = KeySet::from_json(labelled(labels).as_bytes()).unwrap();
            assert!(set.attribute_labels.is_empty());
            assert!(!set.to_json().contains("attribute_labels"));
        }
    }

    #[test]
    fn attribute_labels_are_parsed_strictly() {
        let long = "a".repeat(61);
        let many: Vec<String> = (0..17).map(|i| format!(r#""k{i}":{{"es":"K"}}"#)).collect();
        let langs: Vec<String> = ["aa", "bb", "cc", "dd", "ee", "ff", "gg", "hh", "ii"]
            .iter()
            .map(|l| format!(r#""{l}":"L""#))
            .collect();
        for (labels, want) in [
            (r#"[]"#.to_owned(), "json"),
            (r#""Departamento""#.to_owned(), "json"),
            (r#"{"dep":"Departamento"}"#.to_owned(), "json"),
            (r#"{"dep":{"es":5}}"#.to_owned(), "json"),
            (r#"{"dep":{"es":null}}"#.to_owned(), "json"),
            (r#"{"dep":{"es":"A","es":"B"}}"#.to_owned(), "json"),
            (r#"{"Dep":{"es":"A"}}"#.to_owned(), "key"),
            (r#"{"":{"es":"A"}}"#.to_owned(), "key"),
            (r#"{"dep":{}}"#.to_owned(), "languages"),
            (format!(r#"{{"dep":{{{}}}}}"#, langs.join(",")), "languages"),
            (format!("{{{}}}", many.join(",")), "count"),
            (r#"{"dep":{"ES":"A"}}"#.to_owned(), "language"),
            (r#"{"dep":{"es-MX":"A"}}"#.to_owned(), "language"),
            (r#"{"dep":{"es":" "}}"#.to_owned(), "text"),
            (format!(r#"{{"dep":{{"es":"{long}"}}}}"#), "text"),
            (r#"{"dep":{"es":"Depa\u202ertamento"}}"#.to_owned(), "text"),
            (r#"{"dep":{"es":"A\nB"}}"#.to_owned(), "text"),
        ] {
            let got = KeySet::from_json(labelled(&labels).as_bytes());
            let kind = match &got {
                Err(KeySetError::Json(_)) => "json",
                Err(KeySetError::AttributeLabels(LabelProblem::Key(_))) => "key",
                Err(KeySetError::AttributeLabels(LabelProblem::Languages(_))) => "languages",
                Err(KeySetError::AttributeLabels(LabelProblem::Count(_))) => "count",
                Err(KeySetError::AttributeLabels(LabelProblem::Language { .. })) => "language",
                Err(KeySetError::AttributeLabels(LabelProblem::Text { .. })) => "text",
                other => panic!("{labels}: {other:?}"),
            };
            assert_eq!(kind, want, "{labels}");
        }
        // Exactly at the limits.
        let sixty = "é".repeat(60);
        let at_limit = format!(r#"{{"dep":{{"es":"{sixty}"}}}}"#);
        assert!(KeySet::from_json(labelled(&at_limit).as_bytes()).is_ok());
        let sixteen: Vec<String> = (0..16).map(|i| format!(r#""k{i}":{{"es":"K"}}"#)).collect();
        assert!(
            KeySet::from_json(labelled(&format!("{{{}}}", sixteen.join(","))).as_bytes()).is_ok()
        );
        // A forbidden character in a refused key is escaped in the message.
        let err = KeySet::from_json(labelled(r#"{"d\u001bp":{"es":"A"}}"#).as_bytes()).unwrap_err();
        assert!(!err.to_string().contains('\u{1b}'), "{err}");
    }

    #[test]
    fn the_time_zone_member() {
        let key = format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{RFC8037_X}"}}"#);
        let with = |zone: &str| {
            format!(
                r#"{{"issuer":"mx.test","issuer_name":"Prueba","time_zone":{zone},"keys":[{key}]}}"#
            )
        };
        // Known zones, in the tz database's spelling; written back and read alike.
        for (given, kept) in [
            (r#""America/Mexico_City""#, Some("America/Mexico_City")),
            (r#""america/tijuana""#, Some("America/Tijuana")),
            (r#""UTC""#, Some("UTC")),
            ("null", None),
        ] {
            let set = KeySet::from_json(with(given).as_bytes()).unwrap();
            assert_eq!(set.issuer.time_zone.as_deref(), kept, "{given}");
            assert_eq!(KeySet::from_json(set.to_json().as_bytes()).unwrap(), set);
            assert_eq!(set.to_json().contains("time_zone"), kept.is_some());
        }
        assert_eq!(
            KeySet::from_json(doc(&key).as_bytes())
                .unwrap()
                .issuer
                .time_zone,
            None
        );
        // Unknown or malformed zones are refused, never shown in some other zone.
        for (bad, unknown) in [
            (r#""America/Atlantis""#, true),
            (r#""Etc/Unknown""#, true),
            (r#""US/Eastern""#, false),
            (r#""EST""#, false),
            (r#""-06:00""#, false),
            (r#""""#, false),
        ] {
            let err = KeySet::from_json(with(bad).as_bytes()).unwrap_err();
            assert!(
                matches!(
                    (&err, unknown),
                    (
                        KeySetError::TimeZone(crate::zone::ZoneProblem::Unknown(_)),
                        true
                    ) | (
                        KeySetError::TimeZone(crate::zone::ZoneProblem::Shape(_)),
                        false
                    )
                ),
                "{bad}: {err:?}"
            );
        }
        assert!(KeySet::from_json(with("5").as_bytes()).is_err());
    }
}
