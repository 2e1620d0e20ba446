"""The start-up floor: the main window's widgets, filled with fixed Chinese text, and nothing else.

A reference for ``bench_startup``: the same kinds and numbers of Qt widgets the app shows at its
first paint (menu bar with its actions and shortcuts, the header, the project list as a Python
table model of 20 rows, four tabs with the 项目概况 form, the 问题清单 dock, the status bar), but
no document, no scoring, no modules of ours. The time this takes above a bare ``QMainWindow`` is
what PySide6 itself charges for such a window; what the app takes above this is ours.

Run as a script with the same probe as the bare window (probe.py).
"""
import sys

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDockWidget, QFormLayout,
                               QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget, QMainWindow,
                               QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QSplitter,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

import probe

PROJECTS = [(f"科技创新专项资金项目{i + 1}", f"{80 + i % 20}.50", "良优中差"[i % 4]) for i in range(20)]
MENUS = {"文件(&F)": ["新建", "从上年文件新建", "打开", "最近文件", "另存为副本", "导入Excel", "导出Excel",
                    "打印/导出PDF", "打开演示文件", "关闭文件", "退出"],
         "编辑(&E)": ["撤销", "重做", "剪切", "复制", "粘贴", "删除"],
         "项目(&P)": ["新增项目", "复制项目", "删除项目", "上移", "下移", "定稿", "撤销定稿"],
         "视图(&V)": ["问题清单", "项目概况", "预算表", "绩效指标", "结论"],
         "帮助(&H)": ["使用说明", "关于"]}
FIELDS = ["项目名称", "主管部门", "实施单位", "项目负责人", "联系电话", "地址", "邮编"]
TEXTS = ["立项背景", "实施情况", "预期目标", "实际完成情况"]


class Projects(QAbstractTableModel):
    def rowCount(self, parent=None):
        return len(PROJECTS)

    def columnCount(self, parent=None):
        return 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return ("项目", "得分", "等次")[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return PROJECTS[index.row()][index.column()]
        return None


def build() -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle("演示文件.sqlite — 绩效自评助手")
    window.resize(1280, 720)
    shortcut = iter([QKeySequence.StandardKey.New, QKeySequence.StandardKey.Open,
                     QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo,
                     QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Paste])
    for title, names in MENUS.items():
        menu = window.menuBar().addMenu(title)
        for name in names:
            action = QAction(name, window)
            key = next(shortcut, None)
            if key is not None:
                action.setShortcut(key)
            action.triggered.connect(lambda _=False: None)
            menu.addAction(action)
    page = QWidget(window)
    layout = QVBoxLayout(page)
    header = QFrame(page)
    row = QHBoxLayout(header)
    for text in ("单位", "年度", "评分规则"):
        row.addWidget(QLabel(text, header))
    row.insertWidget(1, QLineEdit("××县科学技术局", header))
    year = QSpinBox(header)
    year.setRange(2000, 2100)
    year.setValue(2021)
    row.insertWidget(3, year)
    rules = QComboBox(header)
    rules.addItems(["财政部 财预〔2020〕10号", "湖北 20/80", "部门整体"])
    row.addWidget(rules)
    row.addWidget(QLabel("综合得分 86.50  良", header))
    layout.addWidget(header)
    splitter = QSplitter(Qt.Orientation.Horizontal, page)
    left = QWidget(splitter)
    left_layout = QVBoxLayout(left)
    table = QTableView(left)
    table.setModel(Projects(table))
    left_layout.addWidget(table)
    buttons = QHBoxLayout()
    for text in ("新增", "复制", "删除", "↑", "↓"):
        buttons.addWidget(QPushButton(text, left))
    left_layout.addLayout(buttons)
    tabs = QTabWidget(splitter)
    form_page = QWidget()
    form = QFormLayout(form_page)
    for name in FIELDS:
        form.addRow(QLabel(name, form_page), QLineEdit(f"{name}示例文字", form_page))
    for name in TEXTS:
        edit = QPlainTextEdit(form_page)
        edit.setPlainText(f"{name}：按照年度工作计划，项目已按期完成，资金使用规范。")
        form.addRow(QLabel(name, form_page), edit)
    scroll = QScrollArea(tabs)
    scroll.setWidgetResizable(True)
    scroll.setWidget(form_page)
    tabs.addTab(scroll, "项目概况")
    for title in ("预算表", "绩效指标", "结论"):
        tabs.addTab(QWidget(tabs), title)
    splitter.addWidget(left)
    splitter.addWidget(tabs)
    layout.addWidget(splitter, 1)
    window.setCentralWidget(page)
    dock = QDockWidget("问题清单", window)
    body = QWidget(dock)
    dock_layout = QVBoxLayout(body)
    dock_layout.addWidget(QCheckBox("只看当前项目", body))
    dock_layout.addWidget(QLabel("2 个错误，3 个提醒", body))
    findings = QListWidget(body)
    findings.addItems(["预算执行率得分与计算不符", "指标“培训人次”的实际值无法识别"])
    dock_layout.addWidget(findings)
    dock.setWidget(body)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.statusBar().showMessage("已保存 09:30:00")
    return window


def main() -> None:
    app = QApplication(sys.argv)
    probe.run(app, build())


if __name__ == "__main__":
    main()
