//! A start that always says something. The window is tried the usual way first; when it
//! cannot be made (no display, OpenGL or EGL failing: "failed to create glutin window
//! surface" on some UOS X11 drivers, EGL under Wayland on Kylin ARM laptops), the editor is
//! started again in a child process the next way this machine has (X11 instead of Wayland,
//! then Mesa's software renderer). If every way fails, the clerk who started it from the
//! menu is told in a message box (zenity, kdialog or xmessage where there is one; always on
//! stderr) what failed, and that `nianbao check` and `nianbao export` still work.
//!
//! A window that cannot be created is retried in a new process because winit's event loop
//! can be made only once per process.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::gui::common::strings as s;

/// Set once the editor drew its first frame: a failure after that is not the graphics'.
pub(super) static WINDOW_SHOWN: AtomicBool = AtomicBool::new(false);

/// The ways the window can be made, the safest last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Graphics {
    /// As the desktop gives it (Wayland where there is a compositor, else X11), the
    /// graphics driver's OpenGL.
    Native,
    /// X11 (XWayland) instead of Wayland.
    X11,
    /// Mesa's software OpenGL (llvmpipe), on X11 where there is one.
    Software,
}

/// The child's environment variable naming the way it tries.
const MODE_VAR: &str = "NIANBAO_GRAPHICS";
/// Where a child that could not make its window writes why.
const REPORT_VAR: &str = "NIANBAO_GRAPHICS_REPORT";
/// A child's exit code for "the window could not be made" (EX_TEMPFAIL).
const GRAPHICS_FAILED: i32 = 75;
/// Set (to anything): the failure is said on stderr only, never in a message box.
const NO_MESSAGE_BOX_VAR: &str = "NIANBAO_NO_MESSAGE_BOX";

impl Graphics {
    fn key(self) -> &'static str {
        match self {
            Graphics::Native => "native",
            Graphics::X11 => "x11",
            Graphics::Software => "software",
        }
    }

    fn parse(key: &str) -> Option<Graphics> {
        [Graphics::Native, Graphics::X11, Graphics::Software]
            .into_iter()
            .find(|g| g.key() == key.trim())
    }

    /// The way, as the message names it.
    pub fn label(self) -> &'static str {
        match self {
            Graphics::Native => s::GRAPHICS_NATIVE,
            Graphics::X11 => s::GRAPHICS_X11,
            Graphics::Software => s::GRAPHICS_SOFTWARE,
        }
    }

    /// What the child's environment changes for this way.
    fn apply(self, command: &mut Command, desktop: &Desktop) {
        command.env(MODE_VAR, self.key());
        if matches!(self, Graphics::X11) || (self == Graphics::Software && desktop.x11) {
            command
                .env_remove("WAYLAND_DISPLAY")
                .env_remove("WAYLAND_SOCKET");
        }
        if self == Graphics::Software {
            command
                .env("LIBGL_ALWAYS_SOFTWARE", "1")
                .env("GALLIUM_DRIVER", "llvmpipe");
        }
    }
}

/// What displays the session has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Desktop {
    pub wayland: bool,
    pub x11: bool,
}

impl Desktop {
    /// The session's displays, from its environment.
    pub fn from_env() -> Desktop {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        Desktop {
            wayland: set("WAYLAND_DISPLAY") || set("WAYLAND_SOCKET"),
            x11: set("DISPLAY"),
        }
    }

    fn any(self) -> bool {
        self.wayland || self.x11 || !cfg!(target_os = "linux")
    }
}

/// The ways to try, in order: the usual one (unless `safe`), X11 where Wayland is in use and
/// X11 is there too, then software rendering (Linux only; elsewhere the usual way alone).
pub fn ladder(desktop: Desktop, safe: bool) -> Vec<Graphics> {
    if !cfg!(target_os = "linux") {
        return vec![Graphics::Native];
    }
    let mut ways = Vec::new();
    if !safe {
        ways.push(Graphics::Native);
        if desktop.wayland && desktop.x11 {
            ways.push(Graphics::X11);
        }
    }
    ways.push(Graphics::Software);
    ways
}

/// Opens the editor the first way that works. `open` makes the window in this process (it
/// is called at most once); the other ways run this program again.
pub fn start(
    safe: bool,
    open: impl FnOnce() -> anyhow::Result<()>,
) -> anyhow::Result<std::process::ExitCode> {
    // A child tries the one way it was started for and reports back.
    if let Some(mode) = std::env::var(MODE_VAR)
        .ok()
        .and_then(|m| Graphics::parse(&m))
    {
        return Ok(as_child(mode, open));
    }
    let desktop = Desktop::from_env();
    if !desktop.any() {
        let message = failure_message(&[], Some(s::GRAPHICS_NO_DISPLAY));
        tell(&message, desktop);
        anyhow::bail!("{}", s::GRAPHICS_NO_DISPLAY);
    }
    let mut failed: Vec<(Graphics, String)> = Vec::new();
    let mut open = Some(open);
    for way in ladder(desktop, safe) {
        let outcome = if way == Graphics::Native {
            match open.take() {
                Some(open) => in_process(open),
                None => continue,
            }
        } else {
            in_child(way, desktop)
        };
        match outcome {
            Attempt::Ran(code) => return Ok(code),
            Attempt::Failed(why) => {
                eprintln!("{}：{}（{why}）", s::GRAPHICS_TRIED, way.label());
                failed.push((way, why));
            }
            Attempt::Error(e) => return Err(e),
        }
    }
    let message = failure_message(&failed, None);
    tell(&message, desktop);
    anyhow::bail!("{}", s::GRAPHICS_ALL_FAILED)
}

/// How one way went.
enum Attempt {
    /// The editor ran and ended with this code.
    Ran(std::process::ExitCode),
    /// The window could not be made, and why.
    Failed(String),
    /// The editor failed after its window was shown: not the graphics' fault.
    Error(anyhow::Error),
}

fn in_process(open: impl FnOnce() -> anyhow::Result<()>) -> Attempt {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(open));
    let shown = WINDOW_SHOWN.load(Ordering::Relaxed);
    match outcome {
        Ok(Ok(())) => Attempt::Ran(std::process::ExitCode::SUCCESS),
        Ok(Err(e)) if !shown => Attempt::Failed(format!("{e:#}")),
        Ok(Err(e)) => Attempt::Error(e),
        Err(panic) if !shown => Attempt::Failed(panic_text(&panic)),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| s::GRAPHICS_PANIC.to_string())
}

/// Runs this program again the given way, with the same arguments.
fn in_child(way: Graphics, desktop: Desktop) -> Attempt {
    let Ok(program) = std::env::current_exe() else {
        return Attempt::Failed(s::GRAPHICS_NO_PROGRAM.to_string());
    };
    let report = std::env::temp_dir().join(format!(
        "nianbao-graphics-{}-{}.txt",
        std::process::id(),
        way.key()
    ));
    let mut command = Command::new(program);
    command
        .args(std::env::args_os().skip(1))
        .env(REPORT_VAR, &report);
    way.apply(&mut command, &desktop);
    let status = command.status();
    let why = read_report(&report);
    match status {
        Ok(status) if status.code() == Some(GRAPHICS_FAILED) => {
            Attempt::Failed(why.unwrap_or_else(|| s::GRAPHICS_UNKNOWN.to_string()))
        }
        Ok(status) => Attempt::Ran(std::process::ExitCode::from(
            status.code().unwrap_or(1).clamp(0, 255) as u8,
        )),
        Err(e) => Attempt::Failed(e.to_string()),
    }
}

fn read_report(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok();
    let _ = std::fs::remove_file(path);
    text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

/// In a child: the one way; a window that cannot be made is reported to the parent.
fn as_child(mode: Graphics, open: impl FnOnce() -> anyhow::Result<()>) -> std::process::ExitCode {
    match in_process(open) {
        Attempt::Ran(code) => code,
        Attempt::Failed(why) => {
            // The parent says it, with the other ways.
            match std::env::var_os(REPORT_VAR) {
                Some(report) => {
                    let _ = std::fs::write(PathBuf::from(report), &why);
                }
                None => eprintln!("{}：{}（{why}）", s::GRAPHICS_TRIED, mode.label()),
            }
            std::process::ExitCode::from(GRAPHICS_FAILED as u8)
        }
        Attempt::Error(e) => {
            eprintln!("错误：{e:#}");
            std::process::ExitCode::from(2)
        }
    }
}

/// The message for a start that failed: each way tried and why in plain Chinese (or why
/// none could be), what to try, that the command line still works, and the libraries' own
/// words last, as 详细信息 (without the build machine's source paths).
pub fn failure_message(failed: &[(Graphics, String)], none: Option<&str>) -> String {
    let mut out = format!("{}\n\n", s::GRAPHICS_TITLE);
    if let Some(why) = none {
        out.push_str(why);
        out.push('\n');
    } else {
        out.push_str(s::GRAPHICS_WAYS);
        out.push('\n');
        for (way, why) in failed {
            out.push_str(&format!("· {}：{}\n", way.label(), plain_reason(why)));
        }
    }
    out.push('\n');
    out.push_str(s::GRAPHICS_ADVICE);
    if !failed.is_empty() {
        out.push_str(&format!("\n\n{}\n", s::GRAPHICS_DETAILS));
        for (way, why) in failed {
            // A long driver message is cut: the message box is read, not the log.
            let why: String = library_text(why).chars().take(240).collect();
            out.push_str(&format!("{}：{why}\n", way.label()));
        }
    }
    out
}

/// What a graphics library's error means, in words a clerk (and the IT department) reads.
fn plain_reason(raw: &str) -> &'static str {
    let raw = raw.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| raw.contains(w));
    if has(&[
        "connection to x server",
        "xopendisplay",
        "x11 connection",
        "no display",
    ]) {
        s::GRAPHICS_REASON_DISPLAY
    } else if has(&["wayland"]) {
        s::GRAPHICS_REASON_WAYLAND
    } else if has(&[
        "glutin",
        "egl",
        "glx",
        "opengl",
        "gl context",
        "pixel format",
        "surface",
    ]) {
        s::GRAPHICS_REASON_GL
    } else if has(&["panicked", "panic"]) {
        s::GRAPHICS_PANIC
    } else {
        s::GRAPHICS_REASON_OTHER
    }
}

/// A library's own error text without the source paths of the machine it was built on
/// (`at /home/…/winit-0.30.13/src/platform_impl/linux/mod.rs:788`).
fn library_text(raw: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for word in raw.split_whitespace() {
        let is_source = word.contains(".rs:") || (word.contains("/src/") && word.contains('/'));
        if is_source {
            if kept.last() == Some(&"at") {
                kept.pop();
            }
            continue;
        }
        kept.push(word);
    }
    kept.join(" ").trim_end_matches(':').to_string()
}

/// Shows the message on stderr, and in the system's message box (Windows).
#[cfg(windows)]
fn tell(message: &str, _desktop: Desktop) {
    eprintln!("{message}");
    // Tests and scripts read stderr; a box would wait for a click nobody gives.
    if std::env::var_os(NO_MESSAGE_BOX_VAR).is_some() {
        return;
    }
    crate::gui::common::windows::message_box(s::APP_NAME, message);
}

/// Shows the message on stderr, and in a message box where one can be shown (zenity, which
/// the desktop portal's dialogs fall back to as well, or KDE's kdialog).
#[cfg(not(windows))]
fn tell(message: &str, desktop: Desktop) {
    eprintln!("{message}");
    if std::env::var_os(NO_MESSAGE_BOX_VAR).is_some() {
        return;
    }
    if !desktop.wayland && !desktop.x11 {
        return;
    }
    let escaped = message
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let boxes: [(&str, Vec<&str>); 3] = [
        (
            "zenity",
            vec![
                "--error",
                "--no-wrap",
                "--title",
                s::APP_NAME,
                "--text",
                &escaped,
            ],
        ),
        ("kdialog", vec!["--title", s::APP_NAME, "--error", message]),
        ("xmessage", vec!["-center", message]),
    ];
    for (program, args) in boxes {
        if Command::new(program).args(&args).status().is_ok() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ways_follow_the_session() {
        let both = Desktop {
            wayland: true,
            x11: true,
        };
        let x11 = Desktop {
            wayland: false,
            x11: true,
        };
        if cfg!(target_os = "linux") {
            assert_eq!(
                ladder(both, false),
                [Graphics::Native, Graphics::X11, Graphics::Software]
            );
            assert_eq!(ladder(x11, false), [Graphics::Native, Graphics::Software]);
            assert_eq!(ladder(both, true), [Graphics::Software]);
        }
        for g in [Graphics::Native, Graphics::X11, Graphics::Software] {
            assert_eq!(Graphics::parse(g.key()), Some(g));
        }
    }

    #[test]
    fn no_x_server_is_said_in_chinese_without_the_build_machine_s_paths() {
        let raw = "winit EventLoopError: os error at /home/ci/.cargo/registry/src/index/winit-0.30.13/src/platform_impl/linux/mod.rs:788: Failed to open connection to X server";
        let m = failure_message(&[(Graphics::Native, raw.into())], None);
        assert!(m.contains("无法连接到显示服务器"), "{m}");
        assert!(!m.contains(".rs:") && !m.contains("/home/ci"), "{m}");
        assert!(
            m.contains("Failed to open connection to X server"),
            "kept for the log: {m}"
        );
    }

    #[test]
    fn the_message_names_each_way_and_the_command_line() {
        let m = failure_message(
            &[
                (
                    Graphics::Native,
                    "failed to create glutin window surface".into(),
                ),
                (Graphics::Software, "x".repeat(1000)),
            ],
            None,
        );
        assert!(m.contains("· 默认（显卡 OpenGL）：显卡的 OpenGL"), "{m}");
        assert!(
            m.contains("详细信息") && m.contains("failed to create glutin window surface"),
            "the library's words kept last: {m}"
        );
        assert!(
            m.contains("nianbao check") && m.contains("nianbao export"),
            "{m}"
        );
        assert!(m.contains("--safe-graphics"), "{m}");
        assert!(m.chars().count() < 1000, "a driver's long message is cut");
    }
}
