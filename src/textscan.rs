//! Small helpers for reading numbers out of narrative text.

use crate::model::normalize_digits;

/// Splits a text into sentences at 。；！？ and line breaks; trims each and drops empties.
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['。', '；', ';', '！', '？', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The integers written directly before `unit` (spaces allowed between), e.g. 8 in
/// `申请 8 件`. Full-width digits count.
pub fn numbers_before<'a>(sentence: &'a str, unit: &'a str) -> impl Iterator<Item = u64> + 'a {
    sentence.match_indices(unit).filter_map(move |(pos, _)| {
        let before = normalize_digits(&sentence[..pos]);
        let trimmed = before.trim_end();
        let digits: String = trimmed
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        if digits.is_empty() {
            return None;
        }
        digits.chars().rev().collect::<String>().parse().ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_numbers_before_units() {
        let s = "共收到申请 8 件，其中１２件已办结";
        assert_eq!(numbers_before(s, "件").collect::<Vec<_>>(), [8, 12]);
        assert_eq!(
            sentences("一。二；\n三").collect::<Vec<_>>(),
            ["一", "二", "三"]
        );
    }
}
