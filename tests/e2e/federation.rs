//! A federation through the CLI: a registry accredits centres and publishes trust bundles,
//! and `sello verify --trust root.json --bundle trust.jwt` checks certificates with nothing
//! else; every refusal a person can meet (scope, suspension, rollback, equivocation, a stale
//! bundle under a strict policy) and the root ceremony (2 of 3, and below the threshold).

use crate::cli::{PASS, sello};
use crate::json_lines;
use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

const REGISTRY_PASS: &str = "frase del registro larga";
const ROOT_PASS: [&str; 3] = [
    "primera frase raíz larga",
    "segunda frase raíz larga",
    "tercera frase raíz larga",
];

/// A federation's world in a temporary folder: its state, configuration and cache folders
/// are its own (`tests/e2e/fetch.rs` uses it too).
pub struct World {
    tmp: tempfile::TempDir,
}

impl World {
    pub fn new() -> World {
        World {
            tmp: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// `sello` with the registry's passphrases and this world's state folder.
    pub fn sello(&self) -> Command {
        let mut cmd = sello();
        cmd.env("SELLO_PASSPHRASE", REGISTRY_PASS)
            .env("XDG_STATE_HOME", self.path("state"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env_remove("SELLO_CA_FILE")
            .env_remove("SELLO_KEYS")
            .current_dir(self.tmp.path());
        // Requests go to the test's own server, never through a proxy.
        for var in [
            "ALL_PROXY",
            "all_proxy",
            "HTTPS_PROXY",
            "https_proxy",
            "HTTP_PROXY",
            "http_proxy",
        ] {
            cmd.env_remove(var);
        }
        for (i, p) in ROOT_PASS.iter().enumerate() {
            cmd.env(format!("SELLO_ROOT_PASSPHRASE_{}", i + 1), p);
        }
        cmd
    }

    pub fn run_ok(&self, args: &[&str]) -> String {
        let out = self.sello().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn init(&self) {
        self.init_with(&[]);
    }

    /// `sello federation init` of `mx.conocer` (3 root keys, 2 of 3) in `conocer/`, with
    /// `extra` options (e.g. its official page's `--url`).
    pub fn init_with(&self, extra: &[&str]) {
        let mut args = vec![
            "federation",
            "init",
            "--dir",
            "conocer",
            "--id",
            "mx.conocer",
            "--name",
            "CONOCER",
            "--root-keys",
            "3",
            "--threshold",
            "2",
        ];
        args.extend(extra);
        self.run_ok(&args);
    }

    /// A centre's issuer folder.
    pub fn centre(&self, dir: &str, id: &str, name: &str) {
        self.sello()
            .env("SELLO_PASSPHRASE", PASS)
            .args(["keygen", "--dir", dir, "--id", id, "--name", name])
            .assert()
            .success();
    }

    pub fn accredit(&self, dir: &str, standards: &str) {
        let keys = format!("{dir}/jwks.json");
        self.run_ok(&[
            "federation",
            "accredit",
            "--dir",
            "conocer",
            "--keys",
            &keys,
            "--standards",
            standards,
            "--from",
            "2026-01-01",
        ]);
    }

    /// Issues one certificate of `code` from the centre `dir` and publishes its status list
    /// into `status/`; returns the `--json` output.
    pub fn issue(&self, dir: &str, code: &str) -> Value {
        let out = self
            .sello()
            .env("SELLO_PASSPHRASE", PASS)
            .args(["issue", "--json", "--dir", dir])
            .args(["--holder", "Rosa Elena Rodríguez Cruz", "--code", code])
            .args(["--title", "Atención al ciudadano"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        self.sello()
            .env("SELLO_PASSPHRASE", PASS)
            .args(["status", "publish", "--dir", dir])
            .assert()
            .success();
        std::fs::create_dir_all(self.path("status")).unwrap();
        std::fs::copy(
            self.path(dir).join("status.jwt"),
            self.path("status").join(format!("{dir}.jwt")),
        )
        .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    }

    pub fn publish(&self, dir: &str, out: &str, extra: &[&str]) -> String {
        let mut args = vec!["federation", "publish", "--dir", dir, "--out", out];
        if self.path("status").exists() {
            args.extend(["--status", "status"]);
        }
        args.extend(extra);
        self.run_ok(&args)
    }

    /// `sello verify --trust ROOT --bundle BUNDLE …`: status, stdout, stderr.
    pub fn verify(&self, root: &str, bundle: &str, args: &[&str]) -> (i32, String, String) {
        let out = self
            .sello()
            .args(["verify", "--trust", root, "--bundle", bundle])
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }
}

pub fn token(issued: &Value) -> String {
    issued["qr_text"].as_str().unwrap().to_owned()
}

pub fn bundle_iat(world: &World, bundle: &str) -> i64 {
    let text = std::fs::read_to_string(world.path(bundle)).unwrap();
    let payload = text.trim().split('.').nth(1).unwrap();
    let claims: Value = serde_json::from_slice(&sello_core::b64::decode(payload).unwrap()).unwrap();
    claims["iat"].as_i64().unwrap()
}

#[test]
fn a_certificate_verifies_through_the_bundle_alone_in_spanish_and_english() {
    let w = World::new();
    w.init();
    // The registry folder as documented: keys apart, the root for verifiers.
    assert!(w.path("conocer/root.json").is_file());
    for i in 1..=3 {
        let holder = w.path(&format!("conocer/root-keys/holder-{i}"));
        assert_eq!(std::fs::read_dir(&holder).unwrap().count(), 2, "{holder:?}");
    }
    w.centre("cecati149", "mx.cecati149", "CECATI 149");
    w.centre("cecati150", "mx.cecati150", "CECATI 150");
    w.accredit("cecati149", "EC0105,EC0217.01");
    w.accredit("cecati150", "EC0301");
    let good = w.issue("cecati149", "EC0105");
    let other = w.issue("cecati150", "EC0301");
    let out_of_scope = w.issue("cecati149", "EC0301");
    let said = w.publish("conocer", "trust.jwt", &[]);
    assert!(
        said.contains("Paquete de confianza n.º 1: trust.jwt (2 centros, 2 con lista de estado"),
        "{said}"
    );
    let as_of = sello_verifier::federation::date(bundle_iat(&w, "trust.jwt"));

    // No --keys: the bundle alone.
    let (status, out, _) = w.verify("conocer/root.json", "trust.jwt", &[&token(&good)]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("✔ CERTIFICADO VÁLIDO"), "{out}");
    assert!(
        out.contains(&format!(
            "  Acreditación:    CECATI 149, acreditado por CONOCER para EC0105 desde 2026-01-01 (según el paquete de confianza del {as_of})"
        )),
        "{out}"
    );
    let (status, out, _) = w.verify(
        "conocer/root.json",
        "trust.jwt",
        &["--lang", "en", &token(&good)],
    );
    assert_eq!(status, 0, "{out}");
    assert!(
        out.contains(&format!(
            "  Accreditation:   CECATI 149, accredited by CONOCER for EC0105 since 2026-01-01 (according to the trust bundle of {as_of})"
        )),
        "{out}"
    );
    let (status, out, _) = w.verify(
        "conocer/root.json",
        "trust.jwt",
        &["--json", &token(&other)],
    );
    assert_eq!(status, 0, "{out}");
    let v = &json_lines(out.as_bytes())[0];
    assert_eq!(v["verdict"], "valid");
    assert_eq!(v["trust"]["trust_as_of"], bundle_iat(&w, "trust.jwt"));
    assert_eq!(v["trust"]["federation_name"], "CONOCER");
    assert_eq!(v["trust"]["standard"], "EC0301");
    assert_eq!(v["trust"]["seq"], 1);
    assert_eq!(v["trust"]["fresh"], true);

    // A standard the centre is not accredited for.
    let (status, out, _) = w.verify("conocer/root.json", "trust.jwt", &[&token(&out_of_scope)]);
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("✘ CERTIFICADO NO VÁLIDO"), "{out}");
    assert!(
        out.contains("El emisor no estaba acreditado para este estándar en la fecha de emisión. (standard_out_of_scope)"),
        "{out}"
    );
    let (status, out, _) = w.verify(
        "conocer/root.json",
        "trust.jwt",
        &["--lang", "en", "--json", &token(&out_of_scope)],
    );
    assert_eq!(status, 1);
    assert_eq!(
        json_lines(out.as_bytes())[0]["reason"],
        "standard_out_of_scope"
    );

    // --trust is not --keys: given both, the person is told.
    let out = w
        .sello()
        .args([
            "verify",
            "--trust",
            "conocer/root.json",
            "--bundle",
            "trust.jwt",
        ])
        .args(["--keys", "cecati149/jwks.json", &token(&good)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no use --keys con ellos"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // …but key sets exported in SELLO_KEYS for other runs do not stand in the way.
    let out = w
        .sello()
        .env("SELLO_KEYS", "cecati149/jwks.json")
        .args([
            "verify",
            "--trust",
            "conocer/root.json",
            "--bundle",
            "trust.jwt",
        ])
        .arg(token(&good))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The ratchet is kept in the state folder, one file for the federation under the root
    // pinned: `<id in base64url>.<the pinned root's fingerprint>.json`.
    let state = w.path("state/sello/federations");
    let fingerprint = sello_core::federation::RootDocument::from_json(
        &std::fs::read(w.path("conocer/root.json")).unwrap(),
    )
    .unwrap()
    .fingerprint();
    let record: Value = serde_json::from_slice(
        &std::fs::read(state.join(format!(
            "{}.{fingerprint}.json",
            sello_core::b64::encode(b"mx.conocer")
        )))
        .unwrap(),
    )
    .unwrap();
    assert_eq!(record["seq"], 1);
    assert_eq!(record["root"], 1);
}

#[test]
fn a_suspended_centre_keeps_its_earlier_certificates_and_loses_later_ones() {
    let w = World::new();
    w.init();
    w.centre("cecati149", "mx.cecati149", "CECATI 149");
    w.accredit("cecati149", "EC0105");
    let before = w.issue("cecati149", "EC0105");
    let from = before["claims"]["iat"].as_i64().unwrap() + 1;
    // Wait (generously) until a certificate issued now is at or after the suspension.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while sello_issuer::now() < from {
        assert!(std::time::Instant::now() < deadline);
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let said = w.run_ok(&[
        "federation",
        "suspend",
        "--dir",
        "conocer",
        "--issuer",
        "mx.cecati149",
        "--from",
        &from.to_string(),
        "--reason",
        "Auditoría de 2026: evaluaciones sin evidencia",
    ]);
    assert!(said.contains("mx.cecati149 suspendido desde el"), "{said}");
    let after = w.issue("cecati149", "EC0105");
    assert!(after["claims"]["iat"].as_i64().unwrap() >= from);
    w.publish("conocer", "trust.jwt", &[]);
    let (status, out, _) = w.verify("conocer/root.json", "trust.jwt", &[&token(&before)]);
    assert_eq!(status, 0, "{out}");
    let (status, out, _) = w.verify("conocer/root.json", "trust.jwt", &[&token(&after)]);
    assert_eq!(status, 1, "{out}");
    assert!(
        out.contains("La federación había suspendido al emisor cuando se emitió este certificado. (issuer_suspended)"),
        "{out}"
    );
    // No "accredited by" beside the suspension.
    assert!(!out.contains("Acreditación:"), "{out}");
    let (_, out, _) = w.verify(
        "conocer/root.json",
        "trust.jwt",
        &["--lang", "en", &token(&after)],
    );
    assert!(
        out.contains("(issuer_suspended)") && out.contains("INVALID CERTIFICATE"),
        "{out}"
    );
    // A folder that is not a registry says so, and how to make one.
    let out = w
        .sello()
        .args([
            "federation",
            "suspend",
            "--dir",
            "cecati149",
            "--issuer",
            "mx.cecati149",
        ])
        .args(["--from", "2026-06-01", "--reason", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("no es una carpeta de registro de federación (no tiene registry.json)"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Suspending a centre the registry does not know is refused.
    let out = w
        .sello()
        .args([
            "federation",
            "suspend",
            "--dir",
            "conocer",
            "--issuer",
            "mx.nadie",
        ])
        .args(["--from", "2026-06-01", "--reason", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("ningún centro acreditado tiene el id"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn rollback_and_equivocation_are_refused_and_remembered() {
    let w = World::new();
    w.init();
    w.centre("cecati149", "mx.cecati149", "CECATI 149");
    w.accredit("cecati149", "EC0105");
    let cert = token(&w.issue("cecati149", "EC0105"));
    w.publish("conocer", "uno.jwt", &[]);
    // A backup of the registry taken now, restored later, would sign seq 3 again.
    copy_dir(&w.path("conocer"), &w.path("respaldo"));
    w.publish("conocer", "dos.jwt", &[]);
    assert_eq!(w.verify("conocer/root.json", "uno.jwt", &[&cert]).0, 0);
    assert_eq!(w.verify("conocer/root.json", "dos.jwt", &[&cert]).0, 0);
    // Rollback: seq 1 after seq 2 was seen.
    let (status, out, err) = w.verify("conocer/root.json", "uno.jwt", &[&cert]);
    assert_eq!(status, 2, "{out}");
    assert!(out.is_empty());
    assert!(
        err.contains("rechazado: este paquete de confianza (seq 1) es más antiguo que uno ya aceptado (seq 2); consiga el actual"),
        "{err}"
    );
    let (_, _, err) = w.verify("conocer/root.json", "uno.jwt", &["--lang", "en", &cert]);
    assert!(err.contains("refused") && err.contains("(seq 1)"), "{err}");
    // Equivocation: the restored backup signs another bundle with seq 2.
    let said = w.publish("respaldo", "dos-bis.jwt", &["--valid-days", "3"]);
    assert!(said.contains("n.º 2"), "{said}");
    let (status, _, err) = w.verify("conocer/root.json", "dos-bis.jwt", &[&cert]);
    assert_eq!(status, 2, "{err}");
    assert!(
        err.contains("ya se aceptó otro paquete de confianza con el mismo seq 2"),
        "{err}"
    );
    // The same bundle again is fine; the next one moves on.
    assert_eq!(w.verify("conocer/root.json", "dos.jwt", &[&cert]).0, 0);
    w.publish("conocer", "tres.jwt", &[]);
    assert_eq!(w.verify("conocer/root.json", "tres.jwt", &[&cert]).0, 0);
    // Another state folder has seen nothing: the old bundle is accepted there.
    let out = w
        .sello()
        .env("XDG_STATE_HOME", w.path("otro-estado"))
        .args([
            "verify",
            "--trust",
            "conocer/root.json",
            "--bundle",
            "uno.jwt",
            &cert,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_stale_bundle_still_decides_unless_a_maximum_age_is_set() {
    let w = World::new();
    w.init();
    w.centre("cecati149", "mx.cecati149", "CECATI 149");
    w.accredit("cecati149", "EC0105");
    let cert = token(&w.issue("cecati149", "EC0105"));
    w.publish("conocer", "trust.jwt", &["--valid-days", "1"]);
    // A centre without a status list is named when publishing.
    std::fs::remove_dir_all(w.path("status")).unwrap();
    let out = w
        .sello()
        .args([
            "federation",
            "publish",
            "--dir",
            "conocer",
            "--out",
            "sin-estado.jwt",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("aviso: no hay lista de estado de mx.cecati149 en --status"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let later = (bundle_iat(&w, "trust.jwt") + 3 * 86_400).to_string();
    // Three days later, past fresh_until: same verdict, said to be stale.
    let (status, out, err) = w.verify("conocer/root.json", "trust.jwt", &["--at", &later, &cert]);
    assert_eq!(status, 0, "{out}{err}");
    assert!(out.contains("consiga uno más reciente"), "{out}");
    assert!(
        err.contains("aviso: el paquete de confianza es del"),
        "{err}"
    );
    // A strict policy refuses it.
    let (status, out, err) = w.verify(
        "conocer/root.json",
        "trust.jwt",
        &["--at", &later, "--max-bundle-age", "36h", &cert],
    );
    assert_eq!(status, 2, "{out}");
    assert!(
        err.contains("es más antiguo que la edad máxima de 129600 segundos"),
        "{err}"
    );
    let (status, _, err) = w.verify(
        "conocer/root.json",
        "trust.jwt",
        &[
            "--lang",
            "en",
            "--at",
            &later,
            "--max-bundle-age",
            "36h",
            &cert,
        ],
    );
    assert_eq!(status, 2);
    assert!(
        err.contains("older than the maximum age of 129600 seconds"),
        "{err}"
    );
    // Within the age, accepted.
    let (status, _, _) = w.verify(
        "conocer/root.json",
        "trust.jwt",
        &["--max-bundle-age", "36h", &cert],
    );
    assert_eq!(status, 0);
    let (status, _, err) = w.verify(
        "conocer/root.json",
        "trust.jwt",
        &["--max-bundle-age", "7w", &cert],
    );
    assert_eq!(status, 2);
    assert!(err.contains("«7w» no es una duración"), "{err}");
}

fn key_file(dir: &Path) -> PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "p8"))
        .unwrap()
}

#[test]
fn the_root_ceremony_needs_two_of_three_and_verifiers_walk_to_the_new_root() {
    let w = World::new();
    w.init();
    std::fs::copy(w.path("conocer/root.json"), w.path("root-v1.json")).unwrap();
    // A new holder makes a key on their machine; holder 1 leaves.
    let said = w
        .sello()
        .env("SELLO_ROOT_PASSPHRASE", "cuarta frase raíz larga")
        .args(["federation", "rotate-root", "keygen", "--out", "holder-4"])
        .output()
        .unwrap();
    assert!(
        said.status.success(),
        "{}",
        String::from_utf8_lossy(&said.stderr)
    );
    let new_key = key_file(&w.path("holder-4"));
    let new_pub = new_key.with_extension("pub.json");
    let leaving = key_file(&w.path("conocer/root-keys/holder-1"));
    let leaving_kid = leaving.file_stem().unwrap().to_str().unwrap().to_owned();
    let said = w.run_ok(&[
        "federation",
        "rotate-root",
        "prepare",
        "--dir",
        "conocer",
        "--add-root-key",
        new_pub.to_str().unwrap(),
        "--remove-root-key",
        &leaving_kid,
    ]);
    assert!(
        said.contains("Versión raíz 2 preparada, sin firmas"),
        "{said}"
    );
    let hash_line = said
        .lines()
        .find(|l| l.starts_with("Huella"))
        .unwrap()
        .to_owned();
    // Each holder signs a copy on their own machine.
    for (holder, pass) in [(2, ROOT_PASS[1]), (3, ROOT_PASS[2])] {
        let copy = format!("copia-{holder}.json");
        std::fs::copy(w.path("conocer/next-root.json"), w.path(&copy)).unwrap();
        let key = key_file(&w.path(&format!("conocer/root-keys/holder-{holder}")));
        let out = w
            .sello()
            .env("SELLO_ROOT_PASSPHRASE", pass)
            .args(["federation", "rotate-root", "sign", &copy, "--key"])
            .arg(&key)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // The same fingerprint at every step.
        assert!(text.contains(&hash_line), "{text}");
    }
    // One holder alone is below version 1's threshold.
    let out = w
        .sello()
        .args([
            "federation",
            "rotate-root",
            "combine",
            "--dir",
            "conocer",
            "copia-2.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("la versión 2 de la raíz no está firmada por un umbral de las llaves de la raíz anterior"),
        "{err}"
    );
    let out = w
        .sello()
        .args(["--lang", "en", "federation", "rotate-root", "combine"])
        .args(["--dir", "conocer", "copia-2.json"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is not signed by a threshold"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read(w.path("conocer/root.json")).unwrap(),
        std::fs::read(w.path("root-v1.json")).unwrap()
    );
    // Two of three: version 2.
    let said = w.run_ok(&[
        "federation",
        "rotate-root",
        "combine",
        "--dir",
        "conocer",
        "copia-2.json",
        "copia-3.json",
    ]);
    assert!(
        said.contains("Raíz versión 2 comprobada con 2 firmas"),
        "{said}"
    );
    // A verifier pinned at version 1 walks to version 2 through the bundle.
    w.centre("cecati149", "mx.cecati149", "CECATI 149");
    w.accredit("cecati149", "EC0105");
    let cert = token(&w.issue("cecati149", "EC0105"));
    w.publish("conocer", "trust.jwt", &[]);
    let (status, out, err) = w.verify("root-v1.json", "trust.jwt", &[&cert]);
    assert_eq!(status, 0, "{out}{err}");
    // A leaving holder's key no longer counts for the next rotation.
    let out = w
        .sello()
        .env("SELLO_ROOT_PASSPHRASE", ROOT_PASS[0])
        .args([
            "federation",
            "rotate-root",
            "sign",
            "conocer/root.json",
            "--key",
        ])
        .arg(&leaving)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
}

#[test]
fn a_centre_newer_than_the_bundle_is_indeterminate_not_forged() {
    let w = World::new();
    w.init();
    w.centre("cecati149", "mx.cecati149", "CECATI 149");
    w.accredit("cecati149", "EC0105");
    w.publish("conocer", "trust.jwt", &[]);
    let iat = bundle_iat(&w, "trust.jwt");
    // A centre accredited after the bundle was signed, whose certificate is newer too.
    w.centre("cecati150", "mx.cecati150", "CECATI 150");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while sello_issuer::now() <= iat {
        assert!(std::time::Instant::now() < deadline);
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let newer = token(&w.issue("cecati150", "EC0105"));
    let (status, out, _) = w.verify("conocer/root.json", "trust.jwt", &[&newer]);
    assert_eq!(status, 3, "{out}");
    assert!(out.contains("(trust_bundle_older_than_token)"), "{out}");
    // With the next bundle, which accredits it, it is valid.
    w.accredit("cecati150", "EC0105");
    w.publish("conocer", "trust-2.jwt", &[]);
    let (status, out, _) = w.verify("conocer/root.json", "trust-2.jwt", &[&newer]);
    assert_eq!(status, 0, "{out}");
    // A root document that is not signed by a threshold of its own keys is refused.
    let mut root: Value =
        serde_json::from_slice(&std::fs::read(w.path("conocer/root.json")).unwrap()).unwrap();
    root["signatures"].as_array_mut().unwrap().truncate(1);
    std::fs::write(w.path("falsa.json"), root.to_string()).unwrap();
    let (status, _, err) = w.verify("falsa.json", "trust-2.jwt", &[&newer]);
    assert_eq!(status, 2);
    assert!(
        err.contains("no está firmado por un umbral de sus propias llaves raíz"),
        "{err}"
    );
}

#[test]
fn a_centre_joins_its_federation_and_its_qr_codes_open_the_federations_page() {
    let w = World::new();
    w.init_with(&["--url", "https://verifica.conocer.example.mx/v"]);
    w.centre("cecati149", "mx.cecati149", "CECATI 149");
    w.centre("rogue", "mx.rogue", "Centro sin acreditar");
    let join = |dir: &str| {
        w.sello()
            .args(["--lang", "en", "keys", "join", "--dir", dir])
            .args(["--trust", "conocer/root.json", "--bundle", "trust.jwt"])
            .output()
            .unwrap()
    };
    // Not yet accredited: refused, and the folder's URL is left as it was.
    w.publish("conocer", "trust.jwt", &[]);
    let before = std::fs::read(w.path("cecati149/jwks.json")).unwrap();
    let out = join("cecati149");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("does not accredit the issuer \"mx.cecati149\""),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read(w.path("cecati149/jwks.json")).unwrap(),
        before
    );
    // Accredited: its QR codes now open the federation's page.
    w.accredit("cecati149", "EC0105");
    w.publish("conocer", "trust.jwt", &[]);
    let out = join("cecati149");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("https://verifica.conocer.example.mx/v"));
    let issued = w.issue("cecati149", "EC0105");
    let qr = issued["qr_text"].as_str().unwrap();
    assert!(
        qr.starts_with("https://verifica.conocer.example.mx/v#"),
        "{qr}"
    );
    // A rotated key the registry has not seen yet is not accredited: refused. (Key windows are
    // in whole seconds: a rotation in the second the key came into force is refused, so wait
    // for the next one.)
    let issued_in = now_secs();
    while now_secs() <= issued_in {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    w.sello()
        .env("SELLO_PASSPHRASE", PASS)
        .args(["keys", "rotate", "--dir", "cecati149"])
        .assert()
        .success();
    let out = join("cecati149");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("does not accredit this folder's active key")
    );
    // A centre the bundle does not know is refused too.
    assert_eq!(join("rogue").status.code(), Some(2));
}

#[test]
fn a_stolen_registry_key_is_replaced_by_a_rotation_and_its_bundles_refused() {
    let w = World::new();
    w.init();
    w.centre("cecati149", "mx.cecati149", "CECATI 149");
    w.accredit("cecati149", "EC0105");
    let cert = token(&w.issue("cecati149", "EC0105"));
    w.publish("conocer", "old.jwt", &[]);
    let (status, out, err) = w.verify("conocer/root.json", "old.jwt", &[&cert]);
    assert_eq!(status, 0, "{out}{err}");
    std::fs::copy(w.path("conocer/root.json"), w.path("root-v1.json")).unwrap();
    // The registry key is thought stolen: version 2 replaces it.
    const NEW_PASS: &str = "nueva frase del registro larga";
    let said = w
        .sello()
        .env("SELLO_NEW_PASSPHRASE", NEW_PASS)
        .args(["federation", "rotate-root", "prepare", "--dir", "conocer"])
        .arg("--new-registry-key")
        .output()
        .unwrap();
    let said_text = String::from_utf8_lossy(&said.stdout);
    assert!(
        said.status.success(),
        "{}",
        String::from_utf8_lossy(&said.stderr)
    );
    assert!(said_text.contains("Llave de registro nueva"), "{said_text}");
    for (holder, pass) in [(1, ROOT_PASS[0]), (2, ROOT_PASS[1])] {
        let copy = format!("copia-{holder}.json");
        std::fs::copy(w.path("conocer/next-root.json"), w.path(&copy)).unwrap();
        let key = key_file(&w.path(&format!("conocer/root-keys/holder-{holder}")));
        w.sello()
            .env("SELLO_ROOT_PASSPHRASE", pass)
            .args(["federation", "rotate-root", "sign", &copy, "--key"])
            .arg(&key)
            .assert()
            .success();
    }
    w.run_ok(&[
        "federation",
        "rotate-root",
        "combine",
        "--dir",
        "conocer",
        "copia-1.json",
        "copia-2.json",
    ]);
    // The old passphrase no longer opens the key that signs; the new one does.
    w.sello()
        .args([
            "federation",
            "publish",
            "--dir",
            "conocer",
            "--out",
            "new.jwt",
        ])
        .args(["--status", "status"])
        .assert()
        .failure();
    w.sello()
        .env("SELLO_PASSPHRASE", NEW_PASS)
        .args([
            "federation",
            "publish",
            "--dir",
            "conocer",
            "--out",
            "new.jwt",
        ])
        .args(["--status", "status"])
        .assert()
        .success();
    // A verifier pinned at version 1 walks to version 2 and takes the new key's bundle …
    let (status, out, err) = w.verify("root-v1.json", "new.jwt", &[&cert]);
    assert_eq!(status, 0, "{out}{err}");
    // … and from then on refuses whatever the old key signs: the old bundle is a root
    // rollback (exit 2, named).
    let out = w
        .sello()
        .args([
            "--lang",
            "en",
            "verify",
            "--trust",
            "root-v1.json",
            "--bundle",
            "old.jwt",
        ])
        .arg(&cert)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("signed under root version 1, older than version 2 already accepted"),
        "{err}"
    );
}

#[test]
fn a_receipt_records_the_check_and_is_no_certificate() {
    let w = World::new();
    w.init();
    w.centre("cecati149", "mx.cecati149", "CECATI 149");
    w.accredit("cecati149", "EC0105");
    let issued = w.issue("cecati149", "EC0105");
    let cert = token(&issued);
    w.publish("conocer", "trust.jwt", &[]);
    let receipt = |name: &str, inputs: &[&str]| {
        w.sello()
            .args([
                "verify",
                "--trust",
                "conocer/root.json",
                "--bundle",
                "trust.jwt",
            ])
            .args(["--receipt", name])
            .args(inputs)
            .output()
            .unwrap()
    };
    let out = receipt("comprobante.svg", &[&cert]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("Comprobante escrito"));
    let svg = std::fs::read_to_string(w.path("comprobante.svg")).unwrap();
    for said in [
        "Comprobante de verificación",
        "NO es un certificado",
        "COMPROBANTE · NO ES UN CERTIFICADO",
        "CERTIFICADO VÁLIDO",
        "Rosa Elena Rodríguez Cruz",
        "paquete de confianza n.º 1 de CONOCER",
        "Huella del token (SHA-256)",
        &sello_core::token::sha256_hex(&cert),
    ] {
        assert!(svg.contains(said), "{said}: {svg}");
    }
    // Nothing on it scans as a certificate: no QR code, no token.
    assert!(!svg.contains(&cert) && !svg.contains("<path") && !svg.contains("<image"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(w.path("comprobante.svg"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "it holds the holder's personal data");
    }
    let out = receipt("comprobante.pdf", &[&cert]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        std::fs::read(w.path("comprobante.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    // Two certificates, or a name that is neither .pdf nor .svg: refused, nothing written.
    let out = receipt("dos.pdf", &[&cert, &cert]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("exactamente un certificado"));
    assert!(!w.path("dos.pdf").exists());
    let out = receipt("comprobante.doc", &[&cert]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!w.path("comprobante.doc").exists());
}

/// The wall clock, in whole seconds since the Unix epoch.
fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
