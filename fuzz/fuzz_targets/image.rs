//! Arbitrary bytes as an image file: PNG/JPEG loading with caps and QR decoding; and the same
//! bytes as an SVG file, checked and drawn within its limits (the drawing's QR decoding is the
//! decoder fuzzed above: decoding a 6 Mpx drawing with no code in it would take most of
//! libFuzzer's time limit in an instrumented build).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = sello_verifier::scan(data);
    let _ = sello_verifier::is_svg(data);
    let _ = sello_verifier::render_svg(data);
});
