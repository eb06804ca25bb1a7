//! The `nianbao` command: opens the editor without arguments; `new`, `check`, `import`,
//! `export`, `sum`, `sign` and `diff` work on drafts (`.ron`) and published reports (PDF,
//! Word, web pages, text) from the command line. The arguments are in `args.rs`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Parser;

use nianbao::analysis::{self, analyze};
use nianbao::batch;
use nianbao::check_report;
use nianbao::document::{self, Opened};
use nianbao::draft::{self, Draft};
use nianbao::export::docx::DocxOptions;
use nianbao::export::pdf::{FontSet, PdfOptions, export_pdf};
use nianbao::export::{html, json, text};
use nianbao::finding::Severity;
use nianbao::fsio;
use nianbao::import;
use nianbao::model::{Date, OrganKind, Report};

/// Prints a line to stdout; a closed pipe (`nianbao check … | head`) is not an error.
mod args;

use args::{CheckArgs, Cli, Command, DiffArgs, ExportArgs, ImportArgs, NewArgs, SignArgs, SumArgs};

macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    // The PDF fonts, once unpacked, are kept in the user's cache folder for later runs.
    if let Some(dir) = nianbao::fonts::default_cache_dir() {
        nianbao::fonts::set_cache_dir(dir);
    }
    let result = match cli.command {
        None => open_editor(cli.file, started),
        Some(Command::New(a)) => cmd_new(a),
        Some(Command::Check(a)) => return cmd_check(a),
        Some(Command::Import(a)) => cmd_import(a),
        Some(Command::Export(a)) => cmd_export(a),
        Some(Command::Sum(a)) => cmd_sum(a),
        Some(Command::Sign(a)) => cmd_sign(a),
        Some(Command::Diff(a)) => cmd_diff(a),
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
fn open_editor(file: Option<PathBuf>, started: std::time::Instant) -> Result<()> {
    nianbao::gui::run(file, started)
}

#[cfg(not(feature = "gui"))]
fn open_editor(_file: Option<PathBuf>, _started: std::time::Instant) -> Result<()> {
    out!("此版本未包含图形编辑器（编译时未启用 gui 功能）。可用的命令请看：nianbao --help");
    Ok(())
}

fn cmd_sum(a: SumArgs) -> Result<()> {
    use nianbao::sum::{Scope, SumOptions, sum_units, to_csv};
    let scope = Scope::parse(&a.scope)
        .with_context(|| format!("未知的汇总范围“{}”：应为 本级 或 本行政区域", a.scope))?;
    let previous_list = match &a.previous_list {
        Some(p) => {
            let bytes = fsio::read_bounded(p)?;
            let text =
                import::decode(&bytes).with_context(|| format!("“{}”不是文本文件", p.display()))?;
            Some(text.lines().map(str::to_string).collect())
        }
        None => None,
    };
    let units = nianbao::sum::open_units(&a.units)
        .map_err(|unreadable| anyhow::anyhow!("{}", unreadable.join("\n")))?;
    refuse_overwrite(&a.output, a.force)?;
    let options = SumOptions {
        scope,
        organ: a.organ.clone(),
        previous_list,
        strict: a.strict,
    };
    let parent = sum_units(&units, &options)?;
    draft::save_draft(&a.output, &parent)?;
    if let Some(csv) = &a.csv {
        fsio::write_atomic(csv, to_csv(&parent).as_bytes())?;
        out!("已写入 CSV：{}", csv.display());
    }
    let warnings = parent.sum.as_ref().map_or(0, |r| r.warnings.len());
    out!(
        "已汇总 {} 个单位（{}）：{}",
        units.len(),
        scope.label(),
        a.output.display()
    );
    for w in parent.sum.iter().flat_map(|r| &r.warnings) {
        eprintln!("注意：{w}");
    }
    if warnings > 0 {
        eprintln!(
            "有 {warnings} 处可能使汇总不准，已作为警告写入上级报告（用 nianbao check 查看；--strict 则拒绝汇总）"
        );
    }
    Ok(())
}

fn cmd_sign(a: SignArgs) -> Result<()> {
    use nianbao::review::Stage;
    let stage = Stage::parse(&a.stage)
        .with_context(|| format!("未知的签署环节“{}”：应为 审核 或 签发", a.stage))?;
    // The draft is being edited in the editor: signing under it would be overwritten or
    // asked about there; sign in the editor, or once it is closed.
    if let Some(holder) = nianbao::lock::holder(&a.draft)
        && !holder.is_gone()
    {
        bail!(
            "草稿“{}”正由 {} 在编辑器中打开：请在编辑器中签署，或关闭后再签",
            a.draft.display(),
            holder.describe()
        );
    }
    let mut d = draft::load_draft(&a.draft)
        .with_context(|| format!("无法打开草稿“{}”", a.draft.display()))?;
    let previous = a.previous.as_deref().map(load).transpose()?;
    let deadline = a
        .deadline
        .as_deref()
        .map(|s| {
            analysis::Deadline::parse(s)
                .with_context(|| format!("发布期限“{s}”无法识别，应如 01-28"))
        })
        .transpose()?;
    let analysis = analyze(
        &d,
        &analysis::Context {
            previous: previous.as_ref().map(|o| &o.draft.report),
            deadline,
            ..analysis::Context::default()
        },
    );
    let at = Date::now_beijing();
    let sign_off = nianbao::release::sign_off(&d, &analysis, stage, &a.name, &at)
        .map_err(|e| anyhow::anyhow!("{e}（用 nianbao check 查看）"))?;
    d.review.sign_offs.push(sign_off);
    draft::save_draft(&a.draft, &d)?;
    out!(
        "{}：{} {}（{}）",
        stage.label(),
        a.name.trim(),
        at,
        a.draft.display()
    );
    Ok(())
}

fn cmd_diff(a: DiffArgs) -> Result<()> {
    let d = match &a.new {
        Some(new_path) => {
            let old = load(&a.old)?;
            let new = load(new_path)?;
            nianbao::diff::diff(
                &old.draft,
                &old.import_findings,
                &new.draft,
                &new.import_findings,
            )
        }
        None => {
            let now = load(&a.old)?;
            let (last, before) = now.draft.as_last_approved().map_err(|e| match e {
                draft::NotApproved::Never => anyhow::anyhow!(
                    "“{}”还没有审核或签发过：请给出要比较的两个版本",
                    a.old.display()
                ),
                e => anyhow::anyhow!("{e}"),
            })?;
            out!("与{}的内容比较：", last.describe());
            nianbao::diff::diff(&before, &[], &now.draft, &now.import_findings)
        }
    };
    if a.json {
        out!("{}", nianbao::diff::to_json(&d));
    } else {
        out!("{}", nianbao::diff::to_text(&d).trim_end());
    }
    Ok(())
}

fn refuse_overwrite(path: &Path, force: bool) -> Result<()> {
    if path.exists() && !force {
        bail!(
            "“{}”已存在；为免覆盖已有内容，未写入（确需覆盖请加 --force）",
            path.display()
        );
    }
    Ok(())
}

fn cmd_new(a: NewArgs) -> Result<()> {
    if let Some(from) = &a.from {
        let last = load(from)?.draft.report;
        let mut draft = Draft::next_year_from(&last);
        if let Some(organ) = &a.organ {
            draft.report.meta.organ = organ.trim().to_string();
        }
        if let Some(year) = a.year {
            draft.report.meta.year = Some(year);
        }
        refuse_overwrite(&a.output, a.force)?;
        let kept = draft.inherited_texts.len();
        draft::save_draft(&a.output, &draft)?;
        out!(
            "已从上年报告新建草稿：{}（{}年度；上年结转已按上年的结转下年度填入；沿用正文 {kept} 段，修改前会提示）",
            a.output.display(),
            draft
                .report
                .meta
                .year
                .map_or_else(|| "未知".to_string(), |y| y.to_string())
        );
        return Ok(());
    }
    let (Some(organ), Some(year)) = (a.organ.as_deref(), a.year) else {
        bail!("请指定 --organ 和 --year，或用 --from 指定上年的报告");
    };
    let kind = match &a.kind {
        Some(k) => OrganKind::parse(k).with_context(|| {
            format!("未知的机关类型“{k}”：应为 人民政府、部门、乡镇街道 或 其他")
        })?,
        None => OrganKind::infer(organ),
    };
    let years = nianbao::template::SUPPORTED_YEARS;
    if !years.contains(&year) {
        bail!(
            "统计年度 {year} 不在支持的范围（{}–{}）",
            years.start(),
            years.end()
        );
    }
    refuse_overwrite(&a.output, a.force)?;
    let report = Report::new(organ.trim(), kind, year);
    draft::save_draft(&a.output, &Draft::new(report))?;
    out!("已新建草稿：{}", a.output.display());
    Ok(())
}

/// An error and its causes, joined with a full-width colon (anyhow's `{:#}` joins with ": ").
fn error_message(e: &anyhow::Error) -> String {
    e.chain()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("：")
}

fn load(path: &Path) -> Result<Opened> {
    document::open_path(path).map_err(|e| anyhow::anyhow!(e.describe(path)))
}

fn cmd_check(a: CheckArgs) -> ExitCode {
    let (files, problems) = batch::collect(&a.files);
    if let Some(out) = &a.summary {
        let mut rows = problems;
        rows.extend(batch::check_files(&files));
        if let Err(e) = fsio::write_atomic(out, batch::to_csv(&rows).as_bytes()) {
            eprintln!("错误：{e}");
            return ExitCode::from(2);
        }
        out!("{}", batch::summary_text(&rows).trim_end());
        out!("汇总已写入：{}", out.display());
        let unreadable = rows.iter().any(|r| r.outcome.is_err());
        let errors = rows.iter().any(|r| {
            r.outcome
                .as_ref()
                .is_ok_and(|c| c.findings.iter().any(|f| f.severity == Severity::Error))
        });
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
                    },
                );
                if analysis.tally.0 > 0 {
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

fn cmd_import(a: ImportArgs) -> Result<()> {
    let imported = import::import_file(&a.input)
        .with_context(|| format!("无法导入“{}”", a.input.display()))?;
    refuse_overwrite(&a.output, a.force)?;
    for f in &imported.findings {
        eprintln!("{}", f.to_line());
    }
    let findings = imported.findings.len();
    draft::save_draft(&a.output, &document::draft_of_import(imported))?;
    out!(
        "已导入为草稿：{}（导入提示 {} 条）",
        a.output.display(),
        findings
    );
    Ok(())
}

fn cmd_export(a: ExportArgs) -> Result<()> {
    let loaded = load(&a.file)?;
    let report = &loaded.draft.report;
    let analysed = analyze(
        &loaded.draft,
        &analysis::Context {
            import_findings: &loaded.import_findings,
            ..analysis::Context::default()
        },
    );
    let findings = &analysed.findings;
    let errors = analysed.tally.0;
    let date = match &a.date {
        Some(s) => Date::parse(s).with_context(|| format!("日期“{s}”无法识别，应如 2026-01-20"))?,
        None => Date::today(),
    };
    let t = &a.target;
    let out = if let Some(out) = &t.text {
        fsio::write_atomic(out, text::export_text(report).as_bytes())?;
        out
    } else if let Some(out) = &t.json {
        fsio::write_atomic(out, json::export_json(report).as_bytes())?;
        out
    } else if let Some(out) = &t.docx {
        let bytes = nianbao::export::docx::export_docx(report, &DocxOptions { date });
        fsio::write_atomic(out, &bytes)?;
        out
    } else if let Some(out) = &t.html {
        fsio::write_atomic(out, html::export_html_fragment(report).as_bytes())?;
        out
    } else if let Some(out) = &t.html_page {
        fsio::write_atomic(out, html::export_html_page(report).as_bytes())?;
        out
    } else if let Some(out) = &t.return_notes {
        use nianbao::export::return_notes::{LetterChoice, return_notes_with, to_text};
        let analysis = analyze(
            &loaded.draft,
            &analysis::Context {
                import_findings: &loaded.import_findings,
                ..analysis::Context::default()
            },
        );
        let mut choice = LetterChoice {
            include_unread: !a.without_unread,
            ..LetterChoice::default()
        };
        for id in &a.leave_out {
            let rule = nianbao::finding::Rule::from_id(id.trim())
                .with_context(|| format!("--leave-out：未知的规则编号“{id}”（如 H12、S7）"))?;
            choice.leave_out.extend(
                analysis
                    .findings
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.rule == rule)
                    .map(|(k, _)| k),
            );
        }
        let letter = return_notes_with(&loaded.draft, &analysis, &a.reviewer, date, &choice);
        let is_text = out
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
        if is_text {
            fsio::write_atomic(out, to_text(&letter).as_bytes())?;
        } else {
            let mut options = PdfOptions::new(date);
            if !a.bundled_fonts {
                options.fonts = FontSet::with_installed_official();
            }
            let pdf = nianbao::export::pdf::export_pdf_letter(&letter, &options)?;
            fsio::write_atomic(out, &pdf.bytes)?;
            out!("共 {} 页；字体：{}", pdf.pages, pdf.fonts_used.join("，"));
        }
        out
    } else if let Some(out) = &t.pdf {
        let release = nianbao::release::release(&loaded.draft, &analysed);
        if a.final_version && !release.final_allowed() {
            for f in findings.iter().filter(|f| f.severity == Severity::Error) {
                eprintln!("{}", f.to_line());
            }
            bail!(
                "不能导出正式版 PDF：{}（去掉 --final 可导出带“草稿”水印的版本）",
                release.reasons.join("；")
            );
        }
        let mut options = PdfOptions::new(date);
        options.draft_watermark = release.watermark();
        if !a.bundled_fonts {
            options.fonts = FontSet::with_installed_official();
        }
        let pdf = export_pdf(report, &options)?;
        fsio::write_atomic(out, &pdf.bytes)?;
        out!("共 {} 页；字体：{}", pdf.pages, pdf.fonts_used.join("，"));
        if !pdf.missing_glyphs.is_empty() {
            let chars: String = pdf.missing_glyphs.iter().collect();
            eprintln!("注意：以下字符没有字体可以显示，已印为 □：{chars}");
        }
        if options.draft_watermark {
            eprintln!(
                "报告还不能作为正式版（{}），每页已加“草稿”水印",
                release.reasons.join("；")
            );
        }
        out
    } else {
        bail!("请指定 --text、--json、--pdf、--docx、--html、--html-page 或 --return-notes");
    };
    out!("已导出：{}", out.display());
    if errors > 0 {
        eprintln!("注意：报告仍有 {errors} 个错误（用 nianbao check 查看）");
    }
    Ok(())
}
