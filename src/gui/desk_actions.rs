//! What the desk's commands do, after the frame: open a folder as the desk, open a row in the
//! editor and come back, 退回, 审核/签发, 汇总, the overview.

use crate::batch::BatchRules;
use crate::desk::Desk;
use crate::fsio;
use crate::model::Stamp;

use super::commands::{Action, Command, DocumentKind, Modal};
use super::desk::DeskView;
use super::dialogs::Picked;
use super::editor::EditorApp;
use super::paths::{document_filter, document_folder};
use super::strings as s;

/// Runs one of the desk's commands.
pub(super) fn run(app: &mut EditorApp, command: Command) {
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
        Command::OpenDeskPath(folder) => match open(app, &folder) {
            Ok(desk) => app.desk = Some(DeskView::new(desk)),
            Err(e) => app.modal = Some(Modal::Error(format!("{}{e}", s::DESK_NOT_OPENED))),
        },
        Command::ShowDesk => reopen(app),
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
            let path = row.path.clone();
            view.showing = false;
            app.push(Command::Guarded(Action::OpenPath(path)));
        }
        Command::DeskReturn(i) => {
            let reviewer = app.reviewer.clone();
            let Some(view) = app.desk.as_mut() else {
                return;
            };
            match view
                .desk
                .return_report(i, &reviewer, Stamp::now_beijing(), false)
            {
                Ok(letter) => {
                    app.status = Some(format!("{}{}", s::DESK_RETURNED, letter.display()));
                }
                Err(e) => app.modal = Some(Modal::Error(e.to_string())),
            }
        }
        Command::DeskSign(i, stage) => {
            let reviewer = app.reviewer.clone();
            let open_here = app.doc.path.clone();
            let Some(view) = app.desk.as_mut() else {
                return;
            };
            if view.desk.rows.get(i).map(|r| Some(&r.path)) == Some(open_here.as_ref()) {
                app.modal = Some(Modal::Error(s::DESK_SIGN_IN_EDITOR.to_string()));
                return;
            }
            match view.desk.sign(i, stage, &reviewer, Stamp::now_beijing()) {
                Ok(()) => {
                    let row = &view.desk.rows[i];
                    app.status = Some(format!("{}：{}", row.state.label(), row.file));
                }
                Err(e) => app.modal = Some(Modal::Error(e.to_string())),
            }
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

fn open(app: &EditorApp, folder: &std::path::Path) -> Result<Desk, crate::desk::DeskError> {
    let rules = BatchRules {
        deadline: app.deadline,
        profile: app.profile.as_ref().map(|(_, p)| p),
    };
    Desk::open(folder, rules)
}

/// Back to the desk, read again from the folder (what was recorded in the editor, a file
/// replaced meanwhile), keeping the filter and the selection.
fn reopen(app: &mut EditorApp) {
    let Some(folder) = app.desk.as_ref().map(|v| v.desk.folder.clone()) else {
        return;
    };
    match open(app, &folder) {
        Ok(desk) => {
            if let Some(view) = app.desk.as_mut() {
                view.replace(desk);
                view.showing = true;
            }
        }
        Err(e) => app.modal = Some(Modal::Error(format!("{}{e}", s::DESK_NOT_OPENED))),
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
