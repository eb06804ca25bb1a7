//! A real published PDF made by WPS 文字 (洪泽区 2023), read against the values checked by
//! hand beside it. The file is not in the repository (it is another project's sample): the
//! test reads it from the shared fixtures folder beside the repository when that is there
//! (CI has it) and says it skipped otherwise.

use crate::common;

use std::path::PathBuf;

use common::run;
use nianbao::template::TEMPLATE;

fn real_pdf_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/real-pdf");
    dir.join("R1.pdf").is_file().then_some(dir)
}

/// The hand-checked values of R1: cell id → the number as printed.
fn expected(dir: &std::path::Path) -> Vec<(String, String)> {
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("R1.json")).unwrap()).unwrap();
    json["cells"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, v)| v.is_number())
        .map(|(k, v)| (k.clone(), v.to_string()))
        .collect()
}

#[test]
fn r1_every_printed_number_in_its_cell_and_only_the_real_errors() {
    let Some(dir) = real_pdf_dir() else {
        eprintln!("skipped: ../shared/fixtures/real-pdf/R1.pdf is not beside the repository");
        return;
    };
    let pdf = dir.join("R1.pdf");
    let imported = nianbao::import::import_file(&pdf).expect("R1 imports");
    let want = expected(&dir);
    assert_eq!(want.len(), 186, "R1.json lists the 186 numbers R1 prints");
    let wrong: Vec<String> = want
        .iter()
        .filter_map(|(id, v)| {
            let i = TEMPLATE
                .index_of(id)
                .unwrap_or_else(|| panic!("{id} is a cell"));
            let got = imported.report.cell(i).display();
            (got != *v).then(|| format!("{id}: {got:?} ≠ {v}"))
        })
        .collect();
    assert!(wrong.is_empty(), "cells read wrong: {wrong:#?}");
    // Read from the drawn grid: every cell said so.
    let grid = want
        .iter()
        .filter(|(id, _)| {
            imported.provenance.get(&TEMPLATE.index_of(id).unwrap())
                == Some(&nianbao::import::Provenance::Grid)
        })
        .count();
    assert_eq!(grid, 186, "every number read from its table cell");

    let o = run(&["check", "--json", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "R1 has errors");
    let line: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let findings = line["findings"].as_array().unwrap();
    let errors: Vec<String> = findings
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| format!("{} {}", f["rule"], f["message"]))
        .collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors.iter().all(|e| e.starts_with("\"S4\"")),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("=11 ≠ 总计(0)")),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("=5 ≠ 总计(0)")),
        "{errors:#?}"
    );
    let messages: Vec<&str> = findings
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("（六）其他处理未按2021年版格式分为三项")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("2.其他法律行政止公开") && m.contains("2.其他法律行政法规禁止公开")),
        "{messages:#?}"
    );
    // Nothing is left uncertain, and no import warning remains.
    assert_eq!(line["uncertain_cells"], serde_json::json!([]));
    assert!(
        findings.iter().all(|f| f["rule"] != "IMPORT"),
        "{messages:#?}"
    );
    assert_eq!(
        line["read_as"]["表格单元格"].as_array().map(Vec::len),
        Some(line["grid_cells"].as_array().unwrap().len())
    );

    // The 退回意见 names places in Chinese and lists only the unit's problems.
    let dir = tempfile::tempdir().unwrap();
    let letter = dir.path().join("退回意见.txt");
    let o = run(&[
        "export",
        "--return-notes",
        letter.to_str().unwrap(),
        pdf.to_str().unwrap(),
        "--reviewer",
        "王五",
    ]);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{o:?}");
    let text = std::fs::read_to_string(&letter).unwrap();
    let unit = text
        .split(nianbao::export::return_notes::UNREAD_HEADING)
        .next()
        .unwrap();
    assert!(!unit.contains("导入时未能可靠读取"), "{text}");
    assert!(!text.contains("t3.") && !text.contains("t4."), "{text}");
    // S4 by its name: 表四合计不符.
    assert!(unit.contains("表四合计不符"), "{text}");
}
