//! The service through a federation's trust bundle ([`sello_web::Sources::with_bundle`]): the
//! published documents (`trust.jwt`, `keys.json`'s `federation`), verdicts through the bundle,
//! and reloads that install newer bundles only (FORMAT.md §5.9.6 against the bundle in use).

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use sello_core::ed25519_dalek::Signer as _;
use sello_core::token;
use sello_testkit::federation as v;
use sello_testkit::keys::{public_key, signing_key};
use sello_web::{LoadError, Reload, Reloader, Sources};
use serde_json::Value;
use std::path::Path;
use tower::ServiceExt as _;

fn vat() -> i64 {
    v::VAT
}

/// A bundle of the vectors' federation with sequence number `seq`, signed by the registry.
fn bundle(seq: u64, suspended_everyone: bool) -> String {
    let mut claims = v::bundle_claims();
    claims.seq = seq;
    if suspended_everyone {
        for e in &mut claims.issuers {
            e.suspended = Some(sello_core::federation::Suspension {
                from: 0,
                reason: "Auditoría".into(),
            });
        }
    }
    let input = claims.signing_input(&public_key(v::REGISTRY).kid);
    token::assemble(&input, &signing_key(v::REGISTRY).sign(input.as_bytes()))
}

/// A certificate of the vectors' main centre for EC0105, issued before the bundle.
fn certificate() -> String {
    let header = format!(
        r#"{{"alg":"EdDSA","kid":"{}","typ":"sello+jwt"}}"#,
        public_key(1).kid
    );
    let payload = format!(
        r#"{{"iss":"mx.sello.prueba","jti":"WEB-FED-1","iat":{},"cert":{{"h":{{"n":"Ana"}},"a":{{"c":"EC0105","t":"Estándar"}}}}}}"#,
        v::BUNDLE_IAT - 86_400
    );
    let input = format!(
        "{}.{}",
        sello_core::b64::encode(header.as_bytes()),
        sello_core::b64::encode(payload.as_bytes())
    );
    token::assemble(&input, &signing_key(1).sign(input.as_bytes()))
}

async fn get(app: &Router, path: &str) -> (StatusCode, String) {
    let response = app
        .clone()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), 64 << 20)
        .await
        .unwrap();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

async fn verify(app: &Router, token: &str) -> Value {
    let request = Request::post("/api/verify")
        .header("content-type", "text/plain")
        .body(Body::from(token.to_owned()))
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let body = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    serde_json::from_slice(&body).unwrap()
}

fn write(path: &Path, text: &str) {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[tokio::test]
async fn a_bundle_is_published_verified_through_and_only_replaced_by_a_newer_one() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("root.json");
    let trust = tmp.path().join("trust.jwt");
    let root_text = v::root_v1().to_json();
    std::fs::write(&root, &root_text).unwrap();
    let seven = bundle(7, false);
    std::fs::write(&trust, format!("{seven}\n")).unwrap();
    let sources = Sources::new(vec![], vec![])
        .with_bundle(root.clone(), trust.clone(), None)
        .with_clock(vat);
    let mut reloader = Reloader::new(sources).unwrap();
    let app = sello_web::live_router(reloader.live());

    let (status, keys) = get(&app, "/keys.json").await;
    assert_eq!(status, StatusCode::OK);
    let keys: Value = serde_json::from_str(&keys).unwrap();
    assert_eq!(keys["federation"]["root"], root_text.as_str());
    assert_eq!(keys["federation"]["bundle"], "trust.jwt");
    assert_eq!(keys["key_sets"], serde_json::json!([]));
    assert_eq!(
        get(&app, "/trust.jwt").await,
        (StatusCode::OK, seven.clone())
    );
    // The federation's page (verify_url …/v) answers with its files, trust.jwt included.
    assert_eq!(get(&app, "/v/trust.jwt").await.1, seven);
    let v = verify(&app, &certificate()).await;
    assert_eq!(v["verdict"], "valid", "{v}");
    assert_eq!(v["trust"]["seq"], 7);

    // Bundle 8, which suspends every centre: installed.
    write(&trust, &bundle(8, true));
    assert_eq!(reloader.check(), Reload::Replaced);
    assert_eq!(
        verify(&app, &certificate()).await["reason"],
        "issuer_suspended"
    );
    // Bundle 7 again (rolled back), another bundle 8 (equivocation): not installed.
    for refused in [seven.clone(), bundle(8, false)] {
        write(&trust, &refused);
        assert_eq!(reloader.check(), Reload::Failed);
        assert_eq!(
            verify(&app, &certificate()).await["reason"],
            "issuer_suspended"
        );
        assert_eq!(get(&app, "/trust.jwt").await.1, bundle(8, true));
    }
    // A broken root document: not installed either.
    write(&root, "{}");
    assert_eq!(reloader.check(), Reload::Failed);
    write(&root, &root_text);
    write(&trust, &bundle(9, false));
    assert_eq!(reloader.check(), Reload::Replaced);
    assert_eq!(verify(&app, &certificate()).await["verdict"], "valid");
}

#[test]
fn keys_are_refused_with_a_bundle_and_the_bundle_must_be_accepted() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("root.json");
    let trust = tmp.path().join("trust.jwt");
    std::fs::write(&root, v::root_v1().to_json()).unwrap();
    std::fs::write(&trust, bundle(7, false)).unwrap();
    let with_keys = Sources::new(vec![tmp.path().join("jwks.json")], vec![])
        .with_bundle(root.clone(), trust.clone(), None)
        .with_clock(vat);
    assert!(matches!(with_keys.load(), Err(LoadError::KeysAndBundle)));
    // Too old for a maximum age of a day at VAT (signed a day before it, plus a second).
    let strict = Sources::new(vec![], vec![])
        .with_bundle(root.clone(), trust.clone(), Some(86_399))
        .with_clock(vat);
    assert!(matches!(
        strict.load(),
        Err(LoadError::Federation {
            error: sello_verifier::FederationError::TooOld { .. },
            ..
        })
    ));
    std::fs::write(
        &trust,
        vec![b'a'; sello_core::federation::MAX_BUNDLE_BYTES + 1],
    )
    .unwrap();
    let big = Sources::new(vec![], vec![])
        .with_bundle(root, trust, None)
        .with_clock(vat);
    assert!(matches!(big.load(), Err(LoadError::NotADocument(_))));
}
