//! The text of a certificate's QR code (FORMAT.md §4): its numeric form, how it splits into QR
//! segments, and the QR version it needs.
//!
//! An issuer writes `verify_url#n` in byte mode, then the token with every character written as
//! two decimal digits (its code point minus 45: `-` → `00`, `.` → `01`, `0` → `03` … `z` → `77`)
//! in one numeric-mode segment: 6.67 bits a character instead of 8. Without a `verify_url`, the
//! text is `n` and the digits. Verifiers read this form and the byte form (`verify_url#<token>`,
//! a bare token) alike ([`crate::token::extract`]).

use crate::i18n::tr;
use crate::token::MAX_TOKEN_LEN;

/// The character that marks the numeric form: the fragment (or the bare text) is `n` and digits.
pub const NUMERIC_MARK: u8 = b'n';

/// Most digits a numeric form may have: two per byte of the largest token
/// ([`MAX_TOKEN_LEN`]).
pub const MAX_NUMERIC_DIGITS: usize = 2 * MAX_TOKEN_LEN;

/// Why a text in the numeric form gives no token. Verifiers report such a text as not a Sello
/// certificate (FORMAT.md §4.4), not with a verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NumericError {
    /// More than [`MAX_NUMERIC_DIGITS`] digits.
    #[error("{}", tr("numeric-too-long", &[("len", (*len).into()), ("max", (*max).into())]))]
    TooLong {
        /// Digits given.
        len: usize,
        /// The cap.
        max: usize,
    },
    /// An odd number of digits.
    #[error("{}", tr("numeric-odd-length", &[("len", (*.0).into())]))]
    OddLength(usize),
    /// A pair of digits that stands for no character of base64url or `.`.
    #[error("{}", tr("numeric-bad-pair", &[("pair", format!("{:02}", pair).into()), ("at", (*at).into())]))]
    BadPair {
        /// The pair's value, 0 to 99.
        pair: u8,
        /// Its position, counting pairs from 1.
        at: usize,
    },
}

impl NumericError {
    /// The code the shared vectors give this error (`numeric_error`, FORMAT.md §10.2).
    pub fn code(&self) -> &'static str {
        match self {
            NumericError::TooLong { .. } => "too_long",
            NumericError::OddLength(_) => "odd_length",
            NumericError::BadPair { .. } => "bad_pair",
        }
    }
}

fn is_token_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'
}

/// Whether `s` is in the numeric form: `n` followed by one or more ASCII digits, nothing else.
pub fn is_numeric_form(s: &str) -> bool {
    s.len() > 1 && s.as_bytes()[0] == NUMERIC_MARK && s.bytes().skip(1).all(|b| b.is_ascii_digit())
}

/// The digits of a token: every character as two digits, its code point minus 45. `None` when
/// the token has a character outside base64url and `.` (never one Sello signs).
pub fn numeric_digits(token: &str) -> Option<String> {
    let mut out = String::with_capacity(2 * token.len());
    for b in token.bytes() {
        if !is_token_char(b) {
            return None;
        }
        let v = b - 45;
        out.push(char::from(b'0' + v / 10));
        out.push(char::from(b'0' + v % 10));
    }
    Some(out)
}

/// The token a text in the numeric form ([`is_numeric_form`]) stands for; `None` for a text
/// that is not in it.
pub fn decode_numeric(text: &str) -> Option<Result<String, NumericError>> {
    is_numeric_form(text).then(|| decode_digits(&text[1..]))
}

/// The token that `digits` (without the `n`) stand for.
fn decode_digits(digits: &str) -> Result<String, NumericError> {
    if digits.len() > MAX_NUMERIC_DIGITS {
        return Err(NumericError::TooLong {
            len: digits.len(),
            max: MAX_NUMERIC_DIGITS,
        });
    }
    if !digits.len().is_multiple_of(2) {
        return Err(NumericError::OddLength(digits.len()));
    }
    digits
        .as_bytes()
        .chunks_exact(2)
        .enumerate()
        .map(|(i, pair)| {
            let (hi, lo) = (pair[0].wrapping_sub(b'0'), pair[1].wrapping_sub(b'0'));
            if hi > 9 || lo > 9 {
                // Not reached through `extract`, which gives only digits.
                return Err(NumericError::BadPair {
                    pair: 99,
                    at: i + 1,
                });
            }
            let v = hi * 10 + lo;
            let c = v + 45;
            if v <= 77 && is_token_char(c) {
                Ok(char::from(c))
            } else {
                Err(NumericError::BadPair { pair: v, at: i + 1 })
            }
        })
        .collect()
}

/// The QR text of `token` in the numeric form: `verify_url#n<digits>`, or `n<digits>` without a
/// URL. A token with a character outside base64url and `.` keeps the byte form.
pub fn qr_text(verify_url: Option<&str>, token: &str) -> String {
    match (numeric_digits(token), verify_url) {
        (Some(digits), Some(url)) => format!("{url}#n{digits}"),
        (Some(digits), None) => format!("n{digits}"),
        (None, Some(url)) => format!("{url}#{token}"),
        (None, None) => token.to_owned(),
    }
}

/// How `text` is drawn as a QR code: the part in byte mode and the digits in numeric mode.
/// A text in the numeric form (`…://…#n<digits>` or `n<digits>`) splits after the `n`; any other
/// text is all bytes (the digits are empty).
pub fn segments(text: &str) -> (&str, &str) {
    let start = match text.split_once('#') {
        Some((before, _)) if before.contains("://") => before.len() + 1,
        _ => 0,
    };
    if is_numeric_form(&text[start..]) {
        text.split_at(start + 1)
    } else {
        (text, "")
    }
}

/// Data codewords of a QR code at error-correction level M, versions 1 to 40 (ISO/IEC 18004,
/// table 7).
const DATA_CODEWORDS_M: [u16; 40] = [
    16, 28, 44, 64, 86, 108, 124, 154, 182, 216, 254, 290, 334, 365, 415, 453, 507, 563, 627, 669,
    714, 782, 860, 914, 1000, 1062, 1128, 1193, 1267, 1373, 1455, 1541, 1631, 1725, 1812, 1914,
    1992, 2102, 2216, 2334,
];

/// The data bits of a byte segment of `bytes` bytes and a numeric segment of `digits` digits
/// (left out when empty) at `version`: mode indicators, character counts and data.
fn data_bits(bytes: usize, digits: usize, version: u8) -> usize {
    let band = match version {
        1..=9 => 0,
        10..=26 => 1,
        _ => 2,
    };
    let mut bits = 4 + [8, 16, 16][band] + 8 * bytes;
    if digits > 0 {
        bits += 4 + [10, 12, 14][band] + 10 * (digits / 3) + [0, 4, 7][digits % 3];
    }
    bits
}

/// The version (1 to 40) of the smallest QR code at level M that holds `text` as Sello draws it
/// ([`segments`]); `None` when not even version 40 does.
pub fn qr_version_at_m(text: &str) -> Option<u8> {
    let (bytes, digits) = segments(text);
    (1..=40u8).find(|&v| {
        data_bits(bytes.len(), digits.len(), v) <= 8 * usize::from(DATA_CODEWORDS_M[v as usize - 1])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_is_two_digits() {
        // - . 0 9 A Z _ a z: code points 45 46 48 57 65 90 95 97 122, minus 45.
        assert_eq!(numeric_digits("-.09AZ_az").unwrap(), "000103122045505277");
        assert_eq!(decode_digits("000103122045505277").unwrap(), "-.09AZ_az");
        assert_eq!(numeric_digits("a b"), None);
        assert_eq!(numeric_digits("a+b"), None);
    }

    #[test]
    fn what_the_decoder_refuses() {
        assert_eq!(decode_digits("123"), Err(NumericError::OddLength(3)));
        // 02 is '/', 13 ':', 46 '[', 51 '`', 78 '{', 99 nothing.
        for (digits, pair, at) in [
            ("02", 2, 1),
            ("0013", 13, 2),
            ("4600", 46, 1),
            ("0051", 51, 2),
            ("78", 78, 1),
            ("000099", 99, 3),
        ] {
            assert_eq!(
                decode_digits(digits),
                Err(NumericError::BadPair { pair, at }),
                "{digits}"
            );
        }
        let long = "00".repeat(MAX_TOKEN_LEN + 1);
        assert_eq!(
            decode_digits(&long),
            Err(NumericError::TooLong {
                len: 2 * MAX_TOKEN_LEN + 2,
                max: MAX_NUMERIC_DIGITS
            })
        );
        assert!(decode_digits(&"00".repeat(MAX_TOKEN_LEN)).is_ok());
        assert_eq!(decode_digits("").unwrap(), "");
    }

    #[test]
    fn the_text_splits_after_the_mark() {
        let url = "https://v.example.mx/v";
        assert_eq!(qr_text(Some(url), "a.b"), format!("{url}#n520153"));
        assert_eq!(qr_text(None, "a.b"), "n520153");
        assert_eq!(
            segments(&format!("{url}#n520153")),
            (format!("{url}#n").as_str(), "520153")
        );
        assert_eq!(segments("n520153"), ("n", "520153"));
        for all_bytes in [
            format!("{url}#a.b"),
            "a.b".to_owned(),
            "n".to_owned(),
            "n12a".to_owned(),
            format!("{url}#n"),
            "v#n123".to_owned(),
        ] {
            assert_eq!(segments(&all_bytes), (all_bytes.as_str(), ""));
        }
    }

    #[test]
    fn versions_at_m() {
        // Byte mode: version 1 holds 14 bytes, version 40 2,331 (ISO/IEC 18004, table 7).
        assert_eq!(qr_version_at_m(&"a".repeat(14)), Some(1));
        assert_eq!(qr_version_at_m(&"a".repeat(15)), Some(2));
        assert_eq!(qr_version_at_m(&"a".repeat(crate::MAX_QR_BYTES)), Some(40));
        assert_eq!(qr_version_at_m(&"a".repeat(crate::MAX_QR_BYTES + 1)), None);
        // The longest tokens a version-40 code holds in the numeric form (FORMAT.md §3.8, §4.2).
        let url = "https://verifica.cecati149.example.mx/v";
        assert_eq!(url.len(), 39);
        for (url, most) in [(Some(url), 2_745), (None, 2_793)] {
            let fits = qr_text(url, &"a".repeat(most));
            assert_eq!(qr_version_at_m(&fits), Some(40));
            assert_eq!(qr_version_at_m(&qr_text(url, &"a".repeat(most + 1))), None);
        }
        // "n" and 2 digits: 4 + 8 + 8 bits, then 4 + 10 + 7.
        assert_eq!(data_bits(1, 2, 1), 41);
        assert_eq!(qr_version_at_m("n00"), Some(1));
    }
}
