//! The QR decoding pipeline, built on `rxing` (a port of ZXing). `docs/DECODING.md` has the
//! measurements behind every stage; in short, on ZXing's own phone-photo corpus rxing alone
//! reads 94 of 97 images and this pipeline 96, while `rqrr` reads 70.
//!
//! Stages, cheapest first; later stages run only when earlier ones found nothing:
//! 1. hybrid (local) binarizer: first as a pure barcode (a clean render or a nested code), then
//!    the full detector with "try harder" and inverted colours, then the multi-code detector so
//!    that every code in the image is reported;
//! 2. global-histogram binarizer (artistic codes without quiet zone, strong perspective,
//!    low contrast);
//! 3. contrast stretch between the 1st and 99th percentiles, when that range is narrow;
//! 4. unsharp mask (σ 2, amount 1) for blurred or very small codes, on images up to 4 MP.
//!
//! `rxing` is not known to panic on any input we have tried, but as a second line of defence
//! every call is wrapped so that a panic inside the decoder is a "not found", never a crash.

use image::{GrayImage, imageops};
use rxing::common::{DetectorRXingResult as _, GlobalHistogramBinarizer, HybridBinarizer};
use rxing::multi::qrcode::detector::MultiDetector;
use rxing::qrcode::decoder::qrcode_decoder;
use rxing::{
    BarcodeFormat, Binarizer, BinaryBitmap, DecodeHints, Luma8LuminanceSource, MultiFormatReader,
    Reader as _,
};
use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Largest image, in pixels, on which the unsharp-mask stage runs.
const UNSHARP_MAX_PIXELS: u64 = 4_000_000;
/// A 1st–99th percentile spread below this triggers the contrast-stretch stage.
const NARROW_RANGE: u8 = 160;

/// Which stage found the codes; reported by the measurement harness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Hybrid binarizer (pure, full, multi).
    Hybrid,
    /// Global-histogram binarizer.
    Global,
    /// Contrast stretch.
    Stretch,
    /// Unsharp mask.
    Unsharp,
}

fn hints(pure: bool) -> DecodeHints {
    DecodeHints {
        PossibleFormats: Some(HashSet::from([BarcodeFormat::QR_CODE])),
        TryHarder: Some(true),
        AlsoInverted: Some(true),
        PureBarcode: pure.then_some(true),
        ..Default::default()
    }
}

fn source(image: &GrayImage) -> Option<Luma8LuminanceSource> {
    let (w, h) = image.dimensions();
    Luma8LuminanceSource::new(image.as_raw().clone(), w, h).ok()
}

fn push_unique(found: &mut Vec<String>, text: String) {
    if !found.contains(&text) {
        found.push(text);
    }
}

fn single<B: Binarizer>(bitmap: &mut BinaryBitmap<B>, pure_first: bool) -> Option<String> {
    let mut reader = MultiFormatReader::default();
    if pure_first && let Ok(r) = reader.decode_with_hints(bitmap, &hints(true)) {
        return Some(r.getText().to_owned());
    }
    reader
        .decode_with_hints(bitmap, &hints(false))
        .ok()
        .map(|r| r.getText().to_owned())
}

/// Every QR code the multi-code detector finds, each candidate decoded on its own.
///
/// The detector proposes every three finder patterns laid out like a code's corners. In a grid
/// of codes, the corners of three different codes are laid out like that too; decoding such a
/// candidate fails. rxing's `QRCodeMultiReader` then gives up on the whole image (it skips only
/// its generic reader error, where ZXing skips every failed candidate), so a 2 × 2 grid gave one
/// code of four. Here a failed candidate is skipped and the others are kept.
fn multi<B: Binarizer>(bitmap: &BinaryBitmap<B>) -> Vec<String> {
    let hints = hints(false);
    let Ok(candidates) = MultiDetector::new(bitmap.get_black_matrix()).detectMulti(&hints) else {
        return Vec::new();
    };
    candidates
        .iter()
        .filter_map(|c| qrcode_decoder::decode_bitmatrix_with_hints(c.getBits(), &hints).ok())
        .map(|r| r.getText().to_owned())
        .collect()
}

fn guarded<T: Default>(f: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_default()
}

fn hybrid_stage(image: &GrayImage) -> Vec<String> {
    guarded(|| {
        let mut found = Vec::new();
        let Some(src) = source(image) else {
            return found;
        };
        let mut bitmap = BinaryBitmap::new(HybridBinarizer::new(src));
        if let Some(text) = single(&mut bitmap, true) {
            found.push(text);
        }
        for text in multi(&bitmap) {
            push_unique(&mut found, text);
        }
        found
    })
}

fn global_stage(image: &GrayImage) -> Vec<String> {
    guarded(|| {
        source(image)
            .and_then(|src| {
                single(
                    &mut BinaryBitmap::new(GlobalHistogramBinarizer::new(src)),
                    false,
                )
            })
            .into_iter()
            .collect()
    })
}

fn hybrid_single(image: &GrayImage) -> Vec<String> {
    guarded(|| {
        source(image)
            .and_then(|src| single(&mut BinaryBitmap::new(HybridBinarizer::new(src)), false))
            .into_iter()
            .collect()
    })
}

/// The 1st and 99th percentiles of the image's gray levels.
fn percentiles(image: &GrayImage) -> (u8, u8) {
    let mut hist = [0u64; 256];
    for p in image.as_raw() {
        hist[*p as usize] += 1;
    }
    let n = image.as_raw().len() as u64;
    let (mut acc, mut lo, mut hi) = (0u64, None, 255u8);
    for (level, count) in hist.iter().enumerate() {
        acc += count;
        if lo.is_none() && acc * 100 >= n {
            lo = Some(level as u8);
        }
        if acc * 100 >= n * 99 {
            hi = level as u8;
            break;
        }
    }
    (lo.unwrap_or(0), hi)
}

fn stretch_stage(image: &GrayImage) -> Vec<String> {
    let (lo, hi) = percentiles(image);
    if hi <= lo || hi - lo >= NARROW_RANGE {
        return Vec::new();
    }
    let range = f32::from(hi - lo);
    let mut stretched = image.clone();
    for p in stretched.iter_mut() {
        *p = ((f32::from(p.saturating_sub(lo)) * 255.0 / range).round()).min(255.0) as u8;
    }
    hybrid_single(&stretched)
}

fn unsharp_stage(image: &GrayImage) -> Vec<String> {
    let (w, h) = image.dimensions();
    if u64::from(w) * u64::from(h) > UNSHARP_MAX_PIXELS {
        return Vec::new();
    }
    let blurred = imageops::blur(image, 2.0);
    let mut sharp = image.clone();
    for (p, b) in sharp.iter_mut().zip(blurred.as_raw()) {
        let v = 2.0 * f32::from(*p) - f32::from(*b);
        *p = v.round().clamp(0.0, 255.0) as u8;
    }
    hybrid_single(&sharp)
}

/// Decodes every QR code found in `image`, and says which stage found them.
pub fn decode_with_stage(image: &GrayImage) -> (Vec<String>, Option<Stage>) {
    type Run = fn(&GrayImage) -> Vec<String>;
    let stages: [(Stage, Run); 4] = [
        (Stage::Hybrid, hybrid_stage),
        (Stage::Global, global_stage),
        (Stage::Stretch, stretch_stage),
        (Stage::Unsharp, unsharp_stage),
    ];
    for (stage, run) in stages {
        let found = run(image);
        if !found.is_empty() {
            return (found, Some(stage));
        }
    }
    (Vec::new(), None)
}

/// Decodes every QR code found in `image`, without duplicates.
pub(crate) fn decode_all(image: &GrayImage) -> Vec<String> {
    decode_with_stage(image).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use sello_testkit::photo;

    /// `side` codes to a row, `gap` pixels apart, on white.
    fn grid(texts: &[String], side: usize, gap: u32) -> GrayImage {
        let tiles: Vec<GrayImage> = texts.iter().map(|t| photo::render(t, 3.0)).collect();
        let tile = tiles.iter().map(GrayImage::width).max().unwrap_or(0) + gap;
        let rows = texts.len().div_ceil(side) as u32;
        let mut canvas = GrayImage::from_pixel(
            side as u32 * tile + gap,
            rows * tile + gap,
            image::Luma([255]),
        );
        for (i, t) in tiles.iter().enumerate() {
            let (col, row) = ((i % side) as u32, (i / side) as u32);
            imageops::overlay(
                &mut canvas,
                t,
                i64::from(gap + col * tile),
                i64::from(gap + row * tile),
            );
        }
        canvas
    }

    #[test]
    fn finds_every_code_of_a_grid() {
        // In a grid, the corners of three different codes look like one code to the detector;
        // that candidate failing must not lose the real ones (rxing's multi reader found 1 of 4).
        for (count, side) in [(4, 2), (4, 4), (9, 3)] {
            let texts: Vec<String> = (0..count)
                .map(|i| format!("https://verifica.example.mx/v#codigo-{i}"))
                .collect();
            let mut found = decode_all(&grid(&texts, side, 30));
            found.sort();
            assert_eq!(found, texts, "{count} codes, {side} to a row");
        }
    }
}
