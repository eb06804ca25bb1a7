//! The editor driven headless through egui_kittest: one fixture for every editor test (a
//! fresh config folder, scripted file dialogs, no real print dialog), with the steps a user
//! takes: click a label, type into a cell, press a key, open a menu item.
#![allow(dead_code)]

use std::path::PathBuf;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable, by};

use nianbao::finding::Rule;
use nianbao::gui::print::portal::PortalBus;
use nianbao::gui::{EditorApp, ScriptedDialogs, Storage};
use nianbao::model::{CellValue, Date};

pub struct Fixture {
    pub harness: Harness<'static, EditorApp>,
    pub dialogs: ScriptedDialogs,
    pub dir: tempfile::TempDir,
}

pub fn fixture_with(setup: impl FnOnce(&mut EditorApp)) -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let dialogs = ScriptedDialogs::default();
    let mut app = EditorApp::new(
        Box::new(dialogs.clone()),
        Storage::at(dir.path().join("config")),
        Date::new(2026, 1, 15).expect("date"),
    );
    // Never a real desktop's print dialog from a test (those that want one give a stand-in).
    app.printing.portal = PortalBus::Off;
    setup(&mut app);
    let harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(nianbao::gui::install_fonts)
        .build_ui_state(|ui, app: &mut EditorApp| app.frame(ui), app);
    let mut f = Fixture {
        harness,
        dialogs,
        dir,
    };
    f.harness.run();
    f
}

pub fn fixture() -> Fixture {
    fixture_with(|_| {})
}

pub fn name(cell: usize) -> String {
    nianbao::gui::cell_name(cell)
}

impl Fixture {
    pub fn app(&self) -> &EditorApp {
        self.harness.state()
    }

    /// The print preview, while it is the screen shown.
    pub fn preview(&self) -> Option<&nianbao::gui::print::preview::Preview> {
        match &self.app().screen {
            nianbao::gui::Screen::Preview(p) => Some(p),
            _ => None,
        }
    }

    /// Steps frames until the desk's background load is in (at most 10 s), then settles.
    pub fn settle_desk(&mut self) {
        for _ in 0..2000 {
            self.harness.step();
            if self
                .app()
                .desk
                .as_ref()
                .is_some_and(|d| d.loading.is_none())
            {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(
            self.app()
                .desk
                .as_ref()
                .is_some_and(|d| d.loading.is_none()),
            "the desk's load did not end"
        );
        self.harness.run();
    }

    /// Steps frames until a PDF read in the background is in (at most `secs`), then
    /// settles.
    pub fn settle_opening(&mut self, secs: u64) {
        let start = std::time::Instant::now();
        while self.app().session.opening.is_some() && start.elapsed().as_secs() < secs {
            self.harness.step();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(
            self.app().session.opening.is_none(),
            "the PDF was not read within {secs} s"
        );
        self.harness.run();
    }

    pub fn cell(&self, cell: usize) -> CellValue {
        self.app().doc.draft.report.cell(cell).clone()
    }

    /// Focuses a cell by its accessible name and types into it, replacing its content.
    pub fn type_into(&mut self, cell: usize, text: &str) {
        self.harness.get_by_label(&name(cell)).focus();
        self.harness.run();
        self.harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        self.harness.run();
        self.harness.get_by_label(&name(cell)).type_text(text);
        self.harness.run();
    }

    pub fn shown(&self, cell: usize) -> Option<String> {
        self.harness.get_by_label(&name(cell)).value()
    }

    pub fn has_finding(&self, rule: Rule) -> bool {
        self.app()
            .checks
            .analysis
            .findings
            .iter()
            .any(|f| f.rule == rule)
    }

    pub fn key(&mut self, modifiers: Modifiers, key: Key) {
        self.harness.key_press_modifiers(modifiers, key);
        self.harness.run();
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

impl Fixture {
    /// Clicks the one node labelled `label`, then lets the frames settle.
    pub fn click(&mut self, label: &str) {
        self.harness.get_by_label(label).click();
        // A screen still loading (the desk, the preview) keeps drawing: settled by the
        // caller when it matters.
        self.harness.run_ok();
    }

    /// Opens the menu `top` (e.g. "文件(F)") and chooses `item` in it.
    pub fn menu(&mut self, top: &str, item: &str) {
        self.click(top);
        let found: Vec<_> = self.harness.query_all(menu_item(item)).collect();
        assert_eq!(found.len(), 1, "menu item {item} in {top}");
        found[0].click();
        self.harness.run_ok();
    }

    /// The menu item `item` is shown (an open menu's).
    pub fn has_menu_item(&self, item: &str) -> bool {
        self.harness.query_all(menu_item(item)).next().is_some()
    }

    /// The screen shown.
    pub fn screen(&self) -> nianbao::gui::ScreenKind {
        self.app().screen.kind()
    }
}

/// A menu item by its text: the label is the text and the shortcut beside it
/// ("保存 Ctrl+S").
pub fn menu_item(item: &str) -> By<'_> {
    by().predicate(move |node| {
        node.label().is_some_and(|label| {
            label == item
                || label
                    .strip_prefix(item)
                    .is_some_and(|rest| rest.starts_with(" Ctrl") || rest.starts_with(" F"))
        })
    })
}

/// Steps frames until the preview's pages are drawn (at most 20 s), then settles.
pub fn settle_preview(f: &mut Fixture) {
    for _ in 0..4000 {
        f.harness.step();
        if !f.preview().is_some_and(|p| p.is_drawing()) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    f.harness.run();
}

impl Fixture {
    /// Presses a key and steps the frames without waiting for them to settle (a screen that
    /// keeps drawing, like the preview while its pages are made).
    pub fn key_step(&mut self, modifiers: Modifiers, key: Key) {
        self.harness.key_press_modifiers(modifiers, key);
        self.harness.step();
        self.harness.step();
    }
}
