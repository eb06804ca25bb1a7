//! The findings panel: every finding of the import and the checks; a click focuses the place.

use egui::{RichText, Ui};

use super::app::EditorApp;
use super::status::severity_color;
use super::strings as s;

pub fn show(app: &mut EditorApp, ui: &mut Ui) {
    egui::Panel::bottom("nianbao-findings")
        .resizable(true)
        .default_size(170.0)
        .min_size(60.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong(s::FINDINGS);
                ui.label(super::status::tally_text(app));
            });
            ui.separator();
            let imported = app.doc.import_findings.len();
            let mut clicked = None;
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if app.analysis.findings.is_empty() {
                        ui.label(s::NO_FINDINGS);
                    }
                    let dark = ui.visuals().dark_mode;
                    for (i, f) in app.analysis.findings.iter().enumerate() {
                        let source = if i < imported {
                            format!("{} ", s::IMPORT_SOURCE)
                        } else {
                            String::new()
                        };
                        let text = format!(
                            "{}［{}］{} {}",
                            source,
                            f.severity.label(),
                            f.rule.id(),
                            f.message
                        );
                        let rich = RichText::new(text).color(severity_color(f.severity, dark));
                        let button = egui::Button::new(rich).frame(false).wrap();
                        if ui.add(button).clicked() {
                            clicked = f.places.first().copied();
                        }
                    }
                });
            if let Some(place) = clicked {
                app.focus_place(place);
            }
        });
}
