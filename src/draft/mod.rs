//! Drafts: the report saved as human-readable RON with a format version.
//!
//! Chinese and line breaks are written literally. Cells are a map from the spec's stable ids
//! to their text (`""` for blank), in template order. A draft from a newer program version
//! is refused before anything else is read, so an older program never half-reads and
//! re-saves it. Saving is atomic ([`crate::fsio::write_atomic`]).

use std::path::Path;

use serde::Deserialize;

use crate::fsio::{self, FileError};

mod file;
mod merge;
mod summed;
mod value;

pub use merge::merge;
pub use summed::{Scope, SumRecord, SumUnit, contributions, sum_of};
pub use value::{DRAFT_VERSION, Draft, NotApproved};

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
