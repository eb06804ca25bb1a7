//! The editor's commands: everything with a side effect, queued by panels, menus and keys
//! and run after the frame. One family per feature, each defined in its feature's folder and
//! run by that feature's actions with an exhaustive match.

use crate::gui::checks::commands::ChecksCommand;
use crate::gui::desk::commands::DeskCommand;
use crate::gui::files::commands::{Action, FileCommand};
use crate::gui::find::commands::FindCommand;
use crate::gui::form::commands::EditCommand;
use crate::gui::modals::modal::Modal;
use crate::gui::print::commands::PrintCommand;
use crate::gui::review::commands::ReviewCommand;
use crate::gui::shell::commands::ShellCommand;

/// A queued side effect, by the feature that runs it.
#[derive(Clone, Debug)]
pub enum Command {
    File(FileCommand),
    Checks(ChecksCommand),
    Review(ReviewCommand),
    Desk(DeskCommand),
    Find(FindCommand),
    Print(PrintCommand),
    Edit(EditCommand),
    Shell(ShellCommand),
}

impl Command {
    /// False for bookkeeping that changes nothing on screen (undo points, the recovery
    /// copy): no extra frame is drawn for it.
    pub fn changes_the_view(&self) -> bool {
        !matches!(
            self,
            Command::Edit(EditCommand::UndoPoint(_)) | Command::File(FileCommand::DiscardRecovery)
        )
    }

    /// Runs `action`, asking about unsaved changes first.
    pub fn guarded(action: Action) -> Command {
        Command::File(FileCommand::Guarded(action))
    }

    /// Shows a modal.
    pub fn modal(modal: Modal) -> Command {
        Command::Shell(ShellCommand::ShowModal(modal))
    }
}

macro_rules! family {
    ($($family:ident => $variant:ident),* $(,)?) => {
        $(impl From<$family> for Command {
            fn from(c: $family) -> Command {
                Command::$variant(c)
            }
        })*
    };
}

family! {
    FileCommand => File,
    ChecksCommand => Checks,
    ReviewCommand => Review,
    DeskCommand => Desk,
    FindCommand => Find,
    PrintCommand => Print,
    EditCommand => Edit,
    ShellCommand => Shell,
}
