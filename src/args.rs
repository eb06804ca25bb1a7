//! The command line: subcommands and their arguments (clap), with their Chinese help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "nianbao",
    version,
    about = "政府信息公开工作年度报告编辑器与检查工具（2021年版格式）",
    args_conflicts_with_subcommands = true
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
    /// 在编辑器中打开的文件（草稿 .ron，或已发布的报告 .pdf、.docx、.html、.txt）
    pub(crate) file: Option<PathBuf>,
    /// 以安全图形模式启动编辑器（软件渲染、X11），用于显卡驱动无法打开窗口的电脑
    #[arg(long)]
    pub(crate) safe_graphics: bool,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// 新建空白草稿
    New(NewArgs),
    /// 检查草稿或已发布的报告（PDF、Word、网页、文本），列出问题
    Check(CheckArgs),
    /// 把已发布的报告（PDF、Word、网页、文本）导入为草稿
    Import(ImportArgs),
    /// 导出为 PDF、Word、网页、文本或 JSON
    Export(ExportArgs),
    /// 汇总下级单位的报告，生成上级（本级或本行政区域）报告的草稿
    Sum(SumArgs),
    /// 审核或签发草稿：记下签署人、时间和报告内容的摘要；此后再改动会显示“签发后已修改”
    Sign(SignArgs),
    /// 比较两个版本（草稿或已发布的报告）：改动的基本信息、单元格、正文句子和问题
    Diff(DiffArgs),
    /// 审核台：一个文件夹中各单位的报告，每份一行（状态、问题数、重复率、逾期）；退回、签署、汇总、导出总览
    Desk(DeskArgs),
    /// 检查规则：每条规则查什么、依据和例子（nianbao rules H5 只看一条）
    Rules(RulesArgs),
}

#[derive(Args)]
pub(crate) struct RulesArgs {
    /// 只看这一条规则（如 O1、H5、SUM）
    pub(crate) id: Option<String>,
    /// 输出 README 中的规则表（Markdown）
    #[arg(long)]
    pub(crate) markdown: bool,
}

#[derive(Args)]
pub(crate) struct DeskArgs {
    /// 各单位报告所在的文件夹（草稿、PDF、Word、网页、文本；可含子文件夹）
    pub(crate) folder: PathBuf,
    /// 导出总览网页（可打印为 A4，无脚本）
    #[arg(long, value_name = "OUT.html")]
    pub(crate) html: Option<PathBuf>,
    /// 导出总览 CSV（每份报告一行）
    #[arg(long, value_name = "OUT.csv")]
    pub(crate) csv: Option<PathBuf>,
    /// 退回这份报告（文件夹中的文件名）：退回意见写在报告旁边，并记入审核台记录
    #[arg(long = "return", value_name = "FILE")]
    pub(crate) return_file: Option<String>,
    /// 退回意见写成文本（.txt）而不是 PDF
    #[arg(long, requires = "return_file")]
    pub(crate) as_text: bool,
    /// 审核或签署这份报告（文件夹中的文件名），与 --stage、--name 一起使用
    #[arg(long, value_name = "FILE", requires_all = ["stage", "name"])]
    pub(crate) sign: Option<String>,
    /// 审核 或 签发
    #[arg(long)]
    pub(crate) stage: Option<String>,
    /// 签署人或退回人
    #[arg(long)]
    pub(crate) name: Option<String>,
    /// 把已审核、已签发的报告汇总为上级报告的草稿（.ron）
    #[arg(long, value_name = "OUT.ron")]
    pub(crate) sum: Option<PathBuf>,
    /// 汇总：上级机关全称
    #[arg(long, default_value = "")]
    pub(crate) organ: String,
    /// 汇总范围：本级 或 本行政区域
    #[arg(long, default_value = "本级")]
    pub(crate) scope: String,
    /// 汇总哪一年度的报告（默认：已审核报告中最多的年度）
    #[arg(long, value_name = "YEAR")]
    pub(crate) year: Option<u16>,
    /// 本地规定的发布期限（次年的 月-日，如 01-28）
    #[arg(long, value_name = "MM-DD")]
    pub(crate) deadline: Option<String>,
    /// 本地要求（规则配置文件 .ron）
    #[arg(long, value_name = "PROFILE.ron")]
    pub(crate) profile: Option<PathBuf>,
}

#[derive(Args)]
pub(crate) struct SignArgs {
    /// 草稿（.ron）
    pub(crate) draft: PathBuf,
    /// 审核 或 签发
    #[arg(long)]
    pub(crate) stage: String,
    /// 签署人
    #[arg(long)]
    pub(crate) name: String,
    /// 上年的报告（草稿或文本）：与编辑器一样，跨年检查的错误（如 H1）也阻止签署
    #[arg(long, value_name = "LAST")]
    pub(crate) previous: Option<PathBuf>,
    /// 本地规定的发布期限（次年的 月-日，如 01-28）
    #[arg(long, value_name = "MM-DD")]
    pub(crate) deadline: Option<String>,
    /// 本地要求（规则配置文件 .ron）：与编辑器一样，本地要求定为“错误”的问题也阻止签署
    #[arg(long, value_name = "PROFILE.ron")]
    pub(crate) profile: Option<PathBuf>,
}

#[derive(Args)]
pub(crate) struct DiffArgs {
    /// 旧版本；只给一个草稿时，与它最近一次审核或签发时的内容比较
    pub(crate) old: PathBuf,
    /// 新版本
    pub(crate) new: Option<PathBuf>,
    /// 输出一行 JSON
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Args)]
pub(crate) struct SumArgs {
    /// 下级单位的报告（草稿或已发布的报告）或其所在文件夹
    #[arg(required = true)]
    pub(crate) units: Vec<PathBuf>,
    /// 上级报告草稿的路径（.ron）
    #[arg(short = 'o', long = "output")]
    pub(crate) output: PathBuf,
    /// 上级机关全称，如“某某县人民政府办公室”
    #[arg(long, default_value = "")]
    pub(crate) organ: String,
    /// 汇总范围：本级 或 本行政区域
    #[arg(long, default_value = "本级")]
    pub(crate) scope: String,
    /// 发现不安全的因素（年度、格式不一、单位报告有错误、重复、缺报）时拒绝汇总；默认作为警告写入上级报告
    #[arg(long)]
    pub(crate) strict: bool,
    /// 上年汇总过的单位名单（文本文件，每行一个机关名称）：缺报的单位会列出
    #[arg(long, value_name = "LIST.txt")]
    pub(crate) previous_list: Option<PathBuf>,
    /// 另存每个单位一行（含全部单元格）和合计行的 CSV，供 Excel 核对
    #[arg(long, value_name = "OUT.csv")]
    pub(crate) csv: Option<PathBuf>,
    /// 覆盖已存在的文件
    #[arg(long)]
    pub(crate) force: bool,
}

#[derive(Args)]
pub(crate) struct NewArgs {
    /// 机关全称，如“某某县人民政府办公室”
    #[arg(long, required_unless_present = "from")]
    pub(crate) organ: Option<String>,
    /// 统计年度，如 2025
    #[arg(long, required_unless_present = "from")]
    pub(crate) year: Option<u16>,
    /// 从上年的报告（草稿或文本）新建：沿用机关信息和正文，年度加一，上年结转取自上年的结转下年度
    #[arg(long, value_name = "LAST")]
    pub(crate) from: Option<PathBuf>,
    /// 机关类型：人民政府、部门、乡镇街道、其他（默认按名称推断）
    #[arg(long)]
    pub(crate) kind: Option<String>,
    /// 草稿文件路径（.ron）
    #[arg(short = 'o', long = "output")]
    pub(crate) output: PathBuf,
    /// 覆盖已存在的文件
    #[arg(long)]
    pub(crate) force: bool,
}

#[derive(Args)]
pub(crate) struct CheckArgs {
    /// 每个文件输出一行 JSON
    #[arg(long)]
    pub(crate) json: bool,
    /// 上年的报告（草稿或文本）：另做跨年检查 H1、H2、H12，并计算与上年的重复率（H21）
    #[arg(long, value_name = "LAST", conflicts_with = "summary")]
    pub(crate) previous: Option<PathBuf>,
    /// 批量检查：把每个文件一行的汇总写入 CSV（同一机关的上年报告在其中时自动对照）
    #[arg(long, value_name = "OUT.csv")]
    pub(crate) summary: Option<PathBuf>,
    /// 本地规定的发布期限（次年的 月-日，如 01-28）；不写则按条例第四十九条：部门 01-31，人民政府 03-31
    #[arg(long, value_name = "MM-DD")]
    pub(crate) deadline: Option<String>,
    /// 本地要求（规则配置文件 .ron，格式见 README）：另按其字数、应写明的数量、备案与发布期限、重复率阈值检查
    #[arg(long, value_name = "PROFILE.ron")]
    pub(crate) profile: Option<PathBuf>,
    /// 要检查的文件或文件夹（文件夹中的 .ron 和 .txt 都会检查）
    #[arg(required = true)]
    pub(crate) files: Vec<PathBuf>,
}

#[derive(Args)]
pub(crate) struct ImportArgs {
    /// 已发布的报告文本（.txt）
    pub(crate) input: PathBuf,
    /// 草稿文件路径（.ron）
    #[arg(short = 'o', long = "output")]
    pub(crate) output: PathBuf,
    /// 覆盖已存在的文件
    #[arg(long)]
    pub(crate) force: bool,
}

#[derive(Args)]
#[group(required = true, multiple = false, id = "target")]
pub(crate) struct ExportTarget {
    /// 导出为文本文件
    #[arg(long, value_name = "OUT.txt")]
    pub(crate) text: Option<PathBuf>,
    /// 导出为 JSON 文件
    #[arg(long, value_name = "OUT.json")]
    pub(crate) json: Option<PathBuf>,
    /// 导出为 PDF（按 GB/T 9704-2012 排版）
    #[arg(long, value_name = "OUT.pdf")]
    pub(crate) pdf: Option<PathBuf>,
    /// 导出为可编辑的 Word 文件（.docx，版式同 PDF）
    #[arg(long, value_name = "OUT.docx")]
    pub(crate) docx: Option<PathBuf>,
    /// 导出为网页片段（粘贴到网站内容管理系统的编辑器）
    #[arg(long, value_name = "OUT.html")]
    pub(crate) html: Option<PathBuf>,
    /// 导出为独立网页
    #[arg(long, value_name = "OUT.html")]
    pub(crate) html_page: Option<PathBuf>,
    /// 导出退回意见（尚未解决的问题、审核批注、已过期的说明）：.pdf，或 .txt 为文本
    #[arg(long, value_name = "OUT.pdf")]
    pub(crate) return_notes: Option<PathBuf>,
}

#[derive(Args)]
pub(crate) struct ExportArgs {
    #[command(flatten)]
    pub(crate) target: ExportTarget,
    /// PDF：正式版，报告仍有错误时拒绝导出（默认导出并在每页加“草稿”水印）
    #[arg(long = "final")]
    pub(crate) final_version: bool,
    /// PDF、Word：写入文件信息的日期，如 2026-01-20（默认今天）
    #[arg(long, value_name = "DATE")]
    pub(crate) date: Option<String>,
    /// PDF：只用内置字体，不使用本机安装的公文字体
    #[arg(long)]
    pub(crate) bundled_fonts: bool,
    /// 退回意见：审核人
    #[arg(long, default_value = "")]
    pub(crate) reviewer: String,
    /// 退回意见：不列入这条规则的问题（可重复，如 --leave-out H12）
    #[arg(long = "leave-out", value_name = "RULE")]
    pub(crate) leave_out: Vec<String>,
    /// 退回意见：不附“审核方未能可靠读取”的部分（默认附在最后，供审核人核对原件）
    #[arg(long)]
    pub(crate) without_unread: bool,
    /// 草稿（.ron）或已发布的报告（.txt、.docx、.html）
    pub(crate) file: PathBuf,
}
