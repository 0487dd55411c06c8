//! `sello scan`: the text of every QR code in images.

use crate::cli::ScanArgs;
use crate::failure::Failure;
use crate::i18n::escaped;
use sello_core::untrusted::Escaped;

pub fn run(args: ScanArgs) -> Result<u8, Failure> {
    let mut status = 0;
    for arg in &args.images {
        let found = sello_verifier::read_arg(arg, std::io::stdin().lock())
            .and_then(|source| sello_verifier::qr_texts(&source, arg));
        match found {
            Ok(texts) if texts.is_empty() => {
                eprintln!("{}", tr!("scan-no-qr", input = escaped(arg)));
                status = 2;
            }
            Ok(texts) => {
                for t in texts {
                    if args.json {
                        println!("{}", serde_json::json!({"input": arg, "text": t}));
                    } else if args.images.len() > 1 {
                        println!("{}: {}", Escaped(arg), Escaped(&t));
                    } else {
                        println!("{}", Escaped(&t));
                    }
                }
            }
            Err(e) => {
                eprintln!("sello: {}: {e}", tr!("error-prefix"));
                status = 2;
            }
        }
    }
    Ok(status)
}
