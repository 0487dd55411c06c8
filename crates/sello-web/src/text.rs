//! Every user-facing text of the service's API, in Spanish and English. (The page's texts are
//! in `static/app.js`; verdict and reason messages come from `sello_core`.)

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

    /// A plain-words message.
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            ApiError::TooLarge => lang.pick(
                "El envío es demasiado grande (texto: 64 KiB; imagen: 20 MiB).",
                "The upload is too large (text: 64 KiB; image: 20 MiB).",
            ),
            ApiError::UnsupportedMediaType => lang.pick(
                "Envíe application/json {\"token\": …}, text/plain, una imagen PNG/JPEG o multipart/form-data con un campo image.",
                "Send application/json {\"token\": …}, text/plain, a PNG/JPEG image or multipart/form-data with an image field.",
            ),
            ApiError::BadJson => lang.pick(
                "El cuerpo no es JSON de la forma {\"token\": \"…\"}.",
                "The body is not JSON of the form {\"token\": \"…\"}.",
            ),
            ApiError::Empty => lang.pick(
                "No se recibió ningún certificado.",
                "No certificate was received.",
            ),
            ApiError::Unrecognised => lang.pick(
                "El texto no está en UTF-8.",
                "The text is not UTF-8.",
            ),
            ApiError::BadMultipart => lang.pick(
                "El formulario multipart está dañado.",
                "The multipart form is malformed.",
            ),
            ApiError::NoImage => lang.pick(
                "El formulario no trae un campo image con una foto.",
                "The form has no image field with a photo.",
            ),
            ApiError::BadImage => lang.pick(
                "El archivo no es una imagen PNG o JPEG legible.",
                "The file is not a readable PNG or JPEG image.",
            ),
            ApiError::NoQrCode => lang.pick(
                "No se encontró ningún código QR en la imagen. Intente con una foto más nítida y cercana.",
                "No QR code was found in the image. Try a sharper, closer photo.",
            ),
            ApiError::Timeout => lang.pick(
                "La verificación tardó demasiado; intente de nuevo.",
                "Verification took too long; please try again.",
            ),
            ApiError::Unreadable => lang.pick(
                "No se pudo leer el envío.",
                "The upload could not be read.",
            ),
            ApiError::NotFound => lang.pick("No existe esta página.", "No such page."),
            ApiError::SeveralIssuers => lang.pick(
                "Este servicio confía en varios emisores: el conjunto de llaves de cada uno está en /.well-known/jwks/<emisor>.json.",
                "This service trusts several issuers: each one's key set is at /.well-known/jwks/<issuer>.json.",
            ),
            ApiError::BatchSize => lang.pick(
                "Envíe de 1 a 1000 certificados: {\"tokens\": [\"…\", …]} (hasta 1 MiB).",
                "Send 1 to 1000 certificates: {\"tokens\": [\"…\", …]} (up to 1 MiB).",
            ),
            ApiError::NotACertificate => lang.pick(
                "Esto no es un certificado Sello: el texto no contiene un certificado firmado. Envíe el texto o el enlace completo del código QR.",
                "This is not a Sello certificate: the text holds no signed certificate. Send the QR code's whole text or link.",
            ),
        }
    }
}
