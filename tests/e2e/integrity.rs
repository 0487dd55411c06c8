//! Issuer-side integrity through the CLI, as an agency meets it: Excel's line endings.

use crate::cli::{PASS, keygen};
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
