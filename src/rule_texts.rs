//! What each rule checks, where it comes from and an example, in one table: read by the
//! editor's 这条规则是什么, printed by `nianbao rules`, and made into the README's rule list
//! (a test keeps the README equal to [`markdown_table`]).

use crate::finding::Rule;

/// One rule's text.
#[derive(Debug)]
pub struct RuleText {
    /// The spec's id (`O1`, `SUM`, `IMPORT`).
    pub id: &'static str,
    /// What a reader calls the rule, in a few words (the overview's chart and tables).
    pub name: &'static str,
    /// The rule reported; `None` for the spec's rules that are never reported (S3, H17, H18).
    pub rule: Option<Rule>,
    /// How severe its findings are (错误, 警告/提示, …).
    pub severity: &'static str,
    /// What it checks.
    pub checks: &'static str,
    /// Where it comes from (an article of the 条例, the format's note, this program).
    pub source: &'static str,
    /// A worked example.
    pub example: &'static str,
}

/// Every rule, in the README's order.
pub const RULE_TEXTS: [RuleText; 40] = [
    RuleText {
        id: "O1",
        name: "表三收支不平衡",
        rule: Some(Rule::O1),
        severity: "错误",
        checks: "表三每一列：一（本年新收）+ 二（上年结转）= 三（七）总计 + 四（结转下年度）",
        source: "年度报告格式（国办公开办函〔2021〕30号）表三的注：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”，每一列都要成立",
        example: "自然人列：一、本年新收 3 + 二、上年结转 0 = 3，而三（七）总计 2 + 四、结转下年度 0 = 2，差 1：有一件申请没有写办理结果。",
    },
    RuleText {
        id: "S1",
        name: "表三行合计不符",
        rule: Some(Rule::S1),
        severity: "错误",
        checks: "表三每一行：总计 = 自然人 + 五类法人或其他组织",
        source: "年度报告格式（国办公开办函〔2021〕30号）表三的表头：总计是自然人和五类法人或其他组织之和",
        example: "“一、本年新收”一行：自然人 5、商业企业 2，其余为 0，总计应为 7，印成 6 就是错误。",
    },
    RuleText {
        id: "S2",
        name: "表三办理结果合计不符",
        rule: Some(Rule::S2),
        severity: "错误",
        checks: "表三每一列：（七）总计 = 22 个办理结果分项之和",
        source: "年度报告格式（国办公开办函〔2021〕30号）表三的定义：（七）总计是（一）至（六）各项办理结果之和",
        example: "总计列：（一）予以公开 4 +（二）部分公开 1 +（三）不予公开 2 = 7，（七）总计印成 8，差 1。",
    },
    RuleText {
        id: "S3",
        name: "表三合计自动计算",
        rule: None,
        severity: "—",
        checks: "不单独报：编辑器自动计算表三的总计行和总计列并锁定（编辑 → 手动填写合计 可关闭）",
        source: "由 S1、S2、O1 推出",
        example: "—",
    },
    RuleText {
        id: "S4",
        name: "表四合计不符",
        rule: Some(Rule::S4),
        severity: "错误",
        checks: "表四三个块各自：总计 = 维持 + 纠正 + 其他 + 尚未审结",
        source: "年度报告格式（国办公开办函〔2021〕30号）表四的定义：每一块的总计是结果维持、结果纠正、其他结果、尚未审结之和",
        example: "行政复议：维持 2 + 纠正 1 + 其他 0 + 尚未审结 1 = 4，总计印成 3。",
    },
    RuleText {
        id: "S5",
        name: "数字不是非负整数",
        rule: Some(Rule::S5),
        severity: "错误",
        checks: "表二件数、表三、表四须为非负整数（拒绝 -2、1.5、文字）",
        source: "年度报告格式（国办公开办函〔2021〕30号）：表中是件数",
        example: "表二“行政许可”处理决定数印成“-2”（已发布的报告中真实出现过）：件数不能为负。",
    },
    RuleText {
        id: "S6",
        name: "收费金额格式有误",
        rule: Some(Rule::S6),
        severity: "错误/警告",
        checks: "收费金额为非负数（万元），小数超过 4 位为警告",
        source: "年度报告格式（国办公开办函〔2021〕30号）表二：收费金额以万元为单位",
        example: "收费金额“0.12345”万元有 5 位小数（低于 1 元），为警告；“-1”为错误。",
    },
    RuleText {
        id: "S7",
        name: "有空白单元格",
        rule: Some(Rule::S7),
        severity: "警告",
        checks: "空白单元格（应填 0）；按行、按块各报一条",
        source: "年度报告格式（国办公开办函〔2021〕30号）：没有“空白”一说，没有的填 0",
        example: "表三“（四）无法提供”各行空着，应填 0：空白表示没有填完。",
    },
    RuleText {
        id: "S8",
        name: "表三分组小计不符",
        rule: Some(Rule::S8),
        severity: "提示/警告",
        checks: "导入时：表三分组行（（三）至（六））印有小计，与其下各项之和核对，小计不导入",
        source: "年度报告格式（国办公开办函〔2021〕30号）表三：（三）至（六）是分组标题，没有数",
        example: "导入的报告在“（三）不予公开”一行印了小计 5，与其下八项之和 5 相符为提示，不符为警告；小计不导入。",
    },
    RuleText {
        id: "S9",
        name: "表三某行数字个数不对",
        rule: Some(Rule::S9),
        severity: "警告",
        checks: "导入时：表三某行数字个数不是 7 个",
        source: "年度报告格式（国办公开办函〔2021〕30号）表三每行 7 个数（自然人、五类法人或其他组织、总计）",
        example: "PDF 中“（一）予以公开”一行只读出 6 个数：列错位，按最后一个数（总计）对齐并标出该行。",
    },
    RuleText {
        id: "S10",
        name: "表二与模板不同",
        rule: Some(Rule::S10),
        severity: "警告",
        checks: "导入时：表二的行列与模板不同（多出的行、2019 年版的表头）",
        source: "年度报告格式（国办公开办函〔2021〕30号）表二的行列",
        example: "2021 年度的报告表二多出“政府集中采购”一行：用的是 2019 年版的表。",
    },
    RuleText {
        id: "H1",
        name: "上年结转与上年报告不符",
        rule: Some(Rule::H1),
        severity: "错误/提示",
        checks: "有上年报告时：本年“二、上年结转”= 上年“四、结转下年度继续办理”（逐列）",
        source: "表三的定义：本年“上年结转”就是上年的“结转下年度继续办理”",
        example: "上年报告“四、结转下年度继续办理”总计 2，本年“二、上年结转”填 0：两年对不上。",
    },
    RuleText {
        id: "H2",
        name: "现行有效件数与上年不衔接",
        rule: Some(Rule::H2),
        severity: "警告",
        checks: "有上年报告时：现行有效件数 ≈ 上年现行有效 + 本年制发 − 本年废止",
        source: "年度报告格式（国办公开办函〔2021〕30号）表二：现行有效件数随制发、废止变化",
        example: "上年现行有效 21 件，本年制发 3 件、废止 1 件，本年现行有效应约为 23 件，填了 27 件（可能有清理，请核对说明）。",
    },
    RuleText {
        id: "H3",
        name: "废止件数多于可废止的",
        rule: Some(Rule::H3),
        severity: "警告/提示",
        checks: "有上年报告时：本年废止不多于上年现行有效 + 本年制发；现行有效少于本年制发为提示",
        source: "年度报告格式（国办公开办函〔2021〕30号）表二",
        example: "本年废止 30 件，而上年现行有效 21 件 + 本年制发 3 件 = 24 件：废止的比有的还多。",
    },
    RuleText {
        id: "H4",
        name: "县级以下机关填了规章",
        rule: Some(Rule::H4),
        severity: "警告",
        checks: "县级及以下机关的表二“规章”一行不为 0",
        source: "《立法法》第九十三条：规章由国务院部门、省级政府和设区的市政府制定",
        example: "某镇人民政府的表二“规章”本年制发 1 件：乡镇没有规章制定权，多半是填错了行。",
    },
    RuleText {
        id: "H5",
        name: "正文数字与表格不符",
        rule: Some(Rule::H5),
        severity: "警告",
        checks: "正文的数字与表格不符（收到申请、办结、复议诉讼、制发件数等），引用原句",
        source: "《政府信息公开条例》（国务院令第711号）第五十条：年度报告应如实反映；正文与表格说的应是同一件事",
        example: "正文“全年共受理政府信息公开申请 4 件”，表三“一、本年新收”总计为 3。",
    },
    RuleText {
        id: "H6",
        name: "正文分项之和不符",
        rule: Some(Rule::H6),
        severity: "警告/提示",
        checks: "正文“共X条，其中A条、B条”之和不符；同一个千位以上的数出现在两处不同的统计中（提示）",
        source: "正文自身的算术",
        example: "“共处理群众来信 4897 余条，其中网站 82 条、热线 414 条、窗口 4398 条”：82+414+4398=4894，不是 4897。",
    },
    RuleText {
        id: "H7",
        name: "未提信息处理费",
        rule: Some(Rule::H7),
        severity: "警告",
        checks: "表三“逾期未按收费通知要求缴纳费用”大于 0，而“六”未提信息处理费",
        source: "《政府信息公开条例》（国务院令第711号）第四十二条（信息处理费）",
        example: "表三“逾期未按收费通知要求缴纳费用”为 1，而“六、其他需要报告的事项”没有提信息处理费。",
    },
    RuleText {
        id: "H8",
        name: "缺少其他需要报告的事项",
        rule: Some(Rule::H8),
        severity: "错误/警告/提示",
        checks: "缺少“六、其他需要报告的事项”（错误）；只写“无”或未说明信息处理费（警告）",
        source: "年度报告格式（国办公开办函〔2021〕30号）：第六部分说明信息处理费的收取情况",
        example: "“六、其他需要报告的事项”只写“无”：应写明本年度是否收取信息处理费。",
    },
    RuleText {
        id: "H9",
        name: "总体情况缺少方面",
        rule: Some(Rule::H9),
        severity: "警告",
        checks: "“一、总体情况”缺少五个方面之一；人民政府的报告未写考核、评议、责任追究",
        source: "年度报告格式（国办公开办函〔2021〕30号）：总体情况分主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面",
        example: "“一、总体情况”只有一段话，没有写政府信息管理和监督保障。",
    },
    RuleText {
        id: "H10",
        name: "格式与年度不符",
        rule: Some(Rule::H10),
        severity: "错误/警告",
        checks: "格式与年度不符（2021 年度起须用 2021 年版表格）；导入时用了 2019 年以前的标题（“一、概述”“收费及减免情况”“七、其他需要报告的事项”，警告）",
        source: "年度报告格式（国办公开办函〔2021〕30号）（2021 年度起适用）；国办公开办函〔2019〕60号（2019、2020 年度）",
        example: "2021 年度的报告仍用 2019 年版的表三（六行办理结果）。",
    },
    RuleText {
        id: "H11",
        name: "年度不一致或逾期发布",
        rule: Some(Rule::H11),
        severity: "错误/警告",
        checks: "未填或不一致的年度（标题、导语统计期限）；逾期发布（期限见 `--deadline` 和编辑器的 设置 → 发布期限）；发布日期在统计年度内；正文段落以上一年开头（沿用上年文字）",
        source: "《政府信息公开条例》（国务院令第711号）第四十九条：每年 1 月 31 日前（部门）、3 月 31 日前（县级以上人民政府）公布上一年度的报告",
        example: "2025 年度的报告 2026 年 4 月 10 日发布，晚于 3 月 31 日；或标题写 2025 年度、导语的统计期限写 2024 年。",
    },
    RuleText {
        id: "H12",
        name: "与上年雷同",
        rule: Some(Rule::H12),
        severity: "警告",
        checks: "有上年报告时：总体情况、存在的问题与上年雷同",
        source: "年度报告格式（国办公开办函〔2021〕30号）通知（四）明确责任：内容雷同、敷衍塞责的要追责",
        example: "本年“五、存在的主要问题及改进情况”与上年几乎逐字相同。",
    },
    RuleText {
        id: "H13",
        name: "无申请却写了办理",
        rule: Some(Rule::H13),
        severity: "错误/警告",
        checks: "表三没有任何申请，正文却写了办理申请",
        source: "表三的定义：没有申请就没有办理",
        example: "表三全为 0，正文却写“依法答复政府信息公开申请 5 件”。",
    },
    RuleText {
        id: "H14",
        name: "结转积压",
        rule: Some(Rule::H14),
        severity: "提示",
        checks: "结转下年度超过本年新收的一半（积压）",
        source: "表三：结转下年度的申请通常是年底收到的",
        example: "本年新收 10 件，结转下年度 8 件：积压异常，请核对。",
    },
    RuleText {
        id: "H15",
        name: "标签与模板不一致",
        rule: Some(Rule::H15),
        severity: "警告",
        checks: "导入时：标签、标题与模板不一致（如“社会组织”“其他法律法规禁止公开”、错字“2.其他法律行政止公开”）；2021 年版报告的表三（六）其他处理印成一行",
        source: "年度报告格式（国办公开办函〔2021〕30号）的标签和标题",
        example: "表三列名印成“社会组织”（应为“社会公益组织”），或“其他法律法规禁止公开”（应为“其他法律行政法规禁止公开”）。",
    },
    RuleText {
        id: "H16",
        name: "收费金额疑似按元填写",
        rule: Some(Rule::H16),
        severity: "提示",
        checks: "收费金额大得像是按元填进了万元栏",
        source: "年度报告格式（国办公开办函〔2021〕30号）表二：收费金额以万元为单位",
        example: "某县某局收费金额 120000（万元，即 12 亿元）：多半是按元填进了万元栏。",
    },
    RuleText {
        id: "H17",
        name: "表四不与表三勾稽",
        rule: None,
        severity: "—",
        checks: "不存在，有意为之：表四的复议诉讼可能针对往年的决定，不与表三勾稽",
        source: "规范 §3.3 H17：不设此规则",
        example: "—",
    },
    RuleText {
        id: "H18",
        name: "2019年版增减可为负",
        rule: None,
        severity: "—",
        checks: "2019 年版“本年增/减”可为负数，不按 S5 检查",
        source: "规范 §3.3 H18",
        example: "—",
    },
    RuleText {
        id: "H19",
        name: "机关名称不是全称",
        rule: Some(Rule::H19),
        severity: "警告/提示",
        checks: "机关名称须为全称（写出所属行政区划，不是“政府办”“办事处”之类的简称）；标题中的机关与落款一致；导语或正文开头的机关与标题不同（提示）；导入时标题“年度”重复",
        source: "本程序的规则（规范未编号），据规范 §1.3 标题的常见毛病",
        example: "机关全称写成“政府办”：应写出所属行政区划，如“某县人民政府办公室”；标题是“某县人民政府”，落款却是“某县人民政府办公室”。",
    },
    RuleText {
        id: "H20",
        name: "数字与上年相比变化很大",
        rule: Some(Rule::H20),
        severity: "提示",
        checks: "有上年报告时：表三各行总计、表二各项件数比上年变化超过一半且超过 20，请在正文中说明原因",
        source: "本程序的规则（规范未编号），据统计工作的惯例：大幅变化应说明原因",
        example: "本年新收申请 60 件，上年 12 件，增加 48 件、超过一半：请在正文中说明原因。",
    },
    RuleText {
        id: "H21",
        name: "正文与上年重复率高",
        rule: Some(Rule::H21),
        severity: "警告",
        checks: "有上年报告（或草稿从上年报告新建）时：正文与上年的重复率超过 50%（或本地要求的阈值），见下文“与上年重复率”",
        source: "本程序的规则（规范未编号），据一些地方考核的“与上年度重复率大于50%”",
        example: "正文 50 句中 47 句与上年报告相同：重复率 94%。",
    },
    RuleText {
        id: "H22",
        name: "格式文件文号有误",
        rule: Some(Rule::H22),
        severity: "警告",
        checks: "格式文件的文号不完整或括号不对（“国办公开办函202130 号”“[2019]60号”，网站编辑器常去掉〔〕）；2021 年度起仍引用 2019 年的试行格式；日期丢了“年”“月”（“2025  1  1  日”）；导入时标题写成“…政府信息公开工作报告”（少了“年度”）",
        source: "本程序的规则（规范未编号），据已发布报告中的常见毛病",
        example: "导语写“国办公开办函202130 号”（网站编辑器去掉了〔〕）；或“2025  1  1  日”丢了年、月。",
    },
    RuleText {
        id: "H23",
        name: "发布的是报送函",
        rule: Some(Rule::H23),
        severity: "警告",
        checks: "发布的是报送上级的报送函（“请审示”“特此报送”，标题“关于报送…”），不是年度报告本身",
        source: "本程序的规则（规范未编号），据已发布报告中的常见毛病",
        example: "网站上发布的是“关于报送2025年度政府信息公开工作年度报告的函……请审示”，而不是报告本身。",
    },
    RuleText {
        id: "L1",
        name: "字数超过本地上限",
        rule: Some(Rule::L1),
        severity: "本地要求定",
        checks: "本地要求：某一节或某一方面的字数超过上限",
        source: "本地要求（设置 → 本地要求… 中的规则配置文件）",
        example: "按“某市2025年度要求”，“（一）主动公开”不超过 300 字，写了 420 字。",
    },
    RuleText {
        id: "L2",
        name: "未写本地要求的数量",
        rule: Some(Rule::L2),
        severity: "本地要求定",
        checks: "本地要求：某一方面应写明的数量（如政务新媒体的个数）未写",
        source: "本地要求（设置 → 本地要求… 中的规则配置文件）",
        example: "按本地要求，“（四）政府信息公开平台建设”应写明政务新媒体的个数，正文没有数字。",
    },
    RuleText {
        id: "L3",
        name: "晚于本地备案期限",
        rule: Some(Rule::L3),
        severity: "警告",
        checks: "本地要求：落款日期晚于报政务公开办备案的期限",
        source: "本地要求（设置 → 本地要求… 中的规则配置文件）",
        example: "本地要求 1 月 20 日前报政务公开办备案，落款日期是 1 月 28 日。",
    },
    RuleText {
        id: "SUM",
        name: "汇总不安全",
        rule: Some(Rule::Sum),
        severity: "警告/提示",
        checks: "汇总的上级报告（本程序的规则）：汇总时发现的不安全因素（年度或格式不一、单位报告有错误、单位重复或缺报、收费金额像按元填写）；表二制发件数和现行有效件数是上限（提示）；汇总值被手工改过（提示，列出各单位之和）",
        source: "本程序的规则（规范未编号）：汇总下级单位报告时",
        example: "汇总的 12 个单位中有一个是 2024 年度的报告，或一个单位的报告仍有错误：汇总结果不可靠。",
    },
    RuleText {
        id: "IMPORT",
        name: "导入时未能可靠读取",
        rule: Some(Rule::Import),
        severity: "警告/提示",
        checks: "导入时无法可靠读取的单元格、无法识别的行（单元格标橙点，不当作报告的错误）",
        source: "本程序的规则（规范未编号）：导入已发布的报告时",
        example: "PDF 中表三某格的数字与相邻格粘连，无法可靠拆开：该格标橙点，请对照原件核对，不当作报告的错误。",
    },
    RuleText {
        id: "OCR",
        name: "扫描件文字识别尚未核对",
        rule: Some(Rule::Ocr),
        severity: "警告",
        checks: "由扫描件文字识别（OCR）读取、尚未对照原件确认的单元格（标紫点；建立在这些格上的发现是导入警告，不当作报告的错误）",
        source: "本程序的规则（规范未编号）：导入扫描件时",
        example: "扫描件的表三共 175 格由文字识别读出，已核对 120 格：其余 55 格请在“核对扫描件识别结果”中逐格确认或改正。",
    },
];

/// The text of a rule that is reported.
pub fn text_of(rule: Rule) -> &'static RuleText {
    RULE_TEXTS
        .iter()
        .find(|t| t.rule == Some(rule))
        .unwrap_or(&RULE_TEXTS[0])
}

/// The README's rule list: id, severity, what it checks.
pub fn markdown_table() -> String {
    let mut out = String::from("| 编号 | 严重程度 | 查什么 |\n|---|---|---|\n");
    for t in &RULE_TEXTS {
        out.push_str(&format!("| {} | {} | {} |\n", t.id, t.severity, t.checks));
    }
    out
}

/// One rule as `nianbao rules ID` and the editor show it.
pub fn describe(t: &RuleText) -> String {
    format!(
        "{}（{}）\n查什么：{}\n依据：{}\n例子：{}\n",
        t.id, t.severity, t.checks, t.source, t.example
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reported_rule_has_its_text_once() {
        for rule in Rule::ALL {
            let n = RULE_TEXTS.iter().filter(|t| t.rule == Some(rule)).count();
            assert_eq!(n, 1, "{rule:?}");
            assert_eq!(text_of(rule).id, rule.id());
        }
    }

    #[test]
    fn the_readme_s_rule_list_is_this_table() {
        let readme = include_str!("../README.md");
        assert!(
            readme.contains(&markdown_table()),
            "README.md 的规则表与 src/rule_texts.rs 不一致：用 `nianbao rules --markdown` 重写它"
        );
    }
}
