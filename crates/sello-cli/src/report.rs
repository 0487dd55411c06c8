//! Printing verification results: a human report (Spanish or English) or JSON Lines (the one
//! wire form of `sello_verifier::Report`).

use sello_core::KeySet;
use sello_core::Verdict;
use sello_core::i18n::language;
use sello_core::untrusted::{self, Escaped};
use sello_core::zone::Zone;
use sello_verifier::Outcome;
use sello_verifier::{TrustStore, Verification};

/// Prints one outcome: a JSON line (`--json`), or the human report on standard output, or
/// for an input that gave no verification, one escaped line on standard error. `trust` holds
/// the issuers' key sets, whose declared attribute labels the report shows.
pub fn print(outcome: &Outcome, as_json: bool, trust: &TrustStore) {
    let lang = language();
    if as_json {
        println!("{}", outcome.report(lang).to_value());
        return;
    }
    match &outcome.result {
        Ok(v) => {
            let key_set = v.issuer.as_ref().and_then(|i| trust.issuer(&i.id));
            println!("{}", human(&outcome.input, outcome.qr, v, key_set))
        }
        Err(e) => match outcome.qr {
            Some(i) => eprintln!(
                "sello: {}: {}",
                tr!("error-prefix"),
                tr!("report-qr-error", error = e.to_string(), n = i + 1)
            ),
            None => eprintln!("sello: {}: {e}", tr!("error-prefix")),
        },
    }
}

/// What the report says of one verification, in the process language: the headline, each
/// label with its value (every value that did not come from Sello escaped, [`Escaped`]), and
/// the certificate's own attributes apart, each under the label its issuer declares in
/// `key_set` (FORMAT.md §5.1), else under its key. The terminal report and the receipt
/// (`--receipt`) both show these.
pub struct Shown {
    pub verdict: Verdict,
    pub headline: String,
    pub lines: Vec<(String, String)>,
    pub attributes: Vec<(String, String)>,
}

pub fn shown(input: &str, qr: Option<usize>, v: &Verification, key_set: Option<&KeySet>) -> Shown {
    let lang = language();
    let mut lines: Vec<(String, String)> = Vec::new();
    let mut line = |id: &str, value: &dyn std::fmt::Display| {
        lines.push((crate::i18n::tr(id, &[]), value.to_string()));
    };
    let shown_input = untrusted::shorten(input, 60);
    match qr {
        Some(i) => line(
            "label-input",
            &tr!("report-qr", input = shown_input.as_str(), n = i + 1),
        ),
        None => line("label-input", &shown_input),
    }
    match v.reason {
        Some(reason) => line(
            "label-reason",
            &format_args!("{} ({})", reason.message(lang), reason.code()),
        ),
        None => line("label-result", &v.message(lang)),
    }
    let mut attributes = Vec::new();
    if let Some(c) = &v.claims {
        let cert = &c.cert;
        line("label-holder", &Escaped(&cert.holder.name));
        if let Some(id) = &cert.holder.id {
            line("label-holder-id", &Escaped(id));
        }
        line("label-achievement", &Escaped(&cert.achievement.code));
        line("label-title", &Escaped(&cert.achievement.title));
        if let Some(level) = &cert.achievement.level {
            line("label-level", &Escaped(level));
        }
        if let Some(unit) = &cert.unit {
            line("label-unit", &Escaped(unit));
        }
        line("label-serial", &Escaped(&c.jti));
        // In the zone of the issuer that signed them (FORMAT.md §3.9), as on paper and on
        // the page: the issue date, and valid through the date of exp − 1.
        let zone = v.issuer.as_ref().map(Zone::of).unwrap_or_default();
        line("label-issued", &zone.date(c.iat));
        if let Some(nbf) = c.nbf {
            line("label-valid-from", &zone.local(nbf));
        }
        if let Some(exp) = c.exp {
            line("label-expires", &zone.valid_through(exp));
        }
        for (key, value) in &cert.attrs {
            let name = key_set
                .and_then(|set| set.attribute_label(key, lang))
                .unwrap_or(key);
            attributes.push((Escaped(name).to_string(), Escaped(value).to_string()));
        }
    }
    if let Some(issuer) = &v.issuer {
        line("label-issuer", &Escaped(&issuer.name));
        line("label-issuer-id", &Escaped(&issuer.id));
        // Through a trust bundle: who accredited the issuer, for what, as of which bundle
        // (the names in it are escaped by `describe`). Not beside a refusal that says the
        // issuer was suspended or not accredited then: "accredited by" would read as a
        // contradiction (JSON keeps the chain).
        let refused = matches!(
            v.reason,
            Some(sello_core::Reason::IssuerSuspended | sello_core::Reason::IssuerNotAccredited)
        );
        if let Some(trust) = v.trust.as_ref().filter(|_| !refused) {
            line("label-accredited", &trust.describe(&issuer.name, lang));
        }
    }
    if let Some(kid) = &v.kid {
        line("label-key", &Escaped(kid));
    }
    if v.verdict != Verdict::Valid
        && let Some(detail) = &v.detail
    {
        line("label-detail", &Escaped(detail));
    }
    Shown {
        verdict: v.verdict,
        headline: v.verdict.headline(lang),
        lines,
        attributes,
    }
}

/// The human report for one verification ([`shown`]): one value per line after its label,
/// and the certificate's own attributes in a section of their own, so that no signed text can
/// pass for one of Sello's labels.
pub fn human(input: &str, qr: Option<usize>, v: &Verification, key_set: Option<&KeySet>) -> String {
    let shown = shown(input, qr, v, key_set);
    let mark = match shown.verdict {
        Verdict::Valid => "✔",
        Verdict::Invalid => "✘",
        Verdict::Indeterminate => "?",
    };
    let mut out = format!("{mark} {}\n", shown.headline);
    for (label, value) in &shown.lines {
        out.push_str(&format!("  {:<16} {value}\n", format!("{label}:")));
    }
    if !shown.attributes.is_empty() {
        out.push_str(&format!("  {}\n", tr!("label-attributes")));
        for (name, value) in &shown.attributes {
            out.push_str(&format!("    {name} = {value}\n"));
        }
    }
    out
}
