//! nianbao: the 政府信息公开工作年度报告 (2021 format) as data, its cross-checks, drafts,
//! text/JSON export and text import. This crate root is the pure core: no GUI, no dialogs.

pub mod analysis;
pub mod batch;
pub mod check;
pub mod model;
pub mod template;
pub mod textscan;

pub use check::{Finding, Rule, Severity, check, fill_totals};
pub use model::{CellValue, Date, Format, Meta, OrganKind, Report, WanAmount};
pub mod document;
pub mod draft;
pub mod export;
pub mod fonts;
pub mod fsio;
pub mod import;
pub mod layout;

/// The desktop editor (feature `gui`): a thin egui layer over the core.
#[cfg(feature = "gui")]
pub mod gui;
