//! What every screen uses: the Chinese strings, the colours, the keyboard shortcuts, and on
//! Windows the system's message box and the program a file opens with.

pub mod keys;
pub mod strings;
pub mod theme;
#[cfg(windows)]
pub mod windows;
