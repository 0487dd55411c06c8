//! The QR decoding pipeline. See `docs/DECODING.md` for the measurements behind it.

use image::GrayImage;

/// Decodes every QR code found in `image`, without duplicates, in reading order of discovery.
pub(crate) fn decode_all(image: &GrayImage) -> Vec<String> {
    let mut found = Vec::new();
    rqrr_pass(image, &mut found);
    if found.is_empty() {
        rxing_pass(image, &mut found);
    }
    found
}

fn push_unique(found: &mut Vec<String>, text: String) {
    if !found.contains(&text) {
        found.push(text);
    }
}

fn rqrr_pass(image: &GrayImage, found: &mut Vec<String>) {
    let (w, h) = image.dimensions();
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(w as usize, h as usize, |x, y| {
            image.get_pixel(x as u32, y as u32).0[0]
        });
    for grid in prepared.detect_grids() {
        if let Ok((_, text)) = grid.decode() {
            push_unique(found, text);
        }
    }
}

fn rxing_pass(image: &GrayImage, found: &mut Vec<String>) {
    let (w, h) = image.dimensions();
    if let Ok(results) = rxing::helpers::detect_multiple_in_luma(image.as_raw().clone(), w, h) {
        for r in results {
            push_unique(found, r.getText().to_owned());
        }
    }
}
