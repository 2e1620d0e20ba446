"""Screenshots of the window at 1366×768 for the README (docs/screenshot_*.png).

    xvfb-run -a -s "-screen 0 1366x768x24" python docs/make_screenshots.py [OUT_DIR]

(OUT_DIR: where to write them instead of docs/, to look before replacing.)

The window runs on the demo document (seed 004) as a clerk sees it after ``--demo``; the 部门整体
page is shown on the same document with a department evaluation added (seed 001's indicator
tree, abridged). Settings and data go to a temporary folder.
"""
from __future__ import annotations

from decimal import Decimal
import os
from pathlib import Path
import sys
import tempfile
import time

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOCS = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / "docs"

DEPARTMENT = [  # 一级, 二级, 三级, 年度指标值, 实际完成值, 分值 (seed 001, abridged)
    ("投入指标", "预算编制", "预算编制完整性", "100%", "100%", "5"),
    ("投入指标", "预算执行", "预算执行率", "≥90%", "96.4%", "5"),
    ("投入指标", "预算执行", "预算调整率", "≤5%", "6%", "5"),
    ("过程指标", "资金管理", "资金使用合规性", "合规", "合规", "10"),
    ("过程指标", "资产管理", "资产管理规范性", "规范", "规范", "15"),
    ("产出指标", "数量", "科技计划项目立项数", "≥7个", "7个", "15"),
    ("产出指标", "质量", "项目验收合格率", "≥95%", "100%", "15"),
    ("效益指标", "社会效益", "科技成果转化", "有效促进", "达成", "20"),
    ("满意度指标", "服务对象满意度", "企业满意度", "≥90%", "95%", "10"),
]


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="selfeval-shots-"))
    os.environ.setdefault("XDG_CONFIG_HOME", str(tmp / "config"))
    os.environ.setdefault("XDG_DATA_HOME", str(tmp / "data"))
    from selfeval_desktop.app import make_application
    app = make_application()
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.db.document import write_atomically
    from selfeval_desktop.db.repo import save_document
    from selfeval_desktop.domain.model import Indicator, Project, ProjectKind, Source
    from selfeval_desktop.domain.money import format_wan
    from selfeval_desktop.ui.main_window import MainWindow
    from selfeval_desktop.ui.qt import QSettings

    doc = build_demo("004")
    dept = Project(name=f"{doc.unit.name}部门整体支出", kind=ProjectKind.DEPARTMENT,
                   indicators=[Indicator(a, b, c, t, x, Decimal(w))
                               for a, b, c, t, x, w in DEPARTMENT])
    # 部门预算资金 as seed 004 states it for the whole unit (全年预算 39732 万元，支出 39720 万元)
    dept.funding.annual_budget = dept.funding.initial_budget = 39732 * 1_000_000
    dept.funding.executed = 39720 * 1_000_000
    doc.projects.insert(0, dept)
    path = tmp / "2021年度绩效自评.sqlite"
    write_atomically(path, lambda conn: save_document(conn, doc, action="screenshot"))

    def settle():
        for _ in range(5):
            app.processEvents()

    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1366, 768)
    window.show()
    settle()
    window.grab().save(str(DOCS / "screenshot_welcome.png"))
    assert window.file_actions.open_path(path)
    window.resize(1366, 768)
    settle()
    # a project with a target not met (讲座 4 → 1) shows a grade below 优 and a red finding
    # (its 分值 adding up to 100: a provisional total shows — instead of a grade)
    def shown(p):
        score = window.session.score(p.id)
        return score.scored and not score.provisional and score.grade != "优"
    pick = next((p for p in window.session.document.project_list() if shown(p)),
                doc.project_list()[0])
    window.page.projects.select_pid(pick.id)
    # its funds by source, as a clerk types them from the budget: no 合计 typed, so the 合计 row
    # shows the sources' sum in grey (实际支出 likewise shows the spending lines' sum)
    session, funding = window.session, window.session.project(pick.id).funding
    session.set_value("source", pick.id, Source.LOCAL, "planned", format_wan(funding.annual_budget))
    session.set_value("source", pick.id, Source.LOCAL, "arrived", format_wan(funding.executed))
    deadline = time.monotonic() + 3           # the 问题清单 follows after its short pause
    while window.checks.pending() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    settle()
    names = ("overview", "budget", "indicators", "conclusion")
    for index, name in enumerate(names):
        window.page.tabs.setCurrentIndex(index)
        settle()
        window.grab().save(str(DOCS / f"screenshot_{name}.png"))
    window.page.projects.select_pid(window.session.document.department.id)
    settle()
    window.grab().save(str(DOCS / "screenshot_department.png"))
    window.close()
    print("\n".join(str(p) for p in sorted(DOCS.glob("screenshot_*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
