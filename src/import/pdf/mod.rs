//! PDF front-end (hayro, pure Rust): what each page draws, read as a person reads it. The
//! page's ruled tables are found by their drawn grid (`lattice`) and each becomes rows of
//! exact cells, like a Word table; the text around them is rebuilt into lines laid out like
//! the page (columns kept as character offsets, cells apart by tabs, `text`), so the usual
//! reading and the label-anchored table reading apply where a page has no grid. Characters
//! drawn twice (bold as fill and stroke) count once; page numbers, running headers and
//! footers and the 草稿 watermark are dropped; paragraphs broken over lines and pages are
//! joined; tables that continue on the next page simply continue.

mod collect;
mod lattice;
#[cfg(feature = "ocr")]
mod scanned;
mod text;

use std::panic::{AssertUnwindSafe, catch_unwind};

use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro_interpret::kurbo::{Affine, Rect};
use hayro_interpret::{Context, InterpreterCache, InterpreterSettings, interpret_page};

use super::doc::{Doc, ImportError};
use collect::{Collector, drawn_once};
use text::{Block, Laid, TextLine, drop_running_lines, layout, lines_of};

/// More pages than any annual report has: refused before any page is read.
pub const MAX_PAGES: usize = 300;
/// At most this many bytes once all streams are inflated (a report's content, fonts
/// included, is far smaller; a scan's page images, Flate-packed, about 10 MB a page at
/// 200 dpi); more is a compression bomb, refused before parsing.
pub const MAX_INFLATED: u64 = 256 << 20;
/// Text larger than this (points) is a watermark or a decoration, not content.
const MAX_TEXT_SIZE: f64 = 60.0;

/// Reads a PDF as a document: its drawn tables as rows of exact cells, the rest as text
/// lines laid out like the page.
pub fn pdf_to_doc(bytes: &[u8]) -> Result<Doc, ImportError> {
    let Read {
        laid,
        read_by_ocr,
        scanned,
        pages,
    } = read_laid(bytes)?;
    if !laid.iter().any(|l| matches!(l, Laid::Row(_))) {
        return Ok(Doc {
            read_by_ocr,
            scanned_pages: pages,
            ..Doc::from_text(&text_of(&laid))
        });
    }
    let mut doc = Doc {
        read_by_ocr,
        scanned_pages: pages,
        ..Doc::default()
    };
    let mut scanned = scanned.into_iter();
    let mut run = String::new();
    let flush = |doc: &mut Doc, run: &mut String| {
        if !run.is_empty() {
            let part = Doc::from_text(run);
            doc.grid_rows
                .extend(std::iter::repeat_n(false, part.lines.len()));
            doc.lines.extend(part.lines);
            run.clear();
        }
    };
    for l in laid {
        match l {
            Laid::Text(t) => {
                run.push_str(&t);
                run.push('\n');
            }
            Laid::Row(cells) => {
                flush(&mut doc, &mut run);
                // A scan's rows come with their cells as seen, row for row.
                let line = doc.lines.len();
                for (k, seen) in scanned.next().into_iter().flatten().enumerate() {
                    doc.scanned_cells.insert((line, k), seen);
                }
                doc.lines.push(cells);
                doc.grid_rows.push(true);
            }
        }
    }
    flush(&mut doc, &mut run);
    Ok(doc)
}

/// Reads a PDF's text as lines laid out like the page, a drawn table's cells apart by tabs
/// (for looking into a PDF that imports badly).
pub fn pdf_to_text(bytes: &[u8]) -> Result<String, ImportError> {
    Ok(text_of(&read_laid(bytes)?.laid))
}

fn text_of(laid: &[Laid]) -> String {
    let mut out = String::new();
    for l in laid {
        match l {
            Laid::Text(t) => out.push_str(t),
            Laid::Row(cells) => out.push_str(&cells.join("\t")),
        }
        out.push('\n');
    }
    out
}

/// A PDF's text laid out.
struct Read {
    laid: Vec<Laid>,
    /// Read from page images by OCR (a scan).
    read_by_ocr: bool,
    /// A scan's table rows as seen, one for each [`Laid::Row`] in order.
    scanned: Vec<Vec<crate::import::doc::ScannedCell>>,
    /// A scan's pages as seen.
    pages: Vec<crate::import::doc::ScannedPage>,
}

/// The PDF's text laid out, and for a scan what was seen.
fn read_laid(bytes: &[u8]) -> Result<Read, ImportError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == super::doc::magic::PDF) {
        return Err(ImportError::NotPdf);
    }
    check_inflated_size(bytes)?;
    let read = |bytes: &[u8]| {
        catch_unwind(AssertUnwindSafe(|| read_blocks(bytes)))
            .map_err(|_| ImportError::BadPdf("PDF 内容无法解析".into()))?
    };
    // The text needs each font's Unicode map and widths, not its glyph programs, whose
    // unpacking is a third of the reading: the first reading leaves them out. A PDF whose
    // text does need them (a character without a Unicode value), or that cannot be read
    // without them, is read again with them.
    let blocks = match without_font_programs(bytes).map(|lean| read(&lean)) {
        Some(Ok((blocks, 0))) => blocks,
        _ => read(bytes)?.0,
    };
    let laid = layout(&blocks);
    if !blank(&laid) {
        return Ok(Read {
            laid,
            read_by_ocr: false,
            scanned: Vec::new(),
            pages: Vec::new(),
        });
    }
    // No text layer: a scan, read by OCR where this build has it.
    #[cfg(feature = "ocr")]
    {
        let (blocks, scanned, pages) =
            catch_unwind(AssertUnwindSafe(|| scanned::read_blocks(bytes)))
                .map_err(|_| ImportError::BadPdf("扫描件的页面无法解析".into()))??;
        let laid = layout(&blocks);
        if blank(&laid) {
            return Err(ImportError::Ocr(
                "PDF 中没有文字层，页面上也没有识别出文字（可能是空白页或图片）".into(),
            ));
        }
        Ok(Read {
            laid,
            read_by_ocr: true,
            scanned,
            pages,
        })
    }
    #[cfg(not(feature = "ocr"))]
    Err(ImportError::PdfNoText)
}

fn blank(laid: &[Laid]) -> bool {
    laid.iter().all(|l| match l {
        Laid::Text(t) => t.trim().is_empty(),
        Laid::Row(cells) => cells.iter().all(|c| c.trim().is_empty()),
    })
}

/// Inflates every zlib stream of the file into nothing, counting: refuses a file whose
/// streams would inflate beyond [`MAX_INFLATED`]. Streams that are not zlib are skipped.
fn check_inflated_size(bytes: &[u8]) -> Result<(), ImportError> {
    use std::io::Read;
    let mut total: u64 = 0;
    let mut at = 0;
    while let Some(p) = find(&bytes[at..], b"stream") {
        let mut start = at + p + b"stream".len();
        at = start;
        // `endstream` also contains `stream`: only a keyword followed by a line break opens.
        match bytes.get(start..start + 2) {
            Some([b'\r', b'\n']) => start += 2,
            Some([b'\n', _]) | Some([b'\r', _]) => start += 1,
            _ => continue,
        }
        let end = find(&bytes[start..], b"endstream").map_or(bytes.len(), |e| start + e);
        let budget = MAX_INFLATED - total;
        let mut decoder = flate2::read::ZlibDecoder::new(&bytes[start..end]).take(budget + 1);
        let n = std::io::copy(&mut decoder, &mut std::io::sink()).unwrap_or(0);
        total += n;
        if total > MAX_INFLATED {
            return Err(ImportError::BadPdf(format!(
                "解压后的内容超过{} MB，不像是一份年度报告（可能是恶意构造的文件），未读取",
                MAX_INFLATED >> 20
            )));
        }
        at = end;
    }
    Ok(())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The file with its embedded font programs out of reach (`/FontFile…` renamed in place,
/// so every offset stays valid); None when it names none where they can be seen.
fn without_font_programs(bytes: &[u8]) -> Option<Vec<u8>> {
    const KEY: &[u8] = b"/FontFile";
    let mut at = find(bytes, KEY)?;
    let mut out = bytes.to_vec();
    loop {
        out[at + KEY.len() - 1] = b'X';
        match find(&bytes[at + KEY.len()..], KEY) {
            Some(next) => at += KEY.len() + next,
            None => break,
        }
    }
    Some(out)
}

/// The blocks of every page, and how many characters had no Unicode value.
fn read_blocks(bytes: &[u8]) -> Result<(Vec<Block>, usize), ImportError> {
    let pdf = match Pdf::new(bytes.to_vec()) {
        Ok(p) => p,
        Err(LoadPdfError::Decryption(_)) => return Err(ImportError::PdfEncrypted),
        Err(LoadPdfError::Invalid) => {
            return Err(ImportError::BadPdf("文件已损坏或不完整".into()));
        }
    };
    let pages = pdf.pages();
    if pages.len() > MAX_PAGES {
        return Err(ImportError::BadPdf(format!(
            "共{}页，超过{MAX_PAGES}页，不像是一份年度报告",
            pages.len()
        )));
    }
    if pages.is_empty() {
        return Err(ImportError::BadPdf("文件中没有页面".into()));
    }
    let cache = InterpreterCache::new();
    let mut unmapped = 0;
    let mut lines: Vec<TextLine> = Vec::new();
    // Each page's table rows, with the top of the row (for the order on the page).
    let mut rows: PageRows = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let mut ctx = Context::new(
            Affine::IDENTITY,
            Rect::new(0.0, 0.0, 1.0, 1.0),
            &cache,
            pdf.xref(),
            InterpreterSettings::default(),
        );
        let (w, h) = page.render_dimensions();
        let mut collector = Collector::new(
            Affine::new(page.initial_transform(true).as_coeffs()),
            (f64::from(w), f64::from(h)),
        );
        interpret_page(page, &mut ctx, &mut collector);
        unmapped += collector.unmapped;
        let mut glyphs = collector.glyphs;
        glyphs.retain(|g| g.size <= MAX_TEXT_SIZE);
        let mut glyphs = drawn_once(glyphs);
        for table in lattice::tables(&collector.rules, &mut glyphs) {
            rows.extend(table.rows().into_iter().map(|(y, cells)| (n, y, cells)));
        }
        lines.extend(lines_of(n, glyphs));
    }
    Ok((in_page_order(lines, rows), unmapped))
}

/// Each page's table rows (with the top of the row), as [`lattice::Table::rows`] gives them.
type PageRows = Vec<(usize, f64, Vec<String>)>;

/// Text lines and table rows in page order, top to bottom; running headers and footers
/// dropped.
fn in_page_order(mut lines: Vec<TextLine>, rows: PageRows) -> Vec<Block> {
    drop_running_lines(&mut lines);
    let mut blocks: Vec<(usize, f64, Block)> = lines
        .into_iter()
        .map(|l| (l.page, l.y, Block::Line(l)))
        .chain(rows.into_iter().map(|(p, y, c)| (p, y, Block::Row(c))))
        .collect();
    blocks.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    blocks.into_iter().map(|b| b.2).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_programs_are_hidden_in_place() {
        let pdf = b"%PDF-1.7 << /FontFile2 5 0 R >> << /FontFile3 6 0 R /FontFile 7 0 R >>";
        let lean = without_font_programs(pdf).unwrap();
        assert_eq!(lean.len(), pdf.len(), "offsets stay valid");
        assert!(find(&lean, b"/FontFile").is_none());
        assert_eq!(find(&lean, b"/FontFilX2"), Some(12));
        assert!(without_font_programs(b"%PDF-1.7 no fonts").is_none());
    }
}
