//! Every UI string of the editor, in one place (简体中文). Template labels are not here:
//! they come from [`crate::template`].

pub const APP_NAME: &str = "年报编辑器";
pub const UNTITLED: &str = "未命名";
/// A summary (汇总) never saved, as the title and the unsaved-changes question name it.
pub const UNSAVED_SUM: &str = "汇总报告（未保存）";
pub const UNSAVED_MARK: &str = "●";

// Menus
pub const MENU_FILE: &str = "文件(F)";
pub const MENU_EDIT: &str = "编辑(E)";
pub const MENU_VIEW: &str = "视图(V)";
pub const NEW: &str = "新建";
pub const OPEN: &str = "打开…";
pub const NEW_FROM_PREVIOUS: &str = "从上年报告新建…";
pub const NEW_FROM_DONE: &str =
    "已从上年报告新建：年度加一，上年结转已填入，沿用的正文在修改前会提示";
pub const COMPARE_PREVIOUS: &str = "对照上年报告…";
pub const CLEAR_PREVIOUS: &str = "取消对照上年报告";
pub const COMPARING: &str = "正在对照上年报告";
pub const SAVE: &str = "保存";
pub const SAVE_AS: &str = "另存为…";
pub const RECENT: &str = "最近打开";
pub const RECENT_NONE: &str = "（无）";
pub const EXPORT_TEXT: &str = "导出文本…";
pub const EXPORT_PDF: &str = "导出PDF…";
pub const EXPORT_WORD: &str = "导出 Word…";
pub const SUM_UNITS: &str = "汇总下级单位报告…";
pub const SUM_DONE: &str = "已汇总 {} 个单位的报告（新的上级报告尚未保存）";
pub const SUM_WARNINGS: &str = "；{} 处可能使汇总不准，见问题列表";
pub const SUM_UNREADABLE: &str = "以下文件无法读取，未汇总：";
pub const SUM_CONTRIBUTIONS: &str = "各单位：";
pub const EXPORT_WEB_PAGE: &str = "导出网页…";
pub const EXPORT_RETURN_NOTES: &str = "导出退回意见…";
pub const PDF_NOT_FINAL_TITLE: &str = "报告还不能作为正式版导出";
pub const PDF_NOT_FINAL_BODY: &str = "仍然导出的 PDF 每页都会加上浅色的“草稿”水印。";
pub const EXPORT_ANYWAY: &str = "仍然导出（加“草稿”水印）";
pub const PDF_EXPORTED: &str = "已导出PDF（{} 页）";
pub const FILTER_PDF: &str = "PDF 文件";
pub const QUIT: &str = "退出";
pub const UNDO: &str = "撤销";
pub const REDO: &str = "重做";
pub const MANUAL_TOTALS: &str = "手动填写合计";
pub const MANUAL_TOTAL_CELL: &str = "手动填写的合计（状态栏可改为自动计算）";
pub const MANUAL_TOTALS_ON: &str = "合计为手动填写";
pub const COMPUTE_TOTALS: &str = "改为自动计算合计";
pub const COMPUTE_TOTALS_HELP: &str = "合计（总计列、（七）总计行、表四总计）改由各项自动相加；原来手填的合计会被计算结果替换（可撤销）。";
pub const MANUAL_TOTALS_HELP: &str = "打开后，总计列、（七）总计行和表四的总计可以手动填写（用于录入已发布的报告），检查会比较手填的合计与各项之和；关闭时合计自动计算。";
pub const ZOOM_IN: &str = "放大";
pub const ZOOM_OUT: &str = "缩小";
pub const ZOOM_RESET: &str = "恢复默认大小";
pub const SHOW_FINDINGS: &str = "显示问题列表";

// Outline and form
pub const OUTLINE: &str = "目录";
pub const META_SECTION: &str = "基本信息";
pub const ORGAN: &str = "机关全称";
pub const ORGAN_HINT: &str = "如：某某县人民政府办公室";
pub const ORGAN_KIND: &str = "机关类型";
pub const YEAR: &str = "统计年度";
pub const PUBLISHED: &str = "发布日期";
/// `{}`: the year after the report's.
pub const PUBLISHED_HINT: &str = "如：{}年1月20日";
pub const SIGNATURE: &str = "落款机关";
pub const TITLE_PREVIEW: &str = "标题";
pub const FORMAT_2019: &str = "此报告按2019年试行格式发布，表格已按2021年格式对照录入。";
pub const FORMAT_ONE_OTHER_ROW: &str =
    "此报告表三的（六）其他处理印为一行，未按2021年版格式分为三项；这一行的数字已计入（七）总计。";
pub const LEGACY_OTHER_HANDLING: &str =
    "（六）其他处理（2019年版格式为一行，未分为三项；已计入（七）总计）：";
pub const ONE_OTHER_ROW: &str = "（六）其他处理（原报告印为一行，未分为三项；已计入（七）总计）：";
pub const SECTION_ABSENT: &str = "原报告缺少此部分";
pub const TEXT_HINT: &str = "在此填写…";
pub const COMPUTED_HELP: &str = "自动计算的合计（在“编辑”菜单打开“手动填写合计”可手动填写）";

// Cells
pub const REFUSED: &str = "未接受";
pub const PASTED: &str = "已粘贴";
pub const PASTE_SKIPPED_TOTALS: &str = "合计格自动计算，已跳过";
pub const PASTE_OUTSIDE: &str = "超出表格，已忽略";

// Findings and status bar
pub const FINDINGS: &str = "问题";
pub const NO_FINDINGS: &str = "没有发现问题。";
pub const ERRORS: &str = "错误";
pub const WARNINGS: &str = "警告";
pub const INFOS: &str = "提示";
pub const IMPORT_SOURCE: &str = "导入";

// Modals
pub const UNSAVED_TITLE: &str = "有未保存的修改";
pub const UNSAVED_BODY: &str = "是否保存对“{}”的修改？不保存，修改将丢失。";
pub const DONT_SAVE: &str = "不保存";
pub const CANCEL: &str = "取消";
pub const OK: &str = "确定";
pub const PATH_TITLE_OPEN: &str = "打开文件";
pub const PATH_TITLE_SAVE: &str = "保存为";
pub const PATH_TITLE_EXPORT: &str = "导出到";
pub const PATH_BODY: &str = "无法显示系统的文件对话框，请输入文件的完整路径：";
pub const PATH_LABEL: &str = "文件路径";
pub const LETTER_TITLE: &str = "退回意见包括哪些问题";
pub const LETTER_BODY: &str = "勾选要告知报送单位的问题（已有说明的问题不列入）：";
pub const LETTER_NONE: &str = "没有尚未解决的问题；退回意见只列审核批注和已过期的说明。";
pub const LETTER_UNREAD: &str =
    "附上“审核方未能可靠读取”的部分（列在最后，供审核人核对原件，不算作单位的问题）";
pub const LETTER_EXPORT: &str = "导出…";
pub const EXPLANATION_COVERS: &str = "，同一说明适用于此处 {} 条同类问题";
pub const RECOVERY_TITLE: &str = "发现未保存的草稿";
pub const RECOVERY_BODY: &str = "有一个窗口没有正常退出，自动保存了一份草稿（{}）。是否恢复？";
pub const RECOVERY_WHO: &str = "编辑者：{}";
pub const RECOVERY_MORE: &str = "另有 {} 份未保存的草稿，处理完这一份后依次询问。";
pub const LATER: &str = "稍后";
pub const NO_RECOVERIES: &str = "没有需要恢复的草稿。";
pub const MENU_RECOVERIES: &str = "恢复未保存的草稿…";
pub const HELD_TITLE: &str = "此草稿正在别处打开";
pub const HELD_BODY: &str = "“{}”正由 {} 打开编辑。两处都改了时，后保存的一方会看到对方的修改，可以合并（都改了同一处时需选择保留哪一份）。请选择：";
pub const HELD_GONE: &str = "锁定它的程序已不在运行（或锁定已超过12小时），可以接管。";
pub const OPEN_READ_ONLY: &str = "只读打开";
pub const OPEN_COPY: &str = "打开副本";
pub const COPY_SUFFIX: &str = "（副本）";
pub const TAKE_OVER: &str = "接管并编辑";
pub const READ_ONLY_MARK: &str = "只读";
pub const OPENED_READ_ONLY: &str = "已只读打开：{}正在编辑此草稿；要保存修改请另存为其他文件";
pub const OPENED_COPY: &str = "已打开副本：保存时请选择新的文件名";
pub const READ_ONLY_SAVE: &str = "此草稿以只读方式打开，请另存为其他文件";
pub const LOCK_UNAVAILABLE: &str =
    "无法在草稿所在文件夹创建锁定文件（{}）：别人同时打开此草稿时不会得到提示";
pub const TARGET_HELD: &str = "“{}”正由 {} 打开编辑，不能覆盖。请另存为其他文件名。";
pub const CHANGED_TITLE: &str = "文件已在别处修改";
pub const CHANGED_BODY: &str =
    "打开“{}”之后，另一个窗口（或另一位用户）保存过它。对方的版本改动了：";
pub const CHANGED_SAME_CONTENT: &str = "（报告内容相同，只是文件被重新保存）";
pub const CHANGED_UNREADABLE: &str = "（磁盘上的文件已无法作为草稿读取：{}）";
pub const CHANGED_CHOOSE: &str = "重新载入：放弃本窗口的修改，打开对方的版本；另存为：本窗口的版本存为另一个文件；覆盖：用本窗口的版本替换对方的版本。";
pub const RELOAD: &str = "重新载入";
pub const MERGE: &str = "合并";
pub const CHANGED_CAN_MERGE: &str = "双方改的不是同一处：合并会保留双方的修改（推荐）。";
pub const CHANGED_CONFLICTS: &str = "双方改了同一处，不能自动合并：{}。";
pub const SAVE_AS_OTHER: &str = "另存为…";
pub const OVERWRITE: &str = "覆盖";
pub const REVIEW_RECORD_CHANGED: &str = "审核记录（说明、批注、签发）：{}";
pub const RESTORE: &str = "恢复";
pub const DISCARD: &str = "丢弃";
pub const ERROR_TITLE: &str = "出错了";
pub const SAVED: &str = "已保存";
pub const EXPORTED: &str = "已导出";
pub const OPENED_IMPORT: &str = "已导入已发布的报告，保存时将另存为草稿（.ron）";
/// The window shown while a PDF is read in the background (a scan takes seconds a page).
pub const OPENING_TITLE: &str = "正在读取";
pub const OPENING_PDF: &str = "正在读取 PDF…";
/// `{}`: the page being read, `{}`: the pages in all.
pub const OPENING_SCAN_PAGE: &str = "扫描件，正在文字识别：第 {} 页，共 {} 页";
pub const OPENING_CANCEL: &str = "取消";
pub const OPENING_CANCELLED: &str = "已取消读取";
pub const EXPORT_HAS_ERRORS: &str = "注意：报告仍有 {} 个错误";

// File dialog filters
pub const FILTER_ALL_REPORTS: &str = "年报草稿或已发布的报告（PDF、Word、网页、文本）";
pub const FILTER_DRAFT: &str = "年报草稿";
pub const FILTER_TEXT: &str = "文本";
pub const FILTER_WORD: &str = "Word 文档";
pub const FILTER_WEB_PAGE: &str = "网页";

/// Fills the single `{}` of a template string.
pub fn fill(template: &str, value: impl std::fmt::Display) -> String {
    template.replacen("{}", &value.to_string(), 1)
}

/// Tooltip prefix: how the import read a cell.
pub const READ_AS: &str = "导入：";

/// Reason shown for text in a number cell that parses as no kind of value.
pub const NOT_A_NUMBER: &str = "不是有效的数值";

/// Status after Ctrl+C of a block of cells.
pub const COPIED: &str = "已复制";
/// Status after Ctrl+X of a block of cells.
pub const CUT: &str = "已剪切";

/// Beside the findings panel's title: the panel's top edge can be dragged.
pub const RESIZE_HINT: &str = "拖动上边缘可调整高度";

pub const MENU_SETTINGS: &str = "设置(S)";
pub const DEADLINE_MENU: &str = "发布期限…";
pub const DEADLINE_TITLE: &str = "年度报告发布期限";
pub const DEADLINE_BODY: &str = "晚于发布期限发布的报告提示“逾期发布”（H11）。条例第四十九条规定：县级以上人民政府部门于每年1月31日前、县级以上地方人民政府于每年3月31日前公布上一年度报告；本地区规定更早期限的，可在此设置。";
pub const DEADLINE_NATIONAL: &str = "按条例第四十九条（部门1月31日，人民政府及其他机关3月31日）";
pub const DEADLINE_LOCAL: &str = "本地区规定的期限";
pub const DEADLINE_LOCAL_FIELD: &str = "次年（月-日）：";
pub const DEADLINE_INVALID: &str = "请按“月-日”填写，如 01-28";
pub const DEADLINE_SET_LOCAL: &str = "发布期限已设为次年{}";
pub const DEADLINE_SET_NATIONAL: &str = "发布期限按条例第四十九条";
pub const DEADLINE_NOT_SAVED: &str = "发布期限未能保存，下次启动时将不再生效：";
pub const EXPORT_READ_BACK_DIFFERS: &str =
    "已导出，但重新读入后与报告不一致（发布后读者看到的将不同），请报告此问题：";
pub const PROFILE_MENU: &str = "本地要求…";
pub const DESK_MENU: &str = "打开审核台…";
pub const DESK_BACK: &str = "返回审核台";
pub const DESK_CLOSE_MENU: &str = "关闭审核台";
pub const DESK_CLOSED: &str = "审核台已关闭。";
pub const DESK_TITLE: &str = "审核台：";
pub const DESK_STATUS: &str = "双击一行或按 Enter 打开报告；退回、审核通过、签发作用于选中的各行（Ctrl+单击、Shift+单击多选）";
pub const DESK_SEARCH: &str = "查找单位：";
pub const DESK_ALL: &str = "全部";
pub const DESK_OPEN: &str = "打开";
pub const DESK_RETURN: &str = "退回…";
pub const DESK_REVIEW: &str = "审核通过";
pub const DESK_SIGN: &str = "签发";
pub const DESK_SUM: &str = "汇总已审核的报告";
pub const DESK_OVERVIEW: &str = "导出总览…";
pub const DESK_REFRESH: &str = "重新读取";
pub const DESK_READING: &str = "正在读取";
pub const DESK_COMPARING: &str = "正在与上年报告比对";
pub const DESK_RETURN_TITLE: &str = "退回报告";
pub const DESK_RETURN_SEVERAL: &str = "以下 {} 份报告各写一份退回意见：";
pub const DESK_RETURN_BODY: &str = "退回意见将写在报告旁边，退回的问题和报告的退回版本记入审核台记录；单位重新提交后，审核台会标出改动和已解决的问题。";
pub const DESK_RETURN_FORMAT: &str = "退回意见格式：";
pub const DESK_RETURN_PDF: &str = "PDF";
pub const DESK_RETURN_TEXT: &str = "文本";
pub const DESK_RETURN_NAME: &str = "退回人：";
pub const DESK_RETURN_OK: &str = "退回";
pub const DESK_RETURN_NEEDS_NAME: &str = "请写明退回人";
/// `{by}`, `{at}`, `{done}`, `{all}` filled in by the findings panel.
pub const RETURNED_HEADING: &str = "退回时的问题";
pub const RETURNED_RESOLVED: &str = "✓ 已解决";
pub const RETURNED_OPEN: &str = "× 仍存在";
pub const RETURNED_VERSION: &str = "退回时的版本";
pub const DESK_COLUMNS: [&str; 8] = [
    "单位",
    "年度",
    "状态",
    "错误 · 警告 · 提示",
    "与上年重复",
    "逾期",
    "最后修改",
    "文件",
];
pub const DESK_NO_ORGAN: &str = "（未写机关）";
pub const DESK_ALL_YEARS: &str = "全部年度";
pub const ZEROS_MENU: &str = "空白格填0";
/// The findings that a part is still last year's text, folded into one item.
pub const COPIED_TITLE: &str = "与上年相同，尚未修改";
pub const COPIED_WHOLE: &str = "全文";
pub const COPIED_INTRO: &str = "导语";
/// `{}`: how many paragraphs.
pub const COPIED_OPENING: &str = "{} 段以上一年开头";
pub const COPIED_SHARE: &str = "与上年重复";
/// After a PDF export: the program's own fonts were used (no official ones on this PC).
pub const PDF_FONTS_BUNDLED: &str = "用程序自带的字体";
pub const PDF_FONTS_OFFICIAL: &str = "用本机的公文字体";
pub const PDF_FONTS_SOME_OFFICIAL: &str = "部分用本机的公文字体";
pub const ZEROS_ALL: &str = "全部空白格";
pub const ZEROS_BUTTON: &str = "填0";
pub const ZEROS_HOVER: &str =
    "把这些空白格都填为 0（没有数据的单元格应填 0）；合计自动计算，不会被填写；可撤销";
/// `{}`: the table.
pub const ZEROS_TABLE_BUTTON: &str = "{}的空白格全部填0";
/// `{}`: how many cells.
pub const ZEROS_FILLED: &str = "已把 {} 个空白格填为 0（Ctrl+Z 撤销）";
/// A summary at the desk: `{}` the units it covers.
pub const DESK_SUMMARY_ROW: &str = "汇总报告（{} 个单位）";
pub const DESK_DUPLICATE: &str = "重复报送";
pub const DESK_SUM_TITLE: &str = "汇总已审核的报告";
pub const DESK_SUM_YEAR: &str = "汇总哪一年度：";
pub const DESK_SUM_OK: &str = "汇总";
pub const DESK_SIGN_TITLE_REVIEW: &str = "确认审核通过";
pub const DESK_SIGN_TITLE_SIGN: &str = "确认签发";
pub const DESK_SIGN_BODY: &str = "以下报告将以此人名义签署，签署记录写入报告（草稿）或审核台记录：";
pub const DESK_SIGN_WARNINGS: &str = "{} 条未说明的警告";
pub const DESK_SIGN_NAME: &str = "签署人：";
pub const DESK_SIGN_NEEDS_NAME: &str = "请写明签署人";
pub const DESK_LATE: &str = "逾期发布";
pub const DESK_NOT_OPENED: &str = "审核台无法打开：";
pub const PATH_TITLE_DESK: &str = "打开审核台：各单位报告所在的文件夹";
pub const DESK_SIGN_IN_EDITOR: &str =
    "这份报告正在编辑器中打开：请在编辑器中用 编辑 → 签发…，或先打开另一份报告再签";
pub const DESK_RETURNED: &str = "已退回，退回意见：";
pub const DESK_RETURNED_SEVERAL: &str = "已退回 {} 份，退回意见写在各报告旁边";
pub const DESK_SIGNED_SEVERAL: &str = "{}：{} 份";
pub const DESK_NOT_DONE: &str = "以下报告没有办成：";
pub const DESK_NOTHING_TO_SUM: &str = "还没有已审核、已签发的报告可以汇总";
pub const DESK_OVERVIEW_WRITTEN: &str = "总览已导出：";
pub const PROFILE_CLEAR_MENU: &str = "不使用本地要求（只按国家规定检查）";
pub const PROFILE_SET: &str = "已启用本地要求：{}";
pub const PROFILE_CLEARED: &str = "已停用本地要求，只按国家规定检查";
pub const PROFILE_NOT_LOADED: &str = "本地要求无法启用：";
pub const SETTINGS_NOT_SAVED: &str = "设置未能保存，下次启动时将不再生效：";
/// A command for the open report while none is shown (the start page, the desk).
pub const NO_REPORT_SHOWN: &str = "没有打开的报告：请先新建或打开一份报告。";
pub const PROFILE_NOT_SAVED: &str = "本地要求未能记住，下次启动时将不再生效：";
pub const PROFILE_STATUS: &str = "本地要求：";
pub const CELL_LOCAL_NOTE: &str = "本地口径：";
pub const REPETITION: &str = "与上年重复";
pub const REPETITION_HELP: &str =
    "与上年报告相同的句子（数字、空格不计）占本部分句子的比例；相同的句子以底色标出";

pub const EXPLAIN_BUTTON: &str = "说明…";
/// The accessible name of a finding's 说明… button: its number in the list and its rule.
pub const EXPLAIN_BUTTON_NAME: &str = "为第{}条问题写说明（{}）";
pub const EXPLAIN_TITLE: &str = "为此问题写说明";
pub const EXPLAIN_TEXT: &str = "说明（为什么这样填报，如“12月集中收到申请，年底尚未办结”）：";
pub const EXPLAIN_AUTHOR: &str = "说明人：";
pub const EXPLAINED: &str = "已说明";
pub const EXPLANATION_STALE: &str = "原说明已过期（所涉数值已改）";
pub const EXPLAINED_DONE: &str = "已记下说明，此问题不再计入";
pub const SIGN_REVIEW: &str = "审核通过…";
pub const SIGN_SIGN: &str = "签发…";
pub const SIGN_REVIEW_TITLE: &str = "审核通过";
pub const SIGN_SIGN_TITLE: &str = "签发";
pub const SIGN_BODY: &str = "记下签署人、时间和此刻报告内容的摘要；此后报告再有改动，标题栏和状态栏会显示“审核后已修改”或“签发后已修改”，正式版 PDF 不能导出，直到重新签署。";
pub const SIGN_NAME: &str = "签署人：";
pub const SIGNED: &str = "已记下";

pub const COMPARE_VERSION: &str = "与其他版本比较…";
pub const COMPARE_SIGN_OFF: &str = "与最近一次审核或签发时比较";
pub const COMPARE_END: &str = "结束比较";
pub const CHANGES: &str = "改动";
pub const CHANGES_NONE: &str = "与比较的版本相同";
pub const NOTE_ADD: &str = "添加批注…";
pub const NOTE: &str = "批注";
pub const NOTE_TITLE: &str = "添加批注";
pub const NOTE_TEXT: &str = "批注（退回意见）：";
pub const NOTES: &str = "批注";
pub const NOTE_RESOLVED: &str = "已处理";
pub const NOTE_ADDED: &str = "已添加批注";

pub const MENU_HELP: &str = "帮助(H)";
pub const ABOUT: &str = "关于年报编辑器";
pub const ABOUT_VERSION: &str = "版本 ";
pub const ABOUT_TEMPLATE: &str = "报告格式：国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》（兼容读取〔2019〕60号试行格式）";
pub const ABOUT_FONTS: &str = "内置字体：";
pub const ABOUT_LICENCE: &str = "本程序以 MIT 许可发布；字体许可文本随程序附带（assets/fonts/）。";

// A start that always says something (gui/start.rs).
pub const GRAPHICS_NATIVE: &str = "默认（显卡 OpenGL）";
pub const GRAPHICS_X11: &str = "X11（不用 Wayland）";
pub const GRAPHICS_SOFTWARE: &str = "软件渲染（Mesa llvmpipe）";
pub const GRAPHICS_NO_DISPLAY: &str = "没有图形显示（DISPLAY、WAYLAND_DISPLAY 都没有设置）：请在桌面中启动，或通过远程桌面连接后再启动。";
pub const GRAPHICS_TRIED: &str = "无法打开窗口";
pub const GRAPHICS_ALL_FAILED: &str = "无法打开编辑器窗口：几种图形方式都失败了";
pub const GRAPHICS_PANIC: &str = "图形初始化时出错";
pub const GRAPHICS_NO_PROGRAM: &str = "找不到程序文件，无法换一种方式重试";
pub const GRAPHICS_UNKNOWN: &str = "原因不明";
pub const GRAPHICS_REASON_DISPLAY: &str =
    "无法连接到显示服务器：桌面可能已经关闭、正在锁屏切换，或本程序没有权限使用这个桌面";
pub const GRAPHICS_REASON_WAYLAND: &str = "无法连接到 Wayland 桌面";
pub const GRAPHICS_REASON_GL: &str = "显卡的 OpenGL 无法使用（驱动不支持或未安装）";
pub const GRAPHICS_REASON_OTHER: &str = "图形系统出错";
pub const GRAPHICS_DETAILS: &str = "详细信息（供技术人员参考）：";
pub const GRAPHICS_TITLE: &str = "年报编辑器无法打开窗口。";
pub const GRAPHICS_WAYS: &str = "试过的图形方式：";
/// Windows: what to do when the graphics have no OpenGL 2 (remote desktop, virtual machines
/// and PCs without the maker's driver have only Windows' own OpenGL 1.1).
#[cfg(windows)]
pub const GRAPHICS_ADVICE: &str = "这台电脑的显卡只提供 Windows 自带的 OpenGL 1.1（常见于远程桌面、虚拟机，或未安装显卡厂商驱动的电脑），\
编辑器需要 OpenGL 2.0 以上。可以试试：请管理员安装显卡厂商（Intel、AMD、NVIDIA 等）的驱动；通过远程桌面使用时，\
请在这台电脑本机上打开，或请管理员在组策略中启用“对所有远程桌面服务会话使用硬件默认图形适配器”。\n\
命令行功能不受影响：nianbao.exe check 报告.pdf 检查报告，nianbao.exe export --pdf 报告.pdf 草稿.ron 导出 PDF（nianbao.exe --help 列出全部命令）。";
#[cfg(not(windows))]
pub const GRAPHICS_ADVICE: &str = "可以试试：从应用菜单选“年报编辑器（安全图形模式）”，或在终端运行 nianbao --safe-graphics；\
请管理员检查显卡驱动，或安装 Mesa 软件渲染（libgl1-mesa-dri）。\n\
命令行功能不受影响：nianbao check 报告.pdf 检查报告，nianbao export --pdf 报告.pdf 草稿.ron 导出 PDF（nianbao --help 列出全部命令）。";

// 这条规则是什么 (the findings panel, modals.rs).
pub const RULE_HELP_BUTTON: &str = "？";
pub const RULE_HELP_HOVER: &str = "这条规则是什么";
/// `{}`: the finding's number, then the rule's id.
pub const RULE_HELP_BUTTON_NAME: &str = "这条规则是什么（第{}条，{}）";
pub const RULE_HELP_TITLE: &str = "规则";
pub const RULE_HELP_CHECKS: &str = "查什么";
pub const RULE_HELP_SOURCE: &str = "依据";
pub const RULE_HELP_EXAMPLE: &str = "例子";
pub const NO_FINDING_TO_VISIT: &str = "没有错误或警告（F8 转到下一条）";

// The start page (start_page.rs).
pub const START_MENU: &str = "起始页";
pub const START_TITLE: &str = "年报编辑器";
pub const START_INTRO: &str = "按国办公开办函〔2021〕30号格式编写政府信息公开工作年度报告：表格与官方模板一致，录入时自动合计、实时核对勾稽关系，写完导出可直接发布的 PDF。";
pub const START_NEW: &str = "新建报告";
pub const START_ORGAN: &str = "机关全称：";
pub const START_ORGAN_HINT: &str = "如：某县人民政府办公室";
pub const START_KIND: &str = "机关类型：";
pub const START_YEAR: &str = "统计年度：";
pub const START_YEAR_INVALID: &str = "请填写四位数的年度，如 2025";
pub const START_CREATE: &str = "新建";
pub const START_CREATED: &str = "已新建报告：先填表格，合计会自动计算；问题列在窗口下方";
pub const START_FROM_PREVIOUS: &str = "从上年报告新建…";
pub const START_OPEN: &str = "打开…";
pub const START_BLANK: &str = "空白报告";
pub const START_RECENT: &str = "最近打开";
pub const START_NO_RECENT: &str = "（还没有）";
pub const START_DRAFT_STATE: &str = "草稿";
pub const START_CANNOT_OPEN: &str = "现在打不开：";
pub const START_STATUS: &str = "新建一份报告，或打开草稿、已发布的报告（PDF、Word、网页、文本）";

// 帮助 → 使用说明 (guide.rs).
pub const GUIDE_MENU: &str = "使用说明";
pub const GUIDE_TITLE: &str = "使用说明";
pub const GUIDE_KEYS: &str = "Esc 或 F1 关闭";
pub const GUIDE_SEARCH: &str = "查找：";
pub const GUIDE_NOT_FOUND: &str = "使用说明中没有找到这些字。";
pub const DISCARD_CONFIRM: &str = "丢弃后，这份未保存的草稿就找不回来了。确定丢弃吗？";
pub const DISCARD_CONFIRMED: &str = "确定丢弃";
pub const DISCARD_BACK: &str = "不丢弃";
pub const WORD_NOT_FINAL_BODY: &str = "可以先导出工作稿：Word 文件每页页眉标“草稿”。";
pub const WORD_EXPORT_DRAFT: &str = "导出（页眉标“草稿”）";
pub const PAGE_NOT_FINAL_BODY: &str = "网页没有水印：发布前请先改正上面的问题。";
pub const PAGE_EXPORT_ANYWAY: &str = "仍然导出";

// 查找和替换 (find.rs).
pub const FIND_MENU: &str = "查找…";
pub const REPLACE_MENU: &str = "替换…";
pub const FIND_LABEL: &str = "查找：";
pub const FIND_PREVIOUS: &str = "上一个";
pub const FIND_NEXT: &str = "下一个";
pub const FIND_NONE: &str = "没有找到";
pub const FIND_CLOSE: &str = "关闭";
pub const REPLACE_LABEL: &str = "替换为：";
pub const REPLACE_ONE: &str = "替换";
pub const REPLACE_ALL: &str = "全部替换";
pub const REPLACE_NOTE: &str = "只替换正文；机关全称、落款请直接改";
pub const REPLACE_NOT_TEXT: &str = "这一处不在正文中，不替换（机关全称、落款请直接改）";
/// `{}`: how many.
pub const REPLACED_ALL: &str = "已替换 {} 处（撤销可一次恢复）";
/// `{}`: how many findings hold what is looked for.
pub const FIND_IN_FINDINGS: &str = "问题列表中 {} 条（已标出）";
pub const DATE_PICK: &str = "选择日期…";
pub const DATE_PICK_HOVER: &str = "在日历中选择发布日期";
pub const DATE_PREVIOUS: &str = "上个月";
pub const DATE_NEXT: &str = "下个月";
pub const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];

// 打印 (print.rs).
pub const PRINT_MENU: &str = "打印…";
pub const PREVIEW_MENU: &str = "打印预览";
pub const PREVIEW_CLOSE: &str = "关闭预览";
pub const PREVIEW_PREVIOUS: &str = "◀ 上一页";
pub const PREVIEW_NEXT: &str = "下一页 ▶";
pub const PREVIEW_NO_PAGE_YET: &str = "正在生成…";
pub const PREVIEW_ZOOM_IN: &str = "放大（+）";
pub const PREVIEW_ZOOM_OUT: &str = "缩小（−）";
pub const PREVIEW_FIT_PAGE: &str = "整页";
pub const PREVIEW_FIT_WIDTH: &str = "适合宽度";
pub const PREVIEW_ACTUAL_SIZE: &str = "实际大小";
pub const PREVIEW_WATERMARK: &str = "还不是正式版：每页带“草稿”水印";
pub const PREVIEW_DRAWING: &str = "正在生成 PDF 并绘制页面…";
pub const PREVIEW_FAILED: &str = "无法预览：";
pub const PREVIEW_BAD_PDF: &str = "生成的 PDF 无法绘制";
pub const PREVIEW_NO_PAGES: &str = "生成的 PDF 没有页面";
pub const PRINT_FAILED: &str = "无法生成要打印的 PDF：";
pub const PRINT_SENT: &str = "已送到默认打印机：";
pub const PRINT_SENT_PORTAL: &str = "已送到打印对话框中选定的打印机：";
pub const PRINT_DIALOG_OPEN: &str = "系统的打印对话框已打开，请在其中选择打印机…";
pub const PRINT_CANCELLED: &str = "打印已取消";
pub const PRINT_PORTAL_FAILED: &str = "系统的打印对话框没有打印：";
pub const PRINT_PORTAL_GONE: &str = "打印对话框意外关闭";
pub const PRINT_WATERMARK: &str = "，报告还不是正式版，每页有“草稿”水印";
pub const PRINT_REFUSED: &str = "打印服务拒绝了这份文件：";
/// Windows: the PDF is in the viewer, which prints it with its own dialog.
pub const PRINT_OPENED_IN_VIEWER: &str =
    "已在 PDF 阅读器中打开要打印的报告，请在阅读器中按 Ctrl+P（打印），选好打印机后打印：";
pub const PRINT_NO_VIEWER: &str = "这台电脑上没有能打开 PDF 的程序。要打印的 PDF 已保存在：";
pub const PRINT_NO_SYSTEM: &str = "这台电脑上没有找到打印服务（CUPS 的 lp 命令）。";
pub const PRINT_HOW: &str =
    "可以先用 文件 → 导出PDF… 保存报告，再用 PDF 阅读器（如 WPS、文档查看器）打开后打印。";

// 核对扫描件识别结果
pub const SCAN_REVIEW_MENU: &str = "核对扫描件识别结果…";
pub const SCAN_REVIEW_TITLE: &str = "核对扫描件识别结果";
pub const SCAN_REVIEW_DONE: &str = "扫描件识别的单元格和正文已全部核对。";
pub const SCAN_REVIEW_SEEN: &str = "原件中的单元格：";
pub const SCAN_REVIEW_NO_IMAGE: &str =
    "原件图像只在导入扫描件时可用（草稿中不保存）：请对照纸质原件或扫描件核对。";
pub const SCAN_REVIEW_OTHER_READINGS: &str = "其他可能的读法：";
pub const SCAN_REVIEW_VALUE: &str = "识别结果";
pub const SCAN_REVIEW_CONFIRM: &str = "确认（Enter）";
pub const SCAN_REVIEW_SKIP: &str = "跳过";
pub const SCAN_REVIEW_LIST: &str = "待核对（有问题的和识别把握小的在前）：";
pub const SCAN_REVIEW_CLOSE: &str = "关闭核对";
pub const SCAN_REVIEW_CONFIRMED: &str = "已确认：";
pub const SCAN_REVIEW_CORRECTED: &str = "已改正：";
pub const SCAN_REVIEW_NOT_OCR: &str = "这个单元格已不是识别结果（已修改或已核对）";
/// 尚未核对 M 个，共 N 个由文字识别读取.
pub fn scan_review_counts(unconfirmed: usize, read: usize) -> String {
    format!(
        "尚未核对 {unconfirmed} 个单元格（共 {read} 个由文字识别读取）。对照上面的原件：相同按 Enter 确认，不同则改正后按 Enter。"
    )
}
/// N texts of the narrative not checked yet.
pub fn scan_review_texts(n: usize) -> String {
    format!("正文尚有 {n} 段由文字识别读取、尚未核对（单元格之后逐段核对）。")
}
/// Where on the scan a text begins.
pub fn scan_review_text_page(page: usize) -> String {
    format!("原件中这段文字从第 {page} 页开始（下图已滚动到该处）：")
}
/// A page's caption under its image.
pub fn scan_review_page(page: usize, pages: usize) -> String {
    format!("扫描件第 {page} 页，共 {pages} 页")
}
pub const SCAN_REVIEW_NO_PAGES: &str =
    "原件页面只在导入扫描件时可用（草稿中不保存）：请对照纸质原件或扫描件核对这段文字。";
pub const SCAN_REVIEW_TEXT_NOT_FOUND: &str = "未能在原件中定位这段文字的开头，请在下图中查找：";
pub const SCAN_REVIEW_TEXT_CONFIRM: &str = "与原件相符，确认此段";
pub const SCAN_REVIEW_TEXT_NEXT: &str = "已修改，下一段";
pub const SCAN_REVIEW_TEXT_EDIT: &str = "在表单中修改此段";
pub const SCAN_REVIEW_TEXT_HINT: &str =
    "正文在表单中修改；改过的段落即视为已核对。识别的文字常见差异：数字旁的空格、〔〕识别为[]。";
pub const SCAN_REVIEW_TEXT_LIST: &str = "待核对的正文：";
/// The reading's confidence, in percent.
pub fn scan_review_confidence(confidence: f32) -> String {
    format!("识别把握：{:.0}%", (confidence * 100.0).clamp(0.0, 100.0))
}
/// N more cells not listed.
pub fn scan_review_more(n: usize) -> String {
    format!("……还有 {n} 个")
}
