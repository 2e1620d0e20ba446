"""Where a file was left on screen — the project, its tab, the 部门整体's page — kept per file
in the settings as it changes, so the file reopens there (not always on the first project's
项目概况, nor after a crash on another one, nor the 部门整体 on 部门指标)."""
from __future__ import annotations

from pathlib import Path

try:    # hashlib loads OpenSSL (~3 ms before the first paint); the same SHA-1, as random.py does
    from _sha1 import sha1
except ImportError:  # pragma: no cover - a Python built without its own SHA-1
    from hashlib import sha1


def key(path) -> str:
    """The settings key of a file's place: by its absolute path, hashed (no path in the key)."""
    return "place/" + sha1(str(Path(path).absolute()).encode("utf-8")).hexdigest()[:16]


def remember(settings, path, page) -> None:
    pid = page.pid
    settings.setValue(key(path), f"{'' if pid is None else pid},{page.tabs.currentIndex()},"
                                 f"{page.department_page()}")


def restore(settings, session, page) -> None:
    pid_text, tab_text, dept_text, *_ = \
        str(settings.value(key(session.path)) or "").split(",") + ["", "", ""]
    if pid_text.isdigit() and any(p.id == int(pid_text) for p in session.document.projects):
        page.projects.select_pid(int(pid_text))
    if tab_text.isdigit() and 0 < int(tab_text) < page.tabs.count():
        page.tabs.setCurrentIndex(int(tab_text))
    if dept_text.isdigit():
        page.set_department_page(int(dept_text))
