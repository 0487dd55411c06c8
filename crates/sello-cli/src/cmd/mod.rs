//! One module per command; each has a `run` that `main.rs` calls with the parsed arguments.

pub mod batch;
pub mod demo;
pub mod federation;
pub mod issue;
pub mod keygen;
pub mod keys;
pub mod ledger;
pub mod reissue;
pub mod revoke;
pub mod scan;
pub mod serve;
pub mod site;
pub mod status;
pub mod trust;
pub mod verify;
