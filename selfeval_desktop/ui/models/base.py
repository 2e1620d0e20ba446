"""What every grid's table model shares: cells bound to session fields, red unreadable cells,
row changes as precise insert/remove/move notifications, and (grids of rows) one blank row at
the bottom, as in Excel, where typing or pasting creates the real row.

A model shows one project's rows (``set_project(pid)``). Each cell is either bound to a stored
field (:class:`CellRef`: entity, row key, attr, kind) or computed (totals, scores). ``flags()``
decides what is editable and ``setData()`` is the only way an edit enters: it calls
``session.set_value``; the model learns of the change from ``session.fieldChanged`` and emits one
``dataChanged`` for it. The model keeps its own list of row objects, so that during
``beginRemoveRows`` a view still reads the rows being removed.

The blank row (``blank_row()``; models with ``ROW_ENTITY`` on an editable project) is not in the
document: it is not saved, counted, checked or printed. ``setData`` on it inserts the row and stores
the value as one undo step; Qt hears the row as inserted *below* the blank one, so the cell being
edited (and the cursor) stays on the row just created and a new blank row appears under it.
"""
from __future__ import annotations

from typing import NamedTuple

from ...domain.money import format_wan
from ..qt import QAbstractTableModel, QBrush, QColor, QModelIndex, Qt
from .. import session_fields as fields
from ..session import SessionError
from ..session_fields import DECIMAL, MONEY

ErrorRole = Qt.ItemDataRole.UserRole + 1    # why the cell is red (Chinese), or None
RowKeyRole = Qt.ItemDataRole.UserRole + 2   # the row's key (row id, Source, FundKind, None)
KindRole = Qt.ItemDataRole.UserRole + 3     # "text", "money", "decimal", "choice", "computed"
ERROR_BRUSH = QBrush(QColor(255, 199, 206))   # Excel's 差 (bad) fill
TOTAL_BRUSH = QBrush(QColor(242, 242, 242))
READONLY_BRUSH = QBrush(QColor(248, 248, 248))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)
COMPUTED = "computed"
BLANK_TIP = "在这一行输入或粘贴，即新增一行"


class _Refused(Exception):
    """A value typed into the blank row that could not be stored: the new row is taken back."""


class CellRef(NamedTuple):
    entity: str
    row_key: object
    attr: str
    kind: str   # session_fields kind: text, money, decimal, choice


class SessionTableModel(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()
    HEADER_LINES: dict[int, str] = {}  # long headers shown on two lines (column → text with \n)
    ENTITIES: tuple[str, ...] = ()   # fieldChanged entities this model shows
    ROW_ENTITY: str | None = None    # the entity whose rows this model lists (None: fixed rows)
    TOTAL_ROWS = 0                   # read-only rows after the data rows (合计)
    merge_edits = False              # set by the grid: this commit continues the cell's undo step

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.pid: int | None = None
        self._rows: list = []
        self._blank = False
        self._masked: int | None = None   # a row shown as the blank one while rows are inserted
        self._where: dict = {}
        self.last_error: str | None = None
        # cells whose write did not reach the file (U盘 out, disk full): (pid, entity, row_key,
        # attr) → (label, text typed); shown red with the text typed until it is stored
        self.unsaved: dict[tuple, tuple[str, str]] = {}
        self._writing: tuple | None = None     # (key, text) of the cell being written
        session.fieldChanged.connect(self._field_changed)
        session.rowsChanged.connect(self._rows_changed)
        session.documentReplaced.connect(self._reload)
        session.projectsChanged.connect(self._projects_changed)

    # ------------------------------------------------------------ for subclasses

    def load_rows(self) -> list:
        """The row objects (or keys) of the current project, in order."""
        if self.ROW_ENTITY is None:
            return []
        return list(self.session.rows(self.ROW_ENTITY, self.pid))

    def row_key(self, obj):
        return getattr(obj, "id", obj)

    def ref(self, row: int, col: int) -> CellRef | None:
        """The stored field behind a cell, or None for computed and label cells."""
        return None

    def computed(self, row: int, col: int, role: int):
        """Data of a cell that is not a stored field (labels, totals, scores)."""
        return None

    def cell_error(self, row: int, col: int, ref: CellRef | None) -> str | None:
        """Why the cell is red: by default, text typed into a number field that was not read."""
        if ref is not None and ref.kind in (MONEY, DECIMAL):
            return self.session.unread_error(ref.entity, self.pid, ref.row_key, ref.attr)
        return None

    def cell_editable(self, row: int, col: int, ref: CellRef) -> bool:
        return True

    def readonly_reason(self, row: int, col: int) -> str:
        """What the status bar says when a cell that takes no typing is typed on (Chinese)."""
        title = self.HEADERS[col] if 0 <= col < len(self.HEADERS) else ""
        if not self.project_editable():
            return "本项目当前不能修改"
        if self.is_total_row(row):
            return f"合计行的“{title}”由上面各行自动相加，不能直接输入"
        if col == 0 and self.ROW_ENTITY is None:
            return f"“{title}”栏是表格固定的行名，不能输入"
        return f"“{title}”是自动计算的，不能直接输入"

    def changed_rows(self, entity: str, row_key, attr: str) -> tuple[int, int] | None:
        """The rows (first, last) a field change shows in; None when not shown here."""
        row = self._where.get(row_key)
        return None if row is None else (row, row)

    def new_row(self):
        """A blank row object for insertRows (rows models only)."""
        raise NotImplementedError

    def field_of(self, col: int) -> tuple[str, str] | None:
        """(attr, kind) a column of a row shows (rows models), or None for computed columns."""
        return None

    def blank_editable(self, col: int) -> bool:
        """Whether a cell of the blank row takes typing (a column a new row can be given)."""
        return self.field_of(col) is not None

    def new_row_for(self, col: int):
        """The row object the blank row becomes when ``col`` is typed into."""
        return self.new_row()

    def project_editable(self) -> bool:
        """The shown project can be edited (file not read-only, project not 定稿)."""
        if self.pid is None or self.session.readonly:
            return False
        editable = getattr(self.session, "project_editable", None)
        return True if editable is None else bool(editable(self.pid))

    # ------------------------------------------------------------ project

    def set_project(self, pid: int | None) -> None:
        self.beginResetModel()
        self.pid = pid
        self._set_rows(self.load_rows() if pid is not None else [])
        self._blank = self.ROW_ENTITY is not None and self.project_editable()
        self.endResetModel()

    def _set_rows(self, rows: list) -> None:
        self._rows = rows
        self._where = {self.row_key(obj): i for i, obj in enumerate(rows)}

    def row_object(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def data_rows(self) -> int:
        return len(self._rows)

    def is_total_row(self, row: int) -> bool:
        return row >= len(self._rows) + self._blank

    def blank_row(self) -> int | None:
        """The row index of the blank row, or None when there is none."""
        return len(self._rows) if self._blank else None

    def is_blank_row(self, row: int) -> bool:
        return self._blank and row == len(self._rows)

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent=QModelIndex()):
        if parent.isValid() or self.pid is None:
            return 0
        return len(self._rows) + self._blank + self.TOTAL_ROWS

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical and self.is_blank_row(section):
            if role == Qt.ItemDataRole.DisplayRole:
                return "新"
            return BLANK_TIP if role == Qt.ItemDataRole.ToolTipRole else None
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section in self.HEADER_LINES:
                return self.HEADER_LINES[section]
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        if 0 <= section < len(self._rows):
            return str(section + 1)
        return "" if section >= 0 else None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_blank_row(index.row()):
            if self.blank_editable(index.column()) and self.project_editable():
                flags |= Qt.ItemFlag.ItemIsEditable
            return flags
        ref = self.ref(index.row(), index.column())
        if ref is not None and self.project_editable() and \
                self.cell_editable(index.row(), index.column(), ref):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if self.is_blank_row(row) or row == self._masked:
            return self._blank_data(col, role)
        ref = self.ref(row, col)
        if role == RowKeyRole:
            obj = self.row_object(row)
            return None if obj is None else self.row_key(obj)
        if role == KindRole:
            return COMPUTED if ref is None else ref.kind
        if ref is not None and (self.unsaved or self._writing):
            key = (self.pid, ref.entity, ref.row_key, ref.attr)
            kept = self.unsaved.get(key)
            if kept is not None:
                return _unsaved_data(kept[1], role)
            if self._writing is not None and self._writing[0] == key and \
                    role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return self._writing[1]
        if role in (ErrorRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            error = self.cell_error(row, col, ref)
            if role == ErrorRole:
                return error
            if error:
                return ERROR_BRUSH if role == Qt.ItemDataRole.BackgroundRole else error
        if ref is None:
            value = self.computed(row, col, role)
            if value is None and role == Qt.ItemDataRole.BackgroundRole and self.is_total_row(row):
                return TOTAL_BRUSH
            return value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.field_text(ref, role)
        if role == Qt.ItemDataRole.TextAlignmentRole and ref.kind in (MONEY, DECIMAL):
            return RIGHT
        return None

    def _blank_data(self, col: int, role: int):
        field = self.field_of(col) if self.blank_editable(col) else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return ""
        if role == KindRole:
            return COMPUTED if field is None else field[1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return BLANK_TIP
        if role == Qt.ItemDataRole.TextAlignmentRole and field and field[1] in (MONEY, DECIMAL):
            return RIGHT
        return None

    def field_text(self, ref: CellRef, role=Qt.ItemDataRole.DisplayRole) -> str:
        """A stored field as text: money in 万元, kept unread text as typed."""
        if ref.kind in (MONEY, DECIMAL):
            kept = self.session.unread(ref.entity, self.pid, ref.row_key, ref.attr)
            if kept is not None:
                return kept
        value = self.stored_value(ref)
        if value is None:
            return ""
        if ref.kind == MONEY:
            return format_wan(value)
        return str(value)

    def stored_value(self, ref: CellRef):
        if ref.entity == self.ROW_ENTITY:      # the model's own row object, even while removed
            return getattr(self._rows[self._where[ref.row_key]], ref.attr)
        project = self.session.project(self.pid)
        return fields.get(self.session.document, project,
                          fields.FieldRef(ref.entity, self.pid, ref.row_key, ref.attr))

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        text = "" if value is None else str(value)
        if self.is_blank_row(index.row()):
            return self.create_row(index.column(), text)
        ref = self.ref(index.row(), index.column())
        key = (self.pid, ref.entity, ref.row_key, ref.attr)
        # while the write runs the cell shows what was typed: a failure's box is shown from
        # inside it, and the cell behind the box would otherwise show the old value
        self._writing = (key, text)
        try:
            stored = self.store(ref, text)
        finally:
            self._writing = None
        failed = self.last_error is not None and self.last_error == self.session.write_error
        if failed:
            title = self.HEADERS[index.column()] if index.column() < len(self.HEADERS) else "表格"
            self.unsaved[key] = (f"{title}（第 {index.row() + 1} 行）", text)
        else:                     # stored (or kept red as typed): no longer unsaved
            failed = self.unsaved.pop(key, None) is not None
        if failed:
            self.dataChanged.emit(index, index)
        return stored

    def create_row(self, col: int, text: str) -> bool:
        """Typing into the blank row: insert the row and store the value, one undo step.

        Nothing typed (an editor opened and left) creates nothing. A value that cannot be
        stored takes the new row back with it (``last_error`` says why).
        """
        if not text.strip() or not self.blank_editable(col):
            return False
        obj = self.new_row_for(col)
        try:
            with self.session.macro("新增行") as macro:
                self.session.insert_rows(self.ROW_ENTITY, self.pid, len(self._rows), [obj])
                row = self._where.get(obj.id)
                if row is None or not self.store(self.ref(row, col), text):
                    raise _Refused
                ref = self.ref(row, col)
                if macro.steps and not self.merge_edits:   # its later commits join this step
                    macro.merge_key = fields.FieldRef(ref.entity, self.pid, ref.row_key, ref.attr)
                    macro.merge_step = macro.steps[-1]
        except _Refused:
            return False
        except SessionError as exc:
            self.last_error = str(exc)
            return False
        return True

    def store(self, ref: CellRef, text: str) -> bool:
        """Send typed text to the session; True when it was stored or kept as typed."""
        error = self.session.set_value(ref.entity, self.pid, ref.row_key, ref.attr, text,
                                       merge=self.merge_edits)
        self.last_error = error
        if error is None:
            return True
        return ref.kind in (MONEY, DECIMAL) and \
            self.session.unread(ref.entity, self.pid, ref.row_key, ref.attr) == text

    # rows models: insert/remove through the session (one undo step each)
    def insertRows(self, row, count, parent=QModelIndex()):
        if parent.isValid() or self.ROW_ENTITY is None or not self.project_editable() or count < 1 \
                or not 0 <= row <= len(self._rows):
            return False
        self.session.insert_rows(self.ROW_ENTITY, self.pid, row,
                                 [self.new_row() for _ in range(count)])
        return True

    def removeRows(self, row, count, parent=QModelIndex()):
        if parent.isValid() or self.ROW_ENTITY is None or not self.project_editable() or count < 1 \
                or row < 0 or row + count > len(self._rows):
            return False
        ids = [self.row_key(o) for o in self._rows[row:row + count]]
        self.session.remove_rows(self.ROW_ENTITY, self.pid, ids)
        return True

    # ------------------------------------------------------------ session signals

    def _field_changed(self, entity, pid, row_key, attr):
        if entity == "project" and attr == "finalized_at" and pid == self.pid:
            self.set_project(pid)      # 定稿 or 撤销定稿: editability and the blank row change
            return
        if self.pid is None or entity not in self.ENTITIES:
            return
        if pid != self.pid and entity not in ("unit", "meta"):
            return
        rows = self.changed_rows(entity, row_key, attr)
        if rows is None:
            return
        last_row = self.rowCount() - 1
        first, last = max(0, rows[0]), min(rows[1], last_row)
        if first > last:
            return
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def _rows_changed(self, entity, pid):
        if entity != self.ROW_ENTITY or pid != self.pid or self.pid is None:
            return
        old, new = self._rows, self.load_rows()
        old_keys = [self.row_key(o) for o in old]
        new_keys = [self.row_key(o) for o in new]
        if old_keys == new_keys:
            return
        if not self._apply_diff(old_keys, new_keys, new):
            self.beginResetModel()
            self._set_rows(new)
            self.endResetModel()
        elif self.TOTAL_ROWS:
            last = self.rowCount() - 1
            self.dataChanged.emit(self.index(last - self.TOTAL_ROWS + 1, 0),
                                  self.index(last, self.columnCount() - 1))

    def _apply_diff(self, old_keys, new_keys, new) -> bool:
        """Emit insert/remove/move for simple changes; False when a reset is needed."""
        old_set, new_set = set(old_keys), set(new_keys)
        if old_set < new_set:                          # a block inserted
            added = [i for i, k in enumerate(new_keys) if k not in old_set]
            first = added[0]
            if added != list(range(first, first + len(added))) or \
                    [k for k in new_keys if k in old_set] != old_keys:
                return False
            if self._blank and first == len(old_keys):
                # appended: the blank row becomes the first new row, the rest go in below it
                # (the cell being edited and the cursor stay on the row just created)
                self.beginInsertRows(QModelIndex(), first + 1, added[-1] + 1)
                self._set_rows(new)
                self._masked = first      # still shown blank until the insert is announced
                self.endInsertRows()
                self._masked = None
                self.dataChanged.emit(self.index(first, 0), self.index(first, self.columnCount() - 1))
                self.headerDataChanged.emit(Qt.Orientation.Vertical, first, added[-1] + 1)
                return True
            self.beginInsertRows(QModelIndex(), first, added[-1])
            self._set_rows(new)
            self.endInsertRows()
            return True
        if new_set < old_set:                          # rows removed, anywhere
            if [k for k in old_keys if k in new_set] != new_keys:
                return False
            gone = [i for i, k in enumerate(old_keys) if k not in new_set]
            rows = list(self._rows)
            for block in reversed(_blocks(gone)):
                self.beginRemoveRows(QModelIndex(), block[0], block[-1])
                del rows[block[0]:block[-1] + 1]
                self._set_rows(rows)
                self.endRemoveRows()
            self._set_rows(new)
            return True
        if old_set == new_set and len(old_keys) == len(new_keys):   # one row moved
            for src, key in enumerate(old_keys):
                rest = old_keys[:src] + old_keys[src + 1:]
                dst = new_keys.index(key)
                if rest[:dst] + [key] + rest[dst:] == new_keys:
                    qt_dst = dst + 1 if dst > src else dst
                    if not self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), qt_dst):
                        return False
                    self._set_rows(new)
                    self.endMoveRows()
                    return True
        return False

    def _reload(self):
        pid = self.pid
        if pid is not None and not any(p.id == pid for p in self.session.document.projects):
            pid = None
        self.set_project(pid)

    def _projects_changed(self):
        if self.pid is not None and not any(p.id == self.pid for p in self.session.document.projects):
            self.set_project(None)


UNSAVED_TIP = ("未保存：这一格的修改没有写入文件，格中是输入的内容（也已复制到剪贴板）。"
               "文件恢复（U 盘接回、磁盘腾出空间）后，选中这一格按 F2 再按 Enter 即可保存。")


def _unsaved_data(text: str, role: int):
    """A cell whose write failed: the text typed, red, and why."""
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
        return text
    if role == Qt.ItemDataRole.BackgroundRole:
        return ERROR_BRUSH
    if role in (Qt.ItemDataRole.ToolTipRole, ErrorRole):
        return UNSAVED_TIP
    return None


def _blocks(indices: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for i in indices:
        if out and out[-1][-1] == i - 1:
            out[-1].append(i)
        else:
            out.append([i])
    return out
