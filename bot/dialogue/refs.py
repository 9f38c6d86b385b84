"""A clause or a material named by its reference, as the notice writes it or as readers cite it: "六（三）讲的什么",
"三（三）2是啥", "二(二)", "Part IV(2)", "section 6(3)", "III(2).1".  The references are the
units' own (``Unit.ref``), read once; nothing here names a clause."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.dialogue import shape
from bot.dialogue.normalise import normalise
from bot.notice.units import UNITS_BY_ID, Unit, children

_ZH_DIGITS = "一二三四五六七八九十"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
# 六（三）, 三（三）2, 第六部分（三）, 二(二)第1项; a bare part ("第五部分") is context.py's.
_ZH_REF = re.compile(rf"(?<![\u4e00-\u9fff])(?:第)?([{_ZH_DIGITS[:6]}])(?:部分)?\s*[（(]\s*([{_ZH_DIGITS}]|\d)\s*[)）]"
                     rf"(?:\s*(?:第)?\s*(\d)(?:项|条|点)?)?")
_EN_REF = re.compile(r"\b(?:part|section|item|clause|article)?\s*(vi|iv|v|i{1,3}|[1-6])\s*\((\d)\)(?:\s*\.?\s*(\d))?",
                     re.IGNORECASE)


def _n(word: str) -> int:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _ROMAN.get(word) or (shape.number_value(word) or 0)


@lru_cache(maxsize=1)
def _by_ref() -> dict[str, list[Unit]]:
    """Every reference the notice's units carry → the units that carry it, the broadest first
    (三（一）1 is the foreign institution's proof as a whole, before its four items)."""
    out: dict[str, list[Unit]] = {}
    for unit in UNITS_BY_ID.values():
        if unit.kind in ("sentence", "header") or unit.id.startswith("annex"):
            continue
        out.setdefault(normalise(unit.ref.zh), []).append(unit)
    return out


def named_clauses(text: str) -> list[Unit]:
    """The clause(s) a message names by reference ("六（四）" holds two), or none."""
    text = normalise(text)
    m = _ZH_REF.search(text)
    if m:
        part, clause, item = _n(m.group(1)), _n(m.group(2)), m.group(3)
    else:
        m = _EN_REF.search(text)
        if m is None or not re.search(r"\b(?:part|section|item|clause|article)\b|\b(?:vi|iv|v|i{1,3})\s*\(", text, re.I):
            return []
        part, clause, item = _n(m.group(1)), _n(m.group(2)), m.group(3)
    if not (1 <= part <= 6 and 1 <= clause <= 9) or re.search(r"附件|附表|\bannex|\bform\b", text[:m.start()], re.I) or \
            re.match(r"\W*(?:of|in)\s+(?:the\s+)?(?:annex|registration form|annual summary|form)\b", text[m.end():], re.I):
        return []  # "附件1四（三）", "section 4(3) of Annex 1": a part of the form
    ref = f"{_ZH_DIGITS[part - 1]}({_ZH_DIGITS[clause - 1]})" + (item or "")
    found = _by_ref().get(normalise(ref), [])
    if not found:
        return []
    first = found[0]
    if first.kind == "material":
        return [first]  # the item as a whole, not each of its parts
    return [u for u in found if u.kind == first.kind]


def without_refs(text: str) -> str:
    """The message without the references it cites ("二（二）里的合作机构要备案吗" → "里的合作机构要备案吗")."""
    return _EN_REF.sub(" ", _ZH_REF.sub(" ", text))


# A material named by its category and item: "第三类第2项", "item 2 in category (3)",
# "考试组织实施类第二项".
_NUM_ZH = r"([一二两三四五六七八九十]|\d+)"
_CATEGORY_ITEM = (
    re.compile(rf"第\s*{_NUM_ZH}\s*类\S{{0,3}}?第\s*{_NUM_ZH}\s*(?:项|个|条|点)"),
    re.compile(r"\bitem\s+\(?(\d)\)?\s+(?:in|of|under)\s+(?:the\s+)?(?:category|group|class)\s+\(?(\d)\)?"
               r"|\b(?:category|group|class)\s+\(?(\d)\)?,?\s+item\s+\(?(\d)\)?", re.IGNORECASE),
)


_NAMED_ITEM = re.compile(rf"类(?:文件|材料)?\S{{0,2}}?第\s*{_NUM_ZH}\s*(?:项|个|条|点)|其他材料\S{{0,2}}?第\s*{_NUM_ZH}\s*(?:项|个|条)")


def _category_named(text: str) -> int:
    """The material category a message names by its name ("考试组织实施类", "资信证明类"), or 0."""
    for n in range(1, 5):
        title = UNITS_BY_ID[f"3.{n}"].title.zh
        name = re.search(r"(\S{2,8}类)", title)
        key = name.group(1)[-5:] if name else title[:4]
        if key in text:
            return n
    return 0


def category_item(text: str) -> Unit | None:
    """"第三类第2项", "item 2 in category (3)": that material of the materials list."""
    m = _CATEGORY_ITEM[0].search(text)
    named = _NAMED_ITEM.search(text)
    if m:
        cat, item = (_n(x) for x in m.groups())
    elif named and _category_named(text):
        cat, item = _category_named(text), _n(next(g for g in named.groups() if g))  # "考试组织实施类第二项"
    else:
        m = _CATEGORY_ITEM[1].search(text)
        if not m:
            return None
        item_s, cat_s, cat2, item2 = m.groups()
        cat, item = (int(cat_s), int(item_s)) if item_s else (int(cat2), int(item2))
    category = UNITS_BY_ID.get(f"3.{cat}")
    if category is None:
        return None
    kids = [u for u in children(category.id) if u.kind != "sentence"]
    return kids[item - 1] if 1 <= item <= len(kids) else None
