//! 帮助 → 使用说明 (F1): the guide in a window beside the form, offline: the sections on the
//! left, the chosen one's text on the right (from the core's [`crate::guide`]).

use egui::{Context, RichText};

use crate::gui::common::strings as s;

/// The guide's window: which section is shown.
pub struct GuideWindow {
    pub section: usize,
    sections: Vec<crate::guide::GuideSection>,
}

impl Default for GuideWindow {
    fn default() -> GuideWindow {
        GuideWindow::new()
    }
}

impl GuideWindow {
    /// The guide, at its first section.
    pub fn new() -> GuideWindow {
        GuideWindow {
            section: 0,
            sections: crate::guide::sections(),
        }
    }
}

/// Draws the guide's window; false once the clerk closed it.
pub fn show(ctx: &Context, guide: &mut GuideWindow) -> bool {
    let mut open = true;
    egui::Window::new(s::GUIDE_TITLE)
        .open(&mut open)
        .default_size([820.0, 560.0])
        .collapsible(false)
        .show(ctx, |ui| {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(200.0);
                    for (k, section) in guide.sections.iter().enumerate() {
                        ui.selectable_value(&mut guide.section, k, &section.heading);
                    }
                    ui.add_space(8.0);
                    ui.weak(s::GUIDE_KEYS);
                });
                ui.separator();
                egui::ScrollArea::vertical()
                    .id_salt(("nianbao-guide", guide.section))
                    .show(ui, |ui| {
                        if let Some(section) = guide.sections.get(guide.section) {
                            ui.heading(RichText::new(&section.heading).strong());
                            ui.label(&section.text);
                        }
                    });
            });
        });
    open
}
