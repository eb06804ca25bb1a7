//! Two editors on one draft (a shared folder, or two windows), and the recovery copies of
//! windows that ended: driven headless through egui_kittest like `gui.rs`. No edit may be
//! lost in any order of the two saves.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use nianbao::draft::{self, Draft};
use nianbao::gui::{Action, EditorApp, FileCommand, Picked, ScriptedDialogs, Storage};
use nianbao::lock::{self, Owner};
use nianbao::model::{Date, OrganKind, Report};

/// No process has this id: a window of a process that has ended.
const ENDED: u32 = 4_000_000_000;

struct Window {
    harness: Harness<'static, EditorApp>,
    dialogs: ScriptedDialogs,
}

fn window(config: &Path, owner: Owner) -> Window {
    let dialogs = ScriptedDialogs::default();
    let app = EditorApp::new(
        Box::new(dialogs.clone()),
        Storage::at(config).with_owner(owner),
        Date::new(2026, 1, 15).expect("date"),
    );
    let harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(nianbao::gui::install_fonts)
        .build_ui_state(|ui, app: &mut EditorApp| app.frame(ui), app);
    let mut w = Window { harness, dialogs };
    w.harness.run();
    w
}

/// Another window of this computer: same process id (alive), its own instance.
fn live_window(config: &Path) -> Window {
    window(config, Owner::this_process())
}

impl Window {
    fn app(&self) -> &EditorApp {
        self.harness.state()
    }

    fn open(&mut self, path: &Path) {
        self.harness
            .state_mut()
            .push(FileCommand::Run(Action::OpenPath(path.to_path_buf())));
        self.harness.run();
        self.harness.run();
    }

    fn type_in(&mut self, label: &str, text: &str) {
        self.harness.get_by_label(label).focus();
        self.harness.run();
        self.harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        self.harness.run();
        self.harness.get_by_label(label).type_text(text);
        self.harness.run();
        // Leave the field (its undo point) before the next action.
        self.harness.key_press(Key::Tab);
        self.harness.run();
    }

    fn save(&mut self) {
        self.harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
        self.harness.run();
        self.harness.run();
    }

    fn click(&mut self, label: &str) {
        self.harness.get_by_label(label).click();
        self.harness.run();
        self.harness.run();
    }

    fn shows(&self, label: &str) -> bool {
        self.harness.query_by_label(label).is_some()
    }

    /// Some text on screen (a label, a button, a field) contains `part`.
    fn shows_text_containing(&self, part: &str) -> bool {
        self.harness
            .query_all_by(|n| {
                n.label().is_some_and(|l| l.contains(part))
                    || n.value().is_some_and(|v| v.contains(part))
            })
            .next()
            .is_some()
    }
}

fn shared_draft(dir: &Path) -> PathBuf {
    let path = dir.join("共享.nianbao.ron");
    let report = Report::new("某县人民政府办公室", OrganKind::Department, 2025);
    draft::save_draft(&path, &Draft::new(report)).expect("save");
    path
}

fn on_disk(path: &Path) -> Report {
    draft::load_draft(path).expect("load").report
}

/// The draft saved by someone who did not see the lock (an older program, a copy put back
/// from a USB stick), with `change` made to its report.
fn saved_elsewhere(path: &Path, change: impl FnOnce(&mut Report)) {
    let mut theirs = draft::load_draft(path).expect("load");
    change(&mut theirs.report);
    draft::save_draft(path, &theirs).expect("save");
}

#[test]
fn the_second_opener_is_told_who_holds_the_draft_and_no_edit_is_lost() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = shared_draft(dir.path());
    let mut a = live_window(&dir.path().join("a"));
    let mut b = live_window(&dir.path().join("b"));

    a.open(&path);
    assert_eq!(a.app().session.lock.as_deref(), Some(path.as_path()));
    assert!(lock::lock_path(&path).exists(), "the lock beside the draft");

    b.open(&path);
    assert!(b.shows("此草稿正在别处打开"), "B is warned");
    assert!(
        b.shows_text_containing(&lock::host_name()),
        "and told who holds it, on which computer"
    );
    assert!(
        !b.shows("接管并编辑"),
        "A's window still runs: no take-over"
    );
    b.click("只读打开");
    assert!(b.app().doc.read_only);
    assert!(b.app().title().contains("只读"));

    // A types 落款 and saves; B types its own change and saves: B is sent elsewhere.
    a.type_in("落款机关", "某县人民政府办公室（甲）");
    b.type_in("机关全称", "某县人民政府办公室（乙）");
    a.save();
    assert!(!a.app().doc.is_dirty(), "A saved");
    let b_file = dir.path().join("乙的版本.nianbao.ron");
    b.dialogs.push(Picked::Path(b_file.clone()));
    b.save();
    assert!(!b.app().doc.is_dirty(), "B saved, to another file");
    assert_eq!(b.app().doc.path.as_deref(), Some(b_file.as_path()));
    assert_eq!(
        on_disk(&path).meta.signature,
        "某县人民政府办公室（甲）",
        "A's edit kept"
    );
    assert_eq!(on_disk(&path).meta.organ, "某县人民政府办公室");
    assert_eq!(
        on_disk(&b_file).meta.organ,
        "某县人民政府办公室（乙）",
        "B's too"
    );

    // B's window now holds its own file; A closes and gives the shared one up.
    assert_eq!(b.app().session.lock.as_deref(), Some(b_file.as_path()));
    a.harness.state_mut().push(FileCommand::Run(Action::Quit));
    a.harness.run();
    assert!(!lock::lock_path(&path).exists(), "released on quit");
}

#[test]
fn a_save_over_a_file_changed_on_disk_asks_and_lists_the_other_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = shared_draft(dir.path());
    let mut a = live_window(&dir.path().join("a"));
    a.open(&path);
    a.type_in("落款机关", "落款甲");

    // Meanwhile the file is saved by someone who did not see A's lock (an older program, a
    // copy put back from a USB stick).
    saved_elsewhere(&path, |r| {
        r.meta.organ = "某县人民政府办公室（他人修改）".into()
    });

    a.save();
    assert!(a.shows("文件已在别处修改"), "asked before overwriting");
    assert!(
        a.shows_text_containing("机关全称：某县人民政府办公室 → 某县人民政府办公室（他人修改）"),
        "the other version's change is listed"
    );
    assert!(a.app().doc.is_dirty(), "nothing written yet");
    assert_eq!(on_disk(&path).meta.organ, "某县人民政府办公室（他人修改）");

    // 另存为 keeps both.
    let mine = dir.path().join("我的版本.nianbao.ron");
    a.dialogs.push(Picked::Path(mine.clone()));
    a.click("另存为…");
    assert_eq!(on_disk(&mine).meta.signature, "落款甲");
    assert_eq!(on_disk(&path).meta.organ, "某县人民政府办公室（他人修改）");
    assert!(
        !lock::lock_path(&path).exists(),
        "the old file's lock is given up when the window moves to the new one"
    );
}

#[test]
fn overwrite_and_reload_do_what_they_say() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = shared_draft(dir.path());
    let change_on_disk = |organ: &str| saved_elsewhere(&path, |r| r.meta.organ = organ.into());

    let mut a = live_window(&dir.path().join("a"));
    a.open(&path);
    a.type_in("落款机关", "甲");
    change_on_disk("他人一");
    a.save();
    a.click("覆盖");
    assert_eq!(
        on_disk(&path).meta.signature,
        "甲",
        "ours written over theirs"
    );
    assert!(!a.app().doc.is_dirty());

    // After our own save the file is ours again: the next save does not ask.
    a.type_in("落款机关", "甲二");
    a.save();
    assert!(!a.shows("文件已在别处修改"));
    assert_eq!(on_disk(&path).meta.signature, "甲二");

    a.type_in("落款机关", "甲三");
    change_on_disk("他人二");
    a.save();
    a.click("重新载入");
    assert_eq!(a.app().doc.draft.report.meta.organ, "他人二");
    assert!(!a.app().doc.is_dirty());
    assert_eq!(
        a.app().session.lock.as_deref(),
        Some(path.as_path()),
        "still this window's"
    );
}

#[test]
fn a_lock_left_by_a_window_that_ended_may_be_taken_over() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = shared_draft(dir.path());
    assert_eq!(
        lock::acquire(&path, &Owner::with_pid(ENDED)),
        lock::LockState::Held
    );
    let mut a = live_window(&dir.path().join("a"));
    a.open(&path);
    assert!(a.shows("锁定它的程序已不在运行（或锁定已超过12小时），可以接管。"));
    a.click("接管并编辑");
    assert!(!a.app().doc.read_only);
    let holder = lock::holder(&path).expect("locked");
    assert_eq!(
        holder.pid,
        std::process::id(),
        "the lock is this window's now"
    );
    a.type_in("落款机关", "接管后");
    a.save();
    assert_eq!(on_disk(&path).meta.signature, "接管后");
}

#[test]
fn a_copy_opens_as_a_new_report_and_never_writes_over_the_held_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = shared_draft(dir.path());
    let mut a = live_window(&dir.path().join("a"));
    a.open(&path);
    let mut b = live_window(&dir.path().join("b"));
    b.open(&path);
    b.click("打开副本");
    assert_eq!(b.app().doc.path, None);
    assert_eq!(b.app().doc.draft.report.meta.organ, "某县人民政府办公室");
    b.type_in("落款机关", "副本");
    // Asked where: B picks the held file itself, and is refused.
    b.dialogs.push(Picked::Path(path.clone()));
    b.save();
    assert!(b.shows_text_containing("正由"), "refused: the file is held");
    assert!(b.app().doc.is_dirty());
    assert_ne!(on_disk(&path).meta.signature, "副本");
}

#[test]
fn every_window_that_ended_leaves_its_edits_and_each_is_offered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("config");
    for (pid, organ) in [(ENDED, "甲单位"), (ENDED + 1, "乙单位")] {
        let mut w = window(&config, Owner::with_pid(pid));
        if w.shows("发现未保存的草稿") {
            // The first window's copy, offered to the second: kept for later.
            w.click("稍后");
        }
        w.type_in("机关全称", organ);
        w.harness.state_mut().autosave_now();
        // The process "ends" here: no save, no normal exit.
    }
    let mut next = live_window(&config);
    assert!(next.shows("发现未保存的草稿"));
    assert!(next.shows("另有 1 份未保存的草稿，处理完这一份后依次询问。"));
    next.click("恢复");
    let first = next.app().doc.draft.report.meta.organ.clone();
    assert!(first == "甲单位" || first == "乙单位", "{first}");
    // The second is offered at once; restoring it asks about the first one's edits.
    assert!(next.shows("发现未保存的草稿"));
    next.click("恢复");
    assert!(
        next.shows("有未保存的修改"),
        "the restored edits are not dropped silently"
    );
    let saved = dir.path().join("恢复一.nianbao.ron");
    next.dialogs.push(Picked::Path(saved.clone()));
    next.click("保存");
    assert_eq!(on_disk(&saved).meta.organ, first);
    let second = next.app().doc.draft.report.meta.organ.clone();
    assert_ne!(second, first);
    assert!(second == "甲单位" || second == "乙单位", "{second}");
    assert!(next.app().doc.path.is_none(), "an untitled window's copy");
}

#[test]
fn a_running_window_s_copy_is_never_offered_to_another() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("config");
    let mut a = live_window(&config);
    a.type_in("机关全称", "甲单位");
    a.harness.state_mut().autosave_now();
    let b = live_window(&config);
    assert!(!b.shows("发现未保存的草稿"), "A still runs");
    assert!(b.app().doc.path.is_none());
}

#[test]
fn changes_to_different_fields_are_merged_and_both_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = shared_draft(dir.path());
    let mut a = live_window(&dir.path().join("a"));
    a.open(&path);
    a.type_in("落款机关", "落款甲");
    // Another program signs the draft meanwhile (`nianbao sign`, or a window that took
    // over a stale lock) and changes the organ.
    saved_elsewhere(&path, |r| {
        r.meta.organ = "某县人民政府办公室（他人修改）".into()
    });
    a.save();
    assert!(a.shows("双方改的不是同一处：合并会保留双方的修改（推荐）。"));
    // 合并 is the recommended answer: Enter gives it.
    a.harness.key_press(Key::Enter);
    a.harness.run();
    a.harness.run();
    let merged = on_disk(&path);
    assert_eq!(merged.meta.signature, "落款甲", "ours");
    assert_eq!(
        merged.meta.organ, "某县人民政府办公室（他人修改）",
        "theirs"
    );
    assert!(!a.app().doc.is_dirty());
    assert_eq!(
        a.app().doc.draft.report,
        merged,
        "the window shows what was saved"
    );
    a.type_in("落款机关", "落款乙");
    a.save();
    assert!(!a.shows("文件已在别处修改"), "the merged file is ours now");
    assert_eq!(on_disk(&path).meta.signature, "落款乙");
}

#[test]
fn the_same_field_changed_on_both_sides_is_named_and_not_merged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = shared_draft(dir.path());
    let mut a = live_window(&dir.path().join("a"));
    a.open(&path);
    a.type_in("落款机关", "落款甲");
    saved_elsewhere(&path, |r| r.meta.signature = "落款丙".into());
    a.save();
    assert!(a.shows("双方改了同一处，不能自动合并：落款。"));
    assert!(!a.shows("合并"));
    assert_eq!(on_disk(&path).meta.signature, "落款丙", "nothing written");
}

#[test]
fn a_read_only_draft_suggests_a_copy_s_name_when_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = shared_draft(dir.path());
    let mut a = live_window(&dir.path().join("a"));
    a.open(&path);
    let mut b = live_window(&dir.path().join("b"));
    b.open(&path);
    b.click("只读打开");
    b.type_in("落款机关", "乙");
    // No native dialog: the typed-path prompt shows the suggestion.
    b.save();
    assert!(b.shows("此草稿以只读方式打开，请另存为其他文件"));
    assert!(
        b.shows_text_containing("共享（副本）.nianbao.ron"),
        "never the held file's own name"
    );
}
