//! The faces of a PDF export: one per typographic role, from the bundled open fonts or, when
//! the machine has them, the organ's official fonts (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体).

use std::sync::Arc;

use crate::fonts::{BundledFont, KAI, SANS, SERIF, SERIF_BOLD};

pub use crate::export::page::Role;

/// The bundled open face that stands in for a role's official font.
fn bundled(role: Role) -> &'static BundledFont {
    match role {
        Role::Title => &SERIF_BOLD,
        Role::Body => &SERIF,
        Role::Heading => &SANS,
        Role::Subheading => &KAI,
    }
}

/// A font file's bytes: a bundled font stays where the program holds it (no copy of its
/// megabytes per export); a font read from the machine is shared.
#[derive(Clone)]
pub enum FontBytes {
    /// Unpacked on first use (see [`BundledFont::bytes`]).
    Bundled(&'static BundledFont),
    Installed(Arc<[u8]>),
}

impl std::ops::Deref for FontBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            FontBytes::Bundled(f) => f.bytes(),
            FontBytes::Installed(a) => a,
        }
    }
}

/// The bytes of one font face.
#[derive(Clone)]
pub struct FaceSource {
    /// Family name as shown to the user.
    pub family: String,
    pub bytes: FontBytes,
    /// Face index inside a collection (0 for a plain .ttf).
    pub index: u32,
    /// True for a font found on this machine, false for a bundled one.
    pub installed: bool,
}

impl std::fmt::Debug for FaceSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FaceSource")
            .field("family", &self.family)
            .field("installed", &matches!(self.bytes, FontBytes::Installed(_)))
            .field("index", &self.index)
            .field("installed", &self.installed)
            .finish()
    }
}

impl FaceSource {
    fn bundled(font: &'static BundledFont) -> FaceSource {
        FaceSource {
            family: font.family.to_string(),
            bytes: FontBytes::Bundled(font),
            index: 0,
            installed: false,
        }
    }
}

/// The face of every role.
#[derive(Clone, Debug)]
pub struct FontSet {
    pub title: FaceSource,
    pub body: FaceSource,
    pub heading: FaceSource,
    pub subheading: FaceSource,
}

impl FontSet {
    /// The bundled open fonts only: the same output on every machine.
    pub fn bundled() -> FontSet {
        FontSet {
            title: FaceSource::bundled(bundled(Role::Title)),
            body: FaceSource::bundled(bundled(Role::Body)),
            heading: FaceSource::bundled(bundled(Role::Heading)),
            subheading: FaceSource::bundled(bundled(Role::Subheading)),
        }
    }

    /// The face of a role.
    pub fn face(&self, role: Role) -> &FaceSource {
        match role {
            Role::Title => &self.title,
            Role::Body => &self.body,
            Role::Heading => &self.heading,
            Role::Subheading => &self.subheading,
        }
    }

    fn face_mut(&mut self, role: Role) -> &mut FaceSource {
        match role {
            Role::Title => &mut self.title,
            Role::Body => &mut self.body,
            Role::Heading => &mut self.heading,
            Role::Subheading => &mut self.subheading,
        }
    }

    /// The official fonts installed on this machine where found (looked up with fontdb in
    /// the system's font folders), the bundled ones for the other roles.
    pub fn with_installed_official() -> FontSet {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let mut set = FontSet::bundled();
        for role in Role::ALL {
            if let Some(face) = find_installed(&db, role.official_families()) {
                *set.face_mut(role) = face;
            }
        }
        set
    }

    /// One line per role: which font it uses (for the export's note to the user).
    pub fn describe(&self) -> Vec<String> {
        Role::ALL
            .iter()
            .map(|&r| {
                let f = self.face(r);
                let origin = if f.installed {
                    "本机已安装"
                } else {
                    "内置"
                };
                format!("{}：{}（{}）", r.label(), f.family, origin)
            })
            .collect()
    }
}

fn find_installed(db: &fontdb::Database, names: &[&str]) -> Option<FaceSource> {
    for name in names {
        let families = [fontdb::Family::Name(name)];
        let query = fontdb::Query {
            families: &families,
            ..fontdb::Query::default()
        };
        let Some(id) = db.query(&query) else {
            continue;
        };
        // fontdb falls back to another family when none matches: accept only an exact name.
        let info = db.face(id)?;
        if !info.families.iter().any(|(f, _)| f == name) {
            continue;
        }
        let index = info.index;
        if let Some(bytes) = db.with_face_data(id, |data, _| Arc::<[u8]>::from(data)) {
            return Some(FaceSource {
                family: (*name).to_string(),
                bytes: FontBytes::Installed(bytes),
                index,
                installed: true,
            });
        }
    }
    None
}

/// The face cut down to `chars`: a valid font of its own (with a Unicode cmap and the
/// metrics), so the PDF library parses a few hundred glyphs instead of a CJK face's tens of
/// thousands. None when the face cannot be cut (the whole face is used then).
pub(super) fn subset_face(
    bytes: &[u8],
    index: u32,
    chars: &std::collections::BTreeSet<char>,
) -> Option<Vec<u8>> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile, subset};
    let face = ttf_parser::Face::parse(bytes, index).ok()?;
    let mut gids: Vec<u16> = chars
        .iter()
        .filter_map(|c| face.glyph_index(*c))
        .map(|g| g.0)
        .filter(|g| *g != 0)
        .collect();
    gids.sort_unstable();
    gids.dedup();
    // Glyph 0 (.notdef) first, as allsorts requires.
    let ids: Vec<u16> = std::iter::once(0).chain(gids).collect();
    let scope = ReadScope::new(bytes);
    let font_file = scope.read::<FontData<'_>>().ok()?;
    let provider = font_file.table_provider(index as usize).ok()?;
    subset(
        &provider,
        &ids,
        &SubsetProfile::Minimal,
        CmapTarget::Unicode,
    )
    .ok()
}
