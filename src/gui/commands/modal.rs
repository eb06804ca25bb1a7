//! The modal questions and messages as data: what each asks and what it holds while open.

use std::path::PathBuf;

use crate::analysis::Deadline;
use crate::draft::Draft;
use crate::finding::{Finding, Place};
use crate::gui::files::commands::{Action, PathPurpose};
use crate::gui::files::storage::Recovery;
use crate::review::Stage;

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
        kind: crate::gui::files::commands::DocumentKind,
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
    /// 汇总已审核的报告 at the desk: which year, and for each year of the approved reports
    /// what its sum takes and leaves out.
    DeskSum {
        plans: Vec<(u16, String)>,
        year: u16,
    },
    /// 审核通过 / 签发 at the desk: who signs, and which reports (file, organ, open warnings).
    DeskSign {
        stage: Stage,
        units: Vec<(String, String, usize)>,
        name: String,
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
