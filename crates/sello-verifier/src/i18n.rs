//! This crate's words: `i18n/es.ftl` and `i18n/en.ftl` (see `sello_core::i18n`).

sello_core::catalogue!(pub(crate));

/// This crate's catalogue, for crates that publish it (the page's `messages.js`).
pub fn catalog() -> &'static sello_core::i18n::Catalog {
    &CATALOG
}
