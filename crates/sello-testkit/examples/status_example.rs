//! Computes the status-list example of `docs/FORMAT.md` §5.8.9.
//!
//! ```sh
//! cargo run -p sello-testkit --example status_example [OUT_DIR]
//! ```
//!
//! With `OUT_DIR`, also writes `jwks.json`, `status.jwt`, `revoked.txt` and `clear.txt` there,
//! to check with `sello verify --keys OUT_DIR/jwks.json --status OUT_DIR/status.jwt …`.
//!
//! The key is the RFC 8037 appendix A.1 test key (as in §11): its private half is public, so
//! the example is reproducible (Ed25519 signatures are deterministic). Never trust it.

use sello_core::ed25519_dalek::{Signer as _, SigningKey};
use sello_core::jwk::{self, IssuerInfo, KeySet, PublicKey};
use sello_core::status::{self, MIN_ENTRIES, StatusList};
use sello_core::token::{self, Header};
use sello_core::{Claims, StatusRef, b64};

/// RFC 8037 appendix A.1: the private key `d`.
const D: &str = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
/// The revoked entry.
const REVOKED: u32 = 1234;
/// 2026-12-01T00:00:00Z: when the list is published.
const IAT: i64 = 1_796_083_200;
/// Seven days later (the default of `sello status publish`): 2026-12-08T00:00:00Z.
const EXP: i64 = IAT + 7 * 86_400;

fn certificate_token(key: &SigningKey, kid: &str, serial: &str, idx: u32) -> String {
    let claims = Claims {
        iss: "mx.cecati149".into(),
        jti: serial.into(),
        iat: 1_795_478_400, // 2026-11-24T00:00:00Z, as in §11
        nbf: None,
        exp: Some(1_953_244_800),
        cert: sello_testkit::worked_example_certificate(&[]),
        status: Some(StatusRef { idx }),
    };
    claims.validate().unwrap();
    let input = token::signing_input(&Header::new(kid), &claims);
    token::assemble(&input, &key.sign(input.as_bytes()))
}

fn main() {
    let seed: [u8; 32] = b64::decode(D).unwrap().try_into().unwrap();
    let key = SigningKey::from_bytes(&seed);
    let public = key.verifying_key();
    let kid = jwk::kid(&public);
    assert_eq!(kid, "kPrK_qmxVWY");

    // The bitstring: bit i is bit (7 - i mod 8) of byte i div 8, so entry 1234 is byte 154,
    // mask 0x20.
    let mut list = StatusList::new(0).unwrap();
    assert_eq!(list.len(), MIN_ENTRIES);
    assert!(list.set_revoked(REVOKED, true));
    let byte = REVOKED / 8;
    let mask = 0x80u8 >> (REVOKED % 8);
    println!("entries            = {}", list.len());
    println!(
        "revoked entry      = {REVOKED}: byte {byte} = 0x{mask:02x} (bit {} counting from the most significant)",
        REVOKED % 8
    );
    println!("raw bitstring      = {} bytes", list.len() / 8);

    let lst = list.encode();
    let gz = b64::decode(&lst).unwrap();
    println!("gzip               = {} bytes", gz.len());
    println!("gzip (hex)         = {}", hex(&gz));
    println!("lst                = {} characters", lst.len());
    println!("lst                = {lst}");

    let input = status::signing_input(&kid, "mx.cecati149", IAT, EXP, &list);
    let (header_b64, payload_b64) = input.split_once('.').unwrap();
    let header_json = String::from_utf8(b64::decode(header_b64).unwrap()).unwrap();
    let payload_json = String::from_utf8(b64::decode(payload_b64).unwrap()).unwrap();
    println!(
        "header             = {header_json} ({} bytes)",
        header_json.len()
    );
    println!("header-b64         = {header_b64}");
    println!(
        "claims             = {payload_json} ({} bytes)",
        payload_json.len()
    );
    let signature = key.sign(input.as_bytes());
    println!("signature (hex)    = {}", hex(&signature.to_bytes()));
    let list_token = token::assemble(&input, &signature);
    println!("status list token  = {} bytes", list_token.len());
    println!("{list_token}");

    // It parses back, and its signature verifies strictly.
    let parsed = status::decode(&list_token).unwrap();
    public
        .verify_strict(parsed.jws.signing_input.as_bytes(), &parsed.jws.signature)
        .unwrap();
    assert_eq!(parsed.list.is_revoked(REVOKED), Some(true));
    assert_eq!(parsed.list.is_revoked(REVOKED + 1), Some(false));
    assert_eq!(parsed.list.is_revoked(MIN_ENTRIES), None);
    assert_eq!(parsed.list.revoked_count(), 1);

    let revoked = certificate_token(&key, &kid, "7KQ2-M9XW-3HPB", REVOKED);
    let clear = certificate_token(&key, &kid, "7KQ2-M9XW-3HPC", REVOKED + 1);
    let payload = revoked.split('.').nth(1).unwrap();
    let payload = String::from_utf8(b64::decode(payload).unwrap()).unwrap();
    println!("certificate claims = {payload} ({} bytes)", payload.len());
    println!(
        "certificate, status idx {REVOKED} ({} bytes):",
        revoked.len()
    );
    println!("{revoked}");
    println!(
        "certificate, status idx {} ({} bytes):",
        REVOKED + 1,
        clear.len()
    );
    println!("{clear}");

    if let Some(dir) = std::env::args_os().nth(1) {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).unwrap();
        let key_set = KeySet {
            issuer: IssuerInfo {
                id: "mx.cecati149".into(),
                name: "CECATI 149".into(),
                verify_url: Some("https://verifica.cecati149.example.mx/v".into()),
                time_zone: None,
            },
            keys: vec![PublicKey::new(public)],
        };
        std::fs::write(dir.join("jwks.json"), key_set.to_json()).unwrap();
        std::fs::write(dir.join("status.jwt"), format!("{list_token}\n")).unwrap();
        std::fs::write(dir.join("revoked.txt"), format!("{revoked}\n")).unwrap();
        std::fs::write(dir.join("clear.txt"), format!("{clear}\n")).unwrap();
        eprintln!(
            "wrote jwks.json, status.jwt, revoked.txt, clear.txt in {}",
            dir.display()
        );
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
