"""Hard line breaks left by copying from a PDF (从PDF复制带来的断行).

Last year's report, the 管理办法 and the 批复 reach a clerk as PDFs. Text copied out of a PDF keeps
the PDF's line ends: every line of a paragraph ends in a newline, often in the middle of a word
(“项目资金\\n到位率”). Pasted into 立项背景 or 偏差原因 as it is, the box and the printed form break
the paragraph at the PDF's width, not at the form's.

``join_hard_breaks`` puts such paragraphs back together and leaves alone what a person wrote on
purpose: a line that ends a sentence, a short line (a heading, a list item, a paragraph's last
line), a line followed by a numbered item (一、 （二） 3. ①), a block whose lines are all short
(a list of targets typed one per line), and a run of long lines none of which ends a sentence (the
same list with longer items). A line is "full" when it is nearly as wide as the widest line of
the block: that is how a PDF's hard wrap looks; and the paragraph it wraps ends in 。！？；.
"""
from __future__ import annotations

import re
import unicodedata

# a sentence, a clause of a list, or a lead-in ends here: the break after it is meant
ENDINGS = frozenset("。！？!?；;：:…")
# an item of a list or a heading starts here: the break before it is meant
ITEM = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十百\d]{1,3}[）)、.．]"   # 一、 （二） 3. 4、 (5)
    r"|[①-⑳⑴-⒇]"                                          # ① ⑴
    r"|第[一二三四五六七八九十百\d]{1,3}[章节条项部分点]"     # 第三部分
    r"|[-•·●○■□◆◇▪*]\s)")                                 # bullets
FULL = 0.8          # a line this share of the block's widest line is a wrapped one …
MIN_WIDTH = 36      # … when the widest is at least this wide (18 Chinese characters)


def _is_cjk(ch: str) -> bool:
    """A Chinese character, or another full-width one."""
    return unicodedata.east_asian_width(ch) in "WF"


def width(text: str) -> int:
    """Display width: a Chinese character (or a full-width one) counts two."""
    return sum(2 if _is_cjk(ch) else 1 for ch in text)


def join_hard_breaks(text: str) -> tuple[str, int]:
    """The text with a PDF's wrapped lines joined, and how many line breaks were joined.

    Text with no such breaks comes back unchanged (also its ``\\r\\n``)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) < 2:
        return text, 0
    widest = max(width(line.strip()) for line in lines)
    if widest < MIN_WIDTH:
        return text, 0
    groups: list[list[str]] = [[lines[0]]]        # runs of lines joined by a wrap
    for previous, line in zip(lines, lines[1:]):
        if _wrapped(previous.strip(), line.strip(), widest):
            groups[-1].append(line)
        else:
            groups.append([line])
    out, joined = [], 0
    for group in groups:
        if len(group) > 1 and _ends(group[-1]):
            out.append(_joined(group))
            joined += len(group) - 1
        else:            # a run that does not end a sentence: a list typed line by line
            out += [line.rstrip() for line in group]
    if not joined:
        return text, 0
    return "\n".join(out), joined


def _ends(line: str) -> bool:
    """``line`` ends a sentence or a lead-in: 。！？；： …, also inside a closing quote or bracket
    (…建设。” / …（见附件。）), or Word paragraphs ending so would be joined. A run of wrapped
    lines is one paragraph only when its last line ends so (a list typed one item per line
    without punctuation does not)."""
    tail = line.rstrip().rstrip("”’」』）)》")
    return bool(tail) and tail[-1] in ENDINGS


def _joined(group: list[str]) -> str:
    text = group[0].rstrip()
    for line in group[1:]:
        after = line.strip()
        gap = " " if text[-1].isascii() and text[-1].isalnum() and \
            after[0].isascii() and after[0].isalnum() else ""
        text += gap + after
    return text


def _wrapped(before: str, after: str, widest: int) -> bool:
    """Is the break between these two lines (as copied) a PDF's wrap rather than one meant?"""
    if not before or not after or "\t" in before or "\t" in after:
        return False                       # a table's rows (tab-separated cells) are rows
    if _ends(before) or ITEM.match(after):
        return False
    if not any(_is_cjk(ch) for ch in before):
        return False                       # not Chinese prose: a table, an address list
    return width(before) >= FULL * widest
