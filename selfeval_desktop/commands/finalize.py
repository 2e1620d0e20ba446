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
from .common import CommandError, select_projects
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
    name = Path(args.file).name
    with writing(args.file, args.take_over, lambda editing: _in_window(editing, name)):
        try:
            opened = open_document(Path(args.file))
        except DocumentError as exc:
            raise CommandError(str(exc)) from None
        try:
            if opened.readonly:
                raise CommandError(f"“{name}”只能只读打开（{opened.notice}），未作修改")
            doc = repo.load_document(opened.conn)
            projects = select_projects(doc, args.project)
            if args.undo:
                return _unfinalize(opened.conn, projects)
            return _finalize(opened.conn, doc, projects, args.force)
        finally:
            opened.close()


def _finalize(conn, doc, projects, force: bool) -> int:
    try:
        changes = shared.finalize(conn, doc, projects, force=force)
    except shared.FinalizeRefused as exc:
        project, errors = exc.blocked[0]
        others = f"（另有 {len(exc.blocked) - 1} 个项目也有错误）" if len(exc.blocked) > 1 else ""
        raise CommandError(f"「{project.name.strip() or '未命名项目'}」有 {len(errors)} 个错误，如："
                           f"{_without_name(errors[0].message, project)}{others}；"
                           f"请先用 check 查看并改正，或加 --force；未作修改", code=1) from None
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
