//! The ledger test suite, one body per test, run against every backend: SQLite always,
//! PostgreSQL when `SELLO_TEST_POSTGRES` names a server (and as a failure, not a skip, when it
//! does not and `CI=true`). Instantiated by [`ledger_suite!`] in each backend's tests.

use crate::issue::IssueError;
use crate::ledger::{
    Draft, Entry, IssueLedger, LedgerError, LedgerStore, Recorded, grown_status_size,
};
use sello_core::status::{MAX_ENTRIES, MIN_ENTRIES};
use std::collections::HashSet;

/// A database to test against: every `open` is a new connection to the same ledger.
pub(crate) trait TestDb: Sync {
    type L: Harness;
    fn open(&self) -> Self::L;
}

/// What the suite needs beyond [`LedgerStore`] to set up its cases.
pub(crate) trait Harness: LedgerStore + Sized + 'static {
    /// Records an entry with only the table's constraints checked; a serial already present
    /// is [`LedgerError::SerialTaken`].
    fn insert_unchecked(&mut self, e: &Entry) -> Result<(), LedgerError>;
    /// Overwrites the stored status-list size.
    fn set_status_size_text(&mut self, text: &str);
    /// `n` placeholder certificates on the even entries.
    fn prefill(&mut self, n: u64);
}

/// Generates one `#[test]` per suite body for a backend whose `$db` expression gives an
/// `Option<impl TestDb>` (`None`: skipped).
macro_rules! ledger_suite {
    ($db:expr) => {
        $crate::ledger_suite::ledger_suite!(@ $db;
            uniqueness_is_enforced_by_the_database,
            a_chunk_resumes_rows_refuses_taken_serials_and_records_the_rest,
            a_chunk_is_recorded_whole_or_not_at_all,
            revocation_and_status_list,
            status_list_grows_to_stay_half_empty,
            a_damaged_status_size_is_an_error_not_a_smaller_list,
            export_and_list_keep_issue_order,
            publishing_iat_strictly_increases_and_a_failed_write_records_nothing,
            import_is_idempotent_carries_revocations_and_refuses_a_different_token,
            concurrent_connections_issue_each_row_once_on_distinct_entries,
            two_chunks_at_once_keep_the_list_at_most_half_full,
            reopening_keeps_everything,
            migrating_from_sqlite_copies_everything_once_and_checks_it
        );
    };
    (@ $db:expr; $($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                if let Some(db) = $db {
                    $crate::ledger_suite::$name(&db);
                }
            }
        )*
    };
}
pub(crate) use ledger_suite;

pub(crate) fn e(serial: &str, idx: u32, row: Option<&str>) -> Entry {
    Entry {
        serial: serial.into(),
        row_key: row.map(str::to_owned),
        holder: "Ana".into(),
        holder_id: None,
        code: "EC0105".into(),
        title: "T".into(),
        status_idx: idx,
        token: format!("a.{serial}.c"),
        token_sha256: format!("sha-{serial}"),
        kid: "k".into(),
        issued_at: 1,
        expires_at: None,
        revoked_at: None,
        revoke_reason: None,
    }
}

/// Issues `drafts`, signing each with a placeholder token; `refuse` names the positions whose
/// signer refuses.
pub(crate) fn issue(
    l: &mut dyn LedgerStore,
    drafts: &[Draft<'_>],
    refuse: &[usize],
) -> Vec<Recorded> {
    l.issue_chunk(drafts, &mut |i, r| {
        if refuse.contains(&i) {
            return Err(IssueError::KeyNotValid("k".into()));
        }
        Ok(e(&r.serial, r.status_idx, drafts[i].row_key))
    })
    .unwrap()
}

fn draft<'a>(row_key: Option<&'a str>, serial: Option<&'a str>) -> Draft<'a> {
    Draft { row_key, serial }
}

fn issued(r: &Recorded) -> &Entry {
    match r {
        Recorded::Issued(e) => e,
        other => panic!("{other:?}"),
    }
}

pub(crate) fn uniqueness_is_enforced_by_the_database(db: &impl TestDb) {
    let mut l = db.open();
    l.insert_unchecked(&e("A", 1, Some("r1"))).unwrap();
    l.insert_unchecked(&e("B", 2, None)).unwrap();
    assert!(
        matches!(l.insert_unchecked(&e("A", 3, None)), Err(LedgerError::SerialTaken(s)) if s == "A")
    );
    assert!(
        l.insert_unchecked(&e("C", 1, None)).is_err(),
        "status entry reused"
    );
    assert!(
        l.insert_unchecked(&e("D", 4, Some("r1"))).is_err(),
        "row issued twice"
    );
    assert_eq!(l.count().unwrap(), 2);
    assert_eq!(l.by_row_key("r1").unwrap().unwrap().serial, "A");
}

pub(crate) fn a_chunk_resumes_rows_refuses_taken_serials_and_records_the_rest(db: &impl TestDb) {
    let mut l = db.open();
    let first = issue(
        &mut l,
        &[draft(Some("r1"), Some("A-1")), draft(Some("r2"), None)],
        &[],
    );
    let a = issued(&first[0]).clone();
    assert_eq!(a.serial, "A-1");
    let chunk = [
        draft(Some("r1"), None),        // resumed: issued above
        draft(Some("r3"), Some("A-1")), // serial already issued
        draft(Some("r4"), Some("B-1")),
        draft(Some("r5"), Some("B-1")), // serial asked for earlier in this chunk
        draft(Some("r4"), None),        // row key earlier in this chunk
        draft(Some("r6"), None),        // refused by the signer
        draft(Some("r6"), None),        // the same row again: issued this time
        draft(None, None),
    ];
    let out = issue(&mut l, &chunk, &[5]);
    assert_eq!(out.len(), chunk.len());
    assert!(matches!(&out[0], Recorded::AlreadyIssued(x) if *x == a));
    assert!(matches!(&out[1], Recorded::SerialTaken(s) if s == "A-1"));
    let b = issued(&out[2]).clone();
    assert!(matches!(&out[3], Recorded::SerialTaken(s) if s == "B-1"));
    assert!(matches!(&out[4], Recorded::AlreadyIssued(x) if *x == b));
    assert!(matches!(
        &out[5],
        Recorded::Refused(IssueError::KeyNotValid(_))
    ));
    assert_eq!(issued(&out[6]).row_key.as_deref(), Some("r6"));
    assert!(issued(&out[7]).row_key.is_none());
    assert_eq!(l.count().unwrap(), 5);
    assert_eq!(l.get("B-1").unwrap().unwrap(), b);
    assert!(l.get("nope").unwrap().is_none());
}

pub(crate) fn a_chunk_is_recorded_whole_or_not_at_all(db: &impl TestDb) {
    let mut l = db.open();
    let drafts = [draft(Some("r1"), None), draft(Some("r2"), None)];
    // The signer returns a certificate for another entry at the second draft: the first,
    // already signed, is not recorded either.
    let err = l
        .issue_chunk(&drafts, &mut |i, r| {
            Ok(e(
                &r.serial,
                r.status_idx + u32::from(i == 1),
                drafts[i].row_key,
            ))
        })
        .unwrap_err();
    assert!(matches!(err, LedgerError::Mismatch(_)));
    assert_eq!(l.count().unwrap(), 0);
    assert_eq!(l.status_size().unwrap(), MIN_ENTRIES);
    // The connection is usable afterwards.
    assert_eq!(issue(&mut l, &drafts, &[]).len(), 2);
}

pub(crate) fn revocation_and_status_list(db: &impl TestDb) {
    let mut l = db.open();
    let out = issue(
        &mut l,
        &[draft(None, Some("A")), draft(None, Some("B"))],
        &[],
    );
    let idx: Vec<u32> = out.iter().map(|r| issued(r).status_idx).collect();
    assert_ne!(idx[0], idx[1]);
    let revoked = l.revoke("B", "emitido por error", 50).unwrap();
    assert_eq!(revoked.revoked_at, Some(50));
    assert!(matches!(
        l.revoke("B", "x", 60),
        Err(LedgerError::AlreadyRevoked(_))
    ));
    assert!(matches!(
        l.revoke("Z", "x", 60),
        Err(LedgerError::NotFound(_))
    ));
    let list = l.status_list().unwrap();
    assert_eq!(list.len(), MIN_ENTRIES);
    assert_eq!(list.is_revoked(idx[1]), Some(true));
    assert_eq!(list.is_revoked(idx[0]), Some(false));
    assert_eq!(
        l.get("B").unwrap().unwrap().revoke_reason.as_deref(),
        Some("emitido por error")
    );
    // Another connection sees it.
    assert_eq!(
        db.open().status_list().unwrap().is_revoked(idx[1]),
        Some(true)
    );
}

pub(crate) fn status_list_grows_to_stay_half_empty(db: &impl TestDb) {
    let half = u64::from(MIN_ENTRIES / 2);
    assert_eq!(grown_status_size(MIN_ENTRIES, half).unwrap(), MIN_ENTRIES);
    let mut l = db.open();
    l.prefill(half - 1);
    issue(&mut l, &[draft(None, None)], &[]);
    assert_eq!(l.status_size().unwrap(), MIN_ENTRIES, "exactly half full");
    let out = issue(&mut l, &[draft(None, None), draft(None, None)], &[]);
    assert_eq!(l.status_size().unwrap(), MIN_ENTRIES * 2);
    assert!(out.iter().all(|r| issued(r).status_idx < MIN_ENTRIES * 2));
    assert_eq!(l.status_list().unwrap().len(), MIN_ENTRIES * 2);
}

pub(crate) fn a_damaged_status_size_is_an_error_not_a_smaller_list(db: &impl TestDb) {
    let mut l = db.open();
    for bad in [
        "oops",
        "1000",
        "131073",
        &(u64::from(MAX_ENTRIES) * 2).to_string(),
    ] {
        l.set_status_size_text(bad);
        assert!(
            matches!(l.status_size(), Err(LedgerError::Damaged(_))),
            "{bad}"
        );
        assert!(
            l.issue_chunk(&[draft(None, None)], &mut |_, _| unreachable!())
                .is_err()
        );
        assert!(l.status_list().is_err());
    }
}

pub(crate) fn export_and_list_keep_issue_order(db: &impl TestDb) {
    let mut l = db.open();
    let keys: Vec<String> = (0..25).map(|i| format!("row-{i}")).collect();
    for chunk in keys.chunks(10) {
        let drafts: Vec<Draft<'_>> = chunk.iter().map(|k| draft(Some(k), None)).collect();
        issue(&mut l, &drafts, &[]);
    }
    let mut seen = Vec::new();
    l.for_each(&mut |e| seen.push(e.row_key.clone().unwrap()))
        .unwrap();
    assert_eq!(seen, keys);
    let page: Vec<String> = l
        .list(10, 5)
        .unwrap()
        .into_iter()
        .map(|e| e.row_key.unwrap())
        .collect();
    assert_eq!(page, keys[10..15]);
}

pub(crate) fn publishing_iat_strictly_increases_and_a_failed_write_records_nothing(
    db: &impl TestDb,
) {
    let mut l = db.open();
    let mut other = db.open();
    issue(&mut l, &[draft(None, Some("A"))], &[]);
    let mut seen = Vec::new();
    let first = l
        .publish(1000, &mut |list, iat| {
            seen.push((list.len(), iat));
            Ok(())
        })
        .unwrap();
    assert_eq!((first, seen[0]), (1000, (MIN_ENTRIES, 1000)));
    // Another station with the same clock, and one whose clock is behind: later each time.
    let second = other.publish(1000, &mut |_, _| Ok(())).unwrap();
    let third = l.publish(900, &mut |_, _| Ok(())).unwrap();
    assert_eq!((second, third), (1001, 1002));
    // A write that fails is not counted: the next publisher gets the same iat.
    let err = other
        .publish(1000, &mut |_, _| Err("disk full".into()))
        .unwrap_err();
    assert!(matches!(err, LedgerError::Publish(_)));
    assert_eq!(other.publish(1000, &mut |_, _| Ok(())).unwrap(), 1003);
    assert_eq!(l.publish(5000, &mut |_, _| Ok(())).unwrap(), 5000);
}

pub(crate) fn import_is_idempotent_carries_revocations_and_refuses_a_different_token(
    db: &impl TestDb,
) {
    let mut l = db.open();
    issue(&mut l, &[draft(Some("local"), Some("L-1"))], &[]);
    let taken = l.get("L-1").unwrap().unwrap().status_idx;
    let free = (0..MIN_ENTRIES).find(|i| *i != taken).unwrap();
    let mut a = e("M-1", free, Some("m1"));
    let b = e("M-2", free + 1 + u32::from(free + 1 == taken), None);
    assert_eq!(
        l.import(&[a.clone(), b.clone()], MIN_ENTRIES * 4).unwrap(),
        2
    );
    assert_eq!(l.count().unwrap(), 3);
    assert_eq!(
        l.status_size().unwrap(),
        MIN_ENTRIES * 4,
        "raised to the source's"
    );
    assert_eq!(l.get("M-1").unwrap().unwrap(), a);
    // Again, with a revocation made since in the source: nothing new, the revocation kept.
    a.revoked_at = Some(77);
    a.revoke_reason = Some("robado".into());
    assert_eq!(l.import(&[a.clone(), b.clone()], MIN_ENTRIES).unwrap(), 0);
    assert_eq!(l.count().unwrap(), 3);
    assert_eq!(l.get("M-1").unwrap().unwrap().revoked_at, Some(77));
    assert_eq!(l.status_size().unwrap(), MIN_ENTRIES * 4, "never shrinks");
    // Same serial, another token: refused, and nothing of that import is recorded.
    let mut forged = b.clone();
    forged.token_sha256 = "other".into();
    let c = e("M-3", b.status_idx + 100, None);
    assert!(matches!(
        l.import(&[c, forged], MIN_ENTRIES),
        Err(LedgerError::ImportConflict(s)) if s == "M-2"
    ));
    assert!(l.get("M-3").unwrap().is_none());
}

pub(crate) fn concurrent_connections_issue_each_row_once_on_distinct_entries(db: &impl TestDb) {
    // Four connections, overlapping rosters (each row is in two of them), chunks of 16.
    let rows: Vec<String> = (0..240).map(|i| format!("row-{i}")).collect();
    std::thread::scope(|s| {
        for worker in 0..4usize {
            let rows = &rows;
            s.spawn(move || {
                let mut l = db.open();
                let mine: Vec<&String> = rows
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % 4 == worker || i % 4 == (worker + 1) % 4)
                    .map(|(_, r)| r)
                    .collect();
                for chunk in mine.chunks(16) {
                    let drafts: Vec<Draft<'_>> =
                        chunk.iter().map(|k| draft(Some(k), None)).collect();
                    issue(&mut l, &drafts, &[]);
                }
            });
        }
    });
    let mut l = db.open();
    let mut keys = HashSet::new();
    let mut serials = HashSet::new();
    let mut idx = HashSet::new();
    let mut n = 0;
    l.for_each(&mut |e| {
        n += 1;
        keys.insert(e.row_key.clone().unwrap());
        serials.insert(e.serial.clone());
        idx.insert(e.status_idx);
    })
    .unwrap();
    assert_eq!(
        (n, keys.len(), serials.len(), idx.len()),
        (240, 240, 240, 240)
    );
    let size = l.status_size().unwrap();
    assert!(u64::from(size) >= 2 * 240 && idx.iter().all(|i| *i < size));
}

pub(crate) fn reopening_keeps_everything(db: &impl TestDb) {
    let mut l = db.open();
    issue(&mut l, &[draft(Some("r1"), Some("A"))], &[]);
    drop(l);
    let mut again = db.open();
    assert_eq!(again.count().unwrap(), 1);
    assert_eq!(again.by_row_key("r1").unwrap().unwrap().serial, "A");
}

pub(crate) fn migrating_from_sqlite_copies_everything_once_and_checks_it(db: &impl TestDb) {
    use crate::migrate::{CHUNK, migrate};
    let dir = tempfile::tempdir().unwrap();
    let mut source = crate::ledger::Ledger::open(&dir.path().join("ledger.sqlite")).unwrap();
    let keys: Vec<String> = (0..CHUNK + 7).map(|i| format!("row-{i}")).collect();
    for part in keys.chunks(300) {
        let drafts: Vec<Draft<'_>> = part.iter().map(|k| draft(Some(k), None)).collect();
        issue(&mut source, &drafts, &[]);
    }
    let revoked = source.list(3, 1).unwrap().remove(0).serial;
    source.revoke(&revoked, "robado", 9).unwrap();
    let mut target = db.open();
    let done = migrate(&mut source, &mut target).unwrap();
    assert_eq!((done.source, done.copied, done.target), (1007, 1007, 1007));
    // Again, after the source issued more: only the new one is copied.
    issue(&mut source, &[draft(Some("late"), None)], &[]);
    let again = migrate(&mut source, &mut target).unwrap();
    assert_eq!((again.source, again.copied, again.target), (1008, 1, 1008));
    let mut a = Vec::new();
    let mut b = Vec::new();
    source.for_each(|e: &Entry| a.push(e.clone())).unwrap();
    target.for_each(&mut |e| b.push(e.clone())).unwrap();
    assert_eq!(a, b, "same certificates, same order");
    assert_eq!(target.status_list().unwrap(), source.status_list().unwrap());
    assert_eq!(target.get(&revoked).unwrap().unwrap().revoked_at, Some(9));
    // A target that holds another certificate under one of the serials: refused.
    let mut other = db.open();
    let first = a[0].clone();
    let mut forged = first.clone();
    forged.token_sha256 = "other".into();
    let dir2 = tempfile::tempdir().unwrap();
    let mut conflicting = crate::ledger::Ledger::open(&dir2.path().join("l.sqlite")).unwrap();
    conflicting.import(&[forged], MIN_ENTRIES).unwrap();
    assert!(migrate(&mut conflicting, &mut other).is_err());
}

pub(crate) fn two_chunks_at_once_keep_the_list_at_most_half_full(db: &impl TestDb) {
    // Two certificates short of half full: either chunk of two fits alone, both together do
    // not. Each signer waits (up to 5 s) for the other chunk to be signing too: that happens
    // only if the backend let both read the count before either recorded; with the issuing
    // lock the second waits for the first, sees its count, and grows the list.
    let half = u64::from(MIN_ENTRIES / 2);
    db.open().prefill(half - 2);
    let signing = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for worker in 0..2 {
            let signing = &signing;
            s.spawn(move || {
                let mut l = db.open();
                let keys = [format!("w{worker}-a"), format!("w{worker}-b")];
                let drafts: Vec<Draft<'_>> = keys.iter().map(|k| draft(Some(k), None)).collect();
                let mut waited = false;
                l.issue_chunk(&drafts, &mut |i, r| {
                    if !waited {
                        waited = true;
                        signing.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        let deadline =
                            std::time::Instant::now() + std::time::Duration::from_secs(5);
                        while signing.load(std::sync::atomic::Ordering::SeqCst) < 2
                            && std::time::Instant::now() < deadline
                        {
                            std::thread::sleep(std::time::Duration::from_millis(10));
                        }
                    }
                    Ok(e(&r.serial, r.status_idx, drafts[i].row_key))
                })
                .unwrap();
            });
        }
    });
    let mut l = db.open();
    let (count, size) = (l.count().unwrap(), l.status_size().unwrap());
    assert_eq!(count, half + 2);
    assert!(
        count * 2 <= u64::from(size),
        "{count} certificates in a list of {size}"
    );
}
