//! Issuing: certificate in, signed token and QR content out.

use crate::i18n::{escaped, tr};
use crate::signer::{SignError, Signer};
use sello_core::i18n::Arg;
use sello_core::jwk::IssuerInfo;
use sello_core::token::{self, Header};
use sello_core::{Certificate, Claims, StatusRef};
use sello_core::{ClaimError, check_serial};

/// Why a certificate could not be issued.
#[derive(Debug, thiserror::Error)]
pub enum IssueError {
    /// A field breaks a rule of the format.
    #[error("{}", tr("issue-invalid", &[("error", Arg::from(.0.to_string()))]))]
    Invalid(#[from] ClaimError),
    /// The signer failed.
    #[error(transparent)]
    Sign(#[from] SignError),
    /// No randomness for a serial.
    #[error("{}", tr("no-randomness", &[("error", Arg::from(escaped(.0)))]))]
    Random(String),
    /// The signing key may not sign at this time (outside its window, or revoked).
    #[error("{}", tr("issue-key-not-valid", &[("kid", Arg::from(escaped(.0)))]))]
    KeyNotValid(String),
    /// The QR content (its length in characters) would not fit in a version-40 QR code at
    /// level M.
    #[error("{}", tr("issue-too-long", &[("chars", Arg::from(*.0))]))]
    TooLong(usize),
    /// A status list's times are out of range or in the wrong order.
    #[error("{}", tr("issue-status-times", &[]))]
    StatusTimes,
    /// A token recorded in the ledger no longer decodes.
    #[error("{}", tr("issue-ledger-token", &[("serial", Arg::from(escaped(serial))), ("error", Arg::from(error.to_string()))]))]
    LedgerToken {
        /// The certificate's serial.
        serial: String,
        /// Why.
        error: sello_core::TokenError,
    },
}

/// What to issue.
#[derive(Debug, Clone)]
pub struct IssueRequest {
    /// The certificate.
    pub certificate: Certificate,
    /// The serial ("folio"); generated when `None`.
    pub serial: Option<String>,
    /// Issue time (seconds since the epoch); now when `None`.
    pub issued_at: Option<i64>,
    /// Not valid before this time.
    pub not_before: Option<i64>,
    /// Expiry.
    pub expires: Option<i64>,
    /// Position in the issuer's status list.
    pub status: Option<StatusRef>,
}

impl IssueRequest {
    /// A request for `certificate` with every option left to its default.
    pub fn new(certificate: Certificate) -> IssueRequest {
        IssueRequest {
            certificate,
            serial: None,
            issued_at: None,
            not_before: None,
            expires: None,
            status: None,
        }
    }
}

/// An issued certificate.
#[derive(Debug, Clone)]
pub struct Issued {
    /// The claims that were signed.
    pub claims: Claims,
    /// The compact token.
    pub token: String,
    /// What the QR code carries, in the numeric form (FORMAT.md §4.1): `<verify_url>#n<digits>`,
    /// or `n<digits>`.
    pub qr_text: String,
}

/// An issuer able to sign: its identity and a [`Signer`].
pub struct Issuer {
    info: IssuerInfo,
    signer: Box<dyn Signer>,
    window: Option<sello_core::PublicKey>,
}

impl std::fmt::Debug for Issuer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Issuer")
            .field("info", &self.info)
            .field("kid", &self.signer.kid())
            .finish()
    }
}

/// A new serial: 60 random bits as 12 Crockford base-32 characters in groups of four,
/// e.g. `7KQ2-M9XW-3HPA`. Short enough to read aloud, too many to guess.
pub fn new_serial() -> Result<String, IssueError> {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| IssueError::Random(e.to_string()))?;
    let mut n = u64::from_le_bytes(bytes);
    let mut out = String::with_capacity(14);
    for i in 0..12 {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(ALPHABET[(n & 31) as usize] as char);
        n >>= 5;
    }
    Ok(out)
}

impl Issuer {
    /// An issuer signing with `signer`.
    pub fn new(info: IssuerInfo, signer: Box<dyn Signer>) -> Issuer {
        Issuer {
            info,
            signer,
            window: None,
        }
    }

    /// Refuses to sign at times the published key `key` (the signer's) may not sign.
    pub fn with_key_window(mut self, key: sello_core::PublicKey) -> Issuer {
        self.window = Some(key);
        self
    }

    /// The issuer's identity.
    pub fn info(&self) -> &IssuerInfo {
        &self.info
    }

    /// The signing key's id.
    pub fn kid(&self) -> String {
        self.signer.kid()
    }

    /// Signs a status list valid from `iat` to `exp` (a `sello-status+jwt` JWS).
    pub fn sign_status_list(
        &self,
        list: &sello_core::status::StatusList,
        iat: i64,
        exp: i64,
    ) -> Result<String, IssueError> {
        let max = sello_core::MAX_TIME;
        if !(0..=max).contains(&iat) || !(0..=max).contains(&exp) || exp <= iat {
            return Err(IssueError::StatusTimes);
        }
        if let Some(key) = &self.window
            && (!key.may_sign_at(iat) || key.revoked_for(iat))
        {
            return Err(IssueError::KeyNotValid(key.kid.clone()));
        }
        let input =
            sello_core::status::signing_input(&self.signer.kid(), &self.info.id, iat, exp, list);
        let signature = self.signer.sign(input.as_bytes())?;
        Ok(token::assemble(&input, &signature))
    }

    /// Validates, signs and encodes one certificate.
    pub fn issue(&self, request: &IssueRequest) -> Result<Issued, IssueError> {
        let serial = match &request.serial {
            Some(s) => {
                check_serial(s)?;
                s.clone()
            }
            None => new_serial()?,
        };
        let claims = Claims {
            iss: self.info.id.clone(),
            jti: serial,
            iat: request.issued_at.unwrap_or_else(sello_core::now),
            nbf: request.not_before,
            exp: request.expires,
            cert: request.certificate.clone(),
            status: request.status,
        };
        claims.validate()?;
        if let Some(key) = &self.window
            && (!key.may_sign_at(claims.iat) || key.revoked_for(claims.iat))
        {
            return Err(IssueError::KeyNotValid(key.kid.clone()));
        }
        let input = token::signing_input(&Header::new(&self.signer.kid()), &claims);
        let signature = self.signer.sign(input.as_bytes())?;
        let token = token::assemble(&input, &signature);
        let qr_text = sello_core::qr_text::qr_text(self.info.verify_url.as_deref(), &token);
        if sello_core::qr_version_at_m(&qr_text).is_none() {
            return Err(IssueError::TooLong(qr_text.len()));
        }
        Ok(Issued {
            claims,
            token,
            qr_text,
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::signer::LocalSigner;
    use ed25519_dalek::SigningKey;
    use sello_core::{Achievement, Holder};

    fn issuer(url: Option<&str>) -> Issuer {
        Issuer::new(
            IssuerInfo {
                id: "mx.prueba".into(),
                name: "Prueba".into(),
                verify_url: url.map(str::to_owned),
                time_zone: None,
            },
            Box::new(LocalSigner::new(SigningKey::from_bytes(&[1; 32]))),
        )
    }

    /// A minimal certificate for the crate's tests.
    pub(crate) fn cert() -> Certificate {
        Certificate {
            holder: Holder {
                name: "José Ángel Ruiz".into(),
                id: None,
            },
            achievement: Achievement {
                code: "EC0105".into(),
                title: "Atención al ciudadano en el sector público".into(),
                level: None,
            },
            unit: None,
            attrs: Default::default(),
        }
    }

    #[test]
    fn issues_a_token_that_parses_back() {
        let issued = issuer(Some("https://v.example.mx/v"))
            .issue(&IssueRequest::new(cert()))
            .unwrap();
        assert_eq!(
            issued.qr_text,
            format!(
                "https://v.example.mx/v#n{}",
                sello_core::qr_text::numeric_digits(&issued.token).unwrap()
            )
        );
        assert_eq!(token::extract(&issued.qr_text).unwrap(), issued.token);
        let parsed = token::decode(&issued.token).unwrap();
        assert_eq!(parsed.claims, issued.claims);
        let key = SigningKey::from_bytes(&[1; 32]).verifying_key();
        key.verify_strict(parsed.signing_input.as_bytes(), &parsed.signature)
            .unwrap();
    }

    #[test]
    fn serials_are_well_formed_and_distinct() {
        let serials: std::collections::BTreeSet<String> =
            (0..1000).map(|_| new_serial().unwrap()).collect();
        assert_eq!(serials.len(), 1000);
        for s in &serials {
            assert_eq!(s.len(), 14);
            check_serial(s).unwrap();
        }
    }

    #[test]
    fn refuses_invalid_input() {
        let mut req = IssueRequest::new(cert());
        req.serial = Some("no spaces".into());
        assert!(matches!(
            issuer(None).issue(&req),
            Err(IssueError::Invalid(_))
        ));
        let mut req = IssueRequest::new(cert());
        req.issued_at = Some(100);
        req.expires = Some(50);
        assert!(matches!(
            issuer(None).issue(&req),
            Err(IssueError::Invalid(_))
        ));
        // Content that would not fit in a printable QR code is refused.
        let mut req = IssueRequest::new(cert());
        for i in 0..16 {
            req.certificate
                .attrs
                .insert(format!("k{i}"), "x".repeat(150));
        }
        assert!(matches!(
            issuer(None).issue(&req),
            Err(IssueError::TooLong(_))
        ));
    }
}
