//! What the checks' commands do: last year's report (对照上年报告), the deadline (设置 →
//! 发布期限) and the rule profile (设置 → 本地要求, chosen, loaded and remembered, or cleared).

use crate::document;
use crate::gui::actions::paths::ask_path;
use crate::gui::app::EditorApp;
use crate::gui::checks::commands::ChecksCommand;
use crate::gui::commands::modal::Modal;
use crate::gui::common::strings as s;
use crate::gui::files::commands::PathPurpose;

/// Runs one command of the checks' context.
pub fn run(app: &mut EditorApp, command: ChecksCommand) {
    match command {
        ChecksCommand::ComparePrevious => ask_path(app, PathPurpose::ComparePrevious),
        ChecksCommand::ComparePreviousPath(path) => match document::open_path(&path) {
            Ok(opened) => {
                app.checks.previous = Some((path.clone(), opened.draft.report));
                app.invalidate_analysis();
                app.status.text = Some(format!("{}：{}", s::COMPARING, path.display()));
            }
            Err(e) => app.modal = Some(Modal::Error(e.describe(&path))),
        },
        ChecksCommand::ClearPrevious => {
            app.checks.previous = None;
            app.invalidate_analysis();
            app.status.text = None;
        }
        ChecksCommand::SetDeadline(deadline) => {
            app.settings.deadline = deadline;
            app.invalidate_analysis();
            app.status.text = Some(match deadline {
                Some(d) => s::fill(s::DEADLINE_SET_LOCAL, format!("{}月{}日", d.month, d.day)),
                None => s::DEADLINE_SET_NATIONAL.to_string(),
            });
            if let Err(e) = app.settings.save(&app.platform.storage) {
                app.modal = Some(Modal::Error(format!("{}{e}", s::DEADLINE_NOT_SAVED)));
            }
        }
        ChecksCommand::ChooseProfile => ask_path(app, PathPurpose::Profile),
        ChecksCommand::LoadProfile(path) => match crate::profile::Profile::load(&path) {
            Ok(profile) => {
                app.status.text = Some(s::fill(s::PROFILE_SET, &profile.name));
                app.settings.profile = Some((path, profile));
                if let Err(e) = app.settings.save(&app.platform.storage) {
                    app.status.text = Some(format!("{}{e}", s::PROFILE_NOT_SAVED));
                }
                app.invalidate_analysis();
            }
            Err(e) => {
                app.modal = Some(Modal::Error(format!(
                    "{}“{}”：{e}",
                    s::PROFILE_NOT_LOADED,
                    path.display()
                )))
            }
        },
        ChecksCommand::ClearProfile => {
            app.settings.profile = None;
            app.invalidate_analysis();
            app.status.text = Some(s::PROFILE_CLEARED.to_string());
            if let Err(e) = app.settings.save(&app.platform.storage) {
                app.status.text = Some(format!("{}{e}", s::PROFILE_NOT_SAVED));
            }
        }
    }
}
