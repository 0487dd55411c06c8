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
use rxing::common::{GlobalHistogramBinarizer, HybridBinarizer};
use rxing::multi::MultipleBarcodeReader as _;
use rxing::multi::qrcode::QRCodeMultiReader;
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
        if let Ok(results) =
            QRCodeMultiReader::default().decode_multiple_with_hints(&mut bitmap, &hints(false))
        {
            for r in results {
                push_unique(&mut found, r.getText().to_owned());
            }
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
