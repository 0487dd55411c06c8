//! The page's files, the published documents, and the static copy of both ([`export_site`]).

use crate::Shared;
use crate::api::{error_response, query_lang};
use crate::error::ApiError;
use crate::state::{AppState, Published, safe_file_stem};
use axum::extract::{Path as UrlPath, Request, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The page's files: name, content type, contents. Embedded in the binary. The files under
/// `zxing-wasm/` are the QR reader the page loads when the browser has no `BarcodeDetector`:
/// copied unchanged from the npm package `zxing-wasm` at the version tests/browser pins (its
/// lockfile holds the package's integrity hash; a browser test checks that these files are the
/// package's, byte for byte; docs/DECODING.md).
pub(crate) const ASSETS: [(&str, &str, &[u8]); 10] = [
    (
        "index.html",
        "text/html; charset=utf-8",
        include_bytes!("../static/index.html"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/app.js"),
    ),
    (
        "style.css",
        "text/css; charset=utf-8",
        include_bytes!("../static/style.css"),
    ),
    (
        "sello-verify.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/sello-verify.js"),
    ),
    (
        "messages.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/messages.js"),
    ),
    (
        "qr-decode.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/qr-decode.js"),
    ),
    (
        "zxing-wasm/reader/index.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/zxing-wasm/reader/index.js"),
    ),
    (
        "zxing-wasm/share.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/zxing-wasm/share.js"),
    ),
    (
        "zxing-wasm/zxing_reader.wasm",
        "application/wasm",
        include_bytes!("../static/zxing-wasm/zxing_reader.wasm"),
    ),
    (
        "zxing-wasm/LICENSE",
        "text/plain; charset=utf-8",
        include_bytes!("../static/zxing-wasm/LICENSE"),
    ),
];

/// The page's service worker (`static/sw.js`), served and exported as `sw.js` with its
/// placeholder `__SELLO_BUILD__` replaced by [`build_id`]: any change to the page's files
/// changes the worker, and so replaces the offline copy it keeps (docs/ARCHITECTURE.md).
const SERVICE_WORKER: &str = include_str!("../static/sw.js");

/// A hash (64-bit FNV-1a, hex) of every file of [`ASSETS`] and of the worker itself: the name
/// of this build of the page, for the worker's store. Not a security measure: it only has to
/// change when a file does.
fn build_id() -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes.iter().chain(&[0]) {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for (name, _, body) in ASSETS {
        eat(name.as_bytes());
        eat(body);
    }
    eat(SERVICE_WORKER.as_bytes());
    format!("{hash:016x}")
}

/// The contents of `sw.js` for this build.
pub(crate) fn service_worker() -> &'static [u8] {
    static BODY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BODY.get_or_init(|| SERVICE_WORKER.replace("__SELLO_BUILD__", &build_id()))
        .as_bytes()
}

/// The page's files with the service worker: name, content type, contents.
fn page_files() -> impl Iterator<Item = (&'static str, &'static str, &'static [u8])> {
    ASSETS.into_iter().chain(std::iter::once((
        "sw.js",
        "text/javascript; charset=utf-8",
        service_worker(),
    )))
}

/// Published documents may be cached a little; the page revalidates.
const CACHE_DOCUMENT: &str = "public, max-age=300";
const CACHE_PAGE: &str = "no-cache";

fn asset_response(name: &str) -> Response {
    match page_files().find(|(n, _, _)| *n == name) {
        Some((_, content_type, body)) => (
            [
                (header::CONTENT_TYPE, content_type),
                (header::CACHE_CONTROL, CACHE_PAGE),
            ],
            body,
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
    document(
        "application/json",
        shared.live.snapshot().published.keys_json.clone(),
    )
}

pub(crate) async fn trust_bundle(State(shared): State<Arc<Shared>>) -> Response {
    match shared.live.snapshot().published.bundle.clone() {
        Some(bundle) => document("application/jwt", bundle),
        None => error_response(ApiError::NotFound, sello_core::Lang::Es),
    }
}

pub(crate) async fn jwks(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    match shared.live.snapshot().published.jwks() {
        Some(doc) => document("application/json", doc.to_owned()),
        None => error_response(ApiError::SeveralIssuers, query_lang(request.uri().query())),
    }
}

pub(crate) async fn issuer_jwks(
    State(shared): State<Arc<Shared>>,
    UrlPath(file): UrlPath<String>,
) -> Response {
    let snapshot = shared.live.snapshot();
    let doc = file
        .strip_suffix(".json")
        .and_then(|id| snapshot.published.key_sets.get(id));
    match doc {
        Some(doc) => document("application/json", doc.clone()),
        None => error_response(ApiError::NotFound, sello_core::Lang::Es),
    }
}

pub(crate) async fn status_list(
    State(shared): State<Arc<Shared>>,
    UrlPath(file): UrlPath<String>,
) -> Response {
    let snapshot = shared.live.snapshot();
    let token = file
        .strip_suffix(".jwt")
        .and_then(|id| snapshot.published.status_lists.get(id));
    match token {
        Some(token) => document("application/jwt", token.clone()),
        None => error_response(ApiError::NotFound, sello_core::Lang::Es),
    }
}

/// The file that marks a folder as written by [`export_site`]: only such a folder (or an empty
/// one) is replaced by the next export.
pub const EXPORT_MARKER: &str = ".sello-site";

/// Why a site could not be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A file or folder could not be written.
    #[error("{}", crate::i18n::tr("export-io", &[("path", crate::i18n::path_of(path).into()), ("error", sello_core::i18n::io_error(source).into())]))]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The folder exists, is not empty and was not written by an export.
    #[error("{}", crate::i18n::tr("export-not-an-export", &[("path", crate::i18n::path_of(.0).into()), ("marker", EXPORT_MARKER.into())]))]
    NotAnExport(PathBuf),
    /// The folder is a symbolic link, or the path has no folder name.
    #[error("{}", crate::i18n::tr("export-bad-target", &[("path", crate::i18n::path_of(.0).into())]))]
    BadTarget(PathBuf),
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> ExportError + '_ {
    move |source| ExportError::Io {
        path: path.to_owned(),
        source,
    }
}

/// The files of a static copy of the service, relative to its folder, with their contents.
fn site_files(published: &Published) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files: BTreeMap<PathBuf, Vec<u8>> = page_files()
        .map(|(name, _, body)| (PathBuf::from(name), body.to_vec()))
        .collect();
    files.insert("keys.json".into(), published.keys_json.clone().into_bytes());
    if let Some(bundle) = &published.bundle {
        files.insert("trust.jwt".into(), bundle.clone().into_bytes());
    }
    if let Some(doc) = published.jwks() {
        files.insert(
            Path::new(".well-known").join("jwks.json"),
            doc.as_bytes().to_vec(),
        );
    }
    for (id, doc) in published
        .key_sets
        .iter()
        .filter(|(id, _)| safe_file_stem(id))
    {
        files.insert(
            Path::new(".well-known")
                .join("jwks")
                .join(format!("{id}.json")),
            doc.clone().into_bytes(),
        );
    }
    for (id, token) in published
        .status_lists
        .iter()
        .filter(|(id, _)| safe_file_stem(id))
    {
        files.insert(
            Path::new("status").join(format!("{id}.jwt")),
            token.clone().into_bytes(),
        );
    }
    // The page at each issuer's verify_url path, with the files its relative URLs name, in
    // the page's folder and in its parent (see paths.rs).
    let copies: Vec<(PathBuf, bool)> = published
        .page_paths
        .iter()
        .flat_map(|page| {
            let folder: PathBuf = page.segments().collect();
            let parent = folder.parent().map(Path::to_path_buf);
            std::iter::once((folder, true)).chain(
                parent
                    .filter(|p| !p.as_os_str().is_empty())
                    .map(|p| (p, false)),
            )
        })
        .collect();
    for (folder, with_index) in copies {
        for (name, _, body) in page_files() {
            if name != "index.html" || with_index {
                files.insert(folder.join(name), body.to_vec());
            }
        }
        files.insert(
            folder.join("keys.json"),
            published.keys_json.clone().into_bytes(),
        );
        if let Some(bundle) = &published.bundle {
            files.insert(folder.join("trust.jwt"), bundle.clone().into_bytes());
        }
    }
    files.insert(
        EXPORT_MARKER.into(),
        b"Written by `sello site export`; the next export replaces this whole folder.\n".to_vec(),
    );
    files
}

/// Whether `dir` may be replaced: absent, an empty folder, or an earlier export (a folder
/// holding [`EXPORT_MARKER`] as a plain file). A symbolic link is never followed.
fn check_target(dir: &Path) -> Result<bool, ExportError> {
    let meta = match std::fs::symlink_metadata(dir) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(io_error(dir)(e)),
    };
    if meta.file_type().is_symlink() {
        return Err(ExportError::BadTarget(dir.to_owned()));
    }
    if !meta.is_dir() {
        return Err(ExportError::NotAnExport(dir.to_owned()));
    }
    let empty = std::fs::read_dir(dir)
        .map_err(io_error(dir))?
        .next()
        .is_none();
    let marked = std::fs::symlink_metadata(dir.join(EXPORT_MARKER)).is_ok_and(|m| m.is_file());
    if empty || marked {
        Ok(true)
    } else {
        Err(ExportError::NotAnExport(dir.to_owned()))
    }
}

/// A name next to `dir` that nothing uses: `.<name>.<what>-<pid>-<n>`.
fn sibling(dir: &Path, what: &str) -> PathBuf {
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let name = dir
        .file_name()
        .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    dir.with_file_name(format!(
        ".{name}.{what}-{}-{nanos}-{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::Relaxed)
    ))
}

/// Writes every file into the new folder `dir`, creating each one (never opening an existing
/// file or following a link).
fn write_tree(dir: &Path, files: &BTreeMap<PathBuf, Vec<u8>>) -> Result<(), ExportError> {
    for (relative, body) in files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io_error(parent))?;
        }
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(io_error(&path))?;
        file.write_all(body).map_err(io_error(&path))?;
        file.sync_all().map_err(io_error(&path))?;
    }
    Ok(())
}

/// Writes a static copy of the service as the folder `dir`: `index.html`, `app.js`,
/// `style.css`, `sello-verify.js`, `messages.js`, `qr-decode.js`, `zxing-wasm/…` (the QR
/// reader), `sw.js` (the service worker that keeps the page working offline), `keys.json`, `trust.jwt` (through a federation: the trust bundle, beside every
/// `keys.json`), `.well-known/jwks.json` (when exactly one
/// issuer is trusted), `.well-known/jwks/<issuer>.json` and `status/<issuer>.jwt` for each
/// issuer, the page again at each trusted issuer's `verify_url` path (`v/index.html` for
/// `https://…/v`, with the page's files and `keys.json` beside it and in the parent folder,
/// see below), and the marker [`EXPORT_MARKER`]. Any static host can serve the folder; the
/// page then verifies fully in the browser.
///
/// The export is built in a new folder next to `dir` and then renamed into place, so the
/// previous export stays whole until the new one is complete, and a failed export leaves it
/// as it was. `dir` must be absent, empty, or an earlier export: any other folder, a file or
/// a symbolic link is refused ([`ExportError`]). Nothing in the previous export is opened or
/// followed: it is removed (links inside it as links), so the files of issuers no longer
/// trusted are gone.
///
/// A static host serves `v/index.html` for `/v/` and, for `/v`, either redirects to `/v/` or
/// serves it as it is; the page's relative URLs then resolve to `v/` or to the top folder, and
/// both hold its files (for a deeper path `/a/b` opened without the slash, `a/`).
///
/// Per-issuer files are written only for issuer ids that are safe file names (letters,
/// digits, `.`, `-`, `_`; not starting with `.`); `keys.json`, which the page reads, always
/// holds every key set and status list. Returns the files written (in their final place),
/// sorted.
pub fn export_site(dir: &Path, state: &AppState) -> Result<Vec<PathBuf>, ExportError> {
    if dir.file_name().is_none() {
        return Err(ExportError::BadTarget(dir.to_owned()));
    }
    let replacing = check_target(dir)?;
    let files = site_files(&state.published());
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io_error(parent))?;
    }
    let new = sibling(dir, "new");
    std::fs::create_dir(&new).map_err(io_error(&new))?;
    if let Err(e) = write_tree(&new, &files) {
        let _ = std::fs::remove_dir_all(&new);
        return Err(e);
    }
    if replacing {
        // Checked again: the folder may have changed while the new one was written.
        if let Err(e) = check_target(dir) {
            let _ = std::fs::remove_dir_all(&new);
            return Err(e);
        }
        let old = sibling(dir, "old");
        if let Err(e) = std::fs::rename(dir, &old) {
            let _ = std::fs::remove_dir_all(&new);
            return Err(io_error(dir)(e));
        }
        if let Err(e) = std::fs::rename(&new, dir) {
            let _ = std::fs::rename(&old, dir);
            let _ = std::fs::remove_dir_all(&new);
            return Err(io_error(dir)(e));
        }
        std::fs::remove_dir_all(&old).map_err(io_error(&old))?;
    } else if let Err(e) = std::fs::rename(&new, dir) {
        let _ = std::fs::remove_dir_all(&new);
        return Err(io_error(dir)(e));
    }
    Ok(files
        .keys()
        .filter(|f| f.as_os_str() != EXPORT_MARKER)
        .map(|f| dir.join(f))
        .collect())
}
