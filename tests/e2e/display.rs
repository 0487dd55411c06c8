//! What a person sees cannot lie: hostile text (a parser complaint quoting an attacker's member
//! name, a file name, a QR code's text) reaches the terminal escaped, through the real binary.

use crate::cli::sello;
use crate::write_vector_key_sets;
use sello_core::b64;
use sello_core::untrusted::first_forbidden;
use sello_testkit::{photo, vectors};

/// What a forger draws on a terminal: clear the screen, home the cursor, a green headline and
/// a holder, then move the cursor up over the real (red) report.
const PAINT: &str = "\u{1b}[2J\u{1b}[H\u{1b}[1;32m✔ CERTIFICADO VÁLIDO\u{1b}[0m\r\n  Titular: Persona Inventada\u{1b}[1A\u{202e}";

/// A token made without any key whose payload has a member named [`PAINT`]: its shape is a
/// token's, so a verifier parses it and complains about the unknown member.
fn forged_token() -> String {
    let header = br#"{"alg":"EdDSA","kid":"UDDReOZl1io","typ":"sello+jwt"}"#;
    let name = serde_json::to_string(PAINT).unwrap();
    let payload = format!(
        r#"{{"iss":"{}","jti":"A-1","iat":1767225600,{name}:1,"cert":{{"h":{{"n":"X"}},"a":{{"c":"EC0105","t":"T"}}}}}}"#,
        vectors::ISSUER
    );
    format!(
        "{}.{}.{}",
        b64::encode(header),
        b64::encode(payload.as_bytes()),
        b64::encode(&[7u8; 64])
    )
}

/// Every line a person would see: no control character but the line ends, no invisible format
/// character, and no line that starts like a valid verdict.
fn assert_safe(output: &[u8], what: &str) {
    let text = String::from_utf8_lossy(output);
    for line in text.lines() {
        assert!(
            first_forbidden(line).is_none(),
            "{what}: a control or format character reached the terminal: {line:?}"
        );
        assert!(
            !line.trim_start().starts_with("✔"),
            "{what}: a line that looks like a valid verdict: {line:?}\n{text}"
        );
    }
}

#[test]
fn forged_member_names_file_names_and_qr_texts_are_shown_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let keys = tmp.path().join("keys");
    std::fs::create_dir(&keys).unwrap();
    write_vector_key_sets(&keys);
    let token = forged_token();
    let folder = tmp.path().join("recibidos");
    std::fs::create_dir(&folder).unwrap();
    // A QR code whose text is the forged token, in a file whose name paints too.
    let png = photo::png_bytes(&photo::render(&format!("https://x.example/v#{token}"), 4.0));
    let hostile_name = format!("{PAINT}.png");
    std::fs::write(folder.join(&hostile_name), &png).unwrap();
    std::fs::write(folder.join("token.jwt"), &token).unwrap();

    for lang in ["es", "en"] {
        let out = sello()
            .args(["--lang", lang, "verify", "--keys"])
            .arg(&keys)
            .arg(&folder)
            .arg(&token)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "a forgery is invalid");
        assert_safe(&out.stdout, "verify stdout");
        assert_safe(&out.stderr, "verify stderr");
        let text = String::from_utf8_lossy(&out.stdout);
        // The forged text is there for the person to see, escaped, under the real verdict.
        assert!(text.contains("\\u{1b}[2J"), "{text}");
        assert_eq!(text.matches("✘").count(), 3, "{text}");
    }

    // `sello scan` prints QR texts escaped; --json keeps them exact.
    let qr = tmp.path().join("qr.png");
    std::fs::write(
        &qr,
        photo::png_bytes(&photo::render(&format!("texto {PAINT}"), 4.0)),
    )
    .unwrap();
    let out = sello().arg("scan").arg(&qr).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_safe(&out.stdout, "scan stdout");
    assert!(String::from_utf8_lossy(&out.stdout).contains("\\u{1b}[2J"));
    let out = sello().args(["scan", "--json"]).arg(&qr).output().unwrap();
    let line = &crate::json_lines(&out.stdout)[0];
    assert_eq!(line["text"], format!("texto {PAINT}"));

    // An input error that names a hostile file goes to stderr escaped.
    let missing = tmp.path().join(format!("{PAINT}.jpg"));
    std::fs::write(&missing, b"\xff\xd8\xffnot really a jpeg").unwrap();
    let out = sello()
        .args(["verify", "--keys"])
        .arg(&keys)
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_safe(&out.stderr, "input error");
    assert!(String::from_utf8_lossy(&out.stderr).contains("\\u{1b}[2J"));
}

#[test]
fn attribute_keys_cannot_pass_for_sellos_labels() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    crate::cli::keygen(&dir);
    let issued = crate::cli::issue(
        &dir,
        &[
            "--attr",
            "emisor=Secretaría de Educación Pública",
            "--attr",
            "titular=Otra Persona",
        ],
    );
    let out = sello()
        .args(["verify", "--keys"])
        .arg(dir.join("jwks.json"))
        .arg("--status")
        .arg(&dir)
        .arg(issued["token"].as_str().unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    // Sello's own labels: exactly one holder and one issuer line, with the signed values.
    let labelled = |label: &str| {
        lines
            .iter()
            .filter(|l| l.trim_start().to_lowercase().starts_with(label))
            .copied()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        labelled("titular:"),
        ["  Titular:         Rosa Elena Rodríguez Cruz"]
    );
    assert_eq!(labelled("emisor:"), ["  Emisor:          CECATI 149"]);
    // The attributes come after a heading of their own, as `key = value`.
    let heading = lines
        .iter()
        .position(|l| l.contains("Otros datos del certificado"))
        .expect("attributes heading");
    assert!(lines[heading..].contains(&"    emisor = Secretaría de Educación Pública"));
    assert!(lines[heading..].contains(&"    titular = Otra Persona"));
    assert!(
        lines[..heading].iter().all(|l| !l.contains("Otra Persona")),
        "{text}"
    );
}

#[test]
fn issuers_a_person_could_confuse_are_warned_about_at_load() {
    let tmp = tempfile::tempdir().unwrap();
    let keys = tmp.path().join("keys");
    std::fs::create_dir(&keys).unwrap();
    for (file, id, name, seed) in [
        ("a.json", "mx.cecati149", "CECATI 149", 1),
        ("b.json", "mx.cecatil49", "Centro Falso", 2),
        ("c.json", "mx.otro", "C\u{395}CATI 149", 3),
    ] {
        let mut set = sello_testkit::keys::key_set(id, vec![sello_testkit::keys::public_key(seed)]);
        set.issuer.name = name.into();
        std::fs::write(keys.join(file), set.to_json()).unwrap();
    }
    let token = vectors::raw_token(
        r#"{"alg":"EdDSA","kid":"x","typ":"sello+jwt"}"#,
        r#"{"iss":"mx.nadie","jti":"A-1","iat":1767225600,"cert":{"h":{"n":"X"},"a":{"c":"C","t":"T"}}}"#,
        &sello_testkit::keys::signing_key(1),
    );
    let out = sello()
        .args(["verify", "--keys"])
        .arg(&keys)
        .arg(&token)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("mx.cecati149 y mx.cecatil49 tienen ids que se pueden confundir"),
        "{stderr}"
    );
    assert!(
        stderr.contains("mx.cecati149 y mx.otro tienen nombres que se pueden confundir"),
        "{stderr}"
    );
    assert_safe(&out.stderr, "warnings");
}
