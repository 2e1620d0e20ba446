"""score FILE [--json]: the shape DESIGN.md promises, every number a decimal string, clean failures."""
from decimal import Decimal
import json
import subprocess
import sys

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db.demo import write_demo


@pytest.fixture(scope="module")
def demo004(tmp_path_factory):
    path = tmp_path_factory.mktemp("score") / "d.sqlite"
    write_demo(path, seed="004")
    return path


def run_json(path, capsys):
    assert main(["score", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_shape_and_decimal_strings(demo004, capsys):
    data = run_json(demo004, capsys)
    assert data["unit"] == "石家庄高新区科技局" and data["year"] == 2021 and data["profile"] == "mof2020"
    assert len(data["projects"]) >= 18
    for p in data["projects"]:
        assert set(p) >= {"id", "name", "execution", "indicators", "total", "grade"}
        assert set(p["execution"]) >= {"rate", "score", "weight"}
        Decimal(p["total"])
        assert isinstance(p["total"], str) and p["grade"] in ("优", "良", "中", "差")
        for ind in p["indicators"]:
            assert set(ind) >= {"level1", "level2", "name", "target", "actual", "weight", "score",
                                "explanation", "stated"}
            for key in ("weight", "score", "stated"):
                assert ind[key] is None or isinstance(ind[key], str) and Decimal(ind[key]) >= 0


def test_lecture_and_hk_macau_rows_scored_with_explanations(demo004, capsys):
    data = run_json(demo004, capsys)
    rows = {ind["name"]: ind for p in data["projects"] for ind in p["indicators"]}
    lecture = next(v for k, v in rows.items() if "讲座数量" in k)
    assert (lecture["target"], lecture["actual"]) == ("4次", "1次")
    assert Decimal(lecture["score"]) == (Decimal(lecture["weight"]) / 4).quantize(Decimal("0.01"))
    assert lecture["explanation"].startswith("1 / 4 次 ×")
    hk = next(v for k, v in rows.items() if "港澳台" in k)
    assert Decimal(hk["score"]) == 0 and "0 / 4" in hk["explanation"]


def test_stated_total_is_reported_beside_the_computed_one(demo004, capsys):
    data = run_json(demo004, capsys)
    stated = [p for p in data["projects"] if p.get("stated_total")]
    assert any(Decimal(p["stated_total"]) == Decimal("92.5") for p in stated)


def test_seed_003_scores_100_excellent(tmp_path, capsys):
    path = tmp_path / "003.sqlite"
    write_demo(path, seed="003")
    data = run_json(path, capsys)
    assert [(p["total"], p["grade"]) for p in data["projects"]] == [("100.00", "优")]


@pytest.mark.parametrize("content", [b"", b"hello", b"SQLite format 3\x00" + b"\x00" * 10])
def test_bad_file_one_line_exit_2(tmp_path, capsys, content):
    path = tmp_path / "bad.sqlite"
    path.write_bytes(content)
    assert main(["score", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0]
    assert path.read_bytes() == content


def test_output_closed_early_is_not_a_traceback(demo004):
    # `score FILE | head -1`: the reader goes away; the command must not print a traceback
    proc = subprocess.Popen([sys.executable, "-m", "selfeval_desktop.cli", "score", str(demo004)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before the first line is written
    err = proc.stderr.read().decode()
    proc.wait(timeout=30)
    assert "Traceback" not in err
