//! The page at the path of every trusted issuer's `verify_url`.
//!
//! An issuer made with `sello keygen --url https://verifica.example.mx/v` prints QR codes that
//! open `https://verifica.example.mx/v#<token>`, so the page must answer at `/v`, and at `/v/`
//! for a URL written with the slash. The page loads its files by relative URLs (`style.css`,
//! `app.js`, `./sello-verify.js`, `keys.json`, `api/verify`), which a browser resolves against
//! the page's folder: at `/v/` that is `/v/`, at `/v` it is `/` (for `/a/b`, `/a/`). So for a
//! page path `P` with parent folder `D`:
//!
//! | request | answered as |
//! |---|---|
//! | `P`, `P/`, `P/index.html` | `/` (the page) |
//! | `P/<file>` and `D/<file>`, for `<file>` one of `app.js`, `style.css`, `sello-verify.js`, `messages.js`, `qr-decode.js`, `sw.js`, `zxing-wasm/reader/index.js`, `zxing-wasm/share.js`, `zxing-wasm/zxing_reader.wasm`, `keys.json`, `trust.jwt`, `api/verify`, `api/verify/batch` | `/<file>` |
//!
//! Nothing else under `P` or `D` is answered, and a look-alike (`/vx`, `/v/../keys.json`,
//! `/v//app.js`, `/V`) is not `P`. A path is used only if every segment is 1 to 64 of
//! `A-Z a-z 0-9 - _ . ~`, not starting with `.` and not one of the page's own file names or
//! `api`, at most 8 segments, and its first segment is not `status` or `healthz`: so no
//! issuer's URL can shadow the API, a published document or `/.well-known/`. Percent-encoded
//! paths are not used. [`crate::export_site`] writes the same files into `P/` and `D/`.

/// The page's files besides `index.html`, and the API routes the page calls, as they appear
/// under a page folder.
pub(crate) const PAGE_RELATIVE: [&str; 13] = [
    "app.js",
    "sw.js",
    "style.css",
    "sello-verify.js",
    "messages.js",
    "qr-decode.js",
    "zxing-wasm/reader/index.js",
    "zxing-wasm/share.js",
    "zxing-wasm/zxing_reader.wasm",
    "keys.json",
    "trust.jwt",
    "api/verify",
    "api/verify/batch",
];

/// The most segments of a page path.
const MAX_SEGMENTS: usize = 8;
/// The longest segment.
const MAX_SEGMENT: usize = 64;

/// A path where the page is served besides `/`: `/v`, or `/a/b`, without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct PagePath {
    /// `/v` or `/a/b`.
    pub path: String,
}

impl PagePath {
    /// The folder a browser resolves the page's relative URLs against when the page is opened
    /// without the trailing slash: `/a` for `/a/b`, `` (the root) for `/v`.
    pub fn parent(&self) -> &str {
        self.path.rsplit_once('/').map_or("", |(parent, _)| parent)
    }

    /// The segments, for writing the page's folder in an export: `["a", "b"]`.
    pub fn segments(&self) -> impl Iterator<Item = &str> {
        self.path.split('/').skip(1)
    }
}

/// The page path of a verification URL: `Ok(None)` when the URL's path is `/` or empty,
/// `Err` with the reason when it cannot be used (see the module documentation).
pub(crate) fn page_path(url: &str) -> Result<Option<PagePath>, String> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let Some(slash) = after_scheme.find('/') else {
        return Ok(None);
    };
    if after_scheme[..slash].contains('?') {
        return Ok(None);
    }
    let rest = &after_scheme[slash..];
    let path = rest.split(['?', '#']).next().unwrap_or("");
    let path = path.strip_suffix('/').unwrap_or(path);
    if path.is_empty() {
        return Ok(None);
    }
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    if segments.len() > MAX_SEGMENTS {
        return Err(format!("more than {MAX_SEGMENTS} segments"));
    }
    for (i, segment) in segments.iter().enumerate() {
        if segment.is_empty() || segment.len() > MAX_SEGMENT {
            return Err("an empty or over-long segment".into());
        }
        if segment.starts_with('.')
            || !segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'))
        {
            return Err(format!(
                "segment {segment:?}: only letters, digits, - _ . ~ (not first)"
            ));
        }
        let reserved = segment.eq_ignore_ascii_case("api")
            || segment.eq_ignore_ascii_case("index.html")
            || PAGE_RELATIVE
                .iter()
                .any(|name| name.eq_ignore_ascii_case(segment))
            || (i == 0
                && (segment.eq_ignore_ascii_case("status")
                    || segment.eq_ignore_ascii_case("healthz")));
        if reserved {
            return Err(format!("segment {segment:?} is one of the service's own"));
        }
    }
    Ok(Some(PagePath {
        path: path.to_owned(),
    }))
}

/// The route a request path is answered as, when it is the page or one of its files under a
/// page path (see the module documentation); `None` otherwise.
pub(crate) fn rewrite(paths: &[PagePath], path: &str) -> Option<String> {
    for page in paths {
        if let Some(rest) = path.strip_prefix(page.path.as_str()) {
            if rest.is_empty() || rest == "/" || rest == "/index.html" {
                return Some("/".to_owned());
            }
            if let Some(name) = rest.strip_prefix('/')
                && PAGE_RELATIVE.contains(&name)
            {
                return Some(format!("/{name}"));
            }
        }
        let parent = page.parent();
        if !parent.is_empty()
            && let Some(name) = path
                .strip_prefix(parent)
                .and_then(|rest| rest.strip_prefix('/'))
            && PAGE_RELATIVE.contains(&name)
        {
            return Some(format!("/{name}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(url: &str) -> Option<String> {
        page_path(url).unwrap().map(|p| p.path)
    }

    #[test]
    fn paths_of_verification_urls() {
        assert_eq!(p("https://verifica.example.mx/v"), Some("/v".into()));
        assert_eq!(p("https://verifica.example.mx/v/"), Some("/v".into()));
        assert_eq!(p("https://x.example/a/b?utm=1"), Some("/a/b".into()));
        assert_eq!(p("http://localhost:8080/"), None);
        assert_eq!(p("http://127.0.0.1:8080"), None);
        assert_eq!(p("https://x.example?v=1"), None);
        for bad in [
            "https://x.example/api",
            "https://x.example/api/verify",
            "https://x.example/v/app.js",
            "https://x.example/keys.json",
            "https://x.example/status/v",
            "https://x.example/healthz",
            "https://x.example/.well-known/v",
            "https://x.example/a//b",
            "https://x.example/%76",
            "https://x.example/v/..",
            "https://x.example/1/2/3/4/5/6/7/8/9",
        ] {
            assert!(page_path(bad).is_err(), "{bad}");
        }
        // Not reserved below the first segment.
        assert_eq!(
            p("https://x.example/cert/status"),
            Some("/cert/status".into())
        );
    }

    #[test]
    fn rewrites_the_page_and_its_files_only() {
        let paths = vec![
            page_path("https://x.example/v").unwrap().unwrap(),
            page_path("https://x.example/a/b/").unwrap().unwrap(),
        ];
        let r = |path: &str| rewrite(&paths, path);
        assert_eq!(r("/v").as_deref(), Some("/"));
        assert_eq!(r("/v/").as_deref(), Some("/"));
        assert_eq!(r("/v/index.html").as_deref(), Some("/"));
        assert_eq!(r("/v/app.js").as_deref(), Some("/app.js"));
        assert_eq!(r("/v/keys.json").as_deref(), Some("/keys.json"));
        assert_eq!(r("/v/api/verify").as_deref(), Some("/api/verify"));
        assert_eq!(r("/a/b").as_deref(), Some("/"));
        assert_eq!(
            r("/a/b/sello-verify.js").as_deref(),
            Some("/sello-verify.js")
        );
        // /a/b without the slash resolves relative URLs against /a/.
        assert_eq!(r("/a/style.css").as_deref(), Some("/style.css"));
        assert_eq!(
            r("/a/api/verify/batch").as_deref(),
            Some("/api/verify/batch")
        );
        for other in [
            "/",
            "/vx",
            "/V",
            "/v/x",
            "/v//app.js",
            "/v/../keys.json",
            "/v/status/x.jwt",
            "/a",
            "/a/",
            "/a/index.html",
            "/a/b/c",
            "/v/app.js/",
            "/app.js",
        ] {
            assert_eq!(r(other), None, "{other}");
        }
    }
}
