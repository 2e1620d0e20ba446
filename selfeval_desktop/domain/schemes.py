"""How a project's spending lines are classified (支出经济分类 or the R&D cost categories).

Its own module so that both the document model and the bundled catalogs (``catalogs``) can use it:
the model asks the catalog which line sits under which (30211 under 302) for the 支出合计.
"""
from __future__ import annotations

from enum import Enum


class SpendingScheme(str, Enum):
    """How a project's spending lines are classified."""
    ECONOMIC = "economic"  # 支出经济分类 (302 商品和服务支出, 30211 差旅费)
    RD2011 = "rd2011"      # 科研经费 11 类（设备费、材料费……）
    RD2021 = "rd2021"      # 2021 年起：设备费、业务费、劳务费


SCHEME_NAMES = {SpendingScheme.ECONOMIC: "支出经济分类", SpendingScheme.RD2011: "科研经费开支范围（11类）",
                SpendingScheme.RD2021: "科研经费开支范围（2021年起3类）"}
