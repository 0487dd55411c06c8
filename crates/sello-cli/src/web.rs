//! `sello serve` and `sello site export`: the verification web service and its static copy
//! (`sello-web`). This file only parses arguments and calls the library.

use crate::{Failure, TrustArgs, load_verifier};
use clap::{Args, Subcommand};
use sello_core::Lang;
use sello_web::AppState;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    sources: TrustArgs,
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
    sources: TrustArgs,
    /// Folder to write (created if needed)
    #[arg(long)]
    out: PathBuf,
}

fn state(sources: &TrustArgs, lang: Lang) -> Result<AppState, Failure> {
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
