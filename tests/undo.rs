//! Undo that cannot be lost, in the editor itself (egui_kittest, the real frame): random
//! sequences of typing, block paste, Esc, undo and redo; undoing everything then gives the
//! draft the editor started with, and redoing everything reaches the draft the sequence
//! ended on.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use proptest::prelude::*;

use nianbao::draft::Draft;
use nianbao::gui::{EditorApp, ScriptedDialogs, Storage};
use nianbao::model::{CellValue, Date};
use nianbao::template::t3;

/// Editable cells of 表三 (自然人, 商业企业 of rows 一, 二, （一）).
const CELLS: [(usize, usize); 6] = [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1)];

#[derive(Clone, Debug)]
enum Op {
    /// Focus a cell and type a number (replacing what it holds), staying in the cell.
    Type(usize, u8),
    /// Focus a cell and paste a two-by-two block from a spreadsheet.
    Paste(usize, u8),
    Escape,
    Undo,
    Redo,
    /// Leave the cell (Tab).
    Tab,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..CELLS.len(), 0u8..10).prop_map(|(c, v)| Op::Type(c, v)),
        (0..CELLS.len(), 0u8..10).prop_map(|(c, v)| Op::Paste(c, v)),
        Just(Op::Escape),
        Just(Op::Undo),
        Just(Op::Redo),
        Just(Op::Tab),
    ]
}

fn editor() -> (Harness<'static, EditorApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = EditorApp::new(
        Box::new(ScriptedDialogs::default()),
        Storage::at(dir.path().join("config")),
        Date::new(2026, 1, 15).expect("date"),
    );
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(nianbao::gui::install_fonts)
        .build_ui_state(|ui, app: &mut EditorApp| app.frame(ui), app);
    harness.run();
    (harness, dir)
}

fn cell_label((row, col): (usize, usize)) -> String {
    nianbao::gui::cell_name(t3(row, col))
}

fn apply(h: &mut Harness<'static, EditorApp>, op: &Op) {
    match *op {
        Op::Type(c, v) => {
            let label = cell_label(CELLS[c]);
            h.get_by_label(&label).focus();
            h.run();
            h.key_press_modifiers(Modifiers::COMMAND, Key::A);
            h.run();
            h.get_by_label(&label).type_text(&v.to_string());
        }
        Op::Paste(c, v) => {
            h.get_by_label(&cell_label(CELLS[c])).focus();
            h.run();
            h.event(Event::Paste(format!("{v}\t{}\n{}\t{v}\n", v + 1, v + 2)));
        }
        Op::Escape => h.key_press(Key::Escape),
        Op::Undo => h.key_press_modifiers(Modifiers::COMMAND, Key::Z),
        Op::Redo => h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
        Op::Tab => h.key_press(Key::Tab),
    }
    h.run();
}

fn draft(h: &Harness<'static, EditorApp>) -> Draft {
    h.state().doc.draft.clone()
}

/// Presses `key` until the draft stops changing; every state on the way.
fn press_until_still(h: &mut Harness<'static, EditorApp>, modifiers: Modifiers) -> Vec<Draft> {
    let mut seen = vec![draft(h)];
    for _ in 0..200 {
        h.key_press_modifiers(modifiers, Key::Z);
        h.run();
        let now = draft(h);
        if Some(&now) == seen.last() {
            break;
        }
        seen.push(now);
    }
    seen
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn undo_to_the_start_and_redo_to_the_end(ops in proptest::collection::vec(op(), 1..12)) {
        let (mut h, _dir) = editor();
        let start = draft(&h);
        for op in &ops {
            apply(&mut h, op);
        }
        let end = draft(&h);
        let back = press_until_still(&mut h, Modifiers::COMMAND);
        prop_assert_eq!(back.last(), Some(&start), "undo reaches the start");
        let forward = press_until_still(&mut h, Modifiers::COMMAND | Modifiers::SHIFT);
        prop_assert!(forward.contains(&end), "redo passes through the end ({} states)", forward.len());
    }
}

/// The reported case: a block pasted, Esc at once (totals computed automatically), then
/// undo: the paste and the edit before it are undone one by one.
#[test]
fn escape_right_after_a_paste_keeps_the_history() {
    let (mut h, _dir) = editor();
    apply(&mut h, &Op::Type(0, 5));
    apply(&mut h, &Op::Tab);
    let typed = draft(&h);
    apply(&mut h, &Op::Paste(2, 1));
    let pasted = draft(&h);
    assert_eq!(pasted.report.cell(t3(1, 0)), &CellValue::Count(1));
    apply(&mut h, &Op::Escape);
    assert_eq!(draft(&h), pasted, "Esc after a paste keeps the paste");
    apply(&mut h, &Op::Undo);
    assert_eq!(draft(&h), typed, "the paste undone");
    apply(&mut h, &Op::Undo);
    assert_eq!(h.state().doc.draft.report.cell(t3(0, 0)), &CellValue::Blank);
    apply(&mut h, &Op::Redo);
    apply(&mut h, &Op::Redo);
    assert_eq!(draft(&h), pasted);
}
