//! Typed errors: what is wrong with a template, and why a certificate could not be rendered.

/// Why a template was refused. Every check happens in [`crate::Template::parse`], once, so a
/// template that parses renders any valid certificate.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TemplateError {
    /// The template is larger than [`crate::MAX_TEMPLATE_BYTES`].
    #[error("the template has {size} bytes; at most {max} are accepted")]
    TooLarge {
        /// Size of the template, in bytes.
        size: usize,
        /// The cap.
        max: usize,
    },
    /// The template is not well-formed XML (or declares a DTD, which is refused).
    #[error("the template is not well-formed XML: {0}")]
    Xml(String),
    /// The root element is not `<svg>` in the SVG namespace.
    #[error("the template's root element must be <svg> in the SVG namespace")]
    NotSvg,
    /// The root `<svg>` has no usable `viewBox` (four numbers, positive width and height).
    #[error("the template's root <svg> needs a viewBox with a positive width and height")]
    BadViewBox,
    /// The template has more elements, or nests them deeper, than accepted.
    #[error("the template is too complex: {0}")]
    TooComplex(&'static str),
    /// No `<rect id="sello-qr">`.
    #[error(
        "the template has no QR slot: add <rect id=\"sello-qr\" x=\"…\" y=\"…\" width=\"…\" height=\"…\"/>"
    )]
    MissingQrSlot,
    /// The QR slot is not a `<rect>` with numeric, positive `x`, `y`, `width`, `height`.
    #[error("the QR slot is not usable: {0}")]
    BadQrSlot(&'static str),
    /// An element Sello never renders: `<script>`, `<foreignObject>`, `<image>`, ….
    #[error("the template may not contain <{0}> elements")]
    ForbiddenElement(String),
    /// An event-handler attribute such as `onload`.
    #[error("the template may not contain event attributes such as {0}")]
    ForbiddenAttribute(String),
    /// A reference to anything outside the template (a file, a URL, `@import`).
    #[error("the template refers to something outside itself: {0}")]
    ExternalReference(String),
    /// A `<use>` that points at an element containing another `<use>` (refused to keep the
    /// drawing linear in the template's size).
    #[error("a <use> may not point at an element that contains <use>: #{0}")]
    NestedUse(String),
    /// `{{name}}` where `name` is not a placeholder.
    #[error("unknown placeholder {{{{{0}}}}}")]
    UnknownPlaceholder(String),
    /// A placeholder where values cannot be escaped safely (CSS, `style`, `href`, `id`, CDATA).
    #[error("placeholders are not allowed in {0}")]
    PlaceholderNotAllowed(&'static str),
    /// A `data-sello-…` attribute with a bad value or on the wrong element.
    #[error("bad {attribute}: {problem}")]
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
    #[error("field {field}: {problem}")]
    Field {
        /// The field's placeholder name (`holder`, `attr.dep`, …).
        field: String,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// The QR text does not fit in a QR code.
    #[error(transparent)]
    Qr(#[from] sello_issuer::qr::QrError),
    /// The QR code would print smaller than [`crate::MIN_QR_MM`].
    #[error("the QR code would print {mm:.1} mm wide; at least {min} mm are needed")]
    QrTooSmall {
        /// Printed width including the quiet zone, in millimetres.
        mm: f32,
        /// The minimum.
        min: f32,
    },
    /// The filled template could not be laid out as SVG.
    #[error("the filled template could not be read as SVG: {0}")]
    Svg(String),
    /// The PDF conversion failed.
    #[error("the PDF conversion failed: {0}")]
    Pdf(String),
}
