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
//! An image whose longer side is at least twice [`WORKING_SIDE`] is first decoded, hybrid
//! stage only, on a pyramid level: a copy shrunk by a whole factor to a longer side of
//! 800–1599 px. A phone photo's code is read there in a few milliseconds; only when it is not
//! does the image go through the stages above.
//!
//! An image over [`DOWNSCALE_ABOVE`] pixels is first decoded on a copy shrunk by box averaging
//! to at most that many pixels: a QR code in a large photo is read from it faster, and the
//! cost of an image no longer grows with its size (a 7000 × 7000 PNG of repeated noise, a few
//! hundred kilobytes, cost seconds of CPU at full size; averaged down it costs a fraction of
//! that). Only when the copy gives nothing, and the [`Budget`] allows it, is the full image
//! decoded too. Between every two steps (each binarizer attempt, every 16 multi-code
//! candidates) the budget is checked: a cancelled or late decode stops there.
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
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

/// Images over this many pixels (4096 × 3072) are decoded on a shrunk copy first.
pub const DOWNSCALE_ABOVE: u64 = 4096 * 3072;
/// The shortest longer side of the pyramid level (see [`decode_within`]).
/// Chosen by measurement (`docs/DECODING.md`, "The pyramid"): 800 px reads every generated
/// photo from the level and puts 1600 × 1200 frames on it too.
pub const WORKING_SIDE: u32 = 800;
/// Multi-code candidates decoded between two looks at the budget.
const CANDIDATES_PER_CHECK: usize = 16;
/// Most multi-code candidates decoded in one image.
const MAX_CANDIDATES: usize = 1024;

/// Limits on the work of decoding one image: a cancellation flag, a deadline, and the largest
/// image decoded at full size. [`Budget::unlimited`] is what [`decode_with_stage`] and
/// `scan::scan` use; a server answering requests uses [`Budget::bounded`] with the request's
/// flag.
///
/// A budget also counts the work done under it ([`Budget::work`]): the pixels of the image
/// each step ran on, summed.
#[derive(Debug, Clone, Default)]
pub struct Budget {
    cancel: Option<Arc<AtomicBool>>,
    deadline: Option<Instant>,
    full_size_max: Option<u64>,
    work: Arc<AtomicU64>,
}

/// The decode was stopped by its [`Budget`] (cancelled or past its deadline) before it
/// finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

impl Budget {
    /// No limit: every stage at full size, however long it takes.
    pub fn unlimited() -> Budget {
        Budget::default()
    }

    /// Images over [`DOWNSCALE_ABOVE`] pixels are decoded on the shrunk copy only, so that
    /// no image costs much more than a 12-megapixel photo.
    pub fn bounded() -> Budget {
        Budget {
            full_size_max: Some(DOWNSCALE_ABOVE),
            ..Budget::default()
        }
    }

    /// Stops at the next step once `flag` is set (by whoever no longer wants the result).
    pub fn with_cancel(mut self, flag: Arc<AtomicBool>) -> Budget {
        self.cancel = Some(flag);
        self
    }

    /// Stops at the next step after `deadline`.
    pub fn with_deadline(mut self, deadline: Instant) -> Budget {
        self.deadline = Some(deadline);
        self
    }

    /// `Err(Stopped)` once cancelled or past the deadline.
    pub fn check(&self) -> Result<(), Stopped> {
        let cancelled = self
            .cancel
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::Relaxed));
        let late = self.deadline.is_some_and(|d| Instant::now() >= d);
        if cancelled || late {
            Err(Stopped)
        } else {
            Ok(())
        }
    }

    /// The work done so far under this budget (and its clones): the pixels of the image each
    /// decoding step ran on, summed.
    pub fn work(&self) -> u64 {
        self.work.load(Ordering::Relaxed)
    }

    /// Checks the budget before a step over an image of `pixels` pixels, and counts the step.
    fn step(&self, pixels: u64) -> Result<(), Stopped> {
        self.check()?;
        self.work.fetch_add(pixels, Ordering::Relaxed);
        Ok(())
    }

    fn full_size_allowed(&self, pixels: u64) -> bool {
        self.full_size_max.is_none_or(|max| pixels <= max)
    }
}

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

fn single<B: Binarizer>(bitmap: &mut BinaryBitmap<B>) -> Option<String> {
    MultiFormatReader::default()
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
fn multi<B: Binarizer>(bitmap: &BinaryBitmap<B>, budget: &Budget) -> Result<Vec<String>, Stopped> {
    let hints = hints(false);
    let Ok(candidates) = MultiDetector::new(bitmap.get_black_matrix()).detectMulti(&hints) else {
        return Ok(Vec::new());
    };
    let mut found = Vec::new();
    for chunk in candidates
        .iter()
        .take(MAX_CANDIDATES)
        .collect::<Vec<_>>()
        .chunks(CANDIDATES_PER_CHECK)
    {
        budget.check()?;
        found.extend(
            chunk
                .iter()
                .filter_map(|c| {
                    qrcode_decoder::decode_bitmatrix_with_hints(c.getBits(), &hints).ok()
                })
                .map(|r| r.getText().to_owned()),
        );
    }
    Ok(found)
}

fn guarded<T: Default>(f: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_default()
}

/// [`guarded`] for a step that may be stopped: a panic is "not found".
fn guarded_step(f: impl FnOnce() -> Result<Vec<String>, Stopped>) -> Result<Vec<String>, Stopped> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(Ok(Vec::new()))
}

fn hybrid_stage(image: &GrayImage, budget: &Budget) -> Result<Vec<String>, Stopped> {
    guarded_step(|| {
        let mut found = Vec::new();
        let Some(src) = source(image) else {
            return Ok(found);
        };
        let pixels = pixels(image);
        let mut bitmap = BinaryBitmap::new(HybridBinarizer::new(src));
        let mut reader = MultiFormatReader::default();
        budget.step(pixels)?;
        if let Ok(r) = reader.decode_with_hints(&mut bitmap, &hints(true)) {
            found.push(r.getText().to_owned());
        } else {
            budget.step(pixels)?;
            if let Ok(r) = reader.decode_with_hints(&mut bitmap, &hints(false)) {
                found.push(r.getText().to_owned());
            }
        }
        budget.step(pixels)?;
        for text in multi(&bitmap, budget)? {
            push_unique(&mut found, text);
        }
        Ok(found)
    })
}

fn global_stage(image: &GrayImage) -> Vec<String> {
    guarded(|| {
        source(image)
            .and_then(|src| single(&mut BinaryBitmap::new(GlobalHistogramBinarizer::new(src))))
            .into_iter()
            .collect()
    })
}

fn hybrid_single(image: &GrayImage) -> Vec<String> {
    guarded(|| {
        source(image)
            .and_then(|src| single(&mut BinaryBitmap::new(HybridBinarizer::new(src))))
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

/// Decodes every QR code found in `image`, and says which stage found them (no budget).
pub fn decode_with_stage(image: &GrayImage) -> (Vec<String>, Option<Stage>) {
    decode_within(image, &Budget::unlimited()).unwrap_or((Vec::new(), None))
}

/// [`decode_with_stage`] within `budget`: on a shrunk copy first for images over
/// [`DOWNSCALE_ABOVE`] pixels, then at full size if the budget allows it; `Err(Stopped)` when
/// the budget stopped it.
///
/// Before the full pipeline, an image whose longer side is at least twice [`WORKING_SIDE`]
/// is decoded on the pyramid level: a copy shrunk by the largest whole factor that keeps the
/// longer side at least [`WORKING_SIDE`] (each pixel the mean of a block), with the hybrid
/// stage only. A code of a phone photo is read there at a fraction of the cost; when nothing
/// is found, the image goes through the pipeline as before.
pub fn decode_within(
    image: &GrayImage,
    budget: &Budget,
) -> Result<(Vec<String>, Option<Stage>), Stopped> {
    let pixels = pixels(image);
    let copy = if pixels > DOWNSCALE_ABOVE {
        budget.step(pixels)?;
        Some(shrink(image, DOWNSCALE_ABOVE))
    } else {
        None
    };
    let base = copy.as_ref().unwrap_or(image);
    if let Some(factor) = pyramid_factor(base) {
        budget.step(self::pixels(base))?;
        let level = shrink_by(base, factor);
        let found = hybrid_stage(&level, budget)?;
        if !found.is_empty() {
            return Ok((found, Some(Stage::Hybrid)));
        }
    }
    let found = stages(base, budget)?;
    if copy.is_none() || !found.0.is_empty() || !budget.full_size_allowed(pixels) {
        return Ok(found);
    }
    stages(image, budget)
}

/// The shrink factor of the pyramid level of `image`: the largest whole factor that keeps its
/// longer side at least [`WORKING_SIDE`], when that is 2 or more.
fn pyramid_factor(image: &GrayImage) -> Option<u32> {
    let factor = image.width().max(image.height()) / WORKING_SIDE;
    (factor >= 2).then_some(factor)
}

fn pixels(image: &GrayImage) -> u64 {
    u64::from(image.width()) * u64::from(image.height())
}

fn stages(image: &GrayImage, budget: &Budget) -> Result<(Vec<String>, Option<Stage>), Stopped> {
    let found = hybrid_stage(image, budget)?;
    if !found.is_empty() {
        return Ok((found, Some(Stage::Hybrid)));
    }
    type Run = fn(&GrayImage) -> Vec<String>;
    let later: [(Stage, Run); 3] = [
        (Stage::Global, global_stage),
        (Stage::Stretch, stretch_stage),
        (Stage::Unsharp, unsharp_stage),
    ];
    for (stage, run) in later {
        budget.step(pixels(image))?;
        let found = run(image);
        if !found.is_empty() {
            return Ok((found, Some(stage)));
        }
    }
    Ok((Vec::new(), None))
}

/// The image shrunk by the smallest whole factor that brings it to at most `max` pixels (see
/// [`shrink_by`]).
fn shrink(image: &GrayImage, max: u64) -> GrayImage {
    let (w, h) = image.dimensions();
    let mut k: u32 = 2;
    while u64::from(w / k) * u64::from(h / k) > max {
        k += 1;
    }
    shrink_by(image, k)
}

/// The image shrunk by `k` (2 or more), each pixel the mean of a k × k block (the last partial
/// row and column dropped).
fn shrink_by(image: &GrayImage, k: u32) -> GrayImage {
    let (w, h) = image.dimensions();
    let (ow, oh) = ((w / k).max(1), (h / k).max(1));
    let raw = image.as_raw();
    let mut out = Vec::with_capacity(ow as usize * oh as usize);
    let mut sums = vec![0u32; ow as usize];
    let area = k * k;
    for oy in 0..oh {
        sums.iter_mut().for_each(|s| *s = 0);
        for y in oy * k..(oy * k + k).min(h) {
            let row = &raw[(y * w) as usize..((y + 1) * w) as usize];
            for (sum, block) in sums.iter_mut().zip(row.chunks_exact(k as usize)) {
                *sum += block.iter().map(|&p| u32::from(p)).sum::<u32>();
            }
        }
        out.extend(sums.iter().map(|&s| ((s + area / 2) / area) as u8));
    }
    GrayImage::from_raw(ow, oh, out).unwrap_or_else(|| image.clone())
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

    /// A `side` × `side` image of one `tile` × `tile` tile of black-and-white noise repeated:
    /// a PNG of it is small, decoding it at full size is slow.
    pub(crate) fn noise(side: u32, tile: u32) -> GrayImage {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let cells: Vec<u8> = (0..tile * tile)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                if seed & 1 == 0 { 0 } else { 255 }
            })
            .collect();
        GrayImage::from_fn(side, side, |x, y| {
            image::Luma([cells[((y % tile) * tile + x % tile) as usize]])
        })
    }

    #[test]
    fn shrink_averages_whole_blocks() {
        let image = GrayImage::from_fn(7, 5, |x, y| image::Luma([(x * 10 + y) as u8]));
        let small = shrink(&image, 6);
        assert_eq!(small.dimensions(), (3, 2));
        // Block (0, 0): x 0..2, y 0..2 → values 0, 1, 10, 11 → mean 5.5, rounded up.
        assert_eq!(small.get_pixel(0, 0).0[0], 6);
        // Block (2, 1): 42, 43, 52, 53 → 47.5 → 48.
        assert_eq!(small.get_pixel(2, 1).0[0], 48);
        // The factor grows until the copy fits.
        assert_eq!(shrink(&image, 2).dimensions(), (2, 1));
    }

    #[test]
    fn a_large_noise_image_is_decoded_on_the_shrunk_copy_only() {
        let image = noise(7000, 64);
        let budget = Budget::bounded();
        let (found, stage) = decode_within(&image, &budget).unwrap();
        assert!(found.is_empty() && stage.is_none());
        // One step over the 49 Mpx (the shrinking), one over the 3500 × 3500 copy (shrinking it
        // to the 875 × 875 pyramid level), the hybrid stage's three steps over that level, then
        // at most the six steps of the pipeline over the copy: about what a 12 Mpx photo costs.
        let full = 7000 * 7000;
        assert!(
            budget.work() <= full + 7 * 3500 * 3500 + 3 * 875 * 875,
            "work {} over the shrunk copy's",
            budget.work()
        );
    }

    #[test]
    fn a_code_in_a_large_photo_is_read_from_the_shrunk_copy() {
        let text = "https://verifica.example.mx/v#codigo-en-foto-grande";
        let code = photo::render(text, 12.0);
        let mut canvas = GrayImage::from_pixel(6000, 4500, image::Luma([235]));
        imageops::overlay(&mut canvas, &code, 2500, 1800);
        let budget = Budget::bounded();
        let (found, stage) = decode_within(&canvas, &budget).unwrap();
        assert_eq!(found, vec![text.to_owned()]);
        assert_eq!(stage, Some(Stage::Hybrid));
        assert!(budget.work() < 2 * 6000 * 4500, "work {}", budget.work());
        assert_eq!(decode_all(&canvas), vec![text.to_owned()]);
    }

    #[test]
    fn the_pyramid_level_is_the_largest_whole_shrink_to_working_side() {
        let factor = |w, h| pyramid_factor(&GrayImage::new(w, h));
        assert_eq!(factor(1599, 1200), None);
        assert_eq!(factor(1200, 1600), Some(2));
        assert_eq!(factor(4000, 3000), Some(5));
        assert_eq!(factor(4032, 3024), Some(5));
        assert_eq!(factor(640, 480), None);
    }

    /// `text` at `px` pixels per module in the middle of a `w` × `h` gray frame.
    fn framed(text: &str, px: f32, w: u32, h: u32) -> GrayImage {
        let code = photo::render(text, px);
        let mut canvas = GrayImage::from_pixel(w, h, image::Luma([230]));
        let (x, y) = ((w - code.width()) / 2, (h - code.height()) / 2);
        imageops::overlay(&mut canvas, &code, i64::from(x), i64::from(y));
        canvas
    }

    #[test]
    fn a_phone_photo_is_read_from_the_pyramid_level() {
        let text = "https://verifica.example.mx/v#codigo-en-foto-de-telefono";
        let image = framed(text, 10.0, 4000, 3000);
        let budget = Budget::bounded();
        let (found, stage) = decode_within(&image, &budget).unwrap();
        assert_eq!(found, vec![text.to_owned()]);
        assert_eq!(stage, Some(Stage::Hybrid));
        // The shrinking reads the image once; then at most the hybrid stage's three steps
        // over the 800 × 600 level: the full-size image is never decoded.
        assert!(
            budget.work() <= 4000 * 3000 + 3 * 800 * 600,
            "work {}",
            budget.work()
        );
    }

    #[test]
    fn a_code_too_small_for_the_pyramid_level_is_read_at_full_size() {
        // 1.5 px per module at full size is 0.75 at the level (factor 2): unreadable there.
        let text = "https://verifica.example.mx/v#codigo-diminuto";
        let image = framed(text, 1.5, 1700, 1300);
        let budget = Budget::bounded();
        let (found, _) = decode_within(&image, &budget).unwrap();
        assert_eq!(found, vec![text.to_owned()]);
        assert!(
            budget.work() > 3 * 1700 * 1300,
            "the full-size pipeline ran: work {}",
            budget.work()
        );
    }

    #[test]
    fn a_cancelled_budget_stops_at_the_next_step() {
        let flag = Arc::new(AtomicBool::new(false));
        let budget = Budget::bounded().with_cancel(Arc::clone(&flag));
        let code = photo::render("https://verifica.example.mx/v#x", 4.0);
        assert!(decode_within(&code, &budget).is_ok());
        flag.store(true, Ordering::Relaxed);
        let before = budget.work();
        assert_eq!(decode_within(&code, &budget), Err(Stopped));
        assert_eq!(budget.work(), before, "no step ran once cancelled");
        let png = photo::png_bytes(&code);
        assert_eq!(
            crate::scan::scan_within(&png, &budget),
            Err(crate::scan::ImageError::Stopped)
        );
        let late = Budget::unlimited().with_deadline(Instant::now());
        assert_eq!(decode_within(&code, &late), Err(Stopped));
        assert_eq!(
            crate::scan::scan_within(&png, &Budget::bounded())
                .unwrap()
                .len(),
            1
        );
    }
}
