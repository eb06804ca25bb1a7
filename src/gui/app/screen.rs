//! What the window shows: one screen at a time. The menu, the title, the status bar and the
//! shortcuts follow it.

use crate::gui::print::preview::Preview;
use crate::gui::start::page::StartPage;

/// The screen shown.
pub enum Screen {
    /// The start page (no report open).
    Start(StartPage),
    /// The open report's form.
    Form,
    /// 打印预览 of the open report.
    Preview(Preview),
    /// The review desk (no report open; the desk itself is kept by the app between visits).
    Desk,
}

impl Screen {
    /// A report is shown (its form or its pages): the commands that act on the open report
    /// (保存, 导出, 打印, 查找, …) may run.
    pub fn shows_report(&self) -> bool {
        matches!(self, Screen::Form | Screen::Preview(_))
    }

    /// Which screen, without its state (for comparisons and messages).
    pub fn kind(&self) -> ScreenKind {
        match self {
            Screen::Start(_) => ScreenKind::Start,
            Screen::Form => ScreenKind::Form,
            Screen::Preview(_) => ScreenKind::Preview,
            Screen::Desk => ScreenKind::Desk,
        }
    }
}

/// A screen without its state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScreenKind {
    Start,
    Form,
    Preview,
    Desk,
}
