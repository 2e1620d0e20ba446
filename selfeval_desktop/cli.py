"""Headless commands (命令行): the same results as the window, without a display.

``selfeval-desktop [FILE]`` opens the window; ``selfeval-desktop COMMAND …`` runs a command.
Each command lives in ``selfeval_desktop/commands/<name>.py`` with ``register(subparsers)``.
Bad input gives one clear line on stderr and a non-zero exit, never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from .commands import COMMAND_MODULES
from .commands.common import CommandError

DESCRIPTION = """绩效自评助手：项目支出绩效自评、打分、打印。
Project performance self-evaluation: score, check and print.

不带命令时打开窗口 (no command: open the window)：
  selfeval-desktop [文件FILE]     打开文件（或上次的文件）/ open FILE or the last file
  selfeval-desktop --demo         在演示文件上打开窗口 / open the window on a demo document
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, Chinese first, exit 2
        self.exit(2, f"{self.prog}: 参数错误 (bad arguments): {message}\n")


def build_parser() -> argparse.ArgumentParser:
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


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if _is_window_call(argv):  # decided before the commands (and reportlab …) are imported
        from .app import run_gui
        return run_gui(argv)
    parser = build_parser()
    commands = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    if not argv or argv[0] not in commands and argv[0] not in ("-h", "--help"):
        from .app import run_gui  # the window: only imported when needed
        return run_gui(argv)
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


if __name__ == "__main__":
    sys.exit(main())
