//! `sello keys`: rotate, revoke and publish the issuer's keys.

use crate::cli::KeysCommand;
use crate::failure::Failure;
use crate::i18n::escaped;
use crate::shared::{new_passphrase, passphrase};
use sello_issuer::IssuerDir;
use sello_issuer::dates as when;
use sello_issuer::{PUBLIC, write_atomic};
use zeroize::Zeroizing;

/// The issuer's passphrase, checked on its key before anything else is asked, and with
/// `--new-passphrase` a new one for the new key (from `SELLO_NEW_PASSPHRASE` or asked).
fn passphrases(
    issuer: &IssuerDir,
    ask_new: bool,
) -> Result<(Zeroizing<String>, Option<Zeroizing<String>>), Failure> {
    let pass = passphrase()?;
    issuer.unlock(&pass)?;
    let new_pass = match ask_new {
        true => {
            let info = issuer.info();
            Some(new_passphrase(
                "SELLO_NEW_PASSPHRASE",
                &[&info.id, &info.name],
            )?)
        }
        false => None,
    };
    Ok((pass, new_pass))
}

/// Runs a keys subcommand.
pub fn run(cmd: KeysCommand) -> Result<u8, Failure> {
    match cmd {
        KeysCommand::Rotate {
            dir,
            new_passphrase: ask_new,
        } => {
            let mut issuer = IssuerDir::open(&dir)?;
            let old = issuer.active_kid().to_owned();
            let (pass, new_pass) = passphrases(&issuer, ask_new)?;
            let new = issuer
                .rotate(
                    &pass,
                    new_pass.as_deref().map_or(pass.as_str(), String::as_str),
                    sello_issuer::now(),
                )
                .map_err(|e| {
                    let weak = matches!(e, sello_issuer::KeyStoreError::WeakPassphrase(_));
                    let failure = Failure::from(e);
                    if weak && !ask_new {
                        failure.with_note(&tr!("rotate-new-passphrase-hint"))
                    } else {
                        failure
                    }
                })?;
            drop(pass);
            println!(
                "{}",
                tr!("keys-rotated", old = escaped(&old), new = escaped(&new))
            );
            Ok(0)
        }
        KeysCommand::Revoke { dir, kid, at } => {
            let mut issuer = IssuerDir::open(&dir)?;
            let zone = sello_core::zone::Zone::of(issuer.info());
            let at = when::parse_instant(&at, &zone).map_err(|e| crate::shared::bad_date(&e))?;
            issuer.revoke_key(&kid, at)?;
            println!(
                "{}",
                tr!(
                    "keys-revoked",
                    kid = escaped(&kid),
                    at = zone.local(at).to_string()
                )
            );
            Ok(0)
        }
        KeysCommand::SetTimeZone { dir, zone } => {
            let mut issuer = IssuerDir::open(&dir)?;
            let zone = issuer.set_time_zone(&zone)?;
            println!("{}", tr!("keys-time-zone-set", zone = escaped(&zone)));
            Ok(0)
        }
        KeysCommand::Join {
            dir,
            trust_root,
            bundle,
            ca_file,
        } => {
            let mut issuer = IssuerDir::open(&dir)?;
            let at = sello_issuer::now();
            let accepted = crate::cmd::federation::accepted_bundle(
                &trust_root,
                &bundle,
                at,
                sello_verifier::DEFAULT_LEEWAY,
                None,
                ca_file.as_deref(),
            )?;
            let claims = &accepted.claims;
            let federation = escaped(&accepted.root.claims.name);
            let id = issuer.info().id.clone();
            let Some(entry) = claims.issuer(&id) else {
                return Err(Failure::usage(tr!(
                    "keys-join-not-accredited",
                    id = escaped(&id),
                    federation = federation.as_str()
                )));
            };
            let kid = issuer.active_kid().to_owned();
            if entry.key_set.key(&kid).is_none() {
                return Err(Failure::usage(tr!(
                    "keys-join-key-not-accredited",
                    kid = escaped(&kid),
                    federation = federation.as_str()
                )));
            }
            let Some(url) = claims.verify_url.clone() else {
                return Err(Failure::usage(tr!(
                    "keys-join-no-url",
                    federation = federation.as_str()
                )));
            };
            issuer.set_verify_url(&url)?;
            println!(
                "{}",
                tr!(
                    "keys-joined",
                    url = escaped(&url),
                    federation = federation.as_str()
                )
            );
            Ok(0)
        }
        KeysCommand::SetLedger { dir, address } => {
            let mut issuer = IssuerDir::open(&dir)?;
            // Refused before anything is written: a password in the URL, a broken URL.
            sello_issuer::ledger::check_address(&address)?;
            issuer.set_ledger(Some(&address))?;
            println!("{}", tr!("keys-ledger-set", address = escaped(&address)));
            Ok(0)
        }
        KeysCommand::AddStation {
            dir,
            out,
            new_passphrase: ask_new,
        } => {
            let mut issuer = IssuerDir::open(&dir)?;
            let (pass, new_pass) = passphrases(&issuer, ask_new)?;
            let kid = issuer
                .add_station(
                    &pass,
                    new_pass.as_deref().map_or(pass.as_str(), String::as_str),
                    sello_issuer::now(),
                    &out,
                )
                .map_err(Failure::from)?;
            drop(pass);
            println!(
                "{}",
                tr!(
                    "keys-station-added",
                    kid = escaped(&kid),
                    path = crate::i18n::path_of(&out)
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
