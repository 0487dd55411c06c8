//! Renders the same typical certificate N times in a loop, for a profiler:
//!
//! ```sh
//! cargo build --release -p sello-print --example print_loop
//! valgrind --tool=callgrind target/release/examples/print_loop pdf 20
//! ```
//!
//! Modes: `pdf` (the one-shot `render_pdf`, which prepares the template every time), `svg`
//! (the one-shot `render_svg`), `printer-pdf` and `printer-svg` (a [`Printer`] prepared once,
//! outside the loop), `prepare` (preparing a `Printer`, N times). With a third argument, the
//! last document is written to that file.

use sello_print::{CertificateFields, PaperSize, Printer, Template, render_pdf, render_svg};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = args.first().map_or("pdf", String::as_str);
    let n: usize = args.get(1).map_or(Ok(20), |s| s.parse())?;
    let fields = CertificateFields {
        holder: "María Guadalupe Hernández López".into(),
        holder_id: "HELG850312MDFRPD09".into(),
        code: "EC0105".into(),
        title: "Atención al ciudadano en el sector público".into(),
        unit: "CECATI 149".into(),
        issuer: "CECATI 149".into(),
        issued_on: "24 de noviembre de 2026".into(),
        expires_on: "24 de noviembre de 2031".into(),
        serial: "7KQ2-M9XW-3HPA".into(),
        verify: "o en https://verifica.cecati149.example.mx/v".into(),
        ..Default::default()
    };
    // A QR text as long as a typical one (555 bytes: a version-18 code), token-like characters.
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut state = 0x2545_f491_u32;
    let token: String = (0..515)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            char::from(alphabet[(state % 64) as usize])
        })
        .collect();
    let qr_text = format!("https://verifica.cecati149.example.mx/v#{token}");
    let template = Template::default_es();
    let paper = PaperSize::Letter;
    let printer = Printer::new(&template, paper)?;
    let mut last = Vec::new();
    for _ in 0..n {
        last = match mode {
            "pdf" => render_pdf(&template, &fields, &qr_text, paper)?,
            "svg" => render_svg(&template, &fields, &qr_text, paper)?.into_bytes(),
            "printer-pdf" => printer.pdf(&fields, &qr_text)?,
            "printer-svg" => printer.svg(&fields, &qr_text)?.into_bytes(),
            "prepare" => {
                Printer::new(&template, paper)?;
                Vec::new()
            }
            other => return Err(format!("unknown mode {other}").into()),
        };
    }
    println!("{n} × {mode}: {} bytes", last.len());
    if let Some(path) = args.get(2) {
        std::fs::write(path, &last)?;
    }
    Ok(())
}
