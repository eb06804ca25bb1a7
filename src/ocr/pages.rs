//! The pages of a scanned PDF as grey images: each page drawn by hayro (whatever its images'
//! encoding: JPEG, Flate, JBIG2, CCITT), the seal's colour taken out.

use super::image::Gray;

/// The resolution pages are read at: a 10.5 pt character is about 29 pixels tall.
pub const DPI: f32 = 200.0;

/// A page drawn for reading.
pub struct PageImage {
    pub image: Gray,
    /// Page points per pixel (72 / dpi).
    pub points_per_pixel: f64,
}

/// Draws page `index` of `pdf` at `dpi` (None past the last page).
pub fn render_page(pdf: &hayro::hayro_syntax::Pdf, index: usize, dpi: f32) -> Option<PageImage> {
    let page = pdf.pages().get(index)?;
    let scale = dpi / 72.0;
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
    let (w, h) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
    let rgb: Vec<u8> = pixmap
        .data()
        .iter()
        .flat_map(|p| {
            // Premultiplied over white.
            let a = u16::from(p.a);
            let over = |c: u8| (u16::from(c) + (255 - a)).min(255) as u8;
            [over(p.r), over(p.g), over(p.b)]
        })
        .collect();
    Some(PageImage {
        image: Gray::from_rgb_without_seal(w, h, &rgb)
            .paper_whitened()
            .deskewed(),
        points_per_pixel: 72.0 / f64::from(dpi),
    })
}
