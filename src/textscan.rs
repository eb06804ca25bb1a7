//! Small helpers for reading numbers out of narrative text.

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
        let mut value: u64 = 0;
        let mut scale: u64 = 1;
        let mut digits = 0;
        for c in sentence[..pos].chars().rev() {
            let d = match c {
                '0'..='9' => c as u64 - '0' as u64,
                '０'..='９' => c as u64 - '０' as u64,
                c if c.is_whitespace() && digits == 0 => continue,
                _ => break,
            };
            value = value.checked_add(d.checked_mul(scale)?)?;
            scale = scale.checked_mul(10)?;
            digits += 1;
        }
        (digits > 0).then_some(value)
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
