//! Reading a line of text: the recognizer (PP-OCRv6 rec, CTC) on one crop.

use rten_tensor::prelude::*;
use rten_tensor::{NdTensor, NdTensorView};

use super::image::Gray;
use super::models::{Models, OcrError};

/// The recognizer's input height.
const HEIGHT: u32 = 48;
/// Its narrowest input: narrower lines are padded (as PaddleOCR does).
const MIN_WIDTH: u32 = 320;
/// The widest line read at once (longer lines are squeezed).
const MAX_WIDTH: u32 = 3200;

/// Which characters a reading may give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alphabet {
    /// Any character the model knows.
    All,
    /// A number in a table's cell: digits and the decimal point only.
    Digits,
}

impl Alphabet {
    fn allows(self, class: &str) -> bool {
        match self {
            Alphabet::All => true,
            Alphabet::Digits => {
                class.len() == 1 && (class.as_bytes()[0].is_ascii_digit() || class == ".")
            }
        }
    }
}

/// One character read, with where it is and how sure the reading is.
#[derive(Clone, Debug, PartialEq)]
pub struct RecognizedChar {
    pub text: String,
    /// The model's probability of the character.
    pub confidence: f32,
    /// Its centre, in the crop's pixels from the left.
    pub x: f32,
    /// The next likeliest characters at the same place, with their probabilities (≥ 5 %).
    pub alternatives: Vec<(String, f32)>,
}

/// A line read.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Recognized {
    pub text: String,
    /// The least sure character's probability (1 for an empty reading).
    pub confidence: f32,
    pub chars: Vec<RecognizedChar>,
}

impl Models {
    /// Reads the line of text in `crop` with the characters `alphabet` allows.
    pub fn recognize(&self, crop: &Gray, alphabet: Alphabet) -> Result<Recognized, OcrError> {
        if crop.width == 0 || crop.height == 0 {
            return Ok(Recognized::default());
        }
        let ratio = crop.width as f32 / crop.height as f32;
        let content = ((HEIGHT as f32 * ratio).ceil() as u32).clamp(1, MAX_WIDTH);
        let width = content.max(MIN_WIDTH).div_ceil(8) * 8;
        let scaled = crop.resized(content, HEIGHT);
        // (v / 255 − 0.5) / 0.5, three equal channels; the padding is 0 (mid grey), as
        // PaddleOCR pads.
        let mut input = NdTensor::<f32, 4>::zeros([1, 3, HEIGHT as usize, width as usize]);
        for y in 0..HEIGHT as usize {
            for x in 0..content as usize {
                let v = scaled[y * content as usize + x] / 127.5 - 1.0;
                for c in 0..3 {
                    input[[0, c, y, x]] = v;
                }
            }
        }
        let output = self
            .rec
            .run_one(input.into(), None)
            .map_err(|e| OcrError::Run(e.to_string()))?;
        let probs: NdTensor<f32, 3> = output
            .try_into()
            .map_err(|e: rten::TryFromValueError| OcrError::Run(e.to_string()))?;
        let step = width as f32 / probs.size(1).max(1) as f32;
        let to_crop = crop.width as f32 / content as f32;
        Ok(self.decode(probs.slice(0), alphabet, |t| {
            (t as f32 + 0.5) * step * to_crop
        }))
    }

    /// CTC decoding: at each step the likeliest allowed class; repeats merged, blanks
    /// dropped.
    fn decode(
        &self,
        probs: NdTensorView<f32, 2>,
        alphabet: Alphabet,
        x_of_step: impl Fn(usize) -> f32,
    ) -> Recognized {
        let classes = probs.size(1);
        let name = |k: usize| -> &str {
            if k == 0 {
                ""
            } else {
                self.classes.get(k - 1).map_or("", String::as_str)
            }
        };
        let allowed: Vec<bool> = (0..classes)
            .map(|k| k == 0 || alphabet.allows(name(k)))
            .collect();
        let mut out = Recognized {
            confidence: 1.0,
            ..Recognized::default()
        };
        let mut previous = 0;
        for t in 0..probs.size(0) {
            let row = probs.slice(t);
            let mut best = (0, f32::MIN);
            for k in 0..classes {
                let p = row[k];
                if allowed[k] && p > best.1 {
                    best = (k, p);
                }
            }
            let (k, p) = best;
            if k != 0 && k != previous {
                let mut alternatives: Vec<(String, f32)> = (1..classes)
                    .filter(|&j| j != k && allowed[j] && row[j] >= 0.05)
                    .map(|j| (name(j).to_string(), row[j]))
                    .collect();
                alternatives.sort_by(|a, b| b.1.total_cmp(&a.1));
                alternatives.truncate(3);
                out.text.push_str(name(k));
                out.confidence = out.confidence.min(p);
                out.chars.push(RecognizedChar {
                    text: name(k).to_string(),
                    confidence: p,
                    x: x_of_step(t),
                    alternatives,
                });
            }
            previous = k;
        }
        out
    }
}
