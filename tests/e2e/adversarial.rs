//! The adversarial suite: hostile tokens, key sets, inputs and images, each with its exact
//! verdict and reason code (or typed error), through the library (`Verifier`,
//! `KeySet::from_json`, `scan`) and through `sello verify --json` (the JSON line and the exit
//! status). Nothing may panic: the library runs in this process, and a panicking binary exits
//! with 101, which no case expects.
//!
//! Token-level cases are shared vectors (`tests/vectors/`, made by `sello_testkit::vectors`), so
//! the JavaScript verifier must pass them too (`node --test tests/web/`). The table below names
//! each one with the reason it must get, and checks that the vector file says the same.

use crate::cli::sello;
use crate::{json_lines, write_vector_key_sets};
use sello_core::json::JsonError;
use sello_core::jwk::{KeyProblem, KeySetError};
use sello_core::token::{Part, TokenError};
use sello_core::{KeySet, Reason, Verdict, b64};
use sello_testkit::vectors::{self, AT, SMALL_ORDER_POINTS, hex32};
use sello_testkit::{keys, photo};
use sello_verifier::{ImageError, TrustStore, Verifier};
use sello_verifier::{StatusLoadError, Verification};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a case must give: `None` for valid, else the reason (whose verdict follows from it).
type Expect = Option<Reason>;

const VALID: Expect = None;
const MALFORMED: Expect = Some(Reason::MalformedToken);
const UNSUPPORTED: Expect = Some(Reason::UnsupportedHeader);
const INVALID_CLAIMS: Expect = Some(Reason::InvalidClaims);
const UNKNOWN_ISSUER: Expect = Some(Reason::UnknownIssuer);
const UNKNOWN_KEY: Expect = Some(Reason::UnknownKey);
const BAD_SIGNATURE: Expect = Some(Reason::BadSignature);
const EXPIRED: Expect = Some(Reason::Expired);
const NOT_YET_VALID: Expect = Some(Reason::NotYetValid);
const KEY_NOT_VALID: Expect = Some(Reason::KeyNotValidAtIssuance);
const KEY_REVOKED: Expect = Some(Reason::KeyRevoked);
const REVOKED: Expect = Some(Reason::Revoked);
const STATUS_UNAVAILABLE: Expect = Some(Reason::StatusUnavailable);

fn verdict(expect: Expect) -> Verdict {
    expect.map_or(Verdict::Valid, Reason::verdict)
}

/// Whether a result with this reason carries the issuer, `kid` and claims (FORMAT.md §6.5).
fn authentic(expect: Expect) -> bool {
    expect.is_none_or(Reason::is_after_signature)
}

/// The exit status of `sello verify` for one input with this result.
fn exit_status(expect: Expect) -> i32 {
    match verdict(expect) {
        Verdict::Valid => 0,
        Verdict::Invalid => 1,
        Verdict::Indeterminate => 3,
    }
}

/// One text to verify against the vectors' trust store.
struct Case {
    name: String,
    text: String,
    at: i64,
    leeway: i64,
    /// Status-list tokens accepted before verifying.
    status_lists: Vec<String>,
    expect: Expect,
}

/// The shared vector files by name.
struct Vectors(BTreeMap<String, Value>);

impl Vectors {
    fn load() -> Vectors {
        Vectors(crate::vectors::vector_files().into_iter().collect())
    }

    fn doc(&self, file: &str) -> &Value {
        self.0
            .get(file)
            .unwrap_or_else(|| panic!("no vector file {file}"))
    }

    fn raw(&self, file: &str, name: &str) -> &Value {
        self.doc(file)["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("no vector {file} / {name}"))
    }

    /// The text of a vector case.
    fn token(&self, file: &str, name: &str) -> String {
        self.raw(file, name)["token"].as_str().unwrap().to_owned()
    }

    /// A vector case, with its file's leeway and status lists. The file must expect `expect`.
    fn case(&self, file: &str, name: &str, expect: Expect) -> Case {
        let doc = self.doc(file);
        let case = self.raw(file, name);
        assert_eq!(
            case["reason"].as_str(),
            expect.map(Reason::code),
            "{file} / {name}: the vector file expects another reason"
        );
        assert_eq!(case["verdict"], verdict(expect).code(), "{file} / {name}");
        Case {
            name: format!("{file} / {name}"),
            text: case["token"].as_str().unwrap().to_owned(),
            at: case["at"].as_i64().unwrap(),
            leeway: doc["leeway"].as_i64().unwrap(),
            status_lists: doc["status_lists"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap().to_owned())
                .collect(),
            expect,
        }
    }
}

/// A text of this suite's own, verified at `AT` with the default leeway and no status list.
fn own(name: &str, text: String, expect: Expect) -> Case {
    Case {
        name: name.to_owned(),
        text,
        at: AT,
        leeway: 60,
        status_lists: Vec::new(),
        expect,
    }
}

/// Every hostile token, with the result it must get.
fn token_cases() -> Vec<Case> {
    let vec = Vectors::load();
    let v = |file: &str, name: &str, expect: Expect| vec.case(file, name, expect);
    let (uh, ma, ic, tr, si, ti, t0, ke, va) = (
        "unsupported_header.json",
        "malformed.json",
        "invalid_claims.json",
        "trust.json",
        "signature.json",
        "time.json",
        "time_leeway_0.json",
        "keys.json",
        "valid.json",
    );
    let good = vec.token(va, "minimal");
    let (h, s) = {
        let parts: Vec<&str> = good.split('.').collect();
        (parts[0].to_owned(), parts[2].to_owned())
    };
    let white = " \n\t\r".repeat(2_500);
    vec![
        // alg: only EdDSA and Ed25519, exactly; decided before anything else.
        v(uh, "alg_none", UNSUPPORTED),
        v(uh, "alg_none_empty_signature", UNSUPPORTED),
        v(uh, "alg_hs256", UNSUPPORTED),
        v(uh, "alg_hs256_32_byte_signature", UNSUPPORTED),
        v(uh, "alg_rs256", UNSUPPORTED),
        v(uh, "alg_es256", UNSUPPORTED),
        v(uh, "alg_lowercase", UNSUPPORTED),
        v(uh, "alg_uppercase", UNSUPPORTED),
        v(uh, "alg_ed25519_lowercase", UNSUPPORTED),
        v(uh, "alg_ed25519_uppercase", UNSUPPORTED),
        v(uh, "alg_leading_space", UNSUPPORTED),
        v(uh, "alg_trailing_space", UNSUPPORTED),
        v(va, "alg_ed25519", VALID),
        // Header members that could carry a key, a key location, or change the rules.
        v(uh, "crit_member", UNSUPPORTED),
        v(uh, "jwk_member", UNSUPPORTED),
        v(uh, "jku_member", UNSUPPORTED),
        v(uh, "x5u_member", UNSUPPORTED),
        v(uh, "x5c_member", UNSUPPORTED),
        v(uh, "zip_member", UNSUPPORTED),
        v(uh, "cty_member_without_typ", UNSUPPORTED),
        v(uh, "typ_jwt", UNSUPPORTED),
        // kid: looked up in the issuer's own set, never used as a path or a query.
        v(tr, "other_issuers_kid", UNKNOWN_KEY),
        v(tr, "main_kid_claiming_other_issuer", UNKNOWN_KEY),
        v(tr, "unknown_key", UNKNOWN_KEY),
        v(tr, "kid_path_traversal", UNKNOWN_KEY),
        v(tr, "kid_dev_zero", UNKNOWN_KEY),
        v(tr, "kid_windows_path", UNKNOWN_KEY),
        v(tr, "kid_sql_or", UNKNOWN_KEY),
        v(tr, "kid_sql_drop_table", UNKNOWN_KEY),
        v(tr, "kid_escaped_nul", UNKNOWN_KEY),
        v(tr, "kid_64_bytes", UNKNOWN_KEY),
        v(tr, "kid_full_thumbprint", UNKNOWN_KEY),
        v(ma, "kid_empty", MALFORMED),
        v(ma, "kid_65_bytes", MALFORMED),
        v(ma, "kid_10_kib", MALFORMED),
        // iss: selects a trusted issuer by exact comparison.
        v(tr, "unknown_issuer", UNKNOWN_ISSUER),
        v(tr, "iss_case_variant", UNKNOWN_ISSUER),
        v(tr, "iss_with_suffix", UNKNOWN_ISSUER),
        v(ic, "iss_with_space", INVALID_CLAIMS),
        v(ic, "iss_with_escaped_nul", INVALID_CLAIMS),
        // Duplicate members, in the header, the payload, and nested in the certificate.
        v(ma, "header_duplicate_member", MALFORMED),
        v(ma, "header_duplicate_kid", MALFORMED),
        v(ma, "header_duplicate_escaped_alg", MALFORMED),
        v(ma, "duplicate_claim", MALFORMED),
        v(ma, "duplicate_escaped_claim", MALFORMED),
        v(ma, "duplicate_cert", MALFORMED),
        v(ma, "duplicate_in_holder", MALFORMED),
        v(ma, "duplicate_in_attributes", MALFORMED),
        v(ma, "duplicate_in_status", MALFORMED),
        // Non-canonical base64url; the "_signed" ones carry a signature over the text as
        // written, so that only the strict decoding refuses them.
        v(ma, "padded_base64", MALFORMED),
        v(ma, "padded_header_signed", MALFORMED),
        v(ma, "padded_payload_signed", MALFORMED),
        v(ma, "padded_signature", MALFORMED),
        v(ma, "standard_alphabet", MALFORMED),
        v(ma, "standard_alphabet_header_signed", MALFORMED),
        v(ma, "standard_alphabet_payload_signed", MALFORMED),
        v(ma, "standard_alphabet_signature", MALFORMED),
        v(ma, "trailing_bits_header_signed", MALFORMED),
        v(ma, "trailing_bits_payload_signed", MALFORMED),
        v(ma, "trailing_bits_signature", MALFORMED),
        v(ma, "inner_whitespace", MALFORMED),
        v(ma, "line_break_in_header_signed", MALFORMED),
        v(ma, "space_in_payload_signed", MALFORMED),
        v(ma, "mime_line_breaks_in_payload_signed", MALFORMED),
        v(ma, "tab_in_signature", MALFORMED),
        // White space around the text is removed (Unicode White_Space, FORMAT.md §4.3);
        // nothing else is.
        v(va, "surrounding_ascii_whitespace", VALID),
        v(va, "surrounding_unicode_whitespace", VALID),
        v(va, "url_with_surrounding_whitespace", VALID),
        v(va, "url_fragment", VALID),
        v(ma, "leading_bom", MALFORMED),
        v(ma, "trailing_zero_width_space", MALFORMED),
        v(ma, "trailing_nul", MALFORMED),
        v(ma, "url_fragment_with_leading_space", MALFORMED),
        own(
            "ten_kilobytes_of_white_space_around_a_valid_token",
            format!("{white}{good}{white}"),
            VALID,
        ),
        own(
            "fragment_of_a_text_without_scheme",
            format!("verifica.example.mx/v#{good}"),
            MALFORMED,
        ),
        // Extra and empty segments.
        v(ma, "empty", MALFORMED),
        v(ma, "two_parts", MALFORMED),
        v(ma, "four_parts", MALFORMED),
        v(ma, "five_parts", MALFORMED),
        v(ma, "trailing_dot", MALFORMED),
        v(ma, "leading_dot", MALFORMED),
        v(ma, "empty_header_segment", MALFORMED),
        v(ma, "empty_payload_segment", MALFORMED),
        v(ma, "empty_signature_segment", MALFORMED),
        v(ma, "only_dots", MALFORMED),
        v(ma, "short_signature", MALFORMED),
        // Signature malleability and forgeries (strict Ed25519, FORMAT.md §6.3).
        v(si, "malleable_s_plus_l", BAD_SIGNATURE),
        v(si, "s_high_bits_set", BAD_SIGNATURE),
        v(si, "s_equal_to_l", BAD_SIGNATURE),
        v(si, "zero_signature", BAD_SIGNATURE),
        v(si, "r_identity_s_zero", BAD_SIGNATURE),
        v(si, "r_identity", BAD_SIGNATURE),
        v(si, "r_order_2", BAD_SIGNATURE),
        v(si, "r_order_4", BAD_SIGNATURE),
        v(si, "r_order_8", BAD_SIGNATURE),
        v(si, "r_non_canonical", BAD_SIGNATURE),
        v(si, "flipped_bit", BAD_SIGNATURE),
        v(si, "tampered_payload", BAD_SIGNATURE),
        v(si, "wrong_key_same_kid", BAD_SIGNATURE),
        // Time edges with the default leeway of 60 s.
        v(ti, "iat_one_second_beyond_leeway", NOT_YET_VALID),
        v(ti, "iat_at_leeway_edge", VALID),
        v(ti, "iat_inside_leeway", VALID),
        v(ti, "issued_in_future", NOT_YET_VALID),
        v(ti, "nbf_one_second_beyond_leeway", NOT_YET_VALID),
        v(ti, "nbf_at_leeway_edge", VALID),
        v(ti, "nbf_inside_leeway", VALID),
        v(ti, "not_yet_valid_nbf", NOT_YET_VALID),
        v(ti, "exp_one_second_before", VALID),
        v(ti, "exp_exactly", VALID),
        v(va, "exp_inside_leeway", VALID),
        v(ti, "expired_at_edge", EXPIRED),
        v(ti, "expired_one_second_after_edge", EXPIRED),
        v(ti, "expired", EXPIRED),
        // The same edges with no leeway (the CLI's --leeway 0).
        v(t0, "iat_one_second_ahead", NOT_YET_VALID),
        v(t0, "iat_exactly", VALID),
        v(t0, "nbf_one_second_ahead", NOT_YET_VALID),
        v(t0, "nbf_exactly", VALID),
        v(t0, "exp_one_second_before", VALID),
        v(t0, "expired_at_exp", EXPIRED),
        v(t0, "expired_one_second_after", EXPIRED),
        v(t0, "key_window_end", KEY_NOT_VALID),
        v(t0, "key_window_last_second", VALID),
        v(t0, "compromised_key_at_compromise", KEY_REVOKED),
        // Key windows ([nbf, exp) of the key, on iat, never with leeway) and revocation.
        v(ke, "before_key_window", KEY_NOT_VALID),
        v(ke, "key_window_start_exactly", VALID),
        v(ke, "key_window_last_second", VALID),
        v(ke, "after_key_window", KEY_NOT_VALID),
        v(va, "rotated_key_inside_window", VALID),
        v(va, "compromised_key_before_compromise", VALID),
        v(ke, "compromised_key_at_compromise", KEY_REVOKED),
        v(ke, "compromised_key_after_compromise", KEY_REVOKED),
        // A status list's exp: fresh while at < exp, no leeway.
        v(
            "status_stale.json",
            "status_list_one_second_before_exp",
            VALID,
        ),
        v(
            "status_stale.json",
            "status_list_at_its_exp",
            STATUS_UNAVAILABLE,
        ),
        v(
            "status_stale.json",
            "status_list_expired",
            STATUS_UNAVAILABLE,
        ),
        v("status.json", "status_revoked", REVOKED),
        v(
            "status.json",
            "status_index_beyond_list",
            STATUS_UNAVAILABLE,
        ),
        // Numbers: 64-bit integers only, then 1970 to 9999.
        v(ma, "iat_beyond_i64", MALFORMED),
        v(ma, "iat_i64_max_plus_one", MALFORMED),
        v(ma, "iat_below_i64_min", MALFORMED),
        v(ma, "iat_exponent", MALFORMED),
        v(ma, "iat_fraction", MALFORMED),
        v(ma, "iat_negative_zero", MALFORMED),
        v(ma, "iat_exponent_overflow", MALFORMED),
        v(ma, "iat_string", MALFORMED),
        v(ma, "status_idx_beyond_u32", MALFORMED),
        v(ic, "iat_i64_min", INVALID_CLAIMS),
        v(ic, "negative_iat", INVALID_CLAIMS),
        v(ic, "exp_at_i64_max", INVALID_CLAIMS),
        // Nesting (16 levels at most) and shapes.
        v(uh, "header_depth_16", UNSUPPORTED),
        v(ma, "header_depth_17", MALFORMED),
        v(ma, "header_deep_nesting", MALFORMED),
        v(ma, "payload_depth_17", MALFORMED),
        v(ma, "payload_deep_nesting", MALFORMED),
        v(ma, "payload_not_json", MALFORMED),
        v(ma, "payload_array", MALFORMED),
        v(ma, "claims_as_array", MALFORMED),
        v(ma, "status_as_array", MALFORMED),
        v(ma, "unknown_claim", MALFORMED),
        own("forty_thousand_brackets", "[".repeat(40_000), MALFORMED),
        own(
            "payload_part_of_forty_thousand_brackets",
            format!("{h}.{}.{s}", b64::encode(&[b'['; 40_000])),
            MALFORMED,
        ),
        // NUL bytes and invalid UTF-8 inside the parts.
        v(ma, "raw_nul_in_header", MALFORMED),
        v(ma, "nul_after_header_json", MALFORMED),
        v(ma, "raw_nul_in_payload", MALFORMED),
        v(ic, "escaped_nul_in_name", INVALID_CLAIMS),
        v(ma, "invalid_utf8_in_header", MALFORMED),
        v(ma, "invalid_utf8_in_payload", MALFORMED),
        v(ma, "overlong_utf8_in_payload", MALFORMED),
        v(ma, "encoded_surrogate_in_payload", MALFORMED),
        v(ma, "lone_surrogate_escape", MALFORMED),
        v(ma, "header_bom", MALFORMED),
        v(ma, "payload_bom", MALFORMED),
        // Size.
        v(ma, "oversize", MALFORMED),
    ]
}

/// A verifier trusting the vectors' key sets, with `leeway` and the given status lists.
fn vector_verifier(leeway: i64, status_lists: &[String]) -> Verifier {
    let mut trust = TrustStore::new();
    for set in vectors::key_sets() {
        trust.add(set).unwrap();
    }
    let mut verifier = Verifier::new(trust).with_leeway(leeway);
    for list in status_lists {
        verifier.add_status_list(list).unwrap();
    }
    verifier
}

/// How a library result differs from what is expected, claims included; `None` if it does not.
fn result_mismatch(v: &Verification, expect: Expect) -> Option<String> {
    let got = (
        v.verdict,
        v.reason,
        v.claims.is_some(),
        v.issuer.is_some(),
        v.kid.is_some(),
    );
    let a = authentic(expect);
    let want = (verdict(expect), expect, a, a, a);
    (got != want).then(|| {
        format!(
            "(verdict, reason, claims, issuer, kid): got {got:?}, want {want:?}; detail {:?}",
            v.detail
        )
    })
}

/// Checks a library result against what is expected, claims included.
fn assert_result(name: &str, v: &Verification, expect: Expect) {
    if let Some(mismatch) = result_mismatch(v, expect) {
        panic!("{name}: {mismatch}");
    }
}

/// How one `sello verify --json` line differs from what is expected; `None` if it does not.
fn line_mismatch(line: &Value, expect: Expect) -> Option<String> {
    let got = (
        line["verdict"].as_str(),
        line["reason"].as_str(),
        line["claims"].is_object(),
        line["issuer"].is_object(),
    );
    let want = (
        Some(verdict(expect).code()),
        expect.map(Reason::code),
        authentic(expect),
        authentic(expect),
    );
    (got != want)
        .then(|| format!("(verdict, reason, claims, issuer): got {got:?}, want {want:?}: {line}"))
}

/// How the output of `sello verify --json` for one input differs from what is expected: one
/// line, and the exit status.
fn cli_mismatch(lines: &[Value], status: Option<i32>, expect: Expect) -> Option<String> {
    if lines.len() != 1 {
        return Some(format!("{} lines: {lines:?}", lines.len()));
    }
    line_mismatch(&lines[0], expect).or_else(|| {
        (status != Some(exit_status(expect)))
            .then(|| format!("exit status {status:?}, want {}", exit_status(expect)))
    })
}

/// Like [`cli_mismatch`] for the output on `text`: text that is not presented as a token at all
/// (FORMAT.md §4.4) is the input error `not_a_certificate` (exit status 2) for a person, whatever
/// the library's verdict on it.
fn cli_mismatch_for(
    text: &str,
    lines: &[Value],
    status: Option<i32>,
    expect: Expect,
) -> Option<String> {
    if sello_core::token::is_presented_as_token(text) {
        return cli_mismatch(lines, status, expect);
    }
    match lines {
        [line] if line["error"] == "not_a_certificate" && line["verdict"].is_null() => {
            (status != Some(2)).then(|| format!("exit status {status:?}, want 2"))
        }
        _ => Some(format!("want not_a_certificate, got {lines:?}")),
    }
}

/// Checks one `sello verify --json` line against what is expected.
fn assert_cli_line(name: &str, line: &Value, expect: Expect) {
    if let Some(mismatch) = line_mismatch(line, expect) {
        panic!("{name}: {mismatch}");
    }
}

/// Checks the only line of `sello verify --json` for one input, and the exit status.
fn assert_cli_result(name: &str, lines: &[Value], status: Option<i32>, expect: Expect) {
    if let Some(mismatch) = cli_mismatch(lines, status, expect) {
        panic!("{name}: {mismatch}");
    }
}

/// Fails with every mismatch of a table at once.
fn assert_no_mismatch(cases: usize, mismatches: &[String]) {
    assert!(
        mismatches.is_empty(),
        "{} of {cases} cases differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn hostile_tokens_through_the_library() {
    let cases = token_cases();
    assert!(cases.len() >= 150, "{} cases", cases.len());
    let mismatches: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let verifier = vector_verifier(case.leeway, &case.status_lists);
            result_mismatch(&verifier.verify(&case.text, case.at), case.expect)
                .map(|m| format!("{}: {m}", case.name))
        })
        .collect();
    assert_no_mismatch(cases.len(), &mismatches);
}

#[test]
fn hostile_tokens_through_the_cli() {
    let tmp = tempfile::tempdir().unwrap();
    let keys = tmp.path().join("keys");
    std::fs::create_dir(&keys).unwrap();
    write_vector_key_sets(&keys);
    let mut status_dirs: BTreeMap<Vec<String>, PathBuf> = BTreeMap::new();
    let cases = token_cases();
    let mut mismatches = Vec::new();
    for case in &cases {
        let mut cmd = sello();
        cmd.args(["verify", "--json", "--keys"]).arg(&keys);
        if !case.status_lists.is_empty() {
            let next = status_dirs.len();
            let dir = status_dirs
                .entry(case.status_lists.clone())
                .or_insert_with(|| {
                    let dir = tmp.path().join(format!("status-{next}"));
                    std::fs::create_dir(&dir).unwrap();
                    for (i, list) in case.status_lists.iter().enumerate() {
                        std::fs::write(dir.join(format!("{i}.jwt")), list).unwrap();
                    }
                    dir
                });
            cmd.arg("--status").arg(dir);
        }
        let out = cmd
            .args(["--leeway", &case.leeway.to_string()])
            .args(["--at", &case.at.to_string(), "-"])
            .write_stdin(case.text.as_bytes())
            .output()
            .unwrap();
        let lines = json_lines(&out.stdout);
        if let Some(m) = cli_mismatch_for(&case.text, &lines, out.status.code(), case.expect) {
            mismatches.push(format!(
                "{}: {m} {}",
                case.name,
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert_no_mismatch(cases.len(), &mismatches);
}

/// A trust store, and a folder for `--keys`, holding exactly `sets`.
fn trust_of(sets: &[KeySet], dir: &Path) -> Verifier {
    let mut trust = TrustStore::new();
    std::fs::create_dir_all(dir).unwrap();
    for (i, set) in sets.iter().enumerate() {
        trust.add(set.clone()).unwrap();
        std::fs::write(dir.join(format!("{i}.json")), set.to_json()).unwrap();
    }
    Verifier::new(trust)
}

/// `sello verify --json --keys KEYS --at AT TEXT` (the text on standard input).
fn cli_verify(keys: &Path, text: &str) -> (Option<i32>, Vec<Value>) {
    let out = sello()
        .args(["verify", "--json", "--keys"])
        .arg(keys)
        .args(["--at", &AT.to_string(), "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    (out.status.code(), json_lines(&out.stdout))
}

#[test]
fn a_key_set_whose_issuer_is_not_the_tokens_iss_never_verifies_it() {
    let tmp = tempfile::tempdir().unwrap();
    let vec = Vectors::load();
    // The main issuer's active key, published under another issuer id.
    let impostor = keys::key_set("mx.impostor", vec![keys::public_key(1)]);
    let genuine = vec.token("valid.json", "minimal");
    // A token naming the impostor, signed by that key.
    let claims = format!(
        r#"{{"iss":"mx.impostor","jti":"IMP-1","iat":{},"cert":{{"h":{{"n":"Ana"}},"a":{{"c":"EC0105","t":"T"}}}}}}"#,
        vectors::T0
    );
    let header = format!(
        r#"{{"alg":"EdDSA","kid":"{}","typ":"sello+jwt"}}"#,
        keys::public_key(1).kid
    );
    let naming_impostor = vectors::raw_token(&header, &claims, &keys::signing_key(1));

    // Three trust stores: the impostor alone, the vectors' key sets, and all of them.
    let mut all = vectors::key_sets();
    all.push(impostor.clone());
    let trusts: Vec<(Verifier, PathBuf)> = [
        ("only-impostor", vec![impostor]),
        ("vectors", vectors::key_sets()),
        ("both", all),
    ]
    .into_iter()
    .map(|(name, sets)| {
        let dir = tmp.path().join(name);
        (trust_of(&sets, &dir), dir)
    })
    .collect();
    let cases = [
        (0, &genuine, UNKNOWN_ISSUER),
        (0, &naming_impostor, VALID),
        (1, &genuine, VALID),
        (1, &naming_impostor, UNKNOWN_ISSUER),
        // Both trusted: each token verifies under the key set its iss names.
        (2, &genuine, VALID),
        (2, &naming_impostor, VALID),
    ];
    for (i, (trust, text, expect)) in cases.into_iter().enumerate() {
        let name = format!("case {i}");
        let (verifier, keys) = &trusts[trust];
        let v = verifier.verify(text, AT);
        assert_result(&name, &v, expect);
        if expect.is_none() {
            let iss = v.claims.as_ref().unwrap().iss.clone();
            assert_eq!(v.issuer.as_ref().unwrap().id, iss, "{name}");
        }
        let (status, lines) = cli_verify(keys, text);
        assert_cli_result(&name, &lines, status, expect);
    }
}

/// Why a key set must be refused.
enum Refusal {
    /// `KeySetError::Key` for the key at this index, with this problem.
    Key(usize, fn(&KeyProblem) -> bool),
    /// `KeySetError::DuplicateKid` naming this kid.
    DuplicateKid(String),
    /// `KeySetError::Json` of this kind.
    Json(fn(&JsonError) -> bool),
}

fn jwk(x: &str, extra: &str) -> String {
    format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{x}"{extra}}}"#)
}

fn key_set_doc(keys: &[String]) -> String {
    format!(
        r#"{{"issuer":"mx.sello.prueba","issuer_name":"Emisor hostil","keys":[{}]}}"#,
        keys.join(",")
    )
}

/// Every hostile key set, with the refusal it must get.
fn hostile_key_sets() -> Vec<(String, String, Refusal)> {
    let good_x = b64::encode(keys::public_key(1).key.as_bytes());
    let good_kid = keys::public_key(1).kid;
    let one = |x: &str, extra: &str| key_set_doc(&[jwk(x, extra)]);
    let mut cases = Vec::new();
    // The 8 small-order points, each in its canonical encoding.
    for (i, hex) in SMALL_ORDER_POINTS.iter().enumerate() {
        cases.push((
            format!("small-order point {i} ({hex})"),
            one(&b64::encode(&hex32(hex)), ""),
            Refusal::Key(0, |p| matches!(p, KeyProblem::XSmallOrder)),
        ));
    }
    // A small-order key after a good one: the whole set is refused, not the key alone.
    cases.push((
        "a good key, then the identity".into(),
        key_set_doc(&[
            jwk(&good_x, ""),
            jwk(&b64::encode(&hex32(SMALL_ORDER_POINTS[0])), ""),
        ]),
        Refusal::Key(1, |p| matches!(p, KeyProblem::XSmallOrder)),
    ));
    // Non-canonical encodings: y ≥ p, or x = 0 with the sign bit set.
    for (what, hex) in [
        (
            "y = p (an order-4 point)",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        ),
        (
            "y = p with the sign bit",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        ),
        (
            "y = p + 1 (the identity)",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        ),
        (
            "y = p + 1 with the sign bit",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        ),
        (
            "the identity with the sign bit (x = -0)",
            "0100000000000000000000000000000000000000000000000000000000000080",
        ),
        (
            "the order-2 point with the sign bit (x = -0)",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        ),
        (
            "y = p + 4 (a point of large order)",
            "f1ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        ),
        (
            "y = 2^255 - 1 = p + 18 (a point of large order)",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        ),
    ] {
        cases.push((
            format!("non-canonical: {what}"),
            one(&b64::encode(&hex32(hex)), ""),
            Refusal::Key(0, |p| matches!(p, KeyProblem::XCanonical)),
        ));
    }
    for (what, hex) in [
        (
            "y = 2, not on the curve",
            "0200000000000000000000000000000000000000000000000000000000000000",
        ),
        (
            "y = p + 2, not on the curve either",
            "efffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        ),
    ] {
        cases.push((
            what.into(),
            one(&b64::encode(&hex32(hex)), ""),
            Refusal::Key(0, |p| matches!(p, KeyProblem::XPoint)),
        ));
    }
    // Private members, whatever their value.
    for member in ["d", "p", "q", "dp", "dq", "qi", "k"] {
        for value in ["\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\"", "null"] {
            cases.push((
                format!("private member {member}: {value}"),
                one(&good_x, &format!(r#","{member}":{value}"#)),
                Refusal::Key(0, |p| matches!(p, KeyProblem::Private(_))),
            ));
        }
    }
    // Duplicate kids: the same key twice, also with different windows.
    cases.push((
        "the same key twice".into(),
        key_set_doc(&[jwk(&good_x, ""), jwk(&good_x, "")]),
        Refusal::DuplicateKid(good_kid.clone()),
    ));
    cases.push((
        "the same key twice, with different windows and kids written out".into(),
        key_set_doc(&[
            jwk(&good_x, &format!(r#","kid":"{good_kid}","exp":100"#)),
            jwk(&good_x, &format!(r#","kid":"{good_kid}","nbf":100"#)),
        ]),
        Refusal::DuplicateKid(good_kid.clone()),
    ));
    // Wrong key types and curves.
    for (kty, crv) in [
        ("EC", "Ed25519"),
        ("RSA", "Ed25519"),
        ("oct", "Ed25519"),
        ("okp", "Ed25519"),
        ("OKP", "X25519"),
        ("OKP", "Ed448"),
        ("OKP", "P-256"),
        ("OKP", "ed25519"),
    ] {
        cases.push((
            format!("kty {kty}, crv {crv}"),
            key_set_doc(&[format!(r#"{{"kty":"{kty}","crv":"{crv}","x":"{good_x}"}}"#)]),
            Refusal::Key(0, |p| matches!(p, KeyProblem::Type { .. })),
        ));
    }
    cases.push((
        "kty as a number".into(),
        key_set_doc(&[format!(r#"{{"kty":1,"crv":"Ed25519","x":"{good_x}"}}"#)]),
        Refusal::Key(0, |p| matches!(p, KeyProblem::NotJwk(_))),
    ));
    // A kid that is not the key's: hostile strings, and 10 KiB.
    for kid in [
        "../../etc/passwd".to_owned(),
        "' OR 1=1 --".to_owned(),
        "k".repeat(10_240),
    ] {
        cases.push((
            format!("kid {:.20}", kid),
            one(
                &good_x,
                &format!(r#","kid":{}"#, serde_json::to_string(&kid).unwrap()),
            ),
            Refusal::Key(0, |p| matches!(p, KeyProblem::KidMismatch { .. })),
        ));
    }
    // Duplicate members and nesting in the document.
    cases.push((
        "duplicate issuer".into(),
        format!(
            r#"{{"issuer":"mx.sello.prueba","issuer":"mx.otro.emisor","issuer_name":"E","keys":[{}]}}"#,
            jwk(&good_x, "")
        ),
        Refusal::Json(|e| *e == JsonError::Duplicate("issuer".into())),
    ));
    cases.push((
        "duplicate x in a key".into(),
        key_set_doc(&[format!(
            r#"{{"kty":"OKP","crv":"Ed25519","x":"{good_x}","x":"{}"}}"#,
            b64::encode(keys::public_key(5).key.as_bytes())
        )]),
        Refusal::Json(|e| *e == JsonError::Duplicate("x".into())),
    ));
    cases.push((
        "100,000 nested arrays in an ignored member".into(),
        format!(
            r#"{{"issuer":"mx.sello.prueba","issuer_name":"E","keys":[{}],"x":{}{}}}"#,
            jwk(&good_x, ""),
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
        Refusal::Json(|e| *e == JsonError::TooDeep),
    ));
    cases
}

#[test]
fn hostile_key_sets_are_refused_whole_by_the_library_and_the_cli() {
    let tmp = tempfile::tempdir().unwrap();
    let token = Vectors::load().token("valid.json", "minimal");
    for (i, (name, doc, refusal)) in hostile_key_sets().into_iter().enumerate() {
        let err = KeySet::from_json(doc.as_bytes()).expect_err(&name);
        match (&err, &refusal) {
            (KeySetError::Key { index, problem }, Refusal::Key(want, is)) => {
                assert_eq!(index, want, "{name}: {err}");
                assert!(is(problem), "{name}: {err:?}");
            }
            (KeySetError::DuplicateKid(kid), Refusal::DuplicateKid(want)) => {
                assert_eq!(kid, want, "{name}");
            }
            (KeySetError::Json(e), Refusal::Json(is)) => assert!(is(e), "{name}: {err:?}"),
            _ => panic!("{name}: {err:?}"),
        }
        // The CLI says why in the person's language (Spanish here, as this test process).
        let phrase = err.to_string();
        // The binary refuses the whole trust store: nothing is verified, exit status 2.
        let path = tmp.path().join(format!("{i}.json"));
        std::fs::write(&path, &doc).unwrap();
        let mut store = TrustStore::new();
        assert!(store.load(&path).is_err(), "{name}");
        let out = sello()
            .args(["verify", "--json", "--keys"])
            .arg(&path)
            .arg(&token)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(out.stdout.is_empty(), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&phrase), "{name}: {stderr}");
    }
}

#[test]
fn small_order_points_are_the_eight_torsion_points() {
    // The table of small-order encodings is what the curve says: 8 distinct canonical
    // encodings of points P with [8]P = identity, of orders 1, 2, 4, 4, 8, 8, 8, 8.
    use sello_core::ed25519_dalek::VerifyingKey;
    let identity = hex32(SMALL_ORDER_POINTS[0]);
    let mut orders = Vec::new();
    for hex in SMALL_ORDER_POINTS {
        let bytes = hex32(hex);
        let key = VerifyingKey::from_bytes(&bytes).unwrap();
        assert!(key.is_weak(), "{hex}");
        let mut multiple = key.to_edwards();
        assert_eq!(multiple.compress().to_bytes(), bytes, "{hex}: canonical");
        // [1]P, [2]P, [4]P, [8]P by doubling: the order is the first that is the identity.
        let mut order = 1;
        while multiple.compress().to_bytes() != identity {
            assert!(order < 8, "{hex}: not of small order");
            multiple = multiple + multiple;
            order *= 2;
        }
        orders.push(order);
    }
    assert_eq!(orders, [1, 2, 4, 4, 8, 8, 8, 8]);
    let distinct: std::collections::BTreeSet<_> = SMALL_ORDER_POINTS.iter().collect();
    assert_eq!(distinct.len(), 8);
}

/// A status-list token of the main issuer with `payload` as its claims (not signed: it is
/// refused before its signature matters).
fn status_list_with_payload(payload: &[u8]) -> String {
    let header = format!(
        r#"{{"alg":"EdDSA","kid":"{}","typ":"sello-status+jwt"}}"#,
        keys::public_key(1).kid
    );
    format!(
        "{}.{}.{}",
        b64::encode(header.as_bytes()),
        b64::encode(payload),
        b64::encode(&[0; 64])
    )
}

#[test]
fn documents_nested_a_hundred_thousand_deep_are_refused_not_overflowed() {
    // Straight to the strict JSON reader, with a cap that lets it read everything.
    let deep = "[".repeat(100_000);
    let err = sello_core::json::parse_strict::<Value>(deep.as_bytes(), 1 << 20).unwrap_err();
    assert_eq!(err, JsonError::TooDeep);
    // A status list whose claims nest 100,000 objects (within its 4 MiB cap), and one whose
    // claims are 100,000 '[' (an array: refused at once).
    let tmp = tempfile::tempdir().unwrap();
    let keys_dir = tmp.path().join("keys");
    std::fs::create_dir(&keys_dir).unwrap();
    write_vector_key_sets(&keys_dir);
    let objects = format!("{}{{}}{}", r#"{"a":"#.repeat(100_000), "}".repeat(100_000));
    for (name, payload, detail) in [
        ("objects", objects.as_bytes(), JsonError::TooDeep),
        ("brackets", deep.as_bytes(), JsonError::NotAnObject),
    ] {
        let list = status_list_with_payload(payload);
        let err = vector_verifier(60, &[]).add_status_list(&list).unwrap_err();
        match &err {
            StatusLoadError::Format(sello_core::status::StatusError::Token(TokenError::Json {
                part: Part::Payload,
                error,
            })) => assert_eq!(*error, detail, "{name}: {err}"),
            _ => panic!("{name}: {err:?}"),
        }
        let path = tmp.path().join(format!("{name}.jwt"));
        std::fs::write(&path, &list).unwrap();
        let out = sello()
            .args(["verify", "--json", "--keys"])
            .arg(&keys_dir)
            .arg("--status")
            .arg(&path)
            .arg(Vectors::load().token("valid.json", "minimal"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(out.stdout.is_empty(), "{name}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(&detail.to_string()),
            "{name}"
        );
    }
}

#[test]
fn megabyte_tokens_through_the_library() {
    let verifier = vector_verifier(60, &[]);
    let good = Vectors::load().token("valid.json", "minimal");
    let parts: Vec<&str> = good.split('.').collect();
    let (h, s) = (parts[0], parts[2]);
    let mib = 1 << 20;
    let white = " ".repeat(mib);
    for (name, text, expect) in [
        ("1 MiB of 'A'", "A".repeat(mib), MALFORMED),
        (
            "a payload part of 1 MiB",
            format!("{h}.{}.{s}", "A".repeat(mib)),
            MALFORMED,
        ),
        ("1 MiB of '.'", ".".repeat(mib), MALFORMED),
        ("1 MiB of '#'", "#".repeat(mib), MALFORMED),
        ("100,000 '['", "[".repeat(100_000), MALFORMED),
        (
            "a payload part of 100,000 '['",
            format!("{h}.{}.{s}", b64::encode(&[b'['; 100_000])),
            MALFORMED,
        ),
        (
            "a valid token inside 2 MiB of spaces (only the white space is removed)",
            format!("{white}{good}{white}"),
            VALID,
        ),
        ("64 MiB of 'A'", "A".repeat(64 * mib), MALFORMED),
        (
            "a URL with 64 MiB of fragment",
            format!("https://v.example.mx/v#{}", "A".repeat(64 * mib)),
            MALFORMED,
        ),
    ] {
        let v = verifier.verify(&text, AT);
        assert_result(name, &v, expect);
        if expect == MALFORMED && text.len() > 100_000 && !text.starts_with(' ') {
            let detail = v.detail.unwrap();
            // The cap is named: "el límite es 4096" (this test process speaks Spanish).
            assert!(detail.contains("4096"), "{name}: {detail}");
        }
    }
}

#[test]
fn megabyte_inputs_through_the_cli_as_files_and_on_stdin() {
    let tmp = tempfile::tempdir().unwrap();
    let keys_dir = tmp.path().join("keys");
    std::fs::create_dir(&keys_dir).unwrap();
    write_vector_key_sets(&keys_dir);
    let good = Vectors::load().token("valid.json", "minimal");
    let max = sello_verifier::MAX_TEXT_BYTES;
    let padded = |len: usize| format!("{good}{}", " ".repeat(len - good.len()));
    // (name, the input's bytes, Ok(expected result) or Err(expected input error code))
    let cases: Vec<(&str, Vec<u8>, Result<Expect, &str>)> = vec![
        (
            "a valid token padded with spaces to the 64 KiB text cap",
            padded(max).into_bytes(),
            Ok(VALID),
        ),
        (
            "the same, one byte over the cap",
            padded(max + 1).into_bytes(),
            Err("too_large"),
        ),
        (
            "64 KiB of 'A' (read, then not a certificate at all)",
            vec![b'A'; max],
            Err("not_a_certificate"),
        ),
        ("1 MiB of 'A'", vec![b'A'; 1 << 20], Err("too_large")),
        ("100,000 '['", vec![b'['; 100_000], Err("too_large")),
        ("64 MiB of 'A'", vec![b'A'; 64 << 20], Err("too_large")),
        (
            "a NUL in the middle of a token",
            good.replacen('.', ".\0", 1).into_bytes(),
            Ok(MALFORMED),
        ),
        (
            "a token followed by an invalid UTF-8 byte",
            [good.as_bytes(), b"\xff"].concat(),
            Err("unrecognised_input"),
        ),
        ("no bytes at all", Vec::new(), Err("not_a_certificate")),
    ];
    for (i, (name, bytes, expect)) in cases.into_iter().enumerate() {
        let path = tmp.path().join(format!("{i}.txt"));
        std::fs::write(&path, &bytes).unwrap();
        let as_file = sello()
            .args(["verify", "--json", "--keys"])
            .arg(&keys_dir)
            .args(["--at", &AT.to_string()])
            .arg(&path)
            .output()
            .unwrap();
        let on_stdin = sello()
            .args(["verify", "--json", "--keys"])
            .arg(&keys_dir)
            .args(["--at", &AT.to_string(), "-"])
            .write_stdin(bytes)
            .output()
            .unwrap();
        for (how, out) in [("file", as_file), ("stdin", on_stdin)] {
            let name = format!("{name} ({how})");
            let lines = json_lines(&out.stdout);
            assert_eq!(lines.len(), 1, "{name}");
            match expect {
                Ok(expect) => assert_cli_result(&name, &lines, out.status.code(), expect),
                Err(code) => {
                    assert_eq!(lines[0]["error"], code, "{name}: {}", lines[0]);
                    assert_eq!(lines[0]["verdict"], Value::Null, "{name}");
                    assert_eq!(out.status.code(), Some(2), "{name}");
                }
            }
        }
    }
}

// ---- Images

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                0xedb8_8320 ^ (crc >> 1)
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&crc32(&[&kind[..], data].concat()).to_be_bytes());
    out
}

/// An 8-bit grayscale PNG declaring `width` × `height`, with `idat` as its only image data.
fn png(width: u32, height: u32, idat: &[u8]) -> Vec<u8> {
    let ihdr = [
        &width.to_be_bytes()[..],
        &height.to_be_bytes(),
        &[8, 0, 0, 0, 0],
    ]
    .concat();
    [
        &b"\x89PNG\r\n\x1a\n"[..],
        &png_chunk(b"IHDR", &ihdr),
        &png_chunk(b"IDAT", idat),
        &png_chunk(b"IEND", &[]),
    ]
    .concat()
}

/// A zlib stream inflating to `n` zero bytes (`n` ≥ 1): one fixed-Huffman block of a literal
/// and back-references of 258 bytes at distance 1, 13 bits each: about 1/160 of the output.
fn zlib_zeros(n: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        len: u32,
    }
    impl Bits {
        /// `len` bits of `value`, least significant first (DEFLATE's order for non-codes).
        fn put(&mut self, value: u32, len: u32) {
            self.acc |= u64::from(value) << self.len;
            self.len += len;
            while self.len >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.len -= 8;
            }
        }
        /// A Huffman code, most significant bit first.
        fn code(&mut self, code: u32, len: u32) {
            self.put(code.reverse_bits() >> (32 - len), len);
        }
    }
    let mut bits = Bits {
        out: vec![0x78, 0x01],
        acc: 0,
        len: 0,
    };
    bits.put(1, 1); // BFINAL
    bits.put(1, 2); // BTYPE 01: fixed Huffman codes
    bits.code(0x30, 8); // literal 0
    for _ in 0..(n - 1) / 258 {
        bits.code(0xc5, 8); // length 258 (symbol 285)
        bits.code(0, 5); // distance 1
    }
    for _ in 0..(n - 1) % 258 {
        bits.code(0x30, 8);
    }
    bits.code(0, 7); // end of block
    if bits.len > 0 {
        bits.put(0, 8 - bits.len);
    }
    let adler = (u32::try_from(n % 65_521).unwrap() << 16) | 1;
    bits.out.extend_from_slice(&adler.to_be_bytes());
    bits.out
}

/// A real JPEG whose frame header (SOF0) is rewritten to declare `width` × `height`.
fn jpeg_declaring(width: u16, height: u16) -> Vec<u8> {
    let mut jpeg = photo::jpeg_bytes(&image::GrayImage::new(16, 16), 90);
    let sof = jpeg
        .windows(2)
        .position(|w| w == [0xff, 0xc0])
        .expect("a baseline JPEG");
    jpeg[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
    jpeg
}

/// What an image must give: the library's `scan` result, and `sello verify --json`'s.
enum ImageExpect {
    /// `scan` refuses it with this error; the CLI says `bad_image`, exit status 2.
    Refused(ImageError),
    /// `scan` refuses it as undecodable; the CLI says `bad_image`, exit status 2.
    Undecodable,
    /// Decoded, no QR code: `scan` returns nothing; the CLI says `no_qr_code`, exit status 2.
    NoCode,
    /// `scan` says it is not an image; the CLI reads the file as text and verifies it.
    Text(Expect),
}

#[test]
fn hostile_images_through_scan_and_the_cli() {
    let tmp = tempfile::tempdir().unwrap();
    let keys_dir = tmp.path().join("keys");
    std::fs::create_dir(&keys_dir).unwrap();
    write_vector_key_sets(&keys_dir);
    let good = Vectors::load().token("valid.json", "minimal");
    let qr = photo::render("https://verifica.example.mx/v#uno.dos.tres", 4.0);
    let qr_png = photo::png_bytes(&qr);
    let qr_jpeg = photo::jpeg_bytes(&qr, 90);
    use ImageExpect::*;
    let dims = |width, height| Refused(ImageError::Dimensions { width, height });
    let cases: Vec<(&str, &str, Vec<u8>, ImageExpect)> = vec![
        (
            "a PNG header declaring 100000 × 100000",
            "huge.png",
            png(100_000, 100_000, &zlib_zeros(1000)),
            dims(100_000, 100_000),
        ),
        (
            "a JPEG declaring 65500 × 65500",
            "huge.jpg",
            jpeg_declaring(65_500, 65_500),
            dims(65_500, 65_500),
        ),
        (
            "a PNG bomb: 630 KB inflating to 100 MB, 10000 × 10000 declared (over 50 Mpx)",
            "bomb.png",
            png(10_000, 10_000, &zlib_zeros(10_000 * 10_001)),
            dims(10_000, 10_000),
        ),
        (
            "a PNG bomb: 64 × 64 declared, 420 KB of image data inflating to 64 MiB",
            "surplus.png",
            png(64, 64, &zlib_zeros(64 << 20)),
            NoCode,
        ),
        (
            "a PNG of the signature alone",
            "signature.png",
            qr_png[..8].to_vec(),
            Undecodable,
        ),
        (
            "a PNG cut inside its header",
            "header.png",
            qr_png[..20].to_vec(),
            Undecodable,
        ),
        (
            "a PNG cut in half",
            "half.png",
            qr_png[..qr_png.len() / 2].to_vec(),
            Undecodable,
        ),
        (
            "a PNG without its end chunk",
            "no-end.png",
            qr_png[..qr_png.len() - 12].to_vec(),
            Undecodable,
        ),
        (
            "a JPEG cut inside its headers",
            "header.jpg",
            qr_jpeg[..20].to_vec(),
            Undecodable,
        ),
        (
            "a JPEG cut in half (decoded as far as it goes: no code)",
            "half.jpg",
            qr_jpeg[..qr_jpeg.len() / 2].to_vec(),
            NoCode,
        ),
        (
            "text renamed .png",
            "hola.png",
            b"hola, no soy una imagen".to_vec(),
            Text(MALFORMED),
        ),
        (
            "a token renamed .png: read as the text it is",
            "token.png",
            good.clone().into_bytes(),
            Text(VALID),
        ),
        ("a zero-byte .png", "empty.png", Vec::new(), Text(MALFORMED)),
    ];
    for (name, file, bytes, expect) in cases {
        let scanned = sello_verifier::scan(&bytes);
        match (&expect, &scanned) {
            (Refused(want), Err(got)) => assert_eq!(got, want, "{name}"),
            (Undecodable, Err(ImageError::Decode(_))) => {}
            (NoCode, Ok(found)) => assert!(found.is_empty(), "{name}: {found:?}"),
            (Text(_), Err(ImageError::NotAnImage)) => {}
            _ => panic!("{name}: {scanned:?}"),
        }
        let path = tmp.path().join(file);
        std::fs::write(&path, &bytes).unwrap();
        let out = sello()
            .args(["verify", "--json", "--keys"])
            .arg(&keys_dir)
            .args(["--at", &AT.to_string()])
            .arg(&path)
            .output()
            .unwrap();
        let lines = json_lines(&out.stdout);
        assert_eq!(lines.len(), 1, "{name}");
        let line = &lines[0];
        match expect {
            Text(expect) => {
                let text = String::from_utf8_lossy(&bytes);
                if let Some(m) = cli_mismatch_for(&text, &lines, out.status.code(), expect) {
                    panic!("{name}: {m}");
                }
            }
            _ => {
                let code = if matches!(expect, NoCode) {
                    "no_qr_code"
                } else {
                    "bad_image"
                };
                assert_eq!(line["error"], code, "{name}: {line}");
                if let Refused(ImageError::Dimensions { width, height }) = expect {
                    let message = line["message"].as_str().unwrap();
                    assert!(message.contains(&format!("{width}×{height}")), "{message}");
                }
                assert_eq!(out.status.code(), Some(2), "{name}");
            }
        }
    }
}

#[test]
fn a_png_bomb_within_the_caps_is_decoded_and_holds_no_code() {
    // 7000 × 7000 (49 Mpx, under the 50 Mpx cap) of black in a 309 KB file: decoded within the
    // allocation limit, scanned by every stage, and found empty.
    let bomb = png(7_000, 7_000, &zlib_zeros(7_000 * 7_001));
    assert!(bomb.len() < 320_000, "{}", bomb.len());
    assert_eq!(
        sello_verifier::load_gray(&bomb).unwrap().dimensions(),
        (7_000, 7_000)
    );
    assert_eq!(sello_verifier::scan(&bomb).unwrap(), Vec::<String>::new());
}

#[test]
fn every_code_in_one_image_is_reported_with_its_own_verdict() {
    let vec = Vectors::load();
    let codes = [
        (
            format!(
                "https://verifica.example.mx/v#{}",
                vec.token("valid.json", "minimal")
            ),
            VALID,
        ),
        (
            vec.token("signature.json", "tampered_payload"),
            BAD_SIGNATURE,
        ),
        (
            vec.token("keys.json", "compromised_key_at_compromise"),
            KEY_REVOKED,
        ),
        (vec.token("trust.json", "unknown_issuer"), UNKNOWN_ISSUER),
    ];
    // Four codes in a 2 × 2 grid, 40 px apart.
    let tiles: Vec<image::GrayImage> = codes.iter().map(|(t, _)| photo::render(t, 3.0)).collect();
    let side = tiles.iter().map(|t| t.width()).max().unwrap();
    let mut canvas =
        image::GrayImage::from_pixel(2 * side + 120, 2 * side + 120, image::Luma([255]));
    for (i, tile) in tiles.iter().enumerate() {
        let (col, row) = (i64::try_from(i % 2).unwrap(), i64::try_from(i / 2).unwrap());
        let step = i64::from(side) + 40;
        image::imageops::overlay(&mut canvas, tile, 40 + col * step, 40 + row * step);
    }
    let png = photo::png_bytes(&canvas);
    let expected = |text: &str| {
        codes
            .iter()
            .find(|(t, _)| t == text)
            .unwrap_or_else(|| panic!("an unexpected code: {text:.60}"))
            .1
    };

    // The library returns every text, once.
    let found = sello_verifier::scan(&png).unwrap();
    let mut sorted = found.clone();
    sorted.sort();
    let mut want: Vec<String> = codes.iter().map(|(t, _)| t.clone()).collect();
    want.sort();
    assert_eq!(sorted, want);
    let verifier = vector_verifier(60, &[]);
    for text in &found {
        assert_result(
            &format!("{text:.60}"),
            &verifier.verify(text, AT),
            expected(text),
        );
    }

    // The CLI prints one line per code, in the order the decoder found them, each with its
    // own verdict; any invalid one makes the exit status 1.
    let tmp = tempfile::tempdir().unwrap();
    let keys_dir = tmp.path().join("keys");
    std::fs::create_dir(&keys_dir).unwrap();
    write_vector_key_sets(&keys_dir);
    let path = tmp.path().join("four.png");
    std::fs::write(&path, &png).unwrap();
    let out = sello()
        .args(["verify", "--json", "--keys"])
        .arg(&keys_dir)
        .args(["--at", &AT.to_string()])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 4);
    for (i, (line, text)) in lines.iter().zip(&found).enumerate() {
        let name = format!("QR {i}");
        assert_eq!(line["qr"], i, "{name}: {line}");
        assert_eq!(line["input"], path.to_str().unwrap(), "{name}");
        assert_cli_line(&name, line, expected(text));
    }
}
