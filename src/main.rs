//! The `nianbao` command: opens the editor without arguments; `new`, `check`, `import`,
//! `export`, `sum`, `sign`, `diff` and `desk` work on drafts (`.ron`) and published reports (PDF,
//! Word, web pages, text) from the command line. The arguments are in `args.rs`.

// Windows: the editor is a window program (no console window behind it when a clerk
// double-clicks it); a command run from a console writes to that console (see
// `attach_console`).
#![cfg_attr(
    all(windows, feature = "gui", not(debug_assertions)),
    windows_subsystem = "windows"
)]

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

mod args;

use args::{Cli, Command};

/// mimalloc: a batch of 100,000 reports stays linear (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Prints a line to stdout; a closed pipe (`nianbao check … | head`) is not an error.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

mod cli;

use cli::{
    cmd_check, cmd_desk, cmd_diff, cmd_export, cmd_import, cmd_new, cmd_rules, cmd_sign, cmd_sum,
    error_message,
};

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    attach_console();
    let cli = Cli::parse();
    // The PDF fonts, once unpacked, are kept in the user's cache folder for later runs.
    if let Some(dir) = nianbao::fonts::default_cache_dir() {
        nianbao::fonts::set_cache_dir(dir);
    }
    let result = match cli.command {
        // A file named relative to the folder it was started in is remembered (recent files,
        // the lock's owner) by its whole path.
        None => match open_editor(
            cli.file.map(|f| std::path::absolute(&f).unwrap_or(f)),
            cli.safe_graphics,
            started,
        ) {
            Ok(code) => return code,
            Err(e) => Err(e),
        },
        Some(Command::New(a)) => cmd_new(a),
        Some(Command::Check(a)) => return cmd_check(a),
        Some(Command::Import(a)) => cmd_import(a),
        Some(Command::Export(a)) => cmd_export(a),
        Some(Command::Sum(a)) => cmd_sum(a),
        Some(Command::Sign(a)) => cmd_sign(a),
        Some(Command::Diff(a)) => cmd_diff(a),
        Some(Command::Desk(a)) => cmd_desk(a),
        Some(Command::Rules(a)) => cmd_rules(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("错误：{}", error_message(&e));
            ExitCode::from(2)
        }
    }
}

#[cfg(feature = "gui")]
fn open_editor(file: Option<PathBuf>, safe: bool, started: std::time::Instant) -> Result<ExitCode> {
    nianbao::gui::run(file, safe, started)
}

#[cfg(not(feature = "gui"))]
fn open_editor(
    _file: Option<PathBuf>,
    _safe: bool,
    _started: std::time::Instant,
) -> Result<ExitCode> {
    out!("此版本未包含图形编辑器（编译时未启用 gui 功能）。可用的命令请看：nianbao --help");
    Ok(ExitCode::SUCCESS)
}

/// Windows: a window program has no console of its own. Started from one (`nianbao.exe
/// check …` in cmd or PowerShell), it writes to that console; output redirected to a file
/// or pipe goes there already and is left alone. Started from Explorer, there is no console
/// to attach to and nothing happens.
#[cfg(windows)]
fn attach_console() {
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_OUTPUT_HANDLE,
    };
    // SAFETY: plain Win32 calls without pointers.
    unsafe {
        let out = GetStdHandle(STD_OUTPUT_HANDLE);
        if out.is_null() || out == windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}

#[cfg(not(windows))]
fn attach_console() {}
