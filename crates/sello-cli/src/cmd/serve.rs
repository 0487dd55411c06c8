//! `sello serve`: the verification web service (`sello-web`).

use crate::cli::{ServeArgs, TrustArgs};
use crate::failure::Failure;
use sello_web::{LoadError, Reloader, ServerConfig, Sources};
use std::time::Duration;

/// What the service (or the static site) serves, from `--keys` and `--status`.
pub fn sources(args: &TrustArgs) -> Sources {
    Sources::new(args.keys.clone(), args.status.clone()).with_leeway(args.leeway)
}

/// A key set or status list that did not load.
pub fn load_failure(e: LoadError) -> Failure {
    match e {
        LoadError::NoKeys => Failure::usage(tr!("no-keys")),
        LoadError::Trust(e) => Failure::from(e),
        LoadError::Status(e) => Failure::from(e),
    }
}

/// `sello serve`: runs until Ctrl-C or SIGTERM.
pub fn run(args: ServeArgs) -> Result<u8, Failure> {
    sello_web::init_logging();
    let reloader = Reloader::new(sources(&args.sources)).map_err(load_failure)?;
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
