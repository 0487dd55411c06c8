//! Property tests for every parser of sello-core: never panic, and encode∘decode = id.

use ed25519_dalek::{Signer as _, SigningKey};
use proptest::prelude::*;
use sello_core::token::{self, Header};
use sello_core::{Achievement, Certificate, Claims, Holder, KeySet, b64, json};
use std::collections::BTreeMap;

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[a-zA-Z0-9áéíóúñÑ .,'-]{{1,{max}}}"))
        .unwrap()
        .prop_filter("not blank", |s| !s.trim().is_empty())
}

fn claims() -> impl Strategy<Value = Claims> {
    (
        text(60),
        proptest::option::of("[A-Z0-9]{18}"),
        "[A-Z]{2}[0-9]{4}",
        text(120),
        proptest::option::of("[1-5]"),
        proptest::option::of(text(40)),
        proptest::collection::btree_map("[a-z][a-z0-9_]{0,10}", text(40), 0..4),
        "[A-Z0-9]{4}-[A-Z0-9]{4}",
        0i64..4_000_000_000,
        proptest::option::of(1i64..1_000_000_000),
        proptest::option::of(0u32..1_000_000),
    )
        .prop_map(
            |(name, id, code, title, level, unit, attrs, jti, iat, life, idx)| Claims {
                iss: "mx.prueba".into(),
                jti,
                iat,
                nbf: None,
                exp: life.map(|l| iat + l),
                cert: Certificate {
                    holder: Holder { name, id },
                    achievement: Achievement { code, title, level },
                    unit,
                    attrs: attrs.into_iter().collect::<BTreeMap<_, _>>(),
                },
                status: idx.map(|idx| sello_core::StatusRef { idx }),
            },
        )
}

proptest! {
    #[test]
    fn encode_then_decode_is_identity(c in claims()) {
        let key = SigningKey::from_bytes(&[3; 32]);
        let input = token::signing_input(&Header::new("kid"), &c);
        let signed = token::assemble(&input, &key.sign(input.as_bytes()));
        let parsed = token::decode(&signed).unwrap();
        prop_assert_eq!(parsed.claims, c);
        prop_assert_eq!(parsed.signing_input, input.as_str());
    }

    #[test]
    fn decode_never_panics_on_any_string(s in ".{0,600}") {
        let _ = token::decode(&s);
        if let Ok(t) = token::extract(&s) {
            let _ = token::decode(&t);
        }
    }

    #[test]
    fn decode_never_panics_on_token_shaped_input(
        h in proptest::collection::vec(any::<u8>(), 0..200),
        p in proptest::collection::vec(any::<u8>(), 0..400),
        s in proptest::collection::vec(any::<u8>(), 0..80),
    ) {
        let t = format!("{}.{}.{}", b64::encode(&h), b64::encode(&p), b64::encode(&s));
        let _ = token::decode(&t);
    }

    #[test]
    fn json_and_key_sets_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = json::parse_strict::<serde_json::Value>(&bytes, 1000);
        let _ = KeySet::from_json(&bytes);
    }

    #[test]
    fn b64_round_trip_and_unique_encoding(bytes in proptest::collection::vec(any::<u8>(), 0..100)) {
        let e = b64::encode(&bytes);
        prop_assert_eq!(b64::decode(&e).unwrap(), bytes);
    }
}

proptest! {
    #[test]
    fn status_lists_never_panic(s in ".{0,400}", lst in "[A-Za-z0-9_-]{0,300}", size in any::<u64>()) {
        let _ = sello_core::status::decode(&s);
        let _ = sello_core::status::StatusList::decode(&lst, size);
    }

    #[test]
    fn status_list_round_trip(revoked in proptest::collection::btree_set(0u32..131_072, 0..50)) {
        let mut list = sello_core::status::StatusList::new(0).unwrap();
        for i in &revoked {
            list.set_revoked(*i, true);
        }
        let back = sello_core::status::StatusList::decode(&list.encode(), u64::from(list.len())).unwrap();
        prop_assert_eq!(back.revoked_count() as usize, revoked.len());
        for i in revoked {
            prop_assert_eq!(back.is_revoked(i), Some(true));
        }
    }
}

proptest! {
    /// The numeric form of the QR text (FORMAT.md §4.1) gives back any token, in a URL's
    /// fragment or bare.
    #[test]
    fn the_numeric_form_round_trips(t in "[A-Za-z0-9_.-]{1,700}", url in "https?://[a-z.]{1,30}/[a-z]{0,5}") {
        use sello_core::qr_text::qr_text;
        for text in [qr_text(Some(&url), &t), qr_text(None, &t)] {
            prop_assert_eq!(token::extract(&text).unwrap(), t.as_str());
            prop_assert_eq!(token::sha256_hex(&text), token::sha256_hex(&t));
        }
    }

    /// Any digits after `n` are a token or an error, never a panic; an error exactly when the
    /// count is odd, over the cap, or a pair is no character of a token.
    #[test]
    fn any_digits_decode_or_are_refused(d in "[0-9]{1,300}", bare in any::<bool>()) {
        let text = if bare { format!("n{d}") } else { format!("https://v.example.mx/v#n{d}") };
        let ok = d.len() % 2 == 0
            && d.as_bytes().chunks(2).all(|p| {
                let c = (p[0] - b'0') * 10 + (p[1] - b'0') + 45;
                c <= 122 && (c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c == b'.')
            });
        match token::extract(&text) {
            Ok(t) => {
                prop_assert!(ok);
                prop_assert_eq!(t.len(), d.len() / 2);
                let _ = token::decode(&t);
            }
            Err(e) => prop_assert!(!ok, "{e}"),
        }
        let _ = token::is_presented_as_token(&text);
    }
}
