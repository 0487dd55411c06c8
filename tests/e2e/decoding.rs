//! QR decoding: ZXing's phone-photo corpus, photo-like images of real Sello certificates, and
//! several codes in one image.

use sello_core::Verdict;
use sello_testkit::{keys, photo};
use sello_verifier::{TrustStore, Verifier};
use std::fs;

/// Images of one corpus folder whose exact expected text the decoder finds.
fn corpus_folder(name: &str) -> (usize, usize, Vec<String>) {
    let dir = crate::repo().join("tests/corpus/zxing-qr").join(name);
    let (mut read, mut total, mut missed) = (0, 0, Vec::new());
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for image in entries.iter().filter(|p| {
        p.extension()
            .is_some_and(|e| e == "png" || e == "jpg" || e == "jpeg")
    }) {
        let expected = fs::read_to_string(image.with_extension("txt")).unwrap();
        total += 1;
        let found = sello_verifier::scan(&fs::read(image).unwrap()).unwrap_or_default();
        if found.contains(&expected) {
            read += 1;
        } else {
            missed.push(image.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    (read, total, missed)
}

#[test]
fn reads_at_least_as_many_corpus_photos_as_zxing() {
    // ZXing's own expectations at rotation 0 (see tests/corpus/README.md).
    for (folder, zxing, images) in [
        ("qrcode-1", 17, 20),
        ("qrcode-2", 32, 35),
        ("qrcode-3", 38, 42),
    ] {
        let (read, total, missed) = corpus_folder(folder);
        assert_eq!(total, images, "{folder}: corpus incomplete");
        println!("{folder}: {read}/{total} (ZXing {zxing}); missed {missed:?}");
        assert!(
            read >= zxing,
            "{folder}: read {read}/{total}, ZXing reads {zxing}; missed {missed:?}"
        );
    }
}

#[test]
fn reads_and_verifies_every_photo_like_certificate() {
    let issuer = keys::issuer("mx.fotos", 21);
    let issued = issuer
        .issue(&sello_issuer::IssueRequest::new(
            sello_testkit::typical_certificate(),
        ))
        .unwrap();
    let mut trust = TrustStore::new();
    trust
        .add(keys::key_set("mx.fotos", vec![keys::public_key(21)]))
        .unwrap();
    let verifier = Verifier::new(trust);
    let photos = photo::photos(&issued.qr_text);
    assert!(photos.len() >= 12);
    for p in photos {
        let found = sello_verifier::scan(&p.bytes).unwrap_or_else(|e| panic!("{}: {e}", p.kind));
        assert_eq!(found, vec![issued.qr_text.clone()], "{}", p.kind);
        let v = verifier.verify(&found[0], issued.claims.iat);
        assert_eq!(v.verdict, Verdict::Valid, "{}: {v:?}", p.kind);
    }
}

#[test]
fn reports_every_code_in_one_image() {
    let a = photo::render("https://verifica.example.mx/v#uno.dos.tres", 4.0);
    let b = photo::render("https://verifica.example.mx/v#cuatro.cinco.seis", 4.0);
    let mut canvas = image::GrayImage::from_pixel(
        a.width() + b.width() + 40,
        a.height().max(b.height()) + 20,
        image::Luma([255]),
    );
    image::imageops::overlay(&mut canvas, &a, 10, 10);
    image::imageops::overlay(&mut canvas, &b, i64::from(a.width()) + 30, 10);
    let mut found = sello_verifier::scan(&photo::png_bytes(&canvas)).unwrap();
    found.sort();
    assert_eq!(
        found,
        vec![
            "https://verifica.example.mx/v#cuatro.cinco.seis".to_owned(),
            "https://verifica.example.mx/v#uno.dos.tres".to_owned()
        ]
    );
}
