//! Several stations, one ledger, with the real `sello` binary: two stations of one issuer (two
//! keys, `sello keys add-station`) issuing at once into one ledger, SQLite (one file, one
//! machine) and PostgreSQL; a SQLite ledger migrated into PostgreSQL; a station's key lost and
//! every certificate it signed re-issued; everything verified afterwards.
//!
//! PostgreSQL: the server `SELLO_TEST_POSTGRES` names (a URL without password; the password in
//! `PGPASSWORD` or the password file), a new database per test. Without it the PostgreSQL
//! runs are skipped, unless `CI=true`, where they fail (as the library's tests).

use crate::cli::{PASS, keygen, sello};
use crate::json_lines;
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A URL of a new, empty database on the test server, or `None` (skipped) without one.
fn new_database() -> Option<String> {
    new_database_on("SELLO_TEST_POSTGRES")
}

/// A new, empty database on the server the variable `var` names.
fn new_database_on(var: &str) -> Option<String> {
    let url = match std::env::var(var) {
        Ok(url) if !url.is_empty() => url,
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true and no PostgreSQL server: set {var} (scripts/test does)")
        }
        _ => {
            eprintln!("skipped: no PostgreSQL server ({var} unset)");
            return None;
        }
    };
    let mut config: postgres::Config = url.parse().expect(var);
    if let Ok(p) = std::env::var("PGPASSWORD") {
        config.password(p);
    }
    let mut admin = config
        .connect(postgres::NoTls)
        .expect("connect to the test server");
    let mut buf = [0u8; 8];
    getrandom::fill(&mut buf).unwrap();
    let name = format!("sello_e2e_{}", u64::from_le_bytes(buf));
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    // The same server, user and options, the new database.
    let (base, query) = url
        .split_once('?')
        .map_or((url.as_str(), None), |(b, q)| (b, Some(q)));
    let server = base.rsplit_once('/').map_or(base, |(s, _)| s);
    Some(match query {
        Some(q) => format!("{server}/{name}?{q}"),
        None => format!("{server}/{name}"),
    })
}

fn roster(path: &Path, prefix: &str, n: usize) {
    let mut csv = String::from("nombre,curp,code,title\n");
    for i in 0..n {
        csv.push_str(&format!(
            "{prefix} Persona {i},CURP{prefix}{i:04},EC0105,Atención al ciudadano\n"
        ));
    }
    std::fs::write(path, csv).unwrap();
}

/// `sello issue --batch` as a process of its own (PNG only), started now.
fn start_batch(dir: &Path, roster: &Path, out: &Path, ledger: Option<&str>) -> std::process::Child {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("sello"));
    cmd.env("SELLO_PASSPHRASE", PASS)
        .env("LANG", "es_MX.UTF-8")
        .env_remove("SELLO_LEDGER")
        .args(["issue", "--dir"])
        .arg(dir)
        .arg("--batch")
        .arg(roster)
        .arg("--out")
        .arg(out)
        .args(["--formats", "png"]);
    if let Some(l) = ledger {
        cmd.args(["--ledger", l]);
    }
    cmd.stdout(std::process::Stdio::null());
    cmd.spawn().unwrap()
}

fn export(dir: &Path, ledger: Option<&str>) -> Vec<Value> {
    let mut cmd = sello();
    cmd.args(["ledger", "export", "--dir"]).arg(dir);
    if let Some(l) = ledger {
        cmd.args(["--ledger", l]);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out.stdout)
}

fn run_ok(args: &[&str]) -> String {
    let out = sello()
        .env("SELLO_PASSPHRASE", PASS)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `sello verify --json` of `inputs` against the head office's key set and a status list.
fn verify(keys: &Path, status: &Path, inputs: &[PathBuf]) -> Vec<Value> {
    let out = sello()
        .args(["verify", "--json", "--keys"])
        .arg(keys)
        .arg("--status")
        .arg(status)
        .args(inputs)
        .output()
        .unwrap();
    json_lines(&out.stdout)
}

fn pngs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    v.sort();
    v
}

/// Two stations of one issuer issue at once into `ledger` (`None`: the head office's
/// `issuer.json` names it), one revokes, both publish; everything verifies.
fn two_stations(tmp: &Path, ledger: &str) {
    let head = tmp.join("sede");
    let station = tmp.join("estacion2");
    keygen(&head);
    run_ok(&["keys", "set-ledger", "--dir", s(&head), ledger]);
    let added = run_ok(&[
        "keys",
        "add-station",
        "--dir",
        s(&head),
        "--out",
        s(&station),
    ]);
    assert!(added.contains("sello keys publish"), "{added}");
    let keys = head.join("jwks.json");
    let set: Value = serde_json::from_slice(&std::fs::read(&keys).unwrap()).unwrap();
    assert_eq!(set["keys"].as_array().unwrap().len(), 2, "{set}");
    // The station's folder has only its own private key, and the same ledger.
    assert_eq!(
        std::fs::read_dir(station.join("private")).unwrap().count(),
        1
    );

    let n = 40;
    let (r1, r2) = (tmp.join("r1.csv"), tmp.join("r2.csv"));
    roster(&r1, "A", n);
    roster(&r2, "B", n);
    let (o1, o2) = (tmp.join("out1"), tmp.join("out2"));
    // A SQLite file is named relative to the head office's folder; the station gets it on
    // the command line (one machine, one file).
    let station_ledger = if ledger.starts_with("postgres") {
        None
    } else {
        Some(head.join(ledger).to_str().unwrap().to_owned())
    };
    let mut a = start_batch(&head, &r1, &o1, None);
    let mut b = start_batch(&station, &r2, &o2, station_ledger.as_deref());
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());

    let entries = export(&head, None);
    assert_eq!(entries.len(), 2 * n);
    let serials: HashSet<&str> = entries
        .iter()
        .map(|e| e["serial"].as_str().unwrap())
        .collect();
    let idx: HashSet<u64> = entries
        .iter()
        .map(|e| e["status_idx"].as_u64().unwrap())
        .collect();
    let kids: HashSet<&str> = entries.iter().map(|e| e["kid"].as_str().unwrap()).collect();
    assert_eq!((serials.len(), idx.len(), kids.len()), (2 * n, 2 * n, 2));
    // The station sees the same ledger.
    assert_eq!(export(&station, station_ledger.as_deref()).len(), 2 * n);

    // The head office revokes one the station issued; the station publishes after the head
    // office: its list is the newer (iat strictly increasing) and carries the revocation.
    let revoked = entries
        .iter()
        .find(|e| e["holder"] == "B Persona 3")
        .unwrap()["serial"]
        .as_str()
        .unwrap()
        .to_owned();
    run_ok(&[
        "revoke",
        "--dir",
        s(&head),
        &revoked,
        "--reason",
        "emitido por error",
    ]);
    run_ok(&["status", "publish", "--dir", s(&head)]);
    let mut publish = vec!["status", "publish", "--dir", s(&station)];
    if let Some(l) = &station_ledger {
        publish.extend(["--ledger", l]);
    }
    run_ok(&publish);
    let iat = |p: &Path| {
        let jwt = std::fs::read_to_string(p.join("status.jwt")).unwrap();
        let claims = jwt.split('.').nth(1).unwrap();
        let claims: Value = serde_json::from_slice(&base64_url(claims)).unwrap();
        claims["iat"].as_i64().unwrap()
    };
    assert!(
        iat(&station) > iat(&head),
        "iat strictly increases across stations"
    );

    let mut files = pngs(&o1);
    files.extend(pngs(&o2));
    assert_eq!(files.len(), 2 * n);
    let results = verify(&keys, &station.join("status.jwt"), &files);
    assert_eq!(results.len(), 2 * n);
    for r in &results {
        let serial = r["claims"]["jti"].as_str().unwrap_or_default();
        let want = if serial == revoked {
            "invalid"
        } else {
            "valid"
        };
        assert_eq!(r["verdict"], want, "{r}");
    }
}

/// Decodes base64url without padding (the status list's claims).
fn base64_url(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

#[test]
fn two_stations_issue_into_one_sqlite_ledger_and_everything_verifies() {
    let tmp = tempfile::tempdir().unwrap();
    two_stations(tmp.path(), "compartido.sqlite");
}

#[test]
fn two_stations_issue_into_one_postgres_ledger_and_everything_verifies() {
    let Some(url) = new_database() else { return };
    let tmp = tempfile::tempdir().unwrap();
    two_stations(tmp.path(), &url);
}

/// A SQLite ledger migrated into `target`, then a station's key lost: its certificates
/// re-issued by the head office, the old ones revoked and rejected.
fn migrate_then_reissue(tmp: &Path, target: &str) {
    let head = tmp.join("sede");
    keygen(&head);
    let r = tmp.join("r.csv");
    roster(&r, "M", 6);
    let out = tmp.join("out");
    assert!(start_batch(&head, &r, &out, None).wait().unwrap().success());
    let sqlite = head.join("ledger.sqlite");
    let before = export(&head, None);
    assert_eq!(before.len(), 6);

    let report = run_ok(&[
        "--lang",
        "en",
        "ledger",
        "migrate",
        "--from",
        s(&sqlite),
        "--to",
        target,
    ]);
    assert!(
        report.contains(
            "6 certificates in the source, 6 copied now, 0 already there; 6 in the target"
        ),
        "{report}"
    );
    let again = run_ok(&[
        "--lang",
        "en",
        "ledger",
        "migrate",
        "--from",
        s(&sqlite),
        "--to",
        target,
    ]);
    assert!(
        again.contains("0 copied now, 6 already there; 6 in the target"),
        "{again}"
    );
    // The same certificates, with the same tokens, on both backends.
    assert_eq!(export(&head, Some(target)), before);

    // From now on the folder's commands use the target; a station joins it.
    run_ok(&["keys", "set-ledger", "--dir", s(&head), target]);
    let station = tmp.join("estacion2");
    run_ok(&[
        "keys",
        "add-station",
        "--dir",
        s(&head),
        "--out",
        s(&station),
    ]);
    let rs = tmp.join("rs.csv");
    roster(&rs, "S", 4);
    let station_out = tmp.join("out-estacion");
    let target_for_station = if target.starts_with("postgres") {
        None
    } else {
        Some(target)
    };
    assert!(
        start_batch(&station, &rs, &station_out, target_for_station)
            .wait()
            .unwrap()
            .success()
    );
    let entries = export(&head, None);
    assert_eq!(entries.len(), 10);
    let station_kid = entries
        .iter()
        .find(|e| e["holder"] == "S Persona 0")
        .unwrap()["kid"]
        .as_str()
        .unwrap()
        .to_owned();

    // The station's key is lost: revoked from the start (everything it signed is rejected),
    // its certificates re-issued with the head office's key, the other station's untouched.
    run_ok(&[
        "keys",
        "revoke",
        "--dir",
        s(&head),
        &station_kid,
        "--at",
        "0",
    ]);
    let reissued = tmp.join("reemitidos");
    let report = run_ok(&[
        "--lang",
        "en",
        "reissue",
        "--dir",
        s(&head),
        "--key-compromised",
        &station_kid,
        "--out",
        s(&reissued),
        "--formats",
        "png",
    ]);
    assert!(report.contains("4 certificates re-issued, 0 re-issued by an earlier run, 4 old certificates revoked, 0 failed"), "{report}");
    let summary = std::fs::read_to_string(reissued.join("summary.csv")).unwrap();
    assert_eq!(summary.lines().count(), 5, "{summary}");
    // Nothing left to re-issue.
    let nothing = run_ok(&[
        "--lang",
        "en",
        "reissue",
        "--dir",
        s(&head),
        "--key-compromised",
        &station_kid,
        "--out",
        s(&reissued),
        "--formats",
        "png",
    ]);
    assert!(nothing.contains("0 certificates re-issued"), "{nothing}");
    let entries = export(&head, None);
    assert_eq!(entries.len(), 14);
    let revoked: Vec<&Value> = entries
        .iter()
        .filter(|e| !e["revoked_at"].is_null())
        .collect();
    assert_eq!(revoked.len(), 4);
    assert!(revoked.iter().all(|e| e["kid"] == station_kid.as_str()));

    run_ok(&["status", "publish", "--dir", s(&head)]);
    let keys = head.join("jwks.json");
    let status = head.join("status.jwt");
    let new = verify(&keys, &status, &pngs(&reissued));
    assert_eq!(new.len(), 4);
    assert!(new.iter().all(|r| r["verdict"] == "valid"), "{new:?}");
    let old = verify(&keys, &status, &pngs(&station_out));
    assert_eq!(old.len(), 4);
    assert!(old.iter().all(|r| r["verdict"] == "invalid"), "{old:?}");
    let first = verify(&keys, &status, &pngs(&out));
    assert!(first.iter().all(|r| r["verdict"] == "valid"), "{first:?}");
}

#[test]
fn a_sqlite_ledger_migrated_into_postgres_then_a_lost_station_key_reissued() {
    let Some(url) = new_database() else { return };
    let tmp = tempfile::tempdir().unwrap();
    migrate_then_reissue(tmp.path(), &url);
}

#[test]
fn a_sqlite_ledger_migrated_into_another_sqlite_file_then_a_lost_station_key_reissued() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("nuevo.sqlite");
    migrate_then_reissue(tmp.path(), target.to_str().unwrap());
}

#[test]
fn a_ledger_url_with_a_password_is_refused_and_never_shown() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("emisor");
    keygen(&dir);
    let record = std::fs::read_to_string(dir.join("issuer.json")).unwrap();
    let url = "postgres://estacion:s3cr3t0@127.0.0.1:1/sello";
    for args in [
        vec!["ledger", "list", "--dir", s(&dir), "--ledger", url],
        vec!["keys", "set-ledger", "--dir", s(&dir), url],
        vec!["ledger", "migrate", "--from", "x.sqlite", "--to", url],
    ] {
        let out = sello()
            .env("SELLO_PASSPHRASE", PASS)
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!text.contains("s3cr3t0"), "{args:?}: {text}");
        assert!(text.contains("PGPASSWORD"), "{args:?}: {text}");
    }
    // From the environment too, and nothing written.
    let out = sello()
        .env("SELLO_LEDGER", url)
        .args(["ledger", "export", "--dir", s(&dir)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.join("issuer.json")).unwrap(),
        record
    );
    assert!(!dir.join("ledger.sqlite").exists());
}

#[test]
fn the_ledger_comes_from_the_option_the_environment_or_issuer_json() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("emisor");
    keygen(&dir);
    let other = tmp.path().join("otro.sqlite");
    let count = |cmd: &mut assert_cmd::Command| {
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        json_lines(&out.stdout).len()
    };
    // Issued into otro.sqlite through SELLO_LEDGER: the folder's own ledger stays empty.
    let out = sello()
        .env("SELLO_PASSPHRASE", PASS)
        .env("SELLO_LEDGER", &other)
        .args([
            "issue",
            "--dir",
            s(&dir),
            "--holder",
            "Ana",
            "--code",
            "EC0105",
            "--title",
            "T",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        count(sello().args(["ledger", "export", "--dir", s(&dir)])),
        0
    );
    assert_eq!(
        count(sello().args(["ledger", "export", "--dir", s(&dir), "--ledger", s(&other)])),
        1
    );
    // Recorded in issuer.json: every command of the folder uses it.
    run_ok(&["keys", "set-ledger", "--dir", s(&dir), s(&other)]);
    assert_eq!(
        count(sello().args(["ledger", "export", "--dir", s(&dir)])),
        1
    );
    // The option wins over the record.
    let third = tmp.path().join("tercero.sqlite");
    assert_eq!(
        count(sello().args(["ledger", "export", "--dir", s(&dir), "--ledger", s(&third)])),
        0
    );
}

#[test]
fn the_sello_command_reaches_a_postgres_ledger_over_tls_and_refuses_another_ca() {
    // The TLS server of scripts/test: its certificate names 127.0.0.1, signed by ca.crt.
    let Some(url) = new_database_on("SELLO_TEST_POSTGRES_TLS") else {
        return;
    };
    let cas = std::env::var("SELLO_TEST_POSTGRES_CA_DIR").expect("SELLO_TEST_POSTGRES_CA_DIR");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("emisor");
    keygen(&dir);
    let with = |ca: &str| format!("{url}?sslmode=verify-full&sslrootcert={cas}/{ca}");
    let good = with("ca.crt");
    run_ok(&["keys", "set-ledger", "--dir", s(&dir), &good]);
    run_ok(&[
        "issue",
        "--dir",
        s(&dir),
        "--holder",
        "Ana",
        "--code",
        "EC0105",
        "--title",
        "T",
    ]);
    assert_eq!(export(&dir, None).len(), 1);
    let out = sello()
        .args([
            "--lang",
            "en",
            "ledger",
            "export",
            "--dir",
            s(&dir),
            "--ledger",
            &with("other-ca.crt"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(69), "the ledger cannot be reached");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("certificate"), "{err}");
    // Without a CA file, TLS is refused before connecting.
    let out = sello()
        .env("HOME", tmp.path())
        .env_remove("PGSSLROOTCERT")
        .args([
            "ledger",
            "export",
            "--dir",
            s(&dir),
            "--ledger",
            &format!("{url}?sslmode=require"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PGSSLROOTCERT"));
}

/// A connection to `url` as its user (the test server's superuser), password from
/// `PGPASSWORD`.
fn admin(url: &str) -> postgres::Client {
    let mut config: postgres::Config = url.parse().unwrap();
    if let Ok(p) = std::env::var("PGPASSWORD") {
        config.password(p);
    }
    config.connect(postgres::NoTls).unwrap()
}

/// `url` with another user.
fn as_user(url: &str, user: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap();
    let rest = rest.split_once('@').map_or(rest, |(_, r)| r);
    format!("{scheme}://{user}@{rest}")
}

#[test]
fn a_station_role_with_only_the_documented_grants_issues_revokes_and_publishes() {
    let Some(url) = new_database() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("emisor");
    keygen(&dir);
    // The owner's first open creates the tables (docs/ISSUING.md, "Roles and grants").
    run_ok(&["ledger", "list", "--dir", s(&dir), "--ledger", &url]);
    let db = url.rsplit_once('/').unwrap().1;
    let mut buf = [0u8; 4];
    getrandom::fill(&mut buf).unwrap();
    let tag = u32::from_le_bytes(buf);
    let (station, auditor) = (format!("estacion_{tag}"), format!("auditoria_{tag}"));
    admin(&url)
        .batch_execute(&format!(
            "CREATE ROLE {station} LOGIN PASSWORD 'clave-estacion';
             GRANT CONNECT ON DATABASE {db} TO {station};
             GRANT SELECT, INSERT, UPDATE ON certificates, meta TO {station};
             GRANT SELECT ON schema_migrations TO {station};
             CREATE ROLE {auditor} LOGIN PASSWORD 'clave-auditoria';
             GRANT CONNECT ON DATABASE {db} TO {auditor};
             GRANT SELECT ON certificates, meta, schema_migrations TO {auditor};"
        ))
        .unwrap();
    let station_url = as_user(&url, &station);
    let run_as = |password: &str, args: &[&str]| {
        sello()
            .env("SELLO_PASSPHRASE", PASS)
            .env("PGPASSWORD", password)
            .env("SELLO_LEDGER", &station_url)
            .args(args)
            .output()
            .unwrap()
    };
    let out = run_as(
        "clave-estacion",
        &[
            "issue",
            "--json",
            "--dir",
            s(&dir),
            "--holder",
            "Ana",
            "--code",
            "EC0105",
            "--title",
            "T",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let serial = json_lines(&out.stdout)[0]["serial"]
        .as_str()
        .unwrap()
        .to_owned();
    for args in [
        vec!["revoke", "--dir", s(&dir), &serial, "--reason", "error"],
        vec!["status", "publish", "--dir", s(&dir)],
    ] {
        let out = run_as("clave-estacion", &args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // The auditor reads everything and writes nothing.
    let auditor_url = as_user(&url, &auditor);
    let out = sello()
        .env("PGPASSWORD", "clave-auditoria")
        .args([
            "ledger",
            "export",
            "--dir",
            s(&dir),
            "--ledger",
            &auditor_url,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_lines(&out.stdout).len(), 1);
    let out = sello()
        .env("SELLO_PASSPHRASE", PASS)
        .env("PGPASSWORD", "clave-auditoria")
        .args([
            "issue",
            "--dir",
            s(&dir),
            "--holder",
            "Eva",
            "--code",
            "EC0105",
            "--title",
            "T",
        ])
        .args(["--ledger", &auditor_url])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(69));
    // A wrong password: refused by the server, and not shown.
    let out = run_as("equivocada", &["ledger", "list", "--dir", s(&dir)]);
    assert_eq!(out.status.code(), Some(69));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("equivocada"));
}
