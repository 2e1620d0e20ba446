"""The Chinese names of a document's fields, as the window, its undo steps and 核对定稿 say them.

Keyed by entity (as in the session's ``set_value``: unit, meta, project, funding, source,
fund_kind, budget_line, indicator, evaluator) and the model's attribute name. No Qt here.
"""
from __future__ import annotations

FIELD_LABELS = {
    "unit": {"name": "单位名称", "supervisor": "主管部门", "region_word": "财政级次",
             "address": "单位地址", "postcode": "邮编", "phone": "联系电话"},
    "meta": {"year": "评价年度", "profile_id": "评分规则", "department_profile_id": "部门评分规则",
             "grade_names": "等次写法"},
    "project": {"name": "项目名称", "supervisor": "主管部门", "implementer": "实施单位",
                "leader": "项目负责人", "phone": "联系电话", "address": "地址", "postcode": "邮编",
                "start": "开始时间", "end": "结束时间", "background": "立项背景",
                "implementation": "实施情况", "goal_expected": "预期目标",
                "goal_actual": "实际完成情况", "unit_opinion": "项目单位意见",
                "supervisor_opinion": "主管部门审核意见", "stated_grade": "自评等次",
                "stated_total": "自评得分", "stated_execution_score": "预算执行率得分",
                "spending_scheme": "支出分类方式"},
    "funding": {"planned_total": "计划安排资金合计", "arrived_total": "实际到位资金合计",
                "spent_total": "实际支出合计", "initial_budget": "年初预算数",
                "annual_budget": "全年预算数", "executed": "全年执行数"},
    "source": {"planned": "计划安排资金", "arrived": "实际到位资金"},
    "fund_kind": {"initial": "年初预算数", "annual": "全年预算数", "executed": "全年执行数"},
    "budget_line": {"code": "科目编码", "name": "支出科目", "planned": "计划支出",
                    "actual": "实际支出", "special_planned": "其中专项计划",
                    "special_actual": "其中专项实际"},
    "indicator": {"level1": "一级指标", "level2": "二级指标", "name": "三级指标",
                  "target": "年度指标值", "actual": "实际完成值", "weight": "分值",
                  "achievement": "达成情况", "override": "调整后得分",
                  "override_reason": "调整理由", "deviation": "偏差原因分析",
                  "stated_score": "原表得分"},
    "evaluator": {"name": "评价人员姓名", "title": "职称/职务", "org": "评价人员单位"},
}
ROW_NAMES = {"indicator": "指标", "budget_line": "支出明细", "evaluator": "评价人员"}
