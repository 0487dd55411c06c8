//! Strict JSON reading: a size cap, a nesting cap, and no duplicate object members.
//!
//! `serde_json` silently keeps the last of two members with the same name; two verifiers that
//! disagree about which one counts is a classic signature-bypass, so Sello rejects duplicates
//! before the typed parse.

use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeSet;
use std::fmt;

/// Deepest nesting of arrays and objects accepted in any Sello document.
pub const MAX_DEPTH: usize = 16;

/// Why a JSON document was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonError {
    /// The document is larger than the cap for its kind.
    #[error("the document is {len} bytes; the limit is {max}")]
    TooLarge {
        /// Size of the document in bytes.
        len: usize,
        /// The cap in bytes.
        max: usize,
    },
    /// The document is not JSON, nests too deeply, repeats a member or has the wrong shape.
    #[error("{0}")]
    Invalid(String),
}

/// Parses `bytes` as `T` after checking the size cap, the nesting cap and member uniqueness.
pub fn parse_strict<T: DeserializeOwned>(bytes: &[u8], max: usize) -> Result<T, JsonError> {
    parse_checked(bytes, max, true)
}

/// Whether a document may contain arrays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrays {
    /// Arrays are allowed below the top-level object.
    Allowed,
    /// No array anywhere.
    Refused,
}

/// Like [`parse_strict`], for documents that are JSON objects: the top level must be an
/// object, and with [`Arrays::Refused`] no array may appear at any depth.
///
/// `serde` reads a struct from a JSON array positionally (`["mx.a","A-1",100,…]` as claims);
/// the format says objects, and two verifiers must never disagree on what a document is, so
/// documents whose schema has no arrays refuse them before the typed parse.
pub fn parse_strict_object<T: DeserializeOwned>(
    bytes: &[u8],
    max: usize,
    arrays: Arrays,
) -> Result<T, JsonError> {
    let first = bytes
        .iter()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'));
    if first != Some(&b'{') && bytes.len() <= max {
        return Err(JsonError::Invalid("expected a JSON object".into()));
    }
    parse_checked(bytes, max, arrays == Arrays::Allowed)
}

fn parse_checked<T: DeserializeOwned>(
    bytes: &[u8],
    max: usize,
    arrays: bool,
) -> Result<T, JsonError> {
    if bytes.len() > max {
        return Err(JsonError::TooLarge {
            len: bytes.len(),
            max,
        });
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    Checker { depth: 0, arrays }
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(invalid)?;
    serde_json::from_slice(bytes).map_err(invalid)
}

/// Longest parser complaint kept, in characters.
const DETAIL_MAX: usize = 200;

/// The parser's complaint as an error. `serde_json` quotes member names and values from the
/// document as they are (`unknown field `…``), so the complaint is escaped and shortened: an
/// error message never carries untrusted control or format characters.
fn invalid(e: serde_json::Error) -> JsonError {
    JsonError::Invalid(crate::untrusted::shorten(&e.to_string(), DETAIL_MAX))
}

struct Checker {
    depth: usize,
    arrays: bool,
}

impl<'de> DeserializeSeed<'de> for Checker {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Checker {
    fn nested<E: de::Error>(&self) -> Result<Checker, E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom(format_args!(
                "nesting deeper than {MAX_DEPTH} levels"
            )));
        }
        Ok(Checker {
            depth: self.depth + 1,
            arrays: self.arrays,
        })
    }
}

impl<'de> Visitor<'de> for Checker {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if !self.arrays {
            return Err(de::Error::custom("an array where the format has none"));
        }
        let inner = self.nested()?;
        while seq.next_element_seed(Checker { ..inner })?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let inner = self.nested()?;
        let mut seen = BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                return Err(de::Error::custom(format_args!(
                    "duplicate member \"{}\"",
                    crate::untrusted::quote(&key)
                )));
            }
            seen.insert(key);
            map.next_value_seed(Checker { ..inner })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn rejects_duplicates_at_any_depth() {
        for doc in [
            r#"{"a":1,"a":2}"#,
            r#"{"x":{"b":1,"c":2,"b":3}}"#,
            r#"[{"k":1,"k":1}]"#,
        ] {
            let err = parse_strict::<Value>(doc.as_bytes(), 1000).unwrap_err();
            assert!(err.to_string().contains("duplicate member"), "{doc}: {err}");
        }
        assert!(parse_strict::<Value>(br#"{"a":{"a":1}}"#, 1000).is_ok());
    }

    #[test]
    fn caps_size_and_depth() {
        assert!(matches!(
            parse_strict::<Value>(b"[1,2,3]", 3),
            Err(JsonError::TooLarge { len: 7, max: 3 })
        ));
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(parse_strict::<Value>(deep.as_bytes(), 10_000).is_err());
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse_strict::<Value>(ok.as_bytes(), 10_000).is_ok());
        // Objects count the same as arrays, empty or not.
        let objects = format!(
            "{}{{}}{}",
            r#"{"a":"#.repeat(MAX_DEPTH),
            "}".repeat(MAX_DEPTH)
        );
        assert!(parse_strict::<Value>(objects.as_bytes(), 10_000).is_err());
        let objects = format!(
            "{}{{}}{}",
            r#"{"a":"#.repeat(MAX_DEPTH - 1),
            "}".repeat(MAX_DEPTH - 1)
        );
        assert!(parse_strict::<Value>(objects.as_bytes(), 10_000).is_ok());
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Pair {
        a: u8,
        b: u8,
    }

    #[test]
    fn objects_are_not_read_from_arrays() {
        // serde would read this struct positionally from [1,2].
        assert!(serde_json::from_str::<Pair>("[1,2]").is_ok());
        assert!(parse_strict_object::<Pair>(b"[1,2]", 100, Arrays::Allowed).is_err());
        assert!(parse_strict_object::<Pair>(b" {\"a\":1,\"b\":2}", 100, Arrays::Refused).is_ok());
        assert!(parse_strict_object::<Value>(b"{\"a\":[1]}", 100, Arrays::Refused).is_err());
        assert!(parse_strict_object::<Value>(b"{\"a\":[1]}", 100, Arrays::Allowed).is_ok());
    }

    #[test]
    fn complaints_never_carry_untrusted_control_characters() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Strict {
            a: u8,
        }
        let doc = r#"{"a":1,"\u001b[2J\u001b[1;32m\u2714 CERTIFICADO V\u00c1LIDO\u202e":2}"#;
        let err = parse_strict::<Strict>(doc.as_bytes(), 1000)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field"), "{err}");
        assert!(err.contains("\\u{1b}[2J"), "{err}");
        assert!(crate::untrusted::first_forbidden(&err).is_none(), "{err:?}");
        let dup = r#"{"\u001b":1,"\u001b":2}"#;
        let err = parse_strict::<Value>(dup.as_bytes(), 1000)
            .unwrap_err()
            .to_string();
        assert!(crate::untrusted::first_forbidden(&err).is_none(), "{err:?}");
    }

    #[test]
    fn rejects_trailing_data_and_bad_utf8() {
        assert!(parse_strict::<Value>(b"{} {}", 100).is_err());
        assert!(parse_strict::<Value>(b"\"\xff\"", 100).is_err());
    }
}
