//! The outline: 基本信息 and the six sections with their counts of errors and warnings;
//! a click scrolls the form there.

use egui::{RichText, Ui};

use crate::finding::Severity;
use crate::template::Part;

use crate::analysis::Analysis;

use crate::gui::common::strings as s;
use crate::gui::common::theme::severity_color;
use crate::gui::edit::state::EditState;

/// The label of a part's outline entry.
pub fn entry_label(part: Part) -> &'static str {
    match part {
        Part::Basics => s::META_SECTION,
        Part::Section(s) => s.spec().heading,
    }
}

pub fn show(ui: &mut Ui, analysis: &Analysis, edit: &mut EditState) {
    egui::Panel::left("nianbao-outline")
        .resizable(true)
        .default_size(230.0)
        .min_size(140.0)
        .show(ui, |ui| {
            ui.strong(s::OUTLINE);
            ui.separator();
            let dark = ui.visuals().dark_mode;
            for part in Part::ALL {
                let tally = analysis.part_tally(part);
                let (e, w) = (tally.errors, tally.warnings);
                // The whole row (title and counts, to the panel's edge) takes the click.
                let background = ui.painter().add(egui::Shape::Noop);
                let row =
                    ui.scope_builder(egui::UiBuilder::new().sense(egui::Sense::click()), |ui| {
                        ui.set_min_width(ui.available_width());
                        ui.add(egui::Label::new(entry_label(part)).selectable(false).wrap());
                        if e + w > 0 {
                            ui.horizontal(|ui| {
                                ui.add_space(12.0);
                                for (n, label, severity) in [
                                    (e, s::ERRORS, Severity::Error),
                                    (w, s::WARNINGS, Severity::Warning),
                                ] {
                                    if n > 0 {
                                        let text = RichText::new(format!("{label} {n}"))
                                            .small()
                                            .color(severity_color(severity, dark));
                                        ui.add(egui::Label::new(text).selectable(false));
                                    }
                                }
                            });
                        }
                    });
                let response = row
                    .response
                    .on_hover_cursor(egui::CursorIcon::PointingHand)
                    .on_hover_text(entry_label(part));
                if response.hovered() {
                    ui.painter().set(
                        background,
                        egui::Shape::rect_filled(
                            response.rect.expand(2.0),
                            3.0,
                            ui.visuals().widgets.hovered.weak_bg_fill,
                        ),
                    );
                }
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, entry_label(part))
                });
                if response.clicked() {
                    edit.scroll_to = Some(part);
                }
                ui.add_space(4.0);
            }
        });
}
