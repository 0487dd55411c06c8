//! A verification receipt ("comprobante de verificación"): what was checked, when, and what
//! Sello answered, for an employer's file.
//!
//! It is made unlike a certificate on purpose: no QR code (nothing on it scans as a
//! certificate), a banner at the top and a diagonal band across the page saying it is not one,
//! a plain two-column table instead of a diploma's layout. Every text comes from the caller,
//! already in the reader's language and with untrusted values escaped; here it is only
//! XML-escaped, wrapped and laid out.

use crate::{PaperSize, PrintError};

/// What a receipt says, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    /// The title, e.g. "Comprobante de verificación".
    pub title: String,
    /// The banner: that this is not a certificate and what it is instead.
    pub not_a_certificate: String,
    /// The diagonal band's words, e.g. "COMPROBANTE — NO ES UN CERTIFICADO".
    pub band: String,
    /// The verdict, e.g. "CERTIFICADO VÁLIDO".
    pub headline: String,
    /// Label and value, in order: the check (when, what, how) and the certificate's claims.
    pub rows: Vec<(String, String)>,
    /// The heading of the certificate's own attributes, and the attributes.
    pub attributes: Option<(String, Vec<(String, String)>)>,
    /// The last line (e.g. how to check the certificate again).
    pub footer: String,
}

/// Characters per line of a value (the value column is about 120 mm at 3.4 mm text).
const VALUE_WIDTH: usize = 64;
/// Characters per line of the banner and the footer.
const LINE_WIDTH: usize = 96;
const LINE_MM: f64 = 5.2;

fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // XML 1.0 cannot carry other control characters: the caller escapes them; any
            // left become a visible replacement.
            c if (c as u32) < 0x20 => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// `text` in lines of at most `width` characters, broken at spaces where possible.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let used = line.chars().count();
            let room = width.saturating_sub(used + usize::from(used > 0));
            if word.len() <= room {
                if used > 0 {
                    line.push(' ');
                }
                line.extend(word.iter());
                break;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // A word longer than a line (a hash, a token): cut it.
            let rest = word.split_off(width);
            line.extend(word.iter());
            lines.push(std::mem::take(&mut line));
            word = rest;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The receipt as an SVG document the size of the paper (portrait).
pub fn render_receipt_svg(receipt: &Receipt, paper: PaperSize) -> String {
    let (w, h) = paper.size_mm();
    let left = 20.0;
    let value_x = 72.0;
    let bottom = h - 18.0;
    let mut body = String::new();
    let mut y = 22.0;
    let text = |body: &mut String, x: f64, y: f64, size: f64, weight: &str, s: &str| {
        body.push_str(&format!(
            r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}" font-weight="{weight}" xml:space="preserve">{}</text>"#,
            xml(s)
        ));
        body.push('\n');
    };
    text(&mut body, left, y, 7.0, "600", &receipt.title);
    y += 8.0;
    // The banner: a framed box, before anything else is read.
    let banner = wrap(&receipt.not_a_certificate, LINE_WIDTH);
    let banner_h = banner.len() as f64 * 4.6 + 4.0;
    body.push_str(&format!(
        r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{banner_h:.1}" fill="none" stroke="#7a1f1f" stroke-width="0.6" stroke-dasharray="2 1"/>"##,
        left - 2.0,
        y - 4.0,
        w - 2.0 * left + 4.0
    ));
    body.push('\n');
    for line in &banner {
        text(&mut body, left, y, 3.3, "400", line);
        y += 4.6;
    }
    y += 6.0;
    text(&mut body, left, y, 6.0, "600", &receipt.headline);
    y += 9.0;
    let mut full = false;
    let mut row = |body: &mut String, y: &mut f64, label: &str, value: &str, indent: f64| {
        let lines = wrap(value, VALUE_WIDTH);
        if *y + lines.len() as f64 * LINE_MM > bottom - 2.0 * LINE_MM {
            full = true;
            return;
        }
        text(body, left + indent, *y, 3.4, "600", label);
        for line in &lines {
            text(body, value_x, *y, 3.4, "400", line);
            *y += LINE_MM;
        }
        *y += 0.8;
    };
    for (label, value) in &receipt.rows {
        row(&mut body, &mut y, label, value, 0.0);
    }
    if let Some((heading, attributes)) = &receipt.attributes {
        y += 2.0;
        text(&mut body, left, y, 3.6, "600", heading);
        y += LINE_MM + 0.6;
        for (label, value) in attributes {
            row(&mut body, &mut y, label, value, 3.0);
        }
    }
    if full {
        text(&mut body, value_x, y, 3.4, "400", "…");
    }
    let mut fy = bottom;
    for line in wrap(&receipt.footer, LINE_WIDTH) {
        text(&mut body, left, fy, 3.0, "400", &line);
        fy += 4.2;
    }
    // The band across the page, light, under nothing it could hide (drawn first below).
    let band = format!(
        r##"<text x="{:.1}" y="{:.1}" font-size="11" font-weight="600" fill="#7a1f1f" fill-opacity="0.10" text-anchor="middle" transform="rotate(-35 {:.1} {:.1})">{}</text>"##,
        w / 2.0,
        h / 2.0,
        w / 2.0,
        h / 2.0,
        xml(&receipt.band)
    );
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}mm" height="{h}mm" viewBox="0 0 {w} {h}" font-family="Libertinus Serif" fill="#1f1a17">
<rect width="{w}" height="{h}" fill="#ffffff"/>
{band}
{body}</svg>
"##
    )
}

/// The receipt as a one-page PDF (vector, fonts embedded).
pub fn render_receipt_pdf(receipt: &Receipt, paper: PaperSize) -> Result<Vec<u8>, PrintError> {
    let svg = render_receipt_svg(receipt, paper);
    let tree = usvg::Tree::from_str(&svg, &crate::fonts::options())
        .map_err(|e| PrintError::Pdf(e.to_string()))?;
    crate::pdf(&tree, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn receipt() -> Receipt {
        Receipt {
            title: "Comprobante de verificación".into(),
            not_a_certificate: "Este documento NO es un certificado.".into(),
            band: "COMPROBANTE — NO ES UN CERTIFICADO".into(),
            headline: "CERTIFICADO VÁLIDO".into(),
            rows: vec![
                ("Titular".into(), "María <b>Hernández</b> & \"Co\"".into()),
                ("Huella".into(), "ab".repeat(40)),
            ],
            attributes: Some((
                "Otros datos".into(),
                vec![("dep".into(), "Registro Civil".into())],
            )),
            footer: "sello verify".into(),
        }
    }

    #[test]
    fn wrapping_keeps_every_character_and_the_width() {
        for (text, width) in [
            ("uno dos tres cuatro cinco seis", 10),
            ("", 5),
            (&"x".repeat(23) as &str, 10),
            ("a  b", 3),
        ] {
            let lines = wrap(text, width);
            assert!(
                lines.iter().all(|l| l.chars().count() <= width),
                "{lines:?}"
            );
            assert_eq!(
                lines.join(" ").replace(' ', ""),
                text.replace(' ', ""),
                "{lines:?}"
            );
        }
    }

    #[test]
    fn the_receipt_is_escaped_has_no_qr_code_and_says_what_it_is() {
        let svg = render_receipt_svg(&receipt(), PaperSize::A4);
        assert!(svg.contains("María &lt;b&gt;Hernández&lt;/b&gt; &amp; &quot;Co&quot;"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("NO es un certificado"));
        assert!(svg.contains("COMPROBANTE — NO ES UN CERTIFICADO"));
        assert!(
            !svg.contains("<image") && !svg.contains("<path"),
            "no QR code"
        );
        // A control character cannot break the document.
        let mut r = receipt();
        r.rows.push(("x".into(), "a\u{1}b".into()));
        let svg = render_receipt_svg(&r, PaperSize::Letter);
        usvg::Tree::from_str(&svg, &crate::fonts::options()).unwrap();
        let pdf = render_receipt_pdf(&r, PaperSize::Letter).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn a_long_receipt_stays_on_its_page() {
        let mut r = receipt();
        r.rows = (0..80)
            .map(|i| (format!("l{i}"), "v ".repeat(100)))
            .collect();
        let svg = render_receipt_svg(&r, PaperSize::A4);
        let (_, h) = PaperSize::A4.size_mm();
        for y in svg
            .split(" y=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
        {
            let y: f64 = y.parse().unwrap();
            assert!(y <= h, "{y}");
        }
        assert!(svg.contains('…'));
    }
}
