//! SVG inputs: Sello's own drawings are read, hostile ones are refused or read nothing from
//! outside the file.

use super::*;
use base64::Engine as _;
use sello_print::{Correction, MIN_MODULE_MM, QUIET_ZONE, QrMatrix};

const URL: &str = "https://verifica.example.mx/v#eyJhbGciOiJFZERTQSJ9.eyJ4IjoxfQ.c2lnbmF0dXJl";

/// What `sello issue --qr x.svg` writes: one module per user unit, 40 mm wide.
fn qr_svg(text: &str) -> String {
    QrMatrix::encode(text, Correction::Medium)
        .unwrap()
        .to_svg(40.0)
}

/// The QR code's `<path>` (one module per user unit) from [`qr_svg`], quiet zone excluded.
fn qr_path(text: &str) -> (String, usize) {
    let svg = qr_svg(text);
    let d = svg.split("d=\"").nth(1).unwrap().split('"').next().unwrap();
    let qr = QrMatrix::encode(text, Correction::Medium).unwrap();
    (d.to_owned(), qr.width())
}

/// A printable certificate laid out as sello-print lays it out: a Letter page in millimetres,
/// the template nested in it, text, and the code `qr_mm` wide (quiet zone included) drawn with
/// a translate-and-scale transform.
fn certificate(text: &str, qr_mm: f64) -> String {
    let (d, n) = qr_path(text);
    let module = qr_mm / (n + 8) as f64;
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment before the root -->
<svg xmlns="http://www.w3.org/2000/svg" width="279.4mm" height="215.9mm" viewBox="0 0 279.4 215.9">
<svg x="0" y="0" width="279.4" height="215.9" viewBox="0 0 283.5 210" font-family="Libertinus Serif">
<rect x="7" y="7" width="269.5" height="196" fill="none" stroke="#691c32" stroke-width="1.3"/>
<text x="141.75" y="60" text-anchor="middle" font-size="12">María Guadalupe Hernández López</text>
<g id="sello-qr"><rect x="215" y="130" width="{qr_mm}" height="{qr_mm}" fill="#fff"/>
<path fill="#000" shape-rendering="crispEdges" transform="translate({x} {y}) scale({module})" d="{d}"/></g>
</svg></svg>"##,
        x = 215.0 + 4.0 * module,
        y = 130.0 + 4.0 * module,
    )
}

#[test]
fn reads_the_qr_svg_that_sello_issue_writes() {
    let svg = qr_svg(URL);
    assert!(is_svg(svg.as_bytes()));
    assert_eq!(scan(svg.as_bytes()).unwrap(), vec![URL.to_owned()]);
    // Drawn at least MIN_RENDER_SIDE wide (40 mm at 300 dpi would be 472 pixels).
    let image = render(svg.as_bytes()).unwrap();
    assert_eq!(image.dimensions(), (MIN_RENDER_SIDE, MIN_RENDER_SIDE));
}

#[test]
fn reads_a_printable_certificate_at_the_smallest_printed_size() {
    // A token near the QR cap: a version-25-ish code with modules of `MIN_MODULE_MM` (0.40 mm),
    // the smallest sello-print lets a template print. At 6 MP a Letter page is drawn at
    // ~256 dpi: ~4 pixels a module.
    let long = format!("{URL}{}", "A".repeat(1100));
    let long_mm = f64::from(MIN_MODULE_MM) * (qr_path(&long).1 + 2 * QUIET_ZONE) as f64;
    for (text, mm) in [(URL.to_owned(), 44.0), (long, long_mm)] {
        let svg = certificate(&text, mm);
        assert!(is_svg(svg.as_bytes()));
        assert_eq!(scan(svg.as_bytes()).unwrap(), vec![text.clone()], "{mm} mm");
        let image = render(svg.as_bytes()).unwrap();
        let pixels = u64::from(image.width()) * u64::from(image.height());
        assert!(pixels <= MAX_SVG_PIXELS && pixels > MAX_SVG_PIXELS * 9 / 10);
    }
}

#[test]
fn recognises_svg_by_content() {
    for yes in [
        &b"<svg xmlns='http://www.w3.org/2000/svg'/>"[..],
        b"\xef\xbb\xbf  \n<svg>",
        b"<?xml version=\"1.0\"?>\n<!-- c -- d -->\n<?pi x?><svg\n>",
        b"<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x.dtd\"><svg/>",
        b"<!doctype SVG [<!ENTITY a 'b'>]><svg/>",
    ] {
        assert!(is_svg(yes), "{}", String::from_utf8_lossy(yes));
    }
    for no in [
        &b""[..],
        b"eyJhbGciOiJFZERTQSJ9.e30.AAAA",
        b"<svgx/>",
        b"<html><svg/></html>",
        b"<?xml version=\"1.0\"?><html/>",
        b"<!-- unterminated <svg/>",
        b"<?xml unterminated <svg/>",
        b"<!DOCTYPE html><svg/>",
        b"\x89PNG\r\n\x1a\n",
    ] {
        assert!(!is_svg(no), "{}", String::from_utf8_lossy(no));
    }
}

#[test]
fn a_document_that_is_not_svg_or_not_xml_is_named() {
    assert_eq!(
        render(b"<html xmlns='http://www.w3.org/1999/xhtml'/>").unwrap_err(),
        SvgError::NotSvg
    );
    // Without the SVG namespace, no viewer draws it either.
    assert_eq!(
        render(b"<svg width='10' height='10'/>").unwrap_err(),
        SvgError::NotSvg
    );
    assert!(matches!(
        render(b"<svg xmlns='http://www.w3.org/2000/svg'>"),
        Err(SvgError::Xml(_))
    ));
    assert!(matches!(render(b"<svg \xff\xfe/>"), Err(SvgError::Xml(_))));
    assert!(matches!(render(b"plain text"), Err(SvgError::Xml(_))));
}

#[test]
fn an_empty_or_zero_size_svg_is_an_error_not_a_panic() {
    for svg in [
        "<svg xmlns='http://www.w3.org/2000/svg' width='0' height='0'/>",
        "<svg xmlns='http://www.w3.org/2000/svg' width='-5' height='10'/>",
    ] {
        assert!(
            matches!(render(svg.as_bytes()), Err(SvgError::Render(_))),
            "{svg}"
        );
    }
    // A blank page, and a broken viewBox (ignored, as viewers do): drawn, no code in them.
    for blank in [
        "<svg xmlns='http://www.w3.org/2000/svg' width='10mm' height='10mm'/>",
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 0 0'/>",
    ] {
        assert_eq!(scan(blank.as_bytes()).unwrap(), Vec::<String>::new());
    }
}

#[test]
fn huge_and_tiny_sizes_are_drawn_within_the_pixel_cap() {
    for size in [
        "width='1e30' height='1e30'",
        "viewBox='0 0 1e38 1e38'",
        "width='100000000' height='1'",
        "width='1' height='100000000'",
        "width='1e-30' height='1e-30'",
        "width='0.0001mm' height='3000mm'",
    ] {
        let svg = format!(
            "<svg xmlns='http://www.w3.org/2000/svg' {size}><rect width='100%' height='100%'/></svg>"
        );
        let image = render(svg.as_bytes()).unwrap();
        let (w, h) = image.dimensions();
        assert!(
            u64::from(w) * u64::from(h) <= MAX_SVG_PIXELS && w <= crate::scan::MAX_SIDE,
            "{size}: {w}×{h}"
        );
    }
}

#[test]
fn a_file_over_the_cap_is_refused_before_parsing() {
    let mut svg = String::from("<svg xmlns='http://www.w3.org/2000/svg'>");
    svg.push_str(&"<!-- padding -->".repeat(MAX_SVG_BYTES / 16));
    svg.push_str("</svg>");
    assert!(matches!(
        render(svg.as_bytes()),
        Err(SvgError::TooLarge {
            max: MAX_SVG_BYTES,
            ..
        })
    ));
}

#[test]
fn deep_nesting_and_many_nodes_are_refused() {
    let deep = format!(
        "<svg xmlns='http://www.w3.org/2000/svg'>{}{}</svg>",
        "<g>".repeat(MAX_SVG_DEPTH),
        "</g>".repeat(MAX_SVG_DEPTH)
    );
    assert!(matches!(
        render(deep.as_bytes()),
        Err(SvgError::TooComplex(_))
    ));
    let ok = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>{}{}</svg>",
        "<g>".repeat(MAX_SVG_DEPTH - 1),
        "</g>".repeat(MAX_SVG_DEPTH - 1)
    );
    assert!(render(ok.as_bytes()).is_ok());
    let many = format!(
        "<svg xmlns='http://www.w3.org/2000/svg'>{}</svg>",
        "<rect/>".repeat(MAX_SVG_NODES)
    );
    assert_eq!(
        render(many.as_bytes()).unwrap_err(),
        SvgError::TooComplex("too many XML nodes")
    );
}

#[test]
fn use_copies_are_counted_and_cannot_multiply() {
    // Each level repeats the one below ten times: 10^6 copies of a rectangle from 60 elements.
    let mut defs = String::from("<g id='l0'><rect width='1' height='1'/></g>");
    for level in 1..=6 {
        defs.push_str(&format!("<g id='l{level}'>"));
        for _ in 0..10 {
            defs.push_str(&format!("<use href='#l{}'/>", level - 1));
        }
        defs.push_str("</g>");
    }
    let bomb = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><defs>{defs}</defs><use href='#l6'/></svg>"
    );
    assert!(matches!(
        render(bomb.as_bytes()),
        Err(SvgError::TooComplex(_))
    ));
    // Flat copies: each counts what it repeats.
    let body = "<rect width='1' height='1'/>".repeat(999);
    let uses = "<use xlink:href='#big'/>".repeat(60);
    let flat = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='10' height='10'><defs><g id='big'>{body}</g></defs>{uses}</svg>"
    );
    assert_eq!(
        render(flat.as_bytes()).unwrap_err(),
        SvgError::TooComplex("too many nodes, counting <use> copies")
    );
    // A few copies of a QR code are fine (and read once).
    let (d, n) = qr_path(URL);
    let side = n + 8;
    let twice = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {w} {side}' width='80mm'><rect width='100%' height='100%' fill='#fff'/><defs><path id='q' d='{d}'/></defs><use href='#q' x='4' y='4'/><use href='#q' x='{x}' y='4'/></svg>",
        w = 2 * side,
        x = side + 4
    );
    assert_eq!(scan(twice.as_bytes()).unwrap(), vec![URL.to_owned()]);
}

#[test]
fn a_document_type_declaration_is_refused_so_no_entity_is_expanded() {
    let mut laughs = String::from("<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY l0 'lol'>");
    for i in 1..10 {
        laughs.push_str(&format!(
            "<!ENTITY l{i} '{}'>",
            format!("&l{};", i - 1).repeat(10)
        ));
    }
    laughs.push_str("]><svg xmlns='http://www.w3.org/2000/svg'><text>&l9;</text></svg>");
    assert!(is_svg(laughs.as_bytes()));
    assert_eq!(render(laughs.as_bytes()).unwrap_err(), SvgError::Doctype);
    let external = "<!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><svg xmlns='http://www.w3.org/2000/svg'><text>&x;</text></svg>";
    assert_eq!(render(external.as_bytes()).unwrap_err(), SvgError::Doctype);
}

#[test]
fn nothing_outside_the_file_is_read() {
    // A QR code in a file next to the SVG, referred to by absolute path and as a file: URL; and the same code inline as data: URLs. Had any been loaded, it would be read.
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("qr.svg");
    std::fs::write(&file, qr_svg(URL)).unwrap();
    let png = tmp.path().join("qr.png");
    let qr = QrMatrix::encode(URL, Correction::Medium).unwrap();
    std::fs::write(&png, qr.to_png(4).unwrap()).unwrap();
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let hrefs = [
        file.display().to_string(),
        format!("file://{}", file.display()),
        png.display().to_string(),
        "file:///etc/passwd".to_owned(),
        "https://example.invalid/qr.png".to_owned(),
        format!("data:image/svg+xml;base64,{}", b64(qr_svg(URL).as_bytes())),
        format!("data:image/png;base64,{}", b64(&qr.to_png(4).unwrap())),
        format!("data:text/plain;base64,{}", b64(qr_svg(URL).as_bytes())),
    ];
    for href in &hrefs {
        let svg = format!(
            "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='60mm' height='60mm'><image width='100%' height='100%' xlink:href='{href}'/><image width='100%' height='100%' href='{href}'/></svg>"
        );
        assert_eq!(scan(svg.as_bytes()), Ok(vec![]), "{href:.60}");
    }
    // No font is known, so text draws nothing (and no font file is opened).
    let text = "<svg xmlns='http://www.w3.org/2000/svg' width='50' height='20'><text x='0' y='15' font-size='20'>█████</text></svg>";
    let image = render(text.as_bytes()).unwrap();
    assert!(image.pixels().all(|p| p.0[0] == 255));
}

#[test]
fn filters_masks_and_patterns_are_refused() {
    for (body, what) in [
        (
            "<filter id='f'><feMorphology radius='1000'/></filter><rect width='10' height='10' filter='url(#f)'/>",
            "filters",
        ),
        (
            "<mask id='m'><rect width='5' height='5' fill='#fff'/></mask><rect width='10' height='10' mask='url(#m)'/>",
            "masks",
        ),
        (
            "<pattern id='p' width='1e6' height='1e6' patternUnits='userSpaceOnUse'><rect width='1' height='1'/></pattern><rect width='10' height='10' fill='url(#p)'/>",
            "patterns",
        ),
    ] {
        let svg =
            format!("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>{body}</svg>");
        assert_eq!(
            render(svg.as_bytes()).unwrap_err(),
            SvgError::Unsupported(what)
        );
    }
}

#[test]
fn off_screen_layers_are_counted() {
    // One group with opacity around a shape far larger than the page: resvg would allocate a
    // layer of 25 times the raster (600 MB at 6 MP).
    let huge = "<svg xmlns='http://www.w3.org/2000/svg' width='200mm' height='200mm'><g opacity='0.5'><rect x='-1e7' y='-1e7' width='2e7' height='2e7'/></g></svg>";
    assert_eq!(
        render(huge.as_bytes()).unwrap_err(),
        SvgError::TooComplex("too many nested layers")
    );
    // Page-sized layers nested: each one held while the next is drawn.
    let nested = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' width='200mm' height='200mm'>{}<rect width='100%' height='100%'/>{}</svg>",
        "<g opacity='0.9'>".repeat(8),
        "</g>".repeat(8)
    );
    assert!(matches!(
        render(nested.as_bytes()),
        Err(SvgError::TooComplex(_))
    ));
    // Many page-sized layers one after the other.
    let many = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' width='200mm' height='200mm'>{}</svg>",
        "<g clip-path='url(#c)'><rect width='100%' height='100%'/></g>".repeat(40)
            + "<clipPath id='c'><rect width='50' height='50'/></clipPath>"
    );
    assert_eq!(
        render(many.as_bytes()).unwrap_err(),
        SvgError::TooComplex("too many layers")
    );
    // A code inside a group with opacity and a clip path is drawn and read.
    let (d, n) = qr_path(URL);
    let side = n + 8;
    let clipped = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {side} {side}' width='50mm'><clipPath id='c'><rect width='{side}' height='{side}'/></clipPath><rect width='100%' height='100%' fill='#fff'/><g opacity='0.95' clip-path='url(#c)'><path transform='translate(4 4)' d='{d}'/></g></svg>"
    );
    assert_eq!(scan(clipped.as_bytes()).unwrap(), vec![URL.to_owned()]);
}
