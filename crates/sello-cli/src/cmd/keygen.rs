//! `sello keygen`: a new issuer folder.

use crate::cli::KeygenArgs;
use crate::failure::Failure;
use crate::i18n::{escaped, path_of};
use crate::shared::new_passphrase;
use sello_core::IssuerInfo;
use sello_issuer::IssuerDir;

pub fn run(args: KeygenArgs) -> Result<u8, Failure> {
    // A ledger address that would be refused later is refused before the key is made.
    if let Some(address) = &args.ledger {
        sello_issuer::ledger::check_address(address)?;
    }
    // Before the passphrase is asked: a private key and a ledger of CURPs are one `git add -A`
    // away from a public repository.
    if !args.force {
        sello_issuer::git::check_not_in_work_tree(&args.dir)
            .map_err(|e| Failure::usage(e.to_string()))?;
    }
    let pass = new_passphrase("SELLO_PASSPHRASE", &[&args.id, &args.name])?;
    let info = IssuerInfo {
        id: args.id,
        name: args.name,
        verify_url: args.url,
        time_zone: Some(args.time_zone),
    };
    let mut dir = IssuerDir::create(&args.dir, info, &pass).map_err(Failure::from)?;
    if let Some(address) = &args.ledger {
        dir.set_ledger(Some(address))?;
        println!("{}", tr!("keys-ledger-set", address = escaped(address)));
    }
    println!(
        "{}",
        tr!(
            "keygen-done",
            name = escaped(&dir.info().name),
            id = escaped(&dir.info().id)
        )
    );
    println!("{}", tr!("keygen-kid", kid = escaped(dir.active_kid())));
    if let Some(zone) = &dir.info().time_zone {
        println!("{}", tr!("keygen-time-zone", zone = escaped(zone)));
    }
    let key_file = args
        .dir
        .join("private")
        .join(format!("{}.p8", dir.active_kid()));
    println!("{}", tr!("keygen-private-key", path = path_of(&key_file)));
    println!(
        "{}",
        tr!(
            "keygen-publish",
            path = path_of(&args.dir.join("jwks.json"))
        )
    );
    Ok(0)
}
