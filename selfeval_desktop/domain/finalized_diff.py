"""What changed since 定稿: the stamped paper's content against the file's, in the clerk's words.

At 定稿 the program stores the text whose sha256 is the printed 校验码 (``digest.digest_text``),
keyed by the digest. The receiving side (主管部门, 财政) can then be told not only *that* a project
changed after its paper was stamped but *what*: “绩效指标第3行「培训人次」实际完成值：“4次” → “5次””.
The stored text proves itself: its sha256 must be the digest, so an altered record is said to be
altered, never listed as the truth. Earlier 定稿 of a project are kept too (撤销定稿 and 定稿 again
gives the same paper a new code), so the code on any paper printed from the file can be looked up.
No Qt here.
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
import json

from .digest import (MEMBER_MONEY, check_code, digest_text, matching_text, score_text, shown_time,
                     text_digest, text_like)
from .labels import FIELD_LABELS
from .model import (CONCLUSION_SECTIONS, FUND_KIND_LABELS, Document, Project, Source, SpendingScheme,
                    source_label)
from .money import format_wan
from .profiles import profile_name
from .schemes import SCHEME_NAMES

SNAPSHOT_PREFIX = "finalized:"     # meta key of a stored 定稿 content: finalized:<digest>


@dataclass(frozen=True)
class Snapshot:
    """The content of a project as it was finalized (the paper's content)."""
    digest: str
    text: str                 # ``digest_text`` at 定稿
    at: str                   # the 定稿 time (ISO)
    project_id: int | None    # the project's row id then (and now, unless it was deleted)
    name: str                 # its name then
    total: str = ""           # its 综合得分 and 等次 as printed then (“98.00（优）”), if known

    @property
    def intact(self) -> bool:
        """The stored text is the one the digest was made of (not altered since)."""
        return text_digest(self.text) == self.digest

    def record(self) -> str:
        """The stored form (the meta value)."""
        return json.dumps({"text": self.text, "at": self.at, "project_id": self.project_id,
                           "name": self.name, "total": self.total}, ensure_ascii=False,
                          sort_keys=True)

    @classmethod
    def from_record(cls, digest: str, value: str) -> "Snapshot | None":
        try:
            data = json.loads(value)
            return cls(digest, str(data["text"]), str(data.get("at") or ""),
                       data.get("project_id") if isinstance(data.get("project_id"), int) else None,
                       str(data.get("name") or ""), str(data.get("total") or ""))
        except (ValueError, KeyError, TypeError):
            return None


def snapshot_of(doc: Document, project: Project, at: str) -> Snapshot:
    """What to store when ``project`` is finalized at ``at``."""
    text = digest_text(doc, project)
    return Snapshot(text_digest(text), text, at, project.id, project.name,
                    score_text(doc, project))


# ------------------------------------------------------------------ showing values

MONEY = {"funding", "source", "fund_kind"}
MONEY_ATTRS = {"planned", "actual", "special_planned", "special_actual"}   # of budget lines
ROWS = (("budget_lines", "budget_line", "预算表支出明细", ("code", "name")),
        ("indicators", "indicator", "绩效指标", ("level1", "level2", "name")),
        ("evaluators", "evaluator", "评价人员", ("name",)))
SHORT = 30        # texts longer than this are shown around where they differ
MEMBER_LABELS = {"name": "项目名称", "implementer": "实施单位", "annual_budget": "全年预算数",
                 "executed": "全年执行数"}


def _money(value) -> str:
    return "（空）" if value is None else f"{format_wan(int(value))} 万元"


def _shown(value) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, str):
        return f"“{value}”"
    return str(value)


def _change(before, after) -> str:
    """“4次” → “5次”; a long text shown around its first difference."""
    if (isinstance(before, str) and isinstance(after, str)
            and max(len(before), len(after)) > SHORT):
        start = 0
        while start < min(len(before), len(after)) and before[start] == after[start]:
            start += 1
        end = 0
        while (end < min(len(before), len(after)) - start
               and before[-1 - end] == after[-1 - end]):
            end += 1
        removed, added = before[start:len(before) - end], after[start:len(after) - end]
        if not removed or not added:     # words only added (or only taken out): say which
            where = f"在“…{before[max(0, start - 8):start]}”之后" if start else "在开头"
            verb, words = ("增加了", added) if added else ("删去了", removed)
            if len(words) > 2 * SHORT:
                words = words[:2 * SHORT] + "……"
            return f"{where}{verb}“{words}”"
        return f"{_excerpt(before, start, end)} → {_excerpt(after, start, end)}"
    return f"{_shown(before)} → {_shown(after)}"


def _excerpt(text: str, start: int, end: int) -> str:
    """The differing middle of ``text`` with a little of what is the same on each side."""
    lo, hi = max(0, start - 8), min(len(text), len(text) - end + 8)
    middle = text[lo:hi]
    if len(middle) > 2 * SHORT:
        middle = middle[:2 * SHORT] + "……"
    if not middle:
        return "（空）" if not text else "（无）"
    return f"“{'…' if lo else ''}{middle}{'…' if hi < len(text) else ''}”"


def _fields(out: list[str], where: str, entity: str, before: dict, after: dict,
            money: bool = False, labels: dict | None = None) -> None:
    if labels is None:
        labels = MEMBER_LABELS if entity == "member" else FIELD_LABELS.get(entity, {})
    keys = [k for k in labels if k in before or k in after]
    keys += sorted(k for k in set(before) | set(after) if k not in labels and not
                   isinstance(before.get(k, after.get(k)), (dict, list)))
    for key in keys:
        b, a = before.get(key), after.get(key)
        if b == a:
            continue
        label = labels.get(key, key)
        if money or (entity == "budget_line" and key in MONEY_ATTRS) or (
                entity == "member" and key in MEMBER_MONEY):
            out.append(f"{where}{label}：{_money(b)} → {_money(a)}")
        else:
            out.append(f"{where}{label}：{_change(b, a)}")


# ------------------------------------------------------------------ the differences

def differences(before: str, after: str) -> list[str]:
    """Each change from one ``digest_text`` to another, one Chinese line each, in the order of
    the window's tabs (unit and year first, then 项目概况, 预算表, 绩效指标, 结论)."""
    b, a = json.loads(before), json.loads(after)
    if b.get("v") != a.get("v"):
        return ["定稿时与现在的校验规则版本不同，无法逐项对照"]
    out: list[str] = []
    _fields(out, "单位信息·", "unit", b.get("unit") or {}, a.get("unit") or {})
    for key, label in (("year", "评价年度"), ("profile", "评分规则"), ("grade_names", "等次写法")):
        if b.get(key) != a.get(key):
            shown = (profile_name(v) if key == "profile" and v else v for v in (b.get(key), a.get(key)))
            out.append(f"{label}：{_change(*shown)}")
    bp, ap = b.get("project") or {}, a.get("project") or {}
    _fields(out, "", "project", _readable(bp), _readable(ap))
    region = (a.get("unit") or {}).get("region_word") or "省级"     # 自治区财政 in Guangxi
    _funding(out, bp.get("funding") or {}, ap.get("funding") or {}, region)
    for attr, entity, title, key_attrs in ROWS:
        _rows(out, title, entity, key_attrs, bp.get(attr) or [], ap.get(attr) or [])
    # a 部门整体's 部门所属项目, as its form prints them
    _rows(out, "部门所属项目", "member", ("implementer", "name"), b.get("members") or [],
          a.get("members") or [])
    bc, ac = bp.get("conclusions") or {}, ap.get("conclusions") or {}
    for key in [*CONCLUSION_SECTIONS, *sorted((set(bc) | set(ac)) - set(CONCLUSION_SECTIONS))]:
        if bc.get(key, "") != ac.get(key, ""):
            out.append(f"{CONCLUSION_SECTIONS.get(key, key)}：{_change(bc.get(key, ''), ac.get(key, ''))}")
    return out


FUNDING_LABELS = {**FIELD_LABELS["funding"], "initial_budget": "年度资金总额 年初预算数",
                  "annual_budget": "年度资金总额 全年预算数", "executed": "年度资金总额 全年执行数"}


def _readable(project: dict) -> dict:
    """The project's plain values as the window says them (支出经济分类, not economic)."""
    scheme = project.get("spending_scheme")
    if scheme in {s.value for s in SpendingScheme}:
        return {**project, "spending_scheme": SCHEME_NAMES[SpendingScheme(scheme)]}
    return project


def _funding(out: list[str], before: dict, after: dict, region: str = "省级") -> None:
    _fields(out, "预算表·", "funding", before, after, money=True, labels=FUNDING_LABELS)
    bs, as_ = before.get("by_source") or {}, after.get("by_source") or {}
    for key in [s.value for s in Source] + sorted((set(bs) | set(as_)) - {s.value for s in Source}):
        try:
            name = source_label(Source(key), region)
        except ValueError:
            name = key
        _fields(out, f"预算表·{name} ", "source", bs.get(key) or {}, as_.get(key) or {}, money=True)
    bk, ak = before.get("by_kind") or {}, after.get("by_kind") or {}
    for kind, name in FUND_KIND_LABELS.items():
        _fields(out, f"预算表·{name} ", "fund_kind", bk.get(kind.value) or {},
                ak.get(kind.value) or {}, money=True)


def _row_name(row: dict, key_attrs: tuple[str, ...]) -> str:
    name = next((row.get(k) for k in reversed(key_attrs) if row.get(k)), "")
    return f"「{name}」" if name else "（未命名）"


def _rows(out: list[str], title: str, entity: str, key_attrs: tuple[str, ...],
          before: list[dict], after: list[dict]) -> None:
    """Rows matched by their names (a row renamed in place still counts as the same row)."""
    keys_b = [tuple(r.get(k) for k in key_attrs) for r in before]
    keys_a = [tuple(r.get(k) for k in key_attrs) for r in after]
    matcher = SequenceMatcher(None, keys_b, keys_a, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            for i, j in zip(range(i1, i2), range(j1, j2)):
                where = f"{title}第{j + 1}行{_row_name(after[j], key_attrs)}·"
                _fields(out, where, entity, before[i], after[j])
            continue
        for i in range(i1, i2):
            out.append(f"{title}：删去了定稿时的第{i + 1}行{_row_name(before[i], key_attrs)}")
        for j in range(j1, j2):
            out.append(f"{title}：增加了第{j + 1}行{_row_name(after[j], key_attrs)}")


# ------------------------------------------------------------------ 核对 with the paper's code

MATCH, CHANGED, UNKNOWN = "match", "changed", "unknown"


def normalized_code(text: str) -> str | None:
    """The hex digits of a 校验码 as typed from the paper (ABCD-1234-…, spaces, lower case, the
    QR code's 64 digits), or None when it cannot be one."""
    import unicodedata        # ＡＢＣＤ－１２３４ typed with a Chinese input method
    text = unicodedata.normalize("NFKC", text)
    digits = "".join(ch for ch in text.strip().lower() if ch not in "-–— ")
    if len(digits) not in (16, 64) or any(ch not in "0123456789abcdef" for ch in digits):
        return None
    return digits


def paper_check(doc: Document, code: str, snapshots: dict[str, Snapshot],
                restores: list[tuple[str, str]] = ()) -> tuple[str, list[str]]:
    """(MATCH / CHANGED / UNKNOWN, the lines to show) for the 校验码 printed on a paper form.
    ``restores``: the file's 恢复为此版本 lines of its 修改记录 (time, text; ``db.repo.restores``),
    to say when a restore, not a 撤销定稿, took the 定稿 back."""
    for p in doc.projects:
        if p.digest and p.digest.startswith(code):
            snap = snapshots.get(p.digest)
            now = _now_like(doc, p, snap)
            if matching_text(doc, p) is not None:
                return MATCH, [f"一致：纸质表是「{p.name}」{shown_time(p.finalized_at)} 定稿时打印的，"
                               "文件中的内容与纸质表相同"]
            head = f"不一致：纸质表是「{p.name}」{shown_time(p.finalized_at)} 定稿时打印的，定稿后文件中的内容被改动过"
            return CHANGED, [head, *changes_lines(snap, now, score_text(doc, p))]
    snap = next((s for d, s in snapshots.items() if d.startswith(code)), None)
    if snap is None:
        return UNKNOWN, [f"文件中没有校验码为 {check_code(code)} 的定稿记录：纸质表不是"
                         "由这个文件打印的，或校验码抄错了，或文件中的定稿记录已不在了"]
    project = next((p for p in doc.projects if p.id == snap.project_id), None)
    head = f"纸质表是「{snap.name}」{shown_time(snap.at)} 定稿时打印的"
    restored = _taken_back(snap, restores)
    if project is None:
        if restored:
            return CHANGED, [f"{head}；{restored}，备份中没有这个项目，它已不在文件中"]
        return CHANGED, [f"{head}；这个项目已不在文件中（被删除了）"]
    if not _same_project(snap, project):   # a row id given again after a delete
        return CHANGED, [f"{head}；这个项目已不在文件中（被删除了；现在同一编号的「{project.name}」"
                         "是另一个项目）"]
    now = _now_like(doc, project, snap)
    total = score_text(doc, project)
    if not project.finalized_at:
        state = f"{restored}，现在未定稿" if restored else "此后撤销了定稿，现在未定稿"
        if text_digest(now) == snap.digest:
            return MATCH, [f"{head}；{state}，但内容与纸质表相同"]
        return CHANGED, [f"{head}；{state}。与纸质表相比：", *changes_lines(snap, now, total)]
    if restored:     # re-finalized since, or the backup's own (earlier) 定稿 came back with it
        state = (f"{restored}；现在的定稿是 {shown_time(project.finalized_at)} 的（校验码 "
                 f"{check_code(project.digest or '')}），纸质表上的校验码已作废")
    else:
        state = (f"此后撤销了定稿，又于 {shown_time(project.finalized_at)} 重新定稿"
                 f"（新校验码 {check_code(project.digest or '')}），纸质表上的校验码已作废")
    if matching_text(doc, project) is not None:
        return CHANGED, [f"{head}；{state}。重新定稿的内容与纸质表相比：",
                         *changes_lines(snap, now, total)]
    # changed again after the new 定稿 — not to be read as part of a legitimate one
    later = snapshots.get(project.digest or "")
    lines = [f"{head}；{state}。另外：重新定稿后文件内容又被改动过，与新校验码也不符"]
    if later is not None and later.intact:
        lines += ["重新定稿时与纸质表相比：",
                  *changes_lines(snap, later.text, later.total, "重新定稿时")]
        lines += ["重新定稿之后又改动的：",
                  *changes_lines(later, _now_like(doc, project, later), total,
                                 then_label="重新定稿时")]
    else:
        lines += ["与纸质表相比：", *changes_lines(snap, now, total)]
    return CHANGED, lines


def _taken_back(snap: Snapshot, restores) -> str | None:
    """How a restore took this 定稿 back (“此后于 … 文件恢复为 … 的备份（打开时），这次定稿随之撤回”),
    or None: the restore's line names each 定稿 it took back by its 校验码 (``db.restore``);
    without it, a backup from before the 定稿 restored made the paper “not from this file”."""
    mark = f"校验码 {check_code(snap.digest)}"
    for at, text in restores:
        if mark in text and (at or "") >= (snap.at or ""):
            return f"此后于 {shown_time(at)} 文件{text.split('；')[0]}，这次定稿随之撤回"
    return None


def _now_like(doc: Document, project: Project, snap: Snapshot | None) -> str:
    """The project's content now, as the stored one was written (its digest version)."""
    return text_like(doc, project, snap.text if snap is not None else None)


def _same_project(snap: Snapshot, project: Project) -> bool:
    """Whether ``project`` is the one the paper shows: SQLite gives a deleted project's id to the
    next one made, so an id alone does not tell; a project renamed keeps its 实施单位 (or the
    other way round), another project has neither."""
    try:
        then = json.loads(snap.text).get("project") or {}
    except ValueError:
        return True
    return renamed_or_same((then.get("name") or "", then.get("implementer") or ""),
                           (project.name, project.implementer))


def renamed_or_same(then: tuple[str, str], now: tuple[str, str]) -> bool:
    """Whether (名称, 实施单位) ``then`` and ``now``, of two projects of the same row id, are one
    project: renamed, it keeps its 实施单位 (or the other way round); a project given the id of
    one deleted has neither (also ``version_diff.same_project``)."""
    return then[0].strip() == now[0].strip() or then[1].strip() == now[1].strip()


def changes_lines(snap: Snapshot | None, now_text: str, now_total: str = "",
                  now_label: str = "现在", then_label: str = "纸质表") -> list[str]:
    """The list of changes under a 不一致 (indented), or why it cannot be given; the 综合得分
    first when it is not what the paper says."""
    if snap is None:
        return ["   文件中没有定稿时内容的记录，无法指出改了哪里：请与盖章的纸质表逐项对照"]
    if not snap.intact:
        return ["   文件中定稿时内容的记录与校验码不符（记录本身被改动过），无法指出改了哪里："
                "请与盖章的纸质表逐项对照"]
    changes = differences(snap.text, now_text)
    if not changes:
        return ["   内容相同"]
    lines = []
    if snap.total and now_total and snap.total != now_total:     # what a receiver compares first
        lines.append(f"   综合得分：{then_label} {snap.total}，{now_label} {now_total}")
    return lines + [f"   改动了 {len(changes)} 处："] + [f"{CHANGE}{c}" for c in changes]


CHANGE = "   · "      # a listed change, as :func:`changes_lines` writes it


def cut_changes(lines: list[str], limit: int) -> list[str]:
    """``lines`` (of :func:`paper_check` or ``digest.verification``) with each list of changes
    cut to its first ``limit``, the rest counted: what a message box has room for."""
    out: list[str] = []
    run = 0
    for line in [*lines, ""]:
        if line.startswith(CHANGE):
            run += 1
            if run <= limit:
                out.append(line)
            continue
        if run > limit:
            out.append(f"{CHANGE}……另有 {run - limit} 处（命令 selfeval-desktop verify 可列出全部）")
        run = 0
        out.append(line)
    return out[:-1]
