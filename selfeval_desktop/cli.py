"""Headless commands (命令行): the same results as the window, without a display.

``selfeval-desktop [FILE]`` opens the window; ``selfeval-desktop COMMAND …`` runs a command.
Each command lives in ``selfeval_desktop/commands/<name>.py`` with ``register(subparsers)``.
Bad input gives one clear line on stderr and a non-zero exit, never a traceback.
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path
import sqlite3
import sys

from .commands import COMMAND_MODULES

DESCRIPTION = """绩效自评助手：项目支出绩效自评、打分、打印。
Project performance self-evaluation: score, check and print.

不带命令时打开窗口 (no command: open the window)：
  selfeval-desktop [文件FILE]     打开文件（或上次的文件）/ open FILE or the last file
  selfeval-desktop --demo         在演示文件上打开窗口 / open the window on a demo document
"""


def build_parser():  # -> argparse.ArgumentParser (argparse only imported for commands)
    import argparse

    from .argparse_zh import ChineseParser as _Parser
    parser = _Parser(prog="selfeval-desktop", description=DESCRIPTION,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f".commands.{name}", __package__).register(sub)
    return parser


def _is_window_call(argv: list[str]) -> bool:
    """No arguments, ``--demo``, or a path (command names have no dot or slash)."""
    first = argv[0] if argv else None
    return first is None or first == "--demo" or any(c in first for c in "./\\")


def no_display() -> str | None:
    """Why the window cannot start here (Linux with no X11/Wayland display and no Qt platform
    chosen), as one Chinese line; None when a display may be there. Qt would abort in English."""
    if not sys.platform.startswith("linux"):
        return None
    if any(os.environ.get(k) for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return None
    return ("selfeval-desktop: 没有可用的图形显示（未设置 DISPLAY / WAYLAND_DISPLAY），无法打开窗口；"
            "命令行用法见 selfeval-desktop --help")


def _window(argv: list[str]) -> int:
    problem = no_display()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from .app import run_gui  # the window: only imported when needed
    return run_gui(argv)


def unknown_command(word: str, commands) -> str:
    """“未知命令“socre”（是否想用 score？）”, or the list of commands when nothing is close."""
    import difflib
    close = difflib.get_close_matches(word, sorted(commands), n=1, cutoff=0.5)
    if close:
        return f"selfeval-desktop: 未知命令“{word}”（是否想用 {close[0]}？）"
    return f"selfeval-desktop: 未知命令“{word}”，可用的命令：{'、'.join(sorted(commands))}"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if _is_window_call(argv):  # decided before the commands (and reportlab …) are imported
        return _window(argv)
    from .commands.common import CommandError, reason  # not on the window's path: its start stays short
    parser = build_parser()
    commands = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    first = argv[0]
    if first not in commands and not first.startswith("-"):
        if Path(first).exists():  # a document named without an extension
            return _window(argv)
        print(unknown_command(first, commands), file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except CommandError as exc:
        print(f"selfeval-desktop {args.command}: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and closed: not an error of ours
        sys.stderr.close()
        return 0
    except (OSError, sqlite3.Error) as exc:  # a disk or file failure no command foresaw
        print(f"selfeval-desktop {args.command}: 操作失败：{reason(exc)}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
