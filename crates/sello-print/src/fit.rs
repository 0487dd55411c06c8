//! Long text that must shrink or wrap: measuring with the embedded fonts and choosing lines.

use crate::template::{Fit, Layout};
use usvg::fontdb;

/// Largest shrink accepted before a second line is tried: one line at 80 % of the size reads
/// better than two.
const SHRINK_BEFORE_WRAP: f32 = 0.8;
/// Wrapped lines are set at most at this fraction of the size, so that the block stays compact.
const WRAPPED_SIZE: f32 = 0.85;

/// What measuring a fitted element needs from its first layout: the face, size and letter
/// spacing of its first span (a fitted element holds text only, so it has one style).
#[derive(Debug, Clone, Copy)]
pub(crate) struct FitStyle {
    pub(crate) font: fontdb::ID,
    pub(crate) size: f32,
    pub(crate) spacing: f32,
}

/// The style of a fitted element and its text, from the first layout of the filled document.
pub(crate) fn style(tree: &usvg::Tree, fit: &Fit) -> Option<(FitStyle, String)> {
    let Some(usvg::Node::Text(text)) = tree.node_by_id(&fit.id) else {
        return None;
    };
    let chunk = text.chunks().first()?;
    let span = chunk.spans().first()?;
    let id = resolve(tree.fontdb(), span.font())?;
    let style = FitStyle {
        font: id,
        size: span.font_size().get(),
        spacing: span.letter_spacing(),
    };
    Some((style, chunk.text().to_string()))
}

/// The face `usvg` draws a span's font with: its families, then serif.
pub(crate) fn resolve(db: &fontdb::Database, font: &usvg::Font) -> Option<fontdb::ID> {
    let families: Vec<fontdb::Family> = font
        .families()
        .iter()
        .map(|family| match family {
            usvg::FontFamily::Serif => fontdb::Family::Serif,
            usvg::FontFamily::SansSerif => fontdb::Family::SansSerif,
            usvg::FontFamily::Cursive => fontdb::Family::Cursive,
            usvg::FontFamily::Fantasy => fontdb::Family::Fantasy,
            usvg::FontFamily::Monospace => fontdb::Family::Monospace,
            usvg::FontFamily::Named(name) => fontdb::Family::Name(name),
        })
        .chain([fontdb::Family::Serif])
        .collect();
    db.query(&query(font, &families))
}

/// How a fitted element must change, from the first layout of the filled document; `None`
/// when it already fits on one line.
pub(crate) fn layout(tree: &usvg::Tree, fit: &Fit) -> Option<Layout> {
    let (style, text) = style(tree, fit)?;
    tree.fontdb()
        .with_face_data(style.font, |data, index| {
            let face = rustybuzz::Face::from_slice(data, index)?;
            measure(&face, style, fit, &text)
        })
        .flatten()
}

/// Chooses the size and lines of a fitted element whose text is `content`, set in `face`
/// (the face of `style.font`); `None` when it fits on one line as it is.
pub(crate) fn measure(
    face: &rustybuzz::Face,
    style: FitStyle,
    fit: &Fit,
    content: &str,
) -> Option<Layout> {
    let size = style.size;
    let words: Vec<&str> = content.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    // Advances at a font size of 1; letter spacing is in user units and does not scale.
    let per_em = f32::from(face.units_per_em().max(1) as u16);
    let measure = |s: &str| {
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(s);
        let glyphs = rustybuzz::shape(face, &[], buffer);
        let advance: i32 = glyphs.glyph_positions().iter().map(|p| p.x_advance).sum();
        advance as f32 / per_em
    };
    let advances: Vec<f32> = words.iter().map(|w| measure(w)).collect();
    let space = measure(" ");
    let spacing = style.spacing;
    let chars: Vec<f32> = words.iter().map(|w| w.chars().count() as f32).collect();
    let widths: Vec<f32> = advances
        .iter()
        .zip(&chars)
        .map(|(a, c)| a * size + spacing * c)
        .collect();
    let mut best: Option<(f32, Vec<Vec<&str>>)> = None;
    for n in 1..=usize::from(fit.lines).min(words.len()) {
        let (_, cuts) = balanced(&widths, space * size + spacing, n);
        // The size at which every line fits: (width − spacing × chars) / advance.
        let mut scale = if n == 1 { 1.0 } else { WRAPPED_SIZE };
        for line in &cuts {
            let gaps = (line.len() - 1) as f32;
            let advance: f32 = line.clone().map(|i| advances[i]).sum::<f32>() + space * gaps;
            let count: f32 = line.clone().map(|i| chars[i]).sum::<f32>() + gaps;
            scale = scale.min((fit.width - spacing * count).max(0.0) / (advance * size));
        }
        if n == 1 && scale >= 1.0 {
            return None;
        }
        if best.as_ref().is_none_or(|(s, _)| scale > *s + 1e-4) {
            let lines = cuts.into_iter().map(|r| words[r].to_vec()).collect();
            best = Some((scale, lines));
        }
        if scale >= SHRINK_BEFORE_WRAP {
            break;
        }
    }
    let (scale, lines) = best?;
    Some(Layout {
        font_size: size * scale * 0.995,
        lines: lines.into_iter().map(|l| l.join(" ")).collect(),
    })
}

/// Splits words of the given widths into `n` lines so that the widest is as narrow as
/// possible; returns that width and each line's range of words.
fn balanced(widths: &[f32], space: f32, n: usize) -> (f32, Vec<std::ops::Range<usize>>) {
    let count = widths.len();
    let line = |from: usize, to: usize| -> f32 {
        widths[from..to].iter().sum::<f32>() + space * (to - from - 1) as f32
    };
    // best[k][i]: narrowest widest line when the first i words make k lines; cut[k][i]: where
    // the last of them starts.
    let mut best = vec![vec![f32::INFINITY; count + 1]; n + 1];
    let mut cut = vec![vec![0usize; count + 1]; n + 1];
    best[0][0] = 0.0;
    for k in 1..=n {
        for i in k..=count {
            for j in (k - 1)..i {
                let value = best[k - 1][j].max(line(j, i));
                if value < best[k][i] {
                    best[k][i] = value;
                    cut[k][i] = j;
                }
            }
        }
    }
    let mut lines = Vec::with_capacity(n);
    let mut end = count;
    for k in (1..=n).rev() {
        let start = cut[k][end];
        lines.push(start..end);
        end = start;
    }
    lines.reverse();
    (best[n][count], lines)
}

/// The font query usvg makes for a span, so that measuring uses the face that is drawn.
fn query<'a>(font: &usvg::Font, families: &'a [fontdb::Family<'a>]) -> fontdb::Query<'a> {
    fontdb::Query {
        families,
        weight: fontdb::Weight(font.weight()),
        stretch: match font.stretch() {
            usvg::FontStretch::UltraCondensed => fontdb::Stretch::UltraCondensed,
            usvg::FontStretch::ExtraCondensed => fontdb::Stretch::ExtraCondensed,
            usvg::FontStretch::Condensed => fontdb::Stretch::Condensed,
            usvg::FontStretch::SemiCondensed => fontdb::Stretch::SemiCondensed,
            usvg::FontStretch::Normal => fontdb::Stretch::Normal,
            usvg::FontStretch::SemiExpanded => fontdb::Stretch::SemiExpanded,
            usvg::FontStretch::Expanded => fontdb::Stretch::Expanded,
            usvg::FontStretch::ExtraExpanded => fontdb::Stretch::ExtraExpanded,
            usvg::FontStretch::UltraExpanded => fontdb::Stretch::UltraExpanded,
        },
        style: match font.style() {
            usvg::FontStyle::Normal => fontdb::Style::Normal,
            usvg::FontStyle::Italic => fontdb::Style::Italic,
            usvg::FontStyle::Oblique => fontdb::Style::Oblique,
        },
    }
}
