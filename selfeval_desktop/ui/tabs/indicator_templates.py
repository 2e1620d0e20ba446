"""Common indicators of science-bureau projects (resources/templates/indicators.json) and of a
部门整体 evaluation (department_indicators.json) for the 插入常用指标 menu. No Qt."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
import json

from ... import RESOURCES
from ...domain.model import Indicator


@dataclass(frozen=True)
class TemplateGroup:
    level1: str
    level2: str
    items: tuple[tuple[str, str], ...]   # (三级指标, 年度指标值)

    def indicators(self, only: str | None = None) -> list[Indicator]:
        """New indicator rows (actual, 分值 left for the user); ``only``: one item by name."""
        return [Indicator(self.level1, self.level2, name, target)
                for name, target in self.items if only is None or name == only]


TEMPLATE_FILES = {"project": "indicators.json",
                  # the 部门整体's own (with project indicators only, the 投入/过程 rows of a new
                  # 部门整体 could not be put back once deleted)
                  "department": "department_indicators.json"}


@lru_cache(maxsize=2)
def load_templates(kind: str = "project") -> tuple[TemplateGroup, ...]:
    path = RESOURCES / "templates" / TEMPLATE_FILES[kind]
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(TemplateGroup(g["level1"], g["level2"],
                               tuple((i["name"], i["target"]) for i in g["items"]))
                 for g in data["groups"])


def template_position(indicators, profile, level1: str, level2: str) -> int:
    """Where template rows of (``level1``, ``level2``) go so that they join their block: after the
    last row of the same 一级 and 二级, else at the end of the same 一级, else between the
    一级 blocks in the profile's order (产出 → 效益 → 满意度). A heading written only on a
    block's first row counts for the rows below it (as the grid draws it)."""
    def key(written: str) -> str:
        level = profile.level1_for(written) if written and written.strip() else None
        return level.key if level is not None else (written or "").strip()

    order = {level.key: i for i, level in enumerate(profile.level1)}
    rows, current1, current2 = [], "", ""
    for ind in indicators:
        if (ind.level1 or "").strip():
            if key(ind.level1) != current1:
                current2 = ""
            current1 = key(ind.level1)
        if (ind.level2 or "").strip():
            current2 = ind.level2.strip()
        rows.append((current1, current2))
    want1, want2 = key(level1), (level2 or "").strip()
    same2 = [i for i, (a, b) in enumerate(rows) if a == want1 and b == want2]
    if same2:
        return same2[-1] + 1
    same1 = [i for i, (a, _b) in enumerate(rows) if a == want1]
    if same1:
        return same1[-1] + 1
    rank = order.get(want1, len(order))
    earlier = [i for i, (a, _b) in enumerate(rows) if order.get(a, len(order)) < rank]
    return earlier[-1] + 1 if earlier else 0
