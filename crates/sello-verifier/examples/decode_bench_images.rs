//! Writes the image set of `bench/decode/run.sh` (Sello's decoder against `zbarimg`): the QR
//! code of a typical Sello certificate at several sizes, each image next to a `.txt` file with
//! the exact text it must decode to.
//!
//! ```text
//! cargo run --release -p sello-verifier --example decode_bench_images -- [OUT_DIR]
//! ```
//!
//! `OUT_DIR` defaults to `target/decode-bench`. Deterministic: the same program writes the same
//! files (fixed test keys, serials, times and noise seeds). Classes, [`PER_CLASS`] images each,
//! every image a different certificate (its own serial and issue time, so its own token):
//!
//! - `issued-png-388`: the 1-bit PNG `sello issue --qr` writes (4 px/module, 388×388);
//! - `png-400`, `png-1000`: clean 8-bit gray PNGs, 400×400 and 1000×1000 (≈4.1 and ≈10.3
//!   px/module: module edges fall between pixels, as in a rescaled screenshot);
//! - `jpeg-1600x1200`: photo-like colour JPEGs (quality 80): the code at 4–5.5 px/module,
//!   rotated up to ±12°, keystoned, slightly blurred, lower contrast, on a textured noisy
//!   background, tinted like paper under indoor light;
//! - `jpeg-4000x3000`: phone-camera-sized colour JPEGs (quality 85), the same treatment with
//!   the code at 8–11 px/module.
//! - `jpeg-phone`: the range of phone photos, 1.2 to 12.2 Mpx ([`PHONE_FRAMES`], two images
//!   each), colour JPEGs (quality 85), the code across 25–50 % of the frame's shorter side,
//!   blurred in proportion to its module size, otherwise as above.

use image::{GrayImage, ImageEncoder, RgbImage};
use sello_print::{Correction, QrMatrix};
use sello_testkit::photo;
use std::path::{Path, PathBuf};

/// Images per size class.
const PER_CLASS: usize = 12;

/// Phone-camera frame sizes of the `jpeg-phone` class, 1.2 to 12.2 Mpx.
const PHONE_FRAMES: [(u32, u32); 6] = [
    (1280, 960),
    (1600, 1200),
    (2048, 1536),
    (2592, 1944),
    (3264, 2448),
    (4032, 3024),
];

/// Modules per side of the version-18 code with its 4-module quiet zone on each side.
const MODULES_WITH_QUIET_ZONE: f32 = 89.0 + 8.0;

/// The QR texts: one certificate per image, typical content (the benchmarks' certificate,
/// with a serial and a three-year expiry).
fn texts() -> Vec<String> {
    let issuer = sello_testkit::keys::issuer("mx.cecati149", 1);
    (0..PER_CLASS)
        .map(|i| {
            let mut r = sello_issuer::IssueRequest::new(sello_testkit::typical_certificate());
            r.serial = Some(format!("BNCH-7KQ2-{i:04}"));
            r.issued_at = Some(1_795_478_400 + 3_600 * i as i64);
            r.expires = Some(1_795_478_400 + 3 * 365 * 86_400);
            issuer
                .issue(&r)
                .expect("issuing a test certificate")
                .qr_text
        })
        .collect()
}

/// A number in `[lo, hi]` that varies with `i` (a fixed low-discrepancy sequence, no RNG).
fn vary(i: usize, k: u32, lo: f32, hi: f32) -> f32 {
    let golden = 0.618_034_f32 * (k as f32 + 1.0);
    let t = (i as f32 * golden + 0.5 * k as f32).fract();
    lo + (hi - lo) * t
}

/// A gray photo as a colour JPEG, tinted warm (paper under indoor light), like a phone's.
fn color_jpeg(img: &GrayImage, quality: u8) -> Vec<u8> {
    let rgb = RgbImage::from_fn(img.width(), img.height(), |x, y| {
        let v = f32::from(img.get_pixel(x, y).0[0]);
        image::Rgb([v as u8, (v * 0.96) as u8, (v * 0.86) as u8])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .write_image(
            rgb.as_raw(),
            rgb.width(),
            rgb.height(),
            image::ExtendedColorType::Rgb8,
        )
        .expect("JPEG encoding");
    out
}

/// A photo-like frame `w`×`h` of `text` at `px` pixels per module, variant `i`.
fn photo_like(text: &str, i: usize, px: f32, w: u32, h: u32, blur_scale: f32) -> GrayImage {
    let code = photo::render(text, px);
    let code = photo::rotate(&code, vary(i, 1, -12.0, 12.0));
    let code = photo::keystone(&code, vary(i, 2, 0.0, 0.08));
    let code = photo::blur(&code, blur_scale * vary(i, 3, 0.6, 1.2));
    let code = photo::contrast(&code, vary(i, 4, 25.0, 60.0) as u8, 225);
    photo::on_background(&code, w, h, 10, 1_000 + i as u64)
}

fn write(dir: &Path, i: usize, ext: &str, bytes: &[u8], text: &str) {
    std::fs::create_dir_all(dir).expect("creating the output directory");
    let path = dir.join(format!("{i:03}.{ext}"));
    std::fs::write(&path, bytes).expect("writing an image");
    std::fs::write(path.with_extension("txt"), text).expect("writing the expected text");
}

fn main() {
    let out = std::env::args_os().nth(1).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/decode-bench"),
        PathBuf::from,
    );
    let texts = texts();
    let version = QrMatrix::encode(&texts[0], Correction::Medium)
        .expect("encoding")
        .version();
    for (i, text) in texts.iter().enumerate() {
        let qr = QrMatrix::encode(text, Correction::Medium).expect("encoding");
        assert_eq!(
            qr.width() as f32 + 8.0,
            MODULES_WITH_QUIET_ZONE,
            "version 18 expected, {} bytes",
            text.len()
        );
        let issued = qr.to_png(4).expect("PNG");
        write(&out.join("issued-png-388"), i, "png", &issued, text);
        for side in [400.0f32, 1000.0] {
            let img = photo::render(text, side / MODULES_WITH_QUIET_ZONE);
            assert_eq!(img.width(), side as u32);
            write(
                &out.join(format!("png-{side}")),
                i,
                "png",
                &photo::png_bytes(&img),
                text,
            );
        }
        let small = photo_like(text, i, vary(i, 5, 4.0, 5.5), 1600, 1200, 1.0);
        write(
            &out.join("jpeg-1600x1200"),
            i,
            "jpg",
            &color_jpeg(&small, 80),
            text,
        );
        let large = photo_like(text, i, vary(i, 5, 8.0, 11.0), 4000, 3000, 1.8);
        write(
            &out.join("jpeg-4000x3000"),
            i,
            "jpg",
            &color_jpeg(&large, 85),
            text,
        );
        let (w, h) = PHONE_FRAMES[i % PHONE_FRAMES.len()];
        let px = vary(i, 6, 0.25, 0.5) * h as f32 / MODULES_WITH_QUIET_ZONE;
        let phone = photo_like(text, i, px, w, h, px / 5.5);
        write(
            &out.join("jpeg-phone"),
            i,
            "jpg",
            &color_jpeg(&phone, 85),
            text,
        );
    }
    println!(
        "{} images in {} ({} per class; QR content {} bytes, version {version}, EC M)",
        6 * PER_CLASS,
        out.display(),
        PER_CLASS,
        texts[0].len()
    );
}
