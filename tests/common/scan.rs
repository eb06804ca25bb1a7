//! Scans made from our own PDF exports, as an office's scanner makes them: each page drawn
//! (hayro) at a scanner's resolution, turned a little, blurred, with noise, a red seal over
//! the page's middle (where the tables are), and wrapped as a PDF of page images only.

use std::io::Write;

/// How a scan is made.
#[derive(Clone, Copy, Debug)]
pub struct ScanOptions {
    pub dpi: f32,
    /// Clockwise, on the page.
    pub degrees: f32,
    pub blur: bool,
    /// Up to this much added to or taken from each pixel.
    pub noise: u8,
    pub seal: bool,
    pub seed: u64,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            dpi: 200.0,
            degrees: 0.0,
            blur: false,
            noise: 0,
            seal: false,
            seed: 1,
        }
    }
}

/// A PDF of page images (no text layer) made from `pdf` as `options` say.
pub fn scan_of(pdf: &[u8], options: &ScanOptions) -> Vec<u8> {
    let doc = hayro::hayro_syntax::Pdf::new(std::sync::Arc::new(pdf.to_vec()))
        .unwrap_or_else(|_| panic!("not a PDF"));
    let mut pages = Vec::new();
    let mut random = options.seed.max(1);
    for page in doc.pages().iter() {
        let scale = options.dpi / 72.0;
        let (pw, ph) = page.render_dimensions();
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
        let (w, h) = (usize::from(pixmap.width()), usize::from(pixmap.height()));
        let mut rgb: Vec<[f32; 3]> = pixmap
            .data()
            .iter()
            .map(|p| {
                let a = f32::from(p.a);
                let over = |c: u8| (f32::from(c) + 255.0 - a).min(255.0);
                [over(p.r), over(p.g), over(p.b)]
            })
            .collect();
        if options.degrees != 0.0 {
            rgb = rotated(&rgb, w, h, options.degrees);
        }
        if options.seal {
            seal(&mut rgb, w, h);
        }
        if options.blur {
            rgb = blurred(&rgb, w, h);
        }
        let bytes: Vec<u8> = rgb
            .iter()
            .flat_map(|p| {
                // The sensor's noise, in brightness (xorshift: the same scan every run).
                let mut noise = 0.0;
                if options.noise > 0 {
                    random ^= random << 13;
                    random ^= random >> 7;
                    random ^= random << 17;
                    let n = i64::from(options.noise);
                    noise = ((random % (2 * n as u64 + 1)) as i64 - n) as f32;
                }
                p.map(|c| (c + noise).clamp(0.0, 255.0) as u8)
            })
            .collect();
        pages.push((w, h, f64::from(pw), f64::from(ph), bytes));
    }
    image_pdf(&pages)
}

/// A red seal (a ring, a star and a band of "text") over the middle of the page, drawn as
/// ink is: multiplied over what is under it.
fn seal(rgb: &mut [[f32; 3]], w: usize, h: usize) {
    let (cx, cy) = (w as f32 * 0.62, h as f32 * 0.45);
    let r = w as f32 * 0.13;
    let ink = [0.86, 0.16, 0.18];
    for y in 0..h {
        for x in 0..w {
            let (dx, dy) = (x as f32 - cx, y as f32 - cy);
            let d = (dx * dx + dy * dy).sqrt();
            let ring = (d - r).abs() < r * 0.05;
            let band = d < r * 0.8 && (dy - r * 0.35).abs() < r * 0.08 && (x / 6) % 3 != 0;
            let angle = dy.atan2(dx);
            let star = d < r * 0.3 * (0.55 + 0.45 * (5.0 * angle).cos().abs());
            if ring || band || star {
                let p = &mut rgb[y * w + x];
                for c in 0..3 {
                    p[c] *= ink[c];
                }
            }
        }
    }
}

fn rotated(rgb: &[[f32; 3]], w: usize, h: usize, degrees: f32) -> Vec<[f32; 3]> {
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
    let mut out = vec![[255.0; 3]; w * h];
    for y in 0..h {
        for x in 0..w {
            let (dx, dy) = (x as f32 - cx, y as f32 - cy);
            let sx = (cos * dx + sin * dy + cx).round();
            let sy = (-sin * dx + cos * dy + cy).round();
            if sx >= 0.0 && sy >= 0.0 && (sx as usize) < w && (sy as usize) < h {
                out[y * w + x] = rgb[sy as usize * w + sx as usize];
            }
        }
    }
    out
}

/// A 3×3 blur (1 2 1 / 2 4 2 / 1 2 1, over 16): a scanner's soft focus.
fn blurred(rgb: &[[f32; 3]], w: usize, h: usize) -> Vec<[f32; 3]> {
    let mut out = rgb.to_vec();
    for y in 1..h.saturating_sub(1) {
        for x in 1..w.saturating_sub(1) {
            let mut sum = [0.0; 3];
            for (dy, row) in [[1.0, 2.0, 1.0], [2.0, 4.0, 2.0], [1.0, 2.0, 1.0]]
                .iter()
                .enumerate()
            {
                for (dx, k) in row.iter().enumerate() {
                    let p = rgb[(y + dy - 1) * w + x + dx - 1];
                    for c in 0..3 {
                        sum[c] += p[c] * k;
                    }
                }
            }
            out[y * w + x] = sum.map(|s| s / 16.0);
        }
    }
    out
}

/// A PDF whose pages are the given RGB images, each filling a page of the given size
/// (points).
fn image_pdf(pages: &[(usize, usize, f64, f64, Vec<u8>)]) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = Vec::new();
    let n = pages.len();
    // 1: catalog, 2: pages, then per page: page, content, image.
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 3 + 3 * i)).collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes());
    for (i, (w, h, pw, ph, rgb)) in pages.iter().enumerate() {
        let (page, content, image) = (3 + 3 * i, 4 + 3 * i, 5 + 3 * i);
        let _ = page;
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw:.2} {ph:.2}] /Contents {content} 0 R /Resources << /XObject << /Im0 {image} 0 R >> >> >>"
            )
            .into_bytes(),
        );
        let draw = format!("q {pw:.2} 0 0 {ph:.2} 0 0 cm /Im0 Do Q");
        objects.push(stream(&format!("/Length {}", draw.len()), draw.as_bytes()));
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(rgb).unwrap();
        let packed = z.finish().unwrap();
        objects.push(stream(
            &format!(
                "/Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length {}",
                packed.len()
            ),
            &packed,
        ));
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(o);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, body: &[u8]) -> Vec<u8> {
    let mut v = format!("<< {dict} >>\nstream\n").into_bytes();
    v.extend(body);
    v.extend(b"\nendstream");
    v
}
