//! What a path asked for is used for: the command that takes it.

use std::path::PathBuf;

use crate::gui::checks::commands::ChecksCommand;
use crate::gui::commands::Command;
use crate::gui::desk::commands::DeskCommand;
use crate::gui::files::commands::{Action, FileCommand, PathPurpose};
use crate::gui::review::commands::ReviewCommand;

/// The path with `ext` added when it has no extension.
fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(ext)
    }
}

/// The command that uses a chosen path for `purpose` (extensions added where missing).
pub fn command_for(purpose: &PathPurpose, path: PathBuf) -> Command {
    match purpose {
        PathPurpose::Open => FileCommand::Run(Action::OpenPath(path)).into(),
        PathPurpose::ComparePrevious => ChecksCommand::ComparePreviousPath(path).into(),
        PathPurpose::NewFromPrevious => FileCommand::Run(Action::NewFromPath(path)).into(),
        PathPurpose::SumUnits => FileCommand::Run(Action::SumPaths(vec![path])).into(),
        PathPurpose::CompareVersion => ReviewCommand::CompareVersionPath(path).into(),
        PathPurpose::Profile => ChecksCommand::LoadProfile(path).into(),
        PathPurpose::DeskFolder => DeskCommand::OpenPath(path).into(),
        PathPurpose::SaveAs { then } => FileCommand::SaveTo {
            path: with_extension(path, "ron"),
            then: then.clone(),
        }
        .into(),
        PathPurpose::Export { kind, draft } => FileCommand::ExportTo {
            kind: *kind,
            path: with_extension(path, kind.extension()),
            draft: *draft,
        }
        .into(),
        PathPurpose::ExportPdf { watermark } => FileCommand::ExportPdfTo {
            path: with_extension(path, "pdf"),
            watermark: *watermark,
        }
        .into(),
    }
}
