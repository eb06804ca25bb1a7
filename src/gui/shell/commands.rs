//! The window's own commands as data: messages, dialogs, zoom, the start page, the guide.

use crate::gui::modals::modal::Modal;

/// A command of the window, run by `shell::actions`.
#[derive(Clone, Debug)]
pub enum ShellCommand {
    SetZoom(f32),
    /// A message for the status bar.
    Status(String),
    /// Ask or tell the user something.
    ShowModal(Modal),
    /// 帮助 → 使用说明 (F1).
    ShowGuide,
}
