//! `sello serve` and `sello site export`: the verification web service and its static copy
//! (`sello-web`). This file only parses arguments and calls the library.

use crate::{Failure, TrustArgs, text};
use clap::{Args, Subcommand};
use sello_core::Lang;
use sello_web::{LoadError, Reloader, ServerConfig, Sources};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    sources: TrustArgs,
    /// Address to listen on (port 0: any free port, printed at start)
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Seconds between two looks at the key-set and status-list files; changed files are
    /// loaded while serving (SIGHUP: at once)
    #[arg(long, value_name = "SECS", default_value_t = sello_web::DEFAULT_RELOAD_EVERY.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..=86_400))]
    reload_every: u64,
    /// Most connections open at once (lowered to fit the open-file limit)
    #[arg(long, value_name = "N", default_value_t = sello_web::DEFAULT_MAX_CONNECTIONS as u32,
          value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    max_connections: u32,
    /// Seconds a connection has to send a complete request head (new or kept alive)
    #[arg(long, value_name = "SECS", default_value_t = sello_web::DEFAULT_HEADER_TIMEOUT.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    header_timeout: u64,
    /// Seconds a connection may go without a byte read or written while no request is being
    /// handled (idle, or its client not reading)
    #[arg(long, value_name = "SECS", default_value_t = sello_web::DEFAULT_IDLE_TIMEOUT.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    idle_timeout: u64,
}

#[derive(Subcommand)]
pub enum SiteCommand {
    /// Write a static copy of the verification page, key sets and status lists to a folder
    Export(ExportArgs),
}

#[derive(Args)]
pub struct ExportArgs {
    #[command(flatten)]
    sources: TrustArgs,
    /// Folder to write (replaced as a whole; only an empty folder or an earlier export)
    #[arg(long)]
    out: PathBuf,
}

fn sources(args: &TrustArgs) -> Sources {
    Sources::new(args.keys.clone(), args.status.clone()).with_leeway(args.leeway)
}

fn load_failure(e: LoadError, lang: Lang) -> Failure {
    match e {
        LoadError::NoKeys => Failure::usage(text::no_keys(lang)),
        other => Failure::from(other),
    }
}

/// `sello serve`: runs until Ctrl-C or SIGTERM.
pub fn serve(args: ServeArgs, lang: Lang) -> Result<u8, Failure> {
    sello_web::init_logging();
    let reloader = Reloader::new(sources(&args.sources)).map_err(|e| load_failure(e, lang))?;
    let listener = std::net::TcpListener::bind(args.addr)?;
    let addr = listener.local_addr()?;
    eprintln!(
        "{} http://{addr}/ ({})",
        lang.pick("Servicio de verificación en", "Verification service at"),
        lang.pick("Ctrl-C para detener", "Ctrl-C to stop"),
    );
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

/// `sello site …`.
pub fn site(command: SiteCommand, lang: Lang) -> Result<u8, Failure> {
    match command {
        SiteCommand::Export(args) => {
            let state = sources(&args.sources)
                .load()
                .map_err(|e| load_failure(e, lang))?;
            let written = sello_web::export_site(&args.out, &state)?;
            for path in &written {
                println!("{}", path.display());
            }
            eprintln!(
                "{}: {} ({})",
                lang.pick("Sitio escrito", "Site written"),
                args.out.display(),
                lang.pick(
                    "súbalo tal cual a cualquier hospedaje estático",
                    "upload it as it is to any static host"
                ),
            );
            Ok(0)
        }
    }
}
