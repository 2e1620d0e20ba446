"""``verify`` on a program other than the one that finalized the file.

The receiving side (财政局) usually runs an older release than the units, and a later release
ships new rule profiles (a province's variant is a new file). The check code must depend on the
file alone: it held the 等次写法 as derived from the installed profiles, so an older program
lacking the file's profile called a stamped, untouched file 定稿后内容被改动过."""
from pathlib import Path
import shutil
import sqlite3

import pytest

from tests.file_helpers import sql
from tests.reports.pdf_fixtures import raw_text, squeeze

from selfeval_desktop.cli import main
from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.domain import profiles

FIXTURES = Path(__file__).parent / "fixtures"
BUNDLED = profiles._profile_dir()


@pytest.fixture
def installed(monkeypatch, tmp_path):
    """``installed(*names, extra=None)``: make the program see only these profile files (and
    ``extra``: a copy of mof2020 under that new id), as another release would."""
    def use(*names, extra=None):
        folder = tmp_path / f"profiles{len(list(tmp_path.glob('profiles*')))}"
        folder.mkdir()
        for name in names:
            shutil.copy(BUNDLED / f"{name}.json", folder)
        if extra:
            text = (BUNDLED / "mof2020.json").read_text(encoding="utf-8")
            (folder / f"{extra}.json").write_text(
                text.replace('"id": "mof2020"', f'"id": "{extra}"'), encoding="utf-8")
        monkeypatch.setattr(profiles, "_profile_dir", lambda: folder)
        profiles.load_profile.cache_clear()
    yield use
    profiles.load_profile.cache_clear()     # the bundled ones again for the next test
    profiles.named_profile.cache_clear()


ALL = ("mof2020", "mof2020_linear", "mof2020_truncate", "hubei", "department")


def test_a_file_stamped_by_a_newer_release_verifies_on_one_without_its_profile(
        tmp_path, installed, capsys):
    path = tmp_path / "gx.sqlite"
    write_demo(path, "003")                     # 等次写法 优秀/良好/一般/较差
    installed(*ALL, extra="guangxi")            # the newer release, with a province's rule
    sql(path, "UPDATE meta SET value = 'guangxi' WHERE key = 'profile_id'")
    assert main(["finalize", str(path)]) == 0
    stamped = capsys.readouterr().out.split("校验码 ")[1].strip()
    pdf = tmp_path / "gx.pdf"
    assert main(["print", str(path), "-o", str(pdf)]) == 0
    installed(*ALL)                             # the receiving side's older release
    capsys.readouterr()
    assert main(["verify", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"一致  [1] 学术交流活动经费  校验码 {stamped}")
    assert "不一致 [" not in out and "等次写法" not in out
    # the code printed on the paper (and in its QR code) is the one verify checks
    assert main(["verify", str(path), "--code", stamped]) == 0
    assert f"校验码：{stamped}" in squeeze(raw_text(pdf))


def test_a_stamped_file_verifies_with_no_profile_installed_at_all(tmp_path, installed, capsys):
    for seed in ("003", "001"):                 # a project with its 等次写法; a 部门整体
        path = tmp_path / f"{seed}.sqlite"
        write_demo(path, seed)
        assert main(["finalize", str(path), "--force"]) == 0
    installed()
    capsys.readouterr()
    for seed in ("003", "001"):
        assert main(["verify", str(tmp_path / f"{seed}.sqlite")]) == 0, seed
        assert "不一致 [" not in capsys.readouterr().out


def test_a_changed_stored_grade_style_is_still_a_change(tmp_path, installed, capsys):
    """The stored words are in the code, whatever the profiles say of them."""
    path = tmp_path / "hc.sqlite"
    write_demo(path, "003")
    assert main(["finalize", str(path)]) == 0
    sql(path, "UPDATE meta SET value = '优秀/良好/合格/不合格' WHERE key = 'grade_names'")
    installed()
    capsys.readouterr()
    assert main(["verify", str(path)]) == 1
    out = capsys.readouterr().out
    assert "等次写法：“优秀/良好/一般/较差” → “优秀/良好/合格/不合格”" in out


@pytest.mark.parametrize("name", ["finalized_003", "finalized_001", "finalized_own_words"])
def test_files_finalized_by_the_earlier_release_still_verify(name, tmp_path, capsys):
    """Made by the release before this change (fixtures/make_finalized.sh): their codes took the
    等次写法 from the profiles; “优/良/中/差” stored as the rule's own words was left out."""
    path = tmp_path / f"{name}.sqlite"
    shutil.copy(FIXTURES / f"{name}.sqlite", path)
    assert main(["verify", str(path)]) == 0
    out = capsys.readouterr().out
    assert "不一致 [" not in out and "一致  [1]" in out
    con = sqlite3.connect(path)
    codes = [d[:16].upper() for (d,) in con.execute("SELECT digest FROM project")]
    con.close()
    for code in codes:
        assert main(["verify", str(path), "--code", code]) == 0


def test_a_change_to_a_file_finalized_by_the_earlier_release_lists_only_what_changed(
        tmp_path, capsys):
    """Its stored content left out the rule's own words; they are not listed as a change."""
    path = tmp_path / "own.sqlite"
    shutil.copy(FIXTURES / "finalized_own_words.sqlite", path)
    sql(path, "UPDATE project SET goal_actual = '基本完成' WHERE id = 1")
    assert main(["verify", str(path)]) == 1
    out = capsys.readouterr().out
    assert "改动了 1 处" in out and "等次写法" not in out


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_a_code_made_now_is_the_one_the_earlier_release_computes(seed):
    """The earlier release took the 等次写法 from the profiles (``legacy_style``); where it has
    them it must compute the code this one stores, or every file stamped now would be 不一致
    there — the digest's version is therefore unchanged."""
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.domain.digest import digest_text, legacy_style
    doc = build_demo(seed)
    for p in doc.projects:
        assert digest_text(doc, p) == digest_text(doc, p, style=legacy_style(doc, p)), p.name
