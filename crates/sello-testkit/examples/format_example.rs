//! Computes every value of the worked example in `docs/FORMAT.md` §11.
//!
//! ```sh
//! cargo run -p sello-testkit --example format_example
//! ```
//!
//! The key is the RFC 8037 appendix A.1 test key: its private half is public, so the example
//! is reproducible byte for byte (Ed25519 signatures are deterministic). Never trust it.

use ed25519_dalek::{Signer as _, SigningKey};
use sello_core::jwk::{self, IssuerInfo, KeySet, PublicKey};
use sello_core::token::{self, Header};
use sello_core::{Claims, b64};
use sello_issuer::{IssueRequest, Issuer, LocalSigner};
use sello_print::{Correction, QrMatrix};

/// RFC 8037 appendix A.1: the private key `d` and public key `x`.
const D: &str = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
const X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

fn main() {
    let seed: [u8; 32] = b64::decode(D).unwrap().try_into().unwrap();
    let key = SigningKey::from_bytes(&seed);
    let public = key.verifying_key();
    assert_eq!(b64::encode(public.as_bytes()), X, "RFC 8037 A.1 public key");

    let info = IssuerInfo {
        id: "mx.cecati149".into(),
        name: "CECATI 149".into(),
        verify_url: Some("https://verifica.cecati149.example.mx/v".into()),
        time_zone: None,
    };
    let key_set = KeySet {
        issuer: info.clone(),
        keys: vec![PublicKey::new(public)],
        attribute_labels: Default::default(),
    };
    let key_set_json = key_set.to_json();
    assert_eq!(KeySet::from_json(key_set_json.as_bytes()).unwrap(), key_set);

    let canonical = format!(r#"{{"crv":"Ed25519","kty":"OKP","x":"{X}"}}"#);
    let thumbprint = jwk::thumbprint(&public);
    let kid = jwk::kid(&public);
    assert_eq!(
        thumbprint, "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k",
        "RFC 8037 A.3"
    );
    assert_eq!(kid, "kPrK_qmxVWY");

    let claims = Claims {
        iss: info.id.clone(),
        jti: "7KQ2-M9XW-3HPA".into(),
        iat: 1_795_478_400, // 2026-11-24T00:00:00Z
        nbf: None,
        exp: Some(1_953_244_800), // 2031-11-24T00:00:00Z
        cert: sello_testkit::worked_example_certificate(&[("grupo", "B-07")]),
        status: None,
    };
    claims.validate().unwrap();

    let header = Header::new(&kid);
    let header_json = serde_json::to_string(&header).unwrap();
    let payload_json = serde_json::to_string(&claims).unwrap();
    assert!(
        !payload_json.contains("\\u"),
        "non-ASCII text is written as UTF-8"
    );
    let input = token::signing_input(&header, &claims);
    assert_eq!(
        input,
        format!(
            "{}.{}",
            b64::encode(header_json.as_bytes()),
            b64::encode(payload_json.as_bytes())
        )
    );
    let signature = key.sign(input.as_bytes());
    public.verify_strict(input.as_bytes(), &signature).unwrap();
    let token = token::assemble(&input, &signature);
    // The numeric form (FORMAT.md §4.1): the URL and `#n` in byte mode, then two digits a
    // character of the token.
    let digits: String = token.bytes().map(|b| format!("{:02}", b - 45)).collect();
    let qr_text = format!("{}#n{digits}", info.verify_url.as_deref().unwrap());
    assert_eq!(token::extract(&qr_text).unwrap(), token);

    // The issuing library gives the same bytes.
    let issuer = Issuer::new(info.clone(), Box::new(LocalSigner::new(key.clone())));
    let mut request = IssueRequest::new(claims.cert.clone());
    request.serial = Some(claims.jti.clone());
    request.issued_at = Some(claims.iat);
    request.expires = claims.exp;
    let issued = issuer.issue(&request).unwrap();
    assert_eq!((&issued.token, &issued.qr_text), (&token, &qr_text));
    let parsed = token::decode(&token).unwrap();
    assert_eq!(parsed.claims, claims);

    let qr = QrMatrix::encode(&qr_text, Correction::Medium).unwrap();
    let (h64, p64) = input.split_once('.').unwrap();
    let sig64 = b64::encode(&signature.to_bytes());

    println!("== key set (jwks.json)\n{key_set_json}");
    println!(
        "== RFC 7638 thumbprint input ({} bytes)\n{canonical}\n",
        canonical.len()
    );
    println!("== SHA-256 thumbprint, base64url\n{thumbprint}\n");
    println!("== kid (first 8 bytes)\n{kid}\n");
    println!(
        "== header JSON ({} bytes)\n{header_json}\n",
        header_json.len()
    );
    println!("== BASE64URL(header) ({} chars)\n{h64}\n", h64.len());
    println!(
        "== payload JSON ({} bytes)\n{payload_json}\n",
        payload_json.len()
    );
    println!("== BASE64URL(payload) ({} chars)\n{p64}\n", p64.len());
    println!("== signing input ({} bytes)\n{input}\n", input.len());
    println!("== signature, hex\n{}\n", hex(&signature.to_bytes()));
    println!("== BASE64URL(signature) ({} chars)\n{sig64}\n", sig64.len());
    println!("== token ({} bytes)\n{token}\n", token.len());
    println!("== QR content ({} characters)\n{qr_text}\n", qr_text.len());
    println!(
        "== QR code: byte + numeric mode, EC level M, version {} ({} in byte mode), {} x {} modules, {} x {} with the quiet zone",
        qr.version(),
        QrMatrix::encode(
            &format!("{}#{token}", info.verify_url.as_deref().unwrap()),
            Correction::Medium
        )
        .unwrap()
        .version(),
        qr.width(),
        qr.width(),
        qr.width() + 8,
        qr.width() + 8
    );
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
