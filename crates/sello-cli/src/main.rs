//! `sello`: issue certificates into QR codes and verify them.
//!
//! This file only parses the command line (`cli`), sets the language and dispatches to one
//! module per command (`cmd::*`); what the commands share is in `shared`, and why they fail,
//! with the exit statuses, in `failure`.

/// `println!` for the whole binary, defined before the modules so that they use it too: a
/// closed pipe (`sello verify … | head`) ends the program quietly instead of panicking.
macro_rules! println {
    ($($arg:tt)*) => {
        $crate::shared::stdout_line(format_args!($($arg)*))
    };
}

mod cli;
mod cmd;
mod failure;
mod report;
mod shared;
mod text;

use clap::Parser as _;
use cli::{Cli, Command, LangArg};
use sello_core::Lang;
use sello_core::untrusted::Escaped;
use std::process::ExitCode;

fn env_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .map_or(Lang::Es, |v| Lang::from_locale(&v))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        Some(LangArg::Es) => Lang::Es,
        Some(LangArg::En) => Lang::En,
        None => env_lang(),
    };
    // Every message people read, library errors included, in that language.
    sello_core::i18n::set_language(lang);
    let result = match cli.command {
        Command::Keygen(args) => cmd::keygen::run(args, lang),
        Command::Issue(args) => cmd::issue::run(*args, lang),
        Command::Verify(args) => cmd::verify::run(args, lang),
        Command::Scan(args) => cmd::scan::run(args, lang),
        Command::Demo(args) => cmd::demo::run(&args.out, lang),
        Command::Ledger(command) => cmd::ledger::run(command, lang),
        Command::Revoke(args) => cmd::revoke::run(args, lang),
        Command::Status(command) => cmd::status::run(command, lang),
        Command::Keys(command) => cmd::keys::run(command, lang),
        Command::Serve(args) => cmd::serve::run(args, lang),
        Command::Site(command) => cmd::site::run(command, lang),
    };
    match result {
        Ok(status) => ExitCode::from(status),
        Err(failure) => {
            // The message may quote file names and other untrusted text: escaped, always.
            eprintln!(
                "sello: {}: {}",
                text::error_prefix(lang),
                Escaped(failure.message())
            );
            ExitCode::from(failure.status())
        }
    }
}
