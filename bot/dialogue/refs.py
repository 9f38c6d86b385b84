"""A clause named by its reference, as the notice writes it or as readers cite it: "六（三）讲的什么",
"三（三）2是啥", "二(二)", "Part IV(2)", "section 6(3)", "III(2).1".  The references are the
units' own (``Unit.ref``), read once; nothing here names a clause."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.dialogue import shape
from bot.dialogue.normalise import normalise
from bot.notice.units import UNITS_BY_ID, Unit

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
    if not (1 <= part <= 6 and 1 <= clause <= 9) or re.search(r"附件|附表|\bannex|\bform\b", text[:m.start()], re.I):
        return []  # "附件1四（三）" is a part of the form
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
