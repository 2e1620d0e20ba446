"""The window shows 执行率 as the forms print it, by the profile's rounding (the
预算表 and the 部门整体 projects table said 100.00% beside a 得分 of 9.99 where the profile
truncates, and the MoF form printed 99.99%)."""
from __future__ import annotations

from selfeval_desktop.domain.model import FundKind
from selfeval_desktop.ui.models import fund_kind_model as fkm
from selfeval_desktop.ui.models.fund_kind_model import FundKindModel
from selfeval_desktop.ui.qt import Qt
from selfeval_desktop.ui.tabs.department_tab import COL_RATE, DepartmentProjectsModel

from tests.ui.ui_fixtures import make_file, open_session, with_department


def truncating(tmp_path):
    doc = with_department()
    doc.profile_id = "mof2020_truncate"
    project = doc.project_list()[0]
    f = project.funding
    f.annual_budget, f.executed = 2_000_000, 1_999_900          # 2 and 1.9999 万元: 99.995%
    part = f.by_kind[FundKind.CURRENT]
    part.annual, part.executed = 2_000_000, 1_999_900
    return open_session(make_file(tmp_path, doc))


def test_the_funds_grid_shows_the_rate_the_forms_print(qapp, tmp_path):
    session = truncating(tmp_path)
    try:
        pid = session.document.project_list()[0].id
        m = FundKindModel(session)
        m.set_project(pid)
        shown = lambda row, col: m.data(m.index(row, col))  # noqa: E731
        assert (shown(0, fkm.COL_RATE), shown(0, fkm.COL_SCORE)) == ("99.99%", "9.99")
        assert shown(1, fkm.COL_RATE) == "99.99%"            # 其中：当年财政拨款
        assert "= 99.99%；99.99% × 10 分 = 9.99" in m.data(m.index(0, fkm.COL_SCORE),
                                                          Qt.ItemDataRole.ToolTipRole)
    finally:
        session.conn.close()


def test_the_department_projects_table_shows_the_rate_the_forms_print(qapp, tmp_path):
    session = truncating(tmp_path)
    try:
        m = DepartmentProjectsModel(session)
        assert m.rowCount() == 2
        assert m.index(0, COL_RATE).data() == "99.99%"
        assert m.index(1, COL_RATE).data() == "99.99%"       # 合计
    finally:
        session.conn.close()
