//! What the desk's commands do, after the frame: open a folder as the desk, open a row in the
//! editor and come back, 退回, 审核/签发, 汇总, the overview.

use egui::Context;

use crate::desk::{Desk, DeskRules};
use crate::fsio;
use crate::model::Stamp;

use super::commands::{Action, Command, DocumentKind, Modal};
use super::desk::DeskView;
use super::dialogs::Picked;
use super::editor::EditorApp;
use super::paths::{document_filter, document_folder};
use super::strings as s;

/// Runs one of the desk's commands.
pub(super) fn run(app: &mut EditorApp, ctx: &Context, command: Command) {
    match command {
        Command::OpenDesk => {
            app.dialogs.set_folder(document_folder(app));
            match app.dialogs.pick_folder() {
                Picked::Path(p) => app.push(Command::OpenDeskPath(p)),
                Picked::Paths(mut p) if !p.is_empty() => {
                    app.push(Command::OpenDeskPath(p.remove(0)))
                }
                // No folder dialog here: the folder is typed.
                Picked::Unavailable => {
                    let start = super::paths::default_path(app, "");
                    app.modal = Some(Modal::path(super::commands::PathPurpose::DeskFolder, start));
                }
                _ => {}
            }
        }
        Command::OpenDeskPath(folder) => match Desk::list(&folder) {
            Ok(desk) => {
                let mut view = DeskView::new(desk, rules(app));
                view.load(ctx);
                app.desk = Some(view);
            }
            Err(e) => app.modal = Some(Modal::Error(format!("{}{e}", s::DESK_NOT_OPENED))),
        },
        Command::ShowDesk => {
            let rules = rules(app);
            if let Some(view) = app.desk.as_mut() {
                view.showing = true;
                view.rules = rules;
                if let Some(problem) = view.reload(ctx) {
                    app.modal = Some(Modal::Error(format!("{}{problem}", s::DESK_NOT_OPENED)));
                }
            }
        }
        Command::DeskOpenRow(i) => {
            let Some(view) = app.desk.as_mut() else {
                return;
            };
            let Some(row) = view.desk.rows.get(i) else {
                return;
            };
            if let Some(problem) = &row.problem {
                app.modal = Some(Modal::Error(format!("“{}”：{problem}", row.file)));
                return;
            }
            let file = row.file.clone();
            app.push(Command::Guarded(Action::OpenDeskRow(file)));
        }
        Command::DeskReturn(rows) => {
            let Some(view) = app.desk.as_ref() else {
                return;
            };
            let units: Vec<(String, String)> = rows
                .iter()
                .filter_map(|&i| view.desk.rows.get(i))
                .map(|r| (r.file.clone(), r.organ.clone()))
                .collect();
            if units.is_empty() {
                return;
            }
            app.modal = Some(Modal::DeskReturn {
                units,
                name: app.reviewer.clone(),
                as_text: false,
            });
        }
        Command::DeskReturnNow {
            files,
            name,
            as_text,
        } => {
            let Some(view) = app.desk.as_mut() else {
                return;
            };
            let mut letters = Vec::new();
            let mut failed = Vec::new();
            for file in &files {
                let returned = view.desk.find(file).and_then(|i| {
                    view.desk
                        .return_report(i, &name, Stamp::now_beijing(), as_text)
                });
                match returned {
                    Ok(letter) => letters.push(letter),
                    Err(e) => failed.push(format!("{file}：{e}")),
                }
            }
            if !letters.is_empty() {
                app.set_reviewer(name);
            }
            app.status = match letters.as_slice() {
                [] => None,
                [one] => Some(format!("{}{}", s::DESK_RETURNED, one.display())),
                several => Some(s::fill(s::DESK_RETURNED_SEVERAL, several.len())),
            };
            not_done(app, failed);
        }
        Command::DeskSign(rows, stage) => {
            let reviewer = app.reviewer.clone();
            let open_here = app.doc.path.clone();
            let Some(view) = app.desk.as_mut() else {
                return;
            };
            let mut done = Vec::new();
            let mut failed = Vec::new();
            for i in rows {
                let Some(row) = view.desk.rows.get(i) else {
                    continue;
                };
                if Some(&row.path) == open_here.as_ref() {
                    failed.push(format!("{}：{}", row.file, s::DESK_SIGN_IN_EDITOR));
                    continue;
                }
                let file = row.file.clone();
                match view.desk.sign(i, stage, &reviewer, Stamp::now_beijing()) {
                    Ok(()) => done.push(i),
                    Err(e) => failed.push(format!("{file}：{e}")),
                }
            }
            app.status = match done.as_slice() {
                [] => None,
                [i] => {
                    let row = &view.desk.rows[*i];
                    Some(format!("{}：{}", row.state.label(), row.file))
                }
                several => {
                    let label = view.desk.rows[several[0]].state.label();
                    Some(s::DESK_SIGNED_SEVERAL.replacen("{}", label, 1).replacen(
                        "{}",
                        &several.len().to_string(),
                        1,
                    ))
                }
            };
            not_done(app, failed);
        }
        Command::DeskSum => {
            if app
                .desk
                .as_ref()
                .is_some_and(|v| v.desk.approved().is_empty())
            {
                app.status = Some(s::DESK_NOTHING_TO_SUM.to_string());
            } else {
                app.push(Command::Guarded(Action::SumDesk));
            }
        }
        Command::DeskOverview => overview(app),
        _ => {}
    }
}

/// The rows an action on several could not be done for, one line each, in a message.
fn not_done(app: &mut EditorApp, failed: Vec<String>) {
    match failed.as_slice() {
        [] => {}
        [one] => app.modal = Some(Modal::Error(one.clone())),
        _ => {
            app.modal = Some(Modal::Error(format!(
                "{}\n{}",
                s::DESK_NOT_DONE,
                failed.join("\n")
            )))
        }
    }
}

/// 汇总已审核的报告: the approved reports as the desk read them, summed into the open
/// document.
pub(super) fn sum_approved(app: &mut EditorApp) {
    let Some(view) = app.desk.as_mut() else {
        return;
    };
    let approved = view.desk.approved();
    let summed = view.desk.sum(&approved, &crate::sum::SumOptions::default());
    view.showing = false;
    super::file_io::show_sum(app, approved.len(), summed);
}

/// The rules the desk is read by: the editor's deadline and profile.
fn rules(app: &EditorApp) -> DeskRules {
    DeskRules {
        deadline: app.deadline,
        profile: app.profile.as_ref().map(|(_, p)| p.clone()),
    }
}

/// A desk's report into the editor (after any unsaved changes were answered), the desk
/// hidden behind 返回审核台. A resubmission opens compared with the version returned, and
/// the findings it was returned with are weighed in the findings panel.
pub(super) fn open_row(app: &mut EditorApp, file: &str) {
    let Some((path, resubmission)) = app.desk.as_ref().and_then(|view| {
        let i = view.desk.find(file).ok()?;
        let row = &view.desk.rows[i];
        let resubmission = (row.state == crate::desk::DeskState::Resubmitted)
            .then(|| view.desk.resubmission(i))
            .flatten();
        Some((row.path.clone(), resubmission))
    }) else {
        return;
    };
    let generation = app.doc_generation;
    super::file_io::open_path(app, &path);
    if app.doc_generation == generation {
        // Not opened (an error shown, or a question asked about another window's lock).
        return;
    }
    if let Some(view) = app.desk.as_mut() {
        view.showing = false;
    }
    // A unit's Word, PDF or web report looked at from the desk is as its file holds it: back
    // to the desk without an edit asks nothing (an edit still asks, and saves as a draft).
    if app.doc.path.is_none() && app.doc.imported_from.is_some() {
        app.doc.baseline = Some(app.doc.draft.clone());
    }
    if let Some(r) = resubmission {
        if let Some(returned) = &r.returned {
            let label = format!("{}（{} {}）", s::RETURNED_VERSION, r.by, r.at);
            app.compare = Some(super::editor::Compare::new(
                label,
                returned.clone(),
                &app.doc.draft,
            ));
        }
        app.returned = Some(r);
    }
}

/// 导出总览…: the page where the reviewer says, the CSV beside it.
fn overview(app: &mut EditorApp) {
    let Some(view) = app.desk.as_ref() else {
        return;
    };
    let name = format!("{}.html", crate::desk::OVERVIEW_PREFIX);
    app.dialogs.set_folder(Some(view.desk.folder.clone()));
    let path = match app
        .dialogs
        .save_file(&name, document_filter(DocumentKind::WebPage))
    {
        Picked::Path(p) => p,
        Picked::Paths(mut p) if !p.is_empty() => p.remove(0),
        // No dialog: into the desk's folder.
        Picked::Unavailable => view.desk.folder.join(&name),
        _ => return,
    };
    let html = crate::desk::overview_html(&view.desk, app.today);
    let csv = crate::desk::overview_csv(&view.desk.rows);
    let written = fsio::write_atomic(&path, html.as_bytes())
        .and_then(|()| fsio::write_atomic(&path.with_extension("csv"), csv.as_bytes()));
    match written {
        Ok(()) => app.status = Some(format!("{}{}", s::DESK_OVERVIEW_WRITTEN, path.display())),
        Err(e) => app.modal = Some(Modal::Error(e.to_string())),
    }
}
