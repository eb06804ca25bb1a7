//! Where files come from and go: the dialogs' filters, the typed-path fallback, the
//! suggested file names and the folder every dialog starts in.

use std::path::Path;

use crate::gui::app::EditorApp;
use crate::gui::commands::modal::Modal;
use crate::gui::commands::purpose::command_for;
use crate::gui::common::strings as s;
use crate::gui::files::commands::{DocumentKind, PathPurpose};
use crate::gui::files::dialogs::{FileFilter, Picked};

pub const PDF_FILTER: FileFilter = FileFilter {
    name: s::FILTER_PDF,
    extensions: &["pdf"],
};

pub const REPORT_FILTERS: [FileFilter; 3] = [
    FileFilter {
        name: s::FILTER_ALL_REPORTS,
        extensions: &["ron", "txt", "pdf", "docx", "html", "htm"],
    },
    FileFilter {
        name: s::FILTER_DRAFT,
        extensions: &["ron"],
    },
    FileFilter {
        name: s::FILTER_TEXT,
        extensions: &["txt"],
    },
];

pub const DRAFT_FILTER: FileFilter = REPORT_FILTERS[1];

/// The save dialog's filter for an exported document.
pub fn document_filter(kind: DocumentKind) -> FileFilter {
    match kind {
        DocumentKind::Text => REPORT_FILTERS[2],
        DocumentKind::Word => FileFilter {
            name: s::FILTER_WORD,
            extensions: &["docx"],
        },
        DocumentKind::WebPage => FileFilter {
            name: s::FILTER_WEB_PAGE,
            extensions: &["html"],
        },
        DocumentKind::ReturnNotes => PDF_FILTER,
    }
}

/// Asks for the file a purpose needs: the native dialog's answer becomes the purpose's
/// command; when no dialog can be shown, the typed-path modal asks instead.
pub fn ask_path(app: &mut EditorApp, purpose: PathPurpose) {
    let start = document_folder(app);
    app.platform.dialogs.set_folder(start);
    let (picked, start) = match save_kind(&purpose) {
        Some((ext, filter)) => {
            let mut suggested = suggested_name(app, ext);
            if matches!(
                purpose,
                PathPurpose::Export {
                    kind: DocumentKind::ReturnNotes,
                    ..
                }
            ) {
                suggested = suggested.replace(".pdf", "审核意见.pdf");
            }
            (
                app.platform.dialogs.save_file(&suggested, filter),
                default_path(app, &suggested),
            )
        }
        None if matches!(purpose, PathPurpose::Profile) => (
            app.platform.dialogs.open_file(&[DRAFT_FILTER]),
            default_path(app, ""),
        ),
        None => (
            app.platform.dialogs.open_file(&REPORT_FILTERS),
            default_path(app, ""),
        ),
    };
    match picked {
        Picked::Path(p) => app.push(command_for(&purpose, p)),
        Picked::Paths(paths) => {
            if let Some(p) = paths.into_iter().next() {
                app.push(command_for(&purpose, p));
            }
        }
        Picked::Cancelled => {}
        Picked::Unavailable => app.modal = Some(Modal::path(purpose, start)),
    }
}

/// For purposes that write a file: its extension and dialog filter.
pub fn save_kind(purpose: &PathPurpose) -> Option<(&'static str, FileFilter)> {
    match purpose {
        PathPurpose::SaveAs { .. } => Some(("ron", DRAFT_FILTER)),
        PathPurpose::Export { kind, .. } => Some((kind.extension(), document_filter(*kind))),
        PathPurpose::ExportPdf { .. } => Some(("pdf", PDF_FILTER)),
        PathPurpose::Open
        | PathPurpose::ComparePrevious
        | PathPurpose::NewFromPrevious
        | PathPurpose::SumUnits
        | PathPurpose::CompareVersion
        | PathPurpose::Profile
        | PathPurpose::DeskFolder => None,
    }
}

/// Asks for the units' reports to sum, from the open document's folder.
pub fn pick_units(app: &mut EditorApp) -> Picked {
    let start = document_folder(app);
    app.platform.dialogs.set_folder(start);
    app.platform.dialogs.open_files(&REPORT_FILTERS)
}

/// A file name from the organ and year: `某县人民政府2025年政府信息公开工作年度报告.nianbao.ron`
/// for a draft (the pattern the desktop associates with the editor; plain `.ron` opens too).
pub fn suggested_name(app: &EditorApp, ext: &str) -> String {
    let stem = match app.doc.path.as_ref().or(app.doc.imported_from.as_ref()) {
        Some(p) => p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        None => app.doc.draft.report.title(),
    };
    let stem: String = stem
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .collect();
    let stem = if stem.trim().is_empty() {
        s::UNTITLED.to_string()
    } else if app.doc.read_only && ext == "ron" {
        // Held by another window: never suggest writing over it.
        let base = stem.strip_suffix(".nianbao").unwrap_or(&stem);
        format!("{base}{}", s::COPY_SUFFIX)
    } else {
        stem
    };
    match ext {
        "ron" if !stem.ends_with(".nianbao") => format!("{stem}.nianbao.ron"),
        _ => format!("{stem}.{ext}"),
    }
}

/// Where dialogs start: the open document's folder (its draft, or the file it was
/// imported from); for a new report the folder of the file last opened, saved or exported,
/// else the documents folder (never the root a desktop launcher leaves as the working folder).
/// A new summary's start above the desk's folder, not among its units.
pub fn document_folder(app: &EditorApp) -> Option<std::path::PathBuf> {
    let own = app.doc.path.as_ref().or(app.doc.imported_from.as_ref());
    if own.is_none() && app.doc.draft.sum.is_some() {
        let above = app.desk.as_ref().and_then(|d| d.desk.folder.parent());
        return above.map(Path::to_path_buf).or_else(dirs::document_dir);
    }
    own.and_then(|p| p.parent().map(Path::to_path_buf))
        .or_else(|| app.settings.last_folder.clone())
        .or_else(|| {
            let recent = app.settings.recent.first()?;
            recent.parent().map(Path::to_path_buf)
        })
        .filter(|d| !d.as_os_str().is_empty() && d.parent().is_some())
        .or_else(dirs::document_dir)
        .or_else(dirs::home_dir)
}

/// Where the typed-path prompt starts: next to the open file, else the home folder.
pub fn default_path(app: &EditorApp, name: &str) -> String {
    let dir = document_folder(app)
        .or_else(dirs::home_dir)
        .unwrap_or_default();
    if name.is_empty() {
        format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR)
    } else {
        dir.join(name).display().to_string()
    }
}
