//! Issuing with a ledger: one certificate, or a whole roster, resumable after a crash.
//!
//! A batch goes in chunks. Each chunk is **one ledger transaction**
//! ([`IssueLedger::issue_chunk`]): rows already in the ledger (same row key) are not signed
//! again; new rows get a serial that is not in the ledger and an unused status-list entry, are
//! signed, and are recorded. Only then are their output files rendered (on all cores) and
//! written, each atomically ([`crate::files::write_atomic`], owner-only: they hold personal
//! data). Killing the process at any point therefore leaves: certificates either recorded or
//! not (never half), and files either complete or absent. Running the same roster again issues
//! what is missing and re-renders missing files from the recorded tokens: no serial twice,
//! nothing lost. Several batches may run at once on one issuer folder, with the same roster
//! or different ones: the transactions take turns, so each row is issued once, by one of them.

use crate::files::{CsvDocument, PRIVATE, sync_dir, write_atomic, write_atomic_in_unsynced_dir};
use crate::issue::{IssueError, IssueRequest, Issued, Issuer};
use crate::ledger::{Draft, Entry, IssueLedger, LedgerError, Recorded, Reserved};
use crate::roster::{RosterRow, RowError};
use rayon::prelude::*;
use sello_core::{Claims, StatusRef, token};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Why issuing with the ledger failed.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// The ledger failed.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// Signing or validation failed.
    #[error(transparent)]
    Issue(#[from] IssueError),
    /// An output file could not be written.
    #[error("{}", crate::i18n::tr("batch-io", &[("path", sello_core::i18n::Arg::from(crate::i18n::path_of(path))), ("error", sello_core::i18n::Arg::from(sello_core::i18n::io_error(source)))]))]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
}

/// A file to write for a certificate: a name inside the output folder, and its bytes.
pub type OutputFile = (String, Vec<u8>);

/// Renders a certificate's output files (QR images, printable certificate). Called in parallel.
pub trait Render: Sync {
    /// The files for one certificate.
    fn render(&self, issued: &Issued) -> Result<Vec<OutputFile>, String>;
    /// The file names `render` would produce, to tell whether a resumed row needs rendering.
    fn file_names(&self, serial: &str) -> Vec<String>;
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The ledger entry for a certificate just signed with the key `kid`.
pub fn entry_for(issued: &Issued, row_key: Option<String>, kid: &str) -> Entry {
    let c = &issued.claims;
    Entry {
        serial: c.jti.clone(),
        row_key,
        holder: c.cert.holder.name.clone(),
        holder_id: c.cert.holder.id.clone(),
        code: c.cert.achievement.code.clone(),
        title: c.cert.achievement.title.clone(),
        status_idx: c.status.map_or(0, |s| s.idx),
        token: issued.token.clone(),
        token_sha256: sha256_hex(&issued.token),
        kid: kid.to_owned(),
        issued_at: c.iat,
        expires_at: c.exp,
        revoked_at: None,
        revoke_reason: None,
    }
}

/// Rebuilds the issued certificate from its ledger entry.
pub fn issued_from_entry(issuer: &Issuer, entry: &Entry) -> Result<Issued, IssueError> {
    let claims: Claims = token::decode(&entry.token)
        .map_err(|error| IssueError::LedgerToken {
            serial: entry.serial.clone(),
            error,
        })?
        .claims;
    let qr_text = sello_core::qr_text::qr_text(issuer.info().verify_url.as_deref(), &entry.token);
    Ok(Issued {
        claims,
        token: entry.token.clone(),
        qr_text,
    })
}

/// Signs `request` with what the ledger reserved for it.
fn sign_reserved(
    issuer: &Issuer,
    request: &IssueRequest,
    reserved: &Reserved,
    issued_at: Option<i64>,
) -> Result<Issued, IssueError> {
    let mut request = request.clone();
    request.serial = Some(reserved.serial.clone());
    request.status = Some(StatusRef {
        idx: reserved.status_idx,
    });
    if issued_at.is_some() {
        request.issued_at = issued_at;
    }
    issuer.issue(&request)
}

/// Issues one certificate and records it, in one ledger transaction (the same operation as a
/// batch's chunk); a serial already issued is refused.
pub fn issue_recorded(
    issuer: &Issuer,
    ledger: &mut dyn IssueLedger,
    request: &IssueRequest,
) -> Result<Issued, BatchError> {
    let kid = issuer.kid();
    let mut signed = None;
    let draft = Draft {
        row_key: None,
        serial: request.serial.as_deref(),
    };
    let recorded = ledger.issue_chunk(&[draft], &mut |_, reserved| {
        let issued = sign_reserved(issuer, request, reserved, None)?;
        let entry = entry_for(&issued, None, &kid);
        signed = Some(issued);
        Ok(entry)
    })?;
    match recorded.into_iter().next() {
        Some(Recorded::Issued(_)) => Ok(signed.expect("signed before it was recorded")),
        Some(Recorded::SerialTaken(s)) => Err(LedgerError::SerialTaken(s).into()),
        Some(Recorded::Refused(e)) => Err(e.into()),
        Some(Recorded::AlreadyIssued(e)) => Err(LedgerError::SerialTaken(e.serial).into()),
        None => Err(LedgerError::Damaged("no result for the certificate".into()).into()),
    }
}

/// What happened to one roster row.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Issued in this run.
    Issued,
    /// Found in the ledger from an earlier run (files re-rendered if missing).
    AlreadyIssued,
    /// Not issued: the reason.
    Failed(String),
}

/// One line of a batch summary.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SummaryRow {
    /// Line in the roster.
    pub line: u64,
    /// Serial, when issued.
    pub serial: Option<String>,
    /// Holder's name, when known.
    pub holder: Option<String>,
    /// What happened.
    pub outcome: Outcome,
    /// Output files, relative to the output folder.
    pub files: Vec<String>,
    /// The token, when issued.
    pub token: Option<String>,
    /// The version of its QR code as drawn (the numeric form, error correction M), when issued.
    pub qr_version: Option<u8>,
}

/// The largest QR version a certificate should need at error correction M: 89 modules (97 with the
/// quiet zone), so that the default template prints it at 0.55 mm per module or more. A batch warns about rows past
/// it (`docs/ISSUING.md`, "How long a QR code gets").
pub const QR_VERSION_TARGET: u8 = 18;

/// The fields of a certificate that make its QR code long: the three longest, by the name of
/// their roster column and their length in bytes, longest first.
pub fn longest_fields(c: &sello_core::Certificate) -> Vec<(String, usize)> {
    let mut fields: Vec<(String, usize)> = [
        ("holder", Some(&c.holder.name)),
        ("holder_id", c.holder.id.as_ref()),
        ("code", Some(&c.achievement.code)),
        ("title", Some(&c.achievement.title)),
        ("level", c.achievement.level.as_ref()),
        ("unit", c.unit.as_ref()),
    ]
    .into_iter()
    .filter_map(|(name, value)| value.map(|v| (name.to_string(), v.len())))
    .chain(c.attrs.iter().map(|(k, v)| (k.clone(), k.len() + v.len())))
    .collect();
    fields.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    fields.truncate(3);
    fields
}

/// Batch settings.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Where output files go.
    pub out_dir: PathBuf,
    /// Rows recorded per transaction.
    pub chunk_size: usize,
    /// Issue time for new certificates; now when `None`.
    pub issued_at: Option<i64>,
}

/// Issues a roster (the valid `rows`; `rejected` rows only go into the summary). `progress` is
/// called, possibly from several threads, with a count of rows just finished. Writes
/// `summary.csv` in the output folder and returns the same rows, in roster order.
pub fn run_batch(
    issuer: &Issuer,
    ledger: &mut dyn IssueLedger,
    rows: &[RosterRow],
    rejected: &[RowError],
    renderer: &dyn Render,
    options: &BatchOptions,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Vec<SummaryRow>, BatchError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| BatchError::Io { path, source }
    };
    std::fs::create_dir_all(&options.out_dir).map_err(io(&options.out_dir))?;
    let kid = issuer.kid();
    let mut summary: Vec<SummaryRow> = rejected
        .iter()
        .map(|e| SummaryRow {
            line: e.line,
            serial: None,
            holder: None,
            outcome: Outcome::Failed(e.message.clone()),
            files: Vec::new(),
            token: None,
            qr_version: None,
        })
        .collect();
    for chunk in rows.chunks(options.chunk_size.max(1)) {
        // 1. One transaction: resumed rows found, new ones signed and recorded, before any
        //    file exists.
        let issued_at = Some(options.issued_at.unwrap_or_else(crate::now));
        let drafts: Vec<Draft<'_>> = chunk
            .iter()
            .map(|row| Draft {
                row_key: Some(&row.row_key),
                serial: row.request.serial.as_deref(),
            })
            .collect();
        let mut signed: Vec<Option<Issued>> = vec![None; chunk.len()];
        let recorded = ledger.issue_chunk(&drafts, &mut |i, reserved| {
            let row = &chunk[i];
            let issued = sign_reserved(issuer, &row.request, reserved, issued_at)?;
            let entry = entry_for(&issued, Some(row.row_key.clone()), &kid);
            signed[i] = Some(issued);
            Ok(entry)
        })?;
        // 2. Sort the outcomes.
        let mut ready: Vec<(u64, Issued, Outcome)> = Vec::with_capacity(chunk.len());
        for ((row, recorded), signed) in chunk.iter().zip(recorded).zip(&mut signed) {
            let failed = |why: String| SummaryRow {
                line: row.line,
                serial: None,
                holder: Some(row.request.certificate.holder.name.clone()),
                outcome: Outcome::Failed(why),
                files: Vec::new(),
                token: None,
                qr_version: None,
            };
            match recorded {
                Recorded::Issued(_) => match signed.take() {
                    Some(issued) => ready.push((row.line, issued, Outcome::Issued)),
                    None => return Err(LedgerError::Mismatch(row.row_key.clone()).into()),
                },
                Recorded::AlreadyIssued(entry) => ready.push((
                    row.line,
                    issued_from_entry(issuer, &entry)?,
                    Outcome::AlreadyIssued,
                )),
                Recorded::SerialTaken(s) => {
                    summary.push(failed(LedgerError::SerialTaken(s).to_string()));
                }
                Recorded::Refused(e) => summary.push(failed(e.to_string())),
            }
        }
        progress((chunk.len() - ready.len()) as u64);
        // 3. Render and write on all cores; only what is missing for resumed rows.
        let rendered: Vec<SummaryRow> = ready
            .par_iter()
            .map(|(line, issued, outcome)| {
                let serial = issued.claims.jti.clone();
                let names = renderer.file_names(&serial);
                let missing = names.iter().any(|n| !options.out_dir.join(n).exists());
                let mut row = SummaryRow {
                    line: *line,
                    serial: Some(serial),
                    holder: Some(issued.claims.cert.holder.name.clone()),
                    outcome: outcome.clone(),
                    files: names,
                    token: Some(issued.token.clone()),
                    qr_version: sello_core::qr_version_at_m(&issued.qr_text),
                };
                if *outcome == Outcome::Issued || missing {
                    match renderer.render(issued) {
                        Ok(files) => {
                            for (name, bytes) in files {
                                let path = options.out_dir.join(&name);
                                if let Err(source) =
                                    write_atomic_in_unsynced_dir(&path, &bytes, PRIVATE)
                                {
                                    let e = BatchError::Io { path, source };
                                    row.outcome = Outcome::Failed(e.to_string());
                                }
                            }
                        }
                        Err(e) => {
                            let why =
                                crate::i18n::tr("batch-render-failed", &[("error", e.into())]);
                            row.outcome = Outcome::Failed(why);
                        }
                    }
                }
                progress(1);
                row
            })
            .collect();
        // The chunk's files are renamed into place; one flush of the folder makes them all
        // durable (one per chunk, not one per file) before the next chunk or the summary.
        sync_dir(&options.out_dir).map_err(io(&options.out_dir))?;
        summary.extend(rendered);
    }
    summary.sort_by_key(|r| r.line);
    write_summary(&options.out_dir.join("summary.csv"), &summary)?;
    Ok(summary)
}

/// Writes the batch summary as CSV: line, outcome, serial, holder, files, error, token and the
/// QR code's version and error-correction level (`20-M`), always in this order, the header and the outcomes in the language in use (`summary-*` in the
/// catalogue); cells that a spreadsheet would take for a formula are neutralised
/// ([`crate::files::csv_cell`]). Owner-only: it holds names and tokens.
const SUMMARY_COLUMNS: [&str; 8] = [
    "summary-line",
    "summary-outcome",
    "summary-serial",
    "summary-holder",
    "summary-files",
    "summary-error",
    "summary-token",
    "summary-qr-version",
];

fn write_summary(path: &Path, rows: &[SummaryRow]) -> Result<(), BatchError> {
    let io = |source| BatchError::Io {
        path: path.to_owned(),
        source,
    };
    let mut doc = CsvDocument::new();
    let word = |id: &str| crate::i18n::tr(id, &[]);
    let header = SUMMARY_COLUMNS.map(word);
    doc.row(header.iter().map(String::as_str)).map_err(io)?;
    let [issued, already, failed] =
        ["summary-issued", "summary-already-issued", "summary-failed"].map(word);
    for r in rows {
        let (outcome, error) = match &r.outcome {
            Outcome::Issued => (issued.as_str(), ""),
            Outcome::AlreadyIssued => (already.as_str(), ""),
            Outcome::Failed(e) => (failed.as_str(), e.as_str()),
        };
        doc.row([
            r.line.to_string().as_str(),
            outcome,
            r.serial.as_deref().unwrap_or(""),
            r.holder.as_deref().unwrap_or(""),
            &r.files.join(" "),
            error,
            r.token.as_deref().unwrap_or(""),
            &r.qr_version.map(|v| format!("{v}-M")).unwrap_or_default(),
        ])
        .map_err(io)?;
    }
    write_atomic(path, &doc.into_bytes().map_err(io)?, PRIVATE).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Ledger;
    use crate::roster::{RosterFormat, RowDefaults, parse};
    use crate::signer::LocalSigner;
    use ed25519_dalek::SigningKey;
    use std::collections::HashSet;
    use std::sync::atomic::{AtomicU64, Ordering};

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

    fn issuer() -> Issuer {
        Issuer::new(
            sello_core::IssuerInfo {
                id: "mx.prueba".into(),
                name: "Prueba".into(),
                verify_url: None,
                time_zone: None,
            },
            Box::new(LocalSigner::new(SigningKey::from_bytes(&[2; 32]))),
        )
    }

    #[test]
    fn batch_is_resumable_and_never_issues_twice() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let mut roster = String::from("holder,serial\n");
        for i in 0..25 {
            roster.push_str(&format!("Persona {i},\n"));
        }
        roster.push_str("Con folio,FIJO-1\nRepetido,FIJO-1\n,\n");
        let defaults = RowDefaults {
            code: Some("EC0105".into()),
            title: Some("T".into()),
            ..Default::default()
        };
        let (rows, rejected) = parse(roster.as_bytes(), RosterFormat::Csv, &defaults).unwrap();
        assert_eq!((rows.len(), rejected.len()), (26, 1));
        let mut ledger = Ledger::open(&dir.path().join("ledger.sqlite")).unwrap();
        let opts = BatchOptions {
            out_dir: out.clone(),
            chunk_size: 4,
            issued_at: Some(100),
        };
        let count = AtomicU64::new(0);
        let bump = |n: u64| {
            count.fetch_add(n, Ordering::Relaxed);
        };
        let first = run_batch(
            &issuer(),
            &mut ledger,
            &rows,
            &rejected,
            &TokenFile,
            &opts,
            &bump,
        )
        .unwrap();
        assert_eq!(count.load(Ordering::Relaxed), 26);
        let issued = first
            .iter()
            .filter(|r| r.outcome == Outcome::Issued)
            .count();
        assert_eq!(issued, 26);
        assert_eq!(ledger.count().unwrap(), 26);
        // Line 29 (the repeated serial) was rejected by the roster, line 30 (no name) too.
        assert_eq!(
            first
                .iter()
                .filter(|r| matches!(r.outcome, Outcome::Failed(_)))
                .count(),
            1
        );

        // A crash lost some files: the second run re-renders them and issues nothing new.
        let victim = first[3].serial.clone().unwrap();
        std::fs::remove_file(out.join(format!("{victim}.jwt"))).unwrap();
        let second = run_batch(
            &issuer(),
            &mut ledger,
            &rows,
            &rejected,
            &TokenFile,
            &opts,
            &|_| {},
        )
        .unwrap();
        assert!(second.iter().all(|r| r.outcome != Outcome::Issued));
        assert_eq!(ledger.count().unwrap(), 26);
        assert!(out.join(format!("{victim}.jwt")).exists());
        let serials: HashSet<_> = second.iter().filter_map(|r| r.serial.clone()).collect();
        assert_eq!(serials.len(), 26);
        let summary = std::fs::read_to_string(out.join("summary.csv")).unwrap();
        assert_eq!(summary.lines().count(), 28);
        assert!(summary.contains(&crate::i18n::tr("summary-already-issued", &[])));
        // Every row that has a QR code gives its version, last, as the QR text needs.
        for r in second.iter().filter(|r| r.serial.is_some()) {
            let entry = ledger.get(r.serial.as_deref().unwrap()).unwrap().unwrap();
            let qr = issued_from_entry(&issuer(), &entry).unwrap().qr_text;
            let v = sello_core::qr_version_at_m(&qr).unwrap();
            assert_eq!(r.qr_version, Some(v));
            let line = summary
                .lines()
                .find(|l| l.starts_with(&format!("{},", r.line)));
            assert!(line.unwrap().ends_with(&format!(",{v}-M")), "{line:?}");
        }
    }

    #[test]
    fn the_longest_fields_are_named_by_their_roster_columns() {
        let mut c = crate::issue::tests::cert();
        c.holder.name = "Ana".into();
        c.achievement.title = "Título largo de verdad".into();
        c.attrs.insert("dep".into(), "Registro Civil".into());
        let fields = longest_fields(&c);
        assert_eq!(fields.len(), 3);
        assert_eq!(
            fields[0],
            ("title".to_string(), "Título largo de verdad".len())
        );
        assert_eq!(fields[1], ("dep".to_string(), 3 + "Registro Civil".len()));
        assert!(fields.windows(2).all(|w| w[0].1 >= w[1].1), "{fields:?}");
    }

    #[test]
    fn single_issue_refuses_a_serial_already_issued() {
        let mut ledger = Ledger::in_memory().unwrap();
        let mut req = IssueRequest::new(crate::issue::tests::cert());
        req.serial = Some("A-1".into());
        let issued = issue_recorded(&issuer(), &mut ledger, &req).unwrap();
        assert!(issued.claims.status.is_some());
        assert!(matches!(
            issue_recorded(&issuer(), &mut ledger, &req),
            Err(BatchError::Ledger(LedgerError::SerialTaken(_)))
        ));
        req.serial = None;
        issue_recorded(&issuer(), &mut ledger, &req).unwrap();
        assert_eq!(ledger.count().unwrap(), 2);
    }

    /// Several issuers (threads, each with its own connection, as separate processes have) run
    /// batches on one ledger at once, across the point where the status list must grow.
    #[test]
    fn concurrent_batches_on_one_ledger_share_nothing_and_the_list_never_shrinks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        let half = (sello_core::status::MIN_ENTRIES / 2) as u64;
        // An issuer that has issued nearly half a minimum list already.
        let earlier = half - 900;
        Ledger::open(&path).unwrap().prefill(earlier).unwrap();
        let defaults = RowDefaults {
            code: Some("EC0105".into()),
            title: Some("T".into()),
            ..Default::default()
        };
        // Workers 0 and 1 share a roster (overlapping); 2 and 3 have their own.
        let rosters: Vec<String> = (0..4)
            .map(|w| {
                let group = if w < 2 { 0 } else { w };
                let mut csv = String::from("holder\n");
                for i in 0..600 {
                    csv.push_str(&format!("Persona {group}-{i}\n"));
                }
                csv
            })
            .collect();
        let done = std::sync::atomic::AtomicBool::new(false);
        let sizes = std::thread::scope(|s| {
            let watcher = s.spawn(|| {
                let ledger = Ledger::open(&path).unwrap();
                let mut seen = vec![ledger.status_size().unwrap()];
                while !done.load(Ordering::Relaxed) {
                    seen.push(ledger.status_size().unwrap());
                }
                seen.push(ledger.status_size().unwrap());
                seen
            });
            let workers: Vec<_> = rosters
                .iter()
                .enumerate()
                .map(|(w, csv)| {
                    let (path, defaults, dir) = (&path, &defaults, dir.path());
                    s.spawn(move || {
                        let (rows, rejected) =
                            parse(csv.as_bytes(), RosterFormat::Csv, defaults).unwrap();
                        let mut ledger = Ledger::open(path).unwrap();
                        let opts = BatchOptions {
                            out_dir: dir.join(format!("out{w}")),
                            chunk_size: 256,
                            issued_at: Some(100),
                        };
                        run_batch(
                            &issuer(),
                            &mut ledger,
                            &rows,
                            &rejected,
                            &TokenFile,
                            &opts,
                            &|_| {},
                        )
                    })
                })
                .collect();
            let results: Vec<_> = workers.into_iter().map(|w| w.join().unwrap()).collect();
            done.store(true, Ordering::Relaxed);
            (results, watcher.join().unwrap())
        });
        let (results, sizes) = sizes;
        for summary in results {
            let summary = summary.expect("every batch completes");
            assert!(
                summary
                    .iter()
                    .all(|r| !matches!(r.outcome, Outcome::Failed(_)))
            );
        }
        assert!(sizes.windows(2).all(|w| w[0] <= w[1]), "the list shrank");
        let ledger = Ledger::open(&path).unwrap();
        let size = ledger.status_size().unwrap();
        let total = earlier + 1800;
        assert_eq!(ledger.count().unwrap(), total);
        assert!(total * 2 <= u64::from(size), "more than half full");
        let (mut serials, mut indices, mut rows) = (HashSet::new(), HashSet::new(), HashSet::new());
        ledger
            .for_each(|e| {
                assert!(serials.insert(e.serial.clone()));
                assert!(indices.insert(e.status_idx));
                assert!(
                    e.status_idx < size,
                    "index {} beyond the list",
                    e.status_idx
                );
                if let Some(k) = &e.row_key {
                    assert!(rows.insert(k.clone()));
                }
            })
            .unwrap();
        assert_eq!(rows.len(), 1800);
    }
}
