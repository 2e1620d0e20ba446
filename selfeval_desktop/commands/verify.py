"""``verify FILE``: do finalized projects still match their check codes? Exit 1 if any does not."""
from __future__ import annotations

from ..domain.digest import check_code, project_digest
from .common import open_for_reading


def register(sub) -> None:
    p = sub.add_parser("verify", help="核对定稿项目的校验码 / verify finalized projects",
                       description="核对收到的文件中已定稿项目的内容是否与定稿时一致（与纸质表上的校验码对照）。\n"
                                   "Check that finalized projects still match their stored digests.")
    p.add_argument("file", help="自评文件 / document (.sqlite)")
    p.set_defaults(run=run)


def run(args) -> int:
    opened, doc = open_for_reading(args.file)
    opened.close()
    bad = 0
    finalized = [p for p in doc.projects if p.digest]
    for p in finalized:
        now = project_digest(doc, p)
        if now == p.digest:
            print(f"一致  [{p.id}] {p.name}  校验码 {check_code(p.digest)}（定稿于 {p.finalized_at}）")
        else:
            bad += 1
            print(f"不一致 [{p.id}] {p.name}  定稿校验码 {check_code(p.digest)}，现在内容的校验码 "
                  f"{check_code(now)}：定稿后内容被改动过")
    unfinal = len(doc.projects) - len(finalized)
    print(f"共 {len(finalized)} 个定稿项目，{bad} 个不一致；{unfinal} 个项目未定稿")
    return 1 if bad else 0
