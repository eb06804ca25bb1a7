//! Runs the queued commands after the frame: dialogs, file I/O, replacing the document,
//! undo and redo, settings. The only place where the editor has side effects.

use egui::Context;

use crate::document::{self};
use crate::model::{OrganKind, Report};

use super::commands::{Action, Command, DocumentKind, Modal, PathPurpose};
use super::dialogs::Picked;
use super::editor::{Compare, EditorApp};
use super::file_io::{export_pdf_to, export_to, open_path, save_to, sum_paths};
use super::paths::{ask_path, default_path, pick_units};
use super::state::Document;
use super::strings as s;

/// Runs every queued command (commands may queue more; those run too).
pub fn run_all(app: &mut EditorApp, ctx: &Context) {
    if app.commands.iter().any(Command::changes_the_view) {
        // What the commands change (a modal, a new document) is drawn on the next frame.
        ctx.request_repaint();
    }
    let mut rounds = 0;
    while !app.commands.is_empty() && rounds < 16 {
        rounds += 1;
        for command in std::mem::take(&mut app.commands) {
            run(app, ctx, command);
        }
    }
}

fn run(app: &mut EditorApp, ctx: &Context, command: Command) {
    match command {
        Command::OpenDesk
        | Command::OpenDeskPath(_)
        | Command::ShowDesk
        | Command::DeskOpenRow(_)
        | Command::DeskReturn(_)
        | Command::DeskReturnNow { .. }
        | Command::DeskSign(..)
        | Command::DeskSum
        | Command::DeskOverview => super::desk_actions::run(app, ctx, command),
        Command::Guarded(action) => {
            // Every action replaces or closes the document.
            if app.doc.is_dirty() {
                app.modal = Some(Modal::Unsaved { then: action });
            } else {
                run_action(app, ctx, action);
            }
        }
        Command::Run(action) => run_action(app, ctx, action),
        Command::Save { then } => match app.doc.path.clone() {
            Some(_) if app.doc.read_only => {
                app.status = Some(s::READ_ONLY_SAVE.to_string());
                app.push(Command::SaveAs { then });
            }
            Some(path) => app.push(Command::SaveTo { path, then }),
            None => app.push(Command::SaveAs { then }),
        },
        Command::SaveAs { then } => ask_path(app, PathPurpose::SaveAs { then }),
        Command::SaveTo { path, then } => {
            if !super::shared_files::save_blocked(app, &path, &then)
                && save_to(app, &path)
                && let Some(action) = then
            {
                run_action(app, ctx, action);
            }
        }
        Command::Overwrite { path, then } => {
            if save_to(app, &path)
                && let Some(action) = then
            {
                run_action(app, ctx, action);
            }
        }
        Command::MergeAndSave {
            merged,
            disk,
            path,
            then,
        } => super::shared_files::merge_and_save(app, *merged, disk, &path, then),
        Command::OpenHeld {
            opened,
            bytes,
            path,
            how,
        } => {
            super::shared_files::open_held(app, *opened, bytes, &path, how);
        }
        Command::Export(DocumentKind::ReturnNotes) => {
            app.modal = Some(super::letter::choose(app));
        }
        Command::ExportLetter(choice) => {
            app.letter_choice = choice;
            ask_path(app, PathPurpose::Export(DocumentKind::ReturnNotes));
        }
        // Word and the web page are asked about like the PDF when the report is no final
        // version; the text is a working copy.
        Command::Export(kind @ (DocumentKind::Word | DocumentKind::WebPage)) => {
            let release = crate::release::release(&app.doc.draft, &app.analysis);
            if release.final_allowed() {
                app.push(Command::ExportPick { kind, draft: false });
            } else {
                app.modal = Some(Modal::ExportNotFinal {
                    kind,
                    reasons: release.reasons,
                });
            }
        }
        Command::ExportPick { kind, draft } => {
            app.export_draft = draft;
            ask_path(app, PathPurpose::Export(kind));
        }
        Command::Export(kind) => ask_path(app, PathPurpose::Export(kind)),
        Command::ExportTo(kind, path) => export_to(app, kind, &path),
        Command::ExportPdf => {
            let release = crate::release::release(&app.doc.draft, &app.analysis);
            if !release.final_allowed() {
                app.modal = Some(Modal::PdfNotFinal {
                    reasons: release.reasons,
                });
            } else {
                app.push(Command::ExportPdfPick { watermark: false });
            }
        }
        Command::ExportPdfPick { watermark } => ask_path(app, PathPurpose::ExportPdf { watermark }),
        Command::ExportPdfTo { path, watermark } => export_pdf_to(app, &path, watermark),
        Command::DiscardRecovery => app.storage.clear_recovery(),
        Command::DiscardCopy(key) => {
            app.storage.discard(&key);
            super::shared_files::offer_recoveries(app, false);
        }
        Command::ShowRecoveries => super::shared_files::offer_recoveries(app, true),
        Command::Autosave => app.autosave_now(),
        Command::SetZoom(z) => ctx.set_zoom_factor(z.clamp(0.6, 2.5)),
        Command::ComparePrevious => ask_path(app, PathPurpose::ComparePrevious),
        Command::ChooseProfile
        | Command::LoadProfile(_)
        | Command::ClearProfile
        | Command::ComparePreviousPath(_)
        | Command::ClearPrevious
        | Command::SetDeadline(_) => checks_context(app, command),
        Command::UndoPoint(draft) => app.history.checkpoint(&draft),
        Command::Undo => app.undo(),
        Command::Redo => app.redo(),
        Command::Status(message) => app.status = Some(message),
        Command::ShowModal(modal) => app.modal = Some(modal),
        Command::OpenFind(_)
        | Command::CloseFind
        | Command::FindStep(_)
        | Command::ReplaceOne
        | Command::ReplaceAll => super::find::run(app, ctx, command),
        Command::Print => super::print::print(app, ctx),
        Command::ShowPreview => super::print::show_preview(app, ctx),
        Command::ClosePreview => app.preview = None,
        Command::ShowStartPage => app.show_start_page(),
        Command::ShowGuide => app.guide = Some(super::guide::GuideWindow::new()),
        Command::CloseStartPage => app.start_page = None,
        review @ (Command::Explain { .. }
        | Command::AddNote { .. }
        | Command::CompareVersion
        | Command::CompareVersionPath(_)
        | Command::CompareSignOff
        | Command::EndCompare
        | Command::SetNoteResolved(..)
        | Command::SignOff { .. }) => run_review(app, review),
    }
}

/// The reviewer's commands: 说明, 批注, sign-off, comparisons with another version.
fn run_review(app: &mut EditorApp, command: Command) {
    match command {
        Command::Explain {
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
                    app.status = Some(s::EXPLAINED_DONE.to_string());
                }
                Err(e) => app.modal = Some(Modal::Error(e.to_string())),
            }
        }
        Command::AddNote {
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
            app.status = Some(s::NOTE_ADDED.to_string());
        }
        Command::CompareVersion => ask_path(app, PathPurpose::CompareVersion),
        Command::CompareVersionPath(path) => match document::open_path(&path) {
            Ok(opened) => {
                let label = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                app.compare = Some(Compare::new(label, opened.draft, &app.doc.draft));
            }
            Err(e) => app.modal = Some(Modal::Error(e.describe(&path))),
        },
        Command::CompareSignOff => {
            if let Ok((sign_off, other)) = app.doc.draft.as_last_approved() {
                let label = sign_off.describe();
                app.compare = Some(Compare::new(label, other, &app.doc.draft));
            }
        }
        Command::EndCompare => app.compare = None,
        Command::SetNoteResolved(k, resolved) => {
            if let Some(n) = app.doc.draft.review.notes.get_mut(k) {
                n.resolved = resolved;
            }
        }
        Command::SignOff { stage, name } => {
            let at = crate::model::Stamp::now_beijing();
            match crate::release::sign_off(&app.doc.draft, &app.analysis, stage, &name, at) {
                Ok(sign_off) => {
                    app.doc.draft.review.sign_offs.push(sign_off);
                    app.set_reviewer(name.trim().to_string());
                    app.status = Some(format!(
                        "{}{}：{} {at}",
                        s::SIGNED,
                        stage.label(),
                        app.reviewer
                    ));
                }
                Err(e) => app.modal = Some(Modal::Error(e.to_string())),
            }
        }
        // Every other command is run by `run`.
        _ => {}
    }
}

fn run_action(app: &mut EditorApp, ctx: &Context, action: Action) {
    match action {
        Action::New => {
            // A new report starts blank: not the organ of whatever was open (an imported
            // report of another unit); 从上年报告新建 carries an organ over.
            let report = Report::new("", OrganKind::Government, app.today.report_year());
            app.storage.clear_recovery();
            app.replace_document(Document::blank(report));
            app.status = None;
        }
        Action::NewReport { organ, kind, year } => {
            app.storage.clear_recovery();
            app.replace_document(Document::blank(Report::new(&organ, kind, year)));
            app.status = Some(s::START_CREATED.to_string());
        }
        Action::Open => ask_path(app, PathPurpose::Open),
        Action::OpenPath(path) => open_path(app, &path),
        Action::NewFromPrevious => ask_path(app, PathPurpose::NewFromPrevious),
        Action::NewFromPath(path) => match document::open_path(&path) {
            Ok(opened) => {
                let last = opened.draft.report;
                let mut doc = Document::blank(Report::default());
                doc.draft = crate::draft::Draft::next_year_from(&last);
                doc.baseline = None;
                app.storage.clear_recovery();
                app.replace_document(doc);
                app.previous = Some((path.clone(), last));
                app.invalidate_analysis();
                app.status = Some(format!("{}：{}", s::NEW_FROM_DONE, path.display()));
            }
            Err(e) => app.modal = Some(Modal::Error(e.describe(&path))),
        },
        Action::SumUnits => match pick_units(app) {
            Picked::Paths(paths) => app.push(Command::Run(Action::SumPaths(paths))),
            Picked::Path(p) => app.push(Command::Run(Action::SumPaths(vec![p]))),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let start = default_path(app, "");
                app.modal = Some(Modal::path(PathPurpose::SumUnits, start));
            }
        },
        Action::SumPaths(paths) => sum_paths(app, &paths),
        Action::SumDesk => super::desk_actions::sum_approved(app),
        Action::OpenDeskRow(file) => super::desk_actions::open_row(app, &file),
        Action::Restore(r) => {
            app.restore(*r);
            // The next copy, if another window left one too.
            super::shared_files::offer_recoveries(app, false);
        }
        Action::Quit => {
            app.close_confirmed = true;
            app.quit_requested = true;
            app.storage.clear_recovery();
            app.release_lock();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// What the checks are run with: last year's report (对照上年报告), the deadline (设置 →
/// 发布期限) and the rule profile (设置 → 本地要求, chosen, loaded and remembered, or cleared).
fn checks_context(app: &mut EditorApp, command: Command) {
    match command {
        Command::ComparePreviousPath(path) => match document::open_path(&path) {
            Ok(opened) => {
                app.previous = Some((path.clone(), opened.draft.report));
                app.invalidate_analysis();
                app.status = Some(format!("{}：{}", s::COMPARING, path.display()));
            }
            Err(e) => app.modal = Some(Modal::Error(e.describe(&path))),
        },
        Command::ClearPrevious => {
            app.previous = None;
            app.invalidate_analysis();
            app.status = None;
        }
        Command::SetDeadline(deadline) => {
            app.deadline = deadline;
            app.invalidate_analysis();
            app.status = Some(match deadline {
                Some(d) => s::fill(s::DEADLINE_SET_LOCAL, format!("{}月{}日", d.month, d.day)),
                None => s::DEADLINE_SET_NATIONAL.to_string(),
            });
            if let Err(e) = app.storage.save_deadline(deadline) {
                app.modal = Some(Modal::Error(format!("{}{e}", s::DEADLINE_NOT_SAVED)));
            }
        }
        Command::ChooseProfile => ask_path(app, PathPurpose::Profile),
        Command::LoadProfile(path) => match crate::profile::Profile::load(&path) {
            Ok(profile) => {
                app.status = Some(s::fill(s::PROFILE_SET, &profile.name));
                if let Err(e) = app.storage.save_profile_path(Some(&path)) {
                    app.status = Some(format!("{}{e}", s::PROFILE_NOT_SAVED));
                }
                app.profile = Some((path, profile));
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
        Command::ClearProfile => {
            app.profile = None;
            app.invalidate_analysis();
            app.status = Some(s::PROFILE_CLEARED.to_string());
            if let Err(e) = app.storage.save_profile_path(None) {
                app.status = Some(format!("{}{e}", s::PROFILE_NOT_SAVED));
            }
        }
        _ => {}
    }
}
