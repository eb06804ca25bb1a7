//! Text in XML and HTML: the characters markup reserves escaped, and those XML 1.0 cannot
//! hold (control characters) left out; tabs and line breaks become spaces (a paragraph is
//! one line).

/// `&`, `<`, `>`, `"` escaped; control characters dropped; tabs and breaks as spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn reserved_and_control_characters() {
        assert_eq!(
            super::escape("a<b>&\"c\u{1}\td"),
            "a&lt;b&gt;&amp;&quot;c d"
        );
    }
}
