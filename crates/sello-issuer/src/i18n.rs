//! This crate's words: `i18n/es.ftl` and `i18n/en.ftl` (see `sello_core::i18n`).

use sello_core::i18n::{Arg, Catalog, language};
use std::path::Path;
use std::sync::LazyLock;

pub(crate) static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    Catalog::embedded(
        include_str!("../i18n/es.ftl"),
        include_str!("../i18n/en.ftl"),
    )
});

/// The message `id` in the language in use.
pub(crate) fn tr(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    CATALOG.format(language(), id, args)
}

/// An untrusted text for a message (a cell, a column name), escaped.
pub(crate) fn escaped(w: &str) -> String {
    sello_core::untrusted::escape(w).into_owned()
}

/// A path for a message: escaped, as every untrusted text shown to a person.
pub(crate) fn path_of(p: &Path) -> String {
    sello_core::untrusted::escape(&p.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_catalogue_is_whole_in_both_languages() {
        super::CATALOG.check().unwrap();
    }
}
