"""Looking up spending lines as clerks write them (支出经济分类, 科研经费科目)."""
import pytest

from selfeval_desktop.domain.catalogs import (by_code, entries, item_class, lookup,
                                              split_code_name)
from selfeval_desktop.domain.model import SpendingScheme

ECON = SpendingScheme.ECONOMIC


@pytest.mark.parametrize("written", ["302商品和服务支出", "302 商品和服务支出", "302", "商品和服务支出",
                                     "【302】商品和服务支出", "302-商品和服务支出", "３０２商品和服务支出"])
def test_seed_003_budget_line_is_found_however_written(written):
    entry = lookup(written)
    assert (entry.code, entry.name) == ("302", "商品和服务支出")
    assert entry.label == "302 商品和服务支出"


@pytest.mark.parametrize("written, code", [
    ("30211差旅费", "30211"), ("差旅费", "30211"), ("30215 会议费", "30215"), ("培训费", "30216"),
    ("维修(护)费", "30213"), ("维修（护）费", "30213"), ("因公出国(境)费用", "30212"),
    ("公务用车运行维护费", "30231"), ("税金及附加费用", "30240"), ("其他商品和服务支出", "30299"),
    ("1、办公费", "30201"), ("工资福利支出", "301"), ("对企业补助", "312"),
])
def test_economic_items_by_code_or_name(written, code):
    assert lookup(written).code == code


def test_code_and_name_that_disagree_find_nothing():
    assert lookup("302差旅费") is None
    assert lookup("30211 会议费") is None


def test_unknown_text_finds_nothing():
    assert lookup("") is None
    assert lookup("买菜钱") is None
    assert lookup("30210") is None   # not a code in the list


def test_shared_names_prefer_the_class_and_the_non_construction_item():
    assert lookup("其他支出").code == "399"
    assert lookup("房屋建筑物购建").code == "31001"
    assert lookup("30901").name == "房屋建筑物购建"


def test_every_302_item_the_forms_use_is_listed():
    names = {e.code: e.name for e in entries(ECON, parent="302")}
    for code, name in [("30201", "办公费"), ("30202", "印刷费"), ("30207", "邮电费"),
                       ("30209", "物业管理费"), ("30217", "公务接待费"), ("30218", "专用材料费"),
                       ("30226", "劳务费"), ("30227", "委托业务费"), ("30239", "其他交通费用")]:
        assert names[code] == name
    assert all(e.parent == "302" and e.level == 2 for e in entries(ECON, parent="302"))


def test_picker_lists_each_class_followed_by_its_items():
    listed = entries(ECON)
    classes = [e.code for e in entries(ECON, parent="")]
    assert classes[:4] == ["301", "302", "303", "307"] and classes[-1] == "399"
    for i, e in enumerate(listed):
        if e.level == 2:
            owner = next(x for x in reversed(listed[:i]) if x.level == 1)
            assert e.parent == owner.code and e.code.startswith(owner.code)
    assert len({e.code for e in listed}) == len(listed)
    assert item_class("30211") == "302" and by_code("302").name == "商品和服务支出"


@pytest.mark.parametrize("written, name", [
    ("设备费", "设备费"), ("其他费用支出", "其他支出"), ("测试化验加工费", "测试化验加工费"),
    ("出版、文献、信息传播、知识产权事务费", "出版/文献/信息传播/知识产权事务费"),
    ("国际合作与交流费", "国际合作与交流费"), ("专家咨询费", "专家咨询费"), ("燃料动力费", "燃料动力费"),
])
def test_seed_002_rd_categories(written, name):
    assert lookup(written, SpendingScheme.RD2011).name == name


def test_rd2011_has_eleven_categories_and_rd2021_three():
    old = entries(SpendingScheme.RD2011)
    assert len(old) == 11
    assert [e.name for e in entries(SpendingScheme.RD2021)] == ["设备费", "业务费", "劳务费"]
    assert all(e.label == e.name for e in old)   # R&D categories carry no printed code


def test_split_code_name():
    assert split_code_name("302商品和服务支出") == ("302", "商品和服务支出")
    assert split_code_name(" 差旅费 ") == ("", "差旅费")
