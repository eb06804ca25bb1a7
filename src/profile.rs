//! Local rules as data: a rule profile (本地要求) that a 政务公开办 writes once and sends to its
//! units. Human-readable RON like the drafts:
//!
//! ```ron
//! (
//!     name: "某市2025年度要求",
//!     filing: { "部门": "01-31" },               // 报政务公开办备案的期限（次年 月-日）
//!     publish: { "部门": "02-20", "人民政府": "03-31" },
//!     repetition_threshold: 50,                   // 与上年重复率（%）超过即警告
//!     lengths: [ (of: "一", max_chars: 1000, severity: "警告") ],
//!     mentions: [ (of: "s1_1", what: "政务新媒体数量", keywords: ["政务新媒体"], severity: "警告") ],
//!     cell_notes: [ (cell: "t3.r1.total", text: "以登记受理的申请为准") ],
//! )
//! ```
//!
//! Every field but `name` may be left out. A profile with an error (a typo in a field, an
//! unknown section, a date that is none) is refused whole with its line and column, never
//! half-applied. The built-in default is no profile: the national rules only.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::finding::Severity;
use crate::fsio::{self, FileError};
use crate::model::{Deadline, OrganKind};
use crate::template::{SectionId, TEMPLATE, TEXTS, TextId};

/// The repetition rate above which a report is warned, when no profile says otherwise.
pub const DEFAULT_REPETITION_THRESHOLD: u8 = 50;

/// A loaded rule profile.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// The profile's name, quoted in its findings and in the status bar.
    pub name: String,
    /// Deadlines for 备案 with the 政务公开办, by kind of organ.
    pub filing: BTreeMap<OrganKind, Deadline>,
    /// Publication deadlines, by kind of organ (replace 条例第四十九条's).
    pub publish: BTreeMap<OrganKind, Deadline>,
    /// The repetition rate (per cent) above which a report is warned (H21).
    pub repetition_threshold: u8,
    pub lengths: Vec<LengthLimit>,
    pub mentions: Vec<Mention>,
    /// Extra help (口径) for cells, by template index.
    pub cell_notes: BTreeMap<usize, String>,
}

/// What a limit or a mention applies to: a whole section, or one text field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Section(SectionId),
    Field(TextId),
}

impl Target {
    /// The text fields it covers.
    pub fn fields(self) -> Vec<TextId> {
        match self {
            Target::Field(id) => vec![id],
            Target::Section(s) => TEXTS
                .iter()
                .filter(|t| t.id.section() == Some(s))
                .map(|t| t.id)
                .collect(),
        }
    }

    /// Its name in messages: the section's heading, or the field's name.
    pub fn name(self) -> &'static str {
        match self {
            Target::Section(s) => s.spec().heading,
            Target::Field(id) => id.spec().name,
        }
    }

    fn parse(s: &str) -> Result<Target, String> {
        let s = s.trim();
        const NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];
        if let Some(k) = NUMERALS.iter().position(|n| *n == s) {
            return Ok(Target::Section(SectionId::ALL[k]));
        }
        if let Some(section) = SectionId::ALL.iter().find(|id| id.spec().heading == s) {
            return Ok(Target::Section(*section));
        }
        if let Some(id) = TextId::from_key(s) {
            return Ok(Target::Field(id));
        }
        if let Some(t) = TEXTS.iter().find(|t| t.name == s || t.heading == Some(s)) {
            return Ok(Target::Field(t.id));
        }
        Err(format!(
            "未知的部分“{s}”：应为一至六（一节），或正文字段（如 s1_1、“（一）主动公开”）"
        ))
    }
}

/// A length limit: the target's text at most `max_chars` characters (spaces not counted).
#[derive(Clone, Debug, PartialEq)]
pub struct LengthLimit {
    pub target: Target,
    pub max_chars: usize,
    pub severity: Severity,
}

/// A required mention: some sentence of the target names one of the keywords with a
/// number (政务新媒体 12 个).
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub target: Target,
    /// What must be mentioned, in the message ("政务新媒体数量").
    pub what: String,
    pub keywords: Vec<String>,
    pub severity: Severity,
}

/// Why a profile was refused.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("本地要求文件第{line}行第{column}列：{message}")]
    At {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("本地要求文件不是 UTF-8 文本")]
    NotText,
}

// The file's shape. Strings are checked as they are read (`try_from`), so an error carries
// the position of the value that is wrong.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    name: String,
    #[serde(default)]
    filing: BTreeMap<KindName, DayName>,
    #[serde(default)]
    publish: BTreeMap<KindName, DayName>,
    #[serde(default)]
    repetition_threshold: Percent,
    #[serde(default)]
    lengths: Vec<LengthFile>,
    #[serde(default)]
    mentions: Vec<MentionFile>,
    #[serde(default)]
    cell_notes: Vec<CellNoteFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LengthFile {
    of: TargetName,
    max_chars: usize,
    #[serde(default)]
    severity: SeverityName,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MentionFile {
    of: TargetName,
    what: String,
    keywords: Vec<String>,
    #[serde(default)]
    severity: SeverityName,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CellNoteFile {
    cell: CellName,
    text: String,
}

#[derive(Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(try_from = "String")]
struct KindName(OrganKind);

impl TryFrom<String> for KindName {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        OrganKind::parse(&s)
            .map(KindName)
            .ok_or_else(|| format!("未知的机关类型“{s}”（应为 人民政府、部门、乡镇街道 或 其他）"))
    }
}

#[derive(Deserialize)]
#[serde(try_from = "String")]
struct DayName(Deadline);

impl TryFrom<String> for DayName {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Deadline::parse(&s)
            .map(DayName)
            .ok_or_else(|| format!("“{s}”不是日期（应为次年的 月-日，如 01-31）"))
    }
}

#[derive(Deserialize)]
#[serde(try_from = "u32")]
struct Percent(u8);

impl Default for Percent {
    fn default() -> Self {
        Percent(DEFAULT_REPETITION_THRESHOLD)
    }
}

impl TryFrom<u32> for Percent {
    type Error = String;
    fn try_from(n: u32) -> Result<Self, String> {
        u8::try_from(n)
            .ok()
            .filter(|p| (1..=100).contains(p))
            .map(Percent)
            .ok_or_else(|| format!("重复率阈值 {n} 不在 1 到 100 之间（单位为 %）"))
    }
}

#[derive(Deserialize)]
#[serde(try_from = "String")]
struct TargetName(Target);

impl TryFrom<String> for TargetName {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Target::parse(&s).map(TargetName)
    }
}

#[derive(Deserialize)]
#[serde(try_from = "String")]
struct SeverityName(Severity);

impl Default for SeverityName {
    fn default() -> Self {
        SeverityName(Severity::Warning)
    }
}

impl TryFrom<String> for SeverityName {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        match s.trim() {
            "错误" => Ok(SeverityName(Severity::Error)),
            "警告" => Ok(SeverityName(Severity::Warning)),
            "提示" => Ok(SeverityName(Severity::Info)),
            other => Err(format!(
                "未知的严重程度“{other}”（应为 错误、警告 或 提示）"
            )),
        }
    }
}

#[derive(Deserialize)]
#[serde(try_from = "String")]
struct CellName(usize);

impl TryFrom<String> for CellName {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        TEMPLATE
            .index_of(s.trim())
            .map(CellName)
            .ok_or_else(|| format!("未知的单元格编号“{s}”（如 t3.r1.total）"))
    }
}

impl Profile {
    /// Reads a profile from its text; refused whole, with the position, on any error.
    pub fn parse(text: &str) -> Result<Profile, ProfileError> {
        let file: ProfileFile = ron::from_str(text).map_err(|e| ProfileError::At {
            line: e.span.start.line,
            column: e.span.start.col,
            message: crate::draft::ron_message(&e.code),
        })?;
        let name = file.name.trim().to_string();
        if name.is_empty() {
            return Err(ProfileError::At {
                line: 1,
                column: 1,
                message: "本地要求须有名称（name）".into(),
            });
        }
        for m in &file.mentions {
            if m.keywords.iter().all(|k| k.trim().is_empty()) {
                return Err(ProfileError::At {
                    line: 1,
                    column: 1,
                    message: format!("“{}”没有关键词（keywords）", m.what),
                });
            }
        }
        Ok(Profile {
            name,
            filing: file.filing.into_iter().map(|(k, d)| (k.0, d.0)).collect(),
            publish: file.publish.into_iter().map(|(k, d)| (k.0, d.0)).collect(),
            repetition_threshold: file.repetition_threshold.0,
            lengths: file
                .lengths
                .into_iter()
                .map(|l| LengthLimit {
                    target: l.of.0,
                    max_chars: l.max_chars,
                    severity: l.severity.0,
                })
                .collect(),
            mentions: file
                .mentions
                .into_iter()
                .map(|m| Mention {
                    target: m.of.0,
                    what: m.what.trim().to_string(),
                    keywords: m
                        .keywords
                        .into_iter()
                        .map(|k| k.trim().to_string())
                        .filter(|k| !k.is_empty())
                        .collect(),
                    severity: m.severity.0,
                })
                .collect(),
            cell_notes: file
                .cell_notes
                .into_iter()
                .map(|n| (n.cell.0, n.text.trim().to_string()))
                .collect(),
        })
    }

    /// Reads a profile file.
    pub fn load(path: &Path) -> Result<Profile, ProfileError> {
        let bytes = fsio::read_bounded(path)?;
        let text = String::from_utf8(bytes).map_err(|_| ProfileError::NotText)?;
        Profile::parse(text.trim_start_matches('\u{feff}'))
    }

    /// The publication deadline the profile sets for an organ of this kind.
    pub fn publish_deadline(&self, kind: OrganKind) -> Option<Deadline> {
        self.publish.get(&kind).copied()
    }

    /// The 备案 deadline the profile sets for an organ of this kind.
    pub fn filing_deadline(&self, kind: OrganKind) -> Option<Deadline> {
        self.filing.get(&kind).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"(
    name: "某市2025年度要求",
    filing: { "部门": "01-31" },
    publish: { "部门": "02-20", "人民政府": "03-31" },
    repetition_threshold: 40,
    lengths: [ (of: "一", max_chars: 1000, severity: "警告") ],
    mentions: [ (of: "s1_1", what: "政务新媒体数量", keywords: ["政务新媒体"]) ],
    cell_notes: [ (cell: "t3.r1.total", text: "以登记受理的申请为准") ],
)"#;

    #[test]
    fn a_profile_loads_with_every_part() {
        let p = Profile::parse(SAMPLE).unwrap();
        assert_eq!(p.name, "某市2025年度要求");
        assert_eq!(
            p.publish_deadline(OrganKind::Department),
            Deadline::parse("02-20")
        );
        assert_eq!(p.publish_deadline(OrganKind::Township), None);
        assert_eq!(
            p.filing_deadline(OrganKind::Department),
            Deadline::parse("01-31")
        );
        assert_eq!(p.repetition_threshold, 40);
        assert_eq!(p.lengths[0].target, Target::Section(SectionId::S1));
        assert_eq!(p.mentions[0].target, Target::Field(TextId::S1_1));
        assert_eq!(p.mentions[0].severity, Severity::Warning);
        assert_eq!(p.cell_notes.len(), 1);
        let minimal = Profile::parse(r#"(name: "只改期限", publish: {"部门": "1-28"})"#).unwrap();
        assert_eq!(minimal.repetition_threshold, DEFAULT_REPETITION_THRESHOLD);
    }

    #[test]
    fn a_profile_with_an_error_is_refused_with_its_position() {
        for (bad, line, says) in [
            (SAMPLE.replace("\"一\"", "\"七\""), 6, "未知的部分“七”"),
            (SAMPLE.replace("01-31", "13-40"), 3, "不是日期"),
            (SAMPLE.replace("\"警告\"", "\"严重\""), 6, "未知的严重程度"),
            (SAMPLE.replace("max_chars", "max_char"), 6, "max_char"),
            (
                SAMPLE.replace("t3.r1.total", "t3.r99"),
                8,
                "未知的单元格编号",
            ),
            (SAMPLE.replace("40,", "400,"), 5, "不在 1 到 100 之间"),
            (
                SAMPLE.replace("\"人民政府\"", "\"政府\""),
                4,
                "未知的机关类型",
            ),
        ] {
            let e = Profile::parse(&bad).unwrap_err();
            let text = e.to_string();
            assert!(text.contains(says), "{text}");
            match e {
                ProfileError::At { line: l, .. } => assert_eq!(l, line, "{text}"),
                other => panic!("{other}"),
            }
        }
    }
}
