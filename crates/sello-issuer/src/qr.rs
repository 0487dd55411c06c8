//! Moved: QR codes are drawn by `sello-print` ([`sello_print::QrMatrix`]) and their capacity is
//! [`sello_core::MAX_QR_BYTES`]. These names stay only until the `sello` command, the one user
//! left, takes them from there; then this module goes.

pub use sello_print::{Correction, QUIET_ZONE, QrError, QrMatrix};
