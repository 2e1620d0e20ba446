"""Printing to PDF: the one entry point for the window (打印 / 导出PDF) and the ``print`` command.

``export_pdf`` writes the chosen form of the chosen projects, in one PDF or one per project, each
file atomically (``files.replace_all_atomically``: a temporary ``~$…tmp`` file beside it, then
``os.replace``): a failed export never leaves a half-written PDF, an existing file is only
replaced by a complete one, a failed export of one file per project changes none of them, and
what a killed export left is removed by the next one.
``print_warnings`` says, before printing, what would not print as typed (characters no bundled font
has, typed amounts that could not be read).
"""
from __future__ import annotations

import os
from pathlib import Path
import re
import subprocess
import sys
from typing import Callable, Iterable

from ..db.document import os_cause
from ..db.temp_files import remove_debris
from ..files import TargetError, check_target, replace_all_atomically, write_into
from ..domain.evaluation import profile_for
from ..domain.model import Document, Project, ProjectKind
from ..domain.profiles import ProfileError
from ..domain.scoring import score_project
from .fonts import missing_chars
from .form_basic import FORM_TITLE as BASIC_TITLE, basic_form
from .form_department import FORM_TITLE as DEPARTMENT_TITLE, department_form
from .form_mof import FORM_TITLE as MOF_TITLE, mof_form
from .form_report import FORM_TITLE as REPORT_TITLE, report_form
from .pdf_common import FormPart, build_pdf, stale_check_code
from .score_text import unscored_count
from .spending import line_label

FORMS: dict[str, tuple[str, Callable[[Document, Project], FormPart]]] = {
    "basic": (BASIC_TITLE, basic_form),
    "mof": (MOF_TITLE, mof_form),
    "report": (REPORT_TITLE, report_form),    # the narrative
}


def form_of(form: str, project: Project) -> tuple[str, Callable[[Document, Project], FormPart]]:
    """(title, maker) of the form a project prints as: the 部门整体 evaluation always prints as
    the 部门整体支出绩效自评表, whichever project form was chosen."""
    if project.kind is ProjectKind.DEPARTMENT:
        return DEPARTMENT_TITLE, department_form
    return FORMS[form]


class ExportError(Exception):
    """A PDF that cannot be written; ``str(err)`` is the Chinese message for the user."""


def select(doc: Document, project_ids: Iterable[int] | None = None) -> list[Project]:
    """The projects to print: the given ids in document order, or every project and the
    部门整体 evaluation (which prints as its own form, see :func:`form_of`)."""
    if project_ids is None:
        return list(doc.projects)
    wanted = list(project_ids)
    by_id = {p.id: p for p in doc.projects}
    unknown = [str(i) for i in wanted if i not in by_id]
    if unknown:
        raise ExportError(f"没有编号为 {'、'.join(unknown)} 的项目")
    return [p for p in doc.projects if p.id in set(wanted)]


def render_pdf(doc: Document, projects: list[Project], form: str = "basic",
               progress=None) -> bytes:
    """The PDF bytes of ``form`` for each project, each starting on a new page.
    ``progress(done, total)`` is told how far it is (forms made, then forms laid out)."""
    if form not in FORMS:
        raise ExportError(f"没有“{form}”这种表，可选：{'、'.join(FORMS)}")
    if not projects:
        raise ExportError("没有可打印的项目")
    total = 2 * len(projects)
    told = progress or (lambda done, total: None)
    parts = []
    for p in projects:
        parts.append(form_of(form, p)[1](doc, p))
        told(len(parts), total)
    titles = {form_of(form, p)[0] for p in projects}
    title = titles.pop() if len(titles) == 1 else "绩效自评表"
    name = projects[0].name if len(projects) == 1 else doc.unit.name
    data = build_pdf(parts, title=f"{title}：{name}", author=doc.unit.name,
                     reached=lambda i: told(len(parts) + i, total))
    told(total, total)
    return data


def project_texts(doc: Document, project: Project) -> list[str]:
    """Every text of a project that a form may print."""
    texts = [doc.unit.name, doc.unit.supervisor, project.name, project.supervisor,
             project.implementer, project.leader, project.phone, project.address, project.postcode,
             project.start, project.end, project.goal_expected, project.goal_actual,
             project.unit_opinion, project.supervisor_opinion]
    texts += [line_label(b) for b in project.budget_lines]
    for ind in project.indicators:
        texts += [ind.level1, ind.level2, ind.name, ind.target, ind.actual, ind.deviation,
                  ind.override_reason]
    for e in project.evaluators:
        texts += [e.name, e.title, e.org]
    return [t for t in texts if t]


def print_warnings(doc: Document, projects: list[Project], unread: bool = True) -> list[str]:
    """Chinese warnings about what would not print as typed; empty when all is well. ``unread``
    False leaves out the cells that could not be read: the window's 问题清单 names each of them
    as an error already (the print question would say the same thing twice)."""
    out = []
    for p in projects:
        missing = missing_chars(project_texts(doc, p))
        if missing:
            out.append(f"项目“{p.name}”中有字体不含的字符，打印时会缺失：{' '.join(missing)}")
        if p.unread and unread:
            out.append(f"项目“{p.name}”有 {len(p.unread)} 处输入未能识别，打印时为空白，请先改正")
        if stale_check_code(doc, p):
            out.append(f"项目“{p.name}”已定稿，但内容与校验码不符（定稿后被改动），"
                       f"表上不印校验码，注明“内容已改动，校验码无效”")
    return out


def score_warnings(doc: Document, projects: list[Project]) -> list[str]:
    """One line per project whose printed total still counts rows without a score as 0, that
    has no score at all, or whose total is provisional (分值 not adding up to 100: the form
    prints 等次 “—”). The ``print`` command says them on stderr; the window asks about the
    问题清单's errors instead, which name the same rows."""
    return [w for p in projects for w in _score_warnings(doc, p)]


def _score_warnings(doc: Document, project: Project) -> list[str]:
    """A total printed while some rows have no score yet counts them as 0, and one from 分值
    not adding up gets no grade: say so (never naming a grade the form does not print)."""
    try:
        score = score_project(project, profile_for(doc, project), doc.year)
    except ProfileError as exc:
        return [f"项目“{project.name}”无法评分：{exc}"]
    if not score.scored:
        return [f"项目“{project.name}”尚未评分，表上的总分和等次留空"]
    missing = unscored_count(score)
    if score.provisional:
        reason = score.provisional_reason
        if missing and "尚无得分" in reason:   # the reason is the rows: said once
            return [f"项目“{project.name}”：{_missing(score)}尚无得分，按 0 分计入总分 {score.total}，"
                    f"得分暂不可信，表上的自评等次印为“—”"]
        counted = f"{_missing(score)}尚无得分，按 0 分计入总分 {score.total}；" if missing else ""
        return [f"项目“{project.name}”：{counted}{reason}，表上的自评等次印为“—”"]
    if not missing:
        return []
    return [f"项目“{project.name}”：{_missing(score)}尚无得分，按 0 分计入总分 "
            f"{score.total}（{score.grade}），打印的总分和等次不是最终结果"]


def _missing(score) -> str:
    """What has no score yet: “预算执行率得分和 2 项指标”."""
    rows = sum(1 for s in score.indicators if s.score is None)
    what = f"{rows} 项指标" if rows else ""
    if score.execution.weight and score.execution.score is None:
        what = "预算执行率得分" + (f"和 {what}" if what else "")
    return what


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_name(text: str) -> str:
    """A file name part that Windows and Linux both accept."""
    cleaned = _UNSAFE.sub("_", text).strip(" .")
    return cleaned[:60] or "项目"


def per_project_paths(path: Path, form: str, projects: list[Project]) -> list[Path]:
    """File names for one PDF per project: in ``path`` if it is a folder, each named by the form
    it holds (the 部门整体 evaluation's file is not called 项目支出绩效自评表_… when it holds the
    部门整体支出绩效自评表, see :func:`form_of`); else beside it, ``path``'s name
    as prefix."""
    folder = path if path.is_dir() else path.parent
    out, used = [], set()
    for i, p in enumerate(projects, 1):
        stem = form_of(form, p)[0] if path.is_dir() else path.stem
        name = f"{stem}_{i:02d}_{safe_name(p.name)}.pdf"
        while name in used:
            name = name[:-4] + "_.pdf"
        used.add(name)
        out.append(folder / name)
    return out


def export_pdf(doc: Document, path, form: str = "basic", project_ids=None,
               one_file: bool = True, inputs: Iterable = (), progress=None,
               force: bool = False) -> list[Path]:
    """Write the form of the chosen projects (all when ``project_ids`` is None) and return the files.

    ``one_file``: one PDF at ``path``; otherwise one PDF per project, named after the project, in
    ``path`` when it is a folder, else beside it with ``path``'s name as prefix.
    Raises ExportError with a Chinese message; no file is left half-written, and a failed export
    changes no file (``files.replace_all_atomically``). Every target is
    checked first (``files.check_target``, with ``inputs``, the files being printed): a
    refused target leaves every file as it was. An existing PDF is replaced only with ``force``
    (the window's save dialog asked; ``print --force``), a document or an input never.
    """
    path = Path(path)
    projects = select(doc, project_ids)
    if form not in FORMS:
        raise ExportError(f"没有“{form}”这种表，可选：{'、'.join(FORMS)}")
    if not projects:
        raise ExportError("没有可打印的项目")
    folder = path if (not one_file and path.is_dir()) else path.parent
    if not folder.is_dir():
        raise ExportError(f"文件夹“{folder}”不存在")
    if one_file:
        jobs = [(path, projects)]
    else:
        jobs = list(zip(per_project_paths(path, form, projects), ([p] for p in projects)))
    inputs = list(inputs)
    try:
        for target, _ in jobs:
            check_target(target, inputs, (".pdf",), "PDF", force=force)
    except TargetError as exc:
        raise ExportError(str(exc)) from None
    rendered = [(target, render_pdf(doc, chosen, form, progress)) for target, chosen in jobs]
    written = [target for target, _ in rendered]
    try:   # all or none: a failure on file 3 of 5 must not leave files 1 and 2 replaced
        replace_all_atomically((target, lambda tmp, data=data: write_into(tmp, data))
                               for target, data in rendered)
    except OSError as exc:
        raise ExportError(_unwritten(exc, written)) from exc
    remove_debris(folder, keep=written[0])     # what killed exports left there
    return written


def _unwritten(exc: OSError, targets: list[Path]) -> str:
    """Why the PDFs were not written, and that none was (or which ones were, when the old ones
    could not be put back)."""
    failed = exc.filename or targets[0]
    said = f"无法写入“{failed}”：{os_cause(exc)}"
    changed = getattr(exc, "left_changed", [])
    if changed:
        return said + "。已经替换、未能恢复原样的：" + "、".join(f"“{p.name}”" for p in changed)
    if len(targets) > 1:
        return said + f"。{len(targets)} 个文件都没有写出，已有的保持原样"
    return said


def open_with_system_viewer(path) -> bool:
    """Open a file with the system's default program (the PDF viewer), without waiting. False
    when this machine has no program for it (nothing was started): the window then says where
    the file is instead of letting the clerk wait for a viewer that never comes."""
    path = str(Path(path))
    try:
        if sys.platform.startswith("win"):
            os.startfile(path)  # type: ignore[attr-defined]  # noqa: S606 - no association: OSError
        elif sys.platform == "darwin":
            subprocess.Popen(["open", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        else:
            if not _desktop_opens(path):
                return False
            subprocess.Popen(["xdg-open", path], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        return False
    return True


def _desktop_opens(path: str) -> bool:
    """Whether xdg-open is there and the desktop names a program for ``path``'s type (asked of
    xdg-mime; when it cannot say, yes)."""
    import shutil
    if shutil.which("xdg-open") is None:
        return False
    mime = shutil.which("xdg-mime")
    if mime is None:
        return True
    kind = "application/pdf" if path.lower().endswith(".pdf") else None
    if kind is None:
        return True
    try:
        found = subprocess.run([mime, "query", "default", kind], capture_output=True, text=True,
                               timeout=5)
    except (OSError, subprocess.SubprocessError):
        return True
    return bool(found.stdout.strip()) or found.returncode != 0
