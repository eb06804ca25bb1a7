//! The editor's window: its fonts, and the eframe app that runs one frame of the editor.

use std::path::PathBuf;
use std::sync::Arc;

use crate::gui::app::EditorApp;
use crate::gui::common::strings;
use crate::gui::desk::commands::DeskCommand;
use crate::gui::files::commands::{Action, FileCommand};
use crate::gui::files::dialogs::NativeDialogs;
use crate::gui::files::storage::Storage;
use crate::gui::shell::launch as start;

use crate::fonts;
use crate::model::Date;

const UI_FONT: &str = "nianbao-sans-sc";

/// Installs the bundled Chinese font for all text (first in both families), and the text
/// sizes of the editor.
pub fn install_fonts(ctx: &egui::Context) {
    let mut defs = egui::FontDefinitions::default();
    defs.font_data.insert(
        UI_FONT.to_owned(),
        Arc::new(egui::FontData::from_static(fonts::SANS.bytes())),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let list = defs.families.entry(family).or_default();
        list.insert(0, UI_FONT.to_owned());
    }
    ctx.set_fonts(defs);
    // A form that prints on white paper: light by default.
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        use egui::{FontFamily::Proportional, FontId, TextStyle};
        style
            .text_styles
            .insert(TextStyle::Body, FontId::new(15.0, Proportional));
        style
            .text_styles
            .insert(TextStyle::Button, FontId::new(15.0, Proportional));
        style
            .text_styles
            .insert(TextStyle::Heading, FontId::new(20.0, Proportional));
        style
            .text_styles
            .insert(TextStyle::Small, FontId::new(12.0, Proportional));
    });
}

struct Shell {
    app: EditorApp,
    /// `NIANBAO_STARTUP_PROBE=1`: print the time from start to the first frame, then close.
    probe: Option<std::time::Instant>,
}

impl eframe::App for Shell {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        start::WINDOW_SHOWN.store(true, std::sync::atomic::Ordering::Relaxed);
        self.app.frame(ui);
        if let Some(started) = self.probe.take() {
            println!(
                "first frame after {:.0} ms",
                started.elapsed().as_secs_f64() * 1000.0
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.app.on_exit();
    }
}

/// Opens the editor window, the first way of making it that works (see [`start`]); `file`
/// is opened at start if given; `safe_graphics` starts straight in the safest way. `started`
/// is when the process started (for the startup probe).
pub fn run(
    file: Option<PathBuf>,
    safe_graphics: bool,
    started: std::time::Instant,
) -> anyhow::Result<std::process::ExitCode> {
    start::start(safe_graphics, move || open_window(file, started))
}

/// Makes the window and runs the editor in it until it closes.
fn open_window(file: Option<PathBuf>, started: std::time::Instant) -> anyhow::Result<()> {
    let probe = std::env::var_os("NIANBAO_STARTUP_PROBE").map(|_| started);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(strings::APP_NAME)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        strings::APP_NAME,
        options,
        Box::new(move |cc| {
            install_fonts(&cc.egui_ctx);
            let mut app = EditorApp::new(
                Box::new(NativeDialogs::default()),
                Storage::default_location(),
                Date::today(),
            );
            // The first 打印预览 or 导出PDF should not wait for the fonts.
            app.printing.warm_up();
            match file {
                None => app.show_start_page(),
                // A folder opens as the review desk.
                Some(path) if path.is_dir() => app.push(DeskCommand::OpenPath(path)),
                Some(path) => app.push(FileCommand::Run(Action::OpenPath(path))),
            }
            // `NIANBAO_FOCUS=t3.r1.np`: start with that cell focused (the end-to-end test in
            // a real window drives the keyboard from there).
            if let Some(i) = std::env::var("NIANBAO_FOCUS")
                .ok()
                .and_then(|id| crate::template::TEMPLATE.index_of(&id))
            {
                app.focus_place(crate::finding::Place::Cell(i));
            }
            Ok(Box::new(Shell { app, probe }))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
}
