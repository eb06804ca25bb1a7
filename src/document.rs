//! Opening any file the program understands: a RON draft or a published report's text.
//! Shared by the CLI and the editor, so both treat a file the same way.

use std::path::Path;

use crate::draft::{self, Draft, DraftError};
use crate::finding::Finding;
use crate::fsio::{self, FileError};
use crate::import::{self, ImportError};

/// What a file turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A nianbao draft (`.ron`).
    Draft,
    /// A published report, imported (`.txt`, `.docx`, `.html`).
    Imported,
}

/// A report read from a file, with the findings its import produced.
#[derive(Clone, Debug)]
pub struct Opened {
    pub draft: Draft,
    pub source: Source,
    /// Import findings (S9, S10, H15, IMPORT); empty for drafts.
    pub import_findings: Vec<Finding>,
    /// For a scan: each cell as seen on the page, for the reviewer to confirm what was read
    /// (not kept in the draft's file: a draft reopened is confirmed against the paper).
    pub scanned: std::sync::Arc<import::Scan>,
}

/// Why a file could not be opened (Chinese, for the user).
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error(transparent)]
    Draft(#[from] DraftError),
    #[error(transparent)]
    Import(#[from] ImportError),
}

impl OpenError {
    /// The whole message for the user, the file named once: what could not be done with
    /// `path`, and why.
    pub fn describe(&self, path: &Path) -> String {
        match self {
            // A file error names the file itself.
            OpenError::File(_) => self.to_string(),
            OpenError::Draft(_) => format!("无法打开草稿“{}”：{self}", path.display()),
            OpenError::Import(_) => format!("无法导入“{}”：{self}", path.display()),
        }
    }
}

/// True when the file should be read as a draft: by extension, else by its first bytes. A
/// PDF or Word file is never a draft, whatever its name (a published report saved as .ron).
pub fn looks_like_draft(path: &Path, bytes: &[u8]) -> bool {
    if crate::import::magic::BINARY
        .iter()
        .any(|magic| bytes.starts_with(magic))
    {
        return false;
    }
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("ron") => true,
        Some("txt") => false,
        _ => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            let start = bytes
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .map(|p| &bytes[p..])
                .unwrap_or(&[]);
            start.starts_with(b"(") || start.starts_with(b"//")
        }
    }
}

/// Reads a draft or imports a published text. An imported report gets hand-typed totals
/// (`manual_totals`), so its published totals are kept and compared, not overwritten.
pub fn open_path(path: &Path) -> Result<Opened, OpenError> {
    let bytes = fsio::read_bounded(path)?;
    open_bytes(path, &bytes)
}

/// Like [`open_path`] for bytes already read; `path` only decides the kind.
pub fn open_bytes(path: &Path, bytes: &[u8]) -> Result<Opened, OpenError> {
    if looks_like_draft(path, bytes) {
        Ok(Opened {
            draft: draft::parse_draft_bytes(bytes)?,
            source: Source::Draft,
            import_findings: Vec::new(),
            scanned: Default::default(),
        })
    } else {
        let imported = import::import_bytes(path, bytes)?;
        let import_findings = imported.findings.clone();
        let (draft, scanned) = draft_and_scan_of_import(imported);
        Ok(Opened {
            draft,
            source: Source::Imported,
            import_findings,
            scanned: std::sync::Arc::new(scanned),
        })
    }
}

/// A scan's narrative, read by OCR: each text, as read, marked until checked against the
/// page. None for a text-born file.
fn ocr_texts(
    report: &crate::model::Report,
    scanned: &import::Scan,
) -> std::collections::BTreeMap<crate::template::TextId, String> {
    if scanned.pages.is_empty() {
        return Default::default();
    }
    crate::template::TEXTS
        .iter()
        .filter_map(|t| {
            let text = report.text(t.id)?;
            (!text.trim().is_empty()).then(|| (t.id, text.to_string()))
        })
        .collect()
}

/// The draft of an imported report: hand-typed totals (the published ones are kept and
/// compared), and how each cell was read, kept until the cell is edited.
pub fn draft_of_import(imported: import::Imported) -> Draft {
    draft_and_scan_of_import(imported).0
}

/// [`draft_of_import`], and what a scan showed (its cells and pages) kept for the review.
pub fn draft_and_scan_of_import(mut imported: import::Imported) -> (Draft, import::Scan) {
    let read_as = imported
        .provenance
        .iter()
        .map(|(&i, &p)| (i, (p, imported.report.cell(i).clone())))
        .collect();
    let ocr_texts = ocr_texts(&imported.report, &imported.scanned);
    let scanned = std::mem::take(&mut imported.scanned);
    let draft = Draft {
        report: imported.report,
        manual_totals: true,
        inherited_texts: Default::default(),
        ocr_texts,
        read_as,
        sum: None,
        review: Default::default(),
    };
    (draft, scanned)
}
