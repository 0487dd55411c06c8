//! Verdicts and the reasons behind them: stable machine codes plus Spanish and English text.
//!
//! These are data, used the same way by the library, the CLI, the JSON output, the web API and
//! the test vectors. Their words are in this crate's catalogues (`i18n/es.ftl`, `i18n/en.ftl`).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A language for user-facing text. Spanish comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Español.
    #[default]
    Es,
    /// English.
    En,
}

impl Lang {
    /// Picks a language from a locale string such as `es_MX.UTF-8`, `en-US` or `C`.
    /// Anything that is not English is answered in Spanish.
    pub fn from_locale(locale: &str) -> Lang {
        let lower = locale.trim().to_ascii_lowercase();
        if lower.starts_with("en") {
            Lang::En
        } else {
            Lang::Es
        }
    }

    /// Chooses between a Spanish and an English text.
    pub fn pick<'a>(self, es: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Es => es,
            Lang::En => en,
        }
    }
}

/// The outcome of verifying one certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Authentic, issued by a trusted issuer with a key valid at issuance, and in its validity period.
    Valid,
    /// Forged, altered, expired, revoked or otherwise not to be accepted.
    Invalid,
    /// Authentic as far as could be checked, but something needed to decide (such as a fresh
    /// status list) is missing. Never to be read as valid.
    Indeterminate,
}

impl Verdict {
    /// The stable machine code: `valid`, `invalid` or `indeterminate`.
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::Invalid => "invalid",
            Verdict::Indeterminate => "indeterminate",
        }
    }

    /// A short headline in the given language.
    pub fn headline(self, lang: Lang) -> String {
        let catalog = &crate::i18n::CATALOG;
        match self {
            Verdict::Valid => crate::t!(catalog, lang, "verdict-valid"),
            Verdict::Invalid => crate::t!(catalog, lang, "verdict-invalid"),
            Verdict::Indeterminate => crate::t!(catalog, lang, "verdict-indeterminate"),
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Why a certificate is not valid. Each variant has a stable machine code (its `serde` name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason {
    /// The token is not a well-formed Sello JWS: wrong number of parts, bad base64url, not JSON,
    /// duplicate members, a missing or mistyped claim, or over the size cap.
    MalformedToken,
    /// The protected header names another algorithm, a type other than `sello+jwt`, or a member
    /// Sello forbids (`crit`, `jwk`, `jku`, `x5u`, `x5c`, `zip`, …).
    UnsupportedHeader,
    /// The claims parse but break a rule of the format (an empty name, `exp` before `iat`, …).
    InvalidClaims,
    /// No trusted key set belongs to the issuer named in the token.
    UnknownIssuer,
    /// The issuer is trusted, but its key set has no key with the token's `kid`.
    UnknownKey,
    /// The Ed25519 signature does not verify (strict verification) with the selected key.
    BadSignature,
    /// The certificate's `exp` has passed.
    Expired,
    /// The certificate's `nbf`, or its issue time, is still in the future.
    NotYetValid,
    /// The token's `iat` lies outside the signing window of the key that signed it.
    KeyNotValidAtIssuance,
    /// The signing key was revoked (compromised) at or before the token's `iat`.
    KeyRevoked,
    /// The issuer revoked this certificate in its status list.
    Revoked,
    /// The certificate points into a status list, and no fresh one is available.
    StatusUnavailable,
    /// Through a trust bundle: the federation suspended the issuer at or before the token's
    /// `iat` (FORMAT.md §6.2.1).
    IssuerSuspended,
    /// Through a trust bundle: the issuer was not accredited at the token's `iat`.
    IssuerNotAccredited,
    /// Through a trust bundle: the issuer was not accredited for the certificate's standard at
    /// the token's `iat`.
    StandardOutOfScope,
    /// Through a trust bundle: the issuer or key is not in the bundle, and the token was issued
    /// after the bundle was signed; a newer bundle may know it.
    TrustBundleOlderThanToken,
}

impl Reason {
    /// Every reason, in documentation order.
    pub const ALL: [Reason; 16] = [
        Reason::MalformedToken,
        Reason::UnsupportedHeader,
        Reason::InvalidClaims,
        Reason::UnknownIssuer,
        Reason::UnknownKey,
        Reason::BadSignature,
        Reason::Expired,
        Reason::NotYetValid,
        Reason::KeyNotValidAtIssuance,
        Reason::KeyRevoked,
        Reason::Revoked,
        Reason::StatusUnavailable,
        Reason::IssuerSuspended,
        Reason::IssuerNotAccredited,
        Reason::StandardOutOfScope,
        Reason::TrustBundleOlderThanToken,
    ];

    /// The reasons that only verification through a trust bundle gives (FORMAT.md §6.2.1).
    pub const FEDERATION: [Reason; 4] = [
        Reason::IssuerSuspended,
        Reason::IssuerNotAccredited,
        Reason::StandardOutOfScope,
        Reason::TrustBundleOlderThanToken,
    ];

    /// The stable machine code, as in JSON output and test vectors.
    pub fn code(self) -> &'static str {
        match self {
            Reason::MalformedToken => "malformed_token",
            Reason::UnsupportedHeader => "unsupported_header",
            Reason::InvalidClaims => "invalid_claims",
            Reason::UnknownIssuer => "unknown_issuer",
            Reason::UnknownKey => "unknown_key",
            Reason::BadSignature => "bad_signature",
            Reason::Expired => "expired",
            Reason::NotYetValid => "not_yet_valid",
            Reason::KeyNotValidAtIssuance => "key_not_valid_at_issuance",
            Reason::KeyRevoked => "key_revoked",
            Reason::Revoked => "revoked",
            Reason::StatusUnavailable => "status_unavailable",
            Reason::IssuerSuspended => "issuer_suspended",
            Reason::IssuerNotAccredited => "issuer_not_accredited",
            Reason::StandardOutOfScope => "standard_out_of_scope",
            Reason::TrustBundleOlderThanToken => "trust_bundle_older_than_token",
        }
    }

    /// Looks a reason up by its machine code.
    pub fn from_code(code: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The verdict this reason leads to.
    pub fn verdict(self) -> Verdict {
        match self {
            Reason::StatusUnavailable | Reason::TrustBundleOlderThanToken => Verdict::Indeterminate,
            _ => Verdict::Invalid,
        }
    }

    /// Whether a result with this reason comes after the signature verified, and so carries
    /// the issuer, the key id and the claims (FORMAT.md §6.5); the reasons of parsing, key
    /// lookup and the signature itself do not.
    pub fn is_after_signature(self) -> bool {
        !matches!(
            self,
            Reason::MalformedToken
                | Reason::UnsupportedHeader
                | Reason::InvalidClaims
                | Reason::UnknownIssuer
                | Reason::UnknownKey
                | Reason::BadSignature
                | Reason::TrustBundleOlderThanToken
        )
    }

    /// A plain-words explanation for a person, in the given language (the catalogue's
    /// `reason-<code>`).
    pub fn message(self, lang: Lang) -> String {
        crate::i18n::CATALOG.text(lang, &format!("reason-{}", self.code()))
    }

    /// The confirmation given for a valid certificate, in the given language.
    pub fn valid_message(lang: Lang) -> String {
        crate::t!(crate::i18n::CATALOG, lang, "verification-valid")
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_unique_and_match_serde() {
        let mut seen = std::collections::BTreeSet::new();
        for r in Reason::ALL {
            assert!(seen.insert(r.code()));
            assert_eq!(Reason::from_code(r.code()), Some(r));
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.code())
            );
            let (es, en) = (r.message(Lang::Es), r.message(Lang::En));
            assert!(
                !es.starts_with("reason-") && !en.starts_with("reason-"),
                "{r}"
            );
            assert_ne!(es, en);
        }
        assert_eq!(Reason::from_code("nope"), None);
    }

    #[test]
    fn verdicts() {
        assert_eq!(Reason::BadSignature.verdict(), Verdict::Invalid);
        assert_eq!(Reason::StatusUnavailable.verdict(), Verdict::Indeterminate);
        assert_eq!(
            Reason::TrustBundleOlderThanToken.verdict(),
            Verdict::Indeterminate
        );
        assert!(!Reason::TrustBundleOlderThanToken.is_after_signature());
        assert!(Reason::IssuerSuspended.is_after_signature());
        assert_eq!(Reason::StandardOutOfScope.verdict(), Verdict::Invalid);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("es_MX.UTF-8"), Lang::Es);
        assert_eq!(Lang::from_locale("C"), Lang::Es);
    }
}
