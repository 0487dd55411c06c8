//! Arbitrary bytes as an image file: loading with caps and QR decoding.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = sello_verifier::scan::scan(data);
});
