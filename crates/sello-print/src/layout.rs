//! Laying out a template's changing text without parsing the document again.
//!
//! The prepared printer learns each text element's style from one parse of the template
//! (`usvg`), then lays out every certificate's text here with the same steps `usvg` takes for
//! the cases the printer accepts: horizontal, left-to-right text in one line per chunk, shaped
//! with `rustybuzz` over the whole chunk with each span's face, glyph clusters, letter and
//! word spacing, `text-anchor`. The printer's tests (`printer_tests.rs`) compare the PDFs it
//! writes with the one-shot path's glyph by glyph; what this module does not handle (right-to-left scripts, a character no embedded
//! face has) it reports, and the certificate is then rendered the one-shot way.

use crate::fonts::{self, Face};
use std::ops::Range;
use usvg::{TextAnchor, Transform, fontdb};

/// The style of one span, as `usvg` resolved it for the template.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SpanStyle {
    pub(crate) font: fontdb::ID,
    pub(crate) size: f32,
    pub(crate) letter_spacing: f32,
    pub(crate) word_spacing: f32,
    pub(crate) small_caps: bool,
    pub(crate) kerning: bool,
    /// Solid fill colour and opacity; `None`: no fill (invisible text).
    pub(crate) fill: Option<([u8; 3], f32)>,
    pub(crate) visible: bool,
}

/// One chunk (a line) of text: where it starts and its spans (byte ranges of `text`, each with
/// an index into the styles).
#[derive(Debug, Clone)]
pub(crate) struct Chunk {
    /// Start of the chunk; `None` for `y`: below the previous chunk's end.
    pub(crate) x: f32,
    pub(crate) y: Option<f32>,
    /// A `dy` applied from the chunk's first character on.
    pub(crate) dy: f32,
    pub(crate) text: String,
    pub(crate) spans: Vec<(Range<usize>, usize)>,
}

/// A glyph ready to draw: its face, id, the text it stands for, its style, and the transform
/// of its outline (font units to the text element's user space), as `svg2pdf` would set it.
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    pub(crate) font: fontdb::ID,
    pub(crate) id: u16,
    pub(crate) text: String,
    pub(crate) style: usize,
    pub(crate) matrix: Transform,
}

/// Why a text could not be laid out here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unsupported {
    /// A character of a script laid out right to left, or one that letter spacing skips.
    Script,
    /// A character the span's face lacks (`usvg` would look for another face).
    MissingGlyph,
    /// The face is not one of the embedded ones.
    Face,
}

/// Characters this module does not lay out like `usvg`: right-to-left scripts and bidi
/// controls (which need reordering), the scripts letter spacing leaves alone, and everything
/// outside the Basic Multilingual Plane.
pub(crate) fn is_unsupported_char(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0590..=0x0DFF      // Hebrew, Arabic, Syriac, Thaana, NKo, …, Indic scripts
            | 0x1680..=0x169F // Ogham
            | 0x1800..=0x18AF // Mongolian
            | 0x200E..=0x200F
            | 0x202A..=0x202E
            | 0x2066..=0x2069
            | 0xA800..=0xA82F // Syloti Nagri
            | 0xA840..=0xA87F // Phags-pa
            | 0xFB1D..=0xFDFF
            | 0xFE70..=0xFEFF
            | 0x10000..
    )
}

/// A shaped glyph (font units), as `usvg` keeps it before forming clusters.
#[derive(Debug, Clone)]
struct Shaped {
    id: u16,
    byte: usize,
    cluster_len: usize,
    text: String,
    dx: i32,
    dy: i32,
    width: i32,
    font: fontdb::ID,
    units_per_em: u16,
}

fn shape(text: &str, face: &Face, style: &SpanStyle) -> Vec<Shaped> {
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(rustybuzz::Direction::LeftToRight);
    let mut features = Vec::new();
    if style.small_caps {
        features.push(rustybuzz::Feature::new(
            rustybuzz::ttf_parser::Tag::from_bytes(b"smcp"),
            1,
            ..,
        ));
    }
    if !style.kerning {
        features.push(rustybuzz::Feature::new(
            rustybuzz::ttf_parser::Tag::from_bytes(b"kern"),
            0,
            ..,
        ));
    }
    let output = rustybuzz::shape(&face.shaper, &features, buffer);
    let infos = output.glyph_infos();
    let positions = output.glyph_positions();
    (0..output.len())
        .map(|i| {
            let start = infos[i].cluster as usize;
            let end = infos.get(i + 1).map_or(text.len(), |n| n.cluster as usize);
            Shaped {
                id: infos[i].glyph_id as u16,
                byte: start,
                cluster_len: end.saturating_sub(start),
                text: text.get(start..end).unwrap_or_default().to_string(),
                dx: positions[i].x_offset,
                dy: positions[i].y_offset,
                width: positions[i].x_advance,
                font: face.id,
                units_per_em: face.units_per_em,
            }
        })
        .collect()
}

struct Cluster {
    codepoint: char,
    advance: f32,
    glyphs: Vec<(Shaped, Transform)>,
    transform: Transform,
    span: usize,
}

/// Lays out the chunks of one text element; the glyphs come span by span, as drawn.
pub(crate) fn lay_out(
    chunks: &[Chunk],
    anchor: TextAnchor,
    styles: &[SpanStyle],
) -> Result<Vec<Glyph>, Unsupported> {
    let mut out = Vec::new();
    let mut last_y = 0.0f32;
    for chunk in chunks {
        if chunk.text.chars().any(is_unsupported_char) {
            return Err(Unsupported::Script);
        }
        let (x0, y0) = (chunk.x, chunk.y.unwrap_or(last_y));
        let span_at = |byte: usize| chunk.spans.iter().position(|(r, _)| r.contains(&byte));
        // Shape the whole chunk with each span's face; each span keeps its own clusters.
        let mut glyphs: Vec<Shaped> = Vec::new();
        let mut shaped_with: Option<(fontdb::ID, bool, bool)> = None;
        for (range, style) in &chunk.spans {
            let style = &styles[*style];
            let key = (style.font, style.small_caps, style.kerning);
            if shaped_with == Some(key) {
                continue; // the same shaping again would change nothing
            }
            let face = fonts::face(style.font).ok_or(Unsupported::Face)?;
            let new = shape(&chunk.text, face, style);
            if shaped_with.is_none() {
                glyphs = new;
                shaped_with = Some(key);
                continue;
            }
            shaped_with = Some(key);
            overwrite(&mut glyphs, new, range);
        }
        if glyphs.iter().any(|g| g.id == 0) {
            return Err(Unsupported::MissingGlyph);
        }
        // Clusters: runs of glyphs from the same character.
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut i = 0;
        while i < glyphs.len() {
            let byte = glyphs[i].byte;
            let mut j = i + 1;
            while j < glyphs.len() && glyphs[j].byte == byte {
                j += 1;
            }
            if let Some(span) = span_at(byte) {
                let size = styles[chunk.spans[span].1].size;
                let mut width = 0.0f32;
                let mut x = 0.0f32;
                let mut cluster_glyphs = Vec::with_capacity(j - i);
                for g in &glyphs[i..j] {
                    let sx = size / f32::from(g.units_per_em);
                    let ts = Transform::from_translate(x + g.dx as f32, -g.dy as f32);
                    x += g.width as f32;
                    width = width.max(g.width as f32 * sx);
                    cluster_glyphs.push((g.clone(), ts));
                }
                clusters.push(Cluster {
                    codepoint: chunk.text[byte..].chars().next().unwrap_or(' '),
                    advance: width,
                    glyphs: cluster_glyphs,
                    transform: Transform::default(),
                    span,
                });
            }
            i = j;
        }
        if clusters.is_empty() {
            continue;
        }
        let style_of = |c: &Cluster| &styles[chunk.spans[c.span].1];
        if chunk
            .spans
            .iter()
            .any(|(_, s)| styles[*s].letter_spacing != 0.0)
        {
            let last = clusters.len() - 1;
            for (i, c) in clusters.iter_mut().enumerate() {
                let spacing = style_of(c).letter_spacing;
                if i != last {
                    c.advance += spacing;
                }
                if !(c.advance > 0.0 && c.advance.is_finite()) {
                    c.advance = 0.0;
                    c.glyphs.clear();
                }
            }
        }
        if chunk
            .spans
            .iter()
            .any(|(_, s)| styles[*s].word_spacing != 0.0)
        {
            for c in clusters.iter_mut() {
                if matches!(
                    u32::from(c.codepoint),
                    0x0020 | 0x00A0 | 0x1361 | 0x010100 | 0x010101 | 0x01039F | 0x01091F
                ) {
                    c.advance += style_of(c).word_spacing;
                }
            }
        }
        let length: f32 = clusters.iter().fold(0.0, |w, c| w + c.advance);
        let mut x = match anchor {
            TextAnchor::Start => 0.0,
            TextAnchor::Middle => -length / 2.0,
            TextAnchor::End => -length,
        };
        let mut y = 0.0f32;
        for (k, c) in clusters.iter_mut().enumerate() {
            if k == 0 {
                y += chunk.dy;
            }
            c.transform = c.transform.pre_translate(x, y);
            x += c.advance;
        }
        let span_ts = Transform::default().pre_translate(x0, y0);
        for (span, (_, style)) in chunk.spans.iter().enumerate() {
            let size = styles[*style].size;
            for c in clusters.iter().filter(|c| c.span == span) {
                for (g, glyph_ts) in &c.glyphs {
                    let sx = size / f32::from(g.units_per_em);
                    // As usvg's `PositionedGlyph::outline_transform`, then svg2pdf's scaling
                    // to a font size of 1 in font units.
                    let matrix = span_ts
                        .pre_concat(c.transform)
                        .pre_concat(Transform::from_scale(sx, sx))
                        .pre_concat(*glyph_ts)
                        .pre_concat(Transform::from_scale(1.0, -1.0))
                        .pre_scale(f32::from(g.units_per_em), f32::from(g.units_per_em))
                        .pre_scale(1.0 / size, 1.0 / size);
                    out.push(Glyph {
                        font: g.font,
                        id: g.id,
                        text: g.text.clone(),
                        style: *style,
                        matrix,
                    });
                }
            }
        }
        last_y = y0 + y;
    }
    Ok(out)
}

/// Replaces the glyphs of the span `range` by those of a shaping with another face, cluster
/// by cluster (a face may draw a cluster with more or fewer glyphs).
fn overwrite(glyphs: &mut Vec<Shaped>, new: Vec<Shaped>, range: &Range<usize>) {
    let mut iter = new.into_iter();
    while let Some(g) = iter.next() {
        if !range.contains(&g.byte) {
            continue;
        }
        let Some(at) = glyphs.iter().position(|old| old.byte == g.byte) else {
            continue;
        };
        let before = glyphs[at].cluster_len;
        if before < g.cluster_len {
            for _ in 1..g.cluster_len {
                if at + 1 < glyphs.len() {
                    glyphs.remove(at + 1);
                }
            }
        } else if before > g.cluster_len {
            for k in 1..before {
                if let Some(extra) = iter.next() {
                    glyphs.insert(at + k, extra);
                }
            }
        }
        glyphs[at] = g;
    }
}

/// `usvg`'s white-space handling (`xml:space="default"`) of a text element that is a single
/// text node: newlines and tabs become spaces, runs of spaces one space, and one leading and
/// one trailing space go.
pub(crate) fn collapse_single(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    let mut prev = '0';
    for c in text.chars() {
        let c = match c {
            '\r' | '\n' | '\t' => ' ',
            c => c,
        };
        if c == ' ' && prev == ' ' {
            continue;
        }
        prev = c;
        s.push(c);
    }
    if s.starts_with(' ') {
        s.remove(0);
    }
    if s.ends_with(' ') {
        s.pop();
    }
    s
}
