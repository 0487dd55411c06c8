//! The failure frontier of `bench/frontier/run.sh`: rasterised certificate pages degraded one
//! way at a time, harder and harder, each image decoded by Sello's pipeline; the images are
//! kept for ZXing-C++ (`bench/frontier/zxingcpp_frontier.py`) to decode the same pixels.
//!
//! ```text
//! cargo run --release -p sello-verifier --example frontier -- OUT_DIR PAGE.png...
//! ```
//!
//! Each `PAGE.png` is a gray page (pdftoppm) whose QR code holds the text in `PAGE.txt`. The
//! code is located with rxing (its finder patterns) and the page cropped to the code with one
//! code side of margin all round (the code fills a third of the frame, printed text around
//! it). The module size is measured from the finder patterns (the modules of a side from
//! encoding the text as the issuer does, `QrMatrix::encode` at EC level M: byte mode, or byte
//! and numeric segments for the numeric form), so every level is expressed
//! per module and the result holds for any QR version. Families, mild to severe:
//! resolution (px/module), Gaussian blur and motion blur (σ and length in modules), tilt
//! (degrees, true perspective), crumple (displacement in modules), glare (a saturating blob
//! on the code, its σ in modules), ink spread and thinning (modules), a toner streak (a
//! vertical band through the code's centre faded to gray 240, its width in modules), fading
//! (the print's black level). Writes `OUT_DIR/<page>/<family>/<n>.png` (8-bit gray) with `.txt` beside
//! it, and prints one tab-separated line per image: page, px/module of the page, family,
//! level, unit, file, whether Sello read the exact text.

use image::GrayImage;
use sello_print::{Correction, QrMatrix};
use sello_testkit::photo;
use sello_verifier::decode_with_stage;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One degradation family: its name, its unit, its levels (mild to severe), and how a level
/// is applied to the crop at `ppm` pixels per module, the code's centre at `centre`.
struct Family {
    name: &'static str,
    unit: &'static str,
    levels: &'static [f32],
    apply: fn(&GrayImage, f32, f32, (f32, f32)) -> Option<GrayImage>,
}

const FAMILIES: [Family; 10] = [
    Family {
        name: "resolution",
        unit: "px/module",
        levels: &[4.0, 3.0, 2.5, 2.0, 1.75, 1.5, 1.25, 1.0, 0.8],
        apply: |img, ppm, level, _| (level < ppm).then(|| photo::scale(img, level / ppm)),
    },
    Family {
        name: "blur",
        unit: "σ, modules",
        levels: &[0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0],
        apply: |img, ppm, level, _| Some(photo::blur(img, level * ppm)),
    },
    Family {
        name: "motion",
        unit: "length, modules",
        levels: &[0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0],
        apply: |img, ppm, level, _| Some(photo::motion_blur(img, level * ppm, 30.0)),
    },
    Family {
        name: "tilt",
        unit: "degrees",
        levels: &[20.0, 30.0, 40.0, 50.0, 60.0, 65.0, 70.0, 75.0],
        apply: |img, _, level, _| Some(photo::tilt(img, level, 1.5)),
    },
    Family {
        name: "crumple",
        unit: "displacement, modules",
        levels: &[0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0],
        apply: |img, ppm, level, _| Some(photo::crumple(img, level * ppm, 20.0 * ppm, 7)),
    },
    Family {
        name: "glare",
        unit: "blob σ, modules",
        levels: &[2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 16.0],
        apply: |img, ppm, level, (cx, cy)| Some(photo::glare(img, cx, cy, level * ppm, 400.0)),
    },
    Family {
        name: "ink spread",
        unit: "modules",
        levels: &[0.1, 0.2, 0.3, 0.4, 0.5],
        apply: |img, ppm, level, _| {
            (level * ppm >= 0.5).then(|| photo::ink_spread(img, level * ppm))
        },
    },
    Family {
        name: "ink thinning",
        unit: "modules",
        levels: &[0.1, 0.2, 0.3, 0.4, 0.5],
        apply: |img, ppm, level, _| {
            (level * ppm >= 0.5).then(|| photo::ink_spread(img, -level * ppm))
        },
    },
    Family {
        name: "toner streak",
        unit: "band width, modules",
        levels: &[2.0, 4.0, 8.0, 12.0, 16.0, 24.0, 32.0],
        apply: |img, ppm, level, (cx, _)| {
            let width = (level * ppm).round() as u32;
            Some(photo::streak(
                img,
                (cx as u32).saturating_sub(width / 2),
                width,
                200,
            ))
        },
    },
    Family {
        name: "fading",
        unit: "black level (white 255)",
        levels: &[120.0, 160.0, 190.0, 210.0, 225.0, 235.0, 242.0],
        apply: |img, _, level, _| Some(photo::contrast(img, level as u8, 255)),
    },
];

/// The code's centre and its pixels per module, from rxing's finder patterns and `modules`,
/// the modules of a side (the finder centres are 3.5 modules in from the corners).
fn locate(page: &GrayImage, modules: u32) -> Option<((f32, f32), f32)> {
    let (w, h) = page.dimensions();
    let result = rxing::helpers::detect_in_luma(
        page.as_raw().clone(),
        w,
        h,
        Some(rxing::BarcodeFormat::QR_CODE),
    )
    .ok()?;
    let points = result.getPoints();
    let [a, b, c] = [points.first()?, points.get(1)?, points.get(2)?];
    let d = |p: &rxing::Point, q: &rxing::Point| ((p.x - q.x).powi(2) + (p.y - q.y).powi(2)).sqrt();
    // The two finder centres farthest apart are the diagonal's (top right, bottom left); the
    // code's centre is its middle, and the other two distances are its sides.
    let pairs = [(d(a, b), a, b, c), (d(b, c), b, c, a), (d(a, c), a, c, b)];
    let &(_, p, q, corner) = pairs.iter().max_by(|x, y| x.0.total_cmp(&y.0))?;
    let spacing = (d(corner, p) + d(corner, q)) / 2.0;
    let ppm = spacing / (modules as f32 - 7.0);
    let centre = ((p.x + q.x) / 2.0, (p.y + q.y) / 2.0);
    Some((centre, ppm))
}

fn crop(page: &GrayImage, centre: (f32, f32), half: f32) -> (GrayImage, (f32, f32)) {
    let x0 = (centre.0 - half).max(0.0) as u32;
    let y0 = (centre.1 - half).max(0.0) as u32;
    let x1 = ((centre.0 + half) as u32).min(page.width());
    let y1 = ((centre.1 + half) as u32).min(page.height());
    let img = image::imageops::crop_imm(page, x0, y0, x1 - x0, y1 - y0).to_image();
    (img, (centre.0 - x0 as f32, centre.1 - y0 as f32))
}

fn run(out: &Path, page_path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(page_path).map_err(|e| format!("{}: {e}", page_path.display()))?;
    let expected = std::fs::read_to_string(page_path.with_extension("txt"))
        .map_err(|e| format!("{}: {e}", page_path.display()))?;
    let page = sello_verifier::load_gray(&bytes).map_err(|e| e.to_string())?;
    // The issuer's encoder, as it encoded this text (either QR form), EC level M.
    let modules = QrMatrix::encode(&expected, Correction::Medium)
        .map_err(|e| format!("{}: {e:?}", page_path.display()))?
        .width() as u32;
    let (centre, ppm) = locate(&page, modules)
        .ok_or_else(|| format!("{}: no QR code located", page_path.display()))?;
    // One code side of margin: the code is a third of the frame's side.
    let (frame, centre) = crop(&page, centre, 1.5 * modules as f32 * ppm);
    let stem = page_path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    eprintln!(
        "{stem}: {modules} modules, {ppm:.2} px/module, frame {}×{}",
        frame.width(),
        frame.height()
    );
    let clean = decode_with_stage(&frame).0.contains(&expected);
    if !clean {
        return Err(format!("{stem}: the undegraded frame is not read"));
    }
    for family in &FAMILIES {
        let dir = out.join(&stem).join(family.name.replace(' ', "-"));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        for (i, &level) in family.levels.iter().enumerate() {
            let Some(img) = (family.apply)(&frame, ppm, level, centre) else {
                continue;
            };
            let file = dir.join(format!("{i:02}.png"));
            std::fs::write(&file, photo::png_bytes(&img)).map_err(|e| e.to_string())?;
            std::fs::write(file.with_extension("txt"), &expected).map_err(|e| e.to_string())?;
            let read = decode_with_stage(&img).0.contains(&expected);
            println!(
                "{stem}\t{ppm:.2}\t{modules}\t{}\t{level}\t{}\t{}\t{}",
                family.name,
                family.unit,
                file.display(),
                u8::from(read)
            );
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(out) = args.next().map(PathBuf::from) else {
        eprintln!("usage: frontier OUT_DIR PAGE.png...");
        return ExitCode::from(2);
    };
    for page in args.map(PathBuf::from) {
        if let Err(e) = run(&out, &page) {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
