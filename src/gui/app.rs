//! One frame of the editor: shortcuts, the panels (each given only what it works with),
//! then the modal and the commands queued during the frame, then the analysis, the undo
//! history and the recovery copy. Nothing with a side effect runs inside a panel.

use egui::{Context, KeyboardShortcut, Ui};

use super::commands::{Action, Command};
use super::editor::{AUTOSAVE_AFTER_SECS, EditorApp, keys};
use super::menu::MenuCompare;

impl EditorApp {
    /// One frame of the whole editor.
    pub fn frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.handle_shortcuts(&ctx);
        self.handle_close_request(&ctx);
        // The desk's background load and its look at the folder for changes.
        if let Some(problem) = self.desk.as_mut().and_then(|d| d.poll(&ctx)) {
            self.status = Some(problem);
        }
        // The desktop portal's print dialog answered.
        super::print::poll(self);

        // The menu's own copies, so that the panels' context can borrow the whole editor.
        let (recent, reviewer) = (self.recent.clone(), self.reviewer.clone());
        let mut show_findings = self.show_findings;
        let profile_name = self.profile.as_ref().map(|(_, p)| p.name.clone());
        let menu = super::menu::MenuState {
            compare: MenuCompare {
                active: self.compare.is_some(),
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
            comparing: self.previous.is_some(),
            deadline: self.deadline,
            profile: profile_name.as_deref(),
            desk: self.desk.as_ref().map(|d| d.showing),
            show_findings: &mut show_findings,
        };
        super::menu::show(ui, &mut self.editing(), menu);
        self.show_findings = show_findings;
        if let Some(bar) = self.find.as_mut() {
            let in_findings = self
                .analysis
                .findings
                .iter()
                .filter(|f| !bar.query.is_empty() && f.message.contains(bar.query.as_str()))
                .count();
            super::find::show(
                ui,
                bar,
                (&self.doc.draft.report, in_findings),
                &mut self.commands,
            );
        }
        let state = self.doc.draft.review.approval(&self.doc.draft.report);
        let modes = super::status::Modes {
            read_only: self.doc.read_only,
            manual_totals: &mut self.doc.draft.manual_totals,
            profile: profile_name.as_deref(),
        };
        let at_desk = self.desk.as_ref().is_some_and(|d| d.showing);
        if self.start_page.is_some() || at_desk {
            // No report is being written (the start page), or the desk's rows say it all: no
            // findings of the report behind to count.
            let hint = if at_desk {
                super::strings::DESK_STATUS
            } else {
                super::strings::START_STATUS
            };
            egui::Panel::bottom("nianbao-status").show(ui, |ui| {
                ui.label(self.status.as_deref().unwrap_or(hint));
            });
        } else {
            super::status::show(ui, &self.analysis, state, self.status.as_deref(), modes);
        }
        if self.show_findings && !at_desk && self.start_page.is_none() && self.preview.is_none() {
            let review = super::findings::ReviewView {
                explanations: &self.doc.draft.review.explanations,
                notes: &self.doc.draft.review.notes,
                compare: self.compare.as_ref(),
                returned: self.returned.as_ref(),
                find: self
                    .find
                    .as_ref()
                    .map(|b| b.query.as_str())
                    .filter(|q| !q.is_empty()),
                reviewer: &self.reviewer,
            };
            super::findings::show(
                ui,
                &self.analysis,
                review,
                self.doc_generation,
                &mut self.edit,
                &mut self.commands,
            );
        }
        match self.desk.as_mut().filter(|d| d.showing) {
            Some(desk) => super::desk::show(ui, desk, &mut self.commands, self.modal.is_none()),
            None if self.preview.is_some() => {
                if let Some(preview) = self.preview.as_mut() {
                    super::preview::show(ui, preview, &mut self.commands);
                }
            }
            None if self.start_page.is_some() => {
                if let Some(page) = self.start_page.as_mut() {
                    super::start_page::show(ui, page, &mut self.commands);
                }
            }
            None => {
                super::outline::show(ui, &self.analysis, &mut self.edit);
                super::form::show(ui, &mut self.editing());
            }
        }

        let now = ctx.input(|i| i.time);
        if self.refresh_analysis() {
            self.last_change_time = now;
        }
        self.track_changes(now, &ctx);
        if let Some(guide) = self.guide.as_mut()
            && !super::guide::show(&ctx, guide)
        {
            self.guide = None;
        }
        let name = self.doc.display_name();
        super::modals::show(&ctx, &mut self.modal, &name, &mut self.commands);
        super::runner::run_all(self, &ctx);
        if self.refresh_analysis() {
            self.last_change_time = now;
        }
        self.expire_status();

        let title = self.title();
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// A status message describes the draft as it was when the message was set ("已保存",
    /// "已粘贴 2 格"): the next edit, undo or redo clears it.
    fn expire_status(&mut self) {
        match (&self.status, &self.status_for) {
            (None, _) => self.status_for = None,
            (Some(msg), Some((shown, draft))) if msg == shown => {
                if *draft != self.doc.draft {
                    self.status = None;
                    self.status_for = None;
                }
            }
            (Some(msg), _) => self.status_for = Some((msg.clone(), self.doc.draft.clone())),
        }
    }

    fn handle_shortcuts(&mut self, ctx: &Context) {
        if self.modal.is_some() {
            return;
        }
        let pressed = |sc: &KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(sc));
        // Longest modifiers first: Ctrl+Shift+S before Ctrl+S.
        if pressed(&keys::SAVE_AS) {
            self.push(Command::SaveAs { then: None });
        } else if pressed(&keys::SAVE) {
            self.push(Command::Save { then: None });
        }
        if pressed(&keys::NEW) {
            self.push(Command::Guarded(Action::New));
        }
        if pressed(&keys::OPEN) {
            self.push(Command::Guarded(Action::Open));
        }
        if pressed(&keys::REPLACE) {
            self.push(Command::OpenFind(true));
        } else if pressed(&keys::FIND) {
            self.push(Command::OpenFind(false));
        }
        if pressed(&keys::PRINT) {
            self.push(Command::Print);
        }
        if pressed(&keys::PREVIEW) {
            self.push(Command::ShowPreview);
        }
        if pressed(&keys::HELP) {
            // On a place with a finding (a red cell, a field the findings name): what the
            // finding's rule is; anywhere else the guide.
            match self.rule_at(super::state::focused_place(ctx)) {
                Some(rule) => self.push(Command::ShowModal(super::commands::Modal::RuleHelp(rule))),
                None => self.push(Command::ShowGuide),
            }
        }
        if pressed(&keys::PREVIOUS_FINDING) {
            self.visit_finding(false);
        } else if pressed(&keys::NEXT_FINDING) {
            self.visit_finding(true);
        }
        if pressed(&keys::REDO) || pressed(&keys::REDO_Y) {
            self.push(Command::Redo);
        } else if pressed(&keys::UNDO) {
            self.push(Command::Undo);
        }
    }

    fn handle_close_request(&mut self, ctx: &Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.close_confirmed {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.push(Command::Guarded(Action::Quit));
            } else {
                self.push(Command::DiscardRecovery);
            }
        }
    }

    /// Undo points and the recovery copy.
    fn track_changes(&mut self, now: f64, ctx: &Context) {
        self.history.feed(now, &self.doc.draft);
        if self.history.is_pending() {
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
        let needs_autosave =
            self.doc.is_dirty() && self.autosave_written.as_ref() != Some(&self.doc.draft);
        if needs_autosave {
            let waited = now - self.last_change_time;
            if waited >= AUTOSAVE_AFTER_SECS {
                self.push(Command::Autosave);
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                    AUTOSAVE_AFTER_SECS - waited,
                ));
            }
        }
    }
}
