//! The command line in the person's language: clap's help (about texts, argument help,
//! headings, value names, usage) and clap's errors, all from the catalogue. The language is
//! known before parsing (`--lang` in the arguments, or the locale), so that `--help` and a
//! mistyped option are answered in it.

use crate::cli::Cli;
use crate::i18n::{CATALOG, escaped, tr};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory as _, FromArgMatches as _};
use sello_core::Lang;
use std::ffi::OsString;

/// The language asked for with `--lang es|en` (or `--lang=…`) anywhere in `args`, if any.
pub fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut found = None;
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => iter.next().map(|v| v.into_owned()),
            Some(rest) if rest.starts_with('=') => Some(rest[1..].to_owned()),
            _ => continue,
        };
        match value.as_deref() {
            Some("es") => found = Some(Lang::Es),
            Some("en") => found = Some(Lang::En),
            _ => {}
        }
    }
    found
}

/// `sello help [COMMAND…]` is `sello [COMMAND…] --help`.
pub fn help_word(mut args: Vec<OsString>) -> Vec<OsString> {
    let mut i = 1;
    while i < args.len() {
        let arg = args[i].to_string_lossy();
        if arg == "--lang" {
            i += 2;
        } else if arg.starts_with('-') {
            i += 1;
        } else {
            if arg == "help" {
                args.remove(i);
                args.push(OsString::from("--help"));
            }
            break;
        }
    }
    args
}

/// The message `id` if the catalogue has it.
fn lookup(id: &str) -> Option<String> {
    CATALOG.has(id).then(|| tr(id, &[]))
}

/// The message for an argument: `<kind>-<command path>-<id>`, else `<kind>-<id>`.
fn arg_message(kind: &str, path: &str, id: &str) -> Option<String> {
    lookup(&format!("{kind}-{path}-{id}")).or_else(|| lookup(&format!("{kind}-{id}")))
}

fn localize_arg(arg: Arg, path: &str) -> Arg {
    let id = arg.get_id().as_str().to_owned();
    let takes_values = arg.get_action().takes_values();
    let mut help = arg_message("help", path, &id).unwrap_or_default();
    let mut notes = Vec::new();
    if takes_values {
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            notes.push(tr!("cli-default", value = defaults.join(",")));
        }
        let possible: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|p| !p.is_hide_set())
            .map(|p| p.get_name().to_owned())
            .collect();
        if !possible.is_empty() {
            notes.push(tr!("cli-possible", values = possible.join(", ")));
        }
    }
    if let Some(var) = arg.get_env() {
        notes.push(tr!("cli-env", var = var.to_string_lossy()));
    }
    if !notes.is_empty() {
        help = format!("{help} [{}]", notes.join("; "));
    }
    let heading = if arg.is_positional() {
        tr!("cli-arguments")
    } else {
        tr!("cli-options")
    };
    let mut arg = arg.help(help).help_heading(heading).hide_env(true);
    if takes_values {
        arg = arg.hide_default_value(true).hide_possible_values(true);
        if let Some(name) = arg_message("value", path, &id) {
            arg = arg.value_name(name);
        }
    }
    arg
}

fn localize(cmd: clap::Command, path: &str) -> clap::Command {
    let about = lookup(&format!("about-{path}")).unwrap_or_default();
    let template = format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}",
        tr!("cli-usage")
    );
    let mut cmd = cmd
        .about(about)
        .help_template(template)
        .subcommand_help_heading(tr!("cli-commands"))
        .subcommand_value_name(tr!("cli-command-name"))
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(tr!("help-help"))
                .help_heading(tr!("cli-options")),
        );
    if path == "sello" {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(tr!("help-version"))
                .help_heading(tr!("cli-options")),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| localize_arg(a, path));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = if path == "sello" {
            name.clone()
        } else {
            format!("{path}-{name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| localize(s, &sub_path));
    }
    cmd
}

/// Every built command's usage line with clap's `[OPTIONS]` in the person's words.
fn localize_usage(cmd: &mut clap::Command) {
    let usage = cmd.render_usage().to_string();
    let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u);
    let usage = usage
        .trim_end()
        .replace("[OPTIONS]", &tr!("cli-options-tag"));
    *cmd = std::mem::replace(cmd, clap::Command::new("sello")).override_usage(usage);
    for sub in cmd.get_subcommands_mut() {
        localize_usage(sub);
    }
}

/// The whole command tree in the language in use.
pub fn command() -> clap::Command {
    let mut cmd = localize(Cli::command(), "sello");
    cmd.build();
    localize_usage(&mut cmd);
    cmd
}

/// What parsing gave: the arguments, or what to print and the exit status.
pub enum Parsed {
    /// Arguments to run.
    Run(Box<Cli>),
    /// Help or version on standard output, or an error on standard error.
    Exit {
        /// The text, ready to print.
        text: String,
        /// Standard output (help, version) or standard error.
        stdout: bool,
        /// The exit status.
        status: u8,
    },
}

/// Parses `args` with the localized tree.
pub fn parse(args: Vec<OsString>) -> Parsed {
    let args = help_word(args);
    let result = command()
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    match result {
        Ok(cli) => Parsed::Run(Box::new(cli)),
        Err(e) => match e.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => Parsed::Exit {
                text: e.render().to_string(),
                stdout: true,
                status: 0,
            },
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => Parsed::Exit {
                text: e.render().to_string(),
                stdout: false,
                status: 2,
            },
            _ => Parsed::Exit {
                text: render_error(&e),
                stdout: false,
                status: 2,
            },
        },
    }
}

fn string(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => escaped(s),
        Some(ContextValue::Strings(v)) => {
            v.iter().map(|s| escaped(s)).collect::<Vec<_>>().join(", ")
        }
        Some(ContextValue::StyledStr(s)) => escaped(&s.to_string()),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![escaped(s)],
        Some(ContextValue::Strings(v)) => v.iter().map(|s| escaped(s)).collect(),
        _ => Vec::new(),
    }
}

/// Why a value was refused, from the value parser's error, in the person's words.
fn why(e: &clap::Error) -> Option<String> {
    let source = std::error::Error::source(e)?;
    if source.downcast_ref::<std::num::ParseIntError>().is_some() {
        return Some(tr!("cli-not-number"));
    }
    if source.downcast_ref::<std::net::AddrParseError>().is_some() {
        return Some(tr!("cli-not-address"));
    }
    // clap's ranged integers: "<value> is not in <min>..=<max>".
    let text = source.to_string();
    let (_, range) = text.split_once(" is not in ")?;
    let (min, max) = range.split_once("..=")?;
    Some(tr!("cli-range", min = min.to_owned(), max = max.to_owned()))
}

/// A clap error in the person's language: the message by kind, clap's suggestions, the
/// usage line and where to read more.
pub fn render_error(e: &clap::Error) -> String {
    let arg = || string(e, ContextKind::InvalidArg);
    let value = || string(e, ContextKind::InvalidValue);
    let mut tips = Vec::new();
    let message = match e.kind() {
        ErrorKind::UnknownArgument => {
            let arg = arg();
            match e.get(ContextKind::SuggestedArg) {
                Some(_) => {
                    tips.push(tr!(
                        "cli-did-you-mean",
                        suggestion = string(e, ContextKind::SuggestedArg)
                    ));
                }
                None if matches!(e.get(ContextKind::Suggested), Some(ContextValue::StyledStrs(s)) if !s.is_empty()) =>
                {
                    tips.push(tr!("cli-trailing", arg = arg.clone()));
                }
                None => {}
            }
            tr!("cli-unknown-argument", arg = arg)
        }
        ErrorKind::InvalidSubcommand => {
            let suggested = strings(e, ContextKind::SuggestedSubcommand);
            match suggested.as_slice() {
                [] => {}
                [one] => tips.push(tr!("cli-did-you-mean", suggestion = one.clone())),
                many => tips.push(tr!("cli-did-you-mean-any", suggestions = many.join(", "))),
            }
            tr!(
                "cli-unknown-command",
                command = string(e, ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue => {
            let valid = strings(e, ContextKind::ValidValue);
            if let Some(suggested) = e.get(ContextKind::SuggestedValue) {
                let _ = suggested;
                tips.push(tr!(
                    "cli-did-you-mean",
                    suggestion = string(e, ContextKind::SuggestedValue)
                ));
            }
            if !valid.is_empty() {
                tips.push(tr!("cli-possible-values", values = valid.join(", ")));
            }
            tr!("cli-invalid-value", value = value(), arg = arg())
        }
        ErrorKind::ValueValidation => match why(e) {
            Some(why) => tr!(
                "cli-invalid-value-why",
                value = value(),
                arg = arg(),
                why = why
            ),
            None => tr!("cli-invalid-value", value = value(), arg = arg()),
        },
        ErrorKind::MissingRequiredArgument => tr!("cli-missing", args = arg()),
        ErrorKind::MissingSubcommand => tr!(
            "cli-missing-command",
            command = string(e, ContextKind::InvalidSubcommand),
            commands = string(e, ContextKind::ValidSubcommand)
        ),
        ErrorKind::ArgumentConflict => {
            let other = string(e, ContextKind::PriorArg);
            let arg = arg();
            if other.is_empty() || other == arg {
                tr!("cli-conflict-self", arg = arg)
            } else {
                tr!("cli-conflict", arg = arg, other = other)
            }
        }
        ErrorKind::NoEquals => tr!("cli-no-equals", arg = arg()),
        ErrorKind::TooManyValues => tr!("cli-too-many-values", value = value(), arg = arg()),
        ErrorKind::TooFewValues => tr!("cli-too-few-values", arg = arg()),
        ErrorKind::WrongNumberOfValues => tr!(
            "cli-wrong-number",
            arg = arg(),
            expected = string(e, ContextKind::ExpectedNumValues),
            actual = string(e, ContextKind::ActualNumValues)
        ),
        ErrorKind::InvalidUtf8 => tr!("cli-not-utf8"),
        other => tr!("cli-other", kind = format!("{other:?}")),
    };
    let mut out = format!("sello: {}: {message}\n", tr!("error-prefix"));
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            out.push_str(&format!("  {tip}\n"));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u);
        out.push_str(&format!("\n{}: {}\n", tr!("cli-usage"), usage.trim_end()));
    }
    out.push_str(&format!("\n{}\n", tr!("cli-more", help = "--help")));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sello_core::i18n::set_language;
    use std::sync::Mutex;

    /// The language is the process's: these tests take turns.
    static TURN: Mutex<()> = Mutex::new(());

    fn in_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
        let _turn = TURN.lock().unwrap_or_else(|e| e.into_inner());
        set_language(lang);
        let out = f();
        set_language(Lang::Es);
        out
    }

    fn run(args: &[&str]) -> (String, u8) {
        let args = std::iter::once("sello")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        match parse(args) {
            Parsed::Run(_) => (String::new(), 0),
            Parsed::Exit { text, status, .. } => (text, status),
        }
    }

    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        if !CATALOG.has(&format!("about-{path}")) {
            missing.push(format!("about-{path}"));
        }
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if arg.is_hide_set() || matches!(id, "help" | "version") {
                continue;
            }
            if arg_message("help", path, id).is_none() {
                missing.push(format!("help-{path}-{id}"));
            }
            if arg.get_action().takes_values() && arg_message("value", path, id).is_none() {
                missing.push(format!("value-{path}-{id}"));
            }
        }
        for sub in cmd.get_subcommands() {
            let sub_path = if path == "sello" {
                sub.get_name().to_owned()
            } else {
                format!("{path}-{}", sub.get_name())
            };
            walk(sub, &sub_path, missing);
        }
    }

    #[test]
    fn every_command_argument_and_value_has_its_words() {
        let mut missing = Vec::new();
        walk(&Cli::command(), "sello", &mut missing);
        assert!(
            missing.is_empty(),
            "missing from the catalogues: {missing:?}"
        );
    }

    #[test]
    fn help_is_in_the_persons_language() {
        let (es, status) = in_lang(Lang::Es, || run(&["verify", "--help"]));
        assert_eq!(status, 0);
        for words in [
            "Uso: sello verify [OPCIONES]",
            "Opciones:",
            "Argumentos:",
            "<ENTRADA>",
            "Muestra la ayuda",
            "variable de entorno: SELLO_KEYS",
            "predeterminado: 60",
        ] {
            assert!(es.contains(words), "{words:?} in {es}");
        }
        for english in ["Usage", "Options", "Print help", "[default", "[env"] {
            assert!(!es.contains(english), "{english:?} in {es}");
        }
        let (en, _) = in_lang(Lang::En, || run(&["--help"]));
        for words in [
            "Usage: sello [OPTIONS] <COMMAND>",
            "Commands:",
            "Print version",
            "signed certificates",
        ] {
            assert!(en.contains(words), "{words:?} in {en}");
        }
        let (es, _) = in_lang(Lang::Es, || run(&["help", "ledger", "list"]));
        assert!(es.contains("Lista los certificados emitidos"), "{es}");
    }

    #[test]
    fn a_mistyped_option_gets_a_did_you_mean_not_a_double_dash_tip() {
        let (es, status) = in_lang(Lang::Es, || run(&["verify", "--key", "k.json", "x"]));
        assert_eq!(status, 2);
        assert!(es.contains("argumento inesperado «--key»"), "{es}");
        assert!(es.contains("¿quiso decir «--keys»?"), "{es}");
        assert!(!es.contains("-- --key"), "{es}");
        let (en, _) = in_lang(Lang::En, || run(&["verifi"]));
        assert!(en.contains("unknown command 'verifi'"), "{en}");
        assert!(en.contains("did you mean 'verify'?"), "{en}");
        let (es, _) = in_lang(Lang::Es, || run(&["issue", "--dir", "d", "--paper", "a5"]));
        assert!(
            es.contains("valor no válido «a5» para «--paper <PAPEL>»"),
            "{es}"
        );
        assert!(es.contains("valores posibles: a4, letter"), "{es}");
        let (es, _) = in_lang(Lang::Es, || run(&["verify", "--jobs", "0", "x"]));
        assert!(es.contains("debe estar entre 1 y 256"), "{es}");
        let (es, _) = in_lang(Lang::Es, || run(&["serve", "--addr", "aquí"]));
        assert!(es.contains("no es una dirección con puerto"), "{es}");
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_in_args(&args(&["sello", "--lang", "en", "x"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_in_args(&args(&["sello", "verify", "--lang=es"])),
            Some(Lang::Es)
        );
        assert_eq!(
            lang_in_args(&args(&["sello", "verify", "--", "--lang", "en"])),
            None
        );
        assert_eq!(lang_in_args(&args(&["sello", "--lang", "fr"])), None);
        assert_eq!(
            help_word(args(&["sello", "--lang", "en", "help", "verify"])),
            args(&["sello", "--lang", "en", "verify", "--help"])
        );
    }
}
