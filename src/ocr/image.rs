//! A page image in grey, as the readers need it.

/// An 8-bit grey image, row by row (0 black, 255 white).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gray {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

impl Gray {
    /// A white image.
    pub fn white(width: u32, height: u32) -> Gray {
        Gray {
            width,
            height,
            pixels: vec![255; width as usize * height as usize],
        }
    }

    /// Grey from RGB pixels with a seal's colour taken out: a pixel clearly redder (or bluer)
    /// than it is grey is paper, so the black print under a red seal stays and the seal goes.
    pub fn from_rgb_without_seal(width: u32, height: u32, rgb: &[u8]) -> Gray {
        let pixels = rgb
            .chunks_exact(3)
            .map(|p| {
                let (r, g, b) = (i32::from(p[0]), i32::from(p[1]), i32::from(p[2]));
                let (high, low) = (r.max(g).max(b), r.min(g).min(b));
                if high - low > 60 {
                    // Coloured ink (a seal, a stamp) lets its own colour through: in that
                    // channel it is paper, and black print under it is still dark.
                    high as u8
                } else {
                    ((r * 299 + g * 587 + b * 114) / 1000) as u8
                }
            })
            .collect();
        Gray {
            width,
            height,
            pixels,
        }
    }

    /// Paper made white: the paper's own shade (the brightest tenth of the page) and
    /// anything about as light as a pale watermark or a scanner's grey cast (above 200 on
    /// white paper) become white, the rest is stretched to the full range.
    pub fn paper_whitened(mut self) -> Gray {
        let mut counts = [0usize; 256];
        for &v in &self.pixels {
            counts[usize::from(v)] += 1;
        }
        // The shade below which 90 % of the pixels are not: the paper.
        let mut seen = 0;
        let tenth = self.pixels.len() / 10;
        let mut paper = 255;
        for v in (0..256).rev() {
            seen += counts[v];
            if seen > tenth {
                paper = v as i32;
                break;
            }
        }
        let white = (paper - 25).clamp(100, 200);
        for v in &mut self.pixels {
            let x = i32::from(*v);
            *v = if x >= white {
                255
            } else {
                (x * 255 / white) as u8
            };
        }
        self
    }

    /// The pixel at (x, y).
    pub fn at(&self, x: u32, y: u32) -> u8 {
        self.pixels[y as usize * self.width as usize + x as usize]
    }

    /// The part of the image inside `rect` (left, top, right, bottom; clipped).
    pub fn crop(&self, rect: (u32, u32, u32, u32)) -> Gray {
        let (l, t) = (rect.0.min(self.width), rect.1.min(self.height));
        let (r, b) = (
            rect.2.min(self.width).max(l),
            rect.3.min(self.height).max(t),
        );
        let mut pixels = Vec::with_capacity(((r - l) * (b - t)) as usize);
        for y in t..b {
            let row = y as usize * self.width as usize;
            pixels.extend_from_slice(&self.pixels[row + l as usize..row + r as usize]);
        }
        Gray {
            width: r - l,
            height: b - t,
            pixels,
        }
    }

    /// The image scaled to `width` × `height` (bilinear), as floats 0–255.
    pub fn resized(&self, width: u32, height: u32) -> Vec<f32> {
        let (sw, sh) = (self.width.max(1) as f32, self.height.max(1) as f32);
        let (fx, fy) = (sw / width as f32, sh / height as f32);
        let mut out = Vec::with_capacity(width as usize * height as usize);
        let last_x = self.width.saturating_sub(1);
        let last_y = self.height.saturating_sub(1);
        for y in 0..height {
            let sy = ((y as f32 + 0.5) * fy - 0.5).clamp(0.0, last_y as f32);
            let (y0, wy) = (sy.floor() as u32, sy.fract());
            let y1 = (y0 + 1).min(last_y);
            for x in 0..width {
                let sx = ((x as f32 + 0.5) * fx - 0.5).clamp(0.0, last_x as f32);
                let (x0, wx) = (sx.floor() as u32, sx.fract());
                let x1 = (x0 + 1).min(last_x);
                let top = f32::from(self.at(x0, y0)) * (1.0 - wx) + f32::from(self.at(x1, y0)) * wx;
                let bottom =
                    f32::from(self.at(x0, y1)) * (1.0 - wx) + f32::from(self.at(x1, y1)) * wx;
                out.push(top * (1.0 - wy) + bottom * wy);
            }
        }
        out
    }

    /// The image turned by `degrees` (clockwise on the screen) about its centre, white where
    /// nothing was (bilinear).
    pub fn rotated(&self, degrees: f32) -> Gray {
        let (sin, cos) = degrees.to_radians().sin_cos();
        let (cx, cy) = (self.width as f32 / 2.0, self.height as f32 / 2.0);
        let mut out = Gray::white(self.width, self.height);
        let (w, h) = (self.width as f32, self.height as f32);
        for y in 0..self.height {
            for x in 0..self.width {
                // The source of (x, y): turned back.
                let (dx, dy) = (x as f32 + 0.5 - cx, y as f32 + 0.5 - cy);
                let sx = cos * dx + sin * dy + cx - 0.5;
                let sy = -sin * dx + cos * dy + cy - 0.5;
                if sx < 0.0 || sy < 0.0 || sx > w - 1.0 || sy > h - 1.0 {
                    continue;
                }
                let (x0, y0) = (sx.floor() as u32, sy.floor() as u32);
                let (x1, y1) = ((x0 + 1).min(self.width - 1), (y0 + 1).min(self.height - 1));
                let (fx, fy) = (sx.fract(), sy.fract());
                let top = f32::from(self.at(x0, y0)) * (1.0 - fx) + f32::from(self.at(x1, y0)) * fx;
                let bottom =
                    f32::from(self.at(x0, y1)) * (1.0 - fx) + f32::from(self.at(x1, y1)) * fx;
                out.pixels[(y * self.width + x) as usize] =
                    (top * (1.0 - fy) + bottom * fy).round() as u8;
            }
        }
        out
    }

    /// How far the page's lines are turned (degrees, clockwise on the screen), within two
    /// degrees: the angle at which the ink's rows are sharpest (text lines and rules line
    /// up with the rows of pixels).
    pub fn skew(&self) -> f32 {
        // The ink, sampled on a grid of at most about 1000 pixels across.
        let step = (self.width / 1000).max(1);
        let mut ink: Vec<(f32, f32)> = Vec::new();
        for y in (0..self.height).step_by(step as usize) {
            for x in (0..self.width).step_by(step as usize) {
                if self.at(x, y) < 128 {
                    ink.push((x as f32, y as f32));
                }
            }
        }
        if ink.len() < 100 {
            return 0.0;
        }
        let rows = (self.height / step + 1) as usize;
        let sharpness = |degrees: f32| -> f64 {
            let tan = degrees.to_radians().tan();
            let mut counts = vec![0u32; rows * 2 + 2];
            for &(x, y) in &ink {
                // The row this pixel would be on were the page turned back by `degrees`.
                let row = ((y - x * tan) / step as f32) as isize + rows as isize;
                if let Some(c) = usize::try_from(row).ok().and_then(|r| counts.get_mut(r)) {
                    *c += 1;
                }
            }
            counts.iter().map(|&c| f64::from(c) * f64::from(c)).sum()
        };
        let mut best = (0.0f32, sharpness(0.0));
        for k in -40..=40 {
            let degrees = k as f32 * 0.05;
            let s = sharpness(degrees);
            if s > best.1 {
                best = (degrees, s);
            }
        }
        best.0
    }

    /// The image with its lines level (see [`Gray::skew`]); unchanged when they nearly are.
    pub fn deskewed(self) -> Gray {
        let skew = self.skew();
        if skew.abs() < 0.1 {
            self
        } else {
            self.rotated(-skew)
        }
    }

    /// The bounds of the ink (pixels darker than `threshold`) inside, or None when blank.
    pub fn ink_bounds(&self, threshold: u8) -> Option<(u32, u32, u32, u32)> {
        let mut bounds: Option<(u32, u32, u32, u32)> = None;
        for y in 0..self.height {
            for x in 0..self.width {
                if self.at(x, y) < threshold {
                    bounds = Some(match bounds {
                        None => (x, y, x + 1, y + 1),
                        Some((l, t, r, b)) => (l.min(x), t.min(y), r.max(x + 1), b.max(y + 1)),
                    });
                }
            }
        }
        bounds
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_red_seal_over_black_print_leaves_the_print() {
        // Paper, black print, a red seal, black print under the seal.
        let rgb = [250, 250, 250, 20, 20, 20, 230, 60, 60, 40, 10, 10];
        let g = Gray::from_rgb_without_seal(4, 1, &rgb);
        assert_eq!(g.pixels[0], 250);
        assert!(g.pixels[1] < 40);
        assert!(g.pixels[2] > 200, "the seal is paper");
        assert!(g.pixels[3] < 40, "print under the seal stays");
    }

    #[test]
    fn a_page_turned_a_degree_is_levelled() {
        let mut page = Gray::white(400, 300);
        for y in [50u32, 120, 190, 260] {
            for x in 20..380 {
                page.pixels[(y * 400 + x) as usize] = 0;
            }
        }
        assert_eq!(page.skew(), 0.0);
        let turned = page.clone().rotated(1.0);
        let skew = turned.skew();
        assert!((skew - 1.0).abs() <= 0.1, "{skew}");
        let level = turned.deskewed();
        assert!(level.skew().abs() <= 0.1);
        // A rule is again on one row of pixels, about where it was.
        let dark_on_row = |y: u32| (20..380).filter(|&x| level.at(x, y) < 128).count();
        assert!(
            (49..=51).any(|y| dark_on_row(y) > 300),
            "{}",
            dark_on_row(50)
        );
    }

    #[test]
    fn paper_and_a_pale_watermark_become_white_and_print_stays() {
        // Grey paper (235), a pale watermark (215), print (40).
        let mut pixels = vec![235u8; 100];
        pixels[..5].fill(215);
        pixels[5..10].fill(40);
        let g = Gray {
            width: 10,
            height: 10,
            pixels,
        }
        .paper_whitened();
        assert_eq!(g.pixels[0], 255);
        assert_eq!(g.pixels[50], 255);
        assert!(g.pixels[7] < 60);
    }

    #[test]
    fn crop_and_resize_keep_what_is_there() {
        let mut g = Gray::white(10, 4);
        g.pixels[2 * 10 + 5] = 0;
        let c = g.crop((4, 1, 8, 4));
        assert_eq!((c.width, c.height), (4, 3));
        assert_eq!(c.at(1, 1), 0);
        assert_eq!(c.ink_bounds(128), Some((1, 1, 2, 2)));
        let r = c.resized(8, 6);
        assert_eq!(r.len(), 48);
        assert!(r.iter().any(|&v| v < 128.0));
        assert_eq!(g.crop((20, 20, 30, 30)).pixels.len(), 0);
    }
}
