//! File access for the core: bounded reads and atomic writes, with Chinese error messages.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The largest file the program reads (drafts are ~30 KB, published reports < 1 MB).
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;
/// The largest PDF: a scanned report's pages are images (a few MB a page).
pub const MAX_PDF_BYTES: u64 = 64 * 1024 * 1024;

/// The largest file read at `path`: [`MAX_PDF_BYTES`] for a PDF, else [`MAX_INPUT_BYTES`].
pub fn max_bytes_for(path: &Path) -> u64 {
    let pdf = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if pdf { MAX_PDF_BYTES } else { MAX_INPUT_BYTES }
}

/// A file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    // `cause`, not `source`: the Chinese reason is the whole message, so an error chain does not
    // repeat the system's English one after it.
    #[error("无法读取“{}”：{}", path.display(), io_reason(cause))]
    Read { path: PathBuf, cause: io::Error },
    #[error("“{}”是一个文件夹，不是文件", path.display())]
    IsFolder { path: PathBuf },
    #[error("“{}”太大（{:.1} MB），超过 {} MB 的上限，不像是年度报告或草稿", path.display(), *size as f64 / 1048576.0, limit / 1048576)]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("无法写入“{}”：{}", path.display(), reason)]
    Write { path: PathBuf, reason: String },
}

/// A short Chinese reason for an I/O error.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "文件或文件夹不存在".into(),
        io::ErrorKind::PermissionDenied => "没有访问权限".into(),
        io::ErrorKind::IsADirectory => "这是一个文件夹".into(),
        io::ErrorKind::NotADirectory => "路径中有一部分不是文件夹".into(),
        io::ErrorKind::StorageFull => "磁盘空间不足".into(),
        io::ErrorKind::ReadOnlyFilesystem => "文件系统只读".into(),
        _ => format!("系统错误（{e}）"),
    }
}

/// Reads a whole file, refusing folders and files over [`max_bytes_for`] it.
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, FileError> {
    let limit = max_bytes_for(path);
    let meta = fs::metadata(path).map_err(|cause| FileError::Read {
        path: path.into(),
        cause,
    })?;
    if meta.is_dir() {
        return Err(FileError::IsFolder { path: path.into() });
    }
    if meta.len() > limit {
        return Err(FileError::TooLarge {
            path: path.into(),
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    let file = fs::File::open(path).map_err(|cause| FileError::Read {
        path: path.into(),
        cause,
    })?;
    // Bounded even if the file grows while we read it.
    io::Read::read_to_end(&mut io::Read::take(file, limit + 1), &mut bytes).map_err(|cause| {
        FileError::Read {
            path: path.into(),
            cause,
        }
    })?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge {
            path: path.into(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes a file atomically: a temporary file in the same folder, fsync, rename over the
/// target, fsync the folder. A crash leaves either the old file or the new one, never a
/// half-written file. Nothing is created when the folder does not exist.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let err = |reason: String| FileError::Write {
        path: path.into(),
        reason,
    };
    let name = path.file_name().ok_or_else(|| err("不是文件路径".into()))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match fs::metadata(&dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(err(format!("“{}”不是文件夹", dir.display()))),
        Err(_) => return Err(err(format!("文件夹“{}”不存在", dir.display()))),
    }
    if path.is_dir() {
        return Err(err("目标是一个文件夹".into()));
    }
    // Temporary files of this target left by a save that was killed: removed before and
    // after this one, so at most one is ever left and none after a successful save.
    remove_stale_temps(&dir, &name.to_string_lossy());
    let tmp = dir.join(format!(
        ".{}.{}-{}.tmp",
        name.to_string_lossy(),
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| -> io::Result<()> {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)?;
        #[cfg(unix)]
        if let Ok(d) = fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        remove_stale_temps(&dir, &name.to_string_lossy());
        Ok(())
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        err(io_reason(&e))
    })
}

/// Removes `.NAME.PID-N.tmp` files of `name` in `dir` whose writer is gone: a process
/// that no longer runs (Linux: no `/proc/PID`), or, where that cannot be told, a file older
/// than ten minutes (a save takes milliseconds). Our own process's files are left alone.
fn remove_stale_temps(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        let Some(pid) = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, n)| {
                n.bytes()
                    .all(|b| b.is_ascii_digit())
                    .then(|| pid.parse::<u32>().ok())
                    .flatten()
            })
        else {
            continue;
        };
        if pid == std::process::id() {
            continue;
        }
        let proc_root = Path::new("/proc");
        let gone = if proc_root.join("self").exists() {
            !proc_root.join(pid.to_string()).exists()
        } else {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 600)
        };
        if gone {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ron");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn stale_temps_of_killed_saves_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ron");
        // Left by writers that are gone (no such process) and one of another file.
        let dead = u32::MAX - 7;
        fs::write(dir.path().join(format!(".a.ron.{dead}-0.tmp")), b"x").unwrap();
        fs::write(dir.path().join(format!(".a.ron.{dead}-3.tmp")), b"x").unwrap();
        fs::write(dir.path().join(format!(".b.ron.{dead}-0.tmp")), b"x").unwrap();
        fs::write(dir.path().join(".a.ron.notes.tmp"), b"mine").unwrap();
        write_atomic(&p, b"one").unwrap();
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".a.ron.notes.tmp".to_string(),
                format!(".b.ron.{dead}-0.tmp"),
                "a.ron".to_string()
            ]
        );
    }

    #[test]
    fn missing_folder_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("nope").join("a.ron");
        let e = write_atomic(&p, b"x").unwrap_err().to_string();
        assert!(e.contains("不存在"), "{e}");
        assert!(!dir.path().join("nope").exists());
    }

    #[test]
    fn folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_bounded(dir.path()),
            Err(FileError::IsFolder { .. })
        ));
        assert!(
            read_bounded(&dir.path().join("missing"))
                .unwrap_err()
                .to_string()
                .contains("不存在")
        );
    }
}
