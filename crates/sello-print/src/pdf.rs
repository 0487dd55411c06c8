//! Writing the prepared printer's PDFs: embedded font subsets, text and QR drawing, the page.

use crate::error::PrintError;
use crate::fonts::Face;
use crate::layout::{Glyph, SpanStyle};
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Chunk, Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::io::Write as _;
use usvg::{Transform, fontdb};

/// References of the objects every document has; the prepared objects follow.
pub(crate) const CATALOG: Ref = Ref::new(1);
const PAGES: Ref = Ref::new(2);
const PAGE: Ref = Ref::new(3);
const CONTENT: Ref = Ref::new(4);
const INFO: Ref = Ref::new(5);
/// The first reference of the prepared (shared) objects.
pub(crate) const FIRST_SHARED: i32 = 6;

const SYSTEM_INFO: SystemInfo = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

/// zlib compression of a stream.
pub(crate) fn deflate(data: &[u8], level: u32) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(data.len() / 3 + 64),
        flate2::Compression::new(level),
    );
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

/// A face embedded as a subset: the glyphs kept (old id → new id, in the order they were
/// added, so a larger subset keeps the ids of a smaller one) and the text each stands for.
#[derive(Clone)]
pub(crate) struct EmbeddedFont {
    pub(crate) face: &'static Face,
    remapper: subsetter::GlyphRemapper,
    texts: BTreeMap<u16, String>,
}

impl EmbeddedFont {
    pub(crate) fn new(face: &'static Face) -> EmbeddedFont {
        EmbeddedFont {
            face,
            remapper: subsetter::GlyphRemapper::new(),
            texts: BTreeMap::new(),
        }
    }

    /// Keeps glyph `id`, which stands for `text` (the first text given for a glyph stays).
    pub(crate) fn add(&mut self, id: u16, text: &str) {
        self.remapper.remap(id);
        if !text.is_empty() {
            self.texts.entry(id).or_insert_with(|| text.to_string());
        }
    }

    /// The glyph's id in the subset (its CID), if kept.
    pub(crate) fn cid(&self, id: u16) -> Option<u16> {
        self.remapper.get(id)
    }

    /// The glyph's advance in thousandths of the font size, as written in `/W`.
    fn width(&self, id: u16) -> f32 {
        let advance = self
            .face
            .shaper
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(id))
            .unwrap_or(0);
        (f64::from(advance) / f64::from(self.face.units_per_em) * 1000.0) as f32
    }

    /// Writes the font objects: a Type 0 font at `type0`, the others at references from
    /// `alloc`.
    pub(crate) fn write(
        &self,
        chunk: &mut Chunk,
        type0: Ref,
        alloc: &mut Ref,
    ) -> Result<(), PrintError> {
        let ttf: &rustybuzz::ttf_parser::Face = &self.face.shaper;
        let bad = || PrintError::Pdf(crate::i18n::tr("print-font-subset", &[]));
        let (cid_ref, descriptor_ref, cmap_ref, data_ref) =
            (alloc.bump(), alloc.bump(), alloc.bump(), alloc.bump());
        let cff = ttf
            .raw_face()
            .table(rustybuzz::ttf_parser::Tag::from_bytes(b"CFF "))
            .is_some();
        let postscript = ttf
            .names()
            .into_iter()
            .find(|n| n.name_id == rustybuzz::ttf_parser::name_id::POST_SCRIPT_NAME)
            .and_then(|n| n.to_string())
            .unwrap_or_else(|| "Font".to_string());
        let postscript: String = postscript
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .take(100)
            .collect();
        let base = format!("{}+{postscript}", self.tag());
        let type0_name = if cff {
            format!("{base}-Identity-H")
        } else {
            base.clone()
        };
        chunk
            .type0_font(type0)
            .base_font(Name(type0_name.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_ref)
            .to_unicode(cmap_ref);
        let mut cid = chunk.cid_font(cid_ref);
        cid.subtype(if cff {
            CidFontType::Type0
        } else {
            CidFontType::Type2
        });
        cid.base_font(Name(base.as_bytes()));
        cid.system_info(SYSTEM_INFO);
        cid.font_descriptor(descriptor_ref);
        cid.default_width(0.0);
        if !cff {
            cid.cid_to_gid_map_predefined(Name(b"Identity"));
        }
        let widths: Vec<f32> = self
            .remapper
            .remapped_gids()
            .map(|g| self.width(g))
            .collect();
        cid.widths().consecutive(0, widths);
        cid.finish();

        let per_em = f32::from(self.face.units_per_em);
        let scale = |v: f32| v / per_em * 1000.0;
        let bbox = ttf.global_bounding_box();
        let ascent = scale(f32::from(
            ttf.typographic_ascender().unwrap_or(ttf.ascender()),
        ));
        let descent = scale(f32::from(
            ttf.typographic_descender().unwrap_or(ttf.descender()),
        ));
        let mut flags = FontFlags::SYMBOLIC;
        flags.set(FontFlags::SERIF, postscript.contains("Serif"));
        flags.set(FontFlags::ITALIC, ttf.is_italic());
        flags.set(FontFlags::FIXED_PITCH, ttf.is_monospaced());
        let mut descriptor = chunk.font_descriptor(descriptor_ref);
        descriptor
            .name(Name(base.as_bytes()))
            .flags(flags)
            .bbox(Rect::new(
                scale(f32::from(bbox.x_min)),
                scale(f32::from(bbox.y_min)),
                scale(f32::from(bbox.x_max)),
                scale(f32::from(bbox.y_max)),
            ))
            .italic_angle(ttf.italic_angle())
            .ascent(ascent)
            .descent(descent)
            .cap_height(
                ttf.capital_height()
                    .filter(|h| *h > 0)
                    .map_or(ascent, |h| scale(f32::from(h))),
            )
            .stem_v(10.0 + 0.244 * (f32::from(ttf.weight().to_number()) - 50.0));
        if cff {
            descriptor.font_file3(data_ref);
        } else {
            descriptor.font_file2(data_ref);
        }
        descriptor.finish();

        let mut cmap = UnicodeCmap::new(Name(b"Custom"), SYSTEM_INFO);
        for (old, text) in &self.texts {
            if let Some(new) = self.remapper.get(*old) {
                cmap.pair_with_multiple(new, text.chars());
            }
        }
        let cmap = deflate(&cmap.finish(), 6);
        chunk.cmap(cmap_ref, &cmap).filter(Filter::FlateDecode);

        let subset = subsetter::subset(self.face.data, 0, &self.remapper).map_err(|_| bad())?;
        let mut program: &[u8] = &subset;
        if cff {
            let raw = rustybuzz::ttf_parser::RawFace::parse(&subset, 0).map_err(|_| bad())?;
            program = raw
                .table(rustybuzz::ttf_parser::Tag::from_bytes(b"CFF "))
                .ok_or_else(bad)?;
        }
        let data = deflate(program, 6);
        let mut stream = chunk.stream(data_ref, &data);
        stream.filter(Filter::FlateDecode);
        if cff {
            stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
        }
        stream.finish();
        Ok(())
    }

    /// Six capital letters derived from the glyph set (a subset's name tag).
    fn tag(&self) -> String {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.remapper
            .remapped_gids()
            .collect::<Vec<_>>()
            .hash(&mut h);
        self.face.units_per_em.hash(&mut h);
        let mut n = Hasher::finish(&h);
        (0..6)
            .map(|_| {
                let c = char::from(b'A' + (n % 26) as u8);
                n /= 26;
                c
            })
            .collect()
    }
}

/// The fonts of one document: the prepared ones, or larger subsets when a certificate uses a
/// glyph the prepared subset lacks.
pub(crate) struct Fonts<'a> {
    pub(crate) list: Vec<std::borrow::Cow<'a, EmbeddedFont>>,
}

impl Fonts<'_> {
    fn index(&self, font: fontdb::ID) -> Option<usize> {
        self.list.iter().position(|f| f.face.id == font)
    }
}

/// Resource names: `/F<i>` fonts, `/X<i>` layers, `/G<i>` opacities.
fn font_name(i: usize) -> String {
    format!("F{i}")
}

/// Where a text element's user space lands on the page, and the glyphs to draw there.
pub(crate) fn draw_text(
    content: &mut Content,
    to_page: Transform,
    glyphs: &[Glyph],
    styles: &[SpanStyle],
    fonts: &Fonts,
    opacities: &[f32],
) -> Result<(), PrintError> {
    if glyphs.is_empty() {
        return Ok(());
    }
    content.save_state();
    content.transform(matrix(to_page));
    let mut i = 0;
    while i < glyphs.len() {
        let style_index = glyphs[i].style;
        let mut end = i + 1;
        while end < glyphs.len() && glyphs[end].style == style_index {
            end += 1;
        }
        let style = &styles[style_index];
        if style.visible {
            draw_span(content, &glyphs[i..end], style, fonts, opacities)?;
        }
        i = end;
    }
    content.restore_state();
    Ok(())
}

fn draw_span(
    content: &mut Content,
    glyphs: &[Glyph],
    style: &SpanStyle,
    fonts: &Fonts,
    opacities: &[f32],
) -> Result<(), PrintError> {
    let missing = || PrintError::Pdf(crate::i18n::tr("print-glyph-missing", &[]));
    content.save_state();
    match style.fill {
        Some(([r, g, b], opacity)) => {
            if let Some(k) = opacities
                .iter()
                .position(|o| *o == opacity && opacity < 1.0)
            {
                content.set_parameters(Name(format!("G{k}").as_bytes()));
            }
            content.set_fill_rgb(
                f32::from(r) / 255.0,
                f32::from(g) / 255.0,
                f32::from(b) / 255.0,
            );
        }
        None => {
            content.set_text_rendering_mode(pdf_writer::types::TextRenderingMode::Invisible);
        }
    }
    content.begin_text();
    let size = style.size;
    let mut current_font: Option<usize> = None;
    // The end of the last glyph shown, when the next may follow it with `TJ`.
    let mut pen: Option<(f32, f32)> = None;
    let mut run: Vec<(u16, f32)> = Vec::new(); // (cid, adjustment before it)
    let flush = |content: &mut Content, run: &mut Vec<(u16, f32)>| {
        if run.is_empty() {
            return;
        }
        let mut tj = content.show_positioned();
        let mut items = tj.items();
        let mut bytes = Vec::new();
        for (cid, adjust) in run.drain(..) {
            if adjust != 0.0 {
                if !bytes.is_empty() {
                    items.show(Str(&bytes));
                    bytes.clear();
                }
                items.adjust(adjust);
            }
            bytes.extend_from_slice(&cid.to_be_bytes());
        }
        if !bytes.is_empty() {
            items.show(Str(&bytes));
        }
    };
    for g in glyphs {
        let k = fonts.index(g.font).ok_or_else(missing)?;
        let font = &fonts.list[k];
        let cid = font.cid(g.id).ok_or_else(missing)?;
        if current_font != Some(k) {
            flush(content, &mut run);
            content.set_font(Name(font_name(k).as_bytes()), size);
            current_font = Some(k);
            pen = None;
        }
        let m = g.matrix;
        let upright = (m.sx - 1.0).abs() < 1e-5
            && m.kx.abs() < 1e-5
            && m.ky.abs() < 1e-5
            && (m.sy + 1.0).abs() < 1e-5;
        // Where this glyph starts: after the previous one, moved by a `TJ` adjustment, or
        // at a new text matrix.
        let (adjust, x) = match pen {
            Some((x, y)) if upright && (m.ty - y).abs() < 1e-4 => {
                let a = (x - m.tx) * 1000.0 / size;
                if a.abs() < 1e-3 {
                    (0.0, x)
                } else {
                    (a, x - a * size / 1000.0)
                }
            }
            _ => {
                flush(content, &mut run);
                content.set_text_matrix([m.sx, m.ky, m.kx, m.sy, m.tx, m.ty]);
                (0.0, m.tx)
            }
        };
        run.push((cid, adjust));
        pen = upright.then(|| (x + font.width(g.id) * size / 1000.0, m.ty));
    }
    flush(content, &mut run);
    content.end_text();
    content.restore_state();
    Ok(())
}

/// A transform as PDF's six numbers.
pub(crate) fn matrix(t: Transform) -> [f32; 6] {
    [t.sx, t.ky, t.kx, t.sy, t.tx, t.ty]
}

/// The QR code: a white square and the dark modules, one rectangle per run of a row.
pub(crate) fn draw_qr(
    content: &mut Content,
    to_page: Transform,
    qr: &crate::qr::QrMatrix,
    [x, y, w, h]: [f64; 4],
) {
    use crate::qr::QUIET_ZONE;
    let side = w.min(h);
    let (x0, y0) = (x + (w - side) / 2.0, y + (h - side) / 2.0);
    let n = qr.width();
    let module = side / (n + 2 * QUIET_ZONE) as f64;
    content.save_state();
    content.transform(matrix(to_page));
    content.set_fill_rgb(1.0, 1.0, 1.0);
    content.rect(x0 as f32, y0 as f32, side as f32, side as f32);
    content.fill_nonzero();
    let modules = Transform::from_row(
        module as f32,
        0.0,
        0.0,
        module as f32,
        (x0 + QUIET_ZONE as f64 * module) as f32,
        (y0 + QUIET_ZONE as f64 * module) as f32,
    );
    content.transform(matrix(modules));
    content.set_fill_rgb(0.0, 0.0, 0.0);
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
            content.rect(start as f32, row as f32, (col - start) as f32, 1.0);
        }
    }
    content.fill_nonzero();
    content.restore_state();
}

/// What every document of a prepared printer shares.
pub(crate) struct Shared {
    /// Layers from svg2pdf, the fonts and the opacity states, numbered from
    /// [`FIRST_SHARED`].
    pub(crate) objects: Chunk,
    /// The next free reference after them.
    pub(crate) next: i32,
    pub(crate) fonts: Vec<(EmbeddedFont, Ref)>,
    pub(crate) layers: Vec<Ref>,
    pub(crate) opacities: Vec<(f32, Ref)>,
    /// Page size in points.
    pub(crate) size: (f32, f32),
}

/// Assembles a document: page, content (compressed here), the shared objects, and the fonts
/// that this document had to enlarge.
pub(crate) fn document(
    shared: &Shared,
    fonts: &Fonts,
    content: &[u8],
) -> Result<Vec<u8>, PrintError> {
    let mut extra = Chunk::new();
    let mut alloc = Ref::new(shared.next);
    let mut font_refs = Vec::with_capacity(fonts.list.len());
    for (k, font) in fonts.list.iter().enumerate() {
        match font {
            std::borrow::Cow::Borrowed(_) => font_refs.push(shared.fonts[k].1),
            std::borrow::Cow::Owned(font) => {
                let type0 = alloc.bump();
                font.write(&mut extra, type0, &mut alloc)?;
                font_refs.push(type0);
            }
        }
    }
    let compressed = deflate(content, 1);
    let mut pdf = Pdf::new();
    pdf.catalog(CATALOG).pages(PAGES);
    pdf.pages(PAGES).kids([PAGE]).count(1);
    let mut page = pdf.page(PAGE);
    page.media_box(Rect::new(0.0, 0.0, shared.size.0, shared.size.1));
    page.parent(PAGES);
    page.contents(CONTENT);
    let mut resources = page.resources();
    let mut dict = resources.fonts();
    for (k, r) in font_refs.iter().enumerate() {
        dict.pair(Name(font_name(k).as_bytes()), *r);
    }
    dict.finish();
    if !shared.layers.is_empty() {
        let mut dict = resources.x_objects();
        for (k, r) in shared.layers.iter().enumerate() {
            dict.pair(Name(format!("X{k}").as_bytes()), *r);
        }
        dict.finish();
    }
    if !shared.opacities.is_empty() {
        let mut dict = resources.ext_g_states();
        for (k, (_, r)) in shared.opacities.iter().enumerate() {
            dict.pair(Name(format!("G{k}").as_bytes()), *r);
        }
        dict.finish();
    }
    resources.finish();
    page.finish();
    pdf.stream(CONTENT, &compressed).filter(Filter::FlateDecode);
    pdf.extend(&shared.objects);
    pdf.extend(&extra);
    pdf.document_info(INFO).producer(TextStr("Sello"));
    Ok(pdf.finish())
}
