"""导入Excel into the file that is open: the workbook's projects join it as one undo step.

A unit whose twenty projects come back from its 处室 as twenty workbooks would get twenty files,
one per import, and no way to bring them together but retyping. So, with a file open for
editing, 导入Excel asks: 加入当前文件 (the projects are appended; one Ctrl+Z takes them all out
again) or 另存为新文件 (as before). What would not fit is said before anything is added: another
年度, other scoring rules, a second 部门整体评价 (a file has one).
"""
from __future__ import annotations

from ..domain.model import Document, Project, ProjectKind, project_key
from ..domain.profiles import profile_name

CURRENT, NEW = "current", "new"


def mismatches(current: Document, imported: Document, noun: str = "工作簿") -> list[str]:
    """What differs between the open file and the workbook (or the other 自评文件: ``noun``),
    in the clerk's words — another 年度, other scoring rules, another unit."""
    notes = []
    if current.year and imported.year and current.year != imported.year:
        notes.append(f"{noun}是 {imported.year} 年度，当前文件是 {current.year} 年度。")
    if imported.profile_id != current.profile_id:
        notes.append(f"{noun}按“{profile_name(imported.profile_id)}”评分；加入后按当前文件的"
                     f"“{profile_name(current.profile_id)}”评分，得分可能与{noun}不同。")
    theirs, ours = imported.unit.name.strip(), current.unit.name.strip()
    if theirs and ours and theirs != ours:   # another unit's projects, said
        notes.append(f"{noun}是“{theirs}”的，当前文件是“{ours}”的。")
    return notes


def already_there(current: Document, project: Project) -> bool:
    """The open file has a project of this name, 实施单位 and kind (the same file or workbook
    added twice would double the totals)."""
    key = project_key(project)
    return bool(key[0]) and any(project_key(p) == key for p in current.projects)


def _kept_out(current: Document, project: Project) -> bool:
    """A 部门整体 evaluation when the file has one: never added, and said so."""
    return project.kind == ProjectKind.DEPARTMENT and current.department is not None


def _duplicate(current: Document, project: Project) -> bool:
    """Already in the file — the 部门整体 kept out apart (not counted among the duplicates, then
    said not to be added)."""
    return not _kept_out(current, project) and already_there(current, project)


def _department(doc: Document) -> Project | None:
    return next((p for p in doc.projects if p.kind == ProjectKind.DEPARTMENT), None)


def choose(window, current: Document, imported: Document) -> str | None:
    """Ask where the workbook's projects go: CURRENT, NEW, or None (取消)."""
    from .qt import QMessageBox
    names = [p.name.strip() or "未命名项目" for p in imported.projects]
    listed = "、".join(f"“{n}”" for n in names[:3]) + (f" 等 {len(names)} 个项目" if len(names) > 3 else "")
    box = QMessageBox(QMessageBox.Icon.Question, "导入Excel自评表",
                      f"已读入 {listed}。\n\n加入当前打开的文件，还是另存为一个新的自评文件？",
                      QMessageBox.StandardButton.NoButton, window)
    notes = mismatches(current, imported)
    # the 部门整体 is said apart when the file has one (it is not added; not counted among the
    # duplicates, then said not to be added)
    twice = [p for p in imported.projects if _duplicate(current, p)]
    if twice:
        notes.append(f"其中 {len(twice)} 个项目当前文件中已有（同名、同实施单位，如“{twice[0].name.strip()}”），"
                     "加入后会重复；是否已经导入过这个工作簿？")
    if current.department is not None and _department(imported) is not None:
        notes.append("当前文件已有部门整体评价：工作簿中的部门整体评价不会加入"
                     "（要保留它，请另存为新文件）。")
    if notes:
        box.setInformativeText("\n".join(notes))
    add = box.addButton("加入当前文件", QMessageBox.ButtonRole.AcceptRole)
    new = box.addButton("另存为新文件…", QMessageBox.ButtonRole.ActionRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton({CURRENT: add, NEW: new, None: cancel}[default_answer(current, imported)])
    box.exec()
    clicked = box.clickedButton()
    return CURRENT if clicked is add else NEW if clicked is new else None


def default_answer(current: Document, imported: Document) -> str | None:
    """The button Enter presses: 取消 when every project is already in the file (a double-click
    and Enter must not add seven duplicates before the question is seen), 另存为新文件
    for another year's workbook or one with some already here, else 加入当前文件."""
    addable = [p for p in imported.projects if not _kept_out(current, p)]
    twice = sum(1 for p in addable if _duplicate(current, p))
    if addable and twice == len(addable):
        return None
    if twice or current.year and imported.year and current.year != imported.year:
        return NEW
    return CURRENT


def add_to_session(session, imported: Document, title: str = "导入Excel") -> tuple[list[int], list[str]]:
    """Append ``imported``'s projects (a workbook's, or those picked from another file) to the
    open file as copies, in one undo step; (their ids, what was left out and why). A project
    whose 实施单位/主管部门 came only as its file's unit keeps them, when that unit is not
    this file's."""
    current = session.document
    projects, left = [], []
    for project in imported.projects:
        if _kept_out(current, project):
            left.append(f"部门整体评价“{project.name}”未加入：当前文件已有部门整体评价")
            continue
        if imported.unit.name.strip() and imported.unit.name != current.unit.name:
            project.implementer = project.implementer or imported.unit.name
            project.supervisor = project.supervisor or imported.unit.supervisor
        projects.append(project)
    pids = []
    if projects:
        with session.macro(f"{title}：{len(projects)} 个项目"):
            for project in projects:
                first = project.kind == ProjectKind.DEPARTMENT     # its place, as 新增部门整体评价
                pids.append(session.add_copy(project, position=0 if first else None))
    return pids, left
