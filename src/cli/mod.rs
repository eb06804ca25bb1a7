//! The subcommands, one file per kind of work: `report` (new, import, export), `check`,
//! `review` (sign, diff, sum), `desk`. Each asks the core for the action and prints the result.

use std::path::Path;

use anyhow::{Result, bail};

use nianbao::document::{self, Opened};

mod check;
mod desk;
mod report;
mod review;

pub(crate) use check::cmd_check;
pub(crate) use desk::cmd_desk;
pub(crate) use report::{cmd_export, cmd_import, cmd_new};
pub(crate) use review::{cmd_diff, cmd_sign, cmd_sum};

/// `nianbao rules [ID] [--markdown]`: the rules' texts (the table the editor's help and the
/// README's list are made from).
pub(crate) fn cmd_rules(a: crate::args::RulesArgs) -> anyhow::Result<()> {
    use nianbao::rule_texts::{RULE_TEXTS, describe, markdown_table};
    if a.markdown {
        out!("{}", markdown_table().trim_end());
        return Ok(());
    }
    match a.id {
        Some(id) => {
            let wanted = id.trim().to_uppercase();
            let t = RULE_TEXTS
                .iter()
                .find(|t| t.id == wanted)
                .ok_or_else(|| anyhow::anyhow!("没有规则“{id}”：nianbao rules 列出全部规则"))?;
            out!("{}", describe(t).trim_end());
        }
        None => {
            for t in &RULE_TEXTS {
                out!("{}", describe(t));
            }
        }
    }
    Ok(())
}

/// An error and its causes, joined with a full-width colon (anyhow's `{:#}` joins with ": ").
pub(crate) fn error_message(e: &anyhow::Error) -> String {
    e.chain()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("：")
}

pub(crate) fn load(path: &Path) -> Result<Opened> {
    document::open_path(path).map_err(|e| anyhow::anyhow!(e.describe(path)))
}

/// The local deadline (`--deadline MM-DD`) and rule profile (`--profile FILE`) given.
pub(crate) fn local_rules(
    deadline: Option<&str>,
    profile: Option<&Path>,
) -> Result<(
    Option<nianbao::analysis::Deadline>,
    Option<nianbao::profile::Profile>,
)> {
    let deadline = deadline
        .map(|s| {
            nianbao::analysis::Deadline::parse(s)
                .ok_or_else(|| anyhow::anyhow!("发布期限“{s}”无法识别，应如 01-28"))
        })
        .transpose()?;
    let profile = profile.map(nianbao::profile::Profile::load).transpose()?;
    Ok((deadline, profile))
}

pub(crate) fn refuse_overwrite(path: &Path, force: bool) -> Result<()> {
    if path.exists() && !force {
        bail!(
            "“{}”已存在；为免覆盖已有内容，未写入（确需覆盖请加 --force）",
            path.display()
        );
    }
    Ok(())
}
