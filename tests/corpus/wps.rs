//! PDFs made the way WPS 文字 makes them, generated from a report with raw PDF operators:
//! every character its own text object (`Tm` + `Tj`, explicit positions), bold by text render
//! mode 2 (fill, then stroke the same glyph), table borders as thin filled rectangles drawn
//! cell by cell (so shared borders are drawn twice, in pieces), labels wrapped inside their
//! cells, the group labels of 表三 vertical (one character per line), a table broken across
//! pages at a row boundary with or without its header repeated, the page number between the
//! two halves, numbers drawn off-centre, and, as some templates in circulation print it,
//! （六）其他处理 as one row. The font is named, not embedded (a ToUnicode map gives the text).

use std::collections::BTreeSet;
use std::fmt::Write;

use nianbao::export::pieces::{Piece, pieces};
use nianbao::layout::{GridContent, GridRole, TableGrid, column_widths, grid};
use nianbao::model::Report;
use nianbao::template::{T3_COLUMNS, T3_GROUPS, T3_OTHER_HANDLING, T3_ROWS, TableId, t3};

/// How the PDF is made.
#[derive(Clone, Copy, Debug)]
pub struct WpsStyle {
    /// A table broken across pages repeats its header rows on the next page.
    pub repeat_header: bool,
    /// 表三's （六）其他处理 printed as one row holding the sums of its three items.
    pub one_other_row: bool,
    /// All text invisible (text render mode 3), as the OCR layer of a scanned page.
    pub ocr_layer: bool,
}

const PAGE_W: f64 = 595.0;
const PAGE_H: f64 = 842.0;
const LEFT: f64 = 79.0;
const WIDTH: f64 = 437.0;
const TOP: f64 = 72.0;
const BOTTOM: f64 = 770.0;
const BODY_SIZE: f64 = 16.0;
const TABLE_SIZE: f64 = 10.5;
const RULE: f64 = 0.5;

struct Writer {
    ocr_layer: bool,
    pages: Vec<String>,
    page: String,
    /// Top of the free space on the page (y down).
    y: f64,
    chars: BTreeSet<char>,
}

fn is_wide(c: char) -> bool {
    (c as u32) >= 0x2E80
}

fn advance(c: char, size: f64) -> f64 {
    if is_wide(c) { size } else { size * 0.5 }
}

impl Writer {
    fn new(ocr_layer: bool) -> Writer {
        Writer {
            ocr_layer,
            pages: Vec::new(),
            page: String::new(),
            y: TOP,
            chars: BTreeSet::new(),
        }
    }

    fn new_page(&mut self) {
        let n = self.pages.len() + 1;
        // A diagonal watermark on every page (rotated text is no content).
        let mut x = 180.0;
        for c in "内部资料".chars() {
            self.chars.insert(c);
            let _ = writeln!(
                self.page,
                "BT /F1 48 Tf 0.7071 0.7071 -0.7071 0.7071 {x:.2} {:.2} Tm <{:04X}> Tj ET",
                300.0 + (x - 180.0),
                c as u32
            );
            x += 48.0;
        }
        // The page number, centred at the foot.
        let number = format!("- {n} -");
        let w: f64 = number.chars().map(|c| advance(c, 10.5)).sum();
        self.text((PAGE_W - w) / 2.0, 800.0, &number, 10.5, false);
        self.pages.push(std::mem::take(&mut self.page));
        self.y = TOP;
    }

    /// Draws a text one character per text object, from the left end of its baseline.
    fn text(&mut self, x: f64, baseline: f64, text: &str, size: f64, bold: bool) {
        let mut x = x;
        let pdf_y = PAGE_H - baseline;
        let _ = writeln!(
            self.page,
            "BT /F1 {size} Tf {} Tr 0.3 w",
            if self.ocr_layer {
                3
            } else if bold {
                2
            } else {
                0
            }
        );
        for c in text.chars() {
            if c != ' ' {
                self.chars.insert(c);
                let _ = writeln!(
                    self.page,
                    "1 0 0 1 {x:.2} {pdf_y:.2} Tm <{:04X}> Tj",
                    c as u32
                );
            }
            x += advance(c, size);
        }
        self.page.push_str("ET\n");
    }

    /// A border as a thin filled rectangle.
    fn rule(&mut self, x0: f64, y0: f64, x1: f64, y1: f64) {
        let (w, h) = ((x1 - x0).max(RULE), (y1 - y0).max(RULE));
        let _ = writeln!(
            self.page,
            "{x0:.2} {:.2} {w:.2} {h:.2} re f",
            PAGE_H - y0 - h
        );
    }

    /// Wraps a text to lines of at most `width`.
    fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
        let mut lines = vec![String::new()];
        let mut w = 0.0;
        for c in text.chars() {
            let a = advance(c, size);
            if w + a > width && !lines.last().unwrap().is_empty() {
                lines.push(String::new());
                w = 0.0;
            }
            lines.last_mut().unwrap().push(c);
            w += a;
        }
        lines
    }

    fn paragraph(&mut self, text: &str, indent: bool, bold: bool, centred: bool, size: f64) {
        let pitch = size * 1.75;
        let body = if indent {
            format!("\u{3000}\u{3000}{text}")
        } else {
            text.to_string()
        };
        for line in Writer::wrap(&body, size, WIDTH) {
            if self.y + pitch > BOTTOM {
                self.new_page();
            }
            let w: f64 = line.chars().map(|c| advance(c, size)).sum();
            let x = if centred {
                LEFT + (WIDTH - w) / 2.0
            } else {
                LEFT
            };
            self.y += pitch;
            self.text(
                x,
                self.y - size * 0.4,
                line.trim_start_matches(' '),
                size,
                bold,
            );
        }
    }
}

/// A drawn item of a table: its grid rectangle and text.
struct Item {
    row: usize,
    col: usize,
    rows: usize,
    cols: usize,
    text: String,
    role: GridRole,
    bold: bool,
}

/// The items of a table as this template prints them.
fn items(report: &Report, g: &TableGrid, style: WpsStyle) -> (Vec<Item>, usize) {
    let mut out: Vec<Item> = Vec::new();
    let other_rows: Vec<usize> = (0..T3_ROWS.len())
        .filter(|&r| T3_ROWS[r].group == Some(T3_OTHER_HANDLING))
        .collect();
    // The grid rows of （六）'s items (表三's rows follow its header rows).
    let first_other = g.header_rows + other_rows[0];
    let merge = g.table == TableId::T3 && style.one_other_row;
    for it in &g.items {
        let mut row = it.row;
        let mut rows = it.row_span;
        if merge {
            let last_other = first_other + other_rows.len() - 1;
            if (first_other + 1..=last_other).contains(&it.row) {
                continue;
            }
            if it.row > last_other {
                row -= other_rows.len() - 1;
            } else if it.row < first_other && it.row + it.row_span > last_other {
                rows -= other_rows.len() - 1;
            }
        }
        let mut text = match it.content {
            GridContent::Label(l) => l.to_string(),
            GridContent::Value(i) => report.cell(i).display(),
        };
        let mut role = it.role;
        let mut cols = it.col_span;
        let mut col = it.col;
        if merge && it.row == first_other {
            // （六）其他处理 as one row: the group label spans the label columns, and each
            // value is the sum of the three items.
            match it.content {
                GridContent::Label(l) if T3_GROUPS[T3_OTHER_HANDLING].label == l => {
                    rows = 1;
                    cols = 2;
                    role = GridRole::RowLabel;
                }
                GridContent::Label(_) => continue,
                GridContent::Value(i) => {
                    let c = (0..T3_COLUMNS.len())
                        .find(|&c| t3(other_rows[0], c) == i)
                        .expect("a value of （六）1");
                    let sum: Option<u64> = other_rows
                        .iter()
                        .map(|&r| report.cell(t3(r, c)).count())
                        .sum();
                    text = sum.map_or_else(String::new, |n| n.to_string());
                }
            }
            if role == GridRole::RowLabel {
                col = g.label_columns - 2;
            }
        }
        let bold = matches!(role, GridRole::Header | GridRole::Caption)
            || (g.table == TableId::T3
                && role == GridRole::RowLabel
                && ["一、", "二、", "四、"].iter().any(|p| text.starts_with(p)));
        out.push(Item {
            row,
            col,
            rows,
            cols,
            text,
            role,
            bold,
        });
    }
    let nrows = if merge {
        g.rows - (other_rows.len() - 1)
    } else {
        g.rows
    };
    (out, nrows)
}

fn table(w: &mut Writer, report: &Report, t: TableId, style: WpsStyle) {
    let g = grid(t);
    let widths: Vec<f64> = column_widths(t, WIDTH as f32, TABLE_SIZE as f32)
        .into_iter()
        .map(f64::from)
        .collect();
    let xs: Vec<f64> = std::iter::once(LEFT)
        .chain(widths.iter().scan(LEFT, |x, w| {
            *x += w;
            Some(*x)
        }))
        .collect();
    let (items, nrows) = items(report, g, style);
    let pitch = TABLE_SIZE * 1.3;
    let lines_of = |it: &Item| -> Vec<String> {
        let width = xs[it.col + it.cols] - xs[it.col] - 6.0;
        if it.role == GridRole::Group && it.cols == 1 {
            it.text.chars().map(|c| c.to_string()).collect()
        } else {
            Writer::wrap(&it.text, TABLE_SIZE, width)
        }
    };
    // Row heights: each row fits its one-row items; rows under a vertical label grow.
    let mut heights = vec![20.0f64; nrows];
    for it in items.iter().filter(|it| it.rows == 1) {
        heights[it.row] = heights[it.row].max(lines_of(it).len() as f64 * pitch + 6.0);
    }
    for it in items.iter().filter(|it| it.rows > 1) {
        let need = lines_of(it).len() as f64 * pitch + 6.0;
        let have: f64 = heights[it.row..it.row + it.rows].iter().sum();
        if need > have {
            for h in &mut heights[it.row..it.row + it.rows] {
                *h += (need - have) / it.rows as f64;
            }
        }
    }
    // Page breaks at row boundaries: 表三 breaks before （四）, inside the span of 三、本年度
    // 办理结果 (as R1 does), and starts on a new page when its first part does not fit.
    let mut tops = vec![0.0f64; nrows + 1];
    let mut page_of = vec![0usize; nrows];
    let header = g.header_rows;
    let forced = (t == TableId::T3).then_some(header + 12);
    if let Some(f) = forced
        && w.y + 4.0 + heights[..f].iter().sum::<f64>() > BOTTOM
    {
        w.new_page();
    }
    let mut page = 0usize;
    let mut y = w.y + 4.0;
    let header_height: f64 = heights[..header].iter().sum();
    for r in 0..nrows {
        if y + heights[r] > BOTTOM || Some(r) == forced {
            page += 1;
            y = TOP
                + if style.repeat_header && r >= header {
                    header_height
                } else {
                    0.0
                };
        }
        tops[r] = y;
        page_of[r] = page;
        y += heights[r];
    }
    let pages = page + 1;
    for p in 0..pages {
        if p > 0 {
            w.new_page();
            if style.repeat_header && header > 0 && page_of[header - 1] < p {
                // The header rows again, at the top of the page.
                let shift = TOP - tops[0];
                for it in items.iter().filter(|it| it.row < header) {
                    draw_item(w, it, &xs, &tops, &heights, shift, &lines_of(it), pitch, 0);
                }
            }
        }
        for (k, it) in items.iter().enumerate() {
            // An item spanning a page break is drawn in each part; its text in the first.
            let rows: Vec<usize> = (it.row..it.row + it.rows)
                .filter(|&r| page_of[r] == p)
                .collect();
            let (Some(&first), Some(&last)) = (rows.first(), rows.last()) else {
                continue;
            };
            let part = Item {
                row: first,
                col: it.col,
                rows: last - first + 1,
                cols: it.cols,
                text: if first == it.row {
                    it.text.clone()
                } else {
                    String::new()
                },
                role: it.role,
                bold: it.bold,
            };
            draw_item(
                w,
                &part,
                &xs,
                &tops,
                &heights,
                0.0,
                &lines_of(&part),
                pitch,
                k,
            );
        }
        w.y = (0..nrows)
            .filter(|&r| page_of[r] == p)
            .map(|r| tops[r] + heights[r])
            .fold(w.y, f64::max)
            + 8.0;
        if p > 0 || pages == 1 {
            w.y = w.y.max(TOP);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_item(
    w: &mut Writer,
    it: &Item,
    xs: &[f64],
    tops: &[f64],
    heights: &[f64],
    shift: f64,
    lines: &[String],
    pitch: f64,
    k: usize,
) {
    let (x0, x1) = (xs[it.col], xs[it.col + it.cols]);
    let y0 = tops[it.row] + shift;
    let y1 = tops[it.row + it.rows - 1] + heights[it.row + it.rows - 1] + shift;
    // Each cell draws its own four borders.
    w.rule(x0, y0, x1, y0);
    w.rule(x0, y1, x1, y1);
    w.rule(x0, y0, x0, y1);
    w.rule(x1, y0, x1, y1);
    if it.text.is_empty() {
        return;
    }
    let text_h = lines.len() as f64 * pitch;
    let mut baseline = y0 + ((y1 - y0) - text_h) / 2.0 + TABLE_SIZE;
    for line in lines {
        let lw: f64 = line.chars().map(|c| advance(c, TABLE_SIZE)).sum();
        let x = match it.role {
            GridRole::Value => {
                // Some numbers sit off-centre, as typed with stray spaces.
                let slack = (x1 - x0 - lw) / 2.0;
                x0 + slack
                    + if k.is_multiple_of(5) {
                        slack * 0.6
                    } else {
                        0.0
                    }
            }
            GridRole::RowLabel => x0 + 3.0,
            _ => x0 + (x1 - x0 - lw) / 2.0,
        };
        w.text(x, baseline, line, TABLE_SIZE, it.bold);
        baseline += pitch;
    }
}

/// The PDF of a report as WPS makes it.
pub fn wps_pdf(report: &Report, style: WpsStyle) -> Vec<u8> {
    let mut w = Writer::new(style.ocr_layer);
    for piece in pieces(report) {
        match piece {
            Piece::Title(t) => {
                w.paragraph(&t, false, true, true, 22.0);
                w.y += 10.0;
            }
            Piece::Heading(_, h) => w.paragraph(h, true, true, false, BODY_SIZE),
            Piece::Paragraph(p) => {
                if !p.trim().is_empty() {
                    w.paragraph(p, true, false, false, BODY_SIZE);
                }
            }
            Piece::Table(t) => table(&mut w, report, t, style),
            Piece::Note(n) => w.paragraph(&n, false, false, false, TABLE_SIZE),
            Piece::Closing { signature, date } => {
                w.y += 20.0;
                for line in [signature, date.as_str()] {
                    if line.is_empty() {
                        continue;
                    }
                    let lw: f64 = line.chars().map(|c| advance(c, BODY_SIZE)).sum();
                    w.y += 28.0;
                    if w.y > BOTTOM {
                        w.new_page();
                        w.y += 28.0;
                    }
                    let y = w.y;
                    w.text(LEFT + WIDTH - lw - 32.0, y, line, BODY_SIZE, false);
                }
            }
        }
    }
    w.new_page();
    document(&w.pages, &w.chars)
}

fn document(pages: &[String], chars: &BTreeSet<char>) -> Vec<u8> {
    let n = pages.len();
    // Objects: 1 catalog, 2 pages, 3 font, 4 CID font, 5 descriptor, 6 ToUnicode, then
    // (page, content) pairs.
    let mut objs: Vec<Vec<u8>> = Vec::new();
    objs.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    let kids: Vec<String> = (0..n).map(|k| format!("{} 0 R", 7 + 2 * k)).collect();
    objs.push(format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes());
    objs.push(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /FangSong_GB2312 /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>"
            .to_vec(),
    );
    let narrow: Vec<String> = chars
        .iter()
        .filter(|c| !is_wide(**c))
        .map(|c| format!("{} [500]", *c as u32))
        .collect();
    objs.push(
        format!(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FangSong_GB2312 /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 /W [{}] /CIDToGIDMap /Identity >>",
            narrow.join(" ")
        )
        .into_bytes(),
    );
    objs.push(
        b"<< /Type /FontDescriptor /FontName /FangSong_GB2312 /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>"
            .to_vec(),
    );
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
    );
    let list: Vec<char> = chars.iter().copied().collect();
    for chunk in list.chunks(100) {
        let _ = writeln!(cmap, "{} beginbfchar", chunk.len());
        for c in chunk {
            let _ = writeln!(cmap, "<{:04X}> <{:04X}>", *c as u32, *c as u32);
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap CMapName currentdict /CMap defineresource pop end end");
    objs.push(stream(cmap.as_bytes()));
    for (k, content) in pages.iter().enumerate() {
        objs.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                8 + 2 * k
            )
            .into_bytes(),
        );
        objs.push(stream(content.as_bytes()));
    }
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(o);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info << /Creator (WPS Writer) >> >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(body: &[u8]) -> Vec<u8> {
    let mut v = format!("<< /Length {} >>\nstream\n", body.len()).into_bytes();
    v.extend(body);
    v.extend(b"\nendstream");
    v
}
