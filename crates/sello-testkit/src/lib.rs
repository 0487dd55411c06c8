//! Test support shared by Sello's test suites, examples and benchmarks (not published).
//!
//! - [`keys`]: deterministic **test-only** issuers, so test vectors are reproducible.
//! - [`vectors`]: the generator of `tests/vectors/*.json`.
//! - [`photo`]: photo-like renderings of QR codes (rotated, skewed, blurred, JPEG, low
//!   contrast, inverted, small, on a noisy background) to test and measure the decoder.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod keys;
pub mod photo;
pub mod vectors;
