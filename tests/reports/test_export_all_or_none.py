"""打印 with one file per project: a failure on one file changes none of them (file 3
of 5 failing left files 1 and 2 replaced, and the message did not say so)."""
from __future__ import annotations

import os

import pytest

from selfeval_desktop.domain.model import Project
from selfeval_desktop.reports.export import ExportError, export_pdf, per_project_paths
from tests.reports.pdf_fixtures import seed003

real_replace = os.replace


def five_projects():
    doc = seed003()
    for i in range(2, 6):
        doc.projects.append(Project(name=f"项目{i}", id=10 + i, leader="李四"))
    return doc


def refuse_renaming_onto(monkeypatch, name: str):
    """os.replace onto ``name`` fails (on Windows: the PDF is open in a viewer)."""
    refused = []

    def replace(src, dst, *args, **kwargs):
        target = os.path.basename(dst)
        if target == name:
            refused.append(target)
            raise PermissionError(13, "Permission denied", str(src))
        return real_replace(src, dst, *args, **kwargs)
    monkeypatch.setattr(os, "replace", replace)
    return refused


def test_a_failure_on_the_third_file_leaves_the_first_two_as_they_were(tmp_path, monkeypatch):
    doc = five_projects()
    targets = per_project_paths(tmp_path, "basic", doc.projects)
    for i, target in enumerate(targets):
        target.write_bytes(f"printed yesterday {i}".encode())
    refused = refuse_renaming_onto(monkeypatch, targets[2].name)
    with pytest.raises(ExportError) as err:
        export_pdf(doc, tmp_path, one_file=False, force=True)
    assert refused == [targets[2].name]
    message = str(err.value)
    assert f"无法写入“{targets[2]}”" in message and "5 个文件都没有写出，已有的保持原样" in message
    assert [t.read_bytes() for t in targets] == [f"printed yesterday {i}".encode() for i in range(5)]
    assert sorted(os.listdir(tmp_path)) == sorted(t.name for t in targets)   # no temporary file


def test_a_failure_on_the_third_new_file_leaves_no_file_at_all(tmp_path, monkeypatch):
    doc = five_projects()
    targets = per_project_paths(tmp_path, "basic", doc.projects)
    refuse_renaming_onto(monkeypatch, targets[2].name)
    with pytest.raises(ExportError, match="5 个文件都没有写出"):
        export_pdf(doc, tmp_path, one_file=False)
    assert os.listdir(tmp_path) == []


def test_a_file_that_cannot_be_put_back_is_named(tmp_path, monkeypatch):
    doc = five_projects()
    targets = per_project_paths(tmp_path, "basic", doc.projects)
    for target in targets:
        target.write_bytes(b"printed yesterday")
    # file 3 fails, and file 2, already replaced, then refuses its old content too
    calls = []

    def replace(src, dst, *args, **kwargs):
        calls.append(os.path.basename(dst))
        if os.path.basename(dst) == targets[2].name or calls.count(targets[1].name) > 1:
            raise PermissionError(13, "Permission denied", str(src))
        return real_replace(src, dst, *args, **kwargs)
    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(ExportError) as err:
        export_pdf(doc, tmp_path, one_file=False, force=True)
    assert str(err.value).endswith(f"已经替换、未能恢复原样的：“{targets[1].name}”")
    assert targets[0].read_bytes() == b"printed yesterday"
    assert targets[1].read_bytes().startswith(b"%PDF")
