//! `sello verify`: tokens, links, images and folders against trusted key sets.

use crate::cli::VerifyArgs;
use crate::failure::Failure;
use crate::shared::load_verifier;
use sello_core::Lang;
use sello_issuer::dates as when;

/// Inputs read, decoded and verified together: enough for batches to pay, few enough that
/// results appear as they come.
const VERIFY_CHUNK: usize = 256;

pub fn run(args: VerifyArgs, lang: Lang) -> Result<u8, Failure> {
    let mut verifier = load_verifier(&args.trust.keys, args.trust.leeway, lang)?;
    for path in &args.trust.status {
        verifier.load_status(path)?;
    }
    let at = match &args.at {
        Some(t) => when::parse(t, 0).map_err(Failure::usage)?,
        None => sello_issuer::now(),
    };
    let workers = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(2, |n| n.get()),
        usize::from,
    );
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .build()?;
    let (inputs, failed) = sello_verifier::pipeline::expand(&args.inputs);
    let mut tally = sello_verifier::pipeline::Tally::default();
    for outcome in &failed {
        tally.add(outcome);
        crate::report::print(outcome, args.json, lang);
    }
    for chunk in inputs.chunks(VERIFY_CHUNK) {
        // Reading and decoding images is the slow part: on all workers, results in order.
        for outcome in
            pool.install(|| sello_verifier::pipeline::verify_inputs(&verifier, chunk, at))
        {
            tally.add(&outcome);
            crate::report::print(&outcome, args.json, lang);
        }
    }
    Ok(tally.status())
}
