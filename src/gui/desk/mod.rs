//! The review desk in the window: the folder's reports as a table, and its commands.

pub mod commands;
pub mod view;
