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

/// A folder at the desk: its rows (sorted by file), what is kept of each report, the records.
pub struct Desk {
    pub folder: PathBuf,
    pub rows: Vec<Row>,
    /// Per row, what its state needs once the report itself is let go (`None`: not read, or
    /// unreadable). An action reads the report again.
    kept: Vec<Option<Kept>>,
    /// The rules the reports are checked by (those of the last load).
    rules: DeskRules,
    pub records: DeskRecords,
    /// The folder's files as last listed (with the desk file), to see what changed on disk.
    signature: Signature,
    /// Each row by its file's path (a load's step finds its row at once, however many).
    by_path: std::collections::HashMap<PathBuf, usize>,
}

/// What the desk keeps of a report once its row is made: a few hundred bytes, whatever the
/// report, so a folder of 100,000 reports stays small. 退回, 签发, 汇总 and the overview read
/// the report again.
#[derive(Clone, Debug)]
struct Kept {
    /// The digest of the file's bytes as read.
    digest: String,
    source: Source,
    /// Last year's report it was checked against.
    previous: Option<PathBuf>,
    /// A draft's approval by its own review record, and when it was last signed.
    approval: Option<Approval>,
    signed_at: Option<Stamp>,
    errors: usize,
    /// Hashes of the counted findings' keys and of their lines, to weigh a 退回 against.
    finding_keys: std::collections::HashSet<u64>,
    finding_lines: std::collections::HashSet<u64>,
    /// Each failing rule with its worst severity.
    worst: Vec<(Rule, Severity)>,
    /// A summary's units: (organ, file) of each.
    sum_units: Vec<(String, String)>,
}

impl Kept {
    fn of(a: &Analysed, previous: Option<PathBuf>) -> Kept {
        let draft = &a.opened.draft;
        let is_draft = a.opened.source == Source::Draft;
        let mut worst: Vec<(Rule, Severity)> = Vec::new();
        for f in a.analysis.counted() {
            match worst.iter_mut().find(|(r, _)| *r == f.rule) {
                Some((_, s)) => *s = (*s).min(f.severity),
                None => worst.push((f.rule, f.severity)),
            }
        }
        Kept {
            digest: a.digest.clone(),
            source: a.opened.source,
            previous,
            approval: is_draft
                .then(|| draft.review.approval(&draft.report))
                .flatten(),
            signed_at: is_draft
                .then(|| draft.review.sign_offs.last().map(|s| s.at))
                .flatten(),
            errors: a.analysis.tally.errors,
            finding_keys: a
                .analysis
                .counted()
                .map(|f| text_hash(&crate::review::finding_key(f)))
                .collect(),
            finding_lines: a
                .analysis
                .counted()
                .map(|f| text_hash(&f.to_line()))
                .collect(),
            worst,
            sum_units: draft
                .sum
                .iter()
                .flat_map(|r| &r.units)
                .map(|u| (u.organ.clone(), u.file.clone()))
                .collect(),
        }
    }
}

/// A hash of a text, to compare with others in memory (never written).
fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
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
    #[error("“{file}”现在无法读取，不能{action}：{reason}")]
    ReadAgain {
        file: String,
        action: &'static str,
        reason: String,
    },
    #[error(transparent)]
    Records(#[from] records::RecordsError),
    #[error(transparent)]
    File(#[from] crate::fsio::FileError),
    #[error(transparent)]
    Draft(#[from] crate::draft::DraftError),
    #[error(transparent)]
    Sign(#[from] crate::release::SignError),
    #[error(transparent)]
    Sum(#[from] crate::sum::SumError),
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
            kept: files.iter().map(|_| None).collect(),
            rules: DeskRules::default(),
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

    /// A load of every report of the desk, checked by `rules` (which the desk's actions
    /// use from then on).
    pub fn loader(&mut self, rules: DeskRules) -> Loader {
        self.rules = rules.clone();
        Loader {
            files: self.rows.iter().map(|r| r.path.clone()).collect(),
            rules,
        }
    }

    /// Takes in one step of a load: the file's row filled in, where it still is.
    pub fn apply(&mut self, step: Loaded) {
        let (path, outcome, previous) = match step {
            Loaded::File {
                path,
                outcome,
                previous,
            } => (path, outcome, previous),
            Loaded::Done => return self.mark_duplicates(),
            Loaded::Comparing(_) => return,
        };
        let Some(&i) = self.by_path.get(&path) else {
            return;
        };
        match outcome {
            Ok(a) => self.take_in(i, &a, previous),
            Err(problem) => {
                let file = self.rows[i].file.clone();
                self.rows[i] = unreadable_row(file, &path, problem);
                self.kept[i] = None;
            }
        }
    }

    /// Row `i` made from its report read, and what is kept of it; the report is let go.
    fn take_in(&mut self, i: usize, a: &Analysed, previous: Option<PathBuf>) {
        let (file, path) = (self.rows[i].file.clone(), self.rows[i].path.clone());
        let twin = self.rows[i].duplicate_of.take();
        let kept = Kept::of(a, previous);
        self.rows[i] = self.row_of(&file, &path, a, &kept);
        self.kept[i] = Some(kept);
        self.rows[i].duplicate_of = twin;
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
        let mut old: std::collections::HashMap<PathBuf, (Row, Option<Kept>)> = self
            .rows
            .drain(..)
            .zip(self.kept.drain(..))
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
            self.kept.push(a);
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

    fn row_of(&self, file: &str, path: &Path, a: &Analysed, kept: &Kept) -> Row {
        let draft = &a.opened.draft;
        let report = &draft.report;
        let analysis = &a.analysis;
        let (state, resolved) = self.standing(file, kept);
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
            resolved,
            summary: draft.sum.as_ref().map(|r| r.units.len()),
            duplicate_of: None,
        }
    }

    /// How a report stands by what is kept of it and the desk's records: its state, and for
    /// a resubmission how many of the findings it was returned with are resolved, of all.
    fn standing(&self, file: &str, kept: &Kept) -> (DeskState, Option<(usize, usize)>) {
        let record = self.records.files.get(file);
        let state = state_of(kept, record);
        let resolved = record
            .and_then(|r| r.returns.last())
            .filter(|_| state == DeskState::Resubmitted)
            .map(|r| {
                let answers = weigh_return(
                    r,
                    |key| kept.finding_keys.contains(&text_hash(key)),
                    |line| kept.finding_lines.contains(&text_hash(line)),
                );
                (answers.iter().filter(|f| f.resolved).count(), answers.len())
            });
        (state, resolved)
    }

    /// What a resubmitted row was returned with: the report as returned (where the desk kept
    /// it), who returned it and when, and which findings sent are resolved now (the report
    /// read again).
    pub fn resubmission(&self, i: usize) -> Option<Resubmission> {
        let row = self.rows.get(i)?;
        let a = self.read_again(i, "查看").ok()?;
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

    /// Row `i`'s report read again for `action` and checked as the load checked it (with
    /// last year's report it was paired with).
    fn read_again(&self, i: usize, action: &'static str) -> Result<Analysed, DeskError> {
        let row = self
            .rows
            .get(i)
            .ok_or_else(|| DeskError::NoSuchReport(i.to_string()))?;
        let kept = self.kept[i].as_ref().ok_or_else(|| {
            if row.state == DeskState::Reading {
                DeskError::StillReading(row.file.clone(), action)
            } else {
                DeskError::Unreadable(row.file.clone(), action)
            }
        })?;
        let (opened, digest) =
            crate::batch::read_one(&row.path).map_err(|reason| DeskError::ReadAgain {
                file: row.file.clone(),
                action,
                reason,
            })?;
        let last_year = kept
            .previous
            .as_deref()
            .and_then(|p| crate::batch::read_one(p).ok())
            .map(|(o, _)| o.draft.report);
        let analysis =
            crate::batch::analyze_opened(&opened, last_year.as_ref(), self.rules.batch());
        Ok(Analysed {
            opened,
            analysis,
            previous: None,
            digest,
        })
    }

    /// Row `i`'s report read again for `action`; the row shows it (the file may have changed
    /// since the load).
    fn read_for(&mut self, i: usize, action: &'static str) -> Result<Analysed, DeskError> {
        let a = self.read_again(i, action)?;
        let previous = self.kept[i].as_ref().and_then(|k| k.previous.clone());
        self.take_in(i, &a, previous);
        Ok(a)
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
        let a = &self.read_for(i, "退回")?;
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
        let mut a = self.read_for(i, "签署")?;
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
            a.opened.draft.review.sign_offs.push(sign_off);
            // Saved as `draft::save_draft` does; the bytes written are the file's new digest.
            let text = crate::draft::to_ron(&a.opened.draft)?;
            crate::fsio::write_atomic(&row.path, text.as_bytes())?;
            let path = row.path.clone();
            self.touched(&path);
            a.digest = crate::review::fnv1a(text.as_bytes());
            let previous = self.kept[i].as_ref().and_then(|k| k.previous.clone());
            self.take_in(i, &a, previous);
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
    /// what makes the sum unsafe). Each report is read again; one that cannot be now stops
    /// the sum, named: a total the leaders read never leaves a unit out unsaid.
    pub fn sum(
        &self,
        rows: &[usize],
        options: &crate::sum::SumOptions,
    ) -> Result<crate::draft::Draft, DeskError> {
        let units = self.read_units(rows, "汇总")?;
        Ok(crate::sum::sum_units(&units, options)?)
    }

    /// The given rows' reports read again on every core, each with its file, in order.
    fn read_units(
        &self,
        rows: &[usize],
        action: &'static str,
    ) -> Result<Vec<(String, crate::document::Opened)>, DeskError> {
        crate::batch::par_map(rows, |&i| {
            let row = self
                .rows
                .get(i)
                .ok_or_else(|| DeskError::NoSuchReport(i.to_string()))?;
            let (opened, _) =
                crate::batch::read_one(&row.path).map_err(|reason| DeskError::ReadAgain {
                    file: row.file.clone(),
                    action,
                    reason,
                })?;
            Ok((row.file.clone(), opened))
        })
        .into_iter()
        .collect()
    }

    /// A row's state and resolved count again (the records changed).
    fn refresh_row(&mut self, i: usize) {
        let Some(kept) = self.kept[i].as_ref() else {
            return;
        };
        let (state, resolved) = self.standing(&self.rows[i].file, kept);
        self.rows[i].state = state;
        self.rows[i].resolved = resolved;
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
    let keys: std::collections::HashSet<String> =
        analysis.counted().map(crate::review::finding_key).collect();
    let lines: std::collections::HashSet<String> =
        analysis.counted().map(|f| f.to_line()).collect();
    weigh_return(record, |k| keys.contains(k), |l| lines.contains(l))
}

/// The findings of a return, each resolved unless a finding counted now has its key (or,
/// in records that kept no keys, its line).
fn weigh_return(
    record: &ReturnRecord,
    has_key: impl Fn(&str) -> bool,
    has_line: impl Fn(&str) -> bool,
) -> Vec<ReturnedFinding> {
    let keyed = record.keys.len() == record.findings.len();
    record
        .findings
        .iter()
        .enumerate()
        .map(|(k, line)| ReturnedFinding {
            line: line.clone(),
            resolved: if keyed {
                !has_key(&record.keys[k])
            } else {
                !has_line(line)
            },
        })
        .collect()
}

/// How a row stands: the last sign-off if it still covers the file and no return came after
/// it, else the last return (and whether the file was replaced since), else the sign-off it no longer covers, else by
/// its errors.
fn state_of(a: &Kept, record: Option<&FileRecord>) -> DeskState {
    let digest = Some(a.digest.as_str());
    let approval = if a.source == Source::Draft {
        a.approval
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
    let signed_at = if a.source == Source::Draft {
        a.signed_at
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
    if a.errors > 0 {
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
    let cells: Vec<usize> = SUMMED_T3_ROWS
        .iter()
        .map(|&r| t3(r, T3_TOTAL_COL))
        .chain((0..T4_GROUPS.len()).map(|g| t4(g, 4)))
        .collect();
    // Each report read again, as the editor shows it (a draft's totals computed unless
    // typed by hand); only the cells summed are kept of it.
    let values: Vec<Result<Vec<u128>, String>> = crate::batch::par_map(&plan.rows, |&i| {
        let (opened, _) = crate::batch::read_one(&desk.rows[i].path)?;
        let mut draft = opened.draft;
        crate::analysis::apply_totals_rule(&mut draft);
        Ok(cells
            .iter()
            .map(|&c| match draft.report.cell(c) {
                crate::model::CellValue::Count(n) => u128::from(*n),
                _ => 0,
            })
            .collect())
    });
    let mut sums = vec![0u128; cells.len()];
    let mut left_out: Vec<(usize, String)> = plan.left_out.clone();
    let mut approved = 0;
    for (&i, read) in plan.rows.iter().zip(values) {
        match read {
            Ok(values) => {
                approved += 1;
                for (sum, v) in sums.iter_mut().zip(values) {
                    *sum += v;
                }
            }
            Err(reason) => left_out.push((i, format!("现在无法读取：{reason}"))),
        }
    }
    left_out.sort_by_key(|(i, _)| *i);
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
        approved,
        sum_year: plan.year,
        left_out: left_out
            .iter()
            .map(|(i, why)| format!("{}：{why}", desk.rows[*i].file))
            .collect(),
        t3_sums: SUMMED_T3_ROWS
            .iter()
            .zip(&sums)
            .map(|(&r, &sum)| (T3_ROWS[r].label, sum))
            .collect(),
        t4_sums: T4_GROUPS
            .iter()
            .zip(&sums[SUMMED_T3_ROWS.len()..])
            .map(|(group, &sum)| (group.label, sum))
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
    desk.kept
        .iter()
        .flatten()
        .flat_map(|k| &k.worst)
        .filter(|(r, _)| *r == rule)
        .map(|(_, s)| *s)
        .min()
}

#[cfg(test)]
mod tests;
