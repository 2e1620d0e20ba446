"""Message boxes whose buttons say what they do (“定稿”, “转到第一个问题”), not 是/否.

One function, so that tests replace it (``monkeypatch.setattr(dialogs, "choose", …)``) instead of
clicking a real dialog.
"""
from __future__ import annotations

from .qt import QMessageBox

WARNING = "warning"
QUESTION = "question"


def choose(parent, title: str, text: str, buttons: list[str], default: int = 0,
           kind: str = QUESTION, wide: bool = False) -> int | None:
    """Show ``text`` with one button per entry of ``buttons`` (the last one closes the box);
    the index of the button clicked, or None when the box was closed another way. ``wide``: a
    list of lines that should not wrap (QMessageBox keeps its text narrow)."""
    box = QMessageBox(parent)
    if wide:
        box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 34em; }")
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


def ask_amount_unit(parent, signed: list[str], verb: str) -> str | None:
    """元 or 万元 for pasted amounts whose unit is unclear (``domain.cells.unit_unclear``: ¥ and no
    unit, or a large figure grouped by thousands), asked once; None: ``verb`` was cancelled."""
    from ..domain.cells import currency_amount
    from .grid import tsv
    example = signed[0].strip()
    as_yuan, as_wan = (tsv.cell_for_column(example, "money", unit) for unit in ("元", "万元"))
    why = "带有货币符号" if currency_amount(example) else "是按千位分隔的大数"
    answer = choose(
        parent, f"{verb}的金额单位不明",
        f"{verb}的 {len(signed)} 个金额{why}（如“{example}”），没有写单位；本表金额以万元为单位。"
        f"\n\n这些金额是元还是万元？", [f"是元（{example} 即 {as_yuan} 万元）",
                                   f"是万元（{example} 即 {as_wan} 万元）", f"取消{verb}"])
    return {0: "元", 1: "万元"}.get(answer)


def ok_cancel(dialog, ok_text: str, accept=None):
    """A dialog's 确定/取消 buttons, the first saying what it does (“核对”, “下一步：…”); ``accept``
    (default ``dialog.accept``) runs on it, 取消 rejects."""
    from .qt import QDialogButtonBox
    ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
    buttons = QDialogButtonBox(ok | cancel, dialog)
    buttons.button(ok).setText(ok_text)
    buttons.button(cancel).setText("取消")
    buttons.accepted.connect(accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
