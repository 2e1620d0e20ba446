"""``demo -o FILE [--seed]``: writes a demo, never overwrites someone's other file."""
from decimal import Decimal
import json

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db.demo import SEED_TITLES
from selfeval_desktop.db.document import create_document, open_document
from selfeval_desktop.db.repo import insert_project, load_document, update_project
from selfeval_desktop.domain.model import Project

from tests.cli.cli_helpers import run


@pytest.mark.parametrize("seed, projects", [("000", 1), ("001", 8), ("002", 4), ("003", 1), ("004", 20)])
def test_each_demo_can_be_scored(tmp_path, capsys, seed, projects):
    path = tmp_path / f"demo{seed}.sqlite"
    code, out, _ = run(capsys, "demo", "-o", str(path), "--seed", seed)
    assert code == 0 and str(path) in out
    code, out, _ = run(capsys, "score", str(path), "--json")
    assert code == 0
    result = json.loads(out)
    assert len(result["projects"]) == projects
    # every project has a grade; a total unless it is 未评分 (seed 002: nothing scorable)
    assert all(p["grade"] and (p["total"] is not None) == p["scored"] for p in result["projects"])


def test_seed_003_scores_100_excellent_from_the_command_line(tmp_path, capsys):
    path = tmp_path / "hechi.sqlite"
    assert run(capsys, "demo", "-o", str(path), "--seed", "003")[0] == 0
    result = json.loads(run(capsys, "score", str(path), "--json")[1])
    assert result["profile"] == "mof2020" and result["year"] == 2020
    [p] = result["projects"]
    assert (p["total"], p["grade"]) == ("100.00", "优秀")


def test_seed_000_shows_its_15_wan_and_stated_grade_unscored_from_the_command_line(tmp_path, capsys):
    """The narrative report (南宫市, 科学技术经费, 优) had no demo. It states no
    执行数 and no figure against its targets: ``score`` says 未评分 rather than inventing the 优, and
    ``check`` lists what the report leaves out."""
    path = tmp_path / "nangong.sqlite"
    code, out, _ = run(capsys, "demo", "-o", str(path), "--seed", "000")
    assert code == 0 and "南宫市科学技术局" in out
    result = json.loads(run(capsys, "score", str(path), "--json")[1])
    assert result["unit"] == "南宫市科学技术局" and result["year"] == 2020
    [p] = result["projects"]
    assert p["name"] == "科学技术经费" and len(p["indicators"]) == 12
    assert (p["scored"], p["total"], p["grade"]) == (False, None, "未评分")
    assert "未填写全年执行数" in p["execution"]["explanation"]
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1 and "全年执行数未填写" in out and "未选择达成情况" in out
    opened = open_document(path, readonly=True)
    try:
        project = load_document(opened.conn).projects[0]
    finally:
        opened.close()
    assert (project.funding.annual_budget, project.funding.arrived_total) == (15_000_000, 15_000_000)
    assert project.stated_grade == "优" and project.conclusions["suggestions"].startswith("深入研究")


def test_seed_001_department_total_from_the_command_line(tmp_path, capsys):
    """The report states 99 but gives no 年度指标值 for any of the rows it names: ``score``
    scores only the rows it judged 达成 and marks the total provisional (no grade) beside the
    stated 99 instead of inventing a total."""
    path = tmp_path / "xinxiang.sqlite"
    code, out, _ = run(capsys, "demo", "-o", str(path), "--seed", "001")
    assert code == 0 and "部门整体" in out
    result = json.loads(run(capsys, "score", str(path), "--json")[1])
    assert result["unit"] == "新乡市科学技术局" and result["year"] == 2021
    [dept] = [p for p in result["projects"] if p["kind"] == "department"]
    assert dept["profile"] == "department" and len(result["projects"]) == 8
    assert dept["stated_total"] == "99"
    assert dept["provisional"] is True and "尚无得分" in dept["provisional_reason"]
    assert Decimal(dept["total"]) < 99           # only the rows the report judged 达成 score
    assert all(not row["target"] for row in dept["indicators"])
    [adjust] = [row for row in dept["indicators"] if row["name"] == "预算调整率"]
    assert adjust["level1"] == "过程指标" and adjust["score"] is None
    assert Decimal(adjust["weight"]) - Decimal(adjust["stated"]) == 1   # 扣 1 分
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1 and "未选择达成情况（达成 / 部分达成 / 未达成）" in out and "无法核对" in out


def test_default_seed_is_004(tmp_path, capsys):
    path = tmp_path / "d.sqlite"
    assert run(capsys, "demo", "-o", str(path))[0] == 0
    opened = open_document(path, readonly=True)
    try:
        assert load_document(opened.conn).unit.name == "石家庄高新区科技局"
    finally:
        opened.close()


def test_an_existing_demo_is_replaced(tmp_path, capsys):
    path = tmp_path / "d.sqlite"
    run(capsys, "demo", "-o", str(path), "--seed", "004")
    code, _, _ = run(capsys, "demo", "-o", str(path), "--seed", "003")
    assert code == 0
    opened = open_document(path, readonly=True)
    try:
        assert load_document(opened.conn).unit.name == "河池市科协"
    finally:
        opened.close()


@pytest.mark.parametrize("change", ["edited", "finalized"])
def test_a_demo_someone_edited_or_finalized_is_refused_and_untouched(tmp_path, capsys, change):
    path = tmp_path / "d.sqlite"
    assert run(capsys, "demo", "-o", str(path), "--seed", "003")[0] == 0
    if change == "edited":
        assert run(capsys, "finalize", str(path))[0] == 0
        assert run(capsys, "finalize", str(path), "--undo")[0] == 0  # back, but history only
        opened = open_document(path)
        pid = load_document(opened.conn).projects[0].id
        update_project(opened.conn, pid, leader="王五")
        opened.close()
    else:
        assert run(capsys, "finalize", str(path))[0] == 0
    before = path.read_bytes()
    code, _, err = run(capsys, "demo", "-o", str(path), "--seed", "003")
    assert code != 0 and "已被修改或定稿" in err and err.count("\n") == 1
    assert path.read_bytes() == before


def test_a_demo_whose_edit_was_undone_may_be_replaced(tmp_path, capsys):
    path = tmp_path / "d.sqlite"
    assert run(capsys, "demo", "-o", str(path), "--seed", "003")[0] == 0
    assert run(capsys, "finalize", str(path))[0] == 0
    assert run(capsys, "finalize", str(path), "--undo")[0] == 0  # content as written again
    assert run(capsys, "demo", "-o", str(path), "--seed", "004")[0] == 0


def test_someone_elses_file_is_refused_and_untouched(tmp_path, capsys):
    path = tmp_path / "预算表.xlsx"
    path.write_bytes(b"PK\x03\x04 not ours")
    code, out, err = run(capsys, "demo", "-o", str(path))
    assert code != 0 and "未覆盖" in err and err.count("\n") == 1
    assert path.read_bytes() == b"PK\x03\x04 not ours"


def test_a_real_document_is_refused_and_untouched(tmp_path, capsys):
    path = tmp_path / "我的自评.sqlite"
    opened = create_document(path)
    insert_project(opened.conn, Project(name="我的项目"))
    opened.close()
    before = path.read_bytes()
    code, _, err = run(capsys, "demo", "-o", str(path), "--seed", "003")
    assert code != 0 and "不是演示文件" in err
    assert path.read_bytes() == before


def test_a_folder_is_refused(tmp_path, capsys):
    code, _, err = run(capsys, "demo", "-o", str(tmp_path))
    assert code != 0 and "文件夹" in err


def test_unknown_seed_writes_nothing(tmp_path, capsys):
    path = tmp_path / "d.sqlite"
    code, _, err = run(capsys, "demo", "-o", str(path), "--seed", "005")
    assert code != 0 and "000、001、002、003、004" in err
    assert not path.exists()


def test_missing_folder_is_a_one_line_error(tmp_path, capsys):
    code, _, err = run(capsys, "demo", "-o", str(tmp_path / "无此目录" / "d.sqlite"))
    assert code != 0 and "不存在" in err and err.count("\n") == 1


def test_help_is_in_chinese_and_english(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["demo", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "演示文件" in out and "demo document" in out
    assert "--seed" in out and "002" in out and "004" in out
    # every demo on offer, with what it shows (000 was once missing)
    for seed, title in SEED_TITLES.items():
        assert f"{seed}  {title}" in out
    assert "000  南宫市科学技术局" in out
