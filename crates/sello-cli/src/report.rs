//! Printing verification results: a human report (Spanish or English) or JSON Lines.

use crate::text;
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

/// The human report for one verification.
pub fn human(input: &str, qr: Option<usize>, v: &Verification, lang: Lang) -> String {
    let l = text::labels(lang);
    let mark = match v.verdict {
        Verdict::Valid => "✔",
        Verdict::Invalid => "✘",
        Verdict::Indeterminate => "?",
    };
    let mut out = format!("{mark} {}\n", v.verdict.headline(lang));
    let shown_input = if input.len() > 60 {
        format!("{}…", &input[..input.floor_char_boundary(57)])
    } else {
        input.to_owned()
    };
    let mut line = |label: &str, value: String| {
        out.push_str(&format!("  {:<14} {}\n", format!("{label}:"), value));
    };
    match qr {
        Some(i) => line(l.input, format!("{shown_input} [QR {}]", i + 1)),
        None => line(l.input, shown_input),
    }
    if let Some(reason) = v.reason {
        line(
            l.reason,
            format!("{} ({})", reason.message(lang), reason.code()),
        );
    } else {
        line(l.result, v.message(lang).to_owned());
    }
    if let Some(c) = &v.claims {
        let cert = &c.cert;
        let holder = match &cert.holder.id {
            Some(id) => format!("{} ({id})", cert.holder.name),
            None => cert.holder.name.clone(),
        };
        line(l.holder, holder);
        let mut ach = format!("{} — {}", cert.achievement.code, cert.achievement.title);
        if let Some(level) = &cert.achievement.level {
            ach.push_str(&format!(" ({} {level})", l.level));
        }
        line(l.achievement, ach);
        if let Some(unit) = &cert.unit {
            line(l.unit, unit.clone());
        }
        for (k, value) in &cert.attrs {
            line(k, value.clone());
        }
        line(l.serial, c.jti.clone());
        line(l.issued, when::date(c.iat));
        if let Some(nbf) = c.nbf {
            line(l.valid_from, when::datetime(nbf));
        }
        if let Some(exp) = c.exp {
            line(l.expires, when::datetime(exp));
        }
    }
    if let Some(issuer) = &v.issuer {
        line(l.issuer, format!("{} ({})", issuer.name, issuer.id));
    }
    if let Some(kid) = &v.kid {
        line(l.key, kid.clone());
    }
    if v.verdict != Verdict::Valid
        && let Some(detail) = &v.detail
    {
        line(l.detail, detail.clone());
    }
    out
}
