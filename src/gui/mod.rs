//! The desktop editor (feature `gui`): a thin egui layer over the core, in folders by
//! feature and in layers, each folder importing only the ones below it:
//!
//! - `common`: the strings, colours and keys every screen uses;
//! - the features, each with its state, its panel and its command family as data:
//!   `edit` (the form's edit state and undo), `files`, `checks`, `review`, `desk`, `find`,
//!   `print`, `window` (zoom, the guide);
//! - `commands`: the editor's [`Command`] (one variant per family) and the modal questions;
//! - the panels that queue commands of several families: `form`, `modals`, `start`;
//! - `app`: the [`EditorApp`], its screens and settings, the drawing of a frame;
//! - `actions`: what each family's commands do, one file per feature, each an exhaustive
//!   match; the only code that changes the editor after the frame;
//! - `shell`: the window around it all, and a whole frame.
//!
//! See ARCHITECTURE.md.

pub mod actions;
pub mod app;
pub mod checks;
pub mod commands;
pub mod common;
pub mod desk;
pub mod edit;
pub mod files;
pub mod find;
pub mod form;
pub mod modals;
pub mod print;
pub mod review;
pub mod scan;
pub mod shell;
pub mod start;
pub mod window;

pub use app::EditorApp;
pub use app::screen::{Screen, ScreenKind};
pub use checks::commands::ChecksCommand;
pub use commands::Command;
pub use commands::modal::Modal;
pub use desk::commands::DeskCommand;
pub use edit::commands::EditCommand;
pub use files::commands::{Action, DocumentKind, FileCommand};
pub use files::dialogs::{FileDialogs, NativeDialogs, Picked, ScriptedDialogs};
pub use files::storage::{Recovery, Storage};
pub use find::commands::FindCommand;
pub use form::state::{cell_name, text_name};
pub use print::commands::PrintCommand;
pub use review::commands::ReviewCommand;
pub use shell::window::{install_fonts, run};
pub use window::commands::WindowCommand;
