//! The page's words: `static/messages.js`, generated from the Fluent catalogues so that the
//! page and the JS verifier say exactly what the Rust crates say, in both languages.
//!
//! The file is committed (the JS verifier runs under Node from the source tree) and a test
//! checks that it is current; `SELLO_WRITE_MESSAGES=1 cargo test -p sello-web --lib messages`
//! rewrites it after a catalogue changes.

/// The contents of `static/messages.js`: `CATALOG`, in Spanish and English, every message of
/// `sello-core`'s catalogue (verdicts, reasons, format errors), of `sello-verifier`'s (input,
/// trust and status-list errors) and of this crate's (the page's texts, `page-…`, among them), as the data of [`sello_core::i18n::Catalog::to_json`].
pub fn messages_js() -> String {
    let mut merged = serde_json::Map::new();
    for catalog in [
        sello_core::i18n::catalog(),
        sello_verifier::catalog(),
        &*crate::i18n::CATALOG,
    ] {
        let json = catalog.to_json().expect("the catalogues are plain Fluent");
        for (lang, messages) in json.as_object().expect("an object of languages") {
            let into = merged
                .entry(lang.clone())
                .or_insert_with(|| serde_json::Value::Object(Default::default()))
                .as_object_mut()
                .expect("an object of messages");
            for (id, pattern) in messages.as_object().expect("an object of messages") {
                let old = into.insert(id.clone(), pattern.clone());
                assert!(old.is_none(), "message {id} is in two catalogues");
            }
        }
    }
    let json = serde_json::to_string_pretty(&merged).expect("JSON values serialise");
    format!(
        "// Generated from the i18n/*.ftl of sello-core, sello-verifier and sello-web by\n\
         // sello_web::messages_js: do not edit.\n\
         // Rewrite with SELLO_WRITE_MESSAGES=1 cargo test -p sello-web --lib messages.\n\
         //\n\
         // CATALOG[lang][id] is a pattern: a string, or an array of strings, {{\"var\": name}} and\n\
         // {{\"select\": name, \"variants\": {{key: pattern}}, \"default\": key}} (sello-verify.js formats it).\n\
         export const CATALOG = Object.freeze({json});\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_messages_js_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static/messages.js");
        let wanted = messages_js();
        if std::env::var_os("SELLO_WRITE_MESSAGES").is_some() {
            std::fs::write(&path, &wanted).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == wanted,
            "static/messages.js is stale: run SELLO_WRITE_MESSAGES=1 cargo test -p sello-web --lib messages"
        );
    }
}
