//! The desktop editor (feature `gui`): a thin egui layer over the core, in folders by
//! feature. `app` holds the editor and runs a frame; each feature (`form`, `files`,
//! `checks`, `review`, `desk`, `print`, `find`) has its state and panels, its command
//! family as data, and its actions, the only code that changes the editor; `modals` asks,
//! `shell` is the window around it all. See ARCHITECTURE.md.

pub mod app;
pub mod checks;
pub mod desk;
pub mod files;
pub mod find;
pub mod form;
pub mod modals;
pub mod print;
pub mod review;
pub mod shell;

pub use app::EditorApp;
pub use app::commands::Command;
pub use app::screen::{Screen, ScreenKind};
pub use app::storage::{Recovery, Storage};
pub use checks::commands::ChecksCommand;
pub use desk::commands::DeskCommand;
pub use files::commands::{Action, DocumentKind, FileCommand};
pub use files::dialogs::{FileDialogs, NativeDialogs, Picked, ScriptedDialogs};
pub use find::commands::FindCommand;
pub use form::commands::EditCommand;
pub use form::state::{cell_name, text_name};
pub use modals::modal::Modal;
pub use print::commands::PrintCommand;
pub use review::commands::ReviewCommand;
pub use shell::window::{install_fonts, run};
