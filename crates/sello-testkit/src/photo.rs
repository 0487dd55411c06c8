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
