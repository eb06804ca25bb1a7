//! 汇总: the units behind a summed draft — the scope, each unit's values, what made the sum
//! unsafe — kept in the parent draft.

use std::collections::BTreeMap;

use crate::model::CellValue;

/// Whose report the sum is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// 本级: the office's own level (its departments).
    #[default]
    OwnLevel,
    /// 本行政区域: the whole region (departments, 乡镇, 街道).
    Region,
}

impl Scope {
    /// 本级 / 本行政区域.
    pub fn label(self) -> &'static str {
        match self {
            Scope::OwnLevel => "本级",
            Scope::Region => "本行政区域",
        }
    }

    /// Parses [`Scope::label`].
    pub fn parse(s: &str) -> Option<Scope> {
        [Scope::OwnLevel, Scope::Region]
            .into_iter()
            .find(|k| k.label() == s.trim())
    }
}

/// One unit's contribution, as kept in the parent draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SumUnit {
    pub organ: String,
    /// The file it was read from (its name only).
    pub file: String,
    /// Its values of the summed cells (blank cells left out).
    pub cells: BTreeMap<usize, CellValue>,
}

/// How a parent draft was summed: the units and what made the sum unsafe.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SumRecord {
    pub scope: Scope,
    pub units: Vec<SumUnit>,
    /// Why the sum may be wrong, found when it was made (Chinese, one sentence each).
    pub warnings: Vec<String>,
}

/// Adds one value to a running sum; None when a value cannot be added (reported).
fn add(total: &CellValue, v: &CellValue) -> Option<CellValue> {
    Some(match (total, v) {
        (t, CellValue::Blank) => t.clone(),
        (CellValue::Blank, v @ (CellValue::Count(_) | CellValue::Amount(_))) => v.clone(),
        (CellValue::Count(a), CellValue::Count(b)) => CellValue::Count(a.checked_add(*b)?),
        (CellValue::Amount(a), CellValue::Amount(b)) => CellValue::Amount(a.checked_add(b)?),
        _ => return None,
    })
}

/// The sum of the units' values of one cell.
pub fn sum_of(units: &[SumUnit], cell: usize) -> CellValue {
    units
        .iter()
        .filter_map(|u| u.cells.get(&cell))
        .fold(CellValue::Blank, |t, v| add(&t, v).unwrap_or(t))
}

/// What each unit contributed to a cell, for the editor's tooltip: `(organ, value)`.
pub fn contributions(record: &SumRecord, cell: usize) -> Vec<(&str, &CellValue)> {
    record
        .units
        .iter()
        .filter_map(|u| u.cells.get(&cell).map(|v| (u.organ.as_str(), v)))
        .collect()
}
