//! `sello keygen`: a new issuer folder.

use crate::cli::KeygenArgs;
use crate::failure::Failure;
use crate::shared::{key_failure, new_passphrase};
use crate::text;
use sello_core::{IssuerInfo, Lang};
use sello_issuer::IssuerDir;

pub fn run(args: KeygenArgs, lang: Lang) -> Result<u8, Failure> {
    let pass = new_passphrase(lang, "SELLO_PASSPHRASE", &[&args.id, &args.name])?;
    let info = IssuerInfo {
        id: args.id,
        name: args.name,
        verify_url: args.url,
    };
    let dir = IssuerDir::create(&args.dir, info, &pass).map_err(key_failure(lang))?;
    println!(
        "{}: {} ({})",
        text::keygen_done(lang),
        dir.info().name,
        dir.info().id
    );
    println!("kid: {}", dir.active_kid());
    println!(
        "{}: {}",
        text::private_key_note(lang),
        args.dir
            .join("private")
            .join(format!("{}.p8", dir.active_kid()))
            .display()
    );
    println!(
        "{}: {}",
        text::keygen_publish(lang),
        args.dir.join("jwks.json").display()
    );
    Ok(0)
}
