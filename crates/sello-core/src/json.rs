//! Strict JSON reading: a size cap, a nesting cap, and no duplicate object members.
//!
//! `serde_json` silently keeps the last of two members with the same name; two verifiers that
//! disagree about which one counts is a classic signature-bypass, so Sello rejects duplicates
//! before the typed parse.

use crate::i18n::tr;
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeSet;
use std::fmt;

/// Deepest nesting of arrays and objects accepted in any Sello document.
pub const MAX_DEPTH: usize = 16;

/// Why a JSON document was refused. Messages are in the language set with
/// [`crate::i18n::set_language`]; names quoted from the document are escaped and shortened
/// ([`crate::untrusted::quote`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JsonError {
    /// The document is larger than the cap for its kind.
    #[error("{}", tr("json-too-large", &[("len", (*len).into()), ("max", (*max).into())]))]
    TooLarge {
        /// Size of the document in bytes.
        len: usize,
        /// The cap in bytes.
        max: usize,
    },
    /// Not an object where the format wants one.
    #[error("{}", tr("json-not-object", &[]))]
    NotAnObject,
    /// Two members with one name (escaped).
    #[error("{}", tr("json-duplicate", &[("name", .0.into())]))]
    Duplicate(String),
    /// Nesting deeper than [`MAX_DEPTH`].
    #[error("{}", tr("json-too-deep", &[("max", MAX_DEPTH.into())]))]
    TooDeep,
    /// An array where the format has none.
    #[error("{}", tr("json-array", &[]))]
    Array,
    /// A member the format does not have (its name, escaped).
    #[error("{}", tr("json-unknown-member", &[("name", .0.into())]))]
    UnknownMember(String),
    /// A member the format requires is missing.
    #[error("{}", tr("json-missing-member", &[("name", .0.into())]))]
    MissingMember(String),
    /// A value of the wrong type or range.
    #[error("{}", tr("json-wrong-type", &[("line", (*line).into()), ("column", (*column).into())]))]
    WrongType {
        /// Line of the value.
        line: usize,
        /// Column of the value.
        column: usize,
    },
    /// Not JSON.
    #[error("{}", tr("json-syntax", &[("line", (*line).into()), ("column", (*column).into())]))]
    Syntax {
        /// Line of the error.
        line: usize,
        /// Column of the error.
        column: usize,
    },
    /// The document ends too early.
    #[error("{}", tr("json-eof", &[]))]
    Eof,
    /// Something after the document.
    #[error("{}", tr("json-trailing", &[]))]
    Trailing,
}

impl JsonError {
    /// The error of reading a parsed value as a typed one (`serde_json::from_value`).
    pub fn from_value_error(e: &serde_json::Error) -> JsonError {
        invalid_ref(e)
    }
}

/// The text between the first pair of backquotes of a serde message (a member name), escaped.
fn quoted(message: &str) -> String {
    let rest = message.split_once('`').map_or("", |(_, rest)| rest);
    let name = rest.split_once('`').map_or(rest, |(name, _)| name);
    crate::untrusted::quote(name)
}

/// Classifies the parser's complaint. `serde_json`'s words are English and quote the document
/// as it is; only the kind of problem, a member name (escaped) and the position are kept.
fn invalid(e: serde_json::Error) -> JsonError {
    invalid_ref(&e)
}

fn invalid_ref(e: &serde_json::Error) -> JsonError {
    use serde_json::error::Category;
    let message = e.to_string();
    let (line, column) = (e.line(), e.column());
    match e.classify() {
        Category::Eof => JsonError::Eof,
        Category::Syntax if message.starts_with("trailing characters") => JsonError::Trailing,
        Category::Data if message.starts_with("unknown field") => {
            JsonError::UnknownMember(quoted(&message))
        }
        Category::Data if message.starts_with("missing field") => {
            JsonError::MissingMember(quoted(&message))
        }
        Category::Data if message.starts_with("duplicate field") => {
            JsonError::Duplicate(quoted(&message))
        }
        Category::Data => JsonError::WrongType { line, column },
        Category::Syntax | Category::Io => JsonError::Syntax { line, column },
    }
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
        return Err(JsonError::NotAnObject);
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
    let found = std::cell::RefCell::new(None);
    let checked = Checker {
        depth: 0,
        arrays,
        found: &found,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end());
    if let Some(e) = found.into_inner() {
        return Err(e);
    }
    checked.map_err(invalid)?;
    serde_json::from_slice(bytes).map_err(invalid)
}

struct Checker<'e> {
    depth: usize,
    arrays: bool,
    /// What the checker refused, typed (serde only carries text).
    found: &'e std::cell::RefCell<Option<JsonError>>,
}

impl<'de> DeserializeSeed<'de> for Checker<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Checker<'_> {
    fn refuse<E: de::Error>(&self, e: JsonError) -> E {
        *self.found.borrow_mut() = Some(e);
        E::custom("refused")
    }

    fn nested<E: de::Error>(&self) -> Result<Checker<'_>, E> {
        if self.depth >= MAX_DEPTH {
            return Err(self.refuse(JsonError::TooDeep));
        }
        Ok(Checker {
            depth: self.depth + 1,
            arrays: self.arrays,
            found: self.found,
        })
    }
}

impl<'de> Visitor<'de> for Checker<'_> {
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
            return Err(self.refuse(JsonError::Array));
        }
        let inner = self.nested()?;
        while seq
            .next_element_seed(Checker {
                found: inner.found,
                ..inner
            })?
            .is_some()
        {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let inner = self.nested()?;
        let mut seen = BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                return Err(self.refuse(JsonError::Duplicate(crate::untrusted::quote(&key))));
            }
            seen.insert(key);
            map.next_value_seed(Checker {
                found: inner.found,
                ..inner
            })?;
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
            assert!(matches!(err, JsonError::Duplicate(_)), "{doc}: {err}");
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
        let err = parse_strict::<Strict>(doc.as_bytes(), 1000).unwrap_err();
        assert!(matches!(err, JsonError::UnknownMember(_)), "{err}");
        let err = err.to_string();
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
