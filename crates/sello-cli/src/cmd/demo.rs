//! `sello demo`: the main job end to end on an embedded roster, as a federation.
//!
//! Creates a demonstration federation (a CONOCER root of three keys, two of which must sign
//! a new version, and a registry key), two centres — CECATI 149, accredited for EC0105 (its key
//! is the published demo key whose key set is `keys/demo/jwks.json`), and a second centre
//! accredited for EC0217.01 — and issues EC0105 certificates for 39 fictional municipal staff
//! of CECATI 149, each QR code written as PNG. It publishes a trust bundle, reads every PNG back
//! through the QR decoder and verifies it with nothing but the pinned root document and the
//! bundle (no per-centre key file), then shows four things refused: a tampered certificate,
//! CECATI 149 certifying a standard it is not accredited for, a certificate the second centre
//! issued after the federation suspended it, and an older bundle presented after a newer one.
//! Every key is encrypted at rest; the ratchet the demo keeps is its own (`estado/`).

use crate::failure::Failure;
use crate::i18n::path_of;
use crate::shared::{passphrase, write_output};
use sello_core::ed25519_dalek::SigningKey;
use sello_core::i18n::language;
use sello_core::{Achievement, Certificate, Holder, IssuerInfo, Verdict, b64};
use sello_issuer::federation::{Init, RegistryDir};
use sello_issuer::ledger::LedgerStore;
use sello_issuer::{IssueRequest, Issued, Issuer, IssuerDir, LocalSigner};
use sello_issuer::{PRIVATE, PUBLIC, write_atomic};
use sello_print::{Output, PaperSize};
use sello_verifier::Verification;
use sello_verifier::federation::{AcceptedBundle, Policy, StateDir};
use std::fs;
use std::path::{Path, PathBuf};

const ROSTER: &str = include_str!("demo_roster.tsv");
const MARKER: &str = ".sello-demo";
const CODE: &str = "EC0105";
const TITLE: &str = "Atención al ciudadano en el sector público";
const UNIT: &str = "CECATI 149";
/// The second centre's standard (CECATI 149 is not accredited for it).
const OTHER_CODE: &str = "EC0217.01";
const OTHER_TITLE: &str =
    "Impartición de cursos de formación del capital humano de manera presencial grupal";
/// The demo federation's verification page: every QR code of its centres opens it.
const FEDERATION_URL: &str = "http://localhost:8080/";
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

/// A centre of the demo: its folder, its signing issuer and its ledger.
struct Centre {
    dir: IssuerDir,
    issuer: Issuer,
    ledger: Box<dyn LedgerStore>,
}

impl Centre {
    /// Creates the centre's folder under `path` (with `key`, or a fresh one) and opens it.
    fn create(
        path: &Path,
        info: IssuerInfo,
        key: Option<&LocalSigner>,
        pass: &str,
    ) -> Result<Centre, Failure> {
        let dir = match key {
            Some(key) => IssuerDir::create_with_key(path, info, key, pass)?,
            None => IssuerDir::create(path, info, pass)?,
        };
        let issuer = dir.issuer(pass)?;
        let ledger = crate::shared::open_ledger(&dir, &crate::cli::LedgerArg::default())?;
        Ok(Centre {
            dir,
            issuer,
            ledger,
        })
    }

    /// Issues and records one certificate dated `iat`, and writes its QR code as the PNG `png`.
    fn issue(
        &mut self,
        holder: (&str, &str),
        (code, title): (&str, &str),
        unit: Option<&str>,
        attrs: &[(&str, &str)],
        iat: i64,
        png: &Path,
    ) -> Result<Issued, Failure> {
        let mut request = IssueRequest::new(Certificate {
            holder: Holder {
                name: holder.0.to_owned(),
                id: Some(holder.1.to_owned()),
            },
            achievement: Achievement {
                code: code.into(),
                title: title.into(),
                level: None,
            },
            unit: unit.map(str::to_owned),
            attrs: attrs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        });
        request.issued_at = Some(iat);
        request.expires = Some(iat + 5 * 365 * 86_400);
        let cert = sello_issuer::issue_recorded(&self.issuer, &mut *self.ledger, &request)?;
        write_output(
            png,
            Output::Png,
            &cert.claims,
            self.dir.key_set(),
            &cert.qr_text,
            PaperSize::default(),
        )?;
        Ok(cert)
    }

    /// Signs the centre's status list as of `now` and writes it as `status.jwt` in its folder.
    fn publish_status(&mut self, now: i64) -> Result<(PathBuf, String), Failure> {
        let status =
            self.issuer
                .sign_status_list(&self.ledger.status_list()?, now, now + 30 * 86_400)?;
        let path = self.dir.path().join("status.jwt");
        write_atomic(&path, status.as_bytes(), PUBLIC)?;
        Ok((path, status))
    }
}

/// A passphrase for a key of the demo: `SELLO_PASSPHRASE` when set, else a random one (the
/// demo's keys are encrypted at rest like any other; nobody needs to type these).
fn demo_passphrase() -> Result<zeroize::Zeroizing<String>, Failure> {
    match std::env::var("SELLO_PASSPHRASE") {
        Ok(_) => passphrase(),
        Err(_) => Ok(zeroize::Zeroizing::new(format!(
            "demo-{}-{}",
            sello_issuer::new_serial()?,
            sello_issuer::new_serial()?
        ))),
    }
}

/// Accepts the bundle text against the pinned root as `sello verify --trust --bundle` does, and
/// advances the demo's own ratchet.
fn accept(
    root: &sello_core::federation::RootDocument,
    text: &str,
    at: i64,
    state: &StateDir,
) -> Result<AcceptedBundle, sello_verifier::federation::FederationError> {
    let accepted = sello_verifier::federation::accept_bundle(root, text, at, Policy::default())?;
    state.advance(&accepted)?;
    Ok(accepted)
}

pub fn run(out: &Path) -> Result<u8, Failure> {
    let started = std::time::Instant::now();
    prepare_out(out)?;
    fs::create_dir_all(out.join("casos"))?;
    let lang = language();

    // 1. The federation: a root of three keys (two must sign a new version), each encrypted
    // under its own passphrase, and the registry key that signs bundles.
    let registry_pass = demo_passphrase()?;
    let root_passes = (0..3)
        .map(|_| demo_passphrase())
        .collect::<Result<Vec<_>, _>>()?;
    let root_pass_refs: Vec<&str> = root_passes.iter().map(|p| p.as_str()).collect();
    let init = Init {
        federation: "mx.conocer.demo".into(),
        name: "CONOCER (demostración)".into(),
        verify_url: Some(FEDERATION_URL.into()),
        root_keys: 3,
        threshold: 2,
    };
    let now = sello_issuer::now();
    let (mut registry, created) = RegistryDir::init(
        &out.join("conocer"),
        &init,
        &registry_pass,
        &root_pass_refs,
        now,
    )?;
    drop(root_passes);
    let root_path = out.join("conocer").join("root.json");
    println!(
        "{}",
        tr!(
            "demo-federation",
            name = init.name.as_str(),
            id = init.federation.as_str(),
            keys = init.root_keys,
            threshold = init.threshold,
            fingerprint = created.root.fingerprint()
        )
    );

    // 2. Two centres, accredited from the start of last year: CECATI 149 for EC0105 (with the
    // published demo key), another centre for EC0217.01.
    let centre_pass = demo_passphrase()?;
    let demo_key = LocalSigner::new(SigningKey::from_bytes(&DEMO_SEED));
    let mut cecati = Centre::create(
        &out.join("issuer"),
        IssuerInfo {
            id: "mx.cecati149.demo".into(),
            name: "CECATI 149 (demostración)".into(),
            verify_url: Some(FEDERATION_URL.into()),
            time_zone: Some("America/Mexico_City".into()),
        },
        Some(&demo_key),
        &centre_pass,
    )?;
    drop(demo_key);
    let mut other = Centre::create(
        &out.join("centro-2"),
        IssuerInfo {
            id: "mx.ece-qroo.demo".into(),
            name: "ECE Quintana Roo (demostración)".into(),
            verify_url: Some(FEDERATION_URL.into()),
            time_zone: Some("America/Cancun".into()),
        },
        None,
        &centre_pass,
    )?;
    drop(centre_pass);
    let since = now - 400 * 86_400;
    for (centre, code) in [(&cecati, CODE), (&other, OTHER_CODE)] {
        registry.accredit(
            centre.dir.key_set().clone(),
            &[code.to_owned()],
            since,
            None,
        )?;
        println!(
            "{}",
            tr!(
                "demo-accredited",
                name = centre.dir.info().name.as_str(),
                id = centre.dir.info().id.as_str(),
                code = code,
                since = sello_verifier::federation::date(since)
            )
        );
    }

    // 3. CECATI 149 certifies the roster.
    let rows = roster();
    let mut issued: Vec<(Issued, PathBuf, String)> = Vec::with_capacity(rows.len());
    let mut tokens = String::new();
    let iat = sello_issuer::now();
    for row in &rows {
        let png = out.join("qr").join(format!("{}.png", row.curp));
        let cert = cecati.issue(
            (&row.name, &row.curp),
            (CODE, TITLE),
            Some(UNIT),
            &[("dep", &row.department)],
            iat,
            &png,
        )?;
        let png_named = out.join("qr").join(format!("{}.png", cert.claims.jti));
        fs::rename(&png, &png_named)?;
        tokens.push_str(&cert.token);
        tokens.push('\n');
        issued.push((cert, png_named, row.department.clone()));
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

    // The cases shown refused later: CECATI 149 certifying a standard it is not accredited
    // for, and the second centre's certificates before and after its suspension.
    let casos = out.join("casos");
    let out_of_scope_png = casos.join("fuera-de-alcance.png");
    cecati.issue(
        ("Persona de Prueba Uno", "PEPU800101HQRRRN01"),
        (OTHER_CODE, OTHER_TITLE),
        Some(UNIT),
        &[],
        iat,
        &out_of_scope_png,
    )?;
    let before_png = casos.join("antes-de-la-suspension.png");
    other.issue(
        ("Persona de Prueba Dos", "PEPD800101MQRRRN02"),
        (OTHER_CODE, OTHER_TITLE),
        None,
        &[],
        iat,
        &before_png,
    )?;

    // 4. The registry publishes bundle 1, then suspends the second centre after an audit and
    // publishes bundle 2; the centre goes on issuing.
    let status: Vec<(PathBuf, String)> =
        vec![cecati.publish_status(iat)?, other.publish_status(iat)?];
    let first = registry.publish(&registry_pass, &status, iat, 7)?;
    let earlier_bundle = out.join("trust-1.jwt");
    write_atomic(&earlier_bundle, first.text.as_bytes(), PUBLIC)?;
    let suspended_from = iat + 1;
    registry.suspend(
        &other.dir.info().id.clone(),
        suspended_from,
        "Auditoría: evaluaciones sin evidencia (demostración)",
    )?;
    let after_png = casos.join("despues-de-la-suspension.png");
    other.issue(
        ("Persona de Prueba Tres", "PEPT800101HQRRRN03"),
        (OTHER_CODE, OTHER_TITLE),
        None,
        &[],
        suspended_from + 1,
        &after_png,
    )?;
    let status: Vec<(PathBuf, String)> = vec![
        cecati.publish_status(suspended_from)?,
        other.publish_status(suspended_from + 1)?,
    ];
    let second = registry.publish(&registry_pass, &status, suspended_from + 1, 7)?;
    drop(registry_pass);
    let bundle_path = out.join("trust.jwt");
    write_atomic(&bundle_path, second.text.as_bytes(), PUBLIC)?;
    println!(
        "{}",
        tr!(
            "demo-published",
            seq = second.seq,
            centres = registry.issuers().len(),
            path = path_of(&bundle_path)
        )
    );

    // 5. An employer: the pinned root and the bundle, nothing else.
    let at = (suspended_from + 1).max(sello_issuer::now());
    let root = sello_verifier::federation::pinned_root(&fs::read(&root_path)?)
        .map_err(|e| Failure::Internal(format!("{}: {e}", path_of(&root_path))))?;
    let state = StateDir::new(out.join("estado"));
    let accepted = accept(&root, &second.text, at, &state)
        .map_err(|e| Failure::Internal(format!("{}: {e}", path_of(&bundle_path))))?;
    let verifier = sello_verifier::Verifier::from_accepted(accepted);
    let files: Vec<PathBuf> = issued.iter().map(|(_, p, _)| p.clone()).collect();
    let results = verify_pngs(&verifier, &files, at);
    println!("\n{}\n", tr!("demo-verifying"));
    println!(
        "  {:>2}  {:<14}  {:<36}  {:<32}  {}",
        "#",
        tr!("label-serial"),
        tr!("label-holder"),
        tr!("demo-department"),
        tr!("demo-verdict")
    );
    let mut verified = 0;
    let mut chain = None;
    for (i, ((cert, _, dep), result)) in issued.iter().zip(&results).enumerate() {
        let ok = result
            .as_ref()
            .is_ok_and(|v| v.verdict == Verdict::Valid && v.claims.as_ref() == Some(&cert.claims));
        verified += usize::from(ok);
        if let (true, Ok(v)) = (ok, result) {
            chain =
                chain.or_else(|| Some(v.trust.as_ref()?.describe(&cecati.dir.info().name, lang)));
        }
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
    if let Some(chain) = chain {
        println!("\n  {chain}");
    }

    // 6. What is refused, each for its own reason.
    println!("\n{}", tr!("demo-refused"));
    let (first_cert, _, _) = &issued[0];
    let forged = tamper(&first_cert.token);
    let forged_png = casos.join(format!("ALTERADO-{}.png", first_cert.claims.jti));
    write_output(
        &forged_png,
        Output::Png,
        &first_cert.claims,
        cecati.dir.key_set(),
        &format!("{FEDERATION_URL}#{forged}"),
        PaperSize::default(),
    )?;
    let mut as_shown = true;
    let cases = [
        (
            tr!("demo-case-tampered"),
            &forged_png,
            Verdict::Invalid,
            Some("bad_signature"),
        ),
        (
            tr!("demo-case-out-of-scope"),
            &out_of_scope_png,
            Verdict::Invalid,
            Some("standard_out_of_scope"),
        ),
        (
            tr!("demo-case-suspended"),
            &after_png,
            Verdict::Invalid,
            Some("issuer_suspended"),
        ),
        (
            tr!("demo-case-before-suspension"),
            &before_png,
            Verdict::Valid,
            None,
        ),
    ];
    for (what, png, expected, expected_code) in cases {
        let result = verify_pngs(&verifier, std::slice::from_ref(png), at)
            .pop()
            .and_then(Result::ok)
            .ok_or_else(|| Failure::Internal(tr!("demo-no-qr", path = path_of(png))))?;
        let code = result.reason.map(|r| r.code());
        let as_expected = result.verdict == expected && code == expected_code;
        as_shown &= as_expected;
        println!(
            "  {} {}: {} → {}{}",
            if as_expected { "✔" } else { "✘" },
            what,
            path_of(png),
            result.verdict.headline(lang),
            code.map(|c| format!(" ({c})")).unwrap_or_default()
        );
        if let Some(reason) = result.reason {
            println!("      {}", reason.message(lang));
        }
    }
    // The older bundle, presented after the newer one: the ratchet refuses it.
    let rollback = accept(&root, &first.text, at, &state);
    let rolled_back = matches!(
        rollback,
        Err(sello_verifier::federation::FederationError::Rollback { .. })
    );
    as_shown &= rolled_back;
    println!(
        "  {} {}: {} → {}",
        if rolled_back { "✔" } else { "✘" },
        tr!("demo-case-rollback", seq = first.seq, newer = second.seq),
        path_of(&earlier_bundle),
        match &rollback {
            Err(e) => e.to_string(),
            Ok(_) => tr!("demo-accepted"),
        }
    );

    let total = issued.len();
    let all_refused = as_shown;
    println!(
        "\n{}",
        tr!(
            "demo-summary",
            verified = verified,
            total = total,
            rejected = if all_refused { "yes" } else { "no" },
            secs = format!("{:.1}", started.elapsed().as_secs_f64()),
            path = path_of(out)
        )
    );
    println!(
        "{}",
        tr!(
            "demo-try",
            root = path_of(&root_path),
            bundle = path_of(&bundle_path),
            file = path_of(&files[0])
        )
    );
    Ok(if verified == total && all_refused {
        0
    } else {
        1
    })
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
