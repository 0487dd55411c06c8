//! Templates: parsing, the checks that make a template safe to fill, and filling it.

use crate::error::TemplateError;
use crate::fields::{CertificateFields, escape_into, is_placeholder};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use usvg::roxmltree::{self, Node, NodeType};

/// Largest template accepted, in bytes (1 MiB).
pub const MAX_TEMPLATE_BYTES: usize = 1 << 20;
/// Most XML nodes in a template, counting what every `<use>` repeats.
const MAX_NODES: usize = 50_000;
/// Deepest element nesting accepted.
const MAX_DEPTH: usize = 64;
/// Most lines a `data-sello-lines` may ask for.
const MAX_LINES: u8 = 4;

/// The `id` of the QR slot.
pub const QR_SLOT_ID: &str = "sello-qr";
/// The `id` given to the QR modules' `<path>` in the output.
pub(crate) const QR_PATH_ID: &str = "sello-qr-modules";
pub(crate) const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Elements that never reach the output: scripts, embedded HTML, raster images and
/// anything else that loads content from elsewhere; markers (which repeat per vertex).
const FORBIDDEN: [&str; 11] = [
    "script",
    "foreignObject",
    "image",
    "feImage",
    "iframe",
    "video",
    "audio",
    "canvas",
    "object",
    "embed",
    "marker",
];

/// Containers whose content is not drawn where it stands.
pub(crate) const NOT_DRAWN: [&str; 7] = [
    "defs", "clipPath", "mask", "pattern", "symbol", "marker", "title",
];

/// A certificate template: an SVG document with placeholders and a QR slot, checked once.
///
/// See the crate documentation for the template contract.
#[derive(Debug, Clone)]
pub struct Template {
    source: String,
    view_box: [f64; 4],
    root: Range<usize>,
    edits: Vec<Edit>,
    pub(crate) fits: Vec<Fit>,
}

#[derive(Debug, Clone)]
pub(crate) struct Edit {
    pub(crate) range: Range<usize>,
    pub(crate) kind: EditKind,
}

#[derive(Debug, Clone)]
pub(crate) enum EditKind {
    /// Keep the element when the field is non-empty (`negate`: when it is empty).
    Conditional { field: String, negate: bool },
    /// Where the page placement attributes go in the root start tag.
    RootAttributes,
    /// A root attribute that the page placement replaces.
    Delete,
    /// The QR slot, replaced by the QR drawing.
    Qr {
        rect: [f64; 4],
        transform: Option<String>,
    },
    /// `{{name}}`.
    Placeholder(String),
    /// After `<text` of a fitted element: its id (when it has none) and its font size.
    FitTag(usize),
    /// The end of a fitted element's `style` value: its font size.
    FitStyle(usize),
    /// A fitted element's content, replaced by lines when it had to shrink or wrap.
    FitContent(usize),
    /// An element left out of a partial document (the prepared printer's layers).
    Drop,
    /// Text inserted as is (an `id` the prepared printer gives an element).
    Insert(String),
}

impl EditKind {
    /// Order of edits that start at the same place: the outer ones first.
    fn rank(&self) -> u8 {
        match self {
            EditKind::Drop => 0,
            EditKind::Conditional { .. } | EditKind::FitContent(_) => 1,
            _ => 2,
        }
    }
}

/// A `<text>` element that must fit a width (`data-sello-width`).
#[derive(Debug, Clone)]
pub(crate) struct Fit {
    /// The element's id in the output (its own, or `sello-fit-N`).
    pub(crate) id: String,
    pub(crate) own_id: bool,
    has_style: bool,
    /// Largest width, in the element's user units.
    pub(crate) width: f32,
    /// Most lines.
    pub(crate) lines: u8,
    /// The element's `x`.
    pub(crate) x: f32,
}

/// How a fitted element is laid out after measuring: its font size and its lines.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Layout {
    pub(crate) font_size: f32,
    pub(crate) lines: Vec<String>,
}

/// Where placeholder values come from when a template is filled.
#[derive(Clone, Copy)]
pub(crate) enum Values<'a> {
    /// A certificate's fields; conditional elements follow them.
    Fields(&'a CertificateFields),
    /// Placeholder number `i` (in the order of [`Template::placeholders`]) becomes the
    /// character [`marker`]`(i)`; every conditional element is kept. The prepared printer
    /// parses such a document once to learn each element's style and layout.
    Markers,
}

/// The private-use character standing for placeholder number `i` (see [`Values::Markers`]).
pub(crate) fn marker(i: usize) -> Option<char> {
    let base = 0xF_0000u32; // Supplementary Private Use Area-A: 65,534 code points
    u32::try_from(i)
        .ok()
        .filter(|i| *i < 0xFFFE)
        .and_then(|i| char::from_u32(base + i))
}

/// The placeholder number of a marker character.
pub(crate) fn marker_index(c: char) -> Option<usize> {
    let c = u32::from(c);
    (0xF_0000..0xF_FFFE)
        .contains(&c)
        .then(|| (c - 0xF_0000) as usize)
}

/// The page: its size in millimetres.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Page {
    pub(crate) width_mm: f64,
    pub(crate) height_mm: f64,
}

impl Template {
    /// Parses and checks a template (see the crate documentation for the contract).
    pub fn parse(source: &str) -> Result<Template, TemplateError> {
        if source.len() > MAX_TEMPLATE_BYTES {
            return Err(TemplateError::TooLarge {
                size: source.len(),
                max: MAX_TEMPLATE_BYTES,
            });
        }
        let options = roxmltree::ParsingOptions {
            allow_dtd: false,
            nodes_limit: MAX_NODES as u32,
        };
        let doc = roxmltree::Document::parse_with_options(source, options)
            .map_err(|e| TemplateError::Xml(e.to_string()))?;
        let mut parser = Parser {
            source,
            edits: Vec::new(),
            fits: Vec::new(),
            qr: None,
        };
        let root = doc.root_element();
        if root.tag_name().name() != "svg" || root.tag_name().namespace() != Some(SVG_NS) {
            return Err(TemplateError::NotSvg);
        }
        let view_box = parse_view_box(root.attribute("viewBox"))?;
        check_depth(root)?;
        for node in doc.root().children() {
            if node.node_type() == NodeType::PI
                && node.pi().is_some_and(|pi| pi.target == "xml-stylesheet")
            {
                return Err(TemplateError::ExternalReference(
                    "<?xml-stylesheet?>".to_string(),
                ));
            }
        }
        let ids: HashMap<&str, Node> = root
            .descendants()
            .filter_map(|n| n.attribute("id").map(|id| (id, n)))
            .collect();
        let mut expanded = 0usize;
        for node in root.descendants() {
            parser.node(node, &ids, &mut expanded)?;
        }
        let (qr_node, rect) = parser.qr.ok_or(TemplateError::MissingQrSlot)?;
        for ancestor in qr_node.ancestors().filter(Node::is_element) {
            if NOT_DRAWN.contains(&ancestor.tag_name().name()) {
                return Err(TemplateError::BadQrSlot("qr-slot-hidden"));
            }
            if ancestor.has_attribute("data-sello-if")
                || ancestor.has_attribute("data-sello-unless")
            {
                return Err(TemplateError::BadQrSlot("qr-slot-conditional"));
            }
        }
        parser.edits.push(Edit {
            range: qr_node.range(),
            kind: EditKind::Qr {
                rect,
                transform: qr_node.attribute("transform").map(str::to_string),
            },
        });
        // The root start tag: its size and position come from the page.
        let start = root.range().start;
        let after_name = start + "<svg".len();
        if !source[start..].starts_with("<svg")
            || !source[after_name..]
                .starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        {
            return Err(TemplateError::NotSvg);
        }
        parser.edits.push(Edit {
            range: after_name..after_name,
            kind: EditKind::RootAttributes,
        });
        for attr in root.attributes() {
            if attr.namespace().is_none()
                && matches!(
                    attr.name(),
                    "x" | "y" | "width" | "height" | "preserveAspectRatio"
                )
            {
                parser.edits.push(Edit {
                    range: attr.range(),
                    kind: EditKind::Delete,
                });
            }
        }
        let mut edits = parser.edits;
        edits.sort_by_key(|e| (e.range.start, e.kind.rank()));
        Ok(Template {
            source: source.to_string(),
            view_box,
            root: root.range(),
            edits,
            fits: parser.fits,
        })
    }

    /// The embedded default template: a Spanish certificate of labour competency, landscape.
    pub fn default_es() -> Template {
        Template::parse(DEFAULT_ES).expect("the embedded template is valid")
    }

    /// The template's `viewBox` width and height (its user units).
    pub fn size(&self) -> (f64, f64) {
        (self.view_box[2], self.view_box[3])
    }

    /// Whether the template is wider than tall (so is the page it is printed on).
    pub fn is_landscape(&self) -> bool {
        self.view_box[2] > self.view_box[3]
    }

    /// The source text.
    pub(crate) fn source(&self) -> &str {
        &self.source
    }

    /// Every edit, in the order they apply.
    pub(crate) fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// The placeholders' names, numbered as [`Values::Markers`] numbers them.
    pub(crate) fn placeholders(&self) -> Vec<&str> {
        self.edits
            .iter()
            .filter_map(|e| match &e.kind {
                EditKind::Placeholder(name) => Some(name.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The same template with more edits (elements left out, ids added).
    pub(crate) fn with_edits(&self, extra: impl IntoIterator<Item = Edit>) -> Template {
        let mut t = self.clone();
        t.edits.extend(extra);
        // A stable sort keeps placeholders in source order (their marker numbers).
        t.edits.sort_by_key(|e| (e.range.start, e.kind.rank()));
        t
    }

    /// The filled document: placeholders, QR drawing, page placement, and laid-out lines for
    /// the fitted elements that need them (`layouts[i]` for `self.fits[i]`).
    pub(crate) fn fill(
        &self,
        fields: &CertificateFields,
        qr: &crate::qr::QrMatrix,
        page: Page,
        layouts: &[Option<Layout>],
    ) -> String {
        self.fill_with(Values::Fields(fields), Some(qr), page, layouts)
    }

    /// [`Template::fill`] with values from `values`; without a QR matrix the slot is left out.
    pub(crate) fn fill_with(
        &self,
        values: Values,
        qr: Option<&crate::qr::QrMatrix>,
        page: Page,
        layouts: &[Option<Layout>],
    ) -> String {
        let src = &self.source;
        let modules = qr.map_or(0, |q| q.width());
        let mut out = String::with_capacity(src.len() + 16 * modules * modules + 1024);
        let mut placeholder = 0usize;
        let (w, h) = (page.width_mm, page.height_mm);
        let _ = write!(
            out,
            concat!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}mm\" height=\"{h}mm\" ",
                "viewBox=\"0 0 {w} {h}\">\n"
            ),
            w = w,
            h = h
        );
        let mut pos = self.root.start;
        for edit in &self.edits {
            let number = placeholder;
            if matches!(edit.kind, EditKind::Placeholder(_)) {
                placeholder += 1;
            }
            if edit.range.start < pos {
                continue; // inside an element that was left out or replaced
            }
            out.push_str(&src[pos..edit.range.start]);
            pos = edit.range.end;
            match &edit.kind {
                EditKind::Conditional { field, negate } => {
                    let keep = match values {
                        Values::Fields(fields) => {
                            let present =
                                !fields.value(field).unwrap_or_default().trim().is_empty();
                            present != *negate
                        }
                        Values::Markers => true,
                    };
                    if keep {
                        pos = edit.range.start; // keep it: go on inside
                    }
                }
                EditKind::Drop => {}
                EditKind::Insert(text) => out.push_str(text),
                EditKind::RootAttributes => {
                    let _ = write!(
                        out,
                        " x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" preserveAspectRatio=\"xMidYMid meet\""
                    );
                }
                EditKind::Delete => {}
                EditKind::Qr { rect, transform } => {
                    if let Some(qr) = qr {
                        qr_drawing(&mut out, qr, *rect, transform);
                    }
                }
                EditKind::Placeholder(name) => match values {
                    Values::Fields(fields) => {
                        escape_into(&mut out, fields.value(name).unwrap_or_default());
                    }
                    Values::Markers => {
                        out.push(marker(number).unwrap_or('\u{FFFD}'));
                    }
                },
                EditKind::FitTag(i) => {
                    let fit = &self.fits[*i];
                    if !fit.own_id {
                        let _ = write!(out, " id=\"{}\"", fit.id);
                    }
                    if let (Some(layout), false) = (&layouts[*i], fit.has_style) {
                        let _ = write!(out, " style=\"font-size:{:.3}px\"", layout.font_size);
                    }
                }
                EditKind::FitStyle(i) => {
                    if let Some(layout) = &layouts[*i] {
                        let _ = write!(out, ";font-size:{:.3}px", layout.font_size);
                    }
                }
                EditKind::FitContent(i) => match &layouts[*i] {
                    Some(layout) => lines(&mut out, self.fits[*i].x, layout),
                    None => pos = edit.range.start,
                },
            }
        }
        out.push_str(&src[pos..self.root.end]);
        out.push_str("\n</svg>\n");
        out
    }
}

/// The lines of a fitted element as `<tspan>`s, centred vertically on the original baseline.
fn lines(out: &mut String, x: f32, layout: &Layout) {
    let n = layout.lines.len();
    for (i, line) in layout.lines.iter().enumerate() {
        let dy = line_dy(layout.font_size, i, n);
        let _ = write!(out, "<tspan x=\"{x}\" dy=\"{dy:.3}\">");
        escape_into(out, line);
        out.push_str("</tspan>");
    }
}

/// The `dy` of line `i` of `n` wrapped lines: the first moves up by half the block.
pub(crate) fn line_dy(font_size: f32, i: usize, n: usize) -> f32 {
    let line_height = 1.18 * font_size;
    if i == 0 {
        -(n as f32 - 1.0) / 2.0 * line_height
    } else {
        line_height
    }
}

/// The QR code in the slot: a white square (the quiet zone) and one path of dark modules.
fn qr_drawing(
    out: &mut String,
    qr: &crate::qr::QrMatrix,
    [x, y, w, h]: [f64; 4],
    transform: &Option<String>,
) {
    use crate::qr::QUIET_ZONE;
    let side = w.min(h);
    let (x0, y0) = (x + (w - side) / 2.0, y + (h - side) / 2.0);
    let n = qr.width();
    let module = side / (n + 2 * QUIET_ZONE) as f64;
    out.push_str("<g id=\"sello-qr\"");
    if let Some(t) = transform {
        out.push_str(" transform=\"");
        escape_into(out, t);
        out.push('"');
    }
    let _ = write!(
        out,
        "><rect x=\"{x0}\" y=\"{y0}\" width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
         <path id=\"{QR_PATH_ID}\" fill=\"#000\" shape-rendering=\"crispEdges\" \
         transform=\"translate({} {}) scale({module})\" d=\"",
        x0 + QUIET_ZONE as f64 * module,
        y0 + QUIET_ZONE as f64 * module,
    );
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if !qr.is_dark(col, row) {
                col += 1;
                continue;
            }
            let start = col;
            while col < n && qr.is_dark(col, row) {
                col += 1;
            }
            let run = col - start;
            let _ = write!(out, "M{start} {row}h{run}v1h-{run}z");
        }
    }
    out.push_str("\"/></g>");
}

struct Parser<'a, 'input> {
    source: &'input str,
    edits: Vec<Edit>,
    fits: Vec<Fit>,
    qr: Option<(Node<'a, 'input>, [f64; 4])>,
}

impl<'a, 'input: 'a> Parser<'a, 'input> {
    fn node(
        &mut self,
        node: Node<'a, 'input>,
        ids: &HashMap<&str, Node<'a, 'input>>,
        expanded: &mut usize,
    ) -> Result<(), TemplateError> {
        *expanded += 1;
        if node.is_text() {
            return self.text(node);
        }
        if !node.is_element() {
            return Ok(());
        }
        let name = node.tag_name().name();
        if FORBIDDEN.iter().any(|f| f.eq_ignore_ascii_case(name)) {
            return Err(TemplateError::ForbiddenElement(name.to_string()));
        }
        for attr in node.attributes() {
            self.attribute(attr)?;
        }
        if name == "use" {
            let target = href(node).unwrap_or_default().trim_start_matches('#');
            if let Some(target_node) = ids.get(target) {
                let mut size = 0;
                for d in target_node.descendants() {
                    if d.has_tag_name((SVG_NS, "use")) {
                        return Err(TemplateError::NestedUse(target.to_string()));
                    }
                    size += 1;
                }
                *expanded += size;
            }
        }
        if *expanded > MAX_NODES {
            return Err(TemplateError::TooComplex("complex-elements"));
        }
        if node.attribute("id") == Some(QR_SLOT_ID) {
            if self.qr.is_some() {
                return Err(TemplateError::BadQrSlot("qr-slot-twice"));
            }
            if name != "rect" {
                return Err(TemplateError::BadQrSlot("qr-slot-not-rect"));
            }
            let number = |a: &str| node.attribute(a).and_then(|v| v.trim().parse::<f64>().ok());
            let rect = match (number("x"), number("y"), number("width"), number("height")) {
                (Some(x), Some(y), Some(w), Some(h)) => [x, y, w, h],
                _ => {
                    return Err(TemplateError::BadQrSlot("qr-slot-numbers"));
                }
            };
            if !rect.iter().all(|v| v.is_finite()) || rect[2] <= 0.0 || rect[3] <= 0.0 {
                return Err(TemplateError::BadQrSlot("qr-slot-size"));
            }
            self.qr = Some((node, rect));
        }
        for (attribute, negate) in [("data-sello-if", false), ("data-sello-unless", true)] {
            if let Some(field) = node.attribute(attribute) {
                if !is_placeholder(field) {
                    return Err(TemplateError::BadLayoutAttribute {
                        attribute: if negate {
                            "data-sello-unless"
                        } else {
                            "data-sello-if"
                        },
                        problem: "layout-placeholder",
                    });
                }
                self.edits.push(Edit {
                    range: node.range(),
                    kind: EditKind::Conditional {
                        field: field.to_string(),
                        negate,
                    },
                });
            }
        }
        if node.has_attribute("data-sello-width") {
            self.fit(node)?;
        }
        Ok(())
    }

    fn attribute(&mut self, attr: roxmltree::Attribute<'a, 'input>) -> Result<(), TemplateError> {
        let name = attr.name();
        let value = attr.value();
        // Compare bytes: an attribute name may start with a multi-byte character (fuzz finding:
        // slicing `name[..2]` panicked inside U+FEFF).
        if name.len() > 2 && name.as_bytes()[..2].eq_ignore_ascii_case(b"on") {
            return Err(TemplateError::ForbiddenAttribute(name.to_string()));
        }
        if name == "href" && !value.trim_start().starts_with('#') {
            return Err(TemplateError::ExternalReference(snippet(value)));
        }
        check_urls(value)?;
        let raw = attr.range_value();
        let guarded = matches!(name, "style" | "href" | "id") || name.starts_with("data-sello");
        let found = placeholders(self.source, raw)?;
        if !found.is_empty() && guarded {
            return Err(TemplateError::PlaceholderNotAllowed("where-attributes"));
        }
        self.edits.extend(found);
        Ok(())
    }

    fn text(&mut self, node: Node<'a, 'input>) -> Result<(), TemplateError> {
        let raw = node.range();
        let parent = node
            .parent_element()
            .map(|p| p.tag_name().name())
            .unwrap_or_default();
        if parent == "style" {
            let css = node.text().unwrap_or_default();
            if css.to_ascii_lowercase().contains("@import") {
                return Err(TemplateError::ExternalReference("@import".to_string()));
            }
            check_urls(css)?;
        }
        let found = placeholders(self.source, raw.clone())?;
        if found.is_empty() {
            return Ok(());
        }
        if parent == "style" {
            return Err(TemplateError::PlaceholderNotAllowed("where-style"));
        }
        if self.source[raw].contains("<![CDATA[") {
            return Err(TemplateError::PlaceholderNotAllowed("where-cdata"));
        }
        self.edits.extend(found);
        Ok(())
    }

    fn fit(&mut self, node: Node<'a, 'input>) -> Result<(), TemplateError> {
        let bad = |attribute, problem| TemplateError::BadLayoutAttribute { attribute, problem };
        if node.tag_name().name() != "text" {
            return Err(bad("data-sello-width", "layout-only-text"));
        }
        let width = node
            .attribute("data-sello-width")
            .and_then(|v| v.trim().parse::<f32>().ok())
            .filter(|w| w.is_finite() && *w > 0.0)
            .ok_or(bad("data-sello-width", "layout-positive-width"))?;
        let lines = match node.attribute("data-sello-lines") {
            None => 1,
            Some(v) => v
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=MAX_LINES).contains(n))
                .ok_or(bad("data-sello-lines", "layout-lines"))?,
        };
        let x = match node.attribute("x") {
            None => 0.0,
            Some(v) => v
                .trim()
                .parse::<f32>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or(bad("data-sello-width", "layout-single-x"))?,
        };
        if node.children().any(|c| c.is_element()) {
            return Err(bad("data-sello-width", "layout-only-text-inside"));
        }
        let (Some(first), Some(last)) = (node.first_child(), node.last_child()) else {
            return Err(bad("data-sello-width", "layout-empty"));
        };
        let index = self.fits.len();
        let own_id = node.attribute("id").map(str::to_string);
        let start = node.range().start + "<text".len();
        self.edits.push(Edit {
            range: start..start,
            kind: EditKind::FitTag(index),
        });
        let style = node
            .attributes()
            .find(|a| a.name() == "style" && a.namespace().is_none());
        if let Some(style) = &style {
            let end = style.range_value().end;
            self.edits.push(Edit {
                range: end..end,
                kind: EditKind::FitStyle(index),
            });
        }
        self.edits.push(Edit {
            range: first.range().start..last.range().end,
            kind: EditKind::FitContent(index),
        });
        self.fits.push(Fit {
            id: own_id
                .clone()
                .unwrap_or_else(|| format!("sello-fit-{index}")),
            own_id: own_id.is_some(),
            has_style: style.is_some(),
            width,
            lines,
            x,
        });
        Ok(())
    }
}

/// The `href` (or `xlink:href`) of an element.
fn href<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == "href")
        .map(|a| a.value())
}

/// Every `url(…)` must point inside the document (`url(#id)`).
fn check_urls(value: &str) -> Result<(), TemplateError> {
    let lower = value.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let target =
            rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '"' || c == '\'');
        if !target.starts_with('#') {
            return Err(TemplateError::ExternalReference(snippet(value)));
        }
    }
    Ok(())
}

fn snippet(value: &str) -> String {
    value.chars().take(80).collect()
}

/// The `{{name}}` placeholders in `source[range]`.
fn placeholders(source: &str, range: Range<usize>) -> Result<Vec<Edit>, TemplateError> {
    let text = &source[range.clone()];
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("{{") {
        let open = from + open;
        let Some(close) = text[open + 2..].find("}}") else {
            break;
        };
        let name = &text[open + 2..open + 2 + close];
        if !is_placeholder(name) {
            return Err(TemplateError::UnknownPlaceholder(snippet(name)));
        }
        let end = open + 2 + close + 2;
        found.push(Edit {
            range: range.start + open..range.start + end,
            kind: EditKind::Placeholder(name.to_string()),
        });
        from = end;
    }
    Ok(found)
}

fn parse_view_box(value: Option<&str>) -> Result<[f64; 4], TemplateError> {
    let numbers: Vec<f64> = value
        .unwrap_or_default()
        .split(|c: char| c.is_ascii_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| TemplateError::BadViewBox)?;
    match numbers[..] {
        [x, y, w, h] if numbers.iter().all(|v| v.is_finite()) && w > 0.0 && h > 0.0 => {
            Ok([x, y, w, h])
        }
        _ => Err(TemplateError::BadViewBox),
    }
}

/// Refuses nesting deeper than [`MAX_DEPTH`], without recursion.
fn check_depth(root: Node) -> Result<(), TemplateError> {
    let mut stack = vec![(root, 1usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            return Err(TemplateError::TooComplex("complex-depth"));
        }
        stack.extend(
            node.children()
                .filter(Node::is_element)
                .map(|c| (c, depth + 1)),
        );
    }
    Ok(())
}

/// The default template's source (Spanish, landscape).
pub const DEFAULT_ES: &str = include_str!("../templates/certificado-es.svg");
