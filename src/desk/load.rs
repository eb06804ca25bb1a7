//! Reading a desk's files in the background: on all cores, each file handed on as soon as it
//! is read and checked (so the first rows fill at once), then again, once every file is in,
//! for the reports that have last year's report of the same organ in the folder (the
//! repetition rate and the cross-year checks need the pair). The caller decides where the
//! results go: the CLI straight into the desk, the editor through a channel.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use crate::batch::{Analysed, BatchRules, analyze_opened, read_one};
use crate::document::Opened;
use crate::model::Deadline;
use crate::organs::pair_previous;
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

    fn batch(&self) -> BatchRules<'_> {
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
    /// order the files are done. Stops early when `sink` returns false.
    pub fn run(self, mut sink: impl FnMut(Loaded) -> bool) {
        // Every core the machine has: no cap.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        if let Some(opened) = self.read_all(threads, &mut sink) {
            self.compare_with_last_year(opened, threads, &mut sink);
        }
    }

    /// Reads and checks every file on `threads` threads, each handed to `sink` as it is
    /// done; what each opened as, for the pairing (`None`: `sink` asked to stop).
    fn read_all(
        &self,
        threads: usize,
        sink: &mut impl FnMut(Loaded) -> bool,
    ) -> Option<Vec<Option<(Opened, String)>>> {
        let files = &self.files;
        let rules = self.rules.batch();
        let next = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        let mut opened: Vec<Option<(Opened, String)>> = vec![None; files.len()];
        let mut going = true;
        std::thread::scope(|scope| {
            let (sender, receiver) = mpsc::channel();
            for _ in 0..threads.min(files.len().max(1)) {
                let sender = sender.clone();
                let (next, stop) = (&next, &stop);
                scope.spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(i) else {
                            break;
                        };
                        if sender.send((i, read_and_check(path, rules))).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(sender);
            for (i, outcome) in receiver {
                if !going {
                    continue;
                }
                if let Ok(a) = &outcome {
                    opened[i] = Some((a.opened.clone(), a.digest.clone()));
                }
                let path = files[i].clone();
                if !sink(Loaded::File { path, outcome }) {
                    going = false;
                    stop.store(true, Ordering::Relaxed);
                }
            }
        });
        going.then_some(opened)
    }

    /// The reports paired with last year's checked again on `threads` threads, handed on in
    /// the files' order; then [`Loaded::Done`].
    fn compare_with_last_year(
        &self,
        mut opened: Vec<Option<(Opened, String)>>,
        threads: usize,
        sink: &mut impl FnMut(Loaded) -> bool,
    ) {
        let rules = self.rules.batch();
        let reports: Vec<_> = opened
            .iter()
            .map(|o| o.as_ref().map(|(o, _)| &o.draft.report))
            .collect();
        let pairs: Vec<(usize, usize)> = pair_previous(&reports)
            .into_iter()
            .enumerate()
            .filter_map(|(i, p)| Some((i, p?)))
            .collect();
        if !pairs.is_empty() && !sink(Loaded::Comparing(pairs.len())) {
            return;
        }
        let chunk = pairs.len().div_ceil(threads).max(1);
        let analyses: Vec<(usize, usize, crate::analysis::Analysis)> =
            std::thread::scope(|scope| {
                let handles: Vec<_> = pairs
                    .chunks(chunk)
                    .map(|part| {
                        let opened = &opened;
                        scope.spawn(move || {
                            part.iter()
                                .filter_map(|&(i, p)| {
                                    let (o, _) = opened[i].as_ref()?;
                                    let last_year = &opened[p].as_ref()?.0.draft.report;
                                    Some((i, p, analyze_opened(o, Some(last_year), rules)))
                                })
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().unwrap_or_default())
                    .collect()
            });
        for (i, p, analysis) in analyses {
            let Some((o, digest)) = opened[i].take() else {
                continue;
            };
            let a = Analysed {
                opened: o,
                analysis,
                previous: Some(p),
                digest,
            };
            let path = self.files[i].clone();
            if !sink(Loaded::File {
                path,
                outcome: Ok(Box::new(a)),
            }) {
                return;
            }
        }
        sink(Loaded::Done);
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
