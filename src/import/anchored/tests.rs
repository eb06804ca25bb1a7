//! The label-anchored reading on the layouts it meets.

use super::tokens::{Tok, tokenize};
use super::{Provenance, StreamRead, read_t2, read_t3, read_t4};
use crate::template::{T3_GROUPS, T3_R3_7, T3_ROWS, T3_TOTAL_COL, TEMPLATE, t3};

fn value(read: &StreamRead, id: &str) -> (String, Provenance) {
    let i = TEMPLATE.index_of(id).unwrap();
    let (v, p) = read.values.get(&i).cloned().unwrap();
    (v.display(), p)
}

/// A 表三 in the run-together style, from rows of numbers.
fn run_together(rows: &[[u64; 7]; 25]) -> String {
    let mut s = String::from(
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他",
    );
    for (r, row) in T3_ROWS.iter().enumerate() {
        if let Some(g) = row.group
            && T3_ROWS[..r].iter().all(|p| p.group != Some(g))
        {
            if g != 0 && T3_ROWS[..r].iter().all(|p| p.group.is_none()) {
                s.push_str(T3_GROUPS[0].label);
            }
            if g != 0 {
                s.push_str(T3_GROUPS[g].label);
            }
        }
        s.push_str(row.label);
        for v in rows[r] {
            s.push_str(&v.to_string());
        }
    }
    s
}

fn sample_rows() -> [[u64; 7]; 25] {
    let mut rows = [[0u64; 7]; 25];
    rows[0] = [81, 0, 0, 2, 0, 0, 83];
    rows[1] = [5, 0, 0, 0, 0, 0, 5];
    rows[2] = [40, 0, 0, 1, 0, 0, 41];
    rows[3] = [10, 0, 0, 0, 0, 0, 10];
    rows[16] = [30, 0, 0, 1, 0, 0, 31];
    rows[T3_R3_7] = [80, 0, 0, 2, 0, 0, 82];
    rows[24] = [6, 0, 0, 0, 0, 0, 6];
    rows
}

#[test]
fn run_together_rows_split_by_the_arithmetic() {
    let rows = sample_rows();
    let read = read_t3(&run_together(&rows));
    assert!(read.missing.is_empty(), "{:?}", read.missing);
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let i = t3(r, c);
            let (got, p) = read.values.get(&i).cloned().unwrap();
            assert_eq!(got.display(), v.to_string(), "{}", TEMPLATE.cells[i].id);
            assert_ne!(p, Provenance::Uncertain, "{}", TEMPLATE.cells[i].id);
        }
    }
    // 一: "81002083" has one split only; all-zero rows read as printed digits.
    assert_eq!(value(&read, "t3.r1.total").0, "83");
}

#[test]
fn ambiguous_row_is_chosen_by_the_column_identities() {
    // 一 and （七） print "110000011": 1,10,0,0,0,0,11 or 11,0,0,0,0,0,11. S2 through
    // the unambiguous leaves (（一） 1…1, （二） 0,10…10) decides （七）, O1 then 一.
    let mut rows = [[0u64; 7]; 25];
    rows[0] = [1, 10, 0, 0, 0, 0, 11];
    rows[2] = [1, 0, 0, 0, 0, 0, 1];
    rows[3] = [0, 10, 0, 0, 0, 0, 10];
    rows[T3_R3_7] = [1, 10, 0, 0, 0, 0, 11];
    let read = read_t3(&run_together(&rows));
    assert_eq!(value(&read, "t3.r1.np"), ("1".into(), Provenance::Derived));
    assert_eq!(value(&read, "t3.r1.corp_biz").0, "10");
    assert_eq!(value(&read, "t3.r3_7.corp_biz").0, "10");
    assert_eq!(value(&read, "t3.r3_1.total").0, "1");
}

#[test]
fn undecidable_rows_stay_blank_and_uncertain() {
    // 一, （一） and （七） all print "110000011" and every identity holds either way.
    let mut rows = [[0u64; 7]; 25];
    rows[0] = [1, 10, 0, 0, 0, 0, 11];
    rows[2] = [1, 10, 0, 0, 0, 0, 11];
    rows[T3_R3_7] = [1, 10, 0, 0, 0, 0, 11];
    let read = read_t3(&run_together(&rows));
    for id in ["t3.r1.np", "t3.r3_1.total", "t3.r3_7.corp_biz"] {
        assert_eq!(value(&read, id), ("".into(), Provenance::Uncertain), "{id}");
    }
    assert_eq!(value(&read, "t3.r2.np"), ("0".into(), Provenance::Exact));
    assert!(
        read.problems
            .iter()
            .any(|(_, m)| m.contains("无法可靠读取")),
        "{:?}",
        read.problems
    );
}

#[test]
fn wrapped_labels_interleaved_vertical_groups_and_page_numbers() {
    let text = "一、本年新收政府信息公开申请数量     8     0   0     0     0   0   8\n\
二、上年结转政府信息公开申请数量     0     0   0     0     0   0   0\n\
 （一）予以公开             2     0   0     0     0   0   2\n\
 （二）部分公开（区分处理的，只计\n\
                 4     0   0     0     0   0   4\n\
 这一情形，不计其他情形）\n\
 （\n 三 3.危及“三安全一稳定”      0     0   0     0     0   0   0\n";
    let read = read_t3(text);
    assert_eq!(value(&read, "t3.r3_2.np"), ("4".into(), Provenance::Exact));
    assert_eq!(value(&read, "t3.r3_2.total").0, "4");
    assert_eq!(value(&read, "t3.r1.total").0, "8");
    assert_eq!(value(&read, "t3.r3_3_3.total").0, "0");
}

#[test]
fn numbers_before_their_labels_are_shared_out_in_order() {
    let mut text = String::from("一、本年新收政府信息公开申请数量\n1\n0\n0\n0\n0\n0\n1\n");
    text.push_str("二、上年结转政府信息公开申请数量\n");
    for r in 0..2 {
        for c in 0..7 {
            text.push_str(&format!("{}\n", if c == 0 || c == 6 { r + 2 } else { 0 }));
        }
    }
    text.push_str("（一）予以公开\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n");
    let read = read_t3(&text);
    assert_eq!(value(&read, "t3.r2.np").0, "2");
    assert_eq!(value(&read, "t3.r3_1.np").0, "3");
    assert_eq!(value(&read, "t3.r3_1.total").0, "3");
}

#[test]
fn leaf_numbering_is_not_taken_as_a_digit() {
    let toks = tokenize("政府信息5000005 2.没有现成信息");
    assert!(
        toks.iter()
            .any(|t| matches!(t, Tok::Num { text, glued: true, .. } if text == "5000005"))
    );
    let toks = tokenize("政府信息50000052.没有现成信息");
    assert!(
        toks.iter()
            .any(|t| matches!(t, Tok::Num { text, .. } if text == "5000005"))
    );
    assert!(toks.iter().any(|t| matches!(
        t,
        Tok::Char {
            c: '2',
            isolated: false,
            ..
        }
    )));
}

#[test]
fn t4_run_together_split_by_its_totals() {
    let read = read_t4(
        "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计210140000000000五、存在",
    );
    assert_eq!(value(&read, "t4.review.upheld").0, "2");
    assert_eq!(value(&read, "t4.review.total").0, "4");
    assert_eq!(value(&read, "t4.suit_after_review.total").0, "0");
    let _ = T3_TOTAL_COL;
}

#[test]
fn t2_rows_and_the_fee_header_digit() {
    let text = "第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n行政规范性文件 5 3 18\n第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 120\n第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚 7\n行政强制 0\n第二十条第（八）项\n信息内容 本年收费金额（单位：万元，保留4位小数）\n行政事业性收费 0.5";
    let read = read_t2(text);
    assert_eq!(value(&read, "t2.art20_1.normative.in_force").0, "18");
    assert_eq!(value(&read, "t2.art20_5.licensing.decisions").0, "120");
    assert_eq!(value(&read, "t2.art20_8.fees.amount_wan").0, "0.5");
    assert!(read.problems.is_empty(), "{:?}", read.problems);
}

#[test]
fn a_row_of_column_numbers_joined_to_a_row_belongs_to_no_row() {
    let text = "自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n一、本年新收政府信息公开申请数量 1 2 3 4 5 6 7 8 0 0 0 0 0 8\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n三、本年度办理结果 （一）予以公开 2 0 0 0 0 0 2\n";
    let read = read_t3(text);
    assert_eq!(value(&read, "t3.r1.np").0, "8", "{:?}", read.values);
    assert_eq!(value(&read, "t3.r1.total").0, "8");
    assert_eq!(value(&read, "t3.r2.np").0, "0");
}
