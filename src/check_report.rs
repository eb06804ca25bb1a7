//! What `nianbao check` prints for one report, as text for a terminal and as one line of
//! JSON, built in the core beside `diff::to_text`/`to_json` so the CLI only prints it (and the
//! editor could save it). Places are named in Chinese in the text; the JSON keeps the ids.

use serde_json::{Value, json};

use crate::analysis::Analysis;
use crate::draft::Draft;
use crate::export::json::{cell_ids, finding_json, read_as};
use crate::finding::Finding;
use crate::import::Provenance;
use crate::repetition::{Repetition, Share};
use crate::review::Explanation;
use crate::template::Part;

/// The check of one report as text: the file and title (with its sign-off state), the
/// findings that count, the 说明 (current and stale), the open 批注, the counts.
pub fn to_text(file: &str, draft: &Draft, analysis: &Analysis) -> String {
    let review = &draft.review;
    let state_text = match review.state(&draft.report) {
        Some((s, modified)) => format!(
            "（{}：{} {}）",
            if modified {
                s.stage.modified_label()
            } else {
                s.stage.label()
            },
            s.name,
            s.at
        ),
        None => String::new(),
    };
    let mut out = format!("{file}：{}{state_text}\n", draft.report.title());
    for f in analysis.counted() {
        out.push_str(&format!("  {}\n", f.to_line()));
    }
    let explained: Vec<_> = analysis.explained_findings(&review.explanations).collect();
    for (stale, heading, was) in [
        (false, "已说明（不计入）：", "说明"),
        (true, "说明已过期（所涉数值已改，问题重新计入）：", "原说明"),
    ] {
        let list: Vec<_> = explained.iter().filter(|x| x.2 == stale).collect();
        if !list.is_empty() {
            out.push_str(&format!("  {heading}\n"));
            for (f, e, _) in list {
                out.push_str(&format!(
                    "    {}——{was}（{} {}）：{}\n",
                    f.to_line(),
                    e.author,
                    e.at,
                    e.text
                ));
            }
        }
    }
    let open: Vec<_> = review.notes.iter().filter(|n| !n.resolved).collect();
    if !open.is_empty() {
        out.push_str(&format!("  批注（未处理 {}）：\n", open.len()));
        for n in open {
            out.push_str(&format!(
                "    {}：{}（{} {}）\n",
                n.place.name(),
                n.text,
                n.author,
                n.at
            ));
        }
    }
    let (scanned, unconfirmed) = draft.scan_counts();
    if scanned > 0 || !draft.ocr_texts.is_empty() {
        out.push_str(&format!(
            "  扫描件文字识别（OCR）：共 {scanned} 个单元格，尚未核对 {unconfirmed} 个；正文尚未核对 {} 段\n",
            draft.unconfirmed_texts().len()
        ));
    }
    if let Some(line) = analysis.repetition.as_ref().and_then(repetition_line) {
        out.push_str(&format!("  {line}\n"));
    }
    let crate::finding::Tally {
        errors,
        warnings,
        infos,
    } = analysis.tally;
    out.push_str(&format!(
        "  错误 {errors} · 警告 {warnings} · 提示 {infos}\n"
    ));
    out
}

/// `与上年重复率 62.5%（正文40句中25句与上年相同；一、总体情况 70%，五、… 30%）`.
pub fn repetition_line(r: &Repetition) -> Option<String> {
    let all = r.overall()?;
    let parts: Vec<String> = Part::ALL
        .iter()
        .filter_map(|p| Some((*p, r.of_part(*p)?)))
        .map(|(p, share)| format!("{} {}", part_name(p), share.text()))
        .collect();
    Some(format!(
        "与上年重复率 {}（正文{}句中{}句与上年相同；{}）",
        all.text(),
        all.whole,
        all.part,
        parts.join("，")
    ))
}

fn part_name(p: Part) -> &'static str {
    match p {
        Part::Basics => "导语",
        Part::Section(s) => s.spec().heading,
    }
}

fn repetition_json(r: &Repetition) -> Option<Value> {
    let all = r.overall()?;
    let share =
        |s: Share| json!({ "percent": s.percent(), "repeated": s.part, "sentences": s.whole });
    let mut v = share(all);
    v["parts"] = Part::ALL
        .iter()
        .filter_map(|p| Some((*p, r.of_part(*p)?)))
        .map(|(p, s)| {
            let mut x = share(s);
            x["part"] = json!(part_name(p));
            x
        })
        .collect();
    Some(v)
}

/// The check of one report as one JSON value (`check --json` prints one per line).
pub fn to_json(file: &str, draft: &Draft, analysis: &Analysis) -> Value {
    let review = &draft.review;
    let explained: Vec<_> = analysis.explained_findings(&review.explanations).collect();
    let explanation = |(f, e, _): &(&Finding, &Explanation, bool)| {
        let mut v = finding_json(f);
        v["explanation"] = json!({ "text": e.text, "author": e.author, "at": e.at.to_string() });
        v
    };
    json!({
        "file": file,
        "findings": analysis.counted().map(finding_json).collect::<Vec<_>>(),
        "explained": {
            "current": explained.iter().filter(|x| !x.2).map(explanation).collect::<Vec<_>>(),
            "stale": explained.iter().filter(|x| x.2).map(explanation).collect::<Vec<_>>(),
        },
        "notes": review.notes.iter().map(|n| json!({
            "place": n.place.id(), "text": n.text, "author": n.author, "at": n.at.to_string(), "resolved": n.resolved,
        })).collect::<Vec<_>>(),
        "sign_off": review.state(&draft.report).map(|(s, modified)| json!({
            "stage": s.stage.label(), "name": s.name, "at": s.at.to_string(), "modified_since": modified,
        })),
        "uncertain_cells": cell_ids(&draft.uncertain_cells()),
        "derived_cells": cell_ids(&draft.marked_cells(Provenance::Derived)),
        "grid_cells": cell_ids(&draft.marked_cells(Provenance::Grid)),
        "ocr_cells": cell_ids(&draft.marked_cells(Provenance::Ocr)),
        "ocr_confirmed_cells": cell_ids(&draft.marked_cells(Provenance::Confirmed)),
        "ocr_texts": draft.unconfirmed_texts().iter().map(|t| t.key()).collect::<Vec<_>>(),
        "read_as": read_as(draft),
        "repetition": analysis.repetition.as_ref().and_then(repetition_json),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Context, analyze};
    use crate::finding::Place;
    use crate::model::{OrganKind, Report};
    use crate::review::Note;
    use crate::template::t3;

    #[test]
    fn notes_are_named_in_chinese_in_the_text_and_by_id_in_the_json() {
        let mut d = Draft::new(Report::new("某县财政局", OrganKind::Department, 2025));
        d.review.notes.push(Note {
            place: Place::Cell(t3(0, 0)),
            text: "请核对".into(),
            author: "王五".into(),
            at: crate::model::Stamp::parse("2026-01-10 09:00").unwrap(),
            resolved: false,
        });
        let a = analyze(&d, &Context::default());
        let text = to_text("a.ron", &d, &a);
        assert!(
            text.contains(&format!("{}：请核对", Place::Cell(t3(0, 0)).name())),
            "{text}"
        );
        assert!(!text.contains("t3."), "{text}");
        assert!(text.ends_with(&format!(
            "警告 {} · 提示 {}\n",
            a.tally.warnings, a.tally.infos
        )));
        let v = to_json("a.ron", &d, &a);
        assert_eq!(v["notes"][0]["place"], "t3.r1.np");
        assert_eq!(
            v["findings"].as_array().map(Vec::len),
            Some(a.counted().count())
        );
    }
}
