"""``verify FILE``: do finalized projects still match their check codes?

Exit status: 0 every finalized project matches; 1 at least one does not (content changed after
定稿, or its 定稿 record is incomplete or damaged); 2 the file cannot be read; 3 the file has no
finalized project, so there was nothing to check (not the same as "all good").
"""
from __future__ import annotations

import argparse

from ..domain.digest import verification
from .common import open_for_reading

MATCH, MISMATCH, NOTHING = 0, 1, 3


def register(sub) -> None:
    p = sub.add_parser(
        "verify", help="核对定稿项目的校验码 / verify finalized projects",
        description="核对收到的文件中已定稿项目的内容是否与定稿时一致（与纸质表上的校验码对照）。\n"
                    "Check that finalized projects still match their stored digests.\n\n"
                    "退出码 / exit status:\n"
                    "  0  定稿项目全部一致 / every finalized project matches\n"
                    "  1  有不一致的项目（定稿后被改动，或定稿记录不完整）/ a mismatch\n"
                    "  2  文件无法读取 / the file cannot be read\n"
                    "  3  文件中没有定稿项目，无可核对 / no finalized project: nothing to check",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", help="自评文件 / document (.sqlite)")
    p.set_defaults(run=run)


def run(args) -> int:
    opened, doc = open_for_reading(args.file)
    opened.close()
    lines, finalized, bad = verification(doc)
    print("\n".join(lines))
    if not finalized:
        return NOTHING
    return MISMATCH if bad else MATCH
