//! Federation benchmarks: accepting a trust bundle of 5,000 centres (time, and the heap it
//! takes, counted by this binary's allocator), and verifying one token through that bundle
//! against verifying it with the centre's own key set and status list (today's per-issuer
//! verification), in the same run.
//!
//! `cargo bench -p sello-verifier --bench federation`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sello_core::ed25519_dalek::{Signer as _, SigningKey};
use sello_core::federation::{BundleClaims, IssuerEntry, ScopeEntry, Window};
use sello_core::jwk::{IssuerInfo, KeySet, PublicKey};
use sello_core::status::{self, StatusList};
use sello_core::token;
use sello_issuer::{IssueRequest, Issuer, LocalSigner};
use sello_testkit::federation::{BUNDLE_IAT, FEDERATION, REGISTRY, VAT, root_v1};
use sello_testkit::keys;
use sello_verifier::federation::{Policy, accept_bundle};
use sello_verifier::{TrustStore, Verifier};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts the bytes on the heap, and the most there were since the last reset.
struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is the system allocator's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(p, layout) };
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const CENTRES: usize = 5_000;
const DAY: i64 = 86_400;

fn centre_key(i: usize) -> SigningKey {
    let mut seed = [0u8; 32];
    seed[..8].copy_from_slice(&(i as u64 + 1).to_le_bytes());
    seed[31] = 0x5e;
    SigningKey::from_bytes(&seed)
}

fn centre_info(i: usize) -> IssuerInfo {
    IssuerInfo {
        id: format!("mx.centro{i:05}"),
        name: format!("Centro Evaluador {i:05} de Competencias"),
        verify_url: Some("https://verifica.conocer.example.mx/v".into()),
        time_zone: Some("America/Mexico_City".into()),
    }
}

/// Centre `i`: its key set, and a status list of its own with three revoked entries.
fn centre(i: usize) -> (KeySet, String) {
    let key = centre_key(i);
    let info = centre_info(i);
    let key_set = KeySet {
        issuer: info,
        keys: vec![PublicKey::new(key.verifying_key())],
        attribute_labels: Default::default(),
    };
    let mut list = StatusList::new(0).expect("default size");
    for idx in [3, 17, 4_000] {
        list.set_revoked(idx, true);
    }
    let input = status::signing_input(
        &key_set.keys[0].kid,
        &key_set.issuer.id,
        BUNDLE_IAT - DAY,
        BUNDLE_IAT + 30 * DAY,
        &list,
    );
    let status = format!(
        "{input}.{}",
        sello_core::b64::encode(&key.sign(input.as_bytes()).to_bytes())
    );
    (key_set, status)
}

/// A bundle of `CENTRES` centres, each accredited for two standards with its status list.
fn bundle() -> (String, Vec<(KeySet, String)>) {
    let centres: Vec<(KeySet, String)> = (0..CENTRES).map(centre).collect();
    let window = |nbf| Window { nbf, exp: None };
    let claims = BundleClaims {
        federation: FEDERATION.into(),
        seq: 1,
        iat: BUNDLE_IAT,
        fresh_until: BUNDLE_IAT + 7 * DAY,
        root: 1,
        roots: vec![root_v1()],
        verify_url: Some("https://verifica.conocer.example.mx/v".into()),
        issuers: centres
            .iter()
            .map(|(key_set, status)| IssuerEntry {
                key_set: key_set.clone(),
                accredited: window(BUNDLE_IAT - 400 * DAY),
                scope: vec![
                    ScopeEntry {
                        ec: "EC0105".into(),
                        window: window(BUNDLE_IAT - 400 * DAY),
                    },
                    ScopeEntry {
                        ec: "EC0217.01".into(),
                        window: window(BUNDLE_IAT - 100 * DAY),
                    },
                ],
                suspended: None,
                status: Some(status.clone()),
            })
            .collect(),
    };
    let kid = keys::public_key(REGISTRY).kid;
    let input = claims.signing_input(&kid);
    let text = token::assemble(&input, &keys::signing_key(REGISTRY).sign(input.as_bytes()));
    (text, centres)
}

fn federation(c: &mut Criterion) {
    let (text, centres) = bundle();
    let pinned = root_v1();
    eprintln!(
        "bundle of {CENTRES} centres: {} bytes ({:.1} MiB)",
        text.len(),
        text.len() as f64 / f64::from(1 << 20)
    );
    // The heap a verifier holds for the accepted bundle and the verifier built from it, and
    // the most it took on the way (the bundle's text itself not counted).
    let before = NOW.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let accepted = accept_bundle(&pinned, &text, VAT, Policy::default()).expect("accepted");
    let verifier = Verifier::from_accepted(accepted);
    let held = NOW.load(Ordering::Relaxed) - before;
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let mib = |bytes: usize| bytes as f64 / f64::from(1 << 20);
    eprintln!(
        "verifier from the bundle: {:.1} MiB held, {:.1} MiB at the peak",
        mib(held),
        mib(peak)
    );
    // What of it is the centres' status lists, inflated (the bits a lookup reads).
    let bits: usize = verifier
        .status_lists()
        .iter()
        .map(|l| l.list.len().div_ceil(8) as usize)
        .sum();
    eprintln!("of which status-list bits: {:.1} MiB", mib(bits));

    let mut g = c.benchmark_group("bundle_5000");
    g.sample_size(10);
    g.throughput(Throughput::Elements(CENTRES as u64));
    g.bench_function("accept_bundle", |b| {
        b.iter(|| accept_bundle(&pinned, black_box(&text), VAT, Policy::default()).unwrap())
    });
    g.bench_function("accept_bundle_and_build_verifier", |b| {
        b.iter(|| {
            let accepted = accept_bundle(&pinned, black_box(&text), VAT, Policy::default());
            Verifier::from_accepted(accepted.unwrap())
        })
    });
    g.finish();

    // One token of the middle centre: through the bundle of 5,000, and with that centre's own
    // key set and status list.
    let i = CENTRES / 2;
    let issuer = Issuer::new(centre_info(i), Box::new(LocalSigner::new(centre_key(i))));
    let mut request = IssueRequest::new(sello_testkit::typical_certificate());
    request.issued_at = Some(BUNDLE_IAT - DAY);
    request.status = Some(sello_core::StatusRef { idx: 42 });
    let issued = issuer.issue(&request).expect("issued");
    let mut own = TrustStore::new();
    own.add(centres[i].0.clone()).expect("one key set");
    let mut per_issuer = Verifier::new(own);
    per_issuer
        .add_status_list(&centres[i].1)
        .expect("the centre's list");
    let through = verifier.verify(&issued.token, VAT);
    let alone = per_issuer.verify(&issued.token, VAT);
    assert_eq!(through.verdict, sello_core::Verdict::Valid, "{through:?}");
    assert_eq!(alone.verdict, sello_core::Verdict::Valid, "{alone:?}");

    let mut g = c.benchmark_group("verify_through_bundle");
    g.throughput(Throughput::Elements(1));
    g.bench_function("per_issuer_key_set", |b| {
        b.iter(|| per_issuer.verify(black_box(&issued.token), VAT))
    });
    g.bench_function("bundle_of_5000", |b| {
        b.iter(|| verifier.verify(black_box(&issued.token), VAT))
    });
    g.finish();

    // The same two, interleaved: 101 rounds of 200 verifications each way, the order swapped
    // every round, and the median of the rounds' ratios. On a shared machine the load changes
    // within seconds; two measurements taken one after the other compare the load as much as
    // the code, rounds taken side by side do not.
    let time = |v: &Verifier| {
        let started = Instant::now();
        for _ in 0..200 {
            black_box(v.verify(black_box(&issued.token), VAT));
        }
        started.elapsed().as_secs_f64()
    };
    let mut ratios: Vec<f64> = (0..101)
        .map(|round| {
            if round % 2 == 0 {
                let alone = time(&per_issuer);
                time(&verifier) / alone
            } else {
                let through = time(&verifier);
                through / time(&per_issuer)
            }
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    eprintln!(
        "through the bundle / per issuer, interleaved: median {:.3}x (quartiles {:.3}x–{:.3}x)",
        ratios[50], ratios[25], ratios[75]
    );
}

criterion_group!(benches, federation);
criterion_main!(benches);
