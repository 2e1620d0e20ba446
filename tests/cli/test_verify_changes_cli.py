"""``verify`` lists what changed after 定稿, and ``verify --code`` checks a file against one paper.

A receiver told only that a file differed from its stamped paper had to compare the whole form by
eye; the content stored at 定稿 says where."""
from selfeval_desktop.cli import main
from selfeval_desktop.domain.digest import check_code

from tests.file_helpers import sha, sql, stored_digest


def test_verify_names_each_change_since_finalize(seed003, capsys):
    assert main(["finalize", str(seed003)]) == 0
    sql(seed003, "UPDATE indicator SET actual = '3期' WHERE project_id = 1 AND name LIKE '编印%'")
    sql(seed003, "UPDATE budget_line SET actual_fen = 3500000 WHERE project_id = 1")
    sql(seed003, "DELETE FROM evaluator WHERE project_id = 1 AND name = '谢静'")
    capsys.readouterr()
    assert main(["verify", str(seed003)]) == 1
    out = capsys.readouterr().out
    assert "改动了 3 处" in out
    assert "· 预算表支出明细第1行「商品和服务支出」·实际支出：" in out and "→ 3.5 万元" in out
    assert "· 绩效指标第3行「编印《科技工作者建议》简报」·实际完成值：" in out and "→ “3期”" in out
    assert "· 评价人员：删去了定稿时的第3行「谢静」" in out
    assert "逐项对照" not in out


def test_a_file_finalized_before_contents_were_kept_says_it_cannot_tell(seed003, capsys):
    main(["finalize", str(seed003)])
    sql(seed003, "DELETE FROM meta WHERE key LIKE 'finalized:%'")
    sql(seed003, "UPDATE indicator SET actual = '0' WHERE id = (SELECT MIN(id) FROM indicator)")
    capsys.readouterr()
    assert main(["verify", str(seed003)]) == 1
    out = capsys.readouterr().out
    assert "无法指出改了哪里" in out and "逐项对照" in out and "改动了" not in out


def test_an_altered_record_of_the_finalized_content_is_not_believed(seed003, capsys):
    main(["finalize", str(seed003)])
    sql(seed003, "UPDATE meta SET value = replace(value, '张丹妮', '王五') WHERE key LIKE 'finalized:%'")
    sql(seed003, "UPDATE evaluator SET name = '王五' WHERE name = '张丹妮'")
    capsys.readouterr()
    assert main(["verify", str(seed003)]) == 1
    out = capsys.readouterr().out
    assert "记录本身被改动过" in out and "改动了" not in out


def test_the_code_on_a_paper_printed_before_an_unfinalize_is_looked_up(seed003, capsys):
    main(["finalize", str(seed003)])
    paper = check_code(stored_digest(seed003))
    assert main(["finalize", str(seed003), "--undo"]) == 0
    sql(seed003, "UPDATE project SET supervisor_opinion = '同意，评为优' WHERE id = 1")
    capsys.readouterr()
    before = sha(seed003)
    assert main(["verify", str(seed003), "--code", paper.lower()]) == 1
    out = capsys.readouterr().out
    assert "此后撤销了定稿，现在未定稿" in out
    assert "· 主管部门审核意见：" in out and "“同意，评为优”" in out
    assert sha(seed003) == before          # verify never writes
    main(["finalize", str(seed003)])
    capsys.readouterr()
    assert main(["verify", str(seed003), "--code", paper]) == 1
    assert "重新定稿" in capsys.readouterr().out
    assert main(["verify", str(seed003), "--code", check_code(stored_digest(seed003))]) == 0
    assert capsys.readouterr().out.startswith("一致：纸质表是「学术交流活动经费」")


def test_a_code_from_another_file_or_mistyped(seed003, capsys):
    main(["finalize", str(seed003)])
    capsys.readouterr()
    assert main(["verify", str(seed003), "--code", "0000-0000-0000-0000"]) == 3
    assert "没有校验码为 0000-0000-0000-0000 的定稿记录" in capsys.readouterr().out
    assert main(["verify", str(seed003), "--code", "ABCD-12"]) == 2
    assert "“ABCD-12”不是校验码" in capsys.readouterr().err
