//! Strict unpadded base64url (RFC 4648 §5), the only encoding used in Sello tokens and key sets.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Encodes bytes as unpadded base64url.
pub fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Decodes unpadded base64url strictly: no padding, no whitespace, no other alphabet and no
/// non-zero trailing bits, so that every byte string has exactly one accepted encoding.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_strictness() {
        assert_eq!(encode(b"\xfb\xff"), "-_8");
        assert_eq!(decode("-_8").unwrap(), b"\xfb\xff");
        // Padding, the standard alphabet, whitespace and trailing bits are all rejected.
        for bad in ["-_8=", "+/8", "-_8 ", "-_9", "A", "====", "a.b"] {
            assert!(decode(bad).is_none(), "{bad:?} must be rejected");
        }
        assert_eq!(decode("").unwrap(), b"");
    }
}
