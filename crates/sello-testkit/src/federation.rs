//! The generator of the federation vectors in `tests/vectors/federation/` (FORMAT.md §10.5).
//!
//! Deterministic like [`crate::vectors`]: running it again gives byte-identical files, and the
//! tests check that the committed files are current (`SELLO_WRITE_VECTORS=1` rewrites them).

use crate::keys::{public_key, signing_key};
use crate::vectors::{ISSUER, LEEWAY, OTHER, T0, key_sets, raw_token};
use ed25519_dalek::Signer as _;
use sello_core::b64;
use sello_core::federation::{
    BundleClaims, IssuerEntry, RootClaims, RootDocument, ScopeEntry, Suspension, Window,
    bundle_hash,
};
use sello_core::token;
use serde_json::{Value, json};

/// The federation of the vectors.
pub const FEDERATION: &str = "mx.conocer";
/// The bundle's `iat`: 20 days after T0.
pub const BUNDLE_IAT: i64 = T0 + 20 * DAY;
/// When the verdict cases are verified: a day after the bundle, while it is fresh.
pub const VAT: i64 = BUNDLE_IAT + DAY;
/// The registry key of root version 1.
pub const REGISTRY: u8 = 111;
/// The registry key of root version 2.
pub const REGISTRY_2: u8 = 112;
const DAY: i64 = 86_400;
/// Start of the main issuer's accreditation (and of its EC0105 scope).
pub const ACCREDITED_FROM: i64 = T0 - 100 * DAY;
/// End of the main issuer's accreditation.
pub const ACCREDITED_UNTIL: i64 = T0 + 365 * DAY;
/// The main issuer's EC0217.01 window.
pub const SCOPE_2: (i64, i64) = (T0 + 5 * DAY, T0 + 15 * DAY);
/// When the other issuer was suspended.
pub const SUSPENDED_FROM: i64 = T0 + 10 * DAY;

fn root_claims(version: u32, root: &[u8], threshold: usize, registry: &[u8]) -> RootClaims {
    RootClaims {
        federation: FEDERATION.into(),
        name: "CONOCER".into(),
        version,
        iat: T0 - 200 * DAY + i64::from(version),
        root_keys: root.iter().map(|&s| public_key(s)).collect(),
        root_threshold: threshold,
        registry_keys: registry.iter().map(|&s| public_key(s)).collect(),
    }
}

fn sign_root(claims: &RootClaims, seeds: &[u8]) -> RootDocument {
    let mut doc = RootDocument::prepare(claims).expect("vector roots are well formed");
    for &seed in seeds {
        let kid = public_key(seed).kid;
        let (_, input) = doc.signing_input(&kid);
        doc.add_signature(&kid, signing_key(seed).sign(input.as_bytes()));
    }
    doc
}

/// Root version 1: root keys 101, 102, 103 (2 of 3), registry key 111; signed by 101 and 102.
pub fn root_v1() -> RootDocument {
    sign_root(
        &root_claims(1, &[101, 102, 103], 2, &[REGISTRY]),
        &[101, 102],
    )
}

/// Root version 2: root keys 102, 103, 104 (2 of 3), registry key 112; signed by 101 and 102
/// (version 1's threshold) and 102 and 104 (its own).
pub fn root_v2() -> RootDocument {
    sign_root(
        &root_claims(2, &[102, 103, 104], 2, &[REGISTRY_2]),
        &[101, 102, 104],
    )
}

fn root_v3() -> RootDocument {
    sign_root(
        &root_claims(3, &[102, 103, 104], 2, &[REGISTRY_2]),
        &[102, 104],
    )
}

fn entries() -> Vec<IssuerEntry> {
    let sets = key_sets();
    let status = crate::vectors::status_list_token(T0, BUNDLE_IAT + 7 * DAY, &[42]);
    vec![
        IssuerEntry {
            key_set: sets[0].clone(),
            accredited: Window {
                nbf: ACCREDITED_FROM,
                exp: Some(ACCREDITED_UNTIL),
            },
            scope: vec![
                ScopeEntry {
                    ec: "EC0105".into(),
                    window: Window {
                        nbf: ACCREDITED_FROM,
                        exp: None,
                    },
                },
                ScopeEntry {
                    ec: "EC0217.01".into(),
                    window: Window {
                        nbf: SCOPE_2.0,
                        exp: Some(SCOPE_2.1),
                    },
                },
            ],
            suspended: None,
            status: Some(status),
        },
        IssuerEntry {
            key_set: sets[1].clone(),
            accredited: Window {
                nbf: ACCREDITED_FROM,
                exp: None,
            },
            scope: vec![ScopeEntry {
                ec: "EC0105".into(),
                window: Window {
                    nbf: ACCREDITED_FROM,
                    exp: None,
                },
            }],
            suspended: Some(Suspension {
                from: SUSPENDED_FROM,
                reason: "Auditoría de 2026: evaluaciones sin evidencia".into(),
            }),
            status: None,
        },
    ]
}

/// The claims of the good bundle: seq 7, root 1 with its chain, both test issuers.
pub fn bundle_claims() -> BundleClaims {
    BundleClaims {
        federation: FEDERATION.into(),
        seq: 7,
        iat: BUNDLE_IAT,
        fresh_until: BUNDLE_IAT + 7 * DAY,
        root: 1,
        roots: vec![root_v1()],
        verify_url: Some("https://verifica.conocer.example.mx/v".into()),
        issuers: entries(),
    }
}

fn sign_bundle(claims: &BundleClaims, seed: u8) -> String {
    let input = claims.signing_input(&public_key(seed).kid);
    token::assemble(&input, &signing_key(seed).sign(input.as_bytes()))
}

fn sign_value(typ: &str, payload: &Value, seed: u8) -> String {
    let header = format!(
        r#"{{"alg":"EdDSA","kid":"{}","typ":"{typ}"}}"#,
        public_key(seed).kid
    );
    raw_token(
        &header,
        &serde_json::to_string(payload).expect("JSON"),
        &signing_key(seed),
    )
}

/// The good bundle.
pub fn good_bundle() -> String {
    sign_bundle(&bundle_claims(), REGISTRY)
}

fn state(root: u32, seq: u64, sha256: &str) -> Value {
    json!({"root": root, "seq": seq, "sha256": sha256})
}

fn root_cases() -> Vec<Value> {
    let v2_claims = root_claims(2, &[102, 103, 104], 2, &[REGISTRY_2]);
    // Version 2 with root keys 104 and 105 (2 of 2), signed by both of them and by 101 twice
    // (under an EdDSA and an Ed25519 header): only one of version 1's keys.
    let fresh_keys = root_claims(2, &[104, 105], 2, &[REGISTRY_2]);
    let twice = sign_root(&fresh_keys, &[101, 104, 105]);
    let kid101 = public_key(101).kid;
    let header = format!(r#"{{"alg":"Ed25519","kid":"{kid101}","typ":"sello-root+json"}}"#);
    let protected = b64::encode(header.as_bytes());
    let input = format!("{protected}.{}", twice.payload);
    let mut twice = twice.to_value();
    twice["signatures"]
        .as_array_mut()
        .expect("array")
        .push(json!({
            "protected": protected,
            "signature": b64::encode(&signing_key(101).sign(input.as_bytes()).to_bytes()),
        }));
    let mut garbage = sign_root(&v2_claims, &[101, 102, 104]).to_value();
    let kid103 = public_key(103).kid;
    let (p103, _) = RootDocument::prepare(&v2_claims)
        .expect("ok")
        .signing_input(&kid103);
    garbage["signatures"]
        .as_array_mut()
        .expect("array")
        .push(json!({"protected": p103, "signature": b64::encode(&[7u8; 64])}));
    let mut other_fed = root_claims(2, &[102, 103, 104], 2, &[REGISTRY_2]);
    other_fed.federation = "mx.otra".into();
    let mut conflicting = root_claims(1, &[101, 102, 103], 2, &[REGISTRY_2]);
    conflicting.iat += 1;
    let case = |name: &str, description: &str, chain: Vec<Value>, accept: bool| json!({"name": name, "description": description, "chain": chain, "accept": accept});
    vec![
        case(
            "no_chain",
            "Nothing to walk: the pinned root stays.",
            vec![],
            true,
        ),
        case(
            "same_version",
            "The pinned root itself in the chain is skipped.",
            vec![root_v1().to_value()],
            true,
        ),
        case(
            "rotation_met",
            "Version 2 with a new root key 104: signed by 101 and 102 (2 of version 1's keys) and 102 and 104 (2 of its own).",
            vec![root_v2().to_value()],
            true,
        ),
        case(
            "rotation_two_steps",
            "Versions 2 then 3, walked in order.",
            vec![
                root_v1().to_value(),
                root_v2().to_value(),
                root_v3().to_value(),
            ],
            true,
        ),
        case(
            "old_threshold_not_met",
            "Version 2 signed by 101 and 104: only one of version 1's keys.",
            vec![sign_root(&v2_claims, &[101, 104]).to_value()],
            false,
        ),
        case(
            "new_threshold_not_met",
            "Version 2 signed by 101 and 103 (version 1's threshold) and 103 only of its own.",
            vec![sign_root(&v2_claims, &[101, 103]).to_value()],
            false,
        ),
        case(
            "key_counted_twice",
            "Version 2 (root keys 104 and 105, 2 of 2) signed by 104, 105 and twice by 101 (EdDSA and Ed25519 headers): 101 counts once, so version 1's threshold (2) is not met.",
            vec![twice.clone()],
            false,
        ),
        case(
            "same_keys_met_once_each",
            "The same version 2 signed by 101, 102, 104 and 105: both thresholds met.",
            vec![sign_root(&fresh_keys, &[101, 102, 104, 105]).to_value()],
            true,
        ),
        case(
            "bad_entry_ignored",
            "An entry of key 103 whose signature does not verify is not counted, and the others meet both thresholds.",
            vec![garbage],
            true,
        ),
        case(
            "version_gap",
            "Version 3 directly after version 1.",
            vec![root_v3().to_value()],
            false,
        ),
        case(
            "other_federation",
            "Version 2 of another federation, signed by the right keys.",
            vec![sign_root(&other_fed, &[101, 102, 104]).to_value()],
            false,
        ),
        case(
            "conflicting_version",
            "A different version 1 signed by 101 and 102: not the pinned one.",
            vec![sign_root(&conflicting, &[101, 102]).to_value()],
            false,
        ),
    ]
}

fn bundle_cases() -> Vec<Value> {
    let good = good_bundle();
    let hash = bundle_hash(&good);
    let mut no_chain = bundle_claims();
    no_chain.roots.clear();
    let mut rotated = bundle_claims();
    rotated.root = 2;
    rotated.seq = 1;
    rotated.roots = vec![root_v1(), root_v2()];
    let mut other_fed = bundle_claims().to_value();
    other_fed["federation"] = json!("mx.otra");
    other_fed["roots"] = json!([]);
    let mut wide = bundle_claims().to_value();
    wide["issuers"][1]["scope"] = json!(
        (0..257)
            .map(|i| json!({"ec": format!("EC{i:04}"), "nbf": ACCREDITED_FROM}))
            .collect::<Vec<_>>()
    );
    let mut long_chain = bundle_claims().to_value();
    long_chain["roots"] = json!(vec![root_v1().to_value(); 33]);
    let mut unauthorised = bundle_claims();
    unauthorised.root = 2;
    unauthorised.roots = vec![sign_root(
        &root_claims(2, &[102, 103, 104], 2, &[REGISTRY_2]),
        &[101, 104],
    )];
    let mut bad_status = bundle_claims();
    bad_status.issuers[1].status = Some(crate::vectors::status_list_token(
        T0,
        BUNDLE_IAT + 7 * DAY,
        &[],
    ));
    let tampered = {
        let mut c = bundle_claims();
        c.seq = 8;
        let (_, sig) = good.rsplit_once('.').expect("3 parts");
        format!("{}.{sig}", c.signing_input(&public_key(REGISTRY).kid))
    };
    let payload = bundle_claims().to_value();
    let case = |name: &str,
                description: &str,
                at: i64,
                max_age: Option<i64>,
                state: Value,
                bundle: String,
                accept: bool| {
        json!({"name": name, "description": description, "at": at, "max_age": max_age, "state": state, "bundle": bundle, "accept": accept})
    };
    let zeros = "0".repeat(64);
    vec![
        case(
            "good",
            "A bundle signed by the registry key, its chain from version 1.",
            VAT,
            None,
            Value::Null,
            good.clone(),
            true,
        ),
        case(
            "good_without_chain",
            "The same claims with an empty roots: the pinned root signs.",
            VAT,
            None,
            Value::Null,
            sign_bundle(&no_chain, REGISTRY),
            true,
        ),
        case(
            "same_bundle_again",
            "The bundle already accepted, again.",
            VAT,
            None,
            state(1, 7, &hash),
            good.clone(),
            true,
        ),
        case(
            "newer_seq",
            "A greater seq than the stored one.",
            VAT,
            None,
            state(1, 6, &zeros),
            good.clone(),
            true,
        ),
        case(
            "rollback",
            "seq 7 after seq 8 was accepted.",
            VAT,
            None,
            state(1, 8, &zeros),
            good.clone(),
            false,
        ),
        case(
            "equivocation",
            "seq 7 again, with other bytes than the seq 7 accepted.",
            VAT,
            None,
            state(1, 7, &zeros),
            good.clone(),
            false,
        ),
        case(
            "root_rotation_restarts_sequence",
            "Root version 2 (registry key 112) with seq 1, after seq 100 under version 1.",
            VAT,
            None,
            state(1, 100, &zeros),
            sign_bundle(&rotated, REGISTRY_2),
            true,
        ),
        case(
            "root_rollback",
            "A bundle under root version 1 after one under version 2 was accepted.",
            VAT,
            None,
            state(2, 1, &zeros),
            good.clone(),
            false,
        ),
        case(
            "old_registry_key_after_rotation",
            "Root version 2 names registry key 112; the bundle is signed by version 1's 111.",
            VAT,
            None,
            Value::Null,
            sign_bundle(&rotated, REGISTRY),
            false,
        ),
        case(
            "rotation_not_authorised",
            "The chain's version 2 is signed by one of version 1's keys only.",
            VAT,
            None,
            Value::Null,
            sign_bundle(&unauthorised, REGISTRY_2),
            false,
        ),
        case(
            "stale_is_accepted",
            "Sixty days after iat, past fresh_until, with no maximum age: accepted (and reported stale).",
            BUNDLE_IAT + 60 * DAY,
            None,
            Value::Null,
            good.clone(),
            true,
        ),
        case(
            "stale_over_max_age",
            "Sixty days after iat with a maximum age of 30 days.",
            BUNDLE_IAT + 60 * DAY,
            Some(30 * DAY),
            Value::Null,
            good.clone(),
            false,
        ),
        case(
            "max_age_edge",
            "Exactly the maximum age after iat.",
            BUNDLE_IAT + 30 * DAY,
            Some(30 * DAY),
            Value::Null,
            good.clone(),
            true,
        ),
        case(
            "from_the_future",
            "Verified 61 seconds before the bundle's iat (leeway 60).",
            BUNDLE_IAT - LEEWAY - 1,
            None,
            Value::Null,
            good.clone(),
            false,
        ),
        case(
            "future_inside_leeway",
            "Verified 60 seconds before the bundle's iat.",
            BUNDLE_IAT - LEEWAY,
            None,
            Value::Null,
            good.clone(),
            true,
        ),
        case(
            "wrong_typ_certificate",
            "The bundle's claims under typ sello+jwt.",
            VAT,
            None,
            Value::Null,
            sign_value("sello+jwt", &payload, REGISTRY),
            false,
        ),
        case(
            "wrong_typ_status",
            "The bundle's claims under typ sello-status+jwt.",
            VAT,
            None,
            Value::Null,
            sign_value("sello-status+jwt", &payload, REGISTRY),
            false,
        ),
        case(
            "signed_by_root_key",
            "Signed by root key 101 instead of a registry key.",
            VAT,
            None,
            Value::Null,
            sign_bundle(&bundle_claims(), 101),
            false,
        ),
        case(
            "unknown_signer",
            "Signed by a key the root does not name.",
            VAT,
            None,
            Value::Null,
            sign_bundle(&bundle_claims(), 5),
            false,
        ),
        case(
            "tampered",
            "seq changed to 8 under the good bundle's signature.",
            VAT,
            None,
            Value::Null,
            tampered,
            false,
        ),
        case(
            "other_federation",
            "A bundle of federation mx.otra.",
            VAT,
            None,
            Value::Null,
            sign_value("sello-trust+jwt", &other_fed, REGISTRY),
            false,
        ),
        case(
            "oversized_scope",
            "An issuer with 257 scope entries (the cap is 256).",
            VAT,
            None,
            Value::Null,
            sign_value("sello-trust+jwt", &wide, REGISTRY),
            false,
        ),
        case(
            "oversized_chain",
            "33 root documents (the cap is 32).",
            VAT,
            None,
            Value::Null,
            sign_value("sello-trust+jwt", &long_chain, REGISTRY),
            false,
        ),
        case(
            "status_list_by_another_key",
            "The other issuer's entry carries a status list of the main issuer's: refused as another issuer's.",
            VAT,
            None,
            Value::Null,
            sign_bundle(&bad_status, REGISTRY),
            false,
        ),
    ]
}

/// A certificate token of `iss` with standard `code`, issued at `iat`, signed by `seed`.
fn cert(seed: u8, iss: &str, code: &str, iat: i64, status: Option<u32>) -> String {
    let status = status.map_or(String::new(), |i| format!(r#","status":{{"idx":{i}}}"#));
    let header = format!(
        r#"{{"alg":"EdDSA","kid":"{}","typ":"sello+jwt"}}"#,
        public_key(seed).kid
    );
    let payload = format!(
        r#"{{"iss":"{iss}","jti":"FED-0001","iat":{iat}{status},"cert":{{"h":{{"n":"Ana Karen García Sánchez"}},"a":{{"c":"{code}","t":"Estándar de prueba"}},"u":"CECATI 149"}}}}"#
    );
    raw_token(&header, &payload, &signing_key(seed))
}

fn verdict_cases() -> Vec<Value> {
    let case = |name: &str, description: &str, token: String, at: i64, reason: Option<&str>| {
        let verdict = match reason {
            None => "valid",
            Some("trust_bundle_older_than_token" | "status_unavailable") => "indeterminate",
            Some(_) => "invalid",
        };
        json!({"name": name, "description": description, "token": token, "at": at, "verdict": verdict, "reason": reason})
    };
    let (s2, e2) = SCOPE_2;
    vec![
        case(
            "in_scope",
            "EC0105, in scope since the accreditation began.",
            cert(1, ISSUER, "EC0105", T0, None),
            VAT,
            None,
        ),
        case(
            "out_of_scope",
            "EC0999, a standard the issuer is not accredited for.",
            cert(1, ISSUER, "EC0999", T0, None),
            VAT,
            Some("standard_out_of_scope"),
        ),
        case(
            "scope_code_case",
            "ec0105: codes compare exactly.",
            cert(1, ISSUER, "ec0105", T0, None),
            VAT,
            Some("standard_out_of_scope"),
        ),
        case(
            "scope_starts_at_iat",
            "EC0217.01 issued exactly at its scope's nbf.",
            cert(1, ISSUER, "EC0217.01", s2, None),
            VAT,
            None,
        ),
        case(
            "scope_one_second_early",
            "EC0217.01 issued one second before its scope's nbf.",
            cert(1, ISSUER, "EC0217.01", s2 - 1, None),
            VAT,
            Some("standard_out_of_scope"),
        ),
        case(
            "scope_last_second",
            "EC0217.01 issued one second before its scope's exp.",
            cert(1, ISSUER, "EC0217.01", e2 - 1, None),
            VAT,
            None,
        ),
        case(
            "scope_ends_at_iat",
            "EC0217.01 issued exactly at its scope's exp.",
            cert(1, ISSUER, "EC0217.01", e2, None),
            VAT,
            Some("standard_out_of_scope"),
        ),
        case(
            "accredited_from_iat",
            "Issued exactly when the accreditation began.",
            cert(1, ISSUER, "EC0105", ACCREDITED_FROM, None),
            VAT,
            None,
        ),
        case(
            "before_accreditation",
            "Issued one second before the accreditation began.",
            cert(1, ISSUER, "EC0105", ACCREDITED_FROM - 1, None),
            VAT,
            Some("issuer_not_accredited"),
        ),
        case(
            "accreditation_last_second",
            "Issued one second before the accreditation ended, verified after it with the bundle long stale: still valid.",
            cert(1, ISSUER, "EC0105", ACCREDITED_UNTIL - 1, None),
            ACCREDITED_UNTIL + DAY,
            None,
        ),
        case(
            "accreditation_ended",
            "Issued exactly when the accreditation ended.",
            cert(1, ISSUER, "EC0105", ACCREDITED_UNTIL, None),
            ACCREDITED_UNTIL + DAY,
            Some("issuer_not_accredited"),
        ),
        case(
            "before_suspension",
            "The suspended issuer, one second before its suspension.",
            cert(4, OTHER, "EC0105", SUSPENDED_FROM - 1, None),
            VAT,
            None,
        ),
        case(
            "suspended_at_iat",
            "The suspended issuer, exactly at its suspension.",
            cert(4, OTHER, "EC0105", SUSPENDED_FROM, None),
            VAT,
            Some("issuer_suspended"),
        ),
        case(
            "suspended_after",
            "The suspended issuer, after its suspension.",
            cert(4, OTHER, "EC0105", BUNDLE_IAT - 1, None),
            VAT,
            Some("issuer_suspended"),
        ),
        case(
            "unknown_issuer_newer_than_bundle",
            "An issuer the bundle does not know, issued one second after the bundle.",
            cert(5, "mx.nuevo.centro", "EC0105", BUNDLE_IAT + 1, None),
            VAT,
            Some("trust_bundle_older_than_token"),
        ),
        case(
            "unknown_issuer_at_bundle_iat",
            "An issuer the bundle does not know, issued exactly at the bundle's iat.",
            cert(5, "mx.nuevo.centro", "EC0105", BUNDLE_IAT, None),
            VAT,
            Some("unknown_issuer"),
        ),
        case(
            "unknown_issuer_from_the_future",
            "An issuer the bundle does not know, issued beyond at + leeway.",
            cert(5, "mx.nuevo.centro", "EC0105", VAT + LEEWAY + 1, None),
            VAT,
            Some("unknown_issuer"),
        ),
        case(
            "unknown_key_newer_than_bundle",
            "A key of the main issuer the bundle does not know, issued after the bundle.",
            cert(5, ISSUER, "EC0105", BUNDLE_IAT + 1, None),
            VAT,
            Some("trust_bundle_older_than_token"),
        ),
        case(
            "unknown_key_older_than_bundle",
            "A key of the main issuer the bundle does not know, issued before the bundle.",
            cert(5, ISSUER, "EC0105", T0, None),
            VAT,
            Some("unknown_key"),
        ),
        case(
            "forged",
            "Signed by another key under the main key's kid.",
            {
                let good = cert(1, ISSUER, "EC0105", T0, None);
                let forged = cert(5, ISSUER, "EC0105", T0, None);
                let (input, _) = good.rsplit_once('.').expect("3 parts");
                format!("{input}.{}", forged.rsplit_once('.').expect("3 parts").1)
            },
            VAT,
            Some("bad_signature"),
        ),
        case(
            "revoked_through_bundle",
            "Entry 42 of the status list the bundle carries is set.",
            cert(1, ISSUER, "EC0105", T0, Some(42)),
            VAT,
            Some("revoked"),
        ),
        case(
            "not_revoked_through_bundle",
            "Entry 43 is not set.",
            cert(1, ISSUER, "EC0105", T0, Some(43)),
            VAT,
            None,
        ),
        case(
            "stale_bundle_decides_older_certificates",
            "Sixty days after the bundle (stale), a certificate issued before it, with no status entry: valid.",
            cert(1, ISSUER, "EC0105", T0, None),
            BUNDLE_IAT + 60 * DAY,
            None,
        ),
        case(
            "key_window_still_applies",
            "The rotated key (window ends T0 + 10 days) signs at T0 + 11 days.",
            cert(2, ISSUER, "EC0105", T0 + 11 * DAY, None),
            VAT,
            Some("key_not_valid_at_issuance"),
        ),
    ]
}

/// Every federation vector file: its name (under `tests/vectors/federation/`) and its text.
pub fn build() -> Vec<(String, String)> {
    let note = "TEST KEYS ONLY: the private keys are the 32-byte seeds [n;32]: root keys 101-104, registry keys 111 (root version 1) and 112 (version 2), centres 1-5 as in tests/vectors. See FORMAT.md section 10.5.";
    let base = |description: &str| {
        json!({
            "description": description,
            "note": note,
            "leeway": LEEWAY,
            "federation": FEDERATION,
            "pinned_root": root_v1().to_value(),
        })
    };
    let mut roots = base(
        "Root chains (FORMAT.md 5.9.2-5.9.3): walk chain from pinned_root; accept tells whether every document is accepted.",
    );
    roots["roots"] = Value::Array(root_cases());
    let mut bundles = base(
        "Trust bundles (FORMAT.md 5.9.5-5.9.6): accept bundle at at, with the ratchet record state and the maximum age max_age (seconds); accept tells whether it must be accepted.",
    );
    bundles["bundles"] = Value::Array(bundle_cases());
    let mut verdicts = base(
        "Verdicts through a trust bundle (FORMAT.md 6.2.1): accept bundle (no state, no maximum age) at each case's at, then verify token at at.",
    );
    verdicts["bundle"] = json!(good_bundle());
    verdicts["cases"] = Value::Array(verdict_cases());
    [
        ("roots.json", roots),
        ("bundles.json", bundles),
        ("verdicts.json", verdicts),
    ]
    .into_iter()
    .map(|(name, doc)| {
        let mut text = serde_json::to_string_pretty(&doc).expect("vectors are JSON");
        text.push('\n');
        (name.to_owned(), text)
    })
    .collect()
}
