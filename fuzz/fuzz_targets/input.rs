//! The CLI input classifier: arbitrary bytes as standard input (text, PNG/JPEG, SVG, PDF), and
//! the QR reader on what it classifies as an image (an SVG is checked and drawn, as in the
//! `image` target).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match sello_verifier::read_arg("-", data) {
        Ok(sello_verifier::Source::Svg(bytes)) => {
            let _ = sello_verifier::render_svg(&bytes);
        }
        Ok(source) => {
            let _ = sello_verifier::texts(&source, "-");
        }
        Err(_) => {}
    }
});
