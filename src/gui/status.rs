//! The status bar: counts of findings, the last message, the file.

use egui::{Color32, RichText, Ui};

use super::app::EditorApp;
use super::strings as s;

/// Colours of the severities, shared by every panel.
pub fn severity_color(sev: crate::check::Severity, dark: bool) -> Color32 {
    use crate::check::Severity::*;
    match (sev, dark) {
        (Error, false) => Color32::from_rgb(190, 30, 30),
        (Error, true) => Color32::from_rgb(255, 110, 100),
        (Warning, false) => Color32::from_rgb(160, 100, 0),
        (Warning, true) => Color32::from_rgb(240, 190, 80),
        (Info, false) => Color32::from_rgb(40, 90, 160),
        (Info, true) => Color32::from_rgb(130, 170, 240),
    }
}

/// The status line text: `错误 N · 警告 N · 提示 N`.
pub fn tally_text(app: &EditorApp) -> String {
    let (e, w, i) = app.analysis.tally;
    format!("{} {e} · {} {w} · {} {i}", s::ERRORS, s::WARNINGS, s::INFOS)
}

pub fn show(app: &mut EditorApp, ui: &mut Ui) {
    egui::Panel::bottom("nianbao-status").show(ui, |ui| {
        ui.horizontal(|ui| {
            let dark = ui.visuals().dark_mode;
            let (e, w, _) = app.analysis.tally;
            let color = if e > 0 {
                severity_color(crate::check::Severity::Error, dark)
            } else if w > 0 {
                severity_color(crate::check::Severity::Warning, dark)
            } else {
                ui.visuals().text_color()
            };
            ui.label(RichText::new(tally_text(app)).color(color));
            if let Some(msg) = &app.status {
                ui.separator();
                // Long messages are cut at the window edge: the whole text on hover.
                ui.add(egui::Label::new(msg.as_str()).truncate())
                    .on_hover_text(msg.as_str());
            }
        });
    });
}
