"""``check FILE [--json]`` as a user runs it: grouped findings, a summary, exit 1 on errors."""
from decimal import Decimal
import json
import os
from pathlib import Path
import subprocess
import sys

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.commands import COMMAND_MODULES
from selfeval_desktop.db import repo
from selfeval_desktop.db.document import create_document
from selfeval_desktop.domain.model import (BudgetLine, FundKind, Indicator, Project, Source)
from selfeval_desktop.domain.money import parse_wan

from tests.file_helpers import sha

REPO_ROOT = Path(__file__).resolve().parents[2]
D = Decimal


def project(name: str) -> Project:
    """A consistent project: funds add up, weights make 100, every indicator at full marks."""
    p = Project(name=name, supervisor="高新区管委会")
    f = p.funding
    f.planned_total = f.arrived_total = f.spent_total = parse_wan("4")
    f.initial_budget = f.annual_budget = f.executed = parse_wan("4")
    f.by_source[Source.LOCAL].planned = f.by_source[Source.LOCAL].arrived = parse_wan("4")
    k = f.by_kind[FundKind.CURRENT]
    k.initial = k.annual = k.executed = parse_wan("4")
    p.budget_lines = [BudgetLine("302", "商品和服务支出", parse_wan("4"), parse_wan("4"))]
    p.indicators = [
        Indicator("产出指标", "数量指标", "专题讲座数量", "≥4次", "4次", D(50)),
        Indicator("效益指标", "社会效益指标", "宣传覆盖人次", "≥500人次", "600人次", D(30)),
        Indicator("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", D(10)),
    ]
    return p


def write_doc(path: Path, *projects: Project) -> Path:
    opened = create_document(path)
    try:
        repo.update_unit(opened.conn, name="高新区科技局")
        repo.set_meta(opened.conn, "year", "2021")
        for p in projects:
            repo.insert_project(opened.conn, p)
    finally:
        opened.close()
    return path


def test_consistent_document_exits_0_and_says_so(tmp_path, capsys):
    path = write_doc(tmp_path / "ok.sqlite", project("金融风险防控专项经费"))
    before = sha(path)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "未发现问题" in out
    assert out.strip().endswith("共 0 个错误、0 个提醒")
    assert sha(path) == before   # a read command never modifies its file


def test_errors_and_warnings_grouped_by_project_exit_1(tmp_path, capsys):
    good = project("科技创新业务培训")
    bad = project("金融风险防控专项经费")
    bad.indicators[0].actual = "1次"       # below full, no 偏差原因: warning
    bad.indicators[1].weight = D(25)       # weights 95: error
    path = write_doc(tmp_path / "doc.sqlite", good, bad)
    before = sha(path)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    bad_header = next(i for i, line in enumerate(lines) if line.endswith("金融风险防控专项经费"))
    good_header = next(i for i, line in enumerate(lines) if line.endswith("科技创新业务培训"))
    assert lines[good_header + 1].strip() == "未发现问题"
    group = lines[bad_header + 1:]
    assert group[0].strip().startswith("错误：") and "应为 100 分" in group[0]
    assert any(line.strip().startswith("提醒：") and "第1行指标“专题讲座数量”得分低于满分" in line
               for line in group)
    errors = sum(1 for line in lines if line.strip().startswith("错误："))
    warnings = sum(1 for line in lines if line.strip().startswith("提醒："))
    assert errors >= 1 and warnings >= 1
    assert lines[-1] == f"共 {errors} 个错误、{warnings} 个提醒"
    assert sha(path) == before


def test_warnings_only_exit_0(tmp_path, capsys):
    p = project("科学技术奖奖励项目")
    p.indicators[0].actual = "8次"   # 200%: overshoot asks for an explanation, a warning
    path = write_doc(tmp_path / "w.sqlite", p)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "提醒：" in out and "错误：" not in out
    assert out.strip().endswith("共 0 个错误、1 个提醒")


def test_document_level_findings_come_first_under_their_own_heading(tmp_path, capsys):
    path = write_doc(tmp_path / "u.sqlite", project("科技创新业务培训"))
    opened = create_document(tmp_path / "empty.sqlite")
    opened.close()
    assert main(["check", str(tmp_path / "empty.sqlite")]) == 0   # warnings only
    lines = capsys.readouterr().out.splitlines()
    heading = lines.index("文件")
    assert lines[heading + 1].strip().startswith("提醒：") and "单位名称" in lines[heading + 1]
    assert lines[-1] == "共 0 个错误、2 个提醒"
    assert main(["check", str(path)]) == 0
    assert "文件" not in capsys.readouterr().out.splitlines()


def test_json_lists_findings_with_their_places(tmp_path, capsys):
    p = project("金融风险防控专项经费")
    p.budget_lines.append(BudgetLine("", "差旅费", parse_wan("5元")))
    path = write_doc(tmp_path / "j.sqlite", p)
    assert main(["check", str(path), "--json"]) == 1   # 4.0005 ≠ 4 is an error
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list)
    slip = next(f for f in data if f["code"] == "yuan_among_wan")
    assert slip["severity"] == "warning"
    assert slip["place"] == {"project_id": p.id, "tab": "budget", "table": "budget_line", "row": 1,
                             "field": "planned"}
    assert "（5元）" in slip["message"]
    assert {f["severity"] for f in data} == {"error", "warning"}


def test_bad_file_is_one_line_exit_2(tmp_path, capsys):
    path = tmp_path / "notes.sqlite"
    path.write_text("这不是自评文件", encoding="utf-8")
    before = sha(path)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "notes.sqlite" in err
    assert sha(path) == before
    assert main(["check", str(tmp_path / "missing.sqlite")]) == 2


def test_help_is_bilingual(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "退出码为 1" in out and "exit 1" in out and "--json" in out


def run_cli(*args):
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    return subprocess.run([sys.executable, "-m", "selfeval_desktop.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=REPO_ROOT, timeout=120)


def test_as_a_subprocess_exit_codes_and_no_traceback(tmp_path):
    p = project("金融风险防控专项经费")
    p.funding.annual_budget = 0
    p.funding.by_kind[FundKind.CURRENT].annual = None
    path = write_doc(tmp_path / "sub.sqlite", p)
    done = run_cli("check", str(path))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "全年预算数为 0" in done.stdout
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00" * 300)
    done = run_cli("check", str(bad))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.skipif("demo" not in COMMAND_MODULES, reason="demo command not registered")
def test_check_on_seed_002_demo_reports_the_slips(tmp_path, capsys):
    path = tmp_path / "seed002.sqlite"
    assert main(["demo", "-o", str(path), "--seed", "002"]) == 0
    capsys.readouterr()
    main(["check", str(path), "--json"])
    data = json.loads(capsys.readouterr().out)
    slips = [f for f in data if f["code"] == "yuan_among_wan"]
    assert len(slips) == 1 and "差旅费" in slips[0]["message"] and "0.0005 万元（5元）" in slips[0]["message"]
    assert slips[0]["place"]["table"] == "budget_line" and slips[0]["place"]["field"] == "planned"
    over = [f for f in data if "110%" in f["message"]]
    assert len(over) == 1 and over[0]["severity"] == "warning"
    assert "22 万元" in over[0]["message"] and "20 万元" in over[0]["message"]


def test_check_of_next_years_file_says_a_run_of_gaps_once_and_counts_them_all(tmp_path, capsys):
    """从上年文件新建 gave a report of 213 lines, 59 of them one “实际完成值未填写” each."""
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.db.document import write_atomically
    from selfeval_desktop.domain.rollover import next_year
    path = tmp_path / "2022.sqlite"
    write_atomically(path, lambda conn: repo.save_document(conn, next_year(build_demo("004")),
                                                           action="test"))
    main(["check", str(path), "--json"])
    every = json.loads(capsys.readouterr().out)
    main(["check", str(path)])
    text = capsys.readouterr().out
    gaps = [f for f in every if f["code"] == "actual_missing"]
    lines = [line for line in text.splitlines() if "实际完成值未填写" in line]
    assert len(gaps) > 40 and len(lines) < len(gaps) / 2 and "（共 " in text
    errors = sum(1 for f in every if f["severity"] == "error")
    assert f"共 {errors} 个错误、{len(every) - errors} 个提醒" in text   # counted, not collapsed
