//! Issuing at agency scale through the CLI: batches, resuming after a kill, the ledger,
//! revocation with status lists, and key rotation and compromise.

use crate::cli::{PASS, issue, keygen, publish_status, sello};
use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;

fn roster(path: &Path, n: usize, bad_lines: bool) {
    let mut csv = String::from("nombre,curp,attr.dep\n");
    for i in 0..n {
        csv.push_str(&format!(
            "Persona Número {i},PENU{i:06}HMCRRS09,Departamento {}\n",
            i % 23
        ));
    }
    if bad_lines {
        csv.push_str(",SIN NOMBRE,x\n");
        csv.push_str("\"Nombre \u{7} con control\",,x\n");
    }
    std::fs::write(path, csv).unwrap();
}

fn batch(dir: &Path, roster: &Path, out: &Path, formats: &str) -> assert_cmd::Command {
    let mut cmd = crate::cli::batch(dir, roster, out);
    cmd.args([
        "--code",
        "EC0105",
        "--title",
        "Atención al ciudadano en el sector público",
    ])
    .args(["--unit", "CECATI 149", "--formats", formats]);
    cmd
}

fn ledger_export(dir: &Path) -> Vec<Value> {
    let out = sello()
        .args(["ledger", "export", "--dir"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn verify_json(dir: &Path, inputs: &[&Path]) -> (Option<i32>, Vec<Value>) {
    verify_json_with(dir, inputs, &[])
}

fn verify_json_with(dir: &Path, inputs: &[&Path], flags: &[&str]) -> (Option<i32>, Vec<Value>) {
    let out = sello()
        .args(["verify", "--json"])
        .args(flags)
        .arg("--keys")
        .arg(dir.join("jwks.json"))
        .arg("--status")
        .arg(dir.join("status.jwt"))
        .args(inputs)
        .output()
        .unwrap();
    let lines = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out.status.code(), lines)
}

#[test]
fn batch_reports_bad_rows_and_every_output_verifies() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let list = tmp.path().join("roster.csv");
    roster(&list, 30, true);
    let out_dir = tmp.path().join("out");
    let out = batch(&dir, &list, &out_dir, "png,svg,pdf,cert-svg")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("línea 32") && err.contains("línea 33"),
        "{err}"
    );
    let summary = std::fs::read_to_string(out_dir.join("summary.csv")).unwrap();
    assert_eq!(summary.lines().count(), 33);
    assert_eq!(summary.matches(",emitido,").count(), 30);
    publish_status(&dir);
    let pngs: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    assert_eq!(pngs.len(), 30);
    for png in &pngs {
        let pdf = std::fs::read(png.with_extension("pdf")).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(png.with_extension("svg").exists());
        let stem = png.file_stem().unwrap().to_string_lossy();
        let cert =
            std::fs::read_to_string(png.with_file_name(format!("{stem}-certificado.svg"))).unwrap();
        assert!(cert.contains("Persona Número") && cert.contains(&*stem));
    }
    let refs: Vec<&Path> = pngs.iter().map(|p| p.as_path()).collect();
    let (code, lines) = verify_json(&dir, &refs);
    assert_eq!(code, Some(0));
    assert!(lines.iter().all(|l| l["verdict"] == "valid"));
    assert!(lines.iter().all(|l| l["claims"]["status"]["idx"].is_u64()));
    assert_eq!(ledger_export(&dir).len(), 30);
}

/// Printable certificates come from a template prepared once (`sello_print::Printer`), in a
/// batch and for one certificate; their text is the certificate's.
#[test]
fn printable_certificates_come_from_the_prepared_template() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let list = tmp.path().join("roster.csv");
    roster(&list, 4, false);
    let out_dir = tmp.path().join("out");
    batch(&dir, &list, &out_dir, "pdf").assert().success();
    let pdfs: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert_eq!(pdfs.len(), 4);
    for pdf in &pdfs {
        let bytes = std::fs::read(pdf).unwrap();
        // The prepared printer's documents say so; the one-shot path's say svg2pdf.
        assert!(
            bytes.windows(17).any(|w| w == b"/Producer (Sello)"),
            "{}",
            pdf.display()
        );
    }
    let single = tmp.path().join("uno.pdf");
    issue(&dir, &["--certificate", single.to_str().unwrap()]);
    let bytes = std::fs::read(&single).unwrap();
    assert!(bytes.starts_with(b"%PDF-") && bytes.windows(17).any(|w| w == b"/Producer (Sello)"));
}

/// A template whose QR code would print too small is refused before anything is issued.
#[test]
fn a_batch_with_a_template_too_small_for_the_qr_code_issues_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let list = tmp.path().join("roster.csv");
    roster(&list, 3, false);
    let template = tmp.path().join("plantilla.svg");
    std::fs::write(
        &template,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 280 200"><text x="10" y="20">{{holder}}</text><rect id="sello-qr" x="200" y="100" width="20" height="20"/></svg>"#,
    )
    .unwrap();
    let out = batch(&dir, &list, &tmp.path().join("out"), "pdf")
        .arg("--template")
        .arg(&template)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    // A template that cannot be used is data refused (EX_DATAERR).
    assert_eq!(out.status.code(), Some(65), "{err}");
    // The module size measured and the minimum, in the user's words (Spanish by default).
    assert!(err.contains("0.40 mm por módulo"), "{err}");
    assert!(ledger_export(&dir).is_empty());
}

/// A template that draws over the QR code's quiet zone is refused, naming what is drawn there.
#[test]
fn a_batch_with_a_template_drawing_over_the_quiet_zone_issues_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let list = tmp.path().join("roster.csv");
    roster(&list, 2, false);
    let template = tmp.path().join("plantilla.svg");
    std::fs::write(
        &template,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 280 200"><text x="10" y="20">{{holder}}</text><rect id="sello-qr" x="200" y="100" width="60" height="60"/><text x="201" y="103" font-size="3">Folio</text></svg>"#,
    )
    .unwrap();
    for (lang, words) in [
        ("es", "margen libre de 4 módulos"),
        ("en", "clear margin of 4 modules"),
    ] {
        let out = batch(&dir, &list, &tmp.path().join(format!("out-{lang}")), "pdf")
            .args(["--lang", lang, "--template"])
            .arg(&template)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(65), "{err}");
        assert!(err.contains(words) && err.contains("«Folio»"), "{err}");
    }
    assert!(ledger_export(&dir).is_empty());
}

#[test]
fn a_batch_folder_verifies_the_same_with_any_number_of_workers() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let list = tmp.path().join("roster.csv");
    roster(&list, 40, false);
    let out_dir = tmp.path().join("out");
    let out = batch(&dir, &list, &out_dir, "png,svg").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    publish_status(&dir);
    // The tokens from the ledger in a sub-folder, one of them tampered; a moved and renamed
    // image; a stray text file; a hidden file.
    let tokens_dir = out_dir.join("tokens");
    std::fs::create_dir(&tokens_dir).unwrap();
    let mut jwts = Vec::new();
    for record in ledger_export(&dir) {
        let path = tokens_dir.join(format!("{}.jwt", record["serial"].as_str().unwrap()));
        std::fs::write(&path, record["token"].as_str().unwrap()).unwrap();
        jwts.push(path);
    }
    jwts.sort();
    assert_eq!(jwts.len(), 40);
    let token = std::fs::read_to_string(&jwts[7]).unwrap();
    let at = token.rfind('.').unwrap() + 10;
    let mut tampered = token.clone();
    let c = if &token[at..at + 1] == "x" { "y" } else { "x" };
    tampered.replace_range(at..at + 1, c);
    std::fs::write(&jwts[7], tampered).unwrap();
    let stem = jwts[3].file_stem().unwrap().to_string_lossy().into_owned();
    std::fs::rename(
        out_dir.join(format!("{stem}.png")),
        tokens_dir.join("MOVED.PNG"),
    )
    .unwrap();
    std::fs::write(out_dir.join("notas.txt"), "no es un certificado").unwrap();
    std::fs::write(out_dir.join(".oculto.png"), "x").unwrap();
    let (code, batched) = verify_json(&dir, &[&out_dir]);
    assert_eq!(code, Some(1));
    assert_eq!(
        batched.len(),
        121,
        "40 PNG + 40 SVG + 40 tokens + the text file"
    );
    // One worker or three, and the flag of earlier versions: the same answers, in order.
    for flags in [&["--jobs", "1"][..], &["--jobs", "3"], &["--one-by-one"]] {
        let (code_again, again) = verify_json_with(&dir, &[&out_dir], flags);
        assert_eq!(code_again, Some(1));
        assert_eq!(batched, again, "{flags:?}");
    }
    let bad: Vec<(&str, &str)> = batched
        .iter()
        .filter(|l| l["verdict"] != "valid")
        .map(|l| {
            (
                l["input"].as_str().unwrap(),
                l["reason"].as_str().or(l["error"].as_str()).unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert!(
        bad.iter()
            .any(|(i, r)| i.ends_with("notas.txt") && *r == "not_a_certificate")
    );
    assert!(bad.iter().any(|(i, r)| {
        i.ends_with(&*jwts[7].file_name().unwrap().to_string_lossy()) && *r == "bad_signature"
    }));
    assert!(batched.iter().any(
        |l| l["input"].as_str().unwrap().ends_with("tokens/MOVED.PNG") && l["verdict"] == "valid"
    ));
    let (code, lines) = verify_json(&dir, &[&tmp.path().join("no-such-folder")]);
    assert_eq!(code, Some(2));
    assert_eq!(lines[0]["error"], "not_found");
}

#[cfg(unix)]
#[test]
fn batch_killed_midway_resumes_without_duplicates() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let list = tmp.path().join("roster.csv");
    let n = 1500;
    roster(&list, n, false);
    let out_dir = tmp.path().join("out");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("sello"))
        .env("SELLO_PASSPHRASE", PASS)
        .args(["issue", "--dir"])
        .arg(&dir)
        .arg("--batch")
        .arg(&list)
        .arg("--out")
        .arg(&out_dir)
        .args([
            "--code",
            "EC0105",
            "--title",
            "Atención al ciudadano en el sector público",
            "--unit",
            "CECATI 149",
            "--formats",
            "png,svg",
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it (SIGKILL: no chance to clean up) once some, but not all, outputs exist.
    let started = std::time::Instant::now();
    loop {
        let written = std::fs::read_dir(&out_dir).map(|d| d.count()).unwrap_or(0);
        if written >= 200 || started.elapsed().as_secs() > 60 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let before = ledger_export(&dir).len();
    assert!(
        before > 0 && before < n,
        "killed after {before} of {n}: not midway"
    );

    // Run the same roster again: only what is missing is issued.
    let out = batch(&dir, &list, &out_dir, "png,svg").output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let entries = ledger_export(&dir);
    assert_eq!(entries.len(), n, "every row issued exactly once");
    let serials: HashSet<&str> = entries
        .iter()
        .map(|e| e["serial"].as_str().unwrap())
        .collect();
    assert_eq!(serials.len(), n);
    let rows: HashSet<&str> = entries
        .iter()
        .map(|e| e["row_key"].as_str().unwrap())
        .collect();
    assert_eq!(rows.len(), n);
    for s in &serials {
        assert!(out_dir.join(format!("{s}.png")).exists(), "{s}.png missing");
        assert!(out_dir.join(format!("{s}.svg")).exists(), "{s}.svg missing");
    }
    let leftovers = std::fs::read_dir(&out_dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    assert!(leftovers <= 2, "temporary files from the killed run");
    let summary = std::fs::read_to_string(out_dir.join("summary.csv")).unwrap();
    assert_eq!(summary.matches(",ya_emitido,").count(), before);
    assert_eq!(summary.matches(",emitido,").count(), n - before);
    // A third run changes nothing.
    batch(&dir, &list, &out_dir, "png,svg").assert().code(0);
    assert_eq!(ledger_export(&dir).len(), n);
}

#[test]
fn revoked_certificate_is_reported_revoked() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let a = crate::cli::issue(&dir, &["--serial", "A-1"]);
    let b = crate::cli::issue(&dir, &["--serial", "B-2"]);
    sello()
        .args(["revoke", "--dir"])
        .arg(&dir)
        .args(["A-1", "--reason", "emitido por error"])
        .assert()
        .success();
    sello()
        .args(["revoke", "--dir"])
        .arg(&dir)
        .args(["A-1", "--reason", "x"])
        .assert()
        .code(65);
    sello()
        .args(["revoke", "--dir"])
        .arg(&dir)
        .args(["NOPE", "--reason", "x"])
        .assert()
        .code(65);
    publish_status(&dir);
    let ta = tmp.path().join("a.txt");
    let tb = tmp.path().join("b.txt");
    std::fs::write(&ta, a["token"].as_str().unwrap()).unwrap();
    std::fs::write(&tb, b["token"].as_str().unwrap()).unwrap();
    let (code, lines) = verify_json(&dir, &[&ta, &tb]);
    assert_eq!(code, Some(1));
    assert_eq!(lines[0]["reason"], "revoked");
    assert_eq!(lines[1]["verdict"], "valid");
    // The ledger shows it.
    let out = sello()
        .args(["ledger", "show", "--dir"])
        .arg(&dir)
        .arg("A-1")
        .output()
        .unwrap();
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(shown["revoke_reason"], "emitido por error");
    let listed = sello()
        .args(["ledger", "list", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("REVOCADO"));
    // The same serial is never issued twice.
    let out = sello()
        .env("SELLO_PASSPHRASE", PASS)
        .args(["issue", "--dir"])
        .arg(&dir)
        .args([
            "--holder", "Otra", "--code", "EC0105", "--title", "T", "--serial", "B-2",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&out.stderr).contains("el folio \"B-2\" ya se emitió"));
}

#[test]
fn rotation_keeps_old_certificates_and_compromise_rejects_them() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let old_kid = serde_json::from_slice::<Value>(&std::fs::read(dir.join("jwks.json")).unwrap())
        .unwrap()["keys"][0]["kid"]
        .as_str()
        .unwrap()
        .to_owned();
    let before = crate::cli::issue(&dir, &[]);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    crate::cli::rotate(&dir);
    let after = crate::cli::issue(&dir, &[]);
    let published = tmp.path().join("published.json");
    sello()
        .args(["keys", "publish", "--dir"])
        .arg(&dir)
        .arg("--out")
        .arg(&published)
        .assert()
        .success();
    let set: Value = serde_json::from_slice(&std::fs::read(&published).unwrap()).unwrap();
    assert_eq!(set["keys"].as_array().unwrap().len(), 2);
    assert!(
        set["keys"][0]["exp"].is_i64(),
        "the old key's window is closed"
    );
    let t1 = tmp.path().join("t1.txt");
    let t2 = tmp.path().join("t2.txt");
    std::fs::write(&t1, before["token"].as_str().unwrap()).unwrap();
    std::fs::write(&t2, after["token"].as_str().unwrap()).unwrap();
    let (code, lines) = verify_json(&dir, &[&t1, &t2]);
    assert_eq!(code, Some(0), "{lines:?}");
    assert_ne!(lines[0]["kid"], lines[1]["kid"]);

    // Compromise of the old key after the first certificate was signed: it stays valid.
    let iat = before["claims"]["iat"].as_i64().unwrap();
    sello()
        .args(["keys", "revoke", "--dir"])
        .arg(&dir)
        .arg(&old_kid)
        .args(["--at", &(iat + 1).to_string()])
        .assert()
        .success();
    assert_eq!(verify_json(&dir, &[&t1]).0, Some(0));
    // Compromise dated before it: rejected as signed by a compromised key.
    sello()
        .args(["keys", "revoke", "--dir"])
        .arg(&dir)
        .arg(&old_kid)
        .args(["--at", "0"])
        .assert()
        .success();
    let (code, lines) = verify_json(&dir, &[&t1, &t2]);
    assert_eq!(code, Some(1));
    assert_eq!(lines[0]["reason"], "key_revoked");
    assert_eq!(lines[1]["verdict"], "valid");
}

/// "Valid through DATE" (FORMAT.md §3.9): `--expires 2031-11-24` for an issuer in
/// America/Mexico_City (keygen's default) ends at the next midnight there, and the CLI's report,
/// the printable certificate and the JSON all say 24 November 2031 — for one certificate and for
/// a roster row with its own expiry.
#[test]
fn expiry_date_is_the_same_on_paper_on_screen_and_in_json() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let jwks: Value =
        serde_json::from_slice(&std::fs::read(dir.join("jwks.json")).unwrap()).unwrap();
    assert_eq!(jwks["time_zone"], "America/Mexico_City");
    // 2031-11-25T00:00:00-06:00.
    const EXP: i64 = 1_953_352_800;
    let svg = tmp.path().join("uno.svg");
    let issued = issue(
        &dir,
        &[
            "--expires",
            "2031-11-24",
            "--certificate",
            svg.to_str().unwrap(),
        ],
    );
    assert_eq!(issued["claims"]["exp"], EXP);
    assert_eq!(issued["dates"]["valid_through"], "2031-11-24");
    let printed = std::fs::read_to_string(&svg).unwrap();
    assert!(printed.contains("24 de noviembre de 2031"), "{printed}");
    assert!(!printed.contains("25 de noviembre de 2031"));
    let token = issued["token"].as_str().unwrap();
    let human = |lang: &str| {
        let out = sello()
            .env("LANG", lang)
            .args(["verify", "--keys"])
            .arg(dir.join("jwks.json"))
            .arg("--status")
            .arg(dir.join("status.jwt"))
            .arg(token)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    let shown = |report: &str, label: &str| {
        report
            .lines()
            .find_map(|l| l.trim().strip_prefix(label))
            .map(|v| v.trim().to_owned())
            .unwrap_or_else(|| panic!("no {label} in {report}"))
    };
    let es = human("es_MX.UTF-8");
    assert_eq!(shown(&es, "Vigente hasta:"), "2031-11-24", "{es}");
    assert!(!es.contains("2031-11-25"), "{es}");
    let en = human("en_US.UTF-8");
    assert_eq!(shown(&en, "Valid through:"), "2031-11-24", "{en}");
    let token_file = tmp.path().join("token.txt");
    std::fs::write(&token_file, token).unwrap();
    let (code, lines) = verify_json(&dir, &[&token_file]);
    assert_eq!(code, Some(0));
    assert_eq!(lines[0]["dates"]["valid_through"], "2031-11-24");
    assert_eq!(lines[0]["issuer"]["time_zone"], "America/Mexico_City");

    // A roster row with its own expiry (`vence`), printed and verified.
    let list = tmp.path().join("roster.csv");
    std::fs::write(
        &list,
        "nombre,curp,vence\nAna Ruiz Prieto,RUPA800101MDFZRN01,2031-11-24\n",
    )
    .unwrap();
    let out_dir = tmp.path().join("out");
    batch(&dir, &list, &out_dir, "png,pdf,cert-svg")
        .assert()
        .success();
    let files: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let find = |suffix: &str| {
        files
            .iter()
            .find(|p| p.to_string_lossy().ends_with(suffix))
            .unwrap_or_else(|| panic!("{suffix} in {files:?}"))
            .clone()
    };
    let printed = std::fs::read_to_string(find("-certificado.svg")).unwrap();
    assert!(printed.contains("24 de noviembre de 2031"), "{printed}");
    assert!(!printed.contains("25 de noviembre de 2031"));
    assert!(std::fs::read(find(".pdf")).unwrap().starts_with(b"%PDF-"));
    publish_status(&dir);
    let (code, lines) = verify_json(&dir, &[&find(".png")]);
    assert_eq!(code, Some(0), "{lines:?}");
    assert_eq!(lines[0]["claims"]["exp"], EXP);
    assert_eq!(lines[0]["dates"]["valid_through"], "2031-11-24");
}

/// `keygen --time-zone` takes an IANA zone and refuses one that is not.
#[test]
fn keygen_time_zone_is_checked_and_published() {
    let tmp = tempfile::tempdir().unwrap();
    let keygen_in = |dir: &Path, zone: &str| {
        sello()
            .env("SELLO_PASSPHRASE", PASS)
            .args(["keygen", "--dir"])
            .arg(dir)
            .args([
                "--id",
                "mx.tijuana",
                "--name",
                "Centro Tijuana",
                "--time-zone",
                zone,
            ])
            .output()
            .unwrap()
    };
    let bad = tmp.path().join("bad");
    let out = keygen_in(&bad, "America/Atlantis");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("America/Atlantis"));
    assert!(!bad.join("issuer.json").exists());
    let dir = tmp.path().join("tj");
    assert!(keygen_in(&dir, "america/tijuana").status.success());
    let jwks: Value =
        serde_json::from_slice(&std::fs::read(dir.join("jwks.json")).unwrap()).unwrap();
    assert_eq!(jwks["time_zone"], "America/Tijuana");
}

/// An issuer that declares attribute labels gets them everywhere a person reads: a roster column
/// named "Departamento" fills `dep`, the printable certificate prints "Departamento: …", and
/// `sello verify` lists it as "Departamento" (in English, "Department").
#[test]
fn declared_attribute_labels_are_read_from_rosters_printed_and_shown() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("cecati149");
    keygen(&dir);
    let record = dir.join("issuer.json");
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&record).unwrap()).unwrap();
    doc["attribute_labels"] =
        serde_json::json!({"dep": {"es": "Departamento", "en": "Department"}});
    std::fs::write(&record, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();
    let roster = tmp.path().join("grupo.csv");
    std::fs::write(&roster, "nombre,Departamento\nAna Pérez,Registro Civil\n").unwrap();
    let out_dir = tmp.path().join("out");
    let out = crate::cli::batch(&dir, &roster, &out_dir)
        .args([
            "--code",
            "EC0105",
            "--title",
            "Atención",
            "--formats",
            "png,cert-svg",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "png"))
        .unwrap();
    let svg = std::fs::read_to_string(png.with_file_name(format!(
        "{}-certificado.svg",
        png.file_stem().unwrap().to_str().unwrap()
    )))
    .unwrap();
    assert!(
        svg.contains("Departamento: Registro Civil"),
        "the certificate prints the label"
    );
    for (lang, label) in [
        ("es", "Departamento = Registro Civil"),
        ("en", "Department = Registro Civil"),
    ] {
        let out = sello()
            .args(["--lang", lang, "verify", "--keys"])
            .arg(dir.join("jwks.json"))
            .arg(&png)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(label), "{lang}: {stdout}");
        assert!(!stdout.contains("dep ="), "{lang}: {stdout}");
    }
}

/// Every issued row's QR version is in `summary.csv` (the last column, `20-M`), the console
/// gives the range, and rows past the target version are named with their longest fields.
#[test]
fn a_batch_reports_the_qr_version_of_each_certificate_and_warns_about_long_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let list = tmp.path().join("grupo.csv");
    std::fs::write(
        &list,
        "nombre,título,attr.dep\n\
         Ana Pérez,Atención,DIF\n\
         María Guadalupe Hernández López de la Santísima Trinidad,Prestación de servicios de \
         atención al ciudadano en ventanilla única y orientación sobre trámites municipales,\
         Dirección General de Capacitación para el Trabajo Industrial y de Servicios\n\
         ,sin nombre,x\n",
    )
    .unwrap();
    for lang in ["es", "en"] {
        let out_dir = tmp.path().join(format!("out-{lang}"));
        let out = crate::cli::batch(&dir, &list, &out_dir)
            .args(["--lang", lang, "--code", "EC0105", "--formats", "png"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        let summary = std::fs::read_to_string(out_dir.join("summary.csv")).unwrap();
        let rows: Vec<Vec<String>> = csv::Reader::from_reader(summary.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        assert_eq!(rows.len(), 3, "{summary}");
        // The version written is the version drawn: the PNG is (17 + 4 v + 8) modules wide.
        let mut versions = Vec::new();
        for row in &rows[..2] {
            let cell = row.last().unwrap();
            let v: u32 = cell.strip_suffix("-M").unwrap().parse().unwrap();
            let png = image::open(out_dir.join(&row[4])).unwrap();
            let modules = png.width() / sello_print::QR_PNG_SCALE;
            assert_eq!(modules, 17 + 4 * v + 8, "{cell}");
            versions.push(v);
        }
        assert_eq!(rows[2].last().unwrap(), "", "a failed row has no QR code");
        assert!(versions[1] > versions[0], "{versions:?}");
        let range = format!("{}–{}", versions[0], versions[1]);
        let (range_words, warning, line) = match lang {
            "es" => (
                "Códigos QR: versión",
                "mayor que la versión 18",
                "línea 3 (versión",
            ),
            _ => ("QR codes: version", "past version 18", "line 3 (version"),
        };
        assert!(err.contains(&format!("{range_words} {range}")), "{err}");
        // The long row is named with what makes it long, longest first, in UTF-8 bytes (an
        // attribute counts its key).
        assert!(err.contains(warning) && err.contains(line), "{err}");
        let title = "Prestación de servicios de atención al ciudadano en ventanilla única y \
                     orientación sobre trámites municipales";
        let dep = "Dirección General de Capacitación para el Trabajo Industrial y de Servicios";
        let holder = "María Guadalupe Hernández López de la Santísima Trinidad";
        let fields = format!(
            "{}: title {} bytes, dep {} bytes, holder {} bytes)",
            versions[1],
            title.len(),
            dep.len() + 3,
            holder.len()
        );
        assert!(err.contains(&fields), "{fields}\n{err}");
    }
}
