//! # sello-web
//!
//! The Sello verification web service: the verification page an employer's phone opens from a
//! certificate's QR code, a JSON API that gives the same verdicts as `sello verify --json`, and
//! the issuers' published key sets and status lists.
//!
//! | route | answer |
//! |---|---|
//! | `GET /` | the verification page (camera, photo upload, paste; a token in the URL's fragment is verified at once) |
//! | `GET /app.js`, `/style.css`, `/sello-verify.js` | the page's script, style and JS verifier |
//! | `POST /api/verify[?lang=es\|en]` | `application/json` `{"token": …}`, `text/plain` (token or URL), `image/png`, `image/jpeg` or `multipart/form-data` with an `image` field → one verification object, or for an image an array of them, or `{"error": code, "message": …}` |
//! | `POST /api/verify/batch[?lang=es\|en]` | `application/json` `{"tokens": [token or URL, …]}` (1 to 1000, at most 1 MiB) → an array of verification objects in the same order, each with its `index`; signatures checked together (`sello_verifier::batch`) |
//! | `GET /keys.json` | `{"key_sets": […], "status_lists": […]}` for the page's client-side verifier |
//! | `GET /.well-known/jwks.json` | the key set, when exactly one issuer is trusted |
//! | `GET /.well-known/jwks/<issuer>.json` | each issuer's key set |
//! | `GET /status/<issuer>.jwt` | each issuer's status list (`application/jwt`) |
//! | `GET /healthz` | `ok` |
//!
//! The page verifies in the browser with WebCrypto Ed25519 when it can, without sending the
//! token anywhere; [`export_site`] writes the same page and documents as static files any host
//! can serve.
//!
//! What it deliberately does not do: fetch anything (key sets and status lists are given at
//! start), keep any state between requests, or log a token, a name or any claim (the access log
//! has the method, the path without query, the status, the latency and the verdicts).
//! Bodies are capped (text 64 KiB, images 20 MiB), every request has a time limit, and images
//! are decoded on a few blocking threads at most.
//!
//! ```
//! use axum::body::Body;
//! use axum::http::Request;
//! use sello_verifier::{TrustStore, Verifier};
//! use tower::ServiceExt as _;
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let state = sello_web::AppState::new(Verifier::new(TrustStore::new()));
//! // A token whose header asks for no signature at all ({"alg":"none"}).
//! let request = Request::post("/api/verify?lang=en")
//!     .header("content-type", "text/plain")
//!     .body(Body::from("eyJhbGciOiJub25lIn0.e30."))
//!     .unwrap();
//! let response = sello_web::router(state).oneshot(request).await.unwrap();
//! assert_eq!(response.status(), 200);
//! let body = axum::body::to_bytes(response.into_body(), 1 << 16).await.unwrap();
//! let answer: serde_json::Value = serde_json::from_slice(&body).unwrap();
//! assert_eq!(answer["verdict"], "invalid");
//! assert_eq!(answer["reason"], "unsupported_header");
//! # });
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod api;
pub use api::{MAX_BATCH_BYTES, MAX_BATCH_TOKENS};
mod site;
mod state;
pub mod text;

pub use site::{ExportError, export_site};
pub use state::{AppState, DEFAULT_TIMEOUT, system_now};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;
use text::ApiError;
use tokio::sync::Semaphore;

/// `Content-Security-Policy` of every response: scripts and styles from the service only, no
/// inline script, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
    style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; \
    connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// What every handler shares.
pub(crate) struct Shared {
    pub state: AppState,
    pub published: state::Published,
    /// Bounds the images decoded at once (each on a blocking thread).
    pub decoders: Arc<Semaphore>,
}

/// The service's routes (see the crate documentation), with body limits, the time limit,
/// security headers and the access log.
pub fn router(state: AppState) -> Router {
    let decoders = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 8));
    let timeout = state.timeout;
    let shared = Arc::new(Shared {
        published: state.published(),
        state,
        decoders: Arc::new(Semaphore::new(decoders)),
    });
    Router::new()
        .route("/", get(site::index))
        .route("/index.html", get(site::index))
        .route("/app.js", get(site::asset))
        .route("/style.css", get(site::asset))
        .route("/sello-verify.js", get(site::asset))
        .route("/keys.json", get(site::keys))
        .route("/.well-known/jwks.json", get(site::jwks))
        .route("/.well-known/jwks/{file}", get(site::issuer_jwks))
        .route("/status/{file}", get(site::status_list))
        .route("/healthz", get(healthz))
        .route(
            "/api/verify",
            post(api::verify).layer(DefaultBodyLimit::max(
                sello_verifier::scan::MAX_IMAGE_BYTES + 64 * 1024,
            )),
        )
        .route(
            "/api/verify/batch",
            post(api::verify_batch).layer(DefaultBodyLimit::max(api::MAX_BATCH_BYTES)),
        )
        .fallback(not_found)
        .with_state(shared)
        .layer(middleware::from_fn(move |request, next| {
            guard(request, next, timeout)
        }))
}

async fn healthz() -> Response {
    ([(header::CACHE_CONTROL, "no-store")], "ok\n").into_response()
}

async fn not_found(request: Request) -> Response {
    api::error_response(ApiError::NotFound, api::query_lang(request.uri().query()))
}

/// The path as logged: a route's own path, or its pattern, never what a client made up (a
/// token pasted into a path must not reach the log).
fn logged_path(path: &str) -> &'static str {
    const EXACT: [&str; 10] = [
        "/",
        "/index.html",
        "/app.js",
        "/style.css",
        "/sello-verify.js",
        "/keys.json",
        "/.well-known/jwks.json",
        "/healthz",
        "/api/verify",
        "/api/verify/batch",
    ];
    if let Some(p) = EXACT.iter().find(|p| **p == path) {
        p
    } else if path.starts_with("/.well-known/jwks/") {
        "/.well-known/jwks/{issuer}.json"
    } else if path.starts_with("/status/") {
        "/status/{issuer}.jwt"
    } else {
        "(other)"
    }
}

/// Time limit, security headers and the access log, around every request.
async fn guard(request: Request, next: Next, timeout: std::time::Duration) -> Response {
    let start = Instant::now();
    let method = request.method().clone();
    let path = logged_path(request.uri().path());
    let lang = api::query_lang(request.uri().query());
    let mut response = match tokio::time::timeout(timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => api::error_response(ApiError::Timeout, lang),
    };
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(self), microphone=(), geolocation=()"),
    );
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    let verdicts = response
        .extensions()
        .get::<api::Outcomes>()
        .map(|o| {
            o.0.iter()
                .map(|(verdict, reason)| match reason {
                    Some(r) => format!("{verdict}:{r}"),
                    None => verdict.to_string(),
                })
                .collect::<Vec<_>>()
                .join(",")
        })
        .unwrap_or_default();
    let error = response
        .extensions()
        .get::<ApiError>()
        .map_or("", |e| e.code());
    tracing::info!(
        target: "sello_web::access",
        method = %method,
        path = %path,
        status = response.status().as_u16(),
        latency_ms = start.elapsed().as_millis() as u64,
        verdicts = %verdicts,
        error = %error,
    );
    response
}

/// Serves the service on `addr` until `shutdown` completes, then lets requests in flight finish.
pub async fn serve(
    addr: SocketAddr,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(addr = %listener.local_addr()?, "listening");
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await?;
    tracing::info!("stopped");
    Ok(())
}

/// Completes on Ctrl-C, or on SIGTERM on Unix.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

/// Runs [`serve`] on a new multi-threaded runtime until Ctrl-C or SIGTERM: what `sello serve`
/// calls.
pub fn run(addr: SocketAddr, state: AppState) -> std::io::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(addr, state, shutdown_signal()))
}

/// Logs to standard error, filtered by `SELLO_LOG` (e.g. `debug`, default `info`). Does
/// nothing if a global subscriber is already set.
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SELLO_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
}
