//! The guide the editor shows (F1, 帮助 → 使用说明): written for clerks and reviewers
//! (`assets/guide.md`), starting with the year's tasks in order, then each part of the
//! program; offline, built into the program. A paragraph is one line of the source, so the
//! window reflows it to its width. The README keeps the full reference.

/// The guide as built into the program.
const GUIDE: &str = include_str!("../assets/guide.md");

/// One section of the guide: its heading and its paragraphs (a list item starts with `· `).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuideSection {
    pub heading: String,
    pub paragraphs: Vec<String>,
}

impl GuideSection {
    /// The paragraphs that contain `query` (every one when the query is empty).
    pub fn matching<'a>(&'a self, query: &'a str) -> impl Iterator<Item = &'a String> + 'a {
        let query = query.trim();
        self.paragraphs
            .iter()
            .filter(move |p| query.is_empty() || p.contains(query))
    }
}

/// The guide's sections, in order.
pub fn sections() -> Vec<GuideSection> {
    sections_of(GUIDE)
}

fn sections_of(markdown: &str) -> Vec<GuideSection> {
    let mut found: Vec<GuideSection> = Vec::new();
    for line in markdown.lines() {
        let line = line.trim();
        if let Some(heading) = line.strip_prefix("## ") {
            found.push(GuideSection {
                heading: heading.trim().to_string(),
                paragraphs: Vec::new(),
            });
            continue;
        }
        let Some(section) = found.last_mut() else {
            continue;
        };
        if line.is_empty() {
            continue;
        }
        let paragraph = match line.strip_prefix("- ") {
            Some(item) => format!("· {item}"),
            None => line.to_string(),
        };
        section.paragraphs.push(paragraph);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guide_starts_with_the_year_s_tasks_and_is_for_clerks() {
        let guide = sections();
        assert_eq!(guide[0].heading, "一年的工作，按顺序");
        let first = guide[0].paragraphs.join("\n");
        let order = ["从上年报告新建", "改年份", "填表", "看问题列表", "导出"];
        let at: Vec<usize> = order
            .iter()
            .map(|w| first.find(w).unwrap_or(usize::MAX))
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "in order: {at:?}");
        for section in ["审核台", "汇总", "问题列表", "导出和打印"] {
            assert!(
                guide.iter().any(|s| s.heading.contains(section)),
                "{section}"
            );
        }
        // Nothing for developers, no English a clerk cannot use.
        let all: String = guide
            .iter()
            .flat_map(|s| s.paragraphs.iter())
            .cloned()
            .collect();
        for word in [
            "egui", "kittest", "Xvfb", "xdotool", "CUPS", "cargo", "release", "MB", "nianbao ",
            "`", "**",
        ] {
            assert!(!all.contains(word), "{word}");
        }
        // The draft files' name is what the clerk sees on disk.
        let all = all.replace(".nianbao.ron", "");
        let english: Vec<&str> = all
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 3)
            .filter(|w| {
                ![
                    "Ctrl", "Shift", "Enter", "Home", "PageDown", "PageUp", "Word", "Excel",
                    "README",
                ]
                .contains(w)
            })
            .collect();
        assert!(english.is_empty(), "{english:?}");
    }

    #[test]
    fn a_paragraph_is_one_line_and_a_search_finds_it() {
        let s = sections_of("## 甲\n\n第一段很长\n\n- 一项\n## 乙\n第二段\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].paragraphs, ["第一段很长", "· 一项"]);
        assert_eq!(s[1].matching("第二").count(), 1);
        assert_eq!(s[1].matching("").count(), 1);
        assert_eq!(s[0].matching("没有").count(), 0);
    }
}
