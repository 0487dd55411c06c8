//! Times Sello's QR reading (`sello_verifier::scan`: file bytes → texts, PNG/JPEG
//! decoding included) over a set of image files, single-threaded, for `bench/decode/run.sh`.
//!
//! ```text
//! cargo run --release -p sello-verifier --example decode_bench -- [--reps N] FILE...
//! ```
//!
//! Every file is read into memory first, with its expected text from the file of the same
//! name ending in `.txt`; only decoding is timed. One untimed pass counts the images read
//! correctly (the exact expected text is among the texts found) and warms the caches, then
//! `N` timed passes (default 5) each decode every file once. Prints one line of `key=value`
//! pairs (median pass → ms per image and images per second); the missed files go to stderr.
//! `correct` counts exact reads, `found` the images where any code was found. `--stages`
//! also prints, per file, which stage of the pipeline read it and how long that took.
//!
//! `--gray` times the decoder alone: every file is decoded to 8-bit gray pixels before the
//! timed passes, which then run `decode_with_stage` on those pixels (what
//! `bench/decode/zxingcpp_bench.py` times for ZXing-C++). `--pgm DIR` writes those gray pixels
//! as `DIR/NNN.pgm` (binary PGM) with the expected text in `DIR/NNN.txt`, so that another
//! decoder can be given exactly the same pixels.

use image::GrayImage;
use sello_verifier::decode_with_stage;
use sello_verifier::{load_gray, scan};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let mut reps = 5usize;
    let mut stages = false;
    let mut gray_only = false;
    let mut pgm_dir = None;
    let mut paths = Vec::new();
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--stages" {
            stages = true;
        } else if arg == "--gray" {
            gray_only = true;
        } else if arg == "--pgm" {
            let Some(dir) = args.next() else {
                eprintln!("--pgm needs a directory");
                return ExitCode::from(2);
            };
            pgm_dir = Some(PathBuf::from(dir));
        } else if arg == "--reps" {
            match args.next().and_then(|n| n.to_str()?.parse().ok()) {
                Some(n) if n > 0 => reps = n,
                _ => {
                    eprintln!("--reps needs a positive number");
                    return ExitCode::from(2);
                }
            }
        } else {
            paths.push(PathBuf::from(arg));
        }
    }
    if paths.is_empty() {
        eprintln!("usage: decode_bench [--reps N] [--stages] [--gray] [--pgm DIR] FILE...");
        return ExitCode::from(2);
    }
    let mut files = Vec::with_capacity(paths.len());
    for p in &paths {
        let (bytes, expected) = match (
            std::fs::read(p),
            std::fs::read_to_string(p.with_extension("txt")),
        ) {
            (Ok(b), Ok(t)) => (b, t),
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("{}: {e}", p.display());
                return ExitCode::FAILURE;
            }
        };
        files.push((p, bytes, expected));
    }
    let mut grays = Vec::new();
    if gray_only || pgm_dir.is_some() {
        for (i, (path, bytes, expected)) in files.iter().enumerate() {
            let gray = match load_gray(bytes) {
                Ok(g) => g,
                Err(e) => {
                    eprintln!("{}: {e}", path.display());
                    return ExitCode::FAILURE;
                }
            };
            if let Some(dir) = &pgm_dir
                && let Err(e) = write_pgm(dir, i, &gray, expected)
            {
                eprintln!("{}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
            grays.push(gray);
        }
    }

    let (mut correct, mut found_any) = (0, 0);
    for (path, bytes, expected) in &files {
        match scan(bytes) {
            Ok(found) => {
                found_any += usize::from(!found.is_empty());
                if found.contains(expected) {
                    correct += 1;
                } else {
                    eprintln!(
                        "sello missed {} (found {} codes)",
                        path.display(),
                        found.len()
                    );
                }
            }
            Err(e) => eprintln!("sello missed {}: {e}", path.display()),
        }
        if stages && let Ok(gray) = load_gray(bytes) {
            let start = Instant::now();
            let (_, stage) = decode_with_stage(&gray);
            eprintln!(
                "{}: {}×{}, stage {stage:?}, {:.1} ms without image decoding",
                path.display(),
                gray.width(),
                gray.height(),
                start.elapsed().as_secs_f64() * 1000.0
            );
        }
    }

    let mut passes: Vec<Duration> = (0..reps)
        .map(|_| {
            let start = Instant::now();
            if gray_only {
                for gray in &grays {
                    std::hint::black_box(decode_with_stage(std::hint::black_box(gray)));
                }
            } else {
                for (_, bytes, _) in &files {
                    std::hint::black_box(scan(std::hint::black_box(bytes)).ok());
                }
            }
            start.elapsed()
        })
        .collect();
    passes.sort();
    let median = passes[passes.len() / 2].as_secs_f64();
    let n = files.len() as f64;
    println!(
        "files={} correct={correct} found={found_any} reps={reps} median_pass_s={median:.6} min_pass_s={:.6} max_pass_s={:.6} ms_per_image={:.2} images_per_s={:.1}",
        files.len(),
        passes[0].as_secs_f64(),
        passes[passes.len() - 1].as_secs_f64(),
        median * 1000.0 / n,
        n / median
    );
    ExitCode::SUCCESS
}

/// Writes `gray` as `dir/NNN.pgm` (binary PGM, maxval 255) and `expected` as `dir/NNN.txt`.
fn write_pgm(dir: &Path, i: usize, gray: &GrayImage, expected: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut bytes = format!("P5\n{} {}\n255\n", gray.width(), gray.height()).into_bytes();
    bytes.extend_from_slice(gray.as_raw());
    std::fs::write(dir.join(format!("{i:03}.pgm")), bytes)?;
    std::fs::write(dir.join(format!("{i:03}.txt")), expected)
}
