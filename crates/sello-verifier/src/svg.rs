//! Reading QR codes from SVG files: the code `sello issue --qr x.svg` writes, a batch's
//! `<serial>.svg` and `<serial>-certificado.svg`, and printable certificates
//! (`sello issue --certificate x.svg`).
//!
//! An SVG is recognised by its content ([`is_svg`]): its root element is `<svg>`, after an
//! optional byte-order mark, XML declaration, processing instructions and comments. It is
//! checked, rasterized with `resvg` and decoded like a photo. Nothing outside the file is ever
//! read: `<image>` references (files, URLs, `data:` URLs) resolve to nothing, no font is loaded
//! (text is not drawn: a QR code has none), and a document type declaration is refused, so no
//! entity is expanded. The cost is bounded before anything is drawn:
//!
//! - the file: at most [`MAX_SVG_BYTES`], UTF-8;
//! - the document: at most [`MAX_SVG_NODES`] XML nodes, counting what every `<use>` repeats (a
//!   `<use>` of something that itself holds a `<use>` is refused, so copies cannot multiply),
//!   elements nested at most [`MAX_SVG_DEPTH`] deep;
//! - the drawing: filters, masks and patterns are refused (Sello writes none, and each can cost
//!   far more than the picture), and the off-screen layers of groups with opacity or a clip
//!   path are counted: at most [`MAX_LAYER_PIXELS`] held at once, [`MAX_LAYER_PIXELS_TOTAL`]
//!   drawn in all;
//! - the raster: [`RENDER_DPI`] (at least [`MIN_RENDER_SIDE`] pixels on the longer side), at
//!   most [`MAX_SVG_PIXELS`]. A certificate on Letter or A4 paper is drawn at about 250 dpi,
//!   its 40–52 mm code at 3 to 5 pixels per module.

use crate::decoder;
use image::GrayImage;
use resvg::tiny_skia;
use resvg::usvg::{self, roxmltree};
use std::collections::HashMap;

/// Largest SVG file read, in bytes (2 MiB; Sello's printable certificate is about 25 KiB).
pub const MAX_SVG_BYTES: usize = 2 << 20;
/// Most XML nodes in an SVG, counting what every `<use>` repeats.
pub const MAX_SVG_NODES: usize = 50_000;
/// Deepest element nesting read.
pub const MAX_SVG_DEPTH: usize = 64;
/// Resolution an SVG is drawn at, in dots per inch (CSS pixels are 96 to the inch).
pub const RENDER_DPI: f32 = 300.0;
/// The longer side of the raster, in pixels, is at least this (a small or unit-less SVG).
pub const MIN_RENDER_SIDE: u32 = 1024;
/// Most pixels in the raster (about Letter or A4 at 250 dpi). Larger drawings are drawn at a
/// lower resolution.
pub const MAX_SVG_PIXELS: u64 = 6_000_000;
/// Most pixels of off-screen layers held at once (nested groups with opacity or a clip path).
pub const MAX_LAYER_PIXELS: u64 = 4 * MAX_SVG_PIXELS;
/// Most pixels of off-screen layers drawn in all.
pub const MAX_LAYER_PIXELS_TOTAL: u64 = 16 * MAX_SVG_PIXELS;

use crate::i18n::tr;

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";

/// Why an SVG file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SvgError {
    /// Over [`MAX_SVG_BYTES`].
    #[error("{}", tr("svg-too-large", &[("len", (*len).into()), ("max", (*max).into())]))]
    TooLarge {
        /// Size in bytes.
        len: usize,
        /// The cap.
        max: usize,
    },
    /// Not an SVG document: no `<svg>` root element in the SVG namespace.
    #[error("{}", tr("svg-not-svg", &[]))]
    NotSvg,
    /// Not well-formed XML, or not UTF-8.
    #[error("{}", tr("svg-xml", &[]))]
    Xml(String),
    /// A document type declaration (`<!DOCTYPE … [ … ]>`), where entities would be defined.
    #[error("{}", tr("svg-doctype", &[]))]
    Doctype,
    /// Over a structural limit (nodes, nesting, `<use>` copies, off-screen layers).
    #[error("{}", tr("svg-too-complex", &[]))]
    TooComplex(&'static str),
    /// Filters, masks or patterns, which are not drawn.
    #[error("{}", tr("svg-unsupported", &[]))]
    Unsupported(&'static str),
    /// The SVG parsed but has no drawable size (a 0 × 0 picture, a broken `viewBox`).
    #[error("{}", tr("svg-render", &[]))]
    Render(String),
}

/// True when `bytes` are an SVG document: after an optional UTF-8 byte-order mark, white space,
/// XML declaration, processing instructions, comments and a `<!DOCTYPE svg …>`, the first
/// element is `<svg>`. Only the prolog is looked at; [`render`] checks the rest.
pub fn is_svg(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    loop {
        rest = rest.trim_ascii_start();
        if rest.starts_with(b"<?") {
            match find(rest, b"?>") {
                Some(end) => rest = &rest[end + 2..],
                None => return false,
            }
        } else if rest.starts_with(b"<!--") {
            match find(&rest[4..], b"-->") {
                Some(end) => rest = &rest[4 + end + 3..],
                None => return false,
            }
        } else if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case(b"<!DOCTYPE") {
            // Recognised, so that the reader can refuse it by name ([`SvgError::Doctype`]).
            let name = rest[9..].trim_ascii_start();
            return name.len() >= 3 && name[..3].eq_ignore_ascii_case(b"svg");
        } else {
            return rest.starts_with(b"<svg")
                && rest
                    .get(4)
                    .is_some_and(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/');
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The usvg options: no file, URL or `data:` image is loaded, no font is known or looked up.
fn options() -> usvg::Options<'static> {
    usvg::Options {
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        font_resolver: usvg::FontResolver {
            select_font: Box::new(|_, _| None),
            select_fallback: Box::new(|_, _, _| None),
        },
        fontdb: std::sync::Arc::new(usvg::fontdb::Database::new()),
        resources_dir: None,
        style_sheet: None,
        ..usvg::Options::default()
    }
}

/// Parses and checks an SVG (file size, XML, root, nesting, nodes with `<use>` copies).
fn parse(bytes: &[u8]) -> Result<usvg::Tree, SvgError> {
    if bytes.len() > MAX_SVG_BYTES {
        return Err(SvgError::TooLarge {
            len: bytes.len(),
            max: MAX_SVG_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| SvgError::Xml("not UTF-8".into()))?;
    let xml = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_SVG_NODES as u32,
    };
    let doc = roxmltree::Document::parse_with_options(text, xml).map_err(|e| match e {
        roxmltree::Error::DtdDetected => SvgError::Doctype,
        roxmltree::Error::NodesLimitReached => SvgError::TooComplex("too many XML nodes"),
        e => SvgError::Xml(e.to_string()),
    })?;
    let root = doc.root_element();
    if !root.has_tag_name((SVG_NS, "svg")) {
        return Err(SvgError::NotSvg);
    }
    check_structure(&doc)?;
    let tree = usvg::Tree::from_xmltree(&doc, &options()).map_err(|e| match e {
        usvg::Error::ElementsLimitReached => SvgError::TooComplex("too many elements"),
        e => SvgError::Render(e.to_string()),
    })?;
    if !tree.filters().is_empty() {
        return Err(SvgError::Unsupported("filters"));
    }
    if !tree.masks().is_empty() {
        return Err(SvgError::Unsupported("masks"));
    }
    if !tree.patterns().is_empty() {
        return Err(SvgError::Unsupported("patterns"));
    }
    Ok(tree)
}

/// Nesting depth, and nodes counting `<use>` copies; a `<use>` of a `<use>` is refused.
fn check_structure(doc: &roxmltree::Document) -> Result<(), SvgError> {
    let ids: HashMap<&str, roxmltree::Node> = doc
        .descendants()
        .filter_map(|n| n.attribute("id").map(|id| (id, n)))
        .collect();
    let mut nodes = 0usize;
    let mut stack = vec![(doc.root_element(), 1usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_SVG_DEPTH {
            return Err(SvgError::TooComplex("elements are nested too deeply"));
        }
        nodes += 1;
        if node.has_tag_name((SVG_NS, "use")) {
            let href = node
                .attribute((XLINK_NS, "href"))
                .or_else(|| node.attribute("href"))
                .unwrap_or_default();
            if let Some(target) = href.strip_prefix('#').and_then(|id| ids.get(id)) {
                for d in target.descendants() {
                    if d.has_tag_name((SVG_NS, "use")) {
                        return Err(SvgError::TooComplex("a <use> of an element with a <use>"));
                    }
                    nodes += 1;
                }
            }
        }
        if nodes > MAX_SVG_NODES {
            return Err(SvgError::TooComplex(
                "too many nodes, counting <use> copies",
            ));
        }
        stack.extend(
            node.children()
                .filter(roxmltree::Node::is_element)
                .map(|c| (c, depth + 1)),
        );
    }
    Ok(())
}

/// The raster's size and scale (raster pixels per CSS pixel) for a picture of `size`.
fn raster_size(size: usvg::Size) -> (u32, u32, f32) {
    let (w, h) = (f64::from(size.width()), f64::from(size.height()));
    let mut scale = (f64::from(RENDER_DPI) / 96.0).max(f64::from(MIN_RENDER_SIDE) / w.max(h));
    scale = scale.min((MAX_SVG_PIXELS as f64 / (w * h)).sqrt());
    let side = f64::from(crate::scan::MAX_SIDE);
    scale = scale.min(side / w).min(side / h);
    // A picture a billionth of a pixel wide is not magnified past any sense.
    scale = scale.min(1e6);
    let px = |v: f64| ((v * scale).floor() as u32).clamp(1, crate::scan::MAX_SIDE);
    (px(w), px(h), scale as f32)
}

/// Counts the off-screen layers resvg would allocate (a group with opacity, a clip path or a
/// blend mode; a clip path's own mask), in raster pixels, each clipped to resvg's own bound
/// (the canvas and twice its size around it).
struct Layers {
    scale: f32,
    max_side: (f64, f64),
    total: u64,
}

impl Layers {
    fn pixels(&self, bbox: usvg::NonZeroRect) -> u64 {
        let s = f64::from(self.scale);
        let w = (f64::from(bbox.width()) * s + 4.0).min(self.max_side.0);
        let h = (f64::from(bbox.height()) * s + 4.0).min(self.max_side.1);
        (w.max(1.0) * h.max(1.0)) as u64
    }

    fn add(&mut self, held: u64, layer: u64) -> Result<u64, SvgError> {
        let held = held + layer;
        self.total += layer;
        if held > MAX_LAYER_PIXELS {
            return Err(SvgError::TooComplex("too many nested layers"));
        }
        if self.total > MAX_LAYER_PIXELS_TOTAL {
            return Err(SvgError::TooComplex("too many layers"));
        }
        Ok(held)
    }

    fn group(&mut self, group: &usvg::Group, held: u64) -> Result<(), SvgError> {
        for child in group.children() {
            match child {
                usvg::Node::Group(g) => {
                    let mut inner = held;
                    if g.should_isolate() {
                        let layer = self.pixels(g.abs_layer_bounding_box());
                        inner = self.add(inner, layer)?;
                        let mut clip = g.clip_path();
                        while let Some(c) = clip {
                            inner = self.add(inner, layer)?;
                            self.group(c.root(), inner)?;
                            clip = c.clip_path();
                        }
                    }
                    self.group(g, inner)?;
                }
                usvg::Node::Text(t) => self.group(t.flattened(), held)?,
                usvg::Node::Path(_) | usvg::Node::Image(_) => {}
            }
        }
        Ok(())
    }
}

/// Checks and draws an SVG on white, in 8-bit grayscale (see the module documentation).
pub fn render(bytes: &[u8]) -> Result<GrayImage, SvgError> {
    let tree = parse(bytes)?;
    let (width, height, scale) = raster_size(tree.size());
    let mut layers = Layers {
        scale,
        max_side: (5.0 * f64::from(width), 5.0 * f64::from(height)),
        total: 0,
    };
    layers.group(tree.root(), 0)?;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| SvgError::Render(format!("no {width}×{height} raster")))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // Opaque (drawn over white), so the premultiplied channels are the colour itself.
    let gray = pixmap
        .pixels()
        .iter()
        .map(|p| {
            let (r, g, b) = (
                u32::from(p.red()),
                u32::from(p.green()),
                u32::from(p.blue()),
            );
            ((r * 299 + g * 587 + b * 114 + 500) / 1000) as u8
        })
        .collect();
    GrayImage::from_raw(width, height, gray)
        .ok_or_else(|| SvgError::Render("raster size mismatch".into()))
}

/// Reads every QR code in an SVG file's bytes; returns their texts (possibly none).
pub fn scan(bytes: &[u8]) -> Result<Vec<String>, SvgError> {
    Ok(decoder::decode_all(&render(bytes)?))
}

#[cfg(test)]
mod tests;
