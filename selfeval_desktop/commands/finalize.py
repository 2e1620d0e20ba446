"""``finalize FILE [--project ID] [--undo]``: 定稿 — projects become read-only, digest stored.

The work is :mod:`selfeval_desktop.db.finalize`, shared with the window's 项目 → 定稿."""
from __future__ import annotations

from pathlib import Path
import sys

from ..db import finalize as shared
from ..db import repo
from ..db.document import DocumentError, open_document
from ..domain.checks import open_reminders
from ..domain.digest import shown_time
from .common import CommandError, open_for_reading, select_projects
from .writing_lock import add_option, writing


def register(sub) -> None:
    p = sub.add_parser("finalize", help="定稿：项目改为只读并记录校验码 / finalize projects",
                       description="定稿：记录各项目内容的校验码，定稿后项目只读；打印的表格带校验码和二维码。\n"
                                   "Finalize projects: store a digest of their content; they become "
                                   "read-only and print a check code.")
    p.add_argument("file", help="自评文件 / document (.sqlite)")
    p.add_argument("--project", type=int, metavar="ID", help="只处理此编号的项目 / only this project")
    p.add_argument("--undo", action="store_true", help="撤销定稿 / unfinalize")
    p.add_argument("--force", action="store_true",
                   help="有错误时仍然定稿 / finalize even when checks report errors")
    add_option(p)
    p.set_defaults(run=run)


def _in_window(editing: str, name: str) -> str:
    # the window would go on showing the projects as editable, and print them so
    return f"“{name}”已在窗口中打开{editing}，未作修改；请在那个窗口中用“项目 → 定稿”，或先关闭它"


def run(args) -> int:
    """Everything that may refuse is decided on a read-only open; the file is opened for writing
    (an earlier release's file backed up and upgraded then) only when there is something to
    write: ``--project 999`` must not upgrade the file and write a backup beside it while
    saying 未作修改."""
    name = Path(args.file).name
    with writing(args.file, args.take_over, lambda editing: _in_window(editing, name)):
        # a rule profile this program lacks is one of the checks' errors: refused below
        opened, doc = open_for_reading(args.file, scored=False)
        opened.close()
        projects = select_projects(doc, args.project)
        if args.undo:
            if not any(p.finalized_at for p in projects):
                return _report_unfinalized(projects)
        else:
            _refuse_errors(doc, projects, args.force)
            if all(p.finalized_at for p in projects):
                return _report(doc, [shared.Change(p, False, p.digest, p.finalized_at)
                                     for p in projects])
        try:
            opened = open_document(Path(args.file))
        except DocumentError as exc:
            raise CommandError(str(exc)) from None
        try:
            if opened.readonly:
                raise CommandError(f"“{name}”只能只读打开（{opened.notice}），未作修改")
            doc = repo.load_document(opened.conn)    # as written (an upgraded file re-read)
            projects = select_projects(doc, args.project)
            if args.undo:
                return _unfinalize(opened.conn, projects)
            return _finalize(opened.conn, doc, projects, args.force)
        finally:
            opened.close()


def _refuse_errors(doc, projects, force: bool) -> None:
    """CommandError (exit 1) when a project to finalize has errors and not ``force``."""
    blocked = [(p, errors) for p in projects if not p.finalized_at and not force
               and (errors := shared.blocking_errors(doc, p))]
    if blocked:
        raise _refusal(blocked)


def _refusal(blocked) -> CommandError:
    """The refusal of projects with errors (``FinalizeRefused.blocked``), in one line."""
    project, errors = blocked[0]
    others = f"（另有 {len(blocked) - 1} 个项目也有错误）" if len(blocked) > 1 else ""
    return CommandError(f"「{project.name.strip() or '未命名项目'}」有 {len(errors)} 个错误，如："
                        f"{_without_name(errors[0].message, project)}{others}；"
                        f"请先用 check 查看并改正，或加 --force；未作修改", code=1)


def _finalize(conn, doc, projects, force: bool) -> int:
    try:
        changes = shared.finalize(conn, doc, projects, force=force)
    except shared.FinalizeRefused as exc:
        raise _refusal(exc.blocked) from None
    return _report(doc, changes)


def _report(doc, changes) -> int:
    for c in changes:
        p = c.project
        if c.changed:
            print(f"[{p.id}] {p.name}：已定稿，校验码 {c.code}")
            reminder = _reminders(doc, p)
            if reminder:
                print(f"注意：[{p.id}] {reminder}", file=sys.stderr)
        else:
            print(f"[{p.id}] {p.name}：早已定稿（{shown_time(p.finalized_at)}），未改动")
    return 0


def _reminders(doc, project) -> str:
    """The 提醒 left open on a project just finalized, in one line (the window asks with them)."""
    warnings = open_reminders(doc, project)
    if not warnings:
        return ""
    return (f"定稿时还有 {len(warnings)} 条提醒，如：{_without_name(warnings[0].message, project)}；"
            f"用 check 查看，如需修改请 --undo 撤销定稿")


def _without_name(message: str, project) -> str:
    """A finding's message without the 「项目名称」 it starts with (the refusal names it once)."""
    name = f"「{project.name.strip() or '未命名项目'}」"
    return message[len(name):] if message.startswith(name) else message


def _unfinalize(conn, projects) -> int:
    for c in shared.unfinalize(conn, projects):
        p = c.project
        print(f"[{p.id}] {p.name}：{'已撤销定稿' if c.changed else '未定稿，无需撤销'}")
    return 0


def _report_unfinalized(projects) -> int:
    """--undo with no project finalized: said as ``_unfinalize`` says it, nothing opened to write."""
    for p in projects:
        print(f"[{p.id}] {p.name}：未定稿，无需撤销")
    return 0
