//! Getting a trust bundle over HTTPS, and the copy of it kept on this computer.
//!
//! The client is ureq over rustls with ring (the provider the PostgreSQL ledger's TLS uses),
//! trusting Mozilla's roots compiled in (`webpki-root-certs`; the system's store is not read)
//! and the certificates of `--ca-file`/`SELLO_CA_FILE`, when given, as well. Only `https://` is
//! fetched, except `http://` to a loopback address (`127.0.0.0/8`, `[::1]`, `localhost`): the
//! bundle is signed, but over plain HTTP anyone on the path could hold back a newer bundle
//! unseen. Redirects stay on HTTPS and are at most [`MAX_REDIRECTS`]; the body is read up to
//! the cap the caller gives and no further; every request has a deadline ([`TIMEOUT`]).
//!
//! The cache ([`Cache`]) keeps, per federation and pinned root, the last bundle accepted with
//! the validators its server sent (`ETag`, `Last-Modified`), so that the next fetch is a
//! conditional request (a `304 Not Modified` answer uses the copy) and a failed fetch can fall
//! back on the copy.
//! Whatever comes from the cache is checked again like a fetched bundle: the copy is never
//! trusted for having been stored.

use crate::i18n::{path_of, tr};
use sello_core::untrusted::quote;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Redirects followed at most (each to `https://`).
pub const MAX_REDIRECTS: u32 = 5;
/// The deadline of one request, from connecting to the last byte of the body.
pub const TIMEOUT: Duration = Duration::from_secs(120);
/// The deadline for connecting (DNS and TCP).
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
/// Largest `--ca-file`.
pub const MAX_CA_FILE: usize = 1 << 20;
/// Longest URL taken.
pub const MAX_URL: usize = 2048;
/// Longest validator (`ETag`, `Last-Modified`) kept and sent back.
pub const MAX_VALIDATOR: usize = 512;

/// Why a fetch failed. Messages are in the process language.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// Not an `https://` URL (nor `http://` to a loopback address).
    #[error("{}", tr("fetch-not-https", &[("url", .0.as_str().into())]))]
    NotHttps(String),
    /// Not a URL that can be fetched.
    #[error("{}", tr("fetch-bad-url", &[("url", .0.as_str().into())]))]
    BadUrl(String),
    /// The TLS connection failed: the server's certificate is not trusted, or another TLS error.
    #[error("{}", tr("fetch-tls", &[("url", .url.as_str().into()), ("why", .why.as_str().into())]))]
    Tls {
        /// The URL (escaped).
        url: String,
        /// What TLS said, in the process language where Sello has words for it.
        why: String,
    },
    /// The server could not be reached (name not found, connection refused or cut).
    #[error("{}", tr("fetch-unreachable", &[("url", .url.as_str().into()), ("why", .why.as_str().into())]))]
    Unreachable {
        /// The URL (escaped).
        url: String,
        /// Why (escaped).
        why: String,
    },
    /// The request did not finish in time.
    #[error("{}", tr("fetch-timeout", &[("url", .0.as_str().into()), ("seconds", TIMEOUT.as_secs().into())]))]
    Timeout(String),
    /// The server answered with a status other than 200 (or 304 to a conditional request).
    #[error("{}", tr("fetch-status", &[("url", .url.as_str().into()), ("status", (*.status).into())]))]
    Status {
        /// The URL (escaped).
        url: String,
        /// The HTTP status.
        status: u16,
    },
    /// More redirects than [`MAX_REDIRECTS`], or one away from HTTPS.
    #[error("{}", tr("fetch-redirect", &[("url", .0.as_str().into()), ("max", MAX_REDIRECTS.into())]))]
    Redirect(String),
    /// The body is larger than the cap.
    #[error("{}", tr("fetch-too-large", &[("url", .url.as_str().into()), ("max", (*.max).into())]))]
    TooLarge {
        /// The URL (escaped).
        url: String,
        /// The cap, in bytes.
        max: usize,
    },
    /// The body is not UTF-8 text.
    #[error("{}", tr("fetch-not-text", &[("url", .0.as_str().into())]))]
    NotText(String),
    /// Another HTTP failure (a broken answer).
    #[error("{}", tr("fetch-failed", &[("url", .url.as_str().into()), ("why", .why.as_str().into())]))]
    Other {
        /// The URL (escaped).
        url: String,
        /// What the HTTP client said (escaped).
        why: String,
    },
    /// The CA file could not be read.
    #[error("{}", tr("fetch-ca-io", &[("path", path_of(.path).into()), ("error", sello_core::i18n::io_error(.source).into())]))]
    CaIo {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The CA file holds no PEM certificate, or a broken one.
    #[error("{}", tr("fetch-ca-bad", &[("path", path_of(.0).into())]))]
    CaBad(PathBuf),
}

/// Whether `host` (as in a URL, IPv6 in brackets) is this computer.
fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || bare
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Whether `text` is given as a URL (`https://…` or `http://…`) rather than a file's path.
pub fn is_url(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Checks that `url` may be fetched: `https://` with a host, or `http://` to a loopback
/// address; at most [`MAX_URL`] bytes, no user name or password in it.
pub fn check_url(url: &str) -> Result<(), FetchError> {
    let shown = || quote(url.get(..MAX_URL).unwrap_or(url));
    if url.len() > MAX_URL {
        return Err(FetchError::BadUrl(shown()));
    }
    let uri: ureq::http::Uri = url.parse().map_err(|_| FetchError::BadUrl(shown()))?;
    let (Some(scheme), Some(authority)) = (uri.scheme_str(), uri.authority()) else {
        return Err(FetchError::BadUrl(shown()));
    };
    if authority.as_str().contains('@') || authority.host().is_empty() {
        return Err(FetchError::BadUrl(shown()));
    }
    match scheme.to_ascii_lowercase().as_str() {
        "https" => Ok(()),
        "http" if is_loopback(authority.host()) => Ok(()),
        _ => Err(FetchError::NotHttps(shown())),
    }
}

/// What the server said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// A body (200), with its validators.
    New {
        /// The body.
        text: String,
        /// The validators to send next time.
        validators: Validators,
    },
    /// `304 Not Modified`: the copy whose validators were sent is current.
    NotModified,
}

/// What identifies a version of a resource to its server (RFC 9110 §8.8).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` sent.
    pub etag: Option<String>,
    /// The `Last-Modified` sent.
    pub last_modified: Option<String>,
}

/// A validator the server sent, if it is one Sello keeps: printable ASCII, not too long.
fn validator(value: Option<&ureq::http::HeaderValue>) -> Option<String> {
    let text = value?.to_str().ok()?;
    (text.len() <= MAX_VALIDATOR
        && !text.is_empty()
        && text.bytes().all(|b| (0x20..0x7f).contains(&b)))
    .then(|| text.to_owned())
}

/// The HTTPS client.
pub struct Client {
    agent: ureq::Agent,
}

impl Client {
    /// A client trusting Mozilla's roots and, when given, the certificates of `ca_file` (PEM).
    pub fn new(ca_file: Option<&Path>) -> Result<Client, FetchError> {
        let mut roots: Vec<ureq::tls::Certificate<'static>> =
            webpki_root_certs::TLS_SERVER_ROOT_CERTS
                .iter()
                .map(|c| ureq::tls::Certificate::from_der(c.as_ref()))
                .collect();
        if let Some(path) = ca_file {
            roots.extend(read_ca_file(path)?);
        }
        let tls = ureq::tls::TlsConfig::builder()
            .provider(ureq::tls::TlsProvider::Rustls)
            .unversioned_rustls_crypto_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .root_certs(ureq::tls::RootCerts::from(roots))
            .build();
        let agent = ureq::Agent::config_builder()
            .tls_config(tls)
            .http_status_as_error(false)
            .https_only(false)
            .max_redirects(MAX_REDIRECTS)
            .timeout_global(Some(TIMEOUT))
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .user_agent(concat!("sello/", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        Ok(Client { agent })
    }

    /// GETs `url`, a body of at most `max` bytes of UTF-8 text; with `known`, a conditional
    /// request (`If-None-Match`, `If-Modified-Since`) that a `304` may answer.
    pub fn get(
        &self,
        url: &str,
        max: usize,
        known: Option<&Validators>,
    ) -> Result<Fetched, FetchError> {
        check_url(url)?;
        let shown = || quote(url);
        let https = url
            .get(..6)
            .is_some_and(|s| s.eq_ignore_ascii_case("https:"));
        let mut request = self.agent.get(url);
        // Redirects never leave HTTPS; a loopback http:// URL is not redirected at all.
        request = if https {
            request.config().https_only(true).build()
        } else {
            request.config().max_redirects(0).build()
        };
        if let Some(known) = known {
            if let Some(etag) = &known.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(date) = &known.last_modified {
                request = request.header("If-Modified-Since", date);
            }
        }
        let mut response = request.call().map_err(|e| failure(url, e, max))?;
        let status = response.status().as_u16();
        if status == 304 && known.is_some() {
            return Ok(Fetched::NotModified);
        }
        if (300..400).contains(&status) {
            return Err(FetchError::Redirect(shown()));
        }
        if status != 200 {
            return Err(FetchError::Status {
                url: shown(),
                status,
            });
        }
        let validators = Validators {
            etag: validator(response.headers().get("etag")),
            last_modified: validator(response.headers().get("last-modified")),
        };
        let bytes = response
            .body_mut()
            .with_config()
            .limit(max as u64)
            .read_to_vec()
            .map_err(|e| failure(url, e, max))?;
        let text = String::from_utf8(bytes).map_err(|_| FetchError::NotText(shown()))?;
        Ok(Fetched::New { text, validators })
    }
}

/// The certificates of a PEM file (at least one).
fn read_ca_file(path: &Path) -> Result<Vec<ureq::tls::Certificate<'static>>, FetchError> {
    let file = std::fs::File::open(path).map_err(|source| FetchError::CaIo {
        path: path.to_owned(),
        source,
    })?;
    let bytes = sello_core::read_capped(file, MAX_CA_FILE).map_err(|source| FetchError::CaIo {
        path: path.to_owned(),
        source,
    })?;
    let mut certs = Vec::new();
    for item in ureq::tls::parse_pem(&bytes) {
        match item {
            Ok(ureq::tls::PemItem::Certificate(c)) => certs.push(c.to_owned()),
            Ok(_) => {}
            Err(_) => return Err(FetchError::CaBad(path.to_owned())),
        }
    }
    if certs.is_empty() {
        return Err(FetchError::CaBad(path.to_owned()));
    }
    Ok(certs)
}

/// The words for a TLS failure: the common certificate problems by name, others as rustls
/// says them.
fn tls_words(e: &rustls::Error) -> String {
    use rustls::CertificateError as C;
    match e {
        rustls::Error::InvalidCertificate(C::UnknownIssuer) => tr("fetch-tls-unknown-issuer", &[]),
        rustls::Error::InvalidCertificate(
            C::NotValidForName | C::NotValidForNameContext { .. },
        ) => tr("fetch-tls-name", &[]),
        rustls::Error::InvalidCertificate(C::Expired | C::ExpiredContext { .. }) => {
            tr("fetch-tls-expired", &[])
        }
        other => tr(
            "fetch-tls-other",
            &[("detail", quote(&other.to_string()).as_str().into())],
        ),
    }
}

/// Why a connection failed, in the process language.
fn network_words(io: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match io.kind() {
        K::ConnectionRefused => tr("fetch-refused", &[]),
        K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe | K::UnexpectedEof => {
            tr("fetch-cut", &[])
        }
        K::HostUnreachable | K::NetworkUnreachable | K::NetworkDown | K::AddrNotAvailable => {
            tr("fetch-no-route", &[])
        }
        // The standard library's resolver says so only in words.
        _ if io.to_string().contains("failed to lookup address") => tr("fetch-host-not-found", &[]),
        _ => tr(
            "fetch-network",
            &[("detail", quote(&io.to_string()).as_str().into())],
        ),
    }
}

/// A ureq error as a [`FetchError`].
fn failure(url: &str, e: ureq::Error, max: usize) -> FetchError {
    let shown = quote(url);
    match e {
        ureq::Error::Rustls(tls) => FetchError::Tls {
            url: shown,
            why: tls_words(&tls),
        },
        ureq::Error::Io(io) => {
            if let Some(tls) = io
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<rustls::Error>())
            {
                return FetchError::Tls {
                    url: shown,
                    why: tls_words(tls),
                };
            }
            if io.kind() == std::io::ErrorKind::TimedOut {
                return FetchError::Timeout(shown);
            }
            FetchError::Unreachable {
                url: shown,
                why: network_words(&io),
            }
        }
        ureq::Error::Tls(why) => FetchError::Tls {
            url: shown,
            why: quote(why),
        },
        ureq::Error::HostNotFound => FetchError::Unreachable {
            url: shown,
            why: tr("fetch-host-not-found", &[]),
        },
        ureq::Error::ConnectionFailed => FetchError::Unreachable {
            url: shown,
            why: tr("fetch-connection-failed", &[]),
        },
        ureq::Error::Timeout(_) => FetchError::Timeout(shown),
        ureq::Error::TooManyRedirects | ureq::Error::RequireHttpsOnly(_) => {
            FetchError::Redirect(shown)
        }
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge { url: shown, max },
        ureq::Error::BadUri(_) => FetchError::BadUrl(shown),
        other => FetchError::Other {
            url: shown,
            why: quote(&other.to_string()),
        },
    }
}

/// A folder of the XDG base directories: `$VAR` when absolute (a relative one is ignored, as
/// the specification says), else `~/<default>`; `None` when neither is known.
pub fn xdg_dir(var: &str, default: &[&str]) -> Option<PathBuf> {
    let absolute = |v: std::ffi::OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    std::env::var_os(var).and_then(absolute).or_else(|| {
        std::env::var_os("HOME")
            .and_then(absolute)
            .map(|home| default.iter().fold(home, |p, part| p.join(part)))
    })
}

/// Why the cache could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CacheError {
    /// A cache file could not be read or written.
    #[error("{}", tr("cache-io", &[("path", path_of(.path).into()), ("error", sello_core::i18n::io_error(.source).into())]))]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// A cache file is not what Sello writes.
    #[error("{}", tr("cache-corrupt", &[("path", path_of(.0).into())]))]
    Corrupt(PathBuf),
}

/// A bundle kept in the cache.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cached {
    /// Where it was fetched from.
    pub url: String,
    /// Its server's `ETag`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// Its server's `Last-Modified`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// The bundle's text.
    pub bundle: String,
}

impl Cached {
    /// The validators to send for a conditional request.
    pub fn validators(&self) -> Validators {
        Validators {
            etag: self.etag.clone(),
            last_modified: self.last_modified.clone(),
        }
    }
}

/// The largest cache file: a bundle at its cap, with room for the rest.
const MAX_CACHE_FILE: usize = sello_core::federation::MAX_BUNDLE_BYTES + 16 * 1024;

/// The bundle cache: one file per federation and pinned root, as the ratchet keeps its records
/// (FORMAT.md §5.9.6): `<folder>/<id in base64url>.<root fingerprint>.json`.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The cache in `dir` (created when something is first stored).
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// The CLI's: `$XDG_CACHE_HOME/sello/bundles`, else `~/.cache/sello/bundles`.
    pub fn default_dir() -> Option<PathBuf> {
        xdg_dir("XDG_CACHE_HOME", &[".cache"]).map(|d| d.join("sello").join("bundles"))
    }

    /// The file of `federation` under the pinned root of fingerprint `pinned`: both in
    /// base64url, so that any text is a safe file name.
    pub fn path(&self, federation: &str, pinned: &str) -> PathBuf {
        let (id, root) = (
            sello_core::b64::encode(federation.as_bytes()),
            sello_core::b64::encode(pinned.as_bytes()),
        );
        self.dir
            .join([id.as_str(), ".", root.as_str(), ".json"].concat())
    }

    /// The kept bundle of `federation` under the pinned root `pinned`, if any.
    pub fn load(&self, federation: &str, pinned: &str) -> Result<Option<Cached>, CacheError> {
        let path = self.path(federation, pinned);
        let file = match std::fs::File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(CacheError::Io { path, source }),
        };
        let bytes = match sello_core::read_capped(file, MAX_CACHE_FILE) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::FileTooLarge => {
                return Err(CacheError::Corrupt(path));
            }
            Err(source) => return Err(CacheError::Io { path, source }),
        };
        let cached: Cached = sello_core::json::parse_strict_object(
            &bytes,
            MAX_CACHE_FILE,
            sello_core::json::Arrays::Refused,
        )
        .map_err(|_| CacheError::Corrupt(path.clone()))?;
        let ok = |v: &Option<String>| {
            v.as_ref().is_none_or(|v| {
                !v.is_empty()
                    && v.len() <= MAX_VALIDATOR
                    && v.bytes().all(|b| (0x20..0x7f).contains(&b))
            })
        };
        if check_url(&cached.url).is_err()
            || !ok(&cached.etag)
            || !ok(&cached.last_modified)
            || cached.bundle.len() > sello_core::federation::MAX_BUNDLE_BYTES
        {
            return Err(CacheError::Corrupt(path));
        }
        Ok(Some(cached))
    }

    /// Keeps `cached` as the bundle of `federation` under the pinned root `pinned` (a
    /// temporary file, then renamed).
    pub fn store(&self, federation: &str, pinned: &str, cached: &Cached) -> Result<(), CacheError> {
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| CacheError::Io { path, source }
        };
        std::fs::create_dir_all(&self.dir).map_err(io(&self.dir))?;
        let path = self.path(federation, pinned);
        let text = serde_json::to_string(cached).expect("cache entries serialise");
        sello_issuer::write_atomic(&path, text.as_bytes(), sello_issuer::PUBLIC).map_err(io(&path))
    }

    /// Forgets the bundle of `federation` under the pinned root `pinned` (nothing kept is not
    /// an error).
    pub fn remove(&self, federation: &str, pinned: &str) -> Result<(), CacheError> {
        let path = self.path(federation, pinned);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(CacheError::Io { path, source: e })
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FP: &str = "3f2a00000000000000000000000000000000000000000000000000000000c9c9";

    fn entry() -> Cached {
        Cached {
            url: "https://example.invalid/trust.jwt".into(),
            etag: Some("\"v7\"".into()),
            last_modified: Some("Tue, 01 Dec 2026 10:00:00 GMT".into()),
            bundle: "a.b.c".into(),
        }
    }

    #[test]
    fn urls() {
        for good in [
            "https://example.invalid/trust.jwt",
            "HTTPS://example.invalid:8443/a/trust.jwt?x=1",
            "http://127.0.0.1:8080/trust.jwt",
            "http://127.9.9.9/trust.jwt",
            "http://[::1]:80/trust.jwt",
            "http://localhost/trust.jwt",
        ] {
            assert!(check_url(good).is_ok(), "{good}");
        }
        for refused in [
            "http://example.invalid/trust.jwt",
            "http://10.0.0.1/trust.jwt",
            "http://127.0.0.1.example.invalid/trust.jwt",
            "ftp://example.invalid/trust.jwt",
        ] {
            assert!(
                matches!(check_url(refused), Err(FetchError::NotHttps(_))),
                "{refused}"
            );
        }
        let long = format!("https://example.invalid/{}", "a".repeat(MAX_URL));
        for bad in [
            "https://",
            "https:///trust.jwt",
            "https://user:pass@example.invalid/trust.jwt",
            "trust.jwt",
            long.as_str(),
        ] {
            assert!(
                matches!(check_url(bad), Err(FetchError::BadUrl(_))),
                "{bad}"
            );
        }
        assert!(is_url("https://a/b") && is_url("HTTP://a/b"));
        assert!(!is_url("trust.jwt") && !is_url("./https://a"));
    }

    #[test]
    fn the_cache_keeps_an_entry_per_federation() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::new(tmp.path().join("sello/bundles"));
        assert_eq!(cache.load("mx.conocer", FP).unwrap(), None);
        cache.remove("mx.conocer", FP).unwrap();
        cache.store("mx.conocer", FP, &entry()).unwrap();
        assert_eq!(cache.load("mx.conocer", FP).unwrap(), Some(entry()));
        assert_eq!(cache.load("mx.other", FP).unwrap(), None);
        // Without validators.
        let mut bare = entry();
        (bare.etag, bare.last_modified) = (None, None);
        cache.store("mx.other", FP, &bare).unwrap();
        assert_eq!(cache.load("mx.other", FP).unwrap(), Some(bare));
        cache.remove("mx.conocer", FP).unwrap();
        assert_eq!(cache.load("mx.conocer", FP).unwrap(), None);
        // Under another pinned root, nothing.
        assert_eq!(cache.load("mx.other", &"0".repeat(64)).unwrap(), None);
        // Any id is a safe file name.
        assert!(
            cache
                .path("../../etc/passwd", "../x")
                .starts_with(tmp.path())
        );
    }

    #[test]
    fn a_cache_file_sello_did_not_write_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::new(tmp.path());
        let path = cache.path("mx.conocer", FP);
        let good = serde_json::to_value(entry()).unwrap();
        let with = |key: &str, value: serde_json::Value| {
            let mut v = good.clone();
            v[key] = value;
            v.to_string()
        };
        for text in [
            "{".to_owned(),
            "[]".to_owned(),
            r#"["https://a/b",null,null,"x"]"#.to_owned(),
            with("unknown", "x".into()),
            with("url", "http://example.invalid/trust.jwt".into()),
            with("etag", "\"a\"\r\nX-Injected: 1".into()),
            with("etag", "".into()),
            with("last_modified", "x".repeat(MAX_VALIDATOR + 1).into()),
            with("bundle", 7.into()),
            r#"{"url":"https://a/b","bundle":"x","bundle":"y"}"#.to_owned(),
        ] {
            std::fs::write(&path, &text).unwrap();
            assert!(
                matches!(cache.load("mx.conocer", FP), Err(CacheError::Corrupt(_))),
                "{text}"
            );
        }
        // A file larger than any bundle is refused before it is parsed.
        let huge = with("bundle", "a".repeat(MAX_CACHE_FILE).into());
        std::fs::write(&path, huge).unwrap();
        assert!(matches!(
            cache.load("mx.conocer", FP),
            Err(CacheError::Corrupt(_))
        ));
        // A folder where the file should be: an I/O error, named.
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
        assert!(cache.load("mx.conocer", FP).is_err());
    }

    #[test]
    fn a_ca_file_must_hold_certificates() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("ca.pem");
        assert!(matches!(
            Client::new(Some(&path)),
            Err(FetchError::CaIo { .. })
        ));
        std::fs::write(&path, "not a certificate").unwrap();
        assert!(matches!(
            Client::new(Some(&path)),
            Err(FetchError::CaBad(_))
        ));
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = rcgen::CertificateParams::new(vec!["127.0.0.1".to_owned()])
            .unwrap()
            .self_signed(&key)
            .unwrap();
        std::fs::write(&path, cert.pem()).unwrap();
        assert!(Client::new(Some(&path)).is_ok());
        assert!(Client::new(None).is_ok());
    }
}
