//! The report's form: the menu, the outline, the fields and tables, the findings panel
//! and the status bar; the panels edit the report in place and queue commands.

pub mod block;
pub mod cell;
pub mod findings;
pub mod menu;
pub mod outline;
pub mod page;
pub mod state;
pub mod status;
pub mod table;
