//! Small helpers for reading numbers out of narrative text.

/// Splits a text into sentences at 。；！？ and line breaks; trims each and drops empties.
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    sentence_spans(text).map(|(_, s)| s)
}

/// [`sentences`] with where each stands in the text: the byte range from the sentence's
/// first character through its closing mark (when it has one).
pub fn sentence_spans(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    let mut start = 0;
    let mut ends = text
        .char_indices()
        .filter(|(_, c)| matches!(c, '。' | '；' | ';' | '！' | '？' | '\n'))
        .map(|(i, c)| (i, i + c.len_utf8()))
        .chain(std::iter::once((text.len(), text.len())));
    std::iter::from_fn(move || {
        while start <= text.len() {
            let (end, next) = ends.next()?;
            let piece = &text[start..end];
            let lead = piece.len() - piece.trim_start().len();
            let range = start + lead..next;
            start = next.max(end + 1);
            let trimmed = piece.trim();
            if !trimmed.is_empty() {
                return Some((range, trimmed));
            }
        }
        None
    })
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
        let text = " 第一句。第二句；\n 末句";
        let spans: Vec<&str> = sentence_spans(text).map(|(r, _)| &text[r]).collect();
        assert_eq!(spans, ["第一句。", "第二句；", "末句"]);
    }
}
