//! What the panels share: the narrow [`Editing`] context a panel receives, and the stable ids and names of fields.

use egui::Id;

use crate::analysis::Analysis;
use crate::finding::{MetaField, Place};
use crate::gui::files::document::Document;
use crate::template::{T2_BLOCKS, TEMPLATE, TEXTS, TextId, t2};

use crate::gui::commands::Command;
use crate::gui::commands::modal::Modal;
use crate::gui::common::strings as s;
use crate::gui::edit::commands::EditCommand;
use crate::gui::edit::state::EditState;

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
        self.commands.push(Command::Status(message));
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
