//! The report as JSON for other systems: `{"format", "meta", "sections", "cells"}` with every
//! cell id of the spec present (`null` for blank), counts as numbers, 收费金额 as a decimal
//! string with four places, and invalid cell text as the string it was.

use serde_json::{Map, Value, json};

use crate::finding::Finding;
use crate::model::{CellValue, Report};
use crate::template::{TEMPLATE, TEXTS};

/// The JSON value of a report.
pub fn report_json(report: &Report) -> Value {
    let sections: Map<String, Value> = TEXTS
        .iter()
        .map(|t| {
            (
                t.key.to_string(),
                report
                    .text(t.id)
                    .map_or(Value::Null, |s| Value::String(s.to_string())),
            )
        })
        .collect();
    let cells: Map<String, Value> = TEMPLATE
        .cells
        .iter()
        .zip(report.cells())
        .filter(|(spec, v)| !spec.legacy_2019 || !v.is_blank())
        .map(|(spec, v)| {
            let value = match v {
                CellValue::Blank => Value::Null,
                CellValue::Count(n) => json!(n),
                CellValue::Amount(a) => Value::String(a.with_four_decimals()),
                CellValue::Invalid(raw) => Value::String(raw.clone()),
            };
            (spec.id.clone(), value)
        })
        .collect();
    json!({
        "format": report.format.key(),
        "meta": {
            "organ": report.meta.organ,
            "organ_kind": report.meta.organ_kind.label(),
            "year": report.meta.year,
            "published": report.meta.published.map(|d| d.iso()),
            "signature": report.meta.signature,
            "title": report.title(),
        },
        "sections": sections,
        "cells": cells,
    })
}

/// Pretty JSON text of a report, ending in a newline.
pub fn export_json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(&report_json(report)).unwrap_or_default();
    s.push('\n');
    s
}

/// A finding as JSON: `{"rule", "severity", "cells", "message"}`.
/// Cell ids of a set of cell indices, in template order.
/// How the import read each cell that is still as read, by how (`表格单元格`, …): each
/// description with its cell ids.
pub fn read_as(draft: &crate::draft::Draft) -> serde_json::Value {
    use crate::import::Provenance;
    let mut out = serde_json::Map::new();
    for how in [
        Provenance::Grid,
        Provenance::Derived,
        Provenance::Uncertain,
        Provenance::Ocr,
        Provenance::Confirmed,
    ] {
        let cells = draft.marked_cells(how);
        if !cells.is_empty() {
            out.insert(how.label().into(), serde_json::json!(cell_ids(&cells)));
        }
    }
    serde_json::Value::Object(out)
}

pub fn cell_ids(cells: &std::collections::BTreeSet<usize>) -> Vec<&'static str> {
    cells
        .iter()
        .map(|i| crate::template::TEMPLATE.cells[*i].id.as_str())
        .collect()
}

pub fn finding_json(f: &Finding) -> Value {
    json!({
        "rule": f.rule.id(),
        "severity": f.severity.key(),
        "cells": f.places.iter().map(|p| p.id().to_string()).collect::<Vec<_>>(),
        "message": f.message,
    })
}
