"""备份与恢复's “与现在相比” (domain.version_diff): projects matched by id, an id given again
after a delete not taken for the same project, the order and the changes said."""
from selfeval_desktop.domain.model import Document, Project, Unit
from selfeval_desktop.domain.version_diff import Key, by_names, compare


def test_an_id_given_again_to_another_project_is_one_more_and_one_fewer():
    then = [Key(1, "project", "科普活动", "科协"), Key(2, "project", "学术交流", "学会")]
    now = [Key(1, "project", "科普活动", "科协"), Key(2, "project", "青少年科技竞赛", "青少年中心")]
    assert by_names(then, now).short() == ("比现在多 1 个项目：“学术交流”；"
                                           "比现在少 1 个项目：“青少年科技竞赛”")
    renamed = [Key(1, "project", "科普活动", "科协"), Key(2, "project", "学术交流年会", "学会")]
    assert by_names(then, renamed).short() == "项目改名：“学术交流”→“学术交流年会”"


def test_projects_moved_and_a_text_changed_are_said():
    def doc(names, leader=""):
        return Document(unit=Unit(name="某县科协"), year=2021,
                        projects=[Project(id=i, name=n, leader=leader if n == "乙" else "")
                                  for i, n in names])
    then, now = doc([(1, "甲"), (2, "乙")]), doc([(2, "乙"), (1, "甲")])
    assert compare(then, now).short() == "项目的顺序不同"
    diff = compare(then, doc([(1, "甲"), (2, "乙")], leader="张三"))
    assert diff.short() == "“乙”：项目负责人：（空） → “张三”"


def test_a_score_is_said_then_and_now_and_the_grade_when_it_differs():
    from selfeval_desktop.domain.version_diff import Changed
    assert Changed("甲", "60.00（及格）", "72.50（良）", ["x", "y"]).short() == \
        "“甲”：得分 60.00→72.50，等次 及格→良，改了 2 处"
    assert Changed("甲", "60.00（—）", "55.00（—）", ["x"]).short() == "“甲”：得分 60.00→55.00，改了 1 处"
    assert Changed("甲", "未评分", "72.50（良）", []).short() == "“甲”：得分 未评分→72.50"
