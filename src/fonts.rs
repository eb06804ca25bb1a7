//! The bundled fonts (all SIL OFL 1.1; licences beside them in `assets/fonts/`).
//! Embedded in the binary so the editor and the PDF export render the same glyphs on every
//! machine, whatever fonts it has installed. The editor's UI font is stored as is (instantly
//! available at start); the faces only the PDF export uses are stored brotli-compressed
//! (`examples/compress_fonts.rs`) and unpacked once, on the first export.

use std::io::Read;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Where unpacked faces are kept between runs (set once by the program's edge; tests and
/// library users leave it unset, and faces are unpacked in memory each run).
static CACHE_DIR: OnceLock<PathBuf> = OnceLock::new();

/// Sets the folder for unpacked faces (e.g. `~/.cache/nianbao`); the first call counts.
pub fn set_cache_dir(dir: PathBuf) {
    let _ = CACHE_DIR.set(dir);
}

/// The user's cache folder by the XDG convention (`$XDG_CACHE_HOME`, else `~/.cache`), or
/// `%LOCALAPPDATA%` on Windows, with `nianbao` under it.
pub fn default_cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("LOCALAPPDATA").map(PathBuf::from))
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("nianbao"))
}

/// How a bundled face is stored in the binary.
#[derive(Debug)]
enum Stored {
    Raw(&'static [u8]),
    Brotli(&'static [u8]),
}

/// One bundled font face.
#[derive(Debug)]
pub struct BundledFont {
    /// Family name as shown to the user.
    pub family: &'static str,
    stored: Stored,
    unpacked: OnceLock<Vec<u8>>,
}

impl BundledFont {
    const fn raw(family: &'static str, bytes: &'static [u8]) -> BundledFont {
        BundledFont {
            family,
            stored: Stored::Raw(bytes),
            unpacked: OnceLock::new(),
        }
    }

    const fn brotli(family: &'static str, bytes: &'static [u8]) -> BundledFont {
        BundledFont {
            family,
            stored: Stored::Brotli(bytes),
            unpacked: OnceLock::new(),
        }
    }

    /// The TrueType (glyf) file, unpacked on first use (from the cache folder when a run
    /// before left it there). Empty if the stored data is broken (a damaged binary): the PDF
    /// export then reports the font as unreadable.
    pub fn bytes(&'static self) -> &'static [u8] {
        match self.stored {
            Stored::Raw(b) => b,
            Stored::Brotli(packed) => self.unpacked.get_or_init(|| {
                let cached = self.cache_path(packed);
                if let Some(bytes) = cached.as_deref().and_then(read_cached) {
                    return bytes;
                }
                let out = unpack(packed);
                if let Some(path) = cached {
                    write_cached(&path, &out);
                }
                out
            }),
        }
    }

    /// Unpacks the face into the cache folder now if it is not there yet, without keeping
    /// it in memory: the editor does this in the background at start, so that the first
    /// PDF (打印预览, 导出PDF) does not wait for it.
    pub fn prepare_cache(&'static self) {
        let Stored::Brotli(packed) = self.stored else {
            return;
        };
        if self.unpacked.get().is_some() {
            return;
        }
        let Some(path) = self.cache_path(packed) else {
            return;
        };
        if read_cached(&path).is_none() {
            write_cached(&path, &unpack(packed));
        }
    }

    /// Where the unpacked face is cached (named by the packed size: another build's face is
    /// another file); `None` without a cache folder.
    fn cache_path(&self, packed: &[u8]) -> Option<PathBuf> {
        let name = format!("{}-{}.ttf", self.family.replace(' ', ""), packed.len());
        CACHE_DIR.get().map(|dir| dir.join("fonts").join(name))
    }
}

/// A cached face, when it is there and a font.
fn read_cached(path: &std::path::Path) -> Option<Vec<u8>> {
    std::fs::read(path)
        .ok()
        .filter(|b| ttf_parser::Face::parse(b, 0).is_ok())
}

/// A cache that cannot be written only costs the next run the unpacking.
fn write_cached(path: &std::path::Path, bytes: &[u8]) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = crate::fsio::write_atomic(path, bytes);
}

/// A packed face's bytes; empty when the packed data is broken.
fn unpack(packed: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(packed.len() * 2);
    let mut reader = brotli_decompressor::Decompressor::new(packed, 1 << 16);
    if reader.read_to_end(&mut out).is_err() {
        return Vec::new();
    }
    out
}

/// Unpacks every packed face into the cache folder (see [`BundledFont::prepare_cache`]).
pub fn prepare_cache() {
    for (font, _) in &ALL {
        font.prepare_cache();
    }
}

/// Noto Sans SC Regular: 黑体-style. The editor's UI font and the PDF's 一、 headings.
pub static SANS: BundledFont = BundledFont::raw(
    "Noto Sans SC",
    include_bytes!("../assets/fonts/NotoSansSC_400Regular.ttf"),
);

/// Noto Serif SC Regular: 宋体-style. The PDF's body text and tables.
pub static SERIF: BundledFont = BundledFont::brotli(
    "Noto Serif SC",
    include_bytes!("../assets/fonts/NotoSerifSC_400Regular.ttf.br"),
);

/// Noto Serif SC Bold: stands in for 小标宋 in the PDF's title.
pub static SERIF_BOLD: BundledFont = BundledFont::brotli(
    "Noto Serif SC Bold",
    include_bytes!("../assets/fonts/NotoSerifSC_700Bold.ttf.br"),
);

/// LXGW WenKai Regular: 楷体-style. The PDF's （一） headings.
pub static KAI: BundledFont = BundledFont::brotli(
    "LXGW WenKai",
    include_bytes!("../assets/fonts/LXGWWenKai-Regular.ttf.br"),
);

/// Every bundled face, with its licence (for 帮助 → 关于 and the package).
pub static ALL: [(&BundledFont, &str); 4] = [
    (&SANS, "SIL Open Font License 1.1"),
    (&SERIF, "SIL Open Font License 1.1"),
    (&SERIF_BOLD, "SIL Open Font License 1.1"),
    (&KAI, "SIL Open Font License 1.1"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_face_unpacks_to_a_font() {
        for (font, _) in &ALL {
            let bytes = font.bytes();
            assert!(
                ttf_parser::Face::parse(bytes, 0).is_ok(),
                "{} is not a font",
                font.family
            );
            assert!(std::ptr::eq(bytes, font.bytes()), "unpacked once");
        }
    }
}
