//! What the desk's commands do, after the frame: open a folder as the desk, open a row in the
//! editor and come back, 退回, 审核/签发, 汇总, the overview, close the desk.

use egui::Context;

use crate::desk::{Desk, DeskRules};
use crate::fsio;
use crate::gui::actions::paths::{default_path, document_filter, document_folder};
use crate::gui::app::EditorApp;
use crate::gui::app::screen::{Screen, ScreenKind};
use crate::gui::commands::Command;
use crate::gui::commands::modal::Modal;
use crate::gui::common::strings as s;
use crate::gui::desk::commands::DeskCommand;
use crate::gui::desk::view::DeskView;
use crate::gui::files::commands::{Action, DocumentKind, PathPurpose};
use crate::gui::files::dialogs::Picked;
use crate::gui::review::state::Compare;
use crate::model::Stamp;
use crate::review::Stage;

/// Runs one of the desk's commands.
pub fn run(app: &mut EditorApp, ctx: &Context, command: DeskCommand) {
    match command {
        DeskCommand::Open => pick_folder(app),
        DeskCommand::OpenPath(folder) => open(app, &folder),
        DeskCommand::Show => {
            if app.screen.kind() == ScreenKind::Desk {
                // 刷新 at the desk.
                reload(app, ctx);
            } else {
                app.push(Command::guarded(Action::ShowDesk));
            }
        }
        DeskCommand::Close => {
            app.desk = None;
            if app.screen.kind() == ScreenKind::Desk {
                app.show_start_page();
            }
            app.status.text = Some(s::DESK_CLOSED.to_string());
        }
        DeskCommand::OpenRow(i) => open_row_checked(app, i),
        DeskCommand::Opened(resubmission) => opened_from_desk(app, resubmission),
        DeskCommand::Return(rows) => ask_return(app, &rows),
        DeskCommand::ReturnNow {
            files,
            name,
            as_text,
        } => return_now(app, &files, name, as_text),
        DeskCommand::Sign(rows, stage) => ask_sign(app, &rows, stage),
        DeskCommand::SignNow { files, stage, name } => sign(app, &files, stage, name),
        DeskCommand::Sum => ask_sum(app),
        DeskCommand::Overview => overview(app),
    }
}

/// 文件 → 打开审核台…: the folder from the dialog, else typed.
fn pick_folder(app: &mut EditorApp) {
    let start = document_folder(app);
    app.platform.dialogs.set_folder(start);
    match app.platform.dialogs.pick_folder() {
        Picked::Path(p) => app.push(DeskCommand::OpenPath(p)),
        Picked::Paths(mut p) if !p.is_empty() => app.push(DeskCommand::OpenPath(p.remove(0))),
        // No folder dialog here: the folder is typed.
        Picked::Unavailable => {
            let start = default_path(app, "");
            app.modal = Some(Modal::path(PathPurpose::DeskFolder, start));
        }
        Picked::Paths(_) | Picked::Cancelled => {}
    }
}

/// Opens `folder` as the desk: listed now; shown (and read in the background) once the
/// open report was closed (after any unsaved-changes question).
fn open(app: &mut EditorApp, folder: &std::path::Path) {
    match Desk::list(folder) {
        Ok(desk) => {
            app.desk = Some(DeskView::new(desk, rules(app)));
            app.push(Command::guarded(Action::ShowDesk));
        }
        Err(e) => app.modal = Some(Modal::Error(format!("{}{e}", s::DESK_NOT_OPENED))),
    }
}

/// 返回审核台 (the unsaved-changes question answered): the open report is closed, the desk
/// shown and read again.
pub fn back_to_desk(app: &mut EditorApp, ctx: &Context) {
    if app.desk.is_none() {
        return;
    }
    app.close_document();
    app.show_screen(Screen::Desk);
    reload(app, ctx);
}

/// The desk read again from the folder (by the editor's current rules).
fn reload(app: &mut EditorApp, ctx: &Context) {
    let rules = rules(app);
    if let Some(view) = app.desk.as_mut() {
        view.rules = rules;
        if let Some(problem) = view.reload(ctx) {
            app.modal = Some(Modal::Error(format!("{}{problem}", s::DESK_NOT_OPENED)));
        }
    }
}

/// A row into the editor, unless it could not be read.
fn open_row_checked(app: &mut EditorApp, i: usize) {
    let Some(row) = app.desk.as_ref().and_then(|v| v.desk.rows.get(i)) else {
        return;
    };
    if let Some(problem) = &row.problem {
        app.modal = Some(Modal::Error(format!("“{}”：{problem}", row.file)));
        return;
    }
    let file = row.file.clone();
    app.push(Command::guarded(Action::OpenDeskRow(file)));
}

/// 退回…: asks the letter's format and who returns the rows.
fn ask_return(app: &mut EditorApp, rows: &[usize]) {
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
        name: app.settings.reviewer.clone(),
        as_text: false,
    });
}

/// 退回 each report: its 退回意见 beside it, the return recorded.
fn return_now(app: &mut EditorApp, files: &[String], name: String, as_text: bool) {
    let Some(view) = app.desk.as_mut() else {
        return;
    };
    let mut letters = Vec::new();
    let mut failed = Vec::new();
    for file in files {
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
    app.status.text = match letters.as_slice() {
        [] => None,
        [one] => Some(format!("{}{}", s::DESK_RETURNED, one.display())),
        several => Some(s::fill(s::DESK_RETURNED_SEVERAL, several.len())),
    };
    not_done(app, failed);
}

/// 审核通过 / 签发: first shows who signs which reports and their open warnings.
fn ask_sign(app: &mut EditorApp, rows: &[usize], stage: Stage) {
    let Some(view) = app.desk.as_ref() else {
        return;
    };
    let units: Vec<(String, String, usize)> = rows
        .iter()
        .filter_map(|&i| view.desk.rows.get(i))
        .map(|r| (r.file.clone(), r.organ.clone(), r.tally.warnings))
        .collect();
    if units.is_empty() {
        return;
    }
    app.modal = Some(Modal::DeskSign {
        stage,
        units,
        name: app.settings.reviewer.clone(),
    });
}

/// 审核通过 / 签发 of the reports (by file), as `name` (remembered for the next time).
fn sign(app: &mut EditorApp, files: &[String], stage: Stage, name: String) {
    let Some(view) = app.desk.as_mut() else {
        return;
    };
    let mut done = Vec::new();
    let mut failed = Vec::new();
    for file in files {
        let signed = view.desk.find(file).and_then(|i| {
            view.desk
                .sign(i, stage, &name, Stamp::now_beijing())
                .map(|()| i)
        });
        match signed {
            Ok(i) => done.push(i),
            Err(e) => failed.push(format!("{file}：{e}")),
        }
    }
    app.status.text = match done.as_slice() {
        [] => None,
        [i] => {
            let row = &view.desk.rows[*i];
            Some(format!("{}：{}", row.state.label(), row.file))
        }
        several => {
            let label = view.desk.rows[several[0]].state.label();
            let n = several.len().to_string();
            Some(
                s::DESK_SIGNED_SEVERAL
                    .replacen("{}", label, 1)
                    .replacen("{}", &n, 1),
            )
        }
    };
    if !done.is_empty() {
        app.set_reviewer(name);
    }
    not_done(app, failed);
}

/// 汇总已审核的报告: asks which year, showing for each what it takes and leaves out.
fn ask_sum(app: &mut EditorApp) {
    let Some(view) = app.desk.as_ref() else {
        return;
    };
    let desk = &view.desk;
    let years = desk.approved_years();
    let Some(&(year, _)) = years.first() else {
        app.status.text = Some(s::DESK_NOTHING_TO_SUM.to_string());
        return;
    };
    let plans = years
        .iter()
        .map(|&(y, _)| (y, desk.sum_plan(Some(y)).describe(desk)))
        .collect();
    app.modal = Some(Modal::DeskSum { plans, year });
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

/// 汇总已审核的报告 of `year`: the approved reports as the desk read them (see
/// `Desk::sum_plan`), summed into a new report shown on the form (named 汇总报告（未保存）
/// until saved); what was left out is said.
pub fn sum_approved(app: &mut EditorApp, year: u16) {
    let Some(view) = app.desk.as_mut() else {
        return;
    };
    let plan = view.desk.sum_plan(Some(year));
    let summed = view
        .desk
        .sum(&plan.rows, &crate::sum::SumOptions::default());
    let said = plan.describe(&view.desk);
    crate::gui::actions::io::show_sum(app, plan.rows.len(), summed);
    if app.doc.draft.sum.is_some() && !plan.left_out.is_empty() {
        app.status.text = Some(format!("已{}", said.replace('\n', "；")));
    }
}

/// The rules the desk is read by: the editor's deadline and profile.
fn rules(app: &EditorApp) -> DeskRules {
    DeskRules {
        deadline: app.settings.deadline,
        profile: app.settings.profile.as_ref().map(|(_, p)| p.clone()),
    }
}

/// A desk's report into the editor (after any unsaved changes were answered), the desk
/// kept behind 返回审核台. A resubmission opens compared with the version returned, and
/// the findings it was returned with are weighed in the findings panel.
pub fn open_row(app: &mut EditorApp, file: &str) {
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
    crate::gui::actions::io::open_path_then(
        app,
        &path,
        crate::gui::files::opening::AfterOpen::FromDesk(resubmission.map(Box::new)),
    );
}

/// A desk's report opened (once it is read: a scan is read in the background).
fn opened_from_desk(app: &mut EditorApp, resubmission: Option<Box<crate::desk::Resubmission>>) {
    // A unit's Word, PDF or web report looked at from the desk is as its file holds it: back
    // to the desk without an edit asks nothing (an edit still asks, and saves as a draft).
    if app.doc.path.is_none() && app.doc.imported_from.is_some() {
        app.doc.baseline = Some(app.doc.draft.clone());
    }
    if let Some(r) = resubmission {
        if let Some(returned) = &r.returned {
            let label = format!("{}（{} {}）", s::RETURNED_VERSION, r.by, r.at);
            app.review.compare = Some(Compare::new(label, returned.clone(), &app.doc.draft));
        }
        app.review.returned = Some(*r);
    }
}

/// 导出总览…: the page where the reviewer says, the CSV beside it.
fn overview(app: &mut EditorApp) {
    let Some(view) = app.desk.as_ref() else {
        return;
    };
    let name = format!("{}.html", crate::desk::OVERVIEW_PREFIX);
    let dialogs = &mut app.platform.dialogs;
    dialogs.set_folder(Some(view.desk.folder.clone()));
    let path = match dialogs.save_file(&name, document_filter(DocumentKind::WebPage)) {
        Picked::Path(p) => p,
        Picked::Paths(mut p) if !p.is_empty() => p.remove(0),
        // No dialog: into the desk's folder.
        Picked::Unavailable => view.desk.folder.join(&name),
        Picked::Paths(_) | Picked::Cancelled => return,
    };
    let html = crate::desk::overview_html(&view.desk, app.platform.today);
    let csv = crate::desk::overview_csv(&view.desk.rows);
    let written = fsio::write_atomic(&path, html.as_bytes())
        .and_then(|()| fsio::write_atomic(&path.with_extension("csv"), csv.as_bytes()));
    match written {
        Ok(()) => {
            app.status.text = Some(format!("{}{}", s::DESK_OVERVIEW_WRITTEN, path.display()));
        }
        Err(e) => app.modal = Some(Modal::Error(e.to_string())),
    }
}
