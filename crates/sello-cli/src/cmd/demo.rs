//! `sello demo`: the main job end to end on an embedded roster.
//!
//! Creates a demo issuer (its key encrypted at rest; the key itself is the published demo key
//! whose key set is `keys/demo/jwks.json`), issues EC0105 certificates for 39
//! fictional municipal staff, writes each QR code as PNG, reads every PNG back through the QR
//! decoder and verifies it against the issuer's published key set, tampers with one
//! certificate and shows it rejected, and prints a summary table.

use crate::failure::Failure;
use crate::i18n::path_of;
use crate::shared::{load_verifier, passphrase, write_output};
use sello_core::ed25519_dalek::SigningKey;
use sello_core::i18n::language;
use sello_core::{Achievement, Certificate, Holder, IssuerInfo, Verdict, b64};
use sello_issuer::files::{PRIVATE, PUBLIC, write_atomic};
use sello_issuer::{IssueRequest, Issued, IssuerDir, LocalSigner};
use sello_print::{Output, PaperSize};
use sello_verifier::Verification;
use std::fs;
use std::path::{Path, PathBuf};

const ROSTER: &str = include_str!("demo_roster.tsv");
const MARKER: &str = ".sello-demo";
const CODE: &str = "EC0105";
const TITLE: &str = "Atención al ciudadano en el sector público";
const UNIT: &str = "CECATI 149";
/// The demo issuer's private key seed. It is published on purpose (so that `keys/demo/` can hold
/// the matching key set and anyone can verify demo output); never trust the demo issuer
/// outside a demonstration.
const DEMO_SEED: [u8; 32] = *b"sello demo issuer; NOT A SECRET!";

struct Row {
    name: String,
    curp: String,
    department: String,
}

fn roster() -> Vec<Row> {
    ROSTER
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some(Row {
                name: f.next()?.to_owned(),
                curp: f.next()?.to_owned(),
                department: f.next()?.to_owned(),
            })
        })
        .collect()
}

fn prepare_out(out: &Path) -> Result<(), Failure> {
    if out.exists() {
        let empty = fs::read_dir(out)?.next().is_none();
        if !empty && !out.join(MARKER).exists() {
            return Err(Failure::usage(tr!("demo-not-a-demo", path = path_of(out))));
        }
        fs::remove_dir_all(out)?;
    }
    fs::create_dir_all(out.join("qr"))?;
    fs::write(out.join(MARKER), "sello demo output\n")?;
    Ok(())
}

/// Alters a token's payload (the holder's name) while keeping its signature.
fn tamper(token: &str) -> String {
    let mut parts = token.splitn(3, '.');
    let (h, p, s) = (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
    );
    let payload = b64::decode(p).unwrap_or_default();
    let mut claims: serde_json::Value = serde_json::from_slice(&payload).unwrap_or_default();
    claims["cert"]["h"]["n"] = serde_json::json!("Persona Distinta Falsificada");
    let forged = serde_json::to_vec(&claims).unwrap_or_default();
    format!("{h}.{}.{s}", b64::encode(&forged))
}

/// Verifies PNG files through the pipeline `sello verify` runs (all cores): for each file, its
/// verification, or why it gave none (no code, more than one, not a certificate).
fn verify_pngs(
    verifier: &sello_verifier::Verifier,
    files: &[PathBuf],
    at: i64,
) -> Vec<Result<Verification, String>> {
    let inputs: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let outcomes = sello_verifier::verify_inputs(verifier, &inputs, at);
    inputs
        .iter()
        .map(|input| {
            let mut of_file = outcomes.iter().filter(|o| &o.input == input);
            match (of_file.next(), of_file.next()) {
                (Some(o), None) => o
                    .result
                    .as_ref()
                    .map(Clone::clone)
                    .map_err(|e| e.code().to_owned()),
                _ => Err("qr_codes".to_owned()),
            }
        })
        .collect()
}

pub fn run(out: &Path) -> Result<u8, Failure> {
    let started = std::time::Instant::now();
    prepare_out(out)?;
    let issuer_dir = out.join("issuer");
    let pass = match std::env::var("SELLO_PASSPHRASE") {
        Ok(_) => passphrase()?,
        Err(_) => zeroize::Zeroizing::new(format!(
            "demo-{}-{}",
            sello_issuer::new_serial()?,
            sello_issuer::new_serial()?
        )),
    };
    let info = IssuerInfo {
        id: "mx.cecati149.demo".into(),
        name: "CECATI 149 (demostración)".into(),
        verify_url: Some("http://localhost:8080/".into()),
        time_zone: Some("America/Mexico_City".into()),
    };
    let demo_key = LocalSigner::new(SigningKey::from_bytes(&DEMO_SEED));
    let dir =
        IssuerDir::create_with_key(&issuer_dir, info, &demo_key, &pass).map_err(Failure::from)?;
    drop(demo_key);
    let issuer = dir.issuer(&pass)?;
    drop(pass);
    let mut ledger = crate::shared::open_ledger(&dir, &crate::cli::LedgerArg::default())?;
    println!(
        "{}",
        tr!(
            "demo-created",
            name = dir.info().name.as_str(),
            id = dir.info().id.as_str(),
            kid = dir.active_kid()
        )
    );

    let now = sello_issuer::now();
    let expires = now + 5 * 365 * 86_400;
    let rows = roster();
    let mut issued: Vec<(Issued, PathBuf, String)> = Vec::with_capacity(rows.len());
    let mut tokens = String::new();
    for row in &rows {
        let mut request = IssueRequest::new(Certificate {
            holder: Holder {
                name: row.name.clone(),
                id: Some(row.curp.clone()),
            },
            achievement: Achievement {
                code: CODE.into(),
                title: TITLE.into(),
                level: None,
            },
            unit: Some(UNIT.into()),
            attrs: [("dep".to_owned(), row.department.clone())].into(),
        });
        request.issued_at = Some(now);
        request.expires = Some(expires);
        let cert = sello_issuer::batch::issue_recorded(&issuer, &mut *ledger, &request)?;
        let png = out.join("qr").join(format!("{}.png", cert.claims.jti));
        write_output(
            &png,
            Output::Png,
            &cert.claims,
            dir.key_set(),
            &cert.qr_text,
            PaperSize::default(),
        )?;
        tokens.push_str(&cert.token);
        tokens.push('\n');
        issued.push((cert, png, row.department.clone()));
    }
    write_atomic(&out.join("tokens.txt"), tokens.as_bytes(), PRIVATE)?;
    let sizes: Vec<usize> = issued.iter().map(|(c, _, _)| c.token.len()).collect();
    println!(
        "{}",
        tr!(
            "demo-issued",
            n = issued.len(),
            min = *sizes.iter().min().unwrap_or(&0),
            max = *sizes.iter().max().unwrap_or(&0),
            mean = sizes.iter().sum::<usize>() / sizes.len().max(1)
        )
    );

    // Publish the status list (nothing revoked yet), then verify from the PNGs, trusting only
    // the published key set and status list on disk.
    let status = issuer.sign_status_list(&ledger.status_list()?, now, now + 30 * 86_400)?;
    let status_path = issuer_dir.join("status.jwt");
    write_atomic(&status_path, status.as_bytes(), PUBLIC)?;
    let mut verifier = load_verifier(&[issuer_dir.join("jwks.json")], 60)?;
    verifier.load_status(&status_path)?;
    let files: Vec<PathBuf> = issued.iter().map(|(_, p, _)| p.clone()).collect();
    let results = verify_pngs(&verifier, &files, now);
    println!("{}\n", tr!("demo-verifying"));
    println!(
        "  {:>2}  {:<14}  {:<36}  {:<32}  {}",
        "#",
        tr!("label-serial"),
        tr!("label-holder"),
        tr!("demo-department"),
        tr!("demo-verdict")
    );
    let mut verified = 0;
    for (i, ((cert, _, dep), result)) in issued.iter().zip(&results).enumerate() {
        let ok = result
            .as_ref()
            .is_ok_and(|v| v.verdict == Verdict::Valid && v.claims.as_ref() == Some(&cert.claims));
        verified += usize::from(ok);
        let verdict = match result {
            _ if ok => tr!("demo-valid"),
            Ok(v) => format!(
                "✘ {}",
                v.reason
                    .map_or_else(|| tr!("demo-claims-differ"), |r| r.code().to_owned())
            ),
            Err(code) => format!("✘ {code}"),
        };
        println!(
            "  {:>2}  {:<14}  {:<36}  {:<32}  {}",
            i + 1,
            cert.claims.jti,
            truncate(&cert.claims.cert.holder.name, 36),
            truncate(dep, 32),
            verdict
        );
    }

    // Tamper with the first certificate and show it rejected, from its PNG too.
    let (first, _, _) = &issued[0];
    let forged = tamper(&first.token);
    let forged_png = out
        .join("qr")
        .join(format!("ALTERADO-{}.png", first.claims.jti));
    write_output(
        &forged_png,
        Output::Png,
        &first.claims,
        dir.key_set(),
        &format!("http://localhost:8080/#{forged}"),
        PaperSize::default(),
    )?;
    let forged_result = verify_pngs(&verifier, std::slice::from_ref(&forged_png), now)
        .pop()
        .and_then(Result::ok)
        .ok_or_else(|| Failure::Internal(tr!("demo-no-qr", path = path_of(&forged_png))))?;
    let rejected = forged_result.verdict == Verdict::Invalid;
    println!(
        "\n{}",
        tr!(
            "demo-tampered",
            path = path_of(&forged_png),
            verdict = forged_result.verdict.headline(language()),
            code = forged_result.reason.map_or("-", |r| r.code())
        )
    );
    if let Some(reason) = forged_result.reason {
        println!("   {}", reason.message(language()));
    }

    let total = issued.len();
    println!(
        "\n{}",
        tr!(
            "demo-summary",
            verified = verified,
            total = total,
            rejected = if rejected { "yes" } else { "no" },
            secs = format!("{:.1}", started.elapsed().as_secs_f64()),
            path = path_of(out)
        )
    );
    println!(
        "{}",
        tr!(
            "demo-try",
            keys = path_of(&issuer_dir.join("jwks.json")),
            status = path_of(&status_path),
            file = path_of(&files[0])
        )
    );
    Ok(if verified == total && rejected { 0 } else { 1 })
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}
