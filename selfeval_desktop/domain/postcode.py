"""邮编: whether a typed postcode is one, said in place by the window and listed by the checks.

Apart from ``checks_base`` (the 问题清单's findings): the 项目概况 tab checks the 邮编 as it first
shows a project, before the first paint, when the checks themselves are not loaded yet.
"""
from __future__ import annotations

import re


def postcode_problem(text: str) -> str | None:
    """Why a 邮编 is not one (None when it is six digits, or empty): the window says it in place."""
    text = text.strip()
    if not text or re.fullmatch(r"\d{6}", text):
        return None
    digits = re.sub(r"\D", "", text)
    if len(digits) != len(text):
        return "应为6位数字，不能含其他字符"
    return f"只有{len(text)}位，邮编应为6位数字" if len(text) < 6 else \
        f"有{len(text)}位，邮编应为6位数字"
