"""绩效指标 tab: the 一级/二级/三级 grid, level-one 分值 sums against the rule profile,
平均分配 and common indicators to insert. Scores are computed by the session (domain.scoring)."""
from __future__ import annotations

from ...domain.scoring import num
from ...domain.indicator_order import grouped_order, split_groups
from ...domain.weights import even_split, level1_totals
from ..delegates import AchievementDelegate, GroupedTextDelegate, LongTextDelegate, TextDelegate
from ..grid import Grid
from ..grid.number_cells import NumberDelegate
from ..grid.rows import INSERT_TIP
from ..grid.widths import Column, ColumnFit
from ..models import indicator_model as im
from ..models.indicator_model import IndicatorModel
from ..qt import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from ..zoom import is_font_change, px
from .indicator_templates import load_templates, template_position
from .template_menu import TemplateMenu

# each column at its narrowest (a sample of what it holds on one line; its header always whole)
# and its share of the room left over: at 1366×768 all of them are in view, 偏差原因 — the column
# clerks fill most — gets half of what is left; names and paragraphs wrap
COLUMNS = {im.COL_LEVEL1: Column("满意度指标", 0.5), im.COL_LEVEL2: Column("社会效益指标", 1),
           im.COL_NAME: Column("科技成果转化数量", 2), im.COL_TARGET: Column("≥90%", 1),
           im.COL_ACTUAL: Column("≥90%", 1), im.COL_WEIGHT: Column(number=True),
           im.COL_SCORE: Column(number=True), im.COL_ACHIEVEMENT: Column("部分达成", 0.5, extra=24),
           im.COL_OVERRIDE: Column(number=True), im.COL_REASON: Column("调整理由", 1),
           im.COL_DEVIATION: Column("因疫情影响培训推迟至下半年", 7)}
NUMBER_COLUMNS = (im.COL_WEIGHT, im.COL_SCORE, im.COL_OVERRIDE)
DEVIATION_WIDTH = 240    # 偏差原因's width at most while the grid scrolls sideways

HINT_MIN_HEIGHT = 400   # the tab's height (px) from which the typing hint is shown under the grid
SUMMARY_GAP = 12        # between the buttons and the 一级指标 summary beside them
HINT = ("直接输入即可：Enter 下移，Tab 右移，Delete 清除，Ctrl+V 粘贴 Excel 表格；最后的“新”行输入即新增一行；"
        "红色单元格表示无法识别或需要补充，鼠标停留可看原因。")
LOCKED_HINT = "本项目已定稿，只能查看。如需修改，请在“项目”菜单中点“撤销定稿”。"


def _kept(word: str) -> str:
    """``word`` with word joiners: a narrow window wraps the summary between words, never inside
    one (not “得⏎分”, “尚无满⏎意度指标”)."""
    return "\u2060".join(word)


_WORD_SCORE = _kept("得分")


class IndicatorsTab(QWidget):
    show_hint = True     # the typing hint under the grid (the 部门整体 page leaves it out)
    _arranged: tuple | None = None   # what the summary's place was last decided for

    def __init__(self, session, parent=None, kind: str = "project"):
        super().__init__(parent)
        self.kind = kind         # "department": the 部门整体's tree and common indicators
        self.session = session
        self.pid: int | None = None
        self.model = IndicatorModel(session, self)
        self.grid = Grid(self)
        self.grid.setObjectName("indicators_grid")
        self.grid.setItemDelegate(TextDelegate(self.grid))
        self.grid.setItemDelegateForColumn(im.COL_LEVEL1, GroupedTextDelegate((0,), self.grid))
        self.grid.setItemDelegateForColumn(im.COL_LEVEL2, GroupedTextDelegate((0, 1), self.grid))
        self.grid.setItemDelegateForColumn(im.COL_ACHIEVEMENT, AchievementDelegate(self.grid))
        paragraphs = LongTextDelegate(self.grid)   # Enter commits, Alt+Enter a new line
        for col in (im.COL_REASON, im.COL_DEVIATION):
            self.grid.setItemDelegateForColumn(col, paragraphs)
        numbers = NumberDelegate(self.grid)    # never cut to another number
        for col in NUMBER_COLUMNS:
            self.grid.setItemDelegateForColumn(col, numbers)
        self.grid.setModel(self.model)
        self.grid.fit_rows_to_text(3)   # 三级指标 names and 偏差原因 paragraphs wrap
        self.grid.horizontalHeader().setMinimumSectionSize(40)
        # 冻结窗格: the names stay in sight while 实际完成值…偏差原因 scroll (1366×768: the clerk
        # scrolled right and no longer knew which row they were filling)
        self.grid.freeze_columns(im.COL_NAME + 1)
        # widths fitted to the grid's width (grid.widths): where they cannot all fit, the grid
        # scrolls and 偏差原因 keeps a useful width (stretched, it shrank to ~25 px at 1280: “部 分…”)
        self.widths = ColumnFit(self.grid, COLUMNS, wide=im.COL_DEVIATION,
                                wide_width=DEVIATION_WIDTH, frozen=im.COL_NAME + 1,
                                key=f"indicators-{kind}")

        self.template_button = QPushButton("插入常用指标", self)   # a menu: the arrow has room
        self.template_button.setToolTip("插入部门整体评价常用的绩效指标（可撤销）" if kind == "department"
                                        else "插入科技局项目常用的绩效指标（可撤销）")
        self.template_button.setMenu(TemplateMenu(load_templates(kind), self.insert_template,
                                                  self))
        self.even_button = QPushButton("平均分配分值", self)
        self.even_button.setToolTip("按评分规则的一级指标分值，平均分给各一级指标下的三级指标（可撤销）")
        self.even_button.clicked.connect(self.even_split)
        self.add_button = add_button = QPushButton("在下方插入行", self)
        add_button.setToolTip(INSERT_TIP)   # Excel's 插入 puts the row above: this one is below
        add_button.clicked.connect(lambda: self.grid.insert_row(1))
        self.delete_button = delete_button = QPushButton("删除行", self)
        delete_button.clicked.connect(self.grid.delete_rows)
        for button in (add_button, delete_button):   # the keys go back to the grid
            button.clicked.connect(self.grid.setFocus)
        # shown only while a 一级指标's rows are apart (it would print twice): one click puts them
        # together (a 产出指标 row typed in the 新 row, after 满意度)
        self.group_button = QPushButton("按一级指标归类", self)
        self.group_button.setObjectName("regroupButton")
        self.group_button.setToolTip("把同一一级指标（及其下同一二级指标）的行排在一起，"
                                     "打印时每个指标名称只出现一次（可撤销）")
        self.group_button.clicked.connect(self.regroup)
        self.group_button.hide()
        self.summary = QLabel(self)
        self.summary.setObjectName("level1_summary")
        self.summary.setWordWrap(True)   # a narrow window: a second line, never cut off
        self.hint = QLabel(HINT, self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666;")

        self.buttons = bar = QHBoxLayout()
        for w in (self.template_button, self.even_button, add_button, delete_button,
                  self.group_button):
            bar.addWidget(w)
        bar.addStretch(1)        # under them, the summary: the buttons stay at the left
        self.top = top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.setSpacing(SUMMARY_GAP)
        top.addLayout(bar)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.hint)
        session.scoreChanged.connect(self._score_changed)
        session.fieldChanged.connect(self._field_changed)
        session.documentReplaced.connect(self.update_summary)

    # ------------------------------------------------------------ project

    def set_project(self, pid: int | None) -> None:
        self.pid = pid
        self.model.set_project(pid)
        editable = self.session.project_editable(pid)
        for w in (self.template_button, self.even_button, self.add_button, self.delete_button):
            w.setEnabled(editable)
        locked = pid is not None and self.session.is_finalized(pid)
        self.hint.setText(LOCKED_HINT if locked else HINT)
        self._place_hint()
        self.update_summary()

    def _place_hint(self) -> None:
        """The typing hint under the grid, where the tab has the height for it: in a short one
        (1366×768 at 150 %, 1024×600) its two lines are rows of the grid (only about three rows
        were seen). Why a 定稿 project cannot be edited is always said."""
        locked = self.hint.text() == LOCKED_HINT
        self.hint.setVisible(locked or (self.show_hint and self.height() >= px(HINT_MIN_HEIGHT)))

    def _arrange(self) -> None:
        """The 一级指标 summary beside the buttons while it takes two lines there at most, else
        under them across the tab (the 部门整体's five headings took a line each beside them at
        a 显示比例 of 150 %, ui.zoom, and the grid lost three rows)."""
        buttons = self.buttons.sizeHint().width()
        seen = (self.width(), buttons, len(self.summary.text()), self.summary.fontInfo().pixelSize())
        if seen == self._arranged:
            return         # each edit sets the summary again; measuring it took 0.4 ms (bench)
        self._arranged = seen
        beside = self.width() - buttons - SUMMARY_GAP - 12
        lines = 3 * self.summary.fontMetrics().lineSpacing()
        below = beside <= 0 or self.summary.heightForWidth(beside) >= lines
        direction = QBoxLayout.Direction.TopToBottom if below else QBoxLayout.Direction.LeftToRight
        if self.top.direction() != direction:
            self.top.setDirection(direction)
            self.top.setSpacing(2 if below else SUMMARY_GAP)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_hint()
        self._arrange()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if is_font_change(event):       # 显示比例 (ui.zoom)
            self._place_hint()
            self._arrange()

    def _score_changed(self, pid: int) -> None:
        if pid == self.pid:
            self.update_summary()

    def _field_changed(self, entity, pid, row_key, attr) -> None:
        if entity == "project" and attr == "finalized_at" and pid == self.pid:
            self.set_project(pid)
        elif entity == "meta" and self.pid is not None:
            self.update_summary()

    def update_summary(self) -> None:
        if self.pid is None or not any(p.id == self.pid for p in self.session.document.projects):
            self.summary.setText("")
            self.group_button.hide()
            return
        indicators = self.session.project(self.pid).indicators
        self.group_button.setVisible(bool(split_groups(indicators))
                                     and self.session.project_editable(self.pid))
        profile = self.session.profile(self.pid)
        parts = []
        summary = level1_totals(indicators, self.session.score(self.pid).indicators, profile)
        for total in summary:
            written, expected = total.weight, total.expected
            mark = "✓" if written == expected else "✗"
            color = "#2e7d32" if written == expected else "#c62828"
            label = total.label
            short = label[:-2] if label.endswith("指标") and len(label) > 2 else label
            short = "\u2060".join(short)   # word joiners: 满意度 is never split across lines
            # its 得分 too (过程 25.00 / 25 alone reads like a score; the seed writes 24)
            got = f"{profile.round(total.score)}" + ("*" if total.unscored else "")
            parts.append(f"<span style='color:{color}'>{short}&nbsp;{profile.round(written)}"
                         f"&nbsp;/&nbsp;{num(expected)}&nbsp;{mark}</span>"
                         f"<span style='color:#555'>&nbsp;{_WORD_SCORE}&nbsp;{got}</span>")
        # no 满意度 rows: its weight is expected under 效益 (said, or “效益 / 40” beside a guide
        # saying 效益 30 and 满意度 10 looks like a contradiction)
        absent = [lv for lv in profile.level1 if lv.key == "满意度"
                  and lv.label not in {total.label for total in summary}]
        if parts and absent and profile.missing_satisfaction_to:
            target = next((lv.label for lv in profile.level1
                           if lv.key == profile.missing_satisfaction_to), "效益指标")
            parts.append(f"<span style='color:#666'>（{_kept('尚无满意度指标')}：其 "
                         f"{num(absent[0].weight)}&nbsp;分计入{_kept(target)}）</span>")
        # a heading's figures stay together; a narrow window wraps between headings
        self.summary.setText("一级指标分值与得分：" + "&nbsp;&nbsp; ".join(parts) if parts else
                             "一级指标分值：尚未填写一级指标")
        unscored = sum(total.unscored for total in summary)
        self.summary.setToolTip(f"* 该一级指标下有指标尚无得分（按 0 分计入），共 {unscored} 项"
                                if unscored else "各一级指标的分值（已填 / 评分规则）和各指标得分之和")
        self._arrange()

    # ------------------------------------------------------------ actions

    def even_split(self) -> None:
        """平均分配: each level-one weight shared evenly by its rows; one undo step."""
        if not self.session.project_editable(self.pid):
            return
        project = self.session.project(self.pid)
        shares = even_split(project.indicators, self.session.profile(self.pid))
        changes = [(ind.id, share) for ind, share in zip(project.indicators, shares)
                   if share is not None and ind.weight != share]
        if not changes:
            return
        with self.session.macro("平均分配分值"):
            for row_id, share in changes:
                self.session.set_value("indicator", self.pid, row_id, "weight", str(share))

    def regroup(self) -> None:
        """按一级指标归类: each 一级指标's rows together, in the order they first appear; one
        undo step, the cursor kept on the row it was on."""
        if not self.session.project_editable(self.pid):
            return
        indicators = self.session.project(self.pid).indicators
        order = [indicators[r].id for r in grouped_order(indicators)]
        if order == [ind.id for ind in indicators]:
            return
        current = self.grid.currentIndex()
        kept = indicators[current.row()].id if current.isValid() and \
            current.row() < len(indicators) else None
        with self.session.macro("按一级指标归类"):
            for position, row_id in enumerate(order):
                self.session.move_row("indicator", self.pid, row_id, position)
        if kept is not None:
            row = [ind.id for ind in self.session.project(self.pid).indicators].index(kept)
            self.grid.setCurrentIndex(self.model.index(row, max(current.column(), 0)))
        self.grid.setFocus()

    def insert_template(self, group, name: str | None = None) -> None:
        """Insert template rows into their 一级/二级 block (template_position); one undo step.
        (Inserted below the current row, they split the blocks: 产出/效益/满意度/效益/产出.)"""
        if not self.session.project_editable(self.pid):
            return
        project = self.session.project(self.pid)
        position = template_position(project.indicators, self.session.profile(self.pid),
                                     group.level1, group.level2)
        rows = group.indicators(name)
        with self.session.macro("插入常用指标"):
            self.session.insert_rows("indicator", self.pid, position, rows)
        if rows:
            self.grid.setCurrentIndex(self.model.index(position, im.COL_ACTUAL))
            self.grid.scrollTo(self.grid.currentIndex())
            # the rows come without 分值 and turn red at once: the button that fills them is
            # named
            unweighted = sum(1 for ind in self.session.project(self.pid).indicators
                             if ind.weight is None)
            self.grid._say(f"已插入 {len(rows)} 项常用指标" + (
                f"；{unweighted} 项指标未填分值：可逐项填写，或点“平均分配分值”" if unweighted else ""))
