//! The window around the editor: how it is opened, its fonts and colours, its strings, the
//! start page, the guide, and the window's own commands.

pub mod actions;
pub mod commands;
pub mod guide;
pub mod keys;
pub mod launch;
pub mod start_page;
pub mod strings;
pub mod theme;
pub mod window;
