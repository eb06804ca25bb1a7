//! Saved web page (.html) front-end: the page's paragraphs and tables into a [`Doc`].
//! Scripts, styles and the head are skipped; block elements end lines; a table row holds
//! its cells (a cell spanning rows appears only in its first row, as in the page), so values
//! are placed by position.

use tl::{Node, NodeHandle, Parser, ParserOptions};

use super::doc::{Doc, ImportError, MAX_NESTING};

/// Elements whose content is never report text.
const SKIPPED: [&str; 8] = [
    "head", "script", "style", "noscript", "template", "svg", "iframe", "object",
];
/// Elements that end a line before and after them.
const BLOCKS: [&str; 22] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "center",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "header",
    "footer",
    "main",
    "form",
];

/// Reads an HTML page (already decoded to text) as lines of cells.
pub fn html_to_doc(text: &str) -> Result<Doc, ImportError> {
    let mut out = Out::default();
    if let Ok(dom) = tl::parse(text, ParserOptions::default()) {
        let parser = dom.parser();
        for h in dom.children() {
            walk(*h, parser, &mut out, 0);
        }
    }
    if out.too_deep {
        return Err(ImportError::TooDeep);
    }
    out.flush();
    Ok(Doc {
        lines: out.lines,
        exact_cells: true,
        grid_rows: Vec::new(),
        read_by_ocr: false,
        scanned_cells: Default::default(),
        scanned_pages: Vec::new(),
    })
}

#[derive(Default)]
struct Out {
    lines: Vec<Vec<String>>,
    line: String,
    /// The page nests deeper than [`MAX_NESTING`].
    too_deep: bool,
}

impl Out {
    fn flush(&mut self) {
        let t = self.line.trim().to_string();
        if !t.is_empty() {
            self.lines.push(vec![t]);
        }
        self.line.clear();
    }
}

fn name_of(tag: &tl::HTMLTag<'_>) -> String {
    tag.name().as_utf8_str().to_ascii_lowercase()
}

/// Decoded, whitespace-collapsed text of a raw text node.
fn text_of(raw: &str) -> String {
    let decoded = html_escape::decode_html_entities(raw);
    let mut out = String::with_capacity(decoded.len());
    let mut space = false;
    for c in decoded.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

fn walk(h: NodeHandle, parser: &Parser<'_>, out: &mut Out, depth: usize) {
    if depth > MAX_NESTING || out.too_deep {
        out.too_deep = true;
        return;
    }
    let Some(node) = h.get(parser) else { return };
    match node {
        Node::Raw(bytes) => out.line.push_str(&text_of(&bytes.as_utf8_str())),
        Node::Comment(_) => {}
        Node::Tag(tag) => {
            let name = name_of(tag);
            if SKIPPED.contains(&name.as_str()) {
                return;
            }
            if name == "br" {
                out.flush();
                return;
            }
            if name == "table" {
                out.flush();
                table(tag, parser, out, depth + 1);
                out.lines.push(vec![String::new()]);
                return;
            }
            let block = BLOCKS.contains(&name.as_str());
            if block {
                out.flush();
            }
            let lines_before = out.lines.len();
            for c in tag.children().top().iter() {
                walk(*c, parser, out, depth + 1);
            }
            if block {
                out.flush();
                // An empty paragraph (`<p></p>`, `<p>&nbsp;</p>`) is a blank line on the page:
                // kept as one, as a text file's empty line (consecutive ones count once).
                let empty = out.lines.len() == lines_before;
                let after_blank = out
                    .lines
                    .last()
                    .is_none_or(|l| l.iter().all(|c| c.is_empty()));
                if name == "p" && empty && !after_blank {
                    out.lines.push(vec![String::new()]);
                }
            }
        }
    }
}

/// The rows of a table (through thead/tbody/tfoot), each with its cells' text.
fn table(tag: &tl::HTMLTag<'_>, parser: &Parser<'_>, out: &mut Out, depth: usize) {
    if depth > MAX_NESTING {
        out.too_deep = true;
        return;
    }
    for c in tag.children().top().iter() {
        let Some(Node::Tag(t)) = c.get(parser) else {
            continue;
        };
        match name_of(t).as_str() {
            "tr" => {
                let cells: Vec<String> = t
                    .children()
                    .top()
                    .iter()
                    .filter_map(|c| match c.get(parser) {
                        Some(Node::Tag(cell)) if matches!(name_of(cell).as_str(), "td" | "th") => {
                            let (text, deep) = cell_text(cell, parser, depth + 1);
                            out.too_deep |= deep;
                            Some(text)
                        }
                        _ => None,
                    })
                    .collect();
                if cells.iter().any(|c| !c.is_empty()) {
                    out.lines.push(cells);
                }
            }
            "thead" | "tbody" | "tfoot" => table(t, parser, out, depth + 1),
            _ => {}
        }
    }
}

/// A cell's text: its pieces joined without breaks (labels broken by <br> or <p> are one
/// label), whitespace collapsed.
/// Also says whether the cell nests too deep.
fn cell_text(tag: &tl::HTMLTag<'_>, parser: &Parser<'_>, depth: usize) -> (String, bool) {
    let mut out = Out::default();
    for c in tag.children().top().iter() {
        walk(*c, parser, &mut out, depth + 1);
    }
    out.flush();
    let text = out
        .lines
        .iter()
        .flatten()
        .map(|s| s.trim())
        .collect::<Vec<_>>()
        .concat()
        .replace('\u{a0}', " ")
        .trim()
        .to_string();
    (text, out.too_deep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tables_and_entities() {
        let page = r#"<html><head><title>t</title><script>var x = "<p>no</p>";</script></head>
            <body><div>首页 &gt; 年报</div>
            <p>一、总体情况</p><p>共&nbsp;3&nbsp;件<br>第二行</p>
            <table><tbody>
              <tr><td rowspan="2">三、本年度<br>办理结果</td><td colspan="2">（一）予以公开</td><td>2</td></tr>
              <tr><td>（二）部分公开</td><td></td></tr>
            </tbody></table>
            <p>后记</p></body></html>"#;
        let doc = html_to_doc(page).unwrap();
        let lines: Vec<Vec<String>> = doc.lines.into_iter().filter(|l| l != &[""]).collect();
        assert_eq!(lines[0], ["首页 > 年报"]);
        assert_eq!(lines[1], ["一、总体情况"]);
        assert_eq!(lines[2], ["共 3 件"]);
        assert_eq!(lines[3], ["第二行"]);
        assert_eq!(lines[4], ["三、本年度办理结果", "（一）予以公开", "2"]);
        assert_eq!(lines[5], ["（二）部分公开", ""]);
        assert_eq!(lines[6], ["后记"]);
    }

    #[test]
    fn garbage_gives_no_panic() {
        for s in [
            "",
            "<",
            "<table><tr><td>",
            "</p></div>",
            "<<<>>>",
            "&#xFFFFFFFF;",
        ] {
            let _ = html_to_doc(s);
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_a_crash() {
        let deep = format!("{}x{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        assert!(matches!(html_to_doc(&deep), Err(ImportError::TooDeep)));
        let tables = format!(
            "{}x{}",
            "<table><tr><td>".repeat(20_000),
            "</td></tr></table>".repeat(20_000)
        );
        assert!(matches!(html_to_doc(&tables), Err(ImportError::TooDeep)));
        let fine = format!("{}x{}", "<div>".repeat(100), "</div>".repeat(100));
        assert!(html_to_doc(&fine).is_ok());
    }
}
