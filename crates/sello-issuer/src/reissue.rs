//! Re-issuing after a key compromise (`sello reissue --key-compromised KID`).
//!
//! Every certificate in the ledger signed with the compromised key and not revoked is issued
//! again, from its recorded token, with the issuer's current key: a new serial and a new
//! status-list entry, the same holder, achievement, dates of validity and attributes. Each new
//! certificate has the row key `reissue:<old serial>`, and the old one is revoked only after
//! the new one is recorded, so an interrupted run, run again, re-issues nothing twice and
//! revokes what it had not yet revoked.

use crate::batch::{BatchError, BatchOptions, Outcome, Render, SummaryRow, run_batch};
use crate::issue::{IssueError, IssueRequest, Issuer};
use crate::ledger::{Draft, Entry, LedgerError, LedgerStore, Recorded};
use crate::roster::RosterRow;
use sello_core::{Claims, StatusRef, token};

/// The reason recorded on the old certificates (kept in the ledger, never published).
pub fn revoke_reason(kid: &str, new_serial: &str) -> String {
    format!("key {kid} compromised; re-issued as {new_serial}")
}

/// One certificate re-issued.
#[derive(Debug, Clone)]
pub struct Reissued {
    /// The old certificate's serial (now revoked).
    pub old_serial: String,
    /// The new certificate, as recorded.
    pub new: Entry,
    /// Whether it had been re-issued already by an earlier, interrupted run.
    pub earlier: bool,
}

/// The row key of the certificate that replaces `old_serial`.
pub fn row_key(old_serial: &str) -> String {
    format!("reissue:{old_serial}")
}

/// Re-issues every unrevoked certificate signed with `compromised` (see the module), `chunk`
/// at a time, and revokes the old ones at `now`. Refuses when the issuer still signs with the
/// compromised key.
pub fn reissue_compromised(
    issuer: &Issuer,
    ledger: &mut dyn LedgerStore,
    compromised: &str,
    now: i64,
    chunk: usize,
) -> Result<Vec<Reissued>, BatchError> {
    let kid = issuer.kid();
    if kid == compromised {
        return Err(IssueError::KeyNotValid(kid).into());
    }
    let old = unrevoked_of(ledger, compromised)?;
    let mut done = Vec::with_capacity(old.len());
    for part in old.chunks(chunk.max(1)) {
        let keys: Vec<String> = part.iter().map(|e| row_key(&e.serial)).collect();
        let drafts: Vec<Draft<'_>> = keys
            .iter()
            .map(|k| Draft {
                row_key: Some(k),
                serial: None,
            })
            .collect();
        let recorded = ledger.issue_chunk(&drafts, &mut |i, reserved| {
            let claims: Claims = token::decode(&part[i].token)
                .map_err(|error| IssueError::LedgerToken {
                    serial: part[i].serial.clone(),
                    error,
                })?
                .claims;
            let request = IssueRequest {
                certificate: claims.cert,
                serial: Some(reserved.serial.clone()),
                issued_at: Some(now),
                not_before: claims.nbf,
                expires: claims.exp,
                status: Some(StatusRef {
                    idx: reserved.status_idx,
                }),
            };
            let issued = issuer.issue(&request)?;
            Ok(crate::batch::entry_for(
                &issued,
                Some(keys[i].clone()),
                &kid,
            ))
        })?;
        for (old, recorded) in part.iter().zip(recorded) {
            let (new, earlier) = match recorded {
                Recorded::Issued(e) => (e, false),
                Recorded::AlreadyIssued(e) => (e, true),
                Recorded::Refused(e) => return Err(e.into()),
                Recorded::SerialTaken(s) => return Err(LedgerError::SerialTaken(s).into()),
            };
            match ledger.revoke(&old.serial, &revoke_reason(compromised, &new.serial), now) {
                Ok(_) | Err(LedgerError::AlreadyRevoked(_)) => {}
                Err(e) => return Err(e.into()),
            }
            done.push(Reissued {
                old_serial: old.serial.clone(),
                new,
                earlier,
            });
        }
    }
    Ok(done)
}

/// The ledger's certificates signed with `kid` and not revoked, in the ledger's order.
fn unrevoked_of(ledger: &mut dyn LedgerStore, kid: &str) -> Result<Vec<Entry>, LedgerError> {
    let mut found = Vec::new();
    ledger.for_each(&mut |e| {
        if e.kid == kid && e.revoked_at.is_none() {
            found.push(e.clone());
        }
    })?;
    Ok(found)
}

/// The certificates to re-issue as roster rows: every unrevoked certificate signed with
/// `compromised`, in issue order (line `n` is the `n`-th), each with the row key
/// [`row_key`] of its serial and the holder, achievement, validity and attributes of its
/// recorded token (the serial, status entry and issue time are chosen when it is issued).
/// Returns the rows and, for each, the old serial.
pub fn reissue_rows(
    ledger: &mut dyn LedgerStore,
    compromised: &str,
) -> Result<(Vec<RosterRow>, Vec<String>), BatchError> {
    let old = unrevoked_of(ledger, compromised)?;
    let mut rows = Vec::with_capacity(old.len());
    for (i, e) in old.iter().enumerate() {
        let claims: Claims = token::decode(&e.token)
            .map_err(|error| IssueError::LedgerToken {
                serial: e.serial.clone(),
                error,
            })?
            .claims;
        let mut request = IssueRequest::new(claims.cert);
        request.not_before = claims.nbf;
        request.expires = claims.exp;
        rows.push(RosterRow {
            line: i as u64 + 1,
            request,
            row_key: row_key(&e.serial),
        });
    }
    Ok((rows, old.into_iter().map(|e| e.serial).collect()))
}

/// What [`reissue_batch`] did.
#[derive(Debug, Clone)]
pub struct ReissueReport {
    /// The batch summary (as `sello issue --batch` writes it in `summary.csv`), line `n`
    /// being the `n`-th certificate re-issued.
    pub summary: Vec<SummaryRow>,
    /// Old serial and new serial of each certificate replaced (its old one now revoked).
    pub replaced: Vec<(String, String)>,
    /// Serials of the compromised key's certificates already expired at `now`: left as they
    /// are (verifiers reject them as expired; a replacement would have to expire before it
    /// was issued).
    pub expired: Vec<String>,
}

/// Re-issues every unrevoked certificate signed with `compromised` as a batch
/// ([`run_batch`]: the same chunks, output files and `summary.csv` as a roster, issued at
/// `options.issued_at`), then revokes at `now` each old certificate whose replacement is
/// recorded and whose files were written. A run interrupted anywhere and run again finishes
/// the job: a replacement already recorded is found by its row key (its missing files
/// rendered again), never issued twice. Refuses when the issuer signs with the compromised
/// key.
pub fn reissue_batch(
    issuer: &Issuer,
    ledger: &mut dyn LedgerStore,
    compromised: &str,
    now: i64,
    renderer: &dyn Render,
    options: &BatchOptions,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<ReissueReport, BatchError> {
    let kid = issuer.kid();
    if kid == compromised {
        return Err(IssueError::KeyNotValid(kid).into());
    }
    let (all, all_olds) = reissue_rows(ledger, compromised)?;
    let mut expired = Vec::new();
    let mut rows = Vec::with_capacity(all.len());
    let mut olds = Vec::with_capacity(all.len());
    for (mut row, old) in all.into_iter().zip(all_olds) {
        if row.request.expires.is_some_and(|exp| exp <= now) {
            expired.push(old);
        } else {
            row.line = rows.len() as u64 + 1;
            rows.push(row);
            olds.push(old);
        }
    }
    let summary = run_batch(issuer, ledger, &rows, &[], renderer, options, progress)?;
    let mut replaced = Vec::new();
    for row in &summary {
        let (Some(new), Some(old)) = (&row.serial, olds.get(row.line as usize - 1)) else {
            continue;
        };
        if matches!(row.outcome, Outcome::Failed(_)) {
            continue;
        }
        match ledger.revoke(old, &revoke_reason(compromised, new), now) {
            Ok(_) | Err(LedgerError::AlreadyRevoked(_)) => {}
            Err(e) => return Err(e.into()),
        }
        replaced.push((old.clone(), new.clone()));
    }
    Ok(ReissueReport {
        summary,
        replaced,
        expired,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::issue_recorded;
    use crate::ledger::Ledger;
    use crate::signer::LocalSigner;
    use sello_core::{Achievement, Certificate, Holder, IssuerInfo};

    fn issuer(seed: u8) -> Issuer {
        let info = IssuerInfo {
            id: "mx.ejemplo".into(),
            name: "Ejemplo".into(),
            verify_url: None,
            time_zone: None,
        };
        let key = ed25519_dalek::SigningKey::from_bytes(&[seed; 32]);
        Issuer::new(info, Box::new(LocalSigner::new(key)))
    }

    fn request(name: &str) -> IssueRequest {
        let mut r = IssueRequest::new(Certificate {
            holder: Holder {
                name: name.into(),
                id: Some("CURP1".into()),
            },
            achievement: Achievement {
                code: "EC0105".into(),
                title: "Atención al ciudadano".into(),
                level: None,
            },
            unit: None,
            attrs: Default::default(),
        });
        r.expires = Some(4_000_000_000);
        r
    }

    #[test]
    fn certificates_of_a_stolen_key_are_reissued_once_with_the_new_key_and_revoked() {
        let stolen = issuer(1);
        let other_station = issuer(2);
        let fresh = issuer(3);
        let mut l = Ledger::in_memory().unwrap();
        for name in ["Ana", "Luis", "Eva"] {
            issue_recorded(&stolen, &mut l, &request(name)).unwrap();
        }
        let kept = issue_recorded(&other_station, &mut l, &request("Otro")).unwrap();
        // One of the stolen key's certificates was already revoked for another reason.
        let first = l.list(0, 1).unwrap().remove(0);
        l.revoke(&first.serial, "emitido por error", 5).unwrap();

        assert!(reissue_compromised(&fresh, &mut l, &fresh.kid(), 10, 2).is_err());
        let out = reissue_compromised(&fresh, &mut l, &stolen.kid(), 10, 2).unwrap();
        assert_eq!(out.len(), 2);
        for r in &out {
            let old = l.get(&r.old_serial).unwrap().unwrap();
            assert_eq!(old.kid, stolen.kid());
            assert_eq!(
                old.revoke_reason.as_deref(),
                Some(revoke_reason(&stolen.kid(), &r.new.serial).as_str())
            );
            assert_ne!(r.new.serial, r.old_serial);
            assert_ne!(r.new.status_idx, old.status_idx);
            assert_eq!(r.new.kid, fresh.kid());
            assert_eq!(
                (r.new.holder.as_str(), r.earlier),
                (old.holder.as_str(), false)
            );
            assert_eq!(r.new.expires_at, Some(4_000_000_000));
            let claims = token::decode(&r.new.token).unwrap().claims;
            assert_eq!(claims.cert.holder.id.as_deref(), Some("CURP1"));
            assert_eq!(claims.status.map(|s| s.idx), Some(r.new.status_idx));
        }
        assert_eq!(
            l.get(&first.serial)
                .unwrap()
                .unwrap()
                .revoke_reason
                .as_deref(),
            Some("emitido por error")
        );
        assert!(
            l.get(&kept.claims.jti)
                .unwrap()
                .unwrap()
                .revoked_at
                .is_none()
        );
        assert_eq!(l.count().unwrap(), 6);

        // Interrupted after recording the new ones but before revoking: un-revoke one old
        // certificate, run again; nothing is issued twice.
        l.unrevoke_for_test(&out[0].old_serial);
        let again = reissue_compromised(&fresh, &mut l, &stolen.kid(), 20, 2).unwrap();
        assert_eq!(again.len(), 1);
        assert!(again[0].earlier);
        assert_eq!(again[0].new, out[0].new);
        assert_eq!(l.count().unwrap(), 6);
        assert!(
            reissue_compromised(&fresh, &mut l, &stolen.kid(), 30, 2)
                .unwrap()
                .is_empty()
        );
    }

    struct Jwt {
        fail: bool,
    }
    impl Render for Jwt {
        fn render(&self, issued: &crate::Issued) -> Result<Vec<crate::batch::OutputFile>, String> {
            if self.fail {
                return Err("disk full".into());
            }
            Ok(vec![(
                format!("{}.jwt", issued.claims.jti),
                issued.token.clone().into_bytes(),
            )])
        }
        fn file_names(&self, serial: &str) -> Vec<String> {
            vec![format!("{serial}.jwt")]
        }
    }

    #[test]
    fn a_reissue_batch_writes_files_like_a_roster_and_revokes_only_what_it_replaced() {
        let stolen = issuer(1);
        let fresh = issuer(3);
        let mut l = Ledger::in_memory().unwrap();
        for name in ["Ana", "Luis"] {
            issue_recorded(&stolen, &mut l, &request(name)).unwrap();
        }
        // One that expired before the compromise was found: left alone, not failed.
        let mut old = request("Eva");
        (old.issued_at, old.expires) = (Some(10), Some(50));
        let gone = issue_recorded(&stolen, &mut l, &old).unwrap();
        let out = tempfile::tempdir().unwrap();
        let options = BatchOptions {
            out_dir: out.path().to_owned(),
            chunk_size: 1,
            issued_at: Some(100),
        };
        let none = |_| {};
        // Files that cannot be written: the new certificates are recorded, the old ones stay
        // in force (so that a second run writes the files and then revokes them).
        let failed = reissue_batch(
            &fresh,
            &mut l,
            &stolen.kid(),
            100,
            &Jwt { fail: true },
            &options,
            &none,
        )
        .unwrap();
        assert!(failed.replaced.is_empty());
        assert_eq!(failed.expired, std::slice::from_ref(&gone.claims.jti));
        assert_eq!(l.count().unwrap(), 5);
        let again = reissue_batch(
            &fresh,
            &mut l,
            &stolen.kid(),
            100,
            &Jwt { fail: false },
            &options,
            &none,
        )
        .unwrap();
        assert_eq!(again.replaced.len(), 2);
        assert_eq!(l.count().unwrap(), 5, "nothing issued twice");
        assert!(
            l.get(&gone.claims.jti)
                .unwrap()
                .unwrap()
                .revoked_at
                .is_none()
        );
        for (old, new) in &again.replaced {
            let old = l.get(old).unwrap().unwrap();
            assert!(old.revoked_at.is_some());
            let file = std::fs::read_to_string(out.path().join(format!("{new}.jwt"))).unwrap();
            let new = l.get(new).unwrap().unwrap();
            assert_eq!(
                (file.as_str(), new.kid.as_str()),
                (new.token.as_str(), fresh.kid().as_str())
            );
            assert_eq!(new.issued_at, 100);
        }
        let summary = std::fs::read_to_string(out.path().join("summary.csv")).unwrap();
        // Found recorded by the first run: the outcome column says so (in the run's language).
        assert_eq!(summary.lines().count(), 3, "{summary}");
        assert!(
            summary
                .lines()
                .skip(1)
                .all(|l| !l.contains(",issued,") && !l.contains(",emitido,")),
            "{summary}"
        );
        for (_, new) in &again.replaced {
            assert!(summary.contains(new.as_str()), "{summary}");
        }
        assert!(
            reissue_batch(
                &fresh,
                &mut l,
                &stolen.kid(),
                100,
                &Jwt { fail: false },
                &options,
                &none
            )
            .unwrap()
            .summary
            .is_empty()
        );
        assert!(
            reissue_batch(
                &fresh,
                &mut l,
                &fresh.kid(),
                100,
                &Jwt { fail: false },
                &options,
                &none
            )
            .is_err()
        );
    }
}
