"""``demo -o FILE [--seed 000|001|002|003|004]``: write a demo document built from a seed report.

An existing FILE is replaced only if it is itself a demo document written by this command
(marked ``demo_seed``) whose content is still exactly that demo; any other file (a demo since
edited or finalized, someone's own 自评文件, another program's database, a spreadsheet, a
folder) is refused and left untouched. The new file is written beside FILE and
moved into place only once complete.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from ..db.demo import (DEFAULT_SEED, SEED_TITLES, SEEDS, DemoError, demo_seed_of,
                       normalize_seed, unchanged_demo, write_demo)
from ..db.document import DocumentError, open_document, os_reason
from .common import CommandError
from .writing_lock import add_option, writing

EPILOG = "演示数据 / seeds:\n" + "\n".join(f"  {s}  {SEED_TITLES[s]}" for s in SEEDS)


def register(sub) -> None:
    p = sub.add_parser(
        "demo", help="写出演示文件 / write a demo document",
        description="根据样例自评报告写出一个演示用的自评文件（每个文件一个单位）。\n"
                    "报告没写的内容留空，检查（check）会把这些空缺列出来。\n"
                    "FILE 已存在时，只有它是本命令写出、且内容未经修改的演示文件才会被替换；\n"
                    "其他文件（包括改动过或已定稿的演示文件）一律不动。\n\n"
                    "Write a demo document built from a sample report (one unit per file).\n"
                    "What the report does not say is left empty; `check` lists those gaps.\n"
                    "An existing FILE is replaced only if it is an unchanged demo written by this\n"
                    "command; any other file (an edited or finalized demo too) is left untouched.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="要写出的自评文件 / document to write (.sqlite)")
    p.add_argument("--seed", default=DEFAULT_SEED, metavar="SEED",
                   help=f"样例报告编号 {' | '.join(SEEDS)}（默认 {DEFAULT_SEED}）"
                        f" / seed report ({' | '.join(SEEDS)}, default {DEFAULT_SEED})")
    add_option(p)
    p.set_defaults(run=run)


def _may_replace(path: Path) -> None:
    """Raise CommandError unless ``path`` is absent or one of our demo documents."""
    if not path.exists() and not path.is_symlink():
        return
    if path.is_dir():
        raise CommandError(f"“{path}”是一个文件夹，请指定要写出的文件名")
    if path.is_symlink():
        raise CommandError(f"“{path.name}”是一个链接，未覆盖；请换一个文件名")
    try:
        opened = open_document(path, readonly=True)
    except DocumentError as exc:
        raise CommandError(f"“{path.name}”已存在且不是演示文件，未覆盖（{exc}）") from None
    try:
        marked = demo_seed_of(opened.conn)
        seed = unchanged_demo(opened.conn) if marked else None
    except Exception:  # a file of ours we cannot read: not ours to replace
        marked = seed = None
    finally:
        opened.close()
    if marked and seed is None:
        raise CommandError(f"“{path.name}”由演示文件而来，但内容已被修改或定稿，未覆盖；"
                           f"请换一个文件名")
    if seed is None:
        raise CommandError(f"“{path.name}”是已有的自评文件（不是演示文件），未覆盖；请换一个文件名")


def _in_window(editing: str, name: str) -> str:
    return f"“{name}”已在窗口中打开{editing}，未覆盖；请先关闭那个窗口，或换一个文件名"


def run(args) -> int:
    try:
        seed = normalize_seed(args.seed)
    except DemoError as exc:
        raise CommandError(str(exc)) from None
    path = Path(args.output)
    if not path.parent.is_dir():
        raise CommandError(f"文件夹“{path.parent}”不存在")
    _may_replace(path)
    with writing(path, args.take_over, lambda editing: _in_window(editing, path.name)):
        try:
            write_demo(path, seed)
        except (DemoError, DocumentError) as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:
            raise CommandError(f"无法写出“{path.name}”：{os_reason(exc)}") from None
    print(f"已写出演示文件“{path}”：{SEED_TITLES[seed]}")
    return 0
