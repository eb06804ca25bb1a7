//! The editor's colours: severities, field tints, the import's provenance dots.

use egui::Color32;

use crate::finding::Severity;
use crate::import::Provenance;

/// The text colour of a severity (status bar, findings, refusals).
pub fn severity_color(sev: Severity, dark: bool) -> Color32 {
    match (sev, dark) {
        (Severity::Error, false) => Color32::from_rgb(190, 30, 30),
        (Severity::Error, true) => Color32::from_rgb(255, 110, 100),
        (Severity::Warning, false) => Color32::from_rgb(160, 100, 0),
        (Severity::Warning, true) => Color32::from_rgb(240, 190, 80),
        (Severity::Info, false) => Color32::from_rgb(40, 90, 160),
        (Severity::Info, true) => Color32::from_rgb(130, 170, 240),
    }
}

/// Background tint of a field with findings (hints leave it untinted).
pub fn tint(sev: Option<Severity>, dark: bool) -> Option<Color32> {
    Some(match (sev?, dark) {
        (Severity::Error, false) => Color32::from_rgb(255, 222, 220),
        (Severity::Error, true) => Color32::from_rgb(110, 35, 35),
        (Severity::Warning, false) => Color32::from_rgb(255, 238, 200),
        (Severity::Warning, true) => Color32::from_rgb(100, 75, 20),
        (Severity::Info, _) => return None,
    })
}

/// The corner dot of a cell the import derived (blue), could not read reliably (orange) or
/// read from a scan and not confirmed yet (violet).
pub fn provenance_color(how: Provenance) -> Color32 {
    match how {
        Provenance::Uncertain => Color32::from_rgb(0xD9, 0x6A, 0x00),
        Provenance::Ocr => Color32::from_rgb(0x8E, 0x44, 0xAD),
        _ => Color32::from_rgb(0x2F, 0x6F, 0xCF),
    }
}

/// The mark of a reviewer's open note.
pub fn note_color() -> Color32 {
    Color32::from_rgb(0x8E, 0x44, 0xAD)
}

/// The mark of a cell that differs from the version compared with.
pub fn change_color() -> Color32 {
    Color32::from_rgb(0x00, 0x89, 0x7B)
}
