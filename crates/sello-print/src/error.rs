//! Typed errors: what is wrong with a template, and why a certificate could not be rendered,
//! shown in the language in use (`i18n/*.ftl`). A `&'static str` of what is wrong is the id of
//! its words in the catalogue.

use crate::i18n::{escaped, tr};

/// Why a template was refused. Every check happens in [`crate::Template::parse`], once, so a
/// template that parses renders any valid certificate.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TemplateError {
    /// The template is larger than [`crate::MAX_TEMPLATE_BYTES`].
    #[error("{}", tr("template-too-large", &[("size", (*.size).into()), ("max", (*.max).into())]))]
    TooLarge {
        /// Size of the template, in bytes.
        size: usize,
        /// The cap.
        max: usize,
    },
    /// The template is not well-formed XML (or declares a DTD, which is refused).
    #[error("{}", tr("template-xml", &[("error", escaped(.0).into())]))]
    Xml(String),
    /// The root element is not `<svg>` in the SVG namespace.
    #[error("{}", tr("template-not-svg", &[]))]
    NotSvg,
    /// The root `<svg>` has no usable `viewBox` (four numbers, positive width and height).
    #[error("{}", tr("template-bad-view-box", &[]))]
    BadViewBox,
    /// The template has more elements, or nests them deeper, than accepted.
    #[error("{}", tr("template-too-complex", &[("why", tr(.0, &[]).into())]))]
    TooComplex(&'static str),
    /// No `<rect id="sello-qr">`.
    #[error("{}", tr("template-missing-qr-slot", &[]))]
    MissingQrSlot,
    /// The QR slot is not a `<rect>` with numeric, positive `x`, `y`, `width`, `height`.
    #[error("{}", tr("template-bad-qr-slot", &[("why", tr(.0, &[]).into())]))]
    BadQrSlot(&'static str),
    /// An element Sello never renders: `<script>`, `<foreignObject>`, `<image>`, ….
    #[error("{}", tr("template-forbidden-element", &[("name", escaped(.0).into())]))]
    ForbiddenElement(String),
    /// An event-handler attribute such as `onload`.
    #[error("{}", tr("template-forbidden-attribute", &[("name", escaped(.0).into())]))]
    ForbiddenAttribute(String),
    /// A reference to anything outside the template (a file, a URL, `@import`).
    #[error("{}", tr("template-external-reference", &[("what", escaped(.0).into())]))]
    ExternalReference(String),
    /// A `<use>` that points at an element containing another `<use>` (refused to keep the
    /// drawing linear in the template's size).
    #[error("{}", tr("template-nested-use", &[("id", escaped(.0).into())]))]
    NestedUse(String),
    /// `{{name}}` where `name` is not a placeholder.
    #[error("{}", tr("template-unknown-placeholder", &[("name", escaped(.0).into())]))]
    UnknownPlaceholder(String),
    /// A placeholder where values cannot be escaped safely (CSS, `style`, `href`, `id`, CDATA).
    #[error("{}", tr("template-placeholder-not-allowed", &[("where", tr(.0, &[]).into())]))]
    PlaceholderNotAllowed(&'static str),
    /// A `data-sello-…` attribute with a bad value or on the wrong element.
    #[error("{}", tr("template-bad-layout-attribute", &[("attribute", (*.attribute).into()), ("problem", tr(.problem, &[]).into())]))]
    BadLayoutAttribute {
        /// The attribute.
        attribute: &'static str,
        /// What is wrong.
        problem: &'static str,
    },
}

/// Why a certificate could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// The template was refused.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// A field is too long or contains characters that cannot be printed.
    #[error("{}", tr("print-field", &[("field", escaped(.field).into()), ("problem", tr(.problem, &[]).into())]))]
    Field {
        /// The field's placeholder name (`holder`, `attr.dep`, …).
        field: String,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// The QR text does not fit in a QR code.
    #[error(transparent)]
    Qr(#[from] crate::qr::QrError),
    /// A module of the QR code would print smaller than [`crate::MIN_MODULE_MM`].
    #[error("{}", tr("print-qr-too-small", &[("mm", format!("{:.2}", .module_mm).into()), ("min", format!("{:.2}", .min).into())]))]
    QrTooSmall {
        /// The printed side of one module, in millimetres.
        module_mm: f32,
        /// The minimum.
        min: f32,
    },
    /// Something the template draws overlaps the QR code's quiet zone (named by its text, its
    /// id or its kind).
    #[error("{}", tr("print-qr-quiet-zone", &[("what", escaped(.0).into())]))]
    QrQuietZone(String),
    /// The filled template could not be laid out as SVG.
    #[error("{}", tr("print-svg", &[("error", escaped(.0).into())]))]
    Svg(String),
    /// The PDF conversion failed.
    #[error("{}", tr("print-pdf", &[("error", escaped(.0).into())]))]
    Pdf(String),
}
