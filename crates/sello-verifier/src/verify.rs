//! Verification: a token in, a [`Verification`] (verdict, reason, issuer, claims) out.
//!
//! Order of checks, each failure naming its reason:
//! 1. parse (size cap, structure, strict base64url and JSON, header rules, claim rules);
//! 2. the unauthenticated `iss` selects the issuer's key set (else `unknown_issuer`), and the
//!    header's `kid` selects a key inside that set only (else `unknown_key`);
//! 3. Ed25519 strict verification over the signing input (else `bad_signature`). Only from here
//!    on are the claims trusted, and only now are they returned to the caller;
//! 4. the key's revocation (`key_revoked`) and signing window (`key_not_valid_at_issuance`);
//! 5. the clock, with leeway: `iat`/`nbf` in the future (`not_yet_valid`), `exp` passed (`expired`);
//! 6. status: a certificate that points into its issuer's status list is `revoked` when its bit
//!    is set; with no list of that issuer loaded, or only one whose `exp` has passed, the answer
//!    is `status_unavailable` (indeterminate): Sello never fetches anything and never passes a
//!    certificate whose revocation it could not check.

use crate::i18n::{escaped, tr};
use crate::status::StatusLists;
use crate::trust::TrustStore;
use sello_core::ed25519_dalek::{Signature, VerifyingKey};
use sello_core::jwk::{IssuerInfo, KeySet, PublicKey};
use sello_core::{Claims, Lang, Reason, Verdict, token};
use serde::Serialize;
use std::path::Path;

/// Default clock leeway, in seconds, for `iat`, `nbf` and `exp`.
pub const DEFAULT_LEEWAY: i64 = 60;

/// Strict Ed25519 verification (RFC 8032 §5.1.7 with canonical `S`, and no small-order `A` or
/// `R`): the one signature check every token goes through, exposed so that external vectors
/// (RFC 8032, Wycheproof) exercise exactly this path.
pub fn check_signature(key: &PublicKey, message: &[u8], signature: &Signature) -> bool {
    check_signature_key(&key.key, message, signature)
}

/// [`check_signature`] with a bare Ed25519 key.
pub fn check_signature_key(key: &VerifyingKey, message: &[u8], signature: &Signature) -> bool {
    key.verify_strict(message, signature).is_ok()
}

/// A token whose structure, issuer and key are known, waiting for its signature check.
struct Pending<'v, 't> {
    token: token::UnverifiedToken<'t>,
    key_set: &'v KeySet,
    key: &'v PublicKey,
}

/// The result of verifying one token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verification {
    /// The verdict.
    pub verdict: Verdict,
    /// Why it is not valid (`None` when valid).
    pub reason: Option<Reason>,
    /// A technical detail for logs and experts, in the language set with
    /// [`sello_core::i18n::set_language`] (never secret material).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The issuer, once the signature has verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<IssuerInfo>,
    /// The key that signed the token, once the signature has verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    /// The claims, only once the signature has verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claims: Option<Claims>,
    /// Through a trust bundle, once the signature has verified: who accredited the issuer,
    /// for what, since when, and as of which bundle (FORMAT.md §6.2.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trust: Option<TrustChain>,
}

/// The accreditation behind a verdict reached through a trust bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrustChain {
    /// The federation id.
    pub federation: String,
    /// The federation's name, e.g. `CONOCER`.
    pub federation_name: String,
    /// The bundle's sequence number.
    pub seq: u64,
    /// The bundle's `iat`: the verdict is "according to the trust bundle of" this time.
    pub trust_as_of: i64,
    /// Whether the bundle was fresh at the verification time.
    pub fresh: bool,
    /// Start of the issuer's accreditation window.
    pub accredited_since: i64,
    /// The certificate's standard, when the issuer was accredited for it at `iat`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standard: Option<String>,
    /// Since when the issuer is accredited for that standard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standard_since: Option<i64>,
}

impl TrustChain {
    /// The chain in words for a person, in `lang`: "CECATI 149, acreditado por CONOCER para
    /// EC0105 desde 2026-01-01 (según el paquete de confianza del 2026-03-01)". Names are
    /// escaped.
    pub fn describe(&self, issuer_name: &str, lang: Lang) -> String {
        use crate::federation::date;
        let issuer = crate::i18n::escaped(issuer_name);
        let federation = crate::i18n::escaped(&self.federation_name);
        let as_of = date(self.trust_as_of);
        let mut text = match (&self.standard, self.standard_since) {
            (Some(standard), Some(since)) => crate::i18n::CATALOG.format(
                lang,
                "trust-chain-standard",
                &[
                    ("issuer", issuer.as_str().into()),
                    ("federation", federation.as_str().into()),
                    ("standard", crate::i18n::escaped(standard).as_str().into()),
                    ("since", date(since).as_str().into()),
                    ("as_of", as_of.as_str().into()),
                ],
            ),
            _ => crate::i18n::CATALOG.format(
                lang,
                "trust-chain",
                &[
                    ("issuer", issuer.as_str().into()),
                    ("federation", federation.as_str().into()),
                    ("since", date(self.accredited_since).as_str().into()),
                    ("as_of", as_of.as_str().into()),
                ],
            ),
        };
        if !self.fresh {
            text.push(' ');
            text.push_str(&crate::i18n::CATALOG.text(lang, "trust-chain-stale"));
        }
        text
    }
}

impl Verification {
    fn fail(reason: Reason, detail: impl Into<String>) -> Verification {
        Verification {
            verdict: reason.verdict(),
            reason: Some(reason),
            detail: Some(detail.into()),
            issuer: None,
            kid: None,
            claims: None,
            trust: None,
        }
    }

    /// A plain-words explanation in `lang`: the reason's message, or a confirmation.
    pub fn message(&self, lang: Lang) -> String {
        match self.reason {
            Some(reason) => reason.message(lang),
            None => Reason::valid_message(lang),
        }
    }
}

pub use crate::status::{LoadedStatusList, StatusLoadError, read_status_files};

/// Verifies tokens against a [`TrustStore`], and revocation against loaded status lists.
#[derive(Debug, Clone)]
pub struct Verifier {
    trust: TrustStore,
    leeway: i64,
    status: StatusLists,
}

impl Verifier {
    /// A verifier trusting `trust`, with the default leeway.
    pub fn new(trust: TrustStore) -> Verifier {
        Verifier {
            trust,
            leeway: DEFAULT_LEEWAY,
            status: StatusLists::new(),
        }
    }

    /// Sets the clock leeway in seconds (clamped to 0..=3600).
    pub fn with_leeway(mut self, seconds: i64) -> Verifier {
        self.leeway = seconds.clamp(0, 3600);
        self
    }

    /// The trust store.
    pub fn trust(&self) -> &TrustStore {
        &self.trust
    }

    /// Adds a status-list token after accepting it ([`crate::status::accept`]: signed by a key
    /// of a trusted issuer that could sign at the list's `iat`). Several lists of one issuer
    /// are kept; verification uses the one in use at its time ([`StatusLists::in_use`]).
    /// Returns the accepted list.
    pub fn add_status_list(&mut self, token: &str) -> Result<LoadedStatusList, StatusLoadError> {
        let loaded = crate::status::accept(&self.trust, token)?;
        self.status.insert(loaded.clone());
        Ok(loaded)
    }

    /// Adds a status-list file, or every `*.jwt` file in a folder. Returns the accepted lists.
    pub fn load_status(&mut self, path: &Path) -> Result<Vec<LoadedStatusList>, StatusLoadError> {
        read_status_files(path)?
            .iter()
            .map(|token| self.add_status_list(token))
            .collect()
    }

    /// The status lists accepted.
    pub fn status_lists(&self) -> &StatusLists {
        &self.status
    }

    /// The status list of `issuer` in use at time `at` (FORMAT.md §5.8.6).
    pub fn status_list(&self, issuer: &str, at: i64) -> Option<&LoadedStatusList> {
        self.status.in_use(issuer, at, self.leeway)
    }

    fn check_status(&self, iss: &str, idx: u32, at: i64) -> Option<(Reason, String)> {
        let Some(loaded) = self.status_list(iss, at) else {
            let detail = if self.status.of(iss).is_empty() {
                tr("detail-no-status-list", &[])
            } else {
                tr("detail-status-lists-later", &[])
            };
            return Some((Reason::StatusUnavailable, detail));
        };
        if at >= loaded.exp {
            return Some((
                Reason::StatusUnavailable,
                tr(
                    "detail-status-expired",
                    &[("exp", loaded.exp.to_string().into())],
                ),
            ));
        }
        match loaded.list.is_revoked(idx) {
            Some(true) => Some((
                Reason::Revoked,
                tr("detail-status-set", &[("idx", idx.into())]),
            )),
            Some(false) => None,
            None => Some((
                Reason::StatusUnavailable,
                tr(
                    "detail-status-beyond",
                    &[("idx", idx.into()), ("len", loaded.list.len().into())],
                ),
            )),
        }
    }

    /// Verifies `text` (a bare token, or a URL with the token in its fragment, in either form
    /// of FORMAT.md §4.3) at time `at` (seconds since the Unix epoch). A numeric form that
    /// gives no token is `malformed_token`.
    pub fn verify(&self, text: &str, at: i64) -> Verification {
        let token = match token::extract(text) {
            Ok(token) => token,
            Err(e) => return Verification::fail(Reason::MalformedToken, e.to_string()),
        };
        match self.prepare(&token, at) {
            Ok(pending) => {
                let ok = check_signature(
                    pending.key,
                    pending.token.signing_input.as_bytes(),
                    &pending.token.signature,
                );
                self.conclude(pending, ok, at)
            }
            Err((reason, detail)) => Verification::fail(reason, detail),
        }
    }

    /// Verifies many texts at time `at`: exactly [`Verifier::verify`] on each, in order, spread
    /// over the threads of the current rayon pool (all cores by default; `sello verify --jobs`
    /// sets the pool). Every signature gets the strict check of [`check_signature`] on its own:
    /// the verdict of a token never depends on the tokens beside it, on the number of threads or
    /// on chance. (Checking signatures together with a random linear combination is faster on
    /// one core, but can accept a signature whose `R` carries a small-order component, which the
    /// strict check refuses: `docs/SECURITY.md` §11.)
    pub fn verify_many<S: AsRef<str> + Sync>(&self, texts: &[S], at: i64) -> Vec<Verification> {
        use rayon::prelude::*;
        texts
            .par_iter()
            .with_min_len(8)
            .map(|t| self.verify(t.as_ref(), at))
            .collect()
    }

    /// Steps 1 and 2: parse the token (extracted already), and find the issuer's key set and
    /// the key.
    fn prepare<'v, 't>(
        &'v self,
        token: &'t str,
        at: i64,
    ) -> Result<Pending<'v, 't>, (Reason, String)> {
        let parsed = match token::decode(token) {
            Ok(parsed) => parsed,
            Err(e) => return Err((e.reason(), e.to_string())),
        };
        // Through a bundle, an issuer or key it does not know, on a token issued after it was
        // signed, may be one accredited since (FORMAT.md §6.2.1).
        let newer_than_bundle = self.trust.federation().is_some_and(|f| {
            parsed.claims.iat > f.iat && parsed.claims.iat <= at.saturating_add(self.leeway)
        });
        let Some(key_set) = self.trust.issuer(&parsed.claims.iss) else {
            if newer_than_bundle {
                return Err((
                    Reason::TrustBundleOlderThanToken,
                    tr("detail-issuer-newer-than-bundle", &[]),
                ));
            }
            return Err((
                Reason::UnknownIssuer,
                tr(
                    "detail-unknown-issuer",
                    &[(
                        "issuer",
                        sello_core::untrusted::quote(&parsed.claims.iss).into(),
                    )],
                ),
            ));
        };
        let Some(key) = key_set.key(&parsed.header.kid) else {
            if newer_than_bundle {
                return Err((
                    Reason::TrustBundleOlderThanToken,
                    tr("detail-key-newer-than-bundle", &[]),
                ));
            }
            return Err((
                Reason::UnknownKey,
                tr(
                    "detail-unknown-key",
                    &[
                        ("issuer", escaped(&key_set.issuer.id).into()),
                        (
                            "kid",
                            sello_core::untrusted::quote(&parsed.header.kid).into(),
                        ),
                    ],
                ),
            ));
        };
        Ok(Pending {
            token: parsed,
            key_set,
            key,
        })
    }

    /// Steps 3 to 6, given whether the signature verified.
    fn conclude(&self, pending: Pending<'_, '_>, signature_ok: bool, at: i64) -> Verification {
        let Pending {
            token: parsed,
            key_set,
            key,
        } = pending;
        if !signature_ok {
            return Verification::fail(
                Reason::BadSignature,
                tr("detail-bad-signature", &[("kid", escaped(&key.kid).into())]),
            );
        }
        let claims = parsed.claims;
        let (trust, accreditation) = self.accreditation(&claims, at);
        let failure = if key.revoked_for(claims.iat) {
            Some((Reason::KeyRevoked, tr("detail-key-revoked", &[])))
        } else if !key.may_sign_at(claims.iat) {
            Some((Reason::KeyNotValidAtIssuance, tr("detail-key-window", &[])))
        } else if let Some(failure) = accreditation {
            Some(failure)
        } else if claims.iat > at.saturating_add(self.leeway) {
            Some((Reason::NotYetValid, tr("detail-iat-future", &[])))
        } else if claims
            .nbf
            .is_some_and(|nbf| nbf > at.saturating_add(self.leeway))
        {
            Some((Reason::NotYetValid, tr("detail-nbf-future", &[])))
        } else if claims
            .exp
            .is_some_and(|exp| at >= exp.saturating_add(self.leeway))
        {
            Some((Reason::Expired, tr("detail-expired", &[])))
        } else if let Some(status) = claims.status {
            self.check_status(&claims.iss, status.idx, at)
        } else {
            None
        };
        let (verdict, reason, detail) = match failure {
            Some((reason, detail)) => (reason.verdict(), Some(reason), Some(detail)),
            None => (Verdict::Valid, None, None),
        };
        Verification {
            verdict,
            reason,
            detail,
            issuer: Some(key_set.issuer.clone()),
            kid: Some(key.kid.clone()),
            claims: Some(claims),
            trust,
        }
    }

    /// Through a trust bundle: the trust chain of an authentic token, and the federation's
    /// refusal if any (FORMAT.md §6.2.1: suspension, accreditation, scope, all at `iat`).
    fn accreditation(
        &self,
        claims: &Claims,
        at: i64,
    ) -> (Option<TrustChain>, Option<(Reason, String)>) {
        let Some(fed) = self.trust.federation() else {
            return (None, None);
        };
        let Some(entry) = fed.issuers.get(&claims.iss) else {
            return (
                None,
                Some((Reason::IssuerNotAccredited, tr("detail-not-in-bundle", &[]))),
            );
        };
        let iat = claims.iat;
        let code = &claims.cert.achievement.code;
        let scope = entry.scope_at(code, iat);
        let chain = TrustChain {
            federation: fed.id.clone(),
            federation_name: fed.name.clone(),
            seq: fed.seq,
            trust_as_of: fed.iat,
            fresh: at < fed.fresh_until,
            accredited_since: entry.accredited.nbf,
            standard: scope.map(|s| s.ec.clone()),
            standard_since: scope.map(|s| s.window.nbf),
        };
        let failure = if let Some(s) = entry.suspended_at(iat) {
            Some((
                Reason::IssuerSuspended,
                tr(
                    "detail-suspended",
                    &[
                        ("from", s.from.to_string().into()),
                        ("why", sello_core::untrusted::quote(&s.reason).into()),
                    ],
                ),
            ))
        } else if !entry.accredited.contains(iat) {
            Some((
                Reason::IssuerNotAccredited,
                tr("detail-not-accredited", &[]),
            ))
        } else if scope.is_none() {
            Some((
                Reason::StandardOutOfScope,
                tr(
                    "detail-out-of-scope",
                    &[("code", sello_core::untrusted::quote(code).into())],
                ),
            ))
        } else {
            None
        };
        (Some(chain), failure)
    }

    /// A verifier trusting the issuers of an accepted trust bundle, with the status lists the
    /// bundle carries (FORMAT.md §5.9.5).
    ///
    /// The bundle's accepted status lists are copied; [`Verifier::from_accepted`] moves them
    /// instead (a bundle of thousands of centres holds tens of MiB of them).
    pub fn from_bundle(
        bundle: &crate::federation::AcceptedBundle,
    ) -> Result<Verifier, StatusLoadError> {
        let mut verifier = Verifier::new(bundle.trust_store());
        // Accepted with the bundle against the very key sets of this store (§5.9.5 step 10).
        for list in &bundle.accepted_status {
            verifier.status.insert(list.clone());
        }
        Ok(verifier)
    }

    /// [`Verifier::from_bundle`], taking the bundle: its status lists move into the verifier.
    pub fn from_accepted(mut bundle: crate::federation::AcceptedBundle) -> Verifier {
        let mut verifier = Verifier::new(bundle.trust_store());
        for list in std::mem::take(&mut bundle.accepted_status) {
            verifier.status.insert(list);
        }
        verifier
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sello_core::ed25519_dalek::{Signer as _, SigningKey};
    use sello_core::{Achievement, Certificate, Holder, KeySet, token::Header};

    const T: i64 = 1_800_000_000;

    fn claims(iat: i64) -> Claims {
        Claims {
            iss: "mx.a".into(),
            jti: "A-1".into(),
            iat,
            nbf: None,
            exp: Some(iat + 1000),
            cert: Certificate {
                holder: Holder {
                    name: "Ana".into(),
                    id: None,
                },
                achievement: Achievement {
                    code: "EC0105".into(),
                    title: "T".into(),
                    level: None,
                },
                unit: None,
                attrs: Default::default(),
            },
            status: None,
        }
    }

    fn sign(c: &Claims, key: &SigningKey, kid: &str) -> String {
        let input = token::signing_input(&Header::new(kid), c);
        token::assemble(&input, &key.sign(input.as_bytes()))
    }

    fn verifier(key: PublicKey) -> Verifier {
        let mut trust = TrustStore::new();
        trust
            .add(KeySet {
                issuer: IssuerInfo {
                    id: "mx.a".into(),
                    name: "A".into(),
                    verify_url: None,
                    time_zone: None,
                },
                keys: vec![key],
                attribute_labels: Default::default(),
            })
            .unwrap();
        Verifier::new(trust)
    }

    #[test]
    fn time_edges_with_leeway() {
        let key = SigningKey::from_bytes(&[5; 32]);
        let public = PublicKey::new(key.verifying_key());
        let v = verifier(public.clone());
        let t = sign(&claims(T), &key, &public.kid);
        let exp = T + 1000;
        assert_eq!(v.verify(&t, T).verdict, Verdict::Valid);
        assert_eq!(
            v.verify(&t, exp + DEFAULT_LEEWAY - 1).verdict,
            Verdict::Valid
        );
        assert_eq!(
            v.verify(&t, exp + DEFAULT_LEEWAY).reason,
            Some(Reason::Expired)
        );
        assert_eq!(v.verify(&t, T - DEFAULT_LEEWAY).verdict, Verdict::Valid);
        assert_eq!(
            v.verify(&t, T - DEFAULT_LEEWAY - 1).reason,
            Some(Reason::NotYetValid)
        );
        let strict = v.clone().with_leeway(0);
        assert_eq!(strict.verify(&t, exp).reason, Some(Reason::Expired));
        assert_eq!(strict.verify(&t, exp - 1).verdict, Verdict::Valid);
    }

    #[test]
    fn key_checks_come_before_clock_checks() {
        let key = SigningKey::from_bytes(&[6; 32]);
        let mut public = PublicKey::new(key.verifying_key());
        public.revoked_at = Some(0);
        let v = verifier(public.clone());
        let t = sign(&claims(T), &key, &public.kid);
        // Both revoked and expired: the key's compromise is the reason given.
        let r = v.verify(&t, T + 10_000);
        assert_eq!(r.reason, Some(Reason::KeyRevoked));
        assert!(
            r.claims.is_some(),
            "authentic claims are returned with the reason"
        );
    }

    #[test]
    fn verify_many_agrees_with_verify_on_every_kind_of_input() {
        let key = SigningKey::from_bytes(&[9; 32]);
        let public = PublicKey::new(key.verifying_key());
        let v = verifier(public.clone());
        let other = SigningKey::from_bytes(&[10; 32]);
        let mut texts = Vec::new();
        for i in 0..40 {
            let mut c = claims(T + i);
            c.jti = format!("A-{i}");
            texts.push(sign(&c, &key, &public.kid));
        }
        texts[3] = sign(&claims(T), &other, &public.kid); // forged
        texts[10] = "not a token".into();
        texts[11] = sign(&claims(T), &key, "unknown-kid");
        texts[20] = sign(&claims(T + 5000), &key, &public.kid); // expired at T + 6100
        texts[21] = format!("https://x.example/v#{}", texts[22]);
        let mut tampered = texts[30].clone();
        tampered.insert(tampered.rfind('.').unwrap() - 2, 'A');
        texts[30] = tampered;
        for at in [T + 100, T + 6100] {
            let many = v.verify_many(&texts, at);
            let one: Vec<Verification> = texts.iter().map(|t| v.verify(t, at)).collect();
            assert_eq!(many, one);
        }
        let many = v.verify_many(&texts, T + 100);
        assert_eq!(many[3].reason, Some(Reason::BadSignature));
        assert_eq!(many[11].reason, Some(Reason::UnknownKey));
        assert_eq!(many[0].verdict, Verdict::Valid);
        assert!(v.verify_many::<&str>(&[], T).is_empty());
    }

    /// The key holder's signature with a small-order component in R: refused by the strict
    /// check, and so, every time, on every path, alone or among many valid tokens.
    #[test]
    fn a_torsion_component_in_r_is_refused_every_time_on_every_path() {
        let key = SigningKey::from_bytes(&[11; 32]);
        let public = PublicKey::new(key.verifying_key());
        let v = verifier(public.clone());
        let input = token::signing_input(&Header::new(&public.kid), &claims(T));
        let crafted = sello_testkit::curve::sign_with_torsion(
            &key,
            input.as_bytes(),
            sello_testkit::curve::order_two_point(),
        );
        let crafted = token::assemble(&input, &crafted);
        assert_eq!(v.verify(&crafted, T).reason, Some(Reason::BadSignature));
        let mut texts: Vec<String> = (0..63)
            .map(|i| {
                let mut c = claims(T + i);
                c.jti = format!("A-{i}");
                sign(&c, &key, &public.kid)
            })
            .collect();
        texts.insert(17, crafted);
        for _ in 0..64 {
            let results = v.verify_many(&texts, T + 100);
            assert_eq!(results[17].reason, Some(Reason::BadSignature));
            assert_eq!(
                results
                    .iter()
                    .filter(|r| r.verdict == Verdict::Valid)
                    .count(),
                63
            );
        }
    }

    #[test]
    fn claims_only_after_signature() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let public = PublicKey::new(key.verifying_key());
        let v = verifier(public.clone());
        let forged = sign(&claims(T), &SigningKey::from_bytes(&[8; 32]), &public.kid);
        let r = v.verify(&forged, T);
        assert_eq!(r.reason, Some(Reason::BadSignature));
        assert!(r.claims.is_none() && r.issuer.is_none() && r.kid.is_none());
        assert_eq!(
            v.verify("x", T).message(Lang::En),
            Reason::MalformedToken.message(Lang::En)
        );
    }
}
