//! The exit statuses scripts read (README, "Exit statuses"): one test per kind of failure, so
//! that a ledger failure is never a usage error again.

use crate::cli::{PASS, keygen, sello};

/// The status and standard error of a run.
fn run(cmd: &mut assert_cmd::Command) -> (Option<i32>, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_bad_option_is_a_usage_error_2() {
    let (code, err) = run(sello().args(["ledger", "list", "--no-such-option"]));
    assert_eq!(code, Some(2), "{err}");
    let (code, err) = run(sello().args(["verify", "--keys", "k.json"]));
    assert_eq!(code, Some(2), "an input is required: {err}");
}

#[test]
fn a_damaged_ledger_database_is_69_not_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    std::fs::write(
        dir.join("ledger.sqlite"),
        b"this is not a SQLite database, at all",
    )
    .unwrap();
    let (code, err) = run(sello().args(["ledger", "list", "--dir"]).arg(&dir));
    assert_eq!(code, Some(69), "{err}");
    let (code, err) = run(sello()
        .env("SELLO_PASSPHRASE", PASS)
        .args(["issue", "--dir"])
        .arg(&dir)
        .args(["--holder", "X", "--code", "EC0105", "--title", "T"]));
    assert_eq!(code, Some(69), "{err}");
}

#[test]
fn a_file_that_cannot_be_read_or_written_is_74() {
    let tmp = tempfile::tempdir().unwrap();
    // No issuer folder there.
    let (code, err) = run(sello()
        .args(["ledger", "list", "--dir"])
        .arg(tmp.path().join("missing")));
    assert_eq!(code, Some(74), "{err}");
    // A key set written into a folder that does not exist.
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let (code, err) = run(sello()
        .args(["keys", "publish", "--dir"])
        .arg(&dir)
        .arg("--out")
        .arg(tmp.path().join("no").join("such").join("jwks.json")));
    assert_eq!(code, Some(74), "{err}");
    // A roster that is not there.
    let (code, err) = run(sello()
        .env("SELLO_PASSPHRASE", PASS)
        .args(["issue", "--dir"])
        .arg(&dir)
        .arg("--batch")
        .arg(tmp.path().join("missing.csv"))
        .arg("--out")
        .arg(tmp.path().join("out"))
        .args(["--code", "EC0105", "--title", "T"]));
    assert_eq!(code, Some(74), "{err}");
}

#[test]
fn a_wrong_missing_or_weak_passphrase_is_77() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let (code, err) = run(sello()
        .env("SELLO_PASSPHRASE", "no es la frase")
        .args(["status", "publish", "--dir"])
        .arg(&dir));
    assert_eq!(code, Some(77), "{err}");
    let (code, err) = run(sello().args(["status", "publish", "--dir"]).arg(&dir));
    assert_eq!(code, Some(77), "no terminal, no SELLO_PASSPHRASE: {err}");
    let (code, err) = run(sello()
        .env("SELLO_PASSPHRASE", "12345678")
        .args(["keygen", "--id", "mx.x", "--name", "X", "--dir"])
        .arg(tmp.path().join("other")));
    assert_eq!(code, Some(77), "{err}");
}

#[test]
fn a_roster_or_a_serial_the_ledger_refuses_is_65() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let roster = tmp.path().join("lista.csv");
    std::fs::write(&roster, "color,sabor\nrojo,fresa\n").unwrap();
    let (code, err) = run(sello()
        .env("SELLO_PASSPHRASE", PASS)
        .args(["issue", "--dir"])
        .arg(&dir)
        .arg("--batch")
        .arg(&roster)
        .arg("--out")
        .arg(tmp.path().join("out")));
    assert_eq!(code, Some(65), "a roster without a holder column: {err}");
    let (code, err) =
        run(sello()
            .args(["revoke", "--dir"])
            .arg(&dir)
            .args(["NO-EXISTE", "--reason", "x"]));
    assert_eq!(code, Some(65), "{err}");
}
