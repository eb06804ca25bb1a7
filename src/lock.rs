//! Who has a draft open: a lock file beside the draft, named as LibreOffice names its own
//! (`.~lock.<file name>#`), that says who holds it, on which computer and since when. A
//! second opener is told; a lock whose holder is gone (its process ended on this computer,
//! or it is more than [`STALE_AFTER_SECS`] old on another) may be taken over.
//!
//! The same [`Owner`] names the process in the editor's recovery copies, so a copy is
//! offered only once the window that wrote it is gone.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::fsio::{self, FileError};

/// A lock from another computer older than this (12 hours) is offered to be taken over.
pub const STALE_AFTER_SECS: u64 = 12 * 3600;

/// One running editor window: the user, the computer, the process and a key that tells two
/// windows of one process apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Owner {
    pub user: String,
    pub host: String,
    pub pid: u32,
    /// Unique per window (process id and start time).
    pub instance: String,
    /// When the lock was taken, `YYYY-MM-DD HH:MM` (北京时间).
    pub since: String,
    /// The same moment in seconds since 1970 (for the age of a lock).
    pub since_unix: u64,
}

impl Owner {
    /// This process, now.
    pub fn this_process() -> Owner {
        Owner::with_pid(std::process::id())
    }

    /// An owner with the given process id on this computer (tests pretend to be a process
    /// that has ended with an id no process has).
    pub fn with_pid(pid: u32) -> Owner {
        let now = unix_now();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        Owner {
            user: user_name(),
            host: host_name(),
            pid,
            instance: format!("{pid}-{now}-{nanos}"),
            since: crate::model::Stamp::now_beijing().to_string(),
            since_unix: now,
        }
    }

    /// "张三（计算机 pc-01，自 2026-12-01 09:30）".
    pub fn describe(&self) -> String {
        let user = if self.user.is_empty() {
            "未知用户"
        } else {
            &self.user
        };
        format!("{user}（计算机 {}，自 {}）", self.host, self.since)
    }

    /// The holder's process has ended (this computer), or the lock is old (another one).
    pub fn is_gone(&self) -> bool {
        if self.host == host_name() {
            !process_alive(self.pid) || process_started_after(self.pid, self.since_unix)
        } else {
            unix_now().saturating_sub(self.since_unix) > STALE_AFTER_SECS
        }
    }

    /// The owner as a small text file: the lock, and the owner file beside each recovery
    /// copy.
    pub fn file_text(&self) -> String {
        format!(
            "nianbao-lock 1\nuser={}\nhost={}\npid={}\ninstance={}\nsince={}\nsince_unix={}\n",
            one_line(&self.user),
            one_line(&self.host),
            self.pid,
            one_line(&self.instance),
            one_line(&self.since),
            self.since_unix
        )
    }

    /// Reads a lock or owner file; fields that are missing or unreadable stay empty (an
    /// unreadable lock is then treated as held by nobody alive).
    pub fn parse(text: &str) -> Owner {
        let mut o = Owner {
            user: String::new(),
            host: String::new(),
            pid: 0,
            instance: String::new(),
            since: String::new(),
            since_unix: 0,
        };
        for line in text.lines() {
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            let value = value.trim().to_string();
            match key.trim() {
                "user" => o.user = value,
                "host" => o.host = value,
                "pid" => o.pid = value.parse().unwrap_or(0),
                "instance" => o.instance = value,
                "since" => o.since = value,
                "since_unix" => o.since_unix = value.parse().unwrap_or(0),
                _ => {}
            }
        }
        o
    }
}

/// What opening a draft found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockState {
    /// The lock is ours now (or was already, from this window).
    Held,
    /// Another window holds it; `gone` when it may be taken over.
    HeldBy { holder: Owner, gone: bool },
    /// No lock could be written (a read-only folder): open without one.
    Unavailable(String),
}

/// The lock file of a draft: `.~lock.<name>#` in the same folder.
pub fn lock_path(draft: &Path) -> PathBuf {
    let name = draft
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    draft.with_file_name(format!(".~lock.{name}#"))
}

/// Who holds the draft's lock, if anyone.
pub fn holder(draft: &Path) -> Option<Owner> {
    let bytes = fsio::read_bounded(&lock_path(draft)).ok()?;
    Some(Owner::parse(&String::from_utf8_lossy(&bytes)))
}

/// Takes the draft's lock for `me` unless another window holds it.
pub fn acquire(draft: &Path, me: &Owner) -> LockState {
    let path = lock_path(draft);
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(mut file) => match file.write_all(me.file_text().as_bytes()) {
            Ok(()) => LockState::Held,
            Err(e) => LockState::Unavailable(fsio::io_reason(&e)),
        },
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => match holder(draft) {
            Some(h) if h.instance == me.instance => LockState::Held,
            Some(h) => {
                let gone = h.is_gone();
                LockState::HeldBy { holder: h, gone }
            }
            // Gone between the two calls: try once more.
            None => match take_over(draft, me) {
                Ok(()) => LockState::Held,
                Err(e) => LockState::Unavailable(e.to_string()),
            },
        },
        Err(e) => LockState::Unavailable(fsio::io_reason(&e)),
    }
}

/// Writes the lock for `me` whoever held it (a stale lock taken over).
pub fn take_over(draft: &Path, me: &Owner) -> Result<(), FileError> {
    fsio::write_atomic(&lock_path(draft), me.file_text().as_bytes())
}

/// Removes the draft's lock if it is `me`'s (never another window's).
pub fn release(draft: &Path, me: &Owner) {
    if holder(draft).is_some_and(|h| h.instance == me.instance) {
        let _ = std::fs::remove_file(lock_path(draft));
    }
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Who runs the program: the environment's name, else (Linux, started without one, as
/// from some desktop menus) the account of the process's user id in `/etc/passwd`.
fn user_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .or_else(|_| std::env::var("LOGNAME"))
        .ok()
        .filter(|u| !u.trim().is_empty())
        .or_else(account_name)
        .unwrap_or_default()
}

fn account_name() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let uid = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))?
        .split_whitespace()
        .next()?
        .to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|l| {
        let mut f = l.split(':');
        let name = f.next()?;
        (f.nth(1)? == uid).then(|| name.to_string())
    })
}

/// The computer's name (Linux: the kernel's; else the environment's).
pub fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "未知计算机".to_string())
}

/// Whether a process with this id runs on this computer (Windows: asked of the system).
/// Where that cannot be asked, every process is taken to run: a lock is then only given up
/// by age.
#[cfg(windows)]
pub fn process_alive(pid: u32) -> bool {
    use windows_sys::Win32::Foundation::{CloseHandle, ERROR_ACCESS_DENIED, GetLastError};
    use windows_sys::Win32::System::Threading::{
        GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
    };
    /// `GetExitCodeProcess`'s code for a process that has not ended.
    const STILL_ACTIVE: u32 = 259;
    if pid == 0 {
        return false;
    }
    // SAFETY: plain Win32 calls on a handle this function opens and closes.
    unsafe {
        let handle = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
        if handle.is_null() {
            // Another user's process (a shared PC) cannot be opened but runs.
            return GetLastError() == ERROR_ACCESS_DENIED;
        }
        let mut code = 0u32;
        let asked = GetExitCodeProcess(handle, &mut code) != 0;
        CloseHandle(handle);
        !asked || code == STILL_ACTIVE
    }
}

/// Whether the process now running with this id started after `since_unix` (seconds): then
/// it is another process that was given the id of one that ended (Windows hands ids out
/// again soon). `false` where that cannot be told, or `since_unix` is unknown (0).
#[cfg(windows)]
pub fn process_started_after(pid: u32, since_unix: u64) -> bool {
    use windows_sys::Win32::Foundation::{CloseHandle, FILETIME};
    use windows_sys::Win32::System::Threading::{
        GetProcessTimes, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
    };
    /// 100-ns intervals from 1601-01-01 (FILETIME's epoch) to 1970-01-01.
    const UNIX_EPOCH_AS_FILETIME: u64 = 116_444_736_000_000_000;
    if pid == 0 || since_unix == 0 {
        return false;
    }
    let zero = FILETIME {
        dwLowDateTime: 0,
        dwHighDateTime: 0,
    };
    let (mut created, mut exited, mut kernel, mut user) = (zero, zero, zero, zero);
    // SAFETY: plain Win32 calls on a handle this function opens and closes; the FILETIMEs
    // are this function's own.
    let asked = unsafe {
        let handle = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
        if handle.is_null() {
            return false;
        }
        let asked = GetProcessTimes(handle, &mut created, &mut exited, &mut kernel, &mut user);
        CloseHandle(handle);
        asked != 0
    };
    let ticks = (u64::from(created.dwHighDateTime) << 32) | u64::from(created.dwLowDateTime);
    asked && ticks.saturating_sub(UNIX_EPOCH_AS_FILETIME) / 10_000_000 > since_unix
}

/// Whether the process now running with this id started after `since_unix`: not told here
/// (Linux hands ids out again only after the whole range is used).
#[cfg(not(windows))]
pub fn process_started_after(_pid: u32, _since_unix: u64) -> bool {
    false
}

/// Whether a process with this id runs on this computer. Where that cannot be asked
/// (no `/proc`), every process is taken to run: a lock is then only given up by age.
#[cfg(not(windows))]
pub fn process_alive(pid: u32) -> bool {
    if pid == 0 {
        return false;
    }
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return true;
    }
    // A process that ended but was not reaped yet (a zombie, `Z` in its stat) is gone too.
    match std::fs::read_to_string(proc.join(pid.to_string()).join("stat")) {
        Ok(stat) => stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_none_or(|state| state != "Z" && state != "X"),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No process has this id (Linux's pid_max is at most 2^22).
    const ENDED: u32 = 4_000_000_000;

    #[test]
    fn the_first_opener_holds_the_lock_and_the_second_is_told_who() {
        let dir = tempfile::tempdir().unwrap();
        let draft = dir.path().join("共享.nianbao.ron");
        std::fs::write(&draft, "x").unwrap();
        let a = Owner::this_process();
        let mut b = Owner::this_process();
        b.instance.push_str("-b");
        assert_eq!(acquire(&draft, &a), LockState::Held);
        assert_eq!(
            acquire(&draft, &a),
            LockState::Held,
            "again from A: still A's"
        );
        assert!(lock_path(&draft).ends_with(".~lock.共享.nianbao.ron#"));
        match acquire(&draft, &b) {
            LockState::HeldBy { holder, gone } => {
                assert_eq!(holder.instance, a.instance);
                assert!(!gone, "A's process runs");
                assert!(holder.describe().contains(&a.host));
            }
            other => panic!("{other:?}"),
        }
        release(&draft, &b);
        assert!(lock_path(&draft).exists(), "B cannot release A's lock");
        release(&draft, &a);
        assert!(!lock_path(&draft).exists());
        assert_eq!(acquire(&draft, &b), LockState::Held);
    }

    #[test]
    fn a_lock_of_an_ended_process_or_an_old_one_from_elsewhere_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let draft = dir.path().join("a.ron");
        let crashed = Owner::with_pid(ENDED);
        assert_eq!(acquire(&draft, &crashed), LockState::Held);
        let me = Owner::this_process();
        assert!(matches!(
            acquire(&draft, &me),
            LockState::HeldBy { gone: true, .. }
        ));
        take_over(&draft, &me).unwrap();
        assert_eq!(holder(&draft).unwrap().instance, me.instance);

        let mut elsewhere = Owner::this_process();
        elsewhere.host = "另一台".into();
        assert!(!elsewhere.is_gone(), "a fresh lock from another computer");
        elsewhere.since_unix -= STALE_AFTER_SECS + 60;
        assert!(elsewhere.is_gone());
    }

    #[test]
    fn the_user_is_named_even_without_an_environment() {
        if Path::new("/etc/passwd").exists() && Path::new("/proc/self/status").exists() {
            assert!(account_name().is_some_and(|n| !n.is_empty()));
        }
    }

    #[test]
    fn a_garbled_lock_is_read_as_held_by_nobody_alive() {
        let o = Owner::parse("这不是锁\n\u{0}pid=abc");
        assert_eq!(o.pid, 0);
        assert!(o.is_gone());
        let round = Owner::parse(&Owner::this_process().file_text());
        assert_eq!(round.host, host_name());
    }
}
