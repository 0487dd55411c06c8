//! Reading QR codes from images: PNG and JPEG photos, scans and screenshots.
//!
//! Every image goes through [`load_gray`], which caps the file size, the declared dimensions
//! and the decoder's memory before any pixel is decoded, so a decompression bomb is refused
//! from its header.

pub use crate::decoder::Budget;
use crate::i18n::tr;
use image::{GrayImage, ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// Largest image file accepted, in bytes.
pub const MAX_IMAGE_BYTES: usize = 20 * 1024 * 1024;
/// Largest width or height accepted, in pixels.
pub const MAX_SIDE: u32 = 10_000;
/// Largest number of pixels accepted.
pub const MAX_PIXELS: u64 = 50_000_000;

/// Why an image could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// Over [`MAX_IMAGE_BYTES`].
    #[error("{}", tr("image-too-large", &[("len", (*len).into()), ("max", (*max).into())]))]
    TooLarge {
        /// Size in bytes.
        len: usize,
        /// The cap.
        max: usize,
    },
    /// Not a PNG or JPEG file.
    #[error("{}", tr("image-not-image", &[]))]
    NotAnImage,
    /// Declared dimensions over the caps (a decompression bomb, or simply too big).
    #[error("{}", tr("image-dimensions", &[("width", (*width).into()), ("height", (*height).into()), ("side", MAX_SIDE.into()), ("pixels", MAX_PIXELS.into())]))]
    Dimensions {
        /// Declared width.
        width: u32,
        /// Declared height.
        height: u32,
    },
    /// The file is damaged or truncated.
    #[error("{}", tr("image-decode", &[]))]
    Decode(String),
    /// Reading was stopped by its budget (cancelled, or past its deadline) before it finished.
    #[error("{}", tr("image-stopped", &[]))]
    Stopped,
}

/// Recognises PNG and JPEG by their first bytes.
pub fn image_format(bytes: &[u8]) -> Option<ImageFormat> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageFormat::Png)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(ImageFormat::Jpeg)
    } else {
        None
    }
}

/// The width and height a PNG or JPEG declares in its header (nothing is decoded).
pub fn dimensions(bytes: &[u8]) -> Result<(u32, u32), ImageError> {
    let format = image_format(bytes).ok_or(ImageError::NotAnImage)?;
    ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|e| ImageError::Decode(e.to_string()))
}

/// Decodes a PNG or JPEG into 8-bit grayscale, within the caps.
pub fn load_gray(bytes: &[u8]) -> Result<GrayImage, ImageError> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(ImageError::TooLarge {
            len: bytes.len(),
            max: MAX_IMAGE_BYTES,
        });
    }
    let format = image_format(bytes).ok_or(ImageError::NotAnImage)?;
    let decode_err = |e: image::ImageError| ImageError::Decode(e.to_string());
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(decode_err)?;
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ImageError::Dimensions { width, height });
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PIXELS * 4 + (64 << 20));
    reader.limits(limits);
    Ok(reader.decode().map_err(decode_err)?.into_luma8())
}

/// Reads every QR code in an image file's bytes; returns their texts (possibly none).
pub fn scan(bytes: &[u8]) -> Result<Vec<String>, ImageError> {
    Ok(scan_gray(&load_gray(bytes)?))
}

/// [`scan`] within a [`Budget`]: checked after the file is decoded and between the decoder's
/// steps (see [`crate::decoder`]). A server reading uploads uses
/// `Budget::bounded().with_cancel(flag)`, its flag set when the request is answered or
/// abandoned, so that no image costs much more than a 12-megapixel photo and an abandoned
/// one stops soon.
pub fn scan_within(bytes: &[u8], budget: &Budget) -> Result<Vec<String>, ImageError> {
    budget.check().map_err(|_| ImageError::Stopped)?;
    let image = load_gray(bytes)?;
    crate::decoder::decode_within(&image, budget)
        .map(|(texts, _)| texts)
        .map_err(|_| ImageError::Stopped)
}

/// Reads every QR code in a grayscale image.
pub fn scan_gray(image: &GrayImage) -> Vec<String> {
    crate::decoder::decode_all(image)
}
