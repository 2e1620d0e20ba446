"""项目支出明细 grid: spending lines classified by the project's catalog, with a live 合计 row."""
from __future__ import annotations

from ...domain import catalogs
from ...domain.cells import is_amount, is_total_label, line_field, title_money_unit, with_unit
from ...domain.checks_funds import catalog_entry
from ...domain.model import BudgetLine, SpendingScheme, lines_total
from ...domain.money import format_wan
from ...domain.schemes import SCHEME_NAMES
from ..qt import Qt
from ..session_fields import MONEY, TEXT
from .base import RIGHT, TOTAL_BRUSH, CellRef, SessionTableModel

COL_CODE = 0
COL_NAME = 1
COL_PLANNED = 2
COL_ACTUAL = 3
COL_SPECIAL_PLANNED = 4
COL_SPECIAL_ACTUAL = 5

HEADERS = ("科目编码", "支出科目", "计划支出数", "实际支出数", "其中专项（计划）",
           "其中专项（实际）")   # 万元, said by the tab
FIELDS = {COL_CODE: ("code", TEXT), COL_NAME: ("name", TEXT), COL_PLANNED: ("planned", MONEY),
          COL_ACTUAL: ("actual", MONEY), COL_SPECIAL_PLANNED: ("special_planned", MONEY),
          COL_SPECIAL_ACTUAL: ("special_actual", MONEY)}
FIELD_COLUMNS = {field: col for col, (field, _kind) in FIELDS.items()}


def titled_columns(first_row, columns: list[int]) -> list[int] | None:
    """The columns a pasted block's first row names when it is the sheet's title row (every filled
    cell a spending-line title, at least two: “费用科目 | 预算数（万元） | 实际支出（万元）”); None
    when it is data."""
    fields = [line_field(cell) if cell.strip() else "" for cell in first_row]
    filled = [f for f in fields if f != ""]
    if len(filled) < 2 or None in filled:
        return None
    return [FIELD_COLUMNS.get(f, col) for f, col in zip(fields, columns)]


class BudgetLineModel(SessionTableModel):
    HEADERS = HEADERS
    ENTITIES = ("budget_line", "project")
    ROW_ENTITY = "budget_line"
    TOTAL_ROWS = 1
    last_note = ""     # what the last store wrote in another form than typed (the catalogue's)

    @property
    def scheme(self) -> SpendingScheme:
        return self.session.project(self.pid).spending_scheme

    def ref(self, row, col):
        obj = self.row_object(row)
        field = FIELDS.get(col)
        if obj is None or field is None:
            return None
        return CellRef("budget_line", obj.id, field[0], field[1])

    def prepare_paste(self, block, start_row: int, columns: list[int]):
        """A block copied from a sheet's 支出明细 (its title row and 合计 row must not become two
        spending lines and double the total): the title row maps the columns and is not pasted;
        合计/小计 rows are left out — this grid sums the lines itself. Returns (block, columns, note)."""
        notes = []
        titled = titled_columns(block[0], columns) if len(block) > 1 else None
        if titled is not None:
            units = [title_money_unit(cell) if FIELDS.get(col, ("", TEXT))[1] == MONEY else None
                     for cell, col in zip(block[0], titled)]
            block, columns = block[1:], titled
            notes.append("第一行是列标题，已按标题把各列粘贴到对应的列")
            if any(u not in (None, "万元", "万") for u in units):
                # “计划支出数（元）” 12000 is 1.2 万元, not 12000 万元 (1.2 亿)
                block = [[with_unit(cell, units[i] if i < len(units) else None)
                          for i, cell in enumerate(row)] for row in block]
                said = "、".join(sorted({u for u in units if u not in (None, "万元", "万")}))
                notes.append(f"标题注明以{said}计的列已换算为万元")
        names = [i for i, col in enumerate(columns) if col in (COL_CODE, COL_NAME)] or [0]
        kept = [row for row in block if not any(i < len(row) and is_total_label(row[i]) for i in names)]
        if len(kept) < len(block):
            notes.append(f"{len(block) - len(kept)} 行“合计/小计”未作为支出科目粘贴（合计由表格按各行计算）")
        filled = [row for row in kept if any(cell.strip() for cell in row)]
        if filled and len(filled) < len(kept):
            # a blank separator row of the sheet is dropped, not pasted as an empty spending line
            notes.append(f"{len(kept) - len(filled)} 个空行未粘贴")
            kept = filled
        kept, columns, split = self._split_code_names(kept, columns)
        if split:
            notes.append(f"{split} 行的科目编码和名称写在同一格，已分开填入“科目编码”和“支出科目”")
        return self._named(kept, columns), columns, "；".join(notes)

    def _split_code_names(self, block, columns: list[int]):
        """“302商品和服务支出⇥4⇥4” pasted from the 科目编码 column: the code and the name are one
        cell, so the amounts would land one column left (4 would become the 支出科目, the actual
        amount the planned one, and the name would be lost). The cell is split and the row's
        other cells move one column right. (block, columns, rows split)."""
        if COL_CODE not in columns or COL_NAME not in columns:
            return block, columns, 0
        code_at = columns.index(COL_CODE)
        if columns[code_at + 1:code_at + 2] != [COL_NAME]:
            return block, columns, 0
        out, split = [], 0
        for row in block:
            row = list(row)
            if code_at + 1 < len(row) and row[code_at + 1].strip() and is_amount(row[code_at + 1]):
                code, name = catalogs.split_code_name(row[code_at])
                entry = catalogs.lookup(row[code_at], self.scheme) if name else None
                if entry is not None:
                    row[code_at:code_at + 1] = [code or entry.code, entry.name]
                    split += 1
            out.append(row)
        if split:
            width = max(len(row) for row in out)
            last = self.columnCount() - 1
            while len(columns) < width and columns[-1] < last:
                columns = [*columns, columns[-1] + 1]
        return out, columns, split

    def _named(self, block, columns: list[int]):
        """A code pasted beside an empty 支出科目 cell gets its catalogue name, as a code typed
        does (“302⇥⇥1⇥1” must not leave 支出科目 blank, the empty cell clearing the name)."""
        if COL_CODE not in columns or COL_NAME not in columns:
            return block
        code_at, name_at = columns.index(COL_CODE), columns.index(COL_NAME)
        out = []
        for row in block:
            row = list(row)
            if max(code_at, name_at) < len(row) and row[code_at].strip() and not row[name_at].strip():
                entry = catalogs.lookup(row[code_at], self.scheme)
                if entry is not None:
                    row[name_at] = entry.name
            out.append(row)
        return out

    def new_row(self) -> BudgetLine:
        return BudgetLine()

    def field_of(self, col):
        return FIELDS.get(col)

    def changed_rows(self, entity, row_key, attr):
        if entity == "project":
            return (0, self.rowCount() - 1) if attr == "spending_scheme" else None
        rows = super().changed_rows(entity, row_key, attr)
        if rows is None:
            return None
        return rows[0], self.rowCount() - 1    # the 合计 row follows every amount

    def store(self, ref, text):
        """A code or a name picked (or typed) from the catalog fills both, as one undo step."""
        self.last_note = ""
        if ref.attr not in ("code", "name"):
            return super().store(ref, text)
        entry = catalogs.lookup(text, self.scheme) if text.strip() else None
        line = next(o for o in self._rows if o.id == ref.row_key)
        if entry is None:
            return super().store(ref, text)
        written = "".join(text.split())
        if written not in (entry.code, entry.name, f"{entry.code}{entry.name}"):
            # another name of the entry (维修费 → 维修（护）费): said, not replaced in silence
            named = f"{entry.code} {entry.name}" if entry.code.isdigit() else entry.name
            self.last_note = f"“{text.strip()}”按支出科目目录记为“{named}”"
        if (line.code, line.name) == (entry.code, entry.name):
            return True
        with self.session.macro("选择支出科目"):
            self.session.set_value("budget_line", self.pid, line.id, "code", entry.code)
            self.session.set_value("budget_line", self.pid, line.id, "name", entry.name)
        self.last_error = None
        return True

    def cell_error(self, row, col, ref):
        error = super().cell_error(row, col, ref)
        if error or col not in (COL_CODE, COL_NAME) or self.is_total_row(row):
            return error
        line = self._rows[row]
        if (line.code.strip() or line.name.strip()) and catalog_entry(line, self.scheme) is None:
            written = f"{line.code} {line.name}".strip()
            return f"“{written}”不在{SCHEME_NAMES[self.scheme]}中，请从列表中选择（已按填写内容保留）"
        return None

    def computed(self, row, col, role):
        if not self.is_total_row(row):
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return TOTAL_BRUSH
        field = FIELDS.get(col)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return "合计"
            if field and field[1] == MONEY:
                return format_wan(lines_total(self._rows, field[0]))
            return ""
        if role == Qt.ItemDataRole.TextAlignmentRole and field and field[1] == MONEY:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and field and field[1] == MONEY:
            if any(self.session.unread("budget_line", self.pid, line.id, field[0]) is not None
                   for line in self._rows):
                return "有无法识别的金额（红色单元格）未计入合计"
        return None
