//! A PDF being opened in the background: a scan is read by OCR, seconds a page, and the
//! window stays live meanwhile, showing the page it is at, with 取消.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use crate::document::{OpenError, Opened};
use crate::gui::common::strings as s;
use crate::progress::Watch;

/// What the background reading gives: the file opened with its bytes, or why not.
pub type OpenResult = Result<(Opened, Vec<u8>), OpenError>;

/// What to do once a file is opened, beyond showing it.
pub enum AfterOpen {
    /// Nothing more.
    Show,
    /// Opened from the desk: as its file holds it (back to the desk asks nothing), and a
    /// resubmission compared with the version returned.
    FromDesk(Option<Box<crate::desk::Resubmission>>),
}

/// A file being read in the background.
pub struct Opening {
    pub path: PathBuf,
    pub result: Receiver<OpenResult>,
    pub watch: Arc<Watch>,
    pub then: AfterOpen,
}

impl Opening {
    /// Starts reading `path` on a thread of its own.
    pub fn start(path: PathBuf, then: AfterOpen) -> Opening {
        let watch = Watch::new();
        let (sender, result) = std::sync::mpsc::channel();
        let (file, watching) = (path.clone(), watch.clone());
        std::thread::spawn(move || {
            let read = crate::progress::watched(&watching, || read_and_open(&file));
            let _ = sender.send(read);
        });
        Opening {
            path,
            result,
            watch,
            then,
        }
    }
}

/// Reads a file once and opens it: the draft, and the bytes a later save compares the disk
/// with.
pub fn read_and_open(path: &std::path::Path) -> OpenResult {
    let bytes = crate::fsio::read_bounded(path).map_err(OpenError::from)?;
    let opened = crate::document::open_bytes(path, &bytes)?;
    Ok((opened, bytes))
}

/// The reading's small window: the file, how far it is, 取消. Returns true when 取消 was
/// clicked.
pub fn show(ctx: &egui::Context, opening: &Opening) -> bool {
    let mut cancel = false;
    let (done, pages) = opening.watch.pages();
    egui::Modal::new(egui::Id::unique("nianbao-opening")).show(ctx, |ui| {
        ui.set_width(360.0);
        ui.heading(s::OPENING_TITLE);
        let name = opening
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        ui.label(name);
        if pages > 0 {
            let at = s::fill(s::OPENING_SCAN_PAGE, (done + 1).min(pages));
            ui.label(s::fill(&at, pages));
            ui.add(egui::ProgressBar::new(done as f32 / pages as f32).show_percentage());
        } else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(s::OPENING_PDF);
            });
        }
        if ui.button(s::OPENING_CANCEL).clicked() {
            cancel = true;
        }
    });
    // The reading reports nothing to the window: look again soon.
    ctx.request_repaint_after(std::time::Duration::from_millis(100));
    cancel
}
