//! The report model: meta data, narrative texts and the 200 cells, with exact value types.
//!
//! A cell is [`CellValue::Blank`] until filled (blank ≠ 0). Counts are `u64`; 收费金额 is a
//! [`WanAmount`], an exact decimal. Anything that is not a valid value (a negative number, a
//! fraction in a count, text, a number beyond `u64`) is kept as [`CellValue::Invalid`] with
//! its raw text, so nothing a user typed or a file contained is lost and the checks can
//! report it.

mod date;
mod provenance;
mod stamp;
mod value;

use std::collections::BTreeSet;

pub use date::Date;
pub use provenance::Provenance;
pub use stamp::Stamp;
pub use value::{CellValue, InputError, MAX_WAN_DECIMALS, WanAmount, normalize_digits};

use crate::template::{ALL_CELLS, TEMPLATE, TEXTS, TextId};

/// Which official format the report's tables follow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// 国办公开办函〔2021〕30号 (report years 2021 and later).
    #[default]
    V2021,
    /// 国办公开办函〔2019〕60号 trial format (report years 2019–2020).
    V2019,
    /// The 2021 format as some templates in circulation print it: 表三's （六）其他处理 as
    /// one row, not split into its three items (held in `t3.r3_6.*` like the 2019 row).
    V2021OneOtherRow,
}

impl Format {
    /// `"2021"` or `"2019"`.
    pub fn key(self) -> &'static str {
        match self {
            Format::V2021 => "2021",
            Format::V2019 => "2019",
            Format::V2021OneOtherRow => "2021-one-other-row",
        }
    }
    /// The format as a reader names it: `2021年版`, `2019年版`, `2021年版（（六）未分项）`.
    pub fn label(self) -> &'static str {
        match self {
            Format::V2021 => "2021年版",
            Format::V2019 => "2019年版",
            Format::V2021OneOtherRow => "2021年版（（六）未分项）",
        }
    }
    /// True when 表三's （六）其他处理 is one row (`t3.r3_6.*`): the 2019 format, or a 2021
    /// report whose template merged it.
    pub fn one_other_row(self) -> bool {
        matches!(self, Format::V2019 | Format::V2021OneOtherRow)
    }
    /// Parses `"2021"` or `"2019"`.
    pub fn from_key(s: &str) -> Option<Format> {
        match s {
            "2021" => Some(Format::V2021),
            "2019" => Some(Format::V2019),
            "2021-one-other-row" => Some(Format::V2021OneOtherRow),
            _ => None,
        }
    }
}

/// The kind of organ that publishes the report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OrganKind {
    /// 各级人民政府 (and the 政府办公室 that reports for it).
    Government,
    /// 政府部门.
    Department,
    /// 乡镇人民政府、街道办事处.
    Township,
    /// 其他.
    #[default]
    Other,
}

impl OrganKind {
    /// All kinds, in the order the UI offers them.
    pub const ALL: [OrganKind; 4] = [
        OrganKind::Government,
        OrganKind::Department,
        OrganKind::Township,
        OrganKind::Other,
    ];

    /// Chinese label, also the serialised form.
    pub fn label(self) -> &'static str {
        match self {
            OrganKind::Government => "人民政府",
            OrganKind::Department => "部门",
            OrganKind::Township => "乡镇街道",
            OrganKind::Other => "其他",
        }
    }

    /// Parses the Chinese label or an English alias.
    pub fn parse(s: &str) -> Option<OrganKind> {
        let s = s.trim();
        OrganKind::ALL.into_iter().find(|k| k.label() == s).or(
            match s.to_ascii_lowercase().as_str() {
                "government" | "gov" => Some(OrganKind::Government),
                "department" | "dept" => Some(OrganKind::Department),
                "township" | "street" => Some(OrganKind::Township),
                "other" => Some(OrganKind::Other),
                _ => None,
            },
        )
    }

    /// Infers the kind from an organ's full name. Used where a source has no explicit kind
    /// (published text): 乡/镇/街道 first, then 人民政府 (incl. its 办公室), then departments.
    pub fn infer(name: &str) -> OrganKind {
        let name = name.trim();
        let township_ends = ["乡", "镇", "街道", "街道办事处", "办事处", "街道办"];
        let township_govs = ["乡人民政府", "镇人民政府", "乡政府", "镇政府"];
        if township_ends.iter().any(|e| name.ends_with(e))
            || township_govs.iter().any(|e| name.ends_with(e))
        {
            return OrganKind::Township;
        }
        let gov_ends = [
            "人民政府",
            "人民政府办公室",
            "人民政府办公厅",
            "政府办公室",
            "政府办公厅",
            "政府办",
        ];
        if gov_ends.iter().any(|e| name.ends_with(e)) {
            return OrganKind::Government;
        }
        let dept_ends = [
            "局",
            "委员会",
            "委",
            "厅",
            "部",
            "署",
            "办公室",
            "办",
            "中心",
            "院",
            "所",
            "队",
            "处",
        ];
        if dept_ends.iter().any(|e| name.ends_with(e)) {
            return OrganKind::Department;
        }
        OrganKind::Other
    }
}

/// Report meta data.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// 机关全称.
    pub organ: String,
    /// 机关类型.
    pub organ_kind: OrganKind,
    /// 统计年度.
    pub year: Option<u16>,
    /// 发布日期.
    pub published: Option<Date>,
    /// 落款机关.
    pub signature: String,
    /// What was typed into 统计年度 or 发布日期 and refused, kept as typed (like a cell's
    /// `Invalid`): shown, counted as an error (H11), saved, blocking a final export.
    pub refused: RefusedMeta,
}

/// Parses a typed 统计年度 (`2025`, `2025年`, full-width digits): `Ok(None)` when empty, the
/// reason in Chinese when refused.
pub fn parse_year(text: &str) -> Result<Option<u16>, String> {
    use crate::template::SUPPORTED_YEARS;
    let t = normalize_digits(text.trim());
    let t = t.strip_suffix('年').unwrap_or(&t).trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u16>() {
        Ok(y) if SUPPORTED_YEARS.contains(&y) => Ok(Some(y)),
        Ok(_) => Err(format!(
            "年度应在{}至{}之间",
            SUPPORTED_YEARS.start(),
            SUPPORTED_YEARS.end()
        )),
        Err(_) => Err("年度只能是四位数字，如2025".to_string()),
    }
}

impl Meta {
    /// Takes a typed 统计年度: a valid year (or none) is stored; refused text is kept as
    /// typed and the year counts as not given.
    pub fn set_year_typed(&mut self, text: &str) {
        match parse_year(text) {
            Ok(year) => {
                self.year = year;
                self.refused.year = None;
            }
            Err(_) => {
                self.year = None;
                self.refused.year = Some(text.trim().to_string());
            }
        }
    }

    /// Takes a typed 发布日期, like [`Meta::set_year_typed`].
    pub fn set_published_typed(&mut self, text: &str) {
        if text.trim().is_empty() {
            self.published = None;
            self.refused.published = None;
            return;
        }
        match Date::parse_checked(text) {
            Ok(d) => {
                self.published = Some(d);
                self.refused.published = None;
            }
            Err(_) => {
                self.published = None;
                self.refused.published = Some(text.trim().to_string());
            }
        }
    }

    /// 统计年度 as shown: the refused text, else the year.
    pub fn year_text(&self) -> String {
        self.refused
            .year
            .clone()
            .unwrap_or_else(|| self.year.map(|y| y.to_string()).unwrap_or_default())
    }

    /// 发布日期 as shown: the refused text, else the date in Chinese.
    pub fn published_text(&self) -> String {
        self.refused
            .published
            .clone()
            .unwrap_or_else(|| self.published.map(|d| d.chinese()).unwrap_or_default())
    }
}

/// Refused input of the meta fields, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RefusedMeta {
    pub year: Option<String>,
    pub published: Option<String>,
}

/// A whole report: meta, twelve text fields and the 200 cells of the 2021 template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub format: Format,
    pub meta: Meta,
    texts: [String; TEXTS.len()],
    /// Headed sections that the source document did not contain at all (e.g. fixture 002
    /// has no section 六). Only fields with their own heading can be absent.
    absent: BTreeSet<TextId>,
    cells: Vec<CellValue>,
}

impl Default for Report {
    fn default() -> Self {
        Report {
            format: Format::V2021,
            meta: Meta::default(),
            texts: Default::default(),
            absent: BTreeSet::new(),
            cells: vec![CellValue::Blank; ALL_CELLS],
        }
    }
}

/// The day of the year after the report year by which the report must be published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub month: u8,
    pub day: u8,
}

impl Deadline {
    /// `MM-DD` (or `M-D`), e.g. `01-28`.
    pub fn parse(s: &str) -> Option<Deadline> {
        let (m, d) = s.trim().split_once(['-', '/', '.'])?;
        let (month, day): (u8, u8) = (m.parse().ok()?, d.parse().ok()?);
        Date::new(2001, month, day).map(|_| Deadline { month, day })
    }

    /// `MM-DD`, as [`Deadline::parse`] reads it.
    pub fn mm_dd(&self) -> String {
        format!("{:02}-{:02}", self.month, self.day)
    }

    /// 条例第四十九条: departments publish by 31 January, governments by 31 March. For
    /// 乡镇/街道 and other bodies the rules are local; 31 March, the latest national date, is
    /// the lenient default (a region sets its own: `--deadline`, 设置 → 发布期限).
    pub fn national(kind: OrganKind) -> Deadline {
        match kind {
            OrganKind::Department => Deadline { month: 1, day: 31 },
            _ => Deadline { month: 3, day: 31 },
        }
    }
}

impl Report {
    /// A blank 2021-format report for an organ and year.
    pub fn new(organ: &str, kind: OrganKind, year: u16) -> Report {
        let mut r = Report::default();
        r.meta.organ = organ.to_string();
        r.meta.organ_kind = kind;
        r.meta.year = Some(year);
        r.meta.signature = organ.to_string();
        r
    }

    /// For tests: a report of an organ with nothing to report, every cell 0.
    #[cfg(test)]
    pub(crate) fn all_zero(organ: &str, kind: OrganKind, year: u16) -> Report {
        let mut r = Report::new(organ, kind, year);
        for (i, spec) in crate::template::TEMPLATE.cells.iter().enumerate() {
            r.set_cell(i, CellValue::from_source(spec.kind, "0"));
        }
        r
    }

    /// The title: `{organ}{year}年政府信息公开工作年度报告`.
    pub fn title(&self) -> String {
        match self.meta.year {
            Some(y) => format!(
                "{}{}年{}",
                self.meta.organ,
                y,
                crate::template::TITLE_SUFFIX
            ),
            None => format!("{}{}", self.meta.organ, crate::template::TITLE_SUFFIX),
        }
    }

    /// The cell at a template index.
    pub fn cell(&self, index: usize) -> &CellValue {
        &self.cells[index]
    }

    /// All cells in template order.
    pub fn cells(&self) -> &[CellValue] {
        &self.cells
    }

    /// Replaces a cell's value.
    pub fn set_cell(&mut self, index: usize, value: CellValue) {
        self.cells[index] = value;
    }

    /// The cell with a stable id.
    pub fn cell_by_id(&self, id: &str) -> Option<&CellValue> {
        TEMPLATE.index_of(id).map(|i| &self.cells[i])
    }

    /// A text field; None if the source document lacked that section.
    pub fn text(&self, id: TextId) -> Option<&str> {
        (!self.absent.contains(&id)).then(|| self.texts[id.index()].as_str())
    }

    /// A text field for editing; marks the section as present.
    pub fn text_mut(&mut self, id: TextId) -> &mut String {
        self.absent.remove(&id);
        &mut self.texts[id.index()]
    }

    /// Sets a text field (present).
    pub fn set_text(&mut self, id: TextId, text: impl Into<String>) {
        *self.text_mut(id) = text.into();
    }

    /// Marks a headed section as missing from the source document. Fields without a
    /// heading of their own cannot be absent and are set to empty instead.
    pub fn set_absent(&mut self, id: TextId) {
        self.texts[id.index()].clear();
        if id.spec().heading.is_some() {
            self.absent.insert(id);
        }
    }
}

/// An organ's name as compared across title, 落款 and units: no spaces, half-width brackets.
pub fn normalize_organ(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

/// What ends a region a name may be prefixed with (淮安市, 江苏省淮安市, 某县 before a town):
/// the whole name is never taken for its region (at least four characters stay).
const REGION_ENDINGS: [&str; 10] = [
    "自治区",
    "自治州",
    "地区",
    "省",
    "市",
    "州",
    "盟",
    "县",
    "区",
    "旗",
];

/// `name` (normalized) and what stays of it without each region prefix it may carry (one or
/// more segments of 2 to 10 characters ending in 省, 市, 县, …), as long as what stays still
/// names one organ (at least five characters: 人民政府 alone names none): `淮安市洪泽区人民政府`
/// gives itself and `洪泽区人民政府`.
pub fn region_tails(name: &str) -> Vec<&str> {
    let mut tails = vec![name];
    let mut k = 0;
    while k < tails.len() && tails.len() < 16 {
        let rest = tails[k];
        for (at, _) in rest.char_indices().skip(1).take(10) {
            let head = &rest[..at];
            let tail = &rest[at..];
            if REGION_ENDINGS.iter().any(|end| head.ends_with(end))
                && tail.chars().count() >= 5
                && !tails.contains(&tail)
            {
                tails.push(tail);
            }
        }
        k += 1;
    }
    tails
}

/// Whether two organ names name one organ: equal once spaces and brackets are normalized, or
/// one is the other with its region in front (淮安市洪泽区人民政府 / 洪泽区人民政府). Whether
/// the pairing is unique is the caller's to decide.
pub fn same_organ(a: &str, b: &str) -> bool {
    let (a, b) = (normalize_organ(a), normalize_organ(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (long, short) = if a.len() > b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    region_tails(long).contains(&short.as_str())
}

#[cfg(test)]
mod tests {

    use super::*;

    #[test]
    fn an_organ_is_one_organ_with_or_without_its_region() {
        assert!(same_organ("淮安市洪泽区人民政府", "洪泽区人民政府"));
        assert!(same_organ("洪泽区人民政府", "江苏省淮安市洪泽区人民政府"));
        assert!(same_organ("广州市海珠区人民政府", "海珠区 人民政府"));
        assert!(same_organ("某县人民政府（办公室）", "某县人民政府(办公室)"));
        assert!(!same_organ("洪泽区人民政府", "清江浦区人民政府"));
        assert!(!same_organ("某市生态环境局", "另市生态环境局"));
        assert!(!same_organ("洪泽区人民政府", "洪泽区人民政府办公室"));
        assert!(!same_organ("", ""));
        assert!(same_organ("某县城关镇人民政府", "城关镇人民政府"));
        assert!(!same_organ("某县城关镇人民政府", "某县人民政府"));
    }

    #[test]
    fn infer_kinds() {
        assert_eq!(
            OrganKind::infer("清河县人民政府办公室"),
            OrganKind::Government
        );
        assert_eq!(OrganKind::infer("汇源街道办事处"), OrganKind::Township);
        assert_eq!(OrganKind::infer("某某镇人民政府"), OrganKind::Township);
        assert_eq!(OrganKind::infer("某市生态环境局"), OrganKind::Department);
        assert_eq!(OrganKind::infer("某协会"), OrganKind::Other);
    }

    #[test]
    fn absent_sections() {
        let mut r = Report::default();
        r.set_absent(TextId::S6);
        assert_eq!(r.text(TextId::S6), None);
        r.set_absent(TextId::Intro);
        assert_eq!(r.text(TextId::Intro), Some(""));
        r.text_mut(TextId::S6).push('无');
        assert_eq!(r.text(TextId::S6), Some("无"));
    }
}
