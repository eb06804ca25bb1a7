//! The checks' context: the findings, last year's report; its commands.

pub mod commands;
pub mod state;
