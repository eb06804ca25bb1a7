//! Drafts: the report saved as human-readable RON with a format version.
//!
//! Chinese and line breaks are written literally. Cells are a map from the spec's stable ids
//! to their text (`""` for blank), in template order. A draft from a newer program version
//! is refused before anything else is read, so an older program never half-reads and
//! re-saves it. Saving is atomic ([`crate::fsio::write_atomic`]).

use std::path::Path;

use serde::Deserialize;

use crate::fsio::{self, FileError};
use crate::model::Provenance;
use crate::model::{CellValue, Report};
use crate::review::Review;
use crate::template::TextId;

mod file;
mod merge;
mod summed;

pub use merge::merge;
pub use summed::{Scope, SumRecord, SumUnit, contributions, sum_of};

/// The draft format version this program writes and the newest it reads. Version 2 adds
/// the record of a 汇总 (`sum`); a draft without one is written as version 1, so older
/// programs still open it, and refuse (rather than silently drop) a summed draft.
pub const DRAFT_VERSION: u32 = 2;
const VERSION_WITHOUT_SUM: u32 = 1;

const HEADER: &str =
    "// nianbao 草稿：政府信息公开工作年度报告（可用文本编辑器查看；请勿修改 version）\n";

/// A draft could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("文件不是 UTF-8 文本，不是 nianbao 草稿")]
    NotText,
    #[error("文件是空的，不是 nianbao 草稿")]
    Empty,
    /// Text that does not even begin like a draft (a report's text saved as .ron, say).
    #[error(
        "文件内容不是 nianbao 草稿（草稿以“(”开头）；如果这是已发布报告的文字，请把扩展名改为 .txt 后再打开，程序会导入它"
    )]
    NotADraft,
    #[error("草稿格式错误（第{line}行第{col}列）：{message}")]
    Syntax {
        line: usize,
        col: usize,
        message: String,
    },
    #[error(
        "此草稿由较新版本的 nianbao 保存（草稿格式版本 {found}），本程序只能读取版本 {DRAFT_VERSION} 及以前的草稿。为避免丢失内容，未打开它：请升级 nianbao。"
    )]
    NewerVersion { found: u32 },
    /// Serialising failed (never seen: the draft is plain strings, numbers and maps); said
    /// loudly instead of writing an empty file.
    #[error("草稿无法写成文本：{0}")]
    Serialize(String),
}

/// Why a draft has no approved version to compare with.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotApproved {
    #[error("还没有审核或签发过")]
    Never,
    #[error("最近一次{}没有保存当时的内容，无法比较", .0.label())]
    NotKept(crate::review::Stage),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub report: Report,
    /// Totals are typed by hand (transcribing a published report) instead of computed.
    pub manual_totals: bool,
    /// Texts taken over from last year's report, as they were: marked until edited.
    pub inherited_texts: std::collections::BTreeMap<TextId, String>,
    /// How imported cells were read, with the value each was given: marked until edited.
    pub read_as: std::collections::BTreeMap<usize, (Provenance, CellValue)>,
    /// For a 汇总: the units summed and what made the sum unsafe.
    pub sum: Option<SumRecord>,
    /// 说明 for warnings and the sign-offs.
    pub review: Review,
}

impl Draft {
    /// A draft with computed totals.
    pub fn new(report: Report) -> Draft {
        Draft {
            report,
            manual_totals: false,
            inherited_texts: Default::default(),
            read_as: Default::default(),
            sum: None,
            review: Review::default(),
        }
    }

    /// Next year's draft from last year's report (`new --from`, 从上年报告新建): the organ
    /// kept, the year + 1, 二、上年结转 from 四、结转下年度继续办理, and the texts kept as a
    /// starting point, marked as inherited until edited.
    pub fn next_year_from(last: &Report) -> Draft {
        let (report, inherited) = crate::check::cross::next_year_from(last);
        let mut draft = Draft::new(report);
        draft.inherited_texts = inherited.into_iter().collect();
        draft
    }

    /// The version last approved (审核 or 签发) with the sign-off, to compare the draft with:
    /// the draft as it is, its report as it was then.
    pub fn as_last_approved(&self) -> Result<(&crate::review::SignOff, Draft), NotApproved> {
        let last = self.review.sign_offs.last().ok_or(NotApproved::Never)?;
        let then = last
            .report
            .as_deref()
            .ok_or(NotApproved::NotKept(last.stage))?;
        let mut before = self.clone();
        before.report = then.clone();
        Ok((last, before))
    }

    /// Cells still holding a value the import could not read reliably (not edited since).
    pub fn uncertain_cells(&self) -> std::collections::BTreeSet<usize> {
        self.marked_cells(Provenance::Uncertain)
    }

    /// Cells still holding the value the import marked as `how` (not edited since).
    pub fn marked_cells(&self, how: Provenance) -> std::collections::BTreeSet<usize> {
        self.read_as
            .iter()
            .filter(|(i, (p, v))| *p == how && self.report.cell(**i) == v)
            .map(|(i, _)| *i)
            .collect()
    }
}

/// The draft text.
pub fn to_ron(draft: &Draft) -> Result<String, DraftError> {
    let config = ron::ser::PrettyConfig::new()
        .escape_strings(false)
        .struct_names(false)
        .indentor("    ");
    let body = ron::ser::to_string_pretty(draft, config)
        .map_err(|e| DraftError::Serialize(e.to_string()))?;
    Ok(format!("{HEADER}{body}\n"))
}

#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

fn syntax(e: ron::error::SpannedError) -> DraftError {
    DraftError::Syntax {
        line: e.span.start.line,
        col: e.span.start.col,
        message: ron_message(&e.code),
    }
}

/// Chinese wording for RON's errors.
pub(crate) fn ron_message(e: &ron::Error) -> String {
    use ron::Error as E;
    match e {
        E::Eof => "文件意外结束（可能被截断）".into(),
        E::ExpectedComma => "缺少逗号".into(),
        E::ExpectedMapColon => "缺少冒号".into(),
        E::ExpectedString | E::ExpectedStringEnd => "此处应为用引号括起的文字".into(),
        E::ExpectedInteger | E::IntegerOutOfBounds => "此处应为整数".into(),
        E::ExpectedMap | E::ExpectedMapEnd => "此处应为 { … } 映射".into(),
        E::ExpectedStructLike | E::ExpectedStructLikeEnd | E::ExpectedNamedStructLike(_) => {
            "此处应为 ( … ) 结构".into()
        }
        E::ExpectedOption | E::ExpectedOptionEnd => "此处应为 Some(…) 或 None".into(),
        E::ExpectedBoolean => "此处应为 true 或 false".into(),
        E::ExceededRecursionLimit => "嵌套层数过多".into(),
        E::ExpectedIdentifier => "此处应为字段名".into(),
        E::ExpectedArray | E::ExpectedArrayEnd => "此处应为 [ … ] 列表".into(),
        E::TrailingCharacters => "内容结束后还有多余字符".into(),
        E::UnexpectedChar(c) => format!("意外的字符“{c}”"),
        E::MissingStructField { field, .. } => format!("缺少字段 {field}"),
        E::DuplicateStructField { field, .. } => format!("字段 {field} 重复"),
        E::NoSuchStructField { found, .. } => format!("未知字段 {found}"),
        E::InvalidValueForType { expected, found } => {
            format!("值的类型不对：应为 {expected}，实际为 {found}")
        }
        E::ExpectedDifferentStructName { .. } | E::ExpectedStructName(_) => {
            "此处应为 ( … ) 结构".into()
        }
        E::ExpectedUnit => "此处应为 ()".into(),
        E::ExpectedFloat | E::FloatUnderscore => "此处应为数字".into(),
        E::InvalidIntegerDigit { .. } | E::UnderscoreAtBeginning => "数字中有不该有的字符".into(),
        E::InvalidEscape(_) => "文字中有无效的转义（反斜杠）".into(),
        E::UnclosedBlockComment | E::UnclosedLineComment => "注释没有结束".into(),
        E::InvalidIdentifier(s) | E::SuggestRawIdentifier(s) => format!("无效的字段名“{s}”"),
        E::NoSuchEnumVariant { found, .. } => format!("未知的取值 {found}"),
        E::ExpectedDifferentLength { .. } => "列表的长度不对".into(),
        E::Utf8Error(_) => "文件不是 UTF-8 文本".into(),
        E::Message(m) => m.clone(),
        // Anything else RON reports: said in Chinese, its own words kept for a bug report.
        other => format!("格式不对（{other}）"),
    }
}

/// True when the text, after blank lines and comments, opens a RON structure: `(` or a
/// struct name and `(`. Anything else is not a draft, whatever RON would say about it.
fn begins_like_a_draft(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r);
        } else if rest.starts_with("#![") {
            // A RON extension attribute: #![enable(...)]
            rest = rest.split_once(']').map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    let name_end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    rest[name_end..].trim_start().starts_with('(')
}

/// Parses draft text. Refuses newer versions before reading anything else.
pub fn parse_draft(text: &str) -> Result<Draft, DraftError> {
    if text.trim().is_empty() {
        return Err(DraftError::Empty);
    }
    if !begins_like_a_draft(text) {
        return Err(DraftError::NotADraft);
    }
    let options = ron::Options::default();
    let probe: VersionProbe = options.from_str(text).map_err(syntax)?;
    if probe.version > DRAFT_VERSION {
        return Err(DraftError::NewerVersion {
            found: probe.version,
        });
    }
    options.from_str(text).map_err(syntax)
}

/// Parses draft bytes (UTF-8, optional BOM).
pub fn parse_draft_bytes(bytes: &[u8]) -> Result<Draft, DraftError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(DraftError::NotText);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| DraftError::NotText)?;
    parse_draft(text)
}

/// Loads a draft file.
pub fn load_draft(path: &Path) -> Result<Draft, DraftError> {
    parse_draft_bytes(&fsio::read_bounded(path)?)
}

/// Saves a draft atomically.
pub fn save_draft(path: &Path, draft: &Draft) -> Result<(), DraftError> {
    Ok(fsio::write_atomic(path, to_ron(draft)?.as_bytes())?)
}

#[cfg(test)]
mod tests;
