//! The page's files, the published documents, and the static copy of both ([`export_site`]).

use crate::Shared;
use crate::api::{error_response, query_lang};
use crate::state::{AppState, safe_file_stem};
use crate::text::ApiError;
use axum::extract::{Path as UrlPath, Request, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The page's files: name, content type, contents. Embedded in the binary.
pub(crate) const ASSETS: [(&str, &str, &str); 4] = [
    (
        "index.html",
        "text/html; charset=utf-8",
        include_str!("../static/index.html"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../static/app.js"),
    ),
    (
        "style.css",
        "text/css; charset=utf-8",
        include_str!("../static/style.css"),
    ),
    (
        "sello-verify.js",
        "text/javascript; charset=utf-8",
        include_str!("../static/sello-verify.js"),
    ),
];

/// Published documents may be cached a little; the page revalidates.
const CACHE_DOCUMENT: &str = "public, max-age=300";
const CACHE_PAGE: &str = "no-cache";

fn asset_response(name: &str) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, content_type, body)) => (
            [
                (header::CONTENT_TYPE, *content_type),
                (header::CACHE_CONTROL, CACHE_PAGE),
            ],
            *body,
        )
            .into_response(),
        None => error_response(ApiError::NotFound, sello_core::Lang::Es),
    }
}

pub(crate) async fn index() -> Response {
    asset_response("index.html")
}

pub(crate) async fn asset(request: Request) -> Response {
    asset_response(request.uri().path().trim_start_matches('/'))
}

fn document(content_type: &'static str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, CACHE_DOCUMENT),
        ],
        body,
    )
        .into_response()
}

pub(crate) async fn keys(State(shared): State<Arc<Shared>>) -> Response {
    document("application/json", shared.published.keys_json.clone())
}

pub(crate) async fn jwks(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    match shared.published.jwks() {
        Some(doc) => document("application/json", doc.to_owned()),
        None => error_response(ApiError::SeveralIssuers, query_lang(request.uri().query())),
    }
}

pub(crate) async fn issuer_jwks(
    State(shared): State<Arc<Shared>>,
    UrlPath(file): UrlPath<String>,
) -> Response {
    let doc = file
        .strip_suffix(".json")
        .and_then(|id| shared.published.key_sets.get(id));
    match doc {
        Some(doc) => document("application/json", doc.clone()),
        None => error_response(ApiError::NotFound, sello_core::Lang::Es),
    }
}

pub(crate) async fn status_list(
    State(shared): State<Arc<Shared>>,
    UrlPath(file): UrlPath<String>,
) -> Response {
    let token = file
        .strip_suffix(".jwt")
        .and_then(|id| shared.published.status_lists.get(id));
    match token {
        Some(token) => document("application/jwt", token.clone()),
        None => error_response(ApiError::NotFound, sello_core::Lang::Es),
    }
}

/// Why a site could not be exported.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct ExportError {
    /// The file or folder.
    pub path: PathBuf,
    /// The operating system's error.
    pub source: std::io::Error,
}

/// Writes a static copy of the service into `dir` (created if needed): `index.html`,
/// `app.js`, `style.css`, `sello-verify.js`, `keys.json`, `.well-known/jwks.json` (when exactly
/// one issuer is trusted), `.well-known/jwks/<issuer>.json` and `status/<issuer>.jwt` for each
/// issuer. Any static host can serve the folder; the page then verifies fully in the browser.
///
/// Per-issuer files are written only for issuer ids that are safe file names (letters,
/// digits, `.`, `-`, `_`; not starting with `.`); `keys.json`, which the page reads, always
/// holds every key set and status list. Returns the files written, in order.
pub fn export_site(dir: &Path, state: &AppState) -> Result<Vec<PathBuf>, ExportError> {
    let published = state.published();
    let mut files: Vec<(PathBuf, &str)> = ASSETS
        .iter()
        .map(|(name, _, body)| (PathBuf::from(name), *body))
        .collect();
    files.push(("keys.json".into(), &published.keys_json));
    if let Some(doc) = published.jwks() {
        files.push((Path::new(".well-known").join("jwks.json"), doc));
    }
    for (id, doc) in published
        .key_sets
        .iter()
        .filter(|(id, _)| safe_file_stem(id))
    {
        files.push((
            Path::new(".well-known")
                .join("jwks")
                .join(format!("{id}.json")),
            doc,
        ));
    }
    for (id, token) in published
        .status_lists
        .iter()
        .filter(|(id, _)| safe_file_stem(id))
    {
        files.push((Path::new("status").join(format!("{id}.jwt")), token));
    }
    let mut written = Vec::with_capacity(files.len());
    for (relative, body) in files {
        let path = dir.join(relative);
        let err = |path: &Path| {
            let path = path.to_owned();
            move |source| ExportError { path, source }
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(err(parent))?;
        }
        std::fs::write(&path, body).map_err(err(&path))?;
        written.push(path);
    }
    Ok(written)
}
