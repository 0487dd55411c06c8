//! Property tests for the roster parser: never panics, and every accepted row is valid.

use proptest::prelude::*;
use sello_issuer::roster::{RosterFormat, RowDefaults, parse};

fn defaults() -> RowDefaults {
    RowDefaults {
        code: Some("EC0105".into()),
        title: Some("T".into()),
        ..Default::default()
    }
}

proptest! {
    #[test]
    fn roster_parser_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = parse(&bytes, RosterFormat::Csv, &defaults());
        let _ = parse(&bytes, RosterFormat::JsonLines, &defaults());
    }

    #[test]
    fn accepted_rows_are_valid_and_keys_unique(
        names in proptest::collection::vec("[A-Za-zÁÉÍÓÚáéíóúñÑ ,\"]{0,30}", 1..30),
    ) {
        let mut csv = String::from("nombre\n");
        for n in &names {
            csv.push('"');
            csv.push_str(&n.replace('"', "\"\""));
            csv.push_str("\"\n");
        }
        let (rows, errors) = parse(csv.as_bytes(), RosterFormat::Csv, &defaults()).unwrap();
        prop_assert_eq!(rows.len() + errors.len(), names.iter().filter(|n| !n.trim().is_empty()).count());
        let keys: std::collections::HashSet<_> = rows.iter().map(|r| r.row_key.clone()).collect();
        prop_assert_eq!(keys.len(), rows.len());
        for r in rows {
            prop_assert!(r.request.certificate.validate().is_ok());
        }
    }
}
