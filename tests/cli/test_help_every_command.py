"""Every command's --help in Chinese and English alike (the 主管部门's IT person may read either):
the headings, the description and every option, not only the commands that had a test of their
own (score, finalize and aggregate had none)."""
from __future__ import annotations

import re

import pytest

from selfeval_desktop.cli import build_parser, main
from selfeval_desktop.commands import COMMAND_MODULES

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"\b[a-z]{3,}\b")


def help_of(capsys, argv) -> str:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 0
    return capsys.readouterr().out


def option_entries(text: str) -> list[str]:
    """Each option's help under 选项 / options, its wrapped lines joined."""
    section = text.split("选项 / options:", 1)[1]
    section = re.split(r"\n\S", section, maxsplit=1)[0]      # up to the next heading
    entries: list[str] = []
    for line in section.splitlines():
        if re.match(r"^  -", line):
            entries.append(line.strip())
        elif line.strip() and entries:
            entries[-1] += " " + line.strip()
    return entries


def test_every_command_is_listed():
    parser = build_parser()
    choices = parser._subparsers._group_actions[0].choices
    assert set(choices) == {name.replace("_cmd", "").replace("_", "-") for name in COMMAND_MODULES}


@pytest.mark.parametrize("command", sorted(
    name.replace("_cmd", "").replace("_", "-") for name in COMMAND_MODULES))
def test_help_is_bilingual(capsys, command):
    text = help_of(capsys, [command, "--help"])
    assert text.startswith(f"用法 / usage: selfeval-desktop {command}")
    assert "选项 / options:" in text and "显示本帮助并退出 / show this help message and exit" in text
    description = text.split("\n\n", 2)[1]
    assert CJK.search(description) and LATIN_WORD.search(description), description
    entries = option_entries(text)
    assert len(entries) >= 2, text                               # -h and at least one more
    for entry in entries:
        chinese, _, english = entry.rpartition("/ ")
        assert CJK.search(chinese) and LATIN_WORD.search(english), entry


@pytest.mark.parametrize("argv", [["--help"], ["print", "--help"], ["aggregate", "--help"]])
def test_help_headings_are_chinese(capsys, argv):
    with pytest.raises(SystemExit):
        main(argv)
    out = capsys.readouterr().out
    assert "用法" in out and "选项" in out and "显示本帮助并退出" in out
    assert "\nusage:" not in "\n" + out and "\noptions:" not in out
