//! A long reading someone watches (a scan read page by page by OCR): how far it is, and a
//! request to stop. The watcher hands a [`Watch`] to [`watched`]; the reading on that thread
//! reports to it and stops when asked, without any parameter threaded through the importers.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// How far a reading is, and whether it should stop.
#[derive(Debug, Default)]
pub struct Watch {
    done: AtomicUsize,
    pages: AtomicUsize,
    stop: AtomicBool,
}

impl Watch {
    /// A new watch, nothing done yet.
    pub fn new() -> Arc<Watch> {
        Arc::new(Watch::default())
    }

    /// Pages done, and in all (0: not a reading by pages, or not started).
    pub fn pages(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.pages.load(Ordering::Relaxed),
        )
    }

    /// Asks the reading to stop.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// Whether the reading was asked to stop.
    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// The reading is at page `done` of `pages`.
    pub fn at_page(&self, done: usize, pages: usize) {
        self.pages.store(pages, Ordering::Relaxed);
        self.done.store(done, Ordering::Relaxed);
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<Watch>>> = const { RefCell::new(None) };
}

/// Runs `read` with `watch` watching whatever it reads on this thread.
pub fn watched<R>(watch: &Arc<Watch>, read: impl FnOnce() -> R) -> R {
    let before = CURRENT.with(|c| c.replace(Some(watch.clone())));
    let out = read();
    CURRENT.with(|c| *c.borrow_mut() = before);
    out
}

/// The watch of the reading on this thread, if someone watches it.
pub fn current() -> Option<Arc<Watch>> {
    CURRENT.with(|c| c.borrow().clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_watch_is_seen_only_inside_its_reading_and_only_on_its_thread() {
        let watch = Watch::new();
        assert!(current().is_none());
        watched(&watch, || {
            current().unwrap().at_page(2, 7);
            assert!(std::thread::spawn(|| current().is_none()).join().unwrap());
        });
        assert!(current().is_none());
        assert_eq!(watch.pages(), (2, 7));
        watch.stop();
        assert!(watch.stopped());
    }
}
