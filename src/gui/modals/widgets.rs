//! What every dialog's buttons share.

use egui::{Key, RichText};

/// A dialog's default button: clicked, or Enter pressed while it is enabled (Esc cancels
/// every dialog, through the modal itself).
pub fn default_button(ui: &mut egui::Ui, label: &str, enabled: bool) -> bool {
    let enter = enabled && ui.input(|i| i.key_pressed(Key::Enter));
    let button = egui::Button::new(RichText::new(label).strong());
    ui.add_enabled(enabled, button).clicked() || enter
}
