//! What changed between two versions of a report: meta data, cells (`t3.r1.np: 8 → 9`),
//! texts by sentence, and the findings that appeared or were resolved. For a reviewer who
//! gets a draft back, and for other tools (`--json`).

use std::collections::BTreeSet;

use crate::analysis::{Context, analyze};
use crate::draft::Draft;
use crate::finding::Finding;
use crate::model::Report;
use crate::template::{TEMPLATE, TEXTS};
use crate::textscan::sentences;

/// A changed text field: the sentences taken out and put in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextChange {
    /// Stable key (`s1_1`) and the name shown (`（一）主动公开`).
    pub key: &'static str,
    pub name: &'static str,
    pub removed: Vec<String>,
    pub added: Vec<String>,
}

/// Everything that differs between two versions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diff {
    /// (field name, old, new).
    pub meta: Vec<(&'static str, String, String)>,
    /// (cell id, old, new); a blank cell shows as empty.
    pub cells: Vec<(String, String, String)>,
    pub texts: Vec<TextChange>,
    pub new_findings: Vec<Finding>,
    pub resolved_findings: Vec<Finding>,
}

impl Diff {
    /// True when the two versions say the same.
    pub fn is_empty(&self) -> bool {
        self.meta.is_empty()
            && self.cells.is_empty()
            && self.texts.is_empty()
            && self.new_findings.is_empty()
            && self.resolved_findings.is_empty()
    }
}

fn meta_fields(r: &Report) -> [(&'static str, String); 5] {
    let m = &r.meta;
    [
        ("机关全称", m.organ.clone()),
        ("机关类型", m.organ_kind.label().to_string()),
        (
            "统计年度",
            m.year.map(|y| y.to_string()).unwrap_or_default(),
        ),
        (
            "发布日期",
            m.published.map(|d| d.chinese()).unwrap_or_default(),
        ),
        ("落款", m.signature.clone()),
    ]
}

/// The identity of a finding across versions: its rule and its places (its numbers may
/// change while the problem stays the same).
fn key(f: &Finding) -> (String, Vec<String>) {
    let mut places: Vec<String> = f.places.iter().map(|p| p.id().to_string()).collect();
    places.sort();
    (f.rule.id().to_string(), places)
}

/// The changes from `old` to `new` (each with the findings of its import, if imported).
pub fn diff(old: &Draft, old_import: &[Finding], new: &Draft, new_import: &[Finding]) -> Diff {
    let mut d = diff_content(&old.report, &new.report);
    let findings = |draft: &Draft, import: &[Finding]| {
        analyze(
            draft,
            &Context {
                import_findings: import,
                ..Context::default()
            },
        )
        .findings
    };
    let (fa, fb) = (findings(old, old_import), findings(new, new_import));
    let ka: BTreeSet<_> = fa.iter().map(key).collect();
    let kb: BTreeSet<_> = fb.iter().map(key).collect();
    d.new_findings = fb.into_iter().filter(|f| !ka.contains(&key(f))).collect();
    d.resolved_findings = fa.into_iter().filter(|f| !kb.contains(&key(f))).collect();
    d
}

/// What differs in the reports themselves (基本信息, cells, texts), without the findings.
pub fn diff_content(a: &Report, b: &Report) -> Diff {
    let mut d = Diff::default();
    for ((name, x), (_, y)) in meta_fields(a).into_iter().zip(meta_fields(b)) {
        if x != y {
            d.meta.push((name, x, y));
        }
    }
    for (i, spec) in TEMPLATE.cells.iter().enumerate() {
        let (x, y) = (a.cell(i), b.cell(i));
        if x != y {
            d.cells.push((spec.id.clone(), x.display(), y.display()));
        }
    }
    for spec in TEXTS.iter() {
        let (x, y) = (a.text(spec.id), b.text(spec.id));
        if x == y {
            continue;
        }
        let before: Vec<&str> = x.map(|t| sentences(t).collect()).unwrap_or_default();
        let after: Vec<&str> = y.map(|t| sentences(t).collect()).unwrap_or_default();
        let removed: Vec<String> = before
            .iter()
            .filter(|s| !after.contains(s))
            .map(|s| s.to_string())
            .collect();
        let added: Vec<String> = after
            .iter()
            .filter(|s| !before.contains(s))
            .map(|s| s.to_string())
            .collect();
        // A change of spacing or punctuation only still counts, with no sentence to show.
        d.texts.push(TextChange {
            key: spec.key,
            name: spec.heading.unwrap_or(spec.name),
            removed,
            added,
        });
    }
    d
}

/// The changes as text for a terminal.
pub fn to_text(d: &Diff) -> String {
    if d.is_empty() {
        return "两个版本内容相同。\n".to_string();
    }
    let mut out = String::new();
    if !d.meta.is_empty() {
        out.push_str("基本信息：\n");
        for (name, x, y) in &d.meta {
            out.push_str(&format!("  {name}：{x} → {y}\n"));
        }
    }
    if !d.cells.is_empty() {
        out.push_str(&format!("单元格（{} 个）：\n", d.cells.len()));
        for (id, x, y) in &d.cells {
            // Named as the reader knows the place (表三 一、本年新收·自然人), never by id.
            let name = TEMPLATE
                .index_of(id)
                .map_or_else(|| id.clone(), |i| crate::finding::Place::Cell(i).name());
            let show = |v: &str| {
                if v.is_empty() {
                    "空".to_string()
                } else {
                    v.to_string()
                }
            };
            out.push_str(&format!("  {name}：{} → {}\n", show(x), show(y)));
        }
    }
    if !d.texts.is_empty() {
        out.push_str("正文：\n");
        for t in &d.texts {
            out.push_str(&format!("  {}：\n", t.name));
            for s in &t.removed {
                out.push_str(&format!("    − {s}\n"));
            }
            for s in &t.added {
                out.push_str(&format!("    + {s}\n"));
            }
            if t.removed.is_empty() && t.added.is_empty() {
                out.push_str("    （仅标点或空白不同）\n");
            }
        }
    }
    for (title, list) in [
        ("新出现的问题", &d.new_findings),
        ("已解决的问题", &d.resolved_findings),
    ] {
        if !list.is_empty() {
            out.push_str(&format!("{title}：\n"));
            for f in list {
                out.push_str(&format!("  {}\n", f.to_line()));
            }
        }
    }
    out
}

/// The changes as one line of JSON.
pub fn to_json(d: &Diff) -> String {
    use serde_json::json;
    json!({
        "meta": d.meta.iter().map(|(n, x, y)| json!({"field": n, "old": x, "new": y})).collect::<Vec<_>>(),
        "cells": d.cells.iter().map(|(id, x, y)| json!({"id": id, "old": x, "new": y})).collect::<Vec<_>>(),
        "texts": d.texts.iter().map(|t| json!({"field": t.key, "removed": t.removed, "added": t.added})).collect::<Vec<_>>(),
        "new_findings": d.new_findings.iter().map(crate::export::json::finding_json).collect::<Vec<_>>(),
        "resolved_findings": d.resolved_findings.iter().map(crate::export::json::finding_json).collect::<Vec<_>>(),
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Place;
    use crate::model::{CellValue, Date, OrganKind};
    use crate::template::{TextId, t3};

    #[test]
    fn cells_sentences_meta_and_findings() {
        let mut old = Report::new("某县人民政府", OrganKind::Government, 2025);
        old.set_text(TextId::S1_1, "主动公开信息100条。加强解读。");
        old.set_cell(t3(0, 0), CellValue::Count(8));
        let mut new = old.clone();
        new.set_cell(t3(0, 0), CellValue::Count(9));
        new.set_text(TextId::S1_1, "主动公开信息120条。加强解读。");
        new.meta.published = Date::new(2026, 1, 25);
        let d = diff(&Draft::new(old.clone()), &[], &Draft::new(new), &[]);
        assert_eq!(
            d.cells,
            vec![("t3.r1.np".to_string(), "8".to_string(), "9".to_string())]
        );
        assert_eq!(d.texts.len(), 1);
        assert_eq!(d.texts[0].removed, vec!["主动公开信息100条"]);
        assert_eq!(d.texts[0].added, vec!["主动公开信息120条"]);
        assert_eq!(
            d.meta,
            vec![("发布日期", String::new(), "2026年1月25日".to_string())]
        );
        let text = to_text(&d);
        assert!(
            text.contains(&format!("{}：8 → 9", Place::Cell(t3(0, 0)).name()))
                && !text.contains("t3.r1.np"),
            "{text}"
        );
        assert!(text.contains("− 主动公开信息100条") && text.contains("+ 主动公开信息120条"));
        assert!(to_json(&d).contains("\"id\":\"t3.r1.np\""));
        assert!(diff(&Draft::new(old.clone()), &[], &Draft::new(old), &[]).is_empty());
    }
}
