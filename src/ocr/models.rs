//! The model package: where it is looked for, loaded once per process.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The environment variable that names the model package's folder (before the usual places).
pub const MODELS_ENV: &str = "NIANBAO_OCR_MODELS";
/// The package's folder name beside the program.
const FOLDER: &str = "ocr-models";

/// Why a scan cannot be read.
#[derive(Clone, Debug, thiserror::Error)]
pub enum OcrError {
    #[error(
        "PDF 中没有文字层（扫描件或图片）。读取扫描件需要“文字识别模型包”（ocr-models），本机未安装：请把模型包放在程序旁的 ocr-models 文件夹中（查找过：{0}）"
    )]
    NoModels(String),
    #[error("文字识别模型包（{0}）无法使用：{1}")]
    BadModels(String, String),
    #[error("文字识别出错：{0}")]
    Run(String),
    #[error("已取消读取")]
    Cancelled,
}

/// The two models and the recognizer's characters.
pub struct Models {
    pub(super) det: rten::Model,
    pub(super) rec: rten::Model,
    /// The recognizer's classes after the CTC blank (index 0): the characters, then a space.
    pub(super) classes: Vec<String>,
    /// The classes of [`super::Alphabet::Digits`]: the blank, the digits, the point.
    pub(super) digits: Vec<usize>,
    /// Where they were loaded from.
    pub folder: PathBuf,
}

/// A folder looked in before all others, set by the program that embeds the reader.
static FIRST_PLACE: OnceLock<PathBuf> = OnceLock::new();

/// Looks for the model package in `dir` before anywhere else (for a program or a test that
/// knows where it is). Only before the models are first used; false when too late.
pub fn look_first_in(dir: PathBuf) -> bool {
    FIRST_PLACE.set(dir).is_ok()
}

/// The places looked in, in order: the one given to [`look_first_in`],
/// `NIANBAO_OCR_MODELS`, `ocr-models` beside the program, the Linux packages' shared
/// folder, and the user's data folder.
fn places() -> Vec<PathBuf> {
    let mut places: Vec<PathBuf> = FIRST_PLACE.get().cloned().into_iter().collect();
    if let Some(dir) = std::env::var_os(MODELS_ENV).filter(|d| !d.is_empty()) {
        places.push(PathBuf::from(dir));
    }
    if let Some(dir) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
    {
        places.push(dir.join(FOLDER));
    }
    if cfg!(unix) {
        places.push(PathBuf::from("/usr/share/nianbao").join(FOLDER));
        places.push(PathBuf::from("/opt/apps/cn.nianbao/files/share").join(FOLDER));
    }
    if let Some(home) = std::env::var_os(if cfg!(windows) {
        "LOCALAPPDATA"
    } else {
        "HOME"
    }) {
        let home = PathBuf::from(home);
        places.push(if cfg!(windows) {
            home.join("nianbao").join(FOLDER)
        } else {
            home.join(".local/share/nianbao").join(FOLDER)
        });
    }
    places
}

/// The model package, loaded on first use (a second of work) and kept for the process.
pub fn models() -> Result<&'static Models, OcrError> {
    static MODELS: OnceLock<Result<Models, OcrError>> = OnceLock::new();
    MODELS
        .get_or_init(|| {
            let places = places();
            let found = places.iter().find(|p| p.join("rec.onnx").is_file());
            match found {
                Some(dir) => Models::load(dir),
                None => Err(OcrError::NoModels(
                    places
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join("；"),
                )),
            }
        })
        .as_ref()
        .map_err(Clone::clone)
}

impl Models {
    /// Loads the package in `dir`: `det.onnx`, `rec.onnx`, `characters.txt`.
    pub fn load(dir: &Path) -> Result<Models, OcrError> {
        let bad = |why: String| OcrError::BadModels(dir.display().to_string(), why);
        let det = rten::Model::load_file(dir.join("det.onnx"))
            .map_err(|e| bad(format!("det.onnx：{e}")))?;
        let rec = rten::Model::load_file(dir.join("rec.onnx"))
            .map_err(|e| bad(format!("rec.onnx：{e}")))?;
        let text = std::fs::read_to_string(dir.join("characters.txt"))
            .map_err(|e| bad(format!("characters.txt：{e}")))?;
        let mut classes: Vec<String> = text.lines().map(str::to_string).collect();
        if classes.len() < 100 {
            return Err(bad("characters.txt 不完整".into()));
        }
        classes.push(" ".into());
        let digits = std::iter::once(0)
            .chain(
                (0..classes.len())
                    .filter(|&k| is_digit_class(&classes[k]))
                    .map(|k| k + 1),
            )
            .collect();
        Ok(Models {
            det,
            rec,
            classes,
            digits,
            folder: dir.to_path_buf(),
        })
    }
}

/// Whether a class is one a number in a cell is written with (a negative count is printed
/// with its sign: the check says it is wrong, the reading must not hide it).
fn is_digit_class(class: &str) -> bool {
    class.len() == 1 && (class.as_bytes()[0].is_ascii_digit() || class == "." || class == "-")
}
