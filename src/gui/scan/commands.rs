//! The scan review's commands as data.

/// A command of the scan review, run by `actions::scan`.
#[derive(Clone, Debug)]
pub enum ScanCommand {
    /// 编辑 → 核对扫描件识别结果…: the review beside the form, at the first cell to confirm.
    Open,
    Close,
    /// The cell shown is as read: confirmed (Enter).
    Confirm(usize),
    /// The cell shown holds what the reviewer typed instead (Enter after a correction).
    Correct {
        cell: usize,
        typed: String,
    },
    /// 跳过: this cell later, the next one now.
    Skip(usize),
    /// Show this cell (chosen in the list).
    Show(usize),
    /// Show this text of the narrative beside the page it was read from.
    ShowText(crate::template::TextId),
    /// The text shown is as on the page (as read, or as corrected in the form): confirmed,
    /// and the next one shown.
    ConfirmText(crate::template::TextId),
    /// Put the text shown in the form (to correct it there).
    EditText(crate::template::TextId),
}
