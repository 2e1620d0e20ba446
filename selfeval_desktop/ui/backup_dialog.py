"""文件 → 备份与恢复…: the backups of the open file (or of another one), newest first.

Each row: 时间, 原因 (打开时, 定时, 恢复前 …), 项目数, and how it differs from the file as it is
now (与现在的内容相同, the projects it has that the file no longer has …) — read from the snapshot
itself, so a clerk finds the version that still had the project deleted. The row selected shows
each project's 总分 and 等次 below. A file deleted, or moved (a U盘 under another drive letter),
is found in 自评文件 by its name. The actions are ``ui.backup_actions``'.
"""
from __future__ import annotations

from pathlib import Path

from ..db import snapshots
from . import backup_actions, backups, zoom
from .qt import (QAbstractItemView, QAbstractTableModel, QComboBox, QDialog, QHBoxLayout,
                 QHeaderView, QLabel, QModelIndex, QPushButton, Qt, QTableView, QTextBrowser,
                 QTimer, QVBoxLayout)

TITLE = "备份与恢复"
COLUMNS = ("时间", "原因", "项目数", "与现在相比")
NOW_WORDS = {"changed": "　<span style='color:#1f5fa8'>← 内容与现在不同</span>",
             "gone": "　<span style='color:#b00020'>← 现在已没有这个项目</span>"}
WHEN = ("本软件自动备份：打开文件时、编辑中每半小时、导入Excel、加入项目、定稿、删除项目和恢复之前，以及"
        "关闭文件时（内容没有变化就不重复备份）。最近一天的备份都保留（最多 20 个），更早的每天保留一个，"
        "保留 30 天。")
FULL_LINES = 15          # of what differs, in the column's tooltip (all of them in the pane below)
WIDTH, HEIGHT = 860, 470    # at 100 %; larger with the zoom (ui.zoom), within the screen
DETAIL_LINES = 4         # the detail pane shows the heading and a project's 总分 at least


class BackupModel(QAbstractTableModel):
    """The snapshots of one file, newest first, each with what it holds and how it differs.

    “与现在相比” is first said from the names alone (a few small queries a backup: the list of
    ~20 opens at once), then, row after row on the event loop's idle turns, what differs within
    the projects (the backup loaded and compared, some ms each); the row selected
    is looked into first (``detail``)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        # (snapshot, what it holds, how it differs from now: in short, in full)
        self.rows: list[tuple[snapshots.Snapshot, snapshots.Summary | None, str, str]] = []
        self.diffs: dict[int, object] = {}     # row → version_diff.Diff (None: cannot be told)
        self._now = None                       # (summary, digest) of the file now
        self._now_path: Path | None = None
        self._now_doc = None                   # the file now, loaded at the first detail
        self._due: list[int] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def set_snapshots(self, found: list[snapshots.Snapshot], now, now_path=None) -> None:
        """``now``: (summary, digest) of the file as it is on disk, or None; ``now_path``: the
        file, whose content is loaded to say what differs within the projects (none: names
        only)."""
        self.beginResetModel()
        self.rows, self.diffs, self._due = [], {}, []
        self._now, self._now_path, self._now_doc = now, now_path, None
        for snap in found:
            try:
                held = snapshots.summary(snap)
            except snapshots.SnapshotError as exc:
                self.rows.append((snap, None, str(exc), str(exc)))
                continue
            now_held, now_digest = now or (None, None)
            self.rows.append((snap, held, snapshots.compared(held, snap.digest, now_held, now_digest),
                              snapshots.compared(held, snap.digest, now_held, now_digest, 99)))
            if now is not None and now_path is not None and snap.digest != now_digest:
                self._due.append(len(self.rows) - 1)
        self.endResetModel()
        if self._due:
            self._timer.start()

    def detail(self, row: int, doc=None):
        """What differs between row ``row``'s backup and the file now (a ``version_diff.Diff``),
        looked into now if not yet (``doc``: the backup already loaded, if the caller has it);
        None when it is the file's content or cannot be told."""
        if row in self.diffs or not 0 <= row < len(self.rows):
            return self.diffs.get(row)
        snap, held, told, in_full = self.rows[row]
        diff = None
        if row in self._due:
            self._due.remove(row)
            if self._now_doc is None:
                self._now_doc = snapshots.current_document(self._now_path)
            if self._now_doc is not None:
                try:
                    diff = snapshots.differences(snap, held, self._now_doc, self._now[0], doc)
                except snapshots.SnapshotError:
                    diff = None
        self.diffs[row] = diff
        if diff is not None:
            lines = diff.lines()
            full = "\n".join(lines[:FULL_LINES]) + (
                f"\n……另有 {len(lines) - FULL_LINES} 处，见下方" if len(lines) > FULL_LINES else "")
            self.rows[row] = (snap, held, snapshots.compared(held, snap.digest, *self._now,
                                                             detail=diff), full)
            self.dataChanged.emit(self.index(row, 3), self.index(row, 3))
        return diff

    def _next(self) -> None:
        if self._due:
            self.detail(self._due[0])
        if self._due:
            self._timer.start()

    def snapshot(self, row: int) -> snapshots.Snapshot | None:
        return self.rows[row][0] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        snap, held, told, in_full = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return snap.shown
            if column == 1:
                return snap.label
            if column == 2:
                return "—" if held is None else str(len(held.projects))
            return told if role == Qt.ItemDataRole.DisplayRole else in_full
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None


def _shown_path(window) -> Path | None:
    """The file the window shows (the original of a backup shown)."""
    session = window.session
    if session is None or str(session.path) == ":memory:":
        return None
    view = getattr(session, "backup_of", None)
    return Path(view[0] if view else session.path).absolute()


class BackupDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.store = backups.store_dir()
        self.setWindowTitle(TITLE)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("自评文件：", self))
        self.files = QComboBox(self)
        self.files.setObjectName("backupFiles")
        # not as wide as its longest path: at a large zoom that made the dialog wider than
        # the screen, 关闭 off it (the list, opened, shows the whole path)
        self.files.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.files.setMinimumContentsLength(20)
        top.addWidget(self.files, 1)
        layout.addLayout(top)
        when = QLabel(WHEN, self)
        when.setWordWrap(True)
        when.setStyleSheet("color: #555;")
        layout.addWidget(when)
        self.model = BackupModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("backupTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 3)
        self.details = QTextBrowser(self)
        self.details.setObjectName("backupDetails")
        layout.addWidget(self.details, 1)
        buttons = QHBoxLayout()
        self.view_button = self._button(buttons, "打开查看（只读）", self.open_view)
        self.save_button = self._button(buttons, "另存为…", self.save_as)
        self.restore_button = self._button(buttons, "恢复为此版本…", self.restore)
        buttons.addStretch(1)
        self.now_button = self._button(buttons, "立即备份", self.back_up_now)
        self._button(buttons, "关闭", self.reject)
        layout.addLayout(buttons)
        # why 恢复为此版本 is greyed, where it is seen (not only in a tooltip)
        why = QHBoxLayout()
        self.restore_why = QLabel("", self)
        self.restore_why.setObjectName("restoreWhy")
        self.restore_why.setWordWrap(True)
        self.restore_why.setStyleSheet("color: #8a5a00;")
        why.addWidget(self.restore_why, 1)
        self.open_button = self._button(why, "打开这个文件", self.open_file)
        layout.addLayout(why)
        # the file's own folder, and a way to it (not the store's root as text
        # only: on Windows it is under the hidden %LOCALAPPDATA%)
        folder_row = QHBoxLayout()
        self.where = QLabel("", self)
        self.where.setObjectName("backupFolder")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setStyleSheet("color: #555;")
        self.where.setWordWrap(True)
        folder_row.addWidget(self.where, 1)
        self.folder_button = self._button(folder_row, "打开备份文件夹", self.open_folder)
        layout.addLayout(folder_row)
        self._fill_files()
        self.files.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.table.doubleClicked.connect(lambda _index: self.open_view())
        self.refresh()
        self._fit()

    def _fit(self) -> None:
        """860×470 at 100 %, as much larger as the zoom (ui.zoom), within the screen's free room
        (1366×768 at 150 % leaves about 910×480): at 200 % a dialog of the 100 % size left the
        detail pane 1½ lines, the heading cut and no 总分 to be seen. The pane is kept
        ``DETAIL_LINES`` lines tall at least, whatever the zoom."""
        details = self.details
        lines = details.fontMetrics().lineSpacing() * DETAIL_LINES
        margins = 2 * (details.frameWidth() + round(details.document().documentMargin()))
        details.setMinimumHeight(lines + margins)
        screen = self.window_.screen()
        free = screen.availableGeometry() if screen is not None else None
        width, height = zoom.px(WIDTH), zoom.px(HEIGHT)
        if free is not None:
            width, height = min(width, free.width() - 40), min(height, free.height() - 60)
        self.resize(max(width, 600), max(height, 360))

    def changeEvent(self, event):  # noqa: N802 - Qt override
        """The zoom changed while it is open: sized again for the new font."""
        super().changeEvent(event)
        if zoom.is_font_change(event) and hasattr(self, "details"):
            self._fit()

    def _button(self, row, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        row.addWidget(button)
        return button

    # ------------------------------------------------------------ what is listed
    def _fill_files(self) -> None:
        """The file the window shows first, then the others with backups (a file of the same
        name first: the same file moved, or on a U盘 under another letter)."""
        current = _shown_path(self.window_)
        stored = [d for d in snapshots.documents(self.store)
                  if current is None or d.path.absolute() != current]
        if current is not None:
            stored.sort(key=lambda d: d.path.name != current.name)
            self.files.addItem(f"{current.name}（当前打开，位置：{current.parent}）", str(current))
        for doc in stored:
            missing = "" if doc.path.exists() else "，文件已不在原处"
            self.files.addItem(f"{doc.path.name}（位置：{doc.path.parent}{missing}；"
                               f"{doc.snapshots} 个备份）", str(doc.path))
        if self.files.count() == 0:
            self.files.addItem("（还没有任何备份）", "")

    def doc_path(self) -> Path | None:
        data = self.files.currentData()
        return Path(data) if data else None

    def refresh(self) -> None:
        doc = self.doc_path()
        found = snapshots.list_snapshots(self.store, doc) if doc is not None else []
        self.model.set_snapshots(found, snapshots.current(doc) if doc is not None else None, doc)
        if found:
            self.table.selectRow(0)
        self._selected()

    def selected(self) -> snapshots.Snapshot | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.snapshot(rows[0].row()) if rows else None

    def _selected(self) -> None:
        snap, doc = self.selected(), self.doc_path()
        for button in (self.view_button, self.save_button):
            button.setEnabled(snap is not None)
        refusal = backup_actions.can_restore(self.window_, doc) if doc is not None else "没有文件"
        self.restore_button.setEnabled(snap is not None and refusal is None)
        self.restore_button.setToolTip(refusal or "用这个备份的内容替换文件现在的内容（先自动备份现在的内容）")
        shown = snap is not None and refusal is not None
        self.restore_why.setText(f"不能“恢复为此版本”：{refusal}" if shown else "")
        self.restore_why.setVisible(shown)
        self.open_button.setVisible(shown and doc is not None and doc.exists()
                                    and _shown_path(self.window_) != doc)
        self.now_button.setEnabled(doc is not None and doc.exists())
        folder = self.folder()
        self.where.setText(f"这个文件的备份保存在：{folder}" if folder is not None and folder.is_dir()
                           else f"备份保存在：{self.store}")
        self.folder_button.setEnabled(folder is not None and folder.is_dir())
        self.details.setHtml(self._details(snap))

    def _details(self, snap) -> str:
        if snap is None:
            if self.model.rowCount():
                return ""
            return ("<p>这个文件还没有备份。打开文件约 1 秒后会自动备份一次；也可以点“立即备份”。</p>")
        session = self.window_.session
        shown = session is not None and getattr(session, "backup_of", None) is None and \
            Path(session.path).absolute() == self.doc_path()
        try:
            held = snapshots.summary(snap)
            doc = snapshots.document(snap)          # loaded once, for the scores and the diff
            projects = snapshots.scores(snap, session.document if shown else None, doc)
        except snapshots.SnapshotError as exc:
            return f"<p>无法读取这个备份：{_escape(str(exc))}</p>"
        changed = sum(p.get("now") == "changed" for p in projects)
        gone = sum(p.get("now") == "gone" for p in projects)
        differ = "，".join(([f"{changed} 个与现在不同"] if changed else []) +
                          ([f"{gone} 个现在已没有"] if gone else []))
        lines = [f"<b>{_escape(held.heading)}</b>，{snap.shown}（{snap.label}），{len(projects)} 个项目"
                 f"{f'（{differ}）' if differ else ''}："]
        rows = self.table.selectionModel().selectedRows()
        diff = self.model.detail(rows[0].row(), doc) if rows else None
        if diff is not None:      # what differs, first (the list follows)
            lines.append("与现在相比（→ 左边是这个备份中的，右边是现在的）：")
            lines += [f"<span style='color:#1f5fa8'>{_indented(line)}</span>" for line in diff.lines()]
            lines.append("这个备份中的项目：")
        for i, p in enumerate(projects, start=1):
            name = _escape(p["name"].strip() or "未命名项目")
            if p.get("scored"):
                grade = "—（得分暂不可信）" if p.get("provisional") else p["grade"]
                line = f"{i}. {name}　总分 {p['total']}　等次 {_escape(grade)}"
            else:
                line = f"{i}. {name}　{_escape(p['grade'])}"
            lines.append(line + NOW_WORDS.get(p.get("now"), ""))
        return "<br>".join(lines)

    # ------------------------------------------------------------ the actions
    def open_view(self) -> bool:
        snap, doc = self.selected(), self.doc_path()
        if snap is None or not backup_actions.open_view(self.window_, snap, doc):
            return False
        self.accept()
        return True

    def save_as(self) -> bool:
        snap, doc = self.selected(), self.doc_path()
        if snap is None or not backup_actions.save_as(self.window_, snap, doc):
            return False
        self.accept()
        return True

    def restore(self) -> bool:
        snap, doc = self.selected(), self.doc_path()
        if snap is None or not backup_actions.restore(self.window_, snap, doc):
            return False
        self.accept()
        return True

    def open_file(self) -> bool:
        """打开这个文件: the file whose backups are listed, opened in the window (its backups
        can then be restored), the dialog kept on it."""
        doc = self.doc_path()
        if doc is None or not self.window_.file_actions.open_path(doc):
            return False
        self.files.blockSignals(True)
        self.files.clear()
        self._fill_files()
        self.files.blockSignals(False)
        self.refresh()
        return True

    def folder(self) -> Path | None:
        """The folder of the listed file's backups (``snapshots.folder_for``)."""
        doc = self.doc_path()
        return snapshots.folder_for(self.store, doc) if doc is not None else None

    def open_folder(self) -> bool:
        """打开备份文件夹: the file's backup folder in the system's file manager."""
        from ..reports import export
        folder = self.folder()
        if folder is None or not folder.is_dir():
            return False
        if export.open_with_system_viewer(folder):
            return True
        # said here, not in the status bar the dialog covers
        self.where.setText(f"这台电脑上没能打开文件管理器，请自己打开这个文件夹：{folder}")
        return False

    def back_up_now(self) -> bool:
        doc = self.doc_path()
        if doc is None:
            return False
        window = self.window_
        session = window.session
        taken = None
        if backups.backed_up(session) and Path(session.path).absolute() == doc:
            done = backups.before(window, "manual")
            taken = backups.keeper(window).taken
        else:
            try:
                taken = snapshots.take(doc, self.store, doc, "manual")
                done = True
            except snapshots.SnapshotError as exc:
                window.statusBar().showMessage(str(exc), 15000)
                done = False
        if done:
            window.statusBar().showMessage(backed_up_words(taken, self.store, doc), 15000)
        self.refresh()
        return done


def backed_up_words(taken, store, doc: Path) -> str:
    """What 立即备份 did, in words that cannot be read as “nothing saved” (“已备份
    （内容与上一个备份相同时不重复保存）” once followed a backup written)."""
    if taken is not None:
        return f"已备份：{taken.shown}（{taken.label}）"
    latest = next(iter(snapshots.list_snapshots(store, doc)), None)
    when = f"{latest.shown}（{latest.label}）的" if latest is not None else "最近的"
    return f"内容与 {when}备份相同，已有备份，不再重复保存"


def _indented(line: str) -> str:
    """A line of what differs, its leading 　 kept (rich text drops a leading space)."""
    bare = line.lstrip("　")
    return "&nbsp;" * 4 * (len(line) - len(bare)) + _escape(bare)


def _escape(text: str) -> str:
    import html
    return html.escape(text)


def show_backups(window) -> None:
    """文件 → 备份与恢复…"""
    BackupDialog(window).exec()
