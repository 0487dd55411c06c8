//! Tests of the whole path: template → SVG → pixels / PDF.

use super::*;
use std::collections::HashMap;

const QR_TEXT: &str = "https://verifica.cecati149.example.mx/v#eyJhbGciOiJFZERTQSIsImtpZCI6Ims\
    iLCJ0eXAiOiJzZWxsbytqd3QifQ.eyJpc3MiOiJteC5jZWNhdGkxNDkiLCJqdGkiOiI3S1EyLU05WFctM0hQQSIsIml\
    hdCI6MTc2NDAwMDAwMCwiY2VydCI6eyJoIjp7Im4iOiJNYXLDrWEifX19.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0d\
    XJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl";

fn fields() -> CertificateFields {
    let mut attrs = std::collections::BTreeMap::new();
    attrs.insert("dep".to_string(), "Registro Civil".to_string());
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
        attrs,
    }
}

/// A minimal template with one placeholder per field and a QR slot 40 mm wide.
fn small_template(extra: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 280 200">
  <text id="holder" x="10" y="20" font-size="8">{{{{holder}}}}</text>
  <text id="dep" x="10" y="30" aria-label="{{{{holder}}}}">{{{{attr.dep}}}}</text>
  <rect id="sello-qr" x="200" y="100" width="40" height="40"/>{extra}
</svg>"#
    )
}

fn text_of(svg: &str, id: &str) -> String {
    let doc = usvg::roxmltree::Document::parse(svg).unwrap();
    let node = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(id))
        .unwrap();
    node.descendants()
        .filter(|n| n.is_text())
        .map(|n| n.text().unwrap())
        .collect()
}

#[test]
fn placeholders_are_filled_and_escaped() {
    let template = Template::parse(&small_template("")).unwrap();
    let mut f = fields();
    f.holder = "<script>alert('x')</script> & \"Hijos\"".into();
    f.attrs.insert("dep".into(), "]]> <!-- &amp;".into());
    let svg = render_svg(&template, &f, QR_TEXT, PaperSize::A4).unwrap();
    assert!(!svg.contains("<script"), "markup was injected");
    assert!(
        svg.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;Hijos&quot;")
    );
    // The document is still well-formed and reads back exactly what was given.
    assert_eq!(text_of(&svg, "holder"), f.holder);
    assert_eq!(text_of(&svg, "dep"), f.attrs["dep"]);
    let doc = usvg::roxmltree::Document::parse(&svg).unwrap();
    let dep = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("dep"))
        .unwrap();
    assert_eq!(dep.attribute("aria-label"), Some(f.holder.as_str()));
    // An attribute the certificate lacks prints empty; the PDF renders too.
    f.attrs.clear();
    let svg = render_svg(&template, &f, QR_TEXT, PaperSize::A4).unwrap();
    assert_eq!(text_of(&svg, "dep"), "");
    assert!(render_pdf(&template, &f, QR_TEXT, PaperSize::A4).is_ok());
}

#[test]
fn default_template_fills_every_field() {
    let svg = render_svg(&Template::default_es(), &fields(), QR_TEXT, PaperSize::A4).unwrap();
    assert!(!svg.contains("{{"), "a placeholder was left");
    for text in [
        "CERTIFICADO DE COMPETENCIA LABORAL",
        "Otorga el presente certificado a",
        "María Guadalupe Hernández López",
        "CURP: HELG850312MDFRPD09",
        "«Atención al ciudadano en el sector público»",
        "Ciudad de México, a 24 de noviembre de 2026",
        "Vigente hasta el 24 de noviembre de 2031",
        "7KQ2-M9XW-3HPA",
        "Nivel de competencia: 3",
    ] {
        assert!(svg.contains(text), "missing {text}");
    }
    // Optional parts disappear with their field.
    let mut f = fields();
    (f.level, f.place, f.holder_id, f.expires_on) = Default::default();
    let svg = render_svg(&Template::default_es(), &f, QR_TEXT, PaperSize::A4).unwrap();
    assert!(
        !svg.contains("Nivel de competencia") && !svg.contains("CURP") && !svg.contains("Vigente")
    );
    assert!(svg.contains("Expedido el 24 de noviembre de 2026"));
}

#[test]
fn refused_templates() {
    let qr = r#"<rect id="sello-qr" x="0" y="0" width="40" height="40"/>"#;
    let svg = |body: &str| {
        format!(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 280 200">{body}</svg>"#)
    };
    type Expected = fn(&TemplateError) -> bool;
    let cases: Vec<(String, Expected)> = vec![
        (svg("<text>{{holder}}</text>"), |e| {
            *e == TemplateError::MissingQrSlot
        }),
        (svg(&format!("{qr}{qr}")), |e| {
            matches!(e, TemplateError::BadQrSlot(_))
        }),
        (svg(r#"<circle id="sello-qr" r="3"/>"#), |e| {
            matches!(e, TemplateError::BadQrSlot(_))
        }),
        (
            svg(r#"<rect id="sello-qr" x="1mm" y="0" width="40" height="40"/>"#),
            |e| matches!(e, TemplateError::BadQrSlot(_)),
        ),
        (svg(&format!("<defs>{qr}</defs>")), |e| {
            matches!(e, TemplateError::BadQrSlot(_))
        }),
        (svg(&format!(r#"<g data-sello-if="level">{qr}</g>"#)), |e| {
            matches!(e, TemplateError::BadQrSlot(_))
        }),
        (svg(&format!("{qr}<image href=\"logo.png\"/>")), |e| {
            matches!(e, TemplateError::ForbiddenElement(_))
        }),
        (svg(&format!("{qr}<script>alert(1)</script>")), |e| {
            matches!(e, TemplateError::ForbiddenElement(_))
        }),
        (svg(&format!("{qr}<foreignObject/>")), |e| {
            matches!(e, TemplateError::ForbiddenElement(_))
        }),
        (svg(&format!(r#"{qr}<rect onload="x()"/>"#)), |e| {
            matches!(e, TemplateError::ForbiddenAttribute(_))
        }),
        (
            svg(&format!(r#"{qr}<use href="file:///etc/passwd#x"/>"#)),
            |e| matches!(e, TemplateError::ExternalReference(_)),
        ),
        (
            svg(&format!(
                r#"{qr}<rect fill="url(https://x.example/p.svg#g)"/>"#
            )),
            |e| matches!(e, TemplateError::ExternalReference(_)),
        ),
        (
            svg(&format!(
                "{qr}<style>@import 'https://x.example/a.css';</style>"
            )),
            |e| matches!(e, TemplateError::ExternalReference(_)),
        ),
        (
            svg(&format!(
                "{qr}<style>text {{ font-family: {{{{holder}}}} }}</style>"
            )),
            |e| matches!(e, TemplateError::PlaceholderNotAllowed(_)),
        ),
        (
            svg(&format!(
                r#"{qr}<text style="fill:{{{{holder}}}}">a</text>"#
            )),
            |e| matches!(e, TemplateError::PlaceholderNotAllowed(_)),
        ),
        (svg(&format!("{qr}<text>{{{{nombre}}}}</text>")), |e| {
            *e == TemplateError::UnknownPlaceholder("nombre".into())
        }),
        (
            svg(&format!(r#"{qr}<text data-sello-width="-3">a</text>"#)),
            |e| matches!(e, TemplateError::BadLayoutAttribute { .. }),
        ),
        (
            svg(&format!(
                r#"{qr}<text data-sello-width="30"><tspan>a</tspan></text>"#
            )),
            |e| matches!(e, TemplateError::BadLayoutAttribute { .. }),
        ),
        (
            format!("<!DOCTYPE svg [<!ENTITY a \"aaaa\">]>{}", svg(qr)),
            |e| matches!(e, TemplateError::Xml(_)),
        ),
        ("<svg viewBox=\"0 0 1 1\"/>".to_string(), |e| {
            *e == TemplateError::NotSvg
        }),
        (svg(qr).replace("viewBox=\"0 0 280 200\"", ""), |e| {
            *e == TemplateError::BadViewBox
        }),
        ("<svg".to_string(), |e| matches!(e, TemplateError::Xml(_))),
        (
            svg(&format!("{}{qr}{}", "<g>".repeat(100), "</g>".repeat(100))),
            |e| matches!(e, TemplateError::TooComplex(_)),
        ),
        (
            svg(&format!("{qr}{}", " ".repeat(MAX_TEMPLATE_BYTES))),
            |e| matches!(e, TemplateError::TooLarge { .. }),
        ),
    ];
    for (source, expected) in cases {
        let err = Template::parse(&source).expect_err(&source[..source.len().min(200)]);
        assert!(
            expected(&err),
            "{err:?} for {}",
            &source[..source.len().min(200)]
        );
    }
    // A nested <use> fan-out is refused.
    let nested = svg(&format!(
        r##"{qr}<g id="a"><rect width="1" height="1"/></g><g id="b"><use href="#a"/><use href="#a"/></g><use href="#b"/>"##
    ));
    assert_eq!(
        Template::parse(&nested).unwrap_err(),
        TemplateError::NestedUse("b".into())
    );
    // Too many copies through <use>.
    let copies = svg(&format!(
        r##"{qr}<g id="a">{}</g>{}"##,
        "<rect/>".repeat(1000),
        r##"<use href="#a"/>"##.repeat(100)
    ));
    assert!(matches!(
        Template::parse(&copies),
        Err(TemplateError::TooComplex(_))
    ));
}

#[test]
fn field_caps_are_enforced() {
    let mut f = fields();
    f.holder = "x".repeat(201);
    let err = render_svg(&Template::default_es(), &f, QR_TEXT, PaperSize::A4).unwrap_err();
    assert!(matches!(err, PrintError::Field { ref field, .. } if field == "holder"));
    f.holder = "Ana\u{0}".into();
    assert!(render_pdf(&Template::default_es(), &f, QR_TEXT, PaperSize::A4).is_err());
    let err = render_svg(
        &Template::default_es(),
        &fields(),
        &"a".repeat(3000),
        PaperSize::A4,
    );
    assert!(matches!(err, Err(PrintError::Qr(_))));
}

/// QR text of `len` bytes, shaped like a real one (`verify_url#token`).
fn qr_text_of(len: usize) -> String {
    let mut text = QR_TEXT.to_string();
    while text.len() < len {
        text.push('A');
    }
    text.truncate(len);
    text
}

#[test]
fn qr_modules_must_print_at_least_0_40_mm() {
    // A slot 38 units wide prints 39.9 mm wide on A4 (the page scales the template by 1.05): a
    // version-20 code (105 modules with the quiet zone) at 0.38 mm per module, refused with the
    // size measured; a shorter code, with fewer modules, accepted.
    let slot38 =
        small_template("").replace(r#"width="40" height="40""#, r#"width="38" height="38""#);
    let template = Template::parse(&slot38).unwrap();
    let v20 = qr_text_of(645);
    assert_eq!(
        QrMatrix::encode(&v20, Correction::Medium)
            .unwrap()
            .version(),
        20
    );
    let err = render_svg(&template, &fields(), &v20, PaperSize::A4).unwrap_err();
    let PrintError::QrTooSmall { module_mm, min } = err else {
        panic!("{err:?}")
    };
    assert!((module_mm - 39.9 / 105.0).abs() < 0.001, "{module_mm}");
    assert_eq!(min, MIN_MODULE_MM);
    let en = crate::i18n::CATALOG.format(
        sello_core::Lang::En,
        "print-qr-too-small",
        &[("mm", "0.38".into()), ("min", "0.40".into())],
    );
    assert!(
        en.contains("0.38 mm") && en.contains("0.40 mm per module"),
        "{en}"
    );
    // Errors are written in the process language: Spanish in tests.
    let es = PrintError::QrTooSmall { module_mm, min }.to_string();
    assert!(
        es.contains("0.38 mm") && es.contains("0.40 mm por módulo"),
        "{es}"
    );
    assert!(render_svg(&template, &fields(), &qr_text_of(200), PaperSize::A4).is_ok());
    // The printer refuses it the same way, per certificate.
    let printer = Printer::new(&template, PaperSize::A4).unwrap();
    assert!(matches!(
        printer.pdf(&fields(), &v20),
        Err(PrintError::QrTooSmall { .. })
    ));
    assert!(matches!(
        printer.svg(&fields(), &v20),
        Err(PrintError::QrTooSmall { .. })
    ));
    assert!(printer.pdf(&fields(), &qr_text_of(200)).is_ok());
    // A rotated slot is measured along its own sides.
    let rotated = small_template("").replace(
        r#"height="40"/>"#,
        r#"height="40" transform="rotate(45 220 120)"/>"#,
    );
    let t = Template::parse(&rotated).unwrap();
    let (_, tree) = prepare(&t, &fields(), &qr_text_of(200), PaperSize::A4).unwrap();
    let qr = QrMatrix::encode(&qr_text_of(200), Correction::Medium).unwrap();
    let expected = 42.0 / (qr.width() + 2 * QUIET_ZONE) as f32;
    assert!((qr_module_mm(&tree) - expected).abs() < 0.001);
}

#[test]
fn the_default_template_prints_modules_of_half_a_millimetre_at_version_20() {
    // Real certificates carry 583 to 645 bytes: versions 19 and 20 at level M.
    let v20 = qr_text_of(645);
    let qr = QrMatrix::encode(&v20, Correction::Medium).unwrap();
    assert_eq!((qr.version(), qr.width()), (20, 97));
    for paper in PaperSize::ALL {
        let (_, tree) = prepare(&Template::default_es(), &fields(), &v20, paper).unwrap();
        let mm = qr_module_mm(&tree);
        assert!(mm >= 0.5, "{paper:?}: {mm} mm per module");
        // The code with its quiet zone: 54 mm on A4, 53.2 mm on Letter.
        let side = mm * 105.0;
        assert!((53.0..55.0).contains(&side), "{paper:?}: {side} mm");
    }
}

#[test]
fn the_default_template_keeps_the_quiet_zone_clear_with_the_longest_fields() {
    // Every optional part shown, every fitted text at the longest the caps allow.
    let mut f = fields();
    f.attributes = "Departamento: Registro Civil · Turno: Matutino · ".repeat(4);
    for (holder, title) in [
        (f.holder.clone(), f.title.clone()),
        ("Nombre ".repeat(28), "Título ".repeat(42)),
        ("W".repeat(200), "W".repeat(300)),
    ] {
        f.holder = holder;
        f.title = title;
        f.issuer = "CECATI 149 — Centro de Capacitación para el Trabajo Industrial".into();
        f.verify = format!("o en https://{}.example.mx/v", "verifica".repeat(8));
        for paper in PaperSize::ALL {
            let (_, tree) = prepare(&Template::default_es(), &f, &qr_text_of(645), paper)
                .unwrap_or_else(|e| panic!("{paper:?}: {e}"));
            check::qr(&tree, 97).unwrap();
        }
    }
}

#[test]
fn something_drawn_in_the_quiet_zone_is_refused() {
    let render = |extra: &str| {
        let source = small_template("").replace(
            r#"<rect id="sello-qr" x="200" y="100" width="40" height="40"/>"#,
            &format!(r#"<rect id="sello-qr" x="200" y="100" width="50" height="50"/>{extra}"#),
        );
        render_svg(
            &Template::parse(&source).unwrap(),
            &fields(),
            QR_TEXT,
            PaperSize::A4,
        )
    };
    // Drawn over the code, at its edge (inside the quiet zone, outside the modules).
    let over = render(r#"<text x="201" y="102" font-size="3">{{serial}}</text>"#);
    let Err(PrintError::QrQuietZone(what)) = over else {
        panic!("{over:?}")
    };
    assert_eq!(what, "«7KQ2-M9XW-3HPA»");
    let en = crate::i18n::CATALOG.format(
        sello_core::Lang::En,
        "print-qr-quiet-zone",
        &[("what", what.as_str().into())],
    );
    assert!(
        en.contains("4 modules") && en.contains("«7KQ2-M9XW-3HPA»"),
        "{en}"
    );
    let es = PrintError::QrQuietZone(what).to_string();
    assert!(
        es.contains("margen libre de 4 módulos") && es.contains("7KQ2"),
        "{es}"
    );
    // A stroke reaching in counts; an element by its id.
    assert!(matches!(
        render(r##"<line id="raya" x1="190" y1="99" x2="230" y2="99" stroke="#000" stroke-width="3"/>"##),
        Err(PrintError::QrQuietZone(w)) if w == "#raya"
    ));
    // Touching the square, or drawn under the opaque code, is fine.
    assert!(render(r##"<rect x="250" y="100" width="5" height="5" fill="#000"/>"##).is_ok());
    let under = small_template("").replace(
        r#"<rect id="sello-qr""#,
        r##"<rect x="0" y="0" width="280" height="200" fill="#eee"/><rect id="sello-qr""##,
    );
    assert!(
        render_svg(
            &Template::parse(&under).unwrap(),
            &fields(),
            QR_TEXT,
            PaperSize::A4
        )
        .is_ok()
    );
    // Under a code that is not painted opaque, it shows through.
    let through = small_template("").replace(
        r#"<rect id="sello-qr" x="200" y="100" width="40" height="40"/>"#,
        r##"<rect x="210" y="110" width="5" height="5" fill="#000"/><g opacity="0.5"><rect id="sello-qr" x="200" y="100" width="40" height="40"/></g>"##,
    );
    assert!(matches!(
        render_svg(&Template::parse(&through).unwrap(), &fields(), QR_TEXT, PaperSize::A4),
        Err(PrintError::QrQuietZone(w)) if w == "<path>"
    ));
    // The printer checks the template once, when it is prepared.
    let source = small_template(r#"<text x="201" y="102" font-size="3">Folio</text>"#);
    assert!(matches!(
        Printer::new(&Template::parse(&source).unwrap(), PaperSize::A4),
        Err(PrintError::QrQuietZone(_))
    ));
}

#[test]
fn pdf_page_sizes() {
    let template = Template::default_es();
    let a4 = render_pdf(&template, &fields(), QR_TEXT, PaperSize::A4).unwrap();
    let letter = render_pdf(&template, &fields(), QR_TEXT, PaperSize::Letter).unwrap();
    assert_eq!(media_box(&a4), [0.0, 0.0, 841.89, 595.28]); // landscape A4 in points
    assert_eq!(media_box(&letter), [0.0, 0.0, 792.0, 612.0]);
    // A portrait template gives a portrait page.
    let portrait = small_template("").replace("0 0 280 200", "0 0 200 280");
    let pdf = render_pdf(
        &Template::parse(&portrait).unwrap(),
        &fields(),
        QR_TEXT,
        PaperSize::A4,
    );
    assert_eq!(media_box(&pdf.unwrap()), [0.0, 0.0, 595.28, 841.89]);
}

fn media_box(pdf: &[u8]) -> [f64; 4] {
    let text = String::from_utf8_lossy(pdf);
    let at = text.find("/MediaBox [").expect("a MediaBox");
    let rest = &text[at + 11..];
    let numbers: Vec<f64> = rest[..rest.find(']').unwrap()]
        .split_whitespace()
        .map(|n| (n.parse::<f64>().unwrap() * 100.0).round() / 100.0)
        .collect();
    numbers.try_into().unwrap()
}

#[test]
fn pdf_carries_the_text_with_its_accents() {
    let mut f = fields();
    f.holder = "Íñigo Ñúñez Güemes ¿¡ÁÉÓ!?".into();
    let (_, tree) = prepare(&Template::default_es(), &f, QR_TEXT, PaperSize::Letter).unwrap();
    let compressed = render_pdf(&Template::default_es(), &f, QR_TEXT, PaperSize::Letter).unwrap();
    assert!(compressed.starts_with(b"%PDF-"));
    assert!(compressed.len() < 200_000, "{} bytes", compressed.len());
    // The same conversion without compression, read back through the fonts' ToUnicode maps.
    let text = pdf_text(&pdf(&tree, false).unwrap());
    assert!(text.contains("Íñigo Ñúñez Güemes ¿¡ÁÉÓ!?"), "{text}");
    assert!(
        text.contains("CERTIFICADO DE COMPETENCIA LABORAL"),
        "{text}"
    );
    assert!(text.contains("Folio 7KQ2-M9XW-3HPA"), "{text}");
    assert!(!text.contains('\u{fffd}'), "{text}");
    assert!(text.contains("Atención al ciudadano en el sector público"));
}

/// The text of an uncompressed single-page PDF from svg2pdf: each `Tj` string is decoded with
/// the `ToUnicode` map of the font selected by the last `Tf`.
fn pdf_text(pdf: &[u8]) -> String {
    let text: String = pdf.iter().map(|&b| b as char).collect(); // Latin-1 keeps offsets
    let object = |id: &str| -> &str {
        let start = text.find(&format!("\n{id} 0 obj")).unwrap();
        &text[start..start + text[start..].find("endobj").unwrap()]
    };
    let reference = |body: &str, key: &str| -> String {
        let at = body.find(key).unwrap() + key.len();
        body[at..].split_whitespace().next().unwrap().to_string()
    };
    let mut fonts: HashMap<String, HashMap<u16, String>> = HashMap::new();
    let resources = &text[text.find("/Font <<").unwrap()..];
    for line in resources.lines().skip(1).take_while(|l| !l.contains(">>")) {
        let mut parts = line.split_whitespace();
        let (name, id) = (parts.next().unwrap(), parts.next().unwrap());
        let cmap = object(&reference(object(id), "/ToUnicode"));
        let mut map = HashMap::new();
        for l in cmap.lines().filter(|l| l.starts_with('<')) {
            let hex: Vec<&str> = l.split(['<', '>', ' ']).filter(|s| !s.is_empty()).collect();
            if let [code, unicode] = hex[..] {
                let units: Vec<u16> = (0..unicode.len() / 4)
                    .map(|i| u16::from_str_radix(&unicode[4 * i..4 * i + 4], 16).unwrap())
                    .collect();
                let value = String::from_utf16(&units).unwrap();
                map.insert(u16::from_str_radix(code, 16).unwrap(), value);
            }
        }
        fonts.insert(name.trim_start_matches('/').to_string(), map);
    }
    let mut out = String::new();
    let mut font = String::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_suffix(" Tf") {
            font = rest
                .split_whitespace()
                .next()
                .unwrap()
                .trim_start_matches('/')
                .to_string();
        } else if let Some(literal) = line.strip_suffix(" Tj") {
            let bytes = unescape(&literal[1..literal.len() - 1]);
            for pair in bytes.chunks(2) {
                let code = u16::from_be_bytes([pair[0], pair[1]]);
                out.push_str(fonts[&font].get(&code).map_or("\u{fffd}", String::as_str));
            }
        }
    }
    out
}

fn unescape(literal: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut chars = literal.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            bytes.push(c as u8);
            continue;
        }
        match chars.next().unwrap() {
            d @ '0'..='7' => {
                let mut value = d.to_digit(8).unwrap();
                for _ in 0..2 {
                    if let Some(d) = chars.peek().and_then(|d| d.to_digit(8)) {
                        value = value * 8 + d;
                        chars.next();
                    }
                }
                bytes.push(value as u8);
            }
            'n' => bytes.push(b'\n'),
            'r' => bytes.push(b'\r'),
            't' => bytes.push(b'\t'),
            'b' => bytes.push(8),
            'f' => bytes.push(12),
            other => bytes.push(other as u8),
        }
    }
    bytes
}

#[test]
fn long_text_wraps_or_shrinks_inside_its_width() {
    let mut f = fields();
    f.holder = "María Guadalupe Hernández López de la Santísima Trinidad".into();
    f.title = "Prestación de servicios de atención al ciudadano en ventanilla única y orientación \
               sobre trámites municipales en el sector público"
        .into();
    f.issuer = "CECATI 149 — Centro de Capacitación para el Trabajo Industrial núm. 149".into();
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let template = Template::default_es();
        let (svg, tree) = prepare(&template, &f, QR_TEXT, paper).unwrap();
        assert!(svg.contains("<tspan"), "the long name should wrap");
        for fit in &template.fits {
            let Some(usvg::Node::Text(text)) = tree.node_by_id(&fit.id) else {
                continue; // left out (data-sello-if)
            };
            let width = text.bounding_box().width();
            assert!(
                width <= fit.width * 1.01,
                "{}: {width} > {}",
                fit.id,
                fit.width
            );
        }
    }
    // The longest values the caps allow still fit.
    f.holder = "Nombre ".repeat(28);
    f.title = "Título ".repeat(42);
    let (_, tree) = prepare(&Template::default_es(), &f, QR_TEXT, PaperSize::A4).unwrap();
    let template = Template::default_es();
    for fit in &template.fits {
        if let Some(usvg::Node::Text(text)) = tree.node_by_id(&fit.id) {
            assert!(
                text.bounding_box().width() <= fit.width * 1.01,
                "{}",
                fit.id
            );
        }
    }
}

#[test]
fn the_printed_qr_code_decodes() {
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let svg = render_svg(&Template::default_es(), &fields(), QR_TEXT, paper).unwrap();
        // Rasterise the page at 150 dpi, as a scanner would, and read it back.
        let tree = usvg::Tree::from_str(&svg, &fonts::options()).unwrap();
        let scale = 150.0 / 96.0;
        let size = tree.size().to_int_size().scale_by(scale).unwrap();
        let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
        pixmap.fill(resvg::tiny_skia::Color::WHITE);
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        let gray: Vec<u8> = pixmap.pixels().iter().map(|p| p.green()).collect();
        let image = image::GrayImage::from_raw(size.width(), size.height(), gray).unwrap();
        let found = sello_verifier::scan_gray(&image);
        assert_eq!(found, vec![QR_TEXT.to_string()], "{paper:?}");
    }
}

#[test]
fn fields_from_claims() {
    use sello_core::{Achievement, Certificate, Claims, Holder, IssuerInfo};
    let claims = Claims {
        iss: "mx.cecati149".into(),
        jti: "7KQ2-M9XW-3HPA".into(),
        iat: 1_795_478_400, // 2026-11-24T00:00:00Z
        nbf: None,
        exp: Some(1_953_331_200), // 2031-11-25T00:00:00Z
        cert: Certificate {
            holder: Holder {
                name: "Ana Pérez".into(),
                id: None,
            },
            achievement: Achievement {
                code: "EC0105".into(),
                title: "Atención".into(),
                level: None,
            },
            unit: Some("CECATI 149".into()),
            attrs: [("lugar".to_string(), "Ciudad de México".to_string())].into(),
        },
        status: None,
    };
    let issuer = IssuerInfo {
        id: "mx.cecati149".into(),
        name: "CECATI 149".into(),
        verify_url: Some("https://verifica.cecati149.example.mx/v".into()),
        time_zone: None,
    };
    let f = CertificateFields::from_claims(&claims, &issuer);
    assert_eq!(f.issued_on, "24 de noviembre de 2026");
    assert_eq!(f.expires_on, "24 de noviembre de 2031");
    assert_eq!(
        (f.holder.as_str(), f.holder_id.as_str(), f.level.as_str()),
        ("Ana Pérez", "", "")
    );
    assert_eq!(f.place, "Ciudad de México");
    assert_eq!(f.verify, "o en https://verifica.cecati149.example.mx/v");
    assert_eq!(f.serial, "7KQ2-M9XW-3HPA");

    // In the issuer's time zone (FORMAT.md §3.9): 2026-11-24T00:00Z is 18:00 on the 23rd in
    // Mexico City; exp at the start of 2031-11-25 there is valid through the 24th.
    let in_cdmx = IssuerInfo {
        time_zone: Some("America/Mexico_City".into()),
        ..issuer
    };
    let cdmx = sello_core::zone::Zone::of(&in_cdmx);
    let claims = Claims {
        exp: Some(
            cdmx.start_of_day_after("2031-11-24".parse().unwrap())
                .unwrap(),
        ),
        ..claims
    };
    let f = CertificateFields::from_claims(&claims, &in_cdmx);
    assert_eq!(f.issued_on, "23 de noviembre de 2026");
    assert_eq!(f.expires_on, "24 de noviembre de 2031");
}

/// Regression (cargo fuzz, target `template`): an attribute name starting with a multi-byte
/// character made the `on…` check slice inside the character and panic.
#[test]
fn attribute_name_with_a_multibyte_first_character_does_not_panic() {
    for name in ["\u{feff}on", "\u{feff}x", "éonclick", "ñ"] {
        let source = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 200"><rect {name}="1"/><rect id="sello-qr" x="200" y="100" width="60" height="60"/></svg>"#
        );
        let _ = Template::parse(&source);
    }
    let crash = include_str!("../../../fuzz/regressions/template-multibyte-attribute.svg");
    let _ = Template::parse(crash);
}

#[test]
fn the_default_template_prints_the_attributes_the_issuer_labels() {
    let mut labels = sello_core::jwk::AttributeLabels::new();
    let label = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(l, t)| ((*l).to_owned(), (*t).to_owned()))
            .collect()
    };
    labels.insert(
        "dep".into(),
        label(&[("en", "Department"), ("es", "Departamento")]),
    );
    labels.insert("turno".into(), label(&[("en", "Shift <b>")]));
    labels.insert("lugar".into(), label(&[("es", "Lugar")]));
    let mut f = fields();
    f.attrs.insert("turno".into(), "Matutino & más".into());
    f.attrs.insert("grupo".into(), "G-7".into());
    f.attrs.insert("lugar".into(), "Ciudad de México".into());
    let f = f.with_attribute_labels(&labels);
    // Spanish first, English when there is no Spanish; unlabelled ones and `lugar` (the
    // place) left out.
    assert_eq!(
        f.attributes,
        "Departamento: Registro Civil · Shift <b>: Matutino & más"
    );
    for printer in [
        Printer::new(&Template::default_es(), PaperSize::A4).unwrap(),
        Printer::new(&Template::default_es(), PaperSize::Letter).unwrap(),
    ] {
        let svg = printer.svg(&f, QR_TEXT).unwrap();
        assert!(
            svg.contains("Departamento: Registro Civil · Shift &lt;b&gt;: Matutino &amp; más"),
            "{svg}"
        );
        assert!(!svg.contains("G-7") && !svg.contains("<b>"));
        assert!(printer.pdf(&f, QR_TEXT).unwrap().starts_with(b"%PDF"));
    }
    // No labels, no line.
    let plain = fields().with_attribute_labels(&Default::default());
    let svg = Printer::new(&Template::default_es(), PaperSize::A4)
        .unwrap()
        .svg(&plain, QR_TEXT)
        .unwrap();
    assert!(!svg.contains("Registro Civil"), "{svg}");
    // The line stays within its cap: pairs past it are left out.
    let mut many = fields();
    let mut long_labels = sello_core::jwk::AttributeLabels::new();
    for i in 0..15 {
        many.attrs.insert(format!("k{i:02}"), "v".repeat(50));
        long_labels.insert(format!("k{i:02}"), label(&[("es", "Etiqueta")]));
    }
    let many = many.with_attribute_labels(&long_labels);
    assert!(many.attributes.chars().count() <= MAX_ATTRIBUTES_LINE);
    assert!(many.attributes.starts_with("Etiqueta: vvv"));
    render_pdf(&Template::default_es(), &many, QR_TEXT, PaperSize::A4).unwrap();
    let printer = Printer::new(&Template::default_es(), PaperSize::Letter).unwrap();
    assert!(printer.pdf(&many, QR_TEXT).unwrap().starts_with(b"%PDF"));
}

#[test]
fn paper_sizes_are_chosen_by_their_names() {
    for p in PaperSize::ALL {
        assert_eq!(PaperSize::from_name(p.name()), Some(p));
    }
    assert_eq!(PaperSize::from_name("letter"), Some(PaperSize::Letter));
    assert_eq!(PaperSize::from_name("A5"), None);
}
