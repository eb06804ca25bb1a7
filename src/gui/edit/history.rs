//! The undo history of the open draft. Every state it keeps is a draft as it is shown (the
//! totals rule applied), so undoing always lands on a state the clerk saw, and nothing
//! recorded is ever unreachable: a step is the state at an undo point (a field left, a
//! paste, Esc, a menu action), or a state left alone for [`STABLE_SECS`].

use crate::analysis;
use crate::draft::Draft;

/// Typing that pauses this long becomes an undo step of its own.
pub const STABLE_SECS: f64 = 0.8;
/// How many steps are kept.
pub const MAX_STEPS: usize = 200;

/// Undo and redo stacks around the current step.
#[derive(Default)]
pub struct History {
    undo: Vec<Draft>,
    redo: Vec<Draft>,
    /// The state of the last step (what undo goes back from).
    point: Option<Draft>,
    /// A state that differs from `point`, and since when it has not changed.
    pending: Option<(f64, Draft)>,
}

/// The draft as the editor shows it: totals computed from their parts (unless typed by
/// hand). Panels snapshot the draft before the totals of the frame are recomputed.
fn shown(draft: &Draft) -> Draft {
    let mut d = draft.clone();
    analysis::apply_totals_rule(&mut d);
    d
}

impl History {
    /// Makes `state` a step (nothing when it is the current step already). A new step
    /// ends what could be redone.
    pub fn checkpoint(&mut self, state: &Draft) {
        let state = shown(state);
        self.pending = None;
        match self.point.take() {
            Some(p) if p == state => self.point = Some(p),
            Some(p) => {
                self.undo.push(p);
                if self.undo.len() > MAX_STEPS {
                    self.undo.remove(0);
                }
                self.redo.clear();
                self.point = Some(state);
            }
            None => self.point = Some(state),
        }
    }

    /// Called every frame with the draft as shown: the first state becomes the first step;
    /// a changed state becomes a step once left alone for [`STABLE_SECS`].
    pub fn feed(&mut self, now: f64, state: &Draft) {
        if self.point.is_none() {
            self.checkpoint(state);
            return;
        }
        if self.point.as_ref() == Some(state) {
            self.pending = None;
            return;
        }
        match &self.pending {
            Some((since, pending)) if pending == state => {
                if now - since >= STABLE_SECS {
                    self.checkpoint(state);
                }
            }
            _ => self.pending = Some((now, state.clone())),
        }
    }

    /// True while a change waits to become a step (the frame should come back for it).
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }

    /// Goes back one step from `current` (which first becomes a step if it is new).
    pub fn undo(&mut self, current: &Draft) -> Option<Draft> {
        self.checkpoint(current);
        let previous = self.undo.pop()?;
        if let Some(p) = self.point.replace(previous.clone()) {
            self.redo.push(p);
        }
        Some(previous)
    }

    /// Goes forward one undone step; nothing when `current` changed since the undo (the
    /// change is a new step and ends what could be redone).
    pub fn redo(&mut self, current: &Draft) -> Option<Draft> {
        if self.point.as_ref() != Some(&shown(current)) {
            self.checkpoint(current);
            return None;
        }
        let next = self.redo.pop()?;
        if let Some(p) = self.point.replace(next.clone()) {
            self.undo.push(p);
        }
        Some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CellValue, OrganKind, Report};
    use proptest::prelude::*;

    fn with_cell(base: &Draft, cell: usize, v: u64) -> Draft {
        let mut d = base.clone();
        d.report.set_cell(cell, CellValue::Count(v));
        d
    }

    #[test]
    fn a_snapshot_with_stale_totals_is_the_state_shown() {
        // The cell is set, the total not yet recomputed (a panel's snapshot).
        let base = Draft::new(Report::new("某县", OrganKind::Government, 2025));
        let mut h = History::default();
        h.checkpoint(&base);
        let np = crate::template::t3(0, 0);
        let stale = with_cell(&base, np, 3);
        h.checkpoint(&stale);
        let mut current = stale.clone();
        analysis::apply_totals_rule(&mut current);
        assert_ne!(stale, current, "the total changed");
        // Undo and redo land on shown states, and undo can go on to the start.
        assert_eq!(h.undo(&current), Some(shown(&base)));
        assert_eq!(h.redo(&shown(&base)), Some(current.clone()));
        assert_eq!(h.undo(&current), Some(shown(&base)));
        assert_eq!(h.undo(&shown(&base)), None);
    }

    #[derive(Clone, Debug)]
    enum Op {
        Edit(u8, u8),
        Point,
        Feed(u8),
        Undo,
        Redo,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0u8..8, 0u8..5).prop_map(|(c, v)| Op::Edit(c, v)),
            Just(Op::Point),
            (0u8..3).prop_map(Op::Feed),
            Just(Op::Undo),
            Just(Op::Redo),
        ]
    }

    proptest! {
        /// Whatever happened, undoing everything gives the first state, and redoing
        /// everything again reaches the state the clerk was at.
        #[test]
        fn undo_to_the_start_and_redo_to_the_end(ops in proptest::collection::vec(op(), 0..40)) {
            let start = shown(&Draft::new(Report::new("某县", OrganKind::Government, 2025)));
            let mut h = History::default();
            let mut now = 0.0;
            let mut current = start.clone();
            h.feed(now, &current);
            for op in ops {
                match op {
                    Op::Edit(c, v) => current = with_cell(&current, usize::from(c), u64::from(v)),
                    Op::Point => h.checkpoint(&current),
                    Op::Feed(dt) => {
                        now += f64::from(dt) * 0.5;
                        current = shown(&current);
                        h.feed(now, &current);
                    }
                    Op::Undo => if let Some(s) = h.undo(&current) { current = s },
                    Op::Redo => if let Some(s) = h.redo(&current) { current = s },
                }
            }
            let now_shown = shown(&current);
            let mut state = current.clone();
            while let Some(s) = h.undo(&state) {
                state = s;
            }
            prop_assert_eq!(&state, &start);
            // Redoing everything passes through the state the sequence ended on (nothing
            // recorded is out of reach), and undoing from the end reaches the start again.
            let mut chain = vec![state.clone()];
            while let Some(s) = h.redo(&state) {
                state = s;
                chain.push(state.clone());
            }
            prop_assert!(chain.contains(&now_shown), "{} states, current not among them", chain.len());
            while let Some(s) = h.undo(&state) {
                state = s;
            }
            prop_assert_eq!(state, start);
        }
    }
}
