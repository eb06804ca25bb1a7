//! What the find bar's commands do: open and close it, go to a match, replace (each
//! replacement one undo step).

use crate::find::find;
use crate::gui::app::EditorApp;
use crate::gui::common::strings as s;
use crate::gui::edit::state::cycle;
use crate::gui::find::bar::FindBar;
use crate::gui::find::commands::FindCommand;

/// Runs the bar's commands, after the frame.
pub fn run(app: &mut EditorApp, command: FindCommand) {
    match command {
        FindCommand::Open(replacing) => {
            let query = app
                .find
                .as_ref()
                .map(|b| b.query.clone())
                .unwrap_or_default();
            let mut bar = FindBar::new(replacing);
            bar.query = query;
            app.find = Some(bar);
        }
        FindCommand::Close => app.find = None,
        FindCommand::Step(forward) => step(app, forward),
        FindCommand::ReplaceOne => {
            let Some(bar) = app.find.as_ref() else {
                return;
            };
            let (query, with) = (bar.query.clone(), bar.replacement.clone());
            let matches = find(&app.doc.draft.report, &query);
            let Some(k) = bar.current.filter(|&k| k < matches.len()) else {
                // Nothing gone to yet: go to the first; the next click replaces it.
                step(app, true);
                return;
            };
            app.session.history.checkpoint(&app.doc.draft);
            if crate::find::replace_one(&mut app.doc.draft.report, &matches[k], &query, &with) {
                app.session.history.checkpoint(&app.doc.draft);
                if let Some(bar) = app.find.as_mut() {
                    // On to the match after it: now at k (k + 1 when the replacement holds
                    // the query itself).
                    let next = k + usize::from(with.contains(&query));
                    bar.current = next.checked_sub(1);
                }
                step(app, true);
            } else {
                app.status.text = Some(s::REPLACE_NOT_TEXT.to_string());
            }
        }
        FindCommand::ReplaceAll => {
            let Some(bar) = app.find.as_ref() else {
                return;
            };
            let (query, with) = (bar.query.clone(), bar.replacement.clone());
            app.session.history.checkpoint(&app.doc.draft);
            let n = crate::find::replace_all(&mut app.doc.draft.report, &query, &with);
            app.session.history.checkpoint(&app.doc.draft);
            if let Some(bar) = app.find.as_mut() {
                bar.current = None;
            }
            app.status.text = Some(s::fill(s::REPLACED_ALL, n));
        }
    }
}

/// To the next (or previous) match: its field focused and scrolled to, the match selected.
fn step(app: &mut EditorApp, forward: bool) {
    let Some(bar) = app.find.as_mut() else {
        return;
    };
    let matches = find(&app.doc.draft.report, &bar.query);
    if matches.is_empty() {
        app.status.text = Some(s::FIND_NONE.to_string());
        return;
    }
    let n = matches.len();
    let k = cycle(bar.current, n, forward);
    bar.current = Some(k);
    // The keyboard stays in the find bar (Enter goes on to the next match); the form
    // scrolls to the match, which is tinted more strongly than the others.
    bar.focus = true;
    app.edit.reveal(matches[k].place);
}
