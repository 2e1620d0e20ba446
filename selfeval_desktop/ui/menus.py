"""The window's menu bar: 文件, 编辑, 项目, 视图, 帮助.

The project list's buttons are in the 项目 menu too, with keys, so the keyboard reaches them;
their enabled state follows the list's buttons.
"""
from __future__ import annotations

from .access_keys import menu_text
from .finalize_actions import FinalizeActions
from .qt import QKeySequence
from .row_keys import ROW_OPERATIONS, keys_text
from .undo_actions import UndoActions

PROJECT_ACTIONS = (  # key, text, shortcut, the list panel's method (None: move up/down)
    ("duplicate", "复制项目", "Ctrl+Shift+D", "duplicate_project"),
    ("delete", "删除项目…", None, "delete_project"),
    ("up", "上移", "Alt+Shift+Up", None), ("down", "下移", "Alt+Shift+Down", None))
LIST_BUTTONS = {"duplicate": "duplicate_button", "delete": "delete_button", "up": "up_button",
                "down": "down_button"}


def build_menus(window) -> None:
    bar = window.menuBar()
    window.file_actions.build_menu(bar.addMenu("文件(&F)"))
    edit = bar.addMenu("编辑(&E)")
    window.undo_actions = UndoActions(window)
    window.undo_action = window.undo_actions.undo_action
    window.redo_action = window.undo_actions.redo_action
    window.undo_actions.build_menu(edit)
    _build_find_entries(window, edit)
    _build_clipboard_entries(edit)
    window.finalize_actions = FinalizeActions(window)
    _build_project_menu(window, bar.addMenu("项目(&P)"))
    view = bar.addMenu("视图(&V)")
    toggle = window.checks.toggleViewAction()
    toggle.setText(menu_text("问题清单"))
    view.addAction(toggle)
    view.addSeparator()
    window.zoom.build_menu(view)      # 放大 / 缩小 / 恢复默认大小 (ui.zoom)
    _build_help_menu(window, bar.addMenu("帮助(&H)"))


CLIPBOARD_ENTRIES = (("剪切", "Ctrl+X", "cut"), ("复制", "Ctrl+C", "copy"),
                     ("粘贴", "Ctrl+V", "paste"), ("全选", "Ctrl+A", "selectAll"))


def _build_clipboard_entries(menu) -> None:
    """剪切/复制/粘贴/全选 for the clerk who works from menus, not only 撤销/重做 in 编辑.
    They act on the box or grid that had the keyboard focus; the keys stay the widgets' own (the
    text after the tab only shows them), so nothing changes for the keyboard."""
    from .qt import QApplication
    target = {}
    menu.aboutToShow.connect(lambda: target.__setitem__("widget", QApplication.focusWidget()))
    menu.addSeparator()
    for text, keys, op in CLIPBOARD_ENTRIES:
        menu.addAction(menu_text(text, keys), lambda op=op: edit_focused(target.get("widget"), op))
    # the grids' row operations, found only on a right-click before
    menu.addSeparator()
    rows = [menu.addAction(menu_text(text, keys_text(keys)),
                           lambda name=name: row_action(target.get("widget"), name))
            for name, text, keys in ROW_OPERATIONS]
    menu.aboutToShow.connect(lambda: [a.setEnabled(_row_grid(target.get("widget")) is not None)
                                      for a in rows])


FIND_ENTRIES = (("查找…", "Ctrl+F", 0), ("查找下一处", "F3", 1), ("查找上一处", "Shift+F3", -1))


def _build_find_entries(window, menu) -> None:
    """查找 (Ctrl+F) and F3 / Shift+F3, as a clerk knows them from Excel. The find bar itself
    loads on first use (ui.find_bar), not before the window's first paint."""
    menu.addSeparator()
    for text, keys, step in FIND_ENTRIES:
        action = menu.addAction(menu_text(text), lambda step=step: _find(window, step))
        action.setShortcut(QKeySequence(keys))


def _find(window, step: int) -> None:
    from .find_bar import find_in_window
    find_in_window(window, step)


def _row_grid(widget):
    """The grid ``widget`` is (or is editing a cell of) when its rows can be inserted/moved."""
    from .grid import grid_of
    grid = grid_of(widget)
    return grid if grid is not None and grid._rows_model() else None


def row_action(widget, name: str) -> bool:
    """Run a grid's row operation (``name`` as in ``Grid.row_actions``) from the 编辑 menu."""
    grid = _row_grid(widget)
    if grid is None:
        return False
    grid.commit_editor()
    grid.row_actions[name].trigger()
    grid.setFocus()
    return True


def edit_focused(widget, op: str) -> bool:
    """Run 剪切/复制/粘贴/全选 (``op``) on ``widget``: a grid copies and pastes TSV blocks as its keys
    do; a text box does what its own keys do. False when it has no such thing."""
    if widget is None:
        return False
    if hasattr(widget, "copy_selection"):            # a grid (grid.view.Grid)
        if op == "cut":
            widget.cut_selection()
        elif op == "copy":
            widget.copy_selection()
        elif op == "paste":
            widget.paste()
        else:
            widget.selectAll()
        return True
    action = getattr(widget, op, None)
    if action is None or getattr(widget, "isReadOnly", lambda: False)() and op in ("cut", "paste"):
        return False
    action()
    return True


def _build_project_menu(window, menu) -> None:
    window.add_project_action = menu.addAction(
        menu_text("新增项目"),
        lambda: window.page is not None and window.page.projects.add_project())
    window.add_project_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
    window.project_actions = {}
    for key, text, shortcut, method in PROJECT_ACTIONS:
        # the keys as the grid menus write them (Alt+Shift+↑), not Qt's “Alt+Shift+上方向”
        shown = menu_text(text, keys_text(shortcut) if shortcut else None)
        action = menu.addAction(shown, _project_action(window, key, method))
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        window.project_actions[key] = action
    window.add_department_action = menu.addAction(
        menu_text("新增部门整体评价"),
        lambda: window.page is not None and window.page.projects.add_department())
    window.add_department_action.setToolTip("新增本单位的部门整体支出绩效自评（投入、过程、产出、效益、"
                                            "满意度指标），每个文件一个")
    menu.aboutToShow.connect(lambda: update_project_actions(window))
    menu.addSeparator()
    window.finalize_actions.build_menu(menu)


def _project_action(window, key: str, method: str | None):
    def run():
        if window.page is None:
            return
        panel = window.page.projects
        if method is None:
            panel.move_selected(-1 if key == "up" else 1)
        else:
            getattr(panel, method)()
    return run


def update_project_actions(window) -> None:
    """The 项目 menu's entries enabled as the list's buttons are (and 新增 only when editable)."""
    page = window.page
    window.add_project_action.setEnabled(page is not None and not window.session.readonly)
    for key, action in window.project_actions.items():
        action.setEnabled(page is not None and getattr(page.projects, LIST_BUTTONS[key]).isEnabled())
    window.add_department_action.setEnabled(page is not None and page.projects.can_add_department())


def _build_help_menu(window, menu) -> None:
    """使用说明 (F1, beside the window, not modal) and 关于 with the version."""
    guide = menu.addAction(menu_text("使用说明"), lambda: _show_help(window))
    guide.setShortcut(QKeySequence("F1"))
    menu.addSeparator()
    menu.addAction(menu_text("关于绩效自评助手"), lambda: _show_about(window))


def _show_help(window) -> None:
    from .help_dialog import show_help
    dialog = getattr(window, "help_dialog", None)
    if dialog is not None and dialog.isVisible():
        dialog.raise_()
        dialog.activateWindow()
        return
    window.help_dialog = show_help(window)


def _show_about(window) -> None:
    from .help_dialog import about_text
    from .qt import QMessageBox
    QMessageBox.about(window, "关于绩效自评助手", about_text())
