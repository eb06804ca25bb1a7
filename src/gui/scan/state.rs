//! What the scan review keeps between frames.

use std::collections::HashMap;

/// The scan review beside the form, while it is open.
#[derive(Default)]
pub struct ScanReview {
    /// The cell shown.
    pub cell: Option<usize>,
    /// The text shown instead (a paragraph of the narrative read by OCR), beside the page
    /// it was read from.
    pub text: Option<crate::template::TextId>,
    /// Where the text shown begins on the scan (page, top of its line), found when shown.
    pub begins: Option<(usize, u32)>,
    /// The scan's pages scroll there on the next frame.
    pub scroll: bool,
    /// The pages' images, uploaded once.
    pub pages: HashMap<usize, egui::TextureHandle>,
    /// What the value field holds (the value read, or the reviewer's correction).
    pub typed: String,
    /// The cell's value when the field was last filled: when the cell changes elsewhere (the
    /// grid, undo), the field follows it.
    pub filled_with: String,
    /// The value field (a cell) or the confirm button (a text) takes the keyboard on the
    /// next frame: Enter goes on from one to the next.
    pub focus: bool,
    /// The cells to confirm in order, and the analysis (its generation) they were worked
    /// out from.
    pub order: Option<(u64, std::rc::Rc<[usize]>)>,
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
    scanned: &crate::import::Scan,
) -> Vec<usize> {
    crate::analysis::cells_to_confirm(draft, analysis, |i| {
        scanned.cells.get(&i).map_or(1.0, |c| c.confidence)
    })
}

impl ScanReview {
    /// Shows `cell`, its value as the field's text.
    pub fn show(&mut self, cell: Option<usize>, value: String) {
        self.cell = cell;
        self.text = None;
        self.filled_with = value.clone();
        self.typed = value;
        self.focus = true;
    }

    /// Shows a text of the narrative beside the page it was read from, where it `begins`.
    pub fn show_text(&mut self, text: crate::template::TextId, begins: Option<(usize, u32)>) {
        self.cell = None;
        self.text = Some(text);
        self.begins = begins;
        self.scroll = true;
        self.focus = true;
    }

    /// The field follows the cell shown when its value changed elsewhere since it was filled
    /// (what was typed in the field gives way to the newer edit).
    pub fn follow(&mut self, value: String) {
        if value != self.filled_with {
            self.filled_with = value.clone();
            self.typed = value;
        }
    }

    /// The cells to confirm in order, worked out again only after a new analysis.
    pub fn order_for(
        &mut self,
        generation: u64,
        work_out: impl FnOnce() -> Vec<usize>,
    ) -> std::rc::Rc<[usize]> {
        match &self.order {
            Some((g, order)) if *g == generation => order.clone(),
            _ => {
                let order: std::rc::Rc<[usize]> = work_out().into();
                self.order = Some((generation, order.clone()));
                order
            }
        }
    }
}
