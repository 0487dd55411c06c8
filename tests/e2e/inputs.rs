//! What users hand `sello verify` first: the files Sello itself writes. Its SVGs (the QR code,
//! a batch's `<serial>.svg` and `<serial>-certificado.svg`, a printable certificate) verify
//! like photos; a PDF is an input error that says what to send instead, never a verdict.

use crate::cli::{issue, keygen, sello};
use crate::json_lines;
use std::path::Path;

fn verify(dir: &Path, args: &[&Path], json: bool) -> std::process::Output {
    let mut cmd = sello();
    cmd.arg("verify");
    if json {
        cmd.arg("--json");
    }
    cmd.arg("--keys")
        .arg(dir.join("jwks.json"))
        .arg("--status")
        .arg(dir.join("status.jwt"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn sellos_own_svgs_verify_and_its_pdf_says_what_to_send() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let qr = tmp.path().join("qr.svg");
    let cert = tmp.path().join("certificado.svg");
    let issued = issue(
        &dir,
        &[
            "--qr",
            qr.to_str().unwrap(),
            "--certificate",
            cert.to_str().unwrap(),
        ],
    );
    let pdf = tmp.path().join("certificado.pdf");
    let png = tmp.path().join("qr.png");
    let issued_pdf = issue(
        &dir,
        &[
            "--qr",
            png.to_str().unwrap(),
            "--certificate",
            pdf.to_str().unwrap(),
        ],
    );
    // Both SVGs: valid, the right certificate, in JSON and for a person.
    let out = verify(&dir, &[&qr, &cert], true);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    for line in &lines {
        assert_eq!(line["verdict"], "valid", "{line}");
        assert_eq!(line["claims"]["jti"], issued["serial"]);
    }
    let out = verify(&dir, &[&cert], false);
    assert_eq!(out.status.code(), Some(0));
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(human.starts_with("✔ CERTIFICADO VÁLIDO"), "{human}");
    assert!(human.contains("Rosa Elena Rodríguez Cruz"));
    // `sello scan` prints what the SVGs' QR codes hold.
    for svg in [&qr, &cert] {
        let out = sello().arg("scan").arg(svg).output().unwrap();
        assert!(out.status.success());
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            issued["qr_text"].as_str().unwrap()
        );
    }
    // The PDF: an input error (exit 2) naming what to send, in JSON and for a person; never a
    // verdict. Its PNG, written beside it, verifies.
    let out = verify(&dir, &[&pdf], true);
    assert_eq!(out.status.code(), Some(2));
    let line = &json_lines(&out.stdout)[0];
    assert_eq!(line["error"], "pdf_not_read");
    assert!(line["verdict"].is_null());
    let message = line["message"].as_str().unwrap();
    assert!(
        message.contains("<folio>.png") && message.contains("foto"),
        "{message}"
    );
    let out = verify(&dir, &[&pdf], false);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no verdict for a PDF");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("los PDF no se leen") && err.contains("<folio>.png"),
        "{err}"
    );
    sello().arg("scan").arg(&pdf).assert().code(2);
    let out = verify(&dir, &[&png], true);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        json_lines(&out.stdout)[0]["claims"]["jti"],
        issued_pdf["serial"]
    );
    // A PDF on standard input too.
    let out = sello()
        .args(["verify", "--json", "--keys"])
        .arg(dir.join("jwks.json"))
        .arg("-")
        .write_stdin(std::fs::read(&pdf).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json_lines(&out.stdout)[0]["error"], "pdf_not_read");
}

#[test]
fn a_batch_folder_verifies_completely_png_svg_and_certificate_svg() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let roster = tmp.path().join("roster.csv");
    std::fs::write(
        &roster,
        "nombre,curp\nAna Pérez Gómez,PEGA800101MDFRMN01\nLuis Ángel Ruiz,RUAL790202HDFZNS02\n",
    )
    .unwrap();
    let out_dir = tmp.path().join("out");
    crate::cli::batch(&dir, &roster, &out_dir)
        .args(["--code", "EC0105", "--title", "Atención al ciudadano"])
        .args(["--formats", "png,svg,pdf,cert-svg"])
        .assert()
        .success();
    crate::cli::publish_status(&dir);
    let out = verify(&dir, &[&out_dir], true);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let lines = json_lines(&out.stdout);
    let mut inputs: Vec<String> = lines
        .iter()
        .map(|l| {
            assert_eq!(l["verdict"], "valid", "{l}");
            let input = l["input"].as_str().unwrap();
            let name = Path::new(input).file_name().unwrap().to_string_lossy();
            let serial = l["claims"]["jti"].as_str().unwrap();
            assert!(name.starts_with(serial), "{name} holds {serial}");
            name[serial.len()..].to_owned()
        })
        .collect();
    inputs.sort();
    // Per certificate: its PNG, its SVG and its printable SVG; PDFs and summary.csv are left
    // out of a folder.
    assert_eq!(
        inputs,
        [
            "-certificado.svg",
            "-certificado.svg",
            ".png",
            ".png",
            ".svg",
            ".svg"
        ]
    );
}

#[test]
fn svg_inputs_that_are_not_sello_drawings_are_input_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    issue(&dir, &[]);
    let write = |name: &str, body: &str| {
        let p = tmp.path().join(name);
        std::fs::write(&p, body).unwrap();
        p
    };
    let text = write("page.svg", "<html><body>not a drawing</body></html>");
    let passwd = write(
        "image.svg",
        "<svg xmlns='http://www.w3.org/2000/svg' width='50mm' height='50mm'><image href='file:///etc/passwd' width='50' height='50'/></svg>",
    );
    let laughs = write(
        "laughs.svg",
        "<!DOCTYPE svg [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]><svg xmlns='http://www.w3.org/2000/svg'><text>&b;</text></svg>",
    );
    let zero = write(
        "zero.svg",
        "<svg xmlns='http://www.w3.org/2000/svg' width='0' height='0'/>",
    );
    // An SVG whatever its name: recognised by content.
    let renamed = write(
        "certificado.txt",
        "<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg' width='0' height='0'/>",
    );
    for (path, code, words) in [
        // The CLI speaks Spanish here (LANG=es_MX).
        (
            &text,
            "not_svg",
            "se llama .svg pero no es un documento SVG",
        ),
        (&passwd, "no_qr_code", "no se encontró ningún código QR"),
        (&laughs, "bad_svg", "declaración de tipo de documento"),
        (&zero, "bad_svg", "no se pudo dibujar"),
        (&renamed, "bad_svg", "no se pudo dibujar"),
    ] {
        let out = verify(&dir, &[path], true);
        assert_eq!(out.status.code(), Some(2), "{path:?}");
        let line = &json_lines(&out.stdout)[0];
        assert_eq!(line["error"], code, "{line}");
        assert!(line["verdict"].is_null());
        assert!(line["message"].as_str().unwrap().contains(words), "{line}");
        let out = verify(&dir, &[path], false);
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty(), "no verdict for {path:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(words));
        sello().arg("scan").arg(path).assert().code(2);
    }
}
