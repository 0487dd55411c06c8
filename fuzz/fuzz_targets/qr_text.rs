//! The QR text's two forms (FORMAT.md §4.1, §4.3): arbitrary text to `token::extract`, the
//! numeric decoder and the QR version model. What decodes must encode back to the same digits;
//! any token's numeric form must decode back to it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sello_core::qr_text::{self, decode_numeric, numeric_digits};
use sello_core::token;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let trimmed = text.trim();
        let _ = token::is_presented_as_token(text);
        let _ = token::sha256_hex(text);
        let _ = sello_core::qr_version_at_m(text);
        let (bytes, digits) = qr_text::segments(text);
        assert_eq!(bytes.len() + digits.len(), text.len());
        assert!(digits.bytes().all(|b| b.is_ascii_digit()));
        if let Some(Ok(t)) = decode_numeric(trimmed) {
            assert_eq!(numeric_digits(&t).as_deref(), Some(&trimmed[1..]));
        }
        if let Ok(t) = token::extract(text) {
            let _ = token::decode(&t);
        }
    }
    // Any text of token characters, made of the input's bytes, round-trips.
    const ALPHABET: &[u8; 65] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    let t: String = data
        .iter()
        .map(|&b| char::from(ALPHABET[usize::from(b) % 65]))
        .collect();
    if !t.is_empty() && t.len() <= token::MAX_TOKEN_LEN {
        let text = qr_text::qr_text(Some("https://v.example.mx/v"), &t);
        assert_eq!(token::extract(&text).as_deref(), Ok(t.as_str()));
        assert_eq!(qr_text::segments(&text).1.len(), 2 * t.len());
    }
});
