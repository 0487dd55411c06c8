//! What a user hands a verifier: a token, a URL, an image file, or standard input; and the
//! tokens found in it.

use crate::scan::{self, ImageError, MAX_IMAGE_BYTES};
use std::io::Read;
use std::path::Path;

/// Largest text input (a token or URL, or a file of one), in bytes.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// An input, read and classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Text: a token or a URL carrying one in its fragment.
    Text(String),
    /// The bytes of an image file.
    Image(Vec<u8>),
}

/// Why an input could not be turned into tokens. These are usage errors (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// Neither a readable file nor something shaped like a token or URL.
    #[error("{0}: no such file, and not a token or URL")]
    NotFound(String),
    /// A file or standard input could not be read.
    #[error("{what}: {source}")]
    Io {
        /// The file, or `-`.
        what: String,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// Over the size cap for its kind.
    #[error("{what}: over the {max}-byte limit")]
    TooLarge {
        /// The file, or `-`.
        what: String,
        /// The cap.
        max: usize,
    },
    /// Neither an image nor UTF-8 text.
    #[error("{0}: neither a PNG/JPEG image nor text")]
    Unrecognised(String),
    /// The image could not be decoded.
    #[error("{what}: {source}")]
    Image {
        /// The file, or `-`.
        what: String,
        /// Why.
        source: ImageError,
    },
    /// The image decoded, but no QR code was found in it.
    #[error("{0}: no QR code found in the image")]
    NoQrCode(String),
}

fn read_capped(reader: impl Read, what: &str) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_IMAGE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| InputError::Io {
            what: what.to_owned(),
            source,
        })?;
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(InputError::TooLarge {
            what: what.to_owned(),
            max: MAX_IMAGE_BYTES,
        });
    }
    Ok(bytes)
}

/// Classifies raw bytes: an image by its signature, else UTF-8 text within the text cap.
pub fn classify(bytes: Vec<u8>, what: &str) -> Result<Source, InputError> {
    if scan::image_format(&bytes).is_some() {
        return Ok(Source::Image(bytes));
    }
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(InputError::TooLarge {
            what: what.to_owned(),
            max: MAX_TEXT_BYTES,
        });
    }
    String::from_utf8(bytes)
        .map(|text| Source::Text(text.trim().to_owned()))
        .map_err(|_| InputError::Unrecognised(what.to_owned()))
}

fn looks_like_token(arg: &str) -> bool {
    let token = sello_core::token::extract(arg);
    token.len() <= sello_core::token::MAX_TOKEN_LEN && token.matches('.').count() >= 2
        || arg.contains("://")
}

/// Reads one command-line argument: `-` is standard input, an existing path is a file, and
/// anything shaped like a token or URL is taken as such.
pub fn read_arg(arg: &str, stdin: impl Read) -> Result<Source, InputError> {
    if arg == "-" {
        return classify(read_capped(stdin, "-")?, "-");
    }
    let path = Path::new(arg);
    if path.is_file() {
        let file = std::fs::File::open(path).map_err(|source| InputError::Io {
            what: arg.to_owned(),
            source,
        })?;
        return classify(read_capped(file, arg)?, arg);
    }
    if looks_like_token(arg) {
        return Ok(Source::Text(arg.trim().to_owned()));
    }
    Err(InputError::NotFound(arg.to_owned()))
}

/// The texts to verify in a source: the text itself, or every QR code in the image.
pub fn texts(source: &Source, what: &str) -> Result<Vec<String>, InputError> {
    match source {
        Source::Text(text) => Ok(vec![text.clone()]),
        Source::Image(bytes) => {
            let found = scan::scan(bytes).map_err(|source| InputError::Image {
                what: what.to_owned(),
                source,
            })?;
            if found.is_empty() {
                Err(InputError::NoQrCode(what.to_owned()))
            } else {
                Ok(found)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_arguments() {
        let tmp = tempfile::tempdir().unwrap();
        let png = tmp.path().join("a.png");
        std::fs::write(&png, b"\x89PNG\r\n\x1a\nrest").unwrap();
        assert!(matches!(
            read_arg(png.to_str().unwrap(), &b""[..]),
            Ok(Source::Image(_))
        ));
        let txt = tmp.path().join("t.txt");
        std::fs::write(&txt, " a.b.c \n").unwrap();
        assert_eq!(
            read_arg(txt.to_str().unwrap(), &b""[..]).unwrap(),
            Source::Text("a.b.c".into())
        );
        assert_eq!(
            read_arg("a.b.c", &b""[..]).unwrap(),
            Source::Text("a.b.c".into())
        );
        assert_eq!(
            read_arg("https://x.example/v#a.b.c", &b""[..]).unwrap(),
            Source::Text("https://x.example/v#a.b.c".into())
        );
        assert!(matches!(
            read_arg("missing.png", &b""[..]),
            Err(InputError::NotFound(_))
        ));
        assert_eq!(
            read_arg("-", &b"tok.en.x\n"[..]).unwrap(),
            Source::Text("tok.en.x".into())
        );
        assert!(matches!(
            read_arg("-", &[0xffu8, 0xfe][..]),
            Err(InputError::Unrecognised(_))
        ));
        let big = vec![b'a'; MAX_TEXT_BYTES + 1];
        assert!(matches!(
            read_arg("-", &big[..]),
            Err(InputError::TooLarge { .. })
        ));
    }

    #[test]
    fn texts_of_sources() {
        assert_eq!(
            texts(&Source::Text("x".into()), "-").unwrap(),
            vec!["x".to_owned()]
        );
        assert!(matches!(
            texts(&Source::Image(b"\x89PNG\r\n\x1a\n".to_vec()), "f"),
            Err(InputError::Image { .. })
        ));
    }
}
