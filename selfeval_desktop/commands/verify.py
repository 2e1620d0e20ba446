"""``verify FILE``: do finalized projects still match their check codes?

Exit status: 0 every finalized project matches; 1 at least one does not (content changed after
定稿, or its 定稿 record is incomplete or damaged); 2 the file cannot be read; 3 the file has no
finalized project, so there was nothing to check (not the same as "all good").

A mismatch lists what changed since 定稿 when the file holds the content stored then. With
``--code`` the 校验码 printed on a paper form is looked up instead: 0 the file still holds what the
paper shows, 1 it changed since (listed), 3 no 定稿 in the file has that code.
"""
from __future__ import annotations

import argparse

from ..db.repo import finalized_snapshots, restores
from ..domain.digest import verification
from ..domain.finalized_diff import CHANGED, MATCH as PAPER_MATCH, normalized_code, paper_check
from .common import CommandError, open_for_reading

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
                    "  3  文件中没有定稿项目，无可核对 / no finalized project: nothing to check\n\n"
                    "不一致时列出定稿后改动了哪些内容。加 --code 时按纸质表上的校验码核对：\n"
                    "0 与纸质表相同，1 与纸质表不同（列出改动），3 文件中没有这个校验码。",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", help="自评文件 / document (.sqlite)")
    p.add_argument("--code", metavar="校验码",
                   help="纸质表上印的校验码（如 ABCD-1234-EF56-7890，或二维码中的完整摘要）："
                        "说明文件与这张纸质表是否相同、改了哪里 / the check code on a paper form")
    p.set_defaults(run=run)


def run(args) -> int:
    code = None
    if args.code is not None:
        code = normalized_code(args.code)
        if code is None:
            raise CommandError(f"“{args.code}”不是校验码：纸质表上的校验码是 16 位数字和字母 A–F，"
                               "如 ABCD-1234-EF56-7890")
    opened, doc = open_for_reading(args.file, scored=False)
    try:
        snapshots = finalized_snapshots(opened.conn)
        restored = restores(opened.conn)
    finally:
        opened.close()
    if code is not None:
        status, lines = paper_check(doc, code, snapshots, restored)
        print("\n".join(lines))
        return MATCH if status == PAPER_MATCH else MISMATCH if status == CHANGED else NOTHING
    lines, finalized, bad = verification(doc, snapshots)
    print("\n".join(lines))
    if not finalized:
        return NOTHING
    return MISMATCH if bad else MATCH
