//! The `sello` binary as a user runs it: output, JSON, languages and exit statuses.

use crate::json_lines;
use assert_cmd::Command;
use sello_testkit::vectors;
use serde_json::Value;
use std::path::Path;

pub const PASS: &str = "frase de prueba larga";

pub fn sello() -> Command {
    let mut cmd = Command::cargo_bin("sello").unwrap();
    cmd.env_remove("SELLO_KEYS")
        .env_remove("SELLO_PASSPHRASE")
        .env("LANG", "es_MX.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

pub fn keygen(dir: &Path) {
    sello()
        .env("SELLO_PASSPHRASE", PASS)
        .args(["keygen", "--dir"])
        .arg(dir)
        .args([
            "--id",
            "mx.cecati149",
            "--name",
            "CECATI 149",
            "--url",
            "https://verifica.example.mx/v",
        ])
        .assert()
        .success();
}

/// `sello keys rotate --dir DIR` with the test passphrase, which must succeed.
pub fn rotate(dir: &Path) {
    sello()
        .env("SELLO_PASSPHRASE", PASS)
        .args(["keys", "rotate", "--dir"])
        .arg(dir)
        .assert()
        .success();
}

/// `sello issue --dir DIR --batch ROSTER --out OUT` with the test passphrase, for the caller to
/// add its options and run.
pub fn batch(dir: &Path, roster: &Path, out: &Path) -> Command {
    let mut cmd = sello();
    cmd.env("SELLO_PASSPHRASE", PASS)
        .args(["issue", "--dir"])
        .arg(dir)
        .arg("--batch")
        .arg(roster)
        .arg("--out")
        .arg(out);
    cmd
}

/// Issues one certificate; returns the `--json` output.
pub fn issue(dir: &Path, extra: &[&str]) -> Value {
    let out = sello()
        .env("SELLO_PASSPHRASE", PASS)
        .args(["issue", "--json", "--dir"])
        .arg(dir)
        .args([
            "--holder",
            "Rosa Elena Rodríguez Cruz",
            "--holder-id",
            "ROCR780512MMCDRS02",
        ])
        .args([
            "--code",
            "EC0105",
            "--title",
            "Atención al ciudadano en el sector público",
        ])
        .args(["--unit", "CECATI 149", "--attr", "dep=Protección Civil"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    publish_status(dir);
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Publishes the issuer's status list to DIR/status.jwt.
pub fn publish_status(dir: &Path) {
    sello()
        .env("SELLO_PASSPHRASE", PASS)
        .args(["status", "publish", "--dir"])
        .arg(dir)
        .assert()
        .success();
}

#[test]
fn keygen_issue_verify_token_url_png_and_stdin() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let private: Vec<_> = std::fs::read_dir(dir.join("private")).unwrap().collect();
        assert_eq!(private.len(), 1);
        let mode = private[0]
            .as_ref()
            .unwrap()
            .metadata()
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let png = tmp.path().join("qr.png");
    let issued = issue(
        &dir,
        &["--qr", png.to_str().unwrap(), "--serial", "CECATI-149-0001"],
    );
    let token = issued["token"].as_str().unwrap();
    assert_eq!(issued["serial"], "CECATI-149-0001");
    // The QR code holds the numeric form; the JSON gives the plain token beside it.
    assert_eq!(
        issued["qr_text"],
        sello_core::qr_text::qr_text(Some("https://verifica.example.mx/v"), token)
    );
    assert!(token.starts_with("eyJ"));
    let keys = dir.join("jwks.json");

    // The bare token, in Spanish.
    let out = sello()
        .args(["verify", "--keys"])
        .arg(&keys)
        .arg("--status")
        .arg(&dir)
        .arg(token)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "CERTIFICADO VÁLIDO",
        "Rosa Elena Rodríguez Cruz",
        "Folio:",
        "CECATI-149-0001",
        "EC0105",
        "Protección Civil",
        "CECATI 149",
        "mx.cecati149",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }

    // The URL, the PNG, and the issuer folder as --keys, in English.
    let out = sello()
        .args(["--lang", "en", "verify", "--keys"])
        .arg(&dir)
        .arg("--status")
        .arg(&dir)
        .arg(issued["qr_text"].as_str().unwrap())
        .arg(&png)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("VALID CERTIFICATE").count(), 2, "{text}");
    assert!(text.contains("Serial:"));

    // Standard input: a token, then the PNG's bytes.
    sello()
        .args(["verify", "--json", "--keys"])
        .arg(&keys)
        .arg("--status")
        .arg(&dir)
        .arg("-")
        .write_stdin(format!("{token}\n"))
        .assert()
        .code(0);
    let out = sello()
        .args(["verify", "--json", "--keys"])
        .arg(&keys)
        .arg("--status")
        .arg(&dir)
        .arg("-")
        .write_stdin(std::fs::read(&png).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v = &json_lines(&out.stdout)[0];
    assert_eq!(v["verdict"], "valid");
    assert_eq!(v["reason"], Value::Null);
    assert_eq!(v["claims"]["jti"], "CECATI-149-0001");
    assert_eq!(v["claims"]["cert"]["h"]["n"], "Rosa Elena Rodríguez Cruz");
    assert_eq!(v["issuer"]["id"], "mx.cecati149");

    // scan prints the QR content.
    let out = sello().arg("scan").arg(&png).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        issued["qr_text"].as_str().unwrap()
    );
}

#[test]
fn svg_qr_and_generated_serials() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let svg = tmp.path().join("qr.svg");
    let a = issue(&dir, &["--qr", svg.to_str().unwrap()]);
    let b = issue(&dir, &[]);
    assert_ne!(a["serial"], b["serial"]);
    assert_eq!(a["serial"].as_str().unwrap().len(), 14);
    let svg = std::fs::read_to_string(svg).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("<path"));
    sello()
        .env("SELLO_PASSPHRASE", PASS)
        .args(["issue", "--dir"])
        .arg(&dir)
        .args([
            "--holder", "X", "--code", "EC0105", "--title", "T", "--qr", "qr.gif",
        ])
        .assert()
        .code(2);
}

#[test]
fn exit_statuses_and_reasons() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let keys = dir.join("jwks.json");
    let issued = issue(&dir, &["--expires", "2030-12-31"]);
    let token = issued["token"].as_str().unwrap().to_owned();
    // Change one character in the middle of the signature.
    let mut forged = token.clone().into_bytes();
    let i = forged.len() - 10;
    forged[i] = if forged[i] == b'A' { b'B' } else { b'A' };
    let forged = String::from_utf8(forged).unwrap();

    let run = |args: &[&str]| {
        let out = sello()
            .args(["verify", "--json", "--keys"])
            .arg(&keys)
            .arg("--status")
            .arg(&dir)
            .args(args)
            .output()
            .unwrap();
        (out.status.code(), json_lines(&out.stdout))
    };
    let (code, lines) = run(&[&forged]);
    assert_eq!(code, Some(1));
    assert_eq!(lines[0]["verdict"], "invalid");
    assert!(
        lines[0]["claims"].is_null(),
        "no claims before the signature verifies"
    );

    // Valid now; on 2030-12-31 the certificate is still in force but this week's status list
    // is long stale, so the answer is indeterminate; on 2031-01-02 it has expired.
    assert_eq!(run(&[&token]).0, Some(0));
    let (code, lines) = run(&["--at", "2030-12-31T23:00:00Z", &token]);
    assert_eq!(code, Some(3));
    assert_eq!(lines[0]["reason"], "status_unavailable");
    let (code, lines) = run(&["--at", "2031-01-02", &token]);
    assert_eq!(code, Some(1));
    assert_eq!(lines[0]["reason"], "expired");

    // Mixed inputs: any invalid wins; otherwise unreadable input gives 2.
    assert_eq!(run(&[&token, &forged]).0, Some(1));
    let (code, lines) = run(&[&token, "no-such-file.png"]);
    assert_eq!(code, Some(2));
    assert_eq!(lines[1]["error"], "not_found");

    // Indeterminate: a status entry and no status list (the shared vector's token and keys).
    let trust = tmp.path().join("trust");
    std::fs::create_dir(&trust).unwrap();
    crate::write_vector_key_sets(&trust);
    let doc: Value = serde_json::from_slice(
        &std::fs::read(crate::repo().join("tests/vectors/status.json")).unwrap(),
    )
    .unwrap();
    let status_token = doc["cases"][0]["token"].as_str().unwrap();
    let out = sello()
        .args(["verify", "--json", "--keys"])
        .arg(&trust)
        .args(["--at", &vectors::AT.to_string(), status_token])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(json_lines(&out.stdout)[0]["verdict"], "indeterminate");

    // The human report names the reason in Spanish, with its code.
    let out = sello()
        .args(["verify", "--keys"])
        .arg(&keys)
        .arg("--status")
        .arg(&dir)
        .arg(&forged)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("CERTIFICADO NO VÁLIDO") && text.contains("(bad_signature)"),
        "{text}"
    );

    // Unknown issuer: the token checked against another issuer's keys.
    let other = tmp.path().join("other");
    keygen_as(&other, "mx.otro");
    let out = sello()
        .args(["verify", "--json", "--keys"])
        .arg(other.join("jwks.json"))
        .arg(&token)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&out.stdout)[0]["reason"], "unknown_issuer");
}

fn keygen_as(dir: &Path, id: &str) {
    sello()
        .env("SELLO_PASSPHRASE", PASS)
        .args(["keygen", "--dir"])
        .arg(dir)
        .args(["--id", id, "--name", "Otro"])
        .assert()
        .success();
}

#[test]
fn usage_and_key_errors_exit_2_and_77() {
    let tmp = tempfile::tempdir().unwrap();
    // No trusted keys.
    let out = sello().args(["verify", "abc.def.ghi"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--keys"));
    // No passphrase and no terminal.
    let out = sello()
        .args(["keygen", "--dir"])
        .arg(tmp.path().join("x"))
        .args(["--id", "mx.x", "--name", "X"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(77),
        "no passphrase: the key cannot be used"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("SELLO_PASSPHRASE"));
    // A wrong passphrase: a clear error that does not echo it, in the person's language (the
    // words are sello-issuer's catalogue's; Spanish printed English before).
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    for (lang, says, not) in [
        (
            "es",
            "frase de contraseña incorrecta o archivo de llave dañado",
            "wrong passphrase",
        ),
        ("en", "wrong passphrase or damaged key file", "incorrecta"),
    ] {
        let out = sello()
            .env("SELLO_PASSPHRASE", "la frase equivocada")
            .args(["--lang", lang, "issue", "--dir"])
            .arg(&dir)
            .args(["--holder", "X", "--code", "EC0105", "--title", "T"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(77));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(says) && !err.contains(not) && !err.contains("equivocada"),
            "{lang}: {err}"
        );
    }
    // Unknown subcommand.
    sello().arg("nada").assert().code(2);
}

#[test]
fn demo_verifies_39_of_39_and_rejects_the_tampered_one() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("demo");
    let out = sello()
        .args(["demo", "--out"])
        .arg(&out_dir)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("39 de 39 certificados verificados desde su PNG"),
        "{text}"
    );
    assert!(
        text.contains(
            "los alterados, fuera de alcance, suspendidos y revertidos fueron rechazados"
        ),
        "{text}"
    );
    // Each refusal for its own reason, and the chain a valid verdict names.
    for code in [
        "(bad_signature)",
        "(standard_out_of_scope)",
        "(issuer_suspended)",
        "es más antiguo que uno ya aceptado",
        "acreditado por CONOCER (demostración) para EC0105 desde",
    ] {
        assert!(text.contains(code), "{code}: {text}");
    }
    assert_eq!(std::fs::read_dir(out_dir.join("qr")).unwrap().count(), 39);
    assert_eq!(std::fs::read_dir(out_dir.join("casos")).unwrap().count(), 4);
    // An employer with nothing but the pinned root and the bundle (and a state folder of
    // their own) verifies every PNG, and the demo's cases come out as the demo said.
    let state = tmp.path().join("estado-del-empleador");
    let through_bundle = |input: &std::path::Path| {
        sello()
            .env("XDG_STATE_HOME", &state)
            .args(["--lang", "en", "verify", "--json", "--trust"])
            .arg(out_dir.join("conocer/root.json"))
            .arg("--bundle")
            .arg(out_dir.join("trust.jwt"))
            .arg(input)
            .output()
            .unwrap()
    };
    let all = through_bundle(&out_dir.join("qr"));
    assert_eq!(
        all.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&all.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&all.stdout).lines().count(), 39);
    for (file, code) in [
        ("fuera-de-alcance.png", "\"standard_out_of_scope\""),
        ("despues-de-la-suspension.png", "\"issuer_suspended\""),
    ] {
        let one = through_bundle(&out_dir.join("casos").join(file));
        assert_eq!(one.status.code(), Some(1), "{file}");
        assert!(
            String::from_utf8_lossy(&one.stdout).contains(code),
            "{file}"
        );
    }
    // The older bundle after the newer one: refused (exit 2), whatever the input.
    sello()
        .env("XDG_STATE_HOME", &state)
        .args(["verify", "--trust"])
        .arg(out_dir.join("conocer/root.json"))
        .arg("--bundle")
        .arg(out_dir.join("trust-1.jwt"))
        .arg(out_dir.join("qr"))
        .assert()
        .code(2);
    // The demo issuer's key set is the one published in keys/demo/, except that its key's
    // window opens when the demo created it (`nbf`), before every certificate it issued.
    let published: Value =
        serde_json::from_slice(&std::fs::read(crate::repo().join("keys/demo/jwks.json")).unwrap())
            .unwrap();
    let mut own: Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("issuer/jwks.json")).unwrap()).unwrap();
    let nbf = own["keys"][0]
        .as_object_mut()
        .unwrap()
        .remove("nbf")
        .and_then(|n| n.as_i64())
        .expect("the demo key has a window");
    assert_eq!(own, published);
    let tokens = std::fs::read_to_string(out_dir.join("tokens.txt")).unwrap();
    for token in tokens.lines() {
        let claims = sello_core::token::decode(token).unwrap().claims;
        assert!(claims.iat >= nbf);
    }
    // The private key at rest is encrypted: the seed is not in the file.
    let private = std::fs::read_dir(out_dir.join("issuer/private"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let bytes = std::fs::read(private).unwrap();
    assert!(!bytes.windows(10).any(|w| w == b"sello demo"));
    // An employer verifies the demo PNGs with the published key set.
    let first_png = std::fs::read_dir(out_dir.join("qr"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| !p.to_string_lossy().contains("ALTERADO"))
        .unwrap();
    sello()
        .args(["verify", "--keys"])
        .arg(crate::repo().join("keys"))
        .arg("--status")
        .arg(out_dir.join("issuer/status.jwt"))
        .arg(&first_png)
        .assert()
        .code(0);
    // Without the status list the answer is indeterminate, never a silent pass.
    sello()
        .args(["verify", "--keys"])
        .arg(crate::repo().join("keys"))
        .arg(&first_png)
        .assert()
        .code(3);
    // Running it again over its own output is fine; over a foreign folder it refuses.
    sello()
        .args(["--lang", "en", "demo", "--out"])
        .arg(&out_dir)
        .assert()
        .code(0);
    let foreign = tmp.path().join("foreign");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("keep.txt"), "mine").unwrap();
    sello()
        .args(["demo", "--out"])
        .arg(&foreign)
        .assert()
        .code(2);
    assert!(foreign.join("keep.txt").exists());
}

#[cfg(unix)]
#[test]
fn openssl_reads_the_encrypted_private_key() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let key = std::fs::read_dir(dir.join("private"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let out = std::process::Command::new("openssl")
        .args([
            "pkey",
            "-inform",
            "DER",
            "-passin",
            &format!("pass:{PASS}"),
            "-pubout",
            "-outform",
            "DER",
            "-in",
        ])
        .arg(&key)
        .output()
        .expect("openssl is installed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The SubjectPublicKeyInfo ends with the 32-byte key published in jwks.json.
    let jwks: Value =
        serde_json::from_slice(&std::fs::read(dir.join("jwks.json")).unwrap()).unwrap();
    let x = sello_core::b64::decode(jwks["keys"][0]["x"].as_str().unwrap()).unwrap();
    assert!(out.stdout.ends_with(&x));
    // A wrong passphrase fails there too.
    let bad = std::process::Command::new("openssl")
        .args([
            "pkey",
            "-inform",
            "DER",
            "-passin",
            "pass:otra cosa",
            "-noout",
            "-in",
        ])
        .arg(&key)
        .output()
        .unwrap();
    assert!(!bad.status.success());
}
