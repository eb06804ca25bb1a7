//! The status bar: counts of findings, the last message, the file.

use egui::{RichText, Ui};

use crate::analysis::Analysis;
use crate::finding::Severity;

use crate::gui::common::strings as s;
use crate::gui::common::theme::severity_color;

/// The status line text: `错误 N · 警告 N · 提示 N`.
pub fn tally_text(analysis: &Analysis) -> String {
    let crate::finding::Tally {
        errors: e,
        warnings: w,
        infos: i,
    } = analysis.tally;
    format!("{} {e} · {} {w} · {} {i}", s::ERRORS, s::WARNINGS, s::INFOS)
}

/// The modes the status bar shows beside the counts.
pub struct Modes<'a> {
    /// Opened read-only (another window edits the draft).
    pub read_only: bool,
    /// Totals typed by hand (an imported report): shown, with a button back to computed.
    pub manual_totals: &'a mut bool,
    /// The name of the local rule profile in use.
    pub profile: Option<&'a str>,
}

pub fn show(
    ui: &mut Ui,
    analysis: &Analysis,
    state: Option<crate::review::Approval>,
    status: Option<&str>,
    modes: Modes,
) {
    egui::Panel::bottom("nianbao-status").show(ui, |ui| {
        ui.horizontal(|ui| {
            let dark = ui.visuals().dark_mode;
            let (e, w) = (analysis.tally.errors, analysis.tally.warnings);
            let color = if e > 0 {
                severity_color(Severity::Error, dark)
            } else if w > 0 {
                severity_color(Severity::Warning, dark)
            } else {
                ui.visuals().text_color()
            };
            ui.label(RichText::new(tally_text(analysis)).color(color));
            // The approval state: 已审核 / 已签发, or a change since (in the error colour).
            if let Some(state) = state {
                ui.separator();
                let color = match state {
                    crate::review::Approval::ChangedSince(_) => {
                        severity_color(Severity::Error, dark)
                    }
                    crate::review::Approval::Approved(_) => ui.visuals().text_color(),
                };
                ui.label(RichText::new(state.label()).color(color));
            }
            if modes.read_only {
                ui.separator();
                ui.label(RichText::new(s::READ_ONLY_MARK).strong());
            }
            if *modes.manual_totals {
                ui.separator();
                ui.label(RichText::new(s::MANUAL_TOTALS_ON).strong())
                    .on_hover_text(s::MANUAL_TOTALS_HELP);
                if ui
                    .small_button(s::COMPUTE_TOTALS)
                    .on_hover_text(s::COMPUTE_TOTALS_HELP)
                    .clicked()
                {
                    *modes.manual_totals = false;
                }
            }
            if let Some(share) = analysis.repetition.as_ref().and_then(|r| r.overall()) {
                ui.separator();
                ui.label(format!("{} {}", s::REPETITION, share.text()))
                    .on_hover_text(s::REPETITION_HELP);
            }
            if let Some(name) = modes.profile {
                ui.separator();
                ui.label(format!("{}{name}", s::PROFILE_STATUS));
            }
            if let Some(msg) = status {
                ui.separator();
                // Long messages are cut at the window edge: the whole text on hover.
                ui.add(egui::Label::new(msg).truncate()).on_hover_text(msg);
            }
        });
    });
}
