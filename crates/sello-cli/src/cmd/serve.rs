//! `sello serve`: the verification web service (`sello-web`).

use crate::cli::{BundleArgs, ServeArgs, TrustArgs};
use crate::failure::Failure;
use sello_web::{LoadError, Reloader, ServerConfig, Sources};
use std::time::Duration;

/// What the service (or the static site) serves, from `--keys` and `--status`, or from a
/// federation's `--trust` root and `--bundle` (then `--keys` is refused, as `sello verify`
/// refuses it).
pub fn sources(args: &TrustArgs, federation: &BundleArgs) -> Result<Sources, Failure> {
    let sources = match (&federation.trust_root, &federation.bundle) {
        (Some(root), Some(bundle)) => {
            crate::cmd::federation::no_keys_with_a_bundle(&args.keys)?;
            let max_age = federation
                .max_bundle_age
                .as_deref()
                .map(crate::cmd::federation::parse_duration)
                .transpose()?;
            Sources::new(Vec::new(), args.status.clone()).with_bundle(
                root.clone(),
                bundle.clone(),
                max_age,
            )
        }
        _ => Sources::new(args.keys.clone(), args.status.clone()),
    };
    Ok(sources.with_leeway(args.leeway))
}

/// A key set or status list that did not load.
pub fn load_failure(e: LoadError) -> Failure {
    match e {
        LoadError::NoKeys => Failure::usage(tr!("no-keys")),
        LoadError::Trust(e) => Failure::from(e),
        LoadError::Status(e) => Failure::from(e),
        LoadError::Io { path, source } => Failure::io(&path, &source),
        other => Failure::usage(other.to_string()),
    }
}

/// `sello serve`: runs until Ctrl-C or SIGTERM.
pub fn run(args: ServeArgs) -> Result<u8, Failure> {
    sello_web::init_logging();
    let reloader =
        Reloader::new(sources(&args.sources, &args.federation)?).map_err(load_failure)?;
    let listener = std::net::TcpListener::bind(args.addr)
        .map_err(|e| Failure::Io(format!("{}: {}", args.addr, sello_core::i18n::io_error(&e))))?;
    let addr = listener.local_addr()?;
    eprintln!("{}", sello_web::banner(addr));
    let config = ServerConfig {
        header_timeout: Duration::from_secs(args.header_timeout),
        idle_timeout: Duration::from_secs(args.idle_timeout),
        max_connections: usize::try_from(args.max_connections).unwrap_or(usize::MAX),
    };
    sello_web::run(
        listener,
        reloader,
        config,
        Duration::from_secs(args.reload_every),
    )?;
    Ok(0)
}
