//! Finding the lines of text on a page: the detector (PP-OCRv6 det, DB) gives each pixel's
//! chance of being text; the connected regions above a threshold, grown back to the text's
//! size, are the boxes.

use rten_tensor::NdTensor;
use rten_tensor::prelude::*;

use super::image::Gray;
use super::models::{Models, OcrError};

/// The detector sees the page at most this many pixels on its longer side.
const MAX_SIDE: u32 = 1600;
/// A pixel is text above this probability…
const PIXEL_THRESHOLD: f32 = 0.3;
/// …and a region is a line of text when its mean probability is above this.
const BOX_THRESHOLD: f32 = 0.5;
/// How far a region is grown back (DB's unclip ratio).
const UNCLIP_RATIO: f32 = 1.5;
/// ImageNet's mean and deviation, as the detector was trained.
const MEAN: [f32; 3] = [0.485, 0.456, 0.406];
const STD: [f32; 3] = [0.229, 0.224, 0.225];

/// The boxes of text on `page` (left, top, right, bottom, in its pixels), in no order.
pub(super) fn text_boxes(
    models: &Models,
    page: &Gray,
) -> Result<Vec<(u32, u32, u32, u32)>, OcrError> {
    if page.width < 8 || page.height < 8 {
        return Ok(Vec::new());
    }
    let scale = (MAX_SIDE as f32 / page.width.max(page.height) as f32).min(1.0);
    let round = |v: f32| (((v * scale).round() as u32).div_ceil(32) * 32).max(32);
    let (w, h) = (round(page.width as f32), round(page.height as f32));
    let scaled = page.resized(w, h);
    let data: Vec<f32> = (0..3)
        .flat_map(|c| scaled.iter().map(move |v| (v / 255.0 - MEAN[c]) / STD[c]))
        .collect();
    let input = NdTensor::from_data([1, 3, h as usize, w as usize], data);
    let output = models
        .det
        .run_one(input.into(), None)
        .map_err(|e| OcrError::Run(e.to_string()))?;
    let map: NdTensor<f32, 4> = output
        .try_into()
        .map_err(|e: rten::TryFromValueError| OcrError::Run(e.to_string()))?;
    let (mh, mw) = (map.size(2), map.size(3));
    let probs: Vec<f32> = map.iter().copied().collect();
    let (fx, fy) = (
        page.width as f32 / mw as f32,
        page.height as f32 / mh as f32,
    );
    Ok(regions(&probs, mw, mh)
        .into_iter()
        .map(|(l, t, r, b)| {
            let clamp = |v: f32, max: u32| (v.max(0.0) as u32).min(max);
            (
                clamp(l * fx, page.width),
                clamp(t * fy, page.height),
                clamp(r * fx, page.width),
                clamp(b * fy, page.height),
            )
        })
        .filter(|&(l, t, r, b)| r > l + 2 && b > t + 2)
        .collect())
}

/// The text regions of a probability map (`width` × `height`), each grown back by DB's
/// unclip distance: (left, top, right, bottom) in the map's pixels.
fn regions(probs: &[f32], width: usize, height: usize) -> Vec<(f32, f32, f32, f32)> {
    let mut seen = vec![false; probs.len()];
    let mut found = Vec::new();
    let mut stack = Vec::new();
    for start in 0..probs.len() {
        if seen[start] || probs[start] <= PIXEL_THRESHOLD {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let (mut l, mut t, mut r, mut b) = (width, height, 0, 0);
        let (mut sum, mut n) = (0.0f32, 0usize);
        while let Some(i) = stack.pop() {
            let (x, y) = (i % width, i / width);
            l = l.min(x);
            r = r.max(x + 1);
            t = t.min(y);
            b = b.max(y + 1);
            sum += probs[i];
            n += 1;
            let mut visit = |j: usize| {
                if !seen[j] && probs[j] > PIXEL_THRESHOLD {
                    seen[j] = true;
                    stack.push(j);
                }
            };
            if x > 0 {
                visit(i - 1);
            }
            if x + 1 < width {
                visit(i + 1);
            }
            if y > 0 {
                visit(i - width);
            }
            if y + 1 < height {
                visit(i + width);
            }
        }
        let (w, h) = ((r - l) as f32, (b - t) as f32);
        if n < 4 || w.min(h) < 2.0 || sum / n as f32 <= BOX_THRESHOLD {
            continue;
        }
        let grow = w * h * UNCLIP_RATIO / (2.0 * (w + h));
        found.push((
            l as f32 - grow,
            t as f32 - grow,
            r as f32 + grow,
            b as f32 + grow,
        ));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_region_is_found_grown_and_faint_ones_are_not() {
        let (w, h) = (20, 10);
        let mut probs = vec![0.0; w * h];
        for y in 4..6 {
            for x in 2..12 {
                probs[y * w + x] = 0.9;
            }
        }
        // A faint blob: above the pixel threshold, below the box threshold.
        for y in 7..9 {
            for x in 15..18 {
                probs[y * w + x] = 0.4;
            }
        }
        let found = regions(&probs, w, h);
        assert_eq!(found.len(), 1);
        let (l, t, r, b) = found[0];
        assert!(l < 2.0 && r > 12.0 && t < 4.0 && b > 6.0, "{:?}", found[0]);
    }
}
