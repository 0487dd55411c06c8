//! Test support shared by Sello's test suites, examples and benchmarks (not published).
//!
//! - [`curve`]: curve arithmetic for signatures no honest signer makes (a torsion `R`).
//! - [`keys`]: deterministic **test-only** issuers, so test vectors are reproducible.
//! - [`vectors`]: the generator of `tests/vectors/*.json`.
//! - [`photo`]: photo-like renderings of QR codes (rotated, skewed, blurred, JPEG, low
//!   contrast, inverted, small, on a noisy background) to test and measure the decoder.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod curve;
pub mod federation;
pub mod keys;
pub mod photo;
pub mod vectors;

use sello_core::{Achievement, Certificate, Holder};

/// A typical certificate: a name with accents, a CURP-shaped id, EC0105 with its full title,
/// the unit and one `attrs` entry (the shape used by benchmarks and photo tests).
pub fn typical_certificate() -> Certificate {
    Certificate {
        holder: Holder {
            name: "María Guadalupe Hernández López".into(),
            id: Some("HELG850312MDFRPD09".into()),
        },
        achievement: Achievement {
            code: "EC0105".into(),
            title: "Atención al ciudadano en el sector público".into(),
            level: None,
        },
        unit: Some("CECATI 149".into()),
        attrs: [("dep".to_owned(), "Registro Civil".to_owned())].into(),
    }
}

/// The certificate of the worked examples in `docs/FORMAT.md` (§11 and §5.8.9), with the given
/// `attrs`: María Guadalupe Hernández López, EC0105 level 3, CECATI 149.
pub fn worked_example_certificate(attrs: &[(&str, &str)]) -> Certificate {
    Certificate {
        holder: Holder {
            name: "María Guadalupe Hernández López".into(),
            id: Some("HELG850312MDFRPD09".into()),
        },
        achievement: Achievement {
            code: "EC0105".into(),
            title: "Atención al ciudadano en el sector público".into(),
            level: Some("3".into()),
        },
        unit: Some("CECATI 149".into()),
        attrs: attrs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
    }
}
