//! The page's words: `static/messages.js`, generated from the Fluent catalogues so that the
//! page and the JS verifier say exactly what the Rust crates say, in both languages.
//!
//! The file is committed (the JS verifier runs under Node from the source tree) and a test
//! checks that it is current; `SELLO_WRITE_MESSAGES=1 cargo test -p sello-web messages`
//! rewrites it after a catalogue changes.

/// The contents of `static/messages.js`: `CATALOG`, every message of `sello-core`'s catalogue
/// (verdicts, reasons, format errors) in Spanish and English, as the data of
/// [`sello_core::i18n::Catalog::to_json`].
pub fn messages_js() -> String {
    let core = sello_core::i18n::catalog()
        .to_json()
        .expect("sello-core's catalogue is plain Fluent");
    let json = serde_json::to_string_pretty(&core).expect("JSON values serialise");
    format!(
        "// Generated from crates/sello-core/i18n/*.ftl by sello_web::messages_js: do not edit.\n\
         // Rewrite with SELLO_WRITE_MESSAGES=1 cargo test -p sello-web messages.\n\
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
            "static/messages.js is stale: run SELLO_WRITE_MESSAGES=1 cargo test -p sello-web messages"
        );
    }
}
