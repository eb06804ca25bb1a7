//! 文件 → 打印预览: the very PDF that 导出PDF… and 打印… would write (with the 草稿 watermark
//! when the report is no final version yet), drawn page by page from its bytes by `hayro`
//! on threads of their own (only the page shown and its neighbours: memory does not grow
//! with the report's length), shown in place of the form. Page keys (PageUp/PageDown, Home/End,
//! ←/→), zoom (+/−, 适合页面, 适合宽度), 打印… and 导出PDF… from the preview, Esc to close.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use egui::{ColorImage, Context, TextureHandle, TextureOptions, Ui};

use crate::export::pdf::{PdfOptions, export_pdf};
use crate::model::Report;

use crate::gui::common::strings as s;
use crate::gui::print::commands::PrintCommand;

/// Pixels per PDF point the pages are drawn at: sharp up to 150 % on a plain screen, and
/// readable when zoomed further (a page of a report takes a few hundredths of a second).
pub const RENDER_SCALE: f32 = 2.0;

/// CSS pixels per PDF point at 100 % (a page shown at its printed size on a 96 dpi screen).
const POINTS_TO_PIXELS: f32 = 96.0 / 72.0;

/// How many pages around the one shown are kept drawn (an A4 page drawn at
/// [`RENDER_SCALE`] is 8 MB, in the window's memory and again in the graphics driver's).
const KEPT_AROUND: usize = 1;

/// A PDF read for drawing, or why it cannot be.
fn read_pdf(bytes: Arc<Vec<u8>>) -> Result<hayro::hayro_syntax::Pdf, String> {
    hayro::hayro_syntax::Pdf::new(bytes).map_err(|_| s::PREVIEW_BAD_PDF.to_string())
}

/// Page `index` of a PDF drawn as an image, white behind (None past the last page).
fn render_page(pdf: &hayro::hayro_syntax::Pdf, index: usize, scale: f32) -> Option<ColorImage> {
    let page = pdf.pages().get(index)?;
    let pixmap = hayro::render(
        page,
        &hayro::RenderCache::new(),
        &hayro::hayro_interpret::InterpreterSettings::default(),
        &hayro::RenderSettings::default(),
        &hayro::PixmapSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: hayro::vello_cpu::color::palette::css::WHITE,
        },
    );
    let size = [usize::from(pixmap.width()), usize::from(pixmap.height())];
    let rgba: Vec<u8> = pixmap
        .data()
        .iter()
        .flat_map(|p| [p.r, p.g, p.b, p.a])
        .collect();
    Some(ColorImage::from_rgba_premultiplied(size, &rgba))
}

/// The pages of a PDF drawn as images, white behind.
pub fn render_pages(pdf: &[u8], scale: f32) -> Result<Vec<ColorImage>, String> {
    let pdf = read_pdf(Arc::new(pdf.to_vec()))?;
    Ok((0..pdf.pages().len())
        .filter_map(|i| render_page(&pdf, i, scale))
        .collect())
}

/// The share of a page's pixels that are not white: how much is drawn on it.
pub fn ink(image: &ColorImage) -> f32 {
    if image.pixels.is_empty() {
        return 0.0;
    }
    let inked = image
        .pixels
        .iter()
        .filter(|c| c.r() < 240 || c.g() < 240 || c.b() < 240)
        .count();
    inked as f32 / image.pixels.len() as f32
}

/// The exported PDF, made on a thread: its bytes and how many pages it has.
struct Made {
    bytes: Arc<Vec<u8>>,
    pages: usize,
}

/// What the preview shows: the PDF being made, made, or why there is none.
enum Pages {
    Making(Receiver<Result<Made, String>>),
    Ready(Made),
    Failed(String),
}

/// How large a page is shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Zoom {
    /// The whole page in the window.
    FitPage,
    /// The page as wide as the window.
    FitWidth,
    /// Percent of the printed size.
    Percent(u16),
}

/// The zoom steps of +/−, in percent.
const ZOOM_STEPS: [u16; 9] = [50, 67, 75, 100, 125, 150, 200, 300, 400];

/// The print preview while open. The PDF is kept as bytes; only the page shown and its
/// neighbours are drawn (each on a thread, the page shown first) and kept as textures.
pub struct Preview {
    pages: Pages,
    /// The pages drawn and kept, by index: the one shown and its neighbours.
    textures: HashMap<usize, TextureHandle>,
    /// A page being drawn on a thread (its index).
    drawing: Option<(usize, Receiver<Option<ColorImage>>)>,
    /// How much of the last page drawn is not white (tests look at it).
    pub last_ink: Option<(usize, f32)>,
    /// The page shown (from 0).
    pub page: usize,
    pub zoom: Zoom,
    /// The pages carry the 草稿 watermark (the report is no final version yet).
    pub watermark: bool,
    /// The zoom in percent last shown (what +/− step from when fitting).
    shown_percent: f32,
    /// When the preview was asked for, until its first page is drawn
    /// (`NIANBAO_PREVIEW_PROBE=1`: the time to it is printed, for the README's figure).
    asked: Option<std::time::Instant>,
}

impl Preview {
    /// Starts making the PDF of `report` as the export would write it with `options`.
    pub fn start(report: Report, options: PdfOptions, ctx: &egui::Context) -> Preview {
        let watermark = options.draft_watermark;
        let (sender, receiver) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let made = std::panic::catch_unwind(move || {
                let pdf = export_pdf(&report, &options).map_err(|e| e.to_string())?;
                let bytes = Arc::new(pdf.bytes);
                let pages = read_pdf(bytes.clone())?.pages().len();
                Ok(Made { bytes, pages })
            })
            .unwrap_or_else(|_| Err(s::PREVIEW_BAD_PDF.to_string()));
            let _ = sender.send(made);
            ctx.request_repaint();
        });
        Preview {
            pages: Pages::Making(receiver),
            textures: HashMap::new(),
            drawing: None,
            last_ink: None,
            page: 0,
            zoom: Zoom::FitPage,
            watermark,
            shown_percent: 100.0,
            asked: Some(std::time::Instant::now()),
        }
    }

    /// Takes what the threads have done (the PDF made, a page drawn, as a texture), lets go
    /// of pages far from the one shown and starts drawing the next page wanted; true while
    /// a thread is still at work.
    pub fn poll(&mut self, ctx: &Context) -> bool {
        if let Pages::Making(receiver) = &self.pages {
            match receiver.try_recv() {
                Ok(Ok(made)) if made.pages == 0 => {
                    self.pages = Pages::Failed(s::PREVIEW_NO_PAGES.to_string())
                }
                Ok(Ok(made)) => self.pages = Pages::Ready(made),
                Ok(Err(e)) => self.pages = Pages::Failed(e),
                Err(TryRecvError::Empty) => return true,
                Err(TryRecvError::Disconnected) => {
                    self.pages = Pages::Failed(s::PREVIEW_BAD_PDF.to_string())
                }
            }
        }
        let Pages::Ready(made) = &self.pages else {
            return false;
        };
        if let Some((index, receiver)) = &self.drawing {
            match receiver.try_recv() {
                Ok(Some(image)) => {
                    self.last_ink = Some((*index, ink(&image)));
                    let texture = ctx.load_texture(
                        format!("nianbao-preview-{index}"),
                        image,
                        TextureOptions::LINEAR,
                    );
                    self.textures.insert(*index, texture);
                    self.drawing = None;
                    if let Some(asked) = self.asked.take()
                        && std::env::var_os("NIANBAO_PREVIEW_PROBE").is_some()
                    {
                        eprintln!(
                            "first preview page after {} ms",
                            asked.elapsed().as_millis()
                        );
                    }
                }
                Ok(None) | Err(TryRecvError::Disconnected) => {
                    self.pages = Pages::Failed(s::PREVIEW_BAD_PDF.to_string());
                    self.drawing = None;
                    return false;
                }
                Err(TryRecvError::Empty) => return true,
            }
        }
        let page = self.page;
        self.textures
            .retain(|&i, _| i.abs_diff(page) <= KEPT_AROUND);
        // The page shown first, then its neighbours.
        let around = (page.saturating_sub(KEPT_AROUND)..=page + KEPT_AROUND).filter(|&i| i != page);
        let Some(wanted) = std::iter::once(page)
            .chain(around)
            .find(|&i| i < made.pages && !self.textures.contains_key(&i))
        else {
            return false;
        };
        let (sender, receiver) = std::sync::mpsc::channel();
        let (bytes, ctx) = (made.bytes.clone(), ctx.clone());
        std::thread::spawn(move || {
            let drawn = std::panic::catch_unwind(move || {
                read_pdf(bytes)
                    .ok()
                    .and_then(|pdf| render_page(&pdf, wanted, RENDER_SCALE))
            })
            .unwrap_or(None);
            let _ = sender.send(drawn);
            ctx.request_repaint();
        });
        self.drawing = Some((wanted, receiver));
        true
    }

    /// How many pages the PDF has (0 until made).
    pub fn page_count(&self) -> usize {
        match &self.pages {
            Pages::Ready(made) => made.pages,
            _ => 0,
        }
    }

    /// True while the PDF is being made or a page drawn.
    pub fn is_drawing(&self) -> bool {
        matches!(self.pages, Pages::Making(_)) || self.drawing.is_some()
    }

    /// How many pages are drawn and kept now.
    pub fn pages_kept(&self) -> usize {
        self.textures.len()
    }

    /// Goes to a page, kept within the document.
    pub fn go_to(&mut self, page: usize) {
        self.page = page.min(self.page_count().saturating_sub(1));
    }

    /// One zoom step larger (`true`) or smaller, from the zoom shown.
    pub fn step_zoom(&mut self, larger: bool) {
        let now = self.shown_percent;
        let next = if larger {
            ZOOM_STEPS
                .iter()
                .copied()
                .find(|&p| f32::from(p) > now + 0.5)
        } else {
            ZOOM_STEPS
                .iter()
                .rev()
                .copied()
                .find(|&p| f32::from(p) < now - 0.5)
        };
        if let Some(p) = next {
            self.zoom = Zoom::Percent(p);
        }
    }
}

/// The preview's keys: pages, zoom, Esc. Not while a text field has the keyboard.
fn handle_keys(ui: &Ui, preview: &mut Preview, commands: &mut Vec<PrintCommand>) {
    use egui::{Key, Modifiers};
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let last = preview.page_count().saturating_sub(1);
    ui.input_mut(|i| {
        let mut key = |k: Key| i.consume_key(Modifiers::NONE, k);
        if key(Key::PageDown) || key(Key::ArrowRight) || key(Key::ArrowDown) || key(Key::Space) {
            preview.go_to(preview.page + 1);
        }
        if key(Key::PageUp) || key(Key::ArrowLeft) || key(Key::ArrowUp) {
            preview.go_to(preview.page.saturating_sub(1));
        }
        if key(Key::Home) {
            preview.go_to(0);
        }
        if key(Key::End) {
            preview.go_to(last);
        }
        if key(Key::Plus) || key(Key::Equals) {
            preview.step_zoom(true);
        }
        if key(Key::Minus) {
            preview.step_zoom(false);
        }
        if key(Key::Escape) {
            commands.push(PrintCommand::ClosePreview);
        }
    });
}

/// The preview in place of the form: its tool bar, then the page.
pub fn show(ui: &mut Ui, preview: &mut Preview, commands: &mut Vec<PrintCommand>) {
    if preview.poll(ui.ctx()) {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(50));
    }
    handle_keys(ui, preview, commands);
    egui::CentralPanel::default().show(ui, |ui| {
        toolbar(ui, preview, commands);
        ui.separator();
        match &preview.pages {
            Pages::Making(_) => drawing(ui),
            Pages::Failed(why) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("{}{why}", s::PREVIEW_FAILED),
                );
            }
            Pages::Ready(_) => page_view(ui, preview),
        }
    });
}

fn toolbar(ui: &mut Ui, preview: &mut Preview, commands: &mut Vec<PrintCommand>) {
    let count = preview.page_count();
    ui.horizontal_wrapped(|ui| {
        if ui.button(s::PREVIEW_CLOSE).clicked() {
            commands.push(PrintCommand::ClosePreview);
        }
        if ui.button(s::PRINT_MENU).clicked() {
            commands.push(PrintCommand::Print);
        }
        if ui.button(s::EXPORT_PDF).clicked() {
            commands.push(PrintCommand::ExportPdf);
        }
        ui.separator();
        let at_first = preview.page == 0;
        if ui
            .add_enabled(!at_first, egui::Button::new(s::PREVIEW_PREVIOUS))
            .clicked()
        {
            preview.go_to(preview.page.saturating_sub(1));
        }
        let where_ = if count == 0 {
            s::PREVIEW_NO_PAGE_YET.to_string()
        } else {
            format!("第 {} 页，共 {count} 页", preview.page + 1)
        };
        ui.label(where_);
        if ui
            .add_enabled(preview.page + 1 < count, egui::Button::new(s::PREVIEW_NEXT))
            .clicked()
        {
            preview.go_to(preview.page + 1);
        }
        ui.separator();
        if ui.button("－").on_hover_text(s::PREVIEW_ZOOM_OUT).clicked() {
            preview.step_zoom(false);
        }
        ui.label(format!("{:.0}%", preview.shown_percent));
        if ui.button("＋").on_hover_text(s::PREVIEW_ZOOM_IN).clicked() {
            preview.step_zoom(true);
        }
        for (zoom, label) in [
            (Zoom::FitPage, s::PREVIEW_FIT_PAGE),
            (Zoom::FitWidth, s::PREVIEW_FIT_WIDTH),
            (Zoom::Percent(100), s::PREVIEW_ACTUAL_SIZE),
        ] {
            if ui.selectable_label(preview.zoom == zoom, label).clicked() {
                preview.zoom = zoom;
            }
        }
        if preview.watermark {
            ui.separator();
            ui.colored_label(ui.visuals().warn_fg_color, s::PREVIEW_WATERMARK);
        }
    });
}

/// A spinner and what is being done.
fn drawing(ui: &mut Ui) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(s::PREVIEW_DRAWING);
    });
}

fn page_view(ui: &mut Ui, preview: &mut Preview) {
    let page = preview.page;
    let Some(texture) = preview.textures.get(&page).cloned() else {
        // Being drawn (the thread asks for a frame when done).
        drawing(ui);
        return;
    };
    let [w, h] = texture
        .size()
        .map(|v| v as f32 / RENDER_SCALE * POINTS_TO_PIXELS);
    let room = ui.available_size() - egui::vec2(16.0, 16.0);
    let factor = match preview.zoom {
        Zoom::FitPage => (room.x / w).min(room.y / h),
        Zoom::FitWidth => room.x / w,
        Zoom::Percent(p) => f32::from(p) / 100.0,
    }
    .clamp(0.1, 8.0);
    preview.shown_percent = factor * 100.0;
    let size = egui::vec2(w, h) * factor;
    egui::ScrollArea::both()
        .id_salt(("nianbao-preview-page", page))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.vertical_centered(|ui| {
                let frame = egui::Frame::NONE
                    .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                    .shadow(ui.visuals().popup_shadow);
                frame.show(ui, |ui| {
                    ui.add(
                        egui::Image::new((texture.id(), size))
                            .alt_text(format!("第 {} 页", page + 1)),
                    );
                });
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{OrganKind, Report};

    fn report() -> Report {
        let mut report = Report::new("某某区人民政府办公室", OrganKind::Government, 2025);
        report.set_text(
            crate::template::TextId::Intro,
            "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。",
        );
        report
    }

    #[test]
    fn the_preview_draws_every_page_of_the_exported_pdf_and_page_one_is_not_blank() {
        let options = PdfOptions::new(crate::model::Date::new(2026, 1, 20).unwrap());
        let pdf = export_pdf(&report(), &options).unwrap();
        let pages = render_pages(&pdf.bytes, 1.0).unwrap();
        assert_eq!(pages.len(), pdf.pages);
        assert!(
            pages.len() >= 3,
            "a report has several pages: {}",
            pages.len()
        );
        // A4 (595.3 × 841.9 pt) at one pixel per point.
        assert_eq!(pages[0].size, [595, 841]);
        let inked = ink(&pages[0]);
        assert!(inked > 0.005, "page 1 looks blank: {inked}");
        assert!(inked < 0.5, "page 1 is mostly ink: {inked}");
    }

    #[test]
    fn the_watermark_puts_more_ink_on_the_page() {
        let date = crate::model::Date::new(2026, 1, 20).unwrap();
        let plain = export_pdf(&report(), &PdfOptions::new(date)).unwrap();
        let mut options = PdfOptions::new(date);
        options.draft_watermark = true;
        let marked = export_pdf(&report(), &options).unwrap();
        let plain = render_pages(&plain.bytes, 0.5).unwrap();
        let marked = render_pages(&marked.bytes, 0.5).unwrap();
        assert!(ink(&marked[1]) > ink(&plain[1]));
    }

    #[test]
    fn a_broken_pdf_is_told_not_drawn() {
        let e = render_pages(b"%PDF-1.7 not really", 1.0).unwrap_err();
        assert!(e.contains("PDF"), "{e}");
    }

    #[test]
    fn zoom_steps_go_from_the_zoom_shown() {
        let (sender, receiver) = std::sync::mpsc::channel();
        drop(sender);
        let mut p = Preview {
            pages: Pages::Making(receiver),
            textures: HashMap::new(),
            drawing: None,
            last_ink: None,
            page: 0,
            zoom: Zoom::FitPage,
            watermark: false,
            shown_percent: 88.0,
            asked: None,
        };
        p.step_zoom(true);
        assert_eq!(p.zoom, Zoom::Percent(100));
        p.shown_percent = 100.0;
        p.step_zoom(false);
        assert_eq!(p.zoom, Zoom::Percent(75));
        p.shown_percent = 400.0;
        p.zoom = Zoom::Percent(400);
        p.step_zoom(true);
        assert_eq!(p.zoom, Zoom::Percent(400));
        let ctx = Context::default();
        assert!(
            !p.poll(&ctx),
            "a thread gone is a failure, not drawing forever"
        );
        assert_eq!(p.page_count(), 0);
        p.go_to(5);
        assert_eq!(p.page, 0);
    }
}
