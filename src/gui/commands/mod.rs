//! The editor's commands: everything with a side effect, queued by panels, menus and keys
//! and run after the frame. One family per feature, each defined in its feature's folder and
//! run by that feature's file in `actions` with an exhaustive match.

pub mod modal;
pub mod purpose;

use crate::gui::checks::commands::ChecksCommand;
use crate::gui::desk::commands::DeskCommand;
use crate::gui::edit::commands::EditCommand;
use crate::gui::files::commands::{Action, FileCommand};
use crate::gui::find::commands::FindCommand;
use crate::gui::print::commands::PrintCommand;
use crate::gui::review::commands::ReviewCommand;
use crate::gui::scan::commands::ScanCommand;
use crate::gui::window::commands::WindowCommand;
use modal::Modal;

/// A queued side effect, by the feature that runs it.
#[derive(Clone, Debug)]
pub enum Command {
    File(FileCommand),
    Checks(ChecksCommand),
    Review(ReviewCommand),
    Scan(ScanCommand),
    Desk(DeskCommand),
    Find(FindCommand),
    Print(PrintCommand),
    Edit(EditCommand),
    Window(WindowCommand),
    /// A message for the status bar.
    Status(String),
    /// Ask or tell the user something.
    ShowModal(Modal),
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
        Command::ShowModal(modal)
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
    ScanCommand => Scan,
    DeskCommand => Desk,
    FindCommand => Find,
    PrintCommand => Print,
    EditCommand => Edit,
    WindowCommand => Window,
}
