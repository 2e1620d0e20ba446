"""export_pdf: the window's 打印/导出PDF: one file or one per project, never a half-written PDF."""
import os
import sys

import pytest

from selfeval_desktop.domain.model import Project
from selfeval_desktop.reports import export
from selfeval_desktop.reports.export import ExportError, export_pdf, open_with_system_viewer
from tests.reports.pdf_fixtures import page_count, raw_text, seed003, squeeze


def two_projects():
    doc = seed003()
    second = Project(name="科普/宣传:活动*经费", id=7, leader="李四")
    doc.projects.append(second)
    return doc


def test_one_file_holds_every_project_each_from_a_new_page(tmp_path):
    doc = two_projects()
    doc.projects[0].goal_actual = "均达到预期目标。" * 25  # two pages for the first project
    [path] = export_pdf(doc, tmp_path / "all.pdf")
    assert path == tmp_path / "all.pdf"
    text = squeeze(raw_text(path))
    assert text.count("项目单位自评基本情况表") == 2
    assert text.index("学术交流活动经费") < text.index("科普/宣传:活动*经费")
    # page numbers count each project's own pages
    assert "第1页共2页" in text and "第3页" not in text


def test_one_file_per_project_named_after_each_project(tmp_path):
    doc = two_projects()
    paths = export_pdf(doc, tmp_path, form="mof", one_file=False)
    assert [p.name for p in paths] == ["项目支出绩效自评表_01_学术交流活动经费.pdf",
                                       "项目支出绩效自评表_02_科普_宣传_活动_经费.pdf"]
    assert all(page_count(p) == 1 for p in paths)
    assert "李四" not in raw_text(paths[0]) and "学术交流活动经费" not in raw_text(paths[1])
    beside = export_pdf(doc, tmp_path / "河池.pdf", one_file=False)
    assert [p.name for p in beside] == ["河池_01_学术交流活动经费.pdf", "河池_02_科普_宣传_活动_经费.pdf"]


def test_chosen_projects_only(tmp_path):
    doc = two_projects()
    [path] = export_pdf(doc, tmp_path / "one.pdf", project_ids=[7])
    text = squeeze(raw_text(path))
    assert "科普/宣传:活动*经费" in text and "学术交流活动经费" not in text
    with pytest.raises(ExportError, match="没有编号为 99 的项目"):
        export_pdf(doc, tmp_path / "x.pdf", project_ids=[99])
    assert not (tmp_path / "x.pdf").exists()


def test_a_failed_export_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    doc = seed003()
    target = tmp_path / "form.pdf"
    target.write_bytes(b"the PDF printed yesterday")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export.os, "fsync", broken)
    with pytest.raises(ExportError, match="无法写入"):
        export_pdf(doc, target, force=True)
    assert target.read_bytes() == b"the PDF printed yesterday"
    assert os.listdir(tmp_path) == ["form.pdf"]


def test_bad_requests_are_refused_with_a_chinese_message(tmp_path):
    doc = seed003()
    with pytest.raises(ExportError, match="没有“xls”这种表"):
        export_pdf(doc, tmp_path / "a.pdf", form="xls")
    with pytest.raises(ExportError, match="不存在"):
        export_pdf(doc, tmp_path / "missing" / "a.pdf")
    doc.projects.clear()
    with pytest.raises(ExportError, match="没有可打印的项目"):
        export_pdf(doc, tmp_path / "a.pdf")
    assert os.listdir(tmp_path) == []


def test_a_document_is_not_changed_by_printing(tmp_path):
    doc = seed003()
    before = repr(doc)
    export_pdf(doc, tmp_path / "a.pdf", form="mof")
    export_pdf(doc, tmp_path / "b.pdf", form="basic")
    assert repr(doc) == before


@pytest.mark.parametrize("platform, command", [("linux", "xdg-open"), ("darwin", "open")])
def test_open_with_system_viewer_hands_the_file_to_the_desktop(monkeypatch, tmp_path, platform,
                                                               command):
    calls = []
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(export, "_desktop_opens", lambda path: True)
    monkeypatch.setattr(export.subprocess, "Popen", lambda args, **kw: calls.append(args))
    assert open_with_system_viewer(tmp_path / "a.pdf") is True
    assert calls == [[command, str(tmp_path / "a.pdf")]]


def test_open_with_system_viewer_on_windows_uses_startfile(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(export.os, "startfile", calls.append, raising=False)
    assert open_with_system_viewer(tmp_path / "a.pdf") is True
    assert calls == [str(tmp_path / "a.pdf")]


def test_a_machine_without_a_pdf_program_is_told_not_opened(monkeypatch, tmp_path):
    """The window said the PDF opened in a viewer when none existed."""
    import shutil
    import subprocess
    monkeypatch.setattr(sys, "platform", "win32")

    def no_association(path):
        raise OSError("没有与之关联的应用")
    monkeypatch.setattr(export.os, "startfile", no_association, raising=False)
    assert open_with_system_viewer(tmp_path / "a.pdf") is False
    monkeypatch.setattr(sys, "platform", "linux")
    started = []
    monkeypatch.setattr(export.subprocess, "Popen", lambda args, **kw: started.append(args))
    tools = {"xdg-open": "/usr/bin/xdg-open", "xdg-mime": "/usr/bin/xdg-mime"}
    monkeypatch.setattr(shutil, "which", tools.get)
    answer = subprocess.CompletedProcess([], 0, stdout="\n", stderr="")
    monkeypatch.setattr(export.subprocess, "run", lambda *a, **kw: answer)
    assert open_with_system_viewer(tmp_path / "a.pdf") is False      # no program for PDFs
    answer.stdout = "org.gnome.Evince.desktop\n"
    assert open_with_system_viewer(tmp_path / "a.pdf") is True
    del tools["xdg-open"]
    assert open_with_system_viewer(tmp_path / "a.pdf") is False      # no desktop opener at all
    assert len(started) == 1


@pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX permissions")
def test_a_new_pdf_gets_the_usual_permissions_and_a_replaced_one_keeps_its_own(tmp_path):
    old = os.umask(0o022)
    try:
        [path] = export_pdf(two_projects(), tmp_path / "new.pdf")
        assert path.stat().st_mode & 0o777 == 0o644  # not the 0600 of a temporary file
        os.chmod(path, 0o640)
        export_pdf(two_projects(), path, force=True)
        assert path.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


def test_per_project_files_are_named_by_the_form_each_holds(tmp_path):
    """With --form mof the 部门整体 evaluation's PDF was named
    “项目支出绩效自评表_01_…部门整体支出.pdf” though it holds the 部门整体支出绩效自评表."""
    from tests.reports.pdf_fixtures import seed003_with_department
    doc, dept = seed003_with_department()
    for form in ("mof", "basic", "report"):
        folder = tmp_path / form
        folder.mkdir()
        paths = export_pdf(doc, folder, form=form, one_file=False)
        title = export.FORMS[form][0]
        assert [p.name.split("_")[0] for p in paths] == [title, "部门整体支出绩效自评表"]
        # the name says the form the file opens with
        assert squeeze(raw_text(paths[1])).startswith("部门整体支出绩效自评表")
