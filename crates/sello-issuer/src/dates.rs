//! Reading and printing times: RFC 3339, calendar dates and Unix seconds (UTC throughout).

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, Time};

/// Parses `--at`/`--expires` values: Unix seconds, an RFC 3339 timestamp, or a date
/// (`YYYY-MM-DD`, meaning 00:00 UTC of that day, plus `day_offset` days).
pub fn parse(text: &str, day_offset: i64) -> Result<i64, String> {
    let text = text.trim();
    if let Ok(secs) = text.parse::<i64>() {
        return Ok(secs);
    }
    if let Ok(t) = OffsetDateTime::parse(text, &Rfc3339) {
        return Ok(t.unix_timestamp());
    }
    let date = Date::parse(text, format_description!("[year]-[month]-[day]")).map_err(|_| {
        format!("{text:?}: use YYYY-MM-DD, an RFC 3339 time such as 2026-11-24T10:00:00Z, or Unix seconds")
    })?;
    Ok(date.with_time(Time::MIDNIGHT).assume_utc().unix_timestamp() + day_offset * 86_400)
}

/// A calendar date (UTC) for people: `2026-11-24`.
pub fn date(secs: i64) -> String {
    OffsetDateTime::from_unix_timestamp(secs)
        .map(|t| t.date().to_string())
        .unwrap_or_else(|_| secs.to_string())
}

/// A timestamp for people: `2026-11-24 10:00 UTC`.
pub fn datetime(secs: i64) -> String {
    OffsetDateTime::from_unix_timestamp(secs)
        .ok()
        .and_then(|t| {
            t.format(format_description!(
                "[year]-[month]-[day] [hour]:[minute] UTC"
            ))
            .ok()
        })
        .unwrap_or_else(|| secs.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_forms() {
        assert_eq!(parse("1764000000", 0).unwrap(), 1_764_000_000);
        assert_eq!(parse("2026-11-24T00:00:00Z", 0).unwrap(), 1_795_478_400);
        assert_eq!(parse("2026-11-24", 0).unwrap(), 1_795_478_400);
        assert_eq!(parse("2026-11-24", 1).unwrap(), 1_795_478_400 + 86_400);
        assert!(parse("24/11/2026", 0).is_err());
        assert_eq!(date(1_795_478_400), "2026-11-24");
    }
}
