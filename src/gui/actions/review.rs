//! What the reviewer's commands do: 说明, 批注, sign-off, comparisons with another version,
//! the 退回意见's choice.

use crate::document;
use crate::gui::actions::paths::ask_path;
use crate::gui::app::EditorApp;
use crate::gui::commands::modal::Modal;
use crate::gui::common::strings as s;
use crate::gui::files::commands::{DocumentKind, PathPurpose};
use crate::gui::review::commands::ReviewCommand;
use crate::gui::review::state::Compare;

/// Runs one of the reviewer's commands.
pub fn run(app: &mut EditorApp, command: ReviewCommand) {
    match command {
        ReviewCommand::Explain {
            finding,
            text,
            author,
        } => {
            let at = crate::model::Stamp::now_beijing();
            match crate::review::explain(&app.doc.draft.report, &finding, &text, &author, at) {
                Ok(e) => {
                    app.doc.draft.review.explanations.push(e);
                    app.set_reviewer(author);
                    app.invalidate_analysis();
                    app.status.text = Some(s::EXPLAINED_DONE.to_string());
                }
                Err(e) => app.modal = Some(Modal::Error(e.to_string())),
            }
        }
        ReviewCommand::AddNote {
            place,
            text,
            author,
        } => {
            app.doc.draft.review.notes.push(crate::review::Note {
                place,
                text,
                author: author.clone(),
                at: crate::model::Stamp::now_beijing(),
                resolved: false,
            });
            app.set_reviewer(author);
            app.status.text = Some(s::NOTE_ADDED.to_string());
        }
        ReviewCommand::SetNoteResolved(k, resolved) => {
            if let Some(n) = app.doc.draft.review.notes.get_mut(k) {
                n.resolved = resolved;
            }
        }
        ReviewCommand::SignOff { stage, name } => sign_off(app, stage, name),
        ReviewCommand::CompareVersion => ask_path(app, PathPurpose::CompareVersion),
        ReviewCommand::CompareVersionPath(path) => match document::open_path(&path) {
            Ok(opened) => {
                let label = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                app.review.compare = Some(Compare::new(label, opened.draft, &app.doc.draft));
            }
            Err(e) => app.modal = Some(Modal::Error(e.describe(&path))),
        },
        ReviewCommand::CompareSignOff => {
            if let Ok((sign_off, other)) = app.doc.draft.as_last_approved() {
                let label = sign_off.describe();
                app.review.compare = Some(Compare::new(label, other, &app.doc.draft));
            }
        }
        ReviewCommand::EndCompare => app.review.compare = None,
        ReviewCommand::ChooseLetter => {
            let modal =
                crate::gui::modals::letter::choose(&app.checks.analysis, &app.review.letter_choice);
            app.modal = Some(modal);
        }
        ReviewCommand::ExportLetter(choice) => {
            app.review.letter_choice = choice;
            let purpose = PathPurpose::Export {
                kind: DocumentKind::ReturnNotes,
                draft: false,
            };
            ask_path(app, purpose);
        }
    }
}

/// 审核通过 / 签发 of the open report, by `name`.
fn sign_off(app: &mut EditorApp, stage: crate::review::Stage, name: String) {
    let at = crate::model::Stamp::now_beijing();
    match crate::release::sign_off(&app.doc.draft, &app.checks.analysis, stage, &name, at) {
        Ok(sign_off) => {
            app.doc.draft.review.sign_offs.push(sign_off);
            app.set_reviewer(name.trim().to_string());
            app.status.text = Some(format!(
                "{}{}：{} {at}",
                s::SIGNED,
                stage.label(),
                app.settings.reviewer
            ));
        }
        Err(e) => app.modal = Some(Modal::Error(e.to_string())),
    }
}
