//! The importers never panic, whatever they are given: random bytes, random text in the
//! report's vocabulary, random HTML tag soup, and damaged Word files.

use std::path::Path;

use nianbao::import::import_bytes;
use proptest::prelude::*;

/// Pieces of real reports, so random text reaches deep into the assembler.
fn report_like() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
        "（一）主动公开",
        "（六）其他处理",
        "（七）总计",
        "第二十条第（一）项",
        "信息内容",
        "本年制发件数",
        "本年新制作数量",
        "规范性文件",
        "一、本年新收政府信息公开申请数量",
        "四、结转下年度继续办理",
        "自然人",
        "总计",
        "行政复议",
        "结果维持",
        "某县人民政府2025年政府信息公开工作年度报告",
        "2026年1月20日",
        "共12条，其中3条、4条",
        "保留27件",
        "\t",
        "\n",
        "\n\n",
        "\t\t",
        "0",
        "-2",
        "12",
        "１２",
        "999999999999999999999",
        " ",
        "\u{a0}",
        "**",
        "[bookmark: x]",
        "|",
        "| a | b |",
        "|---|",
        "\r\n",
        "。",
        "件",
    ]);
    prop::collection::vec(piece, 0..200).prop_map(|v| v.concat())
}

fn html_like() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "<html>",
        "<body>",
        "<p>",
        "</p>",
        "<table>",
        "</table>",
        "<tr>",
        "</tr>",
        "<td>",
        "</td>",
        "<td rowspan=3>",
        "<td colspan=\"2\">",
        "<br>",
        "<script>",
        "</script>",
        "<div>",
        "</div>",
        "&nbsp;",
        "&gt;",
        "&#x4e00;",
        "&#99999999;",
        "&",
        "<",
        ">",
        "一、总体情况",
        "（七）总计",
        "0",
        "3",
        "某县2025年政府信息公开工作年度报告",
        "<!--",
        "-->",
        "<tbody>",
        "<th>",
        "<td/>",
    ]);
    prop::collection::vec(piece, 0..150).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        for name in ["a.txt", "a.html", "a.docx", "a", "a.doc"] {
            let _ = import_bytes(Path::new(name), &bytes);
        }
    }

    #[test]
    fn report_like_text_never_panics(text in report_like()) {
        let _ = import_bytes(Path::new("a.txt"), text.as_bytes());
    }

    #[test]
    fn html_soup_never_panics(text in html_like()) {
        let _ = import_bytes(Path::new("a.html"), text.as_bytes());
    }

    #[test]
    fn damaged_word_files_never_panic(cut in 0usize..42_000, flip in 0usize..42_000, byte in any::<u8>()) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/report.docx");
        let mut bytes = std::fs::read(path).expect("test data");
        let flip = flip % bytes.len();
        bytes[flip] = byte;
        bytes.truncate(cut.min(bytes.len()));
        let _ = import_bytes(Path::new("a.docx"), &bytes);
    }
}
