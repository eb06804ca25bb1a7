//! What the scan review keeps between frames.

use std::collections::HashMap;

/// The scan review beside the form, while it is open.
#[derive(Default)]
pub struct ScanReview {
    /// The cell shown.
    pub cell: Option<usize>,
    /// What the value field holds (the value read, or the reviewer's correction).
    pub typed: String,
    /// The value field takes the keyboard on the next frame (a cell was just shown).
    pub focus: bool,
    /// The cells' images, uploaded once.
    pub textures: HashMap<usize, egui::TextureHandle>,
    /// Cells passed over with 跳过: taken again when no other is left.
    pub skipped: std::collections::BTreeSet<usize>,
}

/// The cells still to confirm, in the order a reviewer takes them (see
/// [`crate::analysis::cells_to_confirm`]).
pub fn order(
    draft: &crate::draft::Draft,
    analysis: &crate::analysis::Analysis,
    scanned: &crate::import::ScannedCells,
) -> Vec<usize> {
    crate::analysis::cells_to_confirm(draft, analysis, |i| {
        scanned.get(&i).map_or(1.0, |c| c.confidence)
    })
}

impl ScanReview {
    /// Shows `cell`, its value as the field's text.
    pub fn show(&mut self, cell: Option<usize>, value: String) {
        self.cell = cell;
        self.typed = value;
        self.focus = true;
    }
}
