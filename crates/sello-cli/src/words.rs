//! A test that fails when a word meant for people is written in the code instead of the
//! catalogues (`i18n/es.ftl`, `i18n/en.ftl`).
//!
//! It reads every source file of this crate and looks at the format string of each macro that
//! writes or formats text (`println!`, `eprintln!`, `print!`, `eprint!`, `write!`, `writeln!`,
//! `format!`, `format_args!`, `panic!`) and at string literals handed to `Failure`: once its
//! placeholders (`{}`, `{name:<16}`) and file extensions (`.png`) are taken out, no letter may
//! be left, except the program's name `sello`. Calls of `Lang::pick`, the old two-language
//! helper, are refused outright. `#[cfg(test)]` modules are not looked at.

use std::path::{Path, PathBuf};

/// Format strings with letters that are not words for people: message ids, addresses and
/// file names.
const NOT_WORDS: &[&str] = &[
    "about-{path}",
    "{kind}-{path}-{id}",
    "{kind}-{id}",
    "{path}-{name}",
    "http://{addr}/",
    "http://localhost:8080/#{forged}",
    "ALTERADO-{}.png",
    "{serial}-certificado.svg",
    "demo-{}-{}",
    "roots/{}.json",
];

const MACROS: &[&str] = &[
    "println!(",
    "eprintln!(",
    "print!(",
    "eprint!(",
    "write!(",
    "writeln!(",
    "format!(",
    "format_args!(",
    "panic!(",
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without its `#[cfg(test)]` modules and comments.
fn code_of(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let inline_tests = line.trim_start().starts_with("#[cfg(test)]")
            && lines
                .peek()
                .is_some_and(|next| next.trim_end().ends_with('{'));
        if inline_tests {
            // Test modules close the file.
            break;
        }
        if !line.trim_start().starts_with("//") {
            out.push_str(line);
        }
        // Line numbers stay those of the file.
        out.push('\n');
    }
    out
}

/// The string literal starting at `s` (just after its opening quote): its text, unescaped only
/// as far as this check needs.
fn literal(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
                out.push(' ');
            }
            '"' => return Some(out),
            c => out.push(c),
        }
    }
    None
}

/// What is left of a format string once its placeholders, file extensions and the program's
/// name are taken out.
fn words_in(format: &str) -> String {
    // Placeholders, `{…}`, and the `{{…}}` of templates written for other formatters.
    let mut out = String::new();
    let mut depth = 0;
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' => {
                depth += 1;
                if chars.peek() == Some(&'{') {
                    chars.next();
                }
            }
            '}' if depth > 0 => {
                depth -= 1;
                if chars.peek() == Some(&'}') {
                    chars.next();
                }
            }
            _ if depth > 0 => {}
            c => out.push(c),
        }
    }
    let out = out.replace("sello", " ");
    out.split(|c: char| c.is_whitespace())
        .flat_map(|w| {
            // "{serial}.png": the extension after a placeholder.
            match w.find('.') {
                Some(dot) if w[dot + 1..].chars().all(|c| c.is_ascii_alphanumeric()) => &w[..dot],
                _ => w,
            }
            .chars()
            .collect::<Vec<_>>()
        })
        .filter(|c| c.is_alphabetic())
        .collect()
}

/// Every place in `code` where a person would read a word written in the code.
fn findings(file: &str, code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        if line.contains(".pick(") {
            found.push(format!("{file}:{}: Lang::pick: {}", n + 1, line.trim()));
        }
    }
    let starts = MACROS
        .iter()
        .flat_map(|m| code.match_indices(m).map(|(i, m)| i + m.len()))
        .chain(
            code.match_indices("Failure::")
                .filter_map(|(i, _)| code[i..].find('(').map(|p| i + p + 1))
                .filter(|&i| code[i..].trim_start().starts_with('"')),
        );
    for start in starts {
        // The first argument, when it is a string literal (a macro may also start with a
        // writer, `write!(f, "…")`).
        let rest = &code[start..];
        let rest = match rest.trim_start().strip_prefix('"') {
            Some(r) => r,
            None => match rest.split_once(',') {
                Some((writer, after)) if !writer.contains('"') && !writer.contains('(') => {
                    match after.trim_start().strip_prefix('"') {
                        Some(r) => r,
                        None => continue,
                    }
                }
                _ => continue,
            },
        };
        if let Some(text) = literal(rest).filter(|t| !NOT_WORDS.contains(&t.as_str())) {
            let left = words_in(&text);
            if !left.is_empty() {
                let line = code[..start].lines().count();
                found.push(format!("{file}:{line}: {text:?} (words: {left:?})"));
            }
        }
    }
    found
}

#[test]
fn no_words_outside_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    assert!(files.len() > 10, "{files:?}");
    let mut found = Vec::new();
    for file in files {
        let name = file.strip_prefix(&root).unwrap().display().to_string();
        if name == "words.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        found.extend(findings(&name, &code_of(&text)));
    }
    assert!(
        found.is_empty(),
        "words for people outside the catalogues:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_words_and_lets_placeholders_and_file_names_be() {
    let flagged = |code: &str| !findings("x.rs", &code_of(code)).is_empty();
    assert!(flagged(r#"println!("Emitidos: {n}");"#));
    assert!(flagged(r#"eprintln!("{}: line {}", a, b);"#));
    assert!(flagged(r#"write!(f, "not found: {x}")"#));
    assert!(flagged(r#"let m = format!("{path}: no QR code");"#));
    assert!(flagged(r#"Err(Failure::usage("the folder exists"))"#));
    // Written in two pieces, so that this test's own input is not a call site in the source.
    assert!(flagged(&["lang.", r#"pick("sí", "yes")"#].concat()));
    assert!(!flagged(r#"println!("{}", tr!("keygen-done"));"#));
    assert!(!flagged(
        r#"eprintln!("sello: {}: {e}", tr!("error-prefix"));"#
    ));
    assert!(!flagged(
        r#"format!("  {:<16} {value}\n", format!("{label}:"))"#
    ));
    assert!(!flagged(r#"format!("{serial}.png")"#));
    assert!(!flagged(r#"format!("{{spinner}} {{bar:40}} {unit}")"#));
    assert!(!flagged(r#"write!(w, "{:.0}", state.per_sec())"#));
    assert!(!flagged(
        "#[cfg(test)]\nmod tests {\n    fn f() { println!(\"hola\"); }\n}"
    ));
}
