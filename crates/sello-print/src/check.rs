//! What the printed QR code needs to be read: modules no smaller than [`MIN_MODULE_MM`], and a
//! clear quiet zone of [`QUIET_ZONE`] modules (nothing else drawn over the white square the code
//! is drawn on, and nothing showing through it).

use usvg::{Node, Rect, Transform};

use crate::template::QR_PATH_ID;
use crate::{PrintError, QUIET_ZONE};

/// Smallest printed QR module accepted, in millimetres. At 0.40 mm a version-20 code (97
/// modules) with its quiet zone is 42 mm wide; the default template prints it at 0.5 mm or more.
pub const MIN_MODULE_MM: f32 = 0.40;

/// Rounding slack, in millimetres, so that a module of exactly the minimum passes.
const SLACK_MM: f32 = 0.0005;

/// The printed side of one module, in millimetres, when `ts` maps one module to `unit_mm`
/// millimetres along each axis before its scale: the shorter of the two sides a transform
/// (rotated or skewed) gives a unit square.
pub(crate) fn module_mm(ts: Transform, unit_mm: f32) -> f32 {
    let sx = ts.sx.hypot(ts.ky);
    let sy = ts.kx.hypot(ts.sy);
    sx.min(sy) * unit_mm
}

/// Millimetres per CSS pixel (usvg's unit).
pub(crate) const MM_PER_PX: f32 = 25.4 / 96.0;

/// Refuses a module printed smaller than [`MIN_MODULE_MM`].
pub(crate) fn module_size(module_mm: f32) -> Result<(), PrintError> {
    if module_mm + SLACK_MM < MIN_MODULE_MM {
        return Err(PrintError::QrTooSmall {
            module_mm,
            min: MIN_MODULE_MM,
        });
    }
    Ok(())
}

/// Checks the QR code of a laid-out page: its module size and its quiet zone.
///
/// The quiet zone is the white square the code is drawn on (the slot's shorter side, the code
/// centred with [`QUIET_ZONE`] modules around it). Refused:
/// - anything drawn after the code (painted over it) whose box, stroke included (a group with
///   a filter: the filter's region), overlaps that square;
/// - when the code is not painted opaque (a group above it has opacity, a mask, a filter, a
///   clip or a blend mode), also anything drawn before it that overlaps the square, since it
///   would show through.
///
/// Boxes are axis-aligned on the page, so a rotated code is checked against the box around
/// its square (stricter than needed), and a shape is checked by its box, not its outline (a
/// ring around the code, its box covering the square, is refused).
pub(crate) fn qr(tree: &usvg::Tree, modules: usize) -> Result<(), PrintError> {
    let Some(node) = tree.node_by_id(QR_PATH_ID) else {
        // Hidden by the template (e.g. display="none"): it would print at no size at all.
        return module_size(0.0);
    };
    let ts = node.abs_transform();
    module_size(module_mm(ts, MM_PER_PX))?;
    // The modules' path is in module units, the code from 0 to its width.
    let q = QUIET_ZONE as f32;
    let far = modules as f32 + q;
    let Some(square) = Rect::from_ltrb(-q, -q, far, far).and_then(|r| r.transform(ts)) else {
        return module_size(0.0);
    };
    let mut walk = Walk {
        square,
        seen_qr: false,
        qr_opaque: true,
        before: None,
    };
    walk.group(tree.root(), true, true)?;
    if !walk.qr_opaque
        && let Some(what) = walk.before
    {
        return Err(PrintError::QrQuietZone(what));
    }
    Ok(())
}

struct Walk {
    square: Rect,
    seen_qr: bool,
    /// Whether every group above the code paints it as it is.
    qr_opaque: bool,
    /// The first element drawn before the code that overlaps its square.
    before: Option<String>,
}

impl Walk {
    fn group(&mut self, group: &usvg::Group, top: bool, plain: bool) -> Result<(), PrintError> {
        for child in group.children() {
            match child {
                Node::Group(g) => {
                    if self.seen_qr && !g.filters().is_empty() {
                        self.leaf(child, Some(g.abs_layer_bounding_box().to_rect()))?;
                        continue;
                    }
                    // The template's root `<svg>` is nested in the page's: its viewport, a
                    // clip on the chain of lone groups at the top, is the page itself.
                    let page_viewport = top && group.children().len() == 1;
                    let p = plain
                        && g.opacity().get() == 1.0
                        && (g.clip_path().is_none() || page_viewport)
                        && g.mask().is_none()
                        && g.filters().is_empty()
                        && !g.isolate()
                        && g.blend_mode() == usvg::BlendMode::Normal;
                    self.group(g, page_viewport, p)?;
                }
                Node::Path(p) if p.id() == QR_PATH_ID => {
                    self.seen_qr = true;
                    self.qr_opaque = plain;
                }
                _ => self.leaf(child, None)?,
            }
        }
        Ok(())
    }

    fn leaf(&mut self, node: &Node, layer: Option<Rect>) -> Result<(), PrintError> {
        let bbox = layer.unwrap_or_else(|| node.abs_stroke_bounding_box());
        if !overlaps(bbox, self.square) {
            return Ok(());
        }
        // The white square under the code is part of its drawing.
        if !self.seen_qr && is_quiet_zone(node, self.square) {
            return Ok(());
        }
        let what = describe(node);
        if self.seen_qr {
            return Err(PrintError::QrQuietZone(what));
        }
        self.before.get_or_insert(what);
        Ok(())
    }
}

/// Whether two boxes share more than a hairline (0.01 px).
fn overlaps(a: Rect, b: Rect) -> bool {
    const EPS: f32 = 0.01;
    a.left() < b.right() - EPS
        && b.left() < a.right() - EPS
        && a.top() < b.bottom() - EPS
        && b.top() < a.bottom() - EPS
}

/// The white square drawn under the modules (the first element of the QR drawing).
fn is_quiet_zone(node: &Node, square: Rect) -> bool {
    let Node::Path(p) = node else { return false };
    let b = p.abs_bounding_box();
    p.stroke().is_none()
        && (b.left() - square.left()).abs() < 0.01
        && (b.top() - square.top()).abs() < 0.01
        && (b.right() - square.right()).abs() < 0.01
        && (b.bottom() - square.bottom()).abs() < 0.01
}

/// How the message names an element: its text, its id, or its kind.
fn describe(node: &Node) -> String {
    if let Node::Text(t) = node {
        let text: String = t
            .chunks()
            .iter()
            .map(|c| c.text())
            .collect::<String>()
            .chars()
            .take(40)
            .collect();
        if !text.trim().is_empty() {
            return format!("«{}»", text.trim());
        }
    }
    if !node.id().is_empty() {
        return format!("#{}", node.id());
    }
    match node {
        Node::Group(_) => "<g>",
        Node::Path(_) => "<path>",
        Node::Image(_) => "<image>",
        Node::Text(_) => "<text>",
    }
    .to_string()
}
