"""A project list pasted from Excel onto 部门所属项目 is read as the clerk means it (seed 001's
department lists 7 projects with their funds, each once typed by hand)."""
from selfeval_desktop.domain.project_rows import read_projects

SEED_001 = [["实施单位", "项目名称", "全年预算数（万元）", "全年执行数（万元）"],
            ["新乡市科学技术局", "1. 专业技术职务任职资格评审费", "8.1437", "8.14"],
            ["新乡市科学技术局", "2. 科普经费", "15.56", "15.56"],
            ["新乡市科学技术局", "技术创新引导专项（结转项目）", "0", "0"],
            ["新乡市科技服务中心", "信息化替代", "1.24", "1.24"],
            ["", "合计", "25.9437", "24.94"]]


def test_a_titled_list_is_read_by_its_titles_whatever_their_order():
    read = read_projects(SEED_001)
    assert read.by_title and read.columns == {"implementer": 0, "name": 1, "annual_budget": 2,
                                              "executed": 3}
    assert [(p.row, p.name, p.implementer, p.annual_budget, p.executed) for p in read.projects] == [
        (2, "专业技术职务任职资格评审费", "新乡市科学技术局", "8.1437", "8.14"),
        (3, "科普经费", "新乡市科学技术局", "15.56", "15.56"),
        (4, "技术创新引导专项（结转项目）", "新乡市科学技术局", "0", "0"),
        (5, "信息化替代", "新乡市科技服务中心", "1.24", "1.24")]
    assert read.notes == ["第6行是合计，未作为项目（合计由表格按各项目计算）"]
    assert read.columns_text() == "按标题行：第1列→实施单位，第2列→项目名称，第3列→全年预算数，第4列→全年执行数"


def test_a_title_in_yuan_puts_the_unit_on_bare_amounts():
    read = read_projects([["项目名称", "预算数（元）"], ["科普经费", "155600"]])
    assert read.projects[0].annual_budget == "155600元"


def test_without_titles_columns_are_read_by_what_they_hold():
    read = read_projects([["1", "科普经费", "15.56", "15.56"],
                          ["2", "信息化替代", "4.4", "四万"],
                          ["3", "", "1", "1"]])
    assert not read.by_title
    assert read.columns == {"name": 1, "annual_budget": 2, "executed": 3}   # 序号 left out
    assert read.projects[1].executed == "四万"        # kept as pasted: red in its 预算表
    assert read.notes == ["第3行没有项目名称，未新增"]
    read = read_projects([["1", "科普经费", "15.56", "15.56"], ["2", "信息化替代", "4.4", "4.4"]])
    assert read.columns == {"name": 1, "annual_budget": 2, "executed": 3}   # 序号 left out
    assert [p.name for p in read.projects] == ["科普经费", "信息化替代"]


def test_rows_without_a_name_are_said_not_dropped_silently():
    read = read_projects([["项目名称", "全年预算数"], ["科普经费", "15.56"], ["", "3"], ["", ""]])
    assert [p.name for p in read.projects] == ["科普经费"]
    assert read.notes == ["第3行没有项目名称，未新增"]


def test_unreadable_amounts_are_kept_as_pasted():
    read = read_projects([["项目名称", "全年预算数", "全年执行数"], ["科普经费", "约15万", "¥155,600.00"]])
    assert (read.projects[0].annual_budget, read.projects[0].executed) == ("约15万", "¥155,600.00")


def test_a_name_beginning_with_a_date_or_a_figure_is_not_cut_as_numbering():
    """“3.15科技维权宣传” became “15科技维权宣传”."""
    read = read_projects([["序号", "项目名称", "全年预算数"], ["1", "3.15科技维权宣传", "2"],
                          ["2", "5.12防灾减灾宣传", "3"], ["3", "3.5万吨水厂", "1"],
                          ["4", "4、科普经费", "1"], ["5", "（5）信息化替代", "1"]])
    assert [p.name for p in read.projects] == ["3.15科技维权宣传", "5.12防灾减灾宣传", "3.5万吨水厂",
                                               "科普经费", "信息化替代"]


def test_the_sheets_own_title_above_the_title_row_is_skipped_and_said():
    """Copied with its title, the block was read by content (序号 as names)."""
    read = read_projects([["2021年新乡市科学技术局项目支出清单", "", "", "", ""],
                          ["序号", "项目名称", "实施单位", "全年预算数（万元）", "全年执行数（万元）"],
                          ["1", "3.15科技维权宣传", "市科技局", "2", "2"],
                          ["2", "科普周活动", "市科协", "3", "2.5"]])
    assert read.by_title and [(p.row, p.name, p.implementer) for p in read.projects] == [
        (3, "3.15科技维权宣传", "市科技局"), (4, "科普周活动", "市科协")]
    assert read.notes == ["第1行在标题行之上（表名），未作为项目"]


def test_group_rows_give_their_unit_and_a_total_in_any_column_is_a_total():
    """Seed 001 lists its projects under 新乡市科学技术局 6 个 / 新乡市科技服务中心 1 个."""
    read = read_projects([["序号", "项目名称", "全年预算数"],
                          ["", "一、新乡市科学技术局", ""],
                          ["1", "科普经费", "15.56"],
                          ["", "二、新乡市科技服务中心", ""],
                          ["2", "信息化替代", "1.24"],
                          ["合计", "", "16.8"]])
    assert [(p.name, p.implementer) for p in read.projects] == [
        ("科普经费", "新乡市科学技术局"), ("信息化替代", "新乡市科技服务中心")]
    assert read.notes == ["第2、4行是分组标题，未作为项目（其下项目的实施单位按分组标题填写）",
                          "第6行是合计，未作为项目（合计由表格按各项目计算）"]


def test_without_titles_a_remarks_column_is_not_the_unit_and_units_first_are_found():
    read = read_projects([["科普经费", "15.56", "已完成"], ["信息化替代", "1.24", "质保金未付"]])
    assert read.columns == {"name": 0, "annual_budget": 1}
    read = read_projects([["新乡市科学技术局", "科普经费", "15.56"],
                          ["新乡市科技服务中心", "信息化替代", "1.24"]])
    assert read.columns == {"name": 1, "implementer": 0, "annual_budget": 2}


def test_only_a_project_nothing_was_typed_into_counts_as_untouched():
    from selfeval_desktop.domain.model import Document, Unit, is_untouched, new_project
    doc = Document(unit=Unit(name="新乡市科学技术局", supervisor="新乡市人民政府"))
    project = new_project(doc)
    project.id = 3
    assert is_untouched(project)
    for attr, value in (("name", "科普经费"), ("phone", "0373-1"), ("goal_expected", "x")):
        touched = new_project(doc)
        setattr(touched, attr, value)
        assert not is_untouched(touched)
    touched = new_project(doc)
    touched.funding.executed = 0
    assert not is_untouched(touched)


def test_an_unknown_title_row_is_not_a_project_and_its_unit_is_read():
    """资金名称 / 下达金额（元） became a project, and its （元） was lost."""
    read = read_projects([["资金名称", "下达金额（元）"], ["项目甲", "1,000,000"], ["项目乙", "20000"]])
    assert [(p.name, p.annual_budget) for p in read.projects] == [("项目甲", "1,000,000元"),
                                                                    ("项目乙", "20000元")]
    assert read.notes == ["第1行是标题行（未能按标题识别各列，已按各列内容识别），未作为项目"]


def test_an_unknown_title_row_over_a_single_project_is_not_a_project():
    """With one row under it, the title row's words made the amount column half text, so no
    column was read as amounts and 资金名称 became a project beside 项目甲."""
    read = read_projects([["资金名称", "下达金额（元）"], ["项目甲", "1,000,000"]])
    assert [(p.name, p.annual_budget) for p in read.projects] == [("项目甲", "1,000,000元")]
    assert read.notes == ["第1行是标题行（未能按标题识别各列，已按各列内容识别），未作为项目"]


def test_any_words_over_several_projects_amounts_are_a_title_row():
    """“资金名称 | 拨款” over two projects became a project once title words were
    required (they are only over a single row, where the amount column is half text)."""
    for title in ("拨款", "下达指标", "2021年"):
        read = read_projects([["资金名称", title], ["项目甲", "10"], ["项目乙", "20"]])
        assert [p.name for p in read.projects] == ["项目甲", "项目乙"], title
    read = read_projects([["资金名称", "拨款"], ["项目甲", "10"]])
    assert [p.name for p in read.projects] == ["项目甲"]


def test_an_amount_column_under_an_unknown_title_is_read_and_said():
    """“项目名称 | 拨款” added the projects with no 全年预算数, without a word."""
    read = read_projects([["项目名称", "拨款", "备注"], ["科普经费", "15.56", "已完成"],
                          ["信息化替代", "4.4", ""]])
    assert [(p.name, p.annual_budget) for p in read.projects] == [("科普经费", "15.56"),
                                                                    ("信息化替代", "4.4")]
    assert read.notes == ["第2列“拨款”按内容读作全年预算数", "第3列“备注”未能识别，未读取"]
    read = read_projects([["项目名称", "额度（元）", "合计"], ["科普经费", "155600", "155600"]])
    assert [(p.annual_budget, p.executed) for p in read.projects] == [("155600元", "155600")]


def test_a_first_project_whose_amount_is_not_known_yet_stays_a_project():
    for words in ("资金未到位", "暂无", "待定"):
        read = read_projects([["科普经费", words], ["信息化替代", "4.4"]])
        assert [p.name for p in read.projects] == ["科普经费", "信息化替代"], words
        read = read_projects([["科普经费", words], ["信息化替代", "4.4"], ["科技馆", "3"]])
        assert [p.name for p in read.projects] == ["科普经费", "信息化替代", "科技馆"], words


def test_two_projects_the_first_without_an_amount_yet_are_both_kept():
    read = read_projects([["科普经费", "待定"], ["信息化替代", "4.4"]])
    assert [p.name for p in read.projects] == ["科普经费", "信息化替代"]
    read = read_projects([["科普经费", ""], ["信息化替代", "4.4"]])
    assert [p.name for p in read.projects] == ["科普经费", "信息化替代"]
    read = read_projects([["科普经费", "未下达"], ["信息化替代", "4.4"]])
    assert [p.name for p in read.projects] == ["科普经费", "信息化替代"]


def test_a_first_group_row_without_titles_is_still_a_group():
    read = read_projects([["一、新乡市科学技术局", ""], ["科普经费", "15.56"], ["信息化替代", "4.4"]])
    assert [(p.name, p.implementer) for p in read.projects] == [
        ("科普经费", "新乡市科学技术局"), ("信息化替代", "新乡市科学技术局")]


def test_a_group_heading_copied_into_the_first_cell_is_a_group_too():
    """一、新乡市科学技术局 in the 序号 cell (a merged heading) was “没有项目名称”, and
    the second 信息化替代 was then dropped as a repeat of the first."""
    read = read_projects([["序号", "项目名称", "全年预算数"],
                          ["一、新乡市科学技术局", "", ""],
                          ["1", "信息化替代", "4.4"],
                          ["二、新乡市科技服务中心", "", ""],
                          ["2", "信息化替代", "1.24"]])
    assert [(p.name, p.implementer) for p in read.projects] == [
        ("信息化替代", "新乡市科学技术局"), ("信息化替代", "新乡市科技服务中心")]
    assert read.notes == ["第2、4行是分组标题，未作为项目（其下项目的实施单位按分组标题填写）"]


def test_a_year_column_is_not_an_amount():
    """项目甲 / 2021 / 100 took 2021 as the 全年预算数."""
    read = read_projects([["科普经费", "2021", "15.56", "15"], ["信息化替代", "2021年", "4.4", "4.4"]])
    assert read.columns == {"name": 0, "annual_budget": 2, "executed": 3}


def test_a_remark_ending_in_a_total_word_does_not_drop_the_project():
    """A 备注 “含上年结转合计” made its project row a 合计 row."""
    rows = read_projects([["项目名称", "全年预算数", "全年执行数", "备注"],
                              ["科普宣传项目", "10", "9", "含上年结转合计"],
                              ["合计", "10", "9", ""]])
    assert [p.name for p in rows.projects] == ["科普宣传项目"]


def _indicator_block(number: str, fields: tuple[str, ...]) -> list[list[str]]:
    """A seed project's indicators as the 绩效指标 grid copies them (no title row, 一级/二级 on
    every row, 分值 as 16.67)."""
    from selfeval_desktop.db.demo import build_demo
    project = next(p for p in build_demo(number).projects if p.indicators)
    return [[str(getattr(ind, f)) for f in fields] for ind in project.indicators]


def test_a_block_of_indicators_is_not_read_as_projects():
    """Six indicator columns pasted into the project list offered the project
    “产出指标 预算 10 万元” (the 分值 read as its budget)."""
    from selfeval_desktop.domain.project_rows import INDICATORS_HERE, indicator_refusal
    six = ("level1", "level2", "name", "target", "actual", "weight")
    for number in ("000", "003", "004"):
        assert indicator_refusal(_indicator_block(number, six)) == INDICATORS_HERE
        assert indicator_refusal(_indicator_block(number, six[1:])) == INDICATORS_HERE
    # 三级指标 and 分值 only: the 服务对象满意度 / 社会公众满意度 rows tell (seeds 003 and 004)
    assert indicator_refusal(_indicator_block("003", ("name", "target", "weight")))
    assert indicator_refusal(_indicator_block("004", ("name", "weight")))
    # one copied word (the 二级指标 of a 满意度 row)
    for word in ("服务对象满意度", "产出指标", "社会效益指标"):
        assert indicator_refusal([[word]]) == INDICATORS_HERE
    # targets as written: ≥3次, 不低于95%
    assert indicator_refusal([["举办培训", "≥3次", "10"], ["培训人数", "不低于95%", "10"]])


def test_more_columns_than_a_list_without_titles_has_are_refused_with_what_to_do():
    from selfeval_desktop.domain.project_rows import indicator_refusal
    said = indicator_refusal([["科普经费", "市科协", "15.56", "15", "已完成", "2021年"],
                              ["信息化替代", "市科技局", "1.24", "1.24", "", "2021年"]])
    assert said and "连同标题行" in said


def test_project_lists_are_not_taken_for_indicators():
    from selfeval_desktop.domain.project_rows import indicator_refusal
    for block in (SEED_001,
                  [["科普经费", "15.56", "已完成"], ["信息化替代", "1.24", "质保金未付"]],
                  [["1", "新乡市科学技术局", "科普经费", "15.56", "15"],
                   ["2", "新乡市科技服务中心", "信息化替代", "1.24", "1.24"]],
                  [["序号", "项目名称", "实施单位", "全年预算数", "全年执行数", "备注", "年度"],
                   ["1", "科技馆运行经费", "市科协", "10", "9", "服务对象满意度", "2021"]],
                  [["科普经费"]]):
        assert indicator_refusal(block) is None, block
