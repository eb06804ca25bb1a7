//! The window's own commands as data: zoom and the guide.

/// A command of the window, run by `actions::window`.
#[derive(Clone, Debug)]
pub enum WindowCommand {
    SetZoom(f32),
    /// 帮助 → 使用说明 (F1).
    ShowGuide,
}
