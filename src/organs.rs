//! Reports of one organ, however its name is written: last year's report of each report
//! (the cross-year checks, the repetition rate) and two reports of one organ and year (重复
//! 报送). Names are one organ when equal once spaces and brackets are normalized, or when
//! one is the other with its region in front (淮安市洪泽区人民政府 / 洪泽区人民政府) and that
//! pairing is the only one in the list.

use std::collections::HashMap;

use crate::model::{Report, normalize_organ, region_tails};

/// The reports of a list by organ and year.
pub struct OrganIndex {
    /// Each report's normalized organ and year (`None`: no organ or no year).
    keys: Vec<Option<(String, u16)>>,
    /// (a shorter name the organ may be written as, without its region; year) → the first
    /// report of each organ written so, up to two organs.
    by_tail: HashMap<(String, u16), Vec<usize>>,
    /// (the organ's name as written, year) → the reports: the common case, found at once.
    exact: HashMap<(String, u16), Vec<usize>>,
}

impl OrganIndex {
    /// Indexes `reports` (`None`: a file that could not be read).
    pub fn new(reports: &[Option<&Report>]) -> OrganIndex {
        OrganIndex::of_keys(keys_of(reports))
    }

    /// Indexes each report's normalized organ and year (`None`: unreadable, or no year).
    pub fn of_keys(keys: Vec<Option<(String, u16)>>) -> OrganIndex {
        let keys: Vec<Option<(String, u16)>> = keys
            .into_iter()
            .map(|k| k.filter(|(organ, _)| !organ.is_empty()))
            .collect();
        let mut by_tail: HashMap<(String, u16), Vec<usize>> = HashMap::new();
        let mut exact: HashMap<(String, u16), Vec<usize>> = HashMap::new();
        for (i, key) in keys.iter().enumerate() {
            if let Some((organ, year)) = key {
                exact.entry((organ.clone(), *year)).or_default().push(i);
                // The shorter names it may be written as (without its region).
                for tail in region_tails(organ).into_iter().skip(1) {
                    let firsts = by_tail.entry((tail.to_string(), *year)).or_default();
                    // The first report of each name, and no more than two names: a second
                    // name already makes the pairing a guess.
                    let named = |j: &usize| keys[*j].as_ref().is_some_and(|(o, _)| o == organ);
                    if firsts.len() < 2 && !firsts.iter().any(named) {
                        firsts.push(i);
                    }
                }
            }
        }
        OrganIndex {
            keys,
            by_tail,
            exact,
        }
    }

    /// The first other report of `year` whose organ is report `i`'s: one of the same name,
    /// else one of the one name that differs from it by a region in front (none when two
    /// such names are there: the pairing would be a guess). First in the list's order.
    /// Never walks more of a group than it must, so a folder where thousands of reports
    /// share an organ and year is paired in time linear in its size.
    pub fn first_of_organ(&self, i: usize, year: u16) -> Option<usize> {
        let (organ, _) = self.keys.get(i)?.as_ref()?;
        let first_other =
            |list: Option<&Vec<usize>>| list.and_then(|l| l.iter().copied().find(|&j| j != i));
        // The same name: found at once, whatever the folder's size.
        if let Some(j) = first_other(self.exact.get(&(organ.clone(), year))) {
            return Some(j);
        }
        // Else a name that differs by a region in front: this name's tails among the others'
        // names, or this name among the others' tails. Each name's reports are listed in
        // order, so only the first of each is looked at, until a second name shows.
        let tails = region_tails(organ);
        let by_name = tails
            .into_iter()
            .skip(1)
            .filter_map(|t| first_other(self.exact.get(&(t.to_string(), year))));
        let by_tail = self
            .by_tail
            .get(&(organ.clone(), year))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&j| j != i);
        let name = |j: usize| self.keys[j].as_ref().map(|(o, _)| o.as_str());
        let mut first: Option<(usize, &str)> = None;
        for j in by_name.chain(by_tail) {
            let Some(n) = name(j) else { continue };
            match first {
                None => first = Some((j, n)),
                Some((_, seen)) if seen != n => return None,
                Some((k, seen)) => first = Some((k.min(j), seen)),
            }
        }
        first.map(|(j, _)| j)
    }

    /// The year of report `i`, when it has an organ and a year.
    pub fn year(&self, i: usize) -> Option<u16> {
        self.keys.get(i)?.as_ref().map(|(_, y)| *y)
    }
}

/// For each report, last year's report of the same organ in the list, if any.
pub fn pair_previous(reports: &[Option<&Report>]) -> Vec<Option<usize>> {
    pair_previous_keys(keys_of(reports))
}

/// Each report's normalized organ and year (`None`: unreadable, or no year).
fn keys_of(reports: &[Option<&Report>]) -> Vec<Option<(String, u16)>> {
    reports
        .iter()
        .map(|r| {
            let r = (*r)?;
            Some((normalize_organ(&r.meta.organ), r.meta.year?))
        })
        .collect()
}

/// [`pair_previous`] of the reports' normalized organs and years.
pub fn pair_previous_keys(keys: Vec<Option<(String, u16)>>) -> Vec<Option<usize>> {
    let n = keys.len();
    let index = OrganIndex::of_keys(keys);
    (0..n)
        .map(|i| {
            let last = index.year(i)?.checked_sub(1)?;
            index.first_of_organ(i, last)
        })
        .collect()
}

/// For each report, the first other report of the same organ and year in the list (重复
/// 报送), if any.
pub fn duplicates(reports: &[Option<&Report>]) -> Vec<Option<usize>> {
    duplicates_of_keys(keys_of(reports))
}

/// [`duplicates`] of the reports' normalized organs and years.
pub fn duplicates_of_keys(keys: Vec<Option<(String, u16)>>) -> Vec<Option<usize>> {
    let n = keys.len();
    let index = OrganIndex::of_keys(keys);
    (0..n)
        .map(|i| {
            let year = index.year(i)?;
            index.first_of_organ(i, year)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OrganKind;

    fn report(organ: &str, year: u16) -> Report {
        Report::new(organ, OrganKind::Government, year)
    }

    #[test]
    fn an_organ_pairs_across_years_with_or_without_its_region() {
        let reports = [
            report("洪泽区人民政府", 2023),
            report("淮安市洪泽区人民政府", 2024),
            report("清江浦区人民政府", 2024),
            report("清江浦区 人民政府", 2025),
        ];
        let refs: Vec<Option<&Report>> = reports.iter().map(Some).collect();
        assert_eq!(pair_previous(&refs), vec![None, Some(0), None, Some(2)]);
    }

    #[test]
    fn a_pairing_that_would_be_a_guess_is_not_made() {
        // Two cities' 生态环境局 last year: a bare 生态环境局 this year pairs with neither.
        let reports = [
            report("甲市生态环境局", 2024),
            report("乙市生态环境局", 2024),
            report("生态环境局", 2025),
            report("甲市生态环境局", 2025),
        ];
        let refs: Vec<Option<&Report>> = reports.iter().map(Some).collect();
        assert_eq!(pair_previous(&refs), vec![None, None, None, Some(0)]);
    }

    #[test]
    fn a_large_group_pairs_with_its_first_report_and_a_second_name_still_blocks_a_guess() {
        let mut reports: Vec<Report> = (0..1000)
            .map(|_| report("淮安市洪泽区人民政府", 2024))
            .collect();
        reports.push(report("洪泽区人民政府", 2025));
        let refs: Vec<Option<&Report>> = reports.iter().map(Some).collect();
        let pairs = pair_previous(&refs);
        assert_eq!(pairs[1000], Some(0));
        assert_eq!(duplicates(&refs)[999], Some(0));
        assert_eq!(duplicates(&refs)[0], Some(1));
        // Another city's 洪泽区人民政府 of 2024 after them: the short name is now a guess.
        reports.push(report("宿迁市洪泽区人民政府", 2024));
        let refs: Vec<Option<&Report>> = reports.iter().map(Some).collect();
        assert_eq!(pair_previous(&refs)[1000], None);
    }

    #[test]
    fn two_reports_of_one_organ_and_year_are_duplicates() {
        let reports = [
            report("某县甲镇人民政府", 2025),
            report("甲镇人民政府", 2025),
            report("某县乙镇人民政府", 2025),
            report("某县甲镇人民政府", 2024),
        ];
        let refs: Vec<Option<&Report>> = reports.iter().map(Some).collect();
        assert_eq!(duplicates(&refs), vec![Some(1), Some(0), None, None]);
    }
}
