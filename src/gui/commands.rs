//! The editor's commands as data: everything with a side effect (dialogs, file I/O,
//! replacing the document, undo, closing the window), queued by panels and menus and run
//! after the frame by [`super::runner`]; and the modal questions the runner may ask.

use std::path::PathBuf;

use crate::analysis::Deadline;
use crate::draft::Draft;
use crate::finding::{Finding, Place};
use crate::review::Stage;

use super::storage::Recovery;

/// Something that replaces or ends the open document: asked about unsaved changes first.
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
    /// A parent report summed from the review desk's approved reports.
    SumDesk,
    /// Open the desk's report (by file, relative to the folder) in the editor; a
    /// resubmission with what changed since its return framed.
    OpenDeskRow(String),
    /// Restore this recovered draft in this window.
    Restore(Box<Recovery>),
    Quit,
}

/// A queued side effect.
#[derive(Clone, Debug)]
pub enum Command {
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
    /// 导出文本… / 导出 Word… / 导出网页…: ask where.
    Export(DocumentKind),
    ExportTo(DocumentKind, PathBuf),
    /// 导出PDF…: asks first when the report still has errors.
    ExportPdf,
    /// Ask where to put the Word file or web page; `draft`: a Word file gets the 草稿 header.
    ExportPick {
        kind: DocumentKind,
        draft: bool,
    },
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
    /// The file changed on disk: take the merge of both versions, then save it.
    MergeAndSave {
        merged: Box<Draft>,
        disk: Vec<u8>,
        path: PathBuf,
        then: Option<Action>,
    },
    /// The file changed on disk: write ours over it anyway, then run `then`.
    Overwrite {
        path: PathBuf,
        then: Option<Action>,
    },
    /// 导出退回意见: the findings the reviewer chose; then ask where.
    ExportLetter(crate::export::return_notes::LetterChoice),
    /// Open a draft another window holds, the way the user chose.
    OpenHeld {
        opened: Box<crate::document::Opened>,
        /// The file's bytes the draft was read from.
        bytes: Vec<u8>,
        path: PathBuf,
        how: HeldChoice,
    },
    /// Write the recovery copy of the open draft now.
    Autosave,
    SetZoom(f32),
    /// 对照上年报告…: pick last year's report for the cross-year checks.
    ComparePrevious,
    ComparePreviousPath(PathBuf),
    /// Stop comparing with last year's report.
    ClearPrevious,
    /// 设置 → 发布期限: a local deadline, or `None` for the national one; kept for later
    /// sessions.
    SetDeadline(Option<Deadline>),
    /// 编辑 → 查找… (Ctrl+F) / 替换… (Ctrl+H, `true`): the find bar.
    OpenFind(bool),
    CloseFind,
    /// To the next (`true`) or previous match.
    FindStep(bool),
    /// Replace the match gone to, and go on to the next.
    ReplaceOne,
    /// Replace every match in the 正文 (one undo step).
    ReplaceAll,
    /// 文件 → 打印… (Ctrl+P).
    Print,
    /// 文件 → 打印预览: the PDF drawn in place of the form.
    ShowPreview,
    ClosePreview,
    /// 文件 → 起始页.
    ShowStartPage,
    /// 帮助 → 使用说明 (F1).
    ShowGuide,
    /// The start page's 空白报告: on to the report that is open.
    CloseStartPage,
    /// 文件 → 打开审核台…: pick the folder.
    OpenDesk,
    /// Open this folder as the review desk.
    OpenDeskPath(PathBuf),
    /// Back to the desk (read again from the folder, in the background).
    ShowDesk,
    /// Open the desk's row in the editor.
    DeskOpenRow(usize),
    /// 退回… on the desk's selected rows: ask the letter's format and who returns them.
    DeskReturn(Vec<usize>),
    /// 退回 the desk's reports (by file): each one's 退回意见 beside it, the return recorded.
    DeskReturnNow {
        files: Vec<String>,
        name: String,
        as_text: bool,
    },
    /// 审核通过 or 签发 the desk's selected rows.
    DeskSign(Vec<usize>, crate::review::Stage),
    /// 汇总 the approved rows into a parent draft.
    DeskSum,
    /// 导出总览…: the overview page (and its CSV beside it).
    DeskOverview,
    /// 设置 → 本地要求…: pick a rule profile.
    ChooseProfile,
    /// Use this rule profile (and remember it).
    LoadProfile(PathBuf),
    /// Back to the national rules only.
    ClearProfile,
    /// Record this state of the draft as an undo point (taken when the panel asked).
    UndoPoint(Box<Draft>),
    Undo,
    Redo,
    /// A message for the status bar.
    Status(String),
    /// Ask or tell the user something.
    ShowModal(Modal),
    /// Keep a 说明 for this finding of the open report.
    Explain {
        finding: Box<Finding>,
        text: String,
        author: String,
    },
    /// Record a sign-off (审核 or 签发) of the open report.
    SignOff {
        stage: Stage,
        name: String,
    },
    /// Add a reviewer's note.
    AddNote {
        place: Place,
        text: String,
        author: String,
    },
    /// Mark a note (index into the draft's notes) resolved or open again.
    SetNoteResolved(usize, bool),
    /// 与其他版本比较…: pick the other version.
    CompareVersion,
    CompareVersionPath(PathBuf),
    /// Compare with the report as last approved.
    CompareSignOff,
    EndCompare,
}

impl Command {
    /// False for bookkeeping that changes nothing on screen (undo points, the recovery
    /// copy): no extra frame is drawn for it.
    pub fn changes_the_view(&self) -> bool {
        !matches!(
            self,
            Command::UndoPoint(_) | Command::Autosave | Command::DiscardRecovery
        )
    }
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

/// What a typed path is for.
#[derive(Clone, Debug)]
pub enum PathPurpose {
    Open,
    SaveAs {
        then: Option<Action>,
    },
    Export(DocumentKind),
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

/// The modal on screen.
#[derive(Clone, Debug)]
pub enum Modal {
    Unsaved {
        then: Action,
    },
    Path {
        purpose: PathPurpose,
        text: String,
    },
    /// Drafts of windows that ended without saving, each offered (first the oldest).
    Recovery(Vec<Recovery>),
    /// 导出退回意见…: which open findings go into the letter (each line with its index into
    /// the analysis' findings and whether it is sent), and the part the import could not
    /// read (`None`: there is none).
    Letter {
        findings: Vec<(usize, String, bool)>,
        unread: Option<bool>,
    },
    /// The draft is open in another window (its lock): how to open it.
    HeldElsewhere {
        opened: Box<crate::document::Opened>,
        bytes: Vec<u8>,
        path: PathBuf,
        holder: crate::lock::Owner,
        gone: bool,
    },
    /// Before a save: the file changed on disk since it was opened (another window saved
    /// it). `changes`: what the other version changed, as lines.
    ChangedOnDisk {
        path: PathBuf,
        then: Option<Action>,
        changes: Vec<String>,
        /// Both versions merged (`draft::merge`), when no field was changed on both sides.
        merged: Option<Box<Draft>>,
        /// The fields both sides changed differently (named in Chinese).
        conflicts: Vec<String>,
        /// The file as it is on disk now (what the merge was made against).
        disk: Vec<u8>,
    },
    /// 导出 Word… / 导出网页… of a report that is no final version yet: go on (Word with 草稿
    /// in every page's header), or cancel.
    ExportNotFinal {
        kind: DocumentKind,
        reasons: Vec<String>,
    },
    /// 导出PDF of a report that is no final version yet (see `release::release`): go on
    /// with the 草稿 watermark, or cancel.
    PdfNotFinal {
        reasons: Vec<String>,
    },
    Error(String),
    /// 这条规则是什么: a rule's id, what it checks, its source and an example.
    RuleHelp(crate::finding::Rule),
    /// 帮助 → 关于: version, template, fonts and their licences.
    About,
    /// 设置 → 发布期限: national, or a local `MM-DD` typed in `text`.
    Deadline {
        local: bool,
        text: String,
    },
    /// A 说明 for a 警告 or 提示.
    Explain {
        finding: Box<Finding>,
        text: String,
        author: String,
    },
    /// 退回… at the desk: the letters' format and who returns them; the units by file and
    /// organ.
    DeskReturn {
        units: Vec<(String, String)>,
        name: String,
        as_text: bool,
    },
    /// 编辑 → 审核通过… / 签发…: who signs.
    SignOff {
        stage: Stage,
        name: String,
    },
    /// 添加批注… on a place.
    Note {
        place: Place,
        text: String,
        author: String,
    },
}

impl Modal {
    pub fn path(purpose: PathPurpose, text: String) -> Modal {
        Modal::Path { purpose, text }
    }

    /// The deadline setting, opened on the current one.
    pub fn deadline(current: Option<Deadline>) -> Modal {
        Modal::Deadline {
            local: current.is_some(),
            text: current.map(|d| d.mm_dd()).unwrap_or_default(),
        }
    }
}

/// The path with `ext` added when it has no extension.
fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(ext)
    }
}

impl PathPurpose {
    /// The command that uses a chosen path for this purpose (extensions added where
    /// missing).
    pub fn command(&self, path: PathBuf) -> Command {
        match self {
            PathPurpose::Open => Command::Run(Action::OpenPath(path)),
            PathPurpose::ComparePrevious => Command::ComparePreviousPath(path),
            PathPurpose::NewFromPrevious => Command::Run(Action::NewFromPath(path)),
            PathPurpose::SumUnits => Command::Run(Action::SumPaths(vec![path])),
            PathPurpose::CompareVersion => Command::CompareVersionPath(path),
            PathPurpose::Profile => Command::LoadProfile(path),
            PathPurpose::DeskFolder => Command::OpenDeskPath(path),
            PathPurpose::SaveAs { then } => Command::SaveTo {
                path: with_extension(path, "ron"),
                then: then.clone(),
            },
            PathPurpose::Export(kind) => {
                Command::ExportTo(*kind, with_extension(path, kind.extension()))
            }
            PathPurpose::ExportPdf { watermark } => Command::ExportPdfTo {
                path: with_extension(path, "pdf"),
                watermark: *watermark,
            },
        }
    }
}
