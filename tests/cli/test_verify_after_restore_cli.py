"""``verify --code`` after a restore: a backup from before a 定稿 restored took the
定稿's record with it, and a genuinely stamped paper was “not printed from this file” (exit 3).
The record stays, and the answer says that a restore, at its time, took the 定稿 back."""
from selfeval_desktop.cli import main
from selfeval_desktop.db import snapshots
from selfeval_desktop.db.document import open_document
from selfeval_desktop.db.restore import restore
from selfeval_desktop.domain.digest import check_code

from tests.file_helpers import sql, stored_digest


def code_of(path) -> str:
    return check_code(stored_digest(path))


def restored(path, snap) -> None:
    opened = open_document(path)
    try:
        restore(snap, opened.conn)
    finally:
        opened.close()


def test_a_paper_stamped_after_the_backup_restored_is_still_this_files(seed003, tmp_path, capsys):
    before = snapshots.take(seed003, tmp_path / "备份", seed003, "open")
    assert main(["finalize", str(seed003)]) == 0
    code = code_of(seed003)
    restored(seed003, before)
    capsys.readouterr()
    assert main(["verify", str(seed003)]) == 3               # nothing finalized now
    capsys.readouterr()
    assert main(["verify", str(seed003), "--code", code]) == 0
    out = capsys.readouterr().out
    assert "没有校验码为" not in out
    assert f"文件恢复为 {before.shown} 的备份（打开时），这次定稿随之撤回，现在未定稿" in out
    assert "内容与纸质表相同" in out and "撤销了定稿" not in out


def test_a_restore_to_other_content_lists_what_differs_from_the_paper(seed003, tmp_path, capsys):
    before = snapshots.take(seed003, tmp_path / "备份", seed003, "open")
    sql(seed003, "UPDATE project SET leader = '王小明' WHERE id = 1")
    assert main(["finalize", str(seed003)]) == 0
    code = code_of(seed003)
    restored(seed003, before)
    assert main(["finalize", str(seed003)]) == 0              # stamped again, as restored
    capsys.readouterr()
    assert main(["verify", str(seed003), "--code", code]) == 1
    out = capsys.readouterr().out
    assert "这次定稿随之撤回；现在的定稿是" in out and "纸质表上的校验码已作废" in out
    assert "“王小明” →" in out                                 # the paper's, not the file's now
