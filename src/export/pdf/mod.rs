//! PDF export after GB/T 9704-2012: A4, the official margins, 22 pt title, 16 pt body on a
//! 28 pt grid, 黑体 / 楷体 headings, tables drawn like the template (merged cells, vertical
//! group cells, header rows repeated on a new page, no row split), page numbers "— N —",
//! organ and date at the end. Line breaking and pagination are ours (printpdf never wraps).
//! Returns bytes; the caller gives the date, so the output is reproducible.

mod compose;
mod document;
mod faces;
mod file;
pub mod fonts;
mod options;
mod table;
pub mod text;

pub use document::{export_pdf, export_pdf_letter};
pub use fonts::{FaceSource, FontSet, Role};
pub use options::{Letter, PdfError, PdfOptions, PdfOutput};
