"""argparse in Chinese: the parser of the command line and of the window's own arguments.

Errors are one line, ``selfeval-desktop COMMAND: 参数错误：…``, exit status 2; argparse's English
messages ("invalid int value", "the following arguments are required", "unrecognized
arguments" …) are said in Chinese, with option names and values as typed.
"""
from __future__ import annotations

import argparse
import re

_TYPE_WORDS = {"int": "整数", "float": "数字", "Decimal": "数字"}


def _bare(text: str) -> str:
    """A value without the quotes of argparse's repr: 'abc' → abc."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


def _quoted(text: str) -> str:
    """argparse's repr of a value ('abc') as a Chinese quotation (“abc”)."""
    return f"“{_bare(text)}”"


def _choices(text: str) -> str:
    return "、".join(_bare(c) for c in text.split(","))


# argparse's English messages (Python 3.11–3.13 wording) in Chinese; unknown ones pass unchanged
_MESSAGES = [
    (re.compile(r"argument (?P<arg>.+?): (?P<rest>.*)", re.S),
     lambda m: f"参数 {m['arg']}：{translate_argparse(m['rest'])}"),
    (re.compile(r"invalid (?P<type>\w+) value: (?P<value>.*)"),
     lambda m: f"{_quoted(m['value'])}不是{_TYPE_WORDS.get(m['type'], '有效的值')}"),
    (re.compile(r"invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)"),
     lambda m: f"{_quoted(m['value'])}不是可选的值（可选：{_choices(m['choices'])}）"),
    (re.compile(r"expected one argument"), lambda m: "后面需要写一个值"),
    (re.compile(r"expected at most one argument"), lambda m: "后面最多写一个值"),
    (re.compile(r"expected at least one argument"), lambda m: "后面至少要写一个值"),
    (re.compile(r"expected \d+ arguments?"), lambda m: "后面的值个数不对"),
    (re.compile(r"the following arguments are required: (?P<names>.*)"),
     lambda m: f"缺少必填的参数：{'、'.join(n.strip() for n in m['names'].split(','))}"),
    (re.compile(r"unrecognized arguments: (?P<args>.*)"), lambda m: f"无法识别的参数：{m['args']}"),
    (re.compile(r"not allowed with argument (?P<arg>.*)"), lambda m: f"不能与参数 {m['arg']} 同时使用"),
    (re.compile(r"one of the arguments (?P<args>.*) is required"),
     lambda m: f"须给出以下参数之一：{m['args']}"),
    (re.compile(r"ambiguous option: (?P<opt>\S+) could match (?P<matches>.*)"),
     lambda m: f"选项 {m['opt']} 不明确，可能是 {m['matches']}"),
    (re.compile(r"ignored explicit argument (?P<value>.*)"),
     lambda m: f"不接受值 {_quoted(m['value'])}"),
]


def translate_argparse(message: str) -> str:
    """An argparse error message in Chinese (the names of options and values stay as typed)."""
    for pattern, make in _MESSAGES:
        m = pattern.fullmatch(message.strip())
        if m:
            return make(m)
    return message


class ChineseParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one Chinese line (exit 2) and which takes no
    abbreviated options."""

    def __init__(self, *args, **kwargs):
        # no abbreviations: "--f" must not quietly mean --force, nor "--u" --undo
        kwargs.setdefault("allow_abbrev", False)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        # --help's own headings and line in Chinese too (argparse writes them in English)
        self._positionals.title = "位置参数 / positional arguments"
        self._optionals.title = "选项 / options"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="显示本帮助并退出 / show this help message and exit")

    def _get_formatter(self):
        formatter = super()._get_formatter()
        add_usage = formatter.add_usage

        def usage_zh(usage, actions, groups, prefix=None):
            return add_usage(usage, actions, groups,
                             "用法 / usage: " if prefix is None else prefix)

        formatter.add_usage = usage_zh
        return formatter

    def error(self, message):  # one line, in Chinese, exit 2
        self.exit(2, f"{self.prog}: 参数错误：{translate_argparse(message)}\n")
