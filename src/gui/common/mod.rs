//! What every screen uses: the Chinese strings, the colours, the keyboard shortcuts.

pub mod keys;
pub mod strings;
pub mod theme;
