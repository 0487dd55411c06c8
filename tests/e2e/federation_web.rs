//! A federation's verification service and static site: `sello serve --trust root.json
//! --bundle trust.jwt` verifies through the bundle, publishes it at `trust.jwt` with the pinned
//! root in `keys.json`, swaps in a newer bundle while it serves and keeps out an older or
//! equivocating one; `sello site export` writes the same documents.

use crate::federation::World;
use crate::serve::{Server, http, verify, wait_for};
use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A federation of two centres in a temporary folder ([`World`]): the registry `conocer` (with
/// the official page `https://verifica.conocer.example.mx/v`), `cecati149` accredited for EC0105
/// and `cecati150` for EC0301.
pub(crate) struct Federation {
    world: World,
}

impl Federation {
    pub(crate) fn new() -> Federation {
        let world = World::new();
        world.init_with(&["--url", "https://verifica.conocer.example.mx/v"]);
        for (dir, id, name, code) in [
            ("cecati149", "mx.cecati149", "CECATI 149", "EC0105"),
            ("cecati150", "mx.cecati150", "CECATI 150", "EC0301"),
        ] {
            world.centre(dir, id, name);
            world.accredit(dir, code);
        }
        Federation { world }
    }

    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.world.path(name)
    }

    /// `sello` in the federation's folder, with the registry's passphrases and state,
    /// configuration and cache folders of its own.
    pub(crate) fn sello(&self) -> Command {
        self.world.sello()
    }

    pub(crate) fn run(&self, args: &[&str]) -> String {
        self.world.run_ok(args)
    }

    /// A certificate of `code` from the centre `dir` (its QR text), its status list published
    /// into `status/`.
    pub(crate) fn issue(&self, dir: &str, code: &str) -> String {
        let v = self.world.issue(dir, code);
        v["qr_text"].as_str().unwrap().to_owned()
    }

    /// Signs the next bundle into `out`.
    pub(crate) fn publish(&self, out: &str) {
        self.run(&[
            "federation",
            "publish",
            "--dir",
            "conocer",
            "--out",
            out,
            "--status",
            "status",
        ]);
    }

    pub(crate) fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap()
    }
}

/// Replaces `to` with a copy of `from` at once (a rename), as a deployment would.
fn install(from: &Path, to: &Path) {
    let tmp = to.with_extension("tmp");
    std::fs::copy(from, &tmp).unwrap();
    std::fs::rename(&tmp, to).unwrap();
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

fn get(server: &Server, path: &str) -> (u16, String) {
    let (status, body) = http(server.addr, "GET", path, None);
    (status, String::from_utf8(body).unwrap())
}

fn seq(bundle: &str) -> u64 {
    let payload = bundle.trim().split('.').nth(1).unwrap();
    let claims: Value = serde_json::from_slice(&sello_core::b64::decode(payload).unwrap()).unwrap();
    claims["seq"].as_u64().unwrap()
}

#[test]
fn the_service_verifies_through_the_bundle_and_keeps_older_bundles_out() {
    let f = Federation::new();
    let good = f.issue("cecati149", "EC0105");
    let out_of_scope = f.issue("cecati149", "EC0301");
    let other = f.issue("cecati150", "EC0301");
    f.publish("bundle-1.jwt");
    std::fs::copy(f.path("bundle-1.jwt"), f.path("trust.jwt")).unwrap();
    let root = f.path("conocer/root.json");
    let trust = f.path("trust.jwt");
    let server = Server::start(
        "",
        &[
            "--trust",
            root.to_str().unwrap(),
            "--bundle",
            trust.to_str().unwrap(),
            "--reload-every",
            "1",
        ],
    );

    // The page's documents: the root verbatim, the bundle beside keys.json (at the page's own
    // path too), no key set of its own.
    let (status, keys) = get(&server, "/keys.json");
    assert_eq!(status, 200);
    let keys: Value = serde_json::from_str(&keys).unwrap();
    assert_eq!(keys["federation"]["root"], f.read("conocer/root.json"));
    assert_eq!(keys["federation"]["bundle"], "trust.jwt");
    assert_eq!(keys["key_sets"], serde_json::json!([]));
    assert_eq!(keys["status_lists"], serde_json::json!([]));
    assert_eq!(
        get(&server, "/trust.jwt"),
        (200, f.read("bundle-1.jwt").trim().to_owned())
    );
    assert_eq!(get(&server, "/v/trust.jwt").1, get(&server, "/trust.jwt").1);
    assert_eq!(get(&server, "/v/keys.json").0, 200);

    // The API verifies through the bundle.
    let v = verify(server.addr, &good);
    assert_eq!(v["verdict"], "valid", "{v}");
    assert_eq!(v["trust"]["federation_name"], "CONOCER");
    assert_eq!(v["trust"]["standard"], "EC0105");
    assert_eq!(v["trust"]["seq"], 1);
    assert_eq!(
        verify(server.addr, &out_of_scope)["reason"],
        "standard_out_of_scope"
    );
    assert_eq!(verify(server.addr, &other)["verdict"], "valid");

    // A newer bundle (CECATI 149 suspended) swaps in while the service runs.
    f.run(&[
        "federation",
        "suspend",
        "--dir",
        "conocer",
        "--issuer",
        "mx.cecati149",
        "--from",
        "2026-01-02",
        "--reason",
        "Auditoría: evaluaciones sin evidencia",
    ]);
    copy_dir(&f.path("conocer"), &f.path("conocer-copy"));
    f.publish("bundle-2.jwt");
    install(&f.path("bundle-2.jwt"), &trust);
    wait_for("the newer bundle in use", || {
        seq(&get(&server, "/trust.jwt").1) == 2
    });
    assert_eq!(verify(server.addr, &good)["reason"], "issuer_suspended");
    assert_eq!(verify(server.addr, &other)["verdict"], "valid");

    // The older bundle again: refused, the newer one stays, one log line says why.
    install(&f.path("bundle-1.jwt"), &trust);
    wait_for("the rollback logged", || server.log().contains("seq 1"));
    let log = server.log();
    let line = log.lines().find(|l| l.contains("seq 1")).unwrap();
    assert!(line.contains("más antiguo"), "{line}");
    assert_eq!(seq(&get(&server, "/trust.jwt").1), 2);
    assert_eq!(verify(server.addr, &good)["reason"], "issuer_suspended");

    // Another bundle with number 2, signed by the registry from a copy of its folder taken
    // before bundle 2 (equivocation): refused, and so is a bundle with a broken signature.
    f.run(&[
        "federation",
        "suspend",
        "--dir",
        "conocer-copy",
        "--issuer",
        "mx.cecati150",
        "--from",
        "2026-01-02",
        "--reason",
        "Otra auditoría",
    ]);
    f.run(&[
        "federation",
        "publish",
        "--dir",
        "conocer-copy",
        "--out",
        "equivocal.jwt",
        "--status",
        "status",
    ]);
    assert_eq!(seq(&f.read("equivocal.jwt")), 2);
    install(&f.path("equivocal.jwt"), &trust);
    wait_for("the equivocation logged", || {
        server.log().contains("mismo seq 2")
    });
    assert_eq!(get(&server, "/trust.jwt").1, f.read("bundle-2.jwt").trim());
    let bundle2 = f.read("bundle-2.jwt");
    let parts: Vec<&str> = bundle2.trim().split('.').collect();
    std::fs::write(
        f.path("broken.jwt"),
        format!("{}.{}.{}", parts[0], parts[1], "A".repeat(86)),
    )
    .unwrap();
    install(&f.path("broken.jwt"), &trust);
    wait_for("the broken bundle logged", || {
        server.log().contains("fue alterado o falsificado")
    });
    assert_eq!(seq(&get(&server, "/trust.jwt").1), 2);
    f.run(&[
        "federation",
        "suspend",
        "--dir",
        "conocer",
        "--issuer",
        "mx.cecati150",
        "--from",
        "2026-01-02",
        "--reason",
        "Otra auditoría",
    ]);
    f.publish("bundle-3.jwt");
    // And the next bundle swaps in.
    install(&f.path("bundle-3.jwt"), &trust);
    wait_for("bundle 3 in use", || {
        seq(&get(&server, "/trust.jwt").1) == 3
    });
    assert_eq!(verify(server.addr, &other)["reason"], "issuer_suspended");
}

#[test]
fn keys_are_refused_with_a_bundle_and_the_export_carries_it() {
    let f = Federation::new();
    let _ = f.issue("cecati149", "EC0105");
    f.publish("trust.jwt");
    for cmd in [
        &["serve", "--addr", "127.0.0.1:0"][..],
        &["site", "export", "--out", "site"],
    ] {
        let out = f
            .sello()
            .args(cmd)
            .args(["--trust", "conocer/root.json", "--bundle", "trust.jwt"])
            .args(["--keys", "cecati149/jwks.json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("no use --keys con ellos"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // --max-bundle-age is read as verify reads it.
    let out = f
        .sello()
        .args(["site", "export", "--out", "site"])
        .args(["--trust", "conocer/root.json", "--bundle", "trust.jwt"])
        .args(["--max-bundle-age", "1w"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!f.path("site").exists());
    let out = f
        .sello()
        .args(["site", "export", "--out", "site"])
        .args(["--trust", "conocer/root.json", "--bundle", "trust.jwt"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bundle = f.read("trust.jwt").trim().to_owned();
    assert_eq!(f.read("site/trust.jwt"), bundle);
    assert_eq!(f.read("site/v/trust.jwt"), bundle);
    let keys: Value = serde_json::from_str(&f.read("site/keys.json")).unwrap();
    assert_eq!(keys["federation"]["root"], f.read("conocer/root.json"));
    assert_eq!(keys["federation"]["bundle"], "trust.jwt");
    assert_eq!(f.read("site/v/keys.json"), f.read("site/keys.json"));
    assert_eq!(keys["key_sets"], serde_json::json!([]));
}
