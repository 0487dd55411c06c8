//! Measures QR decoders on ZXing's phone-photo corpus and on photo-like Sello certificates,
//! and prints the Markdown tables of `docs/DECODING.md`.
//!
//! ```text
//! cargo run --release -p sello-verifier --example decoder_table
//! ```
//!
//! Compared, on the same grayscale pixels: `rqrr` (grayscale input), `rxing` with its
//! default single-code detector (hybrid binarizer, "try harder"), and Sello's pipeline
//! (`sello_verifier::decode_with_stage`). An image counts as read when the exact expected text is among
//! the texts found.

use image::GrayImage;
use sello_verifier::load_gray;
use sello_verifier::{Stage, decode_with_stage};
use std::path::PathBuf;
use std::time::{Duration, Instant};

type Decoder = (&'static str, fn(&GrayImage) -> Vec<String>);

fn rqrr_gray(img: &GrayImage) -> Vec<String> {
    let (w, h) = img.dimensions();
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(w as usize, h as usize, |x, y| {
            img.get_pixel(x as u32, y as u32).0[0]
        });
    prepared
        .detect_grids()
        .iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

fn rxing_default(img: &GrayImage) -> Vec<String> {
    let (w, h) = img.dimensions();
    rxing::helpers::detect_in_luma(
        img.as_raw().clone(),
        w,
        h,
        Some(rxing::BarcodeFormat::QR_CODE),
    )
    .map(|r| vec![r.getText().to_owned()])
    .unwrap_or_default()
}

fn sello_pipeline(img: &GrayImage) -> Vec<String> {
    decode_with_stage(img).0
}

const DECODERS: [Decoder; 3] = [
    ("rqrr 0.11 (grayscale)", rqrr_gray),
    ("rxing 0.9 (default detector)", rxing_default),
    ("Sello pipeline (rxing + 3 fallbacks)", sello_pipeline),
];

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

fn corpus() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/zxing-qr");
    let folders = [("qrcode-1", 17), ("qrcode-2", 32), ("qrcode-3", 38)];
    let mut images = Vec::new();
    for (folder, _) in folders {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(folder))
            .expect("corpus folder")
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "png" || e == "jpg"))
            .collect();
        paths.sort();
        for p in paths {
            let expected = std::fs::read_to_string(p.with_extension("txt")).unwrap();
            let gray = load_gray(&std::fs::read(&p).unwrap()).unwrap();
            images.push((
                folder,
                p.file_name().unwrap().to_string_lossy().into_owned(),
                gray,
                expected,
            ));
        }
    }
    println!(
        "| decoder | qrcode-1 (ZXing 17/20) | qrcode-2 (ZXing 32/35) | qrcode-3 (ZXing 38/42) | total /97 | median ms | max ms |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (name, decode) in DECODERS {
        let mut counts = [0usize; 3];
        let mut times = Vec::new();
        let mut missed = Vec::new();
        for (folder, file, gray, expected) in &images {
            let start = Instant::now();
            let found = decode(gray);
            times.push(start.elapsed());
            let i = folders.iter().position(|(f, _)| f == folder).unwrap();
            if found.contains(expected) {
                counts[i] += 1;
            } else {
                missed.push(format!("{folder}/{file}"));
            }
        }
        let max = times.iter().max().copied().unwrap_or_default();
        println!(
            "| {name} | {} | {} | {} | {} | {} | {} |",
            counts[0],
            counts[1],
            counts[2],
            counts.iter().sum::<usize>(),
            ms(median(times)),
            ms(max)
        );
        eprintln!("{name}: missed {missed:?}");
    }
}

fn generated() {
    let issuer = sello_testkit::keys::issuer("mx.fotos", 21);
    let issued = issuer
        .issue(&sello_issuer::IssueRequest::new(
            sello_testkit::typical_certificate(),
        ))
        .unwrap();
    println!(
        "\nPhoto-like images of one Sello certificate ({} characters of QR content):\n",
        issued.qr_text.len()
    );
    println!("| image | rqrr | rxing default | Sello pipeline (stage, ms) |");
    println!("|---|---|---|---|");
    for photo in sello_testkit::photo::photos(&issued.qr_text) {
        let gray = load_gray(&photo.bytes).unwrap();
        let mark = |found: Vec<String>| {
            if found.contains(&issued.qr_text) {
                "yes"
            } else {
                "no"
            }
        };
        let start = Instant::now();
        let (found, stage) = decode_with_stage(&gray);
        let took = start.elapsed();
        let stage = match stage {
            Some(Stage::Hybrid) => "hybrid",
            Some(Stage::Global) => "global",
            Some(Stage::Stretch) => "stretch",
            Some(Stage::Unsharp) => "unsharp",
            None => "-",
        };
        println!(
            "| {} ({}×{}) | {} | {} | {} ({stage}, {}) |",
            photo.kind,
            gray.width(),
            gray.height(),
            mark(rqrr_gray(&gray)),
            mark(rxing_default(&gray)),
            mark(found),
            ms(took)
        );
    }
}

fn main() {
    corpus();
    generated();
}
