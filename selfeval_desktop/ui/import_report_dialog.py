"""The 导入Excel report in a window of its own: a summary line on top, the whole report below in a
read-only text box that scrolls, and 复制 / 保存为文本 / 关闭.

A report of a big workbook runs to a hundred lines and more: in a message box its buttons ended up
below the screen. The dialog is not modal, so the clerk can keep it open beside the window while
going through what was not read.
"""
from __future__ import annotations

from pathlib import Path

from ..db.document import os_cause
from ..reports.xlsx_import_review import review_lines
from .qt import (QDialog, QDialogButtonBox, QFileDialog, QFont, QGuiApplication, QLabel,
                 QMessageBox, QPlainTextEdit, QVBoxLayout, Qt)

WIDTH, HEIGHT = 760, 540        # at most; a smaller screen gets 90 % of its free area


def summary_line(report, findings) -> str:
    """N 个项目读入，M 处未读入，K 条复核意见 (a 汇总 or empty sheet skipped is not 未读入)."""
    return (f"{len(report.projects)} 个项目读入，{report.missed} 处未读入，"
            f"{len(findings)} 条复核意见")


def full_text(report, findings) -> str:
    """The report as ``import-xlsx`` prints it, with the review (复核) after it in the very
    words of the command (``review_lines``)."""
    return "\n".join([report.text(), "", *review_lines(report, findings)])


class ImportReportDialog(QDialog):
    def __init__(self, report, findings, parent=None, target: str = "", placed: str = ""):
        super().__init__(parent)
        self.setWindowTitle("导入完成：导入报告")
        self.setObjectName("importReport")
        self.source = report.source
        self.summary = QLabel(summary_line(report, findings), self)
        self.summary.setObjectName("importSummary")
        bold = QFont(self.summary.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.summary.setFont(bold)
        self.summary.setWordWrap(True)
        where = QLabel(placed or (f"已写入“{Path(target).name}”并打开。未读入的内容请对照原表补填；"
                                  "复核意见在报告末尾。" if target else ""), self)
        where.setWordWrap(True)
        where.setVisible(bool(placed or target))
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("importText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setPlainText(full_text(report, findings))
        buttons = QDialogButtonBox(self)
        self.copy_button = buttons.addButton("复制", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton("保存为文本…", QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save_text)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(where)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self._fit_screen()

    def _fit_screen(self) -> None:
        screen = (self.parentWidget().screen() if self.parentWidget() is not None
                  else QGuiApplication.primaryScreen())
        free = screen.availableGeometry() if screen is not None else None
        width, height = WIDTH, HEIGHT
        if free is not None:
            width = min(WIDTH, int(free.width() * 0.9))
            height = min(HEIGHT, int(free.height() * 0.9))
        self.setMinimumSize(min(360, width), min(240, height))
        self.resize(width, height)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.copy_button.setText("已复制")

    def save_text(self) -> bool:
        default = str(Path(self.source).with_name(f"{Path(self.source).stem}-导入报告.txt"))
        out, _ = QFileDialog.getSaveFileName(self, "保存导入报告", default, "文本文件 (*.txt)")
        if not out:
            return False
        out = Path(out) if Path(out).suffix else Path(out).with_suffix(".txt")
        try:   # with a BOM: Windows Notepad of every age reads it as UTF-8
            out.write_text(self.text.toPlainText().replace("\n", "\r\n"), encoding="utf-8-sig",
                           newline="")
        except OSError as exc:
            QMessageBox.warning(self, "无法保存", f"无法写入“{out.name}”：{os_cause(exc)}")
            return False
        self.save_button.setText("已保存")
        return True


def show_import_report(window, report, findings, target: str = "",
                       placed: str = "") -> ImportReportDialog:
    """Show the report beside the window (not modal) and return the dialog; ``placed`` says
    where the projects went when not to a file of their own (``target``)."""
    dialog = ImportReportDialog(report, findings, window, target, placed)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
