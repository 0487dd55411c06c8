//! This crate's words: `i18n/es.ftl` and `i18n/en.ftl` (see `sello_core::i18n`): the API's
//! errors, the service's log and banner, and the page's texts (published in `messages.js`).

sello_core::catalogue!(pub(crate));
