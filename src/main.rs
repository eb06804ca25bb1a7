//! The `nianbao` command: opens the editor without arguments; `new`, `check`, `import`,
//! `export`, `sum`, `sign`, `diff` and `desk` work on drafts (`.ron`) and published reports (PDF,
//! Word, web pages, text) from the command line. The arguments are in `args.rs`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

mod args;

use args::{Cli, Command};

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
    let cli = Cli::parse();
    // The PDF fonts, once unpacked, are kept in the user's cache folder for later runs.
    if let Some(dir) = nianbao::fonts::default_cache_dir() {
        nianbao::fonts::set_cache_dir(dir);
    }
    let result = match cli.command {
        None => match open_editor(cli.file, cli.safe_graphics, started) {
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
