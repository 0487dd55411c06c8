//! The service as a client sees it, through `tower::ServiceExt::oneshot` (no network): every
//! route, the headers, the API with JSON, text and images, limits, bad input, the access log,
//! and the exported site.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode};
use sello_core::status::StatusList;
use sello_core::{KeySet, StatusRef};
use sello_issuer::IssueRequest;
use sello_print::{Correction, QrMatrix};
use sello_testkit::keys;
use sello_verifier::{TrustStore, Verifier};
use sello_web::AppState;
use serde_json::Value;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tower::ServiceExt as _;

const ISSUER: &str = "mx.prueba";
/// Issue time of the test certificates: 2026-01-01.
const T: i64 = 1_767_225_600;
/// Index of the revoked certificate in the status list.
const REVOKED_IDX: u32 = 8;

fn now() -> i64 {
    T + 86_400
}

fn key_set(id: &str, seed: u8) -> KeySet {
    keys::key_set(id, vec![keys::public_key(seed)])
}

/// A certificate of the test issuer: (token, QR text).
fn issue(idx: u32) -> (String, String) {
    let mut request = IssueRequest::new(sello_testkit::typical_certificate());
    request.serial = Some(format!("TEST-0000-{idx:04}"));
    request.issued_at = Some(T);
    request.expires = Some(T + 365 * 86_400);
    request.status = Some(StatusRef { idx });
    let issued = keys::issuer(ISSUER, 1).issue(&request).unwrap();
    (issued.token, issued.qr_text)
}

fn status_list_token() -> String {
    let mut list = StatusList::new(0).unwrap();
    list.set_revoked(REVOKED_IDX, true);
    keys::issuer(ISSUER, 1)
        .sign_status_list(&list, T, T + 30 * 86_400)
        .unwrap()
}

fn state_with(key_sets: Vec<KeySet>, with_status: bool) -> AppState {
    let mut trust = TrustStore::new();
    for k in key_sets {
        trust.add(k).unwrap();
    }
    let mut state = AppState::new(Verifier::new(trust)).with_clock(now);
    if with_status {
        assert_eq!(state.add_status_list(&status_list_token()).unwrap(), ISSUER);
    }
    state
}

fn app() -> Router {
    sello_web::router(state_with(vec![key_set(ISSUER, 1)], true))
}

async fn send(app: &Router, request: Request<Body>) -> Response<Body> {
    app.clone().oneshot(request).await.unwrap()
}

async fn get(app: &Router, path: &str) -> Response<Body> {
    send(app, Request::get(path).body(Body::empty()).unwrap()).await
}

async fn post(
    app: &Router,
    path: &str,
    content_type: &str,
    body: impl Into<Body>,
) -> Response<Body> {
    let request = Request::post(path)
        .header("content-type", content_type)
        .body(body.into())
        .unwrap();
    send(app, request).await
}

async fn body_bytes(response: Response<Body>) -> Vec<u8> {
    axum::body::to_bytes(response.into_body(), 64 << 20)
        .await
        .unwrap()
        .to_vec()
}

async fn json(response: Response<Body>) -> Value {
    let bytes = body_bytes(response).await;
    serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&bytes)))
}

fn header<'a>(response: &'a Response<Body>, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .unwrap_or_else(|| panic!("no {name} header"))
        .to_str()
        .unwrap()
}

fn multipart(field: &str, file_name: Option<&str>, content_type: &str, bytes: &[u8]) -> Vec<u8> {
    let mut body = b"--XyZ\r\n".to_vec();
    let disposition = match file_name {
        Some(f) => {
            format!("Content-Disposition: form-data; name=\"{field}\"; filename=\"{f}\"\r\n")
        }
        None => format!("Content-Disposition: form-data; name=\"{field}\"\r\n"),
    };
    body.extend_from_slice(disposition.as_bytes());
    body.extend_from_slice(format!("Content-Type: {content_type}\r\n\r\n").as_bytes());
    body.extend_from_slice(bytes);
    body.extend_from_slice(b"\r\n--XyZ--\r\n");
    body
}

const MULTIPART: &str = "multipart/form-data; boundary=XyZ";

fn qr_png(text: &str) -> Vec<u8> {
    QrMatrix::encode(text, Correction::Medium)
        .unwrap()
        .to_png(4)
        .unwrap()
}

fn blank_png() -> Vec<u8> {
    sello_testkit::photo::png_bytes(&image::GrayImage::from_pixel(200, 150, image::Luma([255])))
}

#[tokio::test]
async fn page_and_assets_have_types_cache_and_security_headers() {
    let app = app();
    for (path, content_type) in [
        ("/", "text/html; charset=utf-8"),
        ("/index.html", "text/html; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/sello-verify.js", "text/javascript; charset=utf-8"),
        ("/qr-decode.js", "text/javascript; charset=utf-8"),
        ("/sw.js", "text/javascript; charset=utf-8"),
        (
            "/zxing-wasm/reader/index.js",
            "text/javascript; charset=utf-8",
        ),
        ("/zxing-wasm/share.js", "text/javascript; charset=utf-8"),
        ("/zxing-wasm/zxing_reader.wasm", "application/wasm"),
        ("/zxing-wasm/LICENSE", "text/plain; charset=utf-8"),
    ] {
        let response = get(&app, path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&response, "content-type"), content_type, "{path}");
        assert_eq!(header(&response, "cache-control"), "no-cache", "{path}");
        let csp = header(&response, "content-security-policy");
        // Scripts from the service only; WebAssembly may be compiled (the page's QR reader),
        // text may not be evaluated.
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval';")
                && !csp.contains("unsafe-inline")
                && !csp.contains("'unsafe-eval'"),
            "{csp}"
        );
        assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"));
        assert!(csp.contains("require-trusted-types-for 'script'"), "{csp}");
        assert_eq!(header(&response, "x-content-type-options"), "nosniff");
        assert_eq!(header(&response, "referrer-policy"), "no-referrer");
        assert!(!body_bytes(response).await.is_empty());
    }
    // No inline script: every <script> element loads a file.
    let page = String::from_utf8(body_bytes(get(&app, "/").await).await).unwrap();
    assert_eq!(page.matches("<script").count(), 1);
    assert!(page.contains(r#"<script type="module" src="app.js"></script>"#));
    // The page's own CSP (for static copies) is the service's, less what a meta tag cannot say.
    assert!(page.contains(&format!(
        r#"content="{}""#,
        sello_web::CONTENT_SECURITY_POLICY.replace(" frame-ancestors 'none';", "")
    )));
    assert!(!page.contains(" on") || !page.contains("onclick="));
    assert!(page.contains("aria-live"));
    // The page's script imports the verifier module by a relative path.
    let app_js = String::from_utf8(body_bytes(get(&app, "/app.js").await).await).unwrap();
    assert!(app_js.contains("from './sello-verify.js'"));
    assert!(app_js.contains("'keys.json'") && app_js.contains("api/verify"));
    // The service worker carries this build's name, not its placeholder, and the same name
    // at /v/sw.js (the page at an issuer's path registers the worker beside it).
    let worker = String::from_utf8(body_bytes(get(&app, "/sw.js").await).await).unwrap();
    assert!(!worker.contains("__SELLO_BUILD__"));
    let build = worker
        .split("const BUILD = '")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap();
    assert!(
        build.len() == 16 && build.bytes().all(|b| b.is_ascii_hexdigit()),
        "{build}"
    );
}

#[tokio::test]
async fn healthz_and_unknown_routes() {
    let app = app();
    let response = get(&app, "/healthz").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "cache-control"), "no-store");
    assert_eq!(body_bytes(response).await, b"ok\n");

    let response = get(&app, "/nothing/here?lang=en").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(header(&response, "x-content-type-options"), "nosniff");
    let answer = json(response).await;
    assert_eq!(answer["error"], "not_found");
    assert_eq!(answer["message"], "No such page.");

    let response = get(&app, "/api/verify").await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(
        header(&response, "content-security-policy"),
        sello_web::CONTENT_SECURITY_POLICY
    );
}

#[tokio::test]
async fn key_sets_and_status_lists_are_published() {
    let app = app();
    let token = status_list_token();

    let response = get(&app, "/.well-known/jwks.json").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "content-type"), "application/json");
    assert_eq!(header(&response, "cache-control"), "public, max-age=300");
    let jwks = body_bytes(response).await;
    let parsed = KeySet::from_json(&jwks).unwrap();
    assert_eq!(parsed.issuer.id, ISSUER);
    assert_eq!(parsed.keys, vec![keys::public_key(1)]);

    let per_issuer = body_bytes(get(&app, "/.well-known/jwks/mx.prueba.json").await).await;
    assert_eq!(per_issuer, jwks);
    assert_eq!(
        get(&app, "/.well-known/jwks/mx.otro.json").await.status(),
        404
    );
    assert_eq!(get(&app, "/.well-known/jwks/mx.prueba").await.status(), 404);

    let response = get(&app, "/status/mx.prueba.jwt").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "content-type"), "application/jwt");
    assert_eq!(body_bytes(response).await, token.as_bytes());
    assert_eq!(get(&app, "/status/mx.otro.jwt").await.status(), 404);

    let response = get(&app, "/keys.json").await;
    assert_eq!(header(&response, "content-type"), "application/json");
    let keys_doc = json(response).await;
    let sets = keys_doc["key_sets"].as_array().unwrap();
    assert_eq!(sets.len(), 1);
    assert_eq!(
        KeySet::from_json(sets[0].to_string().as_bytes()).unwrap(),
        parsed
    );
    assert_eq!(keys_doc["status_lists"], serde_json::json!([token]));
}

#[tokio::test]
async fn several_issuers_have_no_single_jwks() {
    let app = sello_web::router(state_with(
        vec![key_set(ISSUER, 1), key_set("mx.otro", 4)],
        false,
    ));
    let response = get(&app, "/.well-known/jwks.json").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(json(response).await["error"], "several_issuers");
    for id in [ISSUER, "mx.otro"] {
        let doc = body_bytes(get(&app, &format!("/.well-known/jwks/{id}.json")).await).await;
        assert_eq!(KeySet::from_json(&doc).unwrap().issuer.id, id);
    }
    let keys_doc = json(get(&app, "/keys.json").await).await;
    assert_eq!(keys_doc["key_sets"].as_array().unwrap().len(), 2);
    assert_eq!(keys_doc["status_lists"], serde_json::json!([]));
}

#[tokio::test]
async fn json_and_text_give_the_cli_json() {
    let app = app();
    let (token, qr_text) = issue(7);
    let body = serde_json::json!({ "token": token }).to_string();
    let response = post(&app, "/api/verify", "application/json", body.clone()).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "content-type"), "application/json");
    assert_eq!(header(&response, "cache-control"), "no-store");
    let answer = json(response).await;
    assert_eq!(answer["verdict"], "valid");
    assert_eq!(answer["reason"], Value::Null);
    assert_eq!(answer["issuer"]["id"], ISSUER);
    assert_eq!(answer["kid"], keys::public_key(1).kid);
    assert_eq!(
        answer["claims"]["cert"]["h"]["n"],
        "María Guadalupe Hernández López"
    );
    assert_eq!(answer["claims"]["jti"], "TEST-0000-0007");
    assert_eq!(answer["input"], token);
    assert_eq!(
        answer["message"],
        "Firma auténtica de un emisor de confianza; certificado vigente."
    );
    // The same object as the library's Verification, plus input and message.
    let v = state_with(vec![key_set(ISSUER, 1)], true)
        .verifier()
        .verify(&token, now());
    let mut expected = serde_json::to_value(&v).unwrap();
    expected["input"] = Value::from(token.clone());
    expected["message"] = Value::from(v.message(sello_core::Lang::Es));
    // …and the dates as shown (FORMAT.md §3.9): the test issuer publishes no zone, so UTC.
    expected["dates"] = serde_json::json!({"issued": "2026-01-01", "valid_through": "2026-12-31"});
    assert_eq!(answer, expected);

    let answer = json(
        post(
            &app,
            "/api/verify?lang=en",
            "application/json; charset=utf-8",
            body,
        )
        .await,
    )
    .await;
    assert_eq!(
        answer["message"],
        "Authentic signature from a trusted issuer; the certificate is in force."
    );

    // text/plain: the QR's URL (the numeric form, FORMAT.md §4.1), the same URL with the token
    // as bytes, the bare token with white space around it, or the bare numeric form.
    assert!(qr_text.starts_with("https://verifica.example.mx/v#n"));
    let (_, digits) = sello_core::qr_text::segments(&qr_text);
    for text in [
        qr_text.clone(),
        format!("https://verifica.example.mx/v#{token}"),
        format!("  {token}\n"),
        format!("n{digits}"),
    ] {
        let answer = json(post(&app, "/api/verify", "text/plain", text).await).await;
        assert_eq!(answer["verdict"], "valid");
    }
    // A numeric form whose digits give no token is not a certificate: an input error.
    let odd = format!("https://verifica.example.mx/v#n{}", &digits[1..]);
    let answer = json(post(&app, "/api/verify", "text/plain", odd).await).await;
    assert_eq!(answer["error"], "not_a_certificate", "{answer}");
}

#[tokio::test]
async fn revoked_forged_unknown_and_indeterminate() {
    let app = app();
    let (revoked, _) = issue(REVOKED_IDX);
    let answer = json(post(&app, "/api/verify?lang=en", "text/plain", revoked.clone()).await).await;
    assert_eq!(answer["verdict"], "invalid");
    assert_eq!(answer["reason"], "revoked");
    assert_eq!(answer["message"], "The issuer revoked this certificate.");
    assert_eq!(answer["claims"]["jti"], "TEST-0000-0008");

    // Without the status list: authentic, but its revocation could not be checked.
    let no_status = sello_web::router(state_with(vec![key_set(ISSUER, 1)], false));
    let answer = json(post(&no_status, "/api/verify", "text/plain", revoked.clone()).await).await;
    assert_eq!(answer["verdict"], "indeterminate");
    assert_eq!(answer["reason"], "status_unavailable");

    // An edited certificate: no claims come back.
    let (token, _) = issue(7);
    let (head, rest) = token.split_once('.').unwrap();
    let (payload, sig) = rest.split_once('.').unwrap();
    let claims = sello_core::b64::decode(payload).unwrap();
    let edited = String::from_utf8(claims)
        .unwrap()
        .replace("TEST-0000-0007", "TEST-0000-0009");
    let forged = format!(
        "{head}.{}.{sig}",
        sello_core::b64::encode(edited.as_bytes())
    );
    let answer = json(post(&app, "/api/verify", "text/plain", forged).await).await;
    assert_eq!(answer["verdict"], "invalid");
    assert_eq!(answer["reason"], "bad_signature");
    assert!(answer.get("claims").is_none() && answer.get("issuer").is_none());

    // An issuer nobody trusts.
    let other = sello_web::router(state_with(vec![key_set("mx.otro", 4)], false));
    let answer = json(post(&other, "/api/verify", "text/plain", token).await).await;
    assert_eq!(answer["reason"], "unknown_issuer");

    // Text that is not presented as a token is not a certificate: an error object, no verdict.
    let response = post(&app, "/api/verify", "text/plain", "hola").await;
    assert_eq!(response.status(), 422);
    let answer = json(response).await;
    assert_eq!(answer["verdict"], Value::Null);
    assert_eq!(answer["error"], "not_a_certificate");
    // A token-shaped text that is broken is still a red verdict.
    let answer = json(post(&app, "/api/verify", "text/plain", "eyJ9.e30.AAAA").await).await;
    assert_eq!(answer["reason"], "malformed_token");
}

#[tokio::test]
async fn images_multipart_and_raw() {
    let app = app();
    let (token, qr_text) = issue(7);
    let png = qr_png(&qr_text);

    let response = post(
        &app,
        "/api/verify",
        MULTIPART,
        multipart("image", Some("foto.png"), "image/png", &png),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let answer = json(response).await;
    let results = answer.as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["verdict"], "valid");
    assert_eq!(results[0]["input"], "foto.png");
    assert!(results[0].get("qr").is_none());

    // Any file field will do; so will a raw image body.
    let answer = json(
        post(
            &app,
            "/api/verify",
            MULTIPART,
            multipart("file", Some("x.png"), "image/png", &png),
        )
        .await,
    )
    .await;
    assert_eq!(answer[0]["verdict"], "valid");
    let answer = json(post(&app, "/api/verify", "image/png", png.clone()).await).await;
    assert_eq!(answer[0]["verdict"], "valid");
    assert_eq!(answer[0]["input"], "image");

    // A JPEG photo-like rendering of a revoked certificate.
    let (_, revoked_qr) = issue(REVOKED_IDX);
    let photo = sello_testkit::photo::render(&revoked_qr, 5.0);
    let jpeg = sello_testkit::photo::jpeg_bytes(&photo, 85);
    let answer = json(post(&app, "/api/verify?lang=en", "image/jpeg", jpeg).await).await;
    assert_eq!(answer[0]["reason"], "revoked");
    assert_eq!(answer[0]["message"], "The issuer revoked this certificate.");

    // The bare token in a QR code works too.
    let answer = json(post(&app, "/api/verify", "image/png", qr_png(&token)).await).await;
    assert_eq!(answer[0]["verdict"], "valid");
}

#[tokio::test]
async fn batch_of_tokens_in_order_with_the_single_answers() {
    let app = app();
    let (valid, url) = issue(1);
    let (revoked, _) = issue(REVOKED_IDX);
    let mut forged = valid.clone();
    let cut = forged.rfind('.').unwrap() + 3;
    forged.replace_range(
        cut..cut + 1,
        if &forged[cut..cut + 1] == "A" {
            "B"
        } else {
            "A"
        },
    );
    let tokens = vec![
        valid.clone(),
        forged,
        format!("  {url} "),
        revoked,
        "not a token".to_owned(),
    ];
    let mut many: Vec<String> = (0..200).map(|i| issue(100 + i).0).collect();
    many.extend(tokens.iter().cloned());
    for list in [tokens, many] {
        let body = serde_json::json!({ "tokens": list }).to_string();
        let response = post(&app, "/api/verify/batch?lang=en", "application/json", body).await;
        assert_eq!(response.status(), StatusCode::OK);
        let answer = json(response).await;
        let results = answer.as_array().unwrap();
        assert_eq!(results.len(), list.len());
        for (i, (result, token)) in results.iter().zip(&list).enumerate() {
            assert_eq!(result["index"], i);
            let single = json(
                post(
                    &app,
                    "/api/verify?lang=en",
                    "text/plain",
                    token.trim().to_owned(),
                )
                .await,
            )
            .await;
            for member in ["verdict", "reason", "claims", "kid", "message"] {
                assert_eq!(result[member], single[member], "{i} {member}");
            }
        }
        let n = list.len();
        assert_eq!(results[n - 5]["verdict"], "valid");
        assert_eq!(results[n - 4]["reason"], "bad_signature");
        assert_eq!(results[n - 3]["verdict"], "valid");
        assert_eq!(results[n - 2]["reason"], "revoked");
        // Not presented as a token (FORMAT.md §4.4): not a certificate, not a verdict.
        assert_eq!(results[n - 1]["verdict"], Value::Null);
        assert_eq!(results[n - 1]["error"], "not_a_certificate");
        assert_eq!(results[n - 1]["index"], n - 1);
    }
}

#[tokio::test]
async fn batch_requests_with_bad_shapes_are_refused() {
    let app = app();
    let (valid, _) = issue(1);
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        (
            "application/json",
            b"{\"tokens\": []}".to_vec(),
            400,
            "batch_size",
        ),
        (
            "application/json",
            serde_json::json!({ "tokens": vec![valid.clone(); 1001] })
                .to_string()
                .into_bytes(),
            400,
            "batch_size",
        ),
        (
            "application/json",
            b"{\"tokens\": \"x\"}".to_vec(),
            400,
            "bad_json",
        ),
        (
            "application/json",
            b"{\"token\": \"x\"}".to_vec(),
            400,
            "bad_json",
        ),
        ("application/json", b"[1, 2".to_vec(), 400, "bad_json"),
        (
            "text/plain",
            valid.clone().into_bytes(),
            415,
            "unsupported_media_type",
        ),
        (
            "application/json",
            vec![b' '; sello_web::MAX_BATCH_BYTES + 1],
            413,
            "too_large",
        ),
    ];
    for (content_type, body, status, code) in cases {
        let response = post(&app, "/api/verify/batch", content_type, body).await;
        assert_eq!(response.status().as_u16(), status, "{code}");
        assert_eq!(json(response).await["error"], code);
    }
}

async fn expect_error(
    app: &Router,
    content_type: Option<&str>,
    body: Vec<u8>,
    status: u16,
    code: &str,
) {
    let mut request = Request::post("/api/verify");
    if let Some(ct) = content_type {
        request = request.header("content-type", ct);
    }
    let response = send(app, request.body(Body::from(body.clone())).unwrap()).await;
    assert_eq!(
        response.status().as_u16(),
        status,
        "{content_type:?} {code}"
    );
    assert_eq!(header(&response, "content-type"), "application/json");
    let answer = json(response).await;
    assert_eq!(answer["error"], code, "{answer}");
    assert_eq!(answer["verdict"], Value::Null);
    assert!(answer["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[tokio::test]
async fn bad_input_is_refused_with_a_code() {
    let app = app();
    let json_ct = Some("application/json");
    expect_error(&app, json_ct, b"{\"token\":".to_vec(), 400, "bad_json").await;
    expect_error(
        &app,
        json_ct,
        b"{\"tok\":\"a.b.c\"}".to_vec(),
        400,
        "bad_json",
    )
    .await;
    expect_error(&app, json_ct, b"{\"token\":5}".to_vec(), 400, "bad_json").await;
    expect_error(&app, json_ct, b"[]".to_vec(), 400, "bad_json").await;
    expect_error(&app, json_ct, Vec::new(), 400, "bad_json").await;
    expect_error(
        &app,
        json_ct,
        b"{\"token\":\"  \"}".to_vec(),
        400,
        "empty_input",
    )
    .await;
    expect_error(&app, Some("text/plain"), Vec::new(), 400, "empty_input").await;
    expect_error(
        &app,
        Some("text/plain"),
        b" \n\t ".to_vec(),
        400,
        "empty_input",
    )
    .await;
    expect_error(
        &app,
        Some("text/plain"),
        vec![0xff, 0xfe, b'a'],
        400,
        "unrecognised_input",
    )
    .await;
    expect_error(&app, None, b"a.b.c".to_vec(), 415, "unsupported_media_type").await;
    expect_error(
        &app,
        Some("application/xml"),
        b"<a/>".to_vec(),
        415,
        "unsupported_media_type",
    )
    .await;
    expect_error(
        &app,
        Some("image/gif"),
        b"GIF89a".to_vec(),
        415,
        "unsupported_media_type",
    )
    .await;
    expect_error(
        &app,
        Some("application/x-www-form-urlencoded"),
        b"token=a".to_vec(),
        415,
        "unsupported_media_type",
    )
    .await;
    // Multipart: no boundary, garbage, no image field, a non-image, a broken image, no QR code.
    expect_error(
        &app,
        Some("multipart/form-data"),
        b"--x\r\n".to_vec(),
        400,
        "bad_multipart",
    )
    .await;
    expect_error(
        &app,
        Some(MULTIPART),
        b"garbage".to_vec(),
        400,
        "bad_multipart",
    )
    .await;
    expect_error(&app, Some(MULTIPART), Vec::new(), 400, "bad_multipart").await;
    expect_error(
        &app,
        Some(MULTIPART),
        multipart("token", None, "text/plain", b"a.b.c"),
        400,
        "no_image",
    )
    .await;
    expect_error(
        &app,
        Some(MULTIPART),
        multipart("image", Some("cv.pdf"), "application/pdf", b"%PDF-1.7 ..."),
        422,
        "bad_image",
    )
    .await;
    expect_error(
        &app,
        Some(MULTIPART),
        multipart("image", Some("e.png"), "image/png", b""),
        400,
        "empty_input",
    )
    .await;
    let png = qr_png("x");
    expect_error(
        &app,
        Some(MULTIPART),
        multipart("image", Some("cut.png"), "image/png", &png[..40]),
        422,
        "bad_image",
    )
    .await;
    expect_error(
        &app,
        Some("image/jpeg"),
        vec![0xff, 0xd8, 0xff, 0xe0, 0, 0],
        422,
        "bad_image",
    )
    .await;
    expect_error(
        &app,
        Some(MULTIPART),
        multipart("image", Some("blank.png"), "image/png", &blank_png()),
        422,
        "no_qr_code",
    )
    .await;
    expect_error(&app, Some("image/png"), blank_png(), 422, "no_qr_code").await;
    // A multipart body cut short.
    let mut cut = multipart("image", Some("qr.png"), "image/png", &png);
    cut.truncate(cut.len() - 12);
    expect_error(&app, Some(MULTIPART), cut, 400, "bad_multipart").await;
}

#[tokio::test]
async fn bodies_over_their_limits_are_413() {
    let app = app();
    let text_limit = sello_verifier::MAX_TEXT_BYTES;
    let image_limit = sello_verifier::MAX_IMAGE_BYTES;
    expect_error(
        &app,
        Some("text/plain"),
        vec![b'a'; text_limit + 1],
        413,
        "too_large",
    )
    .await;
    let big_json = format!("{{\"token\":\"{}\"}}", "a".repeat(text_limit));
    expect_error(
        &app,
        Some("application/json"),
        big_json.into_bytes(),
        413,
        "too_large",
    )
    .await;
    let mut huge_png = qr_png("x");
    huge_png.resize(image_limit + 1, 0);
    expect_error(&app, Some("image/png"), huge_png.clone(), 413, "too_large").await;
    expect_error(
        &app,
        Some(MULTIPART),
        multipart("image", Some("big.png"), "image/png", &huge_png),
        413,
        "too_large",
    )
    .await;

    // Exactly at the text limit is read (and is not a certificate at all).
    let response = post(&app, "/api/verify", "text/plain", vec![b'a'; text_limit]).await;
    assert_eq!(response.status(), 422);
    assert_eq!(json(response).await["error"], "not_a_certificate");

    // A declared length over the limit is refused before the body is read.
    let request = Request::post("/api/verify")
        .header("content-type", "text/plain")
        .header("content-length", "1000000")
        .body(Body::from("a.b.c"))
        .unwrap();
    assert_eq!(
        send(&app, request).await.status(),
        StatusCode::PAYLOAD_TOO_LARGE
    );
}

#[tokio::test]
async fn requests_over_the_time_limit_are_503() {
    let state = state_with(vec![key_set(ISSUER, 1)], true).with_timeout(Duration::from_nanos(1));
    let app = sello_web::router(state);
    let (_, qr_text) = issue(7);
    let photo = sello_testkit::photo::render(&qr_text, 8.0);
    let response = post(
        &app,
        "/api/verify",
        "image/png",
        sello_testkit::photo::png_bytes(&photo),
    )
    .await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(json(response).await["error"], "timeout");
}

#[tokio::test]
async fn no_panic_on_odd_bodies() {
    let app = app();
    let mut seed: u64 = 0x5e110;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let types = [
        "application/json",
        "text/plain",
        "image/png",
        "image/jpeg",
        MULTIPART,
        "multipart/form-data; boundary=",
        "text/plain; charset=latin1",
        "",
        "*/*",
    ];
    let png = qr_png(&issue(7).1);
    for round in 0..120 {
        let len = (next() % 3000) as usize;
        let mut body: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        let prefix: &[u8] = match round % 4 {
            0 => b"\x89PNG\r\n\x1a\n",
            1 => &png[..png.len().min(len)],
            2 => b"--XyZ\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\n",
            _ => b"{\"token\":\"",
        };
        body.splice(0..0, prefix.iter().copied());
        let content_type = types[round % types.len()];
        let response = post(&app, "/api/verify", content_type, body).await;
        let status = response.status().as_u16();
        assert!(
            [200, 400, 413, 415, 422].contains(&status),
            "{status} for {content_type}"
        );
        let _ = json(response).await;
    }
}

/// A writer into a shared buffer, for capturing the access log.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The access log of the whole test binary. A global subscriber, not a thread-scoped one:
/// with tests running on several threads, a scoped subscriber can miss events (tracing caches
/// per-callsite interest across threads), which made this test flaky.
fn captured_log() -> &'static Captured {
    static LOG: std::sync::OnceLock<Captured> = std::sync::OnceLock::new();
    LOG.get_or_init(|| {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .with_max_level(tracing::Level::TRACE)
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("one global subscriber");
        captured
    })
}

#[tokio::test]
async fn the_log_never_holds_a_token_or_a_claim() {
    let captured = captured_log();

    let app = app();
    let (token, qr_text) = issue(7);
    let (revoked, _) = issue(REVOKED_IDX);
    let signature = token.rsplit('.').next().unwrap().to_owned();
    post(
        &app,
        "/api/verify",
        "application/json",
        serde_json::json!({ "token": token }).to_string(),
    )
    .await;
    post(&app, "/api/verify?lang=en", "text/plain", qr_text.clone()).await;
    post(&app, "/api/verify", "text/plain", revoked.clone()).await;
    post(&app, "/api/verify", "image/png", qr_png(&qr_text)).await;
    post(
        &app,
        &format!("/api/verify?token={token}"),
        "text/plain",
        "x",
    )
    .await;
    get(&app, &format!("/{token}")).await;
    get(&app, &format!("/status/{token}.jwt")).await;
    get(&app, &format!("/?t={token}#{token}")).await;
    post(
        &app,
        "/api/verify",
        "application/json",
        format!("{{\"token\":\"{token}"),
    )
    .await;

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(log.contains("path=/api/verify"), "{log}");
    assert!(
        log.contains("status=200") && log.contains("latency_ms="),
        "{log}"
    );
    assert!(log.contains("verdicts=valid"), "{log}");
    assert!(log.contains("verdicts=invalid:revoked"), "{log}");
    assert!(
        log.contains("status=400") && log.contains("error=bad_json"),
        "{log}"
    );
    assert!(
        log.contains("path=(other)") && log.contains("path=/status/{issuer}.jwt"),
        "{log}"
    );
    for secret in [
        token.as_str(),
        revoked.as_str(),
        signature.as_str(),
        &token[..40],
        "María",
        "Mar\\u{ed}a",
        "HELG850312",
        "TEST-0000",
        "Registro Civil",
        "EC0105",
    ] {
        assert!(!log.contains(secret), "the log holds {secret:?}:\n{log}");
    }
}

#[test]
fn export_writes_every_file() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("sitio");
    let state = state_with(vec![key_set(ISSUER, 1)], true);
    let written = sello_web::export_site(&out, &state).unwrap();
    let expected = [
        ".well-known/jwks/mx.prueba.json",
        ".well-known/jwks.json",
        "app.js",
        "index.html",
        "keys.json",
        "messages.js",
        "qr-decode.js",
        "sello-verify.js",
        "status/mx.prueba.jwt",
        "style.css",
        "sw.js",
        // The test issuer's verify_url is https://verifica.example.mx/v.
        "v/app.js",
        "v/index.html",
        "v/keys.json",
        "v/messages.js",
        "v/qr-decode.js",
        "v/sello-verify.js",
        "v/style.css",
        "v/sw.js",
        "v/zxing-wasm/LICENSE",
        "v/zxing-wasm/reader/index.js",
        "v/zxing-wasm/share.js",
        "v/zxing-wasm/zxing_reader.wasm",
        "zxing-wasm/LICENSE",
        "zxing-wasm/reader/index.js",
        "zxing-wasm/share.js",
        "zxing-wasm/zxing_reader.wasm",
    ];
    assert_eq!(written.len(), expected.len(), "{written:?}");
    for (path, name) in written.iter().zip(expected) {
        assert_eq!(*path, out.join(name));
        assert!(std::fs::metadata(path).unwrap().len() > 0, "{name}");
    }
    assert!(out.join(sello_web::EXPORT_MARKER).is_file());
    let keys_doc: Value =
        serde_json::from_slice(&std::fs::read(out.join("keys.json")).unwrap()).unwrap();
    assert_eq!(keys_doc["key_sets"][0]["issuer"], ISSUER);
    assert_eq!(keys_doc["status_lists"][0], status_list_token());
    let jwks = std::fs::read(out.join(".well-known/jwks.json")).unwrap();
    assert_eq!(KeySet::from_json(&jwks).unwrap().issuer.id, ISSUER);
    assert_eq!(
        std::fs::read_to_string(out.join("status/mx.prueba.jwt")).unwrap(),
        status_list_token()
    );
    // Exporting again over the same folder is fine, and leaves nothing beside it.
    sello_web::export_site(&out, &state).unwrap();
    let beside: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    assert_eq!(beside.len(), 1, "{beside:?}");
}

#[test]
fn export_refuses_to_replace_what_it_did_not_write() {
    let tmp = tempfile::tempdir().unwrap();
    let state = state_with(vec![key_set(ISSUER, 1)], true);
    // A folder with someone's files in it.
    let theirs = tmp.path().join("documentos");
    std::fs::create_dir(&theirs).unwrap();
    std::fs::write(theirs.join("notas.txt"), "mías").unwrap();
    let e = sello_web::export_site(&theirs, &state).unwrap_err();
    assert!(matches!(e, sello_web::ExportError::NotAnExport(_)), "{e}");
    assert_eq!(
        std::fs::read_to_string(theirs.join("notas.txt")).unwrap(),
        "mías"
    );
    assert!(!theirs.join("index.html").exists());
    // A file.
    let file = tmp.path().join("archivo");
    std::fs::write(&file, "x").unwrap();
    assert!(sello_web::export_site(&file, &state).is_err());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    // An empty folder is fine.
    let empty = tmp.path().join("vacia");
    std::fs::create_dir(&empty).unwrap();
    sello_web::export_site(&empty, &state).unwrap();
    assert!(empty.join("index.html").is_file());
    // Nothing left over beside them.
    let mut names: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["archivo", "documentos", "vacia"]);
}

#[cfg(unix)]
#[test]
fn export_never_writes_through_a_link() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let outside = tmp.path().join("fuera");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("importante.txt"), "no tocar").unwrap();
    let state = state_with(vec![key_set(ISSUER, 1)], true);
    let out = tmp.path().join("sitio");
    sello_web::export_site(&out, &state).unwrap();
    // Someone swaps files of the export for links out of it.
    std::fs::remove_file(out.join("keys.json")).unwrap();
    symlink(outside.join("importante.txt"), out.join("keys.json")).unwrap();
    std::fs::remove_dir_all(out.join("status")).unwrap();
    symlink(&outside, out.join("status")).unwrap();
    sello_web::export_site(&out, &state).unwrap();
    assert_eq!(
        std::fs::read_to_string(outside.join("importante.txt")).unwrap(),
        "no tocar"
    );
    assert_eq!(
        std::fs::read_dir(&outside).unwrap().count(),
        1,
        "nothing written into the linked folder"
    );
    for name in ["keys.json", "status"] {
        let meta = std::fs::symlink_metadata(out.join(name)).unwrap();
        assert!(!meta.file_type().is_symlink(), "{name}");
    }
    assert!(
        std::fs::read_to_string(out.join("keys.json"))
            .unwrap()
            .contains("key_sets")
    );
    // The folder itself as a link is refused.
    let link = tmp.path().join("enlace");
    symlink(&out, &link).unwrap();
    let e = sello_web::export_site(&link, &state).unwrap_err();
    assert!(matches!(e, sello_web::ExportError::BadTarget(_)), "{e}");
}

#[test]
fn export_drops_issuers_no_longer_trusted() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("sitio");
    let both = state_with(vec![key_set(ISSUER, 1), key_set("mx.otro", 4)], true);
    sello_web::export_site(&out, &both).unwrap();
    assert!(out.join(".well-known/jwks/mx.otro.json").is_file());
    assert!(out.join("status/mx.prueba.jwt").is_file());
    let other_only = state_with(vec![key_set("mx.otro", 4)], false);
    sello_web::export_site(&out, &other_only).unwrap();
    assert!(out.join(".well-known/jwks/mx.otro.json").is_file());
    assert!(!out.join(".well-known/jwks/mx.prueba.json").exists());
    assert!(!out.join("status/mx.prueba.jwt").exists());
    let keys_doc: Value =
        serde_json::from_slice(&std::fs::read(out.join("keys.json")).unwrap()).unwrap();
    assert_eq!(keys_doc["status_lists"], serde_json::json!([]));
}

#[test]
fn export_never_writes_outside_its_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("a").join("sitio");
    let state = state_with(vec![key_set("../../evil", 4), key_set(".hidden", 5)], false);
    let written = sello_web::export_site(&out, &state).unwrap();
    assert!(written.iter().all(|p| p.starts_with(&out)));
    assert!(!tmp.path().join("evil.json").exists());
    assert!(
        !out.join(".well-known/jwks.json").exists(),
        "two issuers: no single jwks.json"
    );
    let keys_doc: Value =
        serde_json::from_slice(&std::fs::read(out.join("keys.json")).unwrap()).unwrap();
    assert_eq!(keys_doc["key_sets"].as_array().unwrap().len(), 2);
}

#[test]
fn status_lists_load_from_files_and_folders() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("status.jwt"), status_list_token() + "\n").unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "ignored").unwrap();
    let mut trust = TrustStore::new();
    trust.add(key_set(ISSUER, 1)).unwrap();
    let mut state = AppState::new(Verifier::new(trust.clone()));
    assert_eq!(
        state.load_status(tmp.path()).unwrap(),
        vec![ISSUER.to_owned()]
    );
    assert_eq!(
        state.load_status(&tmp.path().join("status.jwt")).unwrap(),
        vec![ISSUER.to_owned()]
    );
    assert!(!state.verifier().status_lists().of(ISSUER).is_empty());
    // A list of an issuer nobody trusts is refused, not skipped.
    let mut other = AppState::new(Verifier::new(TrustStore::new()));
    assert!(other.load_status(tmp.path()).is_err());
    assert!(other.load_status(&tmp.path().join("missing.jwt")).is_err());
}

/// A 7000 × 7000 PNG of one 64 × 64 tile of black-and-white noise repeated, under a megabyte:
/// looking for QR codes in it at full size costs seconds of CPU.
fn noise_png() -> Vec<u8> {
    static PNG: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    PNG.get_or_init(|| {
        use image::ImageEncoder as _;
        let mut seed: u64 = 0x5e11_0f00_d5ee_d5ee;
        let tile: Vec<u8> = (0..64 * 64)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                if seed & 1 == 0 { 0 } else { 255 }
            })
            .collect();
        let side = 7000u32;
        let raw: Vec<u8> = (0..side * side)
            .map(|i| tile[(((i / side) % 64) * 64 + (i % side) % 64) as usize])
            .collect();
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new_with_quality(
            &mut out,
            image::codecs::png::CompressionType::Best,
            image::codecs::png::FilterType::NoFilter,
        )
        .write_image(&raw, side, side, image::ExtendedColorType::L8)
        .unwrap();
        out
    })
    .clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn noise_images_do_not_stall_a_real_photo() {
    // Four noise images per decoder slot, then a real photo. When each was decoded at full
    // size (about 5 s of CPU each, its slot held even after its request timed out) and slots
    // went first come, first served, the photo waited past the 10 s time limit. Now each
    // costs what a 12 Mpx photo does, and the photo, smaller, gets the next free slot.
    let app = app();
    let noise = noise_png();
    assert!(noise.len() < 1 << 20, "{} bytes", noise.len());
    let slots = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 8));
    let mut noisy = Vec::new();
    for _ in 0..4 * slots {
        let app = app.clone();
        let body = noise.clone();
        noisy.push(tokio::spawn(async move {
            post(&app, "/api/verify", "image/png", body).await.status()
        }));
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (_, qr_text) = issue(7);
    let photo = sello_testkit::photo::render(&qr_text, 5.0);
    let jpeg = sello_testkit::photo::jpeg_bytes(&photo, 85);
    let response = post(&app, "/api/verify", "image/jpeg", jpeg).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(json(response).await[0]["verdict"], "valid");
    for task in noisy {
        let status = task.await.unwrap();
        assert!(
            [
                StatusCode::UNPROCESSABLE_ENTITY,
                StatusCode::SERVICE_UNAVAILABLE
            ]
            .contains(&status),
            "{status}"
        );
    }
}

#[tokio::test]
async fn the_page_answers_at_the_issuers_verify_url_path() {
    // The test issuer's QR codes open https://verifica.example.mx/v#<token>.
    let app = app();
    let page = body_bytes(get(&app, "/").await).await;
    for path in ["/v", "/v/", "/v/index.html"] {
        let response = get(&app, path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(
            header(&response, "content-type"),
            "text/html; charset=utf-8"
        );
        assert_eq!(body_bytes(response).await, page, "{path}");
    }
    // At /v/ the page's relative URLs resolve under /v/; at /v, under /.
    for (path, content_type) in [
        ("/v/app.js", "text/javascript; charset=utf-8"),
        ("/v/style.css", "text/css; charset=utf-8"),
        ("/v/sello-verify.js", "text/javascript; charset=utf-8"),
        ("/v/keys.json", "application/json"),
        ("/v/qr-decode.js", "text/javascript; charset=utf-8"),
        ("/v/sw.js", "text/javascript; charset=utf-8"),
        ("/v/zxing-wasm/zxing_reader.wasm", "application/wasm"),
    ] {
        let response = get(&app, path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&response, "content-type"), content_type, "{path}");
        let direct = body_bytes(get(&app, &path[2..]).await).await;
        assert_eq!(body_bytes(response).await, direct, "{path}");
    }
    let (_, qr_text) = issue(REVOKED_IDX);
    let answer = json(post(&app, "/v/api/verify?lang=en", "text/plain", qr_text).await).await;
    assert_eq!(answer["reason"], "revoked");
    assert_eq!(answer["message"], "The issuer revoked this certificate.");
    // Look-alikes are not the page.
    for path in [
        "/vx",
        "/V",
        "/v/x",
        "/v//app.js",
        "/v/../keys.json",
        "/v/status/mx.prueba.jwt",
        "/v/app.js/",
        "/x/v",
    ] {
        assert_eq!(
            get(&app, path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    // No issuer with that path, no page there.
    let mut other = key_set("mx.otro", 4);
    other.issuer.verify_url = Some("https://otro.example.mx/".into());
    let app = sello_web::router(state_with(vec![other], false));
    assert_eq!(get(&app, "/v").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn keys_json_says_when_each_status_list_was_published_and_expires() {
    let keys_doc = json(get(&app(), "/keys.json").await).await;
    assert_eq!(
        keys_doc["status_list_info"],
        serde_json::json!([{"issuer": ISSUER, "iat": T, "exp": T + 30 * 86_400}])
    );
    assert_eq!(
        keys_doc["status_lists"],
        serde_json::json!([status_list_token()])
    );
}

/// A status list of the test issuer published at `iat`, with `revoked` set.
fn status_list_at(iat: i64, revoked: &[u32]) -> String {
    let mut list = StatusList::new(0).unwrap();
    for idx in revoked {
        list.set_revoked(*idx, true);
    }
    keys::issuer(ISSUER, 1)
        .sign_status_list(&list, iat, iat + 30 * 86_400)
        .unwrap()
}

/// Writes `body` in place (truncate and write, as `echo > file` does).
fn write_in_place(path: &std::path::Path, body: &str) {
    use std::io::Write as _;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)
        .unwrap();
    file.write_all(body.as_bytes()).unwrap();
}

#[tokio::test]
async fn a_reload_swaps_in_new_status_lists_and_keeps_the_old_state_on_bad_files() {
    use sello_web::Reload;
    let captured = captured_log();
    let tmp = tempfile::tempdir().unwrap();
    let keys_file = tmp.path().join("jwks.json");
    std::fs::write(&keys_file, key_set(ISSUER, 1).to_json()).unwrap();
    let status_dir = tmp.path().join("status");
    std::fs::create_dir(&status_dir).unwrap();
    let status_file = status_dir.join("mx.prueba.jwt");
    std::fs::write(&status_file, status_list_at(T, &[REVOKED_IDX])).unwrap();
    let sources =
        sello_web::Sources::new(vec![keys_file.clone()], vec![status_dir.clone()]).with_clock(now);
    let mut reloader = sello_web::Reloader::new(sources).unwrap();
    let app = sello_web::live_router(reloader.live());
    let (seven, _) = issue(7);
    let verdict = |app: Router, token: String| async move {
        json(post(&app, "/api/verify", "text/plain", token).await).await["verdict"].clone()
    };
    assert_eq!(verdict(app.clone(), seven.clone()).await, "valid");
    assert_eq!(reloader.check(), Reload::Unchanged);

    // The issuer revokes certificate 7 and publishes.
    let newer = status_list_at(T + 3600, &[REVOKED_IDX, 7]);
    std::fs::write(&status_file, &newer).unwrap();
    assert_eq!(reloader.check(), Reload::Replaced);
    assert_eq!(verdict(app.clone(), seven.clone()).await, "invalid");
    assert_eq!(
        body_bytes(get(&app, "/status/mx.prueba.jwt").await).await,
        newer.as_bytes()
    );
    let keys_doc = json(get(&app, "/keys.json").await).await;
    assert_eq!(keys_doc["status_lists"], serde_json::json!([newer]));
    assert_eq!(keys_doc["status_list_info"][0]["iat"], T + 3600);

    // Half-written and broken files: the state in use stays, and the log says why.
    for broken in [&newer[..newer.len() / 2], "{ not a list"] {
        write_in_place(&status_file, broken);
        assert_eq!(reloader.check(), Reload::Failed);
        assert_eq!(verdict(app.clone(), seven.clone()).await, "invalid");
        assert_eq!(
            body_bytes(get(&app, "/status/mx.prueba.jwt").await).await,
            newer.as_bytes()
        );
    }
    write_in_place(&keys_file, "{\"issuer\":");
    assert_eq!(reloader.check(), Reload::Failed);
    assert_eq!(verdict(app.clone(), seven.clone()).await, "invalid");
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    // The log is in one language, the process's (Spanish unless set): its message and the
    // error it carries (English messages carried Spanish errors before).
    let line = log
        .lines()
        .find(|l| l.contains("la recarga falló; sigue en uso el estado anterior"))
        .unwrap_or_else(|| panic!("{log}"));
    assert!(line.contains("error="), "{line}");
    assert!(!log.contains("reload failed"), "{log}");
    assert!(!log.contains("María"), "{log}");

    // Fixed: reloaded. An older list put back does not undo the revocation.
    std::fs::write(&keys_file, key_set(ISSUER, 1).to_json()).unwrap();
    std::fs::write(&status_file, status_list_at(T, &[REVOKED_IDX])).unwrap();
    assert_eq!(reloader.check(), Reload::Same);
    assert_eq!(verdict(app.clone(), seven.clone()).await, "invalid");
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(log.contains("más antigua que la que está en uso"), "{log}");

    // The key set changes (a second key): what is published changes with it.
    let mut both = key_set(ISSUER, 1);
    both.keys.push(keys::public_key(2));
    std::fs::write(&keys_file, both.to_json()).unwrap();
    assert_eq!(reloader.check(), Reload::Replaced);
    let jwks = body_bytes(get(&app, "/.well-known/jwks.json").await).await;
    assert_eq!(KeySet::from_json(&jwks).unwrap().keys.len(), 2);
    // A forced reload reads the files even when they look unchanged.
    assert_eq!(reloader.reload(), Reload::Same);
}

static MOVING_CLOCK: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(T + 86_400);

fn moving_clock() -> i64 {
    MOVING_CLOCK.load(std::sync::atomic::Ordering::Relaxed)
}

#[tokio::test]
async fn a_status_list_expiring_while_serving_is_logged_once() {
    use sello_web::Reload;
    let captured = captured_log();
    let expired_lines = || {
        String::from_utf8(captured.0.lock().unwrap().clone())
            .unwrap()
            .matches("lista de estado vencida")
            .count()
    };
    let tmp = tempfile::tempdir().unwrap();
    let keys_file = tmp.path().join("jwks.json");
    std::fs::write(&keys_file, key_set(ISSUER, 1).to_json()).unwrap();
    let status_file = tmp.path().join("status.jwt");
    std::fs::write(&status_file, status_list_at(T, &[])).unwrap();
    let sources = sello_web::Sources::new(vec![keys_file], vec![status_file.clone()])
        .with_clock(moving_clock);
    let mut reloader = sello_web::Reloader::new(sources).unwrap();
    let app = sello_web::live_router(reloader.live());
    let (seven, _) = issue(7);
    let before = expired_lines();
    assert_eq!(reloader.check(), Reload::Unchanged);
    assert_eq!(expired_lines(), before);
    // 31 days later, with no newer list published.
    MOVING_CLOCK.store(T + 31 * 86_400, std::sync::atomic::Ordering::Relaxed);
    let answer = json(post(&app, "/api/verify", "text/plain", seven.clone()).await).await;
    assert_eq!(answer["reason"], "status_unavailable");
    assert_eq!(reloader.check(), Reload::Unchanged);
    assert_eq!(expired_lines(), before + 1);
    assert_eq!(reloader.check(), Reload::Unchanged);
    assert_eq!(expired_lines(), before + 1, "warned once");
    // A fresh list published: answered again.
    std::fs::write(&status_file, status_list_at(T + 30 * 86_400, &[])).unwrap();
    assert_eq!(reloader.check(), Reload::Replaced);
    let answer = json(post(&app, "/api/verify", "text/plain", seven).await).await;
    assert_eq!(answer["verdict"], "valid");
}

/// A status list dated ten years ahead (a broken clock, or a thief of the issuer's key) is not
/// in use: it neither un-revokes a certificate through the API nor is served as the issuer's
/// list; keys.json carries it, so the page decides by its own clock as the service does.
#[tokio::test]
async fn a_status_list_dated_in_the_future_is_not_in_use() {
    let current = status_list_at(T, &[REVOKED_IDX]);
    let future = status_list_at(T + 3_652 * 86_400, &[]);
    let mut trust = TrustStore::new();
    trust.add(key_set(ISSUER, 1)).unwrap();
    let mut state = AppState::new(Verifier::new(trust)).with_clock(now);
    state.add_status_list(&future).unwrap();
    state.add_status_list(&current).unwrap();
    let app = sello_web::router(state);
    let (revoked, _) = issue(REVOKED_IDX);
    let answer = json(post(&app, "/api/verify", "text/plain", revoked).await).await;
    assert_eq!(answer["reason"], "revoked", "{answer}");
    assert_eq!(
        body_bytes(get(&app, "/status/mx.prueba.jwt").await).await,
        current.as_bytes()
    );
    let keys_doc = json(get(&app, "/keys.json").await).await;
    assert_eq!(
        keys_doc["status_lists"],
        serde_json::json!([current, future])
    );
}
