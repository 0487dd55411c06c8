//! External vectors: RFC 8032 §7.1, RFC 8037 appendix A, and every Wycheproof Ed25519 case,
//! all through the signature check and key-set parsing that tokens use.

use sello_core::ed25519_dalek::{Signature, SigningKey};
use sello_core::{KeySet, b64, jwk, token};
use sello_issuer::{LocalSigner, Signer};
use sello_verifier::check_signature;
use serde_json::Value;

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// A published key set holding the raw public key `x`, parsed as a verifier would parse it.
fn key_set_for(x: &[u8]) -> Result<KeySet, sello_core::KeySetError> {
    let doc = format!(
        r#"{{"issuer":"mx.vectores","issuer_name":"Vectores","keys":[{{"kty":"OKP","crv":"Ed25519","x":"{}"}}]}}"#,
        b64::encode(x)
    );
    KeySet::from_json(doc.as_bytes())
}

/// The token path's verdict on (public key, message, signature): key-set parsing, the
/// signature-length check of the token decoder, then strict verification.
fn token_path_accepts(pk: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    let Ok(set) = key_set_for(pk) else {
        return false;
    };
    let Ok(sig) = Signature::from_slice(sig) else {
        return false;
    };
    check_signature(&set.keys[0], msg, &sig)
}

#[test]
fn rfc8032_section_7_1() {
    // (secret key, public key, message, signature)
    let cases = [
        (
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        ),
        (
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        ),
        (
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
        ),
        (
            "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
            "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704",
        ),
    ];
    for (sk, pk, msg, sig) in cases {
        let signer = LocalSigner::new(SigningKey::from_bytes(&hex(sk).try_into().unwrap()));
        assert_eq!(signer.verifying_key().to_bytes().to_vec(), hex(pk));
        let (msg, sig) = (hex(msg), hex(sig));
        assert_eq!(
            signer.sign(&msg).unwrap().to_bytes().to_vec(),
            sig,
            "signing {pk}"
        );
        assert!(token_path_accepts(&hex(pk), &msg, &sig), "verifying {pk}");
        let mut wrong = msg.clone();
        wrong.push(0);
        assert!(!token_path_accepts(&hex(pk), &wrong, &sig));
    }
}

#[test]
fn rfc8037_appendix_a() {
    // A.1/A.2: the private and public key; A.3: the thumbprint; A.4: the complete JWS.
    let d = b64::decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A").unwrap();
    let x = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    let signer = LocalSigner::new(SigningKey::from_bytes(&d.try_into().unwrap()));
    assert_eq!(b64::encode(signer.verifying_key().as_bytes()), x);
    assert_eq!(
        jwk::thumbprint(&signer.verifying_key()),
        "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
    );
    let jws = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
    let (input, sig) = jws.rsplit_once('.').unwrap();
    let sig = b64::decode(sig).unwrap();
    assert_eq!(
        signer.sign(input.as_bytes()).unwrap().to_bytes().to_vec(),
        sig
    );
    let set = key_set_for(&b64::decode(x).unwrap()).unwrap();
    assert_eq!(set.keys[0].kid, "kPrK_qmxVWY");
    assert!(check_signature(
        &set.keys[0],
        input.as_bytes(),
        &Signature::from_slice(&sig).unwrap()
    ));
    // The RFC's JWS is a valid EdDSA JWS but not a Sello token: no kid, no typ, not a claims set.
    assert!(token::decode(jws).is_err());
}

#[test]
fn wycheproof_ed25519_every_case() {
    let path = crate::repo().join("tests/vectors/external/wycheproof_ed25519_test.json");
    let doc: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let mut counted = 0;
    for group in doc["testGroups"].as_array().unwrap() {
        let pk = hex(group["publicKey"]["pk"].as_str().unwrap());
        for case in group["tests"].as_array().unwrap() {
            let msg = hex(case["msg"].as_str().unwrap());
            let sig = hex(case["sig"].as_str().unwrap());
            let expected = match case["result"].as_str().unwrap() {
                "valid" => true,
                "invalid" => false,
                other => panic!("unexpected result {other}"),
            };
            assert_eq!(
                token_path_accepts(&pk, &msg, &sig),
                expected,
                "Wycheproof tcId {} ({})",
                case["tcId"],
                case["comment"]
            );
            counted += 1;
        }
    }
    assert_eq!(counted, doc["numberOfTests"].as_u64().unwrap() as usize);
    assert_eq!(counted, 151);
}
