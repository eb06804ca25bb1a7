//! The parts of a frame that are the editor's own: typed input in order, shortcuts, the
//! panels of the screen shown (each given only what it works with), the modal, and after
//! the commands (run by `actions`, see `shell::frame`) the analysis, the undo history, the
//! recovery copy, the status and the title. Nothing with a side effect runs inside a panel.

use egui::{Context, KeyboardShortcut, Ui};

use crate::gui::app::EditorApp;
use crate::gui::app::screen::{Screen, ScreenKind};
use crate::gui::commands::Command;
use crate::gui::commands::modal::Modal;
use crate::gui::common::keys;
use crate::gui::common::strings as s;
use crate::gui::edit::commands::EditCommand;
use crate::gui::files::commands::{Action, FileCommand};
use crate::gui::find::commands::FindCommand;
use crate::gui::form::menu::{MenuCompare, MenuState};
use crate::gui::print::commands::PrintCommand;
use crate::gui::window::commands::WindowCommand;

impl EditorApp {
    /// Before the panels: typed input in order, the shortcuts, the window's close button,
    /// what runs beside the window (the desk's load, the recovery copy's writer).
    pub fn begin_frame(&mut self, ctx: &Context) {
        self.window.input.apply(ctx);
        self.handle_shortcuts(ctx);
        self.handle_close_request(ctx);
        let at_desk = self.screen.kind() == ScreenKind::Desk;
        if let Some(problem) = self.desk.as_mut().and_then(|d| d.poll(ctx, at_desk)) {
            self.status.text = Some(problem);
        }
        if let Some(problem) = self.platform.autosave.problem() {
            self.status.text = Some(problem);
        }
    }

    /// The panels: the menu, the find bar, the status bar, the findings, the screen.
    pub fn draw(&mut self, ui: &mut Ui) {
        self.menu_panel(ui);
        self.find_panel(ui);
        self.status_panel(ui);
        self.findings_panel(ui);
        self.screen_panel(ui);
    }

    fn menu_panel(&mut self, ui: &mut Ui) {
        // The menu's own copies, so that the panels' context can borrow the whole editor.
        // Only what the menu shows is copied (not the rule profile): the panels' context
        // borrows the whole editor.
        let (recent, reviewer) = (self.settings.recent.clone(), self.settings.reviewer.clone());
        let profile = self.settings.profile.as_ref().map(|(_, p)| p.name.clone());
        let mut show_findings = self.settings.show_findings;
        let menu = MenuState {
            compare: MenuCompare {
                active: self.review.compare.is_some(),
                since_sign_off: self
                    .doc
                    .draft
                    .review
                    .sign_offs
                    .last()
                    .is_some_and(|s| s.report.is_some()),
            },
            recent: &recent,
            reviewer: &reviewer,
            comparing: self.checks.previous.is_some(),
            deadline: self.settings.deadline,
            profile: profile.as_deref(),
            report_shown: self.screen.shows_report(),
            desk: self
                .desk
                .as_ref()
                .map(|_| self.screen.kind() == ScreenKind::Desk),
            show_findings: &mut show_findings,
        };
        crate::gui::form::menu::show(ui, &mut self.editing(), menu);
        if show_findings != self.settings.show_findings {
            self.settings.show_findings = show_findings;
            self.save_settings();
        }
    }

    fn find_panel(&mut self, ui: &mut Ui) {
        let Some(bar) = self.find.as_mut() else {
            return;
        };
        let in_findings = self
            .checks
            .analysis
            .findings
            .iter()
            .filter(|f| !bar.query.is_empty() && f.message.contains(bar.query.as_str()))
            .count();
        let report = &self.doc.draft.report;
        let mut asked = Vec::new();
        crate::gui::find::bar::show(ui, bar, (report, in_findings), &mut asked);
        self.commands.extend(asked.into_iter().map(Command::from));
    }

    fn status_panel(&mut self, ui: &mut Ui) {
        let hint = match self.screen.kind() {
            ScreenKind::Desk => Some(s::DESK_STATUS),
            ScreenKind::Start => Some(s::START_STATUS),
            ScreenKind::Form | ScreenKind::Preview => None,
        };
        if let Some(hint) = hint {
            // No report is open: no findings to count, the screen's hint instead.
            egui::Panel::bottom("nianbao-status").show(ui, |ui| {
                ui.label(self.status.text.as_deref().unwrap_or(hint));
            });
            return;
        }
        let state = self.doc.draft.review.approval(&self.doc.draft.report);
        let profile = self.settings.profile.as_ref().map(|(_, p)| p.name.as_str());
        let modes = crate::gui::form::status::Modes {
            read_only: self.doc.read_only,
            manual_totals: &mut self.doc.draft.manual_totals,
            profile,
        };
        let text = self.status.text.as_deref();
        crate::gui::form::status::show(ui, &self.checks.analysis, state, text, modes);
    }

    fn findings_panel(&mut self, ui: &mut Ui) {
        if !self.settings.show_findings || self.screen.kind() != ScreenKind::Form {
            return;
        }
        let review = crate::gui::form::findings::ReviewView {
            explanations: &self.doc.draft.review.explanations,
            notes: &self.doc.draft.review.notes,
            compare: self.review.compare.as_ref(),
            returned: self.review.returned.as_ref(),
            find: self
                .find
                .as_ref()
                .map(|b| b.query.as_str())
                .filter(|q| !q.is_empty()),
            reviewer: &self.settings.reviewer,
        };
        crate::gui::form::findings::show(
            ui,
            &self.checks.analysis,
            review,
            self.session.generation,
            &mut self.edit,
            &mut self.commands,
        );
    }

    /// The screen shown, in the rest of the window.
    fn screen_panel(&mut self, ui: &mut Ui) {
        match &mut self.screen {
            Screen::Desk => match self.desk.as_mut() {
                Some(desk) => {
                    let keys = self.modal.is_none();
                    let mut asked = Vec::new();
                    crate::gui::desk::view::show(ui, desk, &mut asked, keys);
                    self.commands.extend(asked.into_iter().map(Command::from));
                }
                // The desk was closed under the screen: nothing to show but the way on.
                None => self.show_start_page(),
            },
            Screen::Preview(preview) => {
                let mut asked = Vec::new();
                crate::gui::print::preview::show(ui, preview, &mut asked);
                self.commands.extend(asked.into_iter().map(Command::from));
            }
            Screen::Start(page) => {
                crate::gui::start::page::show(ui, page, &mut self.commands);
            }
            Screen::Form => {
                if let Some(review) = self.scan.as_mut() {
                    let order = review.order_for(self.checks.generation, || {
                        crate::gui::scan::state::order(
                            &self.doc.draft,
                            &self.checks.analysis,
                            &self.doc.scanned,
                        )
                    });
                    let view = crate::gui::scan::panel::ScanView {
                        draft: &self.doc.draft,
                        analysis: &self.checks.analysis,
                        scanned: &self.doc.scanned,
                        order: &order,
                    };
                    let mut asked = Vec::new();
                    crate::gui::scan::panel::show(ui, review, view, &mut asked);
                    self.commands.extend(asked.into_iter().map(Command::from));
                }
                crate::gui::form::outline::show(ui, &self.checks.analysis, &mut self.edit);
                crate::gui::form::page::show(ui, &mut self.editing());
            }
        }
    }

    /// After the panels, before the commands run: the analysis, undo points and the
    /// recovery copy, the guide, the modal.
    pub fn after_panels(&mut self, ctx: &Context) {
        self.follow_changes(ctx);
        if let Some(guide) = self.window.guide.as_mut()
            && !crate::gui::window::guide::show(ctx, guide, self.modal.is_none())
        {
            self.window.guide = None;
        }
        let name = self.doc.display_name();
        crate::gui::modals::show::show(ctx, &mut self.modal, &name, &mut self.commands);
    }

    /// After the commands ran: the analysis and the recovery copy again, the status, the
    /// title.
    pub fn end_frame(&mut self, ctx: &Context) {
        self.follow_changes(ctx);
        self.status.expire(&self.doc.draft);
        let title = self.title();
        if title != self.window.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.title = title;
        }
    }

    fn handle_shortcuts(&mut self, ctx: &Context) {
        if self.modal.is_some() {
            return;
        }
        let pressed = |sc: &KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(sc));
        let report = self.screen.shows_report();
        if pressed(&keys::NEW) {
            self.push(Command::guarded(Action::New));
        }
        if pressed(&keys::OPEN) {
            self.push(Command::guarded(Action::Open));
        }
        // F1 with the guide open closes it (the guide's window takes the key).
        if self.window.guide.is_none() && pressed(&keys::HELP) {
            // On a place with a finding (a red cell, a field the findings name): what the
            // finding's rule is; anywhere else the guide.
            let place = crate::gui::form::state::focused_place(ctx).filter(|_| report);
            match self.rule_at(place) {
                Some(rule) => self.push(Command::modal(Modal::RuleHelp(rule))),
                None => self.push(WindowCommand::ShowGuide),
            }
        }
        if report {
            self.report_shortcuts(ctx);
        }
    }

    /// The shortcuts that act on the open report: only while it is shown.
    fn report_shortcuts(&mut self, ctx: &Context) {
        let pressed = |sc: &KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(sc));
        // Longest modifiers first: Ctrl+Shift+S before Ctrl+S.
        if pressed(&keys::SAVE_AS) {
            self.push(FileCommand::SaveAs { then: None });
        } else if pressed(&keys::SAVE) {
            self.push(FileCommand::Save { then: None });
        }
        if pressed(&keys::REPLACE) {
            self.push(FindCommand::Open(true));
        } else if pressed(&keys::FIND) {
            self.push(FindCommand::Open(false));
        }
        if pressed(&keys::PRINT) {
            self.push(PrintCommand::Print);
        }
        if pressed(&keys::PREVIEW) {
            self.push(PrintCommand::ShowPreview);
        }
        if self.screen.kind() != ScreenKind::Form {
            return;
        }
        if pressed(&keys::PREVIOUS_FINDING) {
            self.visit_finding(false);
        } else if pressed(&keys::NEXT_FINDING) {
            self.visit_finding(true);
        }
        if pressed(&keys::REDO) || pressed(&keys::REDO_Y) {
            self.push(EditCommand::Redo);
        } else if pressed(&keys::UNDO) {
            self.push(EditCommand::Undo);
        }
    }

    fn handle_close_request(&mut self, ctx: &Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.window.close_confirmed {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.push(Command::guarded(Action::Quit));
            } else {
                self.push(FileCommand::DiscardRecovery);
            }
        }
    }

    /// The analysis of a changed draft, undo points and the recovery copy (written on its
    /// own clock, see `autosave`).
    fn follow_changes(&mut self, ctx: &Context) {
        let now = ctx.input(|i| i.time);
        if self.refresh_analysis() {
            self.session.last_change = now;
        }
        self.session.history.feed(now, &self.doc.draft);
        if self.session.history.is_pending() {
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
        let path = self.doc.path.as_deref();
        let dirty = self.doc.is_dirty();
        self.platform.autosave.track(&self.doc.draft, path, dirty);
    }
}
