"""Words a short printed text (a title, a heading, a name in a cell) keeps on one line.

Chinese has no spaces, so a line may end between any two characters; in prose that is the rule,
but a title broken inside a word reads badly (“…科技型中小企业贷 / 款补助项目绩效自评报告”).
The words are those of the forms and of the seed reports' project names, headings and
indicators: money and funds, science and technology, the evaluation's own terms. Text is cut
into words by forward longest match; what the list does not know may break anywhere, as before.

Words have two or three characters: a longer name is made of them (可持续 影响 指标, 中小 企业)
and may break between them — a five-character word kept whole would not fit a narrow column and
would then break anywhere (“可持续影 / 响指标” in the 二级指标 column).
"""
from __future__ import annotations

from functools import lru_cache

WORDS = """
项目 资金 经费 预算 决算 执行 支出 收入 拨付 拨款 下达 结转 结余 专项 配套 补助 补贴 奖励 资助 扶持 贴息 贷款 信贷 融资 金融 银行 保险 审计 监管 财政 财务 管理
费用 成本 金额 数量 个数 人数 人次 次数 时间 时效 质量 效益 效果 效应 影响 满意度 满意 目标 指标 任务 工作 情况 完成 实现 实施 开展 举办 组织 召开 参与 参加 推进
推动 提升 提高 改善 改进 完善 优化 加强 促进 建设 改造 装饰 装修 工程 尾款 运营 运行 维护 服务 平台 中心 基地 园区 示范 带动 创新 创业 双创 科技 科学 技术 研发
研究 开发 应用 推广 转化 成果 产业 企业 中小 行业 集群 高新 新型 孵化器 孵化 人才 领军 培养 培训 培训班 培训会 讲座 讲堂 会议 活动 宣传 宣传品 政策 汇编 编印 制定
发放 公示 动态 信息 信息化 替代 显示屏 数字 网络 系统 电子 生物 医药 医疗 器械 新药 创制 材料 设备 能源 节能 电源 开关 高频 超低 能耗 建筑 保温 结构 一体化 管材
玻璃 微珠 填充 改性 分子量 聚乙烯 电线 电缆 弱电 安全 隔层 多隔层 风险 防控 非法 集资 社会 公众 群众 经济 生态 环境 营商 发展 持续 可持续 长期 长效 制度 机制 健全
规范 合理 合理性 科学性 相关性 完整性 健全性 细化率 执行率 调整率 拨付率 整改率 完成率 到位率 部门 整体 单位 主管 职责 履职 年度 全年 当年 上年 年初 地方 中央 省级
市级 县级 自治区 自评 评价 绩效 报告 结论 等次 得分 分值 问题 措施 建议 经验 做法 结果 人员 专家 学术 交流 学会 协会 科协 科普 知识 智库 工作者 调查 站点 设置
构成 分类 学科 领域 决策 参考 简报 市委 市政府 有关 对象 代表 规模 场租 安排 就业 吸纳 证书 获奖 认定 考察 学习 外出 场景 素养 企业家 实务 创新券 支持 港澳台 引进
需要 不超 以上 以下 以内 定期 专题 走访 机构 种类 上市 辅导 路演 对接 银企 出具 范围 发现 进行 整改 兑现 寻求 正向 意义 显著 缩短 新一代 电波 科技城 科技型 厂房
引导 自主 示范区 任职 资格 评审 职务 专业 新乡市 河池市 石家庄 高新区 科技局 管业 基本 概况 存在 申报 立项 背景 依据 负责人 联系 电话 地址 邮编 计划 实际 到位 累计
预期 调整 合计 其中 其他 其它 来源 一级 二级 三级 产出 投入 过程 综合 意见 审核 盖章 签字 姓名 职称 商品 资本性 差旅费 会议费 劳务费 咨询费 设备费 材料费 加工费
燃料 动力 出版 文献 合作 办公 购置 委托 业务费 名称 测试 化验 咨询 产权 国际 间接
""".split()


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], int]:
    return frozenset(WORDS), max(map(len, WORDS))


def inside_words(text: str) -> set[int]:
    """Positions k where a line should not end between ``text[k-1]`` and ``text[k]``: inside a
    known word, the text cut into words by forward longest match (linear in the text)."""
    words, longest = _lexicon()
    out: set[int] = set()
    i, n = 0, len(text)
    while i < n:
        for size in range(min(longest, n - i), 1, -1):
            if text[i:i + size] in words:
                out.update(range(i + 1, i + size))
                i += size
                break
        else:
            i += 1
    return out
