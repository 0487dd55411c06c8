//! `sello`: issue certificates into QR codes and verify them.
//!
//! This file only finds the language, parses the command line (`cli`, in the person's words by
//! `usage`) and dispatches to one module per command (`cmd::*`); what the commands share is in
//! `shared`, and why they fail, with the exit statuses, in `failure`. Every word shown comes
//! from the catalogues (`i18n`).

/// `println!` for the whole binary, defined before the modules so that they use it too: a
/// closed pipe (`sello verify … | head`) ends the program quietly instead of panicking.
macro_rules! println {
    ($($arg:tt)*) => {
        $crate::shared::stdout_line(format_args!($($arg)*))
    };
}

#[macro_use]
mod i18n;
mod cli;
mod cmd;
mod failure;
mod fetch;
mod report;
mod shared;
mod usage;

#[cfg(test)]
mod words;

use cli::Command;
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
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language first, so that help and mistakes in the command line are in it too. Every
    // message people read, library errors included, is in that language.
    sello_core::i18n::set_language(usage::lang_in_args(&args).unwrap_or_else(env_lang));
    let cli = match usage::parse(args) {
        usage::Parsed::Run(cli) => cli,
        usage::Parsed::Exit {
            text,
            stdout,
            status,
        } => {
            if stdout {
                println!("{}", text.trim_end_matches('\n'));
            } else {
                eprint!("{text}");
            }
            return ExitCode::from(status);
        }
    };
    let result = match cli.command {
        Command::Keygen(args) => cmd::keygen::run(args),
        Command::Issue(args) => cmd::issue::run(*args),
        Command::Verify(args) => cmd::verify::run(args),
        Command::Scan(args) => cmd::scan::run(args),
        Command::Demo(args) => cmd::demo::run(&args.out),
        Command::Ledger(command) => cmd::ledger::run(command),
        Command::Revoke(args) => cmd::revoke::run(args),
        Command::Status(command) => cmd::status::run(command),
        Command::Keys(command) => cmd::keys::run(command),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Site(command) => cmd::site::run(command),
        Command::Reissue(args) => cmd::reissue::run(*args),
        Command::Federation(command) => cmd::federation::run(command),
        Command::Trust(command) => cmd::trust::run(command),
    };
    match result {
        Ok(status) => ExitCode::from(status),
        Err(failure) => {
            // The message may quote file names and other untrusted text: escaped, always.
            eprintln!(
                "sello: {}: {}",
                tr!("error-prefix"),
                Escaped(failure.message())
            );
            ExitCode::from(failure.status())
        }
    }
}
