//! What people read, pinned: the human verification report (valid, invalid), `--help` and the
//! summary line over several inputs, as `insta` snapshots (`tests/e2e/snapshots/`). Review a
//! change with `cargo insta review` or by reading the `.snap.new` file a failing run leaves.
//! The shared test vectors keep them stable (fixed keys, tokens and `--at`); the temporary
//! folder's path is replaced by `[TMP]`.

use crate::cli::sello;
use serde_json::Value;
use std::path::Path;

/// A case of a shared vector file: its token and its time.
fn case(file: &str, name: &str) -> (String, i64) {
    let doc: Value = serde_json::from_slice(
        &std::fs::read(crate::repo().join("tests/vectors").join(file)).unwrap(),
    )
    .unwrap();
    let case = doc["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("{file}: no case {name}"));
    (
        case["token"].as_str().unwrap().to_owned(),
        case["at"].as_i64().unwrap(),
    )
}

fn trust(dir: &Path) -> std::path::PathBuf {
    let trust = dir.join("trust");
    std::fs::create_dir(&trust).unwrap();
    crate::write_vector_key_sets(&trust);
    trust
}

/// Standard output and standard error of `sello --lang LANG ARGS…`, the temporary folder
/// redacted.
fn run(lang: &str, args: &[&str], tmp: &Path) -> (String, String) {
    let out = sello().args(["--lang", lang]).args(args).output().unwrap();
    let redact = |b: &[u8]| String::from_utf8_lossy(b).replace(tmp.to_str().unwrap(), "[TMP]");
    (redact(&out.stdout), redact(&out.stderr))
}

/// `sello --lang LANG verify` of one vector case against the vectors' key sets, at the
/// case's time: (standard output, standard error).
fn verify_case(lang: &str, file: &str, name: &str) -> (String, String) {
    let tmp = tempfile::tempdir().unwrap();
    let keys = trust(tmp.path());
    let (token, at) = case(file, name);
    let keys = keys.to_str().unwrap();
    let args = ["verify", "--keys", keys, "--at", &at.to_string(), &token];
    run(lang, &args, tmp.path())
}

#[test]
fn verify_valid_in_spanish() {
    let (out, err) = verify_case("es", "valid.json", "full");
    assert_eq!(err, "", "one input: no summary line");
    insta::assert_snapshot!("verify_valid_es", out);
}

#[test]
fn verify_invalid_in_english() {
    let (out, _) = verify_case("en", "signature.json", "tampered_payload");
    insta::assert_snapshot!("verify_invalid_en", out);
}

#[test]
fn verify_over_several_inputs_ends_with_a_summary() {
    let tmp = tempfile::tempdir().unwrap();
    let keys = trust(tmp.path());
    let (full, at) = case("valid.json", "full");
    let (minimal, _) = case("valid.json", "minimal");
    let (forged, _) = case("signature.json", "tampered_payload");
    let missing = tmp.path().join("no-existe.png");
    let args = [
        "verify",
        "--keys",
        keys.to_str().unwrap(),
        "--at",
        &at.to_string(),
        &full,
        &minimal,
        &forged,
        missing.to_str().unwrap(),
    ];
    let (_, es) = run("es", &args, tmp.path());
    insta::assert_snapshot!("verify_summary_es", es);
    let (_, en) = run("en", &args, tmp.path());
    insta::assert_snapshot!("verify_summary_en", en);
    // --json: standard output stays one JSON object per input; the summary is on stderr.
    let mut json_args = vec!["verify", "--json"];
    json_args.extend_from_slice(&args[1..]);
    let (out, err) = run("es", &json_args, tmp.path());
    assert_eq!(crate::json_lines(out.as_bytes()).len(), 4);
    assert!(
        err.ends_with("2 válidos, 1 no válido, 0 sin confirmar, 1 sin leer\n"),
        "{err}"
    );
}

#[test]
fn help_in_both_languages() {
    let tmp = tempfile::tempdir().unwrap();
    insta::assert_snapshot!("help_es", run("es", &["--help"], tmp.path()).0);
    insta::assert_snapshot!(
        "help_verify_es",
        run("es", &["verify", "--help"], tmp.path()).0
    );
    insta::assert_snapshot!(
        "help_verify_en",
        run("en", &["verify", "--help"], tmp.path()).0
    );
}

#[test]
fn a_mistyped_option_in_spanish() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, err) = run("es", &["verify", "--key", "k.json", "x"], tmp.path());
    insta::assert_snapshot!("mistyped_option_es", err);
}
