//! What the panels share: the editing state kept between frames,
//! the narrow [`Editing`] context a panel receives, and the stable ids and names of fields.

use std::collections::{HashMap, HashSet};

use egui::Id;

use crate::analysis::Analysis;
use crate::finding::{MetaField, Place};
use crate::gui::app::document::Document;
use crate::model::CellValue;
use crate::template::{T2_BLOCKS, TEMPLATE, TEXTS, TextId, t2};

use crate::gui::app::commands::Command;
use crate::gui::form::commands::EditCommand;
use crate::gui::modals::modal::Modal;
use crate::gui::shell::commands::ShellCommand;
use crate::gui::shell::strings as s;

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

/// What a panel works with: the document and the edit state to change in place, the
/// analysis to read, and the queue for everything with a side effect (run after the frame).
pub struct Editing<'a> {
    pub doc: &'a mut Document,
    pub edit: &'a mut EditState,
    pub analysis: &'a Analysis,
    pub commands: &'a mut Vec<Command>,
    /// The name new notes are signed with.
    pub reviewer: &'a str,
    /// The cells changed against the version being compared with, if any.
    pub changed: Option<&'a std::collections::BTreeSet<usize>>,
    /// Counts the documents opened in the window (a new one starts scrolled to its top).
    pub generation: u64,
    /// The local rule profile in use (its 口径 notes for cells).
    pub profile: Option<&'a crate::profile::Profile>,
    /// What the find bar looks for: its matches are tinted in the text fields, the one gone
    /// to more strongly.
    pub find: Option<&'a str>,
    pub find_current: Option<&'a crate::find::Found>,
}

impl Editing<'_> {
    /// Queues a command to run after this frame.
    pub fn push(&mut self, command: impl Into<Command>) {
        self.commands.push(command.into());
    }

    /// Records the draft as it is now as an undo point (before a paste, after an edit).
    pub fn mark_undo_point(&mut self) {
        let now = Box::new(self.doc.draft.clone());
        self.commands.push(EditCommand::UndoPoint(now).into());
    }

    /// Shows a message in the status bar.
    pub fn status(&mut self, message: String) {
        self.commands.push(ShellCommand::Status(message).into());
    }

    /// The right-click menu of a field: 添加批注… on `place`.
    pub fn note_menu(&mut self, response: &egui::Response, place: Place) {
        let mut add = false;
        response.context_menu(|ui| {
            if ui.button(s::NOTE_ADD).clicked() {
                add = true;
                ui.close();
            }
        });
        if add {
            self.push(Command::modal(Modal::Note {
                place,
                text: String::new(),
                author: self.reviewer.to_string(),
            }));
        }
    }

    /// The open notes on a place, one line each, for a tooltip.
    pub fn open_notes(&self, place: Place) -> Vec<String> {
        self.doc
            .draft
            .review
            .open_notes_at(place)
            .map(|n| format!("{}（{} {}）：{}", s::NOTE, n.author, n.at, n.text))
            .collect()
    }
}

/// What a place is called in the editor: a cell's name, a text field's heading, a meta
/// field's label, a table or a section.
pub fn place_name(place: Place) -> String {
    use crate::finding::MetaField;
    match place {
        Place::Cell(i) => cell_name(i),
        Place::Text(t) => text_name(t).to_string(),
        Place::Meta(m) => match m {
            MetaField::Organ => s::ORGAN,
            MetaField::OrganKind => s::ORGAN_KIND,
            MetaField::Year => s::YEAR,
            MetaField::Published => s::PUBLISHED,
            MetaField::Signature => s::SIGNATURE,
        }
        .trim_end_matches('：')
        .to_string(),
        Place::Table(t) => t.name().to_string(),
        Place::Section(sec) => sec.spec().heading.to_string(),
    }
}

/// The place whose field has the keyboard focus: a cell, a text field or a meta field.
pub fn focused_place(ctx: &egui::Context) -> Option<Place> {
    let focused = ctx.memory(|m| m.focused())?;
    let cells = (0..crate::template::ALL_CELLS).map(|i| (cell_id(i), Place::Cell(i)));
    let texts = crate::template::TEXTS
        .iter()
        .map(|t| (text_id(t.id), Place::Text(t.id)));
    let metas = [
        MetaField::Organ,
        MetaField::OrganKind,
        MetaField::Year,
        MetaField::Published,
        MetaField::Signature,
    ]
    .into_iter()
    .map(|m| (meta_id(m), Place::Meta(m)));
    cells
        .chain(texts)
        .chain(metas)
        .find(|(id, _)| *id == focused)
        .map(|(_, place)| place)
}

/// The stable id of a cell's text field.
pub fn cell_id(cell: usize) -> Id {
    Id::unique(("nianbao-cell", cell))
}

/// The stable id of a text field's editor.
pub fn text_id(text: TextId) -> Id {
    Id::unique(("nianbao-text", text.key()))
}

/// The stable id of a meta field's editor.
pub fn meta_id(field: MetaField) -> Id {
    Id::unique(("nianbao-meta", field.key()))
}

/// Name of a text field as shown in the form.
pub fn text_name(id: TextId) -> &'static str {
    let spec = &TEXTS[id.index()];
    spec.heading.unwrap_or(spec.name)
}

/// The accessible name of a cell: its short name, with the column for 表二's one-column
/// blocks (whose short name is only the row label), e.g. `行政许可·本年处理决定数量`.
pub fn cell_name(cell: usize) -> String {
    let spec = &TEMPLATE.cells[cell];
    if spec.short_name.contains('·') {
        return spec.short_name.clone();
    }
    for (b, block) in T2_BLOCKS.iter().enumerate() {
        for (r, (_, row)) in block.rows.iter().enumerate() {
            for (c, (_, col)) in block.columns.iter().enumerate() {
                if t2(b, r, c) == cell {
                    return format!("{row}·{col}");
                }
            }
        }
    }
    spec.short_name.clone()
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
