//! The values that fill a template's placeholders, their limits and their escaping.

use crate::error::PrintError;
use sello_core::{Claims, IssuerInfo};
use std::collections::BTreeMap;

/// The text printed on a certificate, one member per placeholder.
///
/// Build it with [`CertificateFields::from_claims`] from a token's claims and the issuer, then
/// change what you like (for example `issued_on` in local time, or `place`). Every value is
/// plain text: it is XML-escaped when it is put in the SVG. Empty values are allowed; a template
/// can hide an element when a value is empty (`data-sello-if`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CertificateFields {
    /// `{{holder}}`: the holder's full name.
    pub holder: String,
    /// `{{holder_id}}`: the holder's national identifier (a CURP), or empty.
    pub holder_id: String,
    /// `{{code}}`: the standard's code, e.g. `EC0105`.
    pub code: String,
    /// `{{title}}`: the standard's title.
    pub title: String,
    /// `{{level}}`: the competency level, or empty.
    pub level: String,
    /// `{{unit}}`: the issuing unit (a training centre), or empty.
    pub unit: String,
    /// `{{issuer}}`: the issuer's display name.
    pub issuer: String,
    /// `{{issued_on}}`: the issue date as printed, e.g. `24 de noviembre de 2026`.
    pub issued_on: String,
    /// `{{expires_on}}`: the last day of validity as printed, or empty when it never expires.
    pub expires_on: String,
    /// `{{serial}}`: the serial ("folio").
    pub serial: String,
    /// `{{place}}`: where it was issued, e.g. `Ciudad de México`, or empty.
    pub place: String,
    /// `{{verify}}`: how else to verify, e.g. `o en https://verifica.example.mx/v`, or empty.
    pub verify: String,
    /// `{{attributes}}`: the attributes the issuer declares labels for, as
    /// `Departamento: Registro Civil · Turno: Matutino`, or empty
    /// ([`CertificateFields::with_attribute_labels`]).
    pub attributes: String,
    /// `{{attr.KEY}}`: the certificate's agency-specific fields.
    pub attrs: BTreeMap<String, String>,
}

/// The placeholders other than `attr.KEY`, with the longest value each accepts (characters).
pub(crate) const PLACEHOLDERS: [(&str, usize); 13] = [
    ("holder", 200),
    ("holder_id", 64),
    ("code", 32),
    ("title", 300),
    ("level", 32),
    ("unit", 200),
    ("issuer", 200),
    ("issued_on", 64),
    ("expires_on", 64),
    ("serial", 64),
    ("place", 200),
    ("verify", 300),
    ("attributes", MAX_ATTRIBUTES_LINE),
];

/// The longest `{{attributes}}` line, in characters.
pub const MAX_ATTRIBUTES_LINE: usize = 300;

/// Most `attr.KEY` entries, and the longest attribute value.
const MAX_ATTRS: usize = 16;
const MAX_ATTR_VALUE: usize = 300;

/// Whether `name` (what is between `{{` and `}}`) is a placeholder.
pub(crate) fn is_placeholder(name: &str) -> bool {
    match name.strip_prefix("attr.") {
        Some(key) => is_attr_key(key),
        None => PLACEHOLDERS.iter().any(|(n, _)| *n == name),
    }
}

fn is_attr_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 40
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_.-".contains(&b))
}

impl CertificateFields {
    /// The fields of a certificate: names as in the claims, dates in Spanish in the issuer's
    /// time zone (FORMAT.md §3.9, [`sello_core::zone`]), the serial,
    /// the issuer's display name, `place` from the attribute `lugar` when present, and a
    /// `verify` line pointing at the issuer's verification page when it has one.
    ///
    /// `expires_on` is the last day of validity, the date of `exp − 1` there: for an issuer in
    /// America/Mexico_City, a token whose `exp` is `2031-11-25T00:00:00-06:00` prints
    /// `24 de noviembre de 2031`.
    pub fn from_claims(claims: &Claims, issuer: &IssuerInfo) -> CertificateFields {
        let cert = &claims.cert;
        let zone = sello_core::zone::Zone::of(issuer);
        let date_es = |d: sello_core::zone::Date| {
            crate::text::date(u32::from(d.day), u32::from(d.month), i64::from(d.year))
        };
        CertificateFields {
            holder: cert.holder.name.clone(),
            holder_id: cert.holder.id.clone().unwrap_or_default(),
            code: cert.achievement.code.clone(),
            title: cert.achievement.title.clone(),
            level: cert.achievement.level.clone().unwrap_or_default(),
            unit: cert.unit.clone().unwrap_or_default(),
            issuer: issuer.name.clone(),
            issued_on: date_es(zone.date(claims.iat)),
            expires_on: claims
                .exp
                .map(|exp| date_es(zone.valid_through(exp)))
                .unwrap_or_default(),
            serial: claims.jti.clone(),
            place: cert.attrs.get("lugar").cloned().unwrap_or_default(),
            verify: issuer
                .verify_url
                .as_deref()
                .map(crate::text::verify_online)
                .unwrap_or_default(),
            attributes: String::new(),
            attrs: cert.attrs.clone(),
        }
    }

    /// Fills `attributes` with the attributes the issuer declares labels for (its key set's
    /// `attribute_labels`, FORMAT.md §5.1), in key order, each as `Label: value` with the
    /// Spanish label (else the English one), joined by ` · `. `lugar` is left out (it is
    /// `place`), and so is every attribute without a label: an issuer declares what its
    /// certificates print. Pairs that would take the line past [`MAX_ATTRIBUTES_LINE`]
    /// characters are left out too (the QR code carries every attribute).
    pub fn with_attribute_labels(mut self, labels: &sello_core::jwk::AttributeLabels) -> Self {
        let mut line = String::new();
        for (key, value) in &self.attrs {
            let Some(by_lang) = labels.get(key).filter(|_| key != "lugar") else {
                continue;
            };
            let Some(label) = by_lang.get("es").or_else(|| by_lang.get("en")) else {
                continue;
            };
            let pair = format!("{}: {}", label.trim(), value.trim());
            let sep = if line.is_empty() { "" } else { " · " };
            if line.chars().count() + sep.chars().count() + pair.chars().count()
                > MAX_ATTRIBUTES_LINE
            {
                continue;
            }
            line.push_str(sep);
            line.push_str(&pair);
        }
        self.attributes = line;
        self
    }

    /// The value of a placeholder (`None` for an unknown name; `attr.KEY` of an absent key is
    /// empty).
    pub(crate) fn value(&self, name: &str) -> Option<&str> {
        if let Some(key) = name.strip_prefix("attr.") {
            return Some(self.attrs.get(key).map_or("", String::as_str));
        }
        Some(match name {
            "holder" => &self.holder,
            "holder_id" => &self.holder_id,
            "code" => &self.code,
            "title" => &self.title,
            "level" => &self.level,
            "unit" => &self.unit,
            "issuer" => &self.issuer,
            "issued_on" => &self.issued_on,
            "expires_on" => &self.expires_on,
            "serial" => &self.serial,
            "place" => &self.place,
            "verify" => &self.verify,
            "attributes" => &self.attributes,
            _ => return None,
        })
    }

    /// Checks every value against its length cap and refuses control characters (which XML
    /// cannot carry even escaped).
    pub(crate) fn check(&self) -> Result<(), PrintError> {
        let bad = |field: &str, problem| PrintError::Field {
            field: field.to_string(),
            problem,
        };
        let text = |field: &str, value: &str, max: usize| {
            if value.chars().count() > max {
                return Err(bad(field, "field-too-long"));
            }
            if value.chars().any(char::is_control) {
                return Err(bad(field, "field-control"));
            }
            Ok(())
        };
        for (name, max) in PLACEHOLDERS {
            text(name, self.value(name).unwrap_or_default(), max)?;
        }
        if self.attrs.len() > MAX_ATTRS {
            return Err(bad("attrs", "field-too-many"));
        }
        for (key, value) in &self.attrs {
            if !is_attr_key(key) {
                return Err(bad(&format!("attr.{key}"), "field-attr-key"));
            }
            text(&format!("attr.{key}"), value, MAX_ATTR_VALUE)?;
        }
        Ok(())
    }
}

/// Escapes text for XML content and attribute values alike.
pub(crate) fn escape_into(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

/// A Unix time as a Spanish calendar date in UTC: `24 de noviembre de 2026`.
pub fn date_es(unix: i64) -> String {
    let (year, month, day) = civil_from_days(unix.div_euclid(86_400));
    crate::text::date(day, month, year)
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_spanish() {
        assert_eq!(date_es(0), "1 de enero de 1970");
        assert_eq!(date_es(1_764_000_000), "24 de noviembre de 2025");
        assert_eq!(date_es(951_782_400), "29 de febrero de 2000");
        assert_eq!(date_es(253_402_300_799), "31 de diciembre de 9999");
        assert_eq!(date_es(-86_400), "31 de diciembre de 1969");
    }

    #[test]
    fn escaping_covers_markup_and_quotes() {
        let mut out = String::new();
        escape_into(&mut out, r#"<script>&"'ñ"#);
        assert_eq!(out, "&lt;script&gt;&amp;&quot;&apos;ñ");
    }

    #[test]
    fn caps_and_control_characters() {
        let mut f = CertificateFields {
            holder: "a".repeat(200),
            ..Default::default()
        };
        f.check().unwrap();
        f.holder.push('a');
        assert!(matches!(f.check(), Err(PrintError::Field { ref field, .. }) if field == "holder"));
        f.holder = "Ana\u{1}".into();
        assert!(f.check().is_err());
        f.holder = "Ana".into();
        f.attrs.insert("Bad".into(), "x".into());
        assert!(f.check().is_err());
        assert!(is_placeholder("attr.dep") && is_placeholder("holder"));
        assert!(!is_placeholder("attr.") && !is_placeholder("holdr"));
    }
}
