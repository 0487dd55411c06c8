//! Rosters, as CSV and as JSON Lines: every accepted row must be a valid certificate.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sello_issuer::roster::{RosterFormat, RowDefaults, parse};

fuzz_target!(|data: &[u8]| {
    let defaults = RowDefaults {
        code: Some("EC0105".into()),
        title: Some("T".into()),
        ..Default::default()
    };
    for format in [RosterFormat::Csv, RosterFormat::JsonLines] {
        if let Ok((rows, _)) = parse(data, format, &defaults) {
            for row in rows {
                assert!(row.request.certificate.validate().is_ok());
            }
        }
    }
});
