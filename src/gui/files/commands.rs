//! The file commands as data: what replaces or ends the open document ([`Action`], asked
//! about unsaved changes first), saving, exporting, the recovery copies.

use std::path::PathBuf;

use crate::draft::Draft;
use crate::gui::files::storage::Recovery;

/// Something that replaces, closes or leaves the open document: asked about unsaved
/// changes first. Every action ends with the screen showing what it opened.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    New,
    /// 新建报告 from the start page: this organ, kind and year.
    NewReport {
        organ: String,
        kind: crate::model::OrganKind,
        year: u16,
    },
    Open,
    OpenPath(PathBuf),
    /// 从上年报告新建…: pick last year's report.
    NewFromPrevious,
    /// A new report for next year from this file.
    NewFromPath(PathBuf),
    /// 汇总下级单位报告…: pick the units' reports.
    SumUnits,
    /// A parent report summed from these files or folders.
    SumPaths(Vec<PathBuf>),
    /// A parent report summed from the review desk's approved reports of this year.
    SumDesk(u16),
    /// Open the desk's report (by file, relative to the folder) in the editor; a
    /// resubmission with what changed since its return framed.
    OpenDeskRow(String),
    /// 返回审核台: the open report is closed, the desk shown (read again).
    ShowDesk,
    /// 文件 → 起始页: the open report is closed, the start page shown.
    ShowStartPage,
    /// Restore this recovered draft in this window.
    Restore(Box<Recovery>),
    Quit,
}

/// A file command, run after the frame by `files::actions`.
#[derive(Clone, Debug)]
pub enum FileCommand {
    /// Run the action, asking 保存 / 不保存 / 取消 first when there are unsaved changes.
    Guarded(Action),
    /// Run the action now (the question was answered).
    Run(Action),
    /// Save to the current draft file (or ask where), then run `then`.
    Save {
        then: Option<Action>,
    },
    /// Ask where to save, then run `then`.
    SaveAs {
        then: Option<Action>,
    },
    /// Save to this path, then run `then`.
    SaveTo {
        path: PathBuf,
        then: Option<Action>,
    },
    /// The file changed on disk: write ours over it anyway, then run `then`.
    Overwrite {
        path: PathBuf,
        then: Option<Action>,
    },
    /// The file changed on disk: take the merge of both versions, then save it.
    MergeAndSave {
        merged: Box<Draft>,
        disk: Vec<u8>,
        path: PathBuf,
        then: Option<Action>,
    },
    /// Open a draft another window holds, the way the user chose.
    OpenHeld {
        opened: Box<crate::document::Opened>,
        /// The file's bytes the draft was read from.
        bytes: Vec<u8>,
        path: PathBuf,
        how: HeldChoice,
    },
    /// 导出文本… / 导出 Word… / 导出网页…: Word and the web page ask first when the report
    /// is no final version; then ask where.
    Export(DocumentKind),
    /// Ask where to put the document; `draft`: a Word file gets the 草稿 header.
    ExportPick {
        kind: DocumentKind,
        draft: bool,
    },
    ExportTo {
        kind: DocumentKind,
        path: PathBuf,
        draft: bool,
    },
    /// 导出PDF…: asks first when the report is no final version.
    ExportPdf,
    /// Ask where to put the PDF.
    ExportPdfPick {
        watermark: bool,
    },
    ExportPdfTo {
        path: PathBuf,
        watermark: bool,
    },
    /// Give up this window's recovery copy (the window closes without unsaved changes).
    DiscardRecovery,
    /// Give up one recovered copy (by its key) and offer the next, if any.
    DiscardCopy(String),
    /// 文件 → 恢复未保存的草稿…: offer the copies of windows that ended.
    ShowRecoveries,
}

/// How to open a draft that another window holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeldChoice {
    /// Read only: 保存 asks for another file.
    ReadOnly,
    /// As an unsaved copy (another file on 保存).
    Copy,
    /// The holder is gone: take the lock over and edit.
    TakeOver,
}

/// A document the editor exports besides the PDF (which asks about errors first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    Text,
    Word,
    WebPage,
    /// 退回意见 (PDF): the open findings, notes and stale 说明, to send back to the unit.
    ReturnNotes,
}

impl DocumentKind {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            DocumentKind::Text => "txt",
            DocumentKind::Word => "docx",
            DocumentKind::WebPage => "html",
            DocumentKind::ReturnNotes => "pdf",
        }
    }
}

/// What a path asked for (by a dialog, or typed) is for.
#[derive(Clone, Debug)]
pub enum PathPurpose {
    Open,
    SaveAs {
        then: Option<Action>,
    },
    /// `draft`: a Word file gets the 草稿 header.
    Export {
        kind: DocumentKind,
        draft: bool,
    },
    ExportPdf {
        watermark: bool,
    },
    ComparePrevious,
    NewFromPrevious,
    /// A folder (or file) of units to sum.
    SumUnits,
    /// Another version to compare with.
    CompareVersion,
    /// 设置 → 本地要求…: a rule profile.
    Profile,
    /// 文件 → 打开审核台…: the folder, typed.
    DeskFolder,
}
