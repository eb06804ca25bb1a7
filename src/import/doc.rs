//! The vocabulary of the importers: a source read as a [`Doc`] (lines of cells), what an
//! import gives ([`Imported`]) and why it may fail ([`ImportError`]).

use crate::finding::Finding;
use crate::fsio::FileError;
use crate::model::Report;

use crate::model::Provenance;

/// A report read from a published document, with what the import noticed.
#[derive(Clone, Debug)]
pub struct Imported {
    pub report: Report,
    /// Import findings (misaligned rows, label variants, unplaced text).
    pub findings: Vec<Finding>,
    /// Cells not read exactly as printed: split by the arithmetic, or uncertain (left
    /// blank for the reviewer). Cells not listed were read as printed.
    pub provenance: std::collections::BTreeMap<usize, Provenance>,
    /// For a scan: what was seen (each template cell's image and readings, the pages).
    pub scanned: Scan,
}

/// Deeper element nesting than any real report has (a web page nests some tens of elements,
/// a Word body about ten): reading stops there with [`ImportError::TooDeep`] instead of
/// exhausting the stack or the memory.
pub const MAX_NESTING: usize = 256;

/// The first bytes of the binary files the importer knows: a PDF, a zip (Word .docx), an
/// OLE compound file (Word 97–2003 .doc / .wps, which cannot be read).
pub mod magic {
    pub const PDF: &[u8] = b"%PDF-";
    pub const ZIP: &[u8] = b"PK\x03\x04";
    pub const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];
    /// Any of them: the file is no text (and no draft).
    pub const BINARY: [&[u8]; 3] = [PDF, ZIP, OLE];
}

/// Largest `document.xml` read, unpacked (a report's is about 1 MB; a zip bomb's is not).
pub const MAX_XML_BYTES: u64 = 32 * 1024 * 1024;

/// A document could not be imported at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("文件不是文本文件（含有二进制内容）")]
    NotText,
    #[error("无法识别文件的文字编码（支持 UTF-8、UTF-16、GB18030/GBK）")]
    UnknownEncoding,
    #[error(
        "文件中没有找到年度报告的标题或章节（如“一、总体情况”），不像是政府信息公开工作年度报告"
    )]
    NotAReport,
    #[error("不是有效的 Word 文件（.docx）：文件损坏，或并非 Word 文档")]
    NotDocx,
    #[error(
        "Word 文件的正文解压后超过 {} MB，不像是一份年度报告（可能是损坏或恶意构造的文件），未读取",
        MAX_XML_BYTES / 1048576
    )]
    DocxTooLarge,
    #[error("Word 文件内容无法读取：{0}")]
    BadDocx(String),
    #[error("这是旧版 Word 文件（.doc），请在 Word 或 WPS 中“另存为”.docx 后再打开")]
    OldWord,
    #[error(
        "文件扩展名是 .pdf，但内容不是 PDF（可能是网页或其他格式的文件，请用正确的扩展名保存）"
    )]
    NotPdf,
    #[error("PDF 文件无法读取：{0}")]
    BadPdf(String),
    #[error(
        "文件嵌套过深（超过{}层），不像是一份年度报告（可能是损坏或恶意构造的文件），未读取",
        MAX_NESTING
    )]
    TooDeep,
    #[error("PDF 已加密（需要密码才能打开），无法读取其中的文字；请向发布单位索取未加密的版本")]
    PdfEncrypted,
    #[error(
        "PDF 中没有文字层（可能是扫描件或图片），无法读取；本程序的这一版本不含文字识别（OCR），请使用含“文字识别”的版本，或向发布单位索取文字版"
    )]
    PdfNoText,
    /// A scan that could not be read by OCR (no model package, or the models failed).
    #[error("{0}")]
    Ocr(String),
    /// The reader asked a long reading to stop (see `progress`).
    #[error("已取消读取")]
    Cancelled,
}

/// A document as lines of cells.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// Each line's cells, untrimmed (a paragraph has one cell).
    pub lines: Vec<Vec<String>>,
    /// Table rows hold exactly their cells, blanks included (one-cell-per-line layout), so
    /// values can be placed by position; otherwise empty cells may be colspan padding.
    pub exact_cells: bool,
    /// For each line, whether it is a row of a table drawn as a ruled grid (a PDF's lattice):
    /// its cells are exactly the drawn cells. Empty when no line is.
    pub grid_rows: Vec<bool>,
    /// Read from page images by text recognition (a scan): every cell is unconfirmed.
    pub read_by_ocr: bool,
    /// A scan's table cells as seen on the page, by line and cell index in `lines`.
    pub scanned_cells: std::collections::BTreeMap<(usize, usize), ScannedCell>,
    /// A scan's pages as seen, in order.
    pub scanned_pages: Vec<ScannedPage>,
}

/// A scan's template cells as seen on the page, by cell index.
pub type ScannedCells = std::collections::BTreeMap<usize, ScannedCell>;

/// What a scan showed, for the reviewer to compare with what was read: each template cell,
/// and each page with its lines of text (for the narrative). Empty for a text-born file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scan {
    pub cells: ScannedCells,
    pub pages: Vec<ScannedPage>,
}

/// A page of a scan: its image (at half the resolution it was read at), and the lines of
/// text read on it, top to bottom.
#[derive(Clone, Debug, PartialEq)]
pub struct ScannedPage {
    pub image: CellImage,
    pub lines: Vec<SeenLine>,
}

/// A line of text read on a scanned page, and where its top is (pixels of the page's
/// image).
#[derive(Clone, Debug, PartialEq)]
pub struct SeenLine {
    pub text: String,
    pub top: u32,
    /// Its left and right ends.
    pub left: u32,
    pub right: u32,
}

/// The characters that tell a passage apart: no spaces, no punctuation.
fn telling(text: &str) -> Vec<char> {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Characters of a text's opening looked for among the lines of the pages.
const OPENING: usize = 8;

impl Scan {
    /// Where a text read from this scan begins: the page and the top of its first line,
    /// found by the text's opening characters: the first line that holds them all, else
    /// the line sharing most of their pairs (at least half: a character or two misread).
    /// None when no line matches.
    pub fn where_text_begins(&self, text: &str) -> Option<(usize, u32)> {
        let opening: Vec<char> = telling(text).into_iter().take(OPENING).collect();
        if opening.len() < 2 {
            return None;
        }
        let lines = || {
            self.pages
                .iter()
                .enumerate()
                .flat_map(|(n, page)| page.lines.iter().map(move |l| (n, l.top, telling(&l.text))))
        };
        if let Some((n, top, _)) =
            lines().find(|(_, _, line)| line.windows(opening.len()).any(|w| w == opening))
        {
            return Some((n, top));
        }
        let pairs: Vec<&[char]> = opening.windows(2).collect();
        let (mut best, mut at) = (0, None);
        for (n, top, line) in lines() {
            let shared = pairs
                .iter()
                .filter(|p| line.windows(2).any(|w| w == **p))
                .count();
            if shared > best {
                (best, at) = (shared, Some((n, top)));
            }
        }
        at.filter(|_| best * 2 >= pairs.len())
    }
}

/// A grayscale image of a cell cut from a scanned page (one byte a pixel, rows top to
/// bottom), for the reviewer to compare with the value read.
#[derive(Clone, PartialEq, Eq)]
pub struct CellImage {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

impl std::fmt::Debug for CellImage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CellImage({}×{})", self.width, self.height)
    }
}

/// A table cell of a scan as read by OCR: its image, how sure the reading is, and the
/// readings it could be, likeliest first (the first is what was read).
#[derive(Clone, Debug, PartialEq)]
pub struct ScannedCell {
    pub image: CellImage,
    /// The least sure character's probability (1 for a cell read blank).
    pub confidence: f32,
    pub readings: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lines: &[(&str, u32)]) -> ScannedPage {
        ScannedPage {
            image: CellImage {
                width: 1,
                height: 1,
                pixels: vec![255],
            },
            lines: lines
                .iter()
                .map(|&(text, top)| SeenLine {
                    text: text.to_string(),
                    top,
                    left: 0,
                    right: 1,
                })
                .collect(),
        }
    }

    #[test]
    fn a_text_is_found_where_it_begins_on_the_scan() {
        let scan = Scan {
            cells: Default::default(),
            pages: vec![
                page(&[("一、总体情况", 40), ("2023年，本机关认真贯彻落实", 60)]),
                page(&[
                    ("（一）主动公开", 30),
                    ("本机关主动公开政府信息 1 2 3 条，", 50),
                ]),
            ],
        };
        // Spaces and punctuation are no part of the match.
        assert_eq!(
            scan.where_text_begins("本机关主动公开政府信息123条，其中"),
            Some((1, 50))
        );
        // A character or two misread: the line sharing most of the opening.
        assert_eq!(
            scan.where_text_begins("2023年，本机关认真贯彻洛实《条例》"),
            Some((0, 60))
        );
        assert_eq!(scan.where_text_begins("全然不同的一段文字内容"), None);
        assert_eq!(scan.where_text_begins("。"), None);
    }
}
