"""Spending catalogs (支出科目): what a 项目支出明细 line may be classified as.

Three bundled catalogs in ``resources/catalogs``, one per :class:`SpendingScheme`:

- ``economic``: 部门预算支出经济分类科目, classes 301–399 (类) and their items (款), e.g.
  302 商品和服务支出 / 30211 差旅费;
- ``rd2011``: the 11 R&D cost categories (设备费, 材料费 … 其他支出) that seed 002 uses;
- ``rd2021``: the three categories from 2021 on (设备费, 业务费, 劳务费).

``lookup`` finds an entry from what a clerk wrote: a code (``302``), a name (``差旅费``), both
(``302 商品和服务支出``, ``302商品和服务支出`` written together as seed 003 does, ``30211-差旅费``)
or a common variant (``其他费用支出`` → 其他支出, ``维修(护)费`` with ASCII brackets).
Code and name that contradict each other (``302差旅费``) find nothing: the caller keeps the
text as typed and asks. ``entries`` lists a catalog in order for the window's pickers.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
import json
import re
import unicodedata

from .. import RESOURCES
from .schemes import SpendingScheme


@dataclass(frozen=True)
class CatalogEntry:
    scheme: SpendingScheme
    code: str             # "302", "30211"; R&D categories: "equipment", "travel" …
    name: str             # 商品和服务支出, 差旅费, 设备费
    parent: str | None    # the class code of an economic item ("302" for 30211), else None
    aliases: tuple[str, ...] = ()

    @property
    def level(self) -> int:
        """1 for a class (类) or an R&D category, 2 for an economic item (款)."""
        return 1 if self.parent is None else 2

    @property
    def numbered(self) -> bool:
        return self.scheme is SpendingScheme.ECONOMIC

    @property
    def label(self) -> str:
        """How the entry is shown in a picker or printed: ``302 商品和服务支出`` or ``设备费``."""
        return f"{self.code} {self.name}" if self.numbered else self.name


@dataclass(frozen=True)
class Catalog:
    scheme: SpendingScheme
    name: str
    description: str
    entries: tuple[CatalogEntry, ...]
    by_code: dict
    by_name: dict


_SEPARATORS = " \t-_.、:：·|/"
_ENUMERATOR = re.compile(r"^\s*(?:\(?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\)|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.])\s*")


def normalize_name(text: str) -> str:
    """Fold width and brackets and drop spaces: ``维修（护）费`` == ``维修(护)费`` == ``维修 (护) 费``."""
    s = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"\s+", "", s).strip(_SEPARATORS)


def split_code_name(text: str) -> tuple[str, str]:
    """``302商品和服务支出`` → (``302``, ``商品和服务支出``); ``差旅费`` → (``""``, ``差旅费``)."""
    s = unicodedata.normalize("NFKC", text or "").strip()
    m = re.match(r"^[\[【(]?(\d{3,7})[\]】)]?", s)
    if not m:
        s = _ENUMERATOR.sub("", s)  # "1、设备费", "（二）材料费"
        return "", normalize_name(s)
    return m.group(1), normalize_name(s[m.end():])


def _catalog_file(scheme: SpendingScheme):
    return RESOURCES / "catalogs" / f"{scheme.value}.json"


@lru_cache(maxsize=None)
def load_catalog(scheme: SpendingScheme | str) -> Catalog:
    """The bundled catalog of a spending scheme (``economic``, ``rd2011``, ``rd2021``)."""
    scheme = SpendingScheme(scheme)
    data = json.loads(_catalog_file(scheme).read_text(encoding="utf-8"))
    entries: list[CatalogEntry] = []
    later: list[CatalogEntry] = []   # items of 基本建设 classes lose name ties
    if scheme is SpendingScheme.ECONOMIC:
        for cls in data["classes"]:
            entries.append(CatalogEntry(scheme, cls["code"], cls["name"], None,
                                        tuple(cls.get("aliases", ()))))
            for item in cls["items"]:
                entry = CatalogEntry(scheme, item["code"], item["name"], cls["code"],
                                     tuple(item.get("aliases", ())))
                entries.append(entry)
                if cls.get("basic_construction"):
                    later.append(entry)
    else:
        for item in data["items"]:
            entries.append(CatalogEntry(scheme, item["code"], item["name"], None,
                                        tuple(item.get("aliases", ()))))
    by_code = {e.code: e for e in entries}
    by_name: dict[str, CatalogEntry] = {}
    # classes first (399 其他支出 before 39999 其他支出), then items, 基本建设 items last
    ordered = [e for e in entries if e.level == 1]
    ordered += [e for e in entries if e.level == 2 and e not in later] + later
    for e in ordered:
        by_name.setdefault(normalize_name(e.name), e)
    for e in ordered:
        for alias in e.aliases:
            by_name.setdefault(normalize_name(alias), e)
    return Catalog(scheme, data["name"], data.get("description", ""), tuple(entries),
                   by_code, by_name)


def entries(scheme: SpendingScheme | str = SpendingScheme.ECONOMIC,
            parent: str | None = None) -> list[CatalogEntry]:
    """A catalog in order (each class followed by its items) for a picker.

    ``parent="302"`` lists only the items of that class; ``parent=""`` only the classes.
    """
    all_entries = load_catalog(scheme).entries
    if parent is None:
        return list(all_entries)
    if parent == "":
        return [e for e in all_entries if e.parent is None]
    return [e for e in all_entries if e.parent == parent]


def by_code(code: str, scheme: SpendingScheme | str = SpendingScheme.ECONOMIC) -> CatalogEntry | None:
    return load_catalog(scheme).by_code.get(unicodedata.normalize("NFKC", code or "").strip())


def by_name(name: str, scheme: SpendingScheme | str = SpendingScheme.ECONOMIC) -> CatalogEntry | None:
    return load_catalog(scheme).by_name.get(normalize_name(name))


def _name_matches(entry: CatalogEntry, name: str) -> bool:
    return name in {normalize_name(n) for n in (entry.name, *entry.aliases)}


def lookup(text: str, scheme: SpendingScheme | str = SpendingScheme.ECONOMIC) -> CatalogEntry | None:
    """The entry a written code and/or name means, or None.

    A code and a name written together must agree (``302商品和服务支出``); an R&D catalog has no
    numeric codes, so its text is looked up by name (or by its key, ``travel``).
    """
    scheme = SpendingScheme(scheme)
    catalog = load_catalog(scheme)
    if not (text or "").strip():
        return None
    code, name = split_code_name(text)
    if code:
        entry = catalog.by_code.get(code)
        if entry is None or (name and not _name_matches(entry, name)):
            return None
        return entry
    return catalog.by_name.get(name) or catalog.by_code.get(name)


def class_code(code: str) -> str | None:
    """The 支出经济分类 class (类) written as ``code`` (``302``, ``３０２``); None for an item, an
    R&D category key or a code the catalog does not know."""
    entry = by_code(code)
    return entry.code if entry is not None and entry.parent is None else None


def item_class(code: str) -> str | None:
    """The 支出经济分类 class (类) of the item (款) written as ``code``: ``302`` for ``30211``;
    None for a class, an R&D category key (those catalogs are flat) or a code the catalog does
    not know."""
    entry = by_code(code)
    return None if entry is None else entry.parent


def recoded(lines, scheme: SpendingScheme | str) -> list[tuple[object, str, str]]:
    """(line id, code, name) of the spending lines whose code must change when the project's
    classification becomes ``scheme``: a line whose name is one of the new catalog's takes its
    code (差旅费 → 30211, or → travel); a code the new catalog does not know is cleared (the name
    stays). Otherwise lines pasted under 支出经济分类 would keep their 30211 after 科研经费 is
    chosen — hidden there, flagged as not in the catalog, and printed “30211差旅费”."""
    out = []
    for line in lines:
        entry = lookup(line.name, scheme) if line.name.strip() else None
        if entry is not None:
            wanted = (entry.code, entry.name)
        elif line.code.strip() and lookup(line.code, scheme) is None:
            wanted = ("", line.name)
        else:
            continue
        if (line.code, line.name) != wanted:
            out.append((line.id, *wanted))
    return out
