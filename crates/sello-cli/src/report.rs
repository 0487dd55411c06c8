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

/// The human report for one verification: one value per line after its label, every value
/// that did not come from Sello escaped ([`Escaped`]), and the certificate's own attributes in
/// a section of their own, so that no signed text can pass for one of Sello's labels; each
/// under the label its issuer declares in `key_set` (FORMAT.md §5.1), else under its key.
pub fn human(input: &str, qr: Option<usize>, v: &Verification, key_set: Option<&KeySet>) -> String {
    let lang = language();
    let mark = match v.verdict {
        Verdict::Valid => "✔",
        Verdict::Invalid => "✘",
        Verdict::Indeterminate => "?",
    };
    let mut out = format!("{mark} {}\n", v.verdict.headline(lang));
    let mut line = |id: &str, value: &dyn std::fmt::Display| {
        let label = crate::i18n::tr(id, &[]);
        out.push_str(&format!("  {:<16} {value}\n", format!("{label}:")));
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
    let mut attrs = None;
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
        attrs = Some(&cert.attrs).filter(|a| !a.is_empty());
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
    if let Some(attrs) = attrs {
        out.push_str(&format!("  {}\n", tr!("label-attributes")));
        for (key, value) in attrs {
            let name = key_set
                .and_then(|set| set.attribute_label(key, lang))
                .unwrap_or(key);
            out.push_str(&format!("    {} = {}\n", Escaped(name), Escaped(value)));
        }
    }
    out
}
