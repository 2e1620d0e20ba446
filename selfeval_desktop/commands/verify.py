"""``verify FILE``: do finalized projects still match their check codes?

Exit status: 0 every finalized project matches; 1 at least one does not (content changed after
定稿, or its 定稿 record is incomplete or damaged); 2 the file cannot be read; 3 the file has no
finalized project, so there was nothing to check (not the same as "all good").
"""
from __future__ import annotations

import argparse

from ..domain.digest import check_code, finalization_problem, project_digest, shown_time
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
    finalized = [p for p in doc.projects if p.digest or p.finalized_at]
    if not finalized:
        print(f"文件中没有定稿项目，无可核对（共 {len(doc.projects)} 个项目，均未定稿）")
        return NOTHING
    bad = 0
    for p in finalized:
        problem = finalization_problem(p)
        if problem:
            bad += 1
            print(f"不一致 [{p.id}] {p.name}  定稿记录不完整：{problem}，无法核对")
            continue
        now = project_digest(doc, p)
        if now == p.digest:
            print(f"一致  [{p.id}] {p.name}  校验码 {check_code(p.digest)}"
                  f"（定稿于 {shown_time(p.finalized_at)}）")
            print(f"      完整摘要（二维码内容）：{p.digest}")
        else:
            bad += 1
            print(f"不一致 [{p.id}] {p.name}  定稿校验码 {check_code(p.digest)}，现在内容的校验码 "
                  f"{check_code(now)}：定稿后内容被改动过")
            print(f"      定稿时的完整摘要（二维码内容）：{p.digest}")
    unfinal = len(doc.projects) - len(finalized)
    print(f"共 {len(finalized)} 个定稿项目，{bad} 个不一致；{unfinal} 个项目未定稿")
    return MISMATCH if bad else MATCH
