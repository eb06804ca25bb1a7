//! The checks' context: last year's report, the deadline, the rule profile.

pub mod actions;
pub mod commands;
pub mod state;
