//! `sello keys`: rotate, revoke and publish the issuer's keys.

use crate::cli::KeysCommand;
use crate::failure::Failure;
use crate::shared::{key_failure, new_passphrase, passphrase};
use sello_core::Lang;
use sello_issuer::IssuerDir;
use sello_issuer::dates as when;
use sello_issuer::files::{PUBLIC, write_atomic};

/// Runs a keys subcommand.
pub fn run(cmd: KeysCommand, lang: Lang) -> Result<u8, Failure> {
    match cmd {
        KeysCommand::Rotate {
            dir,
            new_passphrase: ask_new,
        } => {
            let mut issuer = IssuerDir::open(&dir)?;
            let old = issuer.active_kid().to_owned();
            let pass = passphrase(lang)?;
            // Fail early, before asking for a new passphrase, when this one does not unlock.
            issuer.unlock(&pass)?;
            let new_pass = if ask_new {
                let info = issuer.info();
                Some(new_passphrase(
                    lang,
                    "SELLO_NEW_PASSPHRASE",
                    &[&info.id, &info.name],
                )?)
            } else {
                None
            };
            let new = issuer
                .rotate(
                    &pass,
                    new_pass.as_deref().map_or(pass.as_str(), String::as_str),
                    sello_issuer::now(),
                )
                .map_err(|e| {
                    let weak = matches!(e, sello_issuer::KeyStoreError::WeakPassphrase(_));
                    let failure = key_failure(lang)(e);
                    if weak && !ask_new {
                        failure.with_note(crate::text::rotate_new_passphrase_hint(lang))
                    } else {
                        failure
                    }
                })?;
            drop(pass);
            println!(
                "{}: {old} → {new}. {}",
                lang.pick("Llave rotada", "Key rotated"),
                lang.pick(
                    "Publique el nuevo jwks.json (sello keys publish).",
                    "Publish the new jwks.json (sello keys publish)."
                )
            );
            Ok(0)
        }
        KeysCommand::Revoke { dir, kid, at } => {
            let mut issuer = IssuerDir::open(&dir)?;
            let at = when::parse(&at, 0).map_err(Failure::usage)?;
            issuer.revoke_key(&kid, at)?;
            println!(
                "{} {kid} ({} {}). {}",
                lang.pick("Llave revocada", "Key revoked"),
                lang.pick("desde", "from"),
                when::datetime(at),
                lang.pick(
                    "Publique el nuevo jwks.json; si era la llave activa, rote las llaves.",
                    "Publish the new jwks.json; if it was the active key, rotate keys."
                )
            );
            Ok(0)
        }
        KeysCommand::Publish { dir, out } => {
            let issuer = IssuerDir::open(&dir)?;
            let json = issuer.key_set().to_json();
            match out {
                Some(path) => write_atomic(&path, json.as_bytes(), PUBLIC)
                    .map_err(|e| Failure::io(&path, &e))?,
                None => println!("{}", json.trim_end()),
            }
            Ok(0)
        }
    }
}
