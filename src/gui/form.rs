//! The form in the middle: meta data, then the report body in template order (texts and
//! tables, see [`crate::layout::BODY`]).

use egui::{Align, Color32, Response, RichText, TextEdit, Ui};

use crate::check::{MetaField, Place, Severity};
use crate::layout::{BODY, Block, grid};
use crate::model::{Date, Format, OrganKind};
use crate::template::{SECTIONS, TEXTS, TextId};

use super::app::{EditorApp, section_entry_of_key, text_name};
use super::status::severity_color;
use super::strings as s;

/// Widest the form grows, so lines stay readable on large screens.
const MAX_FORM_WIDTH: f32 = 1100.0;

/// Background tint of a field with findings.
pub fn tint(sev: Option<Severity>, dark: bool) -> Option<Color32> {
    let sev = sev?;
    Some(match (sev, dark) {
        (Severity::Error, false) => Color32::from_rgb(255, 222, 220),
        (Severity::Error, true) => Color32::from_rgb(110, 35, 35),
        (Severity::Warning, false) => Color32::from_rgb(255, 238, 200),
        (Severity::Warning, true) => Color32::from_rgb(100, 75, 20),
        (Severity::Info, _) => return None,
    })
}

pub fn show(app: &mut EditorApp, ui: &mut Ui) {
    if let Some(Place::Section(key)) = app.edit.focus_place {
        app.edit.focus_place = None;
        app.edit.scroll_to = Some(section_entry_of_key(key));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let width = ui.available_width().min(MAX_FORM_WIDTH);
                ui.set_max_width(width);
                ui.add_space(4.0);
                ui.vertical_centered(|ui| {
                    ui.label(
                        RichText::new(app.doc.draft.report.title())
                            .size(22.0)
                            .strong(),
                    );
                });
                ui.add_space(6.0);
                let r = section_heading(ui, s::META_SECTION);
                scroll_if_requested(app, 0, &r);
                meta(app, ui);
                if app.doc.draft.report.format == Format::V2019 {
                    ui.colored_label(
                        severity_color(Severity::Info, ui.visuals().dark_mode),
                        s::FORMAT_2019,
                    );
                }
                for block in BODY {
                    match block {
                        Block::Heading(i) => {
                            let r = section_heading(ui, SECTIONS[i].heading);
                            scroll_if_requested(app, i + 1, &r);
                        }
                        Block::Text(id) => text_field(app, ui, id),
                        Block::Table(t) => {
                            ui.add_space(4.0);
                            super::table::show(app, ui, grid(t));
                            if t == crate::template::TableId::T3
                                && app.doc.draft.report.format == Format::V2019
                            {
                                legacy_other_handling(app, ui);
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
fn legacy_other_handling(app: &mut EditorApp, ui: &mut Ui) {
    use crate::template::{T3_COLUMNS, t3_r3_6_2019};
    ui.label(s::LEGACY_OTHER_HANDLING);
    ui.horizontal_wrapped(|ui| {
        for (c, col) in T3_COLUMNS.iter().enumerate() {
            let i = t3_r3_6_2019(c);
            let mut shown = app.doc.draft.report.cell(i).display();
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

fn scroll_if_requested(app: &mut EditorApp, entry: usize, response: &Response) {
    if app.edit.scroll_to == Some(entry) {
        app.edit.scroll_to = None;
        response.scroll_to_me(Some(Align::TOP));
    }
}

fn focus_if_requested(app: &mut EditorApp, place: Place, response: &Response) {
    if app.consume_focus_request(place) {
        response.request_focus();
        response.scroll_to_me(Some(Align::Center));
    }
}

fn meta(app: &mut EditorApp, ui: &mut Ui) {
    let dark = ui.visuals().dark_mode;
    let field_width = (ui.available_width() - 120.0).clamp(200.0, 560.0);
    egui::Grid::new("nianbao-meta")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            // 机关全称
            let label = ui.label(s::ORGAN);
            let mark = app.analysis.meta_marks.get(&MetaField::Organ).copied();
            let mut edit = TextEdit::singleline(&mut app.doc.draft.report.meta.organ)
                .id(EditorApp::meta_id(MetaField::Organ))
                .hint_text(s::ORGAN_HINT);
            if let Some(c) = tint(mark, dark) {
                edit = edit.background_color(c);
            }
            let r = ui
                .add_sized([field_width, 24.0], edit)
                .labelled_by(label.id);
            focus_if_requested(app, Place::Meta(MetaField::Organ), &r);
            ui.end_row();

            // 机关类型
            let label = ui.label(s::ORGAN_KIND);
            let kind = &mut app.doc.draft.report.meta.organ_kind;
            let r = egui::ComboBox::from_id_salt(EditorApp::meta_id(MetaField::OrganKind))
                .selected_text(kind.label())
                .show_ui(ui, |ui| {
                    for k in OrganKind::ALL {
                        ui.selectable_value(kind, k, k.label());
                    }
                })
                .response
                .labelled_by(label.id);
            focus_if_requested(app, Place::Meta(MetaField::OrganKind), &r);
            ui.end_row();

            // 统计年度
            let label = ui.label(s::YEAR);
            year_field(app, ui, label.id, dark);
            ui.end_row();

            // 发布日期
            let label = ui.label(s::PUBLISHED);
            date_field(app, ui, label.id, dark);
            ui.end_row();

            // 落款机关
            let label = ui.label(s::SIGNATURE);
            let mark = app.analysis.meta_marks.get(&MetaField::Signature).copied();
            let mut edit = TextEdit::singleline(&mut app.doc.draft.report.meta.signature)
                .id(EditorApp::meta_id(MetaField::Signature));
            if let Some(c) = tint(mark, dark) {
                edit = edit.background_color(c);
            }
            let r = ui
                .add_sized([field_width, 24.0], edit)
                .labelled_by(label.id);
            focus_if_requested(app, Place::Meta(MetaField::Signature), &r);
            ui.end_row();
        });
}

/// A year typed as text: kept while invalid, with the reason beside it.
fn year_field(app: &mut EditorApp, ui: &mut Ui, label: egui::Id, dark: bool) {
    let current = app
        .doc
        .draft
        .report
        .meta
        .year
        .map(|y| y.to_string())
        .unwrap_or_default();
    let mut text = app.edit.year_buffer.clone().unwrap_or(current);
    let invalid = parse_year(&text).is_err();
    let mark = app.analysis.meta_marks.get(&MetaField::Year).copied();
    let mark = if invalid { Some(Severity::Error) } else { mark };
    ui.horizontal(|ui| {
        let mut edit = TextEdit::singleline(&mut text).id(EditorApp::meta_id(MetaField::Year));
        if let Some(c) = tint(mark, dark) {
            edit = edit.background_color(c);
        }
        let r = ui.add_sized([90.0, 24.0], edit).labelled_by(label);
        focus_if_requested(app, Place::Meta(MetaField::Year), &r);
        if r.changed() {
            if let Ok(year) = parse_year(&text) {
                app.doc.draft.report.meta.year = year;
            }
            app.edit.year_buffer = Some(text.clone());
        }
        if let Err(reason) = parse_year(&text) {
            ui.colored_label(
                severity_color(Severity::Error, dark),
                format!("“{}”{}：{reason}", text.trim(), s::REFUSED),
            );
        } else if !r.has_focus() {
            app.edit.year_buffer = None;
        }
    });
}

fn parse_year(text: &str) -> Result<Option<u16>, &'static str> {
    let t = crate::model::normalize_digits(text.trim());
    let t = t.strip_suffix('年').unwrap_or(&t).trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u16>() {
        Ok(y) if (2008..=2100).contains(&y) => Ok(Some(y)),
        Ok(_) => Err("年度应在2008至2100之间"),
        Err(_) => Err("年度只能是四位数字，如2025"),
    }
}

/// The publication date typed as text (`2026年1月20日` or `2026-01-20`).
fn date_field(app: &mut EditorApp, ui: &mut Ui, label: egui::Id, dark: bool) {
    let current = app
        .doc
        .draft
        .report
        .meta
        .published
        .map(|d| d.chinese())
        .unwrap_or_default();
    let mut text = app.edit.date_buffer.clone().unwrap_or(current);
    let parsed = parse_date(&text);
    let mark = app.analysis.meta_marks.get(&MetaField::Published).copied();
    let mark = if parsed.is_err() {
        Some(Severity::Error)
    } else {
        mark
    };
    ui.horizontal(|ui| {
        let mut edit = TextEdit::singleline(&mut text)
            .id(EditorApp::meta_id(MetaField::Published))
            .hint_text(s::PUBLISHED_HINT);
        if let Some(c) = tint(mark, dark) {
            edit = edit.background_color(c);
        }
        let r = ui.add_sized([180.0, 24.0], edit).labelled_by(label);
        focus_if_requested(app, Place::Meta(MetaField::Published), &r);
        if r.changed() {
            if let Ok(date) = parse_date(&text) {
                app.doc.draft.report.meta.published = date;
            }
            app.edit.date_buffer = Some(text.clone());
        }
        if parse_date(&text).is_err() {
            ui.colored_label(
                severity_color(Severity::Error, dark),
                format!(
                    "“{}”{}：日期格式应如 2026年1月20日",
                    text.trim(),
                    s::REFUSED
                ),
            );
        } else if !r.has_focus() {
            app.edit.date_buffer = None;
        }
    });
}

fn parse_date(text: &str) -> Result<Option<Date>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Date::parse(text).map(Some).ok_or(())
}

fn text_field(app: &mut EditorApp, ui: &mut Ui, id: TextId) {
    let dark = ui.visuals().dark_mode;
    let spec = &TEXTS[id.index()];
    let heading_text = match id {
        TextId::Intro => format!("{}（可选）", spec.name),
        TextId::S1 => format!("{}（可选）", spec.name),
        _ => text_name(id).to_string(),
    };
    // S5 and S6 carry their section's heading.
    let has_section_heading = matches!(id, TextId::S5 | TextId::S6);
    let label = if has_section_heading {
        let r = section_heading(ui, &heading_text);
        let entry = crate::layout::section_of_text(id).map_or(0, |s| s + 1);
        scroll_if_requested(app, entry, &r);
        r
    } else if spec.heading.is_some() {
        ui.add_space(4.0);
        ui.label(RichText::new(heading_text).size(16.0))
    } else {
        ui.label(RichText::new(heading_text).weak())
    };
    let mark = app.analysis.text_marks.get(&id).copied();
    let absent = app.doc.draft.report.text(id).is_none();
    if absent {
        ui.colored_label(severity_color(Severity::Warning, dark), s::SECTION_ABSENT);
    }
    let mut scratch = String::new();
    let changed;
    let response = {
        let target: &mut String = if absent {
            &mut scratch
        } else {
            app.doc.draft.report.text_mut(id)
        };
        let mut edit = TextEdit::multiline(target)
            .id(EditorApp::text_id(id))
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .hint_text(s::TEXT_HINT);
        if let Some(c) = tint(mark, dark) {
            edit = edit.background_color(c);
        }
        let r = ui.add(edit).labelled_by(label.id);
        changed = r.changed();
        r
    };
    if absent && changed {
        app.doc.draft.report.set_text(id, scratch);
    }
    if mark.is_some() && response.hovered() {
        let messages: Vec<String> = app
            .analysis
            .findings
            .iter()
            .filter(|f| f.places.contains(&Place::Text(id)))
            .map(|f| f.to_line())
            .collect();
        response.clone().on_hover_text(messages.join("\n"));
    }
    focus_if_requested(app, Place::Text(id), &response);
}
