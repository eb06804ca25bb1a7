//! The menu bar.

use std::path::PathBuf;

use egui::{Button, Ui};

use crate::analysis::Deadline;
use crate::review::Stage;

use super::commands::{Action, Command, DocumentKind, Modal};
use super::editor::keys;
use super::state::Editing;
use super::strings as s;

/// What the menus show beside the document: the editor's lists and settings.
/// What the 比较 entries need.
pub struct MenuCompare {
    /// A comparison is shown.
    pub active: bool,
    /// The last sign-off kept the report as approved.
    pub since_sign_off: bool,
}

pub struct MenuState<'a> {
    pub compare: MenuCompare,
    pub recent: &'a [PathBuf],
    /// The name last given for a 说明 or a sign-off.
    pub reviewer: &'a str,
    /// Last year's report is open for comparison.
    pub comparing: bool,
    pub deadline: Option<Deadline>,
    /// The active rule profile's name.
    pub profile: Option<&'a str>,
    /// A review desk is open (and shown).
    pub desk: Option<bool>,
    pub show_findings: &'a mut bool,
}

pub fn show(ui: &mut Ui, ed: &mut Editing, state: MenuState) {
    egui::Panel::top("nianbao-menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            file_menu(ui, ed, state.recent);
            edit_menu(ui, ed, &state);
            view_menu(ui, ed, state.show_findings);
            top_menu(ui, s::MENU_SETTINGS, egui::Key::S, |ui| {
                if item(ui, s::DEADLINE_MENU, None) {
                    ed.push(Command::ShowModal(Modal::deadline(state.deadline)));
                }
                if item(ui, s::PROFILE_MENU, None) {
                    ed.push(Command::ChooseProfile);
                }
                if state.profile.is_some() && item(ui, s::PROFILE_CLEAR_MENU, None) {
                    ed.push(Command::ClearProfile);
                }
            });
            top_menu(ui, s::MENU_HELP, egui::Key::H, |ui| {
                if item(ui, s::GUIDE_MENU, Some(&keys::HELP)) {
                    ed.push(Command::ShowGuide);
                }
                if item(ui, s::ABOUT, None) {
                    ed.push(Command::ShowModal(Modal::About));
                }
            });
            if state.desk == Some(false) {
                ui.separator();
                if ui.button(s::DESK_BACK).clicked() {
                    ed.push(Command::ShowDesk);
                }
            }
        });
    });
}

fn item(ui: &mut Ui, text: &str, shortcut: Option<&egui::KeyboardShortcut>) -> bool {
    let mut button = Button::new(text);
    if let Some(sc) = shortcut {
        button = button.shortcut_text(shortcut_text(sc));
    }
    ui.add(button).clicked()
}

/// A shortcut as printed on the keys of a Chinese keyboard: `Ctrl+Shift+S`, `Ctrl++`
/// (egui's own names, `Ctrl+Plus`, are English words).
pub fn shortcut_text(sc: &egui::KeyboardShortcut) -> String {
    let m = sc.modifiers;
    let mut out = String::new();
    if m.command || m.ctrl || m.mac_cmd {
        out.push_str(if cfg!(target_os = "macos") {
            "⌘+"
        } else {
            "Ctrl+"
        });
    }
    if m.alt {
        out.push_str("Alt+");
    }
    if m.shift {
        out.push_str("Shift+");
    }
    out.push_str(match sc.logical_key {
        egui::Key::Plus => "+",
        egui::Key::Minus => "-",
        egui::Key::Equals => "=",
        other => other.symbol_or_name(),
    });
    out
}

/// A menu of the menu bar with its Alt key (文件(F): Alt+F opens it, as in every office
/// program).
fn top_menu(ui: &mut Ui, label: &str, key: egui::Key, content: impl FnOnce(&mut Ui)) {
    let pressed = ui.input_mut(|i| i.consume_key(egui::Modifiers::ALT, key));
    let response = ui.menu_button(label, content).response;
    if pressed {
        egui::Popup::open_id(ui.ctx(), egui::Popup::default_response_id(&response));
        ui.ctx().request_repaint();
    }
}

fn file_menu(ui: &mut Ui, ed: &mut Editing, recent: &[PathBuf]) {
    top_menu(ui, s::MENU_FILE, egui::Key::F, |ui| {
        if item(ui, s::START_MENU, None) {
            ed.push(Command::ShowStartPage);
        }
        if item(ui, s::NEW, Some(&keys::NEW)) {
            ed.push(Command::Guarded(Action::New));
        }
        if item(ui, s::NEW_FROM_PREVIOUS, None) {
            ed.push(Command::Guarded(Action::NewFromPrevious));
        }
        if item(ui, s::OPEN, Some(&keys::OPEN)) {
            ed.push(Command::Guarded(Action::Open));
        }
        if item(ui, s::SUM_UNITS, None) {
            ed.push(Command::Guarded(Action::SumUnits));
        }
        if item(ui, s::DESK_MENU, None) {
            ed.push(Command::OpenDesk);
        }
        ui.menu_button(s::RECENT, |ui| {
            if recent.is_empty() {
                ui.label(s::RECENT_NONE);
            }
            for path in recent {
                if ui.button(path.display().to_string()).clicked() {
                    ed.push(Command::Guarded(Action::OpenPath(path.clone())));
                }
            }
        });
        if item(ui, s::MENU_RECOVERIES, None) {
            ed.push(Command::ShowRecoveries);
        }
        ui.separator();
        if item(ui, s::SAVE, Some(&keys::SAVE)) {
            ed.push(Command::Save { then: None });
        }
        if item(ui, s::SAVE_AS, Some(&keys::SAVE_AS)) {
            ed.push(Command::SaveAs { then: None });
        }
        ui.separator();
        if item(ui, s::EXPORT_TEXT, None) {
            ed.push(Command::Export(DocumentKind::Text));
        }
        if item(ui, s::EXPORT_WORD, None) {
            ed.push(Command::Export(DocumentKind::Word));
        }
        if item(ui, s::EXPORT_WEB_PAGE, None) {
            ed.push(Command::Export(DocumentKind::WebPage));
        }
        if item(ui, s::EXPORT_RETURN_NOTES, None) {
            ed.push(Command::Export(DocumentKind::ReturnNotes));
        }
        if item(ui, s::EXPORT_PDF, None) {
            ed.push(Command::ExportPdf);
        }
        if item(ui, s::PREVIEW_MENU, Some(&keys::PREVIEW)) {
            ed.push(Command::ShowPreview);
        }
        if item(ui, s::PRINT_MENU, Some(&keys::PRINT)) {
            ed.push(Command::Print);
        }
        ui.separator();
        if item(ui, s::QUIT, None) {
            ed.push(Command::Guarded(Action::Quit));
        }
    });
}

fn edit_menu(ui: &mut Ui, ed: &mut Editing, state: &MenuState) {
    let (comparing, reviewer) = (state.comparing, state.reviewer);
    top_menu(ui, s::MENU_EDIT, egui::Key::E, |ui| {
        if item(ui, s::FIND_MENU, Some(&keys::FIND)) {
            ed.push(Command::OpenFind(false));
        }
        if item(ui, s::REPLACE_MENU, Some(&keys::REPLACE)) {
            ed.push(Command::OpenFind(true));
        }
        if item(ui, s::UNDO, Some(&keys::UNDO)) {
            ed.push(Command::Undo);
        }
        if item(ui, s::REDO, Some(&keys::REDO)) {
            ed.push(Command::Redo);
        }
        ui.separator();
        if item(ui, s::COMPARE_PREVIOUS, None) {
            ed.push(Command::ComparePrevious);
        }
        if comparing && item(ui, s::CLEAR_PREVIOUS, None) {
            ed.push(Command::ClearPrevious);
        }
        ui.separator();
        if item(ui, s::COMPARE_VERSION, None) {
            ed.push(Command::CompareVersion);
        }
        if state.compare.since_sign_off && item(ui, s::COMPARE_SIGN_OFF, None) {
            ed.push(Command::CompareSignOff);
        }
        if state.compare.active && item(ui, s::COMPARE_END, None) {
            ed.push(Command::EndCompare);
        }
        ui.separator();
        for (stage, label) in [
            (Stage::Reviewed, s::SIGN_REVIEW),
            (Stage::Signed, s::SIGN_SIGN),
        ] {
            if item(ui, label, None) {
                ed.push(Command::ShowModal(Modal::SignOff {
                    stage,
                    name: reviewer.to_string(),
                }));
            }
        }
        ui.separator();
        let mut manual = ed.doc.draft.manual_totals;
        if ui
            .checkbox(&mut manual, s::MANUAL_TOTALS)
            .on_hover_text(s::MANUAL_TOTALS_HELP)
            .changed()
        {
            ed.mark_undo_point();
            ed.doc.draft.manual_totals = manual;
            ed.edit.buffers.clear();
        }
    });
}

fn view_menu(ui: &mut Ui, ed: &mut Editing, show_findings: &mut bool) {
    top_menu(ui, s::MENU_VIEW, egui::Key::V, |ui| {
        let zoom = ui.ctx().zoom_factor();
        let zoom_in = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Plus);
        let zoom_out = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Minus);
        if item(ui, s::ZOOM_IN, Some(&zoom_in)) {
            ed.push(Command::SetZoom(zoom + 0.1));
        }
        if item(ui, s::ZOOM_OUT, Some(&zoom_out)) {
            ed.push(Command::SetZoom(zoom - 0.1));
        }
        if item(ui, s::ZOOM_RESET, None) {
            ed.push(Command::SetZoom(1.0));
        }
        ui.separator();
        ui.checkbox(show_findings, s::SHOW_FINDINGS);
    });
}
