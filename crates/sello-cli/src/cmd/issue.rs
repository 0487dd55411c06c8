//! `sello issue`: one certificate (its token, QR code and printable certificate); a roster
//! with `--batch` is `cmd::batch`.

use crate::cli::IssueArgs;
use crate::failure::Failure;
use crate::i18n::{escaped, path_of};
use crate::shared::{bad_date, open_ledger, passphrase, write_output};
use sello_core::{Achievement, Certificate, Holder};
use sello_issuer::dates as when;
use sello_issuer::{IssueRequest, IssuerDir};
use sello_print::Output;
use std::collections::BTreeMap;

fn parse_attrs(attrs: &[String]) -> Result<BTreeMap<String, String>, Failure> {
    attrs
        .iter()
        .map(|a| {
            a.split_once('=')
                .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
                .ok_or_else(|| Failure::usage(tr!("bad-attr", attr = escaped(a))))
        })
        .collect()
}

pub fn run(args: IssueArgs) -> Result<u8, Failure> {
    if args.batch.is_some() {
        return super::batch::run(args);
    }
    // Both files' kinds are known before anything is signed.
    let qr = args
        .qr
        .as_deref()
        .map(|path| Output::qr_for(path).map(|o| (path, o)))
        .transpose()
        .map_err(|_| Failure::usage(tr!("qr-extension")))?;
    let certificate = args
        .certificate
        .as_deref()
        .map(|path| Output::certificate_for(path).map(|o| (path, o)))
        .transpose()
        .map_err(|_| Failure::usage(tr!("certificate-extension")))?;
    let dir = IssuerDir::open(&args.dir)?;
    let mut request = IssueRequest::new(Certificate {
        holder: Holder {
            name: args.holder.unwrap_or_default(),
            id: args.holder_id,
        },
        achievement: Achievement {
            code: args.code.unwrap_or_default(),
            title: args.title.unwrap_or_default(),
            level: args.level,
        },
        unit: args.unit,
        attrs: parse_attrs(&args.attrs)?,
    });
    request.serial = args.serial;
    let zone = sello_core::zone::Zone::of(dir.info());
    request.expires = args
        .expires
        .as_deref()
        .map(|e| when::parse_expiry(e, &zone))
        .transpose()
        .map_err(|e| bad_date(&e))?;
    let pass = passphrase()?;
    let issuer = dir.issuer(&pass)?;
    drop(pass);
    let mut ledger = open_ledger(&dir, &args.ledger)?;
    let issued = sello_issuer::issue_recorded(&issuer, &mut *ledger, &request)?;
    for (path, output) in qr.into_iter().chain(certificate) {
        write_output(
            path,
            output,
            &issued.claims,
            dir.key_set(),
            &issued.qr_text,
            args.paper,
        )?;
    }
    if args.json {
        let out = serde_json::json!({
            "serial": issued.claims.jti,
            "token": issued.token,
            "qr_text": issued.qr_text,
            "qr_file": args.qr,
            "claims": issued.claims,
            "dates": sello_core::zone::ShownDates::of(&issued.claims, &zone),
        });
        println!("{out}");
    } else {
        println!("{}", issued.token);
        eprintln!(
            "{}",
            tr!("issue-serial", serial = escaped(&issued.claims.jti))
        );
        // What the QR code holds, without its thousand digits: the part in byte mode (the
        // verification URL and `#n`) and the version drawn.
        let (prefix, digits) = sello_core::qr_text::segments(&issued.qr_text);
        eprintln!(
            "{}",
            tr!(
                "issue-qr-content",
                text = escaped(prefix),
                digits = digits.len(),
                version = sello_core::qr_version_at_m(&issued.qr_text).unwrap_or(0)
            )
        );
        if let Some(path) = &args.qr {
            eprintln!("{}", tr!("issue-qr-written", path = path_of(path)));
        }
    }
    Ok(0)
}
