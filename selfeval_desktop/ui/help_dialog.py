"""帮助 → 使用说明 and 关于: a clerk with no IT support finds the steps, the keys and the rules here.

Review 6/7: 帮助 had only 关于, and 关于 no version number (on the phone, "which version do you
have?" had no answer). The rules section is written from the rule profiles themselves, so it says
what the program does, not what a manual once said.
"""
from __future__ import annotations

import html
import platform

from .qt import QDialog, QDialogButtonBox, QGuiApplication, QTextBrowser, QVBoxLayout

STEPS = [
    ("新建或打开", "“文件 → 新建”填单位、评价年度和评分规则；去年用过本软件的，用“从上年文件新建下一年度”，"
                 "项目、指标、分值和评价人员会带过来，只需填今年的实际数。各处室的 Excel 表可用“导入Excel自评表”"
                 "加入当前文件；处室发来的自评文件用“从其他自评文件加入项目”。"),
    ("项目概况", "项目名称、主管部门、实施单位、负责人、起止时间，立项背景和实施情况，年度总体目标。"),
    ("预算表", "资金来源的计划与到位数、年初预算数、全年预算数、全年执行数（万元），预算执行率和得分随即算出；"
              "支出明细从经济分类或科研经费科目中选择。"),
    ("绩效指标", "一级/二级/三级指标、年度指标值、实际完成值、分值，照原样输入（如 ≥4次、≤5万元、100%、"
                "2021年12月前、达成）；得分随即算出，鼠标停在得分上可看计算过程。定性指标选择达成情况。"
                "可以从 Excel/WPS 复制整块粘贴（Ctrl+V）。"),
    ("结论", "评价工作情况（工作组、时间、方式）、绩效目标实现情况、存在问题、改进措施等，评价人员，单位意见和主管部门审核意见。"),
    ("问题清单", "窗口下方列出漏填、算不上、前后不一致的地方，单击一条即跳到要改的格子。红色是错误，橙色是提醒。"),
    ("定稿与打印", "“项目 → 定稿”后项目只读，打印的表格带校验码和二维码；Ctrl+P 打印基本情况表，"
                  "也可导出 PDF 或 Excel。"),
    ("上报", "整个自评就是一个文件（.sqlite），用邮件或 U 盘发送即可。收件方可用“项目 → 核对定稿校验码”"
            "与纸质表上的校验码对照（定稿后被改动的，逐项列出改了什么；“按纸质表校验码核对…”可输入"
            "纸质表上的校验码）；多个单位的文件用“文件 → 汇总多个自评文件”。"),
]

KEYS = [
    ("Enter / Tab", "确认并移到下一格（像 Excel 一样）"), ("直接输入", "开始编辑当前格"),
    ("F2", "接着格子里已有的内容输入"), ("Delete", "清空所选的格子"),
    ("Backspace", "清空当前格并开始输入（按 Esc 恢复原内容）"),
    ("Ctrl+方向键", "跳到连续数据的边缘；加 Shift 同时选中（像 Excel 一样）"),
    ("Ctrl+Shift+= / Ctrl+-", "插入行 / 删除所选行（也在“编辑”菜单中）"), ("Alt+↑ / Alt+↓", "上移 / 下移一行"),
    ("Ctrl+C / Ctrl+V", "复制 / 粘贴（可以是 Excel、WPS 里复制的一整块）"),
    ("Ctrl+Shift+V", "按原样粘贴：文字框中保留换行（Ctrl+V 会把从 PDF 复制带来的断行连成段落），表格中一行一格往下粘贴"),
    ("Ctrl+D / Ctrl+R", "向下 / 向右填充"), ("Ctrl+Z / Ctrl+Y", "撤销 / 重做（各页通用）"),
    ("Alt+1～4", "切换到 项目概况 / 预算表 / 绩效指标 / 结论"), ("Ctrl+P", "打印"),
    ("Ctrl+Shift+N", "新增项目"), ("Ctrl+S", "不需要：每次修改都已自动保存"),
    ("F1", "打开本说明"),
]

QUESTIONS = [
    ("格子变红了", "输入的内容无法识别（例如金额里有文字）。原样保留，不会丢；鼠标停在格子上可看原因，改正即可。"),
    ("总分是灰色、前面写着“暂计”", "还有指标没有得分，或各指标分值加起来不是 100，总分暂不可信，不评等次。"
                              "问题清单会说明原因。"),
    ("从 PDF 复制的文字每行都断开", "在立项背景、结论等文字框中用 Ctrl+V 粘贴时，PDF 每行末尾的断行会自动连成段落，"
                              "标题、编号项（一、（二）1. ①）和以句号结尾的行不动；状态栏会说明合并了几处。"
                              "要保留原来的换行，用 Ctrl+Shift+V 或右键“按原样粘贴”。"),
    ("“校验码无效”", "项目定稿后，文件内容在本软件之外被改动过，纸质表上的校验码对它已无效。"),
    ("提示“文件已在另一个窗口中打开”", "同一个文件同时只能在一个窗口中修改；可以只读打开查看和打印。"),
    ("状态栏显示红色“未保存”", "写入文件失败（U 盘被拔出、磁盘已满）。输入的内容仍在原处（红色），不会丢；"
                           "接好 U 盘或腾出空间后，再离开一次输入框，或选中红色的格子按 F2 再按 Enter，"
                           "即可保存；也可先用“文件 → 另存为副本”存到别处。"),
    ("金额是按元还是万元？", "各表金额都以万元计。输入“40000元”“10万”会自动换算并在状态栏说明；"
                         "从按元编制的表格复制时，带上写着“（元）”的标题行一起粘贴即可自动换算。"
                         "全年执行数比全年预算数大上千倍时会提示“是否把元填成了万元”。"),
    ("等次要写“优秀”而不是“优”", "窗口上方“等次写法”可选 优/良/中/差、优/良/一般/差、优秀/良好/一般/较差 或 "
                              "优秀/良好/合格/不合格；分档（90、80、60 分）不变，窗口、打印的表格和 Excel 都按所选写法。"),
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
    return f"<h3>评分规则</h3><ul>{items}</ul>" if items else ""


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
        close = "]" if band.high_inclusive else ")"
        text = (f"“部分达成”的得分区间是分值的 {band.low * 100:.0f}%～{band.high * 100:.0f}%"
                f"{'' if band.high_inclusive else f'，不含 {band.high * 100:.0f}%'}：10 分的指标区间是 "
                f"[{low.normalize()}, {high.normalize()}{close} 分，软件取区间内最高分 {suggested}")
        said.setdefault(text, []).append(profile.name)
    if not said:
        return []
    lines = [text if len(said) == 1 else f"{'、'.join(names)}：{text}" for text, names in said.items()]
    suggested = qualitative_band(Decimal(10), "部分达成", profiles[0])[2]
    return [(f"定性指标“部分达成”为什么是 {suggested} 分",
             "；".join(lines) + "（鼠标停在得分上可看计算过程）。要给区间内的其他分数（如 7 分），"
             "在“调整后得分”中填写并写明“调整理由”即可。")]


def help_html() -> str:
    steps = "".join(f"<li><b>{t}</b>：{d}</li>" for t, d in STEPS)
    keys = "".join(f"<tr><td style='padding-right:16px'><b>{k}</b></td><td>{d}</td></tr>" for k, d in KEYS)
    faq = "".join(f"<p><b>{q}</b><br>{a}</p>" for q, a in _partial_question() + QUESTIONS)
    return (f"<h2>绩效自评助手 使用说明</h2><h3>填写步骤</h3><ol>{steps}</ol>"
            f"<h3>常用按键</h3><table>{keys}</table>{_rules_html()}<h3>常见问题</h3>{faq}"
            "<p>每次修改都会立即写入文件，不需要“保存”。文件旁边的 “~$文件名.lock” 是打开时建立的"
            "占用标记，关闭窗口后会自动删除。</p>")


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
        screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen())
        free = screen.availableGeometry() if screen is not None else None
        width = min(760, int(free.width() * 0.9)) if free is not None else 760
        height = min(640, int(free.height() * 0.9)) if free is not None else 640
        self.resize(width, height)


def show_help(parent) -> HelpDialog:
    """Not modal: the clerk reads beside the window."""
    dialog = HelpDialog(parent)
    dialog.show()
    return dialog
