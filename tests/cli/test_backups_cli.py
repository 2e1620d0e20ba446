"""``backups``: the window's automatic backups listed without a display, and one saved as a new
file — also of a file deleted since; the store and the file are only read."""
import json
import os
from datetime import datetime
from pathlib import Path
import subprocess
import sys

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db import repo, snapshots
from selfeval_desktop.db.document import create_document, open_document
from selfeval_desktop.domain.model import Document, Project, Unit


def write(path: Path, names) -> Path:
    opened = create_document(path)
    repo.save_document(opened.conn, Document(unit=Unit(name="某县科技局"), year=2021,
                                             projects=[Project(name=n) for n in names]),
                       action="test")
    opened.close()
    return path


def names_in(path: Path) -> list[str]:
    opened = open_document(path, readonly=True)
    try:
        return [p.name for p in repo.load_document(opened.conn).projects]
    finally:
        opened.close()


@pytest.fixture
def doc(tmp_path, backup_store):
    """A file backed up on opening (two projects), then one deleted and backed up on closing."""
    path = write(tmp_path / "2021年度自评.sqlite", ["科普活动", "学术交流"])
    snapshots.take(path, backup_store, path, "open", now=datetime(2025, 3, 14, 9, 12, 30))
    opened = open_document(path)
    opened.conn.execute("DELETE FROM project WHERE name = '学术交流'")
    snapshots.take(opened.conn, backup_store, path, "close", now=datetime(2025, 3, 14, 9, 40, 1))
    opened.close()
    return path


def store_state(store: Path) -> dict:
    return {p: p.read_bytes() for p in store.rglob("*") if p.is_file()}


def test_lists_the_backups_newest_first_with_what_they_hold(capsys, doc, backup_store):
    before = store_state(backup_store), doc.read_bytes()
    assert main(["backups", str(doc)]) == 0                 # the window's store by default
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("“2021年度自评.sqlite”的备份 2 个，新的在前")
    assert out[1].split()[:5] == ["1", "2025-03-14", "09:40:01", "关闭时", "1"]
    assert out[1].endswith("与现在的内容相同")
    assert out[2].split()[:5] == ["2", "2025-03-14", "09:12:30", "打开时", "2"]
    assert out[2].endswith("比现在多 1 个项目：“学术交流”")
    assert (store_state(backup_store), doc.read_bytes()) == before     # nothing written


def test_a_deleted_file_is_listed_and_saved_back(capsys, doc, backup_store, tmp_path):
    doc.unlink()
    assert main(["backups", str(doc), "--store", str(backup_store), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["number"], r["reason"], r["projects"]) for r in listed] == \
        [(1, "关闭时", ["科普活动"]), (2, "打开时", ["科普活动", "学术交流"])]
    out = tmp_path / "找回"
    assert main(["backups", str(doc), "--save-as", "2025-03-14 09:12", str(out)]) == 0
    assert "已将 2025-03-14 09:12:30（打开时）的备份另存为" in capsys.readouterr().out
    assert names_in(out.with_suffix(".sqlite")) == ["科普活动", "学术交流"]


def test_save_as_never_replaces_a_file(capsys, doc, tmp_path):
    taken = write(tmp_path / "已有.sqlite", ["别的项目"])
    before = taken.read_bytes()
    assert main(["backups", str(doc), "--save-as", "1", str(taken)]) == 2
    assert "已存在，未覆盖" in capsys.readouterr().err
    assert taken.read_bytes() == before
    assert main(["backups", str(doc), "--save-as", "1", str(doc)]) == 2
    assert "就是原文件" in capsys.readouterr().err
    assert main(["backups", str(doc), "--save-as", "9", str(tmp_path / "x.sqlite")]) == 2
    assert "没有第 9 个备份" in capsys.readouterr().err


def test_a_file_without_backups_names_a_file_of_the_same_name_that_has(capsys, doc, tmp_path):
    moved = tmp_path / "U盘" / doc.name
    assert main(["backups", str(moved)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"没有“{doc.name}”的备份")
    assert f"同名文件“{doc}”有 2 个备份" in out


def test_the_command_finds_the_window_s_store(tmp_path):
    """Without SELFEVAL_BACKUP_DIR both find the same folder in the user's data folder."""
    env = {k: v for k, v in os.environ.items() if k != snapshots.STORE_ENV}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    script = ("from selfeval_desktop.app import make_application\n"
              "make_application()\n"
              "from selfeval_desktop.ui.backups import store_dir\n"
              "from selfeval_desktop.commands.backups import default_store\n"
              "print(store_dir()); print(default_store())\n")
    window = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                            text=True, timeout=120)
    command = subprocess.run([sys.executable, "-c", "from selfeval_desktop.commands.backups "
                              "import default_store; print(default_store())"], env=env,
                             capture_output=True, text=True, timeout=120)
    gui, also = window.stdout.split()
    assert gui == also == command.stdout.strip()
    assert gui.startswith(str(tmp_path / "data")) and gui.endswith("备份")


def test_says_what_differs_in_the_words_of_the_window(capsys, tmp_path, backup_store):
    """“项目相同，内容有不同” said nothing of what differed, and a project renamed
    was one more and one fewer; the command says it as the window's list does."""
    path = write(tmp_path / "2021年度自评.sqlite", ["科普活动", "学术交流"])
    snapshots.take(path, backup_store, path, "open", now=datetime(2025, 3, 14, 9, 12, 30))
    opened = open_document(path)
    opened.conn.execute("UPDATE project SET name = '学术交流年会' WHERE name = '学术交流'")
    opened.conn.execute("UPDATE project SET leader = '张三' WHERE name = '科普活动'")
    opened.close()
    assert main(["backups", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[1].endswith(
        "项目改名：“学术交流”→“学术交流年会”；“科普活动”：项目负责人：（空） → “张三”")
    assert main(["backups", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["differences"] == [
        "项目改名：“学术交流”→“学术交流年会”", "“科普活动”：改了 1 处", "　· 项目负责人：（空） → “张三”"]
