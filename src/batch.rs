//! Checking a whole folder of reports at once (`check DIR… --summary OUT.csv`): every draft
//! or published text found, each paired with the previous year's report of the same organ
//! when it is among them, one CSV row per file. A file that cannot be read is a row with its
//! reason, never a stop.

use std::path::{Path, PathBuf};

use crate::analysis::{Context, analyze};
use crate::document::{self, Opened};
use crate::finding::{Rule, Severity, tally};

/// File extensions the batch picks up in folders.
pub const EXTENSIONS: [&str; 6] = ["ron", "txt", "pdf", "docx", "html", "htm"];

/// The result for one file.
#[derive(Clone, Debug)]
pub struct BatchRow {
    pub file: PathBuf,
    /// The report, when the file could be read.
    pub outcome: Result<Checked, String>,
}

/// A report that was read and checked, as the summary keeps it: the counts, not the
/// findings, so a batch of any size holds a few hundred bytes a report.
#[derive(Clone, Debug)]
pub struct Checked {
    pub organ: String,
    pub year: Option<u16>,
    pub format: &'static str,
    pub tally: crate::finding::Tally,
    /// How many findings of each rule, in the order of [`Rule::ALL`].
    pub rule_counts: Vec<u32>,
    /// The rules of its errors, each once, in the order found.
    pub error_rules: Vec<Rule>,
    /// Last year's report it was checked against.
    pub previous: Option<PathBuf>,
    /// The repetition rate against that report (H21).
    pub repetition: Option<crate::repetition::Share>,
}

impl Checked {
    /// The summary of a report checked (against last year's `previous`, when paired).
    fn of(o: &Opened, analysis: &crate::analysis::Analysis, previous: Option<PathBuf>) -> Checked {
        let report = &o.draft.report;
        let findings = &analysis.findings;
        let mut error_rules: Vec<Rule> = Vec::new();
        for f in findings.iter().filter(|f| f.severity == Severity::Error) {
            if !error_rules.contains(&f.rule) {
                error_rules.push(f.rule);
            }
        }
        Checked {
            organ: report.meta.organ.clone(),
            year: report.meta.year,
            format: report.format.key(),
            tally: tally(findings),
            rule_counts: Rule::ALL
                .iter()
                .map(|r| findings.iter().filter(|f| f.rule == *r).count() as u32)
                .collect(),
            error_rules,
            previous,
            repetition: analysis.repetition.as_ref().and_then(|r| r.overall()),
        }
    }

    /// How many findings of `rule`.
    pub fn count_of(&self, rule: Rule) -> u32 {
        let k = Rule::ALL.iter().position(|r| *r == rule);
        k.and_then(|k| self.rule_counts.get(k).copied())
            .unwrap_or(0)
    }
}

/// The rules a batch is checked by beside the national ones.
#[derive(Clone, Copy, Default)]
pub struct BatchRules<'a> {
    /// A local publication deadline (`--deadline`), before the profile's.
    pub deadline: Option<crate::model::Deadline>,
    pub profile: Option<&'a crate::profile::Profile>,
}

/// The files to check: files as given, folders walked (recursively, sorted) for drafts and
/// texts. Unreadable folders become rows with their reason.
pub fn collect(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<BatchRow>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let before = files.len();
            walk(input, &mut files, &mut problems);
            if files.len() == before {
                problems.push(BatchRow {
                    file: input.clone(),
                    outcome: Err(format!(
                        "文件夹中没有找到可检查的报告（{}）",
                        EXTENSIONS.map(|e| format!(".{e}")).join("、")
                    )),
                });
            }
        } else {
            files.push(input.clone());
        }
    }
    (files, problems)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<BatchRow>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(BatchRow {
                file: dir.to_path_buf(),
                outcome: Err(format!("无法读取文件夹：{}", crate::fsio::io_reason(&e))),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, files, problems);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
        {
            files.push(p);
        }
    }
}

/// Reads and checks every file by the national rules; pairs each report with last year's
/// of the same organ.
pub fn check_files(files: &[PathBuf]) -> Vec<BatchRow> {
    check_files_with(files, BatchRules::default())
}

/// [`check_files`] with a local deadline or profile. Every file is read and checked on
/// every core, and only its summary kept; the reports paired with last year's are then read
/// again, with that report, and checked against it. Memory does not grow with the documents.
pub fn check_files_with(files: &[PathBuf], rules: BatchRules) -> Vec<BatchRow> {
    // Each report alone: its summary, and the organ and year the pairing needs.
    let alone: Vec<Result<(Checked, Option<OrganYear>), String>> = par_map(files, |f| {
        let (o, _) = read_guarded(f)?;
        let checked = Checked::of(&o, &analyze_opened(&o, None, rules), None);
        let report = &o.draft.report;
        let key = report
            .meta
            .year
            .map(|y| (crate::model::normalize_organ(&report.meta.organ), y));
        Ok((checked, key))
    });
    let keys: Vec<Option<OrganYear>> = alone
        .iter()
        .map(|r| r.as_ref().ok().and_then(|(_, k)| k.clone()))
        .collect();
    let pairs: Vec<(usize, usize)> = crate::organs::pair_previous_keys(keys)
        .into_iter()
        .enumerate()
        .filter_map(|(i, p)| Some((i, p?)))
        .collect();
    let mut rows: Vec<Result<Checked, String>> = alone
        .into_iter()
        .map(|r| r.map(|(checked, _)| checked))
        .collect();
    // The pairs, read again and checked against last year's report.
    let again = par_map(&pairs, |&(i, p)| {
        let (o, _) = read_guarded(&files[i]).ok()?;
        let (last, _) = read_guarded(&files[p]).ok()?;
        let analysis = analyze_opened(&o, Some(&last.draft.report), rules);
        Some(Checked::of(&o, &analysis, Some(files[p].clone())))
    });
    for (&(i, _), checked) in pairs.iter().zip(again) {
        if let Some(checked) = checked {
            rows[i] = Ok(checked);
        }
    }
    files
        .iter()
        .zip(rows)
        .map(|(file, outcome)| BatchRow {
            file: file.clone(),
            outcome,
        })
        .collect()
}

/// A report's normalized organ and its year: what the pairing with last year's needs.
type OrganYear = (String, u16);

/// [`read_one`], a fault in a reader turned into the row's reason.
fn read_guarded(f: &Path) -> Result<(Opened, String), String> {
    std::panic::catch_unwind(|| read_one(f)).unwrap_or_else(|_| Err("读取时出错".to_string()))
}

/// A file read and analysed in a batch.
pub struct Analysed {
    pub opened: Opened,
    pub analysis: crate::analysis::Analysis,
    /// The index of last year's report of the same organ among the files, if there.
    pub previous: Option<usize>,
    /// The digest of the file's bytes as read (a replaced file has another).
    pub digest: String,
}

/// Reads every file on all cores and analyses each, paired with last year's report of the
/// same organ when it is among the files. Results in file order.
pub fn analyze_files(files: &[PathBuf], rules: BatchRules) -> Vec<Result<Analysed, String>> {
    let (opened, digests): (Vec<Result<Opened, String>>, Vec<String>) = read_all(files)
        .into_iter()
        .map(|r| match r {
            Ok((o, digest)) => (Ok(o), digest),
            Err(e) => (Err(e), String::new()),
        })
        .unzip();
    let reports: Vec<Option<&crate::model::Report>> = opened
        .iter()
        .map(|o| o.as_ref().ok().map(|o| &o.draft.report))
        .collect();
    let previous = crate::organs::pair_previous(&reports);
    // Checked on all cores too, each with its last year's report.
    let indices: Vec<usize> = (0..opened.len()).collect();
    let analyses: Vec<Option<crate::analysis::Analysis>> = par_map(&indices, |&i| {
        let o = opened[i].as_ref().ok()?;
        let last_year = match previous[i].map(|p| &opened[p]) {
            Some(Ok(p)) => Some(&p.draft.report),
            _ => None,
        };
        Some(analyze_opened(o, last_year, rules))
    });
    opened
        .into_iter()
        .zip(analyses)
        .zip(previous)
        .zip(digests)
        .map(|(((o, a), previous), digest)| {
            let opened = o?;
            let analysis = a.ok_or_else(|| "读取时出错".to_string())?;
            Ok(Analysed {
                opened,
                analysis,
                previous,
                digest,
            })
        })
        .collect()
}

/// The analysis of a file read, against last year's report when given.
pub fn analyze_opened(
    o: &Opened,
    last_year: Option<&crate::model::Report>,
    rules: BatchRules,
) -> crate::analysis::Analysis {
    analyze(
        &o.draft,
        &Context {
            import_findings: &o.import_findings,
            previous: last_year,
            deadline: rules.deadline,
            profile: rules.profile,
        },
    )
}

/// Reads and opens one file, with the digest of its bytes.
pub fn read_one(f: &Path) -> Result<(Opened, String), String> {
    let bytes = crate::fsio::read_bounded(f).map_err(|e| e.to_string())?;
    let opened = document::open_bytes(f, &bytes).map_err(|e| e.to_string())?;
    Ok((opened, crate::review::fnv1a(&bytes)))
}

/// Opens the files on all cores, each read once, with the digest of its bytes; results in
/// file order. A file that trips a fault in a reader is a row with its reason.
fn read_all(files: &[PathBuf]) -> Vec<Result<(Opened, String), String>> {
    par_map(files, |f| read_guarded(f))
}

/// `f` of every item on every core the machine has (no cap), the items handed out one at a
/// time (a slow file holds up only itself); the results in the items' order.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::channel();
        for _ in 0..threads {
            let (sender, next, f) = (sender.clone(), &next, &f);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else {
                        break;
                    };
                    if sender.send((i, f(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for (i, r) in receiver {
            slots[i] = Some(r);
        }
    });
    slots.into_iter().flatten().collect()
}

pub(crate) fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The summary as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese right):
/// file, organ, year, format, errors, warnings, infos, previous, repetition rate, reason, one
/// count per rule.
pub fn to_csv(rows: &[BatchRow]) -> String {
    let rules = Rule::ALL;
    let mut out = String::from("\u{feff}");
    let mut header = vec![
        "文件",
        "机关",
        "年度",
        "格式",
        "错误",
        "警告",
        "提示",
        "对照上年",
        "与上年重复率",
        "无法读取的原因",
    ]
    .into_iter()
    .map(str::to_string)
    .collect::<Vec<_>>();
    header.extend(rules.iter().map(|r| r.id().to_string()));
    out.push_str(&header.join(","));
    out.push('\n');
    for row in rows {
        let mut fields = vec![csv_field(&row.file.display().to_string())];
        match &row.outcome {
            Ok(c) => {
                let counts = c.tally;
                fields.extend([
                    csv_field(&c.organ),
                    c.year.map(|y| y.to_string()).unwrap_or_default(),
                    c.format.to_string(),
                    counts.errors.to_string(),
                    counts.warnings.to_string(),
                    counts.infos.to_string(),
                    c.previous
                        .as_ref()
                        .map(|p| csv_field(&p.display().to_string()))
                        .unwrap_or_default(),
                    c.repetition.map(|r| r.text()).unwrap_or_default(),
                    String::new(),
                ]);
                for r in &rules {
                    fields.push(c.count_of(*r).to_string());
                }
            }
            Err(reason) => {
                fields.extend(std::iter::repeat_n(String::new(), 8));
                fields.push(csv_field(reason));
                fields.extend(std::iter::repeat_n(String::new(), rules.len()));
            }
        }
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

/// A readable summary: one line per file, then the totals.
pub fn summary_text(rows: &[BatchRow]) -> String {
    let mut out = String::new();
    let (mut files_with_errors, mut unreadable) = (0, 0);
    for row in rows {
        match &row.outcome {
            Ok(c) => {
                let crate::finding::Tally {
                    errors: e,
                    warnings: w,
                    infos: i,
                } = c.tally;
                if e > 0 {
                    files_with_errors += 1;
                }
                let worst: Vec<&str> = c.error_rules.iter().map(|r| r.id()).collect();
                out.push_str(&format!(
                    "{}  {} {}年度  错误 {e} · 警告 {w} · 提示 {i}{}{}\n",
                    row.file.display(),
                    c.organ,
                    c.year.map_or_else(|| "?".to_string(), |y| y.to_string()),
                    if worst.is_empty() {
                        String::new()
                    } else {
                        format!("（{}）", dedup(worst).join("、"))
                    },
                    if c.previous.is_some() {
                        "  已对照上年"
                    } else {
                        ""
                    }
                ));
            }
            Err(reason) => {
                unreadable += 1;
                out.push_str(&format!("{}  无法读取：{reason}\n", row.file.display()));
            }
        }
    }
    out.push_str(&format!(
        "共 {} 个文件：{} 个有错误，{} 个无法读取\n",
        rows.len(),
        files_with_errors,
        unreadable
    ));
    out
}

fn dedup(v: Vec<&str>) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for x in v {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Draft, save_draft};
    use crate::model::{CellValue, OrganKind, Report};
    use crate::template::t3;

    #[test]
    fn folder_pairs_years_and_reports_unreadable_files() {
        let dir = tempfile::tempdir().unwrap();
        let mut last = Report::new("某县人民政府", OrganKind::Government, 2024);
        last.set_cell(t3(24, 0), CellValue::Count(2));
        save_draft(&dir.path().join("a-2024.ron"), &Draft::new(last)).unwrap();
        let mut now = Report::new("某县 人民政府", OrganKind::Government, 2025);
        now.set_cell(t3(1, 0), CellValue::Count(1));
        save_draft(&dir.path().join("b-2025.ron"), &Draft::new(now)).unwrap();
        std::fs::write(dir.path().join("c-broken.ron"), "(version: 1,").unwrap();
        std::fs::write(dir.path().join("ignored.png"), "x").unwrap();
        let (files, problems) = collect(&[dir.path().to_path_buf()]);
        assert!(problems.is_empty());
        assert_eq!(files.len(), 3);
        let rows = check_files(&files);
        let b = rows[1].outcome.as_ref().expect("b reads");
        assert!(
            b.previous
                .as_ref()
                .is_some_and(|p| p.ends_with("a-2024.ron"))
        );
        assert!(b.count_of(Rule::H1) > 0);
        assert!(rows[2].outcome.as_ref().is_err());
        let csv = to_csv(&rows);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].starts_with("\u{feff}文件,机关,年度,格式,错误"));
        assert!(lines[2].contains(",某县 人民政府,2025,2021,"));
        assert!(lines[3].contains("草稿格式错误"));
        let text = summary_text(&rows);
        assert!(text.contains("共 3 个文件"), "{text}");
        assert!(text.contains("已对照上年"));
    }

    #[test]
    fn par_map_gives_every_result_in_order() {
        let items: Vec<u64> = (0..1000).collect();
        let out = super::par_map(&items, |&x| x * 2);
        assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        assert!(super::par_map(&[] as &[u8], |_| 0).is_empty());
    }
}
