//! Helpers shared by the CLI tests: run the binary with a hang guard.
#![allow(dead_code)]

#[cfg(feature = "gui")]
pub mod editor;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs nianbao; a run that does not end within a minute is a hang and fails the test.
pub fn run(args: &[&str]) -> Output {
    run_with(args, &[], Duration::from_secs(60))
}

/// [`run`] with environment variables set, and its own limit for a hang.
pub fn run_with(args: &[&str], envs: &[(&str, &std::ffi::OsStr)], limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .envs(envs.iter().map(|(k, v)| (*k, *v)))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("nianbao {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

/// Writes a blank 2024 draft for 某某县人民政府 at `path` and returns its text.
pub fn blank_draft(path: &Path) -> String {
    let o = run(&[
        "new",
        "--organ",
        "某某县人民政府",
        "--year",
        "2024",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::read_to_string(path).unwrap()
}

pub mod mixed_desk;
#[cfg(all(unix, feature = "gui"))]
pub mod portal;
#[cfg(feature = "ocr")]
pub mod scan;
