//! The editor in a real window: the binary under Xvfb, driven with xdotool (keys) and xclip
//! (the real X clipboard), as a clerk meets it. What headless tests cannot see: the
//! operating system's clipboard, key events through winit, the saved file on disk.
//!
//! Needs Xvfb, xdotool, xclip and ImageMagick's `import` (the README's test command installs
//! them); without them each test says so and passes without running.

mod common;

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
    app: Option<Child>,
    dir: tempfile::TempDir,
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Some(app) = &mut self.app {
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
            app: None,
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
        let home = self.path("home");
        std::fs::create_dir_all(&home).unwrap();
        let app = Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .arg(draft)
            .env("DISPLAY", &self.display)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env_remove("WAYLAND_DISPLAY")
            .env("NIANBAO_FOCUS", cell)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nianbao");
        self.app = Some(app);
        let name = draft
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace('.', "\\.");
        let mut window = String::new();
        wait_until("the editor's window", 120, || {
            window = self
                .x("xdotool", &["search", "--onlyvisible", "--name", &name])
                .lines()
                .next()
                .unwrap_or("")
                .to_string();
            !window.is_empty()
        });
        // Give the first frames (fonts, the opened draft, the focused cell) time.
        std::thread::sleep(Duration::from_millis(3000));
        self.x("xdotool", &["windowfocus", "--sync", &window]);
        std::thread::sleep(Duration::from_millis(300));
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
