"""``ui/qt.pyi`` (what linters and IDEs see) names exactly what ``ui/qt.py`` hands out at run time,
each from the same PySide6 module: a name added to one list and not the other fails here."""
from __future__ import annotations

import ast
from pathlib import Path

from selfeval_desktop.ui import qt

STUB = Path(qt.__file__).with_suffix(".pyi")


def _stub():
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    module_of, submodules, annotated = {}, set(), set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "PySide6":
            submodules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module.startswith("PySide6."):
            for alias in node.names:
                assert alias.asname == alias.name, f"{alias.name}: write “X as X” (a re-export)"
                module_of[alias.name] = node.module.removeprefix("PySide6.")
        elif isinstance(node, ast.AnnAssign):
            annotated.add(node.target.id)
    return module_of, submodules, annotated


def test_the_stub_names_each_runtime_name_from_its_module():
    module_of, submodules, annotated = _stub()
    missing = {n: m for n, m in qt._MODULE_OF.items() if module_of.get(n) != m}
    extra = sorted(set(module_of) - set(qt._MODULE_OF))
    assert not missing, f"add to qt.pyi (name: Qt module): {missing}"
    assert not extra, f"in qt.pyi but not in qt.py's lists: {extra}"
    assert submodules == set(qt._SUBMODULES)
    assert set(module_of) | submodules | (annotated - {"__all__"}) == set(qt.__all__)


def test_every_name_in_all_is_handed_out():
    assert [name for name in qt.__all__ if getattr(qt, name, None) is None] == []
