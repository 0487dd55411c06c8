//! The embedded font: Libertinus Serif (SIL Open Font License 1.1, `fonts/OFL.txt`).
//!
//! Nothing is read from the system: the same PDF comes out on a machine with no fonts at all.
//! Every generic family (`serif`, `sans-serif`, `monospace`, …) and every unknown family
//! resolves to Libertinus Serif.

use std::sync::{Arc, OnceLock};
use usvg::fontdb;

/// The family name templates use for the embedded font.
pub const FONT_FAMILY: &str = "Libertinus Serif";

static FACES: [&[u8]; 3] = [
    include_bytes!("../fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("../fonts/LibertinusSerif-Semibold.otf"),
    include_bytes!("../fonts/LibertinusSerif-Italic.otf"),
];

/// The font database, built once per process.
pub(crate) fn database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for face in FACES {
            db.load_font_source(fontdb::Source::Binary(Arc::new(face)));
        }
        db.set_serif_family(FONT_FAMILY);
        db.set_sans_serif_family(FONT_FAMILY);
        db.set_monospace_family(FONT_FAMILY);
        db.set_cursive_family(FONT_FAMILY);
        db.set_fantasy_family(FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Parsing options: the embedded fonts only, and no file or image is ever loaded.
pub(crate) fn options() -> usvg::Options<'static> {
    usvg::Options {
        resources_dir: None,
        font_family: FONT_FAMILY.to_string(),
        languages: vec!["es".to_string()],
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        fontdb: database(),
        ..usvg::Options::default()
    }
}
