//! What the form keeps between frames: typed text not yet taken, the block selection, the
//! place to focus or reveal next.

use std::collections::{HashMap, HashSet};

use crate::finding::Place;
use crate::model::CellValue;

/// What the form and the tables keep between frames.
#[derive(Clone, Debug, Default)]
pub struct EditState {
    /// What is typed in a cell while it differs from the cell's canonical display.
    pub buffers: HashMap<usize, String>,
    /// The cell being edited and its value before the edit (Esc restores it).
    pub before_edit: Option<(usize, CellValue)>,
    /// The corner where a block selection started (Shift+arrows, Shift+click); the other
    /// corner is the focused cell.
    pub block_anchor: Option<usize>,
    /// The selected block's cells, derived each frame from the anchor and the focus.
    pub block: HashSet<usize>,
    /// Typed text of the year and date fields (validated like cells).
    pub year_buffer: Option<String>,
    pub date_buffer: Option<String>,
    /// A place to scroll to and focus on the next frame (from the findings panel).
    pub focus_place: Option<Place>,
    /// A place to scroll to on the next frame without taking the keyboard (the find bar
    /// keeps it, so Enter goes on to the next match instead of typing into the report).
    pub reveal_place: Option<Place>,
    /// A part of the report to scroll to on the next frame.
    pub scroll_to: Option<crate::template::Part>,
    /// Select the whole content of this cell when it gains focus (type-to-replace).
    pub select_all: Option<usize>,
    /// F8 / Shift+F8: the error or warning gone to last (index into the findings to visit).
    pub finding_cursor: Option<usize>,
}

impl EditState {
    /// Focuses a place on the next frame (scrolls to it).
    pub fn focus(&mut self, place: Place) {
        self.focus_place = Some(place);
    }

    /// Scrolls to a place on the next frame, leaving the keyboard where it is.
    pub fn reveal(&mut self, place: Place) {
        self.reveal_place = Some(place);
    }

    /// True (once) when `place` was asked to be focused.
    pub fn consume_focus_request(&mut self, place: Place) -> bool {
        if self.focus_place == Some(place) {
            self.focus_place = None;
            true
        } else {
            false
        }
    }

    /// Forgets what is typed and not yet taken (after undo, redo or a change of mode).
    pub fn clear_typing(&mut self) {
        self.buffers.clear();
        self.year_buffer = None;
        self.date_buffer = None;
    }
}

/// The next (`forward`) or previous of `n` items after `current`, round at the ends; from
/// nothing, the first or the last (F8 through the findings, the find bar through its
/// matches). `n` must not be 0.
pub fn cycle(current: Option<usize>, n: usize, forward: bool) -> usize {
    match (current, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(k), true) => (k + 1) % n,
        (Some(k), false) => (k + n - 1) % n,
    }
}
