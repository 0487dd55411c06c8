//! Tests of the prepared printer against the one-shot path: the same SVG, the same glyphs at
//! the same places in the PDF, a QR code that decodes, fonts embedded, fallbacks.
//!
//! The PDFs are read back by a small reader of what `pdf-writer` writes (objects, Flate
//! streams, `ToUnicode` maps, `/W` widths) and a content-stream interpreter for the operators
//! both writers use (`q Q cm BT ET Tf Tm Tj TJ re f rg g`).

use super::*;
use proptest::prelude::*;
use std::collections::HashMap;
use std::io::Read as _;
use usvg::Transform;

const QR_TEXT: &str = "https://verifica.cecati149.example.mx/v#eyJhbGciOiJFZERTQSIsImtpZCI6Ims\
    iLCJ0eXAiOiJzZWxsbytqd3QifQ.eyJpc3MiOiJteC5jZWNhdGkxNDkiLCJqdGkiOiI3S1EyLU05WFctM0hQQSIsIml\
    hdCI6MTc2NDAwMDAwMCwiY2VydCI6eyJoIjp7Im4iOiJNYXLDrWEifX19.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0d\
    XJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl";

fn fields() -> CertificateFields {
    CertificateFields {
        holder: "María Guadalupe Hernández López".into(),
        holder_id: "HELG850312MDFRPD09".into(),
        code: "EC0105".into(),
        title: "Atención al ciudadano en el sector público".into(),
        level: "3".into(),
        unit: "CECATI 149".into(),
        issuer: "CECATI 149".into(),
        issued_on: "24 de noviembre de 2026".into(),
        expires_on: "24 de noviembre de 2031".into(),
        serial: "7KQ2-M9XW-3HPA".into(),
        place: "Ciudad de México".into(),
        verify: "o en https://verifica.cecati149.example.mx/v".into(),
        attributes: String::new(),
        attrs: Default::default(),
    }
}

/// The indirect objects of a PDF: dictionary text and (decompressed) stream.
fn objects(pdf: &[u8]) -> HashMap<u32, (String, Vec<u8>)> {
    let mut out = HashMap::new();
    let mut at = 0;
    while let Some(found) = find(&pdf[at..], b" 0 obj\n") {
        let obj_start = at + found;
        let num_start = pdf[..obj_start]
            .iter()
            .rposition(|b| !b.is_ascii_digit())
            .map_or(0, |p| p + 1);
        let id: u32 = std::str::from_utf8(&pdf[num_start..obj_start])
            .unwrap()
            .parse()
            .unwrap();
        let body = obj_start + 7;
        let end = body + find(&pdf[body..], b"endobj").unwrap();
        let text = &pdf[body..end];
        let (dict, stream) = match find(text, b"\nstream\n") {
            Some(s) => {
                let dict = String::from_utf8_lossy(&text[..s]).to_string();
                let len: usize = number_after(&dict, "/Length").unwrap() as usize;
                let data = &text[s + 8..s + 8 + len];
                let data = if dict.contains("/FlateDecode") {
                    let mut d = Vec::new();
                    flate2::read::ZlibDecoder::new(data)
                        .read_to_end(&mut d)
                        .unwrap();
                    d
                } else {
                    data.to_vec()
                };
                (dict, data)
            }
            None => (String::from_utf8_lossy(text).to_string(), Vec::new()),
        };
        out.insert(id, (dict, stream));
        at = end;
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn number_after(text: &str, key: &str) -> Option<f64> {
    let at = text.find(key)? + key.len();
    text[at..].split_whitespace().next()?.parse().ok()
}

fn ref_after(text: &str, key: &str) -> Option<u32> {
    number_after(text, key).map(|n| n as u32)
}

/// `name → object id` pairs of a resource sub-dictionary such as `/Font`.
fn resources(dict: &str, kind: &str) -> Vec<(String, u32)> {
    let Some(at) = dict.find(&format!("{kind} <<")) else {
        return Vec::new();
    };
    let rest = &dict[at + kind.len() + 3..];
    let rest = &rest[..rest.find(">>").unwrap()];
    let words: Vec<&str> = rest.split_whitespace().collect();
    words
        .chunks(4)
        .map(|w| {
            (
                w[0].trim_start_matches('/').to_string(),
                w[1].parse().unwrap(),
            )
        })
        .collect()
}

struct Font {
    name: String,
    unicode: HashMap<u16, String>,
    widths: HashMap<u16, f32>,
}

fn font(objs: &HashMap<u32, (String, Vec<u8>)>, id: u32) -> Font {
    let dict = &objs[&id].0;
    let base = dict[dict.find("/BaseFont /").unwrap() + 11..]
        .split_whitespace()
        .next()
        .unwrap();
    let name = base.split('+').nth(1).unwrap_or(base).to_string();
    let name = name.trim_end_matches("-Identity-H").to_string();
    let cmap =
        String::from_utf8_lossy(&objs[&ref_after(dict, "/ToUnicode").unwrap()].1).to_string();
    let mut unicode = HashMap::new();
    for l in cmap.lines().filter(|l| l.starts_with('<')) {
        let hex: Vec<&str> = l.split(['<', '>', ' ']).filter(|s| !s.is_empty()).collect();
        if let [code, value] = hex[..] {
            let units: Vec<u16> = (0..value.len() / 4)
                .map(|i| u16::from_str_radix(&value[4 * i..4 * i + 4], 16).unwrap())
                .collect();
            unicode.insert(
                u16::from_str_radix(code, 16).unwrap(),
                String::from_utf16(&units).unwrap(),
            );
        }
    }
    // The CID font's /W array, in either form: `c [w …]` or `c1 c2 w`.
    let cid_id: u32 = dict[dict.find("/DescendantFonts [").unwrap() + 18..]
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let cid = &objs[&cid_id].0;
    let mut widths = HashMap::new();
    if let Some(at) = cid.find("/W [") {
        let w = &cid[at + 4..];
        let tokens = tokenize(w.as_bytes());
        let mut i = 0;
        let mut numbers: Vec<f32> = Vec::new();
        while i < tokens.len() {
            match &tokens[i] {
                Token::Num(n) => numbers.push(*n),
                Token::Array(items) => {
                    let first = numbers.pop().unwrap() as u16;
                    for (k, item) in items.iter().enumerate() {
                        if let Token::Num(v) = item {
                            widths.insert(first + k as u16, *v);
                        }
                    }
                }
                Token::Op(op) if op == "]" => break,
                _ => {}
            }
            if numbers.len() == 3 {
                for c in numbers[0] as u16..=numbers[1] as u16 {
                    widths.insert(c, numbers[2]);
                }
                numbers.clear();
            }
            i += 1;
        }
    }
    Font {
        name,
        unicode,
        widths,
    }
}

#[derive(Debug, Clone)]
enum Token {
    Num(f32),
    Name(String),
    Str(Vec<u8>),
    Array(Vec<Token>),
    Op(String),
}

fn tokenize(s: &[u8]) -> Vec<Token> {
    let mut i = 0;
    let mut stack: Vec<Vec<Token>> = vec![Vec::new()];
    while i < s.len() {
        let c = s[i];
        match c {
            b' ' | b'\n' | b'\r' | b'\t' => i += 1,
            b'[' => {
                stack.push(Vec::new());
                i += 1;
            }
            b']' => {
                i += 1;
                if stack.len() == 1 {
                    stack[0].push(Token::Op("]".into()));
                    continue;
                }
                let a = stack.pop().unwrap();
                stack.last_mut().unwrap().push(Token::Array(a));
            }
            b'/' => {
                let start = i + 1;
                i += 1;
                while i < s.len() && !b" \n\r\t/[]()<>".contains(&s[i]) {
                    i += 1;
                }
                let n = String::from_utf8_lossy(&s[start..i]).to_string();
                stack.last_mut().unwrap().push(Token::Name(n));
            }
            b'(' => {
                let mut bytes = Vec::new();
                let mut depth = 1;
                i += 1;
                while i < s.len() {
                    match s[i] {
                        b'\\' => {
                            i += 1;
                            match s[i] {
                                d @ b'0'..=b'7' => {
                                    let mut v = u32::from(d - b'0');
                                    for _ in 0..2 {
                                        if i + 1 < s.len() && (b'0'..=b'7').contains(&s[i + 1]) {
                                            i += 1;
                                            v = v * 8 + u32::from(s[i] - b'0');
                                        }
                                    }
                                    bytes.push(v as u8);
                                }
                                b'n' => bytes.push(b'\n'),
                                b'r' => bytes.push(b'\r'),
                                b't' => bytes.push(b'\t'),
                                b'b' => bytes.push(8),
                                b'f' => bytes.push(12),
                                other => bytes.push(other),
                            }
                        }
                        b'(' => {
                            depth += 1;
                            bytes.push(b'(');
                        }
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                            bytes.push(b')');
                        }
                        b => bytes.push(b),
                    }
                    i += 1;
                }
                i += 1;
                stack.last_mut().unwrap().push(Token::Str(bytes));
            }
            b'<' if s.get(i + 1) != Some(&b'<') => {
                let end = i + s[i..].iter().position(|b| *b == b'>').unwrap();
                let hex: Vec<u8> = s[i + 1..end]
                    .iter()
                    .copied()
                    .filter(u8::is_ascii_hexdigit)
                    .collect();
                let bytes = hex
                    .chunks(2)
                    .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
                    .collect();
                stack.last_mut().unwrap().push(Token::Str(bytes));
                i = end + 1;
            }
            _ => {
                let start = i;
                while i < s.len() && !b" \n\r\t/[]()<>".contains(&s[i]) {
                    i += 1;
                }
                if i == start {
                    i += 1;
                    continue;
                }
                let w = String::from_utf8_lossy(&s[start..i]).to_string();
                let t = match w.parse::<f32>() {
                    Ok(n) => Token::Num(n),
                    Err(_) => Token::Op(w),
                };
                stack.last_mut().unwrap().push(t);
            }
        }
    }
    stack.swap_remove(0)
}

/// What a page draws: every glyph (face, text, origin in points, size in points), and every
/// filled rectangle (device rectangle, gray level).
#[derive(Default)]
struct Drawn {
    glyphs: Vec<(String, String, f32, f32, f32)>,
    rects: Vec<([f32; 4], f32)>,
}

fn drawn(pdf: &[u8]) -> Drawn {
    let objs = objects(pdf);
    let page = objs
        .values()
        .find(|(d, _)| d.contains("/Type /Page\n") || d.contains("/Type /Page "))
        .unwrap();
    let content = &objs[&ref_after(&page.0, "/Contents").unwrap()].1;
    let fonts: HashMap<String, Font> = resources(&page.0, "/Font")
        .into_iter()
        .map(|(n, id)| (n, font(&objs, id)))
        .collect();
    let mut out = Drawn::default();
    let mut ctm = Transform::identity();
    let mut stack = Vec::new();
    let mut tm = Transform::identity();
    let mut font_name = String::new();
    let mut size = 0.0f32;
    let mut gray = 0.0f32;
    let mut operands: Vec<Token> = Vec::new();
    let mut path: Vec<[f32; 4]> = Vec::new();
    let num = |t: &Token| match t {
        Token::Num(n) => *n,
        _ => panic!("{t:?}"),
    };
    for token in tokenize(content) {
        let Token::Op(op) = &token else {
            operands.push(token);
            continue;
        };
        let n: Vec<f32> = operands
            .iter()
            .filter_map(|t| match t {
                Token::Num(n) => Some(*n),
                _ => None,
            })
            .collect();
        let matrix = |n: &[f32]| Transform::from_row(n[0], n[1], n[2], n[3], n[4], n[5]);
        let show = |bytes: &[u8], tm: &mut Transform, out: &mut Drawn| {
            let font = &fonts[&font_name];
            for pair in bytes.chunks(2) {
                let cid = u16::from_be_bytes([pair[0], pair[1]]);
                let m = ctm.pre_concat(*tm);
                let (x, y) = (m.tx, m.ty);
                let scale = (m.sx * m.sy - m.kx * m.ky).abs().sqrt() * size;
                out.glyphs.push((
                    font.name.clone(),
                    font.unicode.get(&cid).cloned().unwrap_or("\u{fffd}".into()),
                    x,
                    y,
                    scale,
                ));
                let w = font.widths.get(&cid).copied().unwrap_or(0.0);
                *tm = tm.pre_translate(w / 1000.0 * size, 0.0);
            }
        };
        match op.as_str() {
            "q" => stack.push((ctm, gray)),
            "Q" => (ctm, gray) = stack.pop().unwrap(),
            "cm" => ctm = ctm.pre_concat(matrix(&n)),
            "BT" => tm = Transform::identity(),
            "Tm" => tm = matrix(&n),
            "Tf" => {
                if let Token::Name(f) = &operands[0] {
                    font_name = f.clone();
                }
                size = n[0];
            }
            "Tj" => {
                if let Token::Str(b) = &operands[0] {
                    show(b, &mut tm, &mut out);
                }
            }
            "TJ" => {
                if let Token::Array(items) = &operands[0] {
                    for item in items {
                        match item {
                            Token::Str(b) => show(b, &mut tm, &mut out),
                            t => tm = tm.pre_translate(-num(t) / 1000.0 * size, 0.0),
                        }
                    }
                }
            }
            "g" => gray = n[0],
            "rg" => gray = (n[0] + n[1] + n[2]) / 3.0,
            "re" => path.push([n[0], n[1], n[2], n[3]]),
            "f" | "f*" => {
                for [x, y, w, h] in path.drain(..) {
                    let (mut a, mut b) = ((x, y), (x + w, y + h));
                    for p in [&mut a, &mut b] {
                        let (px, py) = *p;
                        *p = (
                            ctm.sx * px + ctm.kx * py + ctm.tx,
                            ctm.ky * px + ctm.sy * py + ctm.ty,
                        );
                    }
                    out.rects.push((
                        [a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1)],
                        gray,
                    ));
                }
            }
            "n" | "S" | "B" => path.clear(),
            _ => {}
        }
        operands.clear();
    }
    out
}

fn close(x: &(String, String, i64, i64, i64), y: &(String, String, i64, i64, i64)) -> bool {
    x.0 == y.0
        && x.1 == y.1
        && (x.2 - y.2).abs() <= 1
        && (x.3 - y.3).abs() <= 1
        && (x.4 - y.4).abs() <= 1
}

/// The glyphs in a canonical order, rounded to a hundredth of a point.
fn glyph_list(d: &Drawn) -> Vec<(String, String, i64, i64, i64)> {
    let mut v: Vec<_> = d
        .glyphs
        .iter()
        .map(|(f, t, x, y, s)| {
            (
                f.clone(),
                t.clone(),
                (x * 100.0).round() as i64,
                (y * 100.0).round() as i64,
                (s * 100.0).round() as i64,
            )
        })
        .collect();
    v.sort();
    v
}

fn same_glyphs(a: &Drawn, b: &Drawn) {
    let (a, b) = (glyph_list(a), glyph_list(b));
    let only_a: Vec<_> = a
        .iter()
        .filter(|g| !b.iter().any(|h| close(g, h)))
        .collect();
    let only_b: Vec<_> = b
        .iter()
        .filter(|g| !a.iter().any(|h| close(g, h)))
        .collect();
    assert!(
        only_a.is_empty() && only_b.is_empty(),
        "only in the one-shot PDF: {only_a:?}\nonly in the printer's: {only_b:?}"
    );
    assert_eq!(a.len(), b.len(), "glyph count");
    for (x, y) in a.iter().zip(&b) {
        assert!(
            x.0 == y.0
                && x.1 == y.1
                && (x.2 - y.2).abs() <= 1
                && (x.3 - y.3).abs() <= 1
                && (x.4 - y.4).abs() <= 1,
            "{x:?} ≠ {y:?}"
        );
    }
}

fn text_of(d: &Drawn) -> String {
    let mut g = d.glyphs.clone();
    g.sort_by(|a, b| (-a.3).total_cmp(&-b.3).then(a.2.total_cmp(&b.2)));
    g.iter().map(|x| x.1.as_str()).collect()
}

/// The default template prepared for `paper`, once per test run.
fn printer(paper: PaperSize) -> &'static Printer {
    static PRINTERS: std::sync::OnceLock<[Printer; 2]> = std::sync::OnceLock::new();
    let printers = PRINTERS.get_or_init(|| {
        [PaperSize::A4, PaperSize::Letter].map(|paper| {
            let p = Printer::new(&Template::default_es(), paper).unwrap();
            assert_eq!(p.one_shot_reason(), None);
            p
        })
    });
    &printers[usize::from(paper == PaperSize::Letter)]
}

#[test]
fn printer_pdf_draws_the_same_glyphs_as_the_one_shot_path() {
    let mut long = fields();
    long.holder = "María Guadalupe Hernández López de la Santísima Trinidad".into();
    long.title =
        "Prestación de servicios de atención al ciudadano en ventanilla única y orientación \
               sobre trámites municipales en el sector público"
            .into();
    long.issuer = "CECATI 149 — Centro de Capacitación para el Trabajo Industrial núm. 149".into();
    let mut empty = fields();
    (
        empty.level,
        empty.place,
        empty.holder_id,
        empty.expires_on,
        empty.verify,
    ) = Default::default();
    let mut odd = fields();
    odd.holder = "  Íñigo   Ñúñez Güemes ¿¡ÁÉÓ!? «Ruiz & Hijos» <b> ﬁ office ".into();
    odd.serial = "A&B".into();
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let p = printer(paper);
        for f in [fields(), long.clone(), empty.clone(), odd.clone()] {
            let new = p.pdf(&f, QR_TEXT).unwrap();
            let old = render_pdf(&Template::default_es(), &f, QR_TEXT, paper).unwrap();
            same_glyphs(&drawn(&old), &drawn(&new));
        }
    }
}

#[test]
fn printer_pdf_text_reads_back() {
    let mut f = fields();
    f.holder = "Íñigo Ñúñez Güemes ¿¡ÁÉÓ!?".into();
    let pdf = printer(PaperSize::Letter).pdf(&f, QR_TEXT).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = text_of(&drawn(&pdf));
    for s in [
        "Íñigo Ñúñez Güemes ¿¡ÁÉÓ!?",
        "CERTIFICADO DE COMPETENCIA LABORAL",
        "Folio 7KQ2-M9XW-3HPA",
        "«Atención al ciudadano en el sector público»",
    ] {
        assert!(text.contains(s), "{s} in {text}");
    }
    assert!(!text.contains('\u{fffd}'), "{text}");
    // Every font is embedded.
    let objs = objects(&pdf);
    let descriptors: Vec<_> = objs
        .values()
        .filter(|(d, _)| d.contains("/Type /FontDescriptor"))
        .collect();
    assert!(!descriptors.is_empty());
    assert!(
        descriptors
            .iter()
            .all(|(d, _)| d.contains("/FontFile3") || d.contains("/FontFile2"))
    );
}

/// Rasterises the QR drawing (the filled rectangles) at 150 dpi and reads it.
fn decode_rects(d: &Drawn, (w, h): (f32, f32)) -> Vec<String> {
    let scale = 150.0 / 72.0;
    let (width, height) = ((w * scale) as u32, (h * scale) as u32);
    let mut image = image::GrayImage::from_pixel(width, height, image::Luma([255]));
    for ([x0, y0, x1, y1], gray) in &d.rects {
        let value = (gray * 255.0).round() as u8;
        let (px0, px1) = ((x0 * scale).round() as u32, (x1 * scale).round() as u32);
        // PDF y goes up; images go down.
        let (py0, py1) = (
            ((h - y1) * scale).round() as u32,
            ((h - y0) * scale).round() as u32,
        );
        for y in py0..py1.min(height) {
            for x in px0..px1.min(width) {
                image.put_pixel(x, y, image::Luma([value]));
            }
        }
    }
    sello_verifier::scan_gray(&image)
}

#[test]
fn printer_pdf_qr_code_decodes() {
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let pdf = printer(paper).pdf(&fields(), QR_TEXT).unwrap();
        let (w, h) = paper.size_mm();
        let size = (h as f32 / 25.4 * 72.0, w as f32 / 25.4 * 72.0); // landscape
        assert_eq!(
            decode_rects(&drawn(&pdf), size),
            vec![QR_TEXT.to_string()],
            "{paper:?}"
        );
    }
}

#[test]
fn printer_svg_is_the_one_shot_svg() {
    let p = printer(PaperSize::A4);
    let mut f = fields();
    for holder in [
        "Ana",
        "  Ana   María  ",
        "María Guadalupe Hernández López de la Santísima Trinidad",
        &"Nombre ".repeat(28),
        "",
        "<script>&amp;",
    ] {
        f.holder = holder.into();
        assert_eq!(
            p.svg(&f, QR_TEXT).unwrap(),
            render_svg(&Template::default_es(), &f, QR_TEXT, PaperSize::A4).unwrap()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Random names and titles (accents, spaces at the ends and doubled, punctuation): the
    /// printer's SVG is the one-shot SVG, and its PDF draws the same glyphs at the same places.
    #[test]
    fn printer_matches_the_one_shot_path(
        holder in "[ a-zA-ZáéíóúÁÉÍÓÚñÑüÜ'.,-]{0,90}",
        title in "[ a-zñáé()«»]{1,200}",
        place in "[ A-Za-zé]{0,20}",
    ) {
        let p = printer(PaperSize::Letter);
        let mut f = fields();
        (f.holder, f.title, f.place) = (holder, title, place);
        let template = Template::default_es();
        prop_assert_eq!(
            p.svg(&f, QR_TEXT).unwrap(),
            render_svg(&template, &f, QR_TEXT, PaperSize::Letter).unwrap()
        );
        let new = p.pdf(&f, QR_TEXT).unwrap();
        let old = render_pdf(&template, &f, QR_TEXT, PaperSize::Letter).unwrap();
        same_glyphs(&drawn(&old), &drawn(&new));
    }
}

#[test]
fn a_glyph_outside_the_prepared_subset_gets_a_larger_subset() {
    let p = printer(PaperSize::A4);
    let mut f = fields();
    f.holder = "Łukasz Żółć Dvořák".into(); // Latin Extended-A: not in the prepared subset
    let pdf = p.pdf(&f, QR_TEXT).unwrap();
    let d = drawn(&pdf);
    assert!(
        text_of(&d).contains("Łukasz Żółć Dvořák"),
        "{}",
        text_of(&d)
    );
    let old = render_pdf(&Template::default_es(), &f, QR_TEXT, PaperSize::A4).unwrap();
    same_glyphs(&drawn(&old), &d);
}

#[test]
fn text_the_printer_cannot_lay_out_is_printed_the_one_shot_way() {
    let p = printer(PaperSize::A4);
    let mut f = fields();
    f.holder = "مريم الحسيني".into(); // right to left
    let pdf = p.pdf(&f, QR_TEXT).unwrap();
    assert!(one_shot(&pdf));
    let old = render_pdf(&Template::default_es(), &f, QR_TEXT, PaperSize::A4).unwrap();
    same_glyphs(&drawn(&old), &drawn(&pdf));
    // The same printer still prints the next certificate itself.
    assert!(!one_shot(&p.pdf(&fields(), QR_TEXT).unwrap()));
    // An empty value between text nodes ("Folio <tspan>{{serial}}</tspan>") falls under
    // usvg's white-space rules across nodes: printed the one-shot way, the same glyphs.
    let mut f = fields();
    f.serial = String::new();
    let pdf = p.pdf(&f, QR_TEXT).unwrap();
    assert!(one_shot(&pdf));
    let old = render_pdf(&Template::default_es(), &f, QR_TEXT, PaperSize::A4).unwrap();
    same_glyphs(&drawn(&old), &drawn(&pdf));
}

#[test]
fn the_same_certificate_gives_the_same_bytes() {
    let a = Printer::new(&Template::default_es(), PaperSize::A4).unwrap();
    let b = Printer::new(&Template::default_es(), PaperSize::A4).unwrap();
    assert_eq!(
        a.pdf(&fields(), QR_TEXT).unwrap(),
        b.pdf(&fields(), QR_TEXT).unwrap()
    );
}

/// Whether a PDF came from the one-shot path (svg2pdf's document) or the printer's.
fn one_shot(pdf: &[u8]) -> bool {
    let objs = objects(pdf);
    let producer = |p: &str| {
        objs.values()
            .any(|(d, _)| d.contains(&format!("/Producer ({p})")))
    };
    assert!(producer("svg2pdf") != producer("Sello"));
    producer("svg2pdf")
}

#[test]
fn templates_the_printer_does_not_prepare_still_print() {
    let qr = r#"<rect id="sello-qr" x="200" y="100" width="60" height="60"/>"#;
    let cases = [
        (
            r#"<g opacity="0.5"><text x="10" y="20">{{holder}}</text></g>"#,
            "effects",
        ),
        (
            r#"<g data-sello-if="level"><text x="10" y="20">{{level}}</text></g>"#,
            "group",
        ),
        (
            r#"<text x="10" y="20" fill="url(#g)">{{holder}}</text><defs><linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient></defs>"#,
            "gradient",
        ),
        (
            r#"<text x="10 20 30" y="20">{{holder}}</text>"#,
            "positioned",
        ),
        (
            r#"<rect x="1" y="1" width="5" height="5" fill="{{attr.c}}"/>"#,
            "outside",
        ),
    ];
    for (body, why) in cases {
        let source = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 200">{qr}{body}</svg>"#
        );
        let template = Template::parse(&source).unwrap();
        let p = Printer::new(&template, PaperSize::A4).unwrap();
        let reason = p
            .one_shot_reason()
            .unwrap_or_else(|| panic!("{body} was prepared"));
        assert!(reason.contains(why), "{body}: {reason}");
        let pdf = p.pdf(&fields(), QR_TEXT).unwrap();
        assert!(one_shot(&pdf), "{body}");
        let old = render_pdf(&template, &fields(), QR_TEXT, PaperSize::A4).unwrap();
        same_glyphs(&drawn(&old), &drawn(&pdf));
    }
    // A template with a QR slot too small fails when it is prepared.
    let small = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 280 200"><rect id="sello-qr" x="200" y="100" width="30" height="30"/></svg>"#;
    assert!(matches!(
        Printer::new(&Template::parse(small).unwrap(), PaperSize::A4),
        Err(PrintError::QrTooSmall { .. })
    ));
}

#[test]
fn a_template_with_shapes_between_texts_keeps_its_drawing_order() {
    // A white box drawn over the changing text hides it in both paths, and the text drawn
    // over a black box shows: the layers and the text interleave as the template says.
    let source = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 200">
        <rect x="0" y="0" width="300" height="200" fill="#000"/>
        <text id="a" x="10" y="30" font-size="10" fill="#fff">{{holder}}</text>
        <rect x="0" y="40" width="300" height="40" fill="#fff"/>
        <text id="b" x="10" y="60" font-size="10">Fijo {{serial}}</text>
        <rect id="sello-qr" x="200" y="100" width="60" height="60"/>
        <text x="10" y="190" font-size="5" opacity="0.5">Texto fijo con opacidad</text>
    </svg>"##;
    let template = Template::parse(source).unwrap();
    let p = Printer::new(&template, PaperSize::A4).unwrap();
    assert_eq!(p.one_shot_reason(), None);
    let f = fields();
    let new = p.pdf(&f, QR_TEXT).unwrap();
    let old = render_pdf(&template, &f, QR_TEXT, PaperSize::A4).unwrap();
    same_glyphs(&drawn(&old), &drawn(&new));
    let objs = objects(&new);
    let page = objs
        .values()
        .find(|(d, _)| d.contains("/Type /Page\n"))
        .unwrap();
    let content =
        String::from_utf8_lossy(&objs[&ref_after(&page.0, "/Contents").unwrap()].1).to_string();
    let order: Vec<usize> = ["/X0 Do", "BT", "/X1 Do", "BT", "re"]
        .iter()
        .scan(0, |from, op| {
            let at = *from + content[*from..].find(op)?;
            *from = at + 1;
            Some(at)
        })
        .collect();
    assert_eq!(order.len(), 5, "{content}");
}

#[test]
fn a_batch_of_printer_pdfs_stays_small() {
    let p = printer(PaperSize::Letter);
    let pdf = p.pdf(&fields(), QR_TEXT).unwrap();
    assert!(pdf.len() < 90_000, "{} bytes", pdf.len());
}
