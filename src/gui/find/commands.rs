//! The find bar's commands as data.

/// A command of the find bar, run by `find::actions`.
#[derive(Clone, Debug)]
pub enum FindCommand {
    /// 编辑 → 查找… (Ctrl+F) / 替换… (Ctrl+H, `true`): the find bar.
    Open(bool),
    Close,
    /// To the next (`true`) or previous match.
    Step(bool),
    /// Replace the match gone to, and go on to the next.
    ReplaceOne,
    /// Replace every match in the 正文 (one undo step).
    ReplaceAll,
}
