//! `sello trust add|list|remove`: the federations this computer trusts, each with its pinned
//! root document and its bundle's URL, and the bundle got from that URL (through the cache)
//! for `sello verify` with no other flag.
//!
//! ```text
//! $XDG_CONFIG_HOME/sello/federations.json     [{id, name, url, fingerprint, root}]
//! $XDG_CONFIG_HOME/sello/roots/<id>.json      the pinned root documents
//! $XDG_CACHE_HOME/sello/bundles/<id>.<root>.json the last bundle accepted, with ETag/Last-Modified
//! $XDG_STATE_HOME/sello/federations/<id>.<root>.json the ratchet (FORMAT.md §5.9.6)
//! ```

use crate::cli::TrustCommand;
use crate::failure::Failure;
use crate::fetch::{Cache, CacheError, Cached, Client, FetchError, Fetched};
use crate::i18n::{escaped, path_of, tr};
use sello_core::federation::{MAX_BUNDLE_BYTES, RootDocument};
use sello_core::untrusted::quote;
use sello_verifier::federation::{AcceptedBundle, FederationError, Policy, StateDir};
use std::path::{Path, PathBuf};

/// Largest configuration file.
pub const MAX_CONFIG_BYTES: usize = 256 * 1024;
/// Most federations configured.
pub const MAX_FEDERATIONS: usize = 64;

/// Why the configuration could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file is not a configuration (bad JSON, unknown members, too large).
    #[error("{}", tr("config-syntax", &[("path", path_of(.path).into()), ("error", .error.as_str().into())]))]
    Syntax {
        /// The file.
        path: PathBuf,
        /// What the parser said.
        error: String,
    },
    /// A federation's entry breaks a rule.
    #[error("{}", tr("config-entry", &[("path", path_of(.path).into()), ("n", (*.n).into()), ("field", (*.field).into())]))]
    Entry {
        /// The file.
        path: PathBuf,
        /// The entry, from 1.
        n: usize,
        /// The member that is wrong.
        field: &'static str,
    },
    /// More federations than [`MAX_FEDERATIONS`].
    #[error("{}", tr("config-too-many", &[("path", path_of(.0).into()), ("max", MAX_FEDERATIONS.into())]))]
    TooMany(PathBuf),
    /// Two entries with one id.
    #[error("{}", tr("config-duplicate", &[("path", path_of(.path).into()), ("id", .id.as_str().into())]))]
    Duplicate {
        /// The file.
        path: PathBuf,
        /// The id (escaped).
        id: String,
    },
}

/// One trusted federation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The federation id.
    pub id: String,
    /// Its display name, from the pinned root.
    pub name: String,
    /// Its trust bundle's URL.
    pub url: String,
    /// The pinned root's fingerprint (SHA-256 of its payload, lower-case hex).
    pub fingerprint: String,
    /// The pinned root document's file, relative to the configuration's folder.
    pub root: String,
}

/// The configuration file.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The federations trusted, in the order added.
    pub federations: Vec<Entry>,
}

impl Config {
    /// Parses and checks a configuration read from `path`.
    pub fn parse(bytes: &[u8], path: &Path) -> Result<Config, ConfigError> {
        let config: Config = sello_core::json::parse_strict_object(
            bytes,
            MAX_CONFIG_BYTES,
            sello_core::json::Arrays::Allowed,
        )
        .map_err(|e| ConfigError::Syntax {
            path: path.to_owned(),
            error: e.to_string(),
        })?;
        config.check(path)?;
        Ok(config)
    }

    fn check(&self, path: &Path) -> Result<(), ConfigError> {
        if self.federations.len() > MAX_FEDERATIONS {
            return Err(ConfigError::TooMany(path.to_owned()));
        }
        for (i, e) in self.federations.iter().enumerate() {
            let bad = |field| ConfigError::Entry {
                path: path.to_owned(),
                n: i + 1,
                field,
            };
            if e.id.is_empty() || e.id.len() > 128 || !e.id.bytes().all(|b| b.is_ascii_graphic()) {
                return Err(bad("id"));
            }
            if e.name.is_empty() || e.name.chars().count() > 200 {
                return Err(bad("name"));
            }
            if crate::fetch::check_url(&e.url).is_err() {
                return Err(bad("url"));
            }
            if fingerprint(&e.fingerprint).as_deref() != Some(e.fingerprint.as_str()) {
                return Err(bad("fingerprint"));
            }
            if e.root.is_empty() || e.root.len() > 1024 {
                return Err(bad("root"));
            }
            if self.federations[..i].iter().any(|o| o.id == e.id) {
                return Err(ConfigError::Duplicate {
                    path: path.to_owned(),
                    id: quote(&e.id),
                });
            }
        }
        Ok(())
    }

    /// The entry of `id`.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.federations.iter().find(|e| e.id == id)
    }
}

/// A fingerprint as given (hex, any case, with `:` or spaces between bytes allowed), in the
/// form the ceremony prints: 64 lower-case hex digits.
pub fn fingerprint(given: &str) -> Option<String> {
    let hex: String = given
        .chars()
        .filter(|c| !matches!(c, ':' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit())).then_some(hex)
}

/// The configuration's folder: `$XDG_CONFIG_HOME/sello`, else `~/.config/sello`.
fn config_dir() -> Result<PathBuf, Failure> {
    crate::fetch::xdg_dir("XDG_CONFIG_HOME", &[".config"])
        .map(|d| d.join("sello"))
        .ok_or_else(|| Failure::usage(tr!("trust-no-config-dir")))
}

fn config_path(dir: &Path) -> PathBuf {
    dir.join("federations.json")
}

/// The configuration in `dir` (none written yet: an empty one).
fn load_config(dir: &Path) -> Result<Config, Failure> {
    let path = config_path(dir);
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => return Err(Failure::io(&path, &e)),
    };
    let bytes =
        sello_core::read_capped(file, MAX_CONFIG_BYTES + 1).map_err(|e| Failure::io(&path, &e))?;
    Config::parse(&bytes, &path).map_err(|e| Failure::usage(e.to_string()))
}

/// Holds the configuration's lock (`federations.lock`) until dropped: two `sello trust add`
/// or `remove` at once take turns, so that neither writes back a list without the other's
/// change.
fn lock_config(dir: &Path) -> Result<std::fs::File, Failure> {
    std::fs::create_dir_all(dir).map_err(|e| Failure::io(dir, &e))?;
    let path = dir.join("federations.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Failure::io(&path, &e))?;
    file.lock().map_err(|e| Failure::io(&path, &e))?;
    Ok(file)
}

fn store_config(dir: &Path, config: &Config) -> Result<(), Failure> {
    std::fs::create_dir_all(dir).map_err(|e| Failure::io(dir, &e))?;
    let path = config_path(dir);
    let mut text = serde_json::to_string_pretty(config).expect("configurations serialise");
    text.push('\n');
    sello_issuer::write_atomic(&path, text.as_bytes(), sello_issuer::PUBLIC)
        .map_err(|e| Failure::io(&path, &e))
}

impl From<FetchError> for Failure {
    fn from(e: FetchError) -> Failure {
        match e {
            FetchError::NotHttps(_) | FetchError::BadUrl(_) | FetchError::CaBad(_) => {
                Failure::Usage(e.to_string())
            }
            FetchError::CaIo { path, source } => Failure::io(&path, &source),
            other => Failure::Io(other.to_string()),
        }
    }
}

fn warn(text: &str) {
    eprintln!("sello: {}: {}", tr!("warning-prefix"), text);
}

/// The cache, or none (with a warning) when there is nowhere to keep it.
fn cache() -> Option<Cache> {
    let cache = Cache::default_dir().map(Cache::new);
    if cache.is_none() {
        warn(&tr!("cache-no-dir"));
    }
    cache
}

/// Accepts `text` against `pinned` (FORMAT.md §5.9.5), then advances the ratchet; a refusal
/// names `source`.
pub fn accept(
    pinned: &RootDocument,
    text: &str,
    at: i64,
    policy: Policy,
    source: &str,
) -> Result<AcceptedBundle, Failure> {
    let accepted = sello_verifier::federation::accept_bundle(pinned, text, at, policy)
        .map_err(|e| Failure::usage(format!("{source}: {e}")))?;
    StateDir::new(crate::cmd::federation::state_dir()?)
        .advance(&accepted)
        .map_err(|e| match e {
            FederationError::StateIo { .. } => Failure::from(e),
            other => Failure::usage(format!("{source}: {other}")),
        })?;
    Ok(accepted)
}

/// The bundle of `pinned`'s federation at `url`: fetched (a conditional request when the
/// cache holds a copy from that URL; `304` uses the copy), else, when the fetch fails, the
/// copy in the cache with a warning. Either way it is accepted as a bundle file would be
/// (signature, freshness policy, ratchet); a bundle accepted from the network is kept.
pub fn bundle_from_url(
    pinned: &RootDocument,
    url: &str,
    at: i64,
    policy: Policy,
    client: &Client,
) -> Result<AcceptedBundle, Failure> {
    crate::fetch::check_url(url)?;
    let (federation, fingerprint) = (&pinned.claims.federation, pinned.fingerprint());
    let cache = cache();
    let cached = match cache.as_ref().map(|c| c.load(federation, &fingerprint)) {
        Some(Ok(c)) => c,
        Some(Err(e)) => {
            warn(&e.to_string());
            None
        }
        None => None,
    };
    let known = cached
        .as_ref()
        .filter(|c| c.url == url)
        .map(Cached::validators)
        .filter(|v| v.etag.is_some() || v.last_modified.is_some());
    let shown = escaped(url);
    match client.get(url, MAX_BUNDLE_BYTES, known.as_ref()) {
        Ok(Fetched::New { text, validators }) => {
            let accepted = accept(pinned, &text, at, policy, &shown)?;
            if let Some(cache) = &cache {
                let entry = Cached {
                    url: url.to_owned(),
                    etag: validators.etag,
                    last_modified: validators.last_modified,
                    bundle: text,
                };
                if let Err(e) = cache.store(federation, &fingerprint, &entry) {
                    warn(&e.to_string());
                }
            }
            Ok(accepted)
        }
        Ok(Fetched::NotModified) => {
            let copy = cached.expect("validators are only sent with a copy");
            accept(pinned, &copy.bundle, at, policy, &shown)
        }
        Err(e) => {
            let Some(copy) = cached else {
                return Err(e.into());
            };
            let from = cache
                .as_ref()
                .map(|c| c.path(federation, &fingerprint))
                .unwrap_or_default();
            // Refused, the copy's reason comes after the fetch's: both are news.
            let accepted = accept(pinned, &copy.bundle, at, policy, &path_of(&from))
                .map_err(|refused| Failure::usage(format!("{e}. {}", refused.message())))?;
            warn(&tr!(
                "fetch-using-cache",
                error = e.to_string(),
                seq = accepted.claims.seq,
                as_of = sello_verifier::federation::date(accepted.claims.iat)
            ));
            Ok(accepted)
        }
    }
}

/// The verifier of the configured federation (`sello verify` with neither `--keys` nor
/// `--trust`): `None` when none is configured. With several, `choose` names one.
pub fn configured_bundle(
    choose: Option<&str>,
    at: i64,
    policy: Policy,
    ca_file: Option<&Path>,
) -> Result<Option<AcceptedBundle>, Failure> {
    let dir = match config_dir() {
        Ok(dir) => dir,
        Err(_) if choose.is_none() => return Ok(None),
        Err(e) => return Err(e),
    };
    let config = load_config(&dir)?;
    let entry = match (choose, config.federations.as_slice()) {
        (None, []) => return Ok(None),
        (None, [one]) => one,
        (None, _) => {
            let ids: Vec<&str> = config.federations.iter().map(|e| e.id.as_str()).collect();
            return Err(Failure::usage(tr!(
                "trust-choose",
                ids = escaped(&ids.join(", "))
            )));
        }
        (Some(id), _) => config
            .get(id)
            .ok_or_else(|| Failure::usage(tr!("trust-unknown", id = escaped(id))))?,
    };
    let root_path = dir.join(&entry.root);
    let bytes = crate::shared::read_capped(&root_path, sello_core::federation::MAX_ROOT_BYTES)?;
    let pinned = sello_verifier::federation::pinned_root(&bytes)
        .map_err(|e| Failure::usage(format!("{}: {e}", path_of(&root_path))))?;
    if pinned.claims.federation != entry.id || pinned.fingerprint() != entry.fingerprint {
        return Err(Failure::usage(tr!(
            "trust-root-changed",
            path = path_of(&root_path),
            id = escaped(&entry.id)
        )));
    }
    let client = Client::new(ca_file)?;
    bundle_from_url(&pinned, &entry.url, at, policy, &client).map(Some)
}

/// Runs `sello trust …`.
pub fn run(cmd: TrustCommand) -> Result<u8, Failure> {
    match cmd {
        TrustCommand::Add {
            url,
            root_fingerprint,
            ca,
        } => add(&url, &root_fingerprint, ca.ca_file.as_deref()),
        TrustCommand::List => list(),
        TrustCommand::Remove { id } => remove(&id),
    }
}

fn add(url: &str, given: &str, ca_file: Option<&Path>) -> Result<u8, Failure> {
    let Some(wanted) = fingerprint(given) else {
        return Err(Failure::usage(tr!(
            "trust-bad-fingerprint",
            given = escaped(given)
        )));
    };
    crate::fetch::check_url(url)?;
    let dir = config_dir()?;
    let _lock = lock_config(&dir)?;
    let mut config = load_config(&dir)?;
    if config.federations.len() >= MAX_FEDERATIONS {
        return Err(Failure::usage(tr!("trust-full", max = MAX_FEDERATIONS)));
    }
    let client = Client::new(ca_file)?;
    let shown = escaped(url);
    let (text, validators) = match client.get(url, MAX_BUNDLE_BYTES, None)? {
        Fetched::New { text, validators } => (text, validators),
        // Never for a request without validators; refused like any other status.
        Fetched::NotModified => {
            return Err(FetchError::Status {
                url: quote(url),
                status: 304,
            }
            .into());
        }
    };
    let bundle = sello_core::federation::decode_bundle(&text)
        .map_err(|e| Failure::usage(format!("{shown}: {e}")))?;
    let roots = &bundle.claims.roots;
    let Some(doc) = roots.iter().find(|d| d.fingerprint() == wanted) else {
        let carried: Vec<String> = roots
            .iter()
            .map(|d| {
                tr!(
                    "trust-root-carried",
                    version = d.claims.version,
                    fingerprint = d.fingerprint()
                )
            })
            .collect();
        return Err(Failure::usage(if carried.is_empty() {
            tr!("trust-no-roots", url = shown, given = wanted)
        } else {
            tr!(
                "trust-fingerprint-mismatch",
                url = shown,
                given = wanted,
                carried = carried.join("; ")
            )
        }));
    };
    let id = bundle.claims.federation.clone();
    if config.get(&id).is_some() {
        return Err(Failure::usage(tr!("trust-exists", id = escaped(&id))));
    }
    // The document the fingerprint names must stand on its own: signed by its own threshold.
    let root_json = doc.to_json();
    let pinned = sello_verifier::federation::pinned_root(root_json.as_bytes())
        .map_err(|e| Failure::usage(format!("{shown}: {e}")))?;
    let now = sello_issuer::now();
    let accepted = accept(&pinned, &text, now, Policy::default(), &shown)?;
    if let Some(cache) = cache() {
        let entry = Cached {
            url: url.to_owned(),
            etag: validators.etag,
            last_modified: validators.last_modified,
            bundle: text.clone(),
        };
        if let Err(e) = cache.store(&id, &wanted, &entry) {
            warn(&e.to_string());
        }
    }
    let root_file = format!("roots/{}.json", sello_core::b64::encode(id.as_bytes()));
    let root_path = dir.join(&root_file);
    std::fs::create_dir_all(dir.join("roots")).map_err(|e| Failure::io(&dir, &e))?;
    sello_issuer::write_atomic(&root_path, root_json.as_bytes(), sello_issuer::PUBLIC)
        .map_err(|e| Failure::io(&root_path, &e))?;
    let name = pinned.claims.name.clone();
    config.federations.push(Entry {
        id: id.clone(),
        name: name.clone(),
        url: url.to_owned(),
        fingerprint: wanted.clone(),
        root: root_file,
    });
    store_config(&dir, &config)?;
    println!(
        "{}",
        tr!(
            "trust-added",
            name = escaped(&name),
            id = escaped(&id),
            version = pinned.claims.version,
            fingerprint = wanted,
            seq = accepted.claims.seq,
            as_of = sello_verifier::federation::date(accepted.claims.iat),
            issuers = accepted.claims.issuers.len()
        )
    );
    println!("{}", tr!("trust-added-hint"));
    Ok(0)
}

fn list() -> Result<u8, Failure> {
    let dir = config_dir()?;
    let config = load_config(&dir)?;
    if config.federations.is_empty() {
        println!("{}", tr!("trust-none"));
        return Ok(0);
    }
    for e in &config.federations {
        println!(
            "{}",
            tr!(
                "trust-entry",
                id = escaped(&e.id),
                name = escaped(&e.name),
                url = escaped(&e.url),
                fingerprint = escaped(&e.fingerprint)
            )
        );
        // The copy kept, as it was when accepted (it is checked again whenever it is used).
        let kept = Cache::default_dir()
            .map(Cache::new)
            .and_then(|c| c.load(&e.id, &e.fingerprint).ok().flatten());
        let claims = kept
            .as_ref()
            .and_then(|k| sello_core::federation::decode_bundle(&k.bundle).ok())
            .map(|b| b.claims);
        match claims {
            Some(c) => println!(
                "  {}",
                tr!(
                    "trust-entry-kept",
                    seq = c.seq,
                    as_of = sello_verifier::federation::date(c.iat),
                    until = sello_verifier::federation::date(c.fresh_until)
                )
            ),
            None => println!("  {}", tr!("trust-entry-none-kept")),
        }
    }
    Ok(0)
}

fn remove(id: &str) -> Result<u8, Failure> {
    let dir = config_dir()?;
    let _lock = lock_config(&dir)?;
    let mut config = load_config(&dir)?;
    let Some(i) = config.federations.iter().position(|e| e.id == id) else {
        return Err(Failure::usage(tr!("trust-unknown", id = escaped(id))));
    };
    let entry = config.federations.remove(i);
    store_config(&dir, &config)?;
    let root = dir.join(&entry.root);
    if let Err(e) = std::fs::remove_file(&root)
        && e.kind() != std::io::ErrorKind::NotFound
    {
        warn(Failure::io(&root, &e).message());
    }
    if let Some(cache) = Cache::default_dir().map(Cache::new)
        && let Err(e) = cache.remove(id, &entry.fingerprint)
    {
        warn(&e.to_string());
    }
    println!("{}", tr!("trust-removed", id = escaped(id)));
    Ok(0)
}

impl From<CacheError> for Failure {
    fn from(e: CacheError) -> Failure {
        match e {
            CacheError::Io { path, source } => Failure::io(&path, &source),
            CacheError::Corrupt(_) => Failure::Usage(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str) -> Entry {
        Entry {
            id: id.into(),
            name: "CONOCER".into(),
            url: "https://example.invalid/trust.jwt".into(),
            fingerprint: "ab".repeat(32),
            root: "roots/bXguY29ub2Nlcg.json".into(),
        }
    }

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text.as_bytes(), Path::new("federations.json"))
    }

    #[test]
    fn a_configuration_round_trips() {
        let config = Config {
            federations: vec![entry("mx.conocer"), entry("mx.otra")],
        };
        let text = serde_json::to_string_pretty(&config).unwrap();
        assert_eq!(parse(&text).unwrap(), config);
        assert_eq!(parse(r#"{"federations":[]}"#).unwrap(), Config::default());
        assert_eq!(
            parse(&text).unwrap().get("mx.otra"),
            Some(&entry("mx.otra"))
        );
    }

    #[test]
    fn a_configuration_breaking_a_rule_is_refused_by_name() {
        let good = serde_json::to_value(Config {
            federations: vec![entry("mx.conocer")],
        })
        .unwrap();
        let with = |field: &str, value: serde_json::Value| {
            let mut v = good.clone();
            v["federations"][0][field] = value;
            v.to_string()
        };
        for (field, value) in [
            ("id", "".into()),
            ("id", "mx conocer".into()),
            ("name", "".into()),
            ("name", "x".repeat(201).into()),
            ("url", "http://example.invalid/trust.jwt".into()),
            ("url", "trust.jwt".into()),
            ("fingerprint", "AB".repeat(32).into()),
            ("fingerprint", "ab".repeat(31).into()),
            ("root", "".into()),
        ] {
            let text = with(field, value);
            match parse(&text) {
                Err(ConfigError::Entry { n: 1, field: f, .. }) => assert_eq!(f, field, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
        for text in [
            with("extra", "x".into()),
            r#"{"federations":[],"other":1}"#.to_owned(),
            r#"{}"#.to_owned(),
            r#"[]"#.to_owned(),
            r#"{"federations":[],"federations":[]}"#.to_owned(),
            "{".to_owned(),
            format!(
                r#"{{"federations":[],"x":"{}"}}"#,
                "a".repeat(MAX_CONFIG_BYTES)
            ),
        ] {
            assert!(
                matches!(parse(&text), Err(ConfigError::Syntax { .. })),
                "{text}"
            );
        }
        let twice = Config {
            federations: vec![entry("mx.conocer"), entry("mx.conocer")],
        };
        assert!(matches!(
            parse(&serde_json::to_string(&twice).unwrap()),
            Err(ConfigError::Duplicate { .. })
        ));
        let many = Config {
            federations: (0..=MAX_FEDERATIONS)
                .map(|i| entry(&format!("mx.f{i}")))
                .collect(),
        };
        assert!(matches!(
            parse(&serde_json::to_string(&many).unwrap()),
            Err(ConfigError::TooMany(_))
        ));
    }

    #[test]
    fn fingerprints_are_read_as_the_ceremony_prints_them() {
        let hex = "0123456789abcdef".repeat(4);
        assert_eq!(fingerprint(&hex).as_deref(), Some(hex.as_str()));
        assert_eq!(
            fingerprint(&hex.to_ascii_uppercase()).as_deref(),
            Some(hex.as_str())
        );
        let spaced: Vec<String> = hex
            .as_bytes()
            .chunks(2)
            .map(|c| String::from_utf8(c.to_vec()).unwrap())
            .collect();
        assert_eq!(
            fingerprint(&spaced.join(":")).as_deref(),
            Some(hex.as_str())
        );
        for bad in ["", "abc", &hex[1..], &format!("{hex}0"), &"g".repeat(64)] {
            assert_eq!(fingerprint(bad), None, "{bad}");
        }
    }
}
