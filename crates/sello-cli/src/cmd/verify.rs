//! `sello verify`: tokens, links, images and folders against trusted key sets.

use crate::cli::VerifyArgs;
use crate::failure::Failure;
use crate::shared::load_verifier;
use sello_core::Verdict;
use sello_issuer::dates as when;
use sello_verifier::Outcome;

/// Inputs read, decoded and verified together: enough for batches to pay, few enough that
/// results appear as they come.
const VERIFY_CHUNK: usize = 256;

/// How many outcomes of each kind, for the summary line and the exit status.
#[derive(Default)]
struct Counts {
    valid: usize,
    invalid: usize,
    indeterminate: usize,
    unread: usize,
}

impl Counts {
    fn add(&mut self, outcome: &Outcome) {
        match &outcome.result {
            Ok(v) => match v.verdict {
                Verdict::Valid => self.valid += 1,
                Verdict::Invalid => self.invalid += 1,
                Verdict::Indeterminate => self.indeterminate += 1,
            },
            Err(_) => self.unread += 1,
        }
    }

    fn total(&self) -> usize {
        self.valid + self.invalid + self.indeterminate + self.unread
    }

    /// "39 válidos, 1 no válido, 0 sin confirmar" (and how many could not be read, if any).
    fn line(&self) -> String {
        tr!(
            "verify-summary",
            valid = self.valid,
            invalid = self.invalid,
            indeterminate = self.indeterminate,
            unread = self.unread
        )
    }
}

pub fn run(args: VerifyArgs) -> Result<u8, Failure> {
    let at = match &args.at {
        Some(t) => when::parse_instant(t, &sello_core::zone::Zone::utc())
            .map_err(|e| crate::shared::bad_date(&e))?,
        None => sello_issuer::now(),
    };
    // Through a federation's trust bundle, or the key sets given.
    // Through a federation's trust bundle (given, or of `sello trust add` when no key set is
    // given), or the key sets given.
    let leeway = args.trust.leeway;
    let ca_file = args.ca.ca_file.as_deref();
    let mut verifier = match (&args.trust_root, &args.bundle) {
        (Some(root), Some(bundle)) => {
            crate::cmd::federation::no_keys_with_a_bundle(&args.trust.keys)?;
            crate::cmd::federation::bundle_verifier(
                root,
                bundle,
                at,
                leeway,
                args.max_bundle_age.as_deref(),
                ca_file,
            )?
        }
        _ if args.trust.keys.is_empty() => {
            let max_age = args
                .max_bundle_age
                .as_deref()
                .map(crate::cmd::federation::parse_duration)
                .transpose()?;
            let policy = sello_verifier::federation::Policy { leeway, max_age };
            match crate::cmd::trust::configured_bundle(
                args.federation.as_deref(),
                at,
                policy,
                ca_file,
            )? {
                Some(accepted) => crate::cmd::federation::verifier_of(accepted, at, leeway)?,
                None => load_verifier(&args.trust.keys, leeway)?,
            }
        }
        _ => {
            if args.max_bundle_age.is_some() || args.federation.is_some() {
                return Err(crate::failure::Failure::usage(tr!(
                    "fed-keys-and-federation"
                )));
            }
            load_verifier(&args.trust.keys, leeway)?
        }
    };
    for path in &args.trust.status {
        verifier.load_status(path)?;
    }
    let workers = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(2, |n| n.get()),
        usize::from,
    );
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .build()?;
    let (inputs, failed) = sello_verifier::expand(&args.inputs);
    let mut tally = sello_verifier::Tally::default();
    let mut counts = Counts::default();
    for outcome in &failed {
        tally.add(outcome);
        counts.add(outcome);
        crate::report::print(outcome, args.json, verifier.trust());
    }
    for chunk in inputs.chunks(VERIFY_CHUNK) {
        // Reading and decoding images is the slow part: on all workers, results in order.
        for outcome in pool.install(|| sello_verifier::verify_inputs(&verifier, chunk, at)) {
            tally.add(&outcome);
            counts.add(&outcome);
            crate::report::print(&outcome, args.json, verifier.trust());
        }
    }
    // Over several inputs, the count at the end, on standard error (standard output stays one
    // report, or one JSON object, per input).
    if counts.total() > 1 {
        eprintln!("{}", counts.line());
    }
    Ok(tally.status())
}
