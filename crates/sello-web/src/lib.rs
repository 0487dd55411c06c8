//! # sello-web
//!
//! The Sello verification web service: the verification page an employer's phone opens from a
//! certificate's QR code, a JSON API that gives the same verdicts as `sello verify --json`, and
//! the issuers' published key sets and status lists.
//!
//! | route | answer |
//! |---|---|
//! | `GET /` | the verification page (camera, photo upload, paste; a token in the URL's fragment is verified at once) |
//! | `GET /app.js`, `/style.css`, `/sello-verify.js`, `/messages.js`, `/qr-decode.js`, `/zxing-wasm/…` | the page's script, style, JS verifier, words (generated from the Fluent catalogues: [`messages_js`]) and QR reader (the npm package `zxing-wasm`, loaded only where the browser has no `BarcodeDetector`) |
//! | `GET /<path>`, `/<path>/` | the page again at the path of each trusted issuer's `verify_url` (`/v` for `https://…/v`), with its files and `keys.json` and `api/…` under it (see below) |
//! | `POST /api/verify[?lang=es\|en]` | `application/json` `{"token": …}`, `text/plain` (token or URL), `image/png`, `image/jpeg` or `multipart/form-data` with an `image` field → one verification object, or for an image an array of them, or `{"error": code, "message": …}` |
//! | `POST /api/verify/batch[?lang=es\|en]` | `application/json` `{"tokens": [token or URL, …]}` (1 to 1000, at most 1 MiB) → an array of verification objects (or, for a text that is not a certificate, error objects) in the same order, each with its `index`; every signature gets the strict check |
//! | `GET /keys.json` | `{"key_sets": […], "status_lists": […], "status_list_info": […]}` for the page's client-side verifier (below) |
//! | `GET /trust.jwt` | through a federation (`sello serve --trust root.json --bundle trust.jwt`), the trust bundle in use (`application/jwt`) |
//! | `GET /.well-known/jwks.json` | the key set, when exactly one issuer is trusted |
//! | `GET /.well-known/jwks/<issuer>.json` | each issuer's key set |
//! | `GET /status/<issuer>.jwt` | each issuer's status list in use now (`application/jwt`) |
//! | `GET /healthz` | `ok` |
//!
//! `keys.json` holds every trusted key set (`key_sets`, each as `/.well-known/jwks/<issuer>.json`
//! serves it), each issuer's status list in use and any list of it dated later, as their tokens
//! (`status_lists`: a list dated in the future is not in use yet, FORMAT.md §5.8.6, and the page
//! picks the list in use at its own time as the service does), and,
//! in the same order as `status_lists`, `status_list_info`: `{"issuer": id, "iat": seconds,
//! "exp": seconds}` for each, so that the page can say how old each list is without decoding
//! it (the page still verifies every token; these members are for display only).
//!
//! **Through a federation** (`sello serve --trust root.json --bundle trust.jwt`,
//! [`Sources::with_bundle`]) the service verifies through the accepted bundle
//! ([`AppState::from_bundle`]), serves it at `/trust.jwt`, and `keys.json` holds no key set but
//! `"federation": {"root": "<root.json as read>", "bundle": "trust.jwt"}`: the page pins that
//! root, accepts the bundle itself (FORMAT.md §5.9.5, its ratchet in browser storage) and
//! verifies through it; `status_lists` then holds only lists given besides the bundle. A reload
//! installs a newer bundle, never an older one or another with the same `seq` (§5.9.6 against
//! the bundle in use), and logs why.
//!
//! **The page at an issuer's path.** QR codes carry `<verify_url>#<token>`; for
//! `https://verifica.example.mx/v` the phone opens `/v`. The page answers at `/v`, `/v/` and
//! `/v/index.html`, and since a browser resolves the page's relative URLs (`app.js`,
//! `keys.json`, `api/verify`, …) against `/` at `/v` but against `/v/` at `/v/`, those files
//! answer under `/v/` too (and, for a deeper path `/a/b`, under `/a/`). Nothing else under the
//! path answers, look-alikes (`/vx`, `/V`, `/v/../keys.json`) are not the path, and a path
//! that could shadow the service's own routes (`/api…`, `/status…`, `/healthz`, `/.well-known`,
//! a page file name) is not used (logged). [`export_site`] writes the same layout.
//!
//! **Staying fresh.** `sello serve` runs a [`Reloader`]: the key-set and status-list files it
//! was started with are looked at every few seconds (`--reload-every`, default
//! [`DEFAULT_RELOAD_EVERY`]) and at once on `SIGHUP`; when they changed, a complete new state
//! (trust store, status lists, published documents) is built off to the side and swapped in
//! whole ([`Live::replace`]). A missing, half-written or refused file keeps the state in use,
//! with one log line; a reload never replaces an issuer's status list by an older one. Each
//! list in use is logged with its age at start and at every reload, with a warning once it
//! has expired.
//!
//! **Staying standing.** [`serve_router`] serves HTTP/1.1 with a header-read timeout (a
//! complete request head within [`DEFAULT_HEADER_TIMEOUT`], on a new connection and between
//! requests of a kept-alive one), an idle timeout ([`DEFAULT_IDLE_TIMEOUT`] without a byte read
//! or written while no handler runs: an idle connection, or a client that stopped reading) and a cap on open connections ([`DEFAULT_MAX_CONNECTIONS`], lowered to fit
//! the open-file limit, which [`run`] first raises to its hard limit): at the cap the
//! longest-idle connection is closed for the new one, or the new one waits if none is idle,
//! and one line (at most a minute) is logged. Images are decoded in a few slots, smallest
//! image first, within `sello_verifier::Budget::bounded()` (large images on a shrunk
//! copy), and a decode stops at its next step once its request is over (timed out or
//! abandoned), so its slot is freed with the request.
//!
//! The page verifies in the browser with WebCrypto Ed25519 when it can, without sending the
//! token anywhere; [`export_site`] writes the same page and documents as static files any host
//! can serve.
//!
//! What it deliberately does not do: fetch anything (key sets and status lists are read from
//! the files it was given), keep any state between requests, or log a token, a name or any
//! claim (the access log has the method, the path without query, the status, the latency and
//! the verdicts). Bodies are capped (text 64 KiB, images 20 MiB), every request has a time
//! limit, and images are decoded on a few blocking threads at most.
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
pub use error::ApiError;
mod decoders;
mod error;
mod i18n;
mod messages;
mod paths;
mod reload;
mod server;
pub use messages::messages_js;
mod site;
mod state;

pub use reload::{DEFAULT_RELOAD_EVERY, LoadError, Reload, Reloader, Sources};
pub use server::{
    DEFAULT_HEADER_TIMEOUT, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_CONNECTIONS, ServerConfig,
    fit_to_descriptors, serve_router,
};
pub use site::{EXPORT_MARKER, ExportError, export_site};
pub use state::{AppState, DEFAULT_TIMEOUT, Federation, Live};

use crate::i18n::tr;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::borrow::Cow;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::time::{Duration, Instant};

/// `Content-Security-Policy` of every response: scripts and styles from the service only, no
/// inline script, no framing, and no string ever parsed as HTML (Trusted Types).
/// `'wasm-unsafe-eval'` lets the page compile the service's own WebAssembly QR reader
/// (`zxing-wasm/zxing_reader.wasm`, loaded only from `'self'`); it allows no `eval` of text
/// (docs/SECURITY.md).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; \
    connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'self'; \
    frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types sello-sw";

/// What every handler shares.
pub(crate) struct Shared {
    pub live: Live,
    /// Bounds the images decoded at once (each on a blocking thread).
    pub decoders: Arc<decoders::Decoders>,
    /// Image decodes stopped because their request was over.
    pub stopped_decodes: Arc<AtomicU64>,
}

/// The service's routes (see the crate documentation), with body limits, the time limit,
/// security headers and the access log, for a state that never changes.
pub fn router(state: AppState) -> Router {
    live_router(&Live::new(state))
}

/// [`router`] for a state that a [`Reloader`] (or [`Live::replace`]) may replace while the
/// service runs: each request is answered with the state in use when it arrived.
pub fn live_router(live: &Live) -> Router {
    let decoders = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 8));
    let shared = Arc::new(Shared {
        live: live.clone(),
        decoders: decoders::Decoders::new(decoders),
        stopped_decodes: Arc::new(AtomicU64::new(0)),
    });
    let routes = Router::new()
        .route("/", get(site::index))
        .route("/index.html", get(site::index))
        .route("/app.js", get(site::asset))
        .route("/style.css", get(site::asset))
        .route("/sello-verify.js", get(site::asset))
        .route("/messages.js", get(site::asset))
        .route("/qr-decode.js", get(site::asset))
        .route("/sw.js", get(site::asset))
        .route("/zxing-wasm/reader/index.js", get(site::asset))
        .route("/zxing-wasm/share.js", get(site::asset))
        .route("/zxing-wasm/zxing_reader.wasm", get(site::asset))
        .route("/zxing-wasm/LICENSE", get(site::asset))
        .route("/keys.json", get(site::keys))
        .route("/trust.jwt", get(site::trust_bundle))
        .route("/.well-known/jwks.json", get(site::jwks))
        .route("/.well-known/jwks/{file}", get(site::issuer_jwks))
        .route("/status/{file}", get(site::status_list))
        .route("/healthz", get(healthz))
        .route(
            "/api/verify",
            post(api::verify).layer(DefaultBodyLimit::max(
                sello_verifier::MAX_IMAGE_BYTES + 64 * 1024,
            )),
        )
        .route(
            "/api/verify/batch",
            post(api::verify_batch).layer(DefaultBodyLimit::max(api::MAX_BATCH_BYTES)),
        )
        .fallback(not_found)
        .with_state(shared);
    // The guard wraps the whole router, so that it can answer a page path (paths.rs) as the
    // route it stands for before routing.
    let live = live.clone();
    Router::new()
        .fallback_service(routes)
        .layer(middleware::from_fn(move |request, next| {
            guard(request, next, live.clone())
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
    const EXACT: [&str; 17] = [
        "/",
        "/index.html",
        "/app.js",
        "/style.css",
        "/sello-verify.js",
        "/messages.js",
        "/qr-decode.js",
        "/zxing-wasm/reader/index.js",
        "/zxing-wasm/share.js",
        "/zxing-wasm/zxing_reader.wasm",
        "/zxing-wasm/LICENSE",
        "/keys.json",
        "/trust.jwt",
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

/// Page paths, time limit, security headers and the access log, around every request.
async fn guard(mut request: Request, next: Next, live: Live) -> Response {
    let start = Instant::now();
    let snapshot = live.snapshot();
    let timeout = snapshot.state.timeout;
    let method = request.method().clone();
    let path: Cow<'static, str> =
        match paths::rewrite(&snapshot.published.page_paths, request.uri().path()) {
            Some(target) => {
                let with_query = match request.uri().query() {
                    Some(query) => format!("{target}?{query}"),
                    None => target.clone(),
                };
                if let Ok(uri) = with_query.parse() {
                    *request.uri_mut() = uri;
                }
                match target.as_str() {
                    "/" => Cow::Borrowed("{page}"),
                    other => Cow::Owned(format!("{{page}}{}", logged_path(other))),
                }
            }
            None => Cow::Borrowed(logged_path(request.uri().path())),
        };
    drop(snapshot);
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

/// Serves the service on `addr` until `shutdown` completes, then lets requests in flight finish
/// (default [`ServerConfig`]).
pub async fn serve(
    addr: SocketAddr,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(addr = %listener.local_addr()?, "{}", tr("log-listening", &[]));
    serve_router(listener, router(state), ServerConfig::default(), shutdown).await?;
    tracing::info!("{}", tr("log-stopped", &[]));
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
    tracing::info!("{}", tr("log-shutting-down", &[]));
}

/// What `sello serve` runs: the service on `listener` (already bound) with the state of
/// `reloader`, which looks at its files every `reload_every` and on `SIGHUP`, on a new
/// multi-threaded runtime until Ctrl-C or SIGTERM. The open-file limit is raised first and the
/// connection cap fitted under it ([`fit_to_descriptors`]).
pub fn run(
    listener: std::net::TcpListener,
    reloader: Reloader,
    mut config: ServerConfig,
    reload_every: Duration,
) -> std::io::Result<()> {
    config.max_connections = fit_to_descriptors(config.max_connections);
    listener.set_nonblocking(true)?;
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener)?;
            tracing::info!(addr = %listener.local_addr()?, "{}", tr("log-listening", &[]));
            let router = live_router(reloader.live());
            tokio::spawn(reloader.run(reload_every));
            serve_router(listener, router, config, shutdown_signal()).await?;
            tracing::info!("{}", tr("log-stopped", &[]));
            Ok(())
        })
}

/// What `sello serve` prints when it starts listening on `addr`, in the language in use.
pub fn banner(addr: SocketAddr) -> String {
    i18n::tr("banner", &[("url", format!("http://{addr}/").into())])
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
