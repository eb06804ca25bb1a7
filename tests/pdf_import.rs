//! PDF import through the CLI: our own PDF of each fixture checks like the fixture, and bad
//! PDFs (encrypted, scanned, truncated, broken cross-reference table, 5,000 pages, a
//! compression bomb, a web page named .pdf, structures that recurse) each end with exit 2 and
//! a clear Chinese message, in bounded time, without a panic.

use crate::common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::run;

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A minimal PDF from object bodies (object n is `objs[n-1]`), with a correct xref table.
fn pdf(objs: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
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
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, body: &[u8]) -> Vec<u8> {
    let mut v = format!("<< {dict} /Length {} >>\nstream\n", body.len()).into_bytes();
    v.extend(body);
    v.extend(b"\nendstream");
    v
}

fn our_pdf(dir: &Path, fixture: &str) -> PathBuf {
    let txt = std::fs::read_dir(data("published"))
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(fixture))
        .unwrap()
        .path();
    let draft = dir.join(format!("{fixture}.ron"));
    let out = dir.join(format!("{fixture}.pdf"));
    let o = run(&[
        "import",
        txt.to_str().unwrap(),
        "-o",
        draft.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = run(&[
        "export",
        "--pdf",
        out.to_str().unwrap(),
        draft.to_str().unwrap(),
        "--date",
        "2026-01-20",
        "--bundled-fonts",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    out
}

/// `nianbao check` of our PDF of fixture 003 finds what it finds in our text of it, and the
/// exit code is the same.
#[test]
fn check_of_our_pdf_reads_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = our_pdf(dir.path(), "003");
    let o = run(&["check", "--json", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let line: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(line["uncertain_cells"], serde_json::json!([]));
    let rules: Vec<&str> = line["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["H5", "H6"], "{}", text(&o));
    // Import writes a draft with the cells; export --json lists them.
    let draft = dir.path().join("back.ron");
    let o = run(&[
        "import",
        pdf.to_str().unwrap(),
        "-o",
        draft.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let ron = std::fs::read_to_string(&draft).unwrap();
    assert!(ron.contains("\"t3.r1.np\": \"8\""), "{ron}");
    // The same PDF saved under a draft's name is read as the PDF it is.
    let misnamed = dir.path().join("报告.ron");
    std::fs::copy(&pdf, &misnamed).unwrap();
    let o = run(&["check", "--json", misnamed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let again: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(again["findings"], line["findings"]);
}

fn refused(path: &Path, words: &str) {
    let o = run(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let out = text(&o);
    assert!(out.contains(words), "{out}");
    assert!(!out.contains("panicked"), "{out}");
}

#[test]
fn bad_pdfs_end_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = std::fs::read(our_pdf(d, "003")).unwrap();

    // Encrypted: refused when a password is needed; opens when the user password is empty.
    refused(&data("pdf/encrypted-password.pdf"), "PDF 已加密");
    let o = run(&[
        "check",
        data("pdf/encrypted-empty-password.pdf").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));

    // Truncated.
    let truncated = d.join("truncated.pdf");
    std::fs::write(&truncated, &good[..good.len() / 3]).unwrap();
    refused(&truncated, "PDF 文件无法读取");

    // A wrong cross-reference offset: repaired by scanning the file, the report reads.
    let mut bad_xref = good.clone();
    let at = bad_xref
        .windows(9)
        .rposition(|w| w == b"startxref")
        .unwrap();
    bad_xref.truncate(at);
    bad_xref.extend(b"startxref\n123\n%%EOF\n");
    let bad_xref_path = d.join("bad-xref.pdf");
    std::fs::write(&bad_xref_path, &bad_xref).unwrap();
    let o = run(&["check", bad_xref_path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));

    // A scan: one page that is an image, no text.
    let image = vec![0x80u8; 64 * 64];
    let scan = pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>".to_vec(),
        stream("", b"q 500 0 0 700 40 60 cm /Im1 Do Q"),
        stream(
            "/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8",
            &image,
        ),
    ]);
    let scan_path = d.join("scan.pdf");
    std::fs::write(&scan_path, scan).unwrap();
    refused(&scan_path, "没有文字层");

    // 5,000 pages.
    let n = 5000;
    let mut objs = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {n} >>",
            (0..n)
                .map(|i| format!("{} 0 R", i + 3))
                .collect::<Vec<_>>()
                .join(" ")
        )
        .into_bytes(),
    ];
    objs.extend(
        (0..n).map(|_| b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_vec()),
    );
    let many = d.join("many.pdf");
    std::fs::write(&many, pdf(&objs)).unwrap();
    refused(&many, "超过300页");

    // A compression bomb: a page whose content inflates to 400 MB.
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..400 {
        z.write_all(&chunk).unwrap();
    }
    let bomb = pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        stream("/Filter /FlateDecode", &z.finish().unwrap()),
    ]);
    let bomb_path = d.join("bomb.pdf");
    std::fs::write(&bomb_path, bomb).unwrap();
    refused(&bomb_path, "解压后的内容超过");

    // A web page saved with a .pdf name.
    let html = d.join("page.pdf");
    std::fs::write(
        &html,
        "<!DOCTYPE html><html><body>404 Not Found</body></html>",
    )
    .unwrap();
    refused(&html, "内容不是 PDF");
}

/// Inputs the fuzzer found (`fuzz/fuzz_targets/import_pdf.rs`): a glyph placed far off the
/// page once made the layout pad a line with billions of spaces (out of memory), another
/// input was slow. Both now end quickly, with or without a report.
#[test]
fn fuzzer_findings_stay_fixed() {
    for file in ["pdf/fuzz-oom-far-off-page.pdf", "pdf/fuzz-slow.pdf"] {
        let o = run(&["check", data(file).to_str().unwrap()]);
        assert!(
            matches!(o.status.code(), Some(0..=2)),
            "{file}: {}",
            text(&o)
        );
        assert!(!text(&o).contains("panicked"), "{file}: {}", text(&o));
    }
}

/// PDFs whose structure recurses end cleanly (exit 2 with a message, no stack overflow, no
/// endless loop): arrays nested 200,000 deep in an object and in a page's content, dictionaries
/// nested 20,000 deep, a page tree 20,000 levels deep, a page tree that contains itself, a form
/// that draws itself, and 200,000 nested `q` (save state).
#[test]
fn recursive_pdfs_end_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = |extra: &[u8]| {
        let mut v = b"<< /Type /Catalog /Pages 2 0 R ".to_vec();
        v.extend(extra);
        v.extend(b" >>");
        v
    };
    let font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec();
    let one_page = |content: Vec<u8>, resources: &str| {
        vec![
            catalog(b""),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> {resources} >> >>").into_bytes(),
            content,
            font.clone(),
        ]
    };
    let text_op = b"BT /F1 12 Tf 72 700 Td (hello) Tj ET".to_vec();
    let nest = |open: &str, inner: &str, close: &str, n: usize| {
        format!("{}{inner}{}", open.repeat(n), close.repeat(n)).into_bytes()
    };

    let mut deep_array = one_page(stream("", &text_op), "");
    deep_array[0] = catalog(&nest("[", "", "]", 200_000));
    let mut deep_dict = one_page(stream("", &text_op), "");
    deep_dict[0] = catalog(&[b"/X ".as_slice(), &nest("<< /A ", "1", " >>", 20_000)].concat());
    let deep_content = one_page(
        stream(
            "",
            &[
                b"BT /F1 12 Tf 72 700 Td ".as_slice(),
                &nest("[", "(x)", "]", 200_000),
                b" TJ ET",
            ]
            .concat(),
        ),
        "",
    );
    let deep_q = one_page(
        stream(
            "",
            &[
                nest("q ", "", "", 200_000),
                text_op.clone(),
                nest(" Q", "", "", 200_000),
            ]
            .concat(),
        ),
        "",
    );
    let mut self_form = one_page(
        stream("", &[text_op.as_slice(), b" /X1 Do"].concat()),
        "/XObject << /X1 6 0 R >>",
    );
    self_form.push(stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >>",
        &[text_op.as_slice(), b" /X1 Do"].concat(),
    ));
    let mut looping_tree = one_page(stream("", &text_op), "");
    looping_tree[1] = b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>".to_vec();
    let levels = 20_000;
    let mut deep_tree = vec![catalog(b"")];
    deep_tree.extend(
        (0..levels)
            .map(|i| format!("<< /Type /Pages /Kids [{} 0 R] /Count 1 >>", i + 3).into_bytes()),
    );
    deep_tree.push(
        format!(
            "<< /Type /Page /MediaBox [0 0 595 842] /Contents {} 0 R /Resources << /Font << /F1 {} 0 R >> >> >>",
            levels + 3,
            levels + 4
        )
        .into_bytes(),
    );
    deep_tree.push(stream("", &text_op));
    deep_tree.push(font.clone());

    for (name, objs) in [
        ("deep-array.pdf", deep_array),
        ("deep-dict.pdf", deep_dict),
        ("deep-content.pdf", deep_content),
        ("deep-q.pdf", deep_q),
        ("self-form.pdf", self_form),
        ("looping-tree.pdf", looping_tree),
        ("deep-tree.pdf", deep_tree),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, pdf(&objs)).unwrap();
        let o = run(&["check", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", text(&o));
        assert!(text(&o).contains("错误："), "{name}: {}", text(&o));
        assert!(!text(&o).contains("panicked"), "{name}: {}", text(&o));
    }
}
