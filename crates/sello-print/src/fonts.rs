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

/// An embedded face, parsed once per process for shaping and metrics.
pub(crate) struct Face {
    /// Its id in [`database`].
    pub(crate) id: fontdb::ID,
    /// The font file.
    pub(crate) data: &'static [u8],
    pub(crate) shaper: rustybuzz::Face<'static>,
    pub(crate) units_per_em: u16,
}

/// The embedded face with the given database id.
pub(crate) fn face(id: fontdb::ID) -> Option<&'static Face> {
    static PARSED: OnceLock<Vec<Face>> = OnceLock::new();
    PARSED
        .get_or_init(|| {
            // The database holds the faces in the order they were loaded.
            database()
                .faces()
                .zip(FACES)
                .filter_map(|(info, data)| {
                    let shaper = rustybuzz::Face::from_slice(data, info.index)?;
                    Some(Face {
                        id: info.id,
                        data,
                        units_per_em: shaper.units_per_em().max(16) as u16,
                        shaper,
                    })
                })
                .collect()
        })
        .iter()
        .find(|f| f.id == id)
}
