//! Printing's commands as data.

/// A command of printing, run by `print::actions`.
#[derive(Clone, Debug)]
pub enum PrintCommand {
    /// 文件 → 打印… (Ctrl+P).
    Print,
    /// 文件 → 打印预览: the PDF drawn in place of the form.
    ShowPreview,
    /// Back from the preview to the form.
    ClosePreview,
    /// The preview's 导出PDF…: the export as from the 文件 menu.
    ExportPdf,
}
