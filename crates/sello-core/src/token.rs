//! The Sello token: a JWS Compact Serialization (RFC 7515) of a JWT (RFC 7519), `alg` EdDSA.
//!
//! This module only encodes and parses. It checks structure, encodings and the header rules;
//! it does not check signatures or times (that is the verifier's job, with keys it trusts).

use crate::certificate::Claims;
use crate::i18n::tr;
use crate::reason::Reason;
use crate::{b64, json, untrusted};
use ed25519_dalek::Signature;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

pub use crate::qr_text::NumericError;

/// Most bytes a version-40 QR code holds in byte mode at error-correction level M, Sello's
/// default (ISO/IEC 18004, table 7).
pub const MAX_QR_BYTES: usize = 2331;

/// Largest token accepted, in bytes. A QR code at error-correction level M holds at most 2,331
/// bytes (2,953 at level L), so this cap only stops abuse; issuers are limited by the QR code.
pub const MAX_TOKEN_LEN: usize = 4096;
/// Largest decoded protected header, in bytes.
pub const MAX_HEADER_BYTES: usize = 512;
/// The algorithm Sello writes: Ed25519 under its RFC 8037 name.
pub const ALG: &str = "EdDSA";
/// The `alg` values a verifier accepts: `EdDSA` (RFC 8037) and `Ed25519`, its fully-specified
/// name from RFC 9864. Both mean Ed25519 with the key's own curve; the key decides, and every
/// Sello key is Ed25519.
pub const ACCEPTED_ALGS: [&str; 2] = ["EdDSA", "Ed25519"];
/// The token type, `typ` in the protected header.
pub const TYP: &str = "sello+jwt";

/// The protected header: exactly `alg`, `kid` and `typ`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// `EdDSA` when Sello signs; `Ed25519` is accepted too.
    pub alg: String,
    /// The signing key's id in the issuer's key set.
    pub kid: String,
    /// Always `sello+jwt`.
    pub typ: String,
}

impl Header {
    /// The header for a token signed by the key `kid`.
    pub fn new(kid: &str) -> Header {
        Header::with_type(kid, TYP)
    }

    /// The header for a JWS of another Sello type (such as a status list) signed by `kid`.
    pub fn with_type(kid: &str, typ: &str) -> Header {
        Header {
            alg: ALG.into(),
            kid: kid.into(),
            typ: typ.into(),
        }
    }
}

/// A part of a compact JWS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The protected header.
    Header,
    /// The payload (claims).
    Payload,
    /// The signature.
    Signature,
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = match self {
            Part::Header => "part-header",
            Part::Payload => "part-payload",
            Part::Signature => "part-signature",
        };
        f.write_str(&tr(id, &[]))
    }
}

/// Why a token could not be parsed. [`TokenError::reason`] maps each to a verdict reason.
/// Messages are in the language set with [`crate::i18n::set_language`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TokenError {
    /// Over [`MAX_TOKEN_LEN`].
    #[error("{}", tr("token-too-long", &[("len", (*len).into()), ("max", (*max).into())]))]
    TooLong {
        /// Length in bytes.
        len: usize,
        /// The cap.
        max: usize,
    },
    /// Not three dot-separated parts.
    #[error("{}", tr("token-parts", &[("count", (*.0).into())]))]
    Parts(usize),
    /// A part is not strict unpadded base64url.
    #[error("{}", tr("token-base64", &[("part", .0.to_string().into())]))]
    Base64(Part),
    /// A part is not the JSON it must be.
    #[error("{}", tr("token-json", &[("part", part.to_string().into()), ("detail", error.to_string().into())]))]
    Json {
        /// Which part.
        part: Part,
        /// What is wrong with its JSON.
        error: crate::json::JsonError,
    },
    /// A header member that must be a string is not.
    #[error("{}", tr("token-member-not-string", &[("name", (*.0).into())]))]
    MemberNotString(&'static str),
    /// A required header member is missing.
    #[error("{}", tr("token-member-missing", &[("name", (*.0).into())]))]
    MemberMissing(&'static str),
    /// The `kid` is empty or longer than 64 bytes.
    #[error("{}", tr("token-kid-length", &[]))]
    KidLength,
    /// The signature is not 64 bytes.
    #[error("{}", tr("token-signature-length", &[("len", (*.0).into())]))]
    SignatureLength(usize),
    /// `alg` is neither `EdDSA` nor `Ed25519` (the value, escaped and shortened).
    #[error("{}", tr("token-algorithm", &[("alg", .0.into())]))]
    Algorithm(String),
    /// `typ` is not the one expected (`sello+jwt` for certificates).
    #[error("{}", tr("token-type", &[("typ", .0.into())]))]
    Type(String),
    /// A header member other than `alg`, `kid`, `typ`.
    #[error("{}", tr("token-forbidden-member", &[("name", .0.into())]))]
    ForbiddenMember(String),
    /// The claims break a rule of the format.
    #[error("{}", tr("token-claims", &[("error", .0.to_string().into())]))]
    Claims(#[from] crate::certificate::ClaimError),
}

impl TokenError {
    /// The verdict reason this error stands for.
    pub fn reason(&self) -> Reason {
        match self {
            TokenError::Algorithm(_) | TokenError::Type(_) | TokenError::ForbiddenMember(_) => {
                Reason::UnsupportedHeader
            }
            TokenError::Claims(_) => Reason::InvalidClaims,
            _ => Reason::MalformedToken,
        }
    }
}

/// A parsed token whose signature has not been checked yet.
#[derive(Debug, Clone)]
pub struct UnverifiedToken<'a> {
    /// The protected header.
    pub header: Header,
    /// The claims, as the token states them (not yet authenticated).
    pub claims: Claims,
    /// `BASE64URL(header) '.' BASE64URL(payload)`: the bytes the signature covers.
    pub signing_input: &'a str,
    /// The signature.
    pub signature: Signature,
}

fn decode_part(text: &str, part: Part) -> Result<Vec<u8>, TokenError> {
    b64::decode(text).ok_or(TokenError::Base64(part))
}

pub(crate) fn parse_header(bytes: &[u8], expected_typ: &str) -> Result<Header, TokenError> {
    let json_err = |error: json::JsonError| TokenError::Json {
        part: Part::Header,
        error,
    };
    let members: serde_json::Map<String, serde_json::Value> =
        json::parse_strict(bytes, MAX_HEADER_BYTES).map_err(json_err)?;
    let string = |name: &'static str| -> Result<String, TokenError> {
        match members.get(name) {
            Some(serde_json::Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(TokenError::MemberNotString(name)),
            None => Err(TokenError::MemberMissing(name)),
        }
    };
    // The algorithm is decided first, by exact (case-sensitive) comparison.
    let alg = string("alg")?;
    if !ACCEPTED_ALGS.contains(&alg.as_str()) {
        return Err(TokenError::Algorithm(untrusted::quote(&alg)));
    }
    if let Some(other) = members
        .keys()
        .find(|k| !matches!(k.as_str(), "alg" | "kid" | "typ"))
    {
        return Err(TokenError::ForbiddenMember(untrusted::quote(other)));
    }
    let typ = string("typ")?;
    // RFC 7515 §4.1.9: media type names compare case-insensitively, "application/" optional.
    let bare = typ
        .get(..12)
        .filter(|p| p.eq_ignore_ascii_case("application/"))
        .map_or(typ.as_str(), |_| &typ[12..]);
    if !bare.eq_ignore_ascii_case(expected_typ) {
        return Err(TokenError::Type(untrusted::quote(&typ)));
    }
    let kid = string("kid")?;
    if kid.is_empty() || kid.len() > 64 {
        return Err(TokenError::KidLength);
    }
    Ok(Header { alg, kid, typ })
}

/// Parses a compact token without checking its signature.
///
/// Checks, in order: the size cap; three parts; the header (strict base64url, strict JSON, `alg`
/// exactly `EdDSA` or `Ed25519`, no member but `alg`/`kid`/`typ`, `typ` `sello+jwt`, a `kid`);
/// the payload (strict base64url, strict JSON claims with no unknown member); the signature
/// (strict base64url, 64 bytes); and last the claim rules.
pub fn decode(token: &str) -> Result<UnverifiedToken<'_>, TokenError> {
    let jws = decode_jws::<Claims>(token, MAX_TOKEN_LEN, TYP)?;
    jws.payload.validate()?;
    Ok(UnverifiedToken {
        header: jws.header,
        claims: jws.payload,
        signing_input: jws.signing_input,
        signature: jws.signature,
    })
}

/// A compact JWS split, decoded and parsed, its signature not yet checked.
#[derive(Debug, Clone)]
pub struct Jws<'a, T> {
    /// The protected header.
    pub header: Header,
    /// The payload, parsed as `T`.
    pub payload: T,
    /// `BASE64URL(header) '.' BASE64URL(payload)`.
    pub signing_input: &'a str,
    /// The signature.
    pub signature: Signature,
}

/// Decodes a compact JWS whose payload is strict JSON of type `T`, with the header rules of
/// Sello tokens and the given `typ`. [`decode`] is this with `T` = [`Claims`] and `sello+jwt`;
/// status lists use it with their own type.
pub fn decode_jws<'a, T: serde::de::DeserializeOwned>(
    token: &'a str,
    max_len: usize,
    typ: &str,
) -> Result<Jws<'a, T>, TokenError> {
    // Neither certificate claims nor status-list claims have arrays anywhere.
    decode_jws_with(token, max_len, typ, json::Arrays::Refused)
}

/// [`decode_jws`] for payloads whose schema has arrays (trust bundles).
pub fn decode_jws_with<'a, T: serde::de::DeserializeOwned>(
    token: &'a str,
    max_len: usize,
    typ: &str,
    arrays: json::Arrays,
) -> Result<Jws<'a, T>, TokenError> {
    if token.len() > max_len {
        return Err(TokenError::TooLong {
            len: token.len(),
            max: max_len,
        });
    }
    let parts: Vec<&str> = token.split('.').collect();
    let [header_b64, payload_b64, signature_b64] = parts[..] else {
        return Err(TokenError::Parts(parts.len()));
    };
    let header = parse_header(&decode_part(header_b64, Part::Header)?, typ)?;
    let payload = decode_part(payload_b64, Part::Payload)?;
    let payload: T =
        json::parse_strict_object(&payload, max_len, arrays).map_err(|error| TokenError::Json {
            part: Part::Payload,
            error,
        })?;
    let signature = decode_part(signature_b64, Part::Signature)?;
    let signature = Signature::from_slice(&signature)
        .map_err(|_| TokenError::SignatureLength(signature.len()))?;
    Ok(Jws {
        header,
        payload,
        signing_input: &token[..header_b64.len() + 1 + payload_b64.len()],
        signature,
    })
}

/// Builds the signing input for any serialisable payload under `header`.
pub fn signing_input_for<T: Serialize>(header: &Header, payload: &T) -> String {
    let header = serde_json::to_vec(header).expect("headers always serialise");
    let payload = serde_json::to_vec(payload).expect("payloads always serialise");
    format!("{}.{}", b64::encode(&header), b64::encode(&payload))
}

/// Builds the signing input `BASE64URL(header) '.' BASE64URL(payload)` for compact JSON of both.
pub fn signing_input(header: &Header, claims: &Claims) -> String {
    signing_input_for(header, claims)
}

/// Appends the signature to a signing input, giving the compact token.
pub fn assemble(signing_input: &str, signature: &Signature) -> String {
    format!("{signing_input}.{}", b64::encode(&signature.to_bytes()))
}

/// The SHA-256 of the token a text carries ([`extract`]: the text, or a URL's fragment, in
/// either form), as signed, in lower-case hex: how a receipt or a log names the token it checked
/// without repeating it (FORMAT.md §4). A numeric form that gives no token is hashed as written.
pub fn sha256_hex(text: &str) -> String {
    match extract(text) {
        Ok(token) => crate::federation::hex_sha256(token.as_bytes()),
        Err(_) => crate::federation::hex_sha256(fragment(text).as_bytes()),
    }
}

/// Steps 1 and 2 of FORMAT.md §4.3: the text without surrounding white space, or a URL's
/// fragment.
fn fragment(text: &str) -> &str {
    let text = text.trim();
    match text.split_once('#') {
        Some((before, fragment)) if before.contains("://") => fragment,
        _ => text,
    }
}

/// Finds a token in text a QR code or a user may give (FORMAT.md §4.3): a bare token, or a URL
/// whose fragment is the token (`https://…/v#<token>`), each also in the numeric form (`n` and
/// two digits a character: `https://…/v#n5630…`, `n5630…`), which is decoded. Surrounding white
/// space is ignored. Anything not in the numeric form is returned as it is (and decoding it
/// decides); a numeric form that gives no token is an error.
pub fn extract(text: &str) -> Result<Cow<'_, str>, NumericError> {
    let found = fragment(text);
    match crate::qr_text::decode_numeric(found) {
        Some(decoded) => decoded.map(Cow::Owned),
        None => Ok(Cow::Borrowed(found)),
    }
}

/// Whether `text` is presented as a token (FORMAT.md §4.4): [`extract`] gives a token (a numeric
/// form that does not is not presented as one), with exactly three parts separated by `.`, the
/// first of which, read as base64 leniently (either alphabet, with or without padding, any
/// unused bits), gives bytes whose first non-white-space byte is `{`: the start of a JSON
/// object, as every JOSE header is.
///
/// Text that is not, such as a truncated URL, a placeholder from a README or another kind of QR
/// code, is not a Sello certificate at all: verifiers report an input error for it, not a
/// verdict. A text that is presented as a token is decided by verification (§6), strictly: a
/// header with padding is still refused there (`malformed_token`), a forgery stays `invalid`.
pub fn is_presented_as_token(text: &str) -> bool {
    let Ok(token) = extract(text) else {
        return false;
    };
    let mut parts = token.split('.');
    let (Some(header), Some(_), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    lenient_base64_starts_with_brace(header)
}

/// Reads base64 (`A–Z a–z 0–9`, `+` or `-`, `/` or `_`, trailing `=` allowed) far enough to
/// see the first non-white-space byte, and tells whether it is `{`. Any other character, or
/// padding inside the text, is a no.
fn lenient_base64_starts_with_brace(text: &str) -> bool {
    let data = text.trim_end_matches('=');
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in data.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return false,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            let byte = (acc >> bits) as u8;
            acc &= (1 << bits) - 1;
            match byte {
                b' ' | b'\t' | b'\n' | b'\r' => {}
                b'{' => {
                    return data
                        .bytes()
                        .all(|c| c.is_ascii_alphanumeric() || b"-_+/".contains(&c));
                }
                _ => return false,
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_and_its_url_have_one_hash() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex("https://verifica.example.mx/v#abc"),
            sha256_hex("abc")
        );
    }
    use crate::certificate::tests::sample;

    #[test]
    fn what_is_presented_as_a_token() {
        let token = signed(r#"{"alg":"EdDSA","kid":"k","typ":"sello+jwt"}"#, &sample());
        let h = token.split('.').next().unwrap();
        for yes in [
            token.clone(),
            format!("https://verifica.example.mx/v#{token}"),
            format!("  {token}\n"),
            format!("{h}.x.y"),
            format!("{h}.."),
            format!("{}.e30.AAAA", b64::encode(b" {\"alg\":\"none\"}")),
            format!("{h}=.x.y"),
            format!("{}.x.y", h.replace('_', "/").replace('-', "+")),
        ] {
            assert!(is_presented_as_token(&yes), "{yes:?}");
        }
        for no in [
            String::new(),
            "<token>".into(),
            "eyJ...".into(),
            "https://verifica.example.mx/v#".into(),
            format!("https://verifica.example.mx/v#{}", &token[..30]),
            token[..token.find('.').unwrap() + 10].to_owned(),
            format!("{token}.extra"),
            format!("{}.e30.AAAA", b64::encode(b"[1]")),
            format!("{}.e30.AAAA", b64::encode(b"hola")),
            "a.b.c".into(),
            "WIFI:S:red;T:WPA;P:clave;;".into(),
            format!("\u{feff}{token}"),
            format!("{}\n{}.x.y", &h[..10], &h[10..]),
            format!("{}={}.x.y", &h[..8], &h[8..]),
        ] {
            assert!(!is_presented_as_token(&no), "{no:?}");
        }
    }
    use ed25519_dalek::{Signer, SigningKey};

    fn signed(header_json: &str, claims: &Claims) -> String {
        let key = SigningKey::from_bytes(&[7; 32]);
        let input = format!(
            "{}.{}",
            b64::encode(header_json.as_bytes()),
            b64::encode(&serde_json::to_vec(claims).unwrap())
        );
        assemble(&input, &key.sign(input.as_bytes()))
    }

    #[test]
    fn round_trip() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let claims = sample();
        let input = signing_input(&Header::new("abc"), &claims);
        let token = assemble(&input, &key.sign(input.as_bytes()));
        let parsed = decode(&token).unwrap();
        assert_eq!(parsed.claims, claims);
        assert_eq!(parsed.header.kid, "abc");
        assert_eq!(parsed.signing_input, input);
        assert!(token.starts_with("eyJhbGciOiJFZERTQSIsImtpZCI6ImFiYyIsInR5cCI6InNlbGxvK2p3dCJ9."));
    }

    #[test]
    fn header_rules() {
        let c = sample();
        let cases = [
            (
                r#"{"alg":"none","kid":"k","typ":"sello+jwt"}"#,
                Reason::UnsupportedHeader,
            ),
            (
                r#"{"alg":"HS256","kid":"k","typ":"sello+jwt"}"#,
                Reason::UnsupportedHeader,
            ),
            (
                r#"{"alg":"eddsa","kid":"k","typ":"sello+jwt"}"#,
                Reason::UnsupportedHeader,
            ),
            (
                r#"{"alg":"EdDSA","kid":"k","typ":"JWT"}"#,
                Reason::UnsupportedHeader,
            ),
            (
                r#"{"alg":"EdDSA","kid":"k","typ":"sello+jwt","jwk":{}}"#,
                Reason::UnsupportedHeader,
            ),
            (
                r#"{"alg":"EdDSA","kid":"k","typ":"sello+jwt","crit":["x"]}"#,
                Reason::UnsupportedHeader,
            ),
            (
                r#"{"alg":"EdDSA","kid":"k","typ":"sello+jwt","alg":"EdDSA"}"#,
                Reason::MalformedToken,
            ),
            (
                r#"{"alg":"EdDSA","typ":"sello+jwt"}"#,
                Reason::MalformedToken,
            ),
            (
                r#"{"alg":"EdDSA","kid":7,"typ":"sello+jwt"}"#,
                Reason::MalformedToken,
            ),
            (r#"["EdDSA"]"#, Reason::MalformedToken),
        ];
        for (header, reason) in cases {
            let err = decode(&signed(header, &c)).unwrap_err();
            assert_eq!(err.reason(), reason, "{header}: {err}");
        }
        decode(&signed(
            r#"{"alg":"Ed25519","kid":"k","typ":"sello+jwt"}"#,
            &c,
        ))
        .unwrap();
        for typ in ["SELLO+JWT", "application/sello+jwt"] {
            let header = format!(r#"{{"alg":"EdDSA","kid":"k","typ":"{typ}"}}"#);
            decode(&signed(&header, &c)).unwrap();
        }
    }

    #[test]
    fn structure_rules() {
        let token = signed(r#"{"alg":"EdDSA","kid":"k","typ":"sello+jwt"}"#, &sample());
        let reason = |t: &str| decode(t).unwrap_err().reason();
        assert_eq!(reason(&token[..token.len() - 3]), Reason::MalformedToken);
        assert_eq!(reason(&format!("{token}.")), Reason::MalformedToken);
        assert_eq!(reason(&format!("{token}=")), Reason::MalformedToken);
        assert_eq!(reason(&format!(" {token}")), Reason::MalformedToken);
        assert_eq!(
            reason(&"a".repeat(MAX_TOKEN_LEN + 1)),
            Reason::MalformedToken
        );
        let (input, _) = token.rsplit_once('.').unwrap();
        assert_eq!(reason(&format!("{input}.AAAA")), Reason::MalformedToken);
        let h = token.split('.').next().unwrap();
        let not_json = format!(
            "{h}.{}.{}",
            b64::encode(b"hola"),
            &token[token.rfind('.').unwrap() + 1..]
        );
        assert_eq!(reason(&not_json), Reason::MalformedToken);
    }

    #[test]
    fn claims_rules() {
        let mut c = sample();
        c.cert.holder.name = String::new();
        let t = signed(r#"{"alg":"EdDSA","kid":"k","typ":"sello+jwt"}"#, &c);
        assert_eq!(decode(&t).unwrap_err().reason(), Reason::InvalidClaims);
    }

    #[test]
    fn extracts_from_urls() {
        let ok = |t: &str| extract(t).unwrap().into_owned();
        assert_eq!(ok("  abc.def.ghi\n"), "abc.def.ghi");
        assert_eq!(ok("https://v.example.mx/v#abc.def.ghi"), "abc.def.ghi");
        assert_eq!(ok("abc#def"), "abc#def");
        // The numeric form, in a URL's fragment or bare.
        assert_eq!(ok("https://v.example.mx/v#n52015354"), "a.bc");
        assert_eq!(ok(" n52015354\n"), "a.bc");
        assert!(matches!(extract("abc.def.ghi"), Ok(Cow::Borrowed(_))));
        // Not the numeric form: taken as it is.
        for as_is in ["n", "n5201a", "N52015354", "v#n5201"] {
            assert_eq!(ok(as_is), as_is);
        }
        assert_eq!(ok("https://v.example.mx/v#N5201"), "N5201");
        // The numeric form, refused.
        assert_eq!(extract("n520"), Err(NumericError::OddLength(3)));
        assert_eq!(
            extract("https://v.example.mx/v#n5299"),
            Err(NumericError::BadPair { pair: 99, at: 2 })
        );
    }

    #[test]
    fn the_numeric_form_is_the_same_token() {
        let token = signed(r#"{"alg":"EdDSA","kid":"k","typ":"sello+jwt"}"#, &sample());
        for text in [
            crate::qr_text::qr_text(Some("https://verifica.example.mx/v"), &token),
            crate::qr_text::qr_text(None, &token),
        ] {
            assert!(text.len() > 2 * token.len());
            assert_eq!(extract(&text).unwrap(), token);
            assert!(is_presented_as_token(&text));
            assert_eq!(sha256_hex(&text), sha256_hex(&token));
        }
        let digits = crate::qr_text::numeric_digits(&token).unwrap();
        assert!(!is_presented_as_token(&format!("n{}", &digits[1..])));
        assert!(!is_presented_as_token(&format!("n{digits}99")));
        assert!(!is_presented_as_token(&format!("n{}", &digits[..40])));
    }
}
