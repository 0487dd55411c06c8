//! Issuer-side integrity through the CLI, as an agency meets it: batches run at once on one
//! issuer folder, a key rotation cut short, weak passphrases, roster values a spreadsheet would
//! run, Excel's line endings, and who may read the files Sello writes.

use crate::cli::{PASS, keygen, publish_status, sello};
use sello_issuer::ledger::Ledger;
use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;

const TITLE: &str = "Atención al ciudadano en el sector público";

fn batch_cmd(dir: &Path, roster: &Path, out: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("sello"));
    cmd.env("SELLO_PASSPHRASE", PASS)
        .env("LANG", "es_MX.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["issue", "--dir"])
        .arg(dir)
        .arg("--batch")
        .arg(roster)
        .arg("--out")
        .arg(out)
        .args(["--code", "EC0105", "--title", TITLE, "--formats", "png"]);
    cmd
}

/// "N emitidos, M ya emitidos antes, K con error (…)" from a batch's standard error.
fn counts(stderr: &str) -> (usize, usize) {
    let line = stderr
        .lines()
        .find(|l| l.contains(" ya emitido"))
        .unwrap_or_else(|| panic!("no summary in {stderr}"));
    let mut parts = line.split(", ");
    let mut number = |what: &str| -> usize {
        let part = parts.next().unwrap_or_default();
        assert!(part.contains(what), "{what} in {line}");
        part.split(' ').next().unwrap().parse().unwrap()
    };
    let issued = number("emitido");
    (issued, number("ya emitido"))
}

fn key_set(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("jwks.json")).unwrap()).unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Four `sello issue --batch` processes at once on one issuer folder: two with the same roster
/// and the same output folder, two with rosters of their own, while the status list has to
/// grow. Before issuing became one transaction per chunk, one of them aborted on a shared
/// status-list entry or row, and the list's size could be written back smaller.
#[test]
fn concurrent_batches_on_one_issuer_folder_all_complete_without_sharing_anything() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    // An issuer that has issued nearly half of the smallest status list already: the ledger
    // is created by a first certificate, then filled with earlier placeholder certificates.
    crate::cli::issue(&dir, &[]);
    let ledger_path = dir.join("ledger.sqlite");
    let half = u64::from(sello_core::status::MIN_ENTRIES / 2);
    let earlier = half - 900;
    rusqlite::Connection::open(&ledger_path)
        .unwrap()
        .execute(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?1) \
             INSERT OR IGNORE INTO certificates (serial, holder, code, title, status_idx, token, \
             token_sha256, kid, issued_at) \
             SELECT 'EARLIER-' || i, 'Anterior', 'EC0105', 'T', i * 2, 'a.b.c', '00', 'k', 1 \
             FROM n",
            [earlier as i64],
        )
        .unwrap();
    let before = Ledger::open(&ledger_path).unwrap().count().unwrap();
    let rows = 600;
    let rosters: Vec<_> = ["a", "b", "c"]
        .iter()
        .map(|group| {
            let mut csv = String::from("nombre,curp\n");
            for i in 0..rows {
                csv.push_str(&format!("Persona {group} {i},PEGR{i:06}HMCRRS09\n"));
            }
            let path = tmp.path().join(format!("{group}.csv"));
            std::fs::write(&path, csv).unwrap();
            path
        })
        .collect();
    let runs = [
        (&rosters[0], "out-a"),
        (&rosters[0], "out-a"),
        (&rosters[1], "out-b"),
        (&rosters[2], "out-c"),
    ];
    let watcher_done = std::sync::atomic::AtomicBool::new(false);
    let (outputs, sizes) = std::thread::scope(|s| {
        let watcher = s.spawn(|| {
            let ledger = Ledger::open(&ledger_path).unwrap();
            let mut sizes = vec![ledger.status_size().unwrap()];
            while !watcher_done.load(std::sync::atomic::Ordering::Relaxed) {
                sizes.push(ledger.status_size().unwrap());
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            sizes
        });
        let children: Vec<_> = runs
            .iter()
            .map(|(roster, out)| {
                batch_cmd(&dir, roster, &tmp.path().join(out))
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let outputs: Vec<_> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        watcher_done.store(true, std::sync::atomic::Ordering::Relaxed);
        (outputs, watcher.join().unwrap())
    });
    let mut per_run = Vec::new();
    for out in &outputs {
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{err}");
        per_run.push(counts(&err));
    }
    // The shared roster: each row issued by exactly one of the two, found by the other.
    assert_eq!(per_run[0].0 + per_run[1].0, rows, "{per_run:?}");
    assert_eq!(per_run[0].0 + per_run[0].1, rows);
    assert_eq!(per_run[1].0 + per_run[1].1, rows);
    assert_eq!(per_run[2], (rows, 0));
    assert_eq!(per_run[3], (rows, 0));

    assert!(sizes.windows(2).all(|w| w[0] <= w[1]), "the list shrank");
    let ledger = Ledger::open(&ledger_path).unwrap();
    let size = ledger.status_size().unwrap();
    let total = before + 3 * rows as u64;
    assert_eq!(ledger.count().unwrap(), total);
    assert!(
        total * 2 <= u64::from(size),
        "more than half full: {total} of {size}"
    );
    assert!(size > sello_core::status::MIN_ENTRIES, "the list grew");
    let (mut serials, mut indices, mut row_keys) = (HashSet::new(), HashSet::new(), HashSet::new());
    ledger
        .for_each(|e| {
            assert!(
                serials.insert(e.serial.clone()),
                "serial {} twice",
                e.serial
            );
            assert!(indices.insert(e.status_idx), "entry {} twice", e.status_idx);
            assert!(e.status_idx < size, "entry {} beyond {size}", e.status_idx);
            if let Some(k) = &e.row_key {
                assert!(row_keys.insert(k.clone()));
            }
        })
        .unwrap();
    assert_eq!(row_keys.len(), 3 * rows);

    // What was issued verifies, from the images the batches wrote (a sample of each folder).
    publish_status(&dir);
    let mut sample = Vec::new();
    for out in ["out-a", "out-b", "out-c"] {
        let pngs: Vec<_> = std::fs::read_dir(tmp.path().join(out))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "png"))
            .collect();
        assert_eq!(pngs.len(), rows, "{out}");
        sample.extend(pngs.into_iter().step_by(97));
    }
    let out = sello()
        .args(["verify", "--json", "--keys"])
        .arg(dir.join("jwks.json"))
        .arg("--status")
        .arg(&dir)
        .args(&sample)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines = crate::json_lines(&out.stdout);
    assert_eq!(lines.len(), sample.len());
    assert!(lines.iter().all(|l| l["verdict"] == "valid"));
}

/// What an earlier `sello keys rotate` left when it stopped between writing `jwks.json` and
/// `issuer.json`: the new key published, the old one still named active with its window
/// closed. Issuing was blocked, and rotating again left the half-rotated key published and
/// valid. Now the rotation is completed when the folder is opened.
#[test]
fn a_rotation_cut_short_by_an_earlier_version_is_completed_and_leaves_no_orphan_key() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let first = key_set(&dir)["keys"][0]["kid"].as_str().unwrap().to_owned();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    crate::cli::rotate(&dir);
    let second = key_set(&dir)["keys"][1]["kid"].as_str().unwrap().to_owned();
    // The earlier version's issuer.json: no keys, the old key active.
    std::fs::write(
        dir.join("issuer.json"),
        serde_json::to_string_pretty(&serde_json::json!({
            "id": "mx.cecati149",
            "name": "CECATI 149",
            "verify_url": "https://verifica.example.mx/v",
            "active_kid": first,
        }))
        .unwrap(),
    )
    .unwrap();
    let issued = crate::cli::issue(&dir, &[]);
    let out = sello()
        .args(["verify", "--json", "--keys"])
        .arg(&dir)
        .arg("--status")
        .arg(&dir)
        .arg(issued["token"].as_str().unwrap())
        .output()
        .unwrap();
    let line = &crate::json_lines(&out.stdout)[0];
    assert_eq!(line["verdict"], "valid");
    assert_eq!(line["kid"], second.as_str());
    let record: Value =
        serde_json::from_slice(&std::fs::read(dir.join("issuer.json")).unwrap()).unwrap();
    assert_eq!(record["active_kid"], second.as_str());
    assert_eq!(record["keys"].as_array().unwrap().len(), 2, "migrated");

    // Rotating again: only the newest key may sign from now on.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    crate::cli::rotate(&dir);
    let set = key_set(&dir);
    let keys = set["keys"].as_array().unwrap();
    assert_eq!(keys.len(), 3);
    let open: Vec<_> = keys.iter().filter(|k| k.get("exp").is_none()).collect();
    assert_eq!(open.len(), 1, "{set}");
    assert_eq!(open[0]["kid"], keys[2]["kid"]);
}

/// `jwks.json` is derived from `issuer.json`: lost or changed, it is written again from the
/// record the next time the folder is used, and `keys publish --out` replaces its target with
/// a rename (a reader holding the old file keeps a whole old file).
#[cfg(unix)]
#[test]
fn the_published_key_set_is_repaired_from_the_record_and_replaced_atomically() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let good = std::fs::read_to_string(dir.join("jwks.json")).unwrap();
    std::fs::remove_file(dir.join("jwks.json")).unwrap();
    let published = tmp.path().join("publicado.json");
    std::fs::write(&published, "una versión anterior").unwrap();
    let reader = tmp.path().join("lector.json");
    std::fs::hard_link(&published, &reader).unwrap();
    sello()
        .args(["keys", "publish", "--dir"])
        .arg(&dir)
        .arg("--out")
        .arg(&published)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(dir.join("jwks.json")).unwrap(),
        good
    );
    assert_eq!(std::fs::read_to_string(&published).unwrap(), good);
    assert_eq!(
        std::fs::read_to_string(&reader).unwrap(),
        "una versión anterior"
    );
    assert_eq!(mode(&published), 0o644);
    // A key set edited by hand is not what is published: the record is.
    let mut edited: Value = serde_json::from_str(&good).unwrap();
    edited["issuer_name"] = "Otro nombre".into();
    std::fs::write(dir.join("jwks.json"), edited.to_string()).unwrap();
    crate::cli::issue(&dir, &[]);
    assert_eq!(
        std::fs::read_to_string(dir.join("jwks.json")).unwrap(),
        good
    );

    // status publish --out: the same.
    let list = tmp.path().join("estado.jwt");
    std::fs::write(&list, "anterior").unwrap();
    let list_reader = tmp.path().join("estado-lector.jwt");
    std::fs::hard_link(&list, &list_reader).unwrap();
    sello()
        .env("SELLO_PASSPHRASE", PASS)
        .args(["status", "publish", "--dir"])
        .arg(&dir)
        .arg("--out")
        .arg(&list)
        .assert()
        .success();
    assert_eq!(
        std::fs::read(&list).unwrap(),
        std::fs::read(dir.join("status.jwt")).unwrap()
    );
    assert_eq!(std::fs::read_to_string(&list_reader).unwrap(), "anterior");
    assert_eq!(mode(&list), 0o644);
}

/// The first key's window opens when `keygen` creates it, so it cannot sign certificates
/// dated before (a stolen key cannot backdate to 1970).
#[test]
fn keygen_opens_the_first_keys_window_at_its_creation() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    let before = sello_issuer::now();
    keygen(&dir);
    let after = sello_issuer::now();
    let nbf = key_set(&dir)["keys"][0]["nbf"].as_i64().expect("nbf");
    assert!((before..=after).contains(&nbf), "{before} {nbf} {after}");
    let issued = crate::cli::issue(&dir, &[]);
    assert!(issued["claims"]["iat"].as_i64().unwrap() >= nbf);
}

#[test]
fn weak_passphrases_are_refused_with_an_explanation_in_spanish_and_english() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    let keygen_with = |pass: &str, lang: &str| {
        sello()
            .env("SELLO_PASSPHRASE", pass)
            .args(["--lang", lang, "keygen", "--dir"])
            .arg(&dir)
            .args(["--id", "mx.cecati149", "--name", "CECATI 149"])
            .output()
            .unwrap()
    };
    for (pass, es, en) in [
        (
            "        ",
            "está vacía o solo tiene espacios",
            "empty or only white space",
        ),
        (
            "12345678",
            "Es una de las 10 contraseñas más comunes.",
            "This is a top-10 common password.",
        ),
        ("corto", "menos de 8 caracteres", "fewer than 8 characters"),
        ("CECATI 149", "es fácil de adivinar", "easy to guess"),
    ] {
        let out = keygen_with(pass, "es");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(77), "{pass:?}: {err}");
        assert!(err.contains("demasiado débil") && err.contains(es), "{err}");
        assert!(err.contains("cuatro o cinco palabras al azar"), "{err}");
        let out = keygen_with(pass, "en");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(77));
        assert!(err.contains("too weak") && err.contains(en), "{err}");
        assert!(!dir.exists(), "nothing is created with a weak passphrase");
    }
    // Rotation encrypts a new key: a new passphrase is checked too, and then used.
    keygen(&dir);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let rotate = |new: &str| {
        sello()
            .env("SELLO_PASSPHRASE", PASS)
            .env("SELLO_NEW_PASSPHRASE", new)
            .args(["keys", "rotate", "--new-passphrase", "--dir"])
            .arg(&dir)
            .output()
            .unwrap()
    };
    let out = rotate("password1");
    assert_eq!(out.status.code(), Some(77));
    assert!(String::from_utf8_lossy(&out.stderr).contains("demasiado débil"));
    assert_eq!(key_set(&dir)["keys"].as_array().unwrap().len(), 1);
    let new_pass = "otra frase larga para la llave nueva";
    assert_eq!(rotate(new_pass).status.code(), Some(0));
    sello()
        .env("SELLO_PASSPHRASE", new_pass)
        .args(["issue", "--dir"])
        .arg(&dir)
        .args(["--holder", "Ana", "--code", "EC0105", "--title", TITLE])
        .assert()
        .success();
}

/// Roster values a spreadsheet would run as formulas are signed as they are, and written to
/// `summary.csv` with a leading `'`; `summary.csv` and every output file are owner-only.
#[test]
fn formula_like_roster_values_are_neutralised_in_summary_csv_but_signed_as_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let hostile = [
        "=HYPERLINK(\"https://evil.example/x\",\"Ver certificado\")",
        "+52 55 1234 5678",
        "-1+2",
        "@SUM(A1:A9)",
    ];
    let mut csv = String::from("nombre,folio\n");
    for (i, name) in hostile.iter().enumerate() {
        csv.push_str(&format!("\"{}\",-F{i}\n", name.replace('"', "\"\"")));
    }
    let roster = tmp.path().join("grupo.csv");
    std::fs::write(&roster, csv).unwrap();
    let out_dir = tmp.path().join("out");
    let out = batch_cmd(&dir, &roster, &out_dir).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = std::fs::read(out_dir.join("summary.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(summary.as_slice());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), hostile.len());
    for (i, (record, name)) in records.iter().zip(hostile).enumerate() {
        assert_eq!(&record[3], format!("'{name}"), "holder");
        assert_eq!(&record[2], format!("'-F{i}"), "serial");
        for cell in record.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
        // The certificate and the ledger hold the real value.
        let shown = sello()
            .args(["ledger", "show", "--dir"])
            .arg(&dir)
            .arg("--")
            .arg(format!("-F{i}"))
            .output()
            .unwrap();
        let entry: Value = serde_json::from_slice(&shown.stdout).unwrap();
        assert_eq!(entry["holder"], name);
        let claims = sello_core::token::decode(&record[6]).unwrap().claims;
        assert_eq!(claims.cert.holder.name, name);
    }
    #[cfg(unix)]
    {
        assert_eq!(mode(&out_dir.join("summary.csv")), 0o600);
        for entry in std::fs::read_dir(&out_dir).unwrap() {
            let path = entry.unwrap().path();
            assert_eq!(mode(&path), 0o600, "{}", path.display());
        }
    }
}

/// Every file that holds personal data is owner-only (the ledger and its journal, QR codes,
/// printable certificates); the published ones are readable by all.
#[cfg(unix)]
#[test]
fn files_with_personal_data_are_owner_only() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let png = tmp.path().join("qr.png");
    let pdf = tmp.path().join("certificado.pdf");
    crate::cli::issue(
        &dir,
        &[
            "--qr",
            png.to_str().unwrap(),
            "--certificate",
            pdf.to_str().unwrap(),
        ],
    );
    for private in [&png, &pdf, &dir.join("ledger.sqlite")] {
        assert_eq!(mode(private), 0o600, "{}", private.display());
    }
    // SQLite removes its journal files when the last connection closes; while one is open
    // they exist, with the ledger's own mode.
    let _open = Ledger::open(&dir.join("ledger.sqlite")).unwrap();
    for journal in ["ledger.sqlite-wal", "ledger.sqlite-shm"] {
        assert_eq!(mode(&dir.join(journal)), 0o600, "{journal}");
    }
    for public in ["issuer.json", "jwks.json", "status.jwt"] {
        assert_eq!(mode(&dir.join(public)), 0o644, "{public}");
    }
}

/// Excel saves CSV with CRLF line ends; errors name the line a person sees in an editor, with
/// CRLF and with a quoted cell that spans lines.
#[test]
fn crlf_rosters_report_the_right_line_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let roster = tmp.path().join("excel.csv");
    // Luis's note spans lines 4 and 5 (and is refused: signed text has no line breaks).
    let csv = "nombre,curp,attr.notas\r\n\
               Ana López,LOAN850312MDFRPD09,\r\n\
               ,SIN NOMBRE,\r\n\
               Luis Pérez,PELU760302HMCRMS00,\"una nota\r\nen dos líneas\"\r\n\
               ,OTRO SIN NOMBRE,\r\n\
               Eva Ruiz,RUEV800101MDFRPD01,sobra,\r\n";
    std::fs::write(&roster, csv).unwrap();
    let out = batch_cmd(&dir, &roster, &tmp.path().join("out"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("línea")).collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(lines[0].contains("línea 3:"), "{err}");
    assert!(lines[1].contains("línea 4:"), "{err}");
    assert!(lines[2].contains("línea 6:"), "{err}");
    // A row with a field too many is reported on its line, not dropped.
    assert!(lines[3].contains("línea 7:"), "{err}");
    assert!(lines[3].contains("4 campos y el encabezado 3"), "{err}");
}

/// What stops a whole roster stops it before anything is signed or written: Excel's plain
/// "CSV" (Windows-1252), an unknown column, and a batch without a standard code, each said
/// once, with what to do, and no summary.csv.
#[test]
fn rosters_sello_cannot_read_as_meant_stop_before_anything_is_issued() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let cases: [(&str, &[u8], bool, &[&str]); 3] = [
        (
            "excel.csv",
            b"nombre,curp\r\nAna,X\r\nJos\xe9 Pe\xf1a,Y\r\n",
            true,
            &["línea 3", "«José Peña,Y»", "CSV UTF-8"],
        ),
        (
            "departamento.csv",
            "nombre,Departamento\r\nAna,DIF\r\n".as_bytes(),
            true,
            &["«Departamento»", "attr.departamento"],
        ),
        (
            "sin-codigo.csv",
            "nombre,curp\nAna,X\nLuis,Y\nEva,Z\n".as_bytes(),
            false,
            &["--code"],
        ),
    ];
    for (name, bytes, with_code, expected) in cases {
        let roster = tmp.path().join(name);
        std::fs::write(&roster, bytes).unwrap();
        let out_dir = tmp.path().join(format!("out-{name}"));
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("sello"));
        cmd.env("SELLO_PASSPHRASE", PASS)
            .env("LANG", "es_MX.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args(["issue", "--dir"])
            .arg(&dir)
            .arg("--batch")
            .arg(&roster)
            .arg("--out")
            .arg(&out_dir)
            .args(["--title", TITLE, "--formats", "png"]);
        if with_code {
            cmd.args(["--code", "EC0105"]);
        }
        let out = cmd.output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        // The whole roster refused (not 1, "some rows failed", nor 0).
        assert!(
            !matches!(out.status.code(), Some(0 | 1) | None),
            "{name}: {:?} {err}",
            out.status.code()
        );
        // One message, not one per row.
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        for e in expected {
            assert!(err.contains(e), "{name}: {e:?} not in {err}");
        }
        assert!(!out_dir.join("summary.csv").exists(), "{name}");
        let ledger = std::process::Command::new(assert_cmd::cargo::cargo_bin("sello"))
            .args(["ledger", "list", "--dir"])
            .arg(&dir)
            .output()
            .unwrap();
        assert!(
            !String::from_utf8_lossy(&ledger.stdout).contains("Ana"),
            "{name}: nothing was issued"
        );
    }
}
