//! nianbao: the 政府信息公开工作年度报告 (2021 format) as data, its cross-checks, drafts,
//! text/JSON/PDF export and import of published reports. This crate root is the pure core:
//! no GUI, no dialogs. See ARCHITECTURE.md for the layers.

pub mod analysis;
pub mod batch;
pub mod check;
pub mod check_report;
pub mod desk;
pub mod diff;
pub mod document;
pub mod draft;
pub mod export;
pub mod find;
pub mod finding;
pub mod fonts;
pub mod fsio;
pub mod guide;
pub mod import;
pub mod layout;
pub mod lock;
pub mod model;
#[cfg(feature = "ocr")]
pub mod ocr;
pub mod organs;
pub mod profile;
pub mod progress;
pub mod release;
pub mod repetition;
pub mod review;
pub mod rule_texts;
pub mod sum;
pub mod template;
pub mod textscan;

pub use check::{check, fill_totals};
pub use finding::{Finding, Rule, Severity};
pub use model::{CellValue, Date, Format, Meta, OrganKind, Report, WanAmount};

/// The desktop editor (feature `gui`): a thin egui layer over the core.
#[cfg(feature = "gui")]
pub mod gui;
