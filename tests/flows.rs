//! The whole flows, one module per file beside this one: the CLI and files, the import
//! corpus, PDF export checked with poppler, the editor headless (egui_kittest) and in a real
//! window under Xvfb. One test program (see Cargo.toml, `autotests`).

mod common;
mod corpus;

mod cli;
mod desk;
mod export_and_sum;
mod fixtures;
#[cfg(feature = "gui")]
mod gui;
mod import_corpus;
mod import_props;
mod local_rules;
#[cfg(feature = "ocr")]
mod ocr;
#[cfg(feature = "gui")]
mod one_analysis;
mod pdf;
mod pdf_import;
mod real_pdf;
mod roundtrip;
#[cfg(feature = "gui")]
mod screens;
#[cfg(feature = "gui")]
mod shared_files;
#[cfg(feature = "gui")]
mod undo;
#[cfg(feature = "gui")]
mod window;
