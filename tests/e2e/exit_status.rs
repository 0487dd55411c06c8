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

/// A `--dir` that is not an issuer folder (a typo, or the folder above it) is the person's
/// mistake, said with what to do, not the operating system's "No such file or directory".
#[test]
fn a_folder_that_is_not_an_issuer_is_a_usage_error_2_with_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    for dir in [tmp.path().join("cecati194"), tmp.path().to_owned()] {
        let (code, err) = run(sello().args(["ledger", "list", "--dir"]).arg(&dir));
        assert_eq!(code, Some(2), "{err}");
        assert!(
            err.contains("no es una carpeta de emisor") && err.contains("sello keygen --dir"),
            "{err}"
        );
        assert!(!err.contains("os error"), "{err}");
    }
}

#[test]
fn a_file_that_cannot_be_read_or_written_is_74() {
    let tmp = tempfile::tempdir().unwrap();
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

/// `sello keygen` inside a git work tree that does not ignore the folder refuses before asking
/// for a passphrase, saying which line to add to `.gitignore`; `--force` creates it anyway.
#[test]
fn keygen_inside_a_git_work_tree_is_refused_unless_ignored_or_forced() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    let keygen_in = |dir: &std::path::Path, extra: &[&str]| {
        run(sello()
            .env("SELLO_PASSPHRASE", PASS)
            .args(["keygen", "--dir"])
            .arg(dir)
            .args(["--id", "mx.cecati149", "--name", "CECATI 149"])
            .args(extra))
    };
    let dir = repo.join("cecati149");
    let (code, err) = keygen_in(&dir, &[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("/cecati149/") && err.contains(".gitignore"),
        "{err}"
    );
    assert!(!dir.exists(), "nothing is created");
    let (code, err) = keygen_in(&dir, &["--force"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(dir.join("issuer.json").exists());
}
