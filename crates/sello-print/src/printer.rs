//! A template prepared once for many certificates: [`Printer`].
//!
//! Preparing splits the template, in drawing order, into what never changes and what does.
//! What never changes is laid out and converted once: runs of shapes (and of text this module
//! does not draw itself) become PDF form XObjects through `svg2pdf`; fixed text is laid out by
//! `usvg` and written as PDF text. What changes is a certificate's text elements (those with a
//! placeholder or a condition) and the QR code: per certificate they are laid out by
//! [`crate::layout`] (no SVG parsing) and written into the page's content stream between the
//! fixed parts, so the page draws everything in the template's order. The fonts are subsets
//! made once: the glyphs of the fixed text plus Latin-1, the usual punctuation and the
//! ligatures of the faces the changing text uses; a certificate that needs another glyph gets
//! a larger subset of its own.
//!
//! A template with something this module does not reproduce exactly (a condition or
//! placeholder outside a `<text>`, text in a group with opacity, a clip or a filter, text with
//! a gradient, stroke or decoration, positioned `<tspan>`s, CSS that depends on sibling order,
//! `xml:space`, an element both drawn and referenced) is printed the one-shot way
//! ([`crate::render_pdf`]) for every certificate; a certificate whose text this module cannot
//! lay out (a right-to-left script, a character no embedded face has) is printed that way too.

use crate::error::PrintError;
use crate::fields::CertificateFields;
use crate::fit::{self, FitStyle};
use crate::fonts;
use crate::layout::{self, Chunk, Glyph, SpanStyle};
use crate::pdf::{self, EmbeddedFont, Fonts, Shared};
use crate::qr::{Correction, QUIET_ZONE, QrMatrix};
use crate::template::{
    Edit, EditKind, Layout, NOT_DRAWN, Page, QR_PATH_ID, QR_SLOT_ID, SVG_NS, Template, Values,
    line_dy, marker_index,
};
use crate::{PaperSize, check, parse};
use pdf_writer::{Chunk as PdfChunk, Content, Finish, Ref};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use usvg::roxmltree::{self, Node};
use usvg::{TextAnchor, Transform};

/// A template prepared for one paper size, to print many certificates fast.
///
/// [`Printer::new`] does once what does not depend on the certificate (parsing and checking
/// the template's layout, converting its fixed parts, subsetting the fonts, checking the QR
/// slot's printed size); [`Printer::pdf`] and [`Printer::svg`] then fill in one certificate.
/// The output looks the same as [`crate::render_pdf`]'s and [`crate::render_svg`]'s (the SVG is
/// byte for byte the same). A `Printer` is `Sync`: a batch shares one across threads.
///
/// What changes per certificate must be `<text>` elements: a template with a placeholder or
/// condition elsewhere (on a group, a shape, a `<tspan>`), a changing text with a gradient,
/// stroke or decoration, in a group with opacity, a clip, a mask or a filter, with positioned
/// `<tspan>`s or several `x`/`y` values, CSS selectors that depend on sibling order,
/// `xml:space`, or an element that is both drawn and referenced is printed the one-shot way
/// for every certificate ([`Printer::one_shot_reason`] says why), as is a certificate whose
/// text the printer cannot lay out itself (a right-to-left script, a character no embedded
/// face has). Fixed parts may use anything the one-shot path accepts.
///
/// ```
/// use sello_print::{CertificateFields, PaperSize, Printer, Template};
///
/// let printer = Printer::new(&Template::default_es(), PaperSize::Letter)?;
/// let fields = CertificateFields {
///     holder: "Íñigo Núñez Güemes".into(),
///     serial: "7KQ2-M9XW-3HPA".into(),
///     ..Default::default()
/// };
/// let pdf = printer.pdf(&fields, "https://verifica.example.mx/v#eyJhbGciOiJFZERTQSJ9.e30.AAAA")?;
/// assert!(pdf.starts_with(b"%PDF"));
/// # Ok::<(), sello_print::PrintError>(())
/// ```
pub struct Printer {
    template: Template,
    paper: PaperSize,
    page: Page,
    engine: Engine,
}

enum Engine {
    Prepared(Box<Prepared>),
    /// The template needs the one-shot path; why.
    OneShot(&'static str),
}

struct Prepared {
    /// For each fitted element: its style (from the first layout), and its layout when it is
    /// fixed text.
    fit_styles: Vec<Option<FitStyle>>,
    fixed_layouts: Vec<Option<Layout>>,
    texts: Vec<DynamicText>,
    parts: Vec<Part>,
    styles: Vec<SpanStyle>,
    opacities: Vec<f32>,
    shared: Shared,
    /// The QR slot (x, y, width, height) and where its user space lands on the page.
    qr_slot: [f64; 4],
    qr_to_page: Transform,
}

/// The page's content in drawing order.
enum Part {
    Fixed(Vec<u8>),
    Text(usize),
    Qr,
}

/// A text element that changes with the certificate.
struct DynamicText {
    condition: Option<(String, bool)>,
    fit: Option<usize>,
    /// One text node: white space is collapsed over the filled text, as `usvg` does.
    single_node: bool,
    /// Spans: their pieces (text or a placeholder) and style.
    spans: Vec<(Vec<Piece>, usize)>,
    x: f32,
    y: f32,
    anchor: TextAnchor,
    to_page: Transform,
}

enum Piece {
    Text(String),
    Field(String),
}

/// What the one-shot path would do, and why this template or certificate needs it.
enum Prep {
    OneShot(&'static str),
    Error(PrintError),
}

impl From<PrintError> for Prep {
    fn from(e: PrintError) -> Prep {
        Prep::Error(e)
    }
}

impl Printer {
    /// Prepares `template` for `paper`. Fails when the template's QR code would print too
    /// small for a typical certificate (a sample code of 555 bytes, [`PrintError::QrTooSmall`]) or
    /// something is drawn over its quiet zone ([`PrintError::QrQuietZone`]), checked with sample
    /// values. Each certificate's own module size is checked when it is printed.
    pub fn new(template: &Template, paper: PaperSize) -> Result<Printer, PrintError> {
        let page = paper.page(template.is_landscape());
        let engine = match Prepared::new(template, page) {
            Ok(p) => Engine::Prepared(Box::new(p)),
            Err(Prep::OneShot(why)) => Engine::OneShot(why),
            Err(Prep::Error(e)) => return Err(e),
        };
        Ok(Printer {
            template: template.clone(),
            paper,
            page,
            engine,
        })
    }

    /// The paper this printer prints on.
    pub fn paper(&self) -> PaperSize {
        self.paper
    }

    /// Why this template is printed the one-shot way (as [`crate::render_pdf`] does, the
    /// template prepared again for every certificate), if it is; `None` when the printer
    /// prepared it. The output is the same either way; only the speed differs.
    pub fn one_shot_reason(&self) -> Option<&'static str> {
        match &self.engine {
            Engine::OneShot(why) => Some(why),
            Engine::Prepared(_) => None,
        }
    }

    /// Renders a certificate as a one-page PDF (vector, fonts embedded).
    ///
    /// `qr_text` is what the QR code holds (usually `<verify_url>#<token>`).
    pub fn pdf(&self, fields: &CertificateFields, qr_text: &str) -> Result<Vec<u8>, PrintError> {
        let Engine::Prepared(p) = &self.engine else {
            return crate::render_pdf(&self.template, fields, qr_text, self.paper);
        };
        fields.check()?;
        let qr = QrMatrix::encode(qr_text, Correction::Medium)?;
        check::module_size(p.module_mm(&qr))?;
        match p.pdf(&self.template, fields, &qr) {
            Ok(pdf) => Ok(pdf),
            Err(Prep::OneShot(_)) => crate::render_pdf(&self.template, fields, qr_text, self.paper),
            Err(Prep::Error(e)) => Err(e),
        }
    }

    /// Renders a certificate as an SVG document the size of the paper (the same document as
    /// [`crate::render_svg`]).
    pub fn svg(&self, fields: &CertificateFields, qr_text: &str) -> Result<String, PrintError> {
        let Engine::Prepared(p) = &self.engine else {
            return crate::render_svg(&self.template, fields, qr_text, self.paper);
        };
        fields.check()?;
        let qr = QrMatrix::encode(qr_text, Correction::Medium)?;
        check::module_size(p.module_mm(&qr))?;
        match p.text_chunks(&self.template, fields) {
            Ok((_, layouts)) => Ok(self.template.fill(fields, &qr, self.page, &layouts)),
            Err(Prep::OneShot(_)) => crate::render_svg(&self.template, fields, qr_text, self.paper),
            Err(Prep::Error(e)) => Err(e),
        }
    }
}

/// Characters every face the changing text uses keeps in its subset: ASCII, Latin-1 and the
/// usual typographic punctuation.
fn repertoire() -> impl Iterator<Item = char> {
    (' '..='~')
        .chain('\u{a0}'..='\u{ff}')
        .chain("ŒœŠšŽžŸƒ–—‘’‚“”„†‡•…‰‹›€™′″".chars())
}

/// Text shaped to find the ligatures the faces draw: every ordered pair of ASCII letters (at
/// the even positions of one string, so that one shaping covers them all) and the usual
/// three-letter ligatures.
fn ligature_probes() -> [String; 2] {
    let letters: Vec<char> = ('a'..='z').chain('A'..='Z').collect();
    let mut pairs = String::with_capacity(2 * letters.len() * letters.len());
    for a in &letters {
        for b in &letters {
            pairs.push(*a);
            pairs.push(*b);
        }
    }
    [pairs, "ffi ffl ffj fft ffb ffh ffk".to_string()]
}

/// The element kinds that are never drawn where they stand.
fn is_not_drawn(name: &str) -> bool {
    NOT_DRAWN.contains(&name)
        || matches!(
            name,
            "style" | "linearGradient" | "radialGradient" | "filter" | "desc" | "metadata"
        )
}

#[derive(Debug)]
struct Item {
    range: Range<usize>,
    kind: ItemKind,
}

#[derive(Debug)]
enum ItemKind {
    Shapes,
    Text {
        id: String,
        dynamic: bool,
        single_node: bool,
        fit: Option<usize>,
        condition: Option<(String, bool)>,
    },
    Qr,
}

struct Analysis {
    items: Vec<Item>,
    /// `id` attributes to add to text elements that have none.
    ids: Vec<Edit>,
    /// Why the template needs the one-shot path, when it does.
    one_shot: Option<&'static str>,
}

fn analyse(template: &Template) -> Result<Analysis, PrintError> {
    let source = template.source();
    let doc = roxmltree::Document::parse_with_options(
        source,
        roxmltree::ParsingOptions {
            allow_dtd: false,
            nodes_limit: u32::MAX,
        },
    )
    .map_err(|e| PrintError::Svg(e.to_string()))?;
    let mut a = Analysis {
        items: Vec::new(),
        ids: Vec::new(),
        one_shot: None,
    };
    let why = |reason: &'static str, a: &mut Analysis| {
        a.one_shot.get_or_insert(reason);
    };
    let edits = template.edits();
    let ids: HashSet<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    if ids.len() != doc.descendants().filter(|n| n.has_attribute("id")).count() {
        why("two elements share an id", &mut a);
    }
    if doc.descendants().any(|n| {
        n.attributes()
            .any(|at| at.name() == "space" && at.namespace().is_some())
    }) {
        why("xml:space", &mut a);
    }
    for style in doc
        .descendants()
        .filter(|n| n.has_tag_name((SVG_NS, "style")))
    {
        let css: String = style
            .descendants()
            .filter_map(|n| n.text())
            .collect::<String>()
            .to_ascii_lowercase();
        if [
            "first-child",
            "last-child",
            "nth-",
            "only-",
            "empty",
            ":not",
            "+",
            "~",
        ]
        .iter()
        .any(|s| css.contains(s))
        {
            why("CSS selectors that depend on other elements", &mut a);
        }
    }
    // Every element referenced by another (`href`, `url(#…)`) must be one that is not drawn
    // where it stands, or leaving parts out of a layer would break the reference.
    let mut referenced = Vec::new();
    for node in doc.descendants() {
        for at in node.attributes() {
            if at.name() == "href" {
                referenced.push(at.value().trim().trim_start_matches('#').to_string());
            }
            collect_urls(at.value(), &mut referenced);
        }
        if node.has_tag_name((SVG_NS, "style")) {
            collect_urls(
                &node
                    .descendants()
                    .filter_map(|n| n.text())
                    .collect::<String>(),
                &mut referenced,
            );
        }
    }
    for id in referenced {
        let Some(target) = doc
            .descendants()
            .find(|n| n.attribute("id") == Some(id.as_str()))
        else {
            continue;
        };
        let hidden = target
            .ancestors()
            .filter(Node::is_element)
            .any(|n| is_not_drawn(n.tag_name().name()));
        if !hidden {
            why("an element that is drawn is also referenced", &mut a);
        }
    }
    let mut next_id = 0usize;
    walk(
        doc.root_element(),
        edits,
        template,
        &ids,
        &mut next_id,
        &mut a,
    );
    Ok(a)
}

fn collect_urls(value: &str, out: &mut Vec<String>) {
    let mut rest = value;
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let inner =
            rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '"' || c == '\'');
        if let Some(id) = inner.strip_prefix('#') {
            let end = id
                .find(|c: char| c == ')' || c == '"' || c == '\'' || c.is_ascii_whitespace())
                .unwrap_or(id.len());
            out.push(id[..end].to_string());
        }
    }
}

/// Edits inside `range`.
fn edits_in<'e>(edits: &'e [Edit], range: &Range<usize>) -> impl Iterator<Item = &'e Edit> {
    edits
        .iter()
        .filter(move |e| e.range.start >= range.start && e.range.end <= range.end)
}

/// Whether an edit is a placeholder or a condition (what makes an element change).
fn changes(e: &Edit) -> bool {
    matches!(
        e.kind,
        EditKind::Placeholder(_) | EditKind::Conditional { .. }
    )
}

fn walk(
    node: Node,
    edits: &[Edit],
    template: &Template,
    ids: &HashSet<&str>,
    next_id: &mut usize,
    a: &mut Analysis,
) {
    for child in node.children() {
        if !child.is_element() {
            continue;
        }
        let range = child.range();
        let changing = edits_in(edits, &range).any(changes);
        let name = child.tag_name().name();
        if child.tag_name().namespace() != Some(SVG_NS) || is_not_drawn(name) {
            if changing && !matches!(name, "title" | "desc" | "metadata") {
                a.one_shot
                    .get_or_insert("a placeholder or condition outside a drawn <text>");
            }
            continue;
        }
        match name {
            "g" | "a" => {
                let content_start = child.first_child().map_or(range.end, |c| c.range().start);
                let own = edits_in(edits, &range).filter(|e| changes(e)).any(|e| {
                    e.range.start < content_start
                        || (matches!(e.kind, EditKind::Conditional { .. }) && e.range == range)
                });
                if own {
                    a.one_shot
                        .get_or_insert("a placeholder or condition on a group");
                }
                walk(child, edits, template, ids, next_id, a);
            }
            "text" => text_item(child, edits, template, ids, next_id, a),
            "rect" if child.attribute("id") == Some(QR_SLOT_ID) => a.items.push(Item {
                range,
                kind: ItemKind::Qr,
            }),
            _ => {
                if changing {
                    a.one_shot
                        .get_or_insert("a placeholder or condition outside a <text>");
                }
                a.items.push(Item {
                    range,
                    kind: ItemKind::Shapes,
                });
            }
        }
    }
}

fn text_item(
    node: Node,
    edits: &[Edit],
    template: &Template,
    ids: &HashSet<&str>,
    next_id: &mut usize,
    a: &mut Analysis,
) {
    let range = node.range();
    let mut dynamic = false;
    let mut condition = None;
    let fit = edits_in(edits, &range).find_map(|e| match e.kind {
        EditKind::FitTag(i) => Some(i),
        _ => None,
    });
    for e in edits_in(edits, &range) {
        match &e.kind {
            EditKind::Conditional { field, negate } if e.range == range => {
                condition = Some((field.clone(), *negate));
                dynamic = true;
            }
            EditKind::Conditional { .. } => {
                a.one_shot.get_or_insert("a condition inside a <text>");
            }
            EditKind::Placeholder(_) => {
                dynamic = true;
                let in_attribute = node.descendants().filter(Node::is_element).any(|d| {
                    d.attributes().any(|at| {
                        let r = at.range_value();
                        e.range.start >= r.start
                            && e.range.end <= r.end
                            && !at.name().starts_with("aria-")
                    })
                });
                if in_attribute {
                    a.one_shot
                        .get_or_insert("a placeholder in an attribute of a <text>");
                }
            }
            _ => {}
        }
    }
    let children: Vec<Node> = node.children().collect();
    let single_node = children.len() == 1 && children[0].is_text();
    if dynamic {
        let positioned = |n: &Node| {
            ["x", "y", "dx", "dy", "rotate", "textLength", "lengthAdjust"]
                .iter()
                .any(|at| n.has_attribute(*at))
        };
        let plain_tspans = children.iter().all(|c| {
            c.is_text()
                || c.is_comment()
                || (c.has_tag_name((SVG_NS, "tspan"))
                    && !positioned(c)
                    && c.children().all(|t| t.is_text()))
        });
        let single_number = |at: &str| {
            node.attribute(at)
                .is_none_or(|v| v.trim().parse::<f64>().is_ok_and(f64::is_finite))
        };
        let own_positions = ["dx", "dy", "rotate", "textLength", "lengthAdjust"]
            .iter()
            .any(|at| node.has_attribute(*at))
            || !single_number("x")
            || !single_number("y");
        if !plain_tspans || own_positions {
            a.one_shot
                .get_or_insert("a changing <text> with positioned parts");
        }
    }
    let id = match (fit, node.attribute("id")) {
        (Some(i), _) => template.fits[i].id.clone(),
        (None, Some(id)) => id.to_string(),
        (None, None) => {
            let id = loop {
                let id = format!("sello-text-{next_id}");
                *next_id += 1;
                if !ids.contains(id.as_str()) {
                    break id;
                }
            };
            let at = range.start + "<text".len();
            a.ids.push(Edit {
                range: at..at,
                kind: EditKind::Insert(format!(" id=\"{id}\"")),
            });
            id
        }
    };
    a.items.push(Item {
        range,
        kind: ItemKind::Text {
            id,
            dynamic,
            single_node,
            fit,
            condition,
        },
    });
}

/// Text nodes of a parsed tree by id, with whether every group above them only moves them.
fn texts_by_id<'t>(
    group: &'t usvg::Group,
    top: bool,
    plain: bool,
    out: &mut HashMap<&'t str, (bool, &'t usvg::Text)>,
    qr: &mut Option<(bool, Transform)>,
) {
    for child in group.children() {
        match child {
            usvg::Node::Group(g) => {
                // The template's root `<svg>` is nested in the page's: its viewport, a clip
                // on the chain of lone groups at the top, is the page itself, which clips
                // anyway.
                let page_viewport = top && group.children().len() == 1;
                let p = plain
                    && g.opacity().get() == 1.0
                    && (g.clip_path().is_none() || page_viewport)
                    && g.mask().is_none()
                    && g.filters().is_empty()
                    && !g.isolate()
                    && g.blend_mode() == usvg::BlendMode::Normal;
                texts_by_id(g, page_viewport, p, out, qr);
            }
            usvg::Node::Text(t) => {
                out.entry(t.id()).or_insert((plain, t));
            }
            usvg::Node::Path(p) if p.id() == QR_PATH_ID => {
                *qr = Some((plain, p.abs_transform()));
            }
            _ => {}
        }
    }
}

/// Whether this module can draw a laid-out text itself (solid fills, no stroke or decoration,
/// embedded faces).
fn drawable(text: &usvg::Text) -> bool {
    text.writing_mode() == usvg::WritingMode::LeftToRight
        && text.layouted().iter().all(|span| {
            span.stroke.is_none()
                && span.underline.is_none()
                && span.overline.is_none()
                && span.line_through.is_none()
                && span
                    .fill
                    .as_ref()
                    .is_none_or(|f| matches!(f.paint(), usvg::Paint::Color(_)))
                && span
                    .positioned_glyphs
                    .iter()
                    .all(|g| fonts::face(g.font).is_some())
        })
}

fn fill_of(fill: Option<&usvg::Fill>) -> Option<([u8; 3], f32)> {
    let fill = fill?;
    match fill.paint() {
        usvg::Paint::Color(c) => Some(([c.red, c.green, c.blue], fill.opacity().get())),
        _ => None,
    }
}

impl Prepared {
    /// The printed side of one module of `qr`, in millimetres.
    fn module_mm(&self, qr: &QrMatrix) -> f32 {
        let [_, _, w, h] = self.qr_slot;
        let module = w.min(h) / (qr.width() + 2 * QUIET_ZONE) as f64;
        // `qr_to_page` maps the slot's user space to PDF points.
        check::module_mm(self.qr_to_page, module as f32 * 25.4 / 72.0)
    }

    fn new(template: &Template, page: Page) -> Result<Prepared, Prep> {
        let analysis = analyse(template)?;
        let options = fonts::options();
        let with_ids = template.with_edits(analysis.ids.iter().cloned());
        // The sample: every placeholder a marker, every condition kept, fits at their size.
        let sample_qr =
            QrMatrix::encode(&"A".repeat(555), Correction::Medium).map_err(PrintError::from)?;
        let none: Vec<Option<Layout>> = vec![None; template.fits.len()];
        let first = parse(
            &with_ids.fill_with(Values::Markers, Some(&sample_qr), page, &none),
            &options,
        )?;
        let fixed_fit = |i: usize| {
            analysis.items.iter().any(|it| {
                matches!(&it.kind, ItemKind::Text { fit: Some(f), dynamic: false, .. } if *f == i)
            })
        };
        let fit_styles: Vec<Option<FitStyle>> = template
            .fits
            .iter()
            .map(|f| fit::style(&first, f).map(|(s, _)| s))
            .collect();
        let fixed_layouts: Vec<Option<Layout>> = template
            .fits
            .iter()
            .enumerate()
            .map(|(i, f)| {
                if fixed_fit(i) {
                    fit::layout(&first, f)
                } else {
                    None
                }
            })
            .collect();
        let tree = if fixed_layouts.iter().all(Option::is_none) {
            first
        } else {
            parse(
                &with_ids.fill_with(Values::Markers, Some(&sample_qr), page, &fixed_layouts),
                &options,
            )?
        };
        check::qr(&tree, sample_qr.width())?;
        if let Some(why) = analysis.one_shot {
            return Err(Prep::OneShot(why));
        }
        if template.placeholders().len() >= 0xFFFE {
            return Err(Prep::OneShot("too many placeholders"));
        }
        let mut by_id = HashMap::new();
        let mut qr_node = None;
        texts_by_id(tree.root(), true, true, &mut by_id, &mut qr_node);
        let (qr_plain, qr_abs) = qr_node.ok_or(Prep::OneShot("the QR code is not drawn"))?;
        if !qr_plain {
            return Err(Prep::OneShot("the QR code is in a group with effects"));
        }
        let qr_slot = template
            .edits()
            .iter()
            .find_map(|e| match &e.kind {
                EditKind::Qr { rect, .. } => Some(*rect),
                _ => None,
            })
            .ok_or(Prep::OneShot("no QR slot"))?;
        // Page space: CSS pixels to points, y up.
        let size = tree.size();
        let to_page = Transform::from_row(0.75, 0.0, 0.0, -0.75, 0.0, 0.75 * size.height());
        // The slot's user space: the modules' transform without its own translate and scale.
        let local = {
            let [x, y, w, h] = qr_slot;
            let side = w.min(h);
            let module = side / (sample_qr.width() + 2 * QUIET_ZONE) as f64;
            Transform::from_row(
                module as f32,
                0.0,
                0.0,
                module as f32,
                (x + (w - side) / 2.0 + QUIET_ZONE as f64 * module) as f32,
                (y + (h - side) / 2.0 + QUIET_ZONE as f64 * module) as f32,
            )
        };
        let slot_abs = qr_abs.pre_concat(
            local
                .invert()
                .ok_or(Prep::OneShot("the QR slot cannot be placed"))?,
        );

        // Decide who draws each item: this module (text, QR) or svg2pdf (layers).
        let placeholders = template.placeholders();
        let mut styles: Vec<SpanStyle> = Vec::new();
        let mut texts: Vec<DynamicText> = Vec::new();
        enum Who<'t> {
            Layer,
            Fixed(&'t usvg::Text),
            Dynamic(usize),
            Nothing,
            Qr,
        }
        let mut who: Vec<Who> = Vec::with_capacity(analysis.items.len());
        for item in &analysis.items {
            let ItemKind::Text {
                id,
                dynamic,
                single_node,
                fit,
                condition,
            } = &item.kind
            else {
                who.push(match item.kind {
                    ItemKind::Qr => Who::Qr,
                    _ => Who::Layer,
                });
                continue;
            };
            let Some(&(plain, text)) = by_id.get(id.as_str()) else {
                who.push(Who::Nothing); // not drawn whatever the fields (e.g. display="none")
                continue;
            };
            if !dynamic {
                who.push(if plain && drawable(text) {
                    Who::Fixed(text)
                } else {
                    Who::Layer
                });
                continue;
            }
            if !plain || !drawable(text) {
                return Err(Prep::OneShot(
                    "a changing text with effects, a stroke, a gradient or a decoration",
                ));
            }
            let d = dynamic_text(
                text,
                *single_node,
                *fit,
                condition.clone(),
                &placeholders,
                to_page,
                &tree,
                &mut styles,
            )?;
            texts.push(d);
            who.push(Who::Dynamic(texts.len() - 1));
        }

        // Fonts: the fixed text's glyphs, then the repertoire of the faces changing text uses.
        let mut fonts: Vec<EmbeddedFont> = Vec::new();
        let font_index = |id: usvg::fontdb::ID, fonts: &mut Vec<EmbeddedFont>| {
            if let Some(k) = fonts.iter().position(|f| f.face.id == id) {
                return Some(k);
            }
            fonts.push(EmbeddedFont::new(fonts::face(id)?));
            Some(fonts.len() - 1)
        };
        for w in &who {
            if let Who::Fixed(text) = w {
                for span in text.layouted() {
                    for g in &span.positioned_glyphs {
                        let k = font_index(g.font, &mut fonts)
                            .ok_or(Prep::OneShot("a face that is not embedded"))?;
                        fonts[k].add(g.id.0, &g.text);
                    }
                }
            }
        }
        // In the order the template uses them, so that the same template always gives the
        // same document.
        let mut dynamic_faces: Vec<usvg::fontdb::ID> = Vec::new();
        for t in &texts {
            for (_, s) in &t.spans {
                if !dynamic_faces.contains(&styles[*s].font) {
                    dynamic_faces.push(styles[*s].font);
                }
            }
        }
        let probes = ligature_probes();
        for id in dynamic_faces {
            let k =
                font_index(id, &mut fonts).ok_or(Prep::OneShot("a face that is not embedded"))?;
            let face = fonts[k].face;
            for c in repertoire() {
                if let Some(g) = face.shaper.glyph_index(c) {
                    fonts[k].add(g.0, c.encode_utf8(&mut [0; 4]));
                }
            }
            for probe in &probes {
                let mut buffer = rustybuzz::UnicodeBuffer::new();
                buffer.push_str(probe);
                let out = rustybuzz::shape(&face.shaper, &[], buffer);
                let infos = out.glyph_infos();
                for (i, info) in infos.iter().enumerate() {
                    let start = info.cluster as usize;
                    let end = infos.get(i + 1).map_or(probe.len(), |n| n.cluster as usize);
                    if info.glyph_id != 0 {
                        fonts[k].add(info.glyph_id as u16, probe.get(start..end).unwrap_or(""));
                    }
                }
            }
        }

        // Opacities of fills.
        let mut opacities: Vec<f32> = Vec::new();
        let note = |o: f32, opacities: &mut Vec<f32>| {
            if o < 1.0 && !opacities.contains(&o) {
                opacities.push(o);
            }
        };
        for s in &styles {
            if let Some((_, o)) = s.fill {
                note(o, &mut opacities);
            }
        }
        for w in &who {
            if let Who::Fixed(text) = w {
                for span in text.layouted() {
                    if let Some((_, o)) = fill_of(span.fill.as_ref()) {
                        note(o, &mut opacities);
                    }
                }
            }
        }

        // Shared objects: layers (svg2pdf), fonts, opacity states.
        let mut objects = PdfChunk::new();
        let mut alloc = Ref::new(pdf::FIRST_SHARED);
        let mut layers = Vec::new();
        let mut parts: Vec<Part> = Vec::new();
        let shared_fonts: Vec<(EmbeddedFont, Ref)> =
            fonts.iter().map(|f| (f.clone(), Ref::new(1))).collect();
        let doc_fonts = Fonts {
            list: fonts.iter().map(Cow::Borrowed).collect(),
        };
        let (width_pt, height_pt) = (0.75 * size.width(), 0.75 * size.height());
        let mut i = 0;
        while i < who.len() {
            match &who[i] {
                Who::Layer => {
                    let mut j = i;
                    while j < who.len() && matches!(who[j], Who::Layer) {
                        j += 1;
                    }
                    let drops = analysis
                        .items
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| *k < i || *k >= j)
                        .map(|(_, it)| Edit {
                            range: it.range.clone(),
                            kind: EditKind::Drop,
                        });
                    let layer = with_ids.with_edits(drops);
                    let svg = layer.fill_with(Values::Markers, None, page, &fixed_layouts);
                    let layer_tree = parse(&svg, &options)?;
                    let (chunk, root) =
                        svg2pdf::to_chunk(&layer_tree, svg2pdf::ConversionOptions::default())
                            .map_err(|e| PrintError::Pdf(e.to_string()))?;
                    let mut map = HashMap::new();
                    let renumbered =
                        chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
                    objects.extend(&renumbered);
                    let root = map.get(&root).copied().ok_or(Prep::OneShot("svg2pdf"))?;
                    layers.push(root);
                    let mut c = Content::new();
                    c.save_state();
                    c.transform([width_pt, 0.0, 0.0, height_pt, 0.0, 0.0]);
                    c.x_object(pdf_writer::Name(
                        format!("X{}", layers.len() - 1).as_bytes(),
                    ));
                    c.restore_state();
                    push_fixed(&mut parts, c.finish());
                    i = j;
                    continue;
                }
                Who::Fixed(text) => {
                    let mut glyphs = Vec::new();
                    for span in text.layouted() {
                        styles.push(SpanStyle {
                            font: span
                                .positioned_glyphs
                                .first()
                                .map_or(usvg::fontdb::ID::dummy(), |g| g.font),
                            size: span.font_size.get(),
                            letter_spacing: 0.0,
                            word_spacing: 0.0,
                            small_caps: false,
                            kerning: true,
                            fill: fill_of(span.fill.as_ref()),
                            visible: span.visible,
                        });
                        let style = styles.len() - 1;
                        for g in &span.positioned_glyphs {
                            let per_em = fonts::face(g.font).map_or(1000, |f| f.units_per_em);
                            glyphs.push(Glyph {
                                font: g.font,
                                id: g.id.0,
                                text: g.text.clone(),
                                style,
                                matrix: g
                                    .outline_transform()
                                    .pre_scale(f32::from(per_em), f32::from(per_em))
                                    .pre_scale(
                                        1.0 / span.font_size.get(),
                                        1.0 / span.font_size.get(),
                                    ),
                            });
                        }
                    }
                    let mut c = Content::new();
                    pdf::draw_text(
                        &mut c,
                        to_page.pre_concat(text.abs_transform()),
                        &glyphs,
                        &styles,
                        &doc_fonts,
                        &opacities,
                    )?;
                    push_fixed(&mut parts, c.finish());
                }
                Who::Dynamic(k) => parts.push(Part::Text(*k)),
                Who::Qr => parts.push(Part::Qr),
                Who::Nothing => {}
            }
            i += 1;
        }
        let mut shared_fonts = shared_fonts;
        for (font, r) in shared_fonts.iter_mut() {
            *r = alloc.bump();
            font.write(&mut objects, *r, &mut alloc)?;
        }
        let mut opacity_refs = Vec::new();
        for o in &opacities {
            let r = alloc.bump();
            objects
                .ext_graphics(r)
                .non_stroking_alpha(*o)
                .stroking_alpha(*o)
                .finish();
            opacity_refs.push((*o, r));
        }
        let shared = Shared {
            objects,
            next: alloc.get(),
            fonts: shared_fonts,
            layers,
            opacities: opacity_refs,
            size: (width_pt, height_pt),
        };
        Ok(Prepared {
            fit_styles,
            fixed_layouts,
            texts,
            parts,
            styles,
            opacities,
            shared,
            qr_slot,
            qr_to_page: to_page.pre_concat(slot_abs),
        })
    }

    /// The chunks of every changing text (`None`: left out by its condition), and the layouts
    /// of every fitted element.
    #[allow(clippy::type_complexity)]
    fn text_chunks(
        &self,
        template: &Template,
        fields: &CertificateFields,
    ) -> Result<
        (
            Vec<Option<(Vec<Chunk>, Vec<SpanStyle>)>>,
            Vec<Option<Layout>>,
        ),
        Prep,
    > {
        let mut layouts = self.fixed_layouts.clone();
        let mut out = Vec::with_capacity(self.texts.len());
        for d in &self.texts {
            if let Some((field, negate)) = &d.condition {
                let present = !fields.value(field).unwrap_or_default().trim().is_empty();
                if present == *negate {
                    out.push(None);
                    continue;
                }
            }
            let mut text = String::new();
            let mut spans = Vec::with_capacity(d.spans.len());
            for (pieces, style) in &d.spans {
                let start = text.len();
                for piece in pieces {
                    match piece {
                        Piece::Text(t) => text.push_str(t),
                        Piece::Field(name) => {
                            let value = fields.value(name).unwrap_or_default();
                            if !d.single_node
                                && (value.is_empty()
                                    || value.starts_with(' ')
                                    || value.ends_with(' ')
                                    || value.contains("  "))
                            {
                                // usvg's white-space rules across text nodes would apply.
                                return Err(Prep::OneShot("white space across text nodes"));
                            }
                            text.push_str(value);
                        }
                    }
                }
                spans.push((start..text.len(), *style));
            }
            if d.single_node {
                text = layout::collapse_single(&text);
                spans = vec![(0..text.len(), d.spans[0].1)];
            }
            let styles: Vec<SpanStyle> = d
                .spans
                .iter()
                .map(|(_, s)| self.styles[*s].clone())
                .collect();
            // Spans refer to the local styles from here on.
            let spans: Vec<(Range<usize>, usize)> = spans
                .into_iter()
                .enumerate()
                .map(|(k, (r, _))| (r, k))
                .collect();
            let mut chunks = vec![Chunk {
                x: d.x,
                y: Some(d.y),
                dy: 0.0,
                text: text.clone(),
                spans,
            }];
            let mut styles = styles;
            if let Some(i) = d.fit {
                if let Some(style) = self.fit_styles[i] {
                    let face = fonts::face(style.font)
                        .ok_or(Prep::OneShot("a face that is not embedded"))?;
                    layouts[i] = fit::measure(&face.shaper, style, &template.fits[i], &text);
                }
                if let Some(layout) = &layouts[i] {
                    // As the filled SVG says it: numbers written, then read back.
                    let size: f32 = format!("{:.3}", layout.font_size).parse().unwrap_or(1.0);
                    let x: f32 = format!("{}", template.fits[i].x).parse().unwrap_or(0.0);
                    let mut style = styles[0].clone();
                    style.size = size;
                    styles = vec![style];
                    let n = layout.lines.len();
                    chunks = layout
                        .lines
                        .iter()
                        .enumerate()
                        .map(|(k, line)| Chunk {
                            x,
                            y: (k == 0).then_some(d.y),
                            dy: format!("{:.3}", line_dy(layout.font_size, k, n))
                                .parse()
                                .unwrap_or(0.0),
                            text: line.clone(),
                            spans: vec![(0..line.len(), 0)],
                        })
                        .collect();
                }
            }
            out.push(Some((chunks, styles)));
        }
        Ok((out, layouts))
    }

    fn pdf(
        &self,
        template: &Template,
        fields: &CertificateFields,
        qr: &QrMatrix,
    ) -> Result<Vec<u8>, Prep> {
        let (texts, _) = self.text_chunks(template, fields)?;
        let mut laid: Vec<(Vec<Glyph>, Vec<SpanStyle>)> = Vec::with_capacity(texts.len());
        let mut fonts = Fonts {
            list: self
                .shared
                .fonts
                .iter()
                .map(|(f, _)| Cow::Borrowed(f))
                .collect(),
        };
        for (k, t) in texts.into_iter().enumerate() {
            let Some((chunks, styles)) = t else {
                laid.push((Vec::new(), Vec::new()));
                continue;
            };
            let glyphs = layout::lay_out(&chunks, self.texts[k].anchor, &styles)
                .map_err(|_| Prep::OneShot("text this module cannot lay out"))?;
            for g in &glyphs {
                let f = fonts
                    .list
                    .iter()
                    .position(|f| f.face.id == g.font)
                    .ok_or(Prep::OneShot("a face without a subset"))?;
                if fonts.list[f].cid(g.id).is_none() {
                    fonts.list[f].to_mut().add(g.id, &g.text);
                }
            }
            laid.push((glyphs, styles));
        }
        let mut content = Vec::with_capacity(16 * 1024);
        for part in &self.parts {
            match part {
                Part::Fixed(bytes) => content.extend_from_slice(bytes),
                Part::Text(k) => {
                    let (glyphs, styles) = &laid[*k];
                    let mut c = Content::new();
                    pdf::draw_text(
                        &mut c,
                        self.texts[*k].to_page,
                        glyphs,
                        styles,
                        &fonts,
                        &self.opacities,
                    )?;
                    content.extend_from_slice(&c.finish());
                    content.push(b'\n');
                }
                Part::Qr => {
                    let mut c = Content::new();
                    pdf::draw_qr(&mut c, self.qr_to_page, qr, self.qr_slot);
                    content.extend_from_slice(&c.finish());
                    content.push(b'\n');
                }
            }
        }
        Ok(pdf::document(&self.shared, &fonts, &content)?)
    }
}

fn push_fixed(parts: &mut Vec<Part>, mut bytes: Vec<u8>) {
    bytes.push(b'\n'); // `Content::finish` ends without one
    if let Some(Part::Fixed(last)) = parts.last_mut() {
        last.extend_from_slice(&bytes);
    } else {
        parts.push(Part::Fixed(bytes));
    }
}

/// A changing text element's spans and styles, from its sample layout.
#[allow(clippy::too_many_arguments)]
fn dynamic_text(
    text: &usvg::Text,
    single_node: bool,
    fit: Option<usize>,
    condition: Option<(String, bool)>,
    placeholders: &[&str],
    to_page: Transform,
    tree: &usvg::Tree,
    styles: &mut Vec<SpanStyle>,
) -> Result<DynamicText, Prep> {
    let unsupported = Prep::OneShot("a changing text laid out in a way this module does not");
    let [chunk] = text.chunks() else {
        return Err(unsupported);
    };
    let zero = |v: &[f32]| v.iter().all(|x| *x == 0.0);
    if !matches!(chunk.text_flow(), usvg::TextFlow::Linear)
        || !zero(text.dx())
        || !zero(text.dy())
        || !zero(text.rotate())
        || (single_node && chunk.spans().len() != 1)
    {
        return Err(unsupported);
    }
    let (Some(x), Some(y)) = (chunk.x(), chunk.y()) else {
        return Err(unsupported);
    };
    let mut spans = Vec::with_capacity(chunk.spans().len());
    for span in chunk.spans() {
        let baseline = span
            .baseline_shift()
            .iter()
            .all(|b| matches!(b, usvg::BaselineShift::Baseline));
        let decoration = span.decoration();
        if !baseline
            || span.dominant_baseline() != usvg::DominantBaseline::Auto
            || !matches!(
                span.alignment_baseline(),
                usvg::AlignmentBaseline::Auto | usvg::AlignmentBaseline::Baseline
            )
            || span.text_length().is_some()
            || span.stroke().is_some()
            || decoration.underline().is_some()
            || decoration.overline().is_some()
            || decoration.line_through().is_some()
            || span
                .fill()
                .is_some_and(|f| !matches!(f.paint(), usvg::Paint::Color(_)))
        {
            return Err(unsupported);
        }
        let font = fit::resolve(tree.fontdb(), span.font())
            .filter(|id| fonts::face(*id).is_some())
            .ok_or(Prep::OneShot("a face that is not embedded"))?;
        styles.push(SpanStyle {
            font,
            size: span.font_size().get(),
            letter_spacing: span.letter_spacing(),
            word_spacing: span.word_spacing(),
            small_caps: span.small_caps(),
            kerning: span.apply_kerning(),
            fill: fill_of(span.fill()),
            visible: span.is_visible(),
        });
        let slice = chunk.text().get(span.start()..span.end()).unwrap_or("");
        let mut pieces = Vec::new();
        let mut literal = String::new();
        for c in slice.chars() {
            match marker_index(c).and_then(|i| placeholders.get(i)) {
                Some(name) => {
                    if !literal.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut literal)));
                    }
                    pieces.push(Piece::Field((*name).to_string()));
                }
                None => literal.push(c),
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Text(literal));
        }
        spans.push((pieces, styles.len() - 1));
    }
    // The sample's glyphs must come from the faces resolved here.
    for span in text.layouted() {
        for g in &span.positioned_glyphs {
            if g.id.0 != 0 && !spans.iter().any(|(_, s)| styles[*s].font == g.font) {
                return Err(Prep::OneShot("a face usvg chose differently"));
            }
        }
    }
    Ok(DynamicText {
        condition,
        fit,
        single_node,
        spans,
        x,
        y,
        anchor: chunk.anchor(),
        to_page: to_page.pre_concat(text.abs_transform()),
    })
}
