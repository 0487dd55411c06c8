//! What a user hands a verifier: a token, a URL, an image file (PNG, JPEG or SVG), or
//! standard input; and the tokens found in it. A PDF is recognised and refused with what to
//! send instead ([`InputError::PdfNotRead`]).

use crate::i18n::{escaped, tr};
use crate::scan::{self, ImageError, MAX_IMAGE_BYTES};
use crate::svg::{self, SvgError};
use std::io::Read;
use std::path::Path;

/// Largest text input (a token or URL, or a file of one), in bytes.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// An input, read and classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Text: a token or a URL carrying one in its fragment.
    Text(String),
    /// The bytes of an image file (PNG or JPEG).
    Image(Vec<u8>),
    /// The bytes of an SVG file ([`svg::is_svg`]).
    Svg(Vec<u8>),
}

/// Why an input could not be turned into tokens. These are usage errors (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// Neither a readable file nor something shaped like a token or URL.
    #[error("{}", tr("input-not-found", &[("what", escaped(.0).into())]))]
    NotFound(String),
    /// A file or standard input could not be read.
    #[error("{}", tr("input-io", &[("what", escaped(.what).into()), ("error", sello_core::i18n::io_error(.source).into())]))]
    Io {
        /// The file, or `-`.
        what: String,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// Over the size cap for its kind.
    #[error("{}", tr("input-too-large", &[("what", escaped(.what).into()), ("max", (*.max).into())]))]
    TooLarge {
        /// The file, or `-`.
        what: String,
        /// The cap.
        max: usize,
    },
    /// Neither an image (PNG, JPEG, SVG), a PDF, nor UTF-8 text.
    #[error("{}", tr("input-unrecognised", &[("what", escaped(.0).into())]))]
    Unrecognised(String),
    /// The image could not be decoded.
    #[error("{}", tr("input-image", &[("what", escaped(.what).into()), ("error", .source.to_string().into())]))]
    Image {
        /// The file, or `-`.
        what: String,
        /// Why.
        source: ImageError,
    },
    /// A file named `.svg` whose content is text or unknown bytes, not an SVG document.
    #[error("{}", tr("input-not-svg", &[("what", escaped(.0).into())]))]
    NotSvg(String),
    /// The SVG could not be read or drawn.
    #[error("{}", tr("input-svg", &[("what", escaped(.what).into()), ("error", .source.to_string().into())]))]
    Svg {
        /// The file, or `-`.
        what: String,
        /// Why.
        source: SvgError,
    },
    /// A PDF: not read (docs/ARCHITECTURE.md says why).
    #[error("{}", tr("input-pdf", &[("what", escaped(.0).into())]))]
    PdfNotRead(String),
    /// The image decoded, but no QR code was found in it.
    #[error("{}", tr("input-no-qr", &[("what", escaped(.0).into())]))]
    NoQrCode(String),
    /// A text (given, read from a file, or a QR code's) that is not presented as a token at
    /// all (FORMAT.md §4.4): a truncated URL, a placeholder, another kind of QR code.
    #[error("{}", tr("input-not-certificate", &[("what", escaped(.0).into())]))]
    NotACertificate(String),
    /// A folder holds more files to verify than [`MAX_FOLDER_FILES`].
    #[error("{}", tr("input-too-many-files", &[("what", escaped(.what).into()), ("max", (*.max).into())]))]
    TooManyFiles {
        /// The folder.
        what: String,
        /// The limit.
        max: usize,
    },
}

impl InputError {
    /// The stable machine code, as in JSON output and the web API.
    pub fn code(&self) -> &'static str {
        match self {
            InputError::NotFound(_) => "not_found",
            InputError::Io { .. } => "unreadable",
            InputError::TooLarge { .. } => "too_large",
            InputError::Unrecognised(_) => "unrecognised_input",
            InputError::Image { .. } => "bad_image",
            InputError::NotSvg(_) => "not_svg",
            InputError::Svg { source, .. } => match source {
                SvgError::TooLarge { .. } => "too_large",
                _ => "bad_svg",
            },
            InputError::PdfNotRead(_) => "pdf_not_read",
            InputError::NoQrCode(_) => "no_qr_code",
            InputError::NotACertificate(_) => "not_a_certificate",
            InputError::TooManyFiles { .. } => "too_many_files",
        }
    }
}

fn read_capped(reader: impl Read, what: &str) -> Result<Vec<u8>, InputError> {
    sello_core::read_capped(reader, MAX_IMAGE_BYTES).map_err(|source| match source.kind() {
        std::io::ErrorKind::FileTooLarge => InputError::TooLarge {
            what: what.to_owned(),
            max: MAX_IMAGE_BYTES,
        },
        _ => InputError::Io {
            what: what.to_owned(),
            source,
        },
    })
}

/// True for a PDF file: `%PDF-` in its first 1,024 bytes, as PDF readers accept it.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// Classifies raw bytes: a PNG or JPEG image by its signature, an SVG by its root element
/// ([`svg::is_svg`]), a PDF (refused: [`InputError::PdfNotRead`]), else UTF-8 text within the
/// text cap.
pub fn classify(bytes: Vec<u8>, what: &str) -> Result<Source, InputError> {
    if scan::image_format(&bytes).is_some() {
        return Ok(Source::Image(bytes));
    }
    if svg::is_svg(&bytes) {
        if bytes.len() > svg::MAX_SVG_BYTES {
            return Err(InputError::TooLarge {
                what: what.to_owned(),
                max: svg::MAX_SVG_BYTES,
            });
        }
        return Ok(Source::Svg(bytes));
    }
    if is_pdf(&bytes) {
        return Err(InputError::PdfNotRead(what.to_owned()));
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

/// Two dots (a compact JWS), the numeric form (`n` and digits, FORMAT.md §4.1) or a URL.
/// Length is not looked at: a token over the size cap is still a token, and verification names
/// the cap (`malformed_token`), rather than "no such file".
fn looks_like_token(arg: &str) -> bool {
    sello_core::qr_text::is_numeric_form(arg.trim())
        || sello_core::token::extract(arg).is_ok_and(|t| t.matches('.').count() >= 2)
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
        let source = classify(read_capped(file, arg)?, arg);
        let named_svg = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
        // A file named .svg that holds text or unknown bytes (an HTML page, a truncated
        // download) says so, rather than "not a certificate"; an image or a PDF says what it is.
        let text_like = matches!(
            source,
            Ok(Source::Text(_))
                | Err(InputError::Unrecognised(_))
                | Err(InputError::TooLarge {
                    max: MAX_TEXT_BYTES,
                    ..
                })
        );
        if named_svg && text_like {
            return Err(InputError::NotSvg(arg.to_owned()));
        }
        return source;
    }
    if looks_like_token(arg) {
        if arg.len() > MAX_TEXT_BYTES {
            return Err(InputError::TooLarge {
                what: "(argument)".to_owned(),
                max: MAX_TEXT_BYTES,
            });
        }
        return Ok(Source::Text(arg.trim().to_owned()));
    }
    Err(InputError::NotFound(arg.to_owned()))
}

/// The most files [`folder_files`] lists from one folder tree.
pub const MAX_FOLDER_FILES: usize = 100_000;

/// The deepest [`folder_files`] descends below the folder it is given.
pub const MAX_FOLDER_DEPTH: usize = 16;

/// The extensions (case-insensitive) that [`folder_files`] takes from a folder: images, and
/// tokens in text files. A batch's `.pdf` and `summary.csv` are left out; its `.png`, `.svg`
/// and `-certificado.svg` are read.
pub const FOLDER_EXTENSIONS: [&str; 6] = ["png", "jpg", "jpeg", "svg", "jwt", "txt"];

/// The files to verify in a folder: those with one of [`FOLDER_EXTENSIONS`], in its
/// sub-folders too (at most [`MAX_FOLDER_DEPTH`] deep, never through a symbolic link to a
/// folder), sorted by path, at most [`MAX_FOLDER_FILES`] of them. Hidden entries (a name
/// starting with `.`) are skipped.
pub fn folder_files(folder: &Path) -> Result<Vec<std::path::PathBuf>, InputError> {
    let what = folder.display().to_string();
    let mut found = Vec::new();
    let mut pending = vec![(folder.to_path_buf(), 0usize)];
    while let Some((dir, depth)) = pending.pop() {
        let io = |source| InputError::Io {
            what: dir.display().to_string(),
            source,
        };
        for entry in std::fs::read_dir(&dir).map_err(io)? {
            let entry = entry.map_err(io)?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            // `file_type` does not follow symbolic links: a link to a folder is not entered.
            let kind = entry.file_type().map_err(io)?;
            if kind.is_dir() {
                if depth < MAX_FOLDER_DEPTH {
                    pending.push((path, depth + 1));
                }
                continue;
            }
            let wanted = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| FOLDER_EXTENSIONS.iter().any(|w| e.eq_ignore_ascii_case(w)));
            if wanted && path.is_file() {
                if found.len() == MAX_FOLDER_FILES {
                    return Err(InputError::TooManyFiles {
                        what,
                        max: MAX_FOLDER_FILES,
                    });
                }
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The texts to verify in a source: the text itself, or every QR code in the image.
pub fn texts(source: &Source, what: &str) -> Result<Vec<String>, InputError> {
    match source {
        Source::Text(text) => Ok(vec![text.clone()]),
        Source::Image(_) | Source::Svg(_) => {
            let found = qr_texts(source, what)?;
            if found.is_empty() {
                Err(InputError::NoQrCode(what.to_owned()))
            } else {
                Ok(found)
            }
        }
    }
}

/// The texts of every QR code in an image or SVG source (possibly none), as `sello scan`
/// prints them; text is [`InputError::Unrecognised`].
pub fn qr_texts(source: &Source, what: &str) -> Result<Vec<String>, InputError> {
    match source {
        Source::Text(_) => Err(InputError::Unrecognised(what.to_owned())),
        Source::Image(bytes) => scan::scan(bytes).map_err(|source| InputError::Image {
            what: what.to_owned(),
            source,
        }),
        Source::Svg(bytes) => svg::scan(bytes).map_err(|source| InputError::Svg {
            what: what.to_owned(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_files_are_sorted_filtered_and_recursive() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("b/c")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for name in [
            "z.PNG",
            "a.jwt",
            "b/c/d.jpeg",
            "b/x.jpg",
            "summary.csv",
            "c.pdf",
            "b/e.txt",
            "b/q.SVG",
            ".hidden.png",
            ".git/f.png",
        ] {
            std::fs::write(root.join(name), b"x").unwrap();
        }
        let found: Vec<String> = folder_files(root)
            .unwrap()
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(
            found,
            [
                "a.jwt",
                "b/c/d.jpeg",
                "b/e.txt",
                "b/q.SVG",
                "b/x.jpg",
                "z.PNG"
            ]
        );
        assert!(matches!(
            folder_files(&root.join("missing")),
            Err(InputError::Io { .. })
        ));
    }

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
        // Over the token cap: still a token, for verification to name the cap.
        let long = format!("{}.b.c", "a".repeat(5000));
        assert!(matches!(read_arg(&long, &b""[..]), Ok(Source::Text(t)) if t == long));
        let huge = format!("{}.b.c", "a".repeat(MAX_TEXT_BYTES));
        assert!(matches!(
            read_arg(&huge, &b""[..]),
            Err(InputError::TooLarge { .. })
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
    fn svg_and_pdf_files_are_recognised_by_content() {
        let tmp = tempfile::tempdir().unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let p = tmp.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            p.display().to_string()
        };
        let svg = b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        for name in ["a.svg", "a.txt", "no-extension"] {
            assert!(matches!(
                read_arg(&write(name, svg), &b""[..]),
                Ok(Source::Svg(_))
            ));
        }
        assert!(matches!(read_arg("-", &svg[..]), Ok(Source::Svg(_))));
        // Named .svg, holding something else: said so, not "not a certificate".
        for body in [
            &b"a.b.c"[..],
            b"<html/>",
            &[0xff, 0xfe, 0],
            &[b'x'; MAX_TEXT_BYTES + 1],
        ] {
            let err = read_arg(&write("other.svg", body), &b""[..]).unwrap_err();
            assert_eq!(err.code(), "not_svg", "{err}");
            // Messages are in the language in use: Spanish unless set.
            assert!(
                err.to_string()
                    .contains("se llama .svg pero no es un documento SVG")
            );
        }
        // An image named .svg is still read as the image it is.
        assert!(matches!(
            read_arg(&write("png.svg", b"\x89PNG\r\n\x1a\nrest"), &b""[..]),
            Ok(Source::Image(_))
        ));
        // Over the SVG cap (2 MiB), under the image cap.
        let mut big = svg.to_vec();
        big.resize(svg::MAX_SVG_BYTES + 1, b' ');
        let err = read_arg(&write("big.svg", &big), &b""[..]).unwrap_err();
        assert!(matches!(
            err,
            InputError::TooLarge {
                max: svg::MAX_SVG_BYTES,
                ..
            }
        ));
        // A PDF, whatever its name, on standard input too: an input error saying what to send.
        let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj";
        for arg in [write("c.pdf", pdf), write("c.svg", pdf), "-".to_owned()] {
            let err = read_arg(&arg, &pdf[..]).unwrap_err();
            assert_eq!(err.code(), "pdf_not_read");
            assert!(err.to_string().contains("(<folio>.png)"), "{err}");
        }
        // A broken SVG: `bad_svg`, with what to send instead.
        let zero = Source::Svg(b"<svg xmlns='http://www.w3.org/2000/svg' width='0'/>".to_vec());
        let err = texts(&zero, "z.svg").unwrap_err();
        assert_eq!(err.code(), "bad_svg");
        assert!(
            err.to_string()
                .starts_with("z.svg: el SVG no se pudo dibujar")
        );
        assert!(
            err.to_string()
                .contains("envíe en su lugar el PNG del código QR")
        );
        let blank = Source::Svg(svg.to_vec());
        assert_eq!(texts(&blank, "b.svg").unwrap_err().code(), "no_qr_code");
        assert!(qr_texts(&blank, "b.svg").unwrap().is_empty());
        assert_eq!(
            qr_texts(&Source::Text("a.b.c".into()), "t")
                .unwrap_err()
                .code(),
            "unrecognised_input"
        );
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
