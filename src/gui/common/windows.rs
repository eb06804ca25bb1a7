//! What the editor asks of Windows itself: a message box when no window can be made, and
//! a file handed to the program Windows opens it with (打印…: the PDF viewer).

use std::ffi::OsStr;
use std::os::windows::ffi::OsStrExt;
use std::path::Path;

use windows_sys::Win32::UI::Shell::ShellExecuteW;
use windows_sys::Win32::UI::WindowsAndMessaging::{
    MB_ICONERROR, MB_OK, MB_SETFOREGROUND, MessageBoxW, SW_SHOWNORMAL,
};

/// A NUL-terminated UTF-16 copy, as the `W` functions take it.
fn wide(text: &OsStr) -> Vec<u16> {
    text.encode_wide().chain(std::iter::once(0)).collect()
}

/// The system's error box with this title and text; returns when the user closes it.
pub fn message_box(title: &str, text: &str) {
    let (title, text) = (wide(OsStr::new(title)), wide(OsStr::new(text)));
    // SAFETY: both strings are NUL-terminated and live across the call; no owner window.
    unsafe {
        MessageBoxW(
            std::ptr::null_mut(),
            text.as_ptr(),
            title.as_ptr(),
            MB_OK | MB_ICONERROR | MB_SETFOREGROUND,
        );
    }
}

/// Opens the file with the program Windows opens it with (its "open" verb: for a PDF, the
/// PDF viewer, where the clerk prints with the viewer's own print dialog). Never the
/// "print" verb, which sends the file to the default printer without asking.
pub fn open_with_system(path: &Path) -> Result<(), String> {
    let (verb, file) = (wide(OsStr::new("open")), wide(path.as_os_str()));
    // SAFETY: NUL-terminated strings that live across the call; no owner window.
    let code = unsafe {
        ShellExecuteW(
            std::ptr::null_mut(),
            verb.as_ptr(),
            file.as_ptr(),
            std::ptr::null(),
            std::ptr::null(),
            SW_SHOWNORMAL,
        )
    } as isize;
    // ShellExecute answers a value above 32 when it started something.
    if code > 32 {
        Ok(())
    } else {
        Err(format!("ShellExecute {code}"))
    }
}
