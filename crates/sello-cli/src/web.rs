//! `sello serve` and `sello site export`: the verification web service and its static copy
//! (`sello-web`). This file only parses arguments and calls the library.

use crate::{Failure, load_verifier};
use clap::{Args, Subcommand};
use sello_core::Lang;
use sello_web::AppState;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Where the trusted key sets and the status lists come from (as for `sello verify`).
#[derive(Args)]
pub struct Sources {
    /// Trusted key set: a JWKS file or a folder of them (repeatable; also SELLO_KEYS)
    #[arg(
        long = "keys",
        value_name = "JWKS_FILE_OR_DIR",
        env = "SELLO_KEYS",
        value_delimiter = ':'
    )]
    keys: Vec<PathBuf>,
    /// Status list (a .jwt file from `sello status publish`) or a folder of them (repeatable);
    /// published at /status/<issuer>.jwt and used to verify
    #[arg(long = "status", value_name = "JWT_FILE_OR_DIR")]
    status: Vec<PathBuf>,
    /// Clock leeway in seconds
    #[arg(long, default_value_t = sello_verifier::verify::DEFAULT_LEEWAY)]
    leeway: i64,
}

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    sources: Sources,
    /// Address to listen on
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
}

#[derive(Subcommand)]
pub enum SiteCommand {
    /// Write a static copy of the verification page, key sets and status lists to a folder
    Export(ExportArgs),
}

#[derive(Args)]
pub struct ExportArgs {
    #[command(flatten)]
    sources: Sources,
    /// Folder to write (created if needed)
    #[arg(long)]
    out: PathBuf,
}

fn state(sources: &Sources, lang: Lang) -> Result<AppState, Failure> {
    let mut state = AppState::new(load_verifier(&sources.keys, sources.leeway, lang)?);
    for path in &sources.status {
        state.load_status(path)?;
    }
    Ok(state)
}

/// `sello serve`: runs until Ctrl-C or SIGTERM.
pub fn serve(args: ServeArgs, lang: Lang) -> Result<u8, Failure> {
    let state = state(&args.sources, lang)?;
    sello_web::init_logging();
    eprintln!(
        "{} http://{}/ ({})",
        lang.pick("Servicio de verificación en", "Verification service at"),
        args.addr,
        lang.pick("Ctrl-C para detener", "Ctrl-C to stop"),
    );
    sello_web::run(args.addr, state)?;
    Ok(0)
}

/// `sello site …`.
pub fn site(command: SiteCommand, lang: Lang) -> Result<u8, Failure> {
    match command {
        SiteCommand::Export(args) => {
            let state = state(&args.sources, lang)?;
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
