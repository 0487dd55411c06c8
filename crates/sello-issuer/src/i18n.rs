//! This crate's words: `i18n/es.ftl` and `i18n/en.ftl` (see `sello_core::i18n`).

sello_core::catalogue!(pub(crate));
