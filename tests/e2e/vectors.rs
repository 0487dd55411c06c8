//! The shared vectors in tests/vectors/: current with their generator, and passed by the Rust
//! verifier.

use sello_core::{KeySet, Reason, Verdict};
use sello_verifier::{TrustStore, Verifier};
use serde_json::Value;
use std::fs;

/// Every vector file: its name and its parsed contents, sorted by name.
pub fn vector_files() -> Vec<(String, Value)> {
    let dir = crate::repo().join("tests/vectors");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (
                name,
                serde_json::from_slice(&fs::read(&p).unwrap()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn committed_vectors_are_current() {
    sello_testkit::vectors::check_committed(
        &crate::repo().join("tests/vectors"),
        sello_testkit::vectors::build(),
        "cargo test --test e2e vectors",
    );
}

#[test]
fn rust_verifier_passes_every_vector() {
    let files = vector_files();
    assert!(files.len() >= 9, "vector files missing");
    let mut reasons_seen = std::collections::BTreeSet::new();
    let mut cases = 0;
    for (name, doc) in files {
        let mut trust = TrustStore::new();
        for set in doc["key_sets"].as_array().unwrap() {
            trust
                .add(KeySet::from_json(set.to_string().as_bytes()).unwrap())
                .unwrap();
        }
        let mut verifier = Verifier::new(trust).with_leeway(doc["leeway"].as_i64().unwrap());
        for list in doc["status_lists"].as_array().unwrap() {
            verifier.add_status_list(list.as_str().unwrap()).unwrap();
        }
        for refused in doc["refused_status_lists"].as_array().unwrap() {
            let label = format!("{name} / refused {}", refused["name"]);
            let token = refused["token"].as_str().unwrap();
            assert!(verifier.add_status_list(token).is_err(), "{label}");
        }
        for refused in doc["refused_key_sets"].as_array().unwrap() {
            let label = format!("{name} / refused key set {}", refused["name"]);
            let text = refused["key_set"].as_str().unwrap();
            assert!(KeySet::from_json(text.as_bytes()).is_err(), "{label}");
        }
        for expected in doc["attribute_labels"].as_array().unwrap() {
            let set = doc["key_sets"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| KeySet::from_json(s.to_string().as_bytes()).unwrap())
                .find(|s| s.issuer.id == expected["issuer"])
                .unwrap();
            let lang = match expected["lang"].as_str().unwrap() {
                "en" => sello_core::Lang::En,
                _ => sello_core::Lang::Es,
            };
            assert_eq!(
                set.attribute_label(expected["key"].as_str().unwrap(), lang),
                expected["label"].as_str(),
                "{name} / label {expected}"
            );
        }
        for case in doc["cases"].as_array().unwrap() {
            let result = verifier.verify(
                case["token"].as_str().unwrap(),
                case["at"].as_i64().unwrap(),
            );
            let label = format!("{name} / {}", case["name"]);
            assert_eq!(
                result.verdict.code(),
                case["verdict"].as_str().unwrap(),
                "{label}: {result:?}"
            );
            let reason = result.reason.map(Reason::code);
            assert_eq!(reason, case["reason"].as_str(), "{label}: {result:?}");
            // Claims come back only once the signature has verified.
            let authentic = result.reason.is_none_or(Reason::is_after_signature);
            assert_eq!(result.claims.is_some(), authentic, "{label}");
            assert_eq!(result.verdict == Verdict::Valid, result.reason.is_none());
            // Whether a person is shown this verdict, or "not a Sello certificate".
            assert_eq!(
                sello_core::token::is_presented_as_token(case["token"].as_str().unwrap()),
                case.get("input_error").is_none(),
                "{label}: presented as a token"
            );
            // A numeric form that gives no token, and why (FORMAT.md §4.3).
            assert_eq!(
                sello_core::token::extract(case["token"].as_str().unwrap())
                    .err()
                    .map(|e| e.code()),
                case["numeric_error"].as_str(),
                "{label}: numeric_error"
            );
            reasons_seen.insert(reason);
            cases += 1;
        }
    }
    // At least one vector per reason (the federation's are in tests/vectors/federation/,
    // checked by sello-verifier's tests/federation_vectors.rs).
    for r in Reason::ALL
        .into_iter()
        .filter(|r| !Reason::FEDERATION.contains(r))
    {
        assert!(reasons_seen.contains(&Some(r.code())), "no vector for {r}");
    }
    assert!(cases >= 50, "{cases} cases");
}

#[test]
fn cli_passes_every_vector() {
    let tmp = tempfile::tempdir().unwrap();
    crate::write_vector_key_sets(tmp.path());
    for (name, doc) in vector_files() {
        let status = tempfile::tempdir().unwrap();
        for (i, list) in doc["status_lists"].as_array().unwrap().iter().enumerate() {
            fs::write(
                status.path().join(format!("{i}.jwt")),
                list.as_str().unwrap(),
            )
            .unwrap();
        }
        for case in doc["cases"].as_array().unwrap() {
            let out = crate::cli::sello()
                .args(["verify", "--json", "--keys"])
                .arg(tmp.path())
                .arg("--status")
                .arg(status.path())
                .args(["--leeway", &doc["leeway"].to_string()])
                .args(["--at", &case["at"].to_string(), "-"])
                .write_stdin(case["token"].as_str().unwrap())
                .output()
                .unwrap();
            let label = format!("{name} / {}", case["name"]);
            let line: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
                panic!("{label}: {e}: {}", String::from_utf8_lossy(&out.stderr))
            });
            if let Some(error) = case.get("input_error") {
                assert_eq!(line["verdict"], Value::Null, "{label}: {line}");
                assert_eq!(&line["error"], error, "{label}: {line}");
                assert_eq!(out.status.code(), Some(2), "{label}");
                continue;
            }
            assert_eq!(line["verdict"], case["verdict"], "{label}: {line}");
            assert_eq!(line["reason"], case["reason"], "{label}: {line}");
            let expected_status = match case["verdict"].as_str().unwrap() {
                "valid" => 0,
                "invalid" => 1,
                _ => 3,
            };
            assert_eq!(out.status.code(), Some(expected_status), "{label}");
        }
        // A list the verifier must refuse stops `sello verify` before anything is verified.
        for refused in doc["refused_status_lists"].as_array().unwrap() {
            let file = status.path().join("refused.jwt");
            fs::write(&file, refused["token"].as_str().unwrap()).unwrap();
            let out = crate::cli::sello()
                .args(["verify", "--json", "--keys"])
                .arg(tmp.path())
                .arg("--status")
                .arg(&file)
                .arg("-")
                .write_stdin("x.y.z")
                .output()
                .unwrap();
            assert_eq!(
                out.status.code(),
                Some(2),
                "{name} / refused {}",
                refused["name"]
            );
            assert!(out.stdout.is_empty());
        }
    }
}
