//! The outline: 基本信息 and the six sections with their counts of errors and warnings;
//! a click scrolls the form there.

use egui::{RichText, Ui};

use crate::check::Severity;
use crate::template::SECTIONS;

use super::app::EditorApp;
use super::status::severity_color;
use super::strings as s;

/// The label of outline entry `i` (0 = 基本信息, 1..=6 = sections).
pub fn entry_label(i: usize) -> &'static str {
    match i {
        0 => s::META_SECTION,
        _ => SECTIONS[i - 1].heading,
    }
}

pub fn show(app: &mut EditorApp, ui: &mut Ui) {
    egui::Panel::left("nianbao-outline")
        .resizable(true)
        .default_size(230.0)
        .min_size(140.0)
        .show(ui, |ui| {
            ui.strong(s::OUTLINE);
            ui.separator();
            let dark = ui.visuals().dark_mode;
            for i in 0..7 {
                let (e, w, _) = app.analysis.outline_counts[i];
                let response = ui
                    .add(egui::Button::new(entry_label(i)).frame(false).wrap())
                    .on_hover_text(entry_label(i));
                if e + w > 0 {
                    ui.horizontal(|ui| {
                        ui.add_space(12.0);
                        if e > 0 {
                            ui.label(
                                RichText::new(format!("{} {e}", s::ERRORS))
                                    .small()
                                    .color(severity_color(Severity::Error, dark)),
                            );
                        }
                        if w > 0 {
                            ui.label(
                                RichText::new(format!("{} {w}", s::WARNINGS))
                                    .small()
                                    .color(severity_color(Severity::Warning, dark)),
                            );
                        }
                    });
                }
                if response.clicked() {
                    app.edit.scroll_to = Some(i);
                }
                ui.add_space(4.0);
            }
        });
}
