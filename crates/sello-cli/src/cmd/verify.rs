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
    // A receipt's kind is known before anything is read or verified.
    if let Some(path) = &args.receipt
        && receipt_kind(path).is_none()
    {
        return Err(Failure::usage(tr!(
            "receipt-kind",
            path = crate::i18n::path_of(path)
        )));
    }
    let at = match &args.at {
        Some(t) => when::parse_instant(t, &sello_core::zone::Zone::utc())
            .map_err(|e| crate::shared::bad_date(&e))?,
        None => sello_issuer::now(),
    };
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
    let mut verified = Vec::new();
    for chunk in inputs.chunks(VERIFY_CHUNK) {
        // Reading and decoding images is the slow part: on all workers, results in order.
        for outcome in pool.install(|| sello_verifier::verify_inputs(&verifier, chunk, at)) {
            tally.add(&outcome);
            counts.add(&outcome);
            crate::report::print(&outcome, args.json, verifier.trust());
            if args.receipt.is_some() && outcome.result.is_ok() && verified.len() < 2 {
                verified.push(outcome);
            }
        }
    }
    // Over several inputs, the count at the end, on standard error (standard output stays one
    // report, or one JSON object, per input).
    if counts.total() > 1 {
        eprintln!("{}", counts.line());
    }
    if let Some(path) = &args.receipt {
        let [outcome] = verified.as_slice() else {
            return Err(crate::failure::Failure::usage(tr!(
                "receipt-not-one",
                n = counts.valid + counts.invalid + counts.indeterminate
            )));
        };
        write_receipt(path, outcome, at, &args, verifier.trust())?;
        eprintln!(
            "{}",
            tr!("receipt-written", path = crate::i18n::path_of(path))
        );
    }
    Ok(tally.status())
}

enum ReceiptKind {
    Pdf,
    Svg,
}

/// What a receipt file's name asks for: `.pdf` or `.svg` (any case).
fn receipt_kind(path: &std::path::Path) -> Option<ReceiptKind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => Some(ReceiptKind::Pdf),
        "svg" => Some(ReceiptKind::Svg),
        _ => None,
    }
}

/// Writes the receipt of `outcome` (a verification) as a PDF at `path`, owner-only (it holds
/// the holder's personal data): what was checked and when, with what trust, the verdict, the
/// claims, and the token's SHA-256 (FORMAT.md §4), under a banner saying it is no certificate.
fn write_receipt(
    path: &std::path::Path,
    outcome: &Outcome,
    at: i64,
    args: &VerifyArgs,
    trust: &sello_verifier::TrustStore,
) -> Result<(), crate::failure::Failure> {
    use sello_core::untrusted::Escaped;
    let Ok(v) = &outcome.result else {
        return Ok(());
    };
    let key_set = v.issuer.as_ref().and_then(|i| trust.issuer(&i.id));
    let shown = crate::report::shown(&outcome.input, outcome.qr, v, key_set);
    let mut rows = vec![
        (
            tr!("receipt-checked-at"),
            sello_core::zone::Zone::utc().local(at).to_string(),
        ),
        (
            tr!("receipt-checked-with"),
            tr!("receipt-tool", version = env!("CARGO_PKG_VERSION")),
        ),
    ];
    let source = match &v.trust {
        Some(chain) => tr!(
            "receipt-trust-bundle",
            federation = Escaped(&chain.federation_name).to_string(),
            seq = chain.seq,
            date = sello_verifier::federation::date(chain.trust_as_of)
        ),
        None => tr!(
            "receipt-trust-keys",
            keys = args
                .trust
                .keys
                .iter()
                .map(|k| crate::i18n::path_of(k))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    rows.push((tr!("receipt-trust"), source));
    rows.extend(shown.lines);
    if let Some(hash) = &outcome.token_sha256 {
        rows.push((tr!("receipt-token-hash"), hash.clone()));
    }
    let receipt = sello_print::Receipt {
        title: tr!("receipt-title"),
        not_a_certificate: tr!("receipt-not-a-certificate"),
        band: tr!("receipt-band"),
        headline: shown.headline,
        rows,
        attributes: (!shown.attributes.is_empty())
            .then(|| (tr!("label-attributes"), shown.attributes)),
        footer: tr!("receipt-footer"),
    };
    let paper = sello_print::PaperSize::Letter;
    let bytes = match receipt_kind(path) {
        Some(ReceiptKind::Svg) => sello_print::render_receipt_svg(&receipt, paper).into_bytes(),
        _ => sello_print::render_receipt_pdf(&receipt, paper)?,
    };
    sello_issuer::write_atomic(path, &bytes, sello_issuer::PRIVATE)
        .map_err(|e| crate::failure::Failure::io(path, &e))?;
    Ok(())
}
