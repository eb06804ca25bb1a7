//! A whole frame of the editor: its own parts (`app::frame`), the print dialog's answer, and
//! the commands queued during the frame, run by `actions`.

use egui::Ui;

use crate::gui::app::EditorApp;

impl EditorApp {
    /// One frame of the whole editor.
    pub fn frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.begin_frame(&ctx);
        // The desktop portal's print dialog answered.
        crate::gui::actions::print::poll(self);
        // A PDF read in the background: its window, and its result when it has come.
        crate::gui::actions::io::poll_opening(self, &ctx);
        self.draw(ui);
        self.after_panels(&ctx);
        crate::gui::actions::run_all(self, &ctx);
        self.end_frame(&ctx);
    }
}
