//! Every command's common mistakes and help, in Spanish and in English: no word of the other
//! language gets through (a word-list check over standard output and standard error).

use crate::cli::{PASS, keygen, sello};
use std::path::Path;

/// Words that only English output has (whole words, lower case). Command names and options
/// (`ledger`, `--keys`) are Sello's own names, the same in both languages, and are not here.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "not",
    "found",
    "file",
    "folder",
    "usage",
    "options",
    "arguments",
    "commands",
    "print",
    "wrong",
    "passphrase",
    "issuer",
    "invalid",
    "unexpected",
    "required",
    "tip",
    "did",
    "mean",
    "information",
    "line",
    "issued",
    "failed",
    "summary",
    "valid",
    "could",
    "cannot",
    "directory",
    "permission",
    "denied",
    "value",
    "expects",
    "must",
    "already",
    "such",
    "unknown",
    "found",
    "given",
    "try",
    "more",
    "with",
    "without",
    "need",
    "needs",
    "default",
    "possible",
    "values",
    "trusted",
    "holder",
    "serial",
    "standard",
    "certificate",
];

/// Words that only Spanish output has.
const SPANISH: &[&str] = &[
    "el",
    "la",
    "los",
    "las",
    "de",
    "del",
    "que",
    "archivo",
    "carpeta",
    "uso",
    "opciones",
    "argumentos",
    "órdenes",
    "frase",
    "contraseña",
    "emisor",
    "válido",
    "inesperado",
    "sugerencia",
    "quiso",
    "decir",
    "información",
    "línea",
    "emitidos",
    "resumen",
    "llave",
    "llaves",
    "valor",
    "valores",
    "debe",
    "existe",
    "desconocida",
    "faltan",
    "pruebe",
    "para",
    "más",
    "con",
    "sin",
    "predeterminado",
    "posibles",
    "confianza",
    "titular",
    "certificado",
    "muestra",
];

fn words(text: &str) -> Vec<String> {
    // Options (`--keys`), environment variables (`SELLO_PASSPHRASE`), paths and file names are
    // names, not words.
    text.split_whitespace()
        .filter(|w| !w.contains('/') && !w.contains('.') && !w.contains('_'))
        .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.starts_with('-'))
        .flat_map(|w| {
            w.split(|c: char| !c.is_alphabetic())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The runs of the sweep: each command's help, mistakes and failures.
fn sweep(tmp: &Path, lang: &str) -> Vec<(String, String)> {
    let dir = tmp.join(format!("issuer-{lang}"));
    keygen(&dir);
    let roster = tmp.join("mala.csv");
    std::fs::write(&roster, "color,sabor\nrojo,fresa\n").unwrap();
    let missing = tmp.join("no-existe.png");
    let d = dir.to_str().unwrap().to_owned();
    let m = missing.to_str().unwrap().to_owned();
    let r = roster.to_str().unwrap().to_owned();
    let out = tmp.join(format!("out-{lang}")).to_str().unwrap().to_owned();
    let full = tmp.join(format!("lleno-{lang}"));
    std::fs::create_dir_all(&full).unwrap();
    std::fs::write(full.join("notas.txt"), "mías").unwrap();
    let full = full.to_str().unwrap().to_owned();
    let jwks = format!("{d}/jwks.json");
    let runs: Vec<Vec<String>> = vec![
        vec![
            "site".into(),
            "export".into(),
            "--keys".into(),
            jwks.clone(),
            "--out".into(),
            full,
        ],
        vec![
            "keygen".into(),
            "--dir".into(),
            d.clone(),
            "--id".into(),
            "mx.x".into(),
            "--name".into(),
            "X".into(),
            "--time-zone".into(),
            "Mars/Olympus".into(),
        ],
        vec!["--help".into()],
        vec!["verify".into(), "--help".into()],
        vec!["issue".into(), "--help".into()],
        vec!["ledger".into(), "--help".into()],
        vec!["ledger".into(), "list".into(), "--help".into()],
        vec!["keys".into(), "rotate".into(), "--help".into()],
        vec!["serve".into(), "--help".into()],
        vec!["site".into(), "export".into(), "--help".into()],
        vec!["help".into(), "scan".into()],
        vec!["nada".into()],
        vec!["verifi".into()],
        vec!["ledger".into()],
        vec!["verify".into()],
        vec!["verify".into(), "--key".into(), "k.json".into(), "x".into()],
        vec!["verify".into(), "--keys".into(), m.clone(), "x".into()],
        vec![
            "verify".into(),
            "--keys".into(),
            d.clone() + "/jwks.json",
            m.clone(),
        ],
        vec!["verify".into(), "x".into()],
        vec![
            "verify".into(),
            "--jobs".into(),
            "0".into(),
            "--keys".into(),
            "k".into(),
            "x".into(),
        ],
        vec![
            "issue".into(),
            "--dir".into(),
            d.clone(),
            "--paper".into(),
            "a5".into(),
        ],
        vec![
            "issue".into(),
            "--dir".into(),
            d.clone(),
            "--holder".into(),
            "X".into(),
        ],
        vec!["scan".into(), m.clone()],
        vec![
            "keygen".into(),
            "--dir".into(),
            d.clone(),
            "--id".into(),
            "x".into(),
            "--name".into(),
            "X".into(),
        ],
        vec!["ledger".into(), "list".into(), "--dir".into(), m.clone()],
        vec![
            "ledger".into(),
            "show".into(),
            "--dir".into(),
            d.clone(),
            "NO-EXISTE".into(),
        ],
        vec![
            "revoke".into(),
            "--dir".into(),
            d.clone(),
            "NO-EXISTE".into(),
            "--reason".into(),
            "x".into(),
        ],
        vec![
            "keys".into(),
            "revoke".into(),
            "--dir".into(),
            d.clone(),
            "k".into(),
            "--at".into(),
            "ayer".into(),
        ],
        vec![
            "serve".into(),
            "--addr".into(),
            "aqui".into(),
            "--keys".into(),
            d.clone(),
        ],
        vec!["demo".into(), "--out".into(), d.clone()],
        // Several stations, one ledger: help and a mistake of each new command.
        vec!["reissue".into(), "--help".into()],
        vec!["ledger".into(), "migrate".into(), "--help".into()],
        vec!["keys".into(), "set-ledger".into(), "--help".into()],
        vec!["keys".into(), "add-station".into(), "--help".into()],
        vec![
            "reissue".into(),
            "--dir".into(),
            d.clone(),
            "--out".into(),
            out.clone(),
        ],
        vec![
            "ledger".into(),
            "migrate".into(),
            "--from".into(),
            m.clone() + ".sqlite",
            "--to".into(),
            "x.sqlite".into(),
        ],
        vec![
            "ledger".into(),
            "migrate".into(),
            "--from".into(),
            "a.sqlite".into(),
            "--to".into(),
            "a.sqlite".into(),
        ],
        vec![
            "keys".into(),
            "set-ledger".into(),
            "--dir".into(),
            m.clone(),
            "x.sqlite".into(),
        ],
        vec![
            "keys".into(),
            "add-station".into(),
            "--dir".into(),
            d.clone(),
        ],
        // The federation: each command's help and one mistake each.
        vec!["federation".into(), "--help".into()],
        vec!["federation".into(), "init".into(), "--help".into()],
        vec!["federation".into(), "accredit".into(), "--help".into()],
        vec!["federation".into(), "suspend".into(), "--help".into()],
        vec!["federation".into(), "publish".into(), "--help".into()],
        vec!["federation".into(), "rotate-root".into(), "--help".into()],
        vec![
            "federation".into(),
            "rotate-root".into(),
            "keygen".into(),
            "--help".into(),
        ],
        vec![
            "federation".into(),
            "rotate-root".into(),
            "prepare".into(),
            "--help".into(),
        ],
        vec![
            "federation".into(),
            "rotate-root".into(),
            "sign".into(),
            "--help".into(),
        ],
        vec![
            "federation".into(),
            "rotate-root".into(),
            "combine".into(),
            "--help".into(),
        ],
        vec![
            "federation".into(),
            "init".into(),
            "--dir".into(),
            m.clone(),
            "--id".into(),
            "mx.conocer".into(),
            "--name".into(),
            "CONOCER".into(),
            "--threshold".into(),
            "0".into(),
        ],
        vec![
            "federation".into(),
            "accredit".into(),
            "--dir".into(),
            m.clone(),
            "--keys".into(),
            d.clone() + "/jwks.json",
            "--standards".into(),
            "EC0105".into(),
            "--from".into(),
            "2026-01-01".into(),
        ],
        vec![
            "federation".into(),
            "suspend".into(),
            "--dir".into(),
            m.clone(),
            "--issuer".into(),
            "mx.cecati149".into(),
            "--from".into(),
            "ayer".into(),
            "--reason".into(),
            "x".into(),
        ],
        vec![
            "federation".into(),
            "publish".into(),
            "--dir".into(),
            m.clone(),
            "--out".into(),
            m.clone(),
        ],
        vec![
            "federation".into(),
            "rotate-root".into(),
            "prepare".into(),
            "--dir".into(),
            d.clone(),
        ],
        vec![
            "federation".into(),
            "rotate-root".into(),
            "sign".into(),
            d.clone() + "/jwks.json",
            "--key".into(),
            m.clone(),
        ],
        vec![
            "federation".into(),
            "rotate-root".into(),
            "combine".into(),
            "--dir".into(),
            m.clone(),
        ],
        vec![
            "verify".into(),
            "--trust".into(),
            m.clone(),
            "--bundle".into(),
            m.clone(),
            "x".into(),
        ],
        vec![
            "verify".into(),
            "--trust".into(),
            m.clone(),
            "--bundle".into(),
            m.clone(),
            "--max-bundle-age".into(),
            "7w".into(),
            "x".into(),
        ],
        vec!["verify".into(), "--bundle".into(), m.clone(), "x".into()],
        vec![
            "verify".into(),
            "--trust".into(),
            m.clone(),
            "--bundle".into(),
            "http://example.invalid/trust.jwt".into(),
            "x".into(),
        ],
        vec![
            "verify".into(),
            "--federation".into(),
            "mx.nada".into(),
            "x".into(),
        ],
        vec!["trust".into(), "--help".into()],
        vec!["trust".into(), "add".into(), "--help".into()],
        vec!["trust".into(), "remove".into(), "--help".into()],
        vec!["trust".into(), "add".into()],
        vec!["trust".into(), "list".into()],
        vec!["trust".into(), "remove".into(), "mx.nada".into()],
        vec![
            "trust".into(),
            "add".into(),
            "https://127.0.0.1:1/trust.jwt".into(),
            "--root-fingerprint".into(),
            "abc".into(),
        ],
        vec![
            "trust".into(),
            "add".into(),
            "https://127.0.0.1:1/trust.jwt".into(),
            "--root-fingerprint".into(),
            "ab".repeat(32),
        ],
        vec![
            "trust".into(),
            "add".into(),
            "https://127.0.0.1:1/trust.jwt".into(),
            "--root-fingerprint".into(),
            "ab".repeat(32),
            "--ca-file".into(),
            m.clone(),
        ],
    ];
    let mut results = Vec::new();
    // The configuration, cache and state folders of the runs are the sweep's own.
    let xdg = tmp.join(format!("xdg-{lang}"));
    for args in runs {
        let o = sello()
            .args(["--lang", lang])
            .args(&args)
            .env("XDG_CONFIG_HOME", &xdg)
            .env("XDG_CACHE_HOME", &xdg)
            .env("XDG_STATE_HOME", &xdg)
            .output()
            .unwrap();
        results.push((
            args.join(" "),
            format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ),
        ));
    }
    // With the passphrase: a wrong one, then a roster that cannot be used.
    for (pass, args) in [
        ("no es la frase", vec!["status", "publish", "--dir", &d]),
        (
            PASS,
            vec!["issue", "--dir", &d, "--batch", &r, "--out", &out],
        ),
        (
            "corta",
            vec!["keys", "rotate", "--new-passphrase", "--dir", &d],
        ),
    ] {
        let o = sello()
            .env("SELLO_PASSPHRASE", pass)
            .env("SELLO_NEW_PASSPHRASE", "corta")
            .args(["--lang", lang])
            .args(&args)
            .output()
            .unwrap();
        results.push((
            args.join(" "),
            format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ),
        ));
    }
    // Verdicts that are not valid, with their details: a forged signature, an expired
    // certificate, a status list that is not loaded, an issuer nobody trusts.
    let token = crate::cli::issue(&dir, &["--expires", "2030-01-01"])["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let forged = format!("{}AAAA", &token[..token.len() - 4]);
    let jwks = dir.join("jwks.json").to_str().unwrap().to_owned();
    let status = dir.join("status.jwt").to_str().unwrap().to_owned();
    let other = tmp.join(format!("otro-{lang}"));
    keygen(&other);
    let other_jwks = other.join("jwks.json").to_str().unwrap().to_owned();
    for args in [
        vec!["verify", "--keys", &jwks, "--status", &status, &forged],
        vec![
            "verify",
            "--keys",
            &jwks,
            "--status",
            &status,
            "--at",
            "2031-01-01",
            &token,
        ],
        vec!["verify", "--keys", &jwks, &token],
        vec!["verify", "--keys", &other_jwks, &token],
    ] {
        let o = sello().args(["--lang", lang]).args(&args).output().unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            text.contains(if lang == "es" { "Detalle" } else { "Detail" }),
            "{text}"
        );
        // The certificate's own words (its title, its attributes) are the issuer's, in Spanish.
        let text = [
            "Atención al ciudadano en el sector público",
            "Protección Civil",
        ]
        .iter()
        .fold(text, |t, claim| t.replace(claim, ""));
        results.push((args.join(" "), text));
    }
    results
}

fn check(lang: &str, foreign: &[&str]) {
    let tmp = tempfile::tempdir().unwrap();
    let mut found = Vec::new();
    for (args, text) in sweep(tmp.path(), lang) {
        assert!(!text.trim().is_empty(), "{args}: says nothing");
        // What the person typed comes back quoted; it is theirs, not ours.
        let mut text = text.replace(tmp.path().to_str().unwrap(), "");
        for typed in args
            .split(' ')
            .filter(|t| t.len() > 3 && !t.starts_with('-'))
        {
            text = text.replace(typed, "");
        }
        // Quoted names (a column to type, a flag, a file) are identifiers, not prose.
        let text = unquoted(&text);
        for w in words(&text) {
            if foreign.contains(&w.as_str()) {
                found.push(format!("{args}: «{w}»"));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n---\n"));
}

/// `text` without what stands between «», "" or `` (each closing on its line).
fn unquoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut close: Option<char> = None;
    for c in text.chars() {
        match close {
            Some(end) if c == end || c == '\n' => {
                close = None;
                if c == '\n' {
                    out.push(c);
                }
            }
            Some(_) => {}
            None => match c {
                '«' => close = Some('»'),
                '"' => close = Some('"'),
                '`' => close = Some('`'),
                _ => out.push(c),
            },
        }
    }
    out
}

#[test]
fn quoted_names_are_not_prose() {
    assert_eq!(
        unquoted("se llama «nombre» (ni \"holder\")\nuse `--keys` now"),
        "se llama  (ni )\nuse  now"
    );
}

#[test]
fn in_spanish_no_english_gets_through() {
    check("es", ENGLISH);
}

#[test]
fn in_english_no_spanish_gets_through() {
    check("en", SPANISH);
}

/// `summary.csv` is read by the clerk who ran the batch: its header, outcomes and errors are in
/// the language of the run, its columns always in the same order.
#[test]
fn summary_csv_speaks_the_language_of_the_run() {
    let tmp = tempfile::tempdir().unwrap();
    let roster = tmp.path().join("grupo.csv");
    std::fs::write(
        &roster,
        "nombre,vence\nAna Pérez,2031-11-24\nLuis Ávila,24/11/2031\n",
    )
    .unwrap();
    let cases = [
        (
            "es",
            "línea,resultado,folio,titular,archivos,error,token,versión_qr",
            ",emitido,",
            ",con_error,",
            "no es una fecha",
        ),
        (
            "en",
            "line,outcome,serial,holder,files,error,token,qr_version",
            ",issued,",
            ",failed,",
            "is not a date",
        ),
    ];
    for (lang, header, issued, failed, why) in cases {
        // A folder each: the same roster into one ledger would be "already issued" the second time.
        let dir = tmp.path().join(format!("issuer-{lang}"));
        keygen(&dir);
        let out_dir = tmp.path().join(format!("out-{lang}"));
        let out = crate::cli::batch(&dir, &roster, &out_dir)
            .args(["--lang", lang])
            .args([
                "--code",
                "EC0105",
                "--title",
                "Atención",
                "--formats",
                "png",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{lang}: one row fails");
        let summary = std::fs::read_to_string(out_dir.join("summary.csv")).unwrap();
        let lines: Vec<&str> = summary.lines().collect();
        assert_eq!(lines.len(), 3, "{summary}");
        assert_eq!(lines[0], header, "{lang}");
        assert!(lines[1].contains(issued), "{lang}: {}", lines[1]);
        assert!(
            lines[2].contains(failed) && lines[2].contains(why),
            "{lang}: {}",
            lines[2]
        );
    }
}
