//! Several stations, one PostgreSQL ledger, as separate processes.
//!
//! Four processes (this test program run again as workers) issue overlapping rosters of
//! 2,000 rows each into one database, two of them with one station's key and two with
//! another's; one is SIGKILLed in the middle of a chunk (while it holds the issuing lock,
//! signing) and then run again. Afterwards: every roster row issued exactly once, serials and
//! status entries distinct, every certificate verifies against the issuer's key set (both
//! station keys), every station's published status list verifies with `iat` strictly
//! increasing, and revoking any one certificate is seen after the next publication.
//!
//! Needs a server: `SELLO_TEST_POSTGRES` (a URL without password); skipped without one,
//! failed under `CI=true`. `harness = false`: `main` is either the test or, with
//! `SELLO_STATION_WORKER` set, one station.

use sello_core::Verdict;
use sello_issuer::ledger::{Draft, IssueLedger, LedgerError, LedgerStore, Recorded, SignFn};
use sello_issuer::roster::{RosterFormat, RowDefaults, parse};
use sello_issuer::{BatchOptions, Outcome, OutputFile, Render, run_batch};
use sello_issuer::{Issued, Issuer};
use sello_issuer::{PgLedger, ProcessEnv, pg_config as config};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

const ROWS_PER_STATION: usize = 2000;
const CHUNK: usize = 100;
const ISSUER: &str = "mx.red-nacional";
/// Station keys (test seeds): workers 0 and 1 sign with the first, 2 and 3 with the second.
const STATION_SEEDS: [u8; 2] = [41, 42];

struct TokenFile;
impl Render for TokenFile {
    fn render(&self, issued: &Issued) -> Result<Vec<OutputFile>, String> {
        Ok(vec![(
            format!("{}.jwt", issued.claims.jti),
            issued.token.clone().into_bytes(),
        )])
    }
    fn file_names(&self, serial: &str) -> Vec<String> {
        vec![format!("{serial}.jwt")]
    }
}

/// A ledger whose signing step stops for good after `after` certificates, once it has told
/// the parent so by creating `flag` (so the parent can kill it mid-chunk).
struct PauseAt {
    inner: PgLedger,
    after: usize,
    flag: PathBuf,
    signed: usize,
}

impl IssueLedger for PauseAt {
    fn issue_chunk(
        &mut self,
        drafts: &[Draft<'_>],
        sign: &mut SignFn<'_>,
    ) -> Result<Vec<Recorded>, LedgerError> {
        let (after, flag, signed) = (self.after, self.flag.clone(), &mut self.signed);
        self.inner.issue_chunk(drafts, &mut |i, r| {
            *signed += 1;
            if *signed == after {
                std::fs::write(&flag, b"signing").unwrap();
                loop {
                    std::thread::sleep(Duration::from_secs(60));
                }
            }
            sign(i, r)
        })
    }
}

fn roster(first: usize) -> String {
    let mut csv = String::from("holder,holder_id\n");
    for i in first..first + ROWS_PER_STATION {
        csv.push_str(&format!("Persona {i},ID{i:06}\n"));
    }
    csv
}

fn db_config(dbname: &str) -> postgres::Config {
    let url = std::env::var("SELLO_TEST_POSTGRES").unwrap();
    let mut c = config(&url, &ProcessEnv).unwrap();
    c.dbname(dbname);
    c
}

/// One station: issues its roster (rows from `first`) into the database, then exits.
fn worker() {
    let var = |name: &str| std::env::var(name).unwrap();
    let first: usize = var("STATION_FIRST").parse().unwrap();
    let seed: u8 = var("STATION_SEED").parse().unwrap();
    let out = PathBuf::from(var("STATION_OUT"));
    let issuer = sello_testkit::keys::issuer(ISSUER, seed);
    let defaults = RowDefaults {
        code: Some("EC0105".into()),
        title: Some("Atención al ciudadano".into()),
        ..Default::default()
    };
    let csv = roster(first);
    let (rows, rejected) = parse(csv.as_bytes(), RosterFormat::Csv, &defaults).unwrap();
    assert!(rejected.is_empty());
    let inner = PgLedger::with_config(&db_config(&var("STATION_DB"))).unwrap();
    let options = BatchOptions {
        out_dir: out.clone(),
        chunk_size: CHUNK,
        issued_at: None,
    };
    let summary = match std::env::var("STATION_PAUSE_AFTER") {
        Ok(after) => {
            let mut ledger = PauseAt {
                inner,
                after: after.parse().unwrap(),
                flag: out.with_extension("paused"),
                signed: 0,
            };
            run_batch(
                &issuer,
                &mut ledger,
                &rows,
                &rejected,
                &TokenFile,
                &options,
                &|_| {},
            )
        }
        Err(_) => {
            let mut ledger = inner;
            run_batch(
                &issuer,
                &mut ledger,
                &rows,
                &rejected,
                &TokenFile,
                &options,
                &|_| {},
            )
        }
    }
    .unwrap();
    assert_eq!(summary.len(), ROWS_PER_STATION);
    for row in &summary {
        assert!(
            matches!(row.outcome, Outcome::Issued | Outcome::AlreadyIssued),
            "{row:?}"
        );
    }
}

fn spawn(db: &str, n: usize, out: &Path, pause_after: Option<usize>) -> Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.env("SELLO_STATION_WORKER", "1")
        .env("STATION_DB", db)
        .env("STATION_FIRST", (n * ROWS_PER_STATION / 2).to_string())
        .env("STATION_SEED", STATION_SEEDS[n / 2].to_string())
        .env("STATION_OUT", out);
    if let Some(after) = pause_after {
        cmd.env("STATION_PAUSE_AFTER", after.to_string());
    }
    cmd.spawn().unwrap()
}

fn main() {
    if std::env::var_os("SELLO_STATION_WORKER").is_some() {
        worker();
        return;
    }
    let Ok(url) = std::env::var("SELLO_TEST_POSTGRES") else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("CI=true and no PostgreSQL server: set SELLO_TEST_POSTGRES (scripts/test does)");
        }
        eprintln!("skipped: no PostgreSQL server (SELLO_TEST_POSTGRES unset)");
        return;
    };
    let server = config(&url, &ProcessEnv).unwrap();
    let mut buf = [0u8; 8];
    getrandom::fill(&mut buf).unwrap();
    let db = format!("sello_stations_{}", u64::from_le_bytes(buf));
    server
        .connect(postgres::NoTls)
        .unwrap()
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .unwrap();
    // Created (and migrated) before the stations start, as an operator would.
    drop(PgLedger::with_config(&db_config(&db)).unwrap());

    let tmp = tempfile::tempdir().unwrap();
    let outs: Vec<PathBuf> = (0..4)
        .map(|n| tmp.path().join(format!("station{n}")))
        .collect();
    // Station 1 stops while signing the 60th certificate of its third chunk.
    let pause = 2 * CHUNK + 60;
    let mut children: Vec<Child> = (0..4)
        .map(|n| spawn(&db, n, &outs[n], (n == 1).then_some(pause)))
        .collect();
    let started = Instant::now();
    let flag = outs[1].with_extension("paused");
    let deadline = Instant::now() + Duration::from_secs(600);
    while !flag.exists() {
        assert!(
            Instant::now() < deadline,
            "station 1 never reached its pause"
        );
        assert!(
            children[1].try_wait().unwrap().is_none(),
            "station 1 ended before its pause"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    eprintln!(
        "stations: station 1 paused mid-chunk after {:?}; killing it",
        started.elapsed()
    );
    children[1].kill().unwrap(); // SIGKILL
    children[1].wait().unwrap();
    children[1] = spawn(&db, 1, &outs[1], None);
    for (n, child) in children.iter_mut().enumerate() {
        assert!(child.wait().unwrap().success(), "station {n} failed");
        eprintln!("stations: station {n} done after {:?}", started.elapsed());
    }

    // Every row exactly once; serials and entries distinct; two station keys.
    let mut ledger = PgLedger::with_config(&db_config(&db)).unwrap();
    let mut entries = Vec::new();
    ledger.for_each(&mut |e| entries.push(e.clone())).unwrap();
    let distinct = ROWS_PER_STATION * 5 / 2;
    assert_eq!(entries.len(), distinct);
    let holders: HashSet<&str> = entries.iter().map(|e| e.holder.as_str()).collect();
    assert_eq!(holders.len(), distinct);
    for i in 0..distinct {
        assert!(holders.contains(format!("Persona {i}").as_str()), "row {i}");
    }
    let serials: HashSet<&str> = entries.iter().map(|e| e.serial.as_str()).collect();
    let indices: HashSet<u32> = entries.iter().map(|e| e.status_idx).collect();
    assert_eq!((serials.len(), indices.len()), (distinct, distinct));
    let kids: HashSet<&str> = entries.iter().map(|e| e.kid.as_str()).collect();
    assert_eq!(kids.len(), 2);
    let size = ledger.status_size().unwrap();
    assert!(2 * distinct as u64 <= u64::from(size));
    // Every certificate on disk is the one in the ledger (nothing printed that is not
    // recorded, even by the killed station).
    let by_serial: std::collections::HashMap<&str, &str> = entries
        .iter()
        .map(|e| (e.serial.as_str(), e.token.as_str()))
        .collect();
    let mut files = 0;
    for out in &outs {
        for file in std::fs::read_dir(out).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|x| x == "jwt") {
                let serial = path.file_stem().unwrap().to_str().unwrap();
                let token = std::fs::read_to_string(&path).unwrap();
                assert_eq!(by_serial.get(serial), Some(&token.as_str()), "{serial}");
                files += 1;
            }
        }
    }

    assert!(files >= distinct, "{files} certificate files");

    // Every certificate verifies against the issuer's key set; every station's list
    // verifies; revoking one is seen after the next publication.
    let keys = sello_testkit::keys::key_set(
        ISSUER,
        STATION_SEEDS
            .iter()
            .map(|s| sello_testkit::keys::public_key(*s))
            .collect(),
    );
    let stations: Vec<Issuer> = STATION_SEEDS
        .iter()
        .map(|s| sello_testkit::keys::issuer(ISSUER, *s))
        .collect();
    let now = sello_issuer::now();
    let publish = |station: &Issuer, ledger: &mut PgLedger| -> (String, i64) {
        let mut token = String::new();
        let iat = ledger
            .publish(now, &mut |list, iat| {
                token = station.sign_status_list(list, iat, iat + 86_400)?;
                Ok(())
            })
            .unwrap();
        (token, iat)
    };
    let mut other = PgLedger::with_config(&db_config(&db)).unwrap();
    let (list_a, iat_a) = publish(&stations[0], &mut ledger);
    let (list_b, iat_b) = publish(&stations[1], &mut other);
    assert!(iat_b > iat_a);
    let verifier = |list: &str| {
        let mut trust = sello_verifier::TrustStore::new();
        trust.add(keys.clone()).unwrap();
        let mut v = sello_verifier::Verifier::new(trust);
        v.add_status_list(list).unwrap();
        v
    };
    for list in [&list_a, &list_b] {
        let v = verifier(list);
        let tokens: Vec<&str> = entries.iter().map(|e| e.token.as_str()).collect();
        for (e, result) in entries.iter().zip(v.verify_many(&tokens, now)) {
            assert_eq!(result.verdict, Verdict::Valid, "{}: {result:?}", e.serial);
        }
    }
    let victim = &entries[distinct / 3];
    other.revoke(&victim.serial, "prueba", now).unwrap();
    let (list_c, iat_c) = publish(&stations[0], &mut ledger);
    assert!(iat_c > iat_b);
    let v = verifier(&list_c);
    assert_eq!(v.verify(&victim.token, now).verdict, Verdict::Invalid);
    assert_eq!(v.verify(&entries[0].token, now).verdict, Verdict::Valid);
    drop((ledger, other));
    let _ = server
        .connect(postgres::NoTls)
        .and_then(|mut c| c.batch_execute(&format!("DROP DATABASE {db}")));
    eprintln!("stations: {distinct} certificates from 4 processes, one killed and resumed: ok");
}
