//! The guide the editor shows (F1, 帮助 → 使用说明): the README's sections for the people who
//! use the program — the editor, the exports, 汇总, review and the desk, the draft files —
//! as plain text, offline, written once (the README is the source).

/// The README, as built into the program.
const README: &str = include_str!("../README.md");

/// The README's sections the guide shows, by heading, in this order.
const USER_SECTIONS: [&str; 7] = [
    "编辑器",
    "PDF 导出",
    "Word 与网页导出",
    "汇总下级单位的报告",
    "审核：说明、批注、签发、版本比较、退回意见",
    "审核台（政务公开办）",
    "草稿文件",
];

/// One section of the guide: its heading and its paragraphs as plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuideSection {
    pub heading: String,
    pub text: String,
}

/// The guide's sections, from the README.
pub fn sections() -> Vec<GuideSection> {
    sections_of(README)
}

fn sections_of(markdown: &str) -> Vec<GuideSection> {
    let mut found: Vec<GuideSection> = Vec::new();
    let mut current: Option<GuideSection> = None;
    let mut in_code = false;
    for line in markdown.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            found.extend(current.take());
            current = USER_SECTIONS
                .contains(&heading.trim())
                .then(|| GuideSection {
                    heading: heading.trim().to_string(),
                    text: String::new(),
                });
            continue;
        }
        let Some(section) = current.as_mut() else {
            continue;
        };
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        let plain = if in_code {
            line.to_string()
        } else {
            plain_line(line)
        };
        // A picture (a screenshot, a table of them) is left out, and a table's rule line;
        // a blank line keeps the paragraphs apart.
        if line.contains("![") || line.trim_start().starts_with("|---") {
            continue;
        }
        section.text.push_str(&plain);
        section.text.push('\n');
    }
    found.extend(current);
    found.sort_by_key(|s| USER_SECTIONS.iter().position(|h| *h == s.heading));
    for s in &mut found {
        s.text = s.text.trim().to_string();
    }
    found
}

/// A markdown line as text: headings without #, bullets as ·, no ** or backticks.
fn plain_line(line: &str) -> String {
    let trimmed = line.trim_start();
    let indent = &line[..line.len() - trimmed.len()];
    let body = if let Some(h) = trimmed.strip_prefix("### ") {
        format!("【{h}】")
    } else if let Some(item) = trimmed.strip_prefix("- ") {
        format!("{indent}· {item}")
    } else {
        line.to_string()
    };
    body.replace("**", "").replace('`', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guide_has_the_user_sections_of_the_readme_as_text() {
        let guide = sections();
        let headings: Vec<&str> = guide.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings, USER_SECTIONS,
            "every section the guide names is in the README"
        );
        for s in &guide {
            assert!(!s.text.is_empty(), "{}", s.heading);
            assert!(
                !s.text.contains("**") && !s.text.contains("!["),
                "{}",
                s.heading
            );
        }
        let editor = &guide[0].text;
        assert!(editor.contains("· 起始页："), "{editor}");
    }

    #[test]
    fn markdown_becomes_plain_text() {
        let md = "## 编辑器\n\n- **加粗** 和 `代码`\n  ![图](x.png)\n### 小节\n## 命令行\n不要\n";
        let s = sections_of(md);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "· 加粗 和 代码\n【小节】");
    }
}
