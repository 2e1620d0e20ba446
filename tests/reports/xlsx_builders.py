"""Workbooks in the shapes units really send, built for the import tests.

``write_form`` draws one 项目支出绩效自评表 onto a worksheet with options for each real-world
variation (shifted rows/columns, spacer rows, merged or blank 一级/二级 cells, numbers stored as
text, amounts in 元, Hubei's 20-point execution, Sichuan's 指标性质/度量单位 columns, no 分值
columns). The named helpers save whole workbooks of each shape.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
import struct
import zipfile

import openpyxl

# (一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因)
MOF_INDICATORS = [
    ("产出指标", "数量指标", "资助创新平台数量", "≥8家", "13家", 25, 25, ""),
    ("产出指标", "数量指标", "举办讲座次数", "≥4次", "1次", 10, 2.5, "疫情影响，线下讲座取消"),
    ("产出指标", "质量指标", "平台验收合格率", "≥90%", "95%", 10, 10, ""),
    ("产出指标", "时效指标", "资金拨付时间", "2021年12月前", "2021年11月", 5, 5, ""),
    ("效益指标", "社会效益指标", "带动企业研发投入增长", "≥10%", "12%", 30, 30, ""),
    ("满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "98%", 10, 10, ""),
]


@dataclass
class FormSpec:
    name: str = "科技创新平台资助项目"
    supervisor: str = "石家庄高新区管委会"
    implementer: str = "石家庄高新区科技局"
    year: int | None = 2022
    initial: object = 210
    annual: object = 200
    executed: object = 190
    current: tuple = (210, 200, 190)     # 其中：当年财政拨款
    exec_weight: object = 10
    exec_score: object = 9.5
    rate: object = 0.95
    expected: str = "资助创新平台8家，带动企业研发投入增长10%以上"
    actual: str = "资助创新平台13家，研发投入增长12%"
    indicators: list = field(default_factory=lambda: list(MOF_INDICATORS))
    total: object = 92.0                 # 9.5 + 25 + 2.5 + 10 + 5 + 30 + 10


def stated_total(spec: FormSpec) -> float:
    return float(spec.exec_score or 0) + sum(float(i[6] or 0) for i in spec.indicators)


def write_form(ws, spec: FormSpec, *, top: int = 1, left: int = 1, spacers: bool = False,
               merge: bool = True, blank_groups: bool = True, text_numbers: bool = False,
               unit: str | None = "万元", weights: bool = True, sichuan: bool = False,
               exec_in_table: bool = False, funds_scores: bool = True) -> None:
    """Draw the form with its top-left corner at (top, left), 1-based."""
    col = {k: left + i for i, k in enumerate("ABCDEFGHIJKL")}
    r = top

    def put(row, c, value):
        if text_numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = f"{value:g}"
        ws.cell(row=row, column=col[c], value=value)

    def spacer():
        nonlocal r
        if spacers:
            r += 1

    put(r, "A", "项目支出绩效自评表")
    ws.merge_cells(start_row=r, start_column=col["A"], end_row=r, end_column=col["J"])
    r += 1
    if spec.year:
        put(r, "A", f"（{spec.year}年度）")
        r += 1
    spacer()
    put(r, "A", "项 目 名 称")
    put(r, "B", spec.name)
    ws.merge_cells(start_row=r, start_column=col["B"], end_row=r, end_column=col["J"])
    r += 1
    put(r, "A", "主管部门：")
    put(r, "B", spec.supervisor)
    put(r, "F", "实施单位")
    put(r, "G", spec.implementer)
    r += 1
    spacer()
    put(r, "A", f"项目资金（{unit}）" if unit else "项目资金")
    heads = ["年初预算数", "全年预算数", "全年执行数"]
    if funds_scores:
        heads += ["分值", "执行率", "得分"]
    for c, h in zip("CDEFGH", heads):
        put(r, c, h)
    r += 1
    put(r, "B", "年度资金总额")
    for c, v in zip("CDE", (spec.initial, spec.annual, spec.executed)):
        put(r, c, v)
    if funds_scores:
        put(r, "F", spec.exec_weight)
        put(r, "G", spec.rate)
        ws.cell(row=r, column=col["G"]).number_format = "0.00%"
        put(r, "H", spec.exec_score)
    r += 1
    put(r, "B", "其中：当年财政拨款")
    for c, v in zip("CDE", spec.current):
        put(r, c, v)
    r += 1
    put(r, "B", "上年结转资金")
    r += 1
    put(r, "B", "其他资金")
    r += 1
    spacer()
    put(r, "A", "年度总体目标")
    put(r, "B", "预期目标")
    put(r, "G", "实际完成情况")
    r += 1
    put(r, "B", spec.expected)
    put(r, "G", spec.actual)
    r += 1
    spacer()
    _indicator_table(ws, spec, put, col, r, merge=merge, blank_groups=blank_groups,
                     weights=weights, sichuan=sichuan, exec_in_table=exec_in_table)


def _indicator_table(ws, spec, put, col, r, *, merge, blank_groups, weights, sichuan,
                     exec_in_table):
    if sichuan:
        heads = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "全年完成值",
                 "分值", "得分", "未完成原因分析"]
    else:
        heads = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                 "偏差原因分析及改进措施"]
    if not weights:
        heads = [h for h in heads if h not in ("分值", "得分")]
    letters = "BCDEFGHIJK"[:len(heads)]
    put(r, "A", "绩效指标")
    for c, h in zip(letters, heads):
        put(r, c, h)
    header = r
    rows = list(spec.indicators)
    if exec_in_table:
        rows.insert(0, ("预算执行", "预算执行率", "预算执行率", "100%", "95%", spec.exec_weight,
                        spec.exec_score, ""))
    prev = (None, None)
    starts = {}
    for ind in rows:
        r += 1
        l1, l2, name, target, actual, weight, score, deviation = ind
        show1 = l1 if (not blank_groups or l1 != prev[0]) else None
        show2 = l2 if (not blank_groups or (l1, l2) != prev) else None
        prev = (l1, l2)
        if show1:
            starts.setdefault(("l1", l1), [r, r])
        if ("l1", l1) in starts:
            starts[("l1", l1)][1] = r
        if show2:
            starts[("l2", l1, l2)] = [r, r]
        elif ("l2", l1, l2) in starts:
            starts[("l2", l1, l2)][1] = r
        values = {"一级指标": show1, "二级指标": show2, "三级指标": name, "偏差原因分析及改进措施": deviation,
                  "未完成原因分析": deviation, "分值": weight, "得分": score}
        if sichuan:
            nature, number, unit_text = _split(target)
            values.update({"指标性质": nature, "指标值": number, "度量单位": unit_text,
                           "全年完成值": _split(actual)[1]})
        else:
            values.update({"年度指标值": target, "实际完成值": actual})
        for c, h in zip(letters, heads):
            if values.get(h) not in (None, ""):
                put(r, c, values[h])
    if merge and blank_groups:
        for key, (first, last) in starts.items():
            c = col["B"] if key[0] == "l1" else col["C"]
            if last > first:
                ws.merge_cells(start_row=first, start_column=c, end_row=last, end_column=c)
    r += 1
    put(r, "A", "总分")
    if weights:
        put(r, letters[heads.index("分值")], 100)
        put(r, letters[heads.index("得分")], spec.total)
    ws.cell(row=header, column=col["A"])


def _split(text: str):
    """'≥8家' → ('≥', 8, '家'); '2021年12月前' → ('定性', '2021年12月前', '')."""
    import re
    m = re.fullmatch(r"([≥≤=]?)(\d+(?:\.\d+)?)([^\d年月]*)", text)
    if not m:
        return "定性", text, ""
    number = float(m.group(2)) if "." in m.group(2) else int(m.group(2))
    return m.group(1) or "≥", number, m.group(3)


def save(path: Path, *sheets) -> Path:
    """A workbook with one sheet per (title, spec, options) triple."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, spec, options in sheets:
        write_form(wb.create_sheet(title), spec, **options)
    wb.save(path)
    return path


# ---------------------------------------------------------------- shapes

def standard(path: Path, spec: FormSpec | None = None) -> Path:
    return save(path, ("自评表", spec or FormSpec(), {}))


def shifted(path: Path) -> Path:
    """Two columns and three rows to the right/down, blank spacer rows between blocks."""
    return save(path, ("Sheet1", FormSpec(), {"top": 4, "left": 3, "spacers": True}))


def merged_level1(path: Path) -> Path:
    return save(path, ("自评", FormSpec(), {"merge": True}))


def text_numbers(path: Path) -> Path:
    spec = FormSpec(initial="210.00", annual="２００", executed="190.0000", rate="95%",
                    current=("210", "200", "190"))
    return save(path, ("自评", spec, {"text_numbers": True}))


def in_yuan(path: Path) -> Path:
    """The header says 万元, the figures are in 元 (2,000,000 元 = 200 万元)."""
    spec = FormSpec(initial=2_100_000, annual=2_000_000, executed=1_900_000,
                    current=(2_100_000, 2_000_000, 1_900_000))
    return save(path, ("自评", spec, {}))


def in_yuan_small(path: Path) -> Path:
    """元 under a 万元 header, small enough to look plausible, given away by a 成本指标 in 万元."""
    inds = list(MOF_INDICATORS)
    inds[3] = ("产出指标", "成本指标", "项目总成本", "≤4万元", "4万元", 5, 5, "")
    spec = FormSpec(initial=40_000, annual=40_000, executed=40_000, current=(40_000,) * 3,
                    indicators=inds)
    return save(path, ("自评", spec, {}))


def hubei(path: Path, exec_in_table: bool = False) -> Path:
    """湖北: 预算执行率 20 分, indicators 80 (产出 40, 效益 30, 满意度 10)."""
    inds = [
        ("产出指标", "数量指标", "资助创新平台数量", "≥8家", "13家", 20, 20, ""),
        ("产出指标", "数量指标", "举办讲座次数", "≥4次", "1次", 10, 2.5, "疫情影响"),
        ("产出指标", "质量指标", "平台验收合格率", "≥90%", "95%", 10, 10, ""),
        ("效益指标", "社会效益指标", "带动企业研发投入增长", "≥10%", "12%", 30, 30, ""),
        ("满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "98%", 10, 10, ""),
    ]
    spec = FormSpec(exec_weight=20, exec_score=19, indicators=inds, total=91.5)
    return save(path, ("湖北自评表", spec, {"exec_in_table": exec_in_table,
                                          "funds_scores": not exec_in_table}))


def sichuan(path: Path) -> Path:
    return save(path, ("四川", FormSpec(), {"sichuan": True}))


def no_weights(path: Path) -> Path:
    return save(path, ("自评", FormSpec(), {"weights": False}))


def several(path: Path) -> Path:
    second = FormSpec(name="科学技术奖奖励项目", initial=310, annual=310, executed=310,
                      current=(310, 310, 310), exec_score=10, rate=1,
                      indicators=[("产出指标", "数量指标", "认定获奖数量", "4个", "8个", 50, 50, ""),
                                  ("效益指标", "社会效益指标", "企业创新能力", "提升", "达成", 30, 30, ""),
                                  ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "100%",
                                   10, 10, "")], total=100)
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active["A1"] = "填表说明：每个项目一张表"
    write_form(wb.create_sheet("项目一"), FormSpec())
    write_form(wb.create_sheet("项目二"), second, top=2, spacers=True)
    wb.save(path)
    return path


def inconsistent(path: Path) -> Path:
    """Stated scores that the review must catch (see the review tests for each)."""
    inds = list(MOF_INDICATORS)
    inds[0] = inds[0][:6] + (20, "")          # met (13 ≥ 8) but stated 20 of 25, no reason
    inds[2] = inds[2][:6] + (12, "")          # stated above its 分值 10
    inds[1] = inds[1][:6] + (5, "已说明")      # rule gives 2.5, stated 5
    spec = FormSpec(exec_score=10, indicators=inds, total=99)  # 95% → 9.5, total adds to 92
    return save(path, ("自评", spec, {}))


# ---------------------------------------------------------------- malformed input

def empty_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.save(path)
    return path


def no_table(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"] = "项目名称", "科技创新平台资助项目"
    ws["A3"] = "（指标表另附）"
    wb.save(path)
    return path


def huge(path: Path, rows: int = 100_000) -> Path:
    """A 100,000-row sheet, written straight as XML (openpyxl would take long to write it)."""
    wb = openpyxl.Workbook()
    wb.active.title = "明细"
    wb.save(path)
    body = "".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c><c r="B{i}" t="inlineStr">'
                   f"<is><t>支出{i}</t></is></c></row>" for i in range(1, rows + 1))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f"<sheetData>{body}</sheetData></worksheet>")
    with zipfile.ZipFile(path) as src:
        parts = {n: src.read(n) for n in src.namelist()}
    parts["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def encrypted(path: Path) -> Path:
    """What Excel writes for a password-protected .xlsx: an OLE2 compound file (CFB v3) with
    the streams EncryptionInfo and EncryptedPackage (contents random here)."""
    end, free, fat_sect, nostream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 40, 0, 1, 1, 0, 4096, end, 0, end)
    struct.pack_into("<I", header, 72, 0)      # DIFAT[0]: the FAT is sector 0
    struct.pack_into("<I", header, 68, end)    # no DIFAT sectors
    for i in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * i, free)
    fat = [fat_sect, end] + list(range(3, 10)) + [end] + list(range(11, 18)) + [end]
    fat += [free] * (128 - len(fat))
    fat_sector = struct.pack("<128I", *fat)

    def entry(name, kind, left, right, child, start, size):
        raw = name.encode("utf-16-le") + b"\0\0" if name else b""
        e = bytearray(128)
        e[0:len(raw)] = raw
        struct.pack_into("<HBB", e, 64, len(raw), kind, 1)
        struct.pack_into("<III", e, 68, left, right, child)
        struct.pack_into("<II", e, 116, start, size)
        return bytes(e)

    directory = (entry("Root Entry", 5, nostream, nostream, 1, end, 0)
                 + entry("EncryptionInfo", 2, nostream, 2, nostream, 2, 4096)
                 + entry("EncryptedPackage", 2, nostream, nostream, nostream, 10, 4096)
                 + entry("", 0, nostream, nostream, nostream, 0, 0))
    data = bytes(header) + fat_sector + directory + bytes(range(256)) * 32
    path.write_bytes(data)
    return path


def with_spec(**changes) -> FormSpec:
    return replace(FormSpec(), **changes)


WEIGHT, STATED = 5, 6       # the places of 分值 and 得分 in a MOF_INDICATORS row


def indicator_cell_typed(path: Path, row: int, place: int, value) -> Path:
    """The form with one cell of its indicator table as a unit typed it (“十分”, “两分半”):
    row ``row`` from 0, ``place`` WEIGHT or STATED."""
    inds = list(MOF_INDICATORS)
    inds[row] = inds[row][:place] + (value,) + inds[row][place + 1:]
    return save(path, ("自评", FormSpec(indicators=inds), {}))


def compound(path: Path, streams: list[str]) -> Path:
    """An OLE2 compound file (CFB v3) whose directory holds ``streams`` (empty, at most 3): a
    Word .doc has WordDocument, an Excel .xls Workbook."""
    end, free, fat_sect, nostream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 40, 0, 1, 1, 0, 4096, end, 0, end)
    struct.pack_into("<I", header, 68, end)
    struct.pack_into("<I", header, 76, 0)      # DIFAT[0]: the FAT is sector 0
    for i in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * i, free)
    fat = struct.pack("<128I", fat_sect, end, *([free] * 126))

    def entry(name, kind, child=nostream, right=nostream):
        raw = name.encode("utf-16-le") + b"\0\0" if name else b""
        e = bytearray(128)
        e[0:len(raw)] = raw
        struct.pack_into("<HBB", e, 64, len(raw), kind, 1)
        struct.pack_into("<III", e, 68, nostream, right, child)
        struct.pack_into("<II", e, 116, end, 0)
        return bytes(e)

    names = list(streams)[:3]
    directory = entry("Root Entry", 5, child=1 if names else nostream)
    for i, name in enumerate(names):
        directory += entry(name, 2, right=i + 2 if i + 1 < len(names) else nostream)
    directory += bytes(128 * (4 - 1 - len(names)))
    path.write_bytes(bytes(header) + fat + directory)
    return path
