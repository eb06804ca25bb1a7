//! The form in the middle: meta data, then the report body in template order (texts and
//! tables, see [`crate::layout::BODY`]).

use egui::{Align, Response, RichText, TextEdit, Ui};

use crate::finding::{MetaField, Place, Severity};
use crate::layout::{BODY, Block, grid};
use crate::model::{Date, Format, OrganKind};
use crate::template::{Part, SECTIONS, SectionId, TEXTS, TextId};

use crate::gui::common::strings as s;
use crate::gui::common::theme::{note_color, severity_color, tint};
use crate::gui::form::state::{Editing, meta_id, text_id, text_name};

/// Widest the form grows, so lines stay readable on large screens.
const MAX_FORM_WIDTH: f32 = 1100.0;

pub fn show(ui: &mut Ui, ed: &mut Editing) {
    // A whole table or section is "focused" by scrolling to its part of the report.
    if let Some(place @ (Place::Section(_) | Place::Table(_))) = ed.edit.focus_place {
        ed.edit.focus_place = None;
        ed.edit.scroll_to = Some(place.part());
    }
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt(("nianbao-form", ed.generation))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let width = ui.available_width().min(MAX_FORM_WIDTH);
                ui.set_max_width(width);
                ui.add_space(4.0);
                ui.vertical_centered(|ui| {
                    ui.label(
                        RichText::new(ed.doc.draft.report.title())
                            .size(22.0)
                            .strong(),
                    );
                });
                ui.add_space(6.0);
                let r = section_heading(ui, s::META_SECTION);
                scroll_if_requested(ed, Part::Basics, &r);
                meta(ed, ui);
                let format_note = match ed.doc.draft.report.format {
                    Format::V2019 => Some(s::FORMAT_2019),
                    Format::V2021OneOtherRow => Some(s::FORMAT_ONE_OTHER_ROW),
                    Format::V2021 => None,
                };
                if let Some(note) = format_note {
                    ui.colored_label(severity_color(Severity::Info, ui.visuals().dark_mode), note);
                }
                for block in BODY {
                    match block {
                        Block::Heading(i) => {
                            let r = section_heading(ui, SECTIONS[i].heading);
                            scroll_if_requested(ed, Part::Section(SectionId::ALL[i]), &r);
                        }
                        Block::Text(id) => text_field(ed, ui, id),
                        Block::Table(t) => {
                            ui.add_space(4.0);
                            crate::gui::form::table::show(ui, ed, grid(t));
                            if t == crate::template::TableId::T3
                                && ed.doc.draft.report.format.one_other_row()
                            {
                                legacy_other_handling(ed, ui);
                            }
                            ui.add_space(8.0);
                        }
                    }
                }
                ui.add_space(24.0);
            });
    });
}

/// The 2019 format's single （六）其他处理 row, shown under 表三 (read-only: the split into
/// the three 2021 rows is unknown).
fn legacy_other_handling(ed: &mut Editing, ui: &mut Ui) {
    use crate::template::{T3_COLUMNS, t3_r3_6_2019};
    ui.label(if ed.doc.draft.report.format == Format::V2019 {
        s::LEGACY_OTHER_HANDLING
    } else {
        s::ONE_OTHER_ROW
    });
    ui.horizontal_wrapped(|ui| {
        for (c, col) in T3_COLUMNS.iter().enumerate() {
            let i = t3_r3_6_2019(c);
            let mut shown = ed.doc.draft.report.cell(i).display();
            let label = ui.label(col.label);
            ui.add_sized(
                [48.0, 22.0],
                TextEdit::singleline(&mut shown).interactive(false),
            )
            .labelled_by(label.id);
        }
    });
}

fn section_heading(ui: &mut Ui, text: &str) -> Response {
    ui.add_space(10.0);
    let r = ui.label(RichText::new(text).size(18.0).strong());
    ui.add_space(2.0);
    r
}

fn scroll_if_requested(ed: &mut Editing, part: Part, response: &Response) {
    if ed.edit.scroll_to == Some(part) {
        ed.edit.scroll_to = None;
        response.scroll_to_me(Some(Align::TOP));
    }
}

fn focus_if_requested(ed: &mut Editing, place: Place, response: &Response) {
    if ed.edit.consume_focus_request(place) {
        response.request_focus();
        response.scroll_to_me(Some(Align::Center));
    }
    if ed.edit.reveal_place == Some(place) {
        ed.edit.reveal_place = None;
        response.scroll_to_me(Some(Align::Center));
    }
}

fn meta(ed: &mut Editing, ui: &mut Ui) {
    let dark = ui.visuals().dark_mode;
    let field_width = (ui.available_width() - 120.0).clamp(200.0, 560.0);
    egui::Grid::new("nianbao-meta")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            // 机关全称
            let label = ui.label(s::ORGAN);
            let mark = ed.analysis.meta_marks.get(&MetaField::Organ).copied();
            let mut edit = TextEdit::singleline(&mut ed.doc.draft.report.meta.organ)
                .id(meta_id(MetaField::Organ))
                .hint_text(s::ORGAN_HINT);
            if let Some(c) = tint(mark, dark) {
                edit = edit.background_color(c);
            }
            let r = ui
                .add_sized([field_width, 24.0], edit)
                .labelled_by(label.id);
            focus_if_requested(ed, Place::Meta(MetaField::Organ), &r);
            ui.end_row();

            // 机关类型
            let label = ui.label(s::ORGAN_KIND);
            let kind = &mut ed.doc.draft.report.meta.organ_kind;
            let r = egui::ComboBox::from_id_salt(meta_id(MetaField::OrganKind))
                .selected_text(kind.label())
                .show_ui(ui, |ui| {
                    for k in OrganKind::ALL {
                        ui.selectable_value(kind, k, k.label());
                    }
                })
                .response
                .labelled_by(label.id);
            focus_if_requested(ed, Place::Meta(MetaField::OrganKind), &r);
            ui.end_row();

            // 统计年度
            let label = ui.label(s::YEAR);
            year_field(ed, ui, label.id, dark);
            ui.end_row();

            // 发布日期
            let label = ui.label(s::PUBLISHED);
            date_field(ed, ui, label.id, dark);
            ui.end_row();

            // 落款机关
            let label = ui.label(s::SIGNATURE);
            let mark = ed.analysis.meta_marks.get(&MetaField::Signature).copied();
            let mut edit = TextEdit::singleline(&mut ed.doc.draft.report.meta.signature)
                .id(meta_id(MetaField::Signature));
            if let Some(c) = tint(mark, dark) {
                edit = edit.background_color(c);
            }
            let r = ui
                .add_sized([field_width, 24.0], edit)
                .labelled_by(label.id);
            focus_if_requested(ed, Place::Meta(MetaField::Signature), &r);
            ui.end_row();
        });
}

/// A year typed as text: what the field shows is what the draft stores (refused text
/// too, kept as typed and counted as an error), with the reason beside it.
fn year_field(ed: &mut Editing, ui: &mut Ui, label: egui::Id, dark: bool) {
    // While typing, the text as typed (the draft holds its value, or the text if refused).
    let mut text = ed
        .edit
        .year_buffer
        .clone()
        .unwrap_or_else(|| ed.doc.draft.report.meta.year_text());
    let mark = ed.analysis.meta_marks.get(&MetaField::Year).copied();
    let refused = crate::model::parse_year(&text).err();
    let mark = if refused.is_some() {
        Some(Severity::Error)
    } else {
        mark
    };
    ui.horizontal(|ui| {
        let mut edit = TextEdit::singleline(&mut text).id(meta_id(MetaField::Year));
        if let Some(c) = tint(mark, dark) {
            edit = edit.background_color(c);
        }
        let r = ui.add_sized([90.0, 24.0], edit).labelled_by(label);
        focus_if_requested(ed, Place::Meta(MetaField::Year), &r);
        if r.changed() {
            ed.doc.draft.report.meta.set_year_typed(&text);
            ed.edit.year_buffer = Some(text.clone());
        }
        if !r.has_focus() {
            ed.edit.year_buffer = None;
        }
        if let Some(reason) = refused {
            ui.colored_label(
                severity_color(Severity::Error, dark),
                format!("“{}”{}：{reason}", text.trim(), s::REFUSED),
            );
        }
    });
}

/// The publication date typed as text (`2026年1月20日` or `2026-01-20`), stored as typed
/// like the year.
fn date_field(ed: &mut Editing, ui: &mut Ui, label: egui::Id, dark: bool) {
    let mut text = ed
        .edit
        .date_buffer
        .clone()
        .unwrap_or_else(|| ed.doc.draft.report.meta.published_text());
    let refused = !text.trim().is_empty() && Date::parse_checked(&text).is_err();
    let mark = ed.analysis.meta_marks.get(&MetaField::Published).copied();
    let mark = if refused { Some(Severity::Error) } else { mark };
    ui.horizontal(|ui| {
        // The example is a date of this report: January after its year.
        let year = ed.doc.draft.report.meta.year.map_or(2026, |y| y + 1);
        let hint = s::fill(s::PUBLISHED_HINT, year);
        let mut edit = TextEdit::singleline(&mut text)
            .id(meta_id(MetaField::Published))
            .hint_text(hint);
        if let Some(c) = tint(mark, dark) {
            edit = edit.background_color(c);
        }
        let r = ui.add_sized([180.0, 24.0], edit).labelled_by(label);
        focus_if_requested(ed, Place::Meta(MetaField::Published), &r);
        if r.changed() {
            ed.doc.draft.report.meta.set_published_typed(&text);
            ed.edit.date_buffer = Some(text.clone());
        }
        if !r.has_focus() {
            ed.edit.date_buffer = None;
        }
        if let Some(picked) = date_picker(
            ui,
            ed.doc.draft.report.meta.published,
            ed.doc.draft.report.meta.year,
        ) {
            ed.doc
                .draft
                .report
                .meta
                .set_published_typed(&picked.chinese());
            ed.edit.date_buffer = None;
            text = picked.chinese();
        }
        let reason = (!text.trim().is_empty())
            .then(|| Date::parse_checked(&text).err())
            .flatten();
        if let Some(reason) = reason {
            ui.colored_label(
                severity_color(Severity::Error, dark),
                format!("“{}”{}：{reason}", text.trim(), s::REFUSED),
            );
        }
    });
}

/// 选择日期…: a month's calendar beside the typed 发布日期 (from the date set, else January
/// after the report's year, when reports are published). The day clicked, if any.
fn date_picker(ui: &mut Ui, set: Option<Date>, year: Option<u16>) -> Option<Date> {
    let shown_id = egui::Id::unique("nianbao-date-picker-month");
    let mut picked = None;
    // The month buttons keep the calendar open; a day, Esc or a click outside closes it.
    let config = egui::containers::menu::MenuConfig::new()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    let button = egui::containers::menu::MenuButton::new(s::DATE_PICK)
        .config(config)
        .ui(ui, |ui| {
            let (mut y, mut m) = ui
                .data(|d| d.get_temp::<(u16, u8)>(shown_id))
                .unwrap_or_else(|| {
                    set.map(|d| (d.year, d.month))
                        .unwrap_or((year.map_or(2026, |y| y + 1), 1))
                });
            ui.horizontal(|ui| {
                if ui.button("◀").on_hover_text(s::DATE_PREVIOUS).clicked() {
                    (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
                }
                ui.strong(format!("{y}年{m}月"));
                if ui.button("▶").on_hover_text(s::DATE_NEXT).clicked() {
                    (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                }
            });
            ui.data_mut(|d| d.insert_temp(shown_id, (y, m)));
            egui::Grid::new("nianbao-date-picker").show(ui, |ui| {
                for w in s::WEEKDAYS {
                    ui.weak(w);
                }
                ui.end_row();
                let first = weekday_monday0(y, m, 1);
                for _ in 0..first {
                    ui.label("");
                }
                let mut column = first;
                for day in 1..=31u8 {
                    let Some(date) = Date::new(y, m, day) else {
                        break;
                    };
                    let chosen = set == Some(date);
                    if ui.selectable_label(chosen, day.to_string()).clicked() {
                        picked = Some(date);
                        ui.close();
                    }
                    column += 1;
                    if column == 7 {
                        ui.end_row();
                        column = 0;
                    }
                }
            });
        });
    button.0.on_hover_text(s::DATE_PICK_HOVER);
    picked
}

/// The day of the week, Monday 0 … Sunday 6 (Sakamoto's method).
fn weekday_monday0(year: u16, month: u8, day: u8) -> usize {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let mut y = i32::from(year);
    if month < 3 {
        y -= 1;
    }
    let sunday0 = (y + y / 4 - y / 100 + y / 400 + T[usize::from(month) - 1] + i32::from(day)) % 7;
    ((sunday0 + 6) % 7) as usize
}

/// A text field's heading (S5 and S6 carry their section's); its label for the field.
fn text_heading(ed: &mut Editing, ui: &mut Ui, id: TextId) -> egui::Response {
    let spec = &TEXTS[id.index()];
    let heading_text = match id {
        TextId::Intro => format!("{}（可选）", spec.name),
        TextId::S1 => format!("{}（可选）", spec.name),
        _ => text_name(id).to_string(),
    };
    // S5 and S6 carry their section's heading.
    let has_section_heading = matches!(id, TextId::S5 | TextId::S6);
    if has_section_heading {
        let r = section_heading(ui, &heading_text);
        scroll_if_requested(ed, Place::Text(id).part(), &r);
        r
    } else if spec.heading.is_some() {
        ui.add_space(4.0);
        ui.label(RichText::new(heading_text).size(16.0))
    } else {
        ui.label(RichText::new(heading_text).weak())
    }
}

/// How much of the field repeats last year's report, when some does.
fn repetition_line(ed: &Editing, ui: &mut Ui, id: TextId) {
    let dark = ui.visuals().dark_mode;
    if let Some(f) = ed
        .analysis
        .repetition
        .as_ref()
        .and_then(|r| r.of_field(id))
        .filter(|f| f.repeated > 0)
    {
        let share = crate::repetition::Share {
            part: f.repeated,
            whole: f.sentences,
        };
        ui.label(
            RichText::new(format!(
                "{} {}（{}/{}句）",
                s::REPETITION,
                share.text(),
                f.repeated,
                f.sentences
            ))
            .small()
            .color(severity_color(Severity::Info, dark)),
        )
        .on_hover_text(s::REPETITION_HELP);
    }
}

fn text_field(ed: &mut Editing, ui: &mut Ui, id: TextId) {
    let dark = ui.visuals().dark_mode;
    let label = text_heading(ed, ui, id);
    repetition_line(ed, ui, id);
    let mark = ed.analysis.text_marks.get(&id).copied();
    let absent = ed.doc.draft.report.text(id).is_none();
    if absent {
        ui.colored_label(severity_color(Severity::Warning, dark), s::SECTION_ABSENT);
    }
    let mut scratch = String::new();
    let changed;
    let response = {
        let target: &mut String = if absent {
            &mut scratch
        } else {
            ed.doc.draft.report.text_mut(id)
        };
        // The find bar's matches, else the sentences repeated from last year's report, on a
        // tinted ground.
        let repeated = match ed.find {
            Some(query) => target
                .match_indices(query)
                .map(|(at, m)| at..at + m.len())
                .collect(),
            None => repeated_ranges(ed.analysis, id),
        };
        let mut edit = TextEdit::multiline(target)
            .id(text_id(id))
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .hint_text(s::TEXT_HINT);
        if let Some(c) = tint(mark, dark) {
            edit = edit.background_color(c);
        }

        let current = ed
            .find_current
            .filter(|f| f.place == Place::Text(id))
            .map(|f| f.range.clone());
        let mut layouter = |ui: &Ui, buf: &dyn egui::TextBuffer, wrap: f32| {
            let mut job = marked_job(ui, buf.as_str(), &repeated, current.as_ref());
            job.wrap.max_width = wrap;
            ui.fonts_mut(|f| f.layout_job(job))
        };
        if !repeated.is_empty() {
            edit = edit.layouter(&mut layouter);
        }
        let r = ui.add(edit).labelled_by(label.id);
        changed = r.changed();
        r
    };
    if absent && changed {
        ed.doc.draft.report.set_text(id, scratch);
    }
    if mark.is_some() && response.hovered() {
        let messages: Vec<String> = ed
            .analysis
            .findings
            .iter()
            .filter(|f| f.places.contains(&Place::Text(id)))
            .map(|f| f.to_line())
            .collect();
        response.clone().on_hover_text(messages.join("\n"));
    }
    ed.note_menu(&response, Place::Text(id));
    for note in ed.open_notes(Place::Text(id)) {
        ui.colored_label(note_color(), note);
    }
    focus_if_requested(ed, Place::Text(id), &response);
}

/// Where the field's sentences repeat last year's report (byte ranges in its text).
fn repeated_ranges(
    analysis: &crate::analysis::Analysis,
    id: TextId,
) -> Vec<std::ops::Range<usize>> {
    analysis
        .repetition
        .as_ref()
        .and_then(|r| r.of_field(id))
        .map(|f| f.ranges.clone())
        .unwrap_or_default()
}

/// The text laid out with the `marked` ranges on a tinted ground (ranges that no longer fit
/// the text, while the analysis catches up with typing, are left out).
fn marked_job(
    ui: &Ui,
    text: &str,
    marked: &[std::ops::Range<usize>],
    current: Option<&std::ops::Range<usize>>,
) -> egui::text::LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let plain = egui::TextFormat::simple(font, color);
    let tinted = egui::TextFormat {
        background: ui.visuals().selection.bg_fill.gamma_multiply(0.35),
        ..plain.clone()
    };
    let strong = egui::TextFormat {
        background: ui.visuals().selection.bg_fill,
        ..plain.clone()
    };
    let mut job = egui::text::LayoutJob::default();
    let mut at = 0;
    for r in marked {
        if r.start < at || text.get(r.clone()).is_none() {
            continue;
        }
        job.append(&text[at..r.start], 0.0, plain.clone());
        let format = if current == Some(r) { &strong } else { &tinted };
        job.append(&text[r.clone()], 0.0, format.clone());
        at = r.end;
    }
    job.append(&text[at..], 0.0, plain);
    job
}

#[cfg(test)]
mod tests {
    #[test]
    fn weekdays_are_counted_from_monday() {
        assert_eq!(super::weekday_monday0(2026, 1, 1), 3, "a Thursday");
        assert_eq!(super::weekday_monday0(2026, 12, 2), 2, "a Wednesday");
        assert_eq!(super::weekday_monday0(2024, 2, 29), 3, "a Thursday");
    }
}
