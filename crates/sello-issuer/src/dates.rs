//! Reading the times people give: `--expires`, roster `expires`/`vence` cells, `--at`.
//!
//! Each is Unix seconds, an RFC 3339 time with its offset (`2031-11-24T18:00:00-06:00`), or a
//! calendar date `YYYY-MM-DD`, which is meant in the issuer's time zone
//! ([`sello_core::zone`], FORMAT §3.9): for an expiry, valid through that day (`exp` is the
//! start of the next day there); for an instant, the start of that day. Dates are shown with
//! [`sello_core::zone::Zone`].

use crate::i18n::{escaped, tr};
use sello_core::i18n::Arg;
use sello_core::untrusted;
use sello_core::zone::{Date, DateProblem, Zone};

/// Why a time could not be read. Each message gives an example of what would be.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// None of the forms (the text, escaped).
    #[error("{}", tr("date-unreadable", &[("text", Arg::from(escaped(.0)))]))]
    Unreadable(String),
    /// A date of the right form that does not exist (the text).
    #[error("{}", tr("date-no-such-day", &[("text", Arg::from(escaped(.0)))]))]
    NoSuchDay(String),
    /// Before 1970 or after 9999 (FORMAT §2.3), in the issuer's time zone (the text).
    #[error("{}", tr("date-out-of-range", &[("text", Arg::from(escaped(.0)))]))]
    OutOfRange(String),
}

impl DateError {
    /// The text that was given, escaped.
    pub fn text(&self) -> &str {
        match self {
            DateError::Unreadable(t) | DateError::NoSuchDay(t) | DateError::OutOfRange(t) => t,
        }
    }
}

/// What a calendar date stands for.
#[derive(Clone, Copy)]
enum DayMeans {
    /// The start of that day.
    Start,
    /// The start of the next day: valid through that day.
    Through,
}

fn parse(text: &str, zone: &Zone, day: DayMeans) -> Result<i64, DateError> {
    let text = text.trim();
    let quoted = || untrusted::quote(text);
    if let Ok(secs) = text.parse::<i64>() {
        return Ok(secs);
    }
    if let Ok(t) = text.parse::<jiff::Timestamp>() {
        return Ok(t.as_second());
    }
    let date: Date = text.parse().map_err(|e| match e {
        DateProblem::NoSuchDay => DateError::NoSuchDay(quoted()),
        _ => DateError::Unreadable(quoted()),
    })?;
    match day {
        DayMeans::Start => zone.start_of_day(date),
        DayMeans::Through => zone.start_of_day_after(date),
    }
    .map_err(|_| DateError::OutOfRange(quoted()))
}

/// An expiry (`--expires`, a roster's `expires` cell): a date means valid through that day in
/// `zone`, so `exp` is the first instant of the next day there; a time or Unix seconds is
/// `exp` itself.
pub fn parse_expiry(text: &str, zone: &Zone) -> Result<i64, DateError> {
    parse(text, zone, DayMeans::Through)
}

/// An instant (`--at`): a date means the first instant of that day in `zone`.
pub fn parse_instant(text: &str, zone: &Zone) -> Result<i64, DateError> {
    parse(text, zone, DayMeans::Start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_forms() {
        let utc = Zone::utc();
        let cdmx = Zone::named("America/Mexico_City").unwrap();
        assert_eq!(parse_instant("1764000000", &utc).unwrap(), 1_764_000_000);
        assert_eq!(parse_expiry("1764000000", &cdmx).unwrap(), 1_764_000_000);
        for zone in [&utc, &cdmx] {
            assert_eq!(
                parse_instant("2026-11-24T00:00:00Z", zone).unwrap(),
                1_795_478_400
            );
            assert_eq!(
                parse_expiry("2026-11-24T18:00:00-06:00", zone).unwrap(),
                1_795_478_400 + 24 * 3600
            );
        }
        assert_eq!(parse_instant(" 2026-11-24 ", &utc).unwrap(), 1_795_478_400);
        assert_eq!(
            parse_expiry("2026-11-24", &utc).unwrap(),
            1_795_478_400 + 86_400
        );
        // In Mexico City (-06:00), the day starts six hours later.
        assert_eq!(
            parse_instant("2026-11-24", &cdmx).unwrap(),
            1_795_478_400 + 6 * 3600
        );
        assert_eq!(
            parse_expiry("2026-11-24", &cdmx).unwrap(),
            1_795_478_400 + 30 * 3600
        );
    }

    #[test]
    fn errors_say_what_was_given_and_give_an_example() {
        let utc = Zone::utc();
        for bad in [
            "24/11/2026",
            "mañana",
            "2026-11-24T10:00",
            "",
            "2026-11-24 10:00",
        ] {
            let err = parse_expiry(bad, &utc).unwrap_err();
            assert!(matches!(err, DateError::Unreadable(_)), "{bad:?}: {err}");
            assert!(err.to_string().contains("2031-11-24"), "{err}");
        }
        let err = parse_expiry("2026-02-30", &utc).unwrap_err();
        assert_eq!(err, DateError::NoSuchDay("2026-02-30".into()));
        // In either language: the example, and from when days count.
        assert!(err.to_string().contains("2031-11-24") && err.to_string().contains("1970"));
        assert!(matches!(
            parse_expiry("9999-12-31", &utc),
            Err(DateError::OutOfRange(_))
        ));
        // A name hiding text in the error is escaped.
        let err = parse_expiry("2026\u{202e}", &utc).unwrap_err();
        assert!(sello_core::untrusted::first_forbidden(&err.to_string()).is_none());
        assert_eq!(err.text(), "2026\\u{202e}");
    }
}
