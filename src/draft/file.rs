//! The saved form of a draft: the RON shape (`DraftFile` and its parts, every id and
//! label as text, maps in template order) and the conversions to and from [`Draft`], with a
//! Chinese reason for anything a hand-edited file gets wrong.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::summed::{Scope, SumRecord, SumUnit};
use super::value::{DRAFT_VERSION, Draft, VERSION_WITHOUT_SUM};
use crate::finding::{Place, Rule};
use crate::model::Provenance;
use crate::model::{CellValue, Format, OrganKind, Report, Stamp};
use crate::review::{Explanation, Note, Review, SignOff, Stage};
use crate::template::{TEMPLATE, TEXTS, TextId};

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
    /// Texts read from a scan by OCR, as read: a text still equal to its entry here has not
    /// been checked against the page yet.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    ocr_texts: OrderedMap,
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
            meta: MetaRepr::of(r),
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
            ocr_texts: OrderedMap(
                d.ocr_texts
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
            sum: d.sum.as_ref().map(SumRepr::of),
            review: (!d.review.is_empty()).then(|| ReviewRepr::of(&d.review)),
        }
    }
}

impl MetaRepr {
    /// The report's meta fields as saved (a refused year or date kept as typed).
    fn of(r: &Report) -> MetaRepr {
        MetaRepr {
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
        }
    }
}

impl SumRepr {
    /// A 汇总's record as saved.
    fn of(record: &SumRecord) -> SumRepr {
        SumRepr {
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
        }
    }
}

impl ReviewRepr {
    /// The review record as saved.
    fn of(review: &Review) -> ReviewRepr {
        ReviewRepr {
            explanations: review
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
            sign_offs: review
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
            notes: review
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
        let mut ocr_texts = std::collections::BTreeMap::new();
        for (key, text) in f.ocr_texts.0 {
            ocr_texts.insert(text_id(&key)?, text);
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
            ocr_texts,
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
