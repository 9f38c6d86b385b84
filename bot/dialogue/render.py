"""Answers from the notice's units: each unit quoted and cited, with what follows it (how
its days count, what its form is for, whom a short name covers, which FTZ areas there are);
several units numbered; a question back with a button per candidate."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.dialogue import context as ctx
from bot.dialogue import shape
from bot.dialogue.reply import Button, Reply, payload
from bot.i18n import t
from bot.notice import ANNEX_CLAUSES, ASSESSMENT_PLAN_DAYS_BEFORE, NOTICE
from bot.notice.document import Text
from bot.notice.units import OPENING, UNITS_BY_ID, Unit, children
from bot.settings import get_settings

UNIT_PREFIX = "unit:"
UNIT_BUTTON_INTENT = "ask_conditions"  # any question intent carries a unit button's subject


_OPENING_SENTENCE = "header.basis"  # the opening paragraph's sentence, whose facts are units of their own
_NAMES_IN_CHINESE = frozenset({"header.title", "header.item", "header.basis_document"})


def _quote(unit: Unit, lang: str) -> str:
    text = unit.text.get(lang)
    lines = []
    if unit.id in _PARTS:  # a whole part: its heading first
        lines.append(t("unit_part_heading", lang, ref=unit.ref.get(lang), title=unit.title.get(lang)))
    if unit.kind in ("clause", "sentence", "material", "category", "header"):
        lines.append(t("unit_quote", lang, ref=unit.ref.get(lang), text=text))
    else:
        lines.append(text)
    if lang == "en" and (unit.kind in ("material", "category") or unit.id in _NAMES_IN_CHINESE):
        # the materials' Chinese names, as the applicant will label the files; the notice's
        # own title and the item's name, as they are cited
        lines.append(t("unit_in_chinese", lang, text=unit.text.zh))
    parent = UNITS_BY_ID.get(unit.parent or "")
    if unit.kind == "part":
        lines += [k.text.get(lang) for k in children(unit.id) if k.kind == "category"]
    if unit.kind == "section":
        lines += [k.text.get(lang) for k in children(unit.id) if k.kind == "table"]
    if parent is not None and unit.kind == "material":
        category = parent if parent.kind == "category" else UNITS_BY_ID.get(parent.parent or "")
        if category is not None:
            lines.append(t("unit_category", lang, text=category.text.get(lang)))
    if unit.ref == OPENING:  # a fact of the opening paragraph, with the sentence that states it
        lines.append(t("unit_whole", lang, text=UNITS_BY_ID[_OPENING_SENTENCE].text.get(lang)))
    if parent is not None and unit.kind in ("sentence", "column", "field", "free_text"):
        if unit.kind == "sentence":
            lines.append(t("unit_whole", lang, text=parent.text.get(lang)))
        else:
            lines.append(t("unit_in", lang, text=parent.text.get(lang)))
    return "\n".join(lines)


_PARTS = frozenset("123456")


def _notes(unit: Unit, lang: str) -> list[str]:
    """What follows a unit's quote: how its days count, what its form is for."""
    lines = []
    if "工作日" in unit.text.zh:
        lines.append(t("unit_working_days", lang))
    if unit.ref.zh.startswith("附件"):
        key = "annex1" if unit.ref.zh.startswith("附件1") else "annex2"
        lines.append(t(f"unit_{key}_role", lang, ref=ANNEX_CLAUSES[key].ref.get(lang),
                       contact=get_settings().contact.get(lang)))
    return lines


_HOW_MANY = re.compile(r"几种|几个|几类|多少种|哪几种|几项|\bhow many\b|\bnumber of\b", re.IGNORECASE)


def _supervision_counts(lang: str) -> str:
    """How many forms of inspection and methods of supervision part 五 names, and which."""
    zh = UNITS_BY_ID["5"].text.zh
    head = zh[:zh.index("的方式")]
    forms = re.findall(r"“([^”]+)”", head[:head.index("的形式")])
    methods = re.findall(r"“([^”]+)”", head[head.index("的形式"):])
    sep = "、" if lang == "zh" else ", "
    return t("supervision_counts", lang, nf=len(forms), forms=sep.join(forms), nm=len(methods),
             methods=sep.join(methods))


def _short_name() -> tuple[Text, Text, Text]:
    """The short name part six defines ("国外职业资格证书机构") and what it stands for."""
    unit = UNITS_BY_ID["6.operate_in_ftz"]
    zh = re.search(r"许可的(?P<who>.+?)（两者以下简称(?P<name>.+?)）", unit.text.zh)
    en = re.search(r"^(?P<who>.+?) \(together “(?P<name>.+?)”\)", unit.text.en)
    assert zh and en, "the definition of the short name is in 六（一）"
    return Text(zh.group("name"), en.group("name")), Text(zh.group("who"), en.group("who")), unit.ref


_SHORT_NAME_PARTS = _short_name()


def _short_name_line(lang: str) -> str:
    name, who, ref = _SHORT_NAME_PARTS
    return t("unit_short_name", lang, name=name.get(lang), who=who.get(lang), ref=ref.get(lang))


_MEANS = {"二": "conditions", "三": "materials", "四": "procedure", "五": "supervision",
          "六": "duties"}


def _means(unit: Unit, lang: str) -> str:
    return t(f"unit_means_{_MEANS.get(unit.ref.zh[:1], 'general')}", lang)


_WHICH_AREAS = re.compile(r"哪些片区|哪几个片区|几个片区|片区\S{0,6}(?:几个|多少个)|片区有哪些|片区是哪|哪些地方|哪里|哪儿|在哪|自贸区(?:有|包括)|"
                          r"which (?:areas|parts|zones|districts)|what areas|how many (?:ftz |free trade zone )?(?:areas|zones)|\bwhere\b|areas? (?:make up|of the)",
                          re.IGNORECASE)


def _area_line(query: str, lang: str, addressees: bool = False) -> str | None:
    """Which FTZ areas the notice names, and whether the place asked about is one (of the
    addressees: its area's committee or its city's bureau)."""
    area = ctx.area_of(query)
    if area is None and not _WHICH_AREAS.search(query):
        return None
    areas = [a.get(lang) for a in NOTICE.free_trade_zone_areas]
    names = "、".join(areas) if lang == "zh" else ", ".join(areas)
    if area is None:
        return t("area_list", lang, areas=names, n=len(areas))
    inside = any(area.lower() in a.zh.lower() or area.lower() in a.en.lower()
                 for a in NOTICE.free_trade_zone_areas)
    key = ("addressee_area_in" if inside else "addressee_area_out") if addressees else \
        ("area_in" if inside else "area_out")
    return t(key, lang, area=area if lang == "zh" else area.title(), areas=names)


def render_units(units: Sequence[Unit], lang: str, pasted: bool = False,
                 query: str = "") -> Reply:
    """The answer from one or several units, each quoted and cited."""
    cites = "；".join(dict.fromkeys(u.cite(lang) for u in units)) if lang == "zh" else \
        "; ".join(dict.fromkeys(u.cite(lang) for u in units))
    notes = list(dict.fromkeys(line for u in units for line in _notes(u, lang)))
    if len(units) == 1:
        body = "\n".join([_quote(units[0], lang)] + notes)
        if pasted:
            body = "\n".join((t("unit_pasted", lang, ref=units[0].ref.get(lang)), body,
                              _means(units[0], lang)))
    else:
        parts = [t("unit_several", lang, n=len(units))]
        seen: set[str] = set()
        for i, u in enumerate(units, 1):
            first, *rest = _quote(u, lang).split("\n")
            rest = [line for line in rest if line not in seen]  # a shared category once
            seen.update(rest)
            parts.append("\n".join([f"{i}. {first}"] + rest))
        body = "\n".join(parts + notes)  # each note once, after the places it is about
    to_addressees = any(u.id == "header.addressees" for u in units) and bool(
        ctx.area_of(query) or _WHICH_AREAS.search(query))
    if any(u.id == "6.operate_in_ftz" for u in units) or to_addressees:
        line = _area_line(query, lang, addressees=to_addressees)
        if line:
            body = f"{body}\n{line}"
    elif any(u.id in ("5", "5.s1") for u in units) and _HOW_MANY.search(query):
        body = f"{body}\n{_supervision_counts(lang)}"  # "通知里列了几种监管方式"
    elif any(u.id == "6.assessment_plan" for u in units) and shape.HOLIDAYS.search(query):
        # "那节假日算不算" of the plan: the notice says 前10日, not working days.
        body = f"{body}\n{t('plan_convention', lang, days=ASSESSMENT_PLAN_DAYS_BEFORE)}"
    elif (ctx.party_of(query) or shape.both_parties(query)) and \
            any(_SHORT_NAME_PARTS[0].zh in u.text.zh for u in units):
        # "中方机构也要推吗": the duty's subject, a short name, covers both parties.
        body = f"{body}\n{_short_name_line(lang)}"
    return Reply(f"{body}\n{t('unit_source', lang, cites=cites)}")


def clarify(units: Sequence[Unit], lang: str) -> Reply:
    buttons = tuple(Button(f"{u.ref.get(lang)} {u.title.get(lang)}"[:60],
                           payload(UNIT_BUTTON_INTENT, subject=f"{UNIT_PREFIX}{u.id}"))
                    for u in units)
    buttons += (Button(t("btn_handoff", lang), payload("human_handoff")),)
    return Reply(t("clarify_which", lang), buttons)


def silent_reply(key: str, lang: str) -> Reply:
    contact = get_settings().contact.get(lang)
    text = t("silent_answer", lang, topic=t(f"silent_{key}", lang), contact=contact)
    return Reply(text, (Button(t("btn_handoff", lang), payload("human_handoff")),))


# ---------------------------------------------------------------------------------------
