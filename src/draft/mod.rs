//! Drafts: the report saved as human-readable RON with a format version.
//!
//! Chinese and line breaks are written literally. Cells are a map from the spec's stable ids
//! to their text (`""` for blank), in template order. A draft from a newer program version
//! is refused before anything else is read, so an older program never half-reads and
//! re-saves it. Saving is atomic ([`crate::fsio::write_atomic`]).

use std::fmt;
use std::path::Path;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::finding::{Place, Rule};
use crate::fsio::{self, FileError};
use crate::model::Provenance;
use crate::model::{CellValue, Format, OrganKind, Report, Stamp};
use crate::review::{Explanation, Note, Review, SignOff, Stage};

mod merge;
mod summed;

pub use merge::merge;

use crate::template::{TEMPLATE, TEXTS, TextId};
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

#[derive(Serialize, Deserialize)]
struct MetaRepr {
    organ: String,
    organ_kind: String,
    year: Option<u16>,
    /// A refused 统计年度 as typed (only when there is one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    year_typed: Option<String>,
    /// The date (`YYYY-MM-DD`), or a refused one as typed.
    published: Option<String>,
    signature: String,
}

/// Why a draft has no approved version to compare with.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotApproved {
    #[error("还没有审核或签发过")]
    Never,
    #[error("最近一次{}没有保存当时的内容，无法比较", .0.label())]
    NotKept(crate::review::Stage),
}

/// The on-disk shape of a draft.
#[derive(Serialize, Deserialize)]
struct DraftFile {
    version: u32,
    format: String,
    meta: MetaRepr,
    #[serde(default)]
    manual_totals: bool,
    sections: OrderedMap,
    cells: OrderedMap,
    /// Texts carried over from last year's report (`new --from`), as they were then: a text
    /// still equal to its entry here has not been revised yet.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    inherited_texts: OrderedMap,
    /// Imported cells not read exactly as printed: `"t3.r1.np": "derived:81"` or
    /// `"uncertain:"`, with the value they were given then; a cell whose value changed since
    /// has been checked by a person and is no longer marked.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    read_as: OrderedMap,
    /// The units of a 汇总, with their values (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sum: Option<SumRepr>,
    /// 说明 and sign-offs (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    review: Option<ReviewRepr>,
}

#[derive(Serialize, Deserialize)]
struct ReviewRepr {
    #[serde(default)]
    explanations: Vec<ExplanationRepr>,
    #[serde(default)]
    sign_offs: Vec<SignOffRepr>,
    #[serde(default)]
    notes: Vec<NoteRepr>,
}

#[derive(Serialize, Deserialize)]
struct NoteRepr {
    place: String,
    text: String,
    author: String,
    at: String,
    #[serde(default)]
    resolved: bool,
}

#[derive(Serialize, Deserialize)]
struct ExplanationRepr {
    rule: String,
    places: Vec<String>,
    values: Vec<String>,
    /// The finding explained (its message without numbers); absent in older drafts.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    finding: String,
    text: String,
    author: String,
    at: String,
}

#[derive(Serialize, Deserialize)]
struct SignOffRepr {
    stage: String,
    name: String,
    at: String,
    digest: String,
    /// The report as approved (a draft of its own, nested).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    report: Option<Report>,
}

#[derive(Serialize, Deserialize)]
struct SumRepr {
    scope: String,
    #[serde(default)]
    warnings: Vec<String>,
    units: Vec<SumUnitRepr>,
}

#[derive(Serialize, Deserialize)]
struct SumUnitRepr {
    organ: String,
    file: String,
    cells: OrderedMap,
}

/// A string map kept in insertion order.
#[derive(Default)]
struct OrderedMap(Vec<(String, String)>);

impl OrderedMap {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for OrderedMap {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for OrderedMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OrderedMap;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<OrderedMap, A::Error> {
                let mut v = Vec::new();
                while let Some(entry) = m.next_entry::<String, String>()? {
                    v.push(entry);
                }
                Ok(OrderedMap(v))
            }
        }
        d.deserialize_map(V)
    }
}

/// A draft: the report plus the editor settings saved with it.
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

impl From<&Draft> for DraftFile {
    fn from(d: &Draft) -> DraftFile {
        let r = &d.report;
        DraftFile {
            version: if d.sum.is_some() || !d.review.is_empty() {
                DRAFT_VERSION
            } else {
                VERSION_WITHOUT_SUM
            },
            format: r.format.key().into(),
            meta: MetaRepr {
                organ: r.meta.organ.clone(),
                organ_kind: r.meta.organ_kind.label().into(),
                year: r.meta.year,
                year_typed: r.meta.refused.year.clone(),
                published: r
                    .meta
                    .refused
                    .published
                    .clone()
                    .or_else(|| r.meta.published.map(|d| d.iso())),
                signature: r.meta.signature.clone(),
            },
            manual_totals: d.manual_totals,
            sections: OrderedMap(
                TEXTS
                    .iter()
                    .filter_map(|t| {
                        r.text(t.id)
                            .map(|text| (t.key.to_string(), text.to_string()))
                    })
                    .collect(),
            ),
            cells: OrderedMap(
                TEMPLATE
                    .cells
                    .iter()
                    .zip(r.cells())
                    .filter(|(spec, v)| !spec.legacy_2019 || !v.is_blank())
                    .map(|(spec, v)| (spec.id.clone(), v.display()))
                    .collect(),
            ),
            inherited_texts: OrderedMap(
                d.inherited_texts
                    .iter()
                    .map(|(id, t)| (id.key().to_string(), t.clone()))
                    .collect(),
            ),
            read_as: OrderedMap(
                d.read_as
                    .iter()
                    .map(|(i, (p, v))| {
                        (
                            TEMPLATE.cells[*i].id.clone(),
                            format!("{}:{}", p.key(), v.display()),
                        )
                    })
                    .collect(),
            ),
            sum: d.sum.as_ref().map(|record| SumRepr {
                scope: record.scope.label().to_string(),
                warnings: record.warnings.clone(),
                units: record
                    .units
                    .iter()
                    .map(|u| SumUnitRepr {
                        organ: u.organ.clone(),
                        file: u.file.clone(),
                        cells: OrderedMap(
                            u.cells
                                .iter()
                                .map(|(i, v)| (TEMPLATE.cells[*i].id.clone(), v.display()))
                                .collect(),
                        ),
                    })
                    .collect(),
            }),
            review: (!d.review.is_empty()).then(|| ReviewRepr {
                explanations: d
                    .review
                    .explanations
                    .iter()
                    .map(|e| ExplanationRepr {
                        rule: e.rule.id().to_string(),
                        places: e.places.iter().map(|p| p.id().to_string()).collect(),
                        values: e.values.clone(),
                        finding: e.finding.clone(),
                        text: e.text.clone(),
                        author: e.author.clone(),
                        at: e.at.to_string(),
                    })
                    .collect(),
                sign_offs: d
                    .review
                    .sign_offs
                    .iter()
                    .map(|o| SignOffRepr {
                        stage: o.stage.label().to_string(),
                        name: o.name.clone(),
                        at: o.at.to_string(),
                        digest: o.digest.clone(),
                        report: o.report.as_deref().cloned(),
                    })
                    .collect(),
                notes: d
                    .review
                    .notes
                    .iter()
                    .map(|n| NoteRepr {
                        place: n.place.id().to_string(),
                        text: n.text.clone(),
                        author: n.author.clone(),
                        at: n.at.to_string(),
                        resolved: n.resolved,
                    })
                    .collect(),
            }),
        }
    }
}

impl TryFrom<DraftFile> for Draft {
    type Error = String;
    fn try_from(f: DraftFile) -> Result<Draft, String> {
        if f.version > DRAFT_VERSION {
            return Err(format!("草稿格式版本 {} 比本程序新", f.version));
        }
        let mut r = Report::default();
        r.format = Format::from_key(&f.format)
            .ok_or_else(|| format!("未知的报告格式“{}”（应为 2021 或 2019）", f.format))?;
        read_meta(&mut r, f.meta)?;
        for t in &TEXTS {
            if t.heading.is_some() {
                r.set_absent(t.id);
            }
        }
        for (key, text) in f.sections.0 {
            r.set_text(text_id(&key)?, text);
        }
        for (id, raw) in f.cells.0 {
            let i = cell_index(&id, "")?;
            r.set_cell(i, CellValue::from_source(TEMPLATE.cells[i].kind, &raw));
        }
        let mut inherited_texts = std::collections::BTreeMap::new();
        for (key, text) in f.inherited_texts.0 {
            inherited_texts.insert(text_id(&key)?, text);
        }
        let mut read_as = std::collections::BTreeMap::new();
        for (id, how) in f.read_as.0 {
            let i = cell_index(&id, "")?;
            let (key, raw) = how.split_once(':').unwrap_or((how.as_str(), ""));
            let p = Provenance::from_key(key)
                .ok_or_else(|| format!("单元格“{id}”的读取方式“{key}”无法识别"))?;
            read_as.insert(i, (p, CellValue::from_source(TEMPLATE.cells[i].kind, raw)));
        }
        Ok(Draft {
            report: r,
            manual_totals: f.manual_totals,
            inherited_texts,
            read_as,
            sum: f.sum.map(read_sum).transpose()?,
            review: f.review.map(read_review).transpose()?.unwrap_or_default(),
        })
    }
}

/// The text a saved key names.
fn text_id(key: &str) -> Result<TextId, String> {
    TextId::from_key(key).ok_or_else(|| format!("未知的正文字段“{key}”"))
}

/// The cell a saved id names; `within` says where the id stood when not in the cells.
fn cell_index(id: &str, within: &str) -> Result<usize, String> {
    TEMPLATE
        .index_of(id)
        .ok_or_else(|| format!("{within}未知的单元格编号“{id}”"))
}

/// The saved 基本信息 into the report: a year or date typed so and saved as typed is kept,
/// shown, and an error.
fn read_meta(r: &mut Report, m: MetaRepr) -> Result<(), String> {
    r.meta.organ = m.organ;
    r.meta.organ_kind = OrganKind::parse(&m.organ_kind).ok_or_else(|| {
        format!(
            "未知的机关类型“{}”（应为 人民政府、部门、乡镇街道 或 其他）",
            m.organ_kind
        )
    })?;
    r.meta.year = m.year;
    if let Some(typed) = m.year_typed {
        r.meta.set_year_typed(&typed);
    }
    if let Some(s) = m.published {
        r.meta.set_published_typed(&s);
    }
    r.meta.signature = m.signature;
    Ok(())
}

/// The saved record of a 汇总.
fn read_sum(repr: SumRepr) -> Result<SumRecord, String> {
    let scope = Scope::parse(&repr.scope)
        .ok_or_else(|| format!("未知的汇总范围“{}”（应为 本级 或 本行政区域）", repr.scope))?;
    let mut units = Vec::new();
    for u in repr.units {
        let mut cells = std::collections::BTreeMap::new();
        for (id, raw) in u.cells.0 {
            let i = cell_index(&id, "汇总记录中")?;
            cells.insert(i, CellValue::from_source(TEMPLATE.cells[i].kind, &raw));
        }
        units.push(SumUnit {
            organ: u.organ,
            file: u.file,
            cells,
        });
    }
    Ok(SumRecord {
        scope,
        units,
        warnings: repr.warnings,
    })
}

/// A saved time (`YYYY-MM-DD HH:MM`) of a 说明, sign-off or note.
fn read_stamp(at: &str, of: &str) -> Result<Stamp, String> {
    Stamp::parse(at).ok_or_else(|| {
        format!("{of}的时间“{at}”无法识别（应为 年-月-日 时:分，如 2026-01-20 10:00）")
    })
}

/// The saved 说明, sign-offs and notes.
fn read_review(repr: ReviewRepr) -> Result<Review, String> {
    let mut review = Review::default();
    for e in repr.explanations {
        let rule =
            Rule::from_id(&e.rule).ok_or_else(|| format!("说明中未知的规则编号“{}”", e.rule))?;
        let places = e
            .places
            .iter()
            .map(|p| Place::from_id(p).ok_or_else(|| format!("说明的位置“{p}”无法识别")))
            .collect::<Result<Vec<Place>, String>>()?;
        review.explanations.push(Explanation {
            rule,
            places,
            values: e.values,
            finding: e.finding,
            text: e.text,
            author: e.author,
            at: read_stamp(&e.at, "说明")?,
        });
    }
    for o in repr.sign_offs {
        let stage = Stage::parse(&o.stage)
            .ok_or_else(|| format!("未知的签发状态“{}”（应为 已审核 或 已签发）", o.stage))?;
        review.sign_offs.push(SignOff {
            stage,
            name: o.name,
            at: read_stamp(&o.at, "签署")?,
            digest: o.digest,
            report: o.report.map(Box::new),
        });
    }
    for n in repr.notes {
        let place =
            Place::from_id(&n.place).ok_or_else(|| format!("批注的位置“{}”无法识别", n.place))?;
        review.notes.push(Note {
            place,
            text: n.text,
            author: n.author,
            at: read_stamp(&n.at, "批注")?,
            resolved: n.resolved,
        });
    }
    Ok(review)
}

impl Serialize for Draft {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        DraftFile::from(self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Draft {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Draft::try_from(DraftFile::deserialize(d)?).map_err(de::Error::custom)
    }
}

/// A report serialises as a draft with computed totals.
impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        DraftFile::from(&Draft::new(self.clone())).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Report {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Draft::deserialize(d).map(|draft| draft.report)
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
fn ron_message(e: &ron::Error) -> String {
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
