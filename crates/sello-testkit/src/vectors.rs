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
use sello_core::jwk::{KeySet, kid};
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
    vec![
        key_set(ISSUER, vec![public_key(1), rotated, revoked]),
        key_set(OTHER, vec![public_key(4)]),
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
}

fn valid(name: &'static str, description: &'static str, token: String, at: i64) -> Case {
    Case {
        name,
        description,
        token,
        at,
        reason: None,
        verdict: "valid",
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
    }
}

fn with_at(mut case: Case, at: i64) -> Case {
    case.at = at;
    case
}

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

fn files() -> Vec<(&'static str, &'static str, Vec<Case>)> {
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
    const L: [u8; 32] = [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde,
        0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
    ];
    let mut carry = 0u16;
    for i in 0..32 {
        let sum = u16::from(malleable[32 + i]) + u16::from(L[i]) + carry;
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
        _ => Vec::new(),
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
                    json!({
                        "name": c.name,
                        "description": c.description,
                        "token": c.token,
                        "at": c.at,
                        "verdict": c.verdict,
                        "reason": c.reason,
                    })
                })
                .collect();
            let doc = json!({
                "description": description,
                "note": "TEST KEYS ONLY: the private keys are the 32-byte seeds [1;32] .. [5;32]. Verify token at time at (Unix seconds) with these key_sets, these status_lists (status-list JWS, typ sello-status+jwt) and leeway (seconds); expect verdict and reason.",
                "leeway": LEEWAY,
                "key_sets": key_sets,
                "status_lists": status_lists(name),
                "cases": cases,
            });
            let mut text = serde_json::to_string_pretty(&doc).expect("vectors are JSON");
            text.push('\n');
            (name.to_owned(), text)
        })
        .collect()
}
