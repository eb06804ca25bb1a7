//! Findings as data: the rule (spec ids), the severity, the places involved and a Chinese
//! message; made by the checks, the importer and the cross-year checks, gathered by
//! [`crate::analysis`].

use crate::template::{Part, SectionId, TEMPLATE, TableId, TextId};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// 错误: the report is wrong (a broken total, a negative count, a missing section).
    Error,
    /// 警告: very likely a problem a reviewer will flag.
    Warning,
    /// 提示: worth a look.
    Info,
}

impl Severity {
    /// `error`, `warning` or `info` (JSON).
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
    /// 错误 / 警告 / 提示.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// A rule of the spec (§3), or a finding of the importer.
///
/// There is no H17, on purpose: the spec's H17 is a rule that must not exist. 表四's cases
/// (复议、诉讼) do not tie to 表三's applications of the same year — a reconsideration may
/// concern a decision of an earlier year, and pending cases are decided the next year — so
/// no check links the two tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    O1,
    S1,
    S2,
    S4,
    S5,
    S6,
    S7,
    S8,
    S9,
    S10,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    H7,
    H8,
    H9,
    H10,
    H11,
    H12,
    H13,
    H14,
    H15,
    H16,
    /// Not in the spec's §3.3 (a rule of this program, from §1.3's title defects): the
    /// 机关全称 is a full name — it names its administrative place and is not a bare
    /// abbreviation (政府办, 办事处) — and the title's organ and the 落款 agree; on import,
    /// a title that writes 年度 twice.
    H19,
    /// Not in the spec's §3.3 (a rule of this program, from statistics practice): with last
    /// year's report, a 表三 总计 or a 表二 count that changes by more than half and by more
    /// than 20 is a 提示 asking for a written explanation.
    H20,
    /// Not in the spec (a rule of this program, from local assessment rules: "与上年度重复率
    /// 大于50%"): the share of the 正文's sentences that repeat last year's report, above
    /// the threshold (50 %, or a local profile's). H12 is its strong case, one section
    /// near-identical.
    H21,
    /// Not in the spec (from published 2025 reports): the 导语's boilerplate as the format
    /// gives it: the format's 文号 国办公开办函〔2021〕30号 whole, the statistics period
    /// "X年1月1日至X年12月31日" whole, the title ending in 政府信息公开工作年度报告.
    H22,
    /// Not in the spec (from published reports): the covering letter to the supervisor
    /// (报送函, "请审示") published instead of the report.
    H23,
    /// A local profile's length limit for a section or a sub-area (e.g. 总体情况 about
    /// 1,000 characters).
    L1,
    /// A local profile's required mention: a sub-area names a count (e.g. 政务新媒体 with a
    /// number).
    L2,
    /// A local profile's deadline for 备案 with the 政务公开办.
    L3,
    /// This program's rule for a 汇总 of subordinate units' reports: what makes the sum
    /// unsafe (another year or format, a unit with errors, a unit counted twice or missing),
    /// the 表二 counts that are upper bounds, and summed cells changed by hand.
    Sum,
    /// Something the importer could not place (an unknown row, text outside any section,
    /// a file layout it does not understand).
    Import,
    /// Cells of a scan read by text recognition and not yet confirmed against the paper: one
    /// finding listing them all (each cell's own findings stay with their rules).
    Ocr,
}

impl Rule {
    /// Every rule, in declaration order (report columns follow it).
    pub const ALL: [Rule; 37] = [
        Rule::O1,
        Rule::S1,
        Rule::S2,
        Rule::S4,
        Rule::S5,
        Rule::S6,
        Rule::S7,
        Rule::S8,
        Rule::S9,
        Rule::S10,
        Rule::H1,
        Rule::H2,
        Rule::H3,
        Rule::H4,
        Rule::H5,
        Rule::H6,
        Rule::H7,
        Rule::H8,
        Rule::H9,
        Rule::H10,
        Rule::H11,
        Rule::H12,
        Rule::H13,
        Rule::H14,
        Rule::H15,
        Rule::H16,
        Rule::H19,
        Rule::H20,
        Rule::H21,
        Rule::H22,
        Rule::H23,
        Rule::L1,
        Rule::L2,
        Rule::L3,
        Rule::Sum,
        Rule::Import,
        Rule::Ocr,
    ];

    /// Parses [`Rule::id`].
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The spec's id, e.g. `O1`; `IMPORT` for importer findings.
    pub fn id(self) -> &'static str {
        match self {
            Rule::O1 => "O1",
            Rule::S1 => "S1",
            Rule::S2 => "S2",
            Rule::S4 => "S4",
            Rule::S5 => "S5",
            Rule::S6 => "S6",
            Rule::S7 => "S7",
            Rule::S8 => "S8",
            Rule::S9 => "S9",
            Rule::S10 => "S10",
            Rule::H1 => "H1",
            Rule::H2 => "H2",
            Rule::H3 => "H3",
            Rule::H4 => "H4",
            Rule::H5 => "H5",
            Rule::H6 => "H6",
            Rule::H7 => "H7",
            Rule::H8 => "H8",
            Rule::H9 => "H9",
            Rule::H10 => "H10",
            Rule::H11 => "H11",
            Rule::H12 => "H12",
            Rule::H13 => "H13",
            Rule::H14 => "H14",
            Rule::H15 => "H15",
            Rule::H16 => "H16",
            Rule::H19 => "H19",
            Rule::H20 => "H20",
            Rule::H21 => "H21",
            Rule::H22 => "H22",
            Rule::H23 => "H23",
            Rule::L1 => "L1",
            Rule::L2 => "L2",
            Rule::L3 => "L3",
            Rule::Sum => "SUM",
            Rule::Import => "IMPORT",
            Rule::Ocr => "OCR",
        }
    }
}

/// A meta field of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetaField {
    Organ,
    OrganKind,
    Year,
    Published,
    Signature,
}

impl MetaField {
    /// Stable id (spec §2.5).
    pub fn key(self) -> &'static str {
        match self {
            MetaField::Organ => "organ",
            MetaField::OrganKind => "organ_kind",
            MetaField::Year => "year",
            MetaField::Published => "published",
            MetaField::Signature => "signature",
        }
    }
}

/// Where a finding points: a cell, a text field, a meta field, a whole table or section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// A cell by template index.
    Cell(usize),
    Text(TextId),
    Meta(MetaField),
    /// A whole table (a row missing on import, a header not of the template).
    Table(TableId),
    /// A whole section (missing, out of order, copied from last year).
    Section(SectionId),
}

impl Place {
    /// The part of the report the place is in (a meta field is in 基本信息).
    pub fn part(&self) -> Part {
        let section = match *self {
            Place::Cell(i) => Some(TEMPLATE.cells[i].table.section()),
            Place::Text(t) => t.section(),
            Place::Meta(_) => None,
            Place::Table(t) => Some(t.section()),
            Place::Section(s) => Some(s),
        };
        section.map_or(Part::Basics, Part::Section)
    }

    /// The place of a stable id: a cell, a text field, a meta field, a table or (for ids no
    /// text field takes) a section.
    pub fn from_id(id: &str) -> Option<Place> {
        if let Some(i) = TEMPLATE.index_of(id) {
            return Some(Place::Cell(i));
        }
        if let Some(t) = TextId::from_key(id) {
            return Some(Place::Text(t));
        }
        let meta = [
            MetaField::Organ,
            MetaField::OrganKind,
            MetaField::Year,
            MetaField::Published,
            MetaField::Signature,
        ];
        if let Some(m) = meta.into_iter().find(|m| m.key() == id) {
            return Some(Place::Meta(m));
        }
        if let Some(t) = [TableId::T2, TableId::T3, TableId::T4]
            .into_iter()
            .find(|t| t.key() == id)
        {
            return Some(Place::Table(t));
        }
        SectionId::ALL
            .into_iter()
            .find(|s| s.spec().key == id)
            .map(Place::Section)
    }

    /// What the place is called in Chinese (a cell's table and short name, a text's heading,
    /// a field's name): for letters, messages and lists, never the internal id.
    pub fn name(&self) -> String {
        match *self {
            Place::Cell(i) => format!(
                "{} {}",
                TEMPLATE.cells[i].table.name(),
                TEMPLATE.cells[i].short_name
            ),
            Place::Text(t) => t.spec().heading.unwrap_or(t.spec().name).to_string(),
            Place::Meta(m) => match m {
                MetaField::Organ => "机关全称",
                MetaField::OrganKind => "机关类型",
                MetaField::Year => "统计年度",
                MetaField::Published => "发布日期",
                MetaField::Signature => "落款",
            }
            .to_string(),
            Place::Table(t) => t.name().to_string(),
            Place::Section(s) => s.spec().heading.to_string(),
        }
    }

    /// The stable id of the place (cell id, text key, meta key or section key).
    pub fn id(&self) -> &str {
        match self {
            Place::Cell(i) => &TEMPLATE.cells[*i].id,
            Place::Text(t) => t.key(),
            Place::Meta(m) => m.key(),
            Place::Table(t) => t.key(),
            Place::Section(s) => s.spec().key,
        }
    }
}

/// Where a finding comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// The import of a published document (how it was read).
    Import,
    /// A check of the report or the draft.
    #[default]
    Check,
    /// A check against last year's report.
    CrossYear,
}

impl Source {
    /// `import`, `check` or `cross_year` (JSON).
    pub fn key(self) -> &'static str {
        match self {
            Source::Import => "import",
            Source::Check => "check",
            Source::CrossYear => "cross_year",
        }
    }
}

/// One problem found in a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub places: Vec<Place>,
    pub message: String,
    /// Where it comes from (set by the analysis; checks default to [`Source::Check`]).
    pub source: Source,
}

impl Finding {
    pub(crate) fn new(
        rule: Rule,
        severity: Severity,
        places: Vec<Place>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule,
            severity,
            places,
            message: message.into(),
            source: Source::Check,
        }
    }

    /// Whether the finding says the text is last year's, not yet rewritten: H12 (沿用, 相似度),
    /// H21 (重复率), and H11's paragraphs that open on last year (not H11's errors).
    pub fn copied_from_last_year(&self) -> bool {
        match self.rule {
            Rule::H12 | Rule::H21 => true,
            Rule::H11 => {
                self.severity != Severity::Error
                    && !self.places.is_empty()
                    && self.places.iter().all(|p| matches!(p, Place::Text(_)))
            }
            _ => false,
        }
    }

    /// The same finding, marked as coming from `source`.
    pub fn from_source(mut self, source: Source) -> Finding {
        self.source = source;
        self
    }

    /// One line for a terminal: `[错误] O1 自然人列：…`.
    pub fn to_line(&self) -> String {
        format!(
            "[{}] {} {}",
            self.severity.label(),
            self.rule.id(),
            self.message
        )
    }
}

/// Counts of findings by severity (错误 · 警告 · 提示).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// Counts the findings by severity.
pub fn tally<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Tally {
    findings.into_iter().fold(Tally::default(), |mut t, f| {
        match f.severity {
            Severity::Error => t.errors += 1,
            Severity::Warning => t.warnings += 1,
            Severity::Info => t.infos += 1,
        }
        t
    })
}

#[cfg(test)]
mod tests {
    use super::Rule;

    #[test]
    fn all_rules_in_declaration_order_with_unique_ids() {
        assert!(Rule::ALL.windows(2).all(|w| w[0] < w[1]));
        let ids: std::collections::HashSet<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        assert_eq!(ids.len(), Rule::ALL.len());
    }
}
