//! Certificates per second into the ledger: SQLite and PostgreSQL, with 1, 2 and 4 stations
//! issuing at once (one thread, one connection and one signing key per station), in one run.
//!
//! ```sh
//! SELLO_BENCH_POSTGRES=postgres://user@localhost:5432/postgres \
//!   cargo bench -p sello-issuer --features postgres --bench ledger [-- ROWS CHUNK]
//! ```
//!
//! Each configuration issues ROWS certificates (default 8,000; split between the stations),
//! CHUNK per transaction (default 100; `sello issue --batch`'s default), into a new, empty
//! ledger: a new SQLite file, or a new database on the server `SELLO_BENCH_POSTGRES` names
//! (without it only SQLite runs). Signing is included (it happens inside the transaction, as in
//! a batch); rendering and writing files are not.

use sello_core::StatusRef;
use sello_issuer::entry_for;
use sello_issuer::ledger::{Draft, IssueLedger, Ledger};
use sello_issuer::{IssueRequest, Issuer};
use std::time::Instant;

fn request() -> IssueRequest {
    let mut r = IssueRequest::new(sello_testkit::typical_certificate());
    r.expires = Some(1_953_244_800);
    r
}

/// One station: issues `rows` rows of its own in chunks, with its own key.
fn station(
    ledger: &mut dyn IssueLedger,
    issuer: &Issuer,
    station: usize,
    rows: usize,
    chunk: usize,
) {
    let kid = issuer.kid();
    let req = request();
    let keys: Vec<String> = (0..rows).map(|i| format!("s{station}-r{i}")).collect();
    for part in keys.chunks(chunk) {
        let drafts: Vec<Draft<'_>> = part
            .iter()
            .map(|k| Draft {
                row_key: Some(k),
                serial: None,
            })
            .collect();
        ledger
            .issue_chunk(&drafts, &mut |i, reserved| {
                let mut r = req.clone();
                r.serial = Some(reserved.serial.clone());
                r.status = Some(StatusRef {
                    idx: reserved.status_idx,
                });
                let issued = issuer.issue(&r)?;
                Ok(entry_for(&issued, Some(part[i].clone()), &kid))
            })
            .unwrap();
    }
}

/// Runs `stations` stations at once, each opening its ledger with `open`; seconds taken.
fn run<L: IssueLedger + Send>(
    open: &(dyn Fn() -> L + Sync),
    stations: usize,
    rows: usize,
    chunk: usize,
) -> f64 {
    let issuers: Vec<Issuer> = (0..stations)
        .map(|s| sello_testkit::keys::issuer("mx.cecati149", 10 + s as u8))
        .collect();
    let mut ledgers: Vec<L> = (0..stations).map(|_| open()).collect();
    let start = Instant::now();
    std::thread::scope(|scope| {
        for (s, (ledger, issuer)) in ledgers.iter_mut().zip(&issuers).enumerate() {
            scope.spawn(move || station(ledger, issuer, s, rows / stations, chunk));
        }
    });
    start.elapsed().as_secs_f64()
}

fn report(backend: &str, stations: usize, rows: usize, secs: f64) {
    println!(
        "{backend:<10} {stations:>8} {rows:>7} {secs:>9.2} {:>10.0}",
        rows as f64 / secs
    );
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let rows = args.first().copied().unwrap_or(8_000);
    let chunk = args.get(1).copied().unwrap_or(100);
    println!("backend    stations    rows   seconds  certs/s   (chunk {chunk})");
    for stations in [1, 2, 4] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        let secs = run(&|| Ledger::open(&path).unwrap(), stations, rows, chunk);
        report("sqlite", stations, rows, secs);
    }
    #[cfg(feature = "postgres")]
    if let Ok(url) = std::env::var("SELLO_BENCH_POSTGRES") {
        use sello_issuer::{PgLedger, ProcessEnv, pg_config as config};
        let server = config(&url, &ProcessEnv).unwrap();
        let mut admin = server.connect(postgres::NoTls).unwrap();
        for stations in [1, 2, 4] {
            let name = format!("sello_bench_{}_{stations}", std::process::id());
            admin
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .unwrap();
            let mut db = server.clone();
            db.dbname(&name);
            let secs = run(
                &|| PgLedger::with_config(&db).unwrap(),
                stations,
                rows,
                chunk,
            );
            report("postgres", stations, rows, secs);
            admin
                .batch_execute(&format!("DROP DATABASE {name}"))
                .unwrap();
        }
    }
}
