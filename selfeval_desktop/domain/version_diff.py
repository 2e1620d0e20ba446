"""备份与恢复's “与现在相比”: a backup's content against the file's now, in a clerk's words.

The backup list used to say only “项目相同，内容有不同”, so the clerk had to open each backup to
learn what differed; and a project renamed was listed as one more and one fewer. Here

- projects are matched by their row id, as the pane below the list matches them: one renamed is
  “项目改名：“A”→“B””. SQLite gives a deleted project's id to the next one made, so an id is the
  same project only when its kind and its name or its 实施单位 are the same (the rule by which
  核对 judges a paper's project, ``finalized_diff.renamed_or_same``);
- what changed within a project is said as 核对 says it (``finalized_diff.differences`` of the two
  ``digest_text``s: the tab, the row, the field, then → now), with its 总分 then and now;
- the backup is “then”, the file “now”: an arrow goes from the backup's to the file's.

:func:`compare` reads two loaded documents (the list's other rows are first told in short from
the names alone, :func:`by_names`, which costs no loading). No Qt.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .digest import digest_text, score_text
from .finalized_diff import differences, renamed_or_same
from .model import Document, Project

# lines of ``differences`` about the whole file, not the project: said once, not per project
GENERAL = ("单位信息·", "评价年度：", "评分规则：", "等次写法：")


@dataclass(frozen=True)
class Key:
    """What tells a project apart, read cheaply (``db.snapshots.summary``)."""
    id: int | None
    kind: str
    name: str
    implementer: str = ""

    @property
    def shown(self) -> str:
        return self.name.strip() or "未命名项目"


def same_project(then: Key, now: Key) -> bool:
    """Whether two projects of the same id are one (renamed, or not): an id given again after a
    delete goes to another project, which has neither the name nor the 实施单位."""
    return then.kind == now.kind and renamed_or_same((then.name, then.implementer),
                                                     (now.name, now.implementer))


@dataclass
class Changed:
    """A project in both, with other content."""
    name: str                  # as it is now
    then_total: str            # its 总分 and 等次 in the backup (“60.00（及格）”)
    now_total: str
    changes: list[str]         # one line each (``finalized_diff.differences``)

    def score(self) -> str:
        """“得分 60.00→72.50”, “，等次 及格→良” added when the 等次 differs (not when either is
        the provisional —); "" when the same."""
        then, now = _total(self.then_total), _total(self.now_total)
        said = f"得分 {then}→{now}" if then != now else ""
        grades = _grade(self.then_total), _grade(self.now_total)
        if grades[0] != grades[1] and "—" not in grades and "" not in grades:
            said += f"{'，' if said else ''}等次 {grades[0]}→{grades[1]}"
        return said

    def short(self, compact: bool = False) -> str:
        """In a few words; the one change itself when it is the only one (not ``compact``: one
        of several projects changed, each said by its count)."""
        parts = [self.score()] if self.score() else []
        if len(self.changes) == 1 and not parts and not compact:
            parts.append(self.changes[0])
        elif self.changes:
            parts.append(f"改了 {len(self.changes)} 处")
        return f"“{self.name}”：{'，'.join(parts) or '内容有不同'}"


@dataclass
class Diff:
    """The backup (then) against the file (now)."""
    heading: str | None = None                           # the backup's unit and year, when not now's
    general: list[str] = field(default_factory=list)     # 单位信息, 评价年度, 评分规则 …
    renamed: list[tuple[str, str]] = field(default_factory=list)   # (then, now)
    more: list[str] = field(default_factory=list)        # in the backup, no longer in the file
    fewer: list[str] = field(default_factory=list)       # in the file, not in the backup
    changed: list[Changed] | None = None                 # None: not looked into (names only)
    reordered: bool = False

    def short(self, shown: int = 2) -> str:
        """A few words for the list's column (``shown`` names of each kind at most)."""
        parts = [self.heading] if self.heading else []
        if self.renamed:
            parts.append("项目改名：" + _cut([f"“{a}”→“{b}”" for a, b in self.renamed], shown))
        if self.more:
            parts.append(f"比现在多 {len(self.more)} 个项目：{_names(self.more, shown)}")
        if self.fewer:
            parts.append(f"比现在少 {len(self.fewer)} 个项目：{_names(self.fewer, shown)}")
        if self.changed is None:
            if not (self.renamed or self.more or self.fewer):
                parts.append("项目相同，内容有不同")
            return "；".join(parts)
        if self.general:
            parts.append(_cut(self.general, shown))
        if self.changed:
            told = _cut([c.short(len(self.changed) > 1) for c in self.changed], shown, "；")
            parts.append(told if len(self.changed) == 1 else
                         f"{len(self.changed)} 个项目有改动：{told}")
        if self.reordered and not parts:
            parts.append("项目的顺序不同")
        return "；".join(parts) or "项目相同，内容有不同"

    def lines(self) -> list[str]:
        """Everything, one line each: for the pane below the list and the CLI's ``--json``."""
        out = [f"单位和年度：备份中是“{self.heading}”"] if self.heading else []
        out += self.general
        out += [f"项目改名：“{a}”→“{b}”" for a, b in self.renamed]
        if self.more:
            out.append(f"备份中有、现在已没有的项目：{_names(self.more, len(self.more))}")
        if self.fewer:
            out.append(f"现在有、备份中还没有的项目：{_names(self.fewer, len(self.fewer))}")
        for c in self.changed or []:
            score = f"{c.score()}，" if c.score() else ""
            out.append(f"“{c.name}”：{score}改了 {len(c.changes)} 处" if c.changes else c.short())
            out += [f"　· {line}" for line in c.changes]
        if self.reordered:
            out.append("项目的顺序不同")
        return out


def _total(text: str) -> str:
    """“72.50（良）” → 72.50 (the short words give the number only)."""
    return text.split("（")[0]


def _grade(text: str) -> str:
    """“72.50（良）” → 良; "" when there is none (未评分)."""
    return text.split("（", 1)[1].rstrip("）") if "（" in text else ""


def _names(names: list[str], shown: int) -> str:
    return _cut([f"“{n}”" for n in names], shown)


def _cut(items: list[str], shown: int, sep: str = "、") -> str:
    return sep.join(items[:shown]) + ("等" if len(items) > shown else "")


def by_names(then: list[Key], now: list[Key], heading: str | None = None) -> Diff:
    """The projects the backup has that the file no longer has, those it lacks, and those
    renamed — matched by id (:func:`same_project`); what changed within them is not looked into."""
    present = {k.id: k for k in now}
    diff = Diff(heading=heading)
    kept: set = set()
    for key in then:
        there = present.get(key.id)
        if there is not None and same_project(key, there):
            kept.add(key.id)
            if key.name.strip() != there.name.strip():
                diff.renamed.append((key.shown, there.shown))
        else:
            diff.more.append(key.shown)
    diff.fewer = [k.shown for k in now if k.id not in kept]
    return diff


def key_of(project: Project) -> Key:
    return Key(project.id, project.kind.value, project.name, project.implementer)


def compare(then: Document, now: Document, heading: str | None = None) -> Diff:
    """The backup's document against the file's: :func:`by_names`, and within each project in
    both what differs (its lines) and its 总分 then and now."""
    diff = by_names([key_of(p) for p in then.projects], [key_of(p) for p in now.projects], heading)
    present = {p.id: p for p in now.projects}
    diff.changed = []
    order_then, order_now = [], [p.id for p in now.projects]
    for project in then.projects:
        there = present.get(project.id)
        if there is None or not same_project(key_of(project), key_of(there)):
            continue
        order_then.append(project.id)
        lines = differences(digest_text(then, project), digest_text(now, there))
        for line in lines:
            if line.startswith(GENERAL) and line not in diff.general:
                diff.general.append(line)
        own = [line for line in lines if not line.startswith(GENERAL)
               and not line.startswith("项目名称：")]      # said by 项目改名
        then_total, now_total = score_text(then, project), score_text(now, there)
        if own or then_total != now_total:
            diff.changed.append(Changed(there.name.strip() or "未命名项目", then_total, now_total,
                                        own))
    diff.reordered = order_then != [i for i in order_now if i in set(order_then)]
    return diff
