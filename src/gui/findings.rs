//! The findings panel: every finding of the import and the checks, errors first, then
//! warnings, then hints; the blank-cell warnings (S7) of a table folded into one line that
//! opens. A click focuses the place. A new document starts at the top of the list.

use egui::{CollapsingHeader, RichText, Ui};

use crate::analysis::Analysis;

use super::state::EditState;
use super::strings as s;
use super::theme::severity_color;
use crate::finding::{Finding, Place, Rule, Severity, Source};
use crate::template::{TEMPLATE, TableId};

/// The table a blank-cell finding is about.
fn table_of(f: &Finding) -> Option<TableId> {
    f.places.iter().find_map(|p| match p {
        Place::Cell(i) => Some(TEMPLATE.cells[*i].table),
        _ => None,
    })
}

pub fn show(ui: &mut Ui, analysis: &Analysis, generation: u64, edit: &mut EditState) {
    egui::Panel::bottom("nianbao-findings")
        .resizable(true)
        .show_separator_line(true)
        .default_size(170.0)
        .min_size(60.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong(s::FINDINGS);
                ui.label(super::status::tally_text(analysis));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    // The panel's top edge is its resize handle: say so where it is.
                    ui.weak(s::RESIZE_HINT)
                        .on_hover_cursor(egui::CursorIcon::ResizeVertical);
                });
            });
            ui.separator();
            let dark = ui.visuals().dark_mode;
            let mut clicked = None;
            let line = |ui: &mut Ui, f: &Finding, clicked: &mut Option<Place>| {
                let source = if f.source == Source::Import {
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
                if ui
                    .add(egui::Button::new(rich).frame(false).wrap())
                    .clicked()
                {
                    *clicked = f.places.first().copied();
                }
            };
            egui::ScrollArea::vertical()
                .id_salt(("nianbao-findings-list", generation))
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let findings = &analysis.findings;
                    if findings.is_empty() {
                        ui.label(s::NO_FINDINGS);
                    }
                    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
                        for f in findings
                            .iter()
                            .filter(|f| f.severity == severity && f.rule != Rule::S7)
                        {
                            line(ui, f, &mut clicked);
                        }
                        // Blank cells: one line per table, opened on demand.
                        for table in [TableId::T2, TableId::T3, TableId::T4] {
                            let group: Vec<&Finding> = findings
                                .iter()
                                .filter(|f| {
                                    f.severity == severity
                                        && f.rule == Rule::S7
                                        && table_of(f) == Some(table)
                                })
                                .collect();
                            match group.as_slice() {
                                [] => {}
                                [one] => line(ui, one, &mut clicked),
                                many => {
                                    let cells: usize = many.iter().map(|f| f.places.len()).sum();
                                    let title = RichText::new(format!(
                                        "［{}］S7 {}有 {} 处未填写（{} 个空白单元格）",
                                        severity.label(),
                                        table.name(),
                                        many.len(),
                                        cells
                                    ))
                                    .color(severity_color(severity, dark));
                                    CollapsingHeader::new(title)
                                        .id_salt(("nianbao-s7", table.name()))
                                        .show(ui, |ui| {
                                            for f in many {
                                                line(ui, f, &mut clicked);
                                            }
                                        });
                                }
                            }
                        }
                    }
                });
            if let Some(place) = clicked {
                edit.focus(place);
            }
        });
}
