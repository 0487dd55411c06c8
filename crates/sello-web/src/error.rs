//! Why a request to the service's API failed: a stable code, an HTTP status and a message in
//! the request's language (from `i18n/*.ftl`).

use sello_core::Lang;

/// Why a request to `POST /api/verify` could not be verified: a stable code, an HTTP status
/// and a message per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiError {
    /// The body is larger than its limit.
    TooLarge,
    /// The content type is not JSON, text, multipart or a PNG/JPEG image.
    UnsupportedMediaType,
    /// The JSON body is not `{"token": "..."}`.
    BadJson,
    /// The body is empty, or the token blank.
    Empty,
    /// The text is not UTF-8.
    Unrecognised,
    /// The multipart body is malformed.
    BadMultipart,
    /// The multipart body has no image field.
    NoImage,
    /// The upload is not a PNG or JPEG image, or it could not be decoded.
    BadImage,
    /// The image holds no QR code that could be read.
    NoQrCode,
    /// The request took too long.
    Timeout,
    /// The body could not be read.
    Unreadable,
    /// No such page.
    NotFound,
    /// Several issuers are trusted, so there is no single `/.well-known/jwks.json`.
    SeveralIssuers,
    /// A batch request holds no tokens, or more than its limit.
    BatchSize,
    /// The text is not presented as a token at all (FORMAT.md §4.4).
    NotACertificate,
}

impl ApiError {
    /// The stable machine code (the codes of `sello verify --json` where they exist).
    pub fn code(self) -> &'static str {
        match self {
            ApiError::TooLarge => "too_large",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::BadJson => "bad_json",
            ApiError::Empty => "empty_input",
            ApiError::Unrecognised => "unrecognised_input",
            ApiError::BadMultipart => "bad_multipart",
            ApiError::NoImage => "no_image",
            ApiError::BadImage => "bad_image",
            ApiError::NoQrCode => "no_qr_code",
            ApiError::Timeout => "timeout",
            ApiError::Unreadable => "unreadable",
            ApiError::NotFound => "not_found",
            ApiError::SeveralIssuers => "several_issuers",
            ApiError::BatchSize => "batch_size",
            ApiError::NotACertificate => "not_a_certificate",
        }
    }

    /// The HTTP status.
    pub fn status(self) -> u16 {
        match self {
            ApiError::TooLarge => 413,
            ApiError::UnsupportedMediaType => 415,
            ApiError::BadJson
            | ApiError::Empty
            | ApiError::Unrecognised
            | ApiError::BadMultipart
            | ApiError::NoImage
            | ApiError::Unreadable
            | ApiError::BatchSize => 400,
            ApiError::BadImage | ApiError::NoQrCode | ApiError::NotACertificate => 422,
            ApiError::Timeout => 503,
            ApiError::NotFound | ApiError::SeveralIssuers => 404,
        }
    }

    /// The plain-words message, in `lang`, from this crate's catalogue (`api-` and the code).
    pub fn message(self, lang: Lang) -> String {
        let id = format!("api-{}", self.code().replace('_', "-"));
        crate::i18n::CATALOG.text(lang, &id)
    }
}
