//! The faces a PDF embeds: per role its own face, then the bundled ones for characters it
//! lacks, each cut down to the characters printed.

use std::collections::{BTreeSet, HashMap};

use printpdf::{FontId, ParsedFont, PdfDocument};

use super::fonts::{self, FaceSource, FontSet, Role};
use super::options::PdfError;
use super::text::LoadedFace;

/// Per role, the faces to try in order (indices into the loaded faces).
pub(super) type Chains = HashMap<Role, Vec<usize>>;

/// Parses the role faces and the bundled fallbacks once each; a role's chain is its own
/// face, then the bundled 宋, 黑 and 楷 faces for characters it lacks.
pub(super) fn load_faces(
    doc: &mut PdfDocument,
    set: &FontSet,
    chars: &BTreeSet<char>,
) -> Result<(Vec<LoadedFace>, Chains), PdfError> {
    let bundled = FontSet::bundled();
    let fallbacks = [&bundled.body, &bundled.heading, &bundled.subheading];
    let same = |a: &FaceSource, b: &FaceSource| {
        a.family == b.family && a.index == b.index && a.installed == b.installed
    };
    let mut sources: Vec<FaceSource> = Vec::new();
    let mut chains = HashMap::new();
    for role in Role::ALL {
        let mut chain = Vec::new();
        for src in std::iter::once(set.face(role)).chain(fallbacks) {
            let i = match sources.iter().position(|s| same(s, src)) {
                Some(i) => i,
                None => {
                    sources.push(src.clone());
                    sources.len() - 1
                }
            };
            if !chain.contains(&i) {
                chain.push(i);
            }
        }
        chains.insert(role, chain);
    }
    // A fallback face is used only for characters the faces before it lack: a chain whose
    // first face (say an installed 仿宋_GB2312) has every character needs no other.
    for chain in chains.values_mut() {
        let mut missing: Vec<char> = chars
            .iter()
            .copied()
            .filter(|c| !c.is_whitespace())
            .collect();
        let mut keep = 0;
        for &i in chain.iter() {
            if missing.is_empty() {
                break;
            }
            keep += 1;
            if let Ok(face) = ttf_parser::Face::parse(&sources[i].bytes, sources[i].index) {
                missing.retain(|c| face.glyph_index(*c).is_none());
            }
        }
        chain.truncate(keep.max(1));
    }
    let used: BTreeSet<usize> = chains.values().flatten().copied().collect();
    // The bundled faces still packed are unpacked side by side.
    std::thread::scope(|scope| {
        for &i in &used {
            if let fonts::FontBytes::Bundled(font) = sources[i].bytes {
                scope.spawn(move || font.bytes().len());
            }
        }
    });
    let mut faces = Vec::new();
    let mut remap = HashMap::new();
    for (i, src) in sources.iter().enumerate() {
        if !used.contains(&i) {
            continue;
        }
        remap.insert(i, faces.len());
        let mut warnings = Vec::new();
        let cut = fonts::subset_face(&src.bytes, src.index, chars);
        let font = match &cut {
            Some(small) => ParsedFont::from_bytes(small, 0, &mut warnings),
            None => ParsedFont::from_bytes(&src.bytes, src.index as usize, &mut warnings),
        }
        .ok_or(PdfError::UnreadableFont {
            family: src.family.clone(),
        })?;
        // Our own ids, not printpdf's process-wide random ones: the same report gives the
        // same bytes however many exports ran before.
        // Six capitals: printpdf derives the subset tag (ABCDEF+Name) from the id.
        let id = FontId(format!("NIANB{}", char::from(b'A' + faces.len() as u8)));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), printpdf::font::PdfFont::new(font.clone()));
        faces.push(LoadedFace::new(font, id));
    }
    for chain in chains.values_mut() {
        for i in chain.iter_mut() {
            *i = remap[i];
        }
    }
    Ok((faces, chains))
}
