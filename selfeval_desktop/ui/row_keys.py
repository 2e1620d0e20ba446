"""The grids' row operations as the menus list them: name, text, keys (no Qt, no grid).

The 编辑 and 项目 menus are built before the first paint and write these; importing them from
``grid.rows`` loaded the whole grid package (grid.view, models.base …, ~15 ms) for a window whose
first tab (项目概况) has no grid. ``grid.rows`` gives them to the grids.
"""
from __future__ import annotations

# The row operations: name, text, keys. Ctrl+Shift+= inserts, as in Excel; Ctrl+数字键盘+ too,
# in Grid.keyPressEvent — a second shortcut “Ctrl++” on the action made a real Ctrl+Shift+=
# ambiguous (both matched) and Qt then ran neither. The 编辑 menu lists these too.
ROW_OPERATIONS = (("insert_above", "在上方插入行", "Ctrl+Shift+="),
                  ("insert_below", "在下方插入行", "Ctrl+="),
                  ("delete", "删除所选行", "Ctrl+-"),
                  ("up", "上移一行", "Alt+Up"),
                  ("down", "下移一行", "Alt+Down"))


def keys_text(keys: str) -> str:
    """Keys as the menus write them: Alt+↑, not Alt+Up."""
    return keys.replace("Up", "↑").replace("Down", "↓")
