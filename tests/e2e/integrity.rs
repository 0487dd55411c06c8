//! Issuer-side integrity through the CLI, as an agency meets it: roster values a spreadsheet
//! would run, Excel's line endings, and who may read the files Sello writes.

use crate::cli::{PASS, keygen, sello};
use sello_issuer::ledger::Ledger;
use serde_json::Value;
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

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
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
    let csv = "nombre,curp,notas\r\n\
               Ana López,LOAN850312MDFRPD09,\r\n\
               ,SIN NOMBRE,\r\n\
               Luis Pérez,PELU760302HMCRMS00,\"una nota\r\nen dos líneas\"\r\n\
               ,OTRO SIN NOMBRE,\r\n";
    std::fs::write(&roster, csv).unwrap();
    let out = batch_cmd(&dir, &roster, &tmp.path().join("out"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("línea")).collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].contains("línea 3:"), "{err}");
    assert!(lines[1].contains("línea 6:"), "{err}");
}
