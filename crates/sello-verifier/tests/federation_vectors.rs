//! The federation vectors in tests/vectors/federation/ (FORMAT.md §10.5): current with their
//! generator, and passed by the Rust verifier.

use sello_core::Reason;
use sello_core::federation::RootDocument;
use sello_verifier::Verifier;
use sello_verifier::federation::{Policy, Ratchet, accept_bundle, pinned_root, walk};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/federation")
}

fn file(name: &str) -> Value {
    serde_json::from_slice(&fs::read(dir().join(name)).unwrap()).unwrap()
}

fn pinned(doc: &Value) -> RootDocument {
    pinned_root(doc["pinned_root"].to_string().as_bytes()).unwrap()
}

#[test]
fn committed_vectors_are_current() {
    sello_testkit::vectors::check_committed(
        &dir(),
        sello_testkit::federation::build(),
        "cargo test -p sello-verifier --test federation_vectors",
    );
}

#[test]
fn root_chains() {
    let doc = file("roots.json");
    let pinned = pinned(&doc);
    let cases = doc["roots"].as_array().unwrap();
    assert!(cases.len() >= 10);
    for case in cases {
        let chain: Result<Vec<RootDocument>, _> = case["chain"]
            .as_array()
            .unwrap()
            .iter()
            .map(RootDocument::from_value)
            .collect();
        let accepted = chain.is_ok_and(|chain| walk(&pinned, &chain).is_ok());
        assert_eq!(
            accepted,
            case["accept"].as_bool().unwrap(),
            "roots.json / {}",
            case["name"]
        );
    }
}

#[test]
fn bundles() {
    let doc = file("bundles.json");
    let pinned = pinned(&doc);
    let leeway = doc["leeway"].as_i64().unwrap();
    let cases = doc["bundles"].as_array().unwrap();
    assert!(cases.len() >= 20);
    for case in cases {
        let label = format!("bundles.json / {}", case["name"]);
        let policy = Policy {
            leeway,
            max_age: case["max_age"].as_i64(),
        };
        let state: Option<Ratchet> = serde_json::from_value(case["state"].clone()).unwrap();
        let result = accept_bundle(
            &pinned,
            case["bundle"].as_str().unwrap(),
            case["at"].as_i64().unwrap(),
            policy,
        )
        .and_then(|b| Ratchet::check(state.as_ref(), &b));
        assert_eq!(
            result.is_ok(),
            case["accept"].as_bool().unwrap(),
            "{label}: {result:?}"
        );
        if let Err(e) = result {
            assert!(!e.to_string().is_empty());
        }
    }
}

#[test]
fn verdicts_through_the_bundle() {
    let doc = file("verdicts.json");
    let pinned = pinned(&doc);
    let leeway = doc["leeway"].as_i64().unwrap();
    let bundle = doc["bundle"].as_str().unwrap();
    let mut seen = BTreeSet::new();
    for case in doc["cases"].as_array().unwrap() {
        let label = format!("verdicts.json / {}", case["name"]);
        let at = case["at"].as_i64().unwrap();
        let policy = Policy {
            leeway,
            max_age: None,
        };
        let accepted = accept_bundle(&pinned, bundle, at, policy).unwrap();
        let verifier = Verifier::from_bundle(&accepted)
            .unwrap()
            .with_leeway(leeway);
        let result = verifier.verify(case["token"].as_str().unwrap(), at);
        assert_eq!(
            result.verdict.code(),
            case["verdict"].as_str().unwrap(),
            "{label}: {result:?}"
        );
        let reason = result.reason.map(Reason::code);
        assert_eq!(reason, case["reason"].as_str(), "{label}: {result:?}");
        let authentic = result.reason.is_none_or(Reason::is_after_signature);
        assert_eq!(result.claims.is_some(), authentic, "{label}");
        // Every authentic result through a bundle names the chain.
        assert_eq!(result.trust.is_some(), authentic, "{label}");
        if let Some(trust) = &result.trust {
            assert_eq!(trust.trust_as_of, accepted.claims.iat);
            assert_eq!(trust.fresh, at < accepted.claims.fresh_until, "{label}");
            assert_eq!(trust.federation_name, "CONOCER");
        }
        seen.insert(result.reason.map(Reason::code));
    }
    for r in Reason::FEDERATION {
        assert!(seen.contains(&Some(r.code())), "no vector for {r}");
    }
}

#[test]
fn a_valid_verdict_names_the_chain_in_both_languages() {
    use sello_core::Lang;
    let doc = file("verdicts.json");
    let pinned = pinned(&doc);
    let bundle = doc["bundle"].as_str().unwrap();
    let case = &doc["cases"][0];
    assert_eq!(case["name"], "in_scope");
    let at = case["at"].as_i64().unwrap();
    let accepted = accept_bundle(&pinned, bundle, at, Policy::default()).unwrap();
    let verifier = Verifier::from_bundle(&accepted).unwrap();
    let result = verifier.verify(case["token"].as_str().unwrap(), at);
    let trust = result.trust.as_ref().unwrap();
    let name = &result.issuer.as_ref().unwrap().name;
    assert_eq!(
        trust.describe(name, Lang::Es),
        format!(
            "{name}, acreditado por CONOCER para EC0105 desde 2025-09-23 (según el paquete de confianza del 2026-01-21)"
        )
    );
    assert_eq!(
        trust.describe(name, Lang::En),
        format!(
            "{name}, accredited by CONOCER for EC0105 since 2025-09-23 (according to the trust bundle of 2026-01-21)"
        )
    );
    let json = serde_json::to_value(&result).unwrap();
    assert_eq!(json["trust"]["trust_as_of"], accepted.claims.iat);
    assert_eq!(json["trust"]["fresh"], true);
    // Sixty days later the bundle is stale: same verdict, and the words say so.
    let late = at + 60 * 86_400;
    let accepted = accept_bundle(&pinned, bundle, late, Policy::default()).unwrap();
    let result = Verifier::from_bundle(&accepted)
        .unwrap()
        .verify(case["token"].as_str().unwrap(), late);
    assert_eq!(result.verdict, sello_core::Verdict::Valid);
    let trust = result.trust.unwrap();
    assert!(!trust.fresh);
    assert!(trust.describe(name, Lang::En).ends_with("get a newer one."));
}
