//! Printing verification results: a human report (Spanish or English) or JSON Lines (the one
//! wire form of `sello_verifier::pipeline::Report`).

use crate::text;
use sello_core::untrusted::{self, Escaped};
use sello_core::zone::Zone;
use sello_core::{Lang, Verdict};
use sello_verifier::Verification;
use sello_verifier::pipeline::Outcome;

/// Prints one outcome: a JSON line (`--json`), or the human report on standard output, or
/// for an input that gave no verification, one escaped line on standard error.
pub fn print(outcome: &Outcome, as_json: bool, lang: Lang) {
    if as_json {
        println!("{}", outcome.report(lang).to_value());
        return;
    }
    match &outcome.result {
        Ok(v) => println!("{}", human(&outcome.input, outcome.qr, v, lang)),
        Err(e) => match outcome.qr {
            Some(i) => eprintln!("sello: {}: {e} [QR {}]", text::error_prefix(lang), i + 1),
            None => eprintln!("sello: {}: {e}", text::error_prefix(lang)),
        },
    }
}

/// The human report for one verification: one value per line after its label, every value
/// that did not come from Sello escaped ([`Escaped`]), and the certificate's own attributes in
/// a section of their own, so that no signed text can pass for one of Sello's labels.
pub fn human(input: &str, qr: Option<usize>, v: &Verification, lang: Lang) -> String {
    let l = text::labels(lang);
    let mark = match v.verdict {
        Verdict::Valid => "✔",
        Verdict::Invalid => "✘",
        Verdict::Indeterminate => "?",
    };
    let mut out = format!("{mark} {}\n", v.verdict.headline(lang));
    let mut line = |label: &str, value: &dyn std::fmt::Display| {
        out.push_str(&format!("  {:<16} {value}\n", format!("{label}:")));
    };
    let shown_input = untrusted::shorten(input, 60);
    match qr {
        Some(i) => line(l.input, &format_args!("{shown_input} [QR {}]", i + 1)),
        None => line(l.input, &shown_input),
    }
    match v.reason {
        Some(reason) => line(
            l.reason,
            &format_args!("{} ({})", reason.message(lang), reason.code()),
        ),
        None => line(l.result, &v.message(lang)),
    }
    let mut attrs = None;
    if let Some(c) = &v.claims {
        let cert = &c.cert;
        line(l.holder, &Escaped(&cert.holder.name));
        if let Some(id) = &cert.holder.id {
            line(l.holder_id, &Escaped(id));
        }
        line(l.achievement, &Escaped(&cert.achievement.code));
        line(l.title, &Escaped(&cert.achievement.title));
        if let Some(level) = &cert.achievement.level {
            line(l.level, &Escaped(level));
        }
        if let Some(unit) = &cert.unit {
            line(l.unit, &Escaped(unit));
        }
        line(l.serial, &Escaped(&c.jti));
        // In the zone of the issuer that signed them (FORMAT.md §3.9), as on paper and on
        // the page: the issue date, and valid through the date of exp − 1.
        let zone = v.issuer.as_ref().map(Zone::of).unwrap_or_default();
        line(l.issued, &zone.date(c.iat));
        if let Some(nbf) = c.nbf {
            line(l.valid_from, &zone.local(nbf));
        }
        if let Some(exp) = c.exp {
            line(l.expires, &zone.valid_through(exp));
        }
        attrs = Some(&cert.attrs).filter(|a| !a.is_empty());
    }
    if let Some(issuer) = &v.issuer {
        line(l.issuer, &Escaped(&issuer.name));
        line(l.issuer_id, &Escaped(&issuer.id));
    }
    if let Some(kid) = &v.kid {
        line(l.key, &Escaped(kid));
    }
    if v.verdict != Verdict::Valid
        && let Some(detail) = &v.detail
    {
        line(l.detail, &Escaped(detail));
    }
    if let Some(attrs) = attrs {
        out.push_str(&format!("  {}\n", l.attributes));
        for (key, value) in attrs {
            out.push_str(&format!("    {} = {}\n", Escaped(key), Escaped(value)));
        }
    }
    out
}
