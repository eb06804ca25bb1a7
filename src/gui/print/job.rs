//! 打印…'s state: how the window prints (the program, the portal) and a print waiting for
//! the system's dialog; the PDF made for it.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use crate::export::pdf::FontSet;
use crate::gui::common::strings as s;
use crate::gui::print::portal::{PortalBus, PortalError, PortalOutcome};

/// The program that prints a PDF file given as its last argument (`lp`; tests put a
/// recording stub here).
pub const PRINT_PROGRAM: &str = "lp";

/// How this window prints, and what it has under way.
pub struct Printing {
    /// The program 打印… hands the PDF to (`lp`; a test's recording stub).
    pub program: String,
    /// Where 打印… looks for the desktop portal's print dialog first (tests: a stand-in or none).
    pub portal: PortalBus,
    /// A print waiting for the portal's dialog to be answered.
    pub job: Option<PrintJob>,
    /// The PDF fonts (official ones found on this machine, else bundled), looked up on the
    /// first PDF made, or in the background from the start ([`Printing::warm_up`]); tests set
    /// the bundled set.
    pub fonts: Option<FontSet>,
    /// The fonts being looked up in the background.
    warming: Option<Receiver<FontSet>>,
}

impl Default for Printing {
    fn default() -> Printing {
        Printing {
            program: PRINT_PROGRAM.to_string(),
            portal: PortalBus::Session,
            job: None,
            fonts: None,
            warming: None,
        }
    }
}

impl Printing {
    /// Looks the PDF fonts up in the background now (the packed faces unpacked into the
    /// cache, this machine's official fonts found), so that the first 打印预览 or 导出PDF
    /// does not wait for them.
    pub fn warm_up(&mut self) {
        if self.fonts.is_some() || self.warming.is_some() {
            return;
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let started = std::thread::Builder::new()
            .name("nianbao-fonts".into())
            .spawn(move || {
                crate::fonts::prepare_cache();
                let _ = sender.send(FontSet::with_installed_official());
            });
        if started.is_ok() {
            self.warming = Some(receiver);
        }
    }

    /// The PDF fonts: as looked up in the background (waiting for it if still at work), else
    /// now.
    pub fn fonts(&mut self) -> FontSet {
        if self.fonts.is_none()
            && let Some(warming) = self.warming.take()
        {
            self.fonts = warming.recv().ok();
        }
        self.fonts
            .get_or_insert_with(FontSet::with_installed_official)
            .clone()
    }
}

/// A print handed to the desktop portal, whose dialog the clerk has not answered yet.
pub struct PrintJob {
    pub answer: Receiver<Result<PortalOutcome, PortalError>>,
    pub file: PrintFile,
}

/// The PDF made for printing.
pub struct PrintFile {
    pub path: PathBuf,
    pub pages: usize,
    pub watermark: bool,
    pub title: String,
}

impl PrintFile {
    /// "N 页" and the watermark's note.
    pub fn what(&self) -> String {
        let mark = if self.watermark {
            s::PRINT_WATERMARK
        } else {
            ""
        };
        format!("{} 页{mark}", self.pages)
    }
}
