"""Chinese number words and quantifiers in typed 指标值 (used by ``domain.values``).

- ``cn_int``: a count written in Chinese numerals, 四 → 4, 一百零五 → 105 (seed 003: 编印了四期);
- ``without_all_of``: “all of them” before a 达成 word, 均达到预期目标 → 达到预期目标.
"""
from __future__ import annotations

_CN_DIGIT_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                    "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_LARGE = {"万": 10 ** 4, "亿": 10 ** 8}


def cn_int(numeral: str) -> int:
    """一百二十 → 120, 十二 → 12, 两千 → 2000, 三万五千 → 35000, 一亿二千万 → 120000000,
    两万亿 → 2000000000000."""
    total = section = digit = 0
    biggest = 0        # the largest of 万/亿 met so far
    for ch in numeral:
        if ch in _CN_DIGIT_VALUES:
            digit = _CN_DIGIT_VALUES[ch]
        elif ch in _CN_SMALL:
            section += (digit or 1) * _CN_SMALL[ch]
            digit = 0
        else:
            unit = _CN_LARGE[ch]
            section += digit
            if unit > biggest:     # 亿 after 万 (两万亿), or the first: all so far is counted in it
                total = (total + section) * unit
                biggest = unit
            else:                  # 万 after 亿 (一亿二千万): this section alone
                total += section * unit
            section = digit = 0
    return total + section + digit


# 均达到预期目标, 全部已完成, 各项均已达标 (seed 003): “all of them” before a 达成 word
_ALL_OF_WORDS = ("均已", "均", "都已", "都", "全部已", "已全部", "皆", "全都")
_ALL_OF_HEADS = ("各项目标", "各项", "目标", "")


def without_all_of(words: str) -> str:
    """均达到预期目标 → 达到预期目标: “all of them” before a 达成 word (no pattern to compile)."""
    for head in _ALL_OF_HEADS:
        if words.startswith(head):
            rest = words[len(head):]
            for word in _ALL_OF_WORDS:
                if rest.startswith(word):
                    return rest[len(word):]
    return words
