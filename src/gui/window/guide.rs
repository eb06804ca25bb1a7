//! 帮助 → 使用说明 (F1): the guide in a window beside the form, offline: the sections on the
//! left, the chosen one's text on the right, reflowed to the window; a search over every
//! section; Esc or F1 closes it. Sized to fit a 1024×700 screen.

use egui::{Context, RichText};

use crate::gui::common::strings as s;

/// The guide's window: which section is shown, what is searched.
pub struct GuideWindow {
    pub section: usize,
    /// Shows the paragraphs of every section that contain it, when not empty.
    pub search: String,
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
            search: String::new(),
            sections: crate::guide::sections(),
        }
    }
}

/// Draws the guide's window; false once the clerk closed it (its ✕, or Esc or F1 when
/// `keys`: no dialog has the keyboard).
pub fn show(ctx: &Context, guide: &mut GuideWindow, keys: bool) -> bool {
    let closing = keys
        && ctx.input_mut(|i| {
            i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)
                || i.consume_key(egui::Modifiers::NONE, egui::Key::F1)
        });
    if closing {
        return false;
    }
    let screen = ctx.content_rect();
    let size = [
        (screen.width() - 40.0).clamp(320.0, 860.0),
        (screen.height() - 60.0).clamp(240.0, 600.0),
    ];
    let mut open = true;
    egui::Window::new(s::GUIDE_TITLE)
        .open(&mut open)
        .default_size(size)
        .max_size(size)
        .constrain(true)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label(s::GUIDE_SEARCH);
                ui.add(egui::TextEdit::singleline(&mut guide.search).desired_width(200.0))
                    .labelled_by(label.id);
                ui.weak(s::GUIDE_KEYS);
            });
            ui.separator();
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(170.0);
                    for (k, section) in guide.sections.iter().enumerate() {
                        ui.selectable_value(&mut guide.section, k, &section.heading);
                    }
                });
                ui.separator();
                // The text takes the rest of the window's width and wraps to it.
                let width = ui.available_width().max(200.0);
                ui.vertical(|ui| {
                    ui.set_width(width);
                    egui::ScrollArea::vertical()
                        .id_salt(("nianbao-guide", guide.section, guide.search.is_empty()))
                        .auto_shrink([false, false])
                        .show(ui, |ui| text(ui, guide));
                });
            });
        });
    open
}

/// The section chosen, or every paragraph that holds the search, under its section's heading.
fn text(ui: &mut egui::Ui, guide: &GuideWindow) {
    ui.set_max_width(ui.available_width());
    let query = guide.search.trim();
    let shown: Vec<&crate::guide::GuideSection> = if query.is_empty() {
        guide.sections.get(guide.section).into_iter().collect()
    } else {
        guide.sections.iter().collect()
    };
    let mut found = false;
    for section in shown {
        let mut paragraphs = section.matching(query).peekable();
        if paragraphs.peek().is_none() {
            continue;
        }
        found = true;
        ui.heading(RichText::new(&section.heading).strong());
        for p in paragraphs {
            ui.add(egui::Label::new(p.as_str()).wrap());
            ui.add_space(4.0);
        }
        ui.add_space(6.0);
    }
    if !found {
        ui.label(s::GUIDE_NOT_FOUND);
    }
}
