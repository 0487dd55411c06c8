//! The words people read, in Spanish and English: Fluent catalogues (`i18n/es.ftl` and
//! `i18n/en.ftl` in each crate), the language in use, and the one way to look a message up.
//!
//! Every Sello crate keeps its user-facing text in its own two catalogues, embedded in the
//! binary, and reads them through a [`Catalog`]: verdicts and reasons here, input errors in
//! `sello-verifier`, the CLI's messages and help in `sello-cli`, the page's texts in
//! `sello-web` (which generates the page's JavaScript catalogue from its `.ftl` files). Each
//! crate's tests check that both languages have the same messages and that every message
//! formats (`Catalog::check`).
//!
//! Errors whose `Display` people read are written in the language set with [`set_language`]
//! (Spanish unless told): the CLI sets it from `--lang` or the locale before it does anything.
//!
//! ```
//! use sello_core::i18n::{Arg, Catalog};
//! use sello_core::Lang;
//!
//! let catalog = Catalog::parse(
//!     "saludo = Hola, { $nombre }.\ncuantos = { $n ->\n    [one] un certificado\n   *[other] { $n } certificados\n}\n",
//!     "saludo = Hello, { $nombre }.\ncuantos = { $n ->\n    [one] one certificate\n   *[other] { $n } certificates\n}\n",
//! )
//! .unwrap();
//! assert_eq!(catalog.format(Lang::Es, "saludo", &[("nombre", Arg::from("Ana"))]), "Hola, Ana.");
//! assert_eq!(catalog.format(Lang::En, "cuantos", &[("n", Arg::from(1))]), "one certificate");
//! assert_eq!(catalog.format(Lang::Es, "cuantos", &[("n", Arg::from(39))]), "39 certificados");
//! catalog.check().unwrap();
//! ```

use crate::reason::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::atomic::{AtomicU8, Ordering};

static LANGUAGE: AtomicU8 = AtomicU8::new(0);

/// Sets the language of the messages people read (errors' `Display` included), for the whole
/// process.
pub fn set_language(lang: Lang) {
    LANGUAGE.store(
        match lang {
            Lang::Es => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// The language set with [`set_language`]; Spanish until then.
pub fn language() -> Lang {
    match LANGUAGE.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Es,
    }
}

/// A value given to a message: text or a number.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    /// Text, placed as it is (callers escape untrusted text first).
    Text(Cow<'a, str>),
    /// A whole number (plural forms select on it).
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Arg<'a> {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Arg<'a> {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(s: Cow<'a, str>) -> Arg<'a> {
        Arg::Text(s)
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(i32, i64, u8, u16, u32, u64, usize);

/// One crate's messages in Spanish and English.
pub struct Catalog {
    es: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
    ids: Vec<String>,
    en_ids: Vec<String>,
    sources: [String; 2],
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("messages", &self.ids.len())
            .finish()
    }
}

fn bundle(lang: &str, source: &str) -> Result<FluentBundle<FluentResource>, String> {
    let resource = FluentResource::try_new(source.to_owned())
        .map_err(|(_, errors)| format!("{lang}.ftl does not parse: {errors:?}"))?;
    let locale = lang.parse().map_err(|e| format!("{lang}: {e}"))?;
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // No Unicode isolation marks around values: untrusted values are escaped and isolated by
    // whoever shows them (FORMAT.md §2.4), and the marks would reach terminals as they are.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|e| format!("{lang}.ftl: {e:?}"))?;
    Ok(bundle)
}

fn message_ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_owned()))
        .collect()
}

impl Catalog {
    /// Reads the Spanish and English catalogues (Fluent syntax).
    pub fn parse(es: &str, en: &str) -> Result<Catalog, String> {
        Ok(Catalog {
            es: bundle("es", es)?,
            en: bundle("en", en)?,
            ids: message_ids(es),
            en_ids: message_ids(en),
            sources: [es.to_owned(), en.to_owned()],
        })
    }

    /// Reads the catalogues embedded in a binary; a broken catalogue is a bug of the build
    /// (each crate's tests parse it), so it panics with the reason.
    pub fn embedded(es: &str, en: &str) -> Catalog {
        Catalog::parse(es, en).unwrap_or_else(|e| panic!("a message catalogue is broken: {e}"))
    }

    /// The message `id` in `lang`, with `args`. A message that is missing, or that fails to
    /// format, gives its id (each crate's tests make sure none does).
    pub fn format(&self, lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let bundle = match lang {
            Lang::Es => &self.es,
            Lang::En => &self.en,
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(s) => FluentValue::from(s.as_ref().to_owned()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(name.to_string(), value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if errors.is_empty() {
            text.into_owned()
        } else {
            id.to_owned()
        }
    }

    /// The message `id` in `lang`, without arguments.
    pub fn text(&self, lang: Lang, id: &str) -> String {
        self.format(lang, id, &[])
    }

    /// The message ids, in the order of the Spanish catalogue.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.ids.iter().map(String::as_str)
    }

    /// Checks that both languages have exactly the same messages, each with a value. (Whether
    /// each formats with its arguments is for the code that uses it, and its tests.)
    pub fn check(&self) -> Result<(), String> {
        let mut es = self.ids.clone();
        let mut en = self.en_ids.clone();
        es.sort();
        en.sort();
        if let Some(dup) = es.windows(2).find(|w| w[0] == w[1]) {
            return Err(format!("es.ftl has {} twice", dup[0]));
        }
        if es != en {
            let only_es: Vec<_> = es.iter().filter(|i| !en.contains(i)).collect();
            let only_en: Vec<_> = en.iter().filter(|i| !es.contains(i)).collect();
            return Err(format!(
                "only in es.ftl: {only_es:?}; only in en.ftl: {only_en:?}"
            ));
        }
        for id in &self.ids {
            for (name, bundle) in [("es", &self.es), ("en", &self.en)] {
                if bundle.get_message(id).and_then(|m| m.value()).is_none() {
                    return Err(format!("{name}.ftl has no value for {id}"));
                }
            }
        }
        Ok(())
    }

    /// Both languages' messages as data for the page's JavaScript (`sello-web` writes them into
    /// `static/messages.js`): `{"es": {id: pattern}, "en": {…}}`, where a pattern is a string,
    /// or an array of parts, each a string, `{"var": name}` or `{"select": name, "variants":
    /// {key: pattern}, "default": key}` (keys are plural categories or values). Those are all
    /// the Fluent Sello's catalogues use; anything else is refused.
    pub fn to_json(&self) -> Result<serde_json::Value, String> {
        let mut out = serde_json::Map::new();
        for (lang, source) in ["es", "en"].iter().zip(&self.sources) {
            let resource = FluentResource::try_new(source.clone())
                .map_err(|(_, e)| format!("{lang}.ftl: {e:?}"))?;
            let mut messages = serde_json::Map::new();
            for entry in resource.entries() {
                if let ast::Entry::Message(m) = entry
                    && let Some(value) = &m.value
                {
                    messages.insert(m.id.name.to_owned(), pattern_json(value)?);
                }
            }
            out.insert((*lang).to_owned(), serde_json::Value::Object(messages));
        }
        Ok(serde_json::Value::Object(out))
    }

    /// Whether the catalogue has the message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.es.has_message(id) && self.en.has_message(id)
    }
}

use fluent_syntax::ast;

fn pattern_json(pattern: &ast::Pattern<&str>) -> Result<serde_json::Value, String> {
    let mut parts = Vec::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                parts.push(serde_json::Value::from(*value));
            }
            ast::PatternElement::Placeable { expression } => {
                parts.push(expression_json(expression)?)
            }
        }
    }
    // Adjacent text (Fluent splits lines) joined; a pattern of one string is that string.
    let mut joined: Vec<serde_json::Value> = Vec::new();
    for part in parts {
        match (joined.last_mut(), &part) {
            (Some(serde_json::Value::String(last)), serde_json::Value::String(text)) => {
                last.push_str(text);
            }
            _ => joined.push(part),
        }
    }
    Ok(match joined.as_slice() {
        [serde_json::Value::String(text)] => serde_json::Value::from(text.clone()),
        _ => serde_json::Value::Array(joined),
    })
}

fn expression_json(expression: &ast::Expression<&str>) -> Result<serde_json::Value, String> {
    match expression {
        ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
            Ok(serde_json::json!({ "var": id.name }))
        }
        ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
            Ok(serde_json::Value::from(*value))
        }
        ast::Expression::Select {
            selector: ast::InlineExpression::VariableReference { id },
            variants,
        } => {
            let mut out = serde_json::Map::new();
            let mut default = String::new();
            for variant in variants {
                let key = match &variant.key {
                    ast::VariantKey::Identifier { name } => (*name).to_owned(),
                    ast::VariantKey::NumberLiteral { value } => (*value).to_owned(),
                };
                if variant.default {
                    default = key.clone();
                }
                out.insert(key, pattern_json(&variant.value)?);
            }
            Ok(serde_json::json!({ "select": id.name, "variants": out, "default": default }))
        }
        other => Err(format!(
            "a Fluent expression the page cannot format: {other:?}"
        )),
    }
}

/// Looks a message up in a crate's catalogue: `t!(CATALOG, lang, "id", name = value, …)`.
#[macro_export]
macro_rules! t {
    ($catalog:expr, $lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $catalog.format(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

/// An operating system's error (a file that could not be read or written), for a person, in
/// the language set with [`set_language`]: the kind of error, never the system's English text.
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let id = match e.kind() {
        ErrorKind::NotFound => "io-not-found",
        ErrorKind::PermissionDenied => "io-permission-denied",
        ErrorKind::IsADirectory => "io-is-a-directory",
        ErrorKind::NotADirectory => "io-not-a-directory",
        ErrorKind::InvalidData => "io-invalid-data",
        ErrorKind::FileTooLarge => "io-too-large",
        _ => {
            let kind = e
                .raw_os_error()
                .map_or_else(|| format!("{:?}", e.kind()), |code| format!("errno {code}"));
            return CATALOG.format(language(), "io-other", &[("kind", Arg::from(kind))]);
        }
    };
    CATALOG.text(language(), id)
}

/// This crate's catalogue (verdicts, reasons, format errors), for other crates that publish
/// it (the page's `messages.js`).
pub fn catalog() -> &'static Catalog {
    &CATALOG
}

/// This crate's catalogue.
pub(crate) static CATALOG: std::sync::LazyLock<Catalog> = std::sync::LazyLock::new(|| {
    Catalog::embedded(
        include_str!("../i18n/es.ftl"),
        include_str!("../i18n/en.ftl"),
    )
});

/// The message `id` of this crate's catalogue in the language in use.
pub(crate) fn tr(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    CATALOG.format(language(), id, args)
}

/// A crate's words, the same way in every crate of the workspace: `CATALOG` (its
/// `i18n/es.ftl` and `i18n/en.ftl`, embedded), `tr(id, args)` in the language in use, the
/// helpers `escaped` (an untrusted text) and `path_of` (a path, escaped), and a test that both
/// languages have the same messages. `sello_core::catalogue!(pub(crate));` in the crate's
/// `i18n.rs` (the visibility of the items is the argument).
#[macro_export]
macro_rules! catalogue {
    ($vis:vis) => {
        /// This crate's catalogue: `i18n/es.ftl` and `i18n/en.ftl`, embedded.
        $vis static CATALOG: std::sync::LazyLock<$crate::i18n::Catalog> =
            std::sync::LazyLock::new(|| {
                $crate::i18n::Catalog::embedded(
                    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/i18n/es.ftl")),
                    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/i18n/en.ftl")),
                )
            });

        /// The message `id` in the language in use.
        #[allow(dead_code)]
        $vis fn tr(id: &str, args: &[(&str, $crate::i18n::Arg<'_>)]) -> String {
            CATALOG.format($crate::i18n::language(), id, args)
        }

        /// An untrusted text for a message (a cell, a name, a parser's words), escaped.
        #[allow(dead_code)]
        $vis fn escaped(w: &str) -> String {
            $crate::untrusted::escape(w).into_owned()
        }

        /// A path for a message: escaped, as every untrusted text shown to a person.
        #[allow(dead_code)]
        $vis fn path_of(p: &std::path::Path) -> String {
            $crate::untrusted::escape(&p.display().to_string()).into_owned()
        }

        #[cfg(test)]
        mod catalogue_tests {
            #[test]
            fn the_catalogue_is_whole_in_both_languages() {
                super::CATALOG.check().unwrap();
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_crates_catalogue_is_whole_in_both_languages() {
        CATALOG.check().unwrap();
        assert!(CATALOG.ids().count() > 10);
    }

    #[test]
    fn the_catalogue_as_data_for_the_page() {
        let catalog = Catalog::parse(
            "a = Hola\nb = { $n ->\n    [one] un { $x }\n   *[other] { $n } cosas\n}\n",
            "a = Hello\nb = { $n ->\n    [one] one { $x }\n   *[other] { $n } things\n}\n",
        )
        .unwrap();
        let json = catalog.to_json().unwrap();
        assert_eq!(json["es"]["a"], "Hola");
        assert_eq!(
            json["en"]["b"],
            serde_json::json!([{"select": "n", "default": "other", "variants": {
                "one": ["one ", {"var": "x"}],
                "other": [{"var": "n"}, " things"],
            }}])
        );
        assert!(CATALOG.to_json().unwrap()["es"]["reason-revoked"].is_string());
    }

    #[test]
    fn missing_messages_and_arguments_give_the_id() {
        let catalog = Catalog::parse("a = uno { $x }\n", "a = one { $x }\n").unwrap();
        assert_eq!(catalog.format(Lang::Es, "nope", &[]), "nope");
        assert_eq!(catalog.format(Lang::En, "a", &[]), "a");
        assert_eq!(
            catalog.format(Lang::En, "a", &[("x", Arg::from(2))]),
            "one 2"
        );
        assert!(
            Catalog::parse("a = uno\n", "b = one\n")
                .unwrap()
                .check()
                .is_err()
        );
        assert!(Catalog::parse("a = {", "a = b").is_err());
    }

    #[test]
    fn the_language_is_set_for_the_process() {
        assert_eq!(language(), Lang::Es);
        set_language(Lang::En);
        assert_eq!(language(), Lang::En);
        set_language(Lang::Es);
    }
}
