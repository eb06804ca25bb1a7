//! `nianbao desk FOLDER`: the review desk without a window: the rows, 退回, 审核/签发, 汇总
//! and the overview (HTML and CSV).

use anyhow::{Context, Result};

use nianbao::batch::BatchRules;
use nianbao::desk::{Desk, overview_csv, overview_html};
use nianbao::model::{Date, Stamp};
use nianbao::{draft, fsio};

use crate::args::DeskArgs;

pub(crate) fn cmd_desk(a: DeskArgs) -> Result<()> {
    let (deadline, profile) = super::local_rules(a.deadline.as_deref(), a.profile.as_deref())?;
    let rules = BatchRules {
        deadline,
        profile: profile.as_ref(),
    };
    let mut desk = Desk::open(&a.folder, rules)?;
    let who = a.name.as_deref().unwrap_or_default();
    if let Some(file) = &a.return_file {
        let i = desk.find(file)?;
        if who.trim().is_empty() {
            anyhow::bail!("请用 --name 写明退回人");
        }
        let letter = desk.return_report(i, who, Stamp::now_beijing(), a.as_text)?;
        out!(
            "已退回：{}（退回意见：{}）",
            desk.rows[i].file,
            letter.display()
        );
    }
    if let Some(file) = &a.sign {
        let i = desk.find(file)?;
        let stage_text = a.stage.as_deref().unwrap_or_default();
        let stage = nianbao::review::Stage::parse(stage_text)
            .with_context(|| format!("未知的签署环节“{stage_text}”：应为 审核 或 签发"))?;
        desk.sign(i, stage, who, Stamp::now_beijing())
            .map_err(|e| anyhow::anyhow!("{e}（用 nianbao check 查看）"))?;
        out!("{}：{}", desk.rows[i].state.label(), desk.rows[i].file);
    }
    if let Some(out) = &a.sum {
        let scope = nianbao::sum::Scope::parse(&a.scope)
            .with_context(|| format!("未知的汇总范围“{}”：应为 本级 或 本行政区域", a.scope))?;
        let plan = desk.sum_plan(a.year);
        let options = nianbao::sum::SumOptions {
            scope,
            organ: a.organ.clone(),
            previous_list: None,
            strict: false,
        };
        let parent = desk.sum(&plan.rows, &options)?;
        draft::save_draft(out, &parent)?;
        out!(
            "已{}（{}）：{}",
            plan.headline(),
            scope.label(),
            out.display()
        );
        for line in plan.left_out_lines(&desk) {
            out!("{line}");
        }
        for w in parent.sum.iter().flat_map(|r| &r.warnings) {
            eprintln!("注意：{w}");
        }
    }
    if let Some(out) = &a.html {
        fsio::write_atomic(out, overview_html(&desk, Date::today()).as_bytes())?;
        out!("总览已写入：{}", out.display());
    }
    if let Some(out) = &a.csv {
        fsio::write_atomic(out, overview_csv(&desk.rows).as_bytes())?;
        out!("总览 CSV 已写入：{}", out.display());
    }
    out!("{}", desk.to_text().trim_end());
    Ok(())
}
