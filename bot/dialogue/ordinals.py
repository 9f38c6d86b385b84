"""A part of the notice named by its place: "第三类", "the second item", "第二张表", "许可条件第一条",
"通知第五部分", "附件1第四部分", "section one of Annex 2" — resolved against the subject of the
conversation where the words alone do not say which list is meant."""

from __future__ import annotations

import re

from bot.dialogue import forms
from bot.dialogue.shape import is_elliptical
from bot.dialogue.state import State
from bot.notice.units import UNITS_BY_ID, Unit, children

_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
           "十": 10}
_EN_NUM = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "1st": 1,
           "2nd": 2, "3rd": 3, "4th": 4}
_ORDINAL_ZH = re.compile(r"第\s*([一二两三四五六七八九十]|\d+)\s*(类|项|条|个|部分|点|样|种|栏|部|张)")
_ORDINAL_EN = re.compile(r"\b(first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th)\b"
                         r"(?:\s+(category|item|one|part|point|table))?|\b(category|item|part|point)\s+"
                         r"\(?(\d)\)?(?!\d)", re.IGNORECASE)

_LAST = re.compile(r"最后(?:一)?(?P<zh>项|个|条|类|样|部分)|\bthe last (?P<en>one|item|category|part)\b", re.IGNORECASE)


def _number(word: str) -> int:
    """"3" or "三" as a number (the words the ordinal patterns capture)."""
    return int(word) if word.isdigit() else _CN_NUM[word]


def _ordinal(text: str) -> tuple[int, str] | None:
    """(n, kind) of "第三类", "the second item"; n is -1 for "最后一项", "the last one"."""
    last = _LAST.search(text)
    if last:
        kind = last.group("zh") or ("类" if (last.group("en") or "").lower() == "category" else "项")
        return -1, kind
    m = _ORDINAL_ZH.search(text)
    if m:
        n = _number(m.group(1))
        return n, m.group(2)
    m = _ORDINAL_EN.search(text)
    if m:
        n = _EN_NUM[m.group(1).lower()] if m.group(1) else int(m.group(4))
        kind = (m.group(2) or m.group(3) or "item").lower()
        return n, {"category": "类", "table": "张"}.get(kind, "项")
    return None


def by_ordinal(text: str, state: State) -> Unit | None:
    found = _ordinal(text)
    if not found:
        return None
    n, kind = found
    current = UNITS_BY_ID.get(state.topic_unit or "")
    if current is not None and kind in ("部分", "部") and current.id in forms.FORM_OF:
        current = UNITS_BY_ID[forms.FORM_OF[current.id]]
    in_form = current is not None and current.id.startswith("annex") and kind == "类" and any(
        u.kind != "sentence" for u in children(current.id))  # "the second category" of staff
    if not in_form and (kind == "类" or (current is not None and current.id == "3" and kind in ("部分", "种"))):
        return UNITS_BY_ID.get(f"3.{n if n > 0 else 4}")
    if current is None:
        return None
    if current.id == "header.annexes" and n in (1, 2, -1):
        return UNITS_BY_ID["annex2" if n in (2, -1) else "annex1"]  # "What's in the second one?"
    for base in (current, UNITS_BY_ID.get(current.parent or "")):
        if base is None:
            continue
        kids = [u for u in children(base.id) if u.kind not in ("sentence",)] or _clauses_of(base)
        kids = [u for u in kids if u.kind == "table"] if kind in ("张", "table") else kids  # "第二张表"
        if base.id.startswith("3.") and base.kind == "category":
            kids = [u for u in kids if u.kind == "material" and not u.id.startswith("3.g")] or kids
        if 1 <= n <= len(kids) or (n == -1 and kids):
            return kids[n - 1 if n > 0 else -1]
    return None


def _clauses_of(part: Unit) -> list[Unit]:
    """The clauses of a part of the notice in their order ("the third one" after part two)."""
    if part.kind != "part":
        return []
    return [u for u in UNITS_BY_ID.values() if u.kind == "clause" and u.parent is None
            and u.id.split(".")[0] == part.id and "." in u.id]


_SEVERAL_ZH = re.compile(r"((?:第\s*(?:[一二两三四五六七八九十]|\d+)\s*(?:、|和|与|跟|及|以及|,|，)\s*)+"
                         r"第\s*(?:[一二两三四五六七八九十]|\d+))\s*(?:部分|类|项|块)")


_NUM = r"([一二两三四五六七八九十]|\d+)"
_CONDITION_N = (
    re.compile(rf"(?:许可条件|条件)\S{{0,3}}?第\s*{_NUM}\s*(?:条|项|点|个)|第\s*{_NUM}\s*(?:条|项|个)(?:许可)?条件"),
    re.compile(r"\b(?:(first|second|third) (?:licensing )?condition|(?:licensing )?condition \(?(\d)\)?)",
               re.IGNORECASE),
)


_PART_N = (
    re.compile(rf"(?:通知|正文|文件|这个文|本文)\S{{0,4}}第\s*{_NUM}\s*(?:部分|大部分|大块|条|点)"),
    re.compile(r"\b(?:section|part)\s+(one|two|three|four|five|six|[1-6]|i{1,3}|iv|vi?)\s+of\s+(?:the|this)\s+"
               r"notice\b|\bthe notice'?s\s+(first|second|third|fourth|fifth|sixth)\s+(?:part|section)",
               re.IGNORECASE),
)
_ROMAN_N = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
# "第五部分讲的啥", "What is the title of Section 6?": with no form in the words or the subject,
# a part by its number is the notice's.
_BARE_PART_N = (
    re.compile(rf"^\W*(?:那|那么|请问)?\s*第\s*{_NUM}\s*(?:部分|大部分|大块)"),
    re.compile(r"\b(?:section|part)\s+(one|two|three|four|five|six|[1-6]|i{1,3}|iv|vi?)\b"
               r"(?!\s*(?:of|in)\s+(?:the\s+)?(?:annex|form))", re.IGNORECASE),
)
# ... and only when the question is about the part itself: its title, what it covers.
_ABOUT_PART = re.compile(r"\b(?:title|heading|name|contents?|topic)\b|\b(?:about|cover|covers|say|says|titled|called|"
                         r"headed)\W*$|^\W*(?:and\s+|what\s+about\s+)?(?:section|part)\s+\w+\W*$", re.IGNORECASE)
_NAMES_A_FORM = re.compile(r"附件|表|annex|form|table", re.IGNORECASE)


def part_n(text: str, state: State | None = None) -> Unit | None:
    """"通知第五部分", "section five of the notice": that part of the notice (一 to 六)."""
    m = _PART_N[0].search(text)
    bare = state is not None and not (state.topic_unit or "").startswith("annex") \
        and not _NAMES_A_FORM.search(text)
    if not m and bare:
        m = _BARE_PART_N[0].search(text)
        if not m:
            b = _BARE_PART_N[1].search(text)
            if b and _ABOUT_PART.search(text):
                w = b.group(1).lower()
                n = int(w) if w.isdigit() else _WORDS_EN.get(w) or _ROMAN_N.get(w, 0)
                return UNITS_BY_ID.get(str(n)) if 1 <= n <= 6 else None
    if m:
        x = m.group(1)
        n = _number(x)
    else:
        m = _PART_N[1].search(text)
        if not m:
            return None
        w = (m.group(1) or m.group(2)).lower()
        n = (int(w) if w.isdigit() else _WORDS_EN.get(w) or _ROMAN_N.get(w)
             or _EN_NUM.get(w, 0))
    return UNITS_BY_ID.get(str(n)) if 1 <= n <= 6 else None


def condition_n(text: str) -> Unit | None:
    """"许可条件第一条", "the second condition": that clause of part two."""
    m = _CONDITION_N[0].search(text)
    if m:
        x = m.group(1) or m.group(2)
        n = _number(x)
    else:
        m = _CONDITION_N[1].search(text)
        if not m:
            return None
        n = _EN_NUM[m.group(1).lower()] if m.group(1) else int(m.group(2))
    return UNITS_BY_ID.get(f"2.{n}")


# "通知里所有的时间要求", "list all the deadlines": every time limit the notice sets.
def _numbers(text: str) -> list[int]:
    """"第三、第四部分": [3, 4]; one ordinal: [n]; none: []."""
    m = _SEVERAL_ZH.search(text)
    if m:
        return [_number(x) for x in re.findall(r"第\s*([一二两三四五六七八九十]|\d+)", m.group(1))]
    found = _ordinal(text) or _cardinal_part(text)
    return [found[0]] if found else []


def annex_sections(text: str, state: State | None = None) -> list[Unit]:
    """"附件1第四部分", "section one of Annex 2", "汇总表第三、第四部分": those parts of the form;
    "and its first section?" after a form: that form's."""
    keys = [key for rx, key in forms.ANNEX_NAMED if rx.search(text)]
    sub = _SUBSECTION[0].search(text) or _SUBSECTION[1].search(text)
    if keys and sub:  # "附件1四（三）", "section 4(3) of Annex 1": a part inside a section
        kids = [u for u in children(keys[0]) if u.kind == "section"]
        n, m = _n(sub.group(1)), _n(sub.group(2))
        if 1 <= n <= len(kids):
            mark = f"（{'一二三四五六'[m - 1]}）" if 1 <= m <= 6 else ""
            inner = [u for u in children(kids[n - 1].id) if mark and u.title.zh.startswith(mark)]
            return inner[:1] or [kids[n - 1]]
    numbers = _numbers(text)
    if keys and not numbers:
        named = _SECTION_ZH.search(text)  # "附件1五的标题"
        numbers = [_n(named.group(1))] if named else []
    if not numbers:
        return []
    current = (state.topic_unit or "").split(".")[0] if state is not None else ""
    if not keys and current in ("annex1", "annex2") and is_elliptical(text) and \
            re.search(r"\b(?:its|the) (?:first|second|third|fourth|fifth|sixth|\d)\w* (?:section|part)|"
                      r"\b(?:section|part) (?:one|two|three|four|five|six|\d)\b|第.(?:部分|项|栏)", text, re.IGNORECASE):
        keys = [current]
    for key in keys[:1]:
        kids = [u for u in children(key) if u.kind == "section"]
        return [kids[n - 1] for n in numbers if 1 <= n <= len(kids)]
    return []


_CARDINAL_EN = re.compile(r"\b(?:section|part)\s+(one|two|three|four|five|six|\d|vi|iv|v|i{1,3})\b", re.I)
_WORDS_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
# "附件1四（三）", "section 4(3) of Annex 1"; "附件1五" (a section by its numeral alone)
_SUBSECTION = (re.compile(r"(?:附件\s*[12一二]|注册表|汇总表)\S{0,2}?第?([一二三四五六])(?:部分)?\s*[（(]\s*([一二三四五六\d])\s*[)）]"),
               re.compile(r"\b(?:section|part)\s+([1-6]|vi|iv|v|i{1,3})\s*\((\d)\)", re.IGNORECASE))
_SECTION_ZH = re.compile(r"(?:附件\s*[12一二]|注册表|汇总表)\s*(?:的)?\s*([一二三四五六])(?=的|标题|部分|里|中|是|写|要|那|这|\s|$|[，,。？?])")


def _n(word: str) -> int:
    """"三", "3", "iii" as a number (0 when none)."""
    word = word.lower()
    return int(word) if word.isdigit() else _CN_NUM.get(word) or _WORDS_EN.get(word, 0)


def _cardinal_part(text: str) -> tuple[int, str] | None:
    m = _CARDINAL_EN.search(text)
    if not m:
        return None
    w = m.group(1).lower()
    return (int(w) if w.isdigit() else _WORDS_EN[w]), "部分"
