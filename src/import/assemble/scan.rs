//! A scan's cells after reading: every one unconfirmed (OCR) until the reviewer confirms it,
//! and where the report's own sums (O1, S1, S2, S4) do not hold, a cell's other readings
//! tried: the one that makes the sums hold is taken, and said so.

use std::collections::{BTreeMap, BTreeSet};

use super::reader::Ctx;
use crate::finding::{Place, Rule, Severity};
use crate::import::doc::ScannedCell;
use crate::model::{CellValue, Format, Provenance};
use crate::template::TEMPLATE;

/// The most readings changed by the sums in one report: more would be guessing.
const MAX_CHOSEN: usize = 8;

/// Marks every cell of the format as read by OCR (a cell that could not be read at all
/// stays uncertain), then lets the sums choose between readings.
pub(super) fn after_reading(ctx: &mut Ctx, scanned: &BTreeMap<usize, ScannedCell>) {
    for (i, cell) in TEMPLATE.cells.iter().enumerate() {
        // The 2019 format's single （六） row is no cell of a 2021 report.
        if cell.legacy_2019 && ctx.report.format == Format::V2021 {
            continue;
        }
        let how = ctx.provenance.entry(i).or_insert(Provenance::Ocr);
        if *how != Provenance::Uncertain {
            *how = Provenance::Ocr;
        }
    }
    choose_by_sums(ctx, scanned);
}

/// While the sums do not hold: the one other reading of one cell that leaves the fewest
/// sums broken (fewer than now, and none newly broken), taken with an import warning.
fn choose_by_sums(ctx: &mut Ctx, scanned: &BTreeMap<usize, ScannedCell>) {
    let mut now = crate::check::sum_findings(&ctx.report);
    for _ in 0..MAX_CHOSEN {
        if now.is_empty() {
            return;
        }
        // The sums broken now, by their rule and cells (the message carries the numbers),
        // and the cells they name: worked out once a round.
        let broken_now = named(&now);
        let in_broken: BTreeSet<usize> = now
            .iter()
            .flat_map(|f| f.places.iter())
            .filter_map(|p| match p {
                Place::Cell(i) => Some(*i),
                _ => None,
            })
            .collect();
        let mut best: Option<(usize, CellValue, Vec<crate::finding::Finding>, usize)> = None;
        for &i in &in_broken {
            let Some(seen) = scanned.get(&i) else {
                continue;
            };
            let kind = TEMPLATE.cells[i].kind;
            let Some((read, others)) = seen.readings.split_first() else {
                continue;
            };
            // Only a cell still holding what was read.
            if ctx.report.cell(i) != &CellValue::from_source(kind, read) {
                continue;
            }
            for other in others {
                let value = CellValue::from_source(kind, other);
                let mut trial = ctx.report.clone();
                trial.set_cell(i, value.clone());
                let after = crate::check::sum_findings(&trial);
                let after_named = named(&after);
                let better = after_named.len() < broken_now.len()
                    && after_named.is_subset(&broken_now)
                    && best.as_ref().is_none_or(|b| after_named.len() < b.3);
                if better {
                    best = Some((i, value, after, after_named.len()));
                }
            }
        }
        let Some((i, value, after, _)) = best else {
            return;
        };
        let read = ctx.report.cell(i).display();
        ctx.find(
            Rule::Import,
            Severity::Warning,
            vec![Place::Cell(i)],
            format!(
                "扫描件中{}识别为“{read}”时勾稽关系不成立，已取识别的另一读法“{}”，使勾稽关系成立（请对照原件核对）",
                TEMPLATE.cells[i].short_name,
                value.display()
            ),
        );
        ctx.report.set_cell(i, value);
        now = after;
    }
}

/// Sums named by their rule and cells (a sum's message changes with its numbers).
fn named(findings: &[crate::finding::Finding]) -> BTreeSet<String> {
    findings
        .iter()
        .map(|f| format!("{:?}{:?}", f.rule, f.places))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::doc::{CellImage, Doc};
    use crate::template::t4;

    fn seen(readings: &[&str]) -> ScannedCell {
        ScannedCell {
            image: CellImage {
                width: 1,
                height: 1,
                pixels: vec![255],
            },
            confidence: 0.9,
            readings: readings.iter().map(|r| r.to_string()).collect(),
        }
    }

    /// 表四's first block (行政复议): 结果维持, 结果纠正, 其他结果, 尚未审结 and 总计.
    fn ctx_with(values: [u64; 5]) -> Ctx {
        let mut ctx = Ctx::new(&Doc::default());
        for (k, v) in values.into_iter().enumerate() {
            ctx.report.set_cell(t4(0, k), CellValue::Count(v));
        }
        ctx
    }

    #[test]
    fn the_sums_choose_the_reading_that_makes_them_hold_and_say_so() {
        // 1 + 0 + 0 + 0 ≠ 7: the first cell was also read as 7, which makes the sum hold.
        let mut ctx = ctx_with([1, 0, 0, 0, 7]);
        let scanned = BTreeMap::from([(t4(0, 0), seen(&["1", "7"])), (t4(0, 4), seen(&["7"]))]);
        after_reading(&mut ctx, &scanned);
        assert_eq!(ctx.report.cell(t4(0, 0)), &CellValue::Count(7));
        assert!(crate::check::sum_findings(&ctx.report).is_empty());
        let said: Vec<&str> = ctx.findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(
            said[0].contains("识别为“1”") && said[0].contains("“7”"),
            "{said:?}"
        );
        // Still unconfirmed: the reviewer confirms it against the paper.
        assert_eq!(ctx.provenance.get(&t4(0, 0)), Some(&Provenance::Ocr));
    }

    #[test]
    fn a_reading_that_does_not_make_the_sums_hold_is_not_taken() {
        // 1 + 0 + 0 + 0 ≠ 7 and the other reading (4) does not make it hold either: the
        // report's own error stays, as read.
        let mut ctx = ctx_with([1, 0, 0, 0, 7]);
        let scanned = BTreeMap::from([(t4(0, 0), seen(&["1", "4"]))]);
        after_reading(&mut ctx, &scanned);
        assert_eq!(ctx.report.cell(t4(0, 0)), &CellValue::Count(1));
        assert!(ctx.findings.is_empty());
        // A sum that holds is never touched, whatever else a cell could be.
        let mut ctx = ctx_with([1, 0, 0, 0, 1]);
        let scanned = BTreeMap::from([(t4(0, 0), seen(&["1", "7"]))]);
        after_reading(&mut ctx, &scanned);
        assert_eq!(ctx.report.cell(t4(0, 0)), &CellValue::Count(1));
    }
}
