//! The generator of the shared test vectors in `tests/vectors/`.
//!
//! Ed25519 signatures are deterministic, so running this again gives byte-identical files; the
//! test suite checks that the committed files are current (`SELLO_WRITE_VECTORS=1` rewrites
//! them). Every other implementation (the web page's JS verifier) must pass the files as they
//! are: verify `token` at time `at` with the key sets and leeway of its file, and get `verdict`
//! and `reason`.

use crate::keys::{key_set, public_key, signing_key};
use ed25519_dalek::{Signer as _, SigningKey};
use sello_core::b64;
use sello_core::jwk::{KeySet, kid, thumbprint};
use sello_core::status::{self, StatusList};
use serde_json::{Value, json};

/// Issue time of most vectors: 2026-01-01T00:00:00Z.
pub const T0: i64 = 1_767_225_600;
/// Verification time of most vectors: 30 days later.
pub const AT: i64 = T0 + 30 * 86_400;
/// Leeway used by every vector file.
pub const LEEWAY: i64 = 60;
/// The main test issuer.
pub const ISSUER: &str = "mx.sello.prueba";
/// A second, unrelated test issuer.
pub const OTHER: &str = "mx.otro.emisor";
/// Signing window of the rotated key (seed 2): [WINDOW_START, WINDOW_END).
pub const WINDOW_START: i64 = T0 - 365 * 86_400;
/// End of the rotated key's window.
pub const WINDOW_END: i64 = T0 + 10 * 86_400;
/// Compromise time of the revoked key (seed 3).
pub const REVOKED_AT: i64 = T0 + 5 * 86_400;

/// The trusted key sets of the vectors: the main issuer with an active key (seed 1), a rotated
/// key (seed 2) and a compromised key (seed 3); and another issuer (seed 4). Seed 5 is a key
/// nobody trusts.
pub fn key_sets() -> Vec<KeySet> {
    let mut rotated = public_key(2);
    rotated.nbf = Some(WINDOW_START);
    rotated.exp = Some(WINDOW_END);
    let mut revoked = public_key(3);
    revoked.revoked_at = Some(REVOKED_AT);
    let mut main = key_set(ISSUER, vec![public_key(1), rotated, revoked]);
    main.attribute_labels = [
        ("dep", &[("en", "Department"), ("es", "Departamento")][..]),
        ("turno", &[("es", "Turno")][..]),
    ]
    .iter()
    .map(|(key, labels)| {
        let labels = labels
            .iter()
            .map(|(l, t)| ((*l).to_owned(), (*t).to_owned()))
            .collect();
        ((*key).to_owned(), labels)
    })
    .collect();
    vec![main, key_set(OTHER, vec![public_key(4)])]
}

/// The labels a verifier must read from the key sets of `labels.json` (FORMAT.md §5.1):
/// `(issuer, attribute key, language, label or None)`.
pub fn expected_labels(
    file: &str,
) -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
)> {
    match file {
        "labels.json" => vec![
            (ISSUER, "dep", "es", Some("Departamento")),
            (ISSUER, "dep", "en", Some("Department")),
            (ISSUER, "turno", "en", Some("Turno")),
            (ISSUER, "lugar", "es", None),
            (OTHER, "dep", "es", None),
        ],
        _ => Vec::new(),
    }
}

/// Key-set documents a verifier must refuse, per vector file: `(name, description, text)`.
/// Each differs from the main issuer's key set only in `attribute_labels`.
pub fn refused_key_sets(file: &str) -> Vec<(&'static str, &'static str, String)> {
    if file != "labels.json" {
        return Vec::new();
    }
    let with = |labels: &str| {
        let set = key_set(ISSUER, vec![public_key(1)]).to_json();
        set.replacen(
            "\n  \"keys\"",
            &format!("\n  \"attribute_labels\": {labels},\n  \"keys\""),
            1,
        )
    };
    let many: Vec<String> = (0..17).map(|i| format!(r#""k{i}":{{"es":"K"}}"#)).collect();
    let langs: Vec<String> = ["aa", "bb", "cc", "dd", "ee", "ff", "gg", "hh", "ii"]
        .iter()
        .map(|l| format!(r#""{l}":"L""#))
        .collect();
    vec![
        (
            "labels_not_an_object",
            "attribute_labels is an array.",
            with("[]"),
        ),
        (
            "label_not_an_object",
            "A key's labels are a string, not an object of languages.",
            with(r#"{"dep":"Departamento"}"#),
        ),
        (
            "label_not_a_string",
            "A label is a number.",
            with(r#"{"dep":{"es":5}}"#),
        ),
        (
            "label_null",
            "A label is null (null is absent only for attribute_labels itself).",
            with(r#"{"dep":{"es":null}}"#),
        ),
        (
            "label_duplicate_language",
            "One language twice (§2.2: duplicate members).",
            with(r#"{"dep":{"es":"A","es":"B"}}"#),
        ),
        (
            "label_key_uppercase",
            "An attribute key with an uppercase letter.",
            with(r#"{"Dep":{"es":"Departamento"}}"#),
        ),
        (
            "label_key_empty",
            "An empty attribute key.",
            with(r#"{"":{"es":"Departamento"}}"#),
        ),
        (
            "label_key_41_bytes",
            "An attribute key of 41 bytes.",
            with(&format!(r#"{{"{}":{{"es":"A"}}}}"#, "a".repeat(41))),
        ),
        (
            "label_no_language",
            "A key with no language.",
            with(r#"{"dep":{}}"#),
        ),
        (
            "label_nine_languages",
            "A key in nine languages.",
            with(&format!(r#"{{"dep":{{{}}}}}"#, langs.join(","))),
        ),
        (
            "labels_17_attributes",
            "Seventeen attributes with labels.",
            with(&format!("{{{}}}", many.join(","))),
        ),
        (
            "label_language_uppercase",
            "A language tag ES.",
            with(r#"{"dep":{"ES":"Departamento"}}"#),
        ),
        (
            "label_language_region",
            "A language tag es-MX (only 2 or 3 lowercase letters).",
            with(r#"{"dep":{"es-MX":"Departamento"}}"#),
        ),
        (
            "label_blank",
            "A blank label.",
            with(r#"{"dep":{"es":" \u00a0"}}"#),
        ),
        (
            "label_61_characters",
            "A label of 61 characters.",
            with(&format!(r#"{{"dep":{{"es":"{}"}}}}"#, "é".repeat(61))),
        ),
        (
            "label_right_to_left_override",
            "A label with U+202E.",
            with(r#"{"dep":{"es":"Depa\u202ertamento"}}"#),
        ),
        (
            "label_line_break",
            "A label with a line break.",
            with(r#"{"dep":{"es":"Depa\nrtamento"}}"#),
        ),
        (
            "label_zero_width_space",
            "A label with U+200B.",
            with(r#"{"dep":{"es":"Depa\u200brtamento"}}"#),
        ),
    ]
}

fn kid_of(seed: u8) -> String {
    kid(&signing_key(seed).verifying_key())
}

fn header(seed: u8) -> String {
    format!(
        r#"{{"alg":"EdDSA","kid":"{}","typ":"sello+jwt"}}"#,
        kid_of(seed)
    )
}

/// Signs raw header and payload JSON text with `key`, exactly as given.
pub fn raw_token(header: &str, payload: &str, key: &SigningKey) -> String {
    let input = format!(
        "{}.{}",
        b64::encode(header.as_bytes()),
        b64::encode(payload.as_bytes())
    );
    let sig = key.sign(input.as_bytes());
    format!("{input}.{}", b64::encode(&sig.to_bytes()))
}

fn payload(iss: &str, iat: i64, extra: &str) -> String {
    format!(
        r#"{{"iss":"{iss}","jti":"PRB1-0001-A7KQ","iat":{iat}{extra},"cert":{{"h":{{"n":"Ana Karen García Sánchez","id":"GASA790210MMCRNN06"}},"a":{{"c":"EC0105","t":"Atención al ciudadano en el sector público"}},"u":"CECATI 149"}}}}"#
    )
}

fn token(seed: u8, iat: i64, extra: &str) -> String {
    raw_token(
        &header(seed),
        &payload(ISSUER, iat, extra),
        &signing_key(seed),
    )
}

struct Case {
    name: &'static str,
    description: &'static str,
    token: String,
    at: i64,
    reason: Option<&'static str>,
    verdict: &'static str,
    /// Why the text's numeric form gives no token (`numeric_error`, FORMAT.md §10.2).
    numeric_error: Option<&'static str>,
}

fn valid(name: &'static str, description: &'static str, token: String, at: i64) -> Case {
    Case {
        name,
        description,
        token,
        at,
        reason: None,
        verdict: "valid",
        numeric_error: None,
    }
}

fn bad(name: &'static str, description: &'static str, token: String, reason: &'static str) -> Case {
    let verdict = if reason == "status_unavailable" {
        "indeterminate"
    } else {
        "invalid"
    };
    Case {
        name,
        description,
        token,
        at: AT,
        reason: Some(reason),
        verdict,
        numeric_error: None,
    }
}

fn with_at(mut case: Case, at: i64) -> Case {
    case.at = at;
    case
}

/// ℓ, the order of the Ed25519 base point, little-endian (RFC 8032 §5.1).
pub const GROUP_ORDER: [u8; 32] = [
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
];

/// Replaces the signature part of a token.
fn resign(token: &str, signature: &[u8]) -> String {
    let (input, _) = token.rsplit_once('.').expect("three parts");
    format!("{input}.{}", b64::encode(signature))
}

fn set_part(token: &str, index: usize, part: &str) -> String {
    let mut parts: Vec<&str> = token.split('.').collect();
    parts[index] = part;
    parts.join(".")
}

fn base_files() -> Vec<(&'static str, &'static str, Vec<Case>)> {
    let good = token(1, T0, "");
    let (h, p, s) = {
        let v: Vec<&str> = good.split('.').collect();
        (v[0].to_owned(), v[1].to_owned(), v[2].to_owned())
    };
    let sig = b64::decode(&s).expect("signature");
    let key1 = signing_key(1);
    let hdr = |json: &str| raw_token(json, &payload(ISSUER, T0, ""), &key1);
    let k1 = kid_of(1);

    // S + L: the same signature with its scalar increased by the group order (malleability).
    let mut malleable = sig.clone();
    let mut carry = 0u16;
    for i in 0..32 {
        let sum = u16::from(malleable[32 + i]) + u16::from(GROUP_ORDER[i]) + carry;
        malleable[32 + i] = sum as u8;
        carry = sum >> 8;
    }

    vec![
        (
            "valid.json",
            "Tokens that must verify as valid.",
            vec![
                valid(
                    "minimal",
                    "Holder, achievement, unit; no expiry.",
                    good.clone(),
                    AT,
                ),
                valid(
                    "full",
                    "Every optional field: holder id, level, attrs, nbf, exp.",
                    raw_token(
                        &header(1),
                        &format!(
                            r#"{{"iss":"{ISSUER}","jti":"PRB1-0002-ZX9W","iat":{T0},"nbf":{T0},"exp":{},"cert":{{"h":{{"n":"José Luis Martínez Ramírez","id":"MARL760302HMCRMS00"}},"a":{{"c":"EC0105","t":"Atención al ciudadano en el sector público","l":"2"}},"u":"CECATI 149","x":{{"dep":"Tesorería Municipal","grupo":"B-07"}}}}}}"#,
                            T0 + 3 * 365 * 86_400
                        ),
                        &key1,
                    ),
                    AT,
                ),
                valid(
                    "url_fragment",
                    "The QR content form: verification URL, '#', token.",
                    format!("https://verifica.example.mx/v#{good}"),
                    AT,
                ),
                valid(
                    "typ_media_type_form",
                    "typ compares case-insensitively and may carry the application/ prefix.",
                    hdr(&format!(
                        r#"{{"alg":"EdDSA","kid":"{k1}","typ":"application/SELLO+JWT"}}"#
                    )),
                    AT,
                ),
                valid(
                    "alg_ed25519",
                    "alg Ed25519: RFC 9864's fully-specified name for the same algorithm.",
                    hdr(&format!(
                        r#"{{"alg":"Ed25519","kid":"{k1}","typ":"sello+jwt"}}"#
                    )),
                    AT,
                ),
                valid(
                    "rotated_key_inside_window",
                    "Signed by the rotated key inside its window, checked after the window closed.",
                    token(2, T0, ""),
                    WINDOW_END + 100 * 86_400,
                ),
                valid(
                    "compromised_key_before_compromise",
                    "Signed by the compromised key one second before its revoked_at.",
                    token(3, REVOKED_AT - 1, ""),
                    AT,
                ),
                valid(
                    "exp_inside_leeway",
                    "Checked 59 s after exp: inside the 60 s leeway.",
                    token(1, T0, &format!(r#","exp":{}"#, T0 + 86_400)),
                    T0 + 86_400 + 59,
                ),
            ],
        ),
        (
            "malformed.json",
            "Tokens that are not well-formed Sello JWS: reason malformed_token.",
            vec![
                bad(
                    "empty",
                    "The empty string.",
                    String::new(),
                    "malformed_token",
                ),
                bad(
                    "two_parts",
                    "Signature part missing.",
                    format!("{h}.{p}"),
                    "malformed_token",
                ),
                bad(
                    "four_parts",
                    "An extra segment.",
                    format!("{good}.{s}"),
                    "malformed_token",
                ),
                bad(
                    "padded_base64",
                    "Base64 padding is not allowed.",
                    set_part(&good, 0, &format!("{h}=")),
                    "malformed_token",
                ),
                bad(
                    "standard_alphabet",
                    "'+' is not in the base64url alphabet.",
                    set_part(&good, 2, &format!("+{}", &s[1..])),
                    "malformed_token",
                ),
                bad(
                    "inner_whitespace",
                    "A space inside the token.",
                    good.replacen('.', ". ", 1),
                    "malformed_token",
                ),
                bad(
                    "payload_not_json",
                    "The payload is plain text.",
                    raw_token(&header(1), "hola", &key1),
                    "malformed_token",
                ),
                bad(
                    "payload_array",
                    "The payload is a JSON array.",
                    raw_token(&header(1), "[1,2]", &key1),
                    "malformed_token",
                ),
                bad(
                    "duplicate_claim",
                    "The payload repeats iss.",
                    raw_token(
                        &header(1),
                        &payload(ISSUER, T0, &format!(r#","iss":"{OTHER}""#)),
                        &key1,
                    ),
                    "malformed_token",
                ),
                bad(
                    "unknown_claim",
                    "A claim Sello does not define.",
                    raw_token(&header(1), &payload(ISSUER, T0, r#","admin":true"#), &key1),
                    "malformed_token",
                ),
                bad(
                    "status_as_array",
                    "status written as an array: the format has objects only.",
                    token(1, T0, r#","status":[42]"#),
                    "malformed_token",
                ),
                bad(
                    "claims_as_array",
                    "The whole claims set as an array, members in declaration order.",
                    raw_token(
                        &header(1),
                        &format!(
                            r#"["{ISSUER}","PRB1-0001-A7KQ",{T0},null,null,[["Ana"],["EC0105","T"]]]"#
                        ),
                        &key1,
                    ),
                    "malformed_token",
                ),
                bad(
                    "iat_string",
                    "iat as a string.",
                    raw_token(
                        &header(1),
                        &payload(ISSUER, T0, "")
                            .replace(&format!("\"iat\":{T0}"), &format!("\"iat\":\"{T0}\"")),
                        &key1,
                    ),
                    "malformed_token",
                ),
                bad(
                    "iat_beyond_i64",
                    "iat larger than any 64-bit integer.",
                    raw_token(
                        &header(1),
                        &payload(ISSUER, T0, "")
                            .replace(&format!("\"iat\":{T0}"), "\"iat\":100000000000000000000"),
                        &key1,
                    ),
                    "malformed_token",
                ),
                bad(
                    "short_signature",
                    "A 63-byte signature.",
                    resign(&good, &sig[..63]),
                    "malformed_token",
                ),
                bad(
                    "oversize",
                    "Over the 4,096-byte cap.",
                    format!("{h}.{}.{s}", "A".repeat(4096)),
                    "malformed_token",
                ),
                bad(
                    "header_duplicate_member",
                    "The header repeats alg.",
                    hdr(&format!(
                        r#"{{"alg":"EdDSA","kid":"{k1}","typ":"sello+jwt","alg":"EdDSA"}}"#
                    )),
                    "malformed_token",
                ),
            ],
        ),
        (
            "unsupported_header.json",
            "Headers Sello refuses: reason unsupported_header.",
            vec![
                bad(
                    "alg_none",
                    "alg none.",
                    hdr(&format!(
                        r#"{{"alg":"none","kid":"{k1}","typ":"sello+jwt"}}"#
                    )),
                    "unsupported_header",
                ),
                bad(
                    "alg_hs256",
                    "alg HS256 (the classic public-key-as-HMAC-secret confusion).",
                    hdr(&format!(
                        r#"{{"alg":"HS256","kid":"{k1}","typ":"sello+jwt"}}"#
                    )),
                    "unsupported_header",
                ),
                bad(
                    "alg_rs256",
                    "alg RS256.",
                    hdr(&format!(
                        r#"{{"alg":"RS256","kid":"{k1}","typ":"sello+jwt"}}"#
                    )),
                    "unsupported_header",
                ),
                bad(
                    "alg_es256",
                    "alg ES256.",
                    hdr(&format!(
                        r#"{{"alg":"ES256","kid":"{k1}","typ":"sello+jwt"}}"#
                    )),
                    "unsupported_header",
                ),
                bad(
                    "alg_lowercase",
                    "alg eddsa: names are case-sensitive.",
                    hdr(&format!(
                        r#"{{"alg":"eddsa","kid":"{k1}","typ":"sello+jwt"}}"#
                    )),
                    "unsupported_header",
                ),
                bad(
                    "alg_ed25519_lowercase",
                    "alg ed25519: names are case-sensitive.",
                    hdr(&format!(
                        r#"{{"alg":"ed25519","kid":"{k1}","typ":"sello+jwt"}}"#
                    )),
                    "unsupported_header",
                ),
                bad(
                    "jwk_member",
                    "A key embedded in the header.",
                    hdr(&format!(
                        r#"{{"alg":"EdDSA","kid":"{k1}","typ":"sello+jwt","jwk":{{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}}}}"#
                    )),
                    "unsupported_header",
                ),
                bad(
                    "jku_member",
                    "A key-set URL in the header.",
                    hdr(&format!(
                        r#"{{"alg":"EdDSA","kid":"{k1}","typ":"sello+jwt","jku":"https://evil.example/jwks.json"}}"#
                    )),
                    "unsupported_header",
                ),
                bad(
                    "x5c_member",
                    "A certificate chain in the header.",
                    hdr(&format!(
                        r#"{{"alg":"EdDSA","kid":"{k1}","typ":"sello+jwt","x5c":["AAAA"]}}"#
                    )),
                    "unsupported_header",
                ),
                bad(
                    "crit_member",
                    "A critical extension.",
                    hdr(&format!(
                        r#"{{"alg":"EdDSA","kid":"{k1}","typ":"sello+jwt","crit":["exp"]}}"#
                    )),
                    "unsupported_header",
                ),
                bad(
                    "zip_member",
                    "Compression.",
                    hdr(&format!(
                        r#"{{"alg":"EdDSA","kid":"{k1}","typ":"sello+jwt","zip":"DEF"}}"#
                    )),
                    "unsupported_header",
                ),
                bad(
                    "typ_jwt",
                    "typ JWT: another kind of token.",
                    hdr(&format!(r#"{{"alg":"EdDSA","kid":"{k1}","typ":"JWT"}}"#)),
                    "unsupported_header",
                ),
            ],
        ),
        (
            "invalid_claims.json",
            "Well-formed tokens whose claims break the format's rules: reason invalid_claims.",
            vec![
                bad(
                    "empty_holder_name",
                    "The holder's name is blank.",
                    raw_token(
                        &header(1),
                        &payload(ISSUER, T0, "").replace("Ana Karen García Sánchez", " "),
                        &key1,
                    ),
                    "invalid_claims",
                ),
                bad(
                    "exp_before_iat",
                    "exp earlier than iat.",
                    token(1, T0, &format!(r#","exp":{}"#, T0 - 1)),
                    "invalid_claims",
                ),
                bad(
                    "serial_with_slash",
                    "A serial with a path separator.",
                    raw_token(
                        &header(1),
                        &payload(ISSUER, T0, "").replace("PRB1-0001-A7KQ", "../../etc"),
                        &key1,
                    ),
                    "invalid_claims",
                ),
                bad(
                    "negative_iat",
                    "iat before the epoch.",
                    token(1, -5, ""),
                    "invalid_claims",
                ),
                bad(
                    "exp_at_i64_max",
                    "exp at the largest 64-bit integer (after the year 9999): no overflow, refused.",
                    token(1, T0, &format!(r#","exp":{}"#, i64::MAX)),
                    "invalid_claims",
                ),
            ],
        ),
        (
            "trust.json",
            "Issuer and key selection: the token's iss picks a trusted issuer, its kid a key of that issuer only.",
            vec![
                bad(
                    "unknown_issuer",
                    "iss names an issuer nobody trusts.",
                    raw_token(&header(1), &payload("mx.desconocido", T0, ""), &key1),
                    "unknown_issuer",
                ),
                bad(
                    "unknown_key",
                    "Signed by a key the issuer never published.",
                    token(5, T0, ""),
                    "unknown_key",
                ),
                bad(
                    "other_issuers_kid",
                    "Signed by another trusted issuer's key, claiming to be this issuer.",
                    token(4, T0, ""),
                    "unknown_key",
                ),
            ],
        ),
        (
            "signature.json",
            "Signatures that must not verify (strict Ed25519): reason bad_signature.",
            vec![
                bad(
                    "tampered_payload",
                    "The holder's name changed after signing.",
                    set_part(
                        &good,
                        1,
                        &b64::encode(
                            payload(ISSUER, T0, "")
                                .replace("Ana Karen", "Ana Carla")
                                .as_bytes(),
                        ),
                    ),
                    "bad_signature",
                ),
                bad(
                    "wrong_key_same_kid",
                    "Signed by an untrusted key, with the trusted key's kid.",
                    raw_token(&header(1), &payload(ISSUER, T0, ""), &signing_key(5)),
                    "bad_signature",
                ),
                bad(
                    "zero_signature",
                    "64 zero bytes.",
                    resign(&good, &[0; 64]),
                    "bad_signature",
                ),
                bad(
                    "malleable_s_plus_l",
                    "The valid signature with L added to S (non-canonical).",
                    resign(&good, &malleable),
                    "bad_signature",
                ),
                bad(
                    "flipped_bit",
                    "One bit of R flipped.",
                    resign(&good, &{
                        let mut v = sig.clone();
                        v[0] ^= 1;
                        v
                    }),
                    "bad_signature",
                ),
            ],
        ),
        (
            "time.json",
            "The clock, with a 60 s leeway.",
            vec![
                with_at(
                    bad(
                        "expired",
                        "Checked a day after exp.",
                        token(1, T0, &format!(r#","exp":{}"#, T0 + 86_400)),
                        "expired",
                    ),
                    T0 + 2 * 86_400,
                ),
                with_at(
                    bad(
                        "expired_at_edge",
                        "Checked exactly at exp + leeway.",
                        token(1, T0, &format!(r#","exp":{}"#, T0 + 86_400)),
                        "expired",
                    ),
                    T0 + 86_400 + LEEWAY,
                ),
                bad(
                    "not_yet_valid_nbf",
                    "nbf a year ahead.",
                    token(1, T0, &format!(r#","nbf":{}"#, AT + 365 * 86_400)),
                    "not_yet_valid",
                ),
                bad(
                    "issued_in_future",
                    "iat after the verification time plus leeway.",
                    token(1, AT + LEEWAY + 1, ""),
                    "not_yet_valid",
                ),
            ],
        ),
        (
            "keys.json",
            "Key windows and key compromise.",
            vec![
                with_at(
                    bad(
                        "after_key_window",
                        "Signed by the rotated key after its window closed.",
                        token(2, WINDOW_END, ""),
                        "key_not_valid_at_issuance",
                    ),
                    WINDOW_END + 86_400,
                ),
                bad(
                    "before_key_window",
                    "Signed by the rotated key before its window opened.",
                    token(2, WINDOW_START - 1, ""),
                    "key_not_valid_at_issuance",
                ),
                bad(
                    "compromised_key_at_compromise",
                    "Signed by the compromised key exactly at revoked_at.",
                    token(3, REVOKED_AT, ""),
                    "key_revoked",
                ),
                bad(
                    "compromised_key_after_compromise",
                    "Signed by the compromised key after revoked_at.",
                    token(3, REVOKED_AT + 86_400, ""),
                    "key_revoked",
                ),
            ],
        ),
        (
            "status.json",
            "Status lists: the main issuer's fresh list (status_lists) has entry 42 set (revoked) and entry 43 clear; the other issuer has no list.",
            vec![
                valid(
                    "status_clear",
                    "Entry 43 is clear in a fresh list.",
                    token(1, T0, r#","status":{"idx":43}"#),
                    AT,
                ),
                bad(
                    "status_revoked",
                    "Entry 42 is set: the issuer revoked this certificate.",
                    token(1, T0, r#","status":{"idx":42}"#),
                    "revoked",
                ),
                bad(
                    "status_index_beyond_list",
                    "An index past the end of the list cannot be decided.",
                    token(
                        1,
                        T0,
                        &format!(r#","status":{{"idx":{}}}"#, status::MIN_ENTRIES),
                    ),
                    "status_unavailable",
                ),
                bad(
                    "status_without_list",
                    "A certificate of an issuer that published no list.",
                    raw_token(
                        &header(4),
                        &payload(OTHER, T0, r#","status":{"idx":1}"#),
                        &signing_key(4),
                    ),
                    "status_unavailable",
                ),
                valid(
                    "no_status_entry",
                    "A certificate without a status entry needs no list.",
                    good.clone(),
                    AT,
                ),
            ],
        ),
        (
            "status_stale.json",
            "Status lists: the main issuer's only list (status_lists) expired before the verification time.",
            vec![
                bad(
                    "status_list_expired",
                    "Entry 43 is clear, but the list is no longer fresh.",
                    token(1, T0, r#","status":{"idx":43}"#),
                    "status_unavailable",
                ),
                with_at(
                    bad(
                        "status_list_at_its_exp",
                        "Checked exactly at the list's exp: stale (no leeway for lists).",
                        token(1, T0, r#","status":{"idx":43}"#),
                        "status_unavailable",
                    ),
                    AT - 1,
                ),
                with_at(
                    valid(
                        "status_list_one_second_before_exp",
                        "Checked one second before the list's exp: fresh.",
                        token(1, T0, r#","status":{"idx":43}"#),
                        AT - 1,
                    ),
                    AT - 2,
                ),
            ],
        ),
    ]
}

/// The vector files: each file's original cases, then the cases added to it later (appended, so
/// that every earlier case stays as it was, byte for byte), then the files added later.
fn files() -> Vec<(&'static str, &'static str, Vec<Case>)> {
    let mut files = base_files();
    for (name, _, cases) in &mut files {
        cases.extend(more_cases(name));
    }
    files.push((
        "time_leeway_0.json",
        "The clock with no leeway (leeway 0): iat, nbf and exp exactly at the verification time; key windows and revocation, which never have leeway.",
        leeway_0_cases(),
    ));
    files.push((
        "status_future.json",
        "Status lists dated in the future (FORMAT.md §5.8.6): the main issuer's fresh list of T0 has entry 42 set; a second list, signed by the same key but dated FUTURE (ten years later), has it clear. A list whose iat is after the verification time plus the leeway is not in use, so it cannot un-revoke a certificate until its time comes.",
        status_future_cases(),
    ));
    files.push((
        "labels.json",
        "Attribute labels (FORMAT.md §5.1): the main issuer declares labels for dep and turno; a certificate with those attributes is valid; a verifier reads the labels of attribute_labels as expected and refuses every key set of refused_key_sets.",
        vec![
            valid(
                "labelled_attributes",
                "A certificate with cert.x dep and turno, both labelled by the issuer.",
                raw_token(
                    &header(1),
                    &format!(
                        r#"{{"iss":"{ISSUER}","jti":"PRB1-0002-L4BL","iat":{T0},"cert":{{"h":{{"n":"Ana Karen García Sánchez"}},"a":{{"c":"EC0105","t":"Atención al ciudadano en el sector público"}},"x":{{"dep":"Registro Civil","turno":"Matutino"}}}}}}"#
                    ),
                    &signing_key(1),
                ),
                AT,
            ),
        ],
    ));
    files.push((
        "qr_forms.json",
        "The numeric form of the QR text (FORMAT.md §4.1, §4.3): verify_url#n or a bare n, then every character of the token as two digits (its code point minus 45). A text in it gets the verdict of its token; one whose digits give no token (numeric_error) is not a Sello certificate.",
        qr_form_cases(),
    ));
    files.push((
        "status_refused.json",
        "Status lists a verifier must refuse (refused_status_lists: each one, by itself, must not be accepted): with them refused, the main issuer has no list, so its certificates with a status entry are indeterminate.",
        vec![bad(
            "no_list_after_refusals",
            "Entry 43: every list of the issuer was refused, so revocation cannot be checked.",
            token(1, T0, r#","status":{"idx":43}"#),
            "status_unavailable",
        )],
    ));
    files
}

/// A text in the numeric form that gives no token: `malformed_token`, not presented as a token.
fn numeric_refused(
    name: &'static str,
    description: &'static str,
    text: String,
    code: &'static str,
) -> Case {
    Case {
        numeric_error: Some(code),
        ..bad(name, description, text, "malformed_token")
    }
}

fn qr_form_cases() -> Vec<Case> {
    let url = "https://verifica.example.mx/v";
    let good = token(1, T0, "");
    let digits = sello_core::qr_text::numeric_digits(&good).expect("a token");
    let numeric = |t: &str| sello_core::qr_text::qr_text(Some(url), t);
    let forged = set_part(&good, 2, &b64::encode(&[0u8; 64]));
    let expired = token(1, T0, &format!(r#","exp":{}"#, T0 + 86_400));
    let two_parts = good.rsplit_once('.').expect("three parts").0.to_owned();
    vec![
        valid(
            "numeric_url",
            "The QR text an issuer writes: verify_url, '#n', the token's digits.",
            numeric(&good),
            AT,
        ),
        valid(
            "numeric_bare",
            "The numeric form without a URL ('n' and the digits), as an issuer without verify_url writes it and as the page reads its fragment.",
            format!("n{digits}"),
            AT,
        ),
        valid(
            "numeric_white_space",
            "White space around the numeric form is removed (§4.3 step 1).",
            format!(" \u{3000}{}\r\n", numeric(&good)),
            AT,
        ),
        valid(
            "byte_form_still_read",
            "The byte form: verify_url, '#', the token.",
            format!("{url}#{good}"),
            AT,
        ),
        bad(
            "numeric_forged",
            "A forged signature in the numeric form: bad_signature, as its token.",
            numeric(&forged),
            "bad_signature",
        ),
        bad(
            "numeric_expired",
            "An expired token in the numeric form: expired, as its token.",
            numeric(&expired),
            "expired",
        ),
        bad(
            "numeric_two_parts",
            "Digits that decode to a token without its signature: malformed_token, not presented as a token.",
            numeric(&two_parts),
            "malformed_token",
        ),
        numeric_refused(
            "numeric_odd_length",
            "The last digit missing: an odd number of digits.",
            format!("{url}#n{}", &digits[..digits.len() - 1]),
            "odd_length",
        ),
        numeric_refused(
            "numeric_pair_slash",
            "A pair 02 ('/', not in base64url) in place of the first.",
            format!("{url}#n02{}", &digits[2..]),
            "bad_pair",
        ),
        numeric_refused(
            "numeric_pair_78",
            "A pair 78 ('{', past 'z') at the end.",
            format!("n{digits}78"),
            "bad_pair",
        ),
        numeric_refused(
            "numeric_pair_colon",
            "A pair 13 (':', between '9' and 'A') inside the header.",
            format!("n{}13{}", &digits[..20], &digits[20..]),
            "bad_pair",
        ),
        numeric_refused(
            "numeric_too_long",
            "8,194 digits: more than two per byte of the largest token (4,096 bytes).",
            format!("{url}#n{}", "52".repeat(4_097)),
            "too_long",
        ),
        bad(
            "numeric_at_the_cap",
            "8,192 digits, the most there may be, are decoded (to 4,096 '-'), then judged as a token: malformed_token, not presented as a token.",
            format!("n{}", "00".repeat(4_096)),
            "malformed_token",
        ),
        bad(
            "upper_case_mark",
            "'N' is not the mark: the fragment is taken as it is, and is not a token.",
            format!("{url}#N{digits}"),
            "malformed_token",
        ),
        bad(
            "percent_encoded_mark",
            "The fragment is not percent-decoded: '%6E' is not 'n'.",
            format!("{url}#%6E{digits}"),
            "malformed_token",
        ),
    ]
}

/// Issue time of the future-dated status list of `status_future.json`: ten years after T0.
pub const FUTURE: i64 = T0 + 3_652 * 86_400;

fn status_future_cases() -> Vec<Case> {
    let revoked = token(1, T0, r#","status":{"idx":42}"#);
    vec![
        bad(
            "future_list_not_in_use",
            "Entry 42 is set in the list of T0; the list dated FUTURE, which clears it, is not in use yet.",
            revoked.clone(),
            "revoked",
        ),
        with_at(
            bad(
                "future_list_one_second_before_its_time",
                "Checked at FUTURE − leeway − 1: the future list is still not in use (the list of T0 has expired by then: indeterminate, not valid).",
                revoked.clone(),
                "status_unavailable",
            ),
            FUTURE - LEEWAY - 1,
        ),
        valid(
            "future_list_in_use_from_its_time",
            "Checked at FUTURE − leeway: the list dated FUTURE is the issuer's newest list in use, and entry 42 is clear in it.",
            revoked,
            FUTURE - LEEWAY,
        ),
    ]
}

/// The status lists a verifier must refuse, per vector file: `(name, description, token)`.
pub fn refused_status_lists(file: &str) -> Vec<(&'static str, &'static str, String)> {
    match file {
        "status_refused.json" => vec![(
            "distance_too_far_back",
            "The gzip's DEFLATE data copies from before the start of the output (RFC 1951 has no such bytes; zlib: invalid distance too far back). A lenient inflater reads zeros and accepts an all-clear list.",
            status_list_token_with_gzip(
                T0,
                AT + 86_400,
                &gzip_with_distance_too_far_back(status::MIN_ENTRIES as usize / 8),
            ),
        )],
        _ => Vec::new(),
    }
}

/// The leeway of a vector file: 60 s, except in `time_leeway_0.json`.
fn leeway(file: &str) -> i64 {
    if file == "time_leeway_0.json" {
        0
    } else {
        LEEWAY
    }
}

/// The encodings of the 8 points of small order (the torsion subgroup of edwards25519), each
/// the one canonical encoding of its point: the identity (order 1), (0, −1) (order 2), the two
/// points with y = 0 (order 4) and the four of order 8. A key or an `R` equal to any of them
/// must be refused (FORMAT.md §5.4 check 9, §6.3 check 2).
pub const SMALL_ORDER_POINTS: [&str; 8] = [
    "0100000000000000000000000000000000000000000000000000000000000000",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "0000000000000000000000000000000000000000000000000000000000000000",
    "0000000000000000000000000000000000000000000000000000000000000080",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
];

/// 32 bytes from 64 hexadecimal digits.
pub fn hex32(hex: &str) -> [u8; 32] {
    assert_eq!(hex.len(), 64, "{hex}");
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("hexadecimal");
    }
    out
}

/// The unpadded base64url alphabet, in value order.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Signs a signing input exactly as it is written, however it encodes the header and payload,
/// with the key of `seed`. A decoder lenient about that encoding would find a valid token, so
/// only the strict rule can refuse it.
fn sign_text(input: &str, seed: u8) -> String {
    let sig = signing_key(seed).sign(input.as_bytes());
    format!("{input}.{}", b64::encode(&sig.to_bytes()))
}

/// A token of raw header and payload bytes (not necessarily UTF-8), signed with `seed`'s key.
fn raw_token_bytes(header: &[u8], payload: &[u8], seed: u8) -> String {
    sign_text(
        &format!("{}.{}", b64::encode(header), b64::encode(payload)),
        seed,
    )
}

/// `text` with the first `from` replaced by raw bytes.
fn replace_with_bytes(text: &str, from: &str, to: &[u8]) -> Vec<u8> {
    let at = text.find(from).expect("present");
    [
        &text.as_bytes()[..at],
        to,
        &text.as_bytes()[at + from.len()..],
    ]
    .concat()
}

/// The same segment with non-zero unused bits in its last character: a lenient decoder reads
/// the same bytes from it (FORMAT.md §2.1 rule 4).
fn dirty_trailing_bits(segment: &str) -> String {
    let unused = match segment.len() % 4 {
        2 => 4,
        3 => 2,
        n => panic!("a segment of length {n} mod 4 has no unused bits"),
    };
    let (rest, last) = segment.split_at(segment.len() - 1);
    let value = ALPHABET
        .iter()
        .position(|&c| c == last.as_bytes()[0])
        .expect("base64url");
    assert_eq!(value & ((1 << unused) - 1), 0, "a canonical segment");
    format!("{rest}{}", char::from(ALPHABET[value | 1]))
}

/// The same segment with the `=` padding that RFC 4648 §4 would add.
fn with_padding(segment: &str) -> String {
    let pad = (4 - segment.len() % 4) % 4;
    assert!(pad > 0, "this segment takes no padding");
    format!("{segment}{}", "=".repeat(pad))
}

/// The same segment in the standard alphabet (`+` and `/` for `-` and `_`), when that differs.
fn standard_alphabet(segment: &str) -> Option<String> {
    segment
        .contains(['-', '_'])
        .then(|| segment.replace('-', "+").replace('_', "/"))
}

/// The first `Some` of `f(0)`, `f(1)`, …: for cases that need a segment with some property of
/// its encoding, found by adding JSON white space (which changes nothing else).
fn first_with<T>(f: impl FnMut(usize) -> Option<T>) -> T {
    (0..64).find_map(f).expect("found within 64 tries")
}

/// `text` with `what` inserted in its middle.
fn insert_in_middle(text: &str, what: &str) -> String {
    let mid = text.len() / 2;
    format!("{}{what}{}", &text[..mid], &text[mid..])
}

/// A header of the active key with an extra member `n` whose value nests arrays so that the
/// innermost is at `level` (the header object itself is level 1).
fn nested_header(level: usize) -> String {
    format!(
        r#"{{"alg":"EdDSA","kid":"{}","typ":"sello+jwt","n":{}{}}}"#,
        kid_of(1),
        "[".repeat(level - 1),
        "]".repeat(level - 1)
    )
}

/// A header of the active key's `alg` and `typ` with `kid` as given (escaped as JSON needs).
fn header_with_kid(kid: &str) -> String {
    format!(
        r#"{{"alg":"EdDSA","kid":{},"typ":"sello+jwt"}}"#,
        serde_json::to_string(kid).expect("a string")
    )
}

/// A header of the active key with `alg` as given.
fn header_with_alg(alg: &str) -> String {
    format!(
        r#"{{"alg":{},"kid":"{}","typ":"sello+jwt"}}"#,
        serde_json::to_string(alg).expect("a string"),
        kid_of(1)
    )
}

/// The cases added to an existing file.
fn more_cases(file: &str) -> Vec<Case> {
    match file {
        "valid.json" => more_valid(),
        "malformed.json" => more_malformed(),
        "unsupported_header.json" => more_unsupported_header(),
        "invalid_claims.json" => more_invalid_claims(),
        "trust.json" => more_trust(),
        "signature.json" => more_signature(),
        "time.json" => more_time(),
        "keys.json" => more_keys(),
        _ => Vec::new(),
    }
}

fn more_valid() -> Vec<Case> {
    let good = token(1, T0, "");
    vec![
        valid(
            "surrounding_ascii_whitespace",
            "Spaces, tabs and line breaks around the token are removed (FORMAT.md §4.3).",
            format!(" \t\r\n{good}\r\n \t"),
            AT,
        ),
        valid(
            "surrounding_unicode_whitespace",
            "Unicode White_Space around the token (U+3000, U+00A0, U+0085; U+2028, U+2029) is removed too.",
            format!("\u{3000}\u{a0}\u{85}{good}\u{2028}\u{2029}"),
            AT,
        ),
        valid(
            "url_with_surrounding_whitespace",
            "The URL form with spaces before it and a line break after it.",
            format!("  https://verifica.example.mx/v#{good}\n"),
            AT,
        ),
        valid(
            "right_to_left_letters_in_name",
            "Hebrew and Arabic letters in the holder's name are letters, not controls: allowed (§2.4); verifiers show each value isolated.",
            raw_token(
                &header(1),
                &payload(ISSUER, T0, "").replacen("Ana Karen", "Ana דוד عربي", 1),
                &signing_key(1),
            ),
            AT,
        ),
    ]
}

fn more_malformed() -> Vec<Case> {
    let key1 = signing_key(1);
    let good = token(1, T0, "");
    let parts: Vec<&str> = good.split('.').collect();
    let (h, p, s) = (parts[0], parts[1], parts[2]);
    let body = payload(ISSUER, T0, "");
    let hdr = |json: &str| raw_token(json, &body, &key1);
    let claims = |extra: &str| raw_token(&header(1), &payload(ISSUER, T0, extra), &key1);
    let edited = |from: &str, to: &str| raw_token(&header(1), &body.replacen(from, to, 1), &key1);
    let with_iat = |iat: &str| edited(&format!("\"iat\":{T0}"), &format!("\"iat\":{iat}"));
    let with_bytes = |from: &str, to: &[u8]| {
        raw_token_bytes(
            header(1).as_bytes(),
            &replace_with_bytes(&body, from, to),
            1,
        )
    };
    let m = |name, description, token| bad(name, description, token, "malformed_token");
    // Segments whose canonical encoding ends in a partial group, or uses '-' or '_', found by
    // adding JSON white space. The base64url of text without '>', '?', '~' or some non-ASCII
    // characters never has '-' or '_', so the payload gets an attribute "???", and the header
    // the kid "???" (which no key has: a decoder lenient about the alphabet would answer
    // unknown_key).
    let odd_p = first_with(|k| {
        let json = format!("{body}{}", " ".repeat(k));
        (json.len() % 3 != 0).then(|| b64::encode(json.as_bytes()))
    });
    let std_h =
        standard_alphabet(&b64::encode(header_with_kid("???").as_bytes())).expect("'?' gives '_'");
    let std_p = standard_alphabet(&b64::encode(
        body.replacen(
            r#""u":"CECATI 149""#,
            r#""u":"CECATI 149","x":{"nota":"???"}"#,
            1,
        )
        .as_bytes(),
    ))
    .expect("'?' gives '_'");
    let std_s = first_with(|k| {
        let t = sign_text(
            &format!(
                "{h}.{}",
                b64::encode(format!("{body}{}", " ".repeat(k)).as_bytes())
            ),
            1,
        );
        let (input, sig) = t.rsplit_once('.').expect("three parts");
        standard_alphabet(sig).map(|sig| format!("{input}.{sig}"))
    });
    let mime = p
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).expect("ASCII"))
        .collect::<Vec<_>>()
        .join("\r\n");
    let deep_payload = payload(
        ISSUER,
        T0,
        &format!(r#","n":{}{{}}{}"#, r#"{"a":"#.repeat(400), "}".repeat(400)),
    );
    vec![
        // Base64url that a lenient decoder reads as the same bytes, each signed as written.
        m(
            "padded_header_signed",
            "The header part with '=' padding, and the signature made over it.",
            sign_text(&format!("{}.{p}", with_padding(h)), 1),
        ),
        m(
            "padded_payload_signed",
            "The payload part with '=' padding, and the signature made over it.",
            sign_text(&format!("{h}.{}", with_padding(&odd_p)), 1),
        ),
        m(
            "padded_signature",
            "The signature part with '==' padding.",
            format!("{h}.{p}.{}", with_padding(s)),
        ),
        m(
            "standard_alphabet_header_signed",
            "The header part (kid \"???\") in the standard base64 alphabet ('+', '/'), and the signature made over it.",
            sign_text(&format!("{std_h}.{p}"), 1),
        ),
        m(
            "standard_alphabet_payload_signed",
            "The payload part (with an attribute \"???\") in the standard base64 alphabet ('+', '/'), and the signature made over it.",
            sign_text(&format!("{h}.{std_p}"), 1),
        ),
        m(
            "standard_alphabet_signature",
            "The signature part in the standard base64 alphabet ('+', '/'): the same 64 bytes.",
            std_s,
        ),
        m(
            "trailing_bits_header_signed",
            "Non-zero unused bits in the header part's last character, and the signature made over it.",
            sign_text(&format!("{}.{p}", dirty_trailing_bits(h)), 1),
        ),
        m(
            "trailing_bits_payload_signed",
            "Non-zero unused bits in the payload part's last character, and the signature made over it.",
            sign_text(&format!("{h}.{}", dirty_trailing_bits(&odd_p)), 1),
        ),
        m(
            "trailing_bits_signature",
            "Non-zero unused bits in the signature part's last character: the same 64 bytes.",
            format!("{h}.{p}.{}", dirty_trailing_bits(s)),
        ),
        m(
            "line_break_in_header_signed",
            "A line break inside the header part, and the signature made over it.",
            sign_text(&format!("{}.{p}", insert_in_middle(h, "\n")), 1),
        ),
        m(
            "space_in_payload_signed",
            "A space inside the payload part, and the signature made over it.",
            sign_text(&format!("{h}.{}", insert_in_middle(p, " ")), 1),
        ),
        m(
            "mime_line_breaks_in_payload_signed",
            "The payload part in 76-character lines (MIME base64), and the signature made over it.",
            sign_text(&format!("{h}.{mime}"), 1),
        ),
        m(
            "tab_in_signature",
            "A tab inside the signature part.",
            format!("{h}.{p}.{}", insert_in_middle(s, "\t")),
        ),
        // What is and is not removed around a token.
        m(
            "leading_bom",
            "U+FEFF before the token: it is not White_Space, so it is not removed.",
            format!("\u{feff}{good}"),
        ),
        m(
            "trailing_zero_width_space",
            "U+200B after the token: it is not White_Space, so it is not removed.",
            format!("{good}\u{200b}"),
        ),
        m(
            "trailing_nul",
            "A NUL character after the token.",
            format!("{good}\0"),
        ),
        m(
            "url_fragment_with_leading_space",
            "A space between '#' and the token: the text is trimmed, the fragment is not.",
            format!("https://verifica.example.mx/v# {good}"),
        ),
        // Segments.
        m(
            "five_parts",
            "Two extra segments.",
            format!("{good}.{s}.{s}"),
        ),
        m(
            "trailing_dot",
            "An empty fourth segment.",
            format!("{good}."),
        ),
        m(
            "leading_dot",
            "An empty segment before the header.",
            format!(".{good}"),
        ),
        m(
            "empty_header_segment",
            "An empty header part, and the signature made over the rest.",
            sign_text(&format!(".{p}"), 1),
        ),
        m(
            "empty_payload_segment",
            "An empty payload part, and the signature made over the rest.",
            sign_text(&format!("{h}."), 1),
        ),
        m(
            "empty_signature_segment",
            "An empty signature part.",
            format!("{h}.{p}."),
        ),
        m("only_dots", "Three empty parts.", "..".to_owned()),
        // kid sizes.
        m("kid_empty", "An empty kid.", hdr(&header_with_kid(""))),
        m(
            "kid_65_bytes",
            "A kid of 65 bytes (the limit is 64).",
            hdr(&header_with_kid(&"k".repeat(65))),
        ),
        m(
            "kid_10_kib",
            "A kid of 10,240 bytes: the token is over the 4,096-byte cap.",
            hdr(&header_with_kid(&"k".repeat(10_240))),
        ),
        // Duplicate members.
        m(
            "header_duplicate_kid",
            "The header repeats kid, the second time with an untrusted key's id.",
            hdr(&format!(
                r#"{{"alg":"EdDSA","kid":"{}","typ":"sello+jwt","kid":"{}"}}"#,
                kid_of(1),
                kid_of(5)
            )),
        ),
        m(
            "header_duplicate_escaped_alg",
            "The header repeats alg, the second time escaped (\\u0061lg) and none.",
            hdr(&format!(
                r#"{{"alg":"EdDSA","kid":"{}","typ":"sello+jwt","\u0061lg":"none"}}"#,
                kid_of(1)
            )),
        ),
        m(
            "duplicate_escaped_claim",
            "The payload repeats iss, the second time escaped (\\u0069ss).",
            claims(&format!(r#","\u0069ss":"{OTHER}""#)),
        ),
        m(
            "duplicate_cert",
            "The payload repeats cert.",
            claims(r#","cert":{"h":{"n":"Otra Persona"},"a":{"c":"EC0105","t":"Otro"}}"#),
        ),
        m(
            "duplicate_in_holder",
            "cert.h repeats n: a duplicate nested inside the certificate.",
            edited(
                r#""n":"Ana Karen García Sánchez""#,
                r#""n":"Ana Karen García Sánchez","n":"Otra Persona""#,
            ),
        ),
        m(
            "duplicate_in_attributes",
            "cert.x repeats a name.",
            edited(
                r#""u":"CECATI 149""#,
                r#""u":"CECATI 149","x":{"dep":"A","dep":"B"}"#,
            ),
        ),
        m(
            "duplicate_in_status",
            "status repeats idx.",
            claims(r#","status":{"idx":42,"idx":43}"#),
        ),
        // Numbers that are not 64-bit integers.
        m(
            "iat_i64_max_plus_one",
            "iat 9223372036854775808, one more than the largest 64-bit integer.",
            with_iat("9223372036854775808"),
        ),
        m(
            "iat_below_i64_min",
            "iat -9223372036854775809, one less than the smallest 64-bit integer.",
            with_iat("-9223372036854775809"),
        ),
        m(
            "iat_exponent",
            "iat 1e3: a number with an exponent is not an integer.",
            with_iat("1e3"),
        ),
        m(
            "iat_fraction",
            "iat 1.0: a number with a fraction part is not an integer.",
            with_iat("1.0"),
        ),
        m(
            "iat_negative_zero",
            "iat -0 is not an integer.",
            with_iat("-0"),
        ),
        m(
            "iat_exponent_overflow",
            "iat 1E400: beyond every 64-bit number.",
            with_iat("1E400"),
        ),
        m(
            "status_idx_beyond_u32",
            "status.idx 4294967296, one more than the largest 32-bit index.",
            claims(r#","status":{"idx":4294967296}"#),
        ),
        // Nesting.
        m(
            "header_depth_17",
            "A header member whose innermost array is at level 17 (the limit is 16).",
            hdr(&nested_header(17)),
        ),
        m(
            "header_deep_nesting",
            "A header member of 200 nested arrays, within the header's 512-byte cap.",
            hdr(&nested_header(201)),
        ),
        m(
            "payload_depth_17",
            "cert.x nesting objects down to level 17.",
            edited(
                r#""u":"CECATI 149""#,
                &format!(
                    r#""u":"CECATI 149","x":{}{{}}{}"#,
                    r#"{"a":"#.repeat(14),
                    "}".repeat(14)
                ),
            ),
        ),
        m(
            "payload_deep_nesting",
            "A claim of 400 nested objects, within the token cap.",
            raw_token(&header(1), &deep_payload, &key1),
        ),
        // NUL bytes and invalid UTF-8 inside the parts, each signed as written.
        m(
            "raw_nul_in_header",
            "A raw NUL byte inside the header's kid string (JSON requires \\u0000).",
            raw_token_bytes(
                &replace_with_bytes(&header(1), "\",\"typ\"", b"\0\",\"typ\""),
                body.as_bytes(),
                1,
            ),
        ),
        m(
            "nul_after_header_json",
            "A NUL byte after the header's JSON object.",
            raw_token_bytes(format!("{}\0", header(1)).as_bytes(), body.as_bytes(), 1),
        ),
        m(
            "raw_nul_in_payload",
            "A raw NUL byte inside the holder's name.",
            with_bytes("Ana Karen", b"Ana\0Karen"),
        ),
        m(
            "invalid_utf8_in_header",
            "A 0xFF byte inside the header's kid string.",
            raw_token_bytes(
                &replace_with_bytes(&header(1), "\",\"typ\"", b"\xff\",\"typ\""),
                body.as_bytes(),
                1,
            ),
        ),
        m(
            "invalid_utf8_in_payload",
            "A truncated UTF-8 sequence (0xC3 alone) inside the holder's name.",
            with_bytes("Ana Karen", b"Ana \xc3 Karen"),
        ),
        m(
            "overlong_utf8_in_payload",
            "An overlong UTF-8 encoding of '/' (C0 AF) inside the holder's name.",
            with_bytes("Ana Karen", b"Ana \xc0\xaf Karen"),
        ),
        m(
            "encoded_surrogate_in_payload",
            "A UTF-16 surrogate encoded as UTF-8 (ED A0 80) inside the holder's name.",
            with_bytes("Ana Karen", b"Ana \xed\xa0\x80 Karen"),
        ),
        m(
            "lone_surrogate_escape",
            "\\ud800 alone inside the holder's name.",
            edited("Ana Karen", r"Ana \ud800 Karen"),
        ),
        m(
            "header_bom",
            "A UTF-8 byte-order mark before the header's JSON.",
            raw_token_bytes(
                format!("\u{feff}{}", header(1)).as_bytes(),
                body.as_bytes(),
                1,
            ),
        ),
        m(
            "payload_bom",
            "A UTF-8 byte-order mark before the payload's JSON.",
            raw_token_bytes(
                header(1).as_bytes(),
                format!("\u{feff}{body}").as_bytes(),
                1,
            ),
        ),
    ]
}

fn more_unsupported_header() -> Vec<Case> {
    let key1 = signing_key(1);
    let body = payload(ISSUER, T0, "");
    let hdr = |json: &str| raw_token(json, &body, &key1);
    let u = |name, description, token| bad(name, description, token, "unsupported_header");
    vec![
        u(
            "alg_uppercase",
            "alg EDDSA: names are case-sensitive.",
            hdr(&header_with_alg("EDDSA")),
        ),
        u(
            "alg_ed25519_uppercase",
            "alg ED25519: names are case-sensitive.",
            hdr(&header_with_alg("ED25519")),
        ),
        u(
            "alg_leading_space",
            "alg \" EdDSA\": nothing is trimmed.",
            hdr(&header_with_alg(" EdDSA")),
        ),
        u(
            "alg_trailing_space",
            "alg \"EdDSA \": nothing is trimmed.",
            hdr(&header_with_alg("EdDSA ")),
        ),
        u(
            "x5u_member",
            "A certificate URL in the header.",
            hdr(&format!(
                r#"{{"alg":"EdDSA","kid":"{}","typ":"sello+jwt","x5u":"https://evil.example/cert.pem"}}"#,
                kid_of(1)
            )),
        ),
        u(
            "alg_none_empty_signature",
            "An unsecured JWT: alg none and an empty signature part (the algorithm is decided before the signature is read).",
            format!(
                "{}.{}.",
                b64::encode(header_with_alg("none").as_bytes()),
                b64::encode(body.as_bytes())
            ),
        ),
        u(
            "alg_hs256_32_byte_signature",
            "alg HS256 with a 32-byte signature, as HMAC-SHA-256 gives (the algorithm is decided before the signature's length).",
            format!(
                "{}.{}.{}",
                b64::encode(header_with_alg("HS256").as_bytes()),
                b64::encode(body.as_bytes()),
                b64::encode(&[0x5a; 32])
            ),
        ),
        u(
            "header_depth_16",
            "An unknown header member whose innermost array is at level 16: the JSON is accepted, the member is not.",
            hdr(&nested_header(16)),
        ),
        u(
            "cty_member_without_typ",
            "A forbidden member and no typ: the member decides (FORMAT.md §3.2).",
            hdr(&format!(
                r#"{{"alg":"EdDSA","kid":"{}","cty":"x"}}"#,
                kid_of(1)
            )),
        ),
    ]
}

fn more_invalid_claims() -> Vec<Case> {
    let key1 = signing_key(1);
    let body = payload(ISSUER, T0, "");
    let edited = |from: &str, to: &str| raw_token(&header(1), &body.replacen(from, to, 1), &key1);
    let i = |name, description, token| bad(name, description, token, "invalid_claims");
    vec![
        i(
            "iat_i64_min",
            "iat -9223372036854775808, the smallest 64-bit integer: read, then refused as before 1970.",
            edited(&format!("\"iat\":{T0}"), "\"iat\":-9223372036854775808"),
        ),
        i(
            "iss_with_space",
            "iss with a trailing space (an issuer id has no spaces).",
            edited(
                &format!("\"iss\":\"{ISSUER}\""),
                &format!("\"iss\":\"{ISSUER} \""),
            ),
        ),
        i(
            "iss_with_escaped_nul",
            "iss ending in \\u0000.",
            edited(
                &format!("\"iss\":\"{ISSUER}\""),
                &format!(r#""iss":"{ISSUER}\u0000""#),
            ),
        ),
        i(
            "escaped_nul_in_name",
            "The holder's name with \\u0000 (a control character) inside.",
            edited("Ana Karen", r"Ana\u0000Karen"),
        ),
        i(
            "right_to_left_override_in_name",
            "The holder's name with U+202E RIGHT-TO-LEFT OVERRIDE, which would show the rest reversed (§2.4: Cf).",
            edited(
                "Ana Karen García Sánchez",
                r"Ana Karen \u202ezehcnáS aícraG",
            ),
        ),
        i(
            "left_to_right_mark_in_holder_id",
            "The CURP with U+200E LEFT-TO-RIGHT MARK inside (§2.4: Cf).",
            edited("GASA790210", r"GASA\u200e790210"),
        ),
        i(
            "isolate_in_unit",
            "The unit with U+2066 LEFT-TO-RIGHT ISOLATE and U+2069 POP DIRECTIONAL ISOLATE (§2.4: Cf).",
            edited("CECATI 149", r"\u2066CECATI 149\u2069"),
        ),
        i(
            "zero_width_space_in_code",
            "The standard code EC\\u200B0105: a zero-width space makes another code look the same (§2.4: Cf).",
            edited("EC0105", r"EC\u200b0105"),
        ),
        i(
            "line_separator_in_title",
            "The title with U+2028 LINE SEPARATOR, which starts a new line where text is shown (§2.4: Zl).",
            edited(
                "Atención al ciudadano",
                r"Atención\u2028Emisor: al ciudadano",
            ),
        ),
        i(
            "hangul_filler_in_name",
            "The holder's name with U+3164 HANGUL FILLER, a letter that renders as nothing (§2.4: default ignorable).",
            edited("Ana Karen", "Ana\u{3164}Karen"),
        ),
        i(
            "byte_order_mark_in_name",
            "The holder's name starting with U+FEFF ZERO WIDTH NO-BREAK SPACE (§2.4: Cf).",
            edited("Ana Karen", "\u{feff}Ana Karen"),
        ),
        i(
            "private_use_in_unit",
            "The unit with U+E000, a private-use character any font may draw as anything (§2.4: Co).",
            edited("CECATI 149", "CECATI 149\u{e000}"),
        ),
        i(
            "tag_character_in_name",
            "The holder's name with U+E0041 TAG LATIN CAPITAL LETTER A, invisible (§2.4: Cf).",
            edited("Ana Karen", "Ana Karen\u{e0041}"),
        ),
    ]
}

fn more_trust() -> Vec<Case> {
    let key1 = signing_key(1);
    let body = payload(ISSUER, T0, "");
    let with_kid = |kid: &str| raw_token(&header_with_kid(kid), &body, &key1);
    let k = |name, description, token| bad(name, description, token, "unknown_key");
    let i = |name, description, token| bad(name, description, token, "unknown_issuer");
    vec![
        k(
            "kid_path_traversal",
            "kid ../../etc/passwd: a kid is looked up, never opened.",
            with_kid("../../etc/passwd"),
        ),
        k("kid_dev_zero", "kid /dev/zero.", with_kid("/dev/zero")),
        k("kid_windows_path", "kid C:\\x.", with_kid("C:\\x")),
        k("kid_sql_or", "kid ' OR 1=1 --.", with_kid("' OR 1=1 --")),
        k(
            "kid_sql_drop_table",
            "kid x; DROP TABLE certificates.",
            with_kid("x; DROP TABLE certificates"),
        ),
        k("kid_escaped_nul", "kid \\u0000.", with_kid("\0")),
        k(
            "kid_64_bytes",
            "A kid of 64 bytes, the longest accepted: no key has it.",
            with_kid(&"k".repeat(64)),
        ),
        k(
            "kid_full_thumbprint",
            "The active key's full 43-character RFC 7638 thumbprint instead of its 11-character kid.",
            with_kid(&thumbprint(&signing_key(1).verifying_key())),
        ),
        k(
            "main_kid_claiming_other_issuer",
            "The main issuer's key and kid, with iss naming the other trusted issuer: the kid is looked up in that issuer's set only.",
            raw_token(&header(1), &payload(OTHER, T0, ""), &key1),
        ),
        i(
            "iss_case_variant",
            "iss MX.SELLO.PRUEBA: issuer ids compare case-sensitively.",
            raw_token(&header(1), &payload("MX.SELLO.PRUEBA", T0, ""), &key1),
        ),
        i(
            "iss_with_suffix",
            "iss mx.sello.prueba.evil: the trusted id followed by more.",
            raw_token(&header(1), &payload("mx.sello.prueba.evil", T0, ""), &key1),
        ),
    ]
}

fn more_signature() -> Vec<Case> {
    let good = token(1, T0, "");
    let sig = b64::decode(good.rsplit('.').next().expect("three parts")).expect("signature");
    let with_r = |r: [u8; 32]| {
        let mut v = sig.clone();
        v[..32].copy_from_slice(&r);
        resign(&good, &v)
    };
    let with_s = |s: [u8; 32]| {
        let mut v = sig.clone();
        v[32..].copy_from_slice(&s);
        resign(&good, &v)
    };
    let mut high_s: [u8; 32] = sig[32..].try_into().expect("32 bytes");
    high_s[31] |= 0xe0;
    let b = |name, description, token| bad(name, description, token, "bad_signature");
    let point = |i: usize| hex32(SMALL_ORDER_POINTS[i]);
    vec![
        b(
            "s_high_bits_set",
            "The valid signature with the top three bits of S set (S ≥ ℓ).",
            with_s(high_s),
        ),
        b(
            "s_equal_to_l",
            "The valid signature's R with S = ℓ, the group order.",
            with_s(GROUP_ORDER),
        ),
        b(
            "r_identity_s_zero",
            "R = the identity point and S = 0.",
            resign(&good, &[point(0), [0; 32]].concat()),
        ),
        b(
            "r_identity",
            "R replaced by the identity point (order 1).",
            with_r(point(0)),
        ),
        b(
            "r_order_2",
            "R replaced by the point of order 2.",
            with_r(point(1)),
        ),
        b(
            "r_order_4",
            "R replaced by a point of order 4.",
            with_r(point(2)),
        ),
        b(
            "r_order_8",
            "R replaced by a point of order 8.",
            with_r(point(4)),
        ),
        b(
            "r_non_canonical",
            "R replaced by a non-canonical encoding of the identity (y = p + 1).",
            with_r(hex32(
                "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            )),
        ),
        b(
            "r_with_order_2_component",
            "Signed by the issuer's own key with R = r·B + (0, −1): S = r + H(R‖A‖M)·a satisfies the cofactored equation but not the strict one (§6.3). Only the key holder can make it; every verifier and every path (one token or many) must refuse it.",
            {
                let (input, _) = good.rsplit_once('.').expect("three parts");
                let sig = crate::curve::sign_with_torsion(
                    &signing_key(1),
                    input.as_bytes(),
                    crate::curve::order_two_point(),
                );
                resign(&good, &sig.to_bytes())
            },
        ),
    ]
}

fn more_time() -> Vec<Case> {
    let nbf = T0 + 10 * 86_400;
    let exp = T0 + 86_400;
    let plain = token(1, T0, "");
    let with_nbf = token(1, T0, &format!(r#","nbf":{nbf}"#));
    let with_exp = token(1, T0, &format!(r#","exp":{exp}"#));
    vec![
        with_at(
            bad(
                "iat_one_second_beyond_leeway",
                "iat 61 s after the verification time: beyond the 60 s leeway.",
                plain.clone(),
                "not_yet_valid",
            ),
            T0 - LEEWAY - 1,
        ),
        valid(
            "iat_at_leeway_edge",
            "iat exactly 60 s after the verification time: inside the leeway.",
            plain.clone(),
            T0 - LEEWAY,
        ),
        valid(
            "iat_inside_leeway",
            "iat 59 s after the verification time.",
            plain,
            T0 - LEEWAY + 1,
        ),
        with_at(
            bad(
                "nbf_one_second_beyond_leeway",
                "nbf 61 s after the verification time.",
                with_nbf.clone(),
                "not_yet_valid",
            ),
            nbf - LEEWAY - 1,
        ),
        valid(
            "nbf_at_leeway_edge",
            "nbf exactly 60 s after the verification time.",
            with_nbf.clone(),
            nbf - LEEWAY,
        ),
        valid(
            "nbf_inside_leeway",
            "nbf 59 s after the verification time.",
            with_nbf,
            nbf - LEEWAY + 1,
        ),
        valid(
            "exp_one_second_before",
            "Checked one second before exp.",
            with_exp.clone(),
            exp - 1,
        ),
        valid(
            "exp_exactly",
            "Checked exactly at exp: inside the leeway.",
            with_exp.clone(),
            exp,
        ),
        with_at(
            bad(
                "expired_one_second_after_edge",
                "Checked at exp + leeway + 1.",
                with_exp,
                "expired",
            ),
            exp + LEEWAY + 1,
        ),
    ]
}

fn more_keys() -> Vec<Case> {
    vec![
        valid(
            "key_window_start_exactly",
            "Signed by the rotated key exactly at its window's nbf, which is included.",
            token(2, WINDOW_START, ""),
            AT,
        ),
        valid(
            "key_window_last_second",
            "Signed by the rotated key one second before its window's exp, which is excluded.",
            token(2, WINDOW_END - 1, ""),
            AT,
        ),
    ]
}

fn leeway_0_cases() -> Vec<Case> {
    let nbf = T0 + 10 * 86_400;
    let exp = T0 + 86_400;
    let plain = token(1, T0, "");
    let with_nbf = token(1, T0, &format!(r#","nbf":{nbf}"#));
    let with_exp = token(1, T0, &format!(r#","exp":{exp}"#));
    vec![
        with_at(
            bad(
                "iat_one_second_ahead",
                "iat one second after the verification time.",
                plain.clone(),
                "not_yet_valid",
            ),
            T0 - 1,
        ),
        valid(
            "iat_exactly",
            "iat equal to the verification time.",
            plain,
            T0,
        ),
        with_at(
            bad(
                "nbf_one_second_ahead",
                "nbf one second after the verification time.",
                with_nbf.clone(),
                "not_yet_valid",
            ),
            nbf - 1,
        ),
        valid(
            "nbf_exactly",
            "nbf equal to the verification time.",
            with_nbf,
            nbf,
        ),
        valid(
            "exp_one_second_before",
            "Checked one second before exp.",
            with_exp.clone(),
            exp - 1,
        ),
        with_at(
            bad(
                "expired_at_exp",
                "Checked exactly at exp: a certificate is not valid at or after exp.",
                with_exp.clone(),
                "expired",
            ),
            exp,
        ),
        with_at(
            bad(
                "expired_one_second_after",
                "Checked one second after exp.",
                with_exp,
                "expired",
            ),
            exp + 1,
        ),
        bad(
            "key_window_end",
            "Signed by the rotated key exactly at its window's exp (excluded; no leeway on key windows).",
            token(2, WINDOW_END, ""),
            "key_not_valid_at_issuance",
        ),
        valid(
            "key_window_last_second",
            "Signed by the rotated key one second before its window's exp.",
            token(2, WINDOW_END - 1, ""),
            AT,
        ),
        bad(
            "compromised_key_at_compromise",
            "Signed by the compromised key exactly at revoked_at (no leeway on revocation).",
            token(3, REVOKED_AT, ""),
            "key_revoked",
        ),
    ]
}

/// A status list of the main issuer, signed with the active key (seed 1), with `revoked` set.
pub fn status_list_token(iat: i64, exp: i64, revoked: &[u32]) -> String {
    let mut list = StatusList::new(0).expect("default size");
    for idx in revoked {
        list.set_revoked(*idx, true);
    }
    let input = status::signing_input(&kid_of(1), ISSUER, iat, exp, &list);
    let sig = signing_key(1).sign(input.as_bytes());
    format!("{input}.{}", b64::encode(&sig.to_bytes()))
}

/// The status lists that go with a vector file.
fn status_lists(file: &str) -> Vec<String> {
    match file {
        "status.json" => vec![status_list_token(T0, AT + 86_400, &[42])],
        "status_stale.json" => vec![status_list_token(T0, AT - 1, &[42])],
        "status_future.json" => vec![
            status_list_token(T0, AT + 86_400, &[42]),
            status_list_token(FUTURE, FUTURE + 7 * 86_400, &[]),
        ],
        _ => Vec::new(),
    }
}

/// Checks that the vector files `built` (name, text) are committed as built under `dir`; with
/// `SELLO_WRITE_VECTORS` set, writes them first. Panics naming a stale file and `regenerate`,
/// the command that rewrites them.
pub fn check_committed(dir: &std::path::Path, built: Vec<(String, String)>, regenerate: &str) {
    let write = std::env::var_os("SELLO_WRITE_VECTORS").is_some();
    for (name, text) in built {
        let path = dir.join(&name);
        if write {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(&path, &text).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == text,
            "{name} is stale: run SELLO_WRITE_VECTORS=1 {regenerate}"
        );
    }
}

/// The vector files: `(file name, JSON text)`.
pub fn build() -> Vec<(String, String)> {
    let key_sets: Vec<Value> = key_sets()
        .iter()
        .map(|k| serde_json::from_str(&k.to_json()).expect("key sets are JSON"))
        .collect();
    files()
        .into_iter()
        .map(|(name, description, cases)| {
            let cases: Vec<Value> = cases
                .into_iter()
                .map(|c| {
                    let mut case = json!({
                        "name": c.name,
                        "description": c.description,
                        "token": c.token,
                        "at": c.at,
                        "verdict": c.verdict,
                        "reason": c.reason,
                    });
                    // Text that is not presented as a token (FORMAT.md §4.4): where a person
                    // sees the result, an input error instead of the verdict.
                    if !sello_core::token::is_presented_as_token(&c.token) {
                        case["input_error"] = json!("not_a_certificate");
                    }
                    if let Some(code) = c.numeric_error {
                        case["numeric_error"] = json!(code);
                    }
                    case
                })
                .collect();
            let doc = json!({
                "description": description,
                "note": "TEST KEYS ONLY: the private keys are the 32-byte seeds [1;32] .. [5;32]. Verify token at time at (Unix seconds) with these key_sets, these status_lists (status-list JWS, typ sello-status+jwt; each must be accepted) and leeway (seconds); expect verdict and reason. Each of refused_status_lists must be refused on its own, and each of refused_key_sets (key-set text) too; attribute_labels lists labels the key sets declare (issuer, key, lang: the label shown, null for none).",
                "leeway": leeway(name),
                "key_sets": key_sets,
                "status_lists": status_lists(name),
                "refused_status_lists": refused_status_lists(name)
                    .into_iter()
                    .map(|(name, description, token)| {
                        json!({"name": name, "description": description, "token": token})
                    })
                    .collect::<Vec<_>>(),
                "refused_key_sets": refused_key_sets(name)
                    .into_iter()
                    .map(|(name, description, text)| {
                        json!({"name": name, "description": description, "key_set": text})
                    })
                    .collect::<Vec<_>>(),
                "attribute_labels": expected_labels(name)
                    .into_iter()
                    .map(|(issuer, key, lang, label)| {
                        json!({"issuer": issuer, "key": key, "lang": lang, "label": label})
                    })
                    .collect::<Vec<_>>(),
                "cases": cases,
            });
            let mut text = serde_json::to_string_pretty(&doc).expect("vectors are JSON");
            text.push('\n');
            (name.to_owned(), text)
        })
        .collect()
}

/// A gzip member whose DEFLATE data refers back before the start of the output: a fixed-code
/// block with the byte 0 and then "copy 3 bytes from distance 2" (one byte before the start),
/// then a stored block of zeros, `len` bytes in all. RFC 1951 has no output before the start:
/// zlib refuses it ("invalid distance too far back"); a lenient inflater reads zeros, which is
/// why the CRC is that of `len` zero bytes.
pub fn gzip_with_distance_too_far_back(len: usize) -> Vec<u8> {
    assert!((4..=65_535 + 4).contains(&len));
    let mut bits: Vec<bool> = Vec::new();
    let put = |bits: &mut Vec<bool>, value: u32, n: u32| {
        for i in 0..n {
            bits.push(value >> i & 1 == 1);
        }
    };
    let code = |bits: &mut Vec<bool>, value: u32, n: u32| {
        for i in (0..n).rev() {
            bits.push(value >> i & 1 == 1);
        }
    };
    put(&mut bits, 0, 1); // not the last block
    put(&mut bits, 1, 2); // fixed Huffman codes
    code(&mut bits, 0x30, 8); // literal 0
    code(&mut bits, 1, 7); // length 3 (symbol 257)
    code(&mut bits, 1, 5); // distance 2 (code 1)
    code(&mut bits, 0, 7); // end of block
    put(&mut bits, 1, 1); // the last block
    put(&mut bits, 0, 2); // stored
    let mut deflate: Vec<u8> = bits
        .chunks(8)
        .map(|byte| {
            byte.iter()
                .enumerate()
                .fold(0u8, |acc, (i, &b)| acc | (u8::from(b) << i))
        })
        .collect();
    let stored = (len - 4) as u16;
    deflate.extend_from_slice(&stored.to_le_bytes());
    deflate.extend_from_slice(&(!stored).to_le_bytes());
    deflate.extend(std::iter::repeat_n(0u8, usize::from(stored)));
    let mut crc = flate2::Crc::new();
    crc.update(&vec![0u8; len]);
    let mut gz = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    gz.extend_from_slice(&deflate);
    gz.extend_from_slice(&crc.sum().to_le_bytes());
    gz.extend_from_slice(&(len as u32).to_le_bytes());
    gz
}

/// A status list of the main issuer, signed with the active key, whose `lst` is the gzip
/// `gz` as it is (for lists a verifier must refuse).
pub fn status_list_token_with_gzip(iat: i64, exp: i64, gz: &[u8]) -> String {
    let claims = serde_json::json!({
        "iss": ISSUER,
        "iat": iat,
        "exp": exp,
        "size": status::MIN_ENTRIES,
        "lst": b64::encode(gz),
    });
    raw_token(
        &format!(
            r#"{{"alg":"EdDSA","kid":"{}","typ":"sello-status+jwt"}}"#,
            kid_of(1)
        ),
        &claims.to_string(),
        &signing_key(1),
    )
}
