"""Message boxes whose buttons say what they do (“定稿”, “转到第一个问题”), not 是/否.

One function, so that tests replace it (``monkeypatch.setattr(dialogs, "choose", …)``) instead of
clicking a real dialog.
"""
from __future__ import annotations

from .qt import QMessageBox

WARNING = "warning"
QUESTION = "question"


def choose(parent, title: str, text: str, buttons: list[str], default: int = 0,
           kind: str = QUESTION) -> int | None:
    """Show ``text`` with one button per entry of ``buttons`` (the last one closes the box);
    the index of the button clicked, or None when the box was closed another way."""
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(text)
    box.setIcon(QMessageBox.Icon.Warning if kind == WARNING else QMessageBox.Icon.Question)
    made = []
    for i, label in enumerate(buttons):
        role = QMessageBox.ButtonRole.RejectRole if i == len(buttons) - 1 else \
            QMessageBox.ButtonRole.AcceptRole
        made.append(box.addButton(label, role))
    box.setDefaultButton(made[default])
    box.setEscapeButton(made[-1])
    box.exec()
    clicked = box.clickedButton()
    return made.index(clicked) if clicked in made else None
