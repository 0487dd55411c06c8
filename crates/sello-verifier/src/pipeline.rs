//! The verification pipeline: what `sello verify`, the demo and the web API run on what a user
//! hands them, and the one JSON form of its results.
//!
//! Inputs are command-line arguments in the sense of [`input::read_arg`]: a token or URL, a
//! file (an image, or text holding a token), a folder (its files, [`input::folder_files`]), or
//! `-` for standard input. [`verify_inputs`] reads and decodes them on the threads of the
//! current rayon pool, sorts each text into a token or "not a Sello certificate"
//! ([`sello_core::token::is_presented_as_token`]), verifies the tokens
//! ([`Verifier::verify_many`]) and gives back one [`Outcome`] per text, in input order (an image
//! with several QR codes gives one per code).

use crate::input::{self, InputError};
use crate::verify::{Verification, Verifier};
use sello_core::{Lang, token};
use serde::Serialize;
use std::path::Path;

/// What became of one input, or of one QR code of an image input.
#[derive(Debug)]
pub struct Outcome {
    /// The input as given (a path, `-`, or the text itself).
    pub input: String,
    /// Which QR code of the image (0-based), when the image held more than one.
    pub qr: Option<usize>,
    /// The verification, or why the input gave none.
    pub result: Result<Verification, InputError>,
    /// The SHA-256 of the token verified (its compact JWS text, as it was signed), lower-case
    /// hex: what a receipt names so that a file can be matched to the check made of it.
    pub token_sha256: Option<String>,
}

impl Outcome {
    fn failed(input: &str, qr: Option<usize>, error: InputError) -> Outcome {
        Outcome {
            input: input.to_owned(),
            qr,
            result: Err(error),
            token_sha256: None,
        }
    }

    /// The outcome's wire form (`sello verify --json`, the web API), with messages in `lang`.
    pub fn report(&self, lang: Lang) -> Report<'_> {
        Report {
            input: Some(&self.input),
            index: None,
            qr: self.qr,
            body: match &self.result {
                Ok(v) => Body::Verified {
                    message: v.message(lang),
                    dates: dates(v),
                    verification: v,
                },
                Err(e) => Body::Failed {
                    verdict: (),
                    error: e.code(),
                    message: e.to_string(),
                },
            },
        }
    }
}

/// The one JSON form of a verification result: the [`Verification`]'s members (`verdict`,
/// `reason`, `detail`, `issuer`, `kid`, `claims`), the `input` (or the `index` in a batch),
/// `qr` for a code of a several-code image, `message` for a person, and, with the claims, their
/// `dates` as a person is shown them in the issuer's time zone
/// ([`sello_core::zone::ShownDates`]: `issued`, `valid_from`, `valid_through` or
/// `valid_until`); or, when an input gave no verification, `"verdict": null`, an `error` code
/// and its `message`.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    input: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    qr: Option<usize>,
    #[serde(flatten)]
    body: Body<'a>,
}

impl<'a> Report<'a> {
    /// The report of a verification of `input` (a text, not a file).
    pub fn of(input: &'a str, verification: &'a Verification, lang: Lang) -> Report<'a> {
        Report {
            input: Some(input),
            index: None,
            qr: None,
            body: Body::Verified {
                message: verification.message(lang),
                dates: dates(verification),
                verification,
            },
        }
    }

    /// Names the result by its position in a batch instead of by its input.
    pub fn at_index(mut self, index: usize) -> Report<'a> {
        self.input = None;
        self.index = Some(index);
        self
    }

    /// Marks the result as one of several QR codes of an image.
    pub fn with_qr(mut self, qr: Option<usize>) -> Report<'a> {
        self.qr = qr;
        self
    }

    /// As a JSON value.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).expect("reports serialise")
    }
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Body<'a> {
    Verified {
        #[serde(flatten)]
        verification: &'a Verification,
        message: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        dates: Option<sello_core::zone::ShownDates>,
    },
    Failed {
        verdict: (),
        error: &'static str,
        message: String,
    },
}

/// The claims' dates as shown (FORMAT.md §3.9), in the zone of the issuer that signed them.
fn dates(v: &Verification) -> Option<sello_core::zone::ShownDates> {
    let claims = v.claims.as_ref()?;
    let zone = v
        .issuer
        .as_ref()
        .map(sello_core::zone::Zone::of)
        .unwrap_or_default();
    Some(sello_core::zone::ShownDates::of(claims, &zone))
}

/// Expands folders into the files to verify in them ([`input::folder_files`]); other
/// arguments are kept as they are. A folder that cannot be listed becomes a failed outcome.
pub fn expand(args: &[String]) -> (Vec<String>, Vec<Outcome>) {
    let mut inputs = Vec::new();
    let mut failed = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        if arg != "-" && path.is_dir() {
            match input::folder_files(path) {
                Ok(files) => inputs.extend(files.iter().map(|f| f.display().to_string())),
                Err(e) => failed.push(Outcome::failed(arg, None, e)),
            }
        } else {
            inputs.push(arg.clone());
        }
    }
    (inputs, failed)
}

/// One text of an input: which QR code it is (when there are several), and the token, or why
/// it is none.
type Found = (Option<usize>, Result<String, InputError>);

/// The texts of one input: read it, decode its QR codes, and refuse texts that are not tokens.
fn texts_of(arg: &str, stdin: impl std::io::Read) -> Vec<Found> {
    let texts = match input::read_arg(arg, stdin).and_then(|source| input::texts(&source, arg)) {
        Ok(texts) => texts,
        Err(e) => return vec![(None, Err(e))],
    };
    let many = texts.len() > 1;
    texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let qr = many.then_some(i);
            if token::is_presented_as_token(&text) {
                (qr, Ok(text))
            } else {
                (qr, Err(InputError::NotACertificate(arg.to_owned())))
            }
        })
        .collect()
}

/// Verifies `inputs` (not folders: see [`expand`]) at time `at`: reading and decoding on the
/// threads of the current rayon pool, results in input order. Standard input (`-`) is read by
/// whichever thread reaches it, under its lock.
pub fn verify_inputs(verifier: &Verifier, inputs: &[String], at: i64) -> Vec<Outcome> {
    use rayon::prelude::*;
    let found: Vec<Vec<Found>> = inputs
        .par_iter()
        .map(|arg| texts_of(arg, std::io::stdin()))
        .collect();
    let tokens: Vec<&str> = found
        .iter()
        .flatten()
        .filter_map(|(_, t)| t.as_deref().ok())
        .collect();
    let mut verified = verifier.verify_many(&tokens, at).into_iter();
    inputs
        .iter()
        .zip(found)
        .flat_map(|(arg, texts)| {
            texts
                .into_iter()
                .map(|(qr, text)| match text {
                    Ok(text) => Outcome {
                        input: arg.clone(),
                        qr,
                        result: Ok(verified.next().expect("one verification per token")),
                        token_sha256: Some(token::sha256_hex(&text)),
                    },
                    Err(e) => Outcome::failed(arg, qr, e),
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Tallies outcomes into `sello verify`'s exit status: 1 if any is invalid, else 2 if any input
/// gave no verification, else 3 if any is indeterminate, else 0.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Some verdict was `invalid`.
    pub invalid: bool,
    /// Some input could not be verified.
    pub failed: bool,
    /// Some verdict was `indeterminate`.
    pub indeterminate: bool,
}

impl Tally {
    /// Counts one outcome.
    pub fn add(&mut self, outcome: &Outcome) {
        match &outcome.result {
            Ok(v) => match v.verdict {
                sello_core::Verdict::Valid => {}
                sello_core::Verdict::Invalid => self.invalid = true,
                sello_core::Verdict::Indeterminate => self.indeterminate = true,
            },
            Err(_) => self.failed = true,
        }
    }

    /// The exit status.
    pub fn status(&self) -> u8 {
        if self.invalid {
            1
        } else if self.failed {
            2
        } else if self.indeterminate {
            3
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sello_testkit::{photo, vectors};

    fn verifier() -> Verifier {
        let mut trust = crate::TrustStore::new();
        for set in vectors::key_sets() {
            trust.add(set).unwrap();
        }
        Verifier::new(trust)
    }

    fn valid_token() -> String {
        let doc: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../../tests/vectors/valid.json"),
            )
            .unwrap(),
        )
        .unwrap();
        doc["cases"][0]["token"].as_str().unwrap().to_owned()
    }

    #[test]
    fn texts_files_images_and_folders_in_order_with_one_json_form() {
        let tmp = tempfile::tempdir().unwrap();
        let token = valid_token();
        let folder = tmp.path().join("f");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("a.jwt"), &token).unwrap();
        std::fs::write(folder.join("b.txt"), "no es un certificado").unwrap();
        let two = tmp.path().join("two.png");
        let pair = photo::render(&format!("https://x.example/v#{token}"), 3.0);
        let mut canvas = image::GrayImage::from_pixel(
            pair.width() * 2 + 60,
            pair.height() + 40,
            image::Luma([255]),
        );
        image::imageops::overlay(&mut canvas, &pair, 20, 20);
        let other = photo::render("WIFI:S:red;;", 3.0);
        image::imageops::overlay(&mut canvas, &other, i64::from(pair.width()) + 40, 20);
        std::fs::write(&two, photo::png_bytes(&canvas)).unwrap();
        let args = vec![
            token.clone(),
            folder.display().to_string(),
            two.display().to_string(),
            "<token>".into(),
        ];
        let (inputs, failed) = expand(&args);
        assert!(failed.is_empty());
        assert_eq!(inputs.len(), 5);
        let outcomes = verify_inputs(&verifier(), &inputs, vectors::AT);
        let summary: Vec<(Option<usize>, Result<&str, &str>)> = outcomes
            .iter()
            .map(|o| {
                (
                    o.qr,
                    o.result
                        .as_ref()
                        .map(|v| v.verdict.code())
                        .map_err(InputError::code),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (None, Ok("valid")),
                (None, Ok("valid")),
                (None, Err("not_a_certificate")),
                (Some(0), Ok("valid")),
                (Some(1), Err("not_a_certificate")),
                (None, Err("not_found")),
            ]
        );
        let mut tally = Tally::default();
        outcomes.iter().for_each(|o| tally.add(o));
        assert_eq!(tally.status(), 2);
        let json = outcomes[4].report(Lang::Es).to_value();
        assert_eq!(json["verdict"], serde_json::Value::Null);
        assert_eq!(json["error"], "not_a_certificate");
        assert_eq!(json["qr"], 1);
        let json = outcomes[0].report(Lang::En).to_value();
        assert_eq!(json["verdict"], "valid");
        assert_eq!(json["input"], token);
        assert!(json["claims"]["cert"].is_object());
        assert_eq!(
            json["message"],
            outcomes[0].result.as_ref().unwrap().message(Lang::En)
        );
        let batch = Report::of(&token, outcomes[0].result.as_ref().unwrap(), Lang::Es)
            .at_index(7)
            .to_value();
        assert_eq!(batch["index"], 7);
        assert!(batch.get("input").is_none());
    }
}
