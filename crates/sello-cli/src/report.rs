//! Printing verification results: a human report (Spanish or English) or JSON Lines.

use crate::text;
use sello_core::untrusted::{self, Escaped};
use sello_core::{Lang, Verdict};
use sello_issuer::dates as when;
use sello_verifier::{InputError, Verification};
use serde_json::json;

/// Tally of verdicts, turned into the exit status.
#[derive(Default)]
pub struct Outcome {
    pub invalid: bool,
    pub indeterminate: bool,
    pub unreadable: bool,
}

impl Outcome {
    pub fn add(&mut self, verdict: Verdict) {
        match verdict {
            Verdict::Valid => {}
            Verdict::Invalid => self.invalid = true,
            Verdict::Indeterminate => self.indeterminate = true,
        }
    }

    /// 1 if any invalid, else 2 if any input was unreadable, else 3 if any indeterminate, else 0.
    pub fn status(&self) -> u8 {
        if self.invalid {
            1
        } else if self.unreadable {
            2
        } else if self.indeterminate {
            3
        } else {
            0
        }
    }
}

/// The machine code of an input error, as in JSON output.
pub fn input_error_code(e: &InputError) -> &'static str {
    match e {
        InputError::NotFound(_) => "not_found",
        InputError::Io { .. } => "unreadable",
        InputError::TooLarge { .. } => "too_large",
        InputError::Unrecognised(_) => "unrecognised_input",
        InputError::Image { .. } => "bad_image",
        InputError::NoQrCode(_) => "no_qr_code",
        InputError::TooManyFiles { .. } => "too_many_files",
    }
}

pub fn print_input_error(input: &str, e: &InputError, as_json: bool, lang: Lang) {
    if as_json {
        let out = json!({
            "input": input,
            "verdict": null,
            "error": input_error_code(e),
            "message": e.to_string(),
        });
        println!("{out}");
    } else {
        eprintln!("sello: {}: {e}", text::error_prefix(lang));
    }
}

pub fn print(input: &str, qr: Option<usize>, v: &Verification, as_json: bool, lang: Lang) {
    if as_json {
        let mut out = serde_json::to_value(v).expect("verifications serialise");
        out["input"] = json!(input);
        if let Some(i) = qr {
            out["qr"] = json!(i);
        }
        out["message"] = json!(v.message(lang));
        println!("{out}");
        return;
    }
    println!("{}", human(input, qr, v, lang));
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
        line(l.issued, &when::date(c.iat));
        if let Some(nbf) = c.nbf {
            line(l.valid_from, &when::datetime(nbf));
        }
        if let Some(exp) = c.exp {
            line(l.expires, &when::datetime(exp));
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
