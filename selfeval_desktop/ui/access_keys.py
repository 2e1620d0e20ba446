"""Access letters (助记键) of the menu entries, written the Chinese way: “新建(&N)…\\tCtrl+N” shows
as “新建(N)…  Ctrl+N”, and Alt+F then N runs it (with letters on the menu bar's titles only, a
clerk who never touches the mouse would have to arrow down to each entry).

One table for the whole program, so a word has the same letter wherever it is offered (the grids'
row operations in the right-click menu and in 编辑) and no two entries of one menu share one
(tests/ui/test_access_keys.py opens every menu to check). The letters are Chinese Office's where
Office has one (新建 N, 打开 O, 另存为 A, 打印 P, 退出 X, 撤销 U, 重做 R, 剪切 T, 复制 C, 粘贴 P,
全选 A, 查找 F, 删除 D, 关于 A; Excel's 清除内容 N); otherwise the first letter of an English word
that is free in its menu (Import, Export, Merge, Year, Close, Demo, Next …), or of the pinyin
where there is no natural English one (上移 S, 下移 X, 部门 B, 定稿 G, 核对 H, 问题 W). Text that
is not ours (a file name, what 撤销 undoes) is escaped, so an “&” in it shows as itself and does
not become a second letter. A text box's own menu is Qt's: its letters are in ``translations``.
"""
from __future__ import annotations

import re

ELLIPSIS = "…"

LETTERS = {
    # 文件
    "新建": "N", "打开": "O", "最近文件": "R", "保存": "S", "另存为副本": "A",
    "从上年文件新建下一年度": "Y", "导入Excel自评表": "I", "从其他自评文件加入项目": "M",
    "导出Excel": "E", "汇总多个自评文件": "H", "备份与恢复": "B",
    "打印·导出PDF：项目单位自评基本情况表": "P",      # Ctrl+P's form: 打印 P, as everywhere
    "打印·导出PDF：项目支出绩效自评表": "T",
    "打印·导出PDF：项目支出绩效自评报告（文字）": "W",
    "打开演示文件": "D", "关闭文件": "C", "退出": "X",
    # 编辑 (撤销 U and 重做 R are given where their text is made: it names the edit)
    "查找": "F", "查找下一处": "N", "查找上一处": "V",
    "剪切": "T", "复制": "C", "粘贴": "P", "全选": "A",
    # a grid's right-click menu: Excel's cell menu (剪切 T, 复制 C, 粘贴 P, 清除内容 N), then the rows
    "清除内容": "N",
    # the grids' row operations: in 编辑 and in the grids' right-click menu, the same letters
    "在上方插入行": "I", "在下方插入行": "B", "删除所选行": "D", "上移一行": "S", "下移一行": "X",
    # 项目 (and the project list's 新增 button menu: 新增项目 N, 新增部门整体评价 B)
    "新增项目": "N", "复制项目": "C", "删除项目": "D", "上移": "S", "下移": "X",
    "新增部门整体评价": "B", "定稿": "G", "撤销定稿": "U", "核对定稿校验码": "H",
    # a grid's column headings, right-click
    "恢复默认列宽（按窗口宽度排列各列）": "R",
    # 视图 (显示比例 Z, as Word's; its steps numbered)
    "问题清单": "W", "放大": "I", "缩小": "O", "恢复默认大小（100%）": "R",
    # 帮助
    "使用说明": "H", "关于绩效自评助手": "A",
    # a text box's right-click menu (Qt's own, letters from Qt's translation): Word's 保留(K)
    "按原样粘贴（保留换行）": "K",
    # 插入常用指标 (绩效指标's button): the 一级 and 二级指标 by their pinyin, the words clerks know
    # them by (产出 C, 效益 X, 满意度 M, 投入 T, 过程 G); a second syllable where the first is
    # taken in the same menu (时效 X after 数量 S, 生态 T after 社会 S, 预算管理 G after 预算执行 Y)
    "投入指标": "T", "过程指标": "G", "产出指标": "C", "效益指标": "X", "满意度指标": "M",
    "数量指标": "S", "质量指标": "Z", "时效指标": "X", "成本指标": "C",
    "经济效益指标": "J", "社会效益指标": "S", "生态效益指标": "T", "可持续影响指标": "K",
    "服务对象满意度指标": "F", "服务对象满意度": "F",
    "目标设定": "M", "预算编制": "Y", "预算执行": "Y", "预算管理": "G", "资产管理": "Z",
    "职责履行": "Z", "履职效益": "L",
}
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
UNDO_LETTER, REDO_LETTER = "U", "R"


def escaped(text: str) -> str:
    """``text`` (a file name, a project's name) to be shown as it is in a menu: “&” as “&&”."""
    return text.replace("&", "&&")


def menu_text(text: str, keys: str | None = None, letter: str | None = None) -> str:
    """“打开…”, keys “Ctrl+O” → “打开(&O)…\\tCtrl+O”: the letter after the words, before the …
    and the keys, as Chinese Office writes it. The letter from :data:`LETTERS` unless given."""
    words = text[:-len(ELLIPSIS)] if text.endswith(ELLIPSIS) else text
    letter = letter or LETTERS[words]             # a new entry without a letter fails loudly
    shown = f"{words}(&{letter}){ELLIPSIS if words != text else ''}"
    return f"{shown}\t{keys}" if keys else shown


def in_turn(texts: list[str]) -> list[str]:
    """The entries of one menu built from data (插入常用指标: its 一级/二级指标 and its items),
    each with a letter of its own: a word's letter from :data:`LETTERS` where it has one, the
    others the free letters A–Z in order (an item's words give none that would not clash: 培训人次,
    培训合格率 …); past 26 entries, none. The texts are data: an “&” in them stays itself."""
    taken: set[str] = set()
    own = []
    for text in texts:
        letter = LETTERS.get(text[:-len(ELLIPSIS)] if text.endswith(ELLIPSIS) else text)
        if letter in taken:
            letter = None
        if letter is not None:
            taken.add(letter)
        own.append(letter)
    free = iter(c for c in ALPHABET if c not in taken)
    out = []
    for text, letter in zip(texts, own):
        letter = letter or next(free, None)
        out.append(menu_text(escaped(text), letter=letter) if letter else escaped(text))
    return out


def numbered(number: int, text: str) -> str:
    """The recent files: “&1  自评.sqlite” (1 to 9 as the letter; from 10 on, none)."""
    return f"{'&' if number < 10 else ''}{number}  {escaped(text)}"


def plain_text(text: str) -> str:
    """The words of an entry without its letter and keys: “打开(&O)…\\tCtrl+O” → “打开…” (for
    messages naming it, such as “打开失败”)."""
    text = re.sub(r"\(&[^&]\)", "", text.split("\t")[0])
    return re.sub(r"&(.)", r"\1", text)
