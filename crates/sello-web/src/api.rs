//! `POST /api/verify`: a token, a URL or a photo in; the verdicts of `sello verify --json` out.

use crate::Shared;
use crate::error::ApiError;
use crate::i18n::tr;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequest as _, Multipart, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sello_core::token::is_presented_as_token;
use sello_core::{Lang, Reason, Verdict};
use sello_verifier::Report;
use sello_verifier::{Budget, ImageError, MAX_IMAGE_BYTES};
use sello_verifier::{MAX_TEXT_BYTES, Verification, Verifier};
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The most tokens in one `POST /api/verify/batch`.
pub const MAX_BATCH_TOKENS: usize = 1000;

/// The largest body of `POST /api/verify/batch`.
pub const MAX_BATCH_BYTES: usize = 1024 * 1024;

/// Most fields read from a multipart form before giving up on finding an image.
const MAX_FIELDS: usize = 8;

/// The verdicts of a response, for the access log (never a claim).
#[derive(Debug, Clone, Default)]
pub(crate) struct Outcomes(pub Vec<(Verdict, Option<Reason>)>);

/// The language asked for with `?lang=en` (Spanish by default).
pub(crate) fn query_lang(query: Option<&str>) -> Lang {
    let asked = query
        .unwrap_or("")
        .split('&')
        .filter_map(|pair| pair.strip_prefix("lang="))
        .next_back();
    match asked {
        Some(l) if l.eq_ignore_ascii_case("en") => Lang::En,
        _ => Lang::Es,
    }
}

/// A JSON response that is never cached.
pub(crate) fn json_response(status: StatusCode, value: &Value) -> Response {
    let mut body = serde_json::to_vec(value).expect("JSON values serialise");
    body.push(b'\n');
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

/// The error object: `{"verdict": null, "error": code, "message": …}` with its status.
pub(crate) fn error_response(e: ApiError, lang: Lang) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::BAD_REQUEST);
    let mut response = json_response(
        status,
        &json!({"verdict": null, "error": e.code(), "message": e.message(lang)}),
    );
    response.extensions_mut().insert(e);
    response
}

/// Verifies the texts that are presented as tokens (FORMAT.md §4.4), in order; `None` for the
/// others, which are not Sello certificates at all.
fn verify_texts(verifier: &Verifier, texts: &[String], at: i64) -> Vec<Option<Verification>> {
    let tokens: Vec<&str> = texts
        .iter()
        .map(String::as_str)
        .filter(|t| is_presented_as_token(t))
        .collect();
    let mut verified = verifier.verify_many(&tokens, at).into_iter();
    texts
        .iter()
        .map(|t| is_presented_as_token(t).then(|| verified.next().expect("one per token")))
        .collect()
}

/// The error object of a text that is not a certificate, with `place` (`qr` or `index`).
fn not_a_certificate(lang: Lang, place: Value) -> Value {
    let mut out = json!({
        "verdict": null,
        "error": ApiError::NotACertificate.code(),
        "message": ApiError::NotACertificate.message(lang),
    });
    if let (Some(out), Value::Object(place)) = (out.as_object_mut(), place) {
        out.extend(place);
    }
    out
}

fn with_outcomes(mut response: Response, verifications: &[Verification]) -> Response {
    response.extensions_mut().insert(Outcomes(
        verifications
            .iter()
            .map(|v| (v.verdict, v.reason))
            .collect(),
    ));
    response
}

/// The body's media type, lower-cased, without parameters.
fn media_type(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    Some(
        value
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase(),
    )
}

fn declared_len(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

/// Reads a whole body of at most `max` bytes.
async fn read_body(body: Body, max: usize) -> Result<Bytes, ApiError> {
    axum::body::to_bytes(body, max).await.map_err(|e| {
        if e.into_inner()
            .downcast_ref::<http_body_util::LengthLimitError>()
            .is_some()
        {
            ApiError::TooLarge
        } else {
            ApiError::Unreadable
        }
    })
}

/// The handler of `POST /api/verify`.
pub(crate) async fn verify(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let lang = query_lang(request.uri().query());
    match verify_request(&shared, request, lang).await {
        Ok(response) => response,
        Err(e) => error_response(e, lang),
    }
}

async fn verify_request(
    shared: &Shared,
    request: Request,
    lang: Lang,
) -> Result<Response, ApiError> {
    let media = media_type(request.headers()).ok_or(ApiError::UnsupportedMediaType)?;
    let text_body = matches!(media.as_str(), "application/json" | "text/plain");
    let image_body = matches!(media.as_str(), "image/png" | "image/jpeg");
    let limit = if text_body {
        MAX_TEXT_BYTES
    } else {
        MAX_IMAGE_BYTES
    };
    if declared_len(request.headers()).is_some_and(|n| n > limit as u64) {
        return Err(ApiError::TooLarge);
    }
    if media == "multipart/form-data" {
        let (name, bytes) = multipart_image(request).await?;
        return verify_image(shared, &name, bytes, lang).await;
    }
    if !text_body && !image_body {
        return Err(ApiError::UnsupportedMediaType);
    }
    let bytes = read_body(request.into_body(), limit).await?;
    if image_body {
        return verify_image(shared, "image", bytes, lang).await;
    }
    let text = if media == "application/json" {
        #[derive(serde::Deserialize)]
        struct TokenBody {
            token: String,
        }
        serde_json::from_slice::<TokenBody>(&bytes)
            .map_err(|_| ApiError::BadJson)?
            .token
    } else {
        String::from_utf8(bytes.to_vec()).map_err(|_| ApiError::Unrecognised)?
    };
    let text = text.trim();
    if text.is_empty() {
        return Err(ApiError::Empty);
    }
    if !is_presented_as_token(text) {
        return Err(ApiError::NotACertificate);
    }
    let snapshot = shared.live.snapshot();
    let v = snapshot
        .state
        .verifier
        .verify(text, (snapshot.state.clock)());
    let response = json_response(StatusCode::OK, &Report::of(text, &v, lang).to_value());
    Ok(with_outcomes(response, &[v]))
}

/// The first field named `image`, or else the first file field, of a multipart form.
async fn multipart_image(request: Request) -> Result<(String, Bytes), ApiError> {
    let mut form = Multipart::from_request(request, &())
        .await
        .map_err(|_| ApiError::BadMultipart)?;
    for _ in 0..MAX_FIELDS {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return Err(multipart_error(e.status())),
        };
        if field.name() == Some("image") || field.file_name().is_some() {
            let name = field.file_name().unwrap_or("image").to_owned();
            let bytes = field
                .bytes()
                .await
                .map_err(|e| multipart_error(e.status()))?;
            return Ok((name, bytes));
        }
    }
    Err(ApiError::NoImage)
}

fn multipart_error(status: StatusCode) -> ApiError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::TooLarge
    } else {
        ApiError::BadMultipart
    }
}

/// Sets its flag when dropped: when the request that owns it is answered, times out or is
/// abandoned by its client, the decoder it started stops at its next step.
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Reads every QR code of an image on a blocking thread (at most a few at once, the smallest
/// waiting first: see decoders.rs), and verifies each: an array of results.
///
/// The decoder works within `Budget::bounded()` (large images are read on a shrunk copy) and
/// stops at its next step once this request is over, so a request answered 503 releases its
/// decoder slot soon after, not when the decode would have finished.
async fn verify_image(
    shared: &Shared,
    name: &str,
    bytes: Bytes,
    lang: Lang,
) -> Result<Response, ApiError> {
    if bytes.is_empty() {
        return Err(ApiError::Empty);
    }
    if sello_verifier::image_format(&bytes).is_none() {
        return Err(ApiError::BadImage);
    }
    let (width, height) = match sello_verifier::dimensions(&bytes) {
        Ok(dimensions) => dimensions,
        Err(_) => return Err(ApiError::BadImage),
    };
    let cancel = CancelOnDrop(Arc::new(AtomicBool::new(false)));
    let permit = shared
        .decoders
        .acquire(u64::from(width) * u64::from(height))
        .await
        .ok_or(ApiError::Timeout)?;
    // The decode itself stops at the time limit too (counted from here, so no earlier than
    // the request's): the answer is then the same 503 however the two race.
    let deadline = std::time::Instant::now() + shared.live.snapshot().state.timeout;
    let budget = Budget::bounded()
        .with_cancel(Arc::clone(&cancel.0))
        .with_deadline(deadline);
    let stopped = Arc::clone(&shared.stopped_decodes);
    let scanned = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        tracing::debug!(
            "{}",
            tr(
                "log-decode-started",
                &[("width", width.into()), ("height", height.into())]
            )
        );
        let scanned = sello_verifier::scan_within(&bytes, &budget);
        if matches!(scanned, Err(ImageError::Stopped)) {
            stopped.fetch_add(1, Ordering::Relaxed);
            tracing::debug!("{}", tr("log-decode-stopped", &[]));
        }
        scanned
    })
    .await
    .map_err(|_| ApiError::BadImage)?;
    drop(cancel);
    let texts = match scanned {
        Ok(texts) => texts,
        Err(ImageError::TooLarge { .. }) => return Err(ApiError::TooLarge),
        Err(ImageError::Stopped) => return Err(ApiError::Timeout),
        Err(_) => return Err(ApiError::BadImage),
    };
    if texts.is_empty() {
        return Err(ApiError::NoQrCode);
    }
    let snapshot = shared.live.snapshot();
    let at = (snapshot.state.clock)();
    let many = texts.len() > 1;
    let results = verify_texts(&snapshot.state.verifier, &texts, at);
    let json: Vec<Value> = results
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let qr = many.then_some(i);
            match r {
                Some(v) => Report::of(name, v, lang).with_qr(qr).to_value(),
                None => not_a_certificate(lang, qr.map_or(json!({}), |q| json!({"qr": q}))),
            }
        })
        .collect();
    let response = json_response(StatusCode::OK, &Value::Array(json));
    let verifications: Vec<Verification> = results.into_iter().flatten().collect();
    Ok(with_outcomes(response, &verifications))
}

/// The handler of `POST /api/verify/batch`: `{"tokens": [text, …]}` (1 to
/// [`MAX_BATCH_TOKENS`] tokens or URLs, at most [`MAX_BATCH_BYTES`]) in; an array of
/// verification objects out, in the same order, each with its `index`. The signatures are
/// checked together ([`sello_verifier::batch`]).
pub(crate) async fn verify_batch(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let lang = query_lang(request.uri().query());
    match verify_batch_request(shared, request, lang).await {
        Ok(response) => response,
        Err(e) => error_response(e, lang),
    }
}

async fn verify_batch_request(
    shared: Arc<Shared>,
    request: Request,
    lang: Lang,
) -> Result<Response, ApiError> {
    if media_type(request.headers()).as_deref() != Some("application/json") {
        return Err(ApiError::UnsupportedMediaType);
    }
    if declared_len(request.headers()).is_some_and(|n| n > MAX_BATCH_BYTES as u64) {
        return Err(ApiError::TooLarge);
    }
    let bytes = read_body(request.into_body(), MAX_BATCH_BYTES).await?;
    #[derive(serde::Deserialize)]
    struct BatchBody {
        tokens: Vec<String>,
    }
    let tokens = serde_json::from_slice::<BatchBody>(&bytes)
        .map_err(|_| ApiError::BadJson)?
        .tokens;
    if tokens.is_empty() || tokens.len() > MAX_BATCH_TOKENS {
        return Err(ApiError::BatchSize);
    }
    let snapshot = shared.live.snapshot();
    let at = (snapshot.state.clock)();
    let results = tokio::task::spawn_blocking(move || {
        let texts: Vec<String> = tokens.iter().map(|t| t.trim().to_owned()).collect();
        verify_texts(&snapshot.state.verifier, &texts, at)
    })
    .await
    .map_err(|_| ApiError::Unreadable)?;
    let json: Vec<Value> = results
        .iter()
        .enumerate()
        .map(|(i, r)| match r {
            Some(v) => Report::of("", v, lang).at_index(i).to_value(),
            None => not_a_certificate(lang, json!({"index": i})),
        })
        .collect();
    let response = json_response(StatusCode::OK, &Value::Array(json));
    let verifications: Vec<Verification> = results.into_iter().flatten().collect();
    Ok(with_outcomes(response, &verifications))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{AppState, Live};
    use sello_verifier::{TrustStore, Verifier};
    use std::sync::atomic::AtomicU64;
    use std::time::{Duration, Instant};

    /// A PNG of black-and-white noise, `side` pixels square: seconds of CPU at 7000.
    fn noise_png(side: u32) -> Vec<u8> {
        let mut seed: u64 = 0x0dd_ba11;
        let tile: Vec<u8> = (0..64 * 64)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                if seed & 1 == 0 { 0 } else { 255 }
            })
            .collect();
        let image = image::GrayImage::from_fn(side, side, |x, y| {
            image::Luma([tile[((y % 64) * 64 + x % 64) as usize]])
        });
        sello_testkit::photo::png_bytes(&image)
    }

    async fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(120);
        while !done() {
            assert!(Instant::now() < deadline, "{what} never happened");
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_abandoned_image_request_stops_its_decoder_and_frees_the_slot() {
        let shared = Arc::new(Shared {
            live: Live::new(AppState::new(Verifier::new(TrustStore::new()))),
            decoders: crate::decoders::Decoders::new(1),
            stopped_decodes: Arc::new(AtomicU64::new(0)),
        });
        let png = Bytes::from(noise_png(7000));
        let worker = Arc::clone(&shared);
        let request =
            tokio::spawn(async move { verify_image(&worker, "x", png, Lang::En).await.is_ok() });
        wait_for("the decode starting", || shared.decoders.available() == 0).await;
        // What the time limit does to a request: its future is dropped.
        request.abort();
        wait_for("the slot being freed", || shared.decoders.available() == 1).await;
        assert_eq!(
            shared.stopped_decodes.load(Ordering::Relaxed),
            1,
            "the decode ran to its end instead of stopping"
        );
    }
}
