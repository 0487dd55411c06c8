//! QR rendering: a byte-mode segment, and a numeric-mode one for the digits of a QR text in the
//! numeric form (FORMAT.md §4.2); error correction M by default, a quiet zone of 4 modules;
//! output as a 1-bit PNG or as an SVG path.

use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

use crate::i18n::tr;

/// Width of the quiet zone, in modules, on every side.
pub const QUIET_ZONE: usize = 4;

/// Why a QR code could not be made.
#[derive(Debug, thiserror::Error)]
pub enum QrError {
    /// The text does not fit in a version-40 QR code at this error-correction level (at level M:
    /// [`sello_core::qr_version_at_m`] is `None`; [`sello_core::MAX_QR_BYTES`] for a text all in
    /// byte mode).
    #[error("{}", tr("qr-too-long", &[("len", (*.0).into())]))]
    TooLong(usize),
    /// The PNG encoder failed.
    #[error("{}", tr("qr-png", &[("error", .0.as_str().into())]))]
    Png(String),
}

/// Error-correction level of a QR code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Correction {
    /// ~7 % of codewords can be restored.
    Low,
    /// ~15 %: Sello's default, a balance of size and robustness to smudges.
    #[default]
    Medium,
    /// ~25 %.
    Quartile,
    /// ~30 %.
    High,
}

impl Correction {
    fn level(self) -> QrCodeEcc {
        match self {
            Correction::Low => QrCodeEcc::Low,
            Correction::Medium => QrCodeEcc::Medium,
            Correction::Quartile => QrCodeEcc::Quartile,
            Correction::High => QrCodeEcc::High,
        }
    }
}

/// A QR code as a grid of modules (without quiet zone).
#[derive(Debug, Clone)]
pub struct QrMatrix {
    width: usize,
    version: u8,
    dark: Vec<bool>,
}

impl QrMatrix {
    /// Encodes `text` as Sello draws QR codes ([`sello_core::qr_text::segments`]): a text in the
    /// numeric form (`verify_url#n<digits>`, `n<digits>`) as a byte segment up to the `n` and a
    /// numeric segment of the digits, any other text as one byte segment; the smallest version
    /// that holds it, at exactly this level.
    pub fn encode(text: &str, correction: Correction) -> Result<QrMatrix, QrError> {
        let (bytes, digits) = sello_core::qr_text::segments(text);
        let mut segments = vec![QrSegment::make_bytes(bytes.as_bytes())];
        if !digits.is_empty() {
            // `segments` gives only ASCII digits here, all `make_numeric` takes.
            segments.push(QrSegment::make_numeric(digits));
        }
        // The mask with the lowest penalty score (ISO/IEC 18004 §7.8.3); the level is not
        // raised when a higher one would fit the same version, so that `-M` stays true.
        let code = QrCode::encode_segments_advanced(
            &segments,
            correction.level(),
            Version::MIN,
            Version::MAX,
            None,
            false,
        )
        .map_err(|_| QrError::TooLong(text.len()))?;
        let width = code.size() as usize;
        let mut dark = Vec::with_capacity(width * width);
        for y in 0..width as i32 {
            for x in 0..width as i32 {
                dark.push(code.get_module(x, y));
            }
        }
        Ok(QrMatrix {
            width,
            version: code.version().value(),
            dark,
        })
    }

    /// Modules per side, without the quiet zone.
    pub fn width(&self) -> usize {
        self.width
    }

    /// The QR version (1 to 40).
    pub fn version(&self) -> u8 {
        self.version
    }

    /// Whether the module at column `x`, row `y` is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.width + x]
    }

    /// A 1-bit grayscale PNG, `scale` pixels per module, with the quiet zone.
    pub fn to_png(&self, scale: u32) -> Result<Vec<u8>, QrError> {
        let scale = scale.max(1) as usize;
        let side = (self.width + 2 * QUIET_ZONE) * scale;
        let row_bytes = side.div_ceil(8);
        let mut pixels = vec![0xffu8; row_bytes * side];
        for y in 0..self.width {
            for x in 0..self.width {
                if !self.is_dark(x, y) {
                    continue;
                }
                for py in 0..scale {
                    let row = (y + QUIET_ZONE) * scale + py;
                    for px in 0..scale {
                        let col = (x + QUIET_ZONE) * scale + px;
                        pixels[row * row_bytes + col / 8] &= !(0x80 >> (col % 8));
                    }
                }
            }
        }
        let mut out = Vec::with_capacity(pixels.len() / 4 + 128);
        let mut encoder = png::Encoder::new(&mut out, side as u32, side as u32);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::One);
        encoder.set_compression(png::Compression::Fast);
        let png_err = |e: png::EncodingError| QrError::Png(e.to_string());
        let mut writer = encoder.write_header().map_err(png_err)?;
        writer.write_image_data(&pixels).map_err(png_err)?;
        writer.finish().map_err(png_err)?;
        Ok(out)
    }

    /// An SVG whose user unit is one module, with the quiet zone; `size_mm` sets the printed size.
    pub fn to_svg(&self, size_mm: f32) -> String {
        let side = self.width + 2 * QUIET_ZONE;
        let mut path = String::with_capacity(self.width * self.width);
        for y in 0..self.width {
            let mut x = 0;
            while x < self.width {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.width && self.is_dark(x, y) {
                    x += 1;
                }
                let run = x - start;
                path.push_str(&format!(
                    "M{} {}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                ));
            }
        }
        format!(
            concat!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{mm}mm" height="{mm}mm" "#,
                r#"viewBox="0 0 {side} {side}" shape-rendering="crispEdges">"#,
                r##"<rect width="{side}" height="{side}" fill="#fff"/>"##,
                r##"<path fill="#000" d="{path}"/></svg>"##,
                "\n"
            ),
            mm = size_mm,
            side = side,
            path = path
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chooses_smallest_version_in_byte_mode() {
        let qr = QrMatrix::encode("hola", Correction::Medium).unwrap();
        assert_eq!((qr.version(), qr.width()), (1, 21));
        // Version 40-M holds at most 2,331 bytes.
        let most = sello_core::MAX_QR_BYTES;
        assert!(QrMatrix::encode(&"a".repeat(most), Correction::Medium).is_ok());
        assert!(matches!(
            QrMatrix::encode(&"a".repeat(most + 1), Correction::Medium),
            Err(QrError::TooLong(2332))
        ));
    }

    #[test]
    fn the_version_table_agrees_with_the_encoder() {
        // sello_core::qr_version_at_m is what batch summaries report: the encoder must agree,
        // at every version's capacity and one byte past it.
        for version in 1..=40u8 {
            let cap = (1..=sello_core::MAX_QR_BYTES)
                .rev()
                .find(|&n| sello_core::qr_version_at_m(&"a".repeat(n)) == Some(version))
                .unwrap();
            let at = QrMatrix::encode(&"a".repeat(cap), Correction::Medium).unwrap();
            assert_eq!(at.version(), version, "{cap} bytes");
            if version < 40 {
                let past = QrMatrix::encode(&"a".repeat(cap + 1), Correction::Medium).unwrap();
                assert_eq!(past.version(), version + 1, "{} bytes", cap + 1);
            }
        }
        assert_eq!(
            sello_core::qr_version_at_m(&"a".repeat(sello_core::MAX_QR_BYTES + 1)),
            None
        );
    }

    #[test]
    fn the_numeric_form_is_drawn_in_two_segments_as_the_model_says() {
        // The demo's URL and a token-like text of 540 characters: version 19 in byte mode,
        // 17 in the numeric form.
        let token: String = (0..540)
            .map(|i| ['e', 'y', 'J', '.', '_', '9'][i % 6])
            .collect();
        let url = "http://localhost:8080/";
        let byte = format!("{url}#{token}");
        let numeric = sello_core::qr_text::qr_text(Some(url), &token);
        for (text, version) in [(&byte, 19), (&numeric, 17)] {
            let qr = QrMatrix::encode(text, Correction::Medium).unwrap();
            assert_eq!(qr.version(), version);
            assert_eq!(sello_core::qr_version_at_m(text), Some(version));
        }
        // At every length, the encoder and the model of batch summaries agree.
        for n in (1..2_700).step_by(37) {
            let t: String = (0..n).map(|i| ['e', 'y', 'J', '.'][i % 4]).collect();
            for text in [
                sello_core::qr_text::qr_text(Some(url), &t),
                sello_core::qr_text::qr_text(None, &t),
            ] {
                let model = sello_core::qr_version_at_m(&text);
                let drawn = QrMatrix::encode(&text, Correction::Medium).ok();
                assert_eq!(drawn.map(|q| q.version()), model, "{n} characters");
            }
        }
    }

    #[test]
    fn png_and_svg_are_well_formed() {
        let qr = QrMatrix::encode("https://example.mx/v#abc", Correction::Medium).unwrap();
        let png = qr.to_png(4).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let svg = qr.to_svg(40.0);
        assert!(svg.starts_with("<svg") && svg.contains("viewBox=\"0 0 33 33\""));
        // The top-left finder pattern starts at the quiet zone.
        assert!(svg.contains("M4 4h7v1h-7z"));
    }
}
