"""Scoring speed: a whole document of 50 projects × 30 indicators, and one indicator retyped.

The window rescores on every keystroke: the changed indicator with ``score_indicator`` and its
project with ``combine``. Goal (foundation issue): that path well under 1 ms. ``scoring.parsed``
caches ``parse_value``; typing changes the text every keystroke, so the uncached path is what a
user feels and is measured with texts never seen before. Baseline, in the same run: ``sum()`` of
1,500 Decimals (one per indicator of the document) and a plain Python loop of 1,500 steps.
Also 查找 (Ctrl+F, ``domain.find``) of a word in the same document, which the find bar runs after
each pause in the typing.

    python bench/run.py scoring        (or python bench/bench_scoring.py)
"""
from __future__ import annotations

from decimal import Decimal as D
import itertools
from pathlib import Path
import sys

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from harness import Result, measure  # noqa: E402

from selfeval_desktop.db.document import create_in_memory  # noqa: E402
from selfeval_desktop.db.repo import load_document, save_document  # noqa: E402
from selfeval_desktop.domain.model import Document, Funding, Indicator, Project, Unit  # noqa: E402
from selfeval_desktop.domain.profiles import load_profile  # noqa: E402
from selfeval_desktop.domain.scoring import (combine, parsed, score_execution,  # noqa: E402
                                             score_indicator, score_project)

PROJECTS, INDICATORS = 50, 30
WAN = 1_000_000

# (level2, name, target, actual, achievement) as the seeds write them; {n} varies per project
OUTPUT = [
    ("数量指标", "认定获奖数量", "≥{n}个", "{m}个", None),
    ("数量指标", "认定高新技术企业数量", "{n}家", "{m}家", None),
    ("数量指标", "外出考察学习人次", "≥{n}人次", "{m}人次", None),
    ("数量指标", "发表论文", "不少于{n}篇", "{m}篇", None),
    ("数量指标", "举办科普讲座", "≥4次", "1次", None),
    ("数量指标", "引进港澳台项目", "≥4项", "0项", None),
    ("数量指标", "争取上级资金", "≥1.5亿元", "15084万元", None),
    ("质量指标", "验收合格率", "=100%", "100%", None),
    ("质量指标", "项目完成率", "=100%", "95%", None),
    ("质量指标", "成果转化质量", "良好", "良好", None),
    ("时效指标", "资金拨付及时性", "2021年12月前", "2021年11月", None),
    ("时效指标", "项目完成时间", "12月底前", "2022年1月", None),
    ("成本指标", "项目成本控制", "≤{n}万元", "{m}万元", None),
    ("成本指标", "会议费", "{n}万元以内", "{m}万元", None),
    ("成本指标", "预算调整率", "≤5%", "6%", None),
    ("数量指标", "入库专家人数", "≥50人", "54人", None),
    ("数量指标", "编印建议简报", "≥4期", "4期", None),
    ("数量指标", "站点信息报送", "≥{n}篇", "{m}篇", None),
]
EFFECT = [
    ("社会效益指标", "企业自主创新能力", "显著提升", "有所提升", "部分达成"),
    ("社会效益指标", "科技成果转化能力", "有效提升", "基本达成", None),
    ("经济效益指标", "带动企业研发投入", "≥{n}万元", "{m}万元", None),
    ("社会效益指标", "为党委政府决策提供参考", "达成", "达成", None),
    ("可持续影响指标", "创新主体培育", "持续", "持续", None),
    ("社会效益指标", "全民科学素质", "稳步提高", "稳步提高", None),
    ("经济效益指标", "新增产值", "≥{n}万元", "{m}万元", None),
    ("社会效益指标", "科普覆盖人数", "≥{n}万人次", "{m}万人次", None),
]
SATISFACTION = [("服务对象满意度指标", "服务对象满意度", "≥90%", "{p}%", None)] * 4
WEIGHTS = [D(3)] * 16 + [D(1)] * 2 + [D(4)] * 6 + [D(3)] * 2 + [D("2.5")] * 4  # 50 + 30 + 10


def build_document() -> Document:
    """50 projects × 30 indicators, saved to an in-memory SQLite document and loaded back."""
    projects = []
    for k in range(PROJECTS):
        rows = [("产出指标", *r) for r in OUTPUT] + [("效益指标", *r) for r in EFFECT] + \
               [("满意度指标", *r) for r in SATISFACTION]
        indicators = []
        for i, ((level1, level2, name, target, actual, level), weight) in enumerate(
                zip(rows, WEIGHTS)):
            n = 4 + (k * 7 + i * 3) % 300
            m = n * (60 + (k + i * 11) % 90) // 100
            ind = Indicator(level1, level2, name, target.format(n=n), actual.format(
                m=m, p=85 + (k + i) % 16), weight, level)
            if (k + i) % 37 == 0:
                ind.override, ind.override_reason = weight * D("0.9"), "经主管部门复核调整"
            indicators.append(ind)
        budget = (100 + k * 13) * WAN
        projects.append(Project(name=f"科技创新项目{k + 1}", indicators=indicators,
                                funding=Funding(annual_budget=budget,
                                                executed=budget * (90 + k % 12) // 100)))
    conn = create_in_memory()
    save_document(conn, Document(unit=Unit(name="某市科学技术局"), year=2021, projects=projects))
    doc = load_document(conn)
    conn.close()
    assert len(doc.projects) == PROJECTS
    assert all(len(p.indicators) == INDICATORS for p in doc.projects)
    return doc


def benchmarks(quick: bool = False) -> list[Result]:
    profile = load_profile("mof2020")
    doc = build_document()
    total = PROJECTS * INDICATORS
    reps_single = 500 if quick else 5000
    reps_full = 5 if quick else 40

    decimals = [D(i % 97) / 7 for i in range(total)]
    base_sum = measure(lambda: sum(decimals, D(0)), reps_single)

    def loop():
        acc = 0
        for i in range(total):
            acc += i
        return acc
    base_loop = measure(loop, reps_single)

    def rescore_all():
        for p in doc.projects:
            score_project(p, profile)
    full_warm = measure(rescore_all, reps_full)
    full_cold = measure(rescore_all, reps_full, before=parsed.cache_clear)

    # the single-indicator path: the window holds each project's last scores
    state = {p.id: score_project(p, profile) for p in doc.projects}
    numeric = [(p, j) for p in doc.projects for j, ind in enumerate(p.indicators)
               if parsed(ind.target).number is not None]
    picks = itertools.cycle(numeric)
    fresh = itertools.count(1_000_000)

    def change_one(text_for):
        p, j = next(picks)
        ind = p.indicators[j]
        ind.actual = text_for(ind)
        parts = list(state[p.id].indicators)
        parts[j] = score_indicator(ind, profile)
        state[p.id] = combine(state[p.id].execution, parts, profile)

    def new_text(ind):  # a number never typed before: parse_value really runs
        return f"{next(fresh)}{parsed(ind.target).unit}"

    def same_text(ind):  # retyping a text already seen: the parse comes from the cache
        return ind.actual

    single_cold = measure(lambda: change_one(new_text), reps_single)
    single_warm = measure(lambda: change_one(same_text), reps_single)

    # the execution row of one project, retyped
    project = doc.projects[0]
    amounts = itertools.count(1)

    def change_execution():
        project.funding.executed = next(amounts)
        s = state[project.id]
        state[project.id] = combine(score_execution(project, profile), s.indicators, profile)
    execution = measure(change_execution, reps_single)

    # 查找 (Ctrl+F): the window searches the whole document after a pause in the typing
    from selfeval_desktop.domain.find import find, fold
    words = itertools.cycle(["满意度", "科技创新项目37", "≥90%", "经主管部门", "不在文件中的词"])
    find_warm = measure(lambda: find(doc, next(words)), reps_full)
    find_cold = measure(lambda: find(doc, next(words)), reps_full, before=fold.cache_clear)

    base = "baseline: sum() of 1,500 Decimals"
    ms = 1e-3
    return [
        Result(base, base_sum),
        Result("baseline: Python loop of 1,500 steps", base_loop, baseline=base),
        Result("full rescore, 50×30, parse cached", full_warm, baseline=base),
        Result("full rescore, 50×30, uncached", full_cold, baseline=base),
        Result("one indicator retyped, new text (uncached)", single_cold, baseline=base,
               goal=ms, goal_text="< 1 ms"),
        Result("one indicator retyped, text seen before", single_warm, baseline=base,
               goal=ms, goal_text="< 1 ms"),
        Result("执行数 retyped: execution + combine", execution, baseline=base,
               goal=ms, goal_text="< 1 ms"),
        Result("查找 a word in 50×30 (texts folded before)", find_warm, baseline=base,
               goal=50 * ms, goal_text="< 50 ms (the bar waits 150 ms for a pause)"),
        Result("查找 a word in 50×30, first search", find_cold, baseline=base),
    ]


if __name__ == "__main__":
    from run import main
    sys.exit(main(["scoring", *sys.argv[1:]]))
