//! # sello-print
//!
//! Printable Sello certificates: an SVG template filled with a certificate's fields and its QR
//! code, rendered as SVG or as PDF, on A4 or US Letter paper.
//!
//! ```
//! use sello_print::{CertificateFields, PaperSize, Template, render_pdf, render_svg};
//!
//! let fields = CertificateFields {
//!     holder: "María Guadalupe Hernández López".into(),
//!     code: "EC0105".into(),
//!     title: "Atención al ciudadano en el sector público".into(),
//!     issuer: "CECATI 149".into(),
//!     issued_on: "24 de noviembre de 2026".into(),
//!     serial: "7KQ2-M9XW-3HPA".into(),
//!     ..Default::default()
//! };
//! let template = Template::default_es();
//! let qr_text = "https://verifica.cecati149.example.mx/v#eyJhbGciOiJFZERTQSJ9.e30.AAAA";
//! let svg = render_svg(&template, &fields, qr_text, PaperSize::Letter)?;
//! assert!(svg.contains("María Guadalupe Hernández López"));
//! let pdf = render_pdf(&template, &fields, qr_text, PaperSize::A4)?;
//! assert!(pdf.starts_with(b"%PDF"));
//! # Ok::<(), sello_print::PrintError>(())
//! ```
//!
//! ## Many certificates: [`Printer`]
//!
//! [`render_pdf`] and [`render_svg`] are the one-shot path: each call fills the whole template,
//! parses it (`usvg`), lays out every text and converts the page (`svg2pdf`), subsetting the
//! fonts again. For a batch, prepare the template once with [`Printer::new`] and call
//! [`Printer::pdf`] / [`Printer::svg`] per certificate: the fixed parts of the page are
//! converted once, the font subsets are made once, and only the changing text (laid out
//! without parsing any SVG) and the QR code are written per certificate. The printed result is
//! the same (the same glyphs at the same places; the SVG is byte for byte the same), about
//! 10× less work per PDF (`docs/PERFORMANCE.md`, "Printable certificates at batch scale").
//!
//! ```
//! use sello_print::{CertificateFields, PaperSize, Printer, Template};
//!
//! let printer = Printer::new(&Template::default_es(), PaperSize::A4)?; // once per batch
//! for (name, qr_text) in [("Ana Pérez", "https://v.example.mx/#a.b.c"), ("Luis Ávila", "https://v.example.mx/#d.e.f")] {
//!     let fields = CertificateFields { holder: name.into(), ..Default::default() };
//!     let pdf = printer.pdf(&fields, qr_text)?;
//!     assert!(pdf.starts_with(b"%PDF"));
//! }
//! # Ok::<(), sello_print::PrintError>(())
//! ```
//!
//! A template the printer cannot reproduce exactly in this way (see [`Printer`]: a condition
//! on a group, a changing text with a gradient or in a group with opacity, …) is printed the
//! one-shot way by the same `Printer`, as is a certificate whose text it cannot lay out (a
//! right-to-left script); [`Printer::one_shot_reason`] says why.
//!
//! [`CertificateFields::from_claims`] builds the fields from a token's claims and the issuer
//! (`sello_core::Claims`, `sello_core::IssuerInfo`); the QR text is what
//! `sello_issuer::Issuer::issue` returns as `qr_text`.
//!
//! The PDF is a real vector conversion of the filled SVG (`usvg` + `svg2pdf`; with a
//! [`Printer`], of its fixed parts, the changing text written with `pdf-writer`), so an
//! agency's own template prints the same way as the default one. Text is embedded as a subset of
//! **Libertinus Serif** (SIL Open Font License 1.1, shipped in `fonts/` with `OFL.txt`), stays
//! selectable and searchable, and looks the same on any machine: no system font is ever read.
//! The QR code is drawn as vector squares, sharp at any size.
//!
//! What it does not do: sign or issue (see `sello-issuer`), raster images (draw a logo as SVG
//! paths), fetch anything (a template that refers to a file or URL is refused).
//!
//! ## The template contract
//!
//! A template is an SVG document (UTF-8, at most [`MAX_TEMPLATE_BYTES`]) whose root `<svg>` is
//! in the SVG namespace and has a `viewBox`.
//!
//! **Page.** The template is scaled uniformly to the paper and centred (the root's `viewBox`
//! drives it; its own `width`, `height`, `x`, `y` and `preserveAspectRatio` are replaced). The
//! page is landscape when the `viewBox` is wider than tall. Give the template the margins you
//! want and an aspect ratio between A4's and Letter's (≈ 1.35 landscape, as the default
//! template does) and it looks right on both.
//!
//! **Placeholders.** In text and in attribute values: `{{holder}}`, `{{holder_id}}`,
//! `{{code}}`, `{{title}}`, `{{level}}`, `{{unit}}`, `{{issuer}}`, `{{issued_on}}`,
//! `{{expires_on}}`, `{{serial}}`, `{{place}}`, `{{verify}}`, `{{attributes}}` (the attributes
//! the issuer declares labels for, `Departamento: Registro Civil · Turno: Matutino`:
//! [`CertificateFields::with_attribute_labels`]) and `{{attr.KEY}}` (an
//! agency-specific field; empty when the certificate lacks it). Values are XML-escaped, so a
//! name such as `<script>` or `Ruiz & Hijos` prints as written. An unknown placeholder is an
//! error when the template is parsed. Placeholders are refused inside `<style>`, CDATA, and
//! the `style`, `href`, `id` and `data-sello-…` attributes, where escaping cannot make a value
//! safe.
//!
//! **QR slot.** Exactly one `<rect id="sello-qr" x="…" y="…" width="…" height="…"/>`, with
//! plain numbers, drawn (not inside `<defs>`, `<clipPath>`, …). It is replaced by the QR code
//! (error correction M), quiet zone included, as large as the slot's shorter side and centred in
//! it; a `transform` on the rect is kept. Rendering fails ([`PrintError::QrTooSmall`]) if a
//! module of the code would print smaller than [`MIN_MODULE_MM`] (0.40 mm; measured along the
//! slot's own sides, the page's scale and every transform applied), and
//! ([`PrintError::QrQuietZone`]) if anything the template draws over the code overlaps its
//! square (the code and its quiet zone of 4 modules), or, when the code is in a group with
//! opacity, a mask, a filter, a clip or a blend mode, anything drawn under it does. Elements
//! are compared by their boxes on the page, stroke and filter region included: an element
//! drawn under an opaque code is hidden by its white square and allowed; a rotated code is
//! checked against the box around its square, and a shape by its box, not its outline. Not
//! checked: what clips the code itself. The check runs on every certificate printed the
//! one-shot way; a [`Printer`] checks its template once, filled with sample values, and each
//! certificate's module size. Real certificates hold 583–645 bytes (versions 19–20 at level
//! M, 97 modules): the default template prints its code 54 mm wide on A4 and 53.2 mm on
//! Letter, at least 0.5 mm per module up to version 20.
//!
//! **Long text.** `<text data-sello-width="W" data-sello-lines="N">` (N = 1 to 4, default 1),
//! whose content is text only and whose `x` is a single number: when the filled text is wider
//! than `W` user units, it is split into up to N balanced lines and shrunk until every line
//! fits (one line is kept while it needs no more than a 20 % shrink; wrapped lines are set at
//! 85 % of the size or less, so that the block stays compact). Wrapped lines are
//! `<tspan>`s at the element's `x`, centred vertically on its baseline; use
//! `text-anchor="middle"` for centred text.
//!
//! **Optional parts.** `data-sello-if="FIELD"` keeps an element only when the placeholder
//! `FIELD` (e.g. `level`, `attr.dep`) is not empty; `data-sello-unless="FIELD"` only when it is.
//!
//! **Fonts.** `font-family="Libertinus Serif"` with `font-weight` 400 or 600 and
//! `font-style` normal or italic; any other family falls back to it.
//!
//! **Refused**, so that a template cannot reach outside itself or blow up: a DTD;
//! `<script>`, `<foreignObject>`, `<image>`, `<feImage>`, `<iframe>`, `<video>`, `<audio>`,
//! `<canvas>`, `<object>`, `<embed>`, `<marker>`; `on…` event attributes; an `href` or
//! `url(…)` that does not start with `#`; `@import`; `<?xml-stylesheet?>`; a `<use>` of an
//! element that contains `<use>`; more than 50,000 nodes (counting what `<use>` repeats) or
//! nesting deeper than 64.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod check;
mod error;
mod fields;
mod fit;
mod fonts;
mod i18n;
mod layout;
mod output;
mod pdf;
mod printer;
mod qr;
mod receipt;
mod template;
mod text;

pub use check::MIN_MODULE_MM;
pub use error::{PrintError, TemplateError};
pub use fields::{CertificateFields, MAX_ATTRIBUTES_LINE, date_es};
pub use fonts::FONT_FAMILY;
pub use output::{Output, OutputError, Outputs, QR_PNG_SCALE, QR_SVG_MM};
pub use printer::Printer;
pub use qr::{Correction, QUIET_ZONE, QrError, QrMatrix};
pub use receipt::{Receipt, render_receipt_pdf, render_receipt_svg};
pub use template::{DEFAULT_ES, MAX_TEMPLATE_BYTES, QR_SLOT_ID, Template};

use template::{Layout, Page, QR_PATH_ID};

/// A paper size. The orientation follows the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PaperSize {
    /// ISO A4, 210 × 297 mm (Mexico's usual paper).
    #[default]
    A4,
    /// US Letter ("carta"), 215.9 × 279.4 mm.
    Letter,
}

impl PaperSize {
    /// Every paper size, in the order of their names.
    pub const ALL: [PaperSize; 2] = [PaperSize::A4, PaperSize::Letter];

    /// The name people choose it by (`a4`, `letter`).
    pub fn name(self) -> &'static str {
        match self {
            PaperSize::A4 => "a4",
            PaperSize::Letter => "letter",
        }
    }

    /// The paper size called `name` (see [`PaperSize::name`]), if any.
    pub fn from_name(name: &str) -> Option<PaperSize> {
        PaperSize::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Width and height in millimetres, portrait.
    pub fn size_mm(self) -> (f64, f64) {
        match self {
            PaperSize::A4 => (210.0, 297.0),
            PaperSize::Letter => (215.9, 279.4),
        }
    }

    fn page(self, landscape: bool) -> Page {
        let (short, long) = self.size_mm();
        let (width_mm, height_mm) = if landscape {
            (long, short)
        } else {
            (short, long)
        };
        Page {
            width_mm,
            height_mm,
        }
    }
}

/// Renders a certificate as an SVG document the size of the paper.
///
/// `qr_text` is what the QR code holds (usually `<verify_url>#<token>`).
pub fn render_svg(
    template: &Template,
    fields: &CertificateFields,
    qr_text: &str,
    paper: PaperSize,
) -> Result<String, PrintError> {
    Ok(prepare(template, fields, qr_text, paper)?.0)
}

/// Renders a certificate as a one-page PDF (vector, fonts embedded).
pub fn render_pdf(
    template: &Template,
    fields: &CertificateFields,
    qr_text: &str,
    paper: PaperSize,
) -> Result<Vec<u8>, PrintError> {
    let (_, tree) = prepare(template, fields, qr_text, paper)?;
    pdf(&tree, true)
}

pub(crate) fn pdf(tree: &usvg::Tree, compress: bool) -> Result<Vec<u8>, PrintError> {
    let options = svg2pdf::ConversionOptions {
        compress,
        ..Default::default()
    };
    // usvg works in CSS pixels (96 per inch); PDF points are 72 per inch.
    svg2pdf::to_pdf(tree, options, svg2pdf::PageOptions { dpi: 96.0 })
        .map_err(|e| PrintError::Pdf(e.to_string()))
}

/// The filled SVG and its parsed tree, after fitting long text.
pub(crate) fn prepare(
    template: &Template,
    fields: &CertificateFields,
    qr_text: &str,
    paper: PaperSize,
) -> Result<(String, usvg::Tree), PrintError> {
    fields.check()?;
    let qr = QrMatrix::encode(qr_text, Correction::Medium)?;
    let page = paper.page(template.is_landscape());
    let options = fonts::options();
    let mut layouts: Vec<Option<Layout>> = vec![None; template.fits.len()];
    let svg = template.fill(fields, &qr, page, &layouts);
    let tree = parse(&svg, &options)?;
    check::module_size(qr_module_mm(&tree))?;
    for (layout, fit) in layouts.iter_mut().zip(&template.fits) {
        *layout = fit::layout(&tree, fit);
    }
    if layouts.iter().all(Option::is_none) {
        check::qr(&tree, qr.width())?;
        return Ok((svg, tree));
    }
    let svg = template.fill(fields, &qr, page, &layouts);
    let tree = parse(&svg, &options)?;
    check::qr(&tree, qr.width())?;
    Ok((svg, tree))
}

fn parse(svg: &str, options: &usvg::Options) -> Result<usvg::Tree, PrintError> {
    usvg::Tree::from_str(svg, options).map_err(|e| PrintError::Svg(e.to_string()))
}

/// The printed side of one module of the laid-out QR code, in millimetres (0 when it is not
/// drawn).
pub(crate) fn qr_module_mm(tree: &usvg::Tree) -> f32 {
    tree.node_by_id(QR_PATH_ID).map_or(0.0, |node| {
        check::module_mm(node.abs_transform(), check::MM_PER_PX)
    })
}

#[cfg(test)]
mod printer_tests;
#[cfg(test)]
mod tests;
