//! Property tests for the template parser and renderer: hostile input never panics.

use proptest::prelude::*;
use sello_print::{CertificateFields, PaperSize, Printer, Template, render_svg};

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 200\">".to_owned()),
        Just("</svg>".to_owned()),
        Just("<rect id=\"sello-qr\" x=\"200\" y=\"100\" width=\"60\" height=\"60\"/>".to_owned()),
        Just("<text data-sello-width=\"100\" data-sello-lines=\"2\" x=\"10\" y=\"20\">".to_owned()),
        Just("</text>".to_owned()),
        Just("{{holder}}".to_owned()),
        Just("{{attr.dep}}".to_owned()),
        Just("{{".to_owned()),
        Just("<use href=\"#a\"/>".to_owned()),
        Just("<g id=\"a\">".to_owned()),
        Just("</g>".to_owned()),
        Just("<!DOCTYPE x>".to_owned()),
        Just("<image href=\"http://x/\"/>".to_owned()),
        "[ -~]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn parse_never_panics_on_text(s in ".{0,300}") {
        let _ = Template::parse(&s);
    }

    #[test]
    fn parse_and_render_never_panic_on_svg_like_input(parts in proptest::collection::vec(fragment(), 0..24)) {
        let source: String = parts.concat();
        if let Ok(t) = Template::parse(&source) {
            let fields = CertificateFields {
                holder: "Ana <b>&</b>".into(),
                ..Default::default()
            };
            let _ = render_svg(&t, &fields, "https://v.example.mx/#a.b.c", PaperSize::A4);
            // The prepared printer, too, refuses or prints, and never panics.
            if let Ok(printer) = Printer::new(&t, PaperSize::A4) {
                let _ = printer.pdf(&fields, "https://v.example.mx/#a.b.c");
                let _ = printer.svg(&fields, "https://v.example.mx/#a.b.c");
            }
        }
    }
}
