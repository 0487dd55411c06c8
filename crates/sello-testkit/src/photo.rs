//! Photo-like renderings of QR codes, deterministic (a fixed-seed generator for noise).

use image::codecs::jpeg::JpegEncoder;
use image::{GrayImage, ImageEncoder, Luma, imageops};
use sello_print::{Correction, QrMatrix};

/// Renders `text` as a QR code, `px` pixels per module (fractional allowed), quiet zone 4.
pub fn render(text: &str, px: f32) -> GrayImage {
    let qr = QrMatrix::encode(text, Correction::Medium).expect("fits in a QR code");
    let modules = qr.width() + 8;
    let side = (modules as f32 * px).round() as u32;
    GrayImage::from_fn(side, side, |x, y| {
        let mx = (x as f32 / px) as usize;
        let my = (y as f32 / px) as usize;
        let dark = (4..qr.width() + 4).contains(&mx)
            && (4..qr.width() + 4).contains(&my)
            && qr.is_dark(mx - 4, my - 4);
        Luma([if dark { 0 } else { 255 }])
    })
}

fn sample(img: &GrayImage, x: f32, y: f32, background: u8) -> u8 {
    let (w, h) = (img.width() as f32, img.height() as f32);
    if x < 0.0 || y < 0.0 || x > w - 1.0 || y > h - 1.0 {
        return background;
    }
    let (x0, y0) = (x.floor(), y.floor());
    let (fx, fy) = (x - x0, y - y0);
    let (x0, y0) = (x0 as u32, y0 as u32);
    let x1 = (x0 + 1).min(img.width() - 1);
    let y1 = (y0 + 1).min(img.height() - 1);
    let p = |x: u32, y: u32| f32::from(img.get_pixel(x, y).0[0]);
    let top = p(x0, y0) * (1.0 - fx) + p(x1, y0) * fx;
    let bottom = p(x0, y1) * (1.0 - fx) + p(x1, y1) * fx;
    (top * (1.0 - fy) + bottom * fy).round() as u8
}

/// Rotates by `degrees` about the centre, growing the canvas; new area is white.
pub fn rotate(img: &GrayImage, degrees: f32) -> GrayImage {
    let (s, c) = degrees.to_radians().sin_cos();
    let (w, h) = (img.width() as f32, img.height() as f32);
    let nw = (w * c.abs() + h * s.abs()).ceil();
    let nh = (w * s.abs() + h * c.abs()).ceil();
    GrayImage::from_fn(nw as u32, nh as u32, |x, y| {
        let (dx, dy) = (x as f32 - nw / 2.0, y as f32 - nh / 2.0);
        let sx = c * dx + s * dy + w / 2.0;
        let sy = -s * dx + c * dy + h / 2.0;
        Luma([sample(img, sx, sy, 255)])
    })
}

/// A keystone (perspective-like) warp: the top edge shrinks by `fraction` of the width,
/// as when a phone looks at a page from below.
pub fn keystone(img: &GrayImage, fraction: f32) -> GrayImage {
    let (w, h) = (img.width() as f32, img.height() as f32);
    GrayImage::from_fn(img.width(), img.height(), |x, y| {
        let scale = 1.0 - fraction * (1.0 - y as f32 / h);
        let sx = w / 2.0 + (x as f32 - w / 2.0) / scale;
        Luma([sample(img, sx, y as f32, 255)])
    })
}

/// Gaussian blur.
pub fn blur(img: &GrayImage, sigma: f32) -> GrayImage {
    imageops::blur(img, sigma)
}

/// Encodes as JPEG at `quality` (1–100) and returns the file's bytes.
pub fn jpeg_bytes(img: &GrayImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality)
        .write_image(
            img.as_raw(),
            img.width(),
            img.height(),
            image::ExtendedColorType::L8,
        )
        .expect("JPEG encoding of a gray image");
    out
}

/// Encodes as PNG and returns the file's bytes.
pub fn png_bytes(img: &GrayImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(
            img.as_raw(),
            img.width(),
            img.height(),
            image::ExtendedColorType::L8,
        )
        .expect("PNG encoding of a gray image");
    out
}

/// Maps black to `lo` and white to `hi`.
pub fn contrast(img: &GrayImage, lo: u8, hi: u8) -> GrayImage {
    let range = f32::from(hi) - f32::from(lo);
    GrayImage::from_fn(img.width(), img.height(), |x, y| {
        let v = f32::from(img.get_pixel(x, y).0[0]) / 255.0;
        Luma([(f32::from(lo) + v * range).round() as u8])
    })
}

/// Light modules on a dark ground.
pub fn invert(img: &GrayImage) -> GrayImage {
    let mut out = img.clone();
    imageops::invert(&mut out);
    out
}

/// Resizes by `factor` with a triangle filter.
pub fn scale(img: &GrayImage, factor: f32) -> GrayImage {
    let w = ((img.width() as f32 * factor).round() as u32).max(1);
    let h = ((img.height() as f32 * factor).round() as u32).max(1);
    imageops::resize(img, w, h, imageops::FilterType::Triangle)
}

/// Places the image on a `w`×`h` textured, noisy background (a desk, a hand, a wall),
/// with sensor noise of amplitude `noise` over everything.
pub fn on_background(img: &GrayImage, w: u32, h: u32, noise: u8, seed: u64) -> GrayImage {
    let mut rng = seed | 1;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let mut out = GrayImage::from_fn(w, h, |x, y| {
        let texture = 90.0 + 40.0 * ((x as f32 / 37.0).sin() * (y as f32 / 23.0).cos());
        Luma([texture as u8])
    });
    let (ox, oy) = ((w - img.width()) / 3, (h - img.height()) / 2);
    imageops::overlay(&mut out, img, i64::from(ox), i64::from(oy));
    if noise > 0 {
        for p in out.iter_mut() {
            let n = (next() % (2 * u64::from(noise) + 1)) as i32 - i32::from(noise);
            *p = (i32::from(*p) + n).clamp(0, 255) as u8;
        }
    }
    out
}

/// Motion blur: each pixel the mean of `length` pixels along a line at `degrees` (0 = the
/// phone moved sideways), as when the phone moves during the exposure.
pub fn motion_blur(img: &GrayImage, length: f32, degrees: f32) -> GrayImage {
    let steps = length.round().max(1.0) as i32;
    let (s, c) = degrees.to_radians().sin_cos();
    GrayImage::from_fn(img.width(), img.height(), |x, y| {
        let sum: f32 = (0..steps)
            .map(|i| {
                let t = i as f32 - (steps - 1) as f32 / 2.0;
                f32::from(sample(img, x as f32 + t * c, y as f32 + t * s, 255))
            })
            .sum();
        Luma([(sum / steps as f32).round() as u8])
    })
}

/// A camera tilted by `degrees` about the horizontal axis through the image's centre (the
/// top of the page further away), seen from `distance` image heights: a true perspective,
/// new area white.
pub fn tilt(img: &GrayImage, degrees: f32, distance: f32) -> GrayImage {
    let (s, c) = degrees.to_radians().sin_cos();
    let (w, h) = (img.width() as f32, img.height() as f32);
    let d = distance * h;
    GrayImage::from_fn(img.width(), img.height(), |x, y| {
        // The page point (px, py), centred, projects to (d·px, d·py·cos) / (d − py·sin).
        let (xo, yo) = (x as f32 - w / 2.0, y as f32 - h / 2.0);
        let den = d * c + yo * s;
        if den <= 0.0 {
            return Luma([255]);
        }
        let py = yo * d / den;
        let px = xo * (d - py * s) / d;
        Luma([sample(img, px + w / 2.0, py + h / 2.0, 255)])
    })
}

/// Crumpled paper: every pixel displaced by a smooth field (a sum of four sinusoids of
/// wavelength about `wavelength` pixels, random directions and phases from `seed`) of up to
/// `amplitude` pixels.
pub fn crumple(img: &GrayImage, amplitude: f32, wavelength: f32, seed: u64) -> GrayImage {
    let mut rng = seed | 1;
    let mut unit = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % 10_000) as f32 / 10_000.0
    };
    let waves: Vec<[f32; 4]> = (0..8)
        .map(|_| {
            let angle = unit() * std::f32::consts::TAU;
            let k = std::f32::consts::TAU / (wavelength * (0.7 + 0.6 * unit()));
            [
                k * angle.cos(),
                k * angle.sin(),
                unit() * std::f32::consts::TAU,
                0.0,
            ]
        })
        .collect();
    let field = |x: f32, y: f32, set: &[[f32; 4]]| -> f32 {
        set.iter()
            .map(|[kx, ky, phase, _]| (kx * x + ky * y + phase).sin())
            .sum::<f32>()
            / 4.0
    };
    GrayImage::from_fn(img.width(), img.height(), |x, y| {
        let (fx, fy) = (x as f32, y as f32);
        let dx = amplitude * field(fx, fy, &waves[..4]);
        let dy = amplitude * field(fx, fy, &waves[4..]);
        Luma([sample(img, fx + dx, fy + dy, 255)])
    })
}

/// Glare: a bright blob added at (`cx`, `cy`), a Gaussian of `radius` pixels (its σ) and peak
/// `intensity` gray levels, saturating at white.
pub fn glare(img: &GrayImage, cx: f32, cy: f32, radius: f32, intensity: f32) -> GrayImage {
    let two_sigma2 = 2.0 * radius * radius;
    GrayImage::from_fn(img.width(), img.height(), |x, y| {
        let (dx, dy) = (x as f32 - cx, y as f32 - cy);
        let add = intensity * (-(dx * dx + dy * dy) / two_sigma2).exp();
        Luma([(f32::from(img.get_pixel(x, y).0[0]) + add)
            .min(255.0)
            .round() as u8])
    })
}

/// Ink spread: with `radius` > 0 every dark area grows by `radius` pixels (dot gain, a wet
/// or worn print: each pixel the darkest of its disc), with `radius` < 0 it shrinks (thin
/// toner: the lightest of the disc).
pub fn ink_spread(img: &GrayImage, radius: f32) -> GrayImage {
    let r = radius.abs();
    let reach = r.ceil() as i64;
    let offsets: Vec<(i64, i64)> = (-reach..=reach)
        .flat_map(|dy| (-reach..=reach).map(move |dx| (dx, dy)))
        .filter(|&(dx, dy)| ((dx * dx + dy * dy) as f32) <= r * r)
        .collect();
    let (w, h) = (i64::from(img.width()), i64::from(img.height()));
    GrayImage::from_fn(img.width(), img.height(), |x, y| {
        let values = offsets.iter().filter_map(|&(dx, dy)| {
            let (sx, sy) = (i64::from(x) + dx, i64::from(y) + dy);
            ((0..w).contains(&sx) && (0..h).contains(&sy))
                .then(|| img.get_pixel(sx as u32, sy as u32).0[0])
        });
        let v = if radius > 0.0 {
            values.min()
        } else {
            values.max()
        };
        Luma([v.unwrap_or(255)])
    })
}

/// A toner streak: a vertical band `width` pixels wide at column `x0` where the print is
/// faded to `level` at most dark (a laser printer's worn drum).
pub fn streak(img: &GrayImage, x0: u32, width: u32, level: u8) -> GrayImage {
    let mut out = img.clone();
    for (x, _, p) in out.enumerate_pixels_mut() {
        if (x0..x0.saturating_add(width)).contains(&x) {
            p.0[0] = p.0[0].max(level);
        }
    }
    out
}

/// One photo-like test image: a name and the image file's bytes.
pub struct Photo {
    /// What was done to the code.
    pub kind: &'static str,
    /// PNG or JPEG bytes.
    pub bytes: Vec<u8>,
}

/// The standard set of photo-like images of `text` used by tests and measurements: rotated,
/// skewed, blurred, JPEG, low contrast, inverted, small, on a background, and all combined.
pub fn photos(text: &str) -> Vec<Photo> {
    let clean = render(text, 4.0);
    let png = |kind, img: GrayImage| Photo {
        kind,
        bytes: png_bytes(&img),
    };
    vec![
        png("clean", clean.clone()),
        png("rotated 7°", rotate(&clean, 7.0)),
        png("rotated 30°", rotate(&clean, 30.0)),
        png("rotated 90°", rotate(&clean, 90.0)),
        png("skewed (keystone 15%)", keystone(&clean, 0.15)),
        png("blurred (σ 1.5)", blur(&clean, 1.5)),
        Photo {
            kind: "JPEG quality 30",
            bytes: jpeg_bytes(&clean, 30),
        },
        png("low contrast (110–150)", contrast(&clean, 110, 150)),
        png("inverted", invert(&clean)),
        png("small (1.6 px/module)", render(text, 1.6)),
        png(
            "on a noisy background",
            on_background(&clean, 1600, 1200, 12, 7),
        ),
        Photo {
            kind: "combined: 12° + keystone + blur + contrast + background + JPEG 50",
            bytes: jpeg_bytes(
                &on_background(
                    &contrast(&blur(&keystone(&rotate(&clean, 12.0), 0.1), 1.0), 40, 220),
                    1200,
                    900,
                    8,
                    11,
                ),
                50,
            ),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A black square of side `side` in the middle of a white `n` × `n` image.
    fn square(n: u32, side: u32) -> GrayImage {
        let lo = (n - side) / 2;
        GrayImage::from_fn(n, n, |x, y| {
            let inside = (lo..lo + side).contains(&x) && (lo..lo + side).contains(&y);
            Luma([if inside { 0 } else { 255 }])
        })
    }

    fn dark_pixels(img: &GrayImage) -> usize {
        img.as_raw().iter().filter(|&&p| p < 128).count()
    }

    #[test]
    fn motion_blur_smears_along_its_direction_only() {
        let img = square(40, 10);
        let sideways = motion_blur(&img, 9.0, 0.0);
        // Left of the square, within reach of the smear: gray; above it: still white.
        assert!(sideways.get_pixel(13, 20).0[0] < 255);
        assert_eq!(sideways.get_pixel(20, 13).0[0], 255);
        assert_eq!(motion_blur(&img, 1.0, 0.0), img);
    }

    #[test]
    fn tilt_shrinks_the_far_edge_and_keeps_the_centre() {
        let img = square(200, 120);
        let tilted = tilt(&img, 30.0, 1.5);
        assert_eq!(tilted.get_pixel(100, 100).0[0], 0);
        let width_at = |y| {
            (0..200)
                .filter(|&x| tilted.get_pixel(x, y).0[0] < 128)
                .count()
        };
        assert!(
            width_at(50) < width_at(150),
            "{} {}",
            width_at(50),
            width_at(150)
        );
        assert_eq!(tilt(&img, 0.0, 1.5), img);
    }

    #[test]
    fn crumple_moves_edges_by_at_most_its_amplitude() {
        let img = square(100, 40);
        let flat = crumple(&img, 0.0, 30.0, 1);
        assert_eq!(flat, img);
        let bent = crumple(&img, 3.0, 30.0, 1);
        assert_ne!(bent, img);
        // 4 px inside the square's edge stays dark, 4 px outside stays white.
        for i in 34..66 {
            assert!(bent.get_pixel(34, i).0[0] < 128 && bent.get_pixel(i, 65).0[0] < 128);
            assert!(bent.get_pixel(25, i).0[0] > 128 && bent.get_pixel(i, 74).0[0] > 128);
        }
    }

    #[test]
    fn glare_saturates_its_centre_and_fades_away() {
        let img = GrayImage::from_pixel(100, 100, Luma([100]));
        let lit = glare(&img, 50.0, 50.0, 10.0, 400.0);
        assert_eq!(lit.get_pixel(50, 50).0[0], 255);
        assert_eq!(lit.get_pixel(0, 0).0[0], 100);
        assert!(lit.get_pixel(65, 50).0[0] > 100 && lit.get_pixel(65, 50).0[0] < 255);
    }

    #[test]
    fn ink_spread_grows_and_thins_dark_areas() {
        let img = square(40, 10);
        assert_eq!(dark_pixels(&img), 100);
        assert_eq!(dark_pixels(&ink_spread(&img, 1.0)), 12 * 12 - 4);
        assert_eq!(dark_pixels(&ink_spread(&img, -1.0)), 8 * 8);
        assert_eq!(ink_spread(&img, 0.0), img);
    }

    #[test]
    fn a_streak_fades_only_its_band() {
        let img = square(40, 20);
        let streaked = streak(&img, 18, 4, 200);
        assert_eq!(streaked.get_pixel(19, 20).0[0], 200);
        assert_eq!(streaked.get_pixel(12, 20).0[0], 0);
        assert_eq!(streaked.get_pixel(19, 2).0[0], 255);
    }
}
