//! `sello site export`: the verification page with key sets and status lists as a static site.

use crate::cli::SiteCommand;
use crate::failure::Failure;
use crate::i18n::path_of;

/// `sello site …`.
pub fn run(command: SiteCommand) -> Result<u8, Failure> {
    match command {
        SiteCommand::Export(args) => {
            let state = super::serve::sources(&args.sources, &args.federation)?
                .load()
                .map_err(super::serve::load_failure)?;
            let written = sello_web::export_site(&args.out, &state)?;
            for path in &written {
                println!("{}", path_of(path));
            }
            eprintln!("{}", tr!("site-written", path = path_of(&args.out)));
            Ok(0)
        }
    }
}
