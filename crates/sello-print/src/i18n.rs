//! This crate's words: `i18n/es.ftl` and `i18n/en.ftl` (see `sello_core::i18n`).

sello_core::catalogue!(pub(crate));

#[cfg(test)]
mod tests {
    use super::CATALOG;

    #[test]
    fn every_problem_the_code_names_has_words() {
        // The `&'static str` payloads of TemplateError and PrintError::Field are message ids.
        let sources = [
            include_str!("template.rs"),
            include_str!("fields.rs"),
            include_str!("error.rs"),
            include_str!("pdf.rs"),
            include_str!("qr.rs"),
            include_str!("output.rs"),
        ];
        let mut named = 0;
        for source in sources {
            for id in source.split('"').skip(1).step_by(2) {
                let prefixes = [
                    "qr-slot-",
                    "complex-",
                    "where-",
                    "layout-",
                    "field-",
                    "template-",
                    "print-",
                    "qr-",
                    "output-",
                ];
                if prefixes.iter().any(|p| id.starts_with(p)) && !id.contains(' ') {
                    named += 1;
                    assert!(CATALOG.has(id), "{id} has no words");
                }
            }
        }
        assert!(named > 30, "only {named} ids found");
    }
}
