//! The open document: the draft, where it lives on disk, and what it was read from.

use std::path::PathBuf;

use crate::draft::Draft;
use crate::finding::Finding;
use crate::gui::common::strings as s;
use crate::model::Report;

/// The open document.
#[derive(Clone, Debug)]
pub struct Document {
    pub draft: Draft,
    /// The draft file it is saved to (None: never saved as a draft).
    pub path: Option<PathBuf>,
    /// The published file it was imported from, if any.
    pub imported_from: Option<PathBuf>,
    /// The draft as last saved or opened; None when it exists on no disk as a draft.
    pub baseline: Option<Draft>,
    /// Findings of the import that produced it.
    pub import_findings: Vec<Finding>,
    /// Opened read-only (another window holds the draft): 保存 asks for another file.
    pub read_only: bool,
    /// The draft file's bytes as this window last read or wrote them: a save first checks
    /// that nobody changed the file since.
    pub on_disk: Option<Vec<u8>>,
    /// For a report imported from a scan: each cell as seen on the page (for 核对扫描件识别
    /// 结果; not saved in the draft).
    pub scanned: std::sync::Arc<crate::import::Scan>,
}

impl Document {
    /// A new blank document (not dirty until edited).
    pub fn blank(report: Report) -> Document {
        let draft = Draft::new(report);
        Document {
            baseline: Some(draft.clone()),
            draft,
            path: None,
            imported_from: None,
            import_findings: Vec::new(),
            read_only: false,
            on_disk: None,
            scanned: Default::default(),
        }
    }

    /// A draft opened from its file (not dirty), with the bytes it was read from.
    pub fn of_draft_file(
        opened: crate::document::Opened,
        path: &std::path::Path,
        bytes: Vec<u8>,
    ) -> Document {
        Document {
            baseline: Some(opened.draft.clone()),
            draft: opened.draft,
            path: Some(path.to_path_buf()),
            imported_from: None,
            import_findings: opened.import_findings,
            read_only: false,
            on_disk: Some(bytes),
            scanned: Default::default(),
        }
    }

    /// Unsaved changes: the report differs from the saved copy.
    pub fn is_dirty(&self) -> bool {
        self.baseline.as_ref() != Some(&self.draft)
    }

    /// The name shown in the title bar and dialogs: the file's, else 汇总报告（未保存） for a
    /// summary never saved, else 未命名.
    pub fn display_name(&self) -> String {
        let path = self.path.as_ref().or(self.imported_from.as_ref());
        match path.and_then(|p| p.file_name()) {
            Some(name) => name.to_string_lossy().into_owned(),
            None if self.draft.sum.is_some() => s::UNSAVED_SUM.to_string(),
            None => s::UNTITLED.to_string(),
        }
    }
}
