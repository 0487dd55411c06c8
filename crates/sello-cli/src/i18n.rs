//! This crate's words: `i18n/es.ftl` and `i18n/en.ftl` (see `sello_core::i18n`). Every string
//! `sello` shows a person comes from there, through [`tr`] or the `tr!` macro; a test
//! (`tests::no_words_outside_the_catalogue`) fails when one is written in the code instead.

sello_core::catalogue!(pub);

/// `tr!("id", name = value, …)`: the message `id` of this crate's catalogue, in the language in
/// use, with its arguments.
macro_rules! tr {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        sello_core::t!(
            $crate::i18n::CATALOG,
            sello_core::i18n::language(),
            $id
            $(, $name = $value)*
        )
    };
}

#[cfg(test)]
mod tests {
    use super::CATALOG;
    use sello_core::Lang;

    #[test]
    fn spanish_agrees_in_number() {
        use sello_core::i18n::Arg;
        let status = |revoked: i64| {
            CATALOG.format(
                Lang::Es,
                "status-published",
                &[
                    ("path", Arg::from("s.jwt")),
                    ("entries", Arg::from(revoked)),
                    ("revoked", Arg::from(revoked)),
                    ("until", Arg::from("2030-01-01")),
                ],
            )
        };
        assert!(
            status(1).contains("1 entrada, 1 revocado;"),
            "{}",
            status(1)
        );
        assert!(
            status(2).contains("2 entradas, 2 revocados;"),
            "{}",
            status(2)
        );
        let summary = |valid: i64, invalid: i64| {
            CATALOG.format(
                Lang::Es,
                "verify-summary",
                &[
                    ("valid", Arg::from(valid)),
                    ("invalid", Arg::from(invalid)),
                    ("indeterminate", Arg::from(0)),
                    ("unread", Arg::from(0)),
                ],
            )
        };
        assert_eq!(summary(39, 1), "39 válidos, 1 no válido, 0 sin confirmar");
        assert_eq!(summary(1, 2), "1 válido, 2 no válidos, 0 sin confirmar");
    }
}
