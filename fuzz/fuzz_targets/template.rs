//! Printable-certificate templates: parsing, and rendering whatever parses.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(t) = sello_print::Template::parse(text)
    {
        let fields = sello_print::CertificateFields {
            holder: "Ana".into(),
            ..Default::default()
        };
        let _ = sello_print::render_svg(
            &t,
            &fields,
            "https://v.example.mx/#a.b.c",
            sello_print::PaperSize::A4,
        );
    }
});
