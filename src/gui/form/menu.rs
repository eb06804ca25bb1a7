//! The menu bar.

use std::path::PathBuf;

use egui::{Button, Ui};

use crate::analysis::Deadline;
use crate::review::Stage;

use crate::gui::checks::commands::ChecksCommand;
use crate::gui::commands::Command;
use crate::gui::commands::modal::Modal;
use crate::gui::common::keys;
use crate::gui::common::strings as s;
use crate::gui::desk::commands::DeskCommand;
use crate::gui::edit::commands::EditCommand;
use crate::gui::files::commands::{Action, DocumentKind, FileCommand};
use crate::gui::find::commands::FindCommand;
use crate::gui::form::state::Editing;
use crate::gui::print::commands::PrintCommand;
use crate::gui::review::commands::ReviewCommand;
use crate::gui::scan::commands::ScanCommand;
use crate::gui::window::commands::WindowCommand;

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
    /// The open report is shown (its form or its preview): the items that act on it are
    /// offered only then.
    pub report_shown: bool,
    /// A review desk is open, shown or kept behind the report (`Some(true)`: shown).
    pub desk: Option<bool>,
    pub show_findings: &'a mut bool,
}

pub fn show(ui: &mut Ui, ed: &mut Editing, state: MenuState) {
    let report = state.report_shown;
    egui::Panel::top("nianbao-menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            file_menu(ui, ed, &state);
            if report {
                edit_menu(ui, ed, &state);
            }
            view_menu(ui, ed, state.show_findings);
            top_menu(ui, s::MENU_SETTINGS, egui::Key::S, |ui| {
                if item(ui, s::DEADLINE_MENU, None) {
                    ed.push(Command::modal(Modal::deadline(state.deadline)));
                }
                if item(ui, s::PROFILE_MENU, None) {
                    ed.push(ChecksCommand::ChooseProfile);
                }
                if state.profile.is_some() && item(ui, s::PROFILE_CLEAR_MENU, None) {
                    ed.push(ChecksCommand::ClearProfile);
                }
            });
            top_menu(ui, s::MENU_HELP, egui::Key::H, |ui| {
                if item(ui, s::GUIDE_MENU, Some(&keys::HELP)) {
                    ed.push(WindowCommand::ShowGuide);
                }
                if item(ui, s::ABOUT, None) {
                    ed.push(Command::modal(Modal::About));
                }
            });
            if state.desk == Some(false) {
                ui.separator();
                if ui.button(s::DESK_BACK).clicked() {
                    ed.push(DeskCommand::Show);
                }
            }
        });
    });
}

/// A menu item; chosen (by the mouse or by Enter), it closes its menu, so the menu is never
/// drawn over the dialog the item opens.
fn item(ui: &mut Ui, text: &str, shortcut: Option<&egui::KeyboardShortcut>) -> bool {
    let mut button = Button::new(text);
    if let Some(sc) = shortcut {
        button = button.shortcut_text(shortcut_text(sc));
    }
    let chosen = ui.add(button).clicked();
    if chosen {
        ui.close();
    }
    chosen
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

fn file_menu(ui: &mut Ui, ed: &mut Editing, state: &MenuState) {
    let report = state.report_shown;
    top_menu(ui, s::MENU_FILE, egui::Key::F, |ui| {
        if item(ui, s::START_MENU, None) {
            ed.push(Command::guarded(Action::ShowStartPage));
        }
        if item(ui, s::NEW, Some(&keys::NEW)) {
            ed.push(Command::guarded(Action::New));
        }
        if item(ui, s::NEW_FROM_PREVIOUS, None) {
            ed.push(Command::guarded(Action::NewFromPrevious));
        }
        if item(ui, s::OPEN, Some(&keys::OPEN)) {
            ed.push(Command::guarded(Action::Open));
        }
        if item(ui, s::SUM_UNITS, None) {
            ed.push(Command::guarded(Action::SumUnits));
        }
        if item(ui, s::DESK_MENU, None) {
            ed.push(DeskCommand::Open);
        }
        if state.desk.is_some() && item(ui, s::DESK_CLOSE_MENU, None) {
            ed.push(DeskCommand::Close);
        }
        ui.menu_button(s::RECENT, |ui| {
            if state.recent.is_empty() {
                ui.label(s::RECENT_NONE);
            }
            for path in state.recent {
                if ui.button(path.display().to_string()).clicked() {
                    ed.push(Command::guarded(Action::OpenPath(path.clone())));
                    ui.close();
                }
            }
        });
        if item(ui, s::MENU_RECOVERIES, None) {
            ed.push(FileCommand::ShowRecoveries);
        }
        if report {
            report_items(ui, ed);
        }
        ui.separator();
        if item(ui, s::QUIT, None) {
            ed.push(Command::guarded(Action::Quit));
        }
    });
}

/// The 文件 menu's items that act on the open report.
fn report_items(ui: &mut Ui, ed: &mut Editing) {
    ui.separator();
    if item(ui, s::SAVE, Some(&keys::SAVE)) {
        ed.push(FileCommand::Save { then: None });
    }
    if item(ui, s::SAVE_AS, Some(&keys::SAVE_AS)) {
        ed.push(FileCommand::SaveAs { then: None });
    }
    ui.separator();
    for (label, kind) in [
        (s::EXPORT_TEXT, DocumentKind::Text),
        (s::EXPORT_WORD, DocumentKind::Word),
        (s::EXPORT_WEB_PAGE, DocumentKind::WebPage),
        (s::EXPORT_RETURN_NOTES, DocumentKind::ReturnNotes),
    ] {
        if item(ui, label, None) {
            ed.push(FileCommand::Export(kind));
        }
    }
    if item(ui, s::EXPORT_PDF, None) {
        ed.push(FileCommand::ExportPdf);
    }
    if item(ui, s::PREVIEW_MENU, Some(&keys::PREVIEW)) {
        ed.push(PrintCommand::ShowPreview);
    }
    if item(ui, s::PRINT_MENU, Some(&keys::PRINT)) {
        ed.push(PrintCommand::Print);
    }
}

fn edit_menu(ui: &mut Ui, ed: &mut Editing, state: &MenuState) {
    let (comparing, reviewer) = (state.comparing, state.reviewer);
    top_menu(ui, s::MENU_EDIT, egui::Key::E, |ui| {
        if item(ui, s::FIND_MENU, Some(&keys::FIND)) {
            ed.push(FindCommand::Open(false));
        }
        if item(ui, s::REPLACE_MENU, Some(&keys::REPLACE)) {
            ed.push(FindCommand::Open(true));
        }
        if item(ui, s::UNDO, Some(&keys::UNDO)) {
            ed.push(EditCommand::Undo);
        }
        if item(ui, s::REDO, Some(&keys::REDO)) {
            ed.push(EditCommand::Redo);
        }
        ui.separator();
        if item(ui, s::COMPARE_PREVIOUS, None) {
            ed.push(ChecksCommand::ComparePrevious);
        }
        if comparing && item(ui, s::CLEAR_PREVIOUS, None) {
            ed.push(ChecksCommand::ClearPrevious);
        }
        ui.separator();
        if item(ui, s::COMPARE_VERSION, None) {
            ed.push(ReviewCommand::CompareVersion);
        }
        if state.compare.since_sign_off && item(ui, s::COMPARE_SIGN_OFF, None) {
            ed.push(ReviewCommand::CompareSignOff);
        }
        if state.compare.active && item(ui, s::COMPARE_END, None) {
            ed.push(ReviewCommand::EndCompare);
        }
        ui.separator();
        for (stage, label) in [
            (Stage::Reviewed, s::SIGN_REVIEW),
            (Stage::Signed, s::SIGN_SIGN),
        ] {
            if item(ui, label, None) {
                ed.push(Command::modal(Modal::SignOff {
                    stage,
                    name: reviewer.to_string(),
                }));
            }
        }
        if ed.doc.draft.has_unchecked_scan() && item(ui, s::SCAN_REVIEW_MENU, None) {
            ed.push(ScanCommand::Open);
        }
        ui.menu_button(s::ZEROS_MENU, |ui| {
            use crate::release::ZeroFill;
            use crate::template::TableId;
            for (label, within) in [
                (s::ZEROS_ALL, ZeroFill::All),
                (TableId::T2.name(), ZeroFill::Table(TableId::T2)),
                (TableId::T3.name(), ZeroFill::Table(TableId::T3)),
                (TableId::T4.name(), ZeroFill::Table(TableId::T4)),
            ] {
                if item(ui, label, None) {
                    ed.push(EditCommand::FillZeros(within));
                }
            }
        });
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
            ed.push(WindowCommand::SetZoom(zoom + 0.1));
        }
        if item(ui, s::ZOOM_OUT, Some(&zoom_out)) {
            ed.push(WindowCommand::SetZoom(zoom - 0.1));
        }
        if item(ui, s::ZOOM_RESET, None) {
            ed.push(WindowCommand::SetZoom(1.0));
        }
        ui.separator();
        ui.checkbox(show_findings, s::SHOW_FINDINGS);
    });
}
