//! `sello federation …`: a federation's registry (init, accredit, suspend, publish, the root
//! ceremony), and the verifier built from a pinned root and a trust bundle for `sello verify`.

use crate::cli::{FederationCommand, RotateRootCommand};
use crate::failure::Failure;
use crate::i18n::{escaped, path_of};
use crate::shared::{ask_passphrase, bad_date, passphrase, read_capped};
use sello_core::federation::{MAX_BUNDLE_BYTES, MAX_ROOT_BYTES, RootDocument};
use sello_core::zone::Zone;
use sello_issuer::KeyStoreError;
use sello_issuer::dates as when;
use sello_issuer::federation::{
    self as registry, Init, RegistryDir, RegistryError, Rotation, payload_hash,
};
use sello_issuer::{PUBLIC, write_atomic};
use sello_verifier::Verifier;
use sello_verifier::federation::{AcceptedBundle, FederationError, Policy};
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// Largest status-list file read for a bundle.
const MAX_STATUS_FILE: usize = 4 << 20;
/// Most status-list files read from `--status`.
const MAX_STATUS_FILES: usize = sello_core::federation::MAX_ISSUERS * 2;

impl From<RegistryError> for Failure {
    fn from(e: RegistryError) -> Failure {
        let message = e.to_string();
        match e {
            RegistryError::Io { path, source } => Failure::io(&path, &source),
            RegistryError::Key(e) => e.into(),
            RegistryError::WeakPassphrase(w) => KeyStoreError::WeakPassphrase(w).into(),
            RegistryError::Exists(_)
            | RegistryError::NotARegistry(_)
            | RegistryError::RootPassphrases { .. }
            | RegistryError::Root(_)
            | RegistryError::NoStandards
            | RegistryError::Standard { .. }
            | RegistryError::Window
            | RegistryError::UnknownIssuer(_)
            | RegistryError::Reason(_)
            | RegistryError::ValidDays
            | RegistryError::NoRootKey(_)
            | RegistryError::NothingToCombine => Failure::Usage(message),
            RegistryError::SelfCheck(_) => Failure::Internal(message),
            _ => Failure::Data(message),
        }
    }
}

impl From<FederationError> for Failure {
    fn from(e: FederationError) -> Failure {
        match e {
            FederationError::StateIo { path, source } => Failure::io(&path, &source),
            other => Failure::Usage(other.to_string()),
        }
    }
}

/// A time given on the command line: dates are days in UTC, as bundles show them.
fn instant(text: &str) -> Result<i64, Failure> {
    when::parse_instant(text, &Zone::utc()).map_err(|e| bad_date(&e))
}

fn day(t: i64) -> String {
    sello_verifier::federation::date(t)
}

/// A passphrase for a new root key: `SELLO_ROOT_PASSPHRASE_<n>` (else `SELLO_ROOT_PASSPHRASE`
/// when `n` is 0), or asked twice on the terminal.
fn new_root_passphrase(n: usize, of: usize, known: &[&str]) -> Result<Zeroizing<String>, Failure> {
    let var = if n == 0 {
        "SELLO_ROOT_PASSPHRASE".to_owned()
    } else {
        ["SELLO_ROOT_PASSPHRASE_", &n.to_string()].concat()
    };
    if let Ok(p) = std::env::var(&var) {
        let p = Zeroizing::new(p);
        sello_issuer::check_passphrase(&p, known)
            .map_err(|w| Failure::from(KeyStoreError::WeakPassphrase(w)))?;
        return Ok(p);
    }
    let prompt = if n == 0 {
        tr!("fed-root-passphrase-new")
    } else {
        tr!("fed-root-passphrase-holder", n = n, of = of)
    };
    let pass = ask_passphrase(&prompt)?;
    sello_issuer::check_passphrase(&pass, known)
        .map_err(|w| Failure::from(KeyStoreError::WeakPassphrase(w)))?;
    if *ask_passphrase(&tr!("passphrase-again"))? != *pass {
        return Err(Failure::Key(tr!("passphrase-mismatch")));
    }
    Ok(pass)
}

fn write_public(path: &Path, text: &str) -> Result<(), Failure> {
    write_atomic(path, text.as_bytes(), PUBLIC).map_err(|e| Failure::io(path, &e))
}

/// The status-list files of a folder (`*.jwt`, not in sub-folders), with their text.
fn status_files(dir: &Path) -> Result<Vec<(PathBuf, String)>, Failure> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Failure::io(dir, &e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jwt") && p.is_file())
        .collect();
    if paths.len() > MAX_STATUS_FILES {
        return Err(Failure::usage(tr!(
            "fed-status-too-many",
            path = path_of(dir),
            max = MAX_STATUS_FILES
        )));
    }
    paths.sort();
    let mut out = Vec::with_capacity(paths.len());
    for path in paths {
        let bytes = read_capped(&path, MAX_STATUS_FILE)?;
        let text = String::from_utf8(bytes)
            .map_err(|_| Failure::Data(tr!("fed-not-text", path = path_of(&path))))?;
        out.push((path, text));
    }
    Ok(out)
}

/// Runs a federation subcommand.
pub fn run(cmd: FederationCommand) -> Result<u8, Failure> {
    match cmd {
        FederationCommand::Init {
            dir,
            id,
            name,
            url,
            root_keys,
            threshold,
        } => {
            let known = [id.as_str(), name.as_str()];
            let registry_pass = crate::shared::new_passphrase("SELLO_PASSPHRASE", &known)?;
            let n = usize::from(root_keys);
            let mut root_passes = Vec::with_capacity(n);
            for i in 1..=n {
                root_passes.push(new_root_passphrase(i, n, &known)?);
            }
            let passes: Vec<&str> = root_passes.iter().map(|p| p.as_str()).collect();
            let init = Init {
                federation: id,
                name,
                verify_url: url,
                root_keys: n,
                threshold: usize::from(threshold),
            };
            let (dir_, created) =
                RegistryDir::init(&dir, &init, &registry_pass, &passes, sello_issuer::now())?;
            println!(
                "{}",
                tr!(
                    "fed-init-done",
                    name = escaped(dir_.name()),
                    id = escaped(dir_.federation()),
                    keys = n,
                    threshold = usize::from(threshold)
                )
            );
            println!(
                "{}",
                tr!("fed-init-registry", kid = escaped(dir_.registry_kid()))
            );
            for (i, holder) in created.holder_dirs.iter().enumerate() {
                println!(
                    "{}",
                    tr!("fed-init-holder", n = i + 1, path = path_of(holder))
                );
            }
            println!(
                "{}",
                tr!("fed-root-hash", hash = payload_hash(&created.root))
            );
            println!(
                "{}",
                tr!("fed-init-pin", path = path_of(&dir.join("root.json")))
            );
            Ok(0)
        }
        FederationCommand::Accredit {
            dir,
            keys,
            standards,
            from,
            until,
        } => {
            let from = instant(&from)?;
            let until = until.as_deref().map(instant).transpose()?;
            let mut registry = RegistryDir::open(&dir)?;
            let key_set = registry::read_key_set(&keys)?;
            let standards: Vec<String> = standards
                .iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect();
            let name = key_set.issuer.name.clone();
            let done = registry.accredit(key_set, &standards, from, until)?;
            let id = if done.updated {
                "fed-accredit-updated"
            } else {
                "fed-accredited"
            };
            println!(
                "{}",
                crate::i18n::tr(
                    id,
                    &[
                        ("name", escaped(&name).as_str().into()),
                        ("issuer", escaped(&done.issuer).as_str().into()),
                        ("standards", escaped(&done.added.join(", ")).as_str().into()),
                        ("count", done.added.len().into()),
                        ("from", day(from).as_str().into()),
                    ],
                )
            );
            if !done.kept.is_empty() {
                println!(
                    "{}",
                    tr!(
                        "fed-accredit-kept",
                        standards = escaped(&done.kept.join(", "))
                    )
                );
            }
            println!("{}", tr!("fed-publish-hint"));
            Ok(0)
        }
        FederationCommand::Suspend {
            dir,
            issuer,
            from,
            reason,
        } => {
            let from = instant(&from)?;
            let mut registry = RegistryDir::open(&dir)?;
            registry.suspend(&issuer, from, &reason)?;
            println!(
                "{}",
                tr!(
                    "fed-suspended",
                    issuer = escaped(&issuer),
                    from = day(from),
                    reason = escaped(&reason)
                )
            );
            println!("{}", tr!("fed-publish-hint"));
            Ok(0)
        }
        FederationCommand::Publish {
            dir,
            status,
            valid_days,
            out,
        } => {
            let mut registry = RegistryDir::open(&dir)?;
            let lists = match &status {
                Some(folder) => status_files(folder)?,
                None => Vec::new(),
            };
            let pass = passphrase()?;
            let published = registry.publish(&pass, &lists, sello_issuer::now(), valid_days)?;
            drop(pass);
            for path in &published.ignored {
                eprintln!(
                    "sello: {}: {}",
                    tr!("warning-prefix"),
                    tr!("fed-status-ignored", path = path_of(path))
                );
            }
            for issuer in &published.expired_status {
                eprintln!(
                    "sello: {}: {}",
                    tr!("warning-prefix"),
                    tr!("fed-status-expired", issuer = escaped(issuer))
                );
            }
            for issuer in &published.without_status {
                eprintln!(
                    "sello: {}: {}",
                    tr!("warning-prefix"),
                    tr!("fed-status-missing", issuer = escaped(issuer))
                );
            }
            write_public(&out, &format!("{}\n", published.text))?;
            println!(
                "{}",
                tr!(
                    "fed-published",
                    seq = published.seq,
                    path = path_of(&out),
                    issuers = registry.issuers().len(),
                    status = published.with_status.len(),
                    until = day(published.fresh_until)
                )
            );
            Ok(0)
        }
        FederationCommand::RotateRoot(cmd) => rotate_root(cmd),
    }
}

fn rotate_root(cmd: RotateRootCommand) -> Result<u8, Failure> {
    match cmd {
        RotateRootCommand::Keygen { out } => {
            let pass = new_root_passphrase(0, 1, &[])?;
            let key = registry::root_keygen(&out, &pass)?;
            println!(
                "{}",
                tr!(
                    "fed-root-keygen",
                    kid = escaped(&key.kid),
                    path = path_of(&out.join(format!("{}.p8", key.kid))),
                    public = path_of(&out.join([key.kid.as_str(), ".pub.json"].concat()))
                )
            );
            Ok(0)
        }
        RotateRootCommand::Prepare {
            dir,
            add_root_key,
            remove_root_key,
            threshold,
            new_registry_key,
            out,
        } => {
            let registry = RegistryDir::open(&dir)?;
            let add_root_keys = add_root_key
                .iter()
                .map(|p| registry::read_public_key(p))
                .collect::<Result<Vec<_>, _>>()?;
            let registry_key = if new_registry_key {
                let pass = crate::shared::new_passphrase(
                    "SELLO_NEW_PASSPHRASE",
                    &[registry.federation(), registry.name()],
                )?;
                let key = registry.new_registry_key(&pass)?;
                println!("{}", tr!("fed-new-registry-key", kid = key.kid.as_str()));
                Some(key)
            } else {
                None
            };
            let rotation = Rotation {
                add_root_keys,
                remove_root_keys: remove_root_key,
                threshold: threshold.map(usize::from),
                registry_key,
            };
            let doc = registry.prepare_rotation(&rotation, sello_issuer::now())?;
            let out = out.unwrap_or_else(|| dir.join("next-root.json"));
            write_public(&out, &doc.to_json())?;
            let c = &doc.claims;
            println!(
                "{}",
                tr!(
                    "fed-prepared",
                    version = c.version,
                    path = path_of(&out),
                    keys = c.root_keys.len(),
                    threshold = c.root_threshold,
                    old_threshold = registry.root().claims.root_threshold
                )
            );
            println!("{}", tr!("fed-root-hash", hash = payload_hash(&doc)));
            Ok(0)
        }
        RotateRootCommand::Sign {
            root,
            key,
            previous,
        } => {
            let mut doc = registry::read_root(&root)?;
            let previous = previous.as_deref().map(registry::read_root).transpose()?;
            // The hash first, so that the holder compares it before typing the passphrase.
            println!("{}", tr!("fed-root-hash", hash = payload_hash(&doc)));
            let pass = match std::env::var("SELLO_ROOT_PASSPHRASE") {
                Ok(p) => Zeroizing::new(p),
                Err(_) => ask_passphrase(&tr!("fed-root-passphrase"))?,
            };
            let kid = registry::sign_root(&mut doc, &key, &pass, previous.as_ref())?;
            drop(pass);
            write_public(&root, &doc.to_json())?;
            println!(
                "{}",
                tr!(
                    "fed-signed",
                    kid = escaped(&kid),
                    path = path_of(&root),
                    version = doc.claims.version
                )
            );
            Ok(0)
        }
        RotateRootCommand::Combine { dir, copies } => {
            let mut registry = RegistryDir::open(&dir)?;
            let docs = copies
                .iter()
                .map(|p| registry::read_root(p))
                .collect::<Result<Vec<RootDocument>, _>>()?;
            let doc = registry.combine(&docs)?;
            println!(
                "{}",
                tr!(
                    "fed-combined",
                    version = doc.claims.version,
                    signatures = doc.signatures.len(),
                    path = path_of(&dir.join("root.json"))
                )
            );
            println!("{}", tr!("fed-root-hash", hash = payload_hash(&doc)));
            Ok(0)
        }
    }
}

/// The folder of the ratchet records: `$XDG_STATE_HOME/sello/federations`, else
/// `~/.local/state/sello/federations` (FORMAT.md §5.9.6). A relative `XDG_STATE_HOME` is
/// ignored, as the XDG specification says.
pub fn state_dir() -> Result<PathBuf, Failure> {
    crate::fetch::xdg_dir("XDG_STATE_HOME", &[".local", "state"])
        .map(|base| base.join("sello").join("federations"))
        .ok_or_else(|| Failure::usage(tr!("fed-no-state-dir")))
}

/// A duration: a whole number with `s`, `m`, `h` or `d`, or plain seconds.
pub fn parse_duration(text: &str) -> Result<i64, Failure> {
    let t = text.trim();
    let (digits, unit) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&t[..i], c.to_ascii_lowercase()),
        _ => (t, 's'),
    };
    let scale = match unit {
        's' => 1,
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        _ => 0,
    };
    digits
        .parse::<i64>()
        .ok()
        .filter(|n| *n >= 0 && scale > 0 && digits.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.checked_mul(scale))
        .ok_or_else(|| Failure::usage(tr!("fed-bad-duration", given = escaped(text))))
}

/// With `--trust`, the trust store is the bundle's: `--keys` given on the command line is
/// refused, but key sets that only come from `SELLO_KEYS` (exported for other runs) are left
/// aside.
pub fn no_keys_with_a_bundle(keys: &[PathBuf]) -> Result<(), Failure> {
    let from_env: Vec<PathBuf> = std::env::var_os("SELLO_KEYS")
        .map(|v| v.to_string_lossy().split(':').map(PathBuf::from).collect())
        .unwrap_or_default();
    if keys.is_empty() || keys == from_env.as_slice() {
        return Ok(());
    }
    Err(Failure::usage(tr!("fed-trust-and-keys")))
}

/// The verifier of `sello verify --trust ROOT --bundle BUNDLE`: the pinned root, the bundle
/// (a file, or an `https://` URL fetched through the cache: `cmd::trust::bundle_from_url`)
/// accepted at `at` (FORMAT.md §5.9.5), then the ratchet advanced in the state folder.
pub fn bundle_verifier(
    root: &Path,
    bundle: &str,
    at: i64,
    leeway: i64,
    max_age: Option<&str>,
    ca_file: Option<&Path>,
) -> Result<Verifier, Failure> {
    let accepted = accepted_bundle(root, bundle, at, leeway, max_age, ca_file)?;
    verifier_of(accepted, at, leeway)
}

/// The bundle of `--trust ROOT --bundle BUNDLE` (a file or an `https://` URL), accepted at
/// `at` against the pinned root, the ratchet advanced.
pub fn accepted_bundle(
    root: &Path,
    bundle: &str,
    at: i64,
    leeway: i64,
    max_age: Option<&str>,
    ca_file: Option<&Path>,
) -> Result<AcceptedBundle, Failure> {
    let max_age = max_age.map(parse_duration).transpose()?;
    let pinned = sello_verifier::federation::pinned_root(&read_capped(root, MAX_ROOT_BYTES)?)
        .map_err(|e| Failure::usage(format!("{}: {e}", path_of(root))))?;
    let policy = Policy { leeway, max_age };
    let accepted = if crate::fetch::is_url(bundle) {
        let client = crate::fetch::Client::new(ca_file)?;
        crate::cmd::trust::bundle_from_url(&pinned, bundle, at, policy, &client)?
    } else {
        let path = Path::new(bundle);
        let text = String::from_utf8(read_capped(path, MAX_BUNDLE_BYTES)?)
            .map_err(|_| Failure::usage(tr!("fed-not-text", path = path_of(path))))?;
        crate::cmd::trust::accept(&pinned, &text, at, policy, &path_of(path))?
    };
    Ok(accepted)
}

/// The verifier of an accepted bundle, with a warning when the bundle is stale at `at`.
pub fn verifier_of(accepted: AcceptedBundle, at: i64, leeway: i64) -> Result<Verifier, Failure> {
    if !accepted.is_fresh(at) {
        eprintln!(
            "sello: {}: {}",
            tr!("warning-prefix"),
            tr!(
                "fed-bundle-stale",
                as_of = day(accepted.claims.iat),
                until = day(accepted.claims.fresh_until)
            )
        );
    }
    Ok(Verifier::from_accepted(accepted).with_leeway(leeway))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90").unwrap(), 90);
        assert_eq!(parse_duration("90s").unwrap(), 90);
        assert_eq!(parse_duration("15m").unwrap(), 900);
        assert_eq!(parse_duration("36h").unwrap(), 129_600);
        assert_eq!(parse_duration("7d").unwrap(), 604_800);
        assert_eq!(parse_duration("7D").unwrap(), 604_800);
        for bad in [
            "",
            "d",
            "-1d",
            "+1d",
            "1w",
            "1.5h",
            "9223372036854775807d",
            "1 d",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
