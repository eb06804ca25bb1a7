//! Reading a desk's files in the background: on all cores, each file handed on as soon as it
//! is read and checked (so the first rows fill at once), then read again, once every file is
//! in, for the reports that have last year's report of the same organ in the folder (the
//! repetition rate and the cross-year checks need the pair). Nothing of a report is kept
//! between the passes but its organ and year. The caller decides where the
//! results go: the CLI straight into the desk, the editor through a channel.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use crate::batch::{Analysed, BatchRules, analyze_opened, read_one};
use crate::model::Deadline;
use crate::organs::pair_previous_keys;
use crate::profile::Profile;

/// Why a file that made the reader fail shows as unreadable.
const READ_FAULT: &str = "读取时出错（文件内容无法解析）";

/// The rules a desk is read by, owned, so that a load can run on a thread of its own.
#[derive(Clone, Debug, Default)]
pub struct DeskRules {
    pub deadline: Option<Deadline>,
    pub profile: Option<Profile>,
}

impl DeskRules {
    /// The owned copy of a batch's rules.
    pub fn from_batch(rules: BatchRules) -> DeskRules {
        DeskRules {
            deadline: rules.deadline,
            profile: rules.profile.cloned(),
        }
    }

    pub(crate) fn batch(&self) -> BatchRules<'_> {
        BatchRules {
            deadline: self.deadline,
            profile: self.profile.as_ref(),
        }
    }
}

/// One step of a load.
pub enum Loaded {
    /// A file read and analysed (or why it could not be read). A file paired with last
    /// year's report comes twice: first alone, then with the pair.
    File {
        path: PathBuf,
        outcome: Result<Box<Analysed>, String>,
        /// Last year's report it was checked against.
        previous: Option<PathBuf>,
    },
    /// Every file is read; this many are being checked again against last year's.
    Comparing(usize),
    /// The load is complete.
    Done,
}

/// A load of the given files, to be run.
pub struct Loader {
    pub files: Vec<PathBuf>,
    pub rules: DeskRules,
}

/// One file read and checked alone; a file that trips a fault in the reader is a row with
/// its reason, never a desk stuck at 读取中.
fn read_and_check(path: &std::path::Path, rules: BatchRules<'_>) -> Result<Box<Analysed>, String> {
    std::panic::catch_unwind(|| {
        read_one(path).map(|(o, digest)| {
            let analysis = analyze_opened(&o, None, rules);
            Analysed {
                opened: o,
                analysis,
                previous: None,
                digest,
            }
        })
    })
    .unwrap_or_else(|_| Err(READ_FAULT.to_string()))
    .map(Box::new)
}

impl Loader {
    /// Runs the load on all cores, handing each step to `sink` on the calling thread, in the
    /// order the files are done. Stops early when `sink` returns false. Only each file's
    /// organ and year are kept between the two passes: the pairs are read again, so memory
    /// does not grow with the reports.
    pub fn run(self, mut sink: impl FnMut(Loaded) -> bool) {
        let rules = self.rules.batch();
        let mut keys: Vec<Option<(String, u16)>> = vec![None; self.files.len()];
        let read = each_on_all_cores(
            &self.files,
            |path| read_and_check(path, rules),
            |i, outcome| {
                if let Ok(a) = &outcome {
                    let report = &a.opened.draft.report;
                    keys[i] = report
                        .meta
                        .year
                        .map(|y| (crate::model::normalize_organ(&report.meta.organ), y));
                }
                sink(Loaded::File {
                    path: self.files[i].clone(),
                    outcome,
                    previous: None,
                })
            },
        );
        if read {
            self.compare_with_last_year(keys, &mut sink);
        }
    }

    /// The reports paired with last year's, each read again with that report and checked
    /// against it on every core, handed on as they are done; then [`Loaded::Done`].
    fn compare_with_last_year(
        &self,
        keys: Vec<Option<(String, u16)>>,
        sink: &mut impl FnMut(Loaded) -> bool,
    ) {
        let rules = self.rules.batch();
        let pairs: Vec<(usize, usize)> = pair_previous_keys(keys)
            .into_iter()
            .enumerate()
            .filter_map(|(i, p)| Some((i, p?)))
            .collect();
        if !pairs.is_empty() && !sink(Loaded::Comparing(pairs.len())) {
            return;
        }
        let compared = each_on_all_cores(
            &pairs,
            |&(i, p)| {
                std::panic::catch_unwind(|| {
                    let (o, digest) = read_one(&self.files[i]).ok()?;
                    let (last, _) = read_one(&self.files[p]).ok()?;
                    let analysis = analyze_opened(&o, Some(&last.draft.report), rules);
                    Some(Analysed {
                        opened: o,
                        analysis,
                        previous: Some(p),
                        digest,
                    })
                })
                .ok()
                .flatten()
            },
            |k, analysed| {
                // A file gone or changed into something unreadable since: its row stays.
                let Some(a) = analysed else {
                    return true;
                };
                let (i, p) = pairs[k];
                sink(Loaded::File {
                    path: self.files[i].clone(),
                    outcome: Ok(Box::new(a)),
                    previous: Some(self.files[p].clone()),
                })
            },
        );
        if compared {
            sink(Loaded::Done);
        }
    }

    /// Runs the load on a thread of its own; the steps arrive on the returned channel, and
    /// `wake` is called after each (the editor asks for a frame). Dropping the receiver
    /// stops the load.
    pub fn spawn(self, wake: impl Fn() + Send + 'static) -> mpsc::Receiver<Loaded> {
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            self.run(|step| {
                let sent = sender.send(step).is_ok();
                wake();
                sent
            });
        });
        receiver
    }
}

/// `work` of every item on every core the machine has (no cap), the items handed out one at
/// a time (a slow file holds up only itself); each result handed to `sink` on the calling
/// thread as it is done, with the item's index. Returns false when `sink` asked to stop.
fn each_on_all_cores<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(usize, R) -> bool,
) -> bool {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let mut going = true;
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::channel();
        for _ in 0..threads.min(items.len()).max(1) {
            let sender = sender.clone();
            let (next, stop, work) = (&next, &stop, &work);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else {
                        break;
                    };
                    if sender.send((i, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for (i, result) in receiver {
            if going && !sink(i, result) {
                going = false;
                stop.store(true, Ordering::Relaxed);
            }
        }
    });
    going
}
