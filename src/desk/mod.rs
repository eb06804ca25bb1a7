//! The review desk (审核台): a 政务公开办's folder of units' reports, one row per report with
//! its state, counts and deadline; the actions on a row (退回, 审核/签发, 汇总); and the
//! overview a leader reads. Offline, on the folder itself.
//!
//! Where the records are kept: a draft's sign-offs stay in the draft's own review record
//! (as `nianbao sign` writes them); everything a file cannot hold (the sign-offs of Word,
//! PDF, web and text reports, and every 退回) is kept in one human-readable desk file in the
//! folder ([`records::DESK_FILE`]). Two reviewers on one folder lose nothing: records are
//! events, and a save merges what is on disk with what this desk adds (the union).

mod load;
mod overview;
pub mod records;
mod row;
mod sum_plan;

use std::path::{Path, PathBuf};

use crate::analysis::Analysis;
use crate::batch::{Analysed, BatchRules};
use crate::document::Source;
use crate::finding::{Rule, Severity, Tally};
use crate::model::{Date, Stamp};
use crate::review::{Approval, Stage};
pub use load::{DeskRules, Loaded, Loader};
pub use overview::overview_csv;
use records::{DeskRecords, FileRecord, ReturnRecord, SignOffRecord};
pub use row::{DeskState, Row};
pub use sum_plan::SumPlan;

/// A folder at the desk: its rows (sorted by file), the analyses behind them, the records.
pub struct Desk {
    pub folder: PathBuf,
    pub rows: Vec<Row>,
    analysed: Vec<Option<Analysed>>,
    pub records: DeskRecords,
    /// The folder's files as last listed (with the desk file), to see what changed on disk.
    signature: Signature,
    /// Each row by its file's path (a load's step finds its row at once, however many).
    by_path: std::collections::HashMap<PathBuf, usize>,
}

/// Each file's last change and size, by path.
type Signature = std::collections::BTreeMap<PathBuf, (Option<std::time::SystemTime>, u64)>;

fn stat(path: &Path) -> (Option<std::time::SystemTime>, u64) {
    match std::fs::metadata(path) {
        Ok(m) => (m.modified().ok(), m.len()),
        Err(_) => (None, 0),
    }
}

/// The reports in a folder (what the desk writes left out), and the folder's signature.
fn listing(folder: &Path) -> (Vec<PathBuf>, Signature) {
    let (files, _) = crate::batch::collect(&[folder.to_path_buf()]);
    let files: Vec<PathBuf> = files.into_iter().filter(|f| !written_by_desk(f)).collect();
    let mut signature: Signature = files.iter().map(|f| (f.clone(), stat(f))).collect();
    let records = folder.join(records::DESK_FILE);
    signature.insert(records.clone(), stat(&records));
    (files, signature)
}

/// Why a desk action failed.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    #[error("“{0}”不是文件夹")]
    NotAFolder(String),
    #[error("审核台中没有“{0}”")]
    NoSuchReport(String),
    #[error("“{0}”无法读取，不能{1}")]
    Unreadable(String, &'static str),
    #[error("“{0}”还在读取中，请稍候再{1}")]
    StillReading(String, &'static str),
    #[error(transparent)]
    Records(#[from] records::RecordsError),
    #[error(transparent)]
    File(#[from] crate::fsio::FileError),
    #[error(transparent)]
    Draft(#[from] crate::draft::DraftError),
    #[error(transparent)]
    Sign(#[from] crate::release::SignError),
    #[error("草稿“{file}”正由 {holder} 在编辑器中打开：请在编辑器中签署，或关闭后再签")]
    Held { file: String, holder: String },
    #[error("{0}")]
    Pdf(String),
}

/// True for a file the desk writes itself (a 退回意见, the overview, the records), which is
/// not a unit's report.
fn written_by_desk(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    name == records::DESK_FILE
        || path
            .components()
            .any(|c| c.as_os_str() == records::ARCHIVE_FOLDER)
        || name.contains(LETTER_SUFFIX)
        || name.starts_with(OVERVIEW_PREFIX)
        || name.starts_with(".~lock.")
}

/// The name part of a 退回意见 written beside a report: `某镇退回意见.pdf`.
pub const LETTER_SUFFIX: &str = "退回意见";
/// The name the overview is suggested under: `审核总览.html`.
pub const OVERVIEW_PREFIX: &str = "审核总览";

impl Desk {
    /// Opens a folder: every report in it (subfolders too), read on all cores and analysed
    /// with last year's report of the same organ where the folder has it.
    pub fn open(folder: &Path, rules: BatchRules) -> Result<Desk, DeskError> {
        let mut desk = Desk::list(folder)?;
        desk.loader(DeskRules::from_batch(rules)).run(|step| {
            desk.apply(step);
            true
        });
        Ok(desk)
    }

    /// The folder listed, each report a row 读取中 until [`Desk::apply`] brings it in (a
    /// [`Loader`] from [`Desk::loader`] reads them).
    pub fn list(folder: &Path) -> Result<Desk, DeskError> {
        if !folder.is_dir() {
            return Err(DeskError::NotAFolder(folder.display().to_string()));
        }
        let records = DeskRecords::load(folder)?;
        let (files, signature) = listing(folder);
        let rows = files
            .iter()
            .map(|path| reading_row(relative(folder, path), path))
            .collect();
        Ok(Desk {
            folder: folder.to_path_buf(),
            analysed: files.iter().map(|_| None).collect(),
            by_path: files
                .iter()
                .cloned()
                .enumerate()
                .map(|(i, p)| (p, i))
                .collect(),
            rows,
            records,
            signature,
        })
    }

    /// A load of every report of the desk.
    pub fn loader(&self, rules: DeskRules) -> Loader {
        Loader {
            files: self.rows.iter().map(|r| r.path.clone()).collect(),
            rules,
        }
    }

    /// Takes in one step of a load: the file's row filled in, where it still is.
    pub fn apply(&mut self, step: Loaded) {
        let (path, outcome) = match step {
            Loaded::File { path, outcome } => (path, outcome),
            Loaded::Done => return self.mark_duplicates(),
            Loaded::Comparing(_) => return,
        };
        let Some(&i) = self.by_path.get(&path) else {
            return;
        };
        let file = self.rows[i].file.clone();
        match outcome {
            Ok(a) => {
                self.rows[i] = self.row_of(&file, &path, &a);
                self.analysed[i] = Some(*a);
            }
            Err(problem) => {
                self.rows[i] = unreadable_row(file, &path, problem);
                self.analysed[i] = None;
            }
        }
    }

    /// Whether a report was added, replaced or removed, or the desk file changed, since the
    /// folder was last listed.
    pub fn changed_on_disk(&self) -> bool {
        listing(&self.folder).1 != self.signature
    }

    /// Lists the folder again: rows of files still there keep what they show (a load brings
    /// the new), new files come in as 读取中 in the folder's order, removed ones go; the
    /// desk file is read again (another reviewer's records). Returns the files that are new
    /// or changed, which a load should read.
    pub fn relist(&mut self) -> Result<Vec<PathBuf>, DeskError> {
        let records = DeskRecords::load(&self.folder)?;
        let (files, signature) = listing(&self.folder);
        let mut old: std::collections::HashMap<PathBuf, (Row, Option<Analysed>)> = self
            .rows
            .drain(..)
            .zip(self.analysed.drain(..))
            .map(|(r, a)| (r.path.clone(), (r, a)))
            .collect();
        let mut changed = Vec::new();
        for path in files {
            let kept = old.remove(&path);
            if kept.is_none() || signature.get(&path) != self.signature.get(&path) {
                changed.push(path.clone());
            }
            let (row, a) =
                kept.unwrap_or_else(|| (reading_row(relative(&self.folder, &path), &path), None));
            self.rows.push(row);
            self.analysed.push(a);
        }
        self.records = records;
        self.signature = signature;
        self.by_path = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.path.clone(), i))
            .collect();
        for i in 0..self.rows.len() {
            self.refresh_row(i);
        }
        self.mark_duplicates();
        Ok(changed)
    }

    /// After the desk wrote a file itself: its new state is not a change on disk.
    fn touched(&mut self, path: &Path) {
        if let Some(entry) = self.signature.get_mut(path) {
            *entry = stat(path);
        }
    }

    fn save_records(&mut self) -> Result<(), DeskError> {
        self.records.save(&self.folder)?;
        self.touched(&self.folder.join(records::DESK_FILE));
        Ok(())
    }

    /// Whether every row is read.
    pub fn complete(&self) -> bool {
        self.rows.iter().all(|r| r.state != DeskState::Reading)
    }

    fn row_of(&self, file: &str, path: &Path, a: &Analysed) -> Row {
        let draft = &a.opened.draft;
        let report = &draft.report;
        let analysis = &a.analysis;
        let record = self.records.files.get(file);
        let state = state_of(a, record);
        let mut rules: Vec<Rule> = analysis.counted().map(|f| f.rule).collect();
        rules.sort_by_key(|r| Rule::ALL.iter().position(|x| x == r));
        rules.dedup();
        Row {
            file: file.to_string(),
            path: path.to_path_buf(),
            organ: report.meta.organ.clone(),
            kind: report.meta.organ_kind.label().to_string(),
            year: report.meta.year,
            format: report.format.label(),
            state,
            tally: analysis.tally,
            open_notes: draft.review.notes.iter().filter(|n| !n.resolved).count(),
            stale_explanations: stale_explanations(analysis),
            repetition: analysis.repetition.as_ref().and_then(|r| r.overall()),
            late: analysis.late,
            modified: modified(path),
            problem: None,
            rules,
            resolved: record
                .and_then(|r| r.returns.last())
                .filter(|_| state == DeskState::Resubmitted)
                .map(|r| {
                    let answers = returned_findings(r, analysis);
                    (answers.iter().filter(|f| f.resolved).count(), answers.len())
                }),
            summary: draft.sum.as_ref().map(|r| r.units.len()),
            duplicate_of: None,
        }
    }

    /// What a resubmitted row was returned with: the report as returned (where the desk kept
    /// it), who returned it and when, and which findings sent are resolved now.
    pub fn resubmission(&self, i: usize) -> Option<Resubmission> {
        let row = self.rows.get(i)?;
        let a = self.analysed.get(i)?.as_ref()?;
        let record = self.records.files.get(&row.file)?.returns.last()?;
        let returned = (!record.copy.is_empty())
            .then(|| crate::draft::load_draft(&self.folder.join(&record.copy)).ok())
            .flatten();
        Some(Resubmission {
            returned,
            by: record.by.clone(),
            at: record.at.clone(),
            findings: returned_findings(record, &a.analysis),
            record: record.clone(),
        })
    }

    /// The row of a file (relative to the folder, or a path inside it).
    pub fn find(&self, file: &str) -> Result<usize, DeskError> {
        let wanted = Path::new(file);
        self.rows
            .iter()
            .position(|r| r.file == file || r.path == wanted || r.path.ends_with(wanted))
            .ok_or_else(|| DeskError::NoSuchReport(file.to_string()))
    }

    fn analysed(&self, i: usize, action: &'static str) -> Result<&Analysed, DeskError> {
        let row = self
            .rows
            .get(i)
            .ok_or_else(|| DeskError::NoSuchReport(i.to_string()))?;
        self.analysed[i].as_ref().ok_or_else(|| {
            if row.state == DeskState::Reading {
                DeskError::StillReading(row.file.clone(), action)
            } else {
                DeskError::Unreadable(row.file.clone(), action)
            }
        })
    }

    /// 退回: writes the 退回意见 beside the report (PDF, or text when `as_text`) and records
    /// the return (who, when, the file as returned, the findings sent). Returns the letter's
    /// path.
    pub fn return_report(
        &mut self,
        i: usize,
        reviewer: &str,
        at: Stamp,
        as_text: bool,
    ) -> Result<PathBuf, DeskError> {
        use crate::export::return_notes::{LetterChoice, return_notes_with, to_text};
        let a = self.analysed(i, "退回")?;
        let letter = return_notes_with(
            &a.opened.draft,
            &a.analysis,
            reviewer,
            at.date,
            &LetterChoice::default(),
        );
        let findings: Vec<String> = a.analysis.counted().map(|f| f.to_line()).collect();
        let keys: Vec<String> = a
            .analysis
            .counted()
            .map(crate::review::finding_key)
            .collect();
        let row = &self.rows[i];
        // The report as returned, kept as a draft to frame the resubmission's changes.
        let copy = PathBuf::from(records::ARCHIVE_FOLDER).join(format!(
            "{}.{}.ron",
            row.file.replace('/', "_"),
            at.to_string().replace([' ', ':'], "-")
        ));
        let copy_text = crate::draft::to_ron(&a.opened.draft)?;
        let copy_path = self.folder.join(&copy);
        if let Some(parent) = copy_path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| crate::fsio::FileError::Write {
                path: parent.to_path_buf(),
                reason: crate::fsio::io_reason(&e),
            })?;
        }
        crate::fsio::write_atomic(&copy_path, copy_text.as_bytes())?;
        let stem = row
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("报告");
        let extension = if as_text { "txt" } else { "pdf" };
        let out = row
            .path
            .with_file_name(format!("{stem}{LETTER_SUFFIX}.{extension}"));
        let bytes = if as_text {
            to_text(&letter).into_bytes()
        } else {
            let options = crate::export::pdf::PdfOptions::new(at.date);
            crate::export::pdf::export_pdf_letter(&letter, &options)
                .map_err(|e| DeskError::Pdf(e.to_string()))?
                .bytes
        };
        crate::fsio::write_atomic(&out, &bytes)?;
        let record = ReturnRecord {
            by: reviewer.trim().to_string(),
            at: at.to_string(),
            digest: a.digest.clone(),
            letter: relative(&self.folder, &out),
            findings,
            keys,
            copy: copy.to_string_lossy().replace('\\', "/"),
        };
        self.records.entry(&row.file).returns.push(record);
        self.save_records()?;
        self.refresh_row(i);
        Ok(out)
    }

    /// 审核/签发 a row by the same gate as the editor and `nianbao sign`: a draft records it in
    /// its own review record (refused while an editor holds it), any other file in the desk
    /// file.
    pub fn sign(&mut self, i: usize, stage: Stage, name: &str, at: Stamp) -> Result<(), DeskError> {
        let a = self.analysed(i, "签署")?;
        let sign_off = crate::release::sign_off(&a.opened.draft, &a.analysis, stage, name, at)?;
        let row = &self.rows[i];
        if a.opened.source == Source::Draft {
            if let Some(holder) = crate::lock::holder(&row.path)
                && !holder.is_gone()
            {
                return Err(DeskError::Held {
                    file: row.file.clone(),
                    holder: holder.describe(),
                });
            }
            let mut draft = a.opened.draft.clone();
            draft.review.sign_offs.push(sign_off);
            // Saved as `draft::save_draft` does; the bytes written are the file's new digest.
            let text = crate::draft::to_ron(&draft)?;
            crate::fsio::write_atomic(&row.path, text.as_bytes())?;
            let path = row.path.clone();
            self.touched(&path);
            if let Some(a) = self.analysed[i].as_mut() {
                a.opened.draft = draft;
                a.digest = crate::review::fnv1a(text.as_bytes());
            }
        } else {
            let file = row.file.clone();
            let record = SignOffRecord {
                stage: stage.label().to_string(),
                name: sign_off.name,
                at: sign_off.at.to_string(),
                digest: a.digest.clone(),
            };
            self.records.entry(&file).sign_offs.push(record);
            self.save_records()?;
        }
        self.refresh_row(i);
        Ok(())
    }

    /// The rows that are approved and unchanged since (the ones to sum by default).
    pub fn approved(&self) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&i| matches!(self.rows[i].state, DeskState::Approved(_)))
            .collect()
    }

    /// 汇总 of the given rows into the parent's draft (the existing sum, with its list of
    /// what makes the sum unsafe).
    pub fn sum(
        &self,
        rows: &[usize],
        options: &crate::sum::SumOptions,
    ) -> Result<crate::draft::Draft, crate::sum::SumError> {
        let units: Vec<(String, crate::document::Opened)> = rows
            .iter()
            .filter_map(|&i| {
                let a = self.analysed.get(i)?.as_ref()?;
                Some((self.rows[i].file.clone(), a.opened.clone()))
            })
            .collect();
        crate::sum::sum_units(&units, options)
    }

    /// The analysis behind a row (None for an unreadable file).
    pub fn analysis(&self, i: usize) -> Option<&Analysis> {
        self.analysed.get(i)?.as_ref().map(|a| &a.analysis)
    }

    fn refresh_row(&mut self, i: usize) {
        let Some(a) = self.analysed[i].as_ref() else {
            return;
        };
        let (file, path) = (self.rows[i].file.clone(), self.rows[i].path.clone());
        let twin = self.rows[i].duplicate_of.take();
        self.rows[i] = self.row_of(&file, &path, a);
        self.rows[i].duplicate_of = twin;
    }

    /// The counts of the rows by state, in the states' order.
    pub fn by_state(&self) -> Vec<(DeskState, usize)> {
        let mut counts: std::collections::BTreeMap<DeskState, usize> = Default::default();
        for r in &self.rows {
            *counts.entry(r.state).or_default() += 1;
        }
        counts.into_iter().collect()
    }

    /// The desk as text: one line per report, then the counts by state.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for r in &self.rows {
            let counts = format!(
                "错误 {} · 警告 {} · 提示 {}",
                r.tally.errors, r.tally.warnings, r.tally.infos
            );
            let extra: Vec<String> = [
                (r.open_notes > 0).then(|| format!("批注 {}", r.open_notes)),
                (r.stale_explanations > 0).then(|| format!("说明过期 {}", r.stale_explanations)),
                r.resolved
                    .map(|(done, all)| format!("退回的问题已解决 {done}/{all}")),
                r.repetition.map(|s| format!("与上年重复 {}", s.text())),
                (r.late == Some(true)).then(|| "逾期发布".to_string()),
                r.summary.map(|n| format!("汇总报告（{n} 个单位）")),
                r.duplicate_of
                    .as_ref()
                    .map(|f| format!("重复报送（与 {f} 同一机关同一年度）")),
                r.problem.clone(),
            ]
            .into_iter()
            .flatten()
            .collect();
            out.push_str(&format!(
                "{}\t{}\t{}\t{}{}\n",
                r.state.label(),
                if r.organ.is_empty() {
                    "（未写机关）"
                } else {
                    &r.organ
                },
                r.file,
                counts,
                if extra.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", extra.join(" · "))
                }
            ));
        }
        let states: Vec<String> = self
            .by_state()
            .into_iter()
            .map(|(s, n)| format!("{} {n}", s.label()))
            .collect();
        out.push_str(&format!(
            "共 {} 份：{}\n",
            self.rows.len(),
            states.join("，")
        ));
        out
    }
}

/// A report returned and sent again: what it was returned with.
#[derive(Clone, Debug)]
pub struct Resubmission {
    /// The report as returned; `None` where the desk kept no copy (or it is gone).
    pub returned: Option<crate::draft::Draft>,
    pub by: String,
    pub at: String,
    pub findings: Vec<ReturnedFinding>,
    /// The return, to weigh the findings again as the report is edited.
    pub record: ReturnRecord,
}

/// A finding sent with a 退回意见, and whether the report now resolves it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnedFinding {
    pub line: String,
    pub resolved: bool,
}

/// The findings of a return weighed against the report's analysis now: resolved where no
/// finding that counts is the same finding (by [`crate::review::finding_key`]; by its line in
/// records that kept no keys).
pub fn returned_findings(record: &ReturnRecord, analysis: &Analysis) -> Vec<ReturnedFinding> {
    let keyed = record.keys.len() == record.findings.len();
    let now: std::collections::HashSet<String> = analysis
        .counted()
        .map(|f| {
            if keyed {
                crate::review::finding_key(f)
            } else {
                f.to_line()
            }
        })
        .collect();
    record
        .findings
        .iter()
        .enumerate()
        .map(|(k, line)| {
            let key = if keyed { &record.keys[k] } else { line };
            ReturnedFinding {
                line: line.clone(),
                resolved: !now.contains(key),
            }
        })
        .collect()
}

/// How a row stands: the last sign-off if it still covers the file and no return came after
/// it, else the last return (and whether the file was replaced since), else the sign-off it no longer covers, else by
/// its errors.
fn state_of(a: &Analysed, record: Option<&FileRecord>) -> DeskState {
    let digest = Some(a.digest.as_str());
    let draft = &a.opened.draft;
    let approval = if a.opened.source == Source::Draft {
        draft.review.approval(&draft.report)
    } else {
        record.and_then(|r| r.sign_offs.last()).and_then(|s| {
            let stage = Stage::parse(&s.stage)?;
            Some(if Some(s.digest.as_str()) == digest {
                Approval::Approved(stage)
            } else {
                Approval::ChangedSince(stage)
            })
        })
    };
    let returned = record.and_then(|r| r.returns.last());
    // A return after the sign-off withdraws it.
    let signed_at = if a.opened.source == Source::Draft {
        draft.review.sign_offs.last().map(|s| s.at)
    } else {
        record
            .and_then(|r| r.sign_offs.last())
            .and_then(|s| Stamp::parse(&s.at))
    };
    let withdrawn = returned
        .and_then(|r| Stamp::parse(&r.at))
        .is_some_and(|at| signed_at.is_none_or(|s| at > s));
    if let Some(Approval::Approved(stage)) = approval
        && !withdrawn
    {
        return DeskState::Approved(stage);
    }
    if let Some(r) = returned {
        return if Some(r.digest.as_str()) == digest {
            DeskState::Returned
        } else {
            DeskState::Resubmitted
        };
    }
    if let Some(Approval::ChangedSince(stage)) = approval {
        return DeskState::ChangedSince(stage);
    }
    if a.analysis.tally.errors > 0 {
        DeskState::HasErrors
    } else {
        DeskState::Unreviewed
    }
}

fn stale_explanations(analysis: &Analysis) -> usize {
    analysis
        .explained
        .iter()
        .filter(|e| matches!(e, Some(crate::review::Explained::Stale(_))))
        .count()
}

/// A row whose file is still being read.
fn reading_row(file: String, path: &Path) -> Row {
    Row {
        state: DeskState::Reading,
        problem: None,
        ..unreadable_row(file, path, String::new())
    }
}

fn unreadable_row(file: String, path: &Path, problem: String) -> Row {
    Row {
        file,
        path: path.to_path_buf(),
        organ: String::new(),
        kind: String::new(),
        year: None,
        format: "",
        state: DeskState::Unreadable,
        tally: Tally::default(),
        open_notes: 0,
        stale_explanations: 0,
        repetition: None,
        late: None,
        modified: modified(path),
        problem: Some(problem),
        rules: Vec::new(),
        resolved: None,
        summary: None,
        duplicate_of: None,
    }
}

fn relative(folder: &Path, path: &Path) -> String {
    path.strip_prefix(folder)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// When the file last changed, in 北京时间.
fn modified(path: &Path) -> Option<Stamp> {
    let secs = std::fs::metadata(path)
        .ok()?
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Stamp::from_unix_secs(secs)
}

/// The 表三 rows summed in the overview: 一、本年新收, 二、上年结转, （七）总计, 四、结转.
const SUMMED_T3_ROWS: [usize; 4] = [0, 1, crate::template::T3_R3_7, crate::template::T3_R3_7 + 1];

/// The overview as one HTML page, dated `date`.
pub fn overview_html(desk: &Desk, date: Date) -> String {
    use crate::template::{T3_ROWS, T3_TOTAL_COL, T4_GROUPS, t3, t4};
    // The sums are the 汇总's: one year, no summary with its own units, no report twice.
    let plan = desk.sum_plan(None);
    let approved = &plan.rows;
    // The reports as the editor shows them: a draft's totals computed unless typed by hand.
    let reports: Vec<crate::model::Report> = approved
        .iter()
        .filter_map(|&i| desk.analysed[i].as_ref())
        .map(|a| {
            let mut draft = a.opened.draft.clone();
            crate::analysis::apply_totals_rule(&mut draft);
            draft.report
        })
        .collect();
    let sum_of = |cell: usize| -> u128 {
        reports
            .iter()
            .map(|report| match report.cell(cell) {
                crate::model::CellValue::Count(n) => u128::from(*n),
                _ => 0,
            })
            .sum()
    };
    let folder = desk
        .folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    overview::page(&overview::Overview {
        folder: &folder,
        date,
        rows: &desk.rows,
        states: desk.by_state(),
        rules: failing_rules(&desk.rows)
            .into_iter()
            .map(|(rule, n)| (rule, n, worst_severity(desk, rule)))
            .collect(),
        approved: approved.len(),
        sum_year: plan.year,
        left_out: plan
            .left_out
            .iter()
            .map(|(i, why)| format!("{}：{why}", desk.rows[*i].file))
            .collect(),
        t3_sums: SUMMED_T3_ROWS
            .iter()
            .map(|&r| (T3_ROWS[r].label, sum_of(t3(r, T3_TOTAL_COL))))
            .collect(),
        t4_sums: T4_GROUPS
            .iter()
            .enumerate()
            .map(|(g, group)| (group.label, sum_of(t4(g, 4))))
            .collect(),
    })
}

/// Counts of the rules that fail across the rows: (rule, units), most first.
pub fn failing_rules(rows: &[Row]) -> Vec<(Rule, usize)> {
    let mut counts: Vec<(Rule, usize)> = Rule::ALL
        .iter()
        .map(|r| (*r, rows.iter().filter(|row| row.rules.contains(r)).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
}

/// The severity a rule's findings had in the rows (the worst), for the overview's colours.
pub fn worst_severity(desk: &Desk, rule: Rule) -> Option<Severity> {
    (0..desk.rows.len())
        .filter_map(|i| desk.analysis(i))
        .flat_map(|a| a.counted())
        .filter(|f| f.rule == rule)
        .map(|f| f.severity)
        .min()
}

#[cfg(test)]
mod tests;
