"""Common indicators of science-bureau projects (resources/templates/indicators.json) for the
绩效指标 tab's 插入模板 menu. No Qt."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
import json

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


@lru_cache(maxsize=1)
def load_templates() -> tuple[TemplateGroup, ...]:
    path = resources.files("selfeval_desktop") / "resources" / "templates" / "indicators.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(TemplateGroup(g["level1"], g["level2"],
                               tuple((i["name"], i["target"]) for i in g["items"]))
                 for g in data["groups"])
