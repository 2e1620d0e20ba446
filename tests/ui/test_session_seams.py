"""DocumentSession's files keep to their seam: what one file uses of another is named in
``session_base.SessionBase``, and everything named there is real.

A maintainer reading a mixin sees in SessionBase all it relies on; these tests keep that true when a
mixin starts using something new (declare it) or session.py drops or renames something (the
declaration must go or follow)."""
from __future__ import annotations

import ast
from pathlib import Path

from selfeval_desktop.ui import session_base
from selfeval_desktop.ui.session_base import SessionBase

UI = Path(session_base.__file__).parent


def _class_names(cls: ast.ClassDef) -> set[str]:
    """Names a class body defines: methods, class attributes, annotations (also in an ``if``)."""
    names = set()
    body = list(cls.body)
    for node in body:
        if isinstance(node, ast.If):
            body += node.body
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _classes(path: Path) -> list[ast.ClassDef]:
    return [n for n in ast.parse(path.read_text(encoding="utf-8")).body
            if isinstance(n, ast.ClassDef)]


def _declared() -> set[str]:
    [base] = [c for c in _classes(UI / "session_base.py") if c.name == "SessionBase"]
    return _class_names(base)


def _attributes_of(tree: ast.AST, owner: str) -> set[str]:
    """``self.X`` (owner "self") or ``self._session.X`` (owner "_session") used in ``tree``."""
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        value = node.value
        if owner == "self" and isinstance(value, ast.Name) and value.id == "self":
            found.add(node.attr)
        elif owner == "_session" and isinstance(value, ast.Attribute) and \
                value.attr == "_session" and isinstance(value.value, ast.Name) and \
                value.value.id == "self":
            found.add(node.attr)
    return found


def test_each_mixin_uses_only_its_own_names_and_the_declared_ones():
    declared = _declared()
    mixins, undeclared = [], {}
    for path in sorted(UI.glob("session_*.py")):
        for cls in _classes(path):
            if not any(isinstance(b, ast.Name) and b.id == "SessionBase" for b in cls.bases):
                continue
            mixins.append(cls.name)
            missing = _attributes_of(cls, "self") - _class_names(cls) - declared
            if missing:
                undeclared[f"{path.name}:{cls.name}"] = sorted(missing)
    assert set(mixins) >= {"Transactions", "ProjectEdits", "FinalizeEdits", "Replug"}
    assert not undeclared, f"declare these in session_base.SessionBase: {undeclared}"


def test_the_undo_steps_call_back_only_declared_names():
    used = _attributes_of(ast.parse((UI / "session_undo.py").read_text(encoding="utf-8")),
                          "_session")
    assert used, "session_undo no longer calls its session back: update this test"
    assert used <= _declared(), sorted(used - _declared())


def test_every_declared_name_is_a_real_one_of_the_session(session):
    """Declarations only: SessionBase itself defines none of them, a DocumentSession has all."""
    declared = _declared()
    assert not declared & set(vars(SessionBase)), "SessionBase must only declare, never define"
    assert [name for name in sorted(declared) if not hasattr(session, name)] == []
