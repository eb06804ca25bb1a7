//! The window around the editor: how it is opened, its fonts, and a whole frame (draw,
//! run the commands, follow up).

pub mod frame;
pub mod launch;
pub mod window;
