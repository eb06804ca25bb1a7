//! `nianbao check`: one report or a folder, text or JSON, exit codes 0/1/2.

use std::process::ExitCode;

use nianbao::analysis::{self, analyze};
use nianbao::{batch, check_report, fsio};

use super::{error_message, load};
use crate::args::CheckArgs;
use nianbao::profile::Profile;

pub(crate) fn cmd_check(a: CheckArgs) -> ExitCode {
    let deadline = match a
        .deadline
        .as_deref()
        .map(|s| (s, analysis::Deadline::parse(s)))
    {
        Some((s, None)) => {
            eprintln!("错误：发布期限“{s}”无法识别，应如 01-28");
            return ExitCode::from(2);
        }
        Some((_, d)) => d,
        None => None,
    };
    let profile = match a.profile.as_deref().map(Profile::load).transpose() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("错误：{e}");
            return ExitCode::from(2);
        }
    };
    let (files, problems) = batch::collect(&a.files);
    if let Some(out) = &a.summary {
        let mut rows = problems;
        let rules = batch::BatchRules {
            deadline,
            profile: profile.as_ref(),
        };
        rows.extend(batch::check_files_with(&files, rules));
        if let Err(e) = fsio::write_atomic(out, batch::to_csv(&rows).as_bytes()) {
            eprintln!("错误：{e}");
            return ExitCode::from(2);
        }
        out!("{}", batch::summary_text(&rows).trim_end());
        out!("汇总已写入：{}", out.display());
        let unreadable = rows.iter().any(|r| r.outcome.is_err());
        let errors = rows
            .iter()
            .any(|r| r.outcome.as_ref().is_ok_and(|c| c.tally.errors > 0));
        return ExitCode::from(if unreadable {
            2
        } else if errors {
            1
        } else {
            0
        });
    }
    let mut worst = 0u8;
    for p in &problems {
        if let Err(reason) = &p.outcome {
            eprintln!("错误：“{}”：{reason}", p.file.display());
            worst = 2;
        }
    }
    let previous = match &a.previous {
        Some(p) => match load(p) {
            Ok(opened) => Some(opened.draft.report),
            Err(e) => {
                eprintln!("错误：{}", error_message(&e));
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    for path in &files {
        match load(path) {
            Ok(loaded) => {
                let analysis = analyze(
                    &loaded.draft,
                    &analysis::Context {
                        import_findings: &loaded.import_findings,
                        previous: previous.as_ref(),
                        deadline,
                        profile: profile.as_ref(),
                    },
                );
                if analysis.tally.errors > 0 {
                    worst = worst.max(1);
                }
                let file = path.display().to_string();
                if a.json {
                    out!("{}", check_report::to_json(&file, &loaded.draft, &analysis));
                } else {
                    out!(
                        "{}",
                        check_report::to_text(&file, &loaded.draft, &analysis).trim_end()
                    );
                }
            }
            Err(e) => {
                worst = 2;
                eprintln!("错误：{}", error_message(&e));
            }
        }
    }
    ExitCode::from(worst)
}
