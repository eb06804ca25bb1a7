//! `nianbao sign`, `diff` and `sum`: the reviewer's actions.

use anyhow::{Context, Result, bail};

use nianbao::analysis::{self, analyze};
use nianbao::draft::{self};
use nianbao::model::Stamp;
use nianbao::{fsio, import};

use super::{load, refuse_overwrite};
use crate::args::{DiffArgs, SignArgs, SumArgs};

pub(crate) fn cmd_sum(a: SumArgs) -> Result<()> {
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

pub(crate) fn cmd_sign(a: SignArgs) -> Result<()> {
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
    let (deadline, profile) = super::local_rules(a.deadline.as_deref(), a.profile.as_deref())?;
    let analysis = analyze(
        &d,
        &analysis::Context {
            previous: previous.as_ref().map(|o| &o.draft.report),
            deadline,
            profile: profile.as_ref(),
            ..analysis::Context::default()
        },
    );
    let at = Stamp::now_beijing();
    let sign_off = nianbao::release::sign_off(&d, &analysis, stage, &a.name, at)
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

pub(crate) fn cmd_diff(a: DiffArgs) -> Result<()> {
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
