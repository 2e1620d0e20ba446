"""帮助 → 使用说明 and 关于: a clerk with no IT support finds the steps, the keys and the rules here.

关于 gives the version number: on the phone, "which version do you have?" needs an answer.
The rules section is written from the rule profiles themselves, so it says
what the program does, not what a manual once said.
"""
from __future__ import annotations

import html
import platform

from .qt import QDialog, QDialogButtonBox, QGuiApplication, QTextBrowser, QVBoxLayout
from .zoom import factor

STEPS = [
    ("新建或打开", "“文件 → 新建…”填单位、评价年度、评分规则和评价内容（项目支出或部门整体），再选择文件保存在"
                 "哪里（上报时要找到它）。<b>去年用过本软件的</b>：先打开去年的文件，再点“文件 → 从上年文件新建"
                 "下一年度…”：项目名称、立项背景、指标（含年度指标值）、分值和评价人员会带过来，<b>金额、实际完成值、"
                 "实施情况、结论和意见都要重新填写</b>；今年的年度指标值如有变化（以当年批复的绩效目标为准）请逐项"
                 "改正，问题清单里“上年内容待核对”的条目是仍写着去年年份的地方。去年的文件不会被改动。"
                 "处室按“项目支出绩效自评表”格式填好的 Excel（.xlsx，每个项目一张工作表）可用“文件 → 导入Excel"
                 "自评表…”读入；处室发来的自评文件用“文件 → 从其他自评文件加入项目…”。"
                 "收到的自评文件也可以从桌面或文件夹<b>直接拖到窗口上</b>打开。"
                 "项目多的：在 Excel 中复制项目清单（项目名称、实施单位、全年预算数、全年执行数），"
                 "在左侧项目列表中按 Ctrl+V，即新增为项目。"),
    ("项目概况", "项目名称、主管部门、实施单位、负责人、起止时间，立项背景和实施情况，年度总体目标。"),
    ("预算表", "资金来源的计划与到位数、年初预算数、全年预算数、全年执行数（万元），预算执行率和得分随即算出；"
              "支出明细从经济分类或科研经费科目中选择。"),
    ("绩效指标", "一级/二级/三级指标、年度指标值、实际完成值、分值，照原样输入（如 ≥4次、≤5万元、100%、"
                "2021年12月前、达成）；得分随即算出，鼠标停在得分上可看计算过程。定性指标选择达成情况。"
                "在最下面的空行（“新”）里输入即增加一行；“插入常用指标”可插入科技局项目常用的指标。"
                "可以从 Excel/WPS 复制整块粘贴（Ctrl+V）。"),
    ("结论", "评价工作情况（工作组、时间、方式）、绩效目标实现情况、存在问题、改进措施等，评价人员，单位意见和主管部门审核意见。"),
    ("问题清单", "窗口下方列出漏填、无法计算、前后不一致的地方，单击一条即跳到要改的格子。红色是错误，橙色是提醒。"
                "关掉后可从“视图 → 问题清单”重新打开。"),
    ("定稿", "每个项目填好、问题清单没有红色错误后，点窗口右上角的“定稿”（或“项目 → 定稿…”）。定稿只对当前项目："
            "该项目变为只读（左侧列表显示锁），每个项目分别定稿；定稿前的修改不能再撤销。文件中有定稿的项目后，"
            "窗口上方的单位、评价年度、评分规则和等次写法也不能再改。发现错误要改时，点“撤销定稿”（在同一位置，"
            "或“项目 → 撤销定稿…”），改好后重新定稿并<b>重新打印</b>，原来打印的表作废。"),
    ("打印", "按 Ctrl+P（或“文件 → 打印·导出PDF：项目单位自评基本情况表…”），选“当前项目”或“全部项目”和保存位置，"
            "会生成 PDF 并用 PDF 阅读器打开，<b>在阅读器里点打印</b>。项目支出绩效自评表和自评报告在“文件”菜单中"
            "同名的“打印·导出PDF”项；也可“文件 → 导出Excel…”。签字、盖章上报的是<b>项目单位自评基本情况表</b>，"
            "请在<b>定稿后</b>打印（表上有校验码和二维码）；未定稿时打印的表没有校验码，只作草稿核对用。"),
    ("上报", "整个自评就是一个文件，文件名和所在文件夹写在窗口最上方的标题栏里。上报时只发送这个文件"
            "（扩展名 .sqlite，Windows 可能不显示扩展名；不需要发送旁边名字以 ~$ 开头的小文件，"
            "它是打开时建立的占用标记），用邮件或 U 盘都可以；"
            "窗口开着时复制也可以，文件总是最新的。收件方可用“项目 → 核对定稿校验码…”与纸质表上的校验码对照"
            "（定稿后被改动的，逐项列出改了什么；“按纸质表校验码核对…”可输入纸质表上的校验码）；多个单位的文件用"
            "“文件 → 汇总多个自评文件…”。"),
]

KEYS = [
    ("Enter / Tab", "确认并下移 / 确认并右移（像 Excel 一样）"), ("直接输入", "开始编辑当前格"),
    ("F2", "接着格子里已有的内容输入"), ("Delete", "清空所选的格子"),
    ("Backspace", "清空当前格并开始输入（按 Esc 恢复原内容）"),
    ("Shift+方向键", "扩大选中的格子"),
    ("Shift+空格 / Ctrl+空格", "选中整行 / 整列，Shift+方向键 再按整行 / 整列扩展，Delete 清空；Shift+空格 选中整行后 Ctrl+- 删除这些行"),
    ("Ctrl+Enter", "把刚输入的内容填入所选的每一格（像 Excel 一样）"),
    ("Ctrl+方向键", "跳到连续数据的边缘；加 Shift 同时选中（像 Excel 一样）"),
    ("Ctrl+Home / Ctrl+End", "跳到表格的第一格 / 最后一行数据"),
    ("Ctrl+Shift+= / Ctrl+=", "在上方 / 下方插入行（也在“编辑”菜单中）"), ("Ctrl+-", "删除所选行"),
    ("Alt+↑ / Alt+↓", "上移 / 下移一行"),
    ("Ctrl+C / Ctrl+V", "复制 / 粘贴（可以是 Excel、WPS 里复制的一整块）"),
    ("Ctrl+Shift+V", "按原样粘贴：文字框中保留换行（Ctrl+V 会把从 PDF 复制带来的断行连成段落），表格中一行一格往下粘贴"),
    ("Ctrl+F", "查找：在整个文件中找项目名称、指标或文字，边输入边找（窗口下方出现查找栏，Esc 关闭）"),
    ("F3 / Shift+F3", "下一处 / 上一处（查找栏中也可按 Enter / Shift+Enter）"),
    ("Ctrl+D / Ctrl+R", "向下 / 向右填充"), ("Ctrl+Z / Ctrl+Y", "撤销 / 重做（各页通用）"),
    ("Alt+1～4", "切换到 项目概况 / 预算表 / 绩效指标 / 结论"),
    ("Ctrl+PgDn / Ctrl+PgUp", "下一个 / 上一个标签页"),
    ("Ctrl+Tab", "在表格中按：离开表格，到下一个按钮或文字框"),
    ("F6 / Shift+F6", "在项目列表、右边的页面、问题清单之间切换"),
    ("Ctrl+P", "打印基本情况表（生成 PDF，在 PDF 阅读器中打印）"),
    ("Ctrl+Shift+N", "新增项目"), ("Ctrl+S", "不需要：每次修改都已自动保存"),
    ("Ctrl+鼠标滚轮", "放大 / 缩小窗口里的字（像 Excel、WPS 一样；不按 Ctrl 滚轮照常滚动）"),
    ("Ctrl+Alt+= / Ctrl+Alt+-", "放大 / 缩小（80%～200%，也在“视图”菜单中；状态栏右下角显示比例）"),
    ("Ctrl+Alt+0", "恢复默认大小（100%）"),
    ("Alt+F，再按 N", "不用鼠标使用菜单：按住 Alt 再按菜单名后括号里的字母打开菜单（如 Alt+F 打开“文件”），"
                    "再按命令后括号里的字母（如 N：新建）；右键菜单里也一样"),
    ("F1", "打开本说明"),
]

QUESTIONS = [
    ("格子变红了", "这一格的内容无法识别（例如金额里有文字，会原样保留，不会丢），或者这一格必须填写（例如选了"
               "“部分达成”后要写偏差原因）。鼠标停在格子上或看状态栏可看原因，改正或补填即可。"),
    ("总分是灰色、前面写着“暂计”", "总分还不能作准，等次显示“—”。原因可能是：分值合计（预算执行率分值 + 各指标"
                              "分值）不是 100（{mof}）、还有指标没有得分、预算执行率算不出来、金额疑似把元填成了"
                              "万元。鼠标停在总分上可看原因，问题清单中红色的条目写明要改哪里；这时打印的表上等次"
                              "印为“—”并注明原因。等次处显示“未评分”表示还一项得分都没有。"),
    ("从 PDF 复制的文字每行都断开", "在立项背景、结论等文字框中用 Ctrl+V 粘贴时，PDF 每行末尾的断行会自动连成段落，"
                              "标题、编号项（一、（二）1. ①）和以句号结尾的行不动；状态栏会说明合并了几处。"
                              "要保留原来的换行，用 Ctrl+Shift+V 或右键“按原样粘贴”。从 Word、WPS、Excel 复制的"
                              "文字不会被合并。"),
    ("窗口上方出现红色“校验码无效”", "这个项目定稿后，文件在本软件之外被改动过，纸质表上的校验码已对不上。用"
                                "“项目 → 核对定稿校验码…”可看改了哪里；核实后点“撤销定稿”，改正、重新定稿并重新打印。"),
    ("提示“文件已在另一个窗口中打开”", "同一个文件同时只能在一个窗口中修改；可以只读打开查看和打印。另一个窗口关闭"
                                 "后，状态栏会出现“改为可编辑”。提示“文件已在另一台电脑上打开”时，如确认那台电脑已"
                                 "关闭此文件（关机、U 盘未正常退出），可点“仍然编辑…”。"),
    ("文件在 U 盘上", "最好先把文件复制到电脑上（例如“文档”文件夹）再打开填写，填完再复制回 U 盘；拔 U 盘前先关闭"
                   "窗口。U 盘写保护或共享文件夹只读时，文件会以只读方式打开，请复制到电脑上再打开。"),
    ("状态栏显示红色“未保存”", "写入文件失败（U 盘被拔出、磁盘已满）。刚输入的内容仍在原处（红色），但<b>还没有"
                           "写进文件</b>。接好 U 盘或腾出空间后，选中红色的格子按 F2 再按 Enter（文字框：再点一下"
                           "框外），状态栏变回“已保存”即可。注意：“文件 → 另存为副本…”只能另存文件中<b>已保存</b>"
                           "的内容，红色的内容不在副本里；实在无法接回时，先把红色格子里的内容复制出来。"),
    ("金额是按元还是万元？", "各表金额都以万元计。输入“40000元”“10万”会自动换算并在状态栏说明；"
                         "从按元编制的表格复制时，带上写着“（元）”的标题行一起粘贴即可自动换算。"
                         "全年执行数比全年预算数大上千倍时会提示“是否把元填成了万元”。"),
    ("等次要写“优秀”而不是“优”", "窗口上方“等次写法”可选 优/良/中/差、优/良/一般/差、优秀/良好/一般/较差 或 "
                              "优秀/良好/合格/不合格；分档（90、80、60 分）不变，窗口、打印的表格和 Excel 都按所选写法。"),
    ("删错了、改错了，窗口也关了，还能找回吗？", "能。本软件自动备份：打开文件时、编辑中每半小时、导入、加入项目、"
                                   "定稿、删除项目和恢复之前，以及关闭文件时。点“文件 → 备份与恢复…”，按时间和"
                                   "“与现在相比”找到要的版本：“打开查看（只读）”先看看；“另存为…”存成一个新文件；"
                                   "“恢复为此版本…”用它替换现在的内容（现在的内容会先备份为“恢复前”，恢复错了还能"
                                   "恢复回来）。文件被删除或换了位置时，在对话框上方的“自评文件”中按文件名找。"
                                   "最近一天的备份都保留，更早的每天保留一个，保留 30 天。"),
    ("打开文件时提示“以只读方式打开”", "可能是文件在另一个窗口中打开，或所在文件夹不能写入（磁盘已满、只读的"
                                 "共享文件夹）。提示中写明了原因；问题解决后状态栏会出现“改为可编辑”。"),
]


def _rules_html() -> str:
    from ..domain.profiles import ProfileError, all_profiles
    try:
        profiles = all_profiles()
    except ProfileError:
        return ""
    items = "".join(f"<li><b>{html.escape(p.name)}</b>：{html.escape(p.description)}</li>"
                    for p in profiles if getattr(p, "description", ""))
    if not items:
        return ""
    note = ("<p>部门整体的规则用于部门整体评价，不在窗口上方的“评分规则”中选：新建文件时在“评价内容”中选部门整体，"
            "或用“项目 → 新增部门整体评价”。</p>" if any("部门整体" in p.name for p in profiles) else "")
    return f"<h3>评分规则</h3><ul>{items}</ul>{note}"


def _pct(share) -> str:
    """0.6 → 60%, 0.625 → 62.5%."""
    from ..domain.scoring import num
    return f"{num(share * 100)}%"


def _weights_note() -> str:
    """The 暂计 answer's example, from the 财政部 rule itself: 预算执行率 10 分, 指标合计 90 分."""
    from ..domain.profiles import ProfileError, load_profile
    try:
        weight = load_profile("mof2020").execution_weight
    except (ProfileError, OSError):
        return "各规则的预算执行率分值不同"
    from ..domain.scoring import num
    return f"财政部规则下预算执行率 {num(weight)} 分，各指标合计 {num(100 - weight)} 分"


def _partial_question() -> list[tuple[str, str]]:
    """Why a 部分达成 row of 10 points scores 7.99, in the numbers the rules themselves give (one
    answer when every rule has the same band, as they do now; one line per rule otherwise)."""
    from decimal import Decimal
    from ..domain.profiles import ProfileError, all_profiles
    from ..domain.scoring_choice import qualitative_band
    try:
        profiles = all_profiles()
    except ProfileError:
        return []
    said = {}
    for profile in profiles:
        band, bounds = profile.band("部分达成"), qualitative_band(Decimal(10), "部分达成", profile)
        if band is None or bounds is None:
            continue
        low, high, suggested = bounds
        def upto(value: str) -> str:
            return f"{value}以下" if band.high_inclusive else f"不到 {value}"
        text = (f"“部分达成”得分为分值的 {_pct(band.low)} 以上、{upto(_pct(band.high))}：10 分的指标得 "
                f"{low.normalize()} 分以上、{upto(f'{high.normalize()} 分')}，软件取其中最高的 {suggested} 分")
        said.setdefault(text, []).append(profile.name)
    if not said:
        return []
    lines = [text if len(said) == 1 else f"{'、'.join(names)}：{text}" for text, names in said.items()]
    suggested = qualitative_band(Decimal(10), "部分达成", profiles[0])[2]
    return [(f"定性指标“部分达成”为什么是 {suggested} 分",
             "；".join(lines) + "（鼠标停在得分上可看计算过程）。要给这个范围内的其他分数（如 7 分），"
             "在“调整后得分”中填写并写明“调整理由”即可。")]


def help_html() -> str:
    steps = "".join(f"<li><b>{t}</b>：{d}</li>" for t, d in STEPS)
    keys = "".join(f"<tr><td style='padding-right:16px'><b>{k}</b></td><td>{d}</td></tr>" for k, d in KEYS)
    faq = "".join(f"<p><b>{q}</b><br>{a.replace('{mof}', _weights_note())}</p>"
                  for q, a in _partial_question() + QUESTIONS)
    rules = _rules_html().replace("<h3>", "<h3><a name='rules'></a>", 1)
    contents = " · ".join(f"<a href='#{anchor}'>{title}</a>" for anchor, title in (
        ("steps", "填写步骤"), ("keys", "常用按键"), *((("rules", "评分规则"),) if rules else ()),
        ("faq", "常见问题")))
    return (f"<h2>绩效自评助手 使用说明</h2><p>{contents}</p>"
            f"<h3><a name='steps'></a>填写步骤</h3><ol>{steps}</ol>"
            f"<h3><a name='keys'></a>常用按键</h3><table>{keys}</table>"
            f"{rules}"
            f"<h3><a name='faq'></a>常见问题</h3>{faq}"
            "<p>每次修改都会立即写入文件，不需要“保存”。文件旁边名字以 ~$ 开头、以 .lock 结尾的小文件是"
            "打开时建立的占用标记，关闭窗口后会自动删除。</p>")


def about_text() -> str:
    """关于: name, version and what it runs on — what a helper on the phone asks first."""
    from .. import __version__
    from .qt import QtCore
    return (f"绩效自评助手　版本 {__version__}\n\n项目支出绩效自评：按财预〔2020〕10号等办法自动评分，"
            f"打印自评基本情况表和项目支出绩效自评表。\n\n"
            f"运行环境：{platform.system()} {platform.release()}，Python {platform.python_version()}，"
            f"Qt {QtCore.qVersion()}")


class HelpDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("使用说明")
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(help_html())
        buttons = QDialogButtonBox(self)
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        # at the screen's right edge, its full height, narrow: read beside the form being filled
        # (760×640 in the middle covered the grid, at 1024×600 almost everything)
        screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen())
        free = screen.availableGeometry() if screen is not None else None
        if free is None:
            self.resize(480, 640)
            return
        # at a 显示比例 of 150 % (ui.zoom) half as wide again, half the screen at most
        zoom = factor()
        width = max(min(round(520 * zoom), int(free.width() * 0.36 * zoom), free.width() // 2),
                    min(420, free.width()))
        # below the window's header, so its 定稿 button and score stay in sight
        top = free.top()
        header = getattr(getattr(parent, "page", None), "header", None)
        if header is not None and header.isVisible():
            below = header.mapToGlobal(header.rect().bottomLeft()).y() + 4
            if free.top() <= below < free.top() + free.height() // 3:
                top = below
        height = max(free.bottom() + 1 - top - 40, 300)     # room for the title bar
        self.resize(width, height)
        self.move(free.right() + 1 - width - 8, top)


GEOMETRY_KEY = "helpGeometry"


def show_help(parent) -> HelpDialog:
    """Not modal: the clerk reads beside the window — where it was put last time, when that is
    still on a screen, not back in its first place every time."""
    dialog = HelpDialog(parent)
    settings = getattr(parent, "settings", None)
    saved = settings.value(GEOMETRY_KEY) if settings is not None else None
    if saved is not None and dialog.restoreGeometry(saved) and not _on_screen(dialog):
        dialog = HelpDialog(parent)                  # a screen unplugged since: the default place
    if settings is not None:
        dialog.finished.connect(lambda _r: settings.setValue(GEOMETRY_KEY, dialog.saveGeometry()))
    dialog.show()
    return dialog


def _on_screen(dialog) -> bool:
    screen = QGuiApplication.screenAt(dialog.geometry().center())
    return screen is not None and screen.availableGeometry().intersects(dialog.geometry())
