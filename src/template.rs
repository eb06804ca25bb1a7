//! The 2021 template (国办公开办函〔2021〕30号) as data: every label, every stable id, and
//! which cells sum to which. Defined once; the model, checks, exporters, importer and editor
//! all read it. Labels are character for character those of `template-2021.md` §2.

use std::sync::LazyLock;

/// Title suffix after `{organ}{year}年`.
pub const TITLE_SUFFIX: &str = "政府信息公开工作年度报告";

/// Number of data cells in the 2021 format (表二 10 + 表三 175 + 表四 15).
pub const CELL_COUNT: usize = T2_CELL_COUNT + T3_ROWS.len() * T3_COLUMNS.len() + T4_CELL_COUNT;
/// First of the seven cells of the 2019 format's single （六）其他处理 row (`t3.r3_6.*`,
/// spec §2.5 and §4.5), which come after the 200 cells of the 2021 template.
pub const T3_R3_6_2019: usize = CELL_COUNT;
/// All cells a report holds: the 2021 template plus the 2019 （六） row.
pub const ALL_CELLS: usize = CELL_COUNT + T3_COLUMNS.len();

/// Cell index of the 2019 （六）其他处理 row in a column.
pub const fn t3_r3_6_2019(col: usize) -> usize {
    T3_R3_6_2019 + col
}
const T2_CELL_COUNT: usize = 10;
const T4_CELL_COUNT: usize = 15;
/// Index of the first 表三 cell in [`Template::cells`].
pub const T3_BASE: usize = T2_CELL_COUNT;
/// Index of the first 表四 cell in [`Template::cells`].
pub const T4_BASE: usize = T3_BASE + T3_ROWS.len() * T3_COLUMNS.len();

/// The kind of value a cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKind {
    /// A count (件, number of decisions): a non-negative integer.
    Count,
    /// 收费金额 in 万元: a non-negative decimal with up to 4 places.
    AmountWan,
}

/// Which of the three tables a cell belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableId {
    /// 表二 主动公开
    T2,
    /// 表三 申请处理
    T3,
    /// 表四 复议诉讼
    T4,
}

/// One data cell of the template.
#[derive(Clone, Debug)]
pub struct CellSpec {
    /// Stable id, e.g. `t3.r3_3_1.np`.
    pub id: String,
    pub table: TableId,
    pub kind: CellKind,
    /// A sum the editor computes (总计 column, （七）总计 row, 表四 总计).
    pub computed: bool,
    /// A short Chinese name for messages, e.g. `三(三)1·自然人`.
    pub short_name: String,
    /// A cell of the 2019 trial format only (`t3.r3_6.*`): blank in 2021 reports, not in
    /// the 2021 grids, written to drafts and JSON only when filled.
    pub legacy_2019: bool,
}

// ---------------------------------------------------------------------------------------
// Sections and text fields
// ---------------------------------------------------------------------------------------

/// A narrative text field of the report (spec §2.5 ids, plus `s1`, the optional lead text of
/// section 一 before its five sub-areas).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TextId {
    Intro,
    S1,
    S1_1,
    S1_2,
    S1_3,
    S1_4,
    S1_5,
    S2,
    S3,
    S4,
    S5,
    S6,
}

/// Static description of a text field.
#[derive(Clone, Copy, Debug)]
pub struct TextSpec {
    pub id: TextId,
    /// Stable id used in drafts, JSON and findings.
    pub key: &'static str,
    /// Name shown to the user.
    pub name: &'static str,
    /// Heading printed before the text, if the field has its own heading.
    pub heading: Option<&'static str>,
    /// Keywords that identify the field's heading on import (any of them).
    pub heading_keywords: &'static [&'static str],
}

/// All text fields in document order.
pub const TEXTS: [TextSpec; 12] = [
    TextSpec {
        id: TextId::Intro,
        key: "intro",
        name: "导语",
        heading: None,
        heading_keywords: &[],
    },
    TextSpec {
        id: TextId::S1,
        key: "s1",
        name: "总体情况概述",
        heading: None,
        heading_keywords: &[],
    },
    TextSpec {
        id: TextId::S1_1,
        key: "s1_1",
        name: "（一）主动公开",
        heading: Some("（一）主动公开"),
        heading_keywords: &["主动公开"],
    },
    TextSpec {
        id: TextId::S1_2,
        key: "s1_2",
        name: "（二）依申请公开",
        heading: Some("（二）依申请公开"),
        heading_keywords: &["依申请"],
    },
    TextSpec {
        id: TextId::S1_3,
        key: "s1_3",
        name: "（三）政府信息管理",
        heading: Some("（三）政府信息管理"),
        heading_keywords: &["信息管理"],
    },
    TextSpec {
        id: TextId::S1_4,
        key: "s1_4",
        name: "（四）政府信息公开平台建设",
        heading: Some("（四）政府信息公开平台建设"),
        heading_keywords: &["平台"],
    },
    TextSpec {
        id: TextId::S1_5,
        key: "s1_5",
        name: "（五）监督保障",
        heading: Some("（五）监督保障"),
        heading_keywords: &["监督", "保障"],
    },
    TextSpec {
        id: TextId::S2,
        key: "s2",
        name: "二、表前说明",
        heading: None,
        heading_keywords: &[],
    },
    TextSpec {
        id: TextId::S3,
        key: "s3",
        name: "三、表前说明",
        heading: None,
        heading_keywords: &[],
    },
    TextSpec {
        id: TextId::S4,
        key: "s4",
        name: "四、表前说明",
        heading: None,
        heading_keywords: &[],
    },
    TextSpec {
        id: TextId::S5,
        key: "s5",
        name: "五、存在的主要问题及改进情况",
        heading: Some("五、存在的主要问题及改进情况"),
        heading_keywords: &["问题"],
    },
    TextSpec {
        id: TextId::S6,
        key: "s6",
        name: "六、其他需要报告的事项",
        heading: Some("六、其他需要报告的事项"),
        heading_keywords: &["其他需要报告"],
    },
];

impl TextId {
    /// Position in [`TEXTS`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The section the text stands in; None for the 导语, which precedes them.
    pub fn section(self) -> Option<SectionId> {
        match self {
            TextId::Intro => None,
            TextId::S1
            | TextId::S1_1
            | TextId::S1_2
            | TextId::S1_3
            | TextId::S1_4
            | TextId::S1_5 => Some(SectionId::S1),
            TextId::S2 => Some(SectionId::S2),
            TextId::S3 => Some(SectionId::S3),
            TextId::S4 => Some(SectionId::S4),
            TextId::S5 => Some(SectionId::S5),
            TextId::S6 => Some(SectionId::S6),
        }
    }
    /// The static description.
    pub fn spec(self) -> &'static TextSpec {
        &TEXTS[self.index()]
    }
    /// The stable id, e.g. `s1_2`.
    pub fn key(self) -> &'static str {
        self.spec().key
    }
    /// Looks a text field up by its stable id.
    pub fn from_key(key: &str) -> Option<TextId> {
        TEXTS.iter().find(|t| t.key == key).map(|t| t.id)
    }
    /// The five sub-areas of section 一.
    /// The fields of section 一: its lead text and the five sub-areas.
    pub const SECTION_ONE: [TextId; 6] = [
        TextId::S1,
        TextId::S1_1,
        TextId::S1_2,
        TextId::S1_3,
        TextId::S1_4,
        TextId::S1_5,
    ];

    pub const AREAS: [TextId; 5] = [
        TextId::S1_1,
        TextId::S1_2,
        TextId::S1_3,
        TextId::S1_4,
        TextId::S1_5,
    ];
}

impl TableId {
    /// `t2`, `t3`, `t4` (JSON, findings).
    pub fn key(self) -> &'static str {
        match self {
            TableId::T2 => "t2",
            TableId::T3 => "t3",
            TableId::T4 => "t4",
        }
    }

    /// The section the table stands in (二, 三, 四).
    pub fn section(self) -> SectionId {
        match self {
            TableId::T2 => SectionId::S2,
            TableId::T3 => SectionId::S3,
            TableId::T4 => SectionId::S4,
        }
    }

    /// 表二, 表三, 表四.
    pub fn name(self) -> &'static str {
        match self {
            TableId::T2 => "表二",
            TableId::T3 => "表三",
            TableId::T4 => "表四",
        }
    }
}

/// One of the six top-level sections, 一 … 六.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SectionId {
    S1,
    S2,
    S3,
    S4,
    S5,
    S6,
}

impl SectionId {
    /// The six in order.
    pub const ALL: [SectionId; 6] = [
        SectionId::S1,
        SectionId::S2,
        SectionId::S3,
        SectionId::S4,
        SectionId::S5,
        SectionId::S6,
    ];

    /// 0 for 一 … 5 for 六.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The section's heading and key.
    pub fn spec(self) -> &'static SectionSpec {
        &SECTIONS[self.index()]
    }
}

/// A part of the report as the outline shows it: 基本信息 (title, meta fields, 导语), or
/// one of the six sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Basics,
    Section(SectionId),
}

impl Part {
    /// The seven parts in order.
    pub const ALL: [Part; 7] = [
        Part::Basics,
        Part::Section(SectionId::S1),
        Part::Section(SectionId::S2),
        Part::Section(SectionId::S3),
        Part::Section(SectionId::S4),
        Part::Section(SectionId::S5),
        Part::Section(SectionId::S6),
    ];

    /// 0 for 基本信息, 1 … 6 for the sections (an index into a table of seven).
    pub fn index(self) -> usize {
        match self {
            Part::Basics => 0,
            Part::Section(s) => s.index() + 1,
        }
    }
}

/// The six top-level sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SectionSpec {
    /// `s1` … `s6`.
    pub key: &'static str,
    /// Canonical heading, e.g. `一、总体情况`.
    pub heading: &'static str,
    /// Numeral prefix, e.g. `一、`.
    pub numeral: &'static str,
    /// Heading without its numeral, for recognising headings printed without numbers.
    pub bare: &'static str,
    /// Accepted variant spellings (without numeral).
    pub variants: &'static [&'static str],
}

/// Headings of the report format used before 2019 (政府信息公开工作年度报告, 2008–2018),
/// which name the old format when a later report still uses them.
pub const PRE_2019_HEADINGS: [&str; 5] = [
    "一、概述",
    "四、政府信息公开的收费及减免情况",
    "四、政府信息公开收费及减免情况",
    "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
    "七、其他需要报告的事项",
];

/// The six sections in order.
pub const SECTIONS: [SectionSpec; 6] = [
    SectionSpec {
        key: "s1",
        heading: "一、总体情况",
        numeral: "一、",
        bare: "总体情况",
        variants: &[],
    },
    SectionSpec {
        key: "s2",
        heading: "二、主动公开政府信息情况",
        numeral: "二、",
        bare: "主动公开政府信息情况",
        variants: &[],
    },
    SectionSpec {
        key: "s3",
        heading: "三、收到和处理政府信息公开申请情况",
        numeral: "三、",
        bare: "收到和处理政府信息公开申请情况",
        variants: &[],
    },
    SectionSpec {
        key: "s4",
        heading: "四、政府信息公开行政复议、行政诉讼情况",
        numeral: "四、",
        bare: "政府信息公开行政复议、行政诉讼情况",
        variants: &["因政府信息公开工作被申请行政复议、提起行政诉讼的情况"],
    },
    SectionSpec {
        key: "s5",
        heading: "五、存在的主要问题及改进情况",
        numeral: "五、",
        bare: "存在的主要问题及改进情况",
        variants: &[
            "存在的主要问题和改进情况",
            "政府信息公开工作存在的主要问题及改进情况",
            "政府信息公开工作存在的主要问题及改进措施",
            "存在的主要问题及改进措施",
        ],
    },
    SectionSpec {
        key: "s6",
        heading: "六、其他需要报告的事项",
        numeral: "六、",
        bare: "其他需要报告的事项",
        variants: &[],
    },
];

// ---------------------------------------------------------------------------------------
// 表二
// ---------------------------------------------------------------------------------------

/// A block of 表二 (one 第二十条 item).
#[derive(Clone, Copy, Debug)]
pub struct T2Block {
    /// `art20_1`, `art20_5`, `art20_6`, `art20_8`.
    pub id: &'static str,
    /// Caption row, e.g. `第二十条第（一）项`.
    pub caption: &'static str,
    /// Column ids and header labels after 信息内容.
    pub columns: &'static [(&'static str, &'static str)],
    /// Accepted variant header labels for the single-column blocks.
    pub header_variants: &'static [&'static str],
    /// Row ids and labels.
    pub rows: &'static [(&'static str, &'static str)],
}

/// The header cell of 表二's label column.
pub const T2_CONTENT_HEADER: &str = "信息内容";

/// 表二's four blocks in order.
pub const T2_BLOCKS: [T2Block; 4] = [
    T2Block {
        id: "art20_1",
        caption: "第二十条第（一）项",
        columns: &[
            ("issued", "本年制发件数"),
            ("repealed", "本年废止件数"),
            ("in_force", "现行有效件数"),
        ],
        header_variants: &[],
        rows: &[("regulation", "规章"), ("normative", "行政规范性文件")],
    },
    T2Block {
        id: "art20_5",
        caption: "第二十条第（五）项",
        columns: &[("decisions", "本年处理决定数量")],
        header_variants: &[],
        rows: &[("licensing", "行政许可")],
    },
    T2Block {
        id: "art20_6",
        caption: "第二十条第（六）项",
        columns: &[("decisions", "本年处理决定数量")],
        header_variants: &[],
        rows: &[("penalty", "行政处罚"), ("coercion", "行政强制")],
    },
    T2Block {
        id: "art20_8",
        caption: "第二十条第（八）项",
        columns: &[("amount_wan", "本年收费金额（单位：万元）")],
        header_variants: &["本年收费金额（单位：万元，保留4位小数）"],
        rows: &[("fees", "行政事业性收费")],
    },
];

// ---------------------------------------------------------------------------------------
// 表三
// ---------------------------------------------------------------------------------------

/// The note printed in 表三's top-left header cell.
pub const T3_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
/// Header over all seven data columns.
pub const T3_APPLICANTS_HEADER: &str = "申请人情况";
/// Header over the five organisation columns.
pub const T3_ORGS_HEADER: &str = "法人或其他组织";

/// A column of 表三.
#[derive(Clone, Copy, Debug)]
pub struct T3Column {
    pub id: &'static str,
    pub label: &'static str,
    /// Under the 法人或其他组织 header.
    pub is_org: bool,
    /// Accepted variant labels on import.
    pub variants: &'static [&'static str],
}

/// 表三's seven data columns in order; the last is 总计.
pub const T3_COLUMNS: [T3Column; 7] = [
    T3Column {
        id: "np",
        label: "自然人",
        is_org: false,
        variants: &[],
    },
    T3Column {
        id: "corp_biz",
        label: "商业企业",
        is_org: true,
        variants: &[],
    },
    T3Column {
        id: "corp_sci",
        label: "科研机构",
        is_org: true,
        variants: &[],
    },
    T3Column {
        id: "corp_ngo",
        label: "社会公益组织",
        is_org: true,
        variants: &["社会组织"],
    },
    T3Column {
        id: "corp_law",
        label: "法律服务机构",
        is_org: true,
        variants: &[],
    },
    T3Column {
        id: "corp_oth",
        label: "其他",
        is_org: true,
        variants: &[],
    },
    T3Column {
        id: "total",
        label: "总计",
        is_org: false,
        variants: &[],
    },
];
/// Index of the 总计 column.
pub const T3_TOTAL_COL: usize = 6;

/// What a 表三 row counts, for the arithmetic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum T3Role {
    /// 一、本年新收
    NewlyReceived,
    /// 二、上年结转
    CarriedOver,
    /// One of the 21 leaves of 三、本年度办理结果.
    Outcome,
    /// （七）总计
    OutcomeTotal,
    /// 四、结转下年度继续办理
    CarriedForward,
}

/// The date line under the signature when no date is set (as the Word template prints it).
pub const DATE_PLACEHOLDER: &str = "年  月  日";

/// The statistical years this program writes reports for: the 2019 trial format's first
/// year to far ahead (older reports are read, and reported as an old format).
pub const SUPPORTED_YEARS: std::ops::RangeInclusive<u16> = 2019..=2100;

/// Index into [`T3_GROUPS`] of （六）其他处理: three rows in 2021, a single row in 2019.
pub const T3_OTHER_HANDLING: usize = 4;

/// A group cell of 表三 (layout only; no data).
#[derive(Clone, Copy, Debug)]
pub struct T3Group {
    pub id: &'static str,
    pub label: &'static str,
}

/// 表三's group cells: the vertical 三、本年度办理结果 and （三）–（六）.
pub const T3_GROUPS: [T3Group; 5] = [
    T3Group {
        id: "r3",
        label: "三、本年度办理结果",
    },
    T3Group {
        id: "r3_3",
        label: "（三）不予公开",
    },
    T3Group {
        id: "r3_4",
        label: "（四）无法提供",
    },
    T3Group {
        id: "r3_5",
        label: "（五）不予处理",
    },
    T3Group {
        id: "r3_6",
        label: "（六）其他处理",
    },
];

/// A data row of 表三.
#[derive(Clone, Copy, Debug)]
pub struct T3Row {
    pub id: &'static str,
    pub label: &'static str,
    /// Short name for messages, e.g. `三(三)1`.
    pub short: &'static str,
    pub role: T3Role,
    /// Index into [`T3_GROUPS`] of the innermost group (None for 一, 二, 四).
    pub group: Option<usize>,
    /// What the row counts (hover help in the editor).
    pub help: &'static str,
    /// Accepted variant labels on import.
    pub variants: &'static [&'static str],
}

const fn row(
    id: &'static str,
    label: &'static str,
    short: &'static str,
    role: T3Role,
    group: Option<usize>,
    help: &'static str,
) -> T3Row {
    T3Row {
        id,
        label,
        short,
        role,
        group,
        help,
        variants: &[],
    }
}

use T3Role::*;

/// 表三's 25 data rows in order.
pub const T3_ROWS: [T3Row; 25] = [
    row(
        "r1",
        "一、本年新收政府信息公开申请数量",
        "一",
        NewlyReceived,
        None,
        "本年度内新收到的政府信息公开申请件数。",
    ),
    row(
        "r2",
        "二、上年结转政府信息公开申请数量",
        "二",
        CarriedOver,
        None,
        "上一年度结转到本年度继续办理的申请件数，应等于上年报告的“四、结转下年度继续办理”。",
    ),
    row(
        "r3_1",
        "（一）予以公开",
        "三(一)",
        Outcome,
        Some(0),
        "本年度办结、全部予以公开的申请件数。",
    ),
    row(
        "r3_2",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "三(二)",
        Outcome,
        Some(0),
        "区分处理、部分公开的申请件数。只计这一情形，不再计入（三）至（六）。",
    ),
    row(
        "r3_3_1",
        "1.属于国家秘密",
        "三(三)1",
        Outcome,
        Some(1),
        "因属于国家秘密不予公开（条例第十四条）。",
    ),
    T3Row {
        id: "r3_3_2",
        label: "2.其他法律行政法规禁止公开",
        short: "三(三)2",
        role: Outcome,
        group: Some(1),
        help: "法律、行政法规禁止公开的（条例第十四条）。",
        variants: &["2.其他法律法规禁止公开"],
    },
    row(
        "r3_3_3",
        "3.危及“三安全一稳定”",
        "三(三)3",
        Outcome,
        Some(1),
        "公开后可能危及国家安全、公共安全、经济安全、社会稳定的（条例第十四条）。",
    ),
    row(
        "r3_3_4",
        "4.保护第三方合法权益",
        "三(三)4",
        Outcome,
        Some(1),
        "涉及商业秘密、个人隐私等，公开会损害第三方合法权益的（条例第十五条）。",
    ),
    row(
        "r3_3_5",
        "5.属于三类内部事务信息",
        "三(三)5",
        Outcome,
        Some(1),
        "人事管理、后勤管理、内部工作流程等内部事务信息（条例第十六条第一款）。",
    ),
    row(
        "r3_3_6",
        "6.属于四类过程性信息",
        "三(三)6",
        Outcome,
        Some(1),
        "讨论记录、过程稿、磋商信函、请示报告等过程性信息（条例第十六条第二款）。",
    ),
    row(
        "r3_3_7",
        "7.属于行政执法案卷",
        "三(三)7",
        Outcome,
        Some(1),
        "行政执法案卷信息（条例第十六条第二款）。",
    ),
    row(
        "r3_3_8",
        "8.属于行政查询事项",
        "三(三)8",
        Outcome,
        Some(1),
        "工商、不动产登记资料等有专门查询规定的事项。",
    ),
    row(
        "r3_4_1",
        "1.本机关不掌握相关政府信息",
        "三(四)1",
        Outcome,
        Some(2),
        "本机关不掌握、或不负责制作保存相关政府信息的。",
    ),
    row(
        "r3_4_2",
        "2.没有现成信息需要另行制作",
        "三(四)2",
        Outcome,
        Some(2),
        "没有现成信息，需要另行制作、加工分析的。",
    ),
    row(
        "r3_4_3",
        "3.补正后申请内容仍不明确",
        "三(四)3",
        Outcome,
        Some(2),
        "经补正后申请内容仍不明确的。",
    ),
    row(
        "r3_5_1",
        "1.信访举报投诉类申请",
        "三(五)1",
        Outcome,
        Some(3),
        "以政府信息公开申请形式进行信访、投诉、举报的（条例第三十九条）。",
    ),
    row(
        "r3_5_2",
        "2.重复申请",
        "三(五)2",
        Outcome,
        Some(3),
        "重复申请相同政府信息的。",
    ),
    row(
        "r3_5_3",
        "3.要求提供公开出版物",
        "三(五)3",
        Outcome,
        Some(3),
        "要求提供政府公报、报刊、书籍等公开出版物的（条例第三十九条）。",
    ),
    row(
        "r3_5_4",
        "4.无正当理由大量反复申请",
        "三(五)4",
        Outcome,
        Some(3),
        "无正当理由大量、反复申请的（条例第三十五条）。",
    ),
    row(
        "r3_5_5",
        "5.要求行政机关确认或重新出具已获取信息",
        "三(五)5",
        Outcome,
        Some(3),
        "要求确认或重新出具已获取信息的。",
    ),
    row(
        "r3_6_1",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "三(六)1",
        Outcome,
        Some(4),
        "申请人无正当理由逾期不补正，行政机关不再处理的。",
    ),
    row(
        "r3_6_2",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "三(六)2",
        Outcome,
        Some(4),
        "申请人逾期未缴纳信息处理费，行政机关不再处理的（条例第四十二条、国办函〔2020〕109号）。",
    ),
    row(
        "r3_6_3",
        "3.其他",
        "三(六)3",
        Outcome,
        Some(4),
        "其他处理情形。",
    ),
    row(
        "r3_7",
        "（七）总计",
        "三(七)",
        OutcomeTotal,
        Some(0),
        "（一）至（六）各项之和。",
    ),
    row(
        "r4",
        "四、结转下年度继续办理",
        "四",
        CarriedForward,
        None,
        "本年度未办结、结转到下一年度继续办理的申请件数。",
    ),
];

/// How the PDF prints the 2019 format's single （六） row (a note under 表三), followed by
/// `自然人3，商业企业0，…，总计3。` (`空` for a blank cell); the importer reads it back.
pub const LEGACY_2019_NOTE: &str = "注：本报告按2019年版格式填报，（六）其他处理为一行、未分项：";
/// The note under 表三 of a 2021-format report whose （六）其他处理 was printed as one row.
pub const ONE_OTHER_ROW_NOTE: &str = "注：原报告表三（六）其他处理印为一行、未分为三项：";
/// How a blank cell is written in [`LEGACY_2019_NOTE`].
pub const LEGACY_2019_BLANK: &str = "空";

/// A 表三 row's plain name for messages: its group and its label, e.g.
/// `（三）不予公开·7.属于行政执法案卷`; rows outside a group by their label.
pub fn t3_row_name(r: usize) -> String {
    let row = &T3_ROWS[r];
    match row.group {
        Some(g) if g != 0 => format!("{}·{}", T3_GROUPS[g].label, row.label),
        _ => row.label.to_string(),
    }
}

/// Index of row （七）总计 in [`T3_ROWS`].
pub const T3_R3_7: usize = 23;

// ---------------------------------------------------------------------------------------
// 表四
// ---------------------------------------------------------------------------------------

/// Top header of 表四's review block.
pub const T4_REVIEW_HEADER: &str = "行政复议";
/// Top header over both lawsuit blocks.
pub const T4_SUIT_HEADER: &str = "行政诉讼";

/// A block of 表四.
#[derive(Clone, Copy, Debug)]
pub struct T4Group {
    pub id: &'static str,
    pub label: &'static str,
}

/// 表四's three blocks.
pub const T4_GROUPS: [T4Group; 3] = [
    T4Group {
        id: "review",
        label: "行政复议",
    },
    T4Group {
        id: "suit_direct",
        label: "未经复议直接起诉",
    },
    T4Group {
        id: "suit_after_review",
        label: "复议后起诉",
    },
];

/// 表四's five columns per block; the last is 总计.
pub const T4_COLUMNS: [(&str, &str); 5] = [
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
];

// ---------------------------------------------------------------------------------------
// The assembled cell list
// ---------------------------------------------------------------------------------------

/// The whole template's cells, in order: 表二, 表三 row-major, 表四 block-major.
pub struct Template {
    pub cells: Vec<CellSpec>,
    by_id: std::collections::HashMap<String, usize>,
}

impl Template {
    /// Index of the cell with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }
}

/// The template, built once.
pub static TEMPLATE: LazyLock<Template> = LazyLock::new(build_template);

fn build_template() -> Template {
    let mut cells = Vec::with_capacity(CELL_COUNT);
    for block in &T2_BLOCKS {
        for (row_id, row_label) in block.rows {
            for (col_id, col_label) in block.columns {
                let kind = if *col_id == "amount_wan" {
                    CellKind::AmountWan
                } else {
                    CellKind::Count
                };
                let short_name = if block.columns.len() > 1 {
                    format!("{row_label}·{col_label}")
                } else {
                    (*row_label).to_string()
                };
                cells.push(CellSpec {
                    id: format!("t2.{}.{}.{}", block.id, row_id, col_id),
                    table: TableId::T2,
                    kind,
                    computed: false,
                    short_name,
                    legacy_2019: false,
                });
            }
        }
    }
    debug_assert_eq!(cells.len(), T3_BASE);
    for (r, row) in T3_ROWS.iter().enumerate() {
        for (c, col) in T3_COLUMNS.iter().enumerate() {
            cells.push(CellSpec {
                id: format!("t3.{}.{}", row.id, col.id),
                table: TableId::T3,
                kind: CellKind::Count,
                computed: c == T3_TOTAL_COL || r == T3_R3_7,
                short_name: format!("{}·{}", row.short, col.label),
                legacy_2019: false,
            });
        }
    }
    debug_assert_eq!(cells.len(), T4_BASE);
    for group in &T4_GROUPS {
        for (i, (col_id, col_label)) in T4_COLUMNS.iter().enumerate() {
            cells.push(CellSpec {
                id: format!("t4.{}.{}", group.id, col_id),
                table: TableId::T4,
                kind: CellKind::Count,
                computed: i == T4_COLUMNS.len() - 1,
                short_name: format!("{}·{}", group.label, col_label),
                legacy_2019: false,
            });
        }
    }
    debug_assert_eq!(cells.len(), CELL_COUNT);
    for (c, col) in T3_COLUMNS.iter().enumerate() {
        cells.push(CellSpec {
            id: format!("t3.r3_6.{}", col.id),
            table: TableId::T3,
            kind: CellKind::Count,
            computed: c == T3_TOTAL_COL,
            short_name: format!("三(六)·{}", col.label),
            legacy_2019: true,
        });
    }
    debug_assert_eq!(cells.len(), ALL_CELLS);
    let by_id = cells
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    Template { cells, by_id }
}

// ---------------------------------------------------------------------------------------
// 勾稽: which cells sum to which
// ---------------------------------------------------------------------------------------

/// What a [`Sum`] totals; the spec's rule is S1 for rows, S2 for columns, S4 for 表四.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SumOf {
    /// S1: a 表三 row's 总计 is its six applicant columns (row index into [`T3_ROWS`]).
    T3Row(usize),
    /// S1 for the 2019 format's single （六）其他处理 row (only in 2019-format reports).
    T3Row2019Other,
    /// S2: a 表三 column's （七）总计 is the outcome leaves of that column.
    T3Column(usize),
    /// S4: a 表四 block's 总计 is 维持 + 纠正 + 其他 + 尚未审结 (index into [`T4_GROUPS`]).
    T4Block(usize),
}

/// One sum of the template: `total` = the sum of `parts`.
#[derive(Clone, Debug)]
pub struct Sum {
    pub of: SumOf,
    pub total: usize,
    pub parts: Vec<usize>,
}

/// Every sum of the template, in the order the totals are computed: a computed total is
/// never a part of a sum before it, and each computed cell is the total of the first sum
/// that names it (（七）总计's 总计 column is its row's sum; the column sum after it checks it).
pub static SUMS: LazyLock<Vec<Sum>> = LazyLock::new(build_sums);

fn build_sums() -> Vec<Sum> {
    let outcome_rows: Vec<usize> = (0..T3_ROWS.len())
        .filter(|&r| T3_ROWS[r].role == T3Role::Outcome)
        .collect();
    let column = |c: usize| Sum {
        of: SumOf::T3Column(c),
        total: t3(T3_R3_7, c),
        // The 2019 format's （六） row is blank in 2021 reports: it adds nothing there.
        parts: outcome_rows
            .iter()
            .map(|&r| t3(r, c))
            .chain(std::iter::once(t3_r3_6_2019(c)))
            .collect(),
    };
    let mut sums: Vec<Sum> = (0..T3_TOTAL_COL).map(column).collect();
    sums.push(Sum {
        of: SumOf::T3Row2019Other,
        total: t3_r3_6_2019(T3_TOTAL_COL),
        parts: (0..T3_TOTAL_COL).map(t3_r3_6_2019).collect(),
    });
    sums.extend((0..T3_ROWS.len()).map(|r| Sum {
        of: SumOf::T3Row(r),
        total: t3(r, T3_TOTAL_COL),
        parts: (0..T3_TOTAL_COL).map(|c| t3(r, c)).collect(),
    }));
    let t4_total = T4_COLUMNS.len() - 1;
    sums.extend((0..T4_GROUPS.len()).map(|g| Sum {
        of: SumOf::T4Block(g),
        total: t4(g, t4_total),
        parts: (0..t4_total).map(|c| t4(g, c)).collect(),
    }));
    sums.push(column(T3_TOTAL_COL));
    sums
}

/// The cells a clerk fills in (every cell but the computed totals): what a 汇总 adds up.
pub fn input_cells() -> impl Iterator<Item = usize> {
    (0..ALL_CELLS).filter(|&i| !TEMPLATE.cells[i].computed)
}

/// The 表二 cells that are upper bounds in a 汇总: documents issued and in force (a document
/// issued jointly is counted by every issuer).
pub fn upper_bound_cells() -> Vec<usize> {
    let block = &T2_BLOCKS[0];
    (0..block.rows.len())
        .flat_map(|r| [t2(0, r, 0), t2(0, r, 2)])
        .collect()
}

/// The 表三 row of a role (一 本年新收, 二 上年结转, 四 结转下年度, （七）总计).
pub fn t3_row_of(role: T3Role) -> usize {
    T3_ROWS.iter().position(|r| r.role == role).unwrap_or(0)
}

/// Cell index of a 表三 cell.
pub const fn t3(row: usize, col: usize) -> usize {
    T3_BASE + row * T3_COLUMNS.len() + col
}

/// Cell index of a 表四 cell.
pub const fn t4(group: usize, col: usize) -> usize {
    T4_BASE + group * T4_COLUMNS.len() + col
}

/// Cell index of a 表二 cell by block, row and column position.
pub const fn t2(block: usize, row: usize, col: usize) -> usize {
    let mut before = 0;
    let mut b = 0;
    while b < block {
        before += T2_BLOCKS[b].rows.len() * T2_BLOCKS[b].columns.len();
        b += 1;
    }
    before + row * T2_BLOCKS[block].columns.len() + col
}

/// Index of the fee amount cell `t2.art20_8.fees.amount_wan`.
pub const T2_FEES: usize = 9;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_exactly_the_200_spec_ids() {
        assert_eq!(
            TEMPLATE.cells.iter().filter(|c| !c.legacy_2019).count(),
            200
        );
        assert_eq!(TEMPLATE.cells.len(), ALL_CELLS);
        assert!(TEMPLATE.cells[CELL_COUNT..].iter().all(|c| c.legacy_2019));
        assert_eq!(TEMPLATE.index_of("t3.r3_6.np"), Some(t3_r3_6_2019(0)));
        for id in [
            "t2.art20_1.regulation.issued",
            "t2.art20_1.normative.in_force",
            "t2.art20_5.licensing.decisions",
            "t2.art20_6.coercion.decisions",
            "t2.art20_8.fees.amount_wan",
            "t3.r1.np",
            "t3.r3_4_1.np",
            "t3.r3_7.total",
            "t3.r4.corp_oth",
            "t4.review.total",
            "t4.suit_after_review.pending",
        ] {
            assert!(TEMPLATE.index_of(id).is_some(), "{id}");
        }
        let unique: std::collections::HashSet<_> = TEMPLATE.cells.iter().map(|c| &c.id).collect();
        assert_eq!(unique.len(), ALL_CELLS);
    }

    #[test]
    fn index_helpers_agree_with_ids() {
        assert_eq!(TEMPLATE.cells[t3(0, 0)].id, "t3.r1.np");
        assert_eq!(
            TEMPLATE.cells[t3(T3_R3_7, T3_TOTAL_COL)].id,
            "t3.r3_7.total"
        );
        assert_eq!(TEMPLATE.cells[t4(2, 3)].id, "t4.suit_after_review.pending");
        assert_eq!(
            TEMPLATE.cells[t2(2, 1, 0)].id,
            "t2.art20_6.coercion.decisions"
        );
        assert_eq!(TEMPLATE.cells[T2_FEES].id, "t2.art20_8.fees.amount_wan");
        assert_eq!(TEMPLATE.cells[T2_FEES].kind, CellKind::AmountWan);
        assert_eq!(T3_ROWS[T3_R3_7].id, "r3_7");
    }

    #[test]
    fn twenty_one_outcome_leaves() {
        assert_eq!(
            T3_ROWS.iter().filter(|r| r.role == T3Role::Outcome).count(),
            21,
            "2 + 8 + 3 + 5 + 3 leaves (the spec text says 22, its own list gives 21)"
        );
    }
}
