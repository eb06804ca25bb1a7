//! `nianbao new`, `import` and `export`: drafts made, published reports read, exports written.

use anyhow::{Context, Result, bail};

use nianbao::analysis::{self, analyze};
use nianbao::document::{self};
use nianbao::draft::{self, Draft};
use nianbao::model::{Date, OrganKind, Report};
use nianbao::{export, fsio, import};

use super::{load, refuse_overwrite};
use crate::args::{ExportArgs, ImportArgs, NewArgs};
use nianbao::export::pdf::{FontSet, PdfOptions, export_pdf};
use nianbao::finding::Severity;

pub(crate) fn cmd_new(a: NewArgs) -> Result<()> {
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

pub(crate) fn cmd_import(a: ImportArgs) -> Result<()> {
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

pub(crate) fn cmd_export(a: ExportArgs) -> Result<()> {
    let loaded = load(&a.file)?;
    let report = &loaded.draft.report;
    let analysed = analyze(
        &loaded.draft,
        &analysis::Context {
            import_findings: &loaded.import_findings,
            ..analysis::Context::default()
        },
    );
    let errors = analysed.tally.errors;
    let date = match &a.date {
        Some(s) => Date::parse(s).with_context(|| format!("日期“{s}”无法识别，应如 2026-01-20"))?,
        None => Date::today(),
    };
    let t = &a.target;
    let document = [
        (&t.text, export::Kind::Text),
        (&t.json, export::Kind::Json),
        (&t.docx, export::Kind::Word),
        (&t.html, export::Kind::WebFragment),
        (&t.html_page, export::Kind::WebPage),
    ]
    .into_iter()
    .find_map(|(out, kind)| out.as_ref().map(|o| (o, kind)));
    let out = if let Some((out, kind)) = document {
        let bytes = export::to_bytes(report, kind, date);
        fsio::write_atomic(out, &bytes)?;
        // Read back as a reader (or a website) would: nothing of the report may be lost.
        let lost = nianbao::release::read_back(report, kind, &bytes);
        if !lost.is_empty() {
            anyhow::bail!(
                "已写入“{}”，但重新读入后与报告不一致（发布后读者看到的将不同），请报告此问题：\n  {}",
                out.display(),
                lost.join("\n  ")
            );
        }
        out
    } else if let Some(out) = &t.return_notes {
        export_return_notes(&a, &loaded.draft, &analysed, date, out)?;
        out
    } else if let Some(out) = &t.pdf {
        export_report_pdf(&a, &loaded.draft, &analysed, date, out)?;
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

/// `--return-notes`: the 退回意见 as a PDF, or as text for a `.txt` path.
fn export_return_notes(
    a: &ExportArgs,
    draft: &Draft,
    analysed: &analysis::Analysis,
    date: Date,
    out: &std::path::Path,
) -> Result<()> {
    use nianbao::export::return_notes::{LetterChoice, return_notes_with, to_text};
    let mut choice = LetterChoice {
        include_unread: !a.without_unread,
        ..LetterChoice::default()
    };
    for id in &a.leave_out {
        let rule = nianbao::finding::Rule::from_id(id.trim())
            .with_context(|| format!("--leave-out：未知的规则编号“{id}”（如 H12、S7）"))?;
        choice.leave_out_rule(analysed, rule);
    }
    let letter = return_notes_with(draft, analysed, &a.reviewer, date, &choice);
    let is_text = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    if is_text {
        fsio::write_atomic(out, to_text(&letter).as_bytes())?;
    } else {
        let pdf = nianbao::export::pdf::export_pdf_letter(&letter, &pdf_options(a, date))?;
        fsio::write_atomic(out, &pdf.bytes)?;
        out!("共 {} 页；字体：{}", pdf.pages, pdf.fonts_used.join("，"));
    }
    Ok(())
}

/// `--pdf`: the report's PDF, with the 草稿 watermark unless it may be final (`--final`
/// refuses otherwise).
fn export_report_pdf(
    a: &ExportArgs,
    draft: &Draft,
    analysed: &analysis::Analysis,
    date: Date,
    out: &std::path::Path,
) -> Result<()> {
    let release = nianbao::release::release(draft, analysed);
    if a.final_version && !release.final_allowed() {
        for f in analysed
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            eprintln!("{}", f.to_line());
        }
        bail!(
            "不能导出正式版 PDF：{}（去掉 --final 可导出带“草稿”水印的版本）",
            release.reasons.join("；")
        );
    }
    let mut options = pdf_options(a, date);
    options.draft_watermark = release.watermark();
    let pdf = export_pdf(&draft.report, &options)?;
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
    Ok(())
}

/// The PDF options of an export dated `date`: this machine's official fonts unless
/// `--bundled-fonts`.
fn pdf_options(a: &ExportArgs, date: Date) -> PdfOptions {
    let mut options = PdfOptions::new(date);
    if !a.bundled_fonts {
        options.fonts = FontSet::with_installed_official();
    }
    options
}
