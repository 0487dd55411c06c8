//! Text that did not come from Sello: the characters the format refuses in signed text, and the
//! one way to show any untrusted string to a person.
//!
//! A certificate's claims, an issuer's display name, a file name, a QR code's text or a parser's
//! complaint about a member name can all be written by an attacker. Shown as they are, control
//! characters can move a terminal's cursor and repaint the screen (ESC sequences, CR), and
//! invisible format characters can reorder what is shown (U+202E RIGHT-TO-LEFT OVERRIDE makes
//! `941itacec.xm` read `mx.cecati149`) or hide characters (U+200B ZERO WIDTH SPACE, U+3164
//! HANGUL FILLER).
//!
//! Two rules follow (`docs/FORMAT.md` §2.4):
//! - signed text (every free-text claim and an issuer's display name) MUST NOT contain any
//!   [`is_forbidden`] character: issuers refuse to sign it and verifiers refuse it;
//! - every untrusted string shown to a person goes through [`escape`] (or [`Escaped`]), which
//!   writes each forbidden character as `\u{…}`, so it is seen, not obeyed.
//!
//! ```
//! use sello_core::untrusted::{escape, is_forbidden};
//!
//! assert!(is_forbidden('\u{202e}') && is_forbidden('\u{1b}') && !is_forbidden('ñ'));
//! assert_eq!(escape("CECATI 149 \u{202e}"), "CECATI 149 \\u{202e}");
//! assert_eq!(escape("\u{1b}[2J✔ VÁLIDO"), "\\u{1b}[2J✔ VÁLIDO");
//! ```

use std::borrow::Cow;
use std::fmt;

/// The characters no signed text may contain, as inclusive ranges of code points (FORMAT.md
/// §2.4): general categories `Cc` (controls), `Cf` (format: bidirectional controls, zero-width
/// characters, the byte-order mark, tags, …), `Zl` and `Zp` (line and paragraph separators),
/// `Co` (private use), and every `Default_Ignorable_Code_Point` (Unicode 16), which renders as
/// nothing (Hangul fillers, variation selectors, …).
///
/// The table is the definition: implementations in other languages use these ranges, not their
/// own Unicode library's idea of the categories, so that every verifier refuses the same text.
pub const FORBIDDEN: [(u32, u32); 28] = [
    (0x0000, 0x001F),
    (0x007F, 0x009F),
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xE000, 0xF8FF),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0x10FFFF),
];

/// Whether `c` is one of the [`FORBIDDEN`] characters.
///
/// The last range, U+E0000 to U+10FFFF, covers the tags and variation selectors of plane 14
/// (all default-ignorable) and the private-use planes 15 and 16.
pub fn is_forbidden(c: char) -> bool {
    let c = u32::from(c);
    // The table is sorted: a binary search finds the last range starting at or before `c`.
    let i = FORBIDDEN.partition_point(|&(start, _)| start <= c);
    i > 0 && c <= FORBIDDEN[i - 1].1
}

/// The first forbidden character of `text`, if any.
pub fn first_forbidden(text: &str) -> Option<char> {
    text.chars().find(|&c| is_forbidden(c))
}

/// `text` with every [`is_forbidden`] character written as `\u{hex}`: safe to print on a
/// terminal or put in a message, and still showing that the character was there.
pub fn escape(text: &str) -> Cow<'_, str> {
    if first_forbidden(text).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_forbidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Displays an untrusted string escaped ([`escape`]): `format!("{}", Escaped(name))`.
#[derive(Debug, Clone, Copy)]
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&escape(self.0))
    }
}

/// Longest untrusted text quoted in an error message, in characters.
pub const QUOTE_MAX: usize = 40;

/// Untrusted text for an error message: escaped and cut to [`QUOTE_MAX`] characters (`…` marks
/// the cut). Error messages never quote untrusted bytes otherwise.
pub fn quote(text: &str) -> String {
    shorten(text, QUOTE_MAX)
}

/// Untrusted text escaped and cut to `max` characters of the original (`…` marks the cut).
pub fn shorten(text: &str, max: usize) -> String {
    let cut: String = text.chars().take(max).collect();
    let mut out = escape(&cut).into_owned();
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_disjoint() {
        for pair in FORBIDDEN.windows(2) {
            assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:x?}");
        }
    }

    #[test]
    fn refuses_what_reorders_hides_or_controls() {
        for c in [
            '\0',
            '\t',
            '\n',
            '\r',
            '\u{1b}',
            '\u{7f}',
            '\u{85}',
            '\u{9f}', // Cc
            '\u{ad}',
            '\u{61c}',
            '\u{200b}',
            '\u{200d}',
            '\u{200e}',
            '\u{200f}', // Cf
            '\u{202a}',
            '\u{202e}',
            '\u{2066}',
            '\u{2069}',
            '\u{2060}',
            '\u{feff}', // Cf
            '\u{2028}',
            '\u{2029}', // Zl, Zp
            '\u{e000}',
            '\u{f8ff}',
            '\u{f0000}',
            '\u{10fffd}', // Co
            '\u{3164}',
            '\u{115f}',
            '\u{fe0f}',
            '\u{e0100}',
            '\u{e0041}',
            '\u{34f}', // DI
            '\u{13439}',
            '\u{1d173}',
            '\u{fff9}',
            '\u{fffb}',
        ] {
            assert!(is_forbidden(c), "U+{:04X}", u32::from(c));
        }
        for c in [
            ' ',
            'a',
            'Z',
            'ñ',
            'Á',
            'ü',
            '\u{a0}',
            '—',
            '✔',
            '€',
            'א',
            'ب',
            '中',
            '\u{301}',
            '\u{fffc}',
            '\u{fffd}',
            '\u{1f600}',
            '\u{20ac}',
        ] {
            assert!(!is_forbidden(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn agrees_with_the_unicode_categories_it_names() {
        // Every Cc and the listed Cf, Zl, Zp characters of the Basic Multilingual Plane.
        for c in (0u32..0x10000).filter_map(char::from_u32) {
            if c.is_control() {
                assert!(is_forbidden(c), "Cc U+{:04X}", u32::from(c));
            }
        }
    }

    #[test]
    fn escapes_only_what_is_forbidden() {
        assert!(matches!(escape("María López"), Cow::Borrowed(_)));
        assert_eq!(escape("a\u{1b}[1Ab\r\n"), "a\\u{1b}[1Ab\\u{d}\\u{a}");
        assert_eq!(escape("941itacec.xm\u{202e}"), "941itacec.xm\\u{202e}");
        assert_eq!(Escaped("x\u{200b}y").to_string(), "x\\u{200b}y");
        // The escaped form has no forbidden character left.
        let hostile: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert!(first_forbidden(&escape(&hostile)).is_none());
    }

    #[test]
    fn quotes_are_short_and_escaped() {
        assert_eq!(quote("corto"), "corto");
        let long = "é".repeat(100);
        assert_eq!(quote(&long).chars().count(), QUOTE_MAX + 1);
        assert!(quote(&long).ends_with('…'));
        assert_eq!(quote("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("abcd", 3), "abc…");
    }
}
