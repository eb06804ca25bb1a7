//! The anchors of 表二, 表三 and 表四 from the template, and the reading of each table.

use super::rows::read_rows;
use super::spec::{Anchor, RowSpec, StreamRead};
use super::split::CrossSums;
use super::tokens::{Tok, fold_label, tokenize};
use crate::template::{
    T2_BLOCKS, T2_CONTENT_HEADER, T3_COLUMNS, T3_GROUPS, T3_R3_7, T3_ROWS, T3Role, T4_COLUMNS,
    T4_GROUPS, t2, t3, t3_r3_6_2019, t4,
};

fn t3_anchors() -> (Vec<Anchor>, CrossSums) {
    let mut anchors = Vec::new();
    let mut row_anchor = [0usize; 25];
    for (r, row) in T3_ROWS.iter().enumerate() {
        // Group labels before their first leaf (only when printed whole).
        if let Some(g) = row.group
            && T3_ROWS[..r].iter().all(|p| p.group != Some(g))
        {
            if g != 0 && T3_ROWS[..r].iter().all(|p| p.group.is_none()) {
                anchors.push(Anchor {
                    labels: vec![fold_label(T3_GROUPS[0].label)],
                    columns: Vec::new(),
                    row: None,
                });
            }
            if g == 4 {
                // （六）其他处理: a data row of its own in the 2019 format.
                anchors.push(Anchor {
                    labels: vec![fold_label(T3_GROUPS[g].label)],
                    columns: Vec::new(),
                    row: Some(RowSpec {
                        header: None,
                        cells: (0..T3_COLUMNS.len()).map(t3_r3_6_2019).collect(),
                        optional: true,
                        sums: vec![T3_COLUMNS.len()],
                        name: "表三（六）其他处理行（2019年版，未分项）".into(),
                    }),
                });
            } else if g != 0 {
                anchors.push(Anchor {
                    labels: vec![fold_label(T3_GROUPS[g].label)],
                    columns: Vec::new(),
                    row: None,
                });
            }
        }
        let mut labels = vec![fold_label(row.label)];
        labels.extend(row.variants.iter().map(|v| fold_label(v)));
        row_anchor[r] = anchors.len();
        anchors.push(Anchor {
            labels,
            columns: Vec::new(),
            row: Some(RowSpec {
                header: None,
                cells: (0..T3_COLUMNS.len()).map(|c| t3(r, c)).collect(),
                optional: false,
                sums: vec![T3_COLUMNS.len()],
                name: format!("表三 {}", crate::template::t3_row_name(r)),
            }),
        });
    }
    let leaves: Vec<usize> = (0..T3_ROWS.len())
        .filter(|&r| T3_ROWS[r].role == T3Role::Outcome)
        .map(|r| row_anchor[r])
        .collect();
    let role = |ro: T3Role| {
        (0..T3_ROWS.len())
            .filter(|&r| T3_ROWS[r].role == ro)
            .map(|r| row_anchor[r])
            .collect::<Vec<_>>()
    };
    let cross = CrossSums {
        identities: vec![
            // S2: （七）总计 = the 21 leaves.
            (vec![row_anchor[T3_R3_7]], leaves),
            // O1: 一 + 二 = （七） + 四.
            (
                [role(T3Role::NewlyReceived), role(T3Role::CarriedOver)].concat(),
                [role(T3Role::OutcomeTotal), role(T3Role::CarriedForward)].concat(),
            ),
        ],
    };
    (anchors, cross)
}

/// Reads 表三 from a table region's text.
pub fn read_t3(text: &str) -> StreamRead {
    let toks = tokenize(text);
    let (anchors, cross) = t3_anchors();
    let mut read = read_rows(&toks, &anchors, Some(&cross), laid_out(text));
    // The 2019 format has its single （六） row instead of the three leaves.
    if (0..T3_COLUMNS.len()).any(|c| read.values.contains_key(&t3_r3_6_2019(c))) {
        let leaves: Vec<String> = (0..T3_ROWS.len())
            .filter(|&r| T3_ROWS[r].group == Some(crate::template::T3_OTHER_HANDLING))
            .map(|r| format!("表三 {}", crate::template::t3_row_name(r)))
            .collect();
        let before = read.missing.len();
        read.missing.retain(|m| !leaves.contains(m));
        read.uncertain_rows -= before - read.missing.len();
        for (r, row) in T3_ROWS.iter().enumerate() {
            if row.group == Some(crate::template::T3_OTHER_HANDLING) {
                for c in 0..T3_COLUMNS.len() {
                    read.values.remove(&t3(r, c));
                }
            }
        }
    }
    read
}

/// Reads 表四 (one row of 15 numbers after its header) from a table region's text.
pub fn read_t4(text: &str) -> StreamRead {
    let toks = tokenize(text);
    // The data row starts after the last header word; anchor on the header's end, which is
    // the last 总计 before the first number.
    let first_num = toks.iter().position(|t| matches!(t, Tok::Num { .. }));
    let Some(first_num) = first_num else {
        let mut read = StreamRead::default();
        read.missing.push("表四数据行".into());
        return read;
    };
    let mut nums: Vec<Tok> = Vec::new();
    for t in &toks[first_num..] {
        match t {
            Tok::Num { .. } => nums.push(t.clone()),
            Tok::Char {
                isolated: false, ..
            } => break,
            _ => {}
        }
    }
    let spec = RowSpec {
        header: None,
        cells: (0..T4_GROUPS.len())
            .flat_map(|g| (0..T4_COLUMNS.len()).map(move |c| t4(g, c)))
            .collect(),
        optional: false,
        sums: vec![T4_COLUMNS.len(); T4_GROUPS.len()],
        name: "表四数据行".into(),
    };
    // One anchor at the numbers themselves.
    let mut stream = vec![Tok::Char {
        c: '\u{E000}',
        isolated: false,
        at: (0, 0.0),
    }];
    stream.extend(nums);
    let anchors = [Anchor {
        labels: vec![vec!['\u{E000}']],
        columns: Vec::new(),
        row: Some(spec),
    }];
    read_rows(&stream, &anchors, None, false)
}

/// Reads the 2021 表二 from a table region's text.
pub fn read_t2(text: &str) -> StreamRead {
    let toks = tokenize(text);
    let mut anchors = Vec::new();
    for (b, block) in T2_BLOCKS.iter().enumerate() {
        anchors.push(Anchor {
            labels: vec![fold_label(block.caption)],
            columns: Vec::new(),
            row: None,
        });
        let mut header = String::from(T2_CONTENT_HEADER);
        for (_, h) in block.columns {
            header.push_str(h);
        }
        let mut headers = vec![fold_label(&header)];
        headers.extend(
            block
                .header_variants
                .iter()
                .map(|v| fold_label(&format!("{T2_CONTENT_HEADER}{v}"))),
        );
        let header_at = anchors.len();
        anchors.push(Anchor {
            labels: headers,
            columns: block.columns.iter().map(|(_, h)| fold_label(h)).collect(),
            row: None,
        });
        for (r, (_, label)) in block.rows.iter().enumerate() {
            anchors.push(Anchor {
                labels: vec![fold_label(label)],
                columns: Vec::new(),
                row: Some(RowSpec {
                    header: Some(header_at),
                    cells: (0..block.columns.len()).map(|c| t2(b, r, c)).collect(),
                    optional: false,
                    sums: Vec::new(),
                    name: format!("表二“{label}”一行"),
                }),
            });
        }
    }
    read_rows(&toks, &anchors, None, laid_out(text))
}

/// True when the text keeps the page's columns (pdftotext -layout, our PDF reading): most
/// lines with numbers pad their cells with runs of spaces or tabs, so a number's character
/// column says which column it is in. Text with single spaces (pdftotext -raw) does not.
fn laid_out(text: &str) -> bool {
    let numeric: Vec<&str> = text
        .lines()
        .filter(|l| l.chars().any(|c| c.is_ascii_digit()))
        .collect();
    let padded = numeric
        .iter()
        .filter(|l| l.contains('\t') || l.contains("   "))
        .count();
    !numeric.is_empty() && padded * 2 >= numeric.len()
}
