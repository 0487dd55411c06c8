//! The certificate model and the JWT claims set that carries it.
//!
//! Claim names inside `cert` are one or two letters to keep the QR code small; they are
//! documented in `docs/FORMAT.md` and mapped to domain names here.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The person a certificate is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holder {
    /// Full name as printed on the certificate.
    #[serde(rename = "n")]
    pub name: String,
    /// Optional national identifier, such as a Mexican CURP.
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// What the holder achieved: a competency standard, course or qualification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Achievement {
    /// The standard's code, e.g. `EC0105`.
    #[serde(rename = "c")]
    pub code: String,
    /// The standard's title, e.g. "Atención al ciudadano en el sector público".
    #[serde(rename = "t")]
    pub title: String,
    /// Optional level, e.g. `3`.
    #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
}

/// A certificate: who achieved what, where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    /// The holder.
    #[serde(rename = "h")]
    pub holder: Holder,
    /// The achievement.
    #[serde(rename = "a")]
    pub achievement: Achievement,
    /// The issuing unit, e.g. a training centre such as "CECATI 149".
    #[serde(rename = "u", default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Agency-specific fields (string keys and values), printed as given.
    #[serde(rename = "x", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: BTreeMap<String, String>,
}

/// Where a certificate's revocation bit lives in its issuer's status list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusRef {
    /// Index of the certificate's bit in the status list.
    pub idx: u32,
}

/// The JWT claims set of a Sello token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claims {
    /// Issuer id; selects the issuer's key set in the verifier's trust store.
    pub iss: String,
    /// The certificate's serial ("folio"), unique per issuer.
    pub jti: String,
    /// Issue time, seconds since the Unix epoch.
    pub iat: i64,
    /// Not valid before, seconds since the Unix epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
    /// Expiry, seconds since the Unix epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exp: Option<i64>,
    /// The certificate.
    pub cert: Certificate,
    /// Position in the issuer's status list, when the issuer publishes one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusRef>,
}

/// Largest number of `attrs` entries.
pub const MAX_ATTRS: usize = 16;
/// Latest time accepted anywhere (9999-12-31T23:59:59Z), so that time arithmetic never overflows.
pub const MAX_TIME: i64 = 253_402_300_799;

/// What is wrong with a claim (or another signed text, such as an issuer's name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// Blank.
    Empty,
    /// Over its length limit.
    TooLong,
    /// A forbidden character ([`crate::untrusted::is_forbidden`]).
    ForbiddenCharacters,
    /// A serial of more than 64 characters, or none.
    SerialLength,
    /// A serial with a character other than `A–Z a–z 0–9 - _ .`.
    SerialCharacters,
    /// An issuer id that is not 1 to 128 printable ASCII characters.
    IssuerId,
    /// More than [`MAX_ATTRS`] attributes.
    TooManyAttributes,
    /// An attribute key outside `a–z 0–9 _ . -` or of the wrong length.
    AttributeKey,
    /// A time before 1970.
    Negative,
    /// A time after the year 9999.
    After9999,
    /// `exp` not after `iat`.
    ExpNotAfterIat,
    /// `exp` not after `nbf`.
    ExpNotAfterNbf,
}

impl Problem {
    /// The catalogue's words for it, in `lang`.
    pub fn message(self, lang: crate::Lang) -> String {
        let id = match self {
            Problem::Empty => "problem-empty",
            Problem::TooLong => "problem-too-long",
            Problem::ForbiddenCharacters => "problem-forbidden-characters",
            Problem::SerialLength => "problem-serial-length",
            Problem::SerialCharacters => "problem-serial-characters",
            Problem::IssuerId => "problem-issuer-id",
            Problem::TooManyAttributes => "problem-too-many-attributes",
            Problem::AttributeKey => "problem-attribute-key",
            Problem::Negative => "problem-negative",
            Problem::After9999 => "problem-after-9999",
            Problem::ExpNotAfterIat => "problem-exp-after-iat",
            Problem::ExpNotAfterNbf => "problem-exp-after-nbf",
        };
        crate::i18n::CATALOG.text(lang, id)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::i18n::language()))
    }
}

/// A claim that breaks a rule of the format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::t!(crate::i18n::CATALOG, crate::i18n::language(), "claim-error", field = self.field.as_str(), problem = self.problem.to_string()))]
pub struct ClaimError {
    /// The claim, in the token's naming (`cert.h.n`, `jti`, …).
    pub field: String,
    /// What is wrong with it.
    pub problem: Problem,
}

fn err(field: impl Into<String>, problem: Problem) -> ClaimError {
    ClaimError {
        field: field.into(),
        problem,
    }
}

fn text(field: &str, value: &str, max: usize) -> Result<(), ClaimError> {
    if value.trim().is_empty() {
        return Err(err(field, Problem::Empty));
    }
    if value.chars().count() > max {
        return Err(err(field, Problem::TooLong));
    }
    if crate::untrusted::first_forbidden(value).is_some() {
        return Err(err(field, Problem::ForbiddenCharacters));
    }
    Ok(())
}

/// Checks a text against the text rule (FORMAT.md §2.4) with limit `max` characters.
pub fn check_text(value: &str, max: usize) -> Result<(), Problem> {
    text("", value, max).map_err(|e| e.problem)
}

/// Whether `key` is an attribute key (`cert.x`): 1 to 40 bytes of `a–z 0–9 _ . -`.
pub fn is_attribute_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 40
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_.-".contains(&b))
}

fn opt_text(field: &str, value: &Option<String>, max: usize) -> Result<(), ClaimError> {
    value.as_deref().map_or(Ok(()), |v| text(field, v, max))
}

/// Checks a display name (an issuer's): 1 to 200 characters, none of them
/// [forbidden](crate::untrusted::is_forbidden).
pub fn check_display_name(name: &str) -> Result<(), ClaimError> {
    text("name", name, 200)
}

/// Checks a standard's code (`cert.a.c`, or a scope entry's `ec`): 1 to 32 characters, none of
/// them [forbidden](crate::untrusted::is_forbidden).
pub fn check_code(code: &str) -> Result<(), ClaimError> {
    text("ec", code, 32)
}

/// Checks a serial ("folio"): 1 to 64 characters of `A–Z a–z 0–9 - _ .`.
pub fn check_serial(serial: &str) -> Result<(), ClaimError> {
    if serial.is_empty() || serial.len() > 64 {
        return Err(err("jti", Problem::SerialLength));
    }
    if !serial
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    {
        return Err(err("jti", Problem::SerialCharacters));
    }
    Ok(())
}

/// Checks an issuer id: 1 to 128 printable ASCII characters without spaces.
pub fn check_issuer_id(id: &str) -> Result<(), ClaimError> {
    if id.is_empty() || id.len() > 128 || !id.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(err("iss", Problem::IssuerId));
    }
    Ok(())
}

impl Certificate {
    /// Checks every field against the format's limits.
    pub fn validate(&self) -> Result<(), ClaimError> {
        text("cert.h.n", &self.holder.name, 200)?;
        opt_text("cert.h.id", &self.holder.id, 64)?;
        text("cert.a.c", &self.achievement.code, 32)?;
        text("cert.a.t", &self.achievement.title, 300)?;
        opt_text("cert.a.l", &self.achievement.level, 32)?;
        opt_text("cert.u", &self.unit, 200)?;
        if self.attrs.len() > MAX_ATTRS {
            return Err(err("cert.x", Problem::TooManyAttributes));
        }
        for (key, value) in &self.attrs {
            if !is_attribute_key(key) {
                return Err(err("cert.x", Problem::AttributeKey));
            }
            text(&format!("cert.x.{key}"), value, 300)?;
        }
        Ok(())
    }
}

impl Claims {
    /// Checks every claim against the format's rules (not against the clock).
    pub fn validate(&self) -> Result<(), ClaimError> {
        check_issuer_id(&self.iss)?;
        check_serial(&self.jti)?;
        for (name, value) in [
            ("iat", Some(self.iat)),
            ("nbf", self.nbf),
            ("exp", self.exp),
        ] {
            if value.is_some_and(|v| v < 0) {
                return Err(err(name, Problem::Negative));
            }
            if value.is_some_and(|v| v > MAX_TIME) {
                return Err(err(name, Problem::After9999));
            }
        }
        if self.exp.is_some_and(|exp| exp <= self.iat) {
            return Err(err("exp", Problem::ExpNotAfterIat));
        }
        if let (Some(nbf), Some(exp)) = (self.nbf, self.exp)
            && exp <= nbf
        {
            return Err(err("exp", Problem::ExpNotAfterNbf));
        }
        self.cert.validate()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn sample() -> Claims {
        Claims {
            iss: "mx.cecati149".into(),
            jti: "7KQ2-M9XW-3HPA".into(),
            iat: 1_764_000_000,
            nbf: None,
            exp: Some(1_858_608_000),
            cert: Certificate {
                holder: Holder {
                    name: "María Guadalupe Hernández López".into(),
                    id: Some("HELG850312MDFRPD09".into()),
                },
                achievement: Achievement {
                    code: "EC0105".into(),
                    title: "Atención al ciudadano en el sector público".into(),
                    level: Some("3".into()),
                },
                unit: Some("CECATI 149".into()),
                attrs: BTreeMap::new(),
            },
            status: None,
        }
    }

    #[test]
    fn compact_names_and_round_trip() {
        let c = sample();
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.starts_with(r#"{"iss":"mx.cecati149","jti":"7KQ2-M9XW-3HPA","iat":1764000000,"exp":1858608000,"cert":{"h":{"n":"#));
        assert_eq!(serde_json::from_str::<Claims>(&json).unwrap(), c);
        c.validate().unwrap();
    }

    #[test]
    fn validation_rules() {
        let mut c = sample();
        c.exp = Some(c.iat);
        assert_eq!(c.validate().unwrap_err().field, "exp");
        let mut c = sample();
        c.jti = "a b".into();
        assert_eq!(c.validate().unwrap_err().field, "jti");
        let mut c = sample();
        c.cert.holder.name = "  ".into();
        assert_eq!(c.validate().unwrap_err().field, "cert.h.n");
        let mut c = sample();
        c.cert.attrs.insert("Bad Key".into(), "v".into());
        assert_eq!(c.validate().unwrap_err().field, "cert.x");
        let mut c = sample();
        c.iat = -1;
        assert_eq!(c.validate().unwrap_err().field, "iat");
        let mut c = sample();
        c.exp = Some(i64::MAX);
        assert_eq!(c.validate().unwrap_err().field, "exp");
        let mut c = sample();
        c.cert.achievement.title = "a\u{7}b".into();
        assert!(c.validate().is_err());
    }

    #[test]
    fn signed_text_has_no_control_or_invisible_format_characters() {
        type Edit = fn(&mut Claims);
        let edits: [(&str, Edit); 7] = [
            ("cert.h.n", |c| {
                c.cert.holder.name = "Ana \u{202e}zepóL".into()
            }),
            ("cert.h.id", |c| {
                c.cert.holder.id = Some("HELG850312\u{200e}MDFRPD09".into())
            }),
            ("cert.a.t", |c| {
                c.cert.achievement.title = "Atención\u{200b}".into()
            }),
            ("cert.a.c", |c| {
                c.cert.achievement.code = "EC\u{2066}0105".into()
            }),
            ("cert.u", |c| c.cert.unit = Some("CECATI\u{3164}149".into())),
            ("cert.x.dep", |c| {
                c.cert
                    .attrs
                    .insert("dep".into(), "Registro\u{2028}Emisor: otro".into());
            }),
            ("cert.a.l", |c| {
                c.cert.achievement.level = Some("3\u{feff}".into())
            }),
        ];
        for (field, edit) in edits {
            let mut c = sample();
            edit(&mut c);
            let e = c.validate().unwrap_err();
            assert_eq!(e.field, field);
            assert_eq!(e.problem, Problem::ForbiddenCharacters, "{e}");
        }
        // Letters of every script stay allowed, right-to-left ones included.
        let mut c = sample();
        c.cert.holder.name = "Ana Núñez אבג عربي 中文".into();
        c.validate().unwrap();
    }
}
