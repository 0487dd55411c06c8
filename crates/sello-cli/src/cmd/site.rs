//! `sello site export`: the verification page with key sets and status lists as a static site.

use crate::cli::SiteCommand;
use crate::failure::Failure;
use sello_core::Lang;

/// `sello site …`.
pub fn run(command: SiteCommand, lang: Lang) -> Result<u8, Failure> {
    match command {
        SiteCommand::Export(args) => {
            let state = super::serve::sources(&args.sources)
                .load()
                .map_err(|e| super::serve::load_failure(e, lang))?;
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
