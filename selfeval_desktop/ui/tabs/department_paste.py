"""Ctrl+V on 部门所属项目: a list of projects copied from Excel becomes new projects, in one step.

Otherwise the department's 7 projects (seed 001) are made one by one, some 35 fields of typing
for a list the clerk has on one sheet. The block is read by
``domain.project_rows``; the clerk confirms what will be added (and how the columns were read);
each project is added with 项目名称, 实施单位, 全年预算数 and 全年执行数 as if typed (an amount that
cannot be read stays red in its 预算表, as typed), all as one undo step. A project the file already
has (same name and 实施单位) is not added twice.
"""
from __future__ import annotations

from ...domain import cells
from ...domain.project_rows import indicator_refusal, read_projects
from .. import dialogs
from ..grid import tsv
from ..import_into import already_there
from ..qt import QGuiApplication
from ..session_tx import SessionError
from ..session_where import Where
from ..status_line import say

SHOWN = 8       # projects named in the confirmation


def paste_projects(tab, text: str | None = None, back_to: int | None = None) -> list[int]:
    """Read the clipboard (or ``text``) as projects and add them after asking; the new ids.

    ``tab`` is the widget pasted into (the 部门整体 page, or the project list), with
    ``session``; ``back_to`` the project its undo and redo show (the 部门整体's page)."""
    from ...domain.model import is_untouched, new_project, project_key
    session = tab.session
    refusal = session.edit_refusal("projects", None) if hasattr(session, "edit_refusal") else None
    if refusal:
        return _say(tab, refusal)
    department = session.document.department
    if department is not None and session.is_finalized(department.id):
        # its stamped form lists these projects and their 合计: no paste after its 定稿
        return _say(tab, "部门整体评价已定稿：其所属项目已打印在盖章的表上，不能再粘贴新增；"
                         "如需新增，请先撤销部门整体评价的定稿（项目 → 撤销定稿）")
    text = QGuiApplication.clipboard().text() if text is None else text
    block = tsv.read_tsv(text)
    if not block or not any(c.strip() for r in block for c in r):
        return _say(tab, "剪贴板中没有内容：先在 Excel 中复制项目清单（项目名称、全年预算数、全年执行数）")
    refusal = indicator_refusal(block)     # indicators copied, or one word
    if refusal:
        return _say(tab, refusal)
    read = read_projects(block)
    doc = session.document
    fresh, twice, keys = [], [], set()
    for row in read.projects:
        project = new_project(doc)
        project.name = row.name
        project.implementer = row.implementer or project.implementer
        key = project_key(project)   # twice in the file, or twice in the block
        (twice if already_there(doc, project) or key in keys else fresh).append((row, project))
        keys.add(key)
    if not fresh:
        why = "；".join(read.notes) or "没有读到项目名称"
        if twice:
            why = f"{len(twice)} 个项目文件中已有" + ("；" + why if read.notes else "")
        return _say(tab, f"没有新增项目：{why}")
    signed = [v for row, _ in fresh for v in (row.annual_budget, row.executed)
              if v and cells.unit_unclear(v)]
    unit = dialogs.ask_amount_unit(tab, signed, "粘贴") if signed else "万元"
    if unit is None:
        return _say(tab, "已取消粘贴")
    # 新建's empty first project, never typed into: the pasted list takes its place (no
    # “(未命名项目)” left among the department's projects)
    blank = [p for p in doc.project_list() if is_untouched(p)]
    if dialogs.choose(tab, "粘贴新增项目", _question(read, fresh, twice, unit, len(blank)),
                      [f"新增 {len(fresh)} 个项目", "取消"], wide=True,
                      # read by what the columns hold, not by titles: a guess, so Enter cancels
                      default=0 if read.by_title else 1) != 0:
        return _say(tab, "已取消粘贴，未新增项目")
    pids: list[int] = []
    where = Where(back_to, "projects") if back_to is not None else None   # undo/redo: back here
    try:
        with session.macro(f"粘贴新增 {len(fresh)} 个项目", where=where):
            for project in blank:
                session.remove_project(project.id)
            for row, project in fresh:
                pid = session.add_project(project)
                pids.append(pid)
                for attr in ("annual_budget", "executed"):
                    value = getattr(row, attr)
                    if value:
                        session.set_value("funding", pid, None, attr,
                                          tsv.cell_for_column(value, "money", unit))
    except SessionError as exc:       # taken back whole: said by the session's box as well
        return _say(tab, str(exc))
    _say(tab, f"已新增 {len(pids)} 个项目（可撤销 Ctrl+Z）；各项目的绩效指标等在左侧选中后填写")
    return pids


def _question(read, fresh, twice, unit: str, blank: int) -> str:
    names = [f"{row.name}" + (f"（{row.implementer}）" if row.implementer else "")
             + (f"　预算 {_amount(row.annual_budget, unit)}" if row.annual_budget else "")
             + (f"　执行 {_amount(row.executed, unit)}" if row.executed else "")
             for row, _ in fresh[:SHOWN]]
    more = [f"……另有 {len(fresh) - SHOWN} 个"] if len(fresh) > SHOWN else []
    notes = list(read.notes)
    if twice:
        notes.append(f"{len(twice)} 个项目文件中已有或重复粘贴（同名、同实施单位），不再新增："
                     + "、".join(row.name for row, _ in twice[:3]) + ("等" if len(twice) > 3 else ""))
    if blank:
        notes.append("新建文件时的空白项目（未填写任何内容）将由粘贴的项目代替")
    return (f"将按粘贴的内容新增 {len(fresh)} 个项目：\n" + "\n".join(names + more)
            + f"\n\n{read.columns_text()}。"
            + ("\n" + "\n".join(notes) if notes else "")
            + "\n\n新增后可一次撤销（Ctrl+Z）。")


def _amount(text: str, unit: str) -> str:
    """The amount as it will be stored (¥1,234.00 answered 元 → 0.1234 万元), or why it cannot."""
    stored = tsv.cell_for_column(text, "money", unit)
    try:
        cells.cell_money(stored, "万元")
    except cells.CellError:
        return f"“{text}”（无法识别，将照原样保留并标红）"
    return f"{stored} 万元"


def _say(tab, message: str) -> list[int]:
    say(tab, message, 15000)
    tab.last_message = message
    return []
