"""文件 → 汇总多个自评文件…: the receiving side's summary workbook, as ``aggregate`` writes it.

A 主管部门 clerk who receives the units' files by email needs the summary without the command
line. Pick the files, then where the workbook goes; every file is only read, and a file
that cannot be read is named, and the clerk chooses to summarise the others or to stop (the
command stops: a script has nobody to ask).
"""
from __future__ import annotations

from pathlib import Path

from ..db.document import DocumentError
from .qt import QMessageBox

TITLE = "汇总多个自评文件"


def aggregate(actions, files: list[str] | None = None, out: str | None = None) -> bool:
    from ..domain.evaluation import missing_profile_text
    from ..reports.xlsx_aggregate import AggregateError, Source, unit_count, write_summary
    from .file_actions import FILE_FILTER
    from .merge_projects import read_other
    from .qt import QFileDialog
    window = actions.window
    if files is None:
        files, _ = QFileDialog.getOpenFileNames(window, f"{TITLE}：选择各单位的自评文件（可多选）",
                                                actions.received_dir(), FILE_FILTER)
        if files:
            actions.remember_received(files[0])
    if not files:
        return False
    from .busy import Working
    paths, sources, bad = [Path(f) for f in files], [], []
    with Working(window, "读取各单位的自评文件") as work:
        for i, path in enumerate(paths, 1):
            try:
                doc = read_other(path)
                missing = missing_profile_text(doc)   # said here, not 程序出错 while writing
                if missing:
                    raise DocumentError(f"“{path.name}”{missing}")
                sources.append(Source(path, doc))
            except (DocumentError, OSError) as exc:
                text = str(exc)     # it names the file itself: the name not said twice
                bad.append(text if path.name in text else f"“{path.name}”：{text}")
            work.step(i, len(paths))
    if bad and not sources:
        QMessageBox.warning(window, TITLE, "所选文件都无法读取，未写出汇总表：\n" + "\n".join(bad))
        return False
    if bad:
        # one broken attachment among thirty units' files must not stop the whole summary
        from . import dialogs
        listed = "\n".join(bad)
        answer = dialogs.choose(window, TITLE,
                                f"{len(bad)} 个文件无法读取：\n{listed}\n\n汇总其余 {len(sources)} 个文件"
                                f"（汇总表中不含上面的文件），还是取消后重新选择（或向该单位重新索要文件）？",
                                [f"汇总其余 {len(sources)} 个文件", "取消"], kind=dialogs.WARNING)
        if answer != 0:
            return False
        paths = [s.path for s in sources]
    if out is None:
        default = str(paths[0].with_name("汇总表.xlsx"))
        out, _ = QFileDialog.getSaveFileName(window, f"{TITLE}：汇总表保存为", default,
                                             "Excel 工作簿 (*.xlsx)")
    if not out:
        return False
    from .file_reports import checked_target
    target = checked_target(window, out, ".xlsx", paths, "汇总表", TITLE, TITLE, "未写出汇总表：",
                            inputs_are="要汇总的自评文件之一")
    if target is None:
        return False
    try:
        with Working(window, "写汇总表") as work:
            write_summary(sources, target, work.step)
    except (AggregateError, OSError) as exc:
        QMessageBox.warning(window, TITLE, f"未写出汇总表：{exc}")
        return False
    projects = sum(len(s.document.project_list()) for s in sources)
    years = {s.document.year for s in sources}
    note = "\n各文件的评价年度不同，汇总表按年度分别合计。" if len(years) > 1 else ""
    if bad:
        note += f"\n未汇总（无法读取）：{len(bad)} 个文件，见前面的提示。"
    QMessageBox.information(window, TITLE, f"已汇总 {unit_count(sources)} 个单位、{projects} 个项目到\n"
                                           f"{target}{note}")
    return True
