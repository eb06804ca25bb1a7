//! The start page (first start without a file, and 文件 → 起始页): a new report (organ,
//! kind, year in one small form), a new one from last year's report, 打开…, 打开审核台…,
//! and the recent files with their organ, year and state. The recovery prompt, when there is
//! something to recover, comes over it first.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use egui::{RichText, Ui};

use crate::model::OrganKind;

use crate::gui::commands::Command;
use crate::gui::common::strings as s;
use crate::gui::desk::commands::DeskCommand;
use crate::gui::files::commands::Action;

/// A recent file as the start page lists it.
#[derive(Clone, Debug)]
pub struct RecentEntry {
    pub path: PathBuf,
    /// Organ · year · state, or why it cannot be opened now; empty while being read.
    pub summary: String,
}

/// The start page and its small form.
#[derive(Debug)]
pub struct StartPage {
    pub organ: String,
    pub kind: OrganKind,
    pub year: String,
    pub recent: Vec<RecentEntry>,
    /// Give the organ's field the keyboard on the next frame (the page just opened).
    focus_organ: bool,
    /// The recent files' summaries, read on a thread of their own (a published PDF takes a
    /// while to open; the page and the first frame do not wait for it).
    summaries: Option<Receiver<(usize, String)>>,
}

impl StartPage {
    /// The start page for a report of `year` (the year just ended), listing `recent`.
    pub fn new(year: u16, recent: &[PathBuf]) -> StartPage {
        let (sender, receiver) = std::sync::mpsc::channel();
        let paths = recent.to_vec();
        std::thread::spawn(move || {
            for (k, path) in paths.iter().enumerate() {
                if sender.send((k, describe(path))).is_err() {
                    return;
                }
            }
        });
        StartPage {
            organ: String::new(),
            kind: OrganKind::Government,
            year: year.to_string(),
            recent: recent
                .iter()
                .map(|path| RecentEntry {
                    path: path.clone(),
                    summary: String::new(),
                })
                .collect(),
            summaries: Some(receiver),
            focus_organ: true,
        }
    }

    /// Takes in the summaries read since the last frame; true while some are still coming.
    pub fn poll(&mut self) -> bool {
        let Some(receiver) = &self.summaries else {
            return false;
        };
        loop {
            match receiver.try_recv() {
                Ok((k, summary)) => {
                    if let Some(entry) = self.recent.get_mut(k) {
                        entry.summary = summary;
                    }
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => return true,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.summaries = None;
                    return false;
                }
            }
        }
    }

    /// The year typed, when it is one.
    fn year(&self) -> Option<u16> {
        self.year
            .trim()
            .parse::<u16>()
            .ok()
            .filter(|y| (2008..=2100).contains(y))
    }
}

/// A recent file's organ, year and state, read from the file now.
fn describe(path: &std::path::Path) -> String {
    match crate::document::open_path(path) {
        Ok(opened) => {
            let draft = &opened.draft;
            let report = &draft.report;
            let organ = if report.meta.organ.trim().is_empty() {
                s::DESK_NO_ORGAN.to_string()
            } else {
                report.meta.organ.clone()
            };
            let year = report
                .meta
                .year
                .map(|y| format!("{y}年度"))
                .unwrap_or_default();
            let state = draft
                .review
                .state_label(report)
                .unwrap_or(s::START_DRAFT_STATE);
            format!("{organ} · {year} · {state}")
        }
        Err(e) => format!("{}{}", s::START_CANNOT_OPEN, e.describe(path)),
    }
}

/// Draws the start page; what the clerk picks is pushed as commands.
pub fn show(ui: &mut Ui, page: &mut StartPage, commands: &mut Vec<Command>) {
    if page.poll() {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(50));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.add_space(12.0);
            ui.heading(RichText::new(s::START_TITLE).size(26.0));
            ui.label(s::START_INTRO);
            ui.add_space(12.0);
            ui.group(|ui| new_report(ui, page, commands));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(s::START_FROM_PREVIOUS).clicked() {
                    commands.push(Command::guarded(Action::NewFromPrevious));
                }
                if ui.button(s::START_OPEN).clicked() {
                    commands.push(Command::guarded(Action::Open));
                }
                if ui.button(s::DESK_MENU).clicked() {
                    commands.push(DeskCommand::Open.into());
                }
                if ui.button(s::START_BLANK).clicked() {
                    commands.push(Command::guarded(Action::New));
                }
            });
            ui.add_space(12.0);
            recent_files(ui, page, commands);
        });
    });
}

/// 新建报告: organ, kind and year in one small form; the organ's field has the keyboard when
/// the page opens, and Enter in a field creates the report.
fn new_report(ui: &mut Ui, page: &mut StartPage, commands: &mut Vec<Command>) {
    ui.strong(s::START_NEW);
    let mut entered = false;
    egui::Grid::new("nianbao-start-new")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label(s::START_ORGAN);
            let organ = ui
                .add(
                    egui::TextEdit::singleline(&mut page.organ)
                        .desired_width(320.0)
                        .hint_text(s::START_ORGAN_HINT),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut page.focus_organ) {
                organ.request_focus();
            }
            ui.end_row();
            ui.label(s::START_KIND);
            ui.horizontal(|ui| {
                for kind in OrganKind::ALL {
                    ui.radio_value(&mut page.kind, kind, kind.label());
                }
            });
            ui.end_row();
            let label = ui.label(s::START_YEAR);
            let year = ui
                .add(egui::TextEdit::singleline(&mut page.year).desired_width(80.0))
                .labelled_by(label.id);
            ui.end_row();
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            entered = enter && (organ.lost_focus() || year.lost_focus());
        });
    let year = page.year();
    if year.is_none() {
        ui.colored_label(ui.visuals().error_fg_color, s::START_YEAR_INVALID);
    }
    let create = ui
        .add_enabled(year.is_some(), egui::Button::new(s::START_CREATE))
        .clicked();
    if (create || entered)
        && let Some(year) = year
    {
        commands.push(Command::guarded(Action::NewReport {
            organ: page.organ.trim().to_string(),
            kind: page.kind,
            year,
        }));
    }
}

/// The recent files, each with its organ, year and state; two of one name with their folder.
fn recent_files(ui: &mut Ui, page: &StartPage, commands: &mut Vec<Command>) {
    ui.strong(s::START_RECENT);
    if page.recent.is_empty() {
        ui.weak(s::START_NO_RECENT);
    }
    let file_name = |p: &std::path::Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    for entry in &page.recent {
        let mut name = file_name(&entry.path);
        // Two recent files of one name (each unit's 年报.ron): the folder tells them apart.
        let twins = page
            .recent
            .iter()
            .filter(|e| file_name(&e.path) == name)
            .count();
        if twins > 1
            && let Some(folder) = entry.path.parent().and_then(|p| p.file_name())
        {
            name = format!("{name}（{}）", folder.to_string_lossy());
        }
        ui.horizontal(|ui| {
            if ui
                .link(name)
                .on_hover_text(entry.path.display().to_string())
                .clicked()
            {
                commands.push(Command::guarded(Action::OpenPath(entry.path.clone())));
            }
            ui.weak(&entry.summary);
        });
    }
}
