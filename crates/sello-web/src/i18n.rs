//! This crate's words: `i18n/es.ftl` and `i18n/en.ftl` (see `sello_core::i18n`): the API's
//! errors, the service's log and banner, and the page's texts (published in `messages.js`).

use sello_core::i18n::{Arg, Catalog, language};
use std::sync::LazyLock;

pub(crate) static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    Catalog::embedded(
        include_str!("../i18n/es.ftl"),
        include_str!("../i18n/en.ftl"),
    )
});

/// The message `id` in the language of the process (the log, the banner).
pub(crate) fn tr(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    CATALOG.format(language(), id, args)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_catalogue_is_whole_in_both_languages() {
        super::CATALOG.check().unwrap();
    }
}
