//! The editor in a real window: the binary under Xvfb, driven with xdotool (keys) and xclip
//! (the real X clipboard), as a clerk meets it. What headless tests cannot see: the
//! operating system's clipboard, key events through winit, the saved file on disk.
//!
//! Needs Xvfb, xdotool, xclip and ImageMagick's `import` (the README's test command installs
//! them); without them each test says so and passes without running.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::blank_draft;

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn tools_missing() -> Option<String> {
    let missing: Vec<&str> = ["Xvfb", "xdotool", "xclip", "import", "identify"]
        .into_iter()
        .filter(|t| !have(t))
        .collect();
    (!missing.is_empty()).then(|| missing.join(", "))
}

/// One window test at a time (each starts its own X server).
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// A running X server and the editor in it; both end when dropped.
struct Session {
    _turn: std::sync::MutexGuard<'static, ()>,
    display: String,
    xvfb: Child,
    apps: Vec<Child>,
    dir: tempfile::TempDir,
}

impl Drop for Session {
    fn drop(&mut self) {
        for app in &mut self.apps {
            let _ = app.kill();
            let _ = app.wait();
        }
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
    }
}

fn wait_until(what: &str, secs: u64, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < Duration::from_secs(secs),
            "timed out: {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

impl Session {
    fn start() -> Session {
        Session::start_with(&[])
    }

    /// An X server started with these extra arguments (`-extension GLX`: no OpenGL).
    fn start_with(extra: &[&str]) -> Session {
        let turn = ONE_AT_A_TIME
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // A display number nobody uses: start from one that depends on the process, and
        // take the first whose server is ours (another run may race us for a number).
        let first = 100 + std::process::id() % 400;
        let mut started = None;
        for n in first..first + 50 {
            if Path::new(&format!("/tmp/.X{n}-lock")).exists() {
                continue;
            }
            let display = format!(":{n}");
            let mut xvfb = Command::new("Xvfb")
                .args([
                    display.as_str(),
                    "-screen",
                    "0",
                    "1280x800x24",
                    "-nolisten",
                    "tcp",
                ])
                .args(extra)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("Xvfb");
            let start = Instant::now();
            while !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && start.elapsed() < Duration::from_secs(10)
                && xvfb.try_wait().ok().flatten().is_none()
            {
                std::thread::sleep(Duration::from_millis(50));
            }
            // Our server is still running a moment later: the display is ours (a server that
            // lost the race for the number exits at once).
            std::thread::sleep(Duration::from_millis(300));
            if xvfb.try_wait().ok().flatten().is_none()
                && Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            {
                started = Some((display, xvfb));
                break;
            }
            let _ = xvfb.kill();
            let _ = xvfb.wait();
        }
        let (display, xvfb) = started.expect("a free X display");
        Session {
            _turn: turn,
            display,
            xvfb,
            apps: Vec::new(),
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn x(&self, tool: &str, args: &[&str]) -> String {
        let out = Command::new(tool)
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .unwrap_or_else(|e| panic!("{tool}: {e}"));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Opens `draft` in the editor with `cell` focused, and focuses its window.
    fn open(&mut self, draft: &Path, cell: &str) {
        self.spawn(draft, cell, "home", "张三");
        let name = draft
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace('.', "\\.");
        let window = self.wait_for_window(&name, 1);
        // Give the first frames (fonts, the opened draft, the focused cell) time.
        std::thread::sleep(Duration::from_millis(3000));
        self.focus(&window);
    }

    /// Starts an editor on `draft` as `user`, with its own settings folder `home`.
    fn spawn(&mut self, draft: &Path, cell: &str, home: &str, user: &str) {
        self.launch(
            &[draft.as_os_str()],
            home,
            &[("USER", user.into()), ("NIANBAO_FOCUS", cell.into())],
        );
    }

    /// Starts the editor with these arguments, its own settings folder `home` and `env`
    /// besides (no Wayland: the X server of this session).
    fn launch(&mut self, args: &[&std::ffi::OsStr], home: &str, env: &[(&str, String)]) {
        let home = self.path(home);
        std::fs::create_dir_all(&home).unwrap();
        let app = Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args(args)
            .env("DISPLAY", &self.display)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env_remove("WAYLAND_DISPLAY")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nianbao");
        self.apps.push(app);
    }

    /// A folder of this session with an executable `name` in it that runs `script`, and
    /// PATH with that folder first (a recording stand-in for a system program).
    fn stub_on_path(&self, name: &str, script: &str) -> String {
        use std::os::unix::fs::PermissionsExt as _;
        let stubs = self.path("stubs");
        std::fs::create_dir_all(&stubs).unwrap();
        let program = stubs.join(name);
        std::fs::write(&program, format!("#!/bin/sh\n{script}")).unwrap();
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        format!(
            "{}:{}",
            stubs.display(),
            std::env::var("PATH").unwrap_or_default()
        )
    }

    /// The `nth` (1-based, in stacking order) visible window whose title matches `name`.
    fn wait_for_window(&self, name: &str, nth: usize) -> String {
        let mut window = String::new();
        wait_until("the editor's window", 120, || {
            window = self
                .x("xdotool", &["search", "--onlyvisible", "--name", name])
                .lines()
                .nth(nth - 1)
                .unwrap_or("")
                .to_string();
            !window.is_empty()
        });
        window
    }

    fn focus(&self, window: &str) {
        self.x("xdotool", &["windowraise", window]);
        self.x("xdotool", &["windowfocus", "--sync", window]);
        std::thread::sleep(Duration::from_millis(400));
    }

    fn click(&self, x: u32, y: u32) {
        self.x(
            "xdotool",
            &["mousemove", &x.to_string(), &y.to_string(), "click", "1"],
        );
        std::thread::sleep(Duration::from_millis(600));
    }

    /// The window of the `k`-th editor started (found by its process).
    fn window_of(&self, k: usize) -> String {
        let pid = self.apps[k].id().to_string();
        let mut window = String::new();
        wait_until("the editor's window", 120, || {
            window = self
                .x("xdotool", &["search", "--onlyvisible", "--pid", &pid])
                .lines()
                .next()
                .unwrap_or("")
                .to_string();
            !window.is_empty()
        });
        window
    }

    fn title(&self, window: &str) -> String {
        self.x("xdotool", &["getwindowname", window])
            .trim()
            .to_string()
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        let shot = self.path(name);
        self.x("import", &["-window", "root", shot.to_str().unwrap()]);
        // `NIANBAO_KEEP_SHOTS=folder`: keep the screenshots to look at.
        if let Some(dir) = std::env::var_os("NIANBAO_KEEP_SHOTS") {
            let _ = std::fs::copy(&shot, PathBuf::from(dir).join(name));
        }
        shot
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.x("xdotool", &["key", "--delay", "60", k]);
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    fn type_text(&self, text: &str) {
        self.x("xdotool", &["type", "--delay", "80", text]);
        std::thread::sleep(Duration::from_millis(300));
    }

    fn set_clipboard(&self, text: &str) {
        use std::io::Write;
        let mut xclip = Command::new("xclip")
            .args(["-selection", "clipboard"])
            .env("DISPLAY", &self.display)
            .stdin(Stdio::piped())
            .spawn()
            .expect("xclip");
        xclip
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        xclip.wait().unwrap();
        std::thread::sleep(Duration::from_millis(300));
    }

    fn clipboard(&self) -> String {
        self.x("xclip", &["-o", "-selection", "clipboard"])
    }
}

/// The value of a cell in a saved draft (`"t3.r1.np": "5"`).
fn saved(draft: &Path, id: &str) -> Option<String> {
    let text = std::fs::read_to_string(draft).ok()?;
    let key = format!("\"{id}\": \"");
    let at = text.find(&key)? + key.len();
    Some(text[at..].split('"').next()?.to_string())
}

#[test]
fn type_paste_from_the_x_clipboard_copy_back_and_save() {
    if let Some(missing) = tools_missing() {
        eprintln!("跳过真实窗口测试：缺少 {missing}（scripts/test.sh 会自动安装）");
        return;
    }
    let mut s = Session::start();
    let draft = s.path("e2e-paste.ron");
    blank_draft(&draft);
    s.open(&draft, "t3.r1.np");

    // Type into the focused cell, Enter moves down, paste a 2×3 block copied elsewhere.
    s.type_text("5");
    s.keys(&["Return"]);
    s.set_clipboard("1\t2\t3\n4\t5\t6\n");
    s.keys(&["ctrl+v"]);
    s.keys(&["ctrl+s"]);
    wait_until("the saved draft", 60, || {
        saved(&draft, "t3.r3_1.corp_sci").as_deref() == Some("6")
    });
    for (id, want) in [
        ("t3.r1.np", "5"),
        ("t3.r2.np", "1"),
        ("t3.r2.corp_biz", "2"),
        ("t3.r2.corp_sci", "3"),
        ("t3.r3_1.np", "4"),
        ("t3.r3_1.corp_biz", "5"),
        ("t3.r3_1.corp_sci", "6"),
        ("t3.r1.total", "5"),
        ("t3.r3_1.total", "15"),
    ] {
        assert_eq!(saved(&draft, id).as_deref(), Some(want), "{id}");
    }

    // From the paste's first cell, a block selected with Shift+arrows goes to the X clipboard
    // as tab-separated rows, as Excel and WPS paste them.
    s.keys(&[
        "ctrl+a",
        "shift+Right",
        "shift+Right",
        "shift+Down",
        "ctrl+c",
    ]);
    wait_until("the copied block", 30, || s.clipboard().contains('\t'));
    assert_eq!(s.clipboard(), "1\t2\t3\n4\t5\t6\n");

    // The window as the clerk sees it.
    let shot = s.path("screen.png");
    s.x("import", &["-window", "root", shot.to_str().unwrap()]);
    let size = s.x("identify", &["-format", "%w %h", shot.to_str().unwrap()]);
    assert_eq!(size.trim(), "1280 800");
    assert!(
        std::fs::metadata(&shot).unwrap().len() > 20_000,
        "a drawn window"
    );
}

#[test]
fn a_refused_number_is_what_the_saved_draft_holds_and_check_reports() {
    if let Some(missing) = tools_missing() {
        eprintln!("跳过真实窗口测试：缺少 {missing}（scripts/test.sh 会自动安装）");
        return;
    }
    let mut s = Session::start();
    let draft = s.path("e2e-refused.ron");
    blank_draft(&draft);
    s.open(&draft, "t3.r1.np");
    s.type_text("1.5");
    s.keys(&["ctrl+s"]);
    wait_until("the saved draft", 60, || {
        saved(&draft, "t3.r1.np").as_deref() == Some("1.5")
    });
    let o = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--json"])
        .arg(&draft)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "an error: exit 1");
    let line: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let errors: Vec<&serde_json::Value> = line["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    assert!(
        errors
            .iter()
            .any(|f| f["rule"] == "S5" && f["cells"] == serde_json::json!(["t3.r1.np"])),
        "{line}"
    );
}

/// Two editor processes on one draft (two users on a shared folder): the second opener is
/// told who holds it and opens it read-only; its save goes to a copy; a save over a file
/// changed on disk asks first and merges; no edit is lost in any order of the saves.
#[test]
fn two_editors_on_one_draft_lose_no_edit() {
    if let Some(missing) = tools_missing() {
        eprintln!("跳过真实窗口测试：缺少 {missing}（scripts/test.sh 会自动安装）");
        return;
    }
    let mut s = Session::start();
    let draft = s.path("shared.nianbao.ron");
    blank_draft(&draft);
    s.spawn(&draft, "t3.r1.np", "home-a", "张三");
    let a = s.window_of(0);
    std::thread::sleep(Duration::from_millis(3000));
    let lock = s.path(".~lock.shared.nianbao.ron#");
    let held = std::fs::read_to_string(&lock).expect("A holds the lock");
    assert!(held.contains("user=张三"), "{held}");
    assert!(
        s.title(&a).starts_with("shared.nianbao.ron"),
        "{}",
        s.title(&a)
    );

    // B opens the same draft: warned, with who holds it; the draft is not opened yet.
    s.spawn(&draft, "t3.r1.corp_biz", "home-b", "李四");
    let b = s.window_of(1);
    std::thread::sleep(Duration::from_millis(3000));
    assert!(
        s.title(&b).starts_with("未命名"),
        "B waits for an answer: {}",
        s.title(&b)
    );
    s.screenshot("held.png");
    s.focus(&b);
    // 只读打开 (the modal's first button; its place in a 1280×800 window).
    s.click(421, 445);
    wait_until("B read-only", 30, || s.title(&b).contains("（只读）"));

    // A types and saves; B types and saves: B's goes to a copy, A's stays.
    s.focus(&a);
    s.type_text("5");
    s.keys(&["Tab", "ctrl+s"]);
    wait_until("A's save", 60, || {
        saved(&draft, "t3.r1.np").as_deref() == Some("5")
    });
    s.focus(&b);
    // 落款机关 (on screen at the top of the form).
    s.click(590, 264);
    s.keys(&["ctrl+a"]);
    s.type_text("B-sign");
    s.keys(&["Tab", "ctrl+s"]);
    // No native dialog here: the typed-path prompt, which suggests a copy; Enter takes it.
    std::thread::sleep(Duration::from_millis(1000));
    s.screenshot("save-as.png");
    s.keys(&["Return"]);
    let copy = s.path("shared（副本）.nianbao.ron");
    let signature = |p: &Path| {
        nianbao::draft::load_draft(p)
            .map(|d| d.report.meta.signature)
            .unwrap_or_default()
    };
    wait_until("B's copy", 60, || signature(&copy) == "B-sign");
    assert_eq!(
        saved(&draft, "t3.r1.np").as_deref(),
        Some("5"),
        "A's edit kept"
    );
    assert_ne!(signature(&draft), "B-sign", "B's edit went to the copy");

    // Someone saves the draft under A (a program that ignores the lock, a copy put back
    // from a USB stick): A's next save asks first, and merges.
    let mut theirs = nianbao::draft::load_draft(&draft).unwrap();
    theirs.report.meta.organ = "某某县人民政府办公室".into();
    nianbao::draft::save_draft(&draft, &theirs).unwrap();
    s.focus(&a);
    // A's focus moved on to 一·商业企业 with Tab.
    s.type_text("3");
    s.keys(&["Tab", "ctrl+s"]);
    std::thread::sleep(Duration::from_millis(1000));
    s.screenshot("changed.png");
    assert_ne!(
        saved(&draft, "t3.r1.corp_biz").as_deref(),
        Some("3"),
        "asked before writing over the other version"
    );
    // 合并 (the first button of that question, as laid out for this change).
    s.click(407, 508);
    wait_until("the merged save", 60, || {
        saved(&draft, "t3.r1.corp_biz").as_deref() == Some("3")
    });
    let merged = nianbao::draft::load_draft(&draft).unwrap().report;
    assert_eq!(merged.meta.organ, "某某县人民政府办公室", "theirs kept");
    assert_eq!(saved(&draft, "t3.r1.np").as_deref(), Some("5"), "ours kept");
}

/// Runs the editor as a clerk starting it from the menu would, with `env` set, and waits for
/// it to end (at most a minute): exit code and stderr.
fn start_editor(env: &[(&str, &str)], remove: &[&str], args: &[&str]) -> (Option<i32>, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_nianbao"));
    command.args(args);
    for (k, v) in env {
        command.env(k, v);
    }
    for k in remove {
        command.env_remove(k);
    }
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nianbao");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("the editor neither opened nor ended in a minute");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut stderr = String::new();
    use std::io::Read as _;
    let _ = child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr);
    (status.code(), stderr)
}

#[test]
fn without_a_display_the_editor_says_so_and_ends_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let (code, stderr) = start_editor(
        &[("XDG_CONFIG_HOME", config.to_str().unwrap())],
        &["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"],
        &[],
    );
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("没有图形显示"), "{stderr}");
    assert!(stderr.contains("nianbao check"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_display_without_opengl_tries_every_way_then_tells_the_clerk() {
    if let Some(missing) = tools_missing() {
        eprintln!("跳过：缺少 {missing}");
        return;
    }
    // No GLX in the server, no EGL vendor in the client: no OpenGL at all; and a Wayland
    // display that is not there, as on a Kylin laptop whose EGL fails under Wayland.
    let session = Session::start_with(&["-extension", "GLX"]);
    // The message box: a stub zenity that records what it was asked to show.
    let record = session.path("zenity.txt");
    let path = session.stub_on_path(
        "zenity",
        &format!("printf '%s\\n' \"$@\" > '{}'\n", record.display()),
    );
    let config = session.path("config");
    let (code, stderr) = start_editor(
        &[
            ("DISPLAY", session.display.as_str()),
            ("WAYLAND_DISPLAY", "nianbao-no-such-wayland-0"),
            ("__EGL_VENDOR_LIBRARY_FILENAMES", "/nonexistent/egl.json"),
            ("PATH", path.as_str()),
            ("XDG_CONFIG_HOME", config.to_str().unwrap()),
        ],
        &[],
        &[],
    );
    assert_eq!(code, Some(2), "a clean exit with the error code: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for way in [
        "默认（显卡 OpenGL）",
        "X11（不用 Wayland）",
        "软件渲染（Mesa llvmpipe）",
    ] {
        assert!(
            stderr.contains(&format!("· {way}：")),
            "{way} tried: {stderr}"
        );
    }
    let shown = std::fs::read_to_string(&record).expect("the message box was asked for");
    assert!(shown.starts_with("--error\n"), "{shown}");
    assert!(shown.contains("年报编辑器无法打开窗口。"), "{shown}");
    assert!(
        shown.contains("nianbao check") && shown.contains("--safe-graphics"),
        "{shown}"
    );
}

#[test]
fn the_safe_graphics_mode_opens_the_window() {
    if let Some(missing) = tools_missing() {
        eprintln!("跳过：缺少 {missing}");
        return;
    }
    let mut session = Session::start();
    session.launch(&["--safe-graphics".as_ref()], "home", &[]);
    // (xdotool does not match Chinese titles: any window, the only one on this display.)
    let window = session.wait_for_window(".", 1);
    // The window is the software-rendered child's; the program started is still running.
    let pid = session.x("xdotool", &["getwindowpid", &window]);
    assert_ne!(pid.trim(), session.apps[0].id().to_string());
    assert!(session.apps[0].try_wait().unwrap().is_none());
    let shot = session.screenshot("safe.png");
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000);
}

#[test]
fn print_in_a_real_window_goes_to_lp() {
    if let Some(missing) = tools_missing() {
        eprintln!("跳过：缺少 {missing}");
        return;
    }
    let mut session = Session::start();
    let draft = session.path("print-e2e.ron");
    blank_draft(&draft);
    // No desktop portal here: 打印… goes to `lp`, a stub that records what it was given.
    let copy = session.path("printed.pdf");
    let path = session.stub_on_path(
        "lp",
        &format!(
            "for last; do :; done\ncp \"$last\" '{}'\necho 'request id is e2e-1'\n",
            copy.display()
        ),
    );
    session.launch(
        &[draft.as_os_str()],
        "home",
        &[("PATH", path), ("DBUS_SESSION_BUS_ADDRESS", NO_BUS.into())],
    );
    let window = session.wait_for_window("print-e2e\\.ron", 1);
    std::thread::sleep(Duration::from_millis(2000));
    session.focus(&window);
    session.keys(&["ctrl+p"]);
    wait_until("the PDF handed to lp", 60, || {
        std::fs::read(&copy).is_ok_and(|b| b.starts_with(b"%PDF-"))
    });
    session.screenshot("print.png");
}

/// A session bus address where there is none: no desktop portal.
const NO_BUS: &str = "unix:path=/nonexistent/nianbao-test-bus";

#[cfg(unix)]
#[test]
fn print_in_a_real_window_goes_through_the_desktop_portal() {
    use crate::common::portal::{DialogAnswer, private_bus, serve_print_portal};
    if let Some(missing) = tools_missing() {
        eprintln!("跳过：缺少 {missing}");
        return;
    }
    let mut session = Session::start();
    let Some(bus) = private_bus(session.dir.path()) else {
        eprintln!("跳过：没有 dbus-daemon");
        return;
    };
    let (_portal, printed) = serve_print_portal(&bus, DialogAnswer::Print);
    let draft = session.path("portal-e2e.ron");
    blank_draft(&draft);
    // An `lp` that fails the test if reached: the portal is there.
    let reached = session.path("lp-was-run");
    let path = session.stub_on_path("lp", &format!("touch '{}'\n", reached.display()));
    session.launch(
        &[draft.as_os_str()],
        "home",
        &[
            ("PATH", path),
            ("DBUS_SESSION_BUS_ADDRESS", bus.address.clone()),
        ],
    );
    let window = session.wait_for_window("portal-e2e\\.ron", 1);
    std::thread::sleep(Duration::from_millis(2000));
    session.focus(&window);
    session.keys(&["ctrl+p"]);
    wait_until("the PDF handed to the portal", 60, || {
        !printed.files.lock().unwrap().is_empty()
    });
    let files = printed.files.lock().unwrap().clone();
    assert!(files[0].1.starts_with(b"%PDF-"));
    assert!(!reached.exists(), "lp is not used where the portal prints");
}

#[test]
fn print_preview_in_a_real_window_draws_the_exported_pages() {
    if let Some(missing) = tools_missing() {
        eprintln!("跳过：缺少 {missing}");
        return;
    }
    let mut session = Session::start();
    let draft = session.path("preview-e2e.ron");
    // A real published report, imported: text on every page and the three tables.
    let published =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/published/003_60d30e5d68c9d170.txt");
    let o = crate::common::run(&[
        "import",
        published.to_str().unwrap(),
        "-o",
        draft.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    session.launch(&[draft.as_os_str()], "home", &[]);
    let window = session.wait_for_window("preview-e2e\\.ron", 1);
    std::thread::sleep(Duration::from_millis(2500));
    session.focus(&window);
    let form = std::fs::read(session.screenshot("form.png")).unwrap();
    session.keys(&["ctrl+F2"]);
    // The PDF is made and drawn on a thread (a debug build takes several seconds): a page
    // of text is a much larger screenshot than the form's blank toolbar and its
    // "正在生成" line.
    let mut preview = Vec::new();
    wait_until("the preview's first page drawn", 90, || {
        preview = std::fs::read(session.screenshot("preview.png")).unwrap();
        preview.len() > 100_000
    });
    assert_ne!(form, preview, "the preview replaced the form");
    session.keys(&["Next"]);
    std::thread::sleep(Duration::from_millis(1500));
    let page2 = std::fs::read(session.screenshot("preview-page2.png")).unwrap();
    assert!(page2.len() > 100_000, "page 2 has text too");
    assert_ne!(preview, page2, "PageDown showed another page");
    session.keys(&["Escape"]);
}

#[test]
fn a_desk_of_300_reports_opens_in_a_real_window_and_goes_into_one_and_back() {
    if let Some(missing) = tools_missing() {
        eprintln!("跳过：缺少 {missing}");
        return;
    }
    let mut session = Session::start();
    let folder = session.path("desk");
    crate::common::mixed_desk::write_mixed_desk(&folder, 10);
    session.launch(&[folder.as_os_str()], "home", &[]);
    let window = session.wait_for_window(".", 1);
    // The rows are read in the background; the window's frames run meanwhile and give it
    // the desk's title at once. Then time for all 300 (a debug build).
    wait_until("the desk's title", 60, || {
        session.title(&window).contains("desk")
    });
    std::thread::sleep(Duration::from_millis(6000));
    session.focus(&window);
    session.screenshot("desk-loaded.png");
    // Into 004.ron (the fifth row: the rows keep the folder's order) by a double click.
    session.x(
        "xdotool",
        &[
            "mousemove",
            "88",
            "314",
            "click",
            "--repeat",
            "2",
            "--delay",
            "80",
            "1",
        ],
    );
    wait_until("the report opened from the desk", 30, || {
        session.title(&window).contains("004.ron")
    });
    std::thread::sleep(Duration::from_millis(1500));
    let report = std::fs::read(session.screenshot("desk-report.png")).unwrap();
    // 返回审核台, in the menu bar.
    session.click(367, 14);
    std::thread::sleep(Duration::from_millis(1500));
    let back = std::fs::read(session.screenshot("desk-back.png")).unwrap();
    assert_ne!(report, back, "back at the desk");
    // The title names the folder again, not the report looked at.
    wait_until("the desk's title", 10, || {
        let title = session.title(&window);
        title.contains("desk") && !title.contains("004.ron")
    });
}

#[test]
fn the_recovery_copy_holds_an_edit_while_the_window_is_hidden() {
    if let Some(missing) = tools_missing() {
        eprintln!("跳过真实窗口测试：缺少 {missing}（scripts/test.sh 会自动安装）");
        return;
    }
    let mut s = Session::start();
    let draft = s.path("hidden.ron");
    blank_draft(&draft);
    s.open(&draft, "t3.r1.np");
    let window = s.window_of(0);
    // One edit, then the window is unmapped (another program over it, minimised): no
    // input, no frame drawn.
    s.type_text("7");
    std::thread::sleep(Duration::from_millis(300));
    let edited = Instant::now();
    s.x("xdotool", &["windowunmap", "--sync", &window]);
    let copies = s.path("home/.config/nianbao/recovery");
    let holds_the_edit = || {
        std::fs::read_dir(&copies).is_ok_and(|entries| {
            entries.flatten().any(|e| {
                e.path().extension().is_some_and(|x| x == "ron")
                    && saved(&e.path(), "t3.r1.np").as_deref() == Some("7")
            })
        })
    };
    while !holds_the_edit() && edited.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        holds_the_edit(),
        "the recovery copy holds the edit within 5 s of it, the window hidden"
    );
    eprintln!(
        "恢复副本在修改后 {:.1} 秒写入（窗口已隐藏）",
        edited.elapsed().as_secs_f64()
    );
}

#[test]
fn a_digit_sent_with_tab_at_once_lands_in_the_next_cell() {
    if let Some(missing) = tools_missing() {
        eprintln!("跳过真实窗口测试：缺少 {missing}（scripts/test.sh 会自动安装）");
        return;
    }
    let mut s = Session::start();
    let draft = s.path("tab.ron");
    blank_draft(&draft);
    s.open(&draft, "t3.r1.np");
    s.type_text("60");
    // A fast number-pad typist: Tab and the next digits with no delay between them.
    s.x("xdotool", &["key", "--delay", "0", "Tab", "1", "Tab", "2"]);
    std::thread::sleep(Duration::from_millis(500));
    s.keys(&["ctrl+s"]);
    wait_until("the saved draft", 60, || {
        saved(&draft, "t3.r1.corp_sci").as_deref() == Some("2")
    });
    assert_eq!(saved(&draft, "t3.r1.np").as_deref(), Some("60"));
    assert_eq!(saved(&draft, "t3.r1.corp_biz").as_deref(), Some("1"));
}
