//! The findings panel: every finding of the import and the checks, errors first, then
//! warnings, then hints; the blank-cell warnings (S7) of a table folded into one line that
//! opens. A click focuses the place. A new document starts at the top of the list.

use egui::{CollapsingHeader, RichText, Ui};

use crate::analysis::Analysis;
use crate::review::{Explained, Explanation, Note};

use crate::finding::{Finding, Place, Rule, Severity, Source};
use crate::gui::commands::Command;
use crate::gui::commands::modal::Modal;
use crate::gui::common::strings as s;
use crate::gui::common::theme::severity_color;
use crate::gui::edit::commands::EditCommand;
use crate::gui::edit::state::EditState;
use crate::gui::review::commands::ReviewCommand;
use crate::gui::review::state::Compare;
use crate::release::ZeroFill;
use crate::template::{Part, TEMPLATE, TableId};

/// The table a blank-cell finding is about.
fn table_of(f: &Finding) -> Option<TableId> {
    f.places.iter().find_map(|p| match p {
        Place::Cell(i) => Some(TEMPLATE.cells[*i].table),
        _ => None,
    })
}

/// What differs from the version compared with: cells and texts, a click goes there.
fn changes(ui: &mut Ui, c: &Compare, clicked: &mut Option<Place>) {
    let d = &c.diff;
    let n = d.meta.len() + d.cells.len() + d.texts.len();
    let title = RichText::new(format!("{} {n} 处（与 {} 比较）", s::CHANGES, c.label))
        .color(crate::gui::common::theme::change_color());
    CollapsingHeader::new(title)
        .id_salt("nianbao-changes")
        .default_open(true)
        .show(ui, |ui| {
            if n == 0 {
                ui.label(s::CHANGES_NONE);
            }
            for (name, old, new) in &d.meta {
                ui.label(format!("{name}：{old} → {new}"));
            }
            for (id, old, new) in &d.cells {
                let Some(i) = TEMPLATE.index_of(id) else {
                    continue;
                };
                let show = |v: &str| {
                    if v.is_empty() {
                        "空".to_string()
                    } else {
                        v.to_string()
                    }
                };
                let text = format!(
                    "{}：{} → {}",
                    crate::gui::form::state::cell_name(i),
                    show(old),
                    show(new)
                );
                if ui
                    .add(egui::Button::new(text).frame(false).wrap())
                    .clicked()
                {
                    *clicked = Some(Place::Cell(i));
                }
            }
            for t in &d.texts {
                let mut text = format!("{}：", t.name);
                for r in &t.removed {
                    text.push_str(&format!("\n  − {r}"));
                }
                for a in &t.added {
                    text.push_str(&format!("\n  + {a}"));
                }
                if ui
                    .add(egui::Button::new(text).frame(false).wrap())
                    .clicked()
                {
                    *clicked = crate::template::TextId::from_key(t.key).map(Place::Text);
                }
            }
        });
}

/// The reviewer's notes, open first: a tick marks one resolved, a click goes to its place.
fn notes(ui: &mut Ui, notes: &[Note], clicked: &mut Option<Place>, commands: &mut Vec<Command>) {
    if notes.is_empty() {
        return;
    }
    let open = notes.iter().filter(|n| !n.resolved).count();
    let title = RichText::new(format!("{} {} 条（未处理 {open}）", s::NOTES, notes.len()))
        .color(crate::gui::common::theme::note_color());
    CollapsingHeader::new(title)
        .id_salt("nianbao-notes")
        .default_open(true)
        .show(ui, |ui| {
            let mut order: Vec<usize> = (0..notes.len()).collect();
            order.sort_by_key(|&k| notes[k].resolved);
            for k in order {
                let n = &notes[k];
                ui.horizontal_wrapped(|ui| {
                    let mut resolved = n.resolved;
                    if ui.checkbox(&mut resolved, s::NOTE_RESOLVED).changed() {
                        commands.push(ReviewCommand::SetNoteResolved(k, resolved).into());
                    }
                    let text = format!(
                        "{}：{}（{} {}）",
                        crate::gui::form::state::place_name(n.place),
                        n.text,
                        n.author,
                        n.at
                    );
                    let color = if n.resolved {
                        ui.visuals().weak_text_color()
                    } else {
                        crate::gui::common::theme::note_color()
                    };
                    if place_link(ui, text, color) {
                        *clicked = Some(n.place);
                    }
                });
            }
        });
}

/// What the panel shows of the review: the draft's 说明 and the name to sign new ones with.
pub struct ReviewView<'a> {
    pub explanations: &'a [Explanation],
    pub notes: &'a [Note],
    /// The version compared with, if any.
    pub compare: Option<&'a Compare>,
    /// A resubmission at the desk: what it was returned with.
    pub returned: Option<&'a crate::desk::Resubmission>,
    /// What the find bar looks for: the findings that hold it are marked.
    pub find: Option<&'a str>,
    pub reviewer: &'a str,
}

pub fn show(
    ui: &mut Ui,
    analysis: &Analysis,
    review: ReviewView,
    generation: u64,
    edit: &mut EditState,
    commands: &mut Vec<Command>,
) {
    egui::Panel::bottom("nianbao-findings")
        .resizable(true)
        .show_separator_line(true)
        .default_size(170.0)
        .min_size(60.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong(s::FINDINGS);
                ui.label(crate::gui::form::status::tally_text(analysis));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    // The panel's top edge is its resize handle: say so where it is.
                    ui.weak(s::RESIZE_HINT)
                        .on_hover_cursor(egui::CursorIcon::ResizeVertical);
                });
            });
            ui.separator();
            let dark = ui.visuals().dark_mode;
            let mut picked = Picked::default();
            egui::ScrollArea::vertical()
                .id_salt(("nianbao-findings-list", generation))
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if let Some(r) = review.returned {
                        returned(ui, r, analysis, dark);
                    }
                    if let Some(c) = review.compare {
                        changes(ui, c, &mut picked.clicked);
                    }
                    notes(ui, review.notes, &mut picked.clicked, commands);
                    finding_list(
                        ui,
                        analysis,
                        review.explanations,
                        (dark, review.find),
                        &mut picked,
                    );
                });
            let Picked {
                clicked,
                explain,
                help,
                zeros,
            } = picked;
            if let Some(within) = zeros {
                commands.push(EditCommand::FillZeros(within).into());
            }
            if let Some(rule) = help {
                commands.push(Command::modal(Modal::RuleHelp(rule)));
            }
            if let Some(place) = clicked {
                edit.focus(place);
            }
            if let Some(finding) = explain {
                commands.push(Command::modal(Modal::Explain {
                    finding: Box::new(finding),
                    text: String::new(),
                    author: review.reviewer.to_string(),
                }));
            }
        });
}

/// The findings a resubmission was returned with, each resolved or still there (weighed
/// against the report as it is now).
fn returned(ui: &mut Ui, r: &crate::desk::Resubmission, analysis: &Analysis, dark: bool) {
    let findings = crate::desk::returned_findings(&r.record, analysis);
    let done = findings.iter().filter(|f| f.resolved).count();
    CollapsingHeader::new(RichText::new(format!(
        "{}（{} {}）：已解决 {done}/{}",
        s::RETURNED_HEADING,
        r.by,
        r.at,
        findings.len()
    )))
    .id_salt("nianbao-returned")
    .default_open(true)
    .show(ui, |ui| {
        for f in &findings {
            let (mark, color) = if f.resolved {
                (s::RETURNED_RESOLVED, ui.visuals().weak_text_color())
            } else {
                (s::RETURNED_OPEN, severity_color(Severity::Error, dark))
            };
            ui.label(RichText::new(format!("{mark}  {}", f.line)).color(color));
        }
    });
    ui.separator();
}

/// What the clerk picked in the list this frame: a place to go to, a finding to explain.
#[derive(Default)]
struct Picked {
    clicked: Option<Place>,
    explain: Option<Finding>,
    /// 这条规则是什么 on a finding.
    help: Option<Rule>,
    /// 填0 on a blank-cell finding, or on a table's.
    zeros: Option<ZeroFill>,
}

/// An item of the findings panel: one finding, or findings folded into one thing to do.
pub enum Item<'a> {
    One(&'a Finding),
    /// The blank cells (S7) of one table, of one severity.
    Blanks(TableId, Vec<&'a Finding>),
    /// Text still last year's, of one part of the report (`None`: the whole report).
    Copied(Option<Part>, Vec<&'a Finding>),
}

/// The panel's items, errors first: blank cells folded per table, the findings that say a
/// part is still last year's text folded per part, so that each item is one thing to do.
pub fn items(findings: &[Finding]) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let of = |f: &&Finding| f.severity == severity;
        for f in findings.iter().filter(of) {
            if f.rule != Rule::S7 && !(severity != Severity::Error && f.copied_from_last_year()) {
                out.push(Item::One(f));
            }
        }
        for table in [TableId::T2, TableId::T3, TableId::T4] {
            let group: Vec<&Finding> = findings
                .iter()
                .filter(of)
                .filter(|f| f.rule == Rule::S7 && table_of(f) == Some(table))
                .collect();
            match group.as_slice() {
                [] => {}
                [one] => out.push(Item::One(one)),
                _ => out.push(Item::Blanks(table, group)),
            }
        }
        if severity == Severity::Error {
            continue;
        }
        let copied: Vec<&Finding> = findings
            .iter()
            .filter(of)
            .filter(|f| f.copied_from_last_year())
            .collect();
        let parts = std::iter::once(None).chain(Part::ALL.into_iter().map(Some));
        for part in parts {
            let group: Vec<&Finding> = copied
                .iter()
                .copied()
                .filter(|f| f.places.first().map(Place::part) == part)
                .collect();
            if !group.is_empty() {
                out.push(Item::Copied(part, group));
            }
        }
    }
    out
}

/// The findings as [`items`], each drawn.
fn finding_list(
    ui: &mut Ui,
    analysis: &Analysis,
    explanations: &[crate::review::Explanation],
    (dark, find): (bool, Option<&str>),
    picked: &mut Picked,
) {
    let findings = &analysis.findings;
    if findings.is_empty() {
        ui.label(s::NO_FINDINGS);
    }
    let line = |ui: &mut Ui, f: &Finding, picked: &mut Picked| {
        finding_line(ui, f, analysis, explanations, (dark, find), picked);
    };
    for item in items(findings) {
        match item {
            Item::One(f) => line(ui, f, picked),
            Item::Blanks(table, many) => {
                let severity = many[0].severity;
                let cells: usize = many.iter().map(|f| f.places.len()).sum();
                let title = RichText::new(format!(
                    "［{}］S7 {}有 {} 处未填写（{} 个空白单元格）",
                    severity.label(),
                    table.name(),
                    many.len(),
                    cells
                ))
                .color(severity_color(severity, dark));
                CollapsingHeader::new(title)
                    .id_salt(("nianbao-s7", table.name()))
                    .show(ui, |ui| {
                        let all = s::fill(s::ZEROS_TABLE_BUTTON, table.name());
                        if ui.small_button(all).clicked() {
                            picked.zeros = Some(ZeroFill::Table(table));
                        }
                        for f in many {
                            line(ui, f, picked);
                        }
                    });
            }
            Item::Copied(part, many) => {
                let title = RichText::new(copied_title(part, &many, analysis))
                    .color(severity_color(many[0].severity, dark));
                let id = part.map_or("全文", crate::gui::form::outline::entry_label);
                CollapsingHeader::new(title)
                    .id_salt(("nianbao-copied", id))
                    .show(ui, |ui| {
                        for f in many {
                            line(ui, f, picked);
                        }
                    });
            }
        }
    }
}

/// "（一）主动公开：与上年相同，尚未修改 — 3 段以2024年开头，相似度100%".
fn copied_title(part: Option<Part>, many: &[&Finding], analysis: &Analysis) -> String {
    let name = match part {
        None => s::COPIED_WHOLE,
        Some(Part::Basics) => s::COPIED_INTRO,
        Some(p) => crate::gui::form::outline::entry_label(p),
    };
    let mut details = Vec::new();
    let opening = many.iter().filter(|f| f.rule == Rule::H11).count();
    if opening > 0 {
        details.push(s::fill(s::COPIED_OPENING, opening));
    }
    let share = analysis.repetition.as_ref().and_then(|r| match part {
        Some(p) => r.of_part(p),
        None => r.overall(),
    });
    if let Some(share) = share {
        details.push(format!("{}{}", s::COPIED_SHARE, share.text()));
    }
    format!(
        "［{}］{name}：{} — {}",
        many[0].severity.label(),
        s::COPIED_TITLE,
        details.join("，")
    )
}

/// The buttons beside finding number `k` (from 1): 这条规则是什么, 填0 on blank cells, 说明…
/// on a warning or a note not explained yet.
fn finding_buttons(ui: &mut Ui, f: &Finding, k: usize, explained_now: bool, picked: &mut Picked) {
    // 这条规则是什么: the rule's text (what it checks, the source, an example).
    let name = s::fill(s::RULE_HELP_BUTTON_NAME, k).replacen("{}", f.rule.id(), 1);
    let help = ui
        .small_button(s::RULE_HELP_BUTTON)
        .on_hover_text(s::RULE_HELP_HOVER);
    help.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if help.clicked() {
        picked.help = Some(f.rule);
    }
    // Blank cells: 填0 fills them (one undo step).
    if f.rule == Rule::S7 {
        let b = ui
            .small_button(s::ZEROS_BUTTON)
            .on_hover_text(s::ZEROS_HOVER);
        if b.clicked() {
            let cells = f.places.iter().filter_map(|p| match p {
                Place::Cell(i) => Some(*i),
                _ => None,
            });
            picked.zeros = Some(ZeroFill::Cells(cells.collect()));
        }
    }
    if f.severity != Severity::Error && !explained_now {
        let name = s::fill(s::EXPLAIN_BUTTON_NAME, k).replacen("{}", f.rule.id(), 1);
        let b = ui.small_button(s::EXPLAIN_BUTTON);
        b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        if b.clicked() {
            picked.explain = Some(f.clone());
        }
    }
}

/// One finding: its line (a link to its place), 说明… for a warning or a note, and the
/// 说明 that covers it, if any.
fn finding_line(
    ui: &mut Ui,
    f: &Finding,
    analysis: &Analysis,
    explanations: &[crate::review::Explanation],
    (dark, find): (bool, Option<&str>),
    picked: &mut Picked,
) {
    let index = analysis.findings.iter().position(|x| std::ptr::eq(x, f));
    let state = index.and_then(|k| analysis.explained.get(k).cloned().flatten());
    let source = if f.source == Source::Import {
        format!("{} ", s::IMPORT_SOURCE)
    } else {
        String::new()
    };
    let explained_now = matches!(state, Some(Explained::Current(_)));
    let text = format!(
        "{}［{}］{} {}",
        source,
        if explained_now {
            s::EXPLAINED
        } else {
            f.severity.label()
        },
        f.rule.id(),
        f.message
    );
    let color = if explained_now {
        ui.visuals().weak_text_color()
    } else {
        severity_color(f.severity, dark)
    };
    // A finding that holds what the find bar looks for is marked.
    let marked = find.is_some_and(|q| f.message.contains(q) || f.rule.id() == q);
    ui.horizontal_wrapped(|ui| {
        let link = if marked {
            let mut text = RichText::new(text).color(color);
            text = text.background_color(ui.visuals().selection.bg_fill.gamma_multiply(0.35));
            ui.add(egui::Button::new(text).frame(false).wrap())
                .clicked()
        } else {
            place_link(ui, text, color)
        };
        if link {
            picked.clicked = f.places.first().copied();
        }
        let k = index.map_or(0, |k| k + 1);
        finding_buttons(ui, f, k, explained_now, picked);
    });
    let shown = match state {
        Some(Explained::Current(k)) => Some((k, s::EXPLAINED)),
        Some(Explained::Stale(k)) => Some((k, s::EXPLANATION_STALE)),
        None => None,
    };
    if let Some((k, label)) = shown
        && let Some(e) = explanations.get(k)
    {
        // A 说明 of an older draft says for which finding it was written only by its rule
        // and places: when it covers several, say so.
        let n = crate::review::covered(e, &analysis.findings).count();
        let scope = if n > 1 {
            s::fill(s::EXPLANATION_COVERS, n)
        } else {
            String::new()
        };
        ui.label(
            RichText::new(format!(
                "    {label}（{} {}）{scope}：{}",
                e.author, e.at, e.text
            ))
            .small()
            .color(ui.visuals().weak_text_color()),
        );
    }
}

/// A line of the list that goes to its place when clicked: frameless, wrapped, in `color`.
fn place_link(ui: &mut egui::Ui, text: String, color: egui::Color32) -> bool {
    ui.add(
        egui::Button::new(RichText::new(text).color(color))
            .frame(false)
            .wrap(),
    )
    .clicked()
}
