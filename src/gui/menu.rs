//! The menu bar.

use egui::{Button, Ui};

use super::app::{EditorApp, keys};
use super::commands::{Action, Command};
use super::strings as s;

pub fn show(app: &mut EditorApp, ui: &mut Ui) {
    egui::Panel::top("nianbao-menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            file_menu(app, ui);
            edit_menu(app, ui);
            view_menu(app, ui);
            ui.menu_button(s::MENU_SETTINGS, |ui| {
                if item(ui, s::DEADLINE_MENU, None) {
                    app.modal = Some(super::modals::Modal::deadline(app.deadline));
                }
            });
            ui.menu_button(s::MENU_HELP, |ui| {
                if item(ui, s::ABOUT, None) {
                    app.modal = Some(super::modals::Modal::About);
                }
            });
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

fn file_menu(app: &mut EditorApp, ui: &mut Ui) {
    ui.menu_button(s::MENU_FILE, |ui| {
        if item(ui, s::NEW, Some(&keys::NEW)) {
            app.push(Command::Guarded(Action::New));
        }
        if item(ui, s::NEW_FROM_PREVIOUS, None) {
            app.push(Command::Guarded(Action::NewFromPrevious));
        }
        if item(ui, s::OPEN, Some(&keys::OPEN)) {
            app.push(Command::Guarded(Action::Open));
        }
        ui.menu_button(s::RECENT, |ui| {
            if app.recent.is_empty() {
                ui.label(s::RECENT_NONE);
            }
            for path in app.recent.clone() {
                if ui.button(path.display().to_string()).clicked() {
                    app.push(Command::Guarded(Action::OpenPath(path)));
                }
            }
        });
        ui.separator();
        if item(ui, s::SAVE, Some(&keys::SAVE)) {
            app.push(Command::Save { then: None });
        }
        if item(ui, s::SAVE_AS, Some(&keys::SAVE_AS)) {
            app.push(Command::SaveAs { then: None });
        }
        ui.separator();
        if item(ui, s::EXPORT_TEXT, None) {
            app.push(Command::ExportText);
        }
        if item(ui, s::EXPORT_PDF, None) {
            app.push(Command::ExportPdf);
        }
        ui.separator();
        if item(ui, s::QUIT, None) {
            app.request_close();
        }
    });
}

fn edit_menu(app: &mut EditorApp, ui: &mut Ui) {
    ui.menu_button(s::MENU_EDIT, |ui| {
        if item(ui, s::UNDO, Some(&keys::UNDO)) {
            app.undo();
        }
        if item(ui, s::REDO, Some(&keys::REDO)) {
            app.redo();
        }
        ui.separator();
        if item(ui, s::COMPARE_PREVIOUS, None) {
            app.push(Command::ComparePrevious);
        }
        if app.previous.is_some() && item(ui, s::CLEAR_PREVIOUS, None) {
            app.push(Command::ClearPrevious);
        }
        ui.separator();
        let mut manual = app.doc.draft.manual_totals;
        if ui
            .checkbox(&mut manual, s::MANUAL_TOTALS)
            .on_hover_text(s::MANUAL_TOTALS_HELP)
            .changed()
        {
            app.mark_undo_point();
            app.doc.draft.manual_totals = manual;
            app.edit.buffers.clear();
        }
    });
}

fn view_menu(app: &mut EditorApp, ui: &mut Ui) {
    ui.menu_button(s::MENU_VIEW, |ui| {
        let zoom = ui.ctx().zoom_factor();
        let zoom_in = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Plus);
        let zoom_out = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Minus);
        if item(ui, s::ZOOM_IN, Some(&zoom_in)) {
            app.push(Command::SetZoom(zoom + 0.1));
        }
        if item(ui, s::ZOOM_OUT, Some(&zoom_out)) {
            app.push(Command::SetZoom(zoom - 0.1));
        }
        if item(ui, s::ZOOM_RESET, None) {
            app.push(Command::SetZoom(1.0));
        }
        ui.separator();
        ui.checkbox(&mut app.show_findings, s::SHOW_FINDINGS);
    });
}
