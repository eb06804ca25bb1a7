//! Import of published reports.
//!
//! Every source is first turned into a [`Doc`] (`doc.rs`, with what an import gives and why it
//! may fail; the text front-end in `text.rs`): a list of lines, each a list of cells (a
//! paragraph is a line with one cell, a table row a line with several). The text front-end
//! splits lines at tabs; later front-ends (other text layouts, Word, HTML) produce the same
//! `Doc`, and [`assemble`] turns any `Doc` into a [`Report`] plus import findings. Nothing
//! is guessed silently: whatever could not be placed is reported.

mod anchored;
mod assemble;
mod doc;
pub mod docx;
pub mod html;
pub mod labels;
pub mod pdf;
mod text;

use std::path::Path;

use crate::fsio;

pub use crate::model::Provenance;
pub use assemble::assemble;

pub use doc::{
    CellImage, Doc, ImportError, Imported, MAX_NESTING, Scan, ScannedCell, ScannedCells,
    ScannedPage, SeenLine, magic,
};
pub use text::decode;

/// Imports a published report from text bytes.
pub fn import_text(bytes: &[u8]) -> Result<Imported, ImportError> {
    let text = decode(bytes)?;
    assemble(Doc::from_text(&text))
}

/// Imports a published report from a file: Word (.docx), a saved web page (.html) or text.
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    import_bytes(path, &fsio::read_bounded(path)?)
}

/// Imports a published report from bytes; the file name's extension (else the content)
/// decides the kind.
pub fn import_bytes(path: &Path, bytes: &[u8]) -> Result<Imported, ImportError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "docx" => assemble(docx::docx_to_doc(bytes)?),
        "pdf" => assemble(pdf::pdf_to_doc(bytes)?),
        "doc" | "wps" => Err(ImportError::OldWord),
        "html" | "htm" | "shtml" | "xhtml" => assemble(html::html_to_doc(&decode(bytes)?)?),
        _ if bytes.starts_with(magic::ZIP) => assemble(docx::docx_to_doc(bytes)?),
        _ if bytes.starts_with(magic::PDF) => assemble(pdf::pdf_to_doc(bytes)?),
        _ if bytes.starts_with(magic::OLE) => Err(ImportError::OldWord),
        _ => {
            let text = decode(bytes)?;
            let head = text
                .trim_start()
                .get(..15)
                .unwrap_or("")
                .to_ascii_lowercase();
            if head.starts_with("<!doctype html") || head.starts_with("<html") {
                assemble(html::html_to_doc(&text)?)
            } else {
                assemble(Doc::from_text(&text))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_all_encodings_alike() {
        let s = "一、总体情况\r\n政务公开";
        let utf8 = decode(s.as_bytes()).unwrap();
        let bom = decode(&[b"\xEF\xBB\xBF".as_slice(), s.as_bytes()].concat()).unwrap();
        let (gbk, _, _) = encoding_rs::GB18030.encode(s);
        let gbk = decode(&gbk).unwrap();
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let utf16 = decode(&utf16).unwrap();
        assert_eq!(utf8, s);
        assert_eq!(bom, s);
        assert_eq!(gbk, s);
        assert_eq!(utf16, s);
        assert!(matches!(decode(b"\x00\x01abc"), Err(ImportError::NotText)));
    }
}
