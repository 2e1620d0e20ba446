"""Every import the program defers resolves: a wrong module or name fails here, not in a clerk's
hands the first time she uses the menu item behind it.

About 230 imports are written inside functions so that the window starts quickly (a dialog, the
workbook or PDF code loads when first used), and a few only under ``if TYPE_CHECKING``. Loading
the modules runs none of them. This test reads every module of the package, finds each such
import and checks that its module imports and that every name taken from it exists there.
"""
from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
import sys

import selfeval_desktop

PACKAGE = Path(selfeval_desktop.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        isinstance(test, ast.Name) and test.id == "TYPE_CHECKING"
        or isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def deferred_imports(tree: ast.AST):
    """The Import/ImportFrom nodes that loading the module does not run: those inside a function
    (at any depth) or under ``if TYPE_CHECKING``."""
    def visit(node: ast.AST, deferred: bool):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                if deferred:
                    yield child
            else:
                yield from visit(child, deferred or _is_type_checking(child) or isinstance(
                    child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))
    yield from visit(tree, False)


def _other_platform(module: str) -> bool:
    """A standard-library module this system lacks (``resource`` on Windows): not a typo."""
    return module.partition(".")[0] in sys.stdlib_module_names


def problems(path: Path, node: ast.Import | ast.ImportFrom) -> list[str]:
    """Why this import would fail when run ([] when it would not)."""
    if isinstance(node, ast.Import):
        targets = [(alias.name, None) for alias in node.names]
    else:
        here = _module_name(path)
        package = here if path.name == "__init__.py" else here.rpartition(".")[0]
        base = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
        targets = [(base, alias.name) for alias in node.names]
    found = []
    for module_name, name in targets:
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            if not _other_platform(module_name):
                found.append(f"module {module_name}: {exc}")
            continue
        if name is None or name == "*" or hasattr(module, name):
            continue
        try:                           # ``from ..db import finalize``: a submodule
            importlib.import_module(f"{module_name}.{name}")
        except ModuleNotFoundError:
            found.append(f"{module_name} has no {name!r}")
    return found


def test_every_deferred_import_resolves():
    checked, failures = 0, []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in deferred_imports(tree):
            checked += 1
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            failures += [f"{where}: {ast.unparse(node)} → {why}" for why in problems(path, node)]
    assert checked > 150, f"only {checked} deferred imports found: is the walk still right?"
    assert not failures, "\n".join(failures)


def test_a_broken_deferred_import_is_found():
    """The walk finds imports in methods, nested functions and TYPE_CHECKING blocks, and tells a
    missing name and a missing module from good ones."""
    source = PACKAGE / "ui" / "probe_module.py"      # resolved as if it sat in ui/
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "import os\n"                                   # at load: not deferred
        "if TYPE_CHECKING:\n"
        "    from .session import NoSuchSession\n"
        "class A:\n"
        "    def m(self):\n"
        "        def inner():\n"
        "            from .qt import QTableView, QNoSuchWidget\n"
        "        import selfeval_desktop.no_such_module\n"
        "        from ..db import finalize\n")
    nodes = list(deferred_imports(tree))
    assert [n.lineno for n in nodes] == [4, 8, 9, 10]
    found = [p for n in nodes for p in problems(source, n)]
    assert len(found) == 3, found
    assert "NoSuchSession" in found[0] and "QNoSuchWidget" in found[1]
    assert "no_such_module" in found[2]
