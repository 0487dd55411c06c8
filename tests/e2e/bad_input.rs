//! Hostile and broken input: each gets a clear, typed error, never a panic.

use crate::cli::{keygen, sello};
use sello_core::{KeySet, Reason};
use sello_verifier::{ImageError, TrustStore, Verifier};

#[test]
fn library_never_panics_on_broken_tokens() {
    let verifier = Verifier::new(TrustStore::new());
    let huge = "a".repeat(1 << 20);
    let cases = [
        "",
        ".",
        "..",
        "...",
        "a.b",
        "a.b.c.d",
        "eyJ.eyJ.AA",
        "😀.😀.😀",
        "#",
        "https://x.example/#",
        "eyJhbGciOiJFZERTQSJ9",
        huge.as_str(),
    ];
    for case in cases {
        let v = verifier.verify(case, 0);
        assert_eq!(v.reason, Some(Reason::MalformedToken), "{case:.40}");
    }
}

#[test]
fn small_order_key_in_a_key_set_is_refused_by_the_cli() {
    let tmp = tempfile::tempdir().unwrap();
    let jwks = tmp.path().join("evil.json");
    // The identity point: every signature with R = identity and S = 0 would verify under it.
    std::fs::write(
        &jwks,
        r#"{"issuer":"mx.evil","issuer_name":"Evil","keys":[{"kty":"OKP","crv":"Ed25519","x":"AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}]}"#,
    )
    .unwrap();
    let out = sello()
        .args(["verify", "--keys"])
        .arg(&jwks)
        .arg("a.b.c")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("orden pequeño"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // And through the library.
    assert!(KeySet::from_json(&std::fs::read(&jwks).unwrap()).is_err());
    let mut store = TrustStore::new();
    assert!(store.load(&jwks).is_err());
}

#[test]
fn images_that_are_not_images_truncated_or_bombs() {
    assert!(matches!(
        sello_verifier::scan(b"GIF89a...."),
        Err(ImageError::NotAnImage)
    ));
    assert!(matches!(
        sello_verifier::scan(b"\x89PNG\r\n\x1a\n\0\0\0"),
        Err(ImageError::Decode(_))
    ));
    let qr = sello_testkit::photo::png_bytes(&sello_testkit::photo::render("hola", 4.0));
    assert!(matches!(
        sello_verifier::scan(&qr[..qr.len() / 2]),
        Err(ImageError::Decode(_))
    ));
    assert!(matches!(
        sello_verifier::scan(&[0xff, 0xd8, 0xff, 0xe0, 0, 16]),
        Err(ImageError::Decode(_))
    ));
    // Decompression bombs: small files declaring too many pixels are refused from the header.
    let wide = image::GrayImage::new(sello_verifier::MAX_SIDE + 1, 1);
    let wide = sello_testkit::photo::png_bytes(&wide);
    assert!(wide.len() < 1000);
    assert!(matches!(
        sello_verifier::scan(&wide),
        Err(ImageError::Dimensions { .. })
    ));
    let bomb = image::GrayImage::new(8000, 8000); // 64 Mpx of black in a ~300 KB file
    let bomb = sello_testkit::photo::png_bytes(&bomb);
    assert!(bomb.len() < 400_000, "{}", bomb.len());
    assert!(matches!(
        sello_verifier::scan(&bomb),
        Err(ImageError::Dimensions {
            width: 8000,
            height: 8000
        })
    ));
    // Over the file-size cap.
    let big = vec![0x89u8; sello_verifier::MAX_IMAGE_BYTES + 1];
    assert!(matches!(
        sello_verifier::scan(&big),
        Err(ImageError::TooLarge { .. })
    ));
}

#[test]
fn cli_bad_inputs_exit_2_with_a_message() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let keys = dir.join("jwks.json");
    let write = |name: &str, bytes: &[u8]| {
        let p = tmp.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let blank = write(
        "blank.png",
        &sello_testkit::photo::png_bytes(&image::GrayImage::from_pixel(
            200,
            200,
            image::Luma([255]),
        )),
    );
    let binary = write("binary.png", &[0u8, 159, 146, 150, 255, 1, 2]);
    let truncated = write("truncated.png", b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR");
    let huge = write("huge.bin", &vec![b'a'; sello_verifier::MAX_TEXT_BYTES + 1]);
    for (path, code, message) in [
        // The CLI speaks Spanish here (LANG=es_MX).
        (&blank, "no_qr_code", "no se encontró ningún código QR"),
        (
            &binary,
            "unrecognised_input",
            "no es una imagen PNG, JPEG ni SVG",
        ),
        (&truncated, "bad_image", "no se pudo decodificar la imagen"),
        (&huge, "too_large", "límite"),
    ] {
        let out = sello()
            .args(["verify", "--json", "--keys"])
            .arg(&keys)
            .arg(path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{path:?}");
        let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(line["error"], code, "{path:?}");
        assert!(
            line["message"].as_str().unwrap().contains(message),
            "{line}"
        );
        let out = sello()
            .args(["verify", "--keys"])
            .arg(&keys)
            .arg(path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(!out.stderr.is_empty());
    }
    // A megabyte on standard input is capped, not parsed.
    let out = sello()
        .args(["verify", "--keys"])
        .arg(&keys)
        .arg("-")
        .write_stdin(vec![b'e'; 1 << 20])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // A text file holding garbage is not a Sello certificate at all: an input error (exit 2),
    // not a red verdict and not a crash.
    let text = write("token.txt", b"esto no es un token");
    let out = sello()
        .args(["verify", "--keys"])
        .arg(&keys)
        .arg(&text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no es un certificado Sello"));
    // scan on a non-image.
    sello().arg("scan").arg(&text).assert().code(2);
    sello().arg("scan").arg(&blank).assert().code(2);
}
