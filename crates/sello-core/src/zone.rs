//! The issuer's time zone, and the one rule for the dates a person reads (FORMAT.md §3.9).
//!
//! An issuer names its time zone in its key set (`time_zone`, FORMAT.md §5.1): an IANA name
//! such as `America/Mexico_City`, looked up in the tz database bundled into the binary (never
//! the machine's, so that every machine shows the same dates); a key set without one is in UTC.
//!
//! - An issuer told that a certificate is valid through a date *D* sets `exp` to the first
//!   instant of the day after *D* in its zone: [`Zone::start_of_day_after`].
//! - Every display shows `exp` as "valid through" the calendar date of `exp − 1` in the
//!   issuer's zone ([`Zone::valid_through`]), and `iat` as the date it falls on there
//!   ([`Zone::date`]).
//!
//! ```
//! use sello_core::zone::{Date, Zone};
//!
//! let cdmx = Zone::named("America/Mexico_City").unwrap();
//! let through: Date = "2031-11-24".parse().unwrap();
//! let exp = cdmx.start_of_day_after(through).unwrap();
//! assert_eq!(exp, 1_953_352_800); // 2031-11-25T00:00:00-06:00
//! assert_eq!(cdmx.valid_through(exp), through);
//! // The same instant for an issuer in UTC is 06:00 on the 25th: valid through the 25th.
//! assert_eq!(Zone::utc().valid_through(exp).to_string(), "2031-11-25");
//! ```

use crate::i18n::tr;
use jiff::civil::DateTime;
use jiff::tz::{TimeZone, TimeZoneDatabase};
use jiff::{SignedDuration, Timestamp};
use std::sync::LazyLock;

/// Longest `time_zone`, in bytes.
pub const MAX_TIME_ZONE_BYTES: usize = 64;

/// The first parts (areas) of the IANA names a key set may give (FORMAT.md §5.1); `UTC` is
/// allowed too. The tz database's other names are deprecated links kept for compatibility
/// (`US/Eastern`, `EST`, `Mexico/General`), and engines add names of their own beside them
/// (ICU knows `PST`, `IST`, `SystemV/EST5`): outside these areas, verifiers would disagree.
pub const AREAS: [&str; 11] = [
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Etc",
    "Europe",
    "Indian",
    "Pacific",
];

/// The tz database Sello reads: the one compiled into the binary.
static DATABASE: LazyLock<TimeZoneDatabase> = LazyLock::new(TimeZoneDatabase::bundled);

/// Why a time-zone name was refused. Messages are in the language set with
/// [`crate::i18n::set_language`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ZoneProblem {
    /// Not of the form of FORMAT.md §5.1 (an area, `/`, a location; or `UTC`; at most 64
    /// printable ASCII bytes). The name, escaped.
    #[error("{}", tr("zone-shape", &[("name", .0.into()), ("max", MAX_TIME_ZONE_BYTES.into())]))]
    Shape(String),
    /// Of the right form, but not a zone of the tz database Sello knows. The name, escaped.
    #[error("{}", tr("zone-unknown", &[("name", .0.into())]))]
    Unknown(String),
}

/// Checks a `time_zone` (FORMAT.md §5.1) and returns its spelling in the tz database
/// (`america/mexico_city` gives `America/Mexico_City`: names match whatever their case).
pub fn check_time_zone(name: &str) -> Result<String, ZoneProblem> {
    Zone::named(name).map(|z| z.name.unwrap_or_else(|| "UTC".into()))
}

fn has_zone_shape(name: &str) -> bool {
    if name.is_empty()
        || name.len() > MAX_TIME_ZONE_BYTES
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/_+-".contains(&b))
    {
        return false;
    }
    if name.eq_ignore_ascii_case("UTC") {
        return true;
    }
    let Some((area, rest)) = name.split_once('/') else {
        return false;
    };
    AREAS.iter().any(|a| a.eq_ignore_ascii_case(area))
        && !rest.is_empty()
        && rest
            .split('/')
            .all(|part| part.bytes().next().is_some_and(|b| b.is_ascii_alphabetic()))
}

/// A time zone of an issuer: UTC, or a zone of the bundled IANA tz database.
#[derive(Debug, Clone)]
pub struct Zone {
    /// The tz database's name; `None` for the UTC of a key set without `time_zone`.
    name: Option<String>,
    tz: TimeZone,
}

impl Default for Zone {
    fn default() -> Zone {
        Zone::utc()
    }
}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        self.name == other.name
    }
}

impl Eq for Zone {}

impl Zone {
    /// UTC: the zone of an issuer whose key set names none.
    pub fn utc() -> Zone {
        Zone {
            name: None,
            tz: TimeZone::UTC,
        }
    }

    /// The zone `name` (FORMAT.md §5.1), matched whatever its case.
    pub fn named(name: &str) -> Result<Zone, ZoneProblem> {
        if !has_zone_shape(name) {
            return Err(ZoneProblem::Shape(crate::untrusted::quote(name)));
        }
        let unknown = || ZoneProblem::Unknown(crate::untrusted::quote(name));
        let tz = DATABASE.get(name).map_err(|_| unknown())?;
        let canonical = tz.iana_name().ok_or_else(unknown)?.to_owned();
        // The shape admits no other special name, but stay sure: jiff's "unknown" zone is none.
        if canonical.eq_ignore_ascii_case("Etc/Unknown") {
            return Err(unknown());
        }
        Ok(Zone {
            name: Some(canonical),
            tz,
        })
    }

    /// The zone of an issuer: its `time_zone`, or UTC when it has none. A name that is not a
    /// known zone (key sets and issuer folders refuse one, so only an [`crate::IssuerInfo`]
    /// built by hand can have it) is taken as UTC, which every date shown then says.
    pub fn of(issuer: &crate::IssuerInfo) -> Zone {
        issuer
            .time_zone
            .as_deref()
            .and_then(|name| Zone::named(name).ok())
            .unwrap_or_else(Zone::utc)
    }

    /// The tz database's name of the zone, or `None` for the UTC of no `time_zone`.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The local date and time of `t` (seconds since the epoch) in this zone, with the offset.
    /// Never fails: every time of FORMAT.md §2.3 has one (beyond what jiff can place in a zone,
    /// in the last hours of the year 9999, the zone's last offset is used, or UTC).
    pub fn local(&self, t: i64) -> LocalTime {
        let clamped = Timestamp::from_second(t).unwrap_or(if t < 0 {
            Timestamp::MIN
        } else {
            Timestamp::MAX
        });
        let offset = self.tz.to_offset(clamped).seconds();
        let epoch = DateTime::constant(1970, 1, 1, 0, 0, 0, 0);
        let at = |offset: i32| {
            epoch.checked_add(SignedDuration::from_secs(
                t.saturating_add(i64::from(offset)),
            ))
        };
        let (civil, offset) = match at(offset) {
            Ok(civil) => (civil, offset),
            Err(_) => match at(0) {
                Ok(civil) => (civil, 0),
                Err(_) if t < 0 => (DateTime::MIN, 0),
                Err(_) => (DateTime::MAX, 0),
            },
        };
        LocalTime {
            date: Date {
                year: civil.year(),
                month: civil.month() as u8,
                day: civil.day() as u8,
            },
            hour: civil.hour() as u8,
            minute: civil.minute() as u8,
            second: civil.second() as u8,
            offset,
        }
    }

    /// The calendar date of `t` in this zone.
    pub fn date(&self, t: i64) -> Date {
        self.local(t).date
    }

    /// The last day of validity of a certificate whose `exp` is `exp`: the calendar date of
    /// `exp − 1` in this zone (FORMAT.md §3.9).
    pub fn valid_through(&self, exp: i64) -> Date {
        self.date(exp.saturating_sub(1))
    }

    /// The first instant of `date` in this zone (its midnight, or the end of a gap that
    /// swallowed midnight), as seconds since the epoch.
    pub fn start_of_day(&self, date: Date) -> Result<i64, OutOfRange> {
        let date = date.to_jiff().ok_or(OutOfRange)?;
        let start = date
            .to_zoned_datetime(self.tz.clone())
            .map_err(|_| OutOfRange)?;
        let t = start.timestamp().as_second();
        (0..=crate::certificate::MAX_TIME)
            .contains(&t)
            .then_some(t)
            .ok_or(OutOfRange)
    }

    /// What an issuer given "valid through `date`" writes as `exp` (FORMAT.md §3.9): the first
    /// instant of the day after `date` in this zone.
    pub fn start_of_day_after(&self, date: Date) -> Result<i64, OutOfRange> {
        let next = date
            .to_jiff()
            .and_then(|d| d.tomorrow().ok())
            .ok_or(OutOfRange)?;
        self.start_of_day(Date::from_jiff(next))
    }
}

/// A date or time that cannot be a time of FORMAT.md §2.3 (before 1970 or after 9999).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr("time-out-of-range", &[]))]
pub struct OutOfRange;

/// A calendar date (proleptic Gregorian). Shown as `YYYY-MM-DD`; parsed from exactly that.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year.
    pub year: i16,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

impl Date {
    fn to_jiff(self) -> Option<jiff::civil::Date> {
        jiff::civil::Date::new(self.year, self.month as i8, self.day as i8).ok()
    }

    fn from_jiff(date: jiff::civil::Date) -> Date {
        Date {
            year: date.year(),
            month: date.month() as u8,
            day: date.day() as u8,
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Why a text is not a date `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateProblem {
    /// Not four digits, `-`, two digits, `-`, two digits.
    #[error("{}", tr("date-form", &[]))]
    Form,
    /// The form is right but the day does not exist (`2026-02-30`), or the year is before 1970.
    #[error("{}", tr("date-no-such-day", &[]))]
    NoSuchDay,
}

impl std::str::FromStr for Date {
    type Err = DateProblem;

    /// Exactly `YYYY-MM-DD`, of a year from 1970 to 9999 (FORMAT.md §2.3).
    fn from_str(s: &str) -> Result<Date, DateProblem> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) {
            return Err(DateProblem::Form);
        }
        if !digits(5..7) || !digits(8..10) {
            return Err(DateProblem::Form);
        }
        let n = |r: std::ops::Range<usize>| s[r].parse::<u16>().unwrap_or(0);
        let date = Date {
            year: n(0..4) as i16,
            month: n(5..7) as u8,
            day: n(8..10) as u8,
        };
        if date.year < 1970 || date.to_jiff().is_none() {
            return Err(DateProblem::NoSuchDay);
        }
        Ok(date)
    }
}

/// A local date and time in a zone, with the zone's offset from UTC then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    /// The local date.
    pub date: Date,
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Second, 0–59.
    pub second: u8,
    /// Seconds east of UTC (−06:00 is −21,600).
    pub offset: i32,
}

impl LocalTime {
    /// The offset for people: `UTC` for zero, else `UTC-06:00`, `UTC+05:30` (and `:SS` for the
    /// odd historical offset that has seconds).
    pub fn offset_text(&self) -> String {
        offset_text(self.offset)
    }

    /// `HH:MM`, or `HH:MM:SS` when the second is not zero.
    pub fn clock(&self) -> String {
        if self.second == 0 {
            format!("{:02}:{:02}", self.hour, self.minute)
        } else {
            format!("{:02}:{:02}:{:02}", self.hour, self.minute, self.second)
        }
    }

    /// RFC 3339 with the local offset: `2031-11-24T10:00:00-06:00` (`Z` never: `+00:00`).
    pub fn rfc3339(&self) -> String {
        let sign = if self.offset < 0 { '-' } else { '+' };
        let abs = self.offset.unsigned_abs();
        let mut out = format!(
            "{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            self.date,
            self.hour,
            self.minute,
            self.second,
            abs / 3600,
            abs / 60 % 60
        );
        if !abs.is_multiple_of(60) {
            out.push_str(&format!(":{:02}", abs % 60));
        }
        out
    }
}

fn offset_text(offset: i32) -> String {
    if offset == 0 {
        return "UTC".into();
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let abs = offset.unsigned_abs();
    let mut out = format!("UTC{sign}{:02}:{:02}", abs / 3600, abs / 60 % 60);
    if !abs.is_multiple_of(60) {
        out.push_str(&format!(":{:02}", abs % 60));
    }
    out
}

/// `2031-11-24 10:00 UTC-06:00`.
impl std::fmt::Display for LocalTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.date, self.clock(), self.offset_text())
    }
}

/// The dates of a certificate as FORMAT.md §3.9 shows them, `YYYY-MM-DD` in the issuer's
/// zone: what `sello verify --json`, `sello issue --json` and the API report as `dates`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ShownDates {
    /// The date of `iat`.
    pub issued: String,
    /// The last day of validity (the date of `exp − 1`), when there is an `exp`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_through: Option<String>,
}

impl ShownDates {
    /// The dates of `claims`, shown in `zone`.
    pub fn of(claims: &crate::Claims, zone: &Zone) -> ShownDates {
        ShownDates {
            issued: zone.date(claims.iat).to_string(),
            valid_through: claims.exp.map(|exp| zone.valid_through(exp).to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// Seconds since the epoch of an RFC 3339 time (test oracle: jiff's own parser).
    fn at(s: &str) -> i64 {
        s.parse::<Timestamp>().unwrap().as_second()
    }

    #[test]
    fn names_and_their_form() {
        for (given, canonical) in [
            ("America/Mexico_City", "America/Mexico_City"),
            ("america/mexico_city", "America/Mexico_City"),
            ("UTC", "UTC"),
            ("utc", "UTC"),
            ("Etc/UTC", "Etc/UTC"),
            ("Etc/GMT+6", "Etc/GMT+6"),
            (
                "America/Argentina/Buenos_Aires",
                "America/Argentina/Buenos_Aires",
            ),
            ("America/Port-au-Prince", "America/Port-au-Prince"),
            ("Europe/Madrid", "Europe/Madrid"),
        ] {
            assert_eq!(check_time_zone(given).unwrap(), canonical, "{given}");
        }
        for shape in [
            "",
            "Mexico/General",
            "US/Eastern",
            "EST",
            "PST",
            "GMT",
            "Factory",
            "+05:00",
            "-06:00",
            "America/",
            "/Mexico_City",
            "America//Mexico_City",
            "America/Mexico City",
            "America/Mexico_City\u{0}",
            "America/México",
            "SystemV/EST5",
            "../../etc/passwd",
            "America/../../etc",
        ] {
            assert!(
                matches!(check_time_zone(shape), Err(ZoneProblem::Shape(_))),
                "{shape:?}"
            );
        }
        let long = format!("America/{}", "A".repeat(MAX_TIME_ZONE_BYTES - 7));
        assert_eq!(long.len(), MAX_TIME_ZONE_BYTES + 1);
        assert!(matches!(check_time_zone(&long), Err(ZoneProblem::Shape(_))));
        for unknown in ["America/Atlantis", "Etc/Unknown", "Europe/Mordor", "Asia/X"] {
            assert!(
                matches!(check_time_zone(unknown), Err(ZoneProblem::Unknown(_))),
                "{unknown}"
            );
        }
    }

    #[test]
    fn the_messages_escape_the_name_and_give_the_form() {
        crate::i18n::set_language(crate::Lang::Es);
        let err = check_time_zone("America/\u{202e}X").unwrap_err();
        assert!(crate::untrusted::first_forbidden(&err.to_string()).is_none());
        let err = check_time_zone("America/Atlantis").unwrap_err().to_string();
        assert!(
            err.contains("America/Atlantis") && err.contains("America/Mexico_City"),
            "{err}"
        );
    }

    #[test]
    fn mexico_city_has_had_no_daylight_saving_time_since_2022() {
        let cdmx = Zone::named("America/Mexico_City").unwrap();
        // 2031-11-24: valid through that day ends at midnight, -06:00, all year now.
        let exp = cdmx.start_of_day_after(date("2031-11-24")).unwrap();
        assert_eq!(exp, at("2031-11-25T06:00:00Z"));
        assert_eq!(cdmx.valid_through(exp), date("2031-11-24"));
        let summer = cdmx.start_of_day_after(date("2031-07-01")).unwrap();
        assert_eq!(summer, at("2031-07-02T06:00:00Z"));
        // Before 2022 it kept summer time: -05:00 in July 2021.
        let old = cdmx.start_of_day_after(date("2021-07-01")).unwrap();
        assert_eq!(old, at("2021-07-02T05:00:00Z"));
        assert_eq!(cdmx.valid_through(old), date("2021-07-01"));
        // The old UTC rule's exp (00:00Z) is 18:00 on the 24th in Mexico City: still the 24th.
        let utc_midnight = at("2031-11-25T00:00:00Z");
        assert_eq!(cdmx.valid_through(utc_midnight), date("2031-11-24"));
        assert_eq!(
            cdmx.local(utc_midnight).to_string(),
            "2031-11-24 18:00 UTC-06:00"
        );
    }

    #[test]
    fn utc_is_the_zone_of_no_time_zone() {
        let utc = Zone::utc();
        assert_eq!(utc.name(), None);
        let exp = utc.start_of_day_after(date("2031-11-24")).unwrap();
        assert_eq!(exp, at("2031-11-25T00:00:00Z"));
        assert_eq!(utc.valid_through(exp).to_string(), "2031-11-24");
        // One second more and the 25th is a day of validity too.
        assert_eq!(utc.valid_through(exp + 1).to_string(), "2031-11-25");
        assert_eq!(utc.local(exp + 1).rfc3339(), "2031-11-25T00:00:01+00:00");
        assert_eq!(utc.date(0), date("1970-01-01"));
        assert_eq!(utc.start_of_day(date("1970-01-01")), Ok(0));
        let info = crate::IssuerInfo {
            id: "mx.a".into(),
            name: "A".into(),
            verify_url: None,
            time_zone: None,
        };
        assert_eq!(Zone::of(&info), Zone::utc());
    }

    #[test]
    fn new_york_at_its_daylight_saving_transitions() {
        let ny = Zone::named("America/New_York").unwrap();
        // 2026-03-08: clocks go from 02:00 to 03:00; midnight exists, -05:00 before it.
        let exp = ny.start_of_day_after(date("2026-03-07")).unwrap();
        assert_eq!(exp, at("2026-03-08T05:00:00Z"));
        assert_eq!(ny.valid_through(exp), date("2026-03-07"));
        // The day after the transition day starts at -04:00: 23 hours later.
        let after = ny.start_of_day_after(date("2026-03-08")).unwrap();
        assert_eq!(after, at("2026-03-09T04:00:00Z"));
        assert_eq!(after - exp, 23 * 3600);
        assert_eq!(ny.valid_through(after), date("2026-03-08"));
        // 2026-11-01: clocks go from 02:00 back to 01:00; that day has 25 hours.
        let start = ny.start_of_day_after(date("2026-10-31")).unwrap();
        let end = ny.start_of_day_after(date("2026-11-01")).unwrap();
        assert_eq!(end - start, 25 * 3600);
        assert_eq!(ny.valid_through(end), date("2026-11-01"));
        // 01:30 happens twice on 2026-11-01: each is shown with its own offset.
        assert_eq!(
            ny.local(at("2026-11-01T05:30:00Z")).to_string(),
            "2026-11-01 01:30 UTC-04:00"
        );
        assert_eq!(
            ny.local(at("2026-11-01T06:30:00Z")).to_string(),
            "2026-11-01 01:30 UTC-05:00"
        );
    }

    #[test]
    fn madrid_and_a_day_whose_midnight_never_happened() {
        let madrid = Zone::named("Europe/Madrid").unwrap();
        // 2026-03-29: 02:00 -> 03:00 (+01:00 -> +02:00).
        let exp = madrid.start_of_day_after(date("2026-03-29")).unwrap();
        assert_eq!(exp, at("2026-03-29T22:00:00Z"));
        assert_eq!(madrid.valid_through(exp), date("2026-03-29"));
        // 2026-10-25: 03:00 -> 02:00.
        let exp = madrid.start_of_day_after(date("2026-10-24")).unwrap();
        assert_eq!(exp, at("2026-10-24T22:00:00Z"));
        // Santiago de Chile skipped midnight on 2022-09-11 (00:00 -> 01:00): that day started
        // at 01:00, and a certificate valid through 2022-09-10 ends then.
        let scl = Zone::named("America/Santiago").unwrap();
        let exp = scl.start_of_day_after(date("2022-09-10")).unwrap();
        assert_eq!(exp, at("2022-09-11T04:00:00Z"));
        assert_eq!(scl.local(exp).clock(), "01:00");
        assert_eq!(scl.valid_through(exp), date("2022-09-10"));
        assert_eq!(scl.date(exp), date("2022-09-11"));
    }

    #[test]
    fn tijuana_around_its_daylight_saving_transitions() {
        // Tijuana keeps US summer time: -08:00 in winter, -07:00 from 2026-03-08 02:00 to
        // 2026-11-01 02:00.
        let tj = Zone::named("America/Tijuana").unwrap();
        let winter = tj.start_of_day_after(date("2026-03-07")).unwrap();
        assert_eq!(winter, at("2026-03-08T08:00:00Z"));
        let summer = tj.start_of_day_after(date("2026-03-08")).unwrap();
        assert_eq!(summer, at("2026-03-09T07:00:00Z"));
        assert_eq!(summer - winter, 23 * 3600);
        assert_eq!(tj.valid_through(winter), date("2026-03-07"));
        assert_eq!(tj.valid_through(summer), date("2026-03-08"));
        // The last second of validity is still the day given; the next is the next day.
        assert_eq!(tj.date(summer - 1), date("2026-03-08"));
        assert_eq!(tj.date(summer), date("2026-03-09"));
        let fall = tj.start_of_day_after(date("2026-11-01")).unwrap();
        assert_eq!(fall, at("2026-11-02T08:00:00Z"));
        assert_eq!(tj.valid_through(fall), date("2026-11-01"));
        // A UTC-midnight exp (the old rule) is 16:00 or 17:00 the day before in Tijuana.
        assert_eq!(
            tj.valid_through(at("2026-11-02T00:00:00Z")),
            date("2026-11-01")
        );
        assert_eq!(tj.local(at("2026-11-02T00:00:00Z")).clock(), "16:00");
        assert_eq!(tj.local(at("2026-07-02T00:00:00Z")).clock(), "17:00");
    }

    #[test]
    fn every_time_of_the_format_is_shown_and_dates_parse_strictly() {
        let cdmx = Zone::named("America/Mexico_City").unwrap();
        let tokyo = Zone::named("Asia/Tokyo").unwrap();
        let max = crate::certificate::MAX_TIME;
        for zone in [&cdmx, &tokyo, &Zone::utc()] {
            for t in [0, 1, max - 100_000, max - 1, max, -1, i64::MIN, i64::MAX] {
                let _ = zone.valid_through(t).to_string();
                let _ = zone.local(t).rfc3339();
            }
        }
        assert_eq!(
            Zone::utc().local(max).to_string(),
            "9999-12-31 23:59:59 UTC"
        );
        assert_eq!(cdmx.date(max), date("9999-12-31"));
        // jiff places instants in zones up to 9999-12-30T22:00Z (so that every offset fits):
        // the last date an issuer can be told is 9999-12-29.
        for late in ["9999-12-31", "9999-12-30"] {
            assert_eq!(Zone::utc().start_of_day_after(date(late)), Err(OutOfRange));
        }
        assert_eq!(
            Zone::utc().start_of_day_after(date("9999-12-29")),
            Ok(max + 1 - 2 * 86_400)
        );
        for bad in [
            "2026-2-3",
            "24/11/2026",
            "2026-11-24T00:00",
            "20261124",
            "２０２６-11-24",
        ] {
            assert_eq!(bad.parse::<Date>(), Err(DateProblem::Form), "{bad}");
        }
        for bad in ["2026-02-30", "2026-13-01", "2026-00-10", "1969-12-31"] {
            assert_eq!(bad.parse::<Date>(), Err(DateProblem::NoSuchDay), "{bad}");
        }
        assert_eq!(date("2028-02-29").to_string(), "2028-02-29");
    }

    #[test]
    fn shown_dates_of_claims() {
        let cdmx = Zone::named("America/Mexico_City").unwrap();
        let mut claims = crate::Claims {
            iss: "mx.a".into(),
            jti: "A".into(),
            iat: at("2026-11-24T05:00:00Z"), // 23:00 on the 23rd in Mexico City
            nbf: None,
            exp: Some(cdmx.start_of_day_after(date("2031-11-24")).unwrap()),
            cert: crate::Certificate {
                holder: crate::Holder {
                    name: "A".into(),
                    id: None,
                },
                achievement: crate::Achievement {
                    code: "C".into(),
                    title: "T".into(),
                    level: None,
                },
                unit: None,
                attrs: Default::default(),
            },
            status: None,
        };
        let shown = ShownDates::of(&claims, &cdmx);
        assert_eq!(
            serde_json::to_value(&shown).unwrap(),
            serde_json::json!({"issued": "2026-11-23", "valid_through": "2031-11-24"})
        );
        claims.exp = None;
        assert_eq!(
            serde_json::to_value(ShownDates::of(&claims, &cdmx)).unwrap(),
            serde_json::json!({"issued": "2026-11-23"})
        );
    }
}
