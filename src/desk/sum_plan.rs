//! 汇总 at the desk, decided once for the editor and the CLI: one year at a time (the most
//! common among the approved reports unless chosen), never a summary with its own units,
//! never two reports of one organ and year; what is left out is listed with why.

use super::{Desk, DeskState};

/// What a 汇总 of the desk's approved reports takes, and what it leaves out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SumPlan {
    /// The year summed (`None`: no approved report has one).
    pub year: Option<u16>,
    /// The years among the approved reports and how many each, most common first.
    pub years: Vec<(u16, usize)>,
    /// The rows summed, in the folder's order.
    pub rows: Vec<usize>,
    /// The approved rows left out, each with why (in Chinese).
    pub left_out: Vec<(usize, String)>,
    /// How many of `rows` are summaries themselves (a city summing its counties).
    pub summaries: usize,
}

impl SumPlan {
    /// What the plan takes: `汇总2025年度 2 个单位的报告`, or of summaries, so said.
    pub fn headline(&self) -> String {
        let year = self.year.map(|y| format!("{y}年度")).unwrap_or_default();
        if self.summaries > 0 && self.summaries == self.rows.len() {
            format!(
                "汇总{year} {} 份汇总报告（汇总报告之间的再汇总）",
                self.rows.len()
            )
        } else {
            format!("汇总{year} {} 个单位的报告", self.rows.len())
        }
    }

    /// What the plan leaves out, a line each: `未计入：file，why`.
    pub fn left_out_lines(&self, desk: &Desk) -> Vec<String> {
        self.left_out
            .iter()
            .map(|(i, why)| format!("未计入：{}，{why}", desk.rows[*i].file))
            .collect()
    }

    /// The headline and what is left out, one per line.
    pub fn describe(&self, desk: &Desk) -> String {
        std::iter::once(self.headline())
            .chain(self.left_out_lines(desk))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Desk {
    /// The years among the approved reports, most common first (a tie: the later year).
    pub fn approved_years(&self) -> Vec<(u16, usize)> {
        let mut counts: std::collections::BTreeMap<u16, usize> = Default::default();
        for &i in &self.approved() {
            if let Some(y) = self.rows[i].year {
                *counts.entry(y).or_default() += 1;
            }
        }
        let mut years: Vec<(u16, usize)> = counts.into_iter().collect();
        years.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        years
    }

    /// The 汇总 of the approved reports of `year` (`None`: the most common year): reports of
    /// other years, the second report of an organ and year (重复报送), and a summary whose units
    /// are among the reports summed are left out, each said why. A desk of summaries only (a
    /// city's desk of its counties) sums them.
    pub fn sum_plan(&self, year: Option<u16>) -> SumPlan {
        let years = self.approved_years();
        let year = year.or_else(|| years.first().map(|(y, _)| *y));
        let mut plan = SumPlan {
            year,
            years,
            ..SumPlan::default()
        };
        let mut candidates = Vec::new();
        for i in self.approved() {
            let row = &self.rows[i];
            match row.year {
                Some(y) if Some(y) == year => candidates.push(i),
                Some(y) => plan.left_out.push((i, format!("是{y}年度的报告"))),
                None => plan.left_out.push((i, "没有统计年度".to_string())),
            }
        }
        // One report per organ and year: the first in the folder's order.
        let mut kept: Vec<usize> = Vec::new();
        for i in candidates {
            let twin = kept.iter().copied().find(|&k| {
                self.rows[k].summary.is_none() == self.rows[i].summary.is_none()
                    && crate::model::same_organ(&self.rows[k].organ, &self.rows[i].organ)
            });
            match twin {
                Some(k) => plan.left_out.push((
                    i,
                    format!(
                        "与“{}”是同一机关同一年度的报告（重复报送），只计入一份",
                        self.rows[k].file
                    ),
                )),
                None => kept.push(i),
            }
        }
        // A summary whose units are summed here too would count them twice.
        let units: Vec<usize> = kept
            .iter()
            .copied()
            .filter(|&i| self.rows[i].summary.is_none())
            .collect();
        for i in kept {
            let covered = self.rows[i].summary.and_then(|n| {
                let summary = self.kept[i].as_ref()?;
                units
                    .iter()
                    .find(|&&u| {
                        crate::sum::covers(
                            summary
                                .sum_units
                                .iter()
                                .map(|(o, f)| (o.as_str(), f.as_str())),
                            &self.rows[u].file,
                            &self.rows[u].organ,
                        )
                    })
                    .map(|&u| (n, u))
            });
            match covered {
                Some((n, u)) => plan.left_out.push((
                    i,
                    format!(
                        "是汇总报告（含 {n} 个单位），其中“{}”已在本次汇总中",
                        self.rows[u].file
                    ),
                )),
                None => plan.rows.push(i),
            }
        }
        plan.rows.sort_unstable();
        plan.left_out.sort_by_key(|(i, _)| *i);
        plan.summaries = plan
            .rows
            .iter()
            .filter(|&&i| self.rows[i].summary.is_some())
            .count();
        plan
    }

    /// For each row, the first other row of the same organ and year (重复报送).
    pub(super) fn mark_duplicates(&mut self) {
        let keys: Vec<Option<(String, u16)>> = self
            .kept
            .iter()
            .zip(&self.rows)
            .map(|(kept, row)| {
                kept.as_ref()
                    .filter(|_| row.summary.is_none() && row.state != DeskState::Reading)
                    .and(row.year)
                    .map(|y| (crate::model::normalize_organ(&row.organ), y))
            })
            .collect();
        let twins = crate::organs::duplicates_of_keys(keys);
        let files: Vec<String> = self.rows.iter().map(|r| r.file.clone()).collect();
        for (row, twin) in self.rows.iter_mut().zip(&twins) {
            row.duplicate_of = twin.map(|k| files[k].clone());
        }
    }
}
