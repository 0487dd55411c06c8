//! The CLI input classifier: arbitrary bytes as standard input.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = sello_verifier::input::read_arg("-", data) {
        let _ = sello_verifier::input::texts(&source, "-");
    }
});
